"""Team-lead endpoints (import, assign, overview, quarantine) and the case detail read.

Every id outside the caller's reach answers 404, exactly like an id that does not exist.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.errors import ImportRefused
from fieldapp.intake.reader import read_bytes
from fieldapp.intake.report import ParsedFile
from fieldapp.server import audit
from fieldapp.server.auth import Principal
from fieldapp.server.brp_check import check_after_import
from fieldapp.server.db.schema import CaseTeamRow, QuarantineRow
from fieldapp.server.errors import ApiError, not_found
from fieldapp.server.feed import case_payloads, case_scopes
from fieldapp.server.routes.deps import (
    Token,
    authenticate,
    db_of,
    request_id,
    run_write,
    settings_of,
)
from fieldapp.server.team_ops import NotInTeam, TeamActor, assign_for_team, import_for_team
from fieldapp.store.schema import AttemptRow, CaseRow
from fieldapp.sync.protocol import (
    AssignRequest,
    AssignResponse,
    CasePayload,
    CasesResponse,
    CaseSummary,
    ImportResponse,
    QuarantineItem,
    QuarantineResponse,
    Uuid,
    WipeOrder,
)

router = APIRouter(prefix="/v1", tags=["team"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No or unknown token"},
    403: {"model": WipeOrder, "description": "Not a team lead, or device revoked"},
    404: {"description": "Not found (or not yours)"},
}
_SUFFIXES = {".csv", ".xlsx", ".json", ".txt"}


@router.post(
    "/import",
    response_model=ImportResponse,
    responses={**_ERRORS, 400: {"description": "File refused (Dutch reason in detail)"}},
)
async def import_file(
    request: Request,
    token: Token,
    filename: Annotated[str, Query(max_length=200)] = "signalen.csv",
) -> ImportResponse:
    """Team lead: import one signal file (raw request body: CSV, XLSX or DDAS JSON) with the
    same intake code as the desktop app. New cases join the lead's team, unassigned."""
    data = await request.body()
    suffix = FsPath(filename).suffix.lower()
    suffix = suffix if suffix in _SUFFIXES else ".csv"
    db = db_of(request)
    lead: list[tuple[str, str]] = []  # (team, user id) for the BRP check after the import

    def work(session: Session) -> ImportResponse:
        who = authenticate(request, session, token, action=audit.AuditAction.IMPORT, lead_only=True)
        try:
            parsed = _parse_upload(data, suffix)
        except ImportRefused as error:
            raise ApiError(400, {"detail": str(error)}) from None
        lead[:] = [(who.team, who.user_id)]
        return import_for_team(
            session,
            parsed,
            TeamActor(team=who.team, user_id=who.user_id, device_id=who.device_id),
            policy=settings_of(request).policy(),
            today=date.today(),
            request_id=request_id(request),
        )

    response = await run_in_threadpool(run_write, db, work)
    if lead:  # issue 13: check the people this import brought in
        await run_in_threadpool(check_after_import, db, settings_of(request), *lead[0])
    return response


def _parse_upload(data: bytes, suffix: str) -> ParsedFile:
    """Parse the upload in memory: no copy of the personal data ever touches the disk."""
    return read_bytes(data, name=f"upload{suffix}", suffix=suffix)


@router.post("/cases/assign", response_model=AssignResponse, responses=_ERRORS)
def assign(request: Request, body: AssignRequest, token: Token) -> AssignResponse:
    """Team lead: assign cases of their team to a worker of their team (``null`` = unassign).
    The old worker's laptop gets a tombstone, the new one the case."""
    db = db_of(request)

    def work(session: Session) -> AssignResponse:
        who = authenticate(request, session, token, action=audit.AuditAction.ASSIGN, lead_only=True)
        actor = TeamActor(team=who.team, user_id=who.user_id, device_id=who.device_id)
        try:
            return assign_for_team(
                session, list(body.case_ids), body.worker_id, actor, request_id=request_id(request)
            )
        except NotInTeam:
            raise not_found() from None

    return run_write(db, work)


@router.get("/cases", response_model=CasesResponse, responses=_ERRORS)
def list_cases(request: Request, token: Token) -> CasesResponse:
    """Team lead: the team's cases (ids, status, assignment, priority; no personal data)."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.LIST_CASES, lead_only=True
        )
        counts = dict(
            session.execute(
                select(AttemptRow.case_id, func.count())
                .join(CaseTeamRow, CaseTeamRow.case_id == AttemptRow.case_id)
                .where(CaseTeamRow.team == who.team)
                .group_by(AttemptRow.case_id)
            ).all()
        )
        rows = session.scalars(
            select(CaseRow)
            .join(CaseTeamRow, CaseTeamRow.case_id == CaseRow.id)
            .where(CaseTeamRow.team == who.team)
            .order_by(CaseRow.priority.desc(), CaseRow.deadline, CaseRow.id)
        ).all()
        audit.record(
            session,
            action=audit.AuditAction.LIST_CASES,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            detail={"cases": len(rows)},
            request_id=request_id(request),
        )
        return CasesResponse(
            cases=[
                CaseSummary(
                    id=c.id,
                    status=c.status,
                    assigned_worker_id=c.assigned_worker_id,
                    priority=c.priority,
                    deadline=c.deadline,
                    version=c.version,
                    attempts=int(counts.get(c.id, 0)),
                )
                for c in rows
            ]
        )


@router.get("/cases/{case_id}", response_model=CasePayload, responses=_ERRORS)
def get_case(request: Request, case_id: Annotated[Uuid, Path()], token: Token) -> CasePayload:
    """One case in full: for its assigned worker (while open) or a lead of its team."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(request, session, token, action=audit.AuditAction.READ_CASE)
        if not _may_read(session, who, case_id):
            raise not_found()
        payload = case_payloads(session, [case_id]).get(case_id)
        if payload is None:
            raise not_found()
        audit.record(
            session,
            action=audit.AuditAction.READ_CASE,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=[case_id],
            request_id=request_id(request),
        )
        return payload


def _may_read(session: Session, who: Principal, case_id: str) -> bool:
    return who.scope in case_scopes(session, [case_id])[case_id]


@router.get("/quarantine", response_model=QuarantineResponse, responses=_ERRORS)
def quarantine(request: Request, token: Token) -> QuarantineResponse:
    """Team lead: pushed items on cases their sender no longer held, awaiting review."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.QUARANTINE_READ, lead_only=True
        )
        rows = session.scalars(
            select(QuarantineRow)
            .where(QuarantineRow.team == who.team, QuarantineRow.resolved_at.is_(None))
            .order_by(QuarantineRow.received_at, QuarantineRow.id)
        ).all()
        audit.record(
            session,
            action=audit.AuditAction.QUARANTINE_READ,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=[r.case_id for r in rows],
            request_id=request_id(request),
        )
        return QuarantineResponse(
            items=[QuarantineItem.model_validate(r, from_attributes=True) for r in rows]
        )
