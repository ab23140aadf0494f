"""Pure-Python fallback: greedy ratio insertion + 2-opt, honouring every hard rule.

Used when pyvroom cannot be imported, and to top up a VROOM plan with cases VROOM left out.
Each step inserts the (case, shift, position) with the best ratio of steering prize
(weight x chance in the visit's cell) to added time (visit + extra travel); stale candidates are
re-evaluated lazily from a heap. Feasibility of an insertion is O(windows) thanks to the
route's latest start times (see :func:`evaluate.latest_starts`).
"""

from __future__ import annotations

import heapq
import time as _time
from collections.abc import Callable
from dataclasses import dataclass

from fieldapp.planning.evaluate import earliest_start, latest_starts, time_route
from fieldapp.planning.model import Problem

Routes = dict[int, list[int]]


@dataclass(slots=True)
class _RouteState:
    ends: list[int]  # end minute of each visit
    latest: list[int]
    travel: int


def _state(problem: Problem, shift: int, route: list[int]) -> _RouteState:
    timing = time_route(problem, shift, route)
    return _RouteState(
        [s.end for s in timing.stops], latest_starts(problem, shift, route), timing.travel
    )


def best_insertion(
    problem: Problem, shift: int, route: list[int], state: _RouteState, ci: int
) -> tuple[float, int, int] | None:
    """(score, position, added travel) of the best feasible place for case ``ci``, or None."""
    sm = problem.shifts[shift]
    cm = problem.cases[ci]
    windows = cm.windows.get(shift)
    if not windows:
        return None
    if sm.shift.max_visits is not None and len(route) >= sm.shift.max_visits:
        return None
    matrix = problem.travel[sm.shift.mode]
    max_travel = problem.instance.policy.max_travel_minutes
    best: tuple[float, int, int] | None = None
    for pos in range(len(route) + 1):
        prev = sm.start_loc if pos == 0 else problem.cases[route[pos - 1]].loc
        depart = sm.begin if pos == 0 else state.ends[pos - 1]
        arrive = depart + matrix[prev][cm.loc]
        window = earliest_start(windows, arrive)
        if window is None:
            break  # later positions arrive later still
        finish = max(arrive, window.lo) + cm.duration
        if pos < len(route):
            nxt = problem.cases[route[pos]].loc
            if finish + matrix[cm.loc][nxt] > state.latest[pos]:
                continue
            added = matrix[prev][cm.loc] + matrix[cm.loc][nxt] - matrix[prev][nxt]
        elif sm.end_loc is not None:
            if finish + matrix[cm.loc][sm.end_loc] > sm.end:
                continue
            added = matrix[prev][cm.loc] + matrix[cm.loc][sm.end_loc] - matrix[prev][sm.end_loc]
        else:
            added = matrix[prev][cm.loc]
        if max_travel is not None and state.travel + added > max_travel:
            continue
        score = cm.weight * cm.steer(window.cell) / (cm.duration + max(0, added) + 1.0)
        if best is None or score > best[0]:
            best = (score, pos, added)
    return best


def insert_all(
    problem: Problem,
    routes: Routes,
    assigned: set[int],
    *,
    stop: Callable[[], bool],
) -> None:
    """Greedily insert unassigned cases until nothing fits (or ``stop()``)."""
    states = {s: _state(problem, s, r) for s, r in routes.items()}
    version = dict.fromkeys(routes, 0)
    heap: list[tuple[float, int, int, int, int]] = []
    for cm in problem.cases:
        if cm.index in assigned:
            continue
        for s in cm.windows:
            found = best_insertion(problem, s, routes[s], states[s], cm.index)
            if found is not None:
                heap.append((-found[0], cm.index, s, version[s], found[1]))
    heapq.heapify(heap)
    steps = 0
    while heap:
        _score, ci, s, ver, pos = heapq.heappop(heap)
        if ci in assigned:
            continue
        if ver != version[s]:
            found = best_insertion(problem, s, routes[s], states[s], ci)
            if found is not None:
                heapq.heappush(heap, (-found[0], ci, s, version[s], found[1]))
            continue
        routes[s].insert(pos, ci)
        assigned.add(ci)
        states[s] = _state(problem, s, routes[s])
        version[s] += 1
        steps += 1
        if steps % 16 == 0 and stop():
            return


def two_opt(problem: Problem, shift: int, route: list[int], locked: set[int]) -> bool:
    """Shorten ``route`` in place by segment reversals that stay feasible; True if changed."""
    if len(route) < 3:
        return False
    base = time_route(problem, shift, route)
    best_travel = base.travel
    changed = False
    improved = True
    while improved:
        improved = False
        for i in range(len(route) - 1):
            for j in range(i + 1, len(route)):
                segment = route[i : j + 1]
                if sum(1 for c in segment if c in locked) > 1:
                    continue  # locked visits keep their order
                candidate = route[:i] + segment[::-1] + route[j + 1 :]
                timing = time_route(problem, shift, candidate)
                if timing.ok and timing.travel < best_travel:
                    route[:] = candidate
                    best_travel = timing.travel
                    improved = changed = True
    return changed


def greedy_solve(
    problem: Problem,
    *,
    deadline: float,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
    routes: Routes | None = None,
) -> Routes:
    """Routes per shift index (case model indices in visiting order)."""
    start = _time.monotonic()

    def stop() -> bool:
        return _time.monotonic() >= deadline or bool(cancel and cancel())

    routes = routes if routes is not None else _locked_routes(problem)
    assigned = {ci for r in routes.values() for ci in r}
    locked = set(problem.locked)
    for round_ in range(4):
        before = len(assigned)
        # The first construction always completes (it takes ~0.2 s for 400 cases): a half-
        # filled plan is worse than a slightly late one; improvement rounds keep the budget.
        insert_all(
            problem, routes, assigned, stop=stop if round_ else lambda: bool(cancel and cancel())
        )
        if progress is not None:
            span = max(1e-6, deadline - start)
            progress(min(0.95, (_time.monotonic() - start) / span + 0.2 * (round_ + 1)))
        if stop():
            break
        shortened = False
        for s, r in routes.items():
            shortened |= two_opt(problem, s, r, locked)
            if stop():
                break
        if not shortened and len(assigned) == before:
            break
    return routes


def _locked_routes(problem: Problem) -> Routes:
    """Start from the locked visits, in their shift and order (dropping any that do not fit)."""
    routes: Routes = {s.index: [] for s in problem.shifts}
    for ci, (s, _order) in sorted(problem.locked.items(), key=lambda item: item[1]):
        trial = [*routes[s], ci]
        if time_route(problem, s, trial).ok:
            routes[s] = trial
    return routes
