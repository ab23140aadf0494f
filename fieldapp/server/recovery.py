"""Recovery of a forgotten passphrase, made to need a team lead.

A stolen laptop plus a phished password must not open the laptop's database. So ``/v1/recovery``
releases a device's recovery key only with a **ticket**: a one-time code that a team lead issues
for that one device (desk or ``fieldapp server recovery issue USER DEVICE``), valid for a short
time (default 30 minutes), used once. The lead tells the worker the code by phone after checking
who is asking. After a release the laptop asks for a new recovery key at its next sync
(:func:`rotate`); the server then overwrites the sealed key it had, so the released one is
worthless even if it was read on the way.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.server.db.keys import ServerKeys
from fieldapp.server.db.schema import DeviceRow, RecoveryTicketRow, UserRow
from fieldapp.store.key_slots import new_recovery_key

DEFAULT_TICKET_MINUTES = 30
MAX_TICKET_MINUTES = 24 * 60
# Unambiguous when read out over the phone: no 0/O, 1/I/L.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    code: str  # shown once; only its hash is stored
    device_id: str
    expires_at: datetime


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("ascii", "ignore")).hexdigest()


def issue_ticket(
    session: Session,
    *,
    device_id: str,
    issued_by: str | None,
    now: datetime,
    minutes: int = DEFAULT_TICKET_MINUTES,
) -> IssuedTicket:
    """A new ticket for ``device_id`` (earlier unused tickets for it stop working)."""
    minutes = max(1, min(MAX_TICKET_MINUTES, minutes))
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
    session.execute(
        update(RecoveryTicketRow)
        .where(RecoveryTicketRow.device_id == device_id, RecoveryTicketRow.used_at.is_(None))
        .values(expires_at=now)
    )
    expires = now + timedelta(minutes=minutes)
    session.add(
        RecoveryTicketRow(
            id=str(uuid.uuid4()),
            device_id=device_id,
            code_hash=_hash(code),
            issued_by=issued_by,
            issued_at=now,
            expires_at=expires,
        )
    )
    session.flush()
    return IssuedTicket(code=code, device_id=device_id, expires_at=expires)


def redeem(session: Session, user: UserRow, code: str, now: datetime) -> DeviceRow | None:
    """The active device of ``user`` that a valid, unused ticket ``code`` names, marking the
    ticket used; None for a wrong, used, expired or someone else's ticket."""
    ticket = session.scalar(
        select(RecoveryTicketRow).where(RecoveryTicketRow.code_hash == _hash(code))
    )
    if ticket is None or ticket.used_at is not None or ticket.expires_at <= now:
        return None
    device = session.get(DeviceRow, ticket.device_id)
    if device is None or device.user_id != user.id or device.status != "active":
        return None
    ticket.used_at = now
    session.flush()
    return device


def rotate(session: Session, keys: ServerKeys, device_id: str, now: datetime) -> bytes:
    """A new recovery key for ``device_id``: sealed and stored in place of the old one (which
    the server thereby forgets); returned once for the laptop's new recovery slot."""
    device = session.get(DeviceRow, device_id)
    if device is None:
        raise LookupError("device")
    fresh = new_recovery_key()
    device.recovery_key_enc = keys.seal_recovery_key(device_id, fresh)
    session.execute(
        update(RecoveryTicketRow)
        .where(
            RecoveryTicketRow.device_id == device_id,
            RecoveryTicketRow.used_at.is_not(None),
            RecoveryTicketRow.rotated_at.is_(None),
        )
        .values(rotated_at=now)
    )
    session.flush()
    return fresh
