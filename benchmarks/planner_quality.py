"""Benchmark: plan quality of the planner in its 5 s budget, on seeded 200 x 15 and 400 x 30.

Same instance, same run:
- planner: ``solve(budget_s=5)`` (pyvroom, slot steering by per-shift cost, greedy top-up);
- greedy: the pure-Python fallback in the same budget;
- reference: VROOM at exploration level 5 (same model) started from a 10 s greedy plan, capped
  at 60 s (``--scratch-reference`` adds a run from scratch; the better one counts);
- the same pipeline with another per-slot approach, to decide it: no steering (every allowed
  slot, VROOM sees only the per-job priority), stronger steering, and only the top 3 / top 4
  slot kinds of each case as time windows (the issue's measured alternative).
Figures: prize (sum of priority x chance of contact in the visit's slot), ratio to the
reference (goal >= 0.98), visits, travel minutes, wall seconds; and the time to check one
manual edit with ``check_edit`` (goal < 5 ms, median of 200).

Run: PYTHONPATH=. .venv/bin/python benchmarks/planner_quality.py [--seeds 1] [--no-reference]
Default (one seed per size) takes about 3 minutes on 2 idle cores; budgets are wall clock,
so on a loaded machine every engine gets less work done.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from planning_town import make_instance

from fieldapp.planning.evaluate import objective, repair
from fieldapp.planning.instance import Instance, PlanResult, instance_from_json
from fieldapp.planning.model import Problem, build_problem
from fieldapp.planning.solver import assemble, check_edit, solve

SIZES = ((200, 15), (400, 30))


def variant(
    inst: Instance, *, budget: float, steering: float, top: int | None = None
) -> PlanResult:
    """The planner's own pipeline (greedy seed + VROOM rounds) with one approach changed:
    ``steering`` (cost per priority point x chance lost; 0 = none) and ``top`` (offer each
    case only its ``top`` best slot kinds as time windows)."""
    from fieldapp.planning.vroom_solver import vroom_search

    began = time.monotonic()
    problem = build_problem(inst)
    if top is not None:
        keep_top_cells(problem, top)
    routes = vroom_search(problem, deadline=began + budget, steering=steering)
    return assemble(problem, repair(problem, routes), "vroom", time.monotonic() - began)


def reference(inst: Instance, *, seconds: float, scratch: bool) -> PlanResult:
    """The long run: VROOM at exploration level 5 started from a 10 s greedy plan (at most
    ``seconds``); with ``scratch`` also from scratch, the better of the two."""
    from fieldapp.planning.greedy import greedy_solve
    from fieldapp.planning.vroom_solver import vroom_routes

    began = time.monotonic()
    problem = build_problem(inst)
    seed = repair(problem, greedy_solve(problem, deadline=time.monotonic() + 10.0))
    runs = [repair(problem, vroom_routes(problem, budget_s=seconds, level=5, initial=seed))]
    if scratch:
        runs.append(repair(problem, vroom_routes(problem, budget_s=seconds, level=5)))
    best = max(runs, key=lambda r: objective(problem, r))
    return assemble(problem, best, "vroom x5", time.monotonic() - began)


def keep_top_cells(problem: Problem, top: int) -> None:
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
    ap.add_argument(
        "--reference-seconds", type=float, default=60.0, help="cap of the long run (60)"
    )
    ap.add_argument(
        "--scratch-reference", action="store_true", help="also VROOM x5 from scratch (slow)"
    )
    args = ap.parse_args()
    import vroom  # noqa: F401  (import time is not part of any figure)

    for cases, shifts in SIZES:
        for seed in range(args.seeds):
            raw: dict[str, Any] = make_instance(seed, cases, shifts)
            inst = instance_from_json(raw)
            print(f"\n{cases} cases x {shifts} shifts, seed {seed}")
            planner = solve(inst, budget_s=args.budget)
            greedy = solve(inst, budget_s=args.budget, engine="greedy")
            b = args.budget
            variants = {
                "no slot steering": variant(inst, budget=b, steering=0.0),
                "steering x200": variant(inst, budget=b, steering=200.0),
                "top 3 slot kinds, no steering": variant(inst, budget=b, steering=0.0, top=3),
                "top 4 slot kinds, no steering": variant(inst, budget=b, steering=0.0, top=4),
            }
            ref_run = None
            if not args.no_reference:
                ref_run = reference(
                    inst, seconds=args.reference_seconds, scratch=args.scratch_reference
                )
            best = max(
                [planner.prize, greedy.prize]
                + [v.prize for v in variants.values()]
                + ([ref_run.prize] if ref_run else [])
            )
            ref = ref_run.prize if ref_run else best
            print(_row("planner (steering x60)", planner, ref))
            print(_row("greedy fallback", greedy, ref))
            for name, r in variants.items():
                print(_row(name, r, ref))
            if ref_run:
                print(_row("reference vroom x5 (long run)", ref_run, ref))
            print(f"  check_edit on the longest route: {_edit_ms(inst, planner):.2f} ms (median)")


if __name__ == "__main__":
    main()
