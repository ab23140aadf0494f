"""Benchmark: plan quality of the planner in its 5 s budget, on seeded 200 x 15 and 400 x 30.

Same instance, same run:
- planner: ``solve(budget_s=5)`` (pyvroom, slot steering by per-shift cost, greedy top-up);
- greedy: the pure-Python fallback in the same budget;
- reference: VROOM at exploration level 5 without timeout (same model), the long run;
- slot-offer variants, to decide the per-slot prize approach: no steering (every allowed slot,
  priority only), and only the top 3 / top 4 slot kinds of each case as time windows.
Figures: prize (sum of priority x chance of contact in the visit's slot), ratio to the
reference (goal >= 0.98), visits, travel minutes, wall seconds; and the time to check one
manual edit with ``check_edit`` (goal < 5 ms, median of 200).

Run: PYTHONPATH=. .venv/bin/python benchmarks/planner_quality.py [--seeds 1] [--no-reference]
Default (one seed per size) takes about 2 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from planning_town import make_instance

from fieldapp.planning.evaluate import repair
from fieldapp.planning.greedy import Routes
from fieldapp.planning.instance import Instance, PlanResult, instance_from_json
from fieldapp.planning.model import Problem, build_problem
from fieldapp.planning.solver import assemble, check_edit, solve

SIZES = ((200, 15), (400, 30))


def _vroom_variant(
    inst: Instance, *, level: int | None, budget: float, steering: float, top: int | None
) -> PlanResult:
    from fieldapp.planning.vroom_solver import vroom_routes

    began = time.monotonic()
    problem = build_problem(inst)
    if top is not None:
        _keep_top_cells(problem, top)
    if level == 5 and budget <= 0:
        routes: Routes = _untimed(problem, steering)
    else:
        routes = vroom_routes(problem, budget_s=budget, level=level, steering=steering)
    return assemble(problem, repair(problem, routes), "vroom", time.monotonic() - began)


def _untimed(problem: Problem, steering: float) -> Routes:
    from fieldapp.planning.vroom_solver import vroom_routes

    return vroom_routes(problem, budget_s=3600.0, level=5, steering=steering)


def _keep_top_cells(problem: Problem, top: int) -> None:
    for cm in problem.cases:
        cells = sorted({w.cell for ws in cm.windows.values() for w in ws}, key=cm.steer)
        keep = set(cells[-top:])
        cm.windows = {
            s: [w for w in ws if w.cell in keep]
            for s, ws in cm.windows.items()
            if any(w.cell in keep for w in ws)
        }


def _row(name: str, r: PlanResult, ref: float | None) -> str:
    visits = sum(len(s.visits) for s in r.shifts)
    ratio = f"{r.prize / ref:6.3f}" if ref else "     -"
    return (
        f"  {name:<28} prize {r.prize:8.1f}  ratio {ratio}  visits {visits:4d}  "
        f"travel {r.travel_minutes:7.1f} min  {r.seconds:6.2f} s"
    )


def _edit_ms(inst: Instance, plan: PlanResult) -> float:
    longest = max(plan.shifts, key=lambda s: len(s.visits))
    order = [v.case for v in longest.visits]
    swapped = [*order[1:2], *order[:1], *order[2:]]
    times = []
    for _ in range(200):
        t = time.perf_counter()
        check_edit(inst, longest.id, swapped)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=1, help="instances per size (default 1)")
    ap.add_argument("--budget", type=float, default=5.0)
    ap.add_argument("--no-reference", action="store_true", help="skip the long VROOM x5 run")
    args = ap.parse_args()
    import vroom  # noqa: F401  (import time is not part of any figure)

    for cases, shifts in SIZES:
        for seed in range(args.seeds):
            raw: dict[str, Any] = make_instance(seed, cases, shifts)
            inst = instance_from_json(raw)
            print(f"\n{cases} cases x {shifts} shifts, seed {seed}")
            planner = solve(inst, budget_s=args.budget)
            greedy = solve(inst, budget_s=args.budget, engine="greedy")
            variants = {
                "vroom, no slot steering": _vroom_variant(
                    inst, level=None, budget=args.budget, steering=0.0, top=None
                ),
                "vroom, top 3 slot kinds": _vroom_variant(
                    inst, level=None, budget=args.budget, steering=0.0, top=3
                ),
                "vroom, top 4 slot kinds": _vroom_variant(
                    inst, level=None, budget=args.budget, steering=0.0, top=4
                ),
            }
            reference = None
            if not args.no_reference:
                reference = _vroom_variant(inst, level=5, budget=0, steering=60.0, top=None)
            best = max(
                [planner.prize, greedy.prize]
                + [v.prize for v in variants.values()]
                + ([reference.prize] if reference else [])
            )
            ref = reference.prize if reference else best
            print(_row("planner (5 s)", planner, ref))
            print(_row("greedy fallback (5 s)", greedy, ref))
            for name, r in variants.items():
                print(_row(name, r, ref))
            if reference:
                print(_row("reference vroom x5 untimed", reference, ref))
            print(f"  check_edit on the longest route: {_edit_ms(inst, planner):.2f} ms (median)")


if __name__ == "__main__":
    main()
