"""The server's word on a close: the minimum-effort standard checked again when it arrives.

The laptop checks first, but its clock, its policy file or an old app version may differ: the
server is the authority. A close of a 'no contact' kind that fails here is never dropped: it
goes to the team lead's review queue (``quarantine`` reason ``effort_not_met``) and the case
stays open, so the next pull reopens it on the laptop. A team lead's override (with a written
reason) is accepted and audited (``effort_override``); a worker's override is not honoured.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.domain.attempts import ContactAttempt
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.domain.effort import effort_checklist, needs_effort
from fieldapp.domain.priority import Policy
from fieldapp.server import audit
from fieldapp.server.auth import Principal
from fieldapp.server.db.schema import QuarantineRow
from fieldapp.store.repos.convert import attempt_of
from fieldapp.store.schema import AttemptRow
from fieldapp.sync.protocol import CaseEventItem

REASON_EFFORT = "effort_not_met"


def _pending(values: Sequence[dict[str, object]], case_id: str) -> list[ContactAttempt]:
    """Attempts of the same batch (not inserted yet) for ``case_id``."""
    found = []
    for v in values:
        if v["case_id"] != case_id:
            continue
        occurred = v["occurred_at"]
        assert isinstance(occurred, datetime)
        found.append(
            ContactAttempt(
                id=str(v["id"]),
                case_id=case_id,
                soort=Contactsoort(str(v["soort"])),
                bereikt=bool(v["bereikt"]),
                occurred_at=occurred,
                dagdeel=Dagdeel(str(v["dagdeel"])),
                voids=None if v["voids"] is None else str(v["voids"]),
            )
        )
    return found


def close_verdict(
    session: Session,
    who: Principal,
    item: CaseEventItem,
    batch_attempts: Sequence[dict[str, object]],
    policy: Policy,
    *,
    request_id: str = "",
    now: datetime | None = None,
) -> str | None:
    """None when the close may be applied; else the quarantine reason."""
    if item.kind != "close" or item.resultaat is None or not needs_effort(item.resultaat):
        return None
    if not policy.effort.enforced:
        return None
    attempts = [
        attempt_of(a)
        for a in session.scalars(select(AttemptRow).where(AttemptRow.case_id == item.case_id))
    ] + _pending(batch_attempts, item.case_id)
    missing = effort_checklist(attempts, policy.effort)
    if not missing:
        _resolve_earlier(session, item.case_id, now)
        return None
    if who.is_lead and item.effort_override and item.reason.strip():
        audit.record(
            session,
            action=audit.AuditAction.EFFORT_OVERRIDE,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=[item.case_id],
            detail={"shortfalls": len(missing)},
            request_id=request_id,
            at=now,
        )
        _resolve_earlier(session, item.case_id, now)
        return None
    audit.record(
        session,
        action=audit.AuditAction.EFFORT_OVERRIDE
        if item.effort_override
        else audit.AuditAction.PUSH,
        outcome=REASON_EFFORT,
        user_id=who.user_id,
        device_id=who.device_id,
        case_ids=[item.case_id],
        detail={"shortfalls": len(missing)},
        request_id=request_id,
        at=now,
    )
    return REASON_EFFORT


def _resolve_earlier(session: Session, case_id: str, now: datetime | None) -> None:
    """A close that now passes settles the refused closes of the same case in the queue."""
    session.execute(
        update(QuarantineRow)
        .where(
            QuarantineRow.case_id == case_id,
            QuarantineRow.reason == REASON_EFFORT,
            QuarantineRow.resolved_at.is_(None),
        )
        .values(resolved_at=now or datetime.now(UTC))
    )
