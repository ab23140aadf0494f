"""Team-lead desk commands: approach, "niet opgepakt", quarantine accept/reject.

Each request is one transaction (``run_write``): the lead's laptop sends the command, then
pulls at once and shows what the server made of it. Ids outside the lead's team answer 404.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request
from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from fieldapp.domain.desk import NOT_PICKED_UP
from fieldapp.server import audit
from fieldapp.server.db.schema import QuarantineRow
from fieldapp.server.errors import ApiError, not_found
from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.server.routes.deps import Token, authenticate, db_of, request_id, run_write
from fieldapp.server.routes.team import _ERRORS
from fieldapp.server.team_ops import team_case_ids as _team_case_ids
from fieldapp.services.desk import mark_not_picked_up, set_approach
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow
from fieldapp.sync.desk_protocol import (
    ApproachRequest,
    CountResponse,
    NotPickedUpRequest,
    QuarantineDecision,
)
from fieldapp.sync.protocol import AttemptItem, CaseEventItem, Uuid

router = APIRouter(prefix="/v1", tags=["desk"])
_ATTEMPTS: Table = AttemptRow.__table__  # type: ignore[assignment]


def _own_cases(session: Session, team: str, ids: list[str]) -> None:
    if _team_case_ids(session, team, ids) != set(ids):
        raise not_found()


@router.post("/cases/approach", response_model=CountResponse, responses=_ERRORS)
def approach(request: Request, body: ApproachRequest, token: Token) -> CountResponse:
    """Team lead: record the approach (brief eerst / huisbezoek / bellen) of team cases."""

    def work(session: Session) -> CountResponse:
        who = authenticate(
            request, session, token, action=audit.AuditAction.APPROACH, lead_only=True
        )
        ids = sorted(set(body.case_ids))
        _own_cases(session, who.team, ids)
        before = case_scopes(session, ids)
        set_approach(session, case_ids=ids, approach=body.approach)
        emit_case_changes(session, before)
        audit.record(
            session,
            action=audit.AuditAction.APPROACH,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=ids,
            request_id=request_id(request),
        )
        return CountResponse(changed=ids)

    return run_write(db_of(request), work)


@router.post("/cases/not-picked-up", response_model=CountResponse, responses=_ERRORS)
def not_picked_up(request: Request, body: NotPickedUpRequest, token: Token) -> CountResponse:
    """Team lead: close team cases as not taken up; their signals get the DDAS status. The
    reason is stored with the close event (internal); partner feedback never includes it."""
    if body.resultaat not in NOT_PICKED_UP:
        raise ApiError(400, {"detail": "Kies een resultaat voor 'niet opgepakt'."})

    def work(session: Session) -> CountResponse:
        who = authenticate(
            request, session, token, action=audit.AuditAction.NOT_PICKED_UP, lead_only=True
        )
        ids = sorted(set(body.case_ids))
        _own_cases(session, who.team, ids)
        before = case_scopes(session, ids)
        changed, _changes = mark_not_picked_up(
            session,
            case_ids=ids,
            resultaat=body.resultaat,
            reason=body.reason,
            at=datetime.now(UTC),
            device_id=who.device_id,
        )
        emit_case_changes(session, {cid: before[cid] for cid in changed})
        audit.record(
            session,
            action=audit.AuditAction.NOT_PICKED_UP,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=changed,
            request_id=request_id(request),
        )
        return CountResponse(changed=changed)

    return run_write(db_of(request), work)


@router.post("/quarantine/{item_id}", response_model=CountResponse, responses=_ERRORS)
def resolve_quarantine(
    request: Request, item_id: Annotated[Uuid, Path()], body: QuarantineDecision, token: Token
) -> CountResponse:
    """Team lead: accept (the attempt or decision joins the case's history) or reject (kept
    on the server, marked resolved) an item pushed for a case its sender no longer held."""

    def work(session: Session) -> CountResponse:
        who = authenticate(
            request, session, token, action=audit.AuditAction.QUARANTINE_RESOLVE, lead_only=True
        )
        row = session.get(QuarantineRow, item_id)
        if row is None or row.team != who.team or row.resolved_at is not None:
            raise not_found()
        now = datetime.now(UTC)
        if body.decision == "accept" and session.get(CaseRow, row.case_id) is not None:
            before = case_scopes(session, [row.case_id])
            _accept(session, row, now)
            emit_case_changes(session, before)
        row.resolved_at = now
        audit.record(
            session,
            action=audit.AuditAction.QUARANTINE_RESOLVE,
            outcome="accepted" if body.decision == "accept" else "rejected",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=[row.case_id],
            request_id=request_id(request),
        )
        return CountResponse(changed=[row.id])

    return run_write(db_of(request), work)


def _accept(session: Session, row: QuarantineRow, now: datetime) -> None:
    """Add the quarantined item to the case as its sender made it (their worker and device)."""
    if row.kind == "attempt":
        item = AttemptItem.model_validate(row.payload)
        session.execute(
            insert(_ATTEMPTS),
            [
                {
                    "id": item.id,
                    "case_id": item.case_id,
                    "soort": item.soort.value,
                    "bereikt": item.bereikt,
                    "occurred_at": item.occurred_at,
                    "dagdeel": item.dagdeel.value,
                    "outcome": item.outcome,
                    "note": item.note,
                    "worker_id": row.worker_id,
                    "device_id": row.device_id,
                    "voids": item.voids,
                    "void_reason": item.void_reason,
                    "created_at": now,
                    "sync_state": "acked",
                    "acked_at": now,
                    "server_epoch_at_ack": None,
                }
            ],
        )
        return
    event = CaseEventItem.model_validate(row.payload)
    # A decision made on a case the worker no longer held is recorded, not re-applied: the
    # lead reopens or closes the case on purpose if the decision should stand.
    session.add(
        CaseEventRow(
            id=event.id,
            case_id=event.case_id,
            kind=event.kind,
            resultaat=event.resultaat.value if event.resultaat else None,
            reason=event.reason,
            effort_override=event.effort_override,
            at=event.at,
            worker_id=row.worker_id,
            device_id=row.device_id,
            sync_state="acked",
            acked_at=now,
        )
    )
