"""Contact attempts (contactpogingen): append-only, each with a device-made UUID."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from fieldapp.domain.dayparts import daypart_of
from fieldapp.domain.ddas import Contactsoort, Dagdeel


class SyncState(StrEnum):
    PENDING = "pending"
    ACKED = "acked"


def new_attempt_id() -> str:
    """A lowercase canonical UUIDv4: the idempotency key from form-open to server."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class ContactAttempt:
    """One action to reach a household.

    Never updated in place: a mistake is corrected by a new attempt with ``voids`` set to the
    wrong one's id and a ``void_reason``. ``dagdeel`` is derived from ``occurred_at`` in
    Europe/Amsterdam unless the worker sets it explicitly (e.g. logging yesterday's visit).
    """

    id: str
    case_id: str
    soort: Contactsoort
    bereikt: bool
    occurred_at: datetime
    dagdeel: Dagdeel
    note: str = ""
    outcome: str | None = None
    worker_id: str | None = None
    device_id: str | None = None
    voids: str | None = None
    void_reason: str = ""
    sync_state: SyncState = SyncState.PENDING

    @classmethod
    def record(
        cls,
        *,
        case_id: str,
        soort: Contactsoort,
        bereikt: bool,
        occurred_at: datetime,
        attempt_id: str | None = None,
        note: str = "",
        dagdeel: Dagdeel | None = None,
        worker_id: str | None = None,
        device_id: str | None = None,
    ) -> ContactAttempt:
        return cls(
            id=(attempt_id or new_attempt_id()).lower(),
            case_id=case_id,
            soort=soort,
            bereikt=bereikt,
            occurred_at=occurred_at,
            dagdeel=dagdeel or daypart_of(occurred_at),
            note=note,
            worker_id=worker_id,
            device_id=device_id,
        )

    @property
    def is_void_entry(self) -> bool:
        return self.voids is not None


def effective_attempts(attempts: list[ContactAttempt]) -> list[ContactAttempt]:
    """Attempts that count: neither a voiding entry nor voided by one."""
    voided = {a.voids for a in attempts if a.voids}
    return [a for a in attempts if a.voids is None and a.id not in voided]
