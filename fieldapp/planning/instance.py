"""The planner's contract: the self-contained instance and the plan, as frozen dataclasses.

Mirrors the JSON format of ``fieldapp plan solve`` (issue 14) exactly; the server, the desk and
the CLI build an :class:`Instance` and read a :class:`PlanResult`. Parsing collects *every*
problem (by shift or case id and field) before raising :class:`InvalidInstance`.
Times are local Europe/Amsterdam wall-clock times (``HH:MM``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import Any

from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.domain.slots import UnplannedReason, VaryDayparts
from fieldapp.errors import FieldAppError

__all__ = [
    "Announced", "Attempt", "Instance", "InstanceProblem", "InvalidInstance", "LockedVisit",
    "Mode", "PlanCase", "PlanResult", "Policy", "Shift", "ShiftPlan", "Unplanned",
    "UnplannedReason", "VaryDayparts", "Visit", "instance_from_json", "result_to_json",
]  # fmt: skip


class Mode(StrEnum):
    """How a shift travels."""

    WALK = "walk"
    BIKE = "bike"
    CAR = "car"


@dataclass(frozen=True, slots=True)
class Policy:
    """Planning policy; every key optional in JSON (defaults below = the issue's defaults).

    Keys beyond the issue's four:
    - ``exclude_liberation_day``: True = 5 May never gets visits; False (default) = as the
      ``holidays`` package, where 5 May is a public holiday only in lustrum years;
    - ``exclude_bridge_days``: a weekday between a holiday and the weekend (default False);
    - ``max_travel_minutes``: total travel per shift (VROOM's ``max_travel_time``), None = no
      limit.
    """

    vary_dayparts: VaryDayparts = VaryDayparts.STRICT
    quiet_window: tuple[time, time] | None = (time(17, 30), time(18, 30))
    exclude_sundays: bool = True
    exclude_holidays: bool = True
    exclude_liberation_day: bool = False
    exclude_bridge_days: bool = False
    max_travel_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class Shift:
    """One worker (or pair) out on one date between ``start`` and ``end``."""

    id: str
    worker: str
    date: date
    start: time
    end: time
    start_at: tuple[float, float]
    end_at: tuple[float, float] | None = None  # None: the shift ends where its last visit ends
    mode: Mode = Mode.BIKE
    skills: tuple[str, ...] = ()
    max_visits: int | None = None

    @property
    def is_pair(self) -> bool:
        return "pair" in self.skills


@dataclass(frozen=True, slots=True)
class Attempt:
    """A past contact attempt of the household (DDAS strings for dagdeel and soort).

    ``minutes`` (optional, not in the issue's example) is how long it took; the team's
    durations are learned from it.
    """

    date: date
    dagdeel: Dagdeel
    soort: Contactsoort
    bereikt: bool
    minutes: float | None = None


@dataclass(frozen=True, slots=True)
class Announced:
    """The date and dagdeel an *aankondiging huisbezoek* letter promised."""

    date: date
    dagdeel: Dagdeel


@dataclass(frozen=True, slots=True)
class PlanCase:
    """One household case to plan. ``lat``/``lon`` None: placed by its PC4 neighbours."""

    id: str
    lat: float | None
    lon: float | None
    postcode: str | None
    priority: int
    deadline: date | None = None
    visit_minutes: int | None = None  # the visit's exact duration (end - start)
    attempts: tuple[Attempt, ...] = ()
    opt_out: bool = False
    unsafe: bool = False
    announced: Announced | None = None


@dataclass(frozen=True, slots=True)
class Instance:
    """Everything the planner needs; ``history`` = extra team attempts (closed cases) to learn
    contact chances and durations from (optional JSON key, default empty)."""

    today: date
    policy: Policy
    shifts: tuple[Shift, ...]
    cases: tuple[PlanCase, ...]
    history: tuple[Attempt, ...] = ()


@dataclass(frozen=True, slots=True)
class Visit:
    """One planned visit. ``approx_location``: placed at its PC4 centroid (no coordinates)."""

    case: str
    arrive: time
    start: time
    end: time
    why: str
    chance: float = 0.0
    approx_location: bool = False


@dataclass(frozen=True, slots=True)
class ShiftPlan:
    id: str
    travel_minutes: float
    visits: tuple[Visit, ...] = ()


@dataclass(frozen=True, slots=True)
class Unplanned:
    case: str
    reason: UnplannedReason
    text: str


@dataclass(frozen=True, slots=True)
class PlanResult:
    """The plan: every input case is in exactly one visit or in ``unplanned``."""

    solver: str
    seconds: float
    prize: float
    travel_minutes: float
    shifts: tuple[ShiftPlan, ...]
    unplanned: tuple[Unplanned, ...] = ()


@dataclass(frozen=True, slots=True)
class LockedVisit:
    """A published visit that re-planning must keep: this case in this shift.

    Locked visits of one shift keep their given order (by ``seq``); the planner may insert
    other visits between them. ``start`` None = any time inside the case's allowed windows.
    """

    case: str
    shift: str
    seq: int = 0
    start: time | None = None


@dataclass(frozen=True, slots=True)
class InstanceProblem:
    """One bad field: ``kind`` is "shift", "case" or "instance"; ``key`` the id (or index)."""

    kind: str
    key: str
    field: str
    message: str

    def __str__(self) -> str:
        where = {"shift": "dienst", "case": "zaak", "instance": "instantie"}[self.kind]
        return f"{where} {self.key}: veld '{self.field}': {self.message}"


class InvalidInstance(FieldAppError):
    """The instance cannot be planned; ``problems`` lists every bad shift/case field."""

    exit_code = 2

    def __init__(self, problems: list[InstanceProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"Ongeldige planningsinstantie ({len(self.problems)} fouten):\n{lines}")


@dataclass
class _Collector:
    kind: str
    key: str
    problems: list[InstanceProblem] = field(default_factory=list)

    def bad(self, name: str, message: str) -> None:
        self.problems.append(InstanceProblem(self.kind, self.key, name, message))


def instance_from_json(obj: Any) -> Instance:
    """Parse and validate the JSON instance (already decoded); raise :class:`InvalidInstance`."""
    from fieldapp.planning.instance_json import parse_instance

    return parse_instance(obj)


def result_to_json(result: PlanResult) -> dict[str, Any]:
    """The plan in the ``plan solve`` output format (times ``HH:MM``, minutes rounded to 0.1)."""
    return {
        "solver": result.solver,
        "seconds": round(result.seconds, 2),
        "prize": round(result.prize, 1),
        "travel_minutes": round(result.travel_minutes, 1),
        "shifts": [
            {
                "id": s.id,
                "travel_minutes": round(s.travel_minutes, 1),
                "visits": [
                    {
                        "case": v.case,
                        "arrive": hhmm(v.arrive),
                        "start": hhmm(v.start),
                        "end": hhmm(v.end),
                        "why": v.why,
                        "chance": round(v.chance, 3),
                        "approx_location": v.approx_location,
                    }
                    for v in s.visits
                ],
            }
            for s in result.shifts
        ],
        "unplanned": [
            {"case": u.case, "reason": u.reason.value, "text": u.text} for u in result.unplanned
        ],
    }


def hhmm(moment: time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def minute_of(moment: time) -> int:
    """Minutes since midnight (seconds dropped)."""
    return moment.hour * 60 + moment.minute


def time_of(minute: float) -> time:
    """Clock time of a minute-of-day (floored to the minute, clamped to the day)."""
    whole = max(0, min(24 * 60 - 1, int(minute)))
    return time(whole // 60, whole % 60)
