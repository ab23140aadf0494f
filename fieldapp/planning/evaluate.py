"""Time a route and check every hard rule: the one evaluator behind both solvers and the desk.

A visit starts at the earliest allowed minute at or after arrival (waiting when needed); the
route is feasible when every visit finds a window and the shift's end (or its return to
``end_at``) is respected, with at most ``max_visits`` visits and ``max_travel_minutes``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fieldapp.planning.model import CaseModel, Problem, Window


@dataclass(frozen=True, slots=True)
class Stop:
    case: int
    arrive: int
    start: int
    end: int
    window: Window


@dataclass(frozen=True, slots=True)
class Timing:
    """Earliest schedule of a route. ``failed`` = (position, issue) of the first broken rule."""

    stops: tuple[Stop, ...]
    travel: int
    failed: tuple[int, str] | None

    @property
    def ok(self) -> bool:
        return self.failed is None


def earliest_start(windows: Sequence[Window], arrive: int) -> Window | None:
    """The first window in which a visit arriving at ``arrive`` can start (sorted windows)."""
    for w in windows:
        if w.hi >= arrive:
            return w
    return None


def time_route(problem: Problem, shift: int, route: Sequence[int]) -> Timing:
    """Time ``route`` (case model indices) in ``shift``; stops at the first broken rule."""
    sm = problem.shifts[shift]
    matrix = problem.travel[sm.shift.mode]
    here, now, travel = sm.start_loc, sm.begin, 0
    stops: list[Stop] = []
    limit = sm.shift.max_visits
    if limit is not None and len(route) > limit:
        return Timing((), 0, (limit, "too_many_visits"))
    max_travel = problem.instance.policy.max_travel_minutes
    for pos, ci in enumerate(route):
        cm: CaseModel = problem.cases[ci]
        windows = cm.windows.get(shift)
        if not windows:
            return Timing(tuple(stops), travel, (pos, "no_allowed_slot"))
        leg = matrix[here][cm.loc]
        arrive = now + leg
        window = earliest_start(windows, arrive)
        if window is None:
            return Timing(tuple(stops), travel, (pos, "too_late"))
        start = max(arrive, window.lo)
        stops.append(Stop(ci, arrive, start, start + cm.duration, window))
        travel += leg
        here, now = cm.loc, start + cm.duration
    if sm.end_loc is not None:
        leg = matrix[here][sm.end_loc]
        travel += leg
        if now + leg > sm.end:
            return Timing(tuple(stops), travel, (len(route), "too_late"))
    if max_travel is not None and travel > max_travel:
        return Timing(tuple(stops), travel, (len(route), "travel_too_long"))
    return Timing(tuple(stops), travel, None)


_NEVER = -(10**9)


def latest_starts(problem: Problem, shift: int, route: Sequence[int]) -> list[int]:
    """Per position, the latest start that still lets the rest of a feasible route fit.

    Entry ``len(route)`` is the latest moment the route may leave its last visit's end
    towards the end point (or the shift end itself).
    """
    sm = problem.shifts[shift]
    matrix = problem.travel[sm.shift.mode]
    latest = [0] * (len(route) + 1)
    bound = sm.end
    nxt = sm.end_loc
    latest[len(route)] = bound
    for pos in range(len(route) - 1, -1, -1):
        cm = problem.cases[route[pos]]
        leg = matrix[cm.loc][nxt] if nxt is not None else 0
        bound_here = bound - leg - cm.duration
        best = _NEVER
        for w in cm.windows.get(shift, ()):
            if w.lo <= bound_here:
                best = max(best, min(w.hi, bound_here))
        latest[pos] = best
        bound, nxt = best, cm.loc
    return latest


def prize_of(cm: CaseModel, stop: Stop) -> float:
    """Priority x chance of contact in the visit's cell (the reported prize)."""
    return cm.case.priority * cm.chance[stop.window.cell]


def repair(problem: Problem, routes: dict[int, list[int]]) -> dict[int, list[int]]:
    """Drop any visit that breaks a rule (a safety net; the engines should not produce any)."""
    fixed: dict[int, list[int]] = {}
    for s, route in routes.items():
        route = list(dict.fromkeys(route))
        timing = time_route(problem, s, route)
        while not timing.ok and route:
            pos = timing.failed[0] if timing.failed else len(route) - 1
            del route[min(pos, len(route) - 1)]
            timing = time_route(problem, s, route)
        fixed[s] = route
    seen: set[int] = set()
    for s, route in fixed.items():
        kept = [ci for ci in route if ci not in seen]
        seen.update(kept)
        if kept != route:
            fixed[s] = kept  # a case in two routes stays in the first (times only improve)
    return fixed


def objective(problem: Problem, routes: dict[int, list[int]]) -> tuple[float, int]:
    """What the search maximises: (sum of weight x chance in the visit's cell, -travel).

    The weight includes the deadline boosts; the reported prize does not."""
    total, travel = 0.0, 0
    for s, route in routes.items():
        timing = time_route(problem, s, route)
        travel += timing.travel
        for stop in timing.stops:
            total += (
                problem.cases[stop.case].weight * problem.cases[stop.case].chance[stop.window.cell]
            )
    return (round(total, 6), -travel)
