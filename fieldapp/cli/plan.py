"""``fieldapp plan ...``: the visit planner from the command line.

``plan solve --instance FILE.json`` plans one self-contained instance (the format of issue 14,
see docs/planning.md) and prints the plan; it touches no database. The instance brings its own
policy; travel speeds and the default budget come from the policy file's ``[planning]``.
Exit 0 on a plan (also with unplanned cases), 2 on an invalid instance, every problem listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldapp.errors import FieldAppError


class InstanceUnreadable(FieldAppError):
    exit_code = 2


def register(sub: Any) -> None:
    p = sub.add_parser("plan", help="plan huisbezoeken over dagdelen")
    psub = p.add_subparsers(dest="plan_command", required=True)
    register_solve(psub)
    from fieldapp.cli.plan_week import register_week

    register_week(psub)


def register_solve(psub: Any) -> None:
    solve = psub.add_parser(
        "solve", help="plan één losse instantie (JSON); raakt geen database aan"
    )
    solve.add_argument("--instance", required=True, help="JSON-bestand met de instantie")
    solve.add_argument(
        "--budget",
        type=float,
        help="rekentijd in seconden (standaard: planning.rekentijd_seconden, 5)",
    )
    solve.add_argument(
        "--solver",
        choices=("auto", "vroom", "greedy"),
        default="auto",
        help="rekenkern (standaard: pyvroom als dat er is, anders de eigen heuristiek)",
    )
    solve.add_argument("--json", action="store_true", help="uitvoer als JSON")
    solve.set_defaults(func=cmd_plan_solve)


def cmd_plan_solve(args: argparse.Namespace) -> int:
    from fieldapp.planning.instance import InvalidInstance, instance_from_json, result_to_json
    from fieldapp.planning.settings import load_planning_settings
    from fieldapp.planning.solver import solve, vroom_available

    settings = load_planning_settings()  # travel speeds (and budget) of the policy file
    budget = settings.budget_s if args.budget is None else args.budget
    if budget <= 0:
        raise InstanceUnreadable("--budget moet een positief aantal seconden zijn.")
    try:
        raw = json.loads(Path(args.instance).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InstanceUnreadable(f"Instantie niet leesbaar ({exc.__class__.__name__}).") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InstanceUnreadable(f"Instantie is geen geldige JSON: {exc}") from exc
    try:
        instance = instance_from_json(raw)
    except InvalidInstance as exc:
        if args.json:
            problems = [
                {"kind": p.kind, "id": p.key, "field": p.field, "message": p.message}
                for p in exc.problems
            ]
            print(json.dumps({"error": "invalid_instance", "problems": problems}, indent=2))
            return exc.exit_code
        raise
    if args.solver == "vroom" and not vroom_available():
        print(
            "fieldapp: pyvroom is niet geïnstalleerd; de eigen heuristiek rekent.", file=sys.stderr
        )
    result = solve(instance, budget_s=budget, engine=args.solver, travel=settings.travel)
    if args.json:
        print(json.dumps(result_to_json(result), ensure_ascii=False, indent=2))
        return 0
    _print_plan(instance, result)
    return 0


def _print_plan(instance: Any, result: Any) -> None:
    from fieldapp.planning.explain import day_nl
    from fieldapp.planning.instance import hhmm

    shifts = {s.id: s for s in instance.shifts}
    visits = sum(len(s.visits) for s in result.shifts)
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    print(
        f"Plan ({result.solver}, {seconds} s): {visits} bezoeken, "
        f"{len(result.unplanned)} niet ingepland, opbrengst {result.prize:.0f}, "
        f"{result.travel_minutes:.0f} min reizen."
    )
    for plan in result.shifts:
        s = shifts[plan.id]
        print(
            f"\nDienst {s.id} ({s.worker}, {day_nl(s.date)} {hhmm(s.start)}-{hhmm(s.end)}, "
            f"{s.mode.value}): {len(plan.visits)} bezoeken, {plan.travel_minutes:.0f} min reizen"
        )
        for v in plan.visits:
            print(f"  {hhmm(v.start)}-{hhmm(v.end)}  {v.case}  (aankomst {hhmm(v.arrive)})")
            print(f"      {v.why}")
    if result.unplanned:
        print("\nNiet ingepland:")
        for u in result.unplanned:
            print(f"  {u.case}  [{u.reason.value}]  {u.text}")
