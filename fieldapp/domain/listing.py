"""Read models for lists: small, flat, cheap to sort and filter (no DB access in views)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Contactsoort, Dagdeel, Eindresultaat, Signaalpartner


@dataclass(frozen=True, slots=True)
class AttemptMark:
    soort: Contactsoort
    bereikt: bool
    dagdeel: Dagdeel
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class CaseListRow:
    id: str
    address_line: str
    postcode: str
    huisnummer: int | None
    toevoeging: str
    straat: str
    plaats: str
    wijk: str
    names: str
    partners: tuple[Signaalpartner, ...]
    total_cents: int
    since: date | None
    deadline: date
    priority: int
    reasons: tuple[str, ...]
    status: CaseStatus
    attempts: tuple[AttemptMark, ...]
    warnings: tuple[str, ...]
    meervoudig: bool
    opeenvolgend: bool
    planned_seq: int | None = None
    planned_dagdeel: Dagdeel | None = None
    assigned_worker_id: str | None = None
    resultaat: Eindresultaat | None = None  # set once closed: shown instead of the clock

    def matches(self, text: str) -> bool:
        """Search by name or address (case- and accent-sensitive enough for a worker's list)."""
        needle = text.casefold().strip()
        if not needle:
            return True
        hay = f"{self.names} {self.address_line} {self.postcode} {self.wijk}".casefold()
        return all(part in hay for part in needle.split())


@dataclass(frozen=True, slots=True)
class WorkerInfo:
    id: str
    username: str
    display_name: str
    first_name: str
    role: str
    team: str
    phone: str
    whatsapp: str
    email: str
