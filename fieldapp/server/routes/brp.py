"""BRP check endpoints for the lead's desk (issue 13): check on demand, the manual queue, and
recording the outcome of a hand check. The team's cases only; other ids answer 404.

The BRP settings come from ``brp.toml`` (``ServerSettings.brp``); without it these answer 409
with a Dutch reason. The desk never sees a BRP payload: only verdicts and reason codes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlalchemy import select

from fieldapp.brp.config import BrpConfig
from fieldapp.brp.manual import manual_outcome, parse_manual
from fieldapp.brp.model import BrpAddress, BrpUnavailable
from fieldapp.errors import InputRefused
from fieldapp.intake.normalise import normalise_postcode, split_huisnummer
from fieldapp.server import audit
from fieldapp.server.brp_check import run_check
from fieldapp.server.brp_manual import manual_queue, record_manual
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.errors import ApiError
from fieldapp.server.routes.deps import (
    Token,
    authenticate,
    db_of,
    request_id,
    run_write,
    settings_of,
)
from fieldapp.server.settings import ServerSettings
from fieldapp.sync.protocol import Uuid

router = APIRouter(prefix="/v1/brp", tags=["brp"])


class CheckRequest(BaseModel):
    case_ids: list[Uuid] | None = Field(default=None, max_length=10_000)
    all_open: bool = False


class CheckResponse(BaseModel):
    checked: int
    by_verdict: dict[str, int]
    moved: int
    queries: int


class QueueEntry(BaseModel):
    check_id: str
    case_id: str
    state: str
    reason: str
    reason_nl: str


class RecordRequest(BaseModel):
    uitkomst: str = Field(max_length=40)
    postcode: str | None = Field(default=None, max_length=10)
    huisnummer: str | None = Field(default=None, max_length=10)
    toevoeging: str = Field(default="", max_length=10)
    gemeentecode: str | None = Field(default=None, pattern=r"^[0-9]{4}$")


def _config(settings: ServerSettings) -> BrpConfig:
    config: BrpConfig | None = settings.brp
    if config is None:
        raise ApiError(409, {"detail": "Geen BRP-koppeling ingesteld (brp.toml)."})
    return config


def _team_ids(db: ServerDatabase, team: str, wanted: list[str] | None) -> list[str]:
    with db.session() as session:
        query = select(CaseTeamRow.case_id).where(CaseTeamRow.team == team)
        if wanted is not None:
            query = query.where(CaseTeamRow.case_id.in_(wanted))
        return sorted(session.scalars(query))


@router.post("/check", response_model=CheckResponse)
async def check(request: Request, body: CheckRequest, token: Token) -> CheckResponse:
    """Team lead: check the team's open cases (new people, or all with ``all_open``)."""
    db, settings = db_of(request), settings_of(request)
    config = _config(settings)

    def work() -> CheckResponse:
        with db.session() as session, session.begin():
            who = authenticate(
                request, session, token, action=audit.AuditAction.BRP_CHECK, lead_only=True
            )
        ids = _team_ids(db, who.team, body.case_ids)
        if body.case_ids is not None and len(ids) != len(set(body.case_ids)):
            raise ApiError(404, {"detail": "Niet gevonden"})
        try:
            report = run_check(
                db,
                config,
                policy=settings.policy(),
                user_ref=who.user_id,
                user_id=who.user_id,
                case_ids=ids,
                recheck=body.all_open or body.case_ids is not None,
                request_id=request_id(request),
            )
        except BrpUnavailable as exc:
            raise ApiError(503, {"detail": f"{exc} Er is niets veranderd."}) from None
        return CheckResponse(
            checked=report.checked,
            by_verdict=dict(report.by_verdict),
            moved=report.moved,
            queries=report.queries,
        )

    return await run_in_threadpool(work)


@router.get("/queue", response_model=list[QueueEntry])
def queue(request: Request, token: Token) -> list[QueueEntry]:
    """Team lead: the checks that wait for them (no result, too many, flags)."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.BRP_CHECK, lead_only=True
        )
        items = manual_queue(session, team=who.team)
    return [
        QueueEntry(
            check_id=i.check_id,
            case_id=i.case_id,
            state=i.state,
            reason=i.reason,
            reason_nl=i.reason_nl,
        )
        for i in items
    ]


@router.post("/checks/{check_id}/record", response_model=CheckResponse)
def record(
    request: Request, check_id: Annotated[Uuid, Path()], body: RecordRequest, token: Token
) -> CheckResponse:
    """Team lead: the outcome of a check done by hand (the lead's own choice, applied)."""
    db, settings = db_of(request), settings_of(request)
    config = _config(settings)
    try:
        address = None
        if body.postcode or body.huisnummer:
            number, suffix = split_huisnummer(body.huisnummer or "", body.toevoeging)
            address = BrpAddress(normalise_postcode(body.postcode or ""), number, suffix)
        outcome = manual_outcome(
            parse_manual(body.uitkomst), gemeentecode=body.gemeentecode, new_address=address
        )
    except (ValueError, InputRefused) as exc:
        raise ApiError(400, {"detail": str(exc)}) from None

    def work(session: Any) -> CheckResponse:
        who = authenticate(
            request, session, token, action=audit.AuditAction.BRP_MANUAL, lead_only=True
        )
        try:
            report = record_manual(
                session,
                check_id,
                outcome,
                user_id=who.user_id,
                user_ref=who.user_id,
                task=config.task,
                policy=settings.policy(),
                today=date.today(),
                team=who.team,
                request_id=request_id(request),
            )
        except InputRefused as exc:
            raise ApiError(404, {"detail": str(exc)}) from None
        return CheckResponse(
            checked=1, by_verdict=dict(report.by_verdict), moved=report.moved, queries=1
        )

    return run_write(db, work)
