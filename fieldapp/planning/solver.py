"""The planner's entry points: solve an instance, check a manual edit.

``solve`` uses pyvroom when it can be imported, else a pure-Python greedy insertion + 2-opt
that honours the same hard rules. Both return a :class:`PlanResult` in which every case is
either visited once or unplanned with a reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from fieldapp.planning.instance import Instance, LockedVisit, PlanResult, Visit


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


def solve(
    instance: Instance,
    *,
    budget_s: float = 5.0,
    progress: Callable[[float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    locked: Sequence[LockedVisit] = (),
) -> PlanResult:
    """Plan ``instance`` within ``budget_s`` seconds (wall clock, at most 2 threads).

    ``progress`` receives a fraction 0..1 now and then; ``cancel`` returning True stops the
    search early and returns the best plan so far. ``locked`` visits stay in their shift and
    order; the rest is planned around them.
    """
    raise NotImplementedError


def check_edit(instance: Instance, shift_id: str, order: Sequence[str]) -> EditCheck:
    """Is visiting ``order`` (case ids) in shift ``shift_id`` feasible? Milliseconds.

    Times every visit as early as the rules allow (waiting when needed) and lists every
    problem with a Dutch sentence; the desk calls it on each drag for live feedback.
    """
    raise NotImplementedError
