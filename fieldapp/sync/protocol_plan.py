"""Wire models of planning (protocol v2): shifts and planned visits in the feed, a worker's
route edit in the push, and the team lead's planning requests and replies.

Times of day are minutes after local (Europe/Amsterdam) midnight, as in the store. Dates are
local dates. Coordinates are WGS84 degrees.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, model_validator

MODES = ("walk", "bike", "car")
Minute = Annotated[int, Field(ge=0, le=24 * 60)]
Lat = Annotated[float, Field(ge=-90, le=90)]
Lon = Annotated[float, Field(ge=-180, le=180)]


def _plain_code(value: str) -> str:
    if not value.replace("_", "").isalnum():
        raise ValueError("letters, digits and _ only")
    return value


Code = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_plain_code)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Reply(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# --- feed payloads -----------------------------------------------------------------------------


class ShiftPayload(_Reply):
    id: str
    worker_id: str
    partner_worker_id: str | None = None
    team: str = ""
    day: date
    dagdeel: str
    start_minute: int
    end_minute: int
    start_lat: float | None = None
    start_lon: float | None = None
    end_lat: float | None = None
    end_lon: float | None = None
    mode: str = "bike"
    skills: list[str] = Field(default_factory=list)
    max_visits: int | None = None
    published: bool = False
    version: int = 0


class PlannedVisitPayload(_Reply):
    id: str
    shift_id: str
    case_id: str
    seq: int
    eta_minute: int | None = None
    start_minute: int | None = None
    end_minute: int | None = None
    locked: bool = False
    published: bool = False
    why: str = ""
    version: int = 0


# --- team lead requests ------------------------------------------------------------------------


class ShiftRequest(_Model):
    """Create or replace a shift. ``partner_worker_id`` makes it a pair shift (skill ``pair``
    is then implied). ``end_at`` omitted = the route ends at its last visit."""

    worker_id: Annotated[str, Field(max_length=64)]
    partner_worker_id: Annotated[str, Field(max_length=64)] | None = None
    day: date
    start_minute: Minute
    end_minute: Minute
    start_lat: Lat | None = None
    start_lon: Lon | None = None
    end_lat: Lat | None = None
    end_lon: Lon | None = None
    mode: Literal["walk", "bike", "car"] = "bike"
    skills: list[Code] = Field(default_factory=list, max_length=20)
    max_visits: Annotated[int, Field(ge=0, le=200)] | None = None

    @model_validator(mode="after")
    def _check(self) -> ShiftRequest:
        if self.end_minute <= self.start_minute:
            raise ValueError("end_minute must be after start_minute")
        if (self.start_lat is None) != (self.start_lon is None):
            raise ValueError("start_lat and start_lon go together")
        if (self.end_lat is None) != (self.end_lon is None):
            raise ValueError("end_lat and end_lon go together")
        return self


class ShiftWithVisits(_Reply):
    shift: ShiftPayload
    visits: list[PlannedVisitPayload]


class ShiftsResponse(_Reply):
    shifts: list[ShiftWithVisits]


class RouteEditInfo(_Reply):
    """A worker's own reorder of a published shift, as recorded on the server."""

    id: str
    shift_id: str
    case_ids: list[str]
    reason: str
    at: AwareDatetime
    worker_id: str | None


class RouteEditsResponse(_Reply):
    edits: list[RouteEditInfo]


class DateRange(_Model):
    van: date
    tot: date

    @model_validator(mode="after")
    def _check(self) -> DateRange:
        if self.tot < self.van:
            raise ValueError("tot must not be before van")
        if (self.tot - self.van).days > 31:
            raise ValueError("at most 31 days at once")
        return self


class PlanJobRequest(DateRange):
    budget_seconds: Annotated[float, Field(gt=0, le=120)] = 5.0


class PublishResponse(_Reply):
    shifts: int
    visits: int


class MoveVisitRequest(_Model):
    """Move a visit to a shift (the same or another) at position ``seq`` (1 = first)."""

    shift_id: Annotated[str, Field(max_length=64)]
    seq: Annotated[int, Field(ge=1, le=1000)]


class LockRequest(_Model):
    locked: bool


class Unplanned(_Reply):
    case_id: str
    reason: str
    text: str = ""


class PlanJobStatus(_Reply):
    id: str
    status: Literal["queued", "running", "done", "failed", "cancelled"]
    progress: int
    stage: str = ""
    van: date
    tot: date
    planned: int = 0
    unplanned: list[Unplanned] = Field(default_factory=list)
    solver: str = ""
    error: str = ""
