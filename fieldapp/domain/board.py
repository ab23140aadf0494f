"""The week board's read model and its undo history (pure; no I/O).

The board shows rows = workers, columns = days x dagdeel; each cell holds the shifts of that
worker on that day and dagdeel. Edits are commands to the server; :class:`EditHistory` keeps
what each edit did so undo can send the inverse command (at least the last 20 edits).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from fieldapp.domain.ddas import Dagdeel

UNDO_DEPTH = 50  # the issue asks for at least 20


@dataclass(frozen=True, slots=True)
class BoardCase:
    """What the board and the map need of a case (no amounts, no partners)."""

    id: str
    label: str  # street + number
    lat: float | None
    lon: float | None
    priority: int
    deadline: date
    worker_id: str | None


@dataclass(frozen=True, slots=True)
class BoardVisit:
    visit_id: str
    case_id: str
    seq: int
    arrive_minute: int | None
    end_minute: int | None
    locked: bool
    published: bool
    why: str


@dataclass(frozen=True, slots=True)
class BoardShift:
    id: str
    worker_id: str
    partner_worker_id: str | None
    day: date
    dagdeel: Dagdeel
    start_minute: int
    end_minute: int
    mode: str
    published: bool
    visits: tuple[BoardVisit, ...]
    start_at: tuple[float, float] | None = None

    @property
    def load(self) -> float:
        """Share of the shift's time taken by its visits (1.0 = full; above = overfull).
        Visits without times count 20 minutes each (the planner's mean expected duration)."""
        length = max(1, self.end_minute - self.start_minute)
        used = 0
        for visit in self.visits:
            if visit.arrive_minute is not None and visit.end_minute is not None:
                used += max(0, visit.end_minute - visit.arrive_minute)
            else:
                used += 20
        return used / length


@dataclass(frozen=True, slots=True)
class Unplanned:
    case_id: str
    reason: str  # planner reason code, or "" when not planned yet
    text: str  # Dutch sentence


@dataclass(frozen=True, slots=True)
class WeekBoard:
    monday: date
    days: tuple[date, ...]  # Monday .. Sunday
    closed: dict[date, str]  # day -> why no visits (zondag, feestdag (...))
    workers: tuple[tuple[str, str], ...]  # (id, name), board row order
    shifts: tuple[BoardShift, ...]
    cases: dict[str, BoardCase]
    unplanned: tuple[Unplanned, ...]

    def shift(self, shift_id: str) -> BoardShift | None:
        return next((s for s in self.shifts if s.id == shift_id), None)

    def visit(self, visit_id: str) -> tuple[BoardShift, BoardVisit] | None:
        for shift in self.shifts:
            for visit in shift.visits:
                if visit.visit_id == visit_id:
                    return shift, visit
        return None

    def cell(self, worker_id: str, day: date, dagdeel: Dagdeel) -> list[BoardShift]:
        return [
            s
            for s in self.shifts
            if s.day == day
            and s.dagdeel is dagdeel
            and worker_id in (s.worker_id, s.partner_worker_id)
        ]


# --- edits and undo -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoveEdit:
    visit_id: str
    from_shift: str
    from_seq: int
    to_shift: str
    to_seq: int

    def inverse(self) -> MoveEdit:
        return MoveEdit(self.visit_id, self.to_shift, self.to_seq, self.from_shift, self.from_seq)


@dataclass(frozen=True, slots=True)
class LockEdit:
    visit_id: str
    locked: bool

    def inverse(self) -> LockEdit:
        return LockEdit(self.visit_id, not self.locked)


Edit = MoveEdit | LockEdit


@dataclass(slots=True)
class EditHistory:
    """Edits the server confirmed, newest last; undo pops one and sends its inverse."""

    depth: int = UNDO_DEPTH
    _done: list[Edit] = field(default_factory=list)

    def record(self, edit: Edit) -> None:
        self._done.append(edit)
        del self._done[: max(0, len(self._done) - self.depth)]

    def peek(self) -> Edit | None:
        return self._done[-1] if self._done else None

    def pop(self) -> Edit | None:
        return self._done.pop() if self._done else None

    def clear(self) -> None:
        self._done.clear()

    def __len__(self) -> int:
        return len(self._done)


def order_after_move(visits: Sequence[BoardVisit], case_id: str, index: int) -> list[str]:
    """The case ids of a shift after putting ``case_id`` at ``index`` (0-based; removed first
    when it is already in the shift)."""
    order = [v.case_id for v in visits if v.case_id != case_id]
    index = max(0, min(index, len(order)))
    order.insert(index, case_id)
    return order
