"""The lead's BRP queue (no result, too many, flags) and outcomes recorded by hand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.brp.model import QueryRecord
from fieldapp.brp.outcomes import REASON_NL, Outcome, Reason
from fieldapp.domain.priority import Policy
from fieldapp.errors import InputRefused
from fieldapp.server import audit
from fieldapp.server.brp_apply import ApplyReport, apply_outcomes
from fieldapp.server.db.brp_schema import BrpCheckRow, BrpQueryRow
from fieldapp.server.db.schema import CaseTeamRow

OPEN_STATES = ("handmatig", "controle")


@dataclass(frozen=True, slots=True)
class QueueItem:
    check_id: str
    case_id: str
    state: str
    verdict: str
    reason: str
    checked_at: datetime

    @property
    def reason_nl(self) -> str:
        return REASON_NL[Reason(self.reason)]


def manual_queue(session: Session, *, team: str | None = None) -> list[QueueItem]:
    """Open checks for the lead (oldest first); only ``team``'s cases when given."""
    query = (
        select(BrpCheckRow)
        .where(BrpCheckRow.state.in_(OPEN_STATES))
        .order_by(BrpCheckRow.checked_at, BrpCheckRow.id)
    )
    if team is not None:
        query = query.join(CaseTeamRow, CaseTeamRow.case_id == BrpCheckRow.case_id).where(
            CaseTeamRow.team == team
        )
    return [
        QueueItem(r.id, r.case_id, r.state, r.verdict, r.reason, r.checked_at)
        for r in session.scalars(query)
    ]


def record_manual(
    session: Session,
    check_id: str,
    outcome: Outcome,
    *,
    user_id: str | None,
    user_ref: str,
    task: str,
    policy: Policy,
    today: date,
    team: str | None = None,
    request_id: str = "",
) -> ApplyReport:
    """Resolve an open check with the outcome of a hand check, in the caller's transaction.

    Refused (``InputRefused``) for an unknown, already resolved or other team's check."""
    row = session.get(BrpCheckRow, check_id)
    if row is not None and team is not None:
        owner = session.get(CaseTeamRow, row.case_id)
        row = row if owner is not None and owner.team == team else None
    if row is None or row.person_id is None:
        raise InputRefused("Onbekende BRP-controle.")
    if row.state not in OPEN_STATES:
        raise InputRefused("Deze BRP-controle is al afgehandeld.")
    now = datetime.now(UTC)
    row.state = "afgehandeld"
    row.resolved_at = now
    row.resolved_by = user_id
    report = apply_outcomes(
        session,
        {row.person_id: outcome},
        {row.person_id: row.case_id},
        backend="handmatig",
        policy=policy,
        today=today,
        resolved_by=user_id or "cli",
    )
    record = QueryRecord(
        backend="handmatig",
        kind="manual",
        correlation_id=str(uuid.uuid4()),
        user=user_ref,
        task=task,
        asked=1,
        delivered=1,
        outcome="ok",
    )
    session.add(
        BrpQueryRow(
            at=now,
            backend=record.backend,
            kind=record.kind,
            correlation_id=record.correlation_id,
            user_ref=record.user[:100],
            task=record.task[:200],
            asked=1,
            delivered=1,
            outcome="ok",
            delivered_pls=[],
        )
    )
    audit.record(
        session,
        action=audit.AuditAction.BRP_MANUAL,
        outcome=outcome.verdict.value,
        user_id=user_id,
        device_id=None,
        case_ids=report.case_ids,
        request_id=request_id,
    )
    return report
