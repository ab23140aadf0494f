"""Team-lead planning endpoints: shifts, visits, publishing, planner jobs, workers' route edits.

Team leads only (a worker gets 403, like the other team endpoints); every id outside the
lead's team answers 404, exactly like an id that does not exist. Each write is one
transaction: rows, change feed (shifts and visits reach the workers' laptops once published)
and an audit event with ids and counts only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server import audit, plan_jobs
from fieldapp.server.auth import Principal
from fieldapp.server.db.schema import CaseTeamRow, PlanJobRow
from fieldapp.server.errors import ApiError, not_found
from fieldapp.server.feed_plans import shift_payloads, visit_payloads
from fieldapp.server.plan_emit import emit_plan_write
from fieldapp.server.routes.deps import Token, authenticate, db_of, now, request_id, run_write
from fieldapp.services import plan_edit
from fieldapp.services.errors import PlanRefused
from fieldapp.services.plan_edit import PlanWrite
from fieldapp.services.plan_views import shifts_between
from fieldapp.store.schema import PlannedVisitRow, RouteEditRow, ShiftRow
from fieldapp.sync.protocol import OkResponse, Uuid, WipeOrder
from fieldapp.sync.protocol_plan import (
    DateRange,
    LockRequest,
    MoveVisitRequest,
    PlanJobRequest,
    PlanJobStatus,
    PublishResponse,
    RouteEditInfo,
    RouteEditsResponse,
    ShiftRequest,
    ShiftsResponse,
    ShiftWithVisits,
)

router = APIRouter(prefix="/v1", tags=["plan"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No or unknown token"},
    403: {"model": WipeOrder, "description": "Not a team lead, or device revoked"},
    404: {"description": "Not found (or not yours)"},
    409: {"description": "Refused (Dutch reason in detail)"},
}
_NOT_FOUND = {
    plan_edit.MSG_NO_SHIFT,
    plan_edit.MSG_NO_VISIT,
    plan_edit.MSG_NO_WORKER,
    plan_edit.MSG_NO_CASE,
}
MAX_RANGE_DAYS = 31


def _refused(error: PlanRefused) -> ApiError:
    if str(error) in _NOT_FOUND:
        return not_found()
    return ApiError(409, {"detail": str(error)})


def _lead_write(
    request: Request,
    token: Token,
    action: audit.AuditAction,
    change: Callable[[Session, Principal], tuple[PlanWrite, Any]],
) -> Any:
    """Authenticate a lead, apply ``change``, emit the feed and audit it, in one transaction."""

    def work(session: Session) -> Any:
        who = authenticate(request, session, token, action=action, lead_only=True)
        try:
            write, reply = change(session, who)
        except PlanRefused as error:
            raise _refused(error) from None
        rows = emit_plan_write(session, write)
        audit.record(
            session,
            action=action,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=write.case_ids,
            detail={
                "shifts": len(write.shift_ids),
                "visits": len(write.visit_ids),
                "feed_rows": rows,
            },
            request_id=request_id(request),
        )
        return reply

    return run_write(db_of(request), work)


def _shift_reply(session: Session, shift_id: str) -> ShiftWithVisits:
    shift = shift_payloads(session, [shift_id])[shift_id]
    visit_ids = list(
        session.scalars(
            select(PlannedVisitRow.id)
            .where(PlannedVisitRow.shift_id == shift_id)
            .order_by(PlannedVisitRow.seq, PlannedVisitRow.id)
        )
    )
    visits = visit_payloads(session, visit_ids)
    return ShiftWithVisits(shift=shift, visits=[visits[v] for v in visit_ids])


def _check_range(van: date, tot: date) -> None:
    if tot < van or (tot - van).days > MAX_RANGE_DAYS:
        raise ApiError(422, {"detail": "Kies een periode van hoogstens 31 dagen."})


@router.get("/shifts", response_model=ShiftsResponse, responses=_ERRORS)
def list_shifts(request: Request, token: Token, van: date, tot: date) -> ShiftsResponse:
    """Team lead: the team's shifts from ``van`` to ``tot`` with their visits in order."""
    _check_range(van, tot)
    with db_of(request).session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.PLAN_READ, lead_only=True
        )
        shifts = shifts_between(session, van, tot, team=who.team)
        payloads = shift_payloads(session, [s.id for s in shifts])
        visits = visit_payloads(session, [v.visit_id for s in shifts for v in s.visits])
        audit.record(
            session,
            action=audit.AuditAction.PLAN_READ,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            detail={"shifts": len(shifts)},
            request_id=request_id(request),
        )
        return ShiftsResponse(
            shifts=[
                ShiftWithVisits(shift=payloads[s.id], visits=[visits[v.visit_id] for v in s.visits])
                for s in shifts
            ]
        )


@router.post("/shifts", response_model=ShiftWithVisits, status_code=201, responses=_ERRORS)
def create_shift(request: Request, body: ShiftRequest, token: Token) -> ShiftWithVisits:
    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        sid, write = plan_edit.save_shift(session, team=who.team, request=body)
        return write, sid

    sid = _lead_write(request, token, audit.AuditAction.SHIFT_SAVE, change)
    with db_of(request).session() as session, session.begin():
        return _shift_reply(session, sid)


@router.put("/shifts/{shift_id}", response_model=ShiftWithVisits, responses=_ERRORS)
def update_shift(
    request: Request, shift_id: Annotated[Uuid, Path()], body: ShiftRequest, token: Token
) -> ShiftWithVisits:
    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        _, write = plan_edit.save_shift(session, team=who.team, request=body, shift_id=shift_id)
        return write, None

    _lead_write(request, token, audit.AuditAction.SHIFT_SAVE, change)
    with db_of(request).session() as session, session.begin():
        return _shift_reply(session, shift_id)


@router.delete("/shifts/{shift_id}", response_model=OkResponse, responses=_ERRORS)
def delete_shift(request: Request, shift_id: Annotated[Uuid, Path()], token: Token) -> OkResponse:
    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        return plan_edit.delete_shift(session, team=who.team, shift_id=shift_id), None

    _lead_write(request, token, audit.AuditAction.SHIFT_DELETE, change)
    return OkResponse()


@router.post(
    "/shifts/{shift_id}/visits/{case_id}",
    response_model=ShiftWithVisits,
    status_code=201,
    responses=_ERRORS,
)
def add_visit(
    request: Request,
    shift_id: Annotated[Uuid, Path()],
    case_id: Annotated[Uuid, Path()],
    token: Token,
    seq: Annotated[int, Query(ge=1, le=1000)] = 1000,
) -> ShiftWithVisits:
    """Put a case of the team in a shift at position ``seq`` (default: last). An unassigned
    case is assigned to the shift's first worker."""

    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        in_team = session.scalar(
            select(CaseTeamRow.case_id).where(
                CaseTeamRow.case_id == case_id, CaseTeamRow.team == who.team
            )
        )
        _, write = plan_edit.add_visit(
            session,
            team=who.team,
            shift_id=shift_id,
            case_id=case_id,
            seq=seq,
            case_in_team=in_team is not None,
        )
        return write, None

    _lead_write(request, token, audit.AuditAction.VISIT_EDIT, change)
    with db_of(request).session() as session, session.begin():
        return _shift_reply(session, shift_id)


@router.post("/visits/{visit_id}/move", response_model=OkResponse, responses=_ERRORS)
def move_visit(
    request: Request, visit_id: Annotated[Uuid, Path()], body: MoveVisitRequest, token: Token
) -> OkResponse:
    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        write = plan_edit.move_visit(
            session, team=who.team, visit_id=visit_id, shift_id=body.shift_id, seq=body.seq
        )
        return write, None

    _lead_write(request, token, audit.AuditAction.VISIT_EDIT, change)
    return OkResponse()


@router.post("/visits/{visit_id}/lock", response_model=OkResponse, responses=_ERRORS)
def lock_visit(
    request: Request, visit_id: Annotated[Uuid, Path()], body: LockRequest, token: Token
) -> OkResponse:
    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        write = plan_edit.lock_visit(session, team=who.team, visit_id=visit_id, locked=body.locked)
        return write, None

    _lead_write(request, token, audit.AuditAction.VISIT_EDIT, change)
    return OkResponse()


@router.delete("/visits/{visit_id}", response_model=OkResponse, responses=_ERRORS)
def delete_visit(request: Request, visit_id: Annotated[Uuid, Path()], token: Token) -> OkResponse:
    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        return plan_edit.delete_visit(session, team=who.team, visit_id=visit_id), None

    _lead_write(request, token, audit.AuditAction.VISIT_EDIT, change)
    return OkResponse()


def _publish(request: Request, body: DateRange, token: Token, published: bool) -> PublishResponse:
    action = audit.AuditAction.PLAN_PUBLISH if published else audit.AuditAction.PLAN_UNPUBLISH

    def change(session: Session, who: Principal) -> tuple[PlanWrite, Any]:
        write = plan_edit.set_published(
            session, team=who.team, van=body.van, tot=body.tot, published=published, now=now()
        )
        return write, PublishResponse(shifts=len(write.shift_ids), visits=len(write.visit_ids))

    reply: PublishResponse = _lead_write(request, token, action, change)
    return reply


@router.post("/plan/publish", response_model=PublishResponse, responses=_ERRORS)
def publish(request: Request, body: DateRange, token: Token) -> PublishResponse:
    """Publish the team's shifts in the range (and lock their visits): they reach the
    assigned workers' laptops at the next sync."""
    return _publish(request, body, token, True)


@router.post("/plan/unpublish", response_model=PublishResponse, responses=_ERRORS)
def unpublish(request: Request, body: DateRange, token: Token) -> PublishResponse:
    """Take the team's shifts in the range off the workers' laptops (tombstones)."""
    return _publish(request, body, token, False)


@router.post("/plan/jobs", response_model=PlanJobStatus, status_code=202, responses=_ERRORS)
def start_plan_job(request: Request, body: PlanJobRequest, token: Token) -> PlanJobStatus:
    """Plan the team's shifts in the range as a background job; poll GET for progress."""
    db = db_of(request)

    def work(session: Session) -> PlanJobStatus:
        who = authenticate(
            request, session, token, action=audit.AuditAction.PLAN_JOB, lead_only=True
        )
        job = plan_jobs.create_job(
            session,
            team=who.team,
            user_id=who.user_id,
            van=body.van,
            tot=body.tot,
            budget=body.budget_seconds,
        )
        audit.record(
            session,
            action=audit.AuditAction.PLAN_JOB,
            outcome="started",
            user_id=who.user_id,
            device_id=who.device_id,
            request_id=request_id(request),
        )
        return plan_jobs.status_of(job)

    status = run_write(db, work)
    plan_jobs.submit(db, status.id)
    return status


def _team_job(session: Session, who: Principal, job_id: str) -> PlanJobRow:
    job = session.get(PlanJobRow, job_id)
    if job is None or job.team != who.team:
        raise not_found()
    return job


@router.get("/plan/jobs/{job_id}", response_model=PlanJobStatus, responses=_ERRORS)
def plan_job(request: Request, job_id: Annotated[Uuid, Path()], token: Token) -> PlanJobStatus:
    with db_of(request).session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.PLAN_READ, lead_only=True
        )
        return plan_jobs.status_of(_team_job(session, who, job_id))


@router.delete("/plan/jobs/{job_id}", response_model=PlanJobStatus, responses=_ERRORS)
def cancel_plan_job(
    request: Request, job_id: Annotated[Uuid, Path()], token: Token
) -> PlanJobStatus:
    """Ask a queued or running job to stop (it then writes nothing); a finished job is left
    as it is."""

    def work(session: Session) -> PlanJobStatus:
        who = authenticate(
            request, session, token, action=audit.AuditAction.PLAN_JOB, lead_only=True
        )
        job = _team_job(session, who, job_id)
        if job.status in ("queued", "running"):
            job.cancel_requested = True
            if job.status == "queued":
                job.status = "cancelled"
        audit.record(
            session,
            action=audit.AuditAction.PLAN_JOB,
            outcome="cancel",
            user_id=who.user_id,
            device_id=who.device_id,
            request_id=request_id(request),
        )
        session.flush()
        return plan_jobs.status_of(job)

    reply: PlanJobStatus = run_write(db_of(request), work)
    return reply


@router.get("/plan/route-edits", response_model=RouteEditsResponse, responses=_ERRORS)
def route_edits(request: Request, token: Token, van: date, tot: date) -> RouteEditsResponse:
    """Team lead: workers' own reorders of published shifts in the range (newest first)."""
    _check_range(van, tot)
    with db_of(request).session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.PLAN_READ, lead_only=True
        )
        rows = session.scalars(
            select(RouteEditRow)
            .join(ShiftRow, ShiftRow.id == RouteEditRow.shift_id)
            .where(ShiftRow.team == who.team, ShiftRow.day >= van, ShiftRow.day <= tot)
            .order_by(RouteEditRow.at.desc(), RouteEditRow.id)
        ).all()
        return RouteEditsResponse(
            edits=[
                RouteEditInfo(
                    id=r.id,
                    shift_id=r.shift_id,
                    case_ids=[str(c) for c in r.case_ids],
                    reason=r.reason,
                    at=r.at,
                    worker_id=r.worker_id,
                )
                for r in rows
            ]
        )
