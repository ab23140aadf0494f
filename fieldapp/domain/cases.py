"""Cases (vroegsignaalzaken): one household, one or more signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from fieldapp.domain.attempts import ContactAttempt
from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.people import Address, Person
from fieldapp.domain.signals import Signal


class CaseStatus(StrEnum):
    """Our workflow state. DDAS itself only knows 'no resultaat yet' versus a resultaat."""

    OPEN = "open"
    GESLOTEN = "gesloten"


@dataclass(frozen=True, slots=True)
class Case:
    """A household case with everything the worker needs to see.

    ``priority`` and ``reasons`` come from ``domain.priority`` and are recomputed whenever a
    signal joins; ``deadline`` is the first-contact deadline (28 days, crisis sooner).
    ``version`` is the server's change sequence for this case (0 for local-only cases).
    """

    id: str
    address: Address | None
    people: tuple[Person, ...]
    signals: tuple[Signal, ...]
    status: CaseStatus
    opened_on: date
    deadline: date
    priority: int
    reasons: tuple[str, ...]
    meervoudig: bool = False
    opeenvolgend: bool = False
    resultaat: Eindresultaat | None = None
    closed_at: datetime | None = None
    close_reason: str = ""
    datum_opgepakt: date | None = None
    matchingsdatum: date | None = None
    assigned_worker_id: str | None = None
    attempts: tuple[ContactAttempt, ...] = field(default_factory=tuple)
    notes: str = ""
    version: int = 0
    purge_after: date | None = None

    @property
    def total_cents(self) -> int:
        return sum(s.bedrag_cents or 0 for s in self.signals if s.status.is_taken_up)

    @property
    def since(self) -> date | None:
        dates = [s.ontstaansdatum or s.effective_date for s in self.signals]
        return min(dates) if dates else None
