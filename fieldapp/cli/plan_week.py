"""``fieldapp plan week --van --tot``: plan the shifts of a date range and print the plan.

On the server's data (``--data-dir`` / ``--server-db``, like ``fieldapp server``; ``--team``
limits it to one team) or, without those, on the local store (``--db``: the demo laptop, a team
lead's laptop). Prints per shift the ordered case ids with arrival times, then every unplanned
case with its reason. Writes nothing: the lead plans for real through the desk (a planner job).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.cli.common import UsageError, open_store


def register_week(psub: Any) -> None:
    week = psub.add_parser("week", help="plan de diensten van een periode en toon het plan")
    week.add_argument("--van", required=True, help="eerste dag (JJJJ-MM-DD)")
    week.add_argument("--tot", required=True, help="laatste dag (JJJJ-MM-DD)")
    week.add_argument("--team", help="alleen de diensten van dit team (serverdata)")
    week.add_argument(
        "--budget", type=float, default=5.0, help="rekentijd per medewerker in seconden"
    )
    week.add_argument(
        "--server-db", help="database-URL van de server (standaard: ingebouwd SQLCipher-bestand)"
    )
    week.add_argument("--data-dir", help="servermap: plan op de gegevens van de server")
    week.add_argument("--key-file", help="serversleutel (standaard <servermap>/server.key)")
    week.add_argument("--json", action="store_true", help="uitvoer als JSON")
    week.set_defaults(func=cmd_plan_week)


def _day(raw: str, name: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"--{name} moet een datum zijn als 2026-12-07.") from None


def cmd_plan_week(args: argparse.Namespace) -> int:
    from fieldapp.domain.dayparts import AMSTERDAM
    from fieldapp.services.plan_week import solve_week, week_inputs

    van, tot = _day(args.van, "van"), _day(args.tot, "tot")
    if tot < van or (tot - van).days > 31:
        raise UsageError("Kies een periode van hoogstens 31 dagen (--tot niet voor --van).")
    if args.budget <= 0:
        raise UsageError("--budget moet een positief aantal seconden zijn.")
    from datetime import datetime

    today = datetime.now(AMSTERDAM).date()
    if args.data_dir or args.server_db:
        inputs = _server_inputs(args, van, tot, today)
    else:
        store = open_store(args)
        try:
            with store.session() as session:
                inputs = week_inputs(session, van=van, tot=tot, today=today, team=args.team)
        finally:
            store.close()
    plan = solve_week(inputs, van=van, tot=tot, budget_s=args.budget)
    if args.json:
        print(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
    else:
        _print(plan)
    return 0


def _server_inputs(args: argparse.Namespace, van: date, tot: date, today: date) -> Any:
    from sqlalchemy import select

    from fieldapp.server.db.open import open_server_db
    from fieldapp.server.db.schema import CaseTeamRow
    from fieldapp.services.plan_week import week_inputs

    db = open_server_db(
        args.server_db,
        data_dir=Path(args.data_dir) if args.data_dir else None,
        key_file=Path(args.key_file) if args.key_file else None,
    )
    try:
        with db.session() as session, session.begin():
            team_cases = None
            if args.team:
                team_cases = set(
                    session.scalars(
                        select(CaseTeamRow.case_id).where(CaseTeamRow.team == args.team)
                    )
                )
            return week_inputs(
                session, van=van, tot=tot, today=today, team=args.team, case_filter=team_cases
            )
    finally:
        db.dispose()


def _print(plan: Any) -> None:
    from fieldapp.planning.explain import day_nl
    from fieldapp.planning.instance import hhmm

    visits = sum(len(w.visits) for w in plan.shifts)
    print(
        f"Plan {plan.van:%Y-%m-%d} t/m {plan.tot:%Y-%m-%d} ({plan.solver or 'geen diensten'}, "
        f"{plan.seconds:.1f} s): {len(plan.shifts)} diensten, {visits} bezoeken, "
        f"{len(plan.unplanned)} niet ingepland."
    )
    for w in plan.shifts:
        s = w.shift
        print(
            f"\nDienst {s.id} ({s.worker}, {day_nl(s.date)} {hhmm(s.start)}-{hhmm(s.end)}, "
            f"{s.mode.value}): {len(w.visits)} bezoeken, {w.travel_minutes:.0f} min reizen"
        )
        for n, v in enumerate(w.visits, start=1):
            print(f"  {n:2d}. {hhmm(v.arrive)}  {v.case}  ({hhmm(v.start)}-{hhmm(v.end)})")
    if plan.unplanned:
        print("\nNiet ingepland:")
        for u in plan.unplanned:
            print(f"  {u.case}  [{u.reason.value}]  {u.text}")
