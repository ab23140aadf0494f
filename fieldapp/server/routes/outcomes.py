"""Outcome endpoints: the policy for every device; for team leads the exclusion list, the
dashboard and deadline lists, the audit trail, partner feedback and the DDAS delivery.

Replies hold ids, codes and counts (the audit viewer shows "who did what, when" by id); the
DDAS delivery and the feedback hold exactly what the receiving party may see.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.errors import InputRefused
from fieldapp.privacy.optout import feed_entries
from fieldapp.privacy.retention import expiring_soon
from fieldapp.reporting import partner_feedback as fb
from fieldapp.server import audit
from fieldapp.server.auth import Principal
from fieldapp.server.db.schema import AuditEventRow, CaseTeamRow, ServerMetaRow
from fieldapp.server.ddas_delivery import build_server_delivery
from fieldapp.server.errors import ApiError
from fieldapp.server.routes.deps import Token, authenticate, db_of, request_id, settings_of
from fieldapp.services.reporting import dashboard, deadline_lists
from fieldapp.sync.outcome_wire import PolicyReply

router = APIRouter(prefix="/v1", tags=["outcomes"])
KV_DDAS_EXPORTED_UNTIL = "ddas.exported_until"
MAX_AUDIT_ROWS = 1000


class AuditRow(BaseModel):
    id: int  # the paging cursor: ask for ``before=<id of the last row>`` for the next page
    at: datetime
    action: str
    outcome: str
    user_id: str | None
    device_id: str | None
    case_ids: list[str]
    detail: dict[str, int]


def _period(van: date, tot: date) -> None:
    if tot < van:
        raise ApiError(422, {"detail": "De periode klopt niet: 'tot' ligt vóór 'van'."})


def _team_cases(session: Session, who: Principal) -> list[str]:
    return list(session.scalars(select(CaseTeamRow.case_id).where(CaseTeamRow.team == who.team)))


def _lead(request: Request, session: Session, token: Token, action: audit.AuditAction) -> Principal:
    return authenticate(request, session, token, action=action, lead_only=True)


@router.get("/policy", response_model=PolicyReply)
def policy(request: Request, token: Token) -> PolicyReply:
    """The afwegingskader this server enforces (laptops use it, also offline)."""
    with db_of(request).session() as session:
        authenticate(request, session, token, action=audit.AuditAction.PULL)
    text = settings_of(request).policy_source()
    return PolicyReply(sha256=hashlib.sha256(text.encode()).hexdigest(), toml=text)


@router.get("/optouts")
def optouts(request: Request, token: Token) -> dict[str, Any]:
    """Team lead: the active exclusion list (for the laptop's own intake); no reasons."""
    with db_of(request).session() as session, session.begin():
        who = _lead(request, session, token, audit.AuditAction.OPT_OUT)
        entries = feed_entries(session, datetime.now(UTC).date())
        audit.record(
            session,
            action=audit.AuditAction.OPT_OUT,
            outcome="read",
            user_id=who.user_id,
            device_id=who.device_id,
            detail={"entries": len(entries)},
            request_id=request_id(request),
        )
    return {"entries": entries}


@router.get("/report")
def report(
    request: Request,
    token: Token,
    van: Annotated[date, Query()],
    tot: Annotated[date, Query()],
) -> dict[str, Any]:
    """Team lead: the dashboard for the team's cases opened in [van, tot], the deadline lists
    and the retention warning (personal data of an unexported DDAS period about to go)."""
    _period(van, tot)
    today = datetime.now(UTC).date()
    with db_of(request).session() as session, session.begin():
        who = _lead(request, session, token, audit.AuditAction.REPORT)
        ids = _team_cases(session, who)
        figures = dashboard(session, start=van, end=tot, today=today, case_ids=ids)
        lists = deadline_lists(session, today=today, case_ids=ids)
        months = settings_of(request).policy().retention_months
        exported = session.get(ServerMetaRow, KV_DDAS_EXPORTED_UNTIL)
        soon = expiring_soon(
            session,
            today,
            months,
            exported_until=date.fromisoformat(exported.value) if exported else None,
        )
        audit.record(
            session,
            action=audit.AuditAction.REPORT,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            detail={"cases": figures.cases},
            request_id=request_id(request),
        )
    return {
        "van": van.isoformat(),
        "tot": tot.isoformat(),
        **figures.to_json(),
        "binnen_7_dagen": [_deadline(d) for d in lists.within_week],
        "te_laat": [_deadline(d) for d in lists.overdue],
        "bewaartermijn_waarschuwing": soon.isoformat() if soon else None,
    }


def _deadline(d: Any) -> dict[str, Any]:
    return {
        "case_id": d.case_id,
        "deadline": d.deadline.isoformat(),
        "dagen": d.days_left,
        "label": d.label,
        "worker_id": d.worker_id,
        "wijk": d.wijk,
    }


@router.get("/audit", response_model=list[AuditRow])
def audit_trail(
    request: Request,
    token: Token,
    case_id: str | None = None,
    user_id: str | None = None,
    device_id: str | None = None,
    action: str | None = None,
    van: date | None = None,
    tot: date | None = None,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,  # within a 64-bit integer
    limit: Annotated[int, Query(ge=1, le=MAX_AUDIT_ROWS)] = 200,
) -> list[AuditRow]:
    """Team lead: who did what, when (ids only), newest first; filters combine. ``van`` /
    ``tot`` are UTC days (inclusive); ``before`` pages on: only events older than that id."""
    if van is not None and tot is not None:
        _period(van, tot)
    with db_of(request).session() as session, session.begin():
        who = _lead(request, session, token, audit.AuditAction.AUDIT_READ)
        query = select(AuditEventRow).order_by(AuditEventRow.id.desc())
        if before is not None:
            query = query.where(AuditEventRow.id < before)
        if van is not None:
            query = query.where(AuditEventRow.at >= datetime.combine(van, time.min, UTC))
        if tot is not None:
            end = datetime.combine(tot + timedelta(days=1), time.min, UTC)
            query = query.where(AuditEventRow.at < end)
        if user_id:
            query = query.where(AuditEventRow.user_id == user_id)
        if device_id:
            query = query.where(AuditEventRow.device_id == device_id)
        if action:
            query = query.where(AuditEventRow.action == action)
        scan = query.limit(limit if not case_id else MAX_AUDIT_ROWS * 10)
        rows = [r for r in session.scalars(scan) if not case_id or case_id in (r.case_ids or [])][
            :limit
        ]
        audit.record(
            session,
            action=audit.AuditAction.AUDIT_READ,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            detail={"rows": len(rows)},
            request_id=request_id(request),
        )
        return [
            AuditRow(
                id=r.id,
                at=r.at,
                action=r.action,
                outcome=r.outcome,
                user_id=r.user_id,
                device_id=r.device_id,
                case_ids=list(r.case_ids or []),
                detail={k: int(v) for k, v in (r.detail or {}).items()},
            )
            for r in rows
        ]


@router.get("/terugmelding")
def feedback(
    request: Request,
    token: Token,
    partner: str,
    van: Annotated[date, Query()],
    tot: Annotated[date, Query()],
    formaat: str = "json",
) -> Response:
    """Team lead: partner feedback (coarse) for the team's signals, as JSON or CSV."""
    _period(van, tot)
    try:
        which = fb.parse_partner(partner)
    except InputRefused as exc:
        raise ApiError(422, {"detail": str(exc)}) from exc
    with db_of(request).session() as session, session.begin():
        who = _lead(request, session, token, audit.AuditAction.REPORT)
        rows = fb.feedback_rows(
            session, partner=which, start=van, end=tot, case_ids=_team_cases(session, who)
        )
    if formaat == "csv":
        return Response(fb.to_csv(rows), media_type="text/csv; charset=utf-8")
    return Response(
        fb.to_json(rows, partner=which, start=van, end=tot), media_type="application/json"
    )


@router.get("/export/ddas")
def export_ddas(
    request: Request,
    token: Token,
    van: Annotated[date, Query()],
    tot: Annotated[date, Query()],
) -> JSONResponse:
    """Team lead: the validated DDAS v1.2 delivery (``parts``: more than one over 50,000)."""
    settings = settings_of(request)
    if not settings.organisation_text:
        raise ApiError(409, {"detail": "De server heeft geen organisatie.toml."})
    with db_of(request).session() as session, session.begin():
        who = _lead(request, session, token, audit.AuditAction.EXPORT_DDAS)
        try:
            parts = build_server_delivery(
                session,
                start=van,
                end=tot,
                organisation_text=settings.organisation_text,
                delivered_at=datetime.now(UTC),
                demo=settings.demo,
            )
        except InputRefused as exc:
            raise ApiError(422, {"detail": str(exc)}) from exc
        mark_exported(session, tot)
        audit.record(
            session,
            action=audit.AuditAction.EXPORT_DDAS,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            detail={"parts": len(parts)},
            request_id=request_id(request),
        )
    return JSONResponse({"parts": parts})


def mark_exported(session: Session, until: date) -> None:
    """Remember the latest exported period end (for the retention warning)."""
    row = session.get(ServerMetaRow, KV_DDAS_EXPORTED_UNTIL)
    if row is None:
        session.add(ServerMetaRow(key=KV_DDAS_EXPORTED_UNTIL, value=until.isoformat()))
    elif row.value < until.isoformat():
        row.value = until.isoformat()
