"""The planner's entry points: solve an instance, check a manual edit.

``solve`` uses pyvroom when it can be imported, else a pure-Python greedy insertion + 2-opt
that honours the same hard rules. Both return a :class:`PlanResult` in which every case is
either visited once or unplanned with a reason. Every route, whichever engine made it, is
re-timed and re-checked by :mod:`fieldapp.planning.evaluate` before it is returned.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from fieldapp.domain.slots import UnplannedReason
from fieldapp.planning.contact_model import ContactModel
from fieldapp.planning.durations import DurationModel
from fieldapp.planning.evaluate import Stop, prize_of, repair, time_route
from fieldapp.planning.explain import explain_unplanned, why_visit
from fieldapp.planning.greedy import Routes, greedy_solve
from fieldapp.planning.instance import (
    Instance,
    LockedVisit,
    PlanResult,
    ShiftPlan,
    Unplanned,
    Visit,
)
from fieldapp.planning.model import Problem, build_problem, clock, learn
from fieldapp.planning.travel import Placement, TravelModel, place_cases


class EditIssue(StrEnum):
    """Why a manually edited route is not feasible."""

    UNKNOWN_CASE = "unknown_case"
    UNKNOWN_SHIFT = "unknown_shift"
    DUPLICATE = "duplicate"
    OPT_OUT = "opt_out"
    UNSAFE_NEEDS_PAIR = "unsafe_needs_pair"
    NOT_ALLOWED_SLOT = "no_allowed_slot"
    ANNOUNCED_CONFLICT = "announced_conflict"
    NO_LOCATION = "no_location"
    TOO_LATE = "too_late"
    TOO_MANY_VISITS = "too_many_visits"
    TRAVEL_TOO_LONG = "travel_too_long"


@dataclass(frozen=True, slots=True)
class EditProblem:
    case: str | None
    issue: EditIssue
    text: str


@dataclass(frozen=True, slots=True)
class EditCheck:
    """Result of :func:`check_edit`: feasible or not, why, and the route's times if timed."""

    ok: bool
    problems: tuple[EditProblem, ...]
    visits: tuple[Visit, ...]
    travel_minutes: float


def vroom_available() -> bool:
    """True when pyvroom can be imported (the import costs ~1 s once: it pulls pandas)."""
    try:
        import vroom  # noqa: F401
    except ImportError:
        return False
    return True


def warm_up() -> None:
    """Pay the one-time costs (importing pyvroom and pandas, ~1 s; this year's holidays)
    before the first timed :func:`solve`, e.g. when the desk or the server starts."""
    from datetime import date

    from fieldapp.planning.calendar import closed_reason
    from fieldapp.planning.instance import Policy

    vroom_available()
    closed_reason(date.today(), Policy())


def solve(
    instance: Instance,
    *,
    budget_s: float = 5.0,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    locked: Sequence[LockedVisit] = (),
    engine: str = "auto",
    travel: TravelModel | None = None,
    exploration_level: int | None = None,
) -> PlanResult:
    """Plan ``instance`` within ``budget_s`` seconds (wall clock, at most 2 threads).

    ``progress`` receives a fraction 0..1 now and then; ``cancel`` returning True stops the
    search early and returns the best plan so far (pyvroom cannot be interrupted: there the
    cancel takes effect when its timeout ends). ``locked`` visits stay in their shift (and,
    when their ``start`` is given, at that start time); the rest is planned around them.
    ``engine``: "auto" (pyvroom if importable), "vroom" or "greedy".
    """
    began = _time.monotonic()
    deadline = began + max(0.05, budget_s)
    problem = build_problem(instance, travel=travel, locked=locked)
    if progress is not None:
        progress(0.05)
    used = "vroom" if engine == "vroom" or (engine == "auto" and vroom_available()) else "greedy"
    routes: Routes
    if used == "vroom":
        from fieldapp.planning.vroom_solver import vroom_search

        routes = vroom_search(
            problem, deadline=deadline, cancel=cancel, progress=progress, level=exploration_level
        )
    else:
        routes = greedy_solve(problem, deadline=deadline, cancel=cancel, progress=progress)
    result = assemble(problem, repair(problem, routes), used, _time.monotonic() - began)
    if progress is not None:
        progress(1.0)
    return result


def assemble(problem: Problem, routes: Routes, engine: str, seconds: float) -> PlanResult:
    shift_plans: list[ShiftPlan] = []
    prize = 0.0
    total_travel = 0
    planned: set[str] = set()
    for sm in problem.shifts:
        route = routes.get(sm.index, [])
        timing = time_route(problem, sm.index, route)
        visits = []
        for stop in timing.stops:
            cm = problem.cases[stop.case]
            prize += prize_of(cm, stop)
            planned.add(cm.case.id)
            visits.append(_visit(problem, stop))
        total_travel += timing.travel
        shift_plans.append(ShiftPlan(sm.shift.id, float(timing.travel), tuple(visits)))
    mean_leg = total_travel / len(planned) if planned else 5.0
    unplanned = _unplanned(problem, planned, mean_leg)
    return PlanResult(
        engine, seconds, prize, float(total_travel), tuple(shift_plans), tuple(unplanned)
    )


def _visit(problem: Problem, stop: Stop) -> Visit:
    cm = problem.cases[stop.case]
    return Visit(
        case=cm.case.id,
        arrive=clock(stop.arrive),
        start=clock(stop.start),
        end=clock(stop.end),
        why=why_visit(problem, cm, stop),
        chance=cm.chance[stop.window.cell],
        approx_location=cm.approx,
    )


def _unplanned(problem: Problem, planned: set[str], mean_leg: float) -> list[Unplanned]:
    """Reasons for the cases not planned; ``capacity`` says how many hours are short."""
    today = problem.instance.today
    reasons: dict[str, UnplannedReason] = {e.case.id: e.reason for e in problem.excluded}
    short_minutes = 0.0
    for cm in problem.cases:
        if cm.case.id in planned:
            continue
        case = cm.case
        first = min(problem.shifts[s].shift.date for s in cm.windows)
        if case.announced is not None:
            reasons[case.id] = UnplannedReason.ANNOUNCED_CONFLICT
        elif case.deadline is not None and (case.deadline < today or case.deadline < first):
            reasons[case.id] = UnplannedReason.DEADLINE_PASSED
        else:
            reasons[case.id] = UnplannedReason.CAPACITY
        short_minutes += cm.duration + mean_leg
    out = []
    for case in problem.instance.cases:
        if case.id in planned:
            continue
        out.append(
            explain_unplanned(problem, case, reasons[case.id], hours_short=short_minutes / 60)
        )
    return out


def check_edit(instance: Instance, shift_id: str, order: Sequence[str]) -> EditCheck:
    """Is visiting ``order`` (case ids) in shift ``shift_id`` feasible? Milliseconds.

    Times every visit as early as the rules allow (waiting when needed) and lists every
    problem with a Dutch sentence; the desk calls it on each drag for live feedback.
    """
    problems: list[EditProblem] = []
    shift = next((s for s in instance.shifts if s.id == shift_id), None)
    if shift is None:
        problem = EditProblem(None, EditIssue.UNKNOWN_SHIFT, "Deze dienst bestaat niet (meer).")
        return EditCheck(False, (problem,), (), 0.0)
    by_id = {c.id: c for c in instance.cases}
    wanted: list[str] = []
    for cid in order:
        if cid not in by_id:
            problems.append(EditProblem(cid, EditIssue.UNKNOWN_CASE, "Onbekende zaak."))
        elif cid in wanted:
            problems.append(EditProblem(cid, EditIssue.DUPLICATE, "Deze zaak staat er al in."))
        else:
            wanted.append(cid)
    sub = replace(instance, shifts=(shift,), cases=tuple(by_id[cid] for cid in wanted))
    placements, learned = _derived(instance)
    model = build_problem(sub, placements=placements, learned=learned)
    index = {cm.case.id: cm.index for cm in model.cases}
    for ex in model.excluded:
        issue = EditIssue(ex.reason.value if ex.reason.value in _EDIT_CODES else "no_allowed_slot")
        text = explain_unplanned(model, ex.case, ex.reason, hours_short=0).text
        problems.append(EditProblem(ex.case.id, issue, text))
    route = [index[cid] for cid in wanted if cid in index]
    timing = time_route(model, 0, route)
    while not timing.ok and route:
        assert timing.failed is not None
        pos, code = timing.failed
        pos = min(pos, len(route) - 1)
        cid = model.cases[route[pos]].case.id
        problems.append(EditProblem(cid, EditIssue(code), _EDIT_TEXT[code]))
        del route[pos]
        timing = time_route(model, 0, route)
    visits = tuple(_visit(model, stop) for stop in timing.stops)
    return EditCheck(not problems, tuple(problems), visits, float(timing.travel))


_DERIVED: list[tuple[Instance, dict[str, Placement], tuple[ContactModel, DurationModel]]] = []


def _derived(
    instance: Instance,
) -> tuple[dict[str, Placement], tuple[ContactModel, DurationModel]]:
    """Placements and learned models of the whole instance, cached for repeated edit checks
    (the desk checks every drag against the same instance)."""
    for known, placements, learned in _DERIVED:
        if known is instance:
            return placements, learned
    entry = (instance, place_cases(instance.cases), learn(instance))
    _DERIVED.insert(0, entry)
    del _DERIVED[4:]
    return entry[1], entry[2]


_EDIT_CODES = {e.value for e in EditIssue}
_EDIT_TEXT = {
    "too_late": "Past niet meer in de dienst (of alleen buiten de toegestane tijden).",
    "too_many_visits": "Meer bezoeken dan deze dienst toestaat.",
    "travel_too_long": "De reistijd van de dienst wordt te lang.",
    "no_allowed_slot": "Geen toegestaan dagdeel in deze dienst.",
}
