"""pyvroom adapter: each shift a vehicle, each case a job whose time windows are its allowed
start windows; skills for ``pair`` and for locks; integer priorities; a time budget.

VROOM optimises lexicographically: first the sum of job priorities, then the number of jobs,
then cost. Priority is per job, so it is set from the case's weight x its best steering chance;
the slot is then steered by the cost: every shift has its own routing profile whose cost
matrix adds, on each arc into a case, ``steering`` x priority x the chance lost by visiting it
in that shift instead of its best one (measured in benchmarks/planner_quality.py).
Times are seconds since ``today`` 00:00, always whole minutes, so VROOM's times equal the
evaluator's.
"""

from __future__ import annotations

import os
import time as _time
from collections.abc import Callable
from datetime import timedelta

import numpy as np
import vroom

from fieldapp.planning.evaluate import objective, repair
from fieldapp.planning.greedy import Routes, greedy_solve, insert_all, two_opt
from fieldapp.planning.model import Problem

PAIR_SKILL = 1
_LOCK_SKILL_BASE = 1000
DEFAULT_STEERING = 60.0
"""Cost seconds per priority point x chance lost (0 = no slot steering)."""


def _level_for(jobs: int, budget_s: float) -> int:
    """Exploration level by size (research: a timeout cuts VROOM short on 400 cases, a lower
    level finishes); the timeout stays as the hard budget."""
    if jobs <= 120:
        return 5
    if jobs <= 250:
        return 4 if budget_s >= 4 else 3
    return 2 if budget_s >= 4 else 1


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def vroom_routes(
    problem: Problem,
    *,
    budget_s: float,
    level: int | None = None,
    steering: float = DEFAULT_STEERING,
    threads: int | None = None,
    initial: Routes | None = None,
) -> Routes:
    """Solve with pyvroom; returns routes per shift index (case model indices in order).

    ``initial`` routes (e.g. the greedy plan) are VROOM's starting solution (vehicle steps in
    solving mode), which it then improves."""
    routes: Routes = {s.index: [] for s in problem.shifts}
    jobs = [cm for cm in problem.cases if cm.windows]
    if not jobs or not problem.shifts:
        return routes
    top = max(cm.weight * cm.best_steer() for cm in jobs) or 1.0
    n = len(problem.points)
    base: dict[str, np.ndarray] = {
        mode.value: np.asarray(matrix, dtype=np.int64) * 60
        for mode, matrix in problem.travel.items()
    }
    inp = vroom.Input()
    priority: dict[int, int] = {}
    for cm in jobs:
        priority[cm.index] = max(1, min(100, round(100 * cm.weight * cm.best_steer() / top)))
    for sm in problem.shifts:
        profile = f"s{sm.index}"
        durations = base[sm.shift.mode.value]
        costs = durations.copy()
        if steering > 0:
            extra = np.zeros(n, dtype=np.int64)
            for cm in jobs:
                if sm.index in cm.windows:
                    lost = cm.best_steer() - cm.best_steer(sm.index)
                    extra[cm.loc] = round(steering * priority[cm.index] * max(0.0, lost))
            costs = costs + extra[np.newaxis, :]
        inp.set_durations_matrix(profile, durations.astype(np.uint32))
        inp.set_costs_matrix(profile, costs.astype(np.uint32))
        provides = {PAIR_SKILL} if sm.shift.is_pair else set()
        provides.add(_LOCK_SKILL_BASE + sm.index)
        max_travel = problem.instance.policy.max_travel_minutes
        limits: dict[str, int] = {}
        if sm.shift.max_visits is not None:
            limits["max_tasks"] = sm.shift.max_visits
        if max_travel is not None:
            limits["max_travel_time"] = int(max_travel * 60)
        steps = []
        if initial is not None and initial.get(sm.index):
            steps = [
                vroom.VehicleStepStart(),
                *(vroom.VehicleStepSingle(ci) for ci in initial[sm.index]),
                vroom.VehicleStepEnd(),
            ]
        inp.add_vehicle(
            vroom.Vehicle(
                id=sm.index,
                steps=steps,
                start=sm.start_loc,
                end=sm.end_loc,
                profile=profile,
                skills=provides,
                time_window=vroom.TimeWindow(sm.begin * 60, sm.end * 60),
                **limits,
            )
        )
    for cm in jobs:
        skills: set[int] = {PAIR_SKILL} if cm.case.unsafe else set()
        lock = problem.locked.get(cm.index)
        if lock is not None:
            skills.add(_LOCK_SKILL_BASE + lock[0])
        windows = _merge([(w.lo, w.hi) for ws in cm.windows.values() for w in ws])
        inp.add_job(
            vroom.Job(
                id=cm.index,
                location=cm.loc,
                default_service=cm.duration * 60,
                skills=skills,
                priority=100 if lock is not None else priority[cm.index],
                time_windows=[vroom.TimeWindow(lo * 60, hi * 60) for lo, hi in windows],
            )
        )
    threads = threads or min(2, os.cpu_count() or 1)
    chosen = level if level is not None else _level_for(len(jobs), budget_s)
    solution = inp.solve(
        exploration_level=chosen,
        nb_threads=threads,
        timeout=timedelta(seconds=max(0.05, budget_s * 0.85)),
    )
    frame = solution.routes
    steps = frame[frame["type"] == "job"].sort_values(["vehicle_id", "arrival"], kind="stable")
    for vehicle, job in zip(steps["vehicle_id"].tolist(), steps["id"].tolist(), strict=True):
        routes[int(vehicle)].append(int(job))
    return routes


SEED_SHARE = 0.25
"""Share of the budget for the greedy plan that seeds VROOM (measured: VROOM started from it
finishes sooner and better than from scratch, see benchmarks/planner_quality.py)."""


def vroom_search(
    problem: Problem,
    *,
    deadline: float,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
    level: int | None = None,
    steering: float = DEFAULT_STEERING,
) -> Routes:
    """Greedy seed, then VROOM rounds of rising exploration level, each started from the best
    plan so far, until the budget is spent; the best plan by :func:`objective` wins."""
    began = _time.monotonic()
    span = max(1e-3, deadline - began)

    def cancelled() -> bool:
        return bool(cancel and cancel())

    best = repair(
        problem,
        greedy_solve(problem, deadline=began + SEED_SHARE * span, cancel=cancel),
    )
    best_score = objective(problem, best)
    reserve = 0.05 + 0.04 * span  # top-up and assembly after the last round
    for round_level in [level] if level is not None else [1, 2, 3, 4, 5]:
        remaining = deadline - _time.monotonic() - reserve
        if remaining < 0.1 or cancelled():
            break
        found = repair(
            problem,
            vroom_routes(
                problem,
                budget_s=remaining,
                level=round_level,
                steering=steering,
                initial={s: list(r) for s, r in best.items()},
            ),
        )
        assigned = {ci for r in found.values() for ci in r}
        insert_all(problem, found, assigned, stop=lambda: _time.monotonic() >= deadline)
        score = objective(problem, found)
        if score > best_score:
            best, best_score = found, score
        if progress is not None:
            progress(min(0.95, 0.05 + 0.9 * (_time.monotonic() - began) / span))
    locked = set(problem.locked)
    for s, route in best.items():
        if _time.monotonic() >= deadline:
            break
        two_opt(problem, s, route, locked)
    return best
