"""Device sync: push the outbox, pull the change feed, confirm a wipe."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy.orm import Session

from fieldapp.server import audit
from fieldapp.server.auth import principal_for_token
from fieldapp.server.db.epoch import get_epoch
from fieldapp.server.db.schema import DeviceRow
from fieldapp.server.errors import ApiError, stale_cursor, unauthenticated
from fieldapp.server.feed import StaleCursor, make_cursor, parse_cursor, read_page, team_workers
from fieldapp.server.push import apply_push
from fieldapp.server.routes.deps import (
    ProtocolHeader,
    Token,
    authenticate,
    check_protocol,
    db_of,
    now,
    request_id,
    run_write,
    settings_of,
)
from fieldapp.sync.protocol import (
    MAX_PULL_LIMIT,
    ChangesPage,
    Health,
    OkResponse,
    PushRequest,
    PushResponse,
    UpgradeRequired,
    WipeOrder,
)

router = APIRouter(prefix="/v1", tags=["sync"])

_COMMON: dict[int | str, dict[str, Any]] = {
    401: {"description": "No or unknown token"},
    403: {"model": WipeOrder, "description": "Device revoked: wipe (or role not allowed)"},
    426: {"model": UpgradeRequired, "description": "Client protocol too old"},
}


@router.get("/health", response_model=Health)
def health(request: Request) -> Health:
    """Liveness and protocol versions (no authentication, no data)."""
    with db_of(request).session() as session, session.begin():
        return Health(server_epoch=get_epoch(session))


@router.post("/sync/push", response_model=PushResponse, responses=_COMMON)
def push(request: Request, body: PushRequest, token: Token) -> PushResponse:
    """Store a batch of attempts and case events, idempotently, in one transaction; the reply
    comes only after COMMIT. Retrying the same batch is harmless."""
    check_protocol(body.protocol_version)
    db = db_of(request)

    def work(session: Session) -> PushResponse:
        who = authenticate(
            request, session, token, action=audit.AuditAction.PUSH, allow_push_first=True
        )
        if body.device_id != who.device_id:
            raise ApiError(403, {"detail": "Geen toegang."})
        at = now()
        out = apply_push(session, who, list(body.items), at, settings_of(request).policy())
        audit.record(
            session,
            action=audit.AuditAction.PUSH,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=out.case_ids,
            detail={
                "accepted": len(out.accepted),
                "duplicates": len(out.duplicates),
                "quarantined": len(out.quarantined),
                "conflicts": len(out.conflicts),
                "rejected": len(out.rejected),
            },
            request_id=request_id(request),
            at=at,
        )
        return PushResponse(
            accepted=out.accepted,
            duplicates=out.duplicates,
            quarantined=out.quarantined,
            conflicts=out.conflicts,
            rejected=out.rejected,
            server_epoch=get_epoch(session),
        )

    return run_write(db, work)


@router.get(
    "/sync/changes",
    response_model=ChangesPage,
    responses={
        **_COMMON,
        410: {"description": "Stale or foreign cursor: pull again from the start"},
    },
)
def changes(
    request: Request,
    token: Token,
    protocol: ProtocolHeader = None,
    since: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = 200,
) -> ChangesPage:
    """One page of the caller's change feed (their own cases only; tombstones for cases that
    left). Save ``next_cursor`` together with the applied page."""
    check_protocol(protocol)
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(request, session, token, action=audit.AuditAction.PULL)
        epoch = get_epoch(session)
        try:
            seq = parse_cursor(session, since, epoch=epoch, scope=who.scope)
        except StaleCursor:
            raise stale_cursor() from None
        page, last, has_more = read_page(session, who.scope, seq, limit)
        audit.record(
            session,
            action=audit.AuditAction.PULL,
            outcome="ok",
            user_id=who.user_id,
            device_id=who.device_id,
            case_ids=[c.entity_id for c in page if c.entity_type == "case" and c.op == "upsert"],
            detail={"changes": len(page)},
            request_id=request_id(request),
        )
        return ChangesPage(
            changes=page,
            workers=team_workers(session, who.team),
            next_cursor=make_cursor(epoch, who.scope, last),
            has_more=has_more,
            server_epoch=epoch,
        )


@router.post("/device/wiped", response_model=OkResponse, responses={401: _COMMON[401]})
def device_wiped(request: Request, token: Token) -> OkResponse:
    """A revoked device confirms it has wiped itself (best effort; audit only)."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = principal_for_token(session, token.credentials, now()) if token else None
        if who is None:
            raise unauthenticated()
        device = session.get(DeviceRow, who.device_id)
        if device is not None and device.status != "active":
            device.wiped_at = now()
        audit.record(
            session,
            action=audit.AuditAction.WIPE,
            outcome="confirmed" if not who.active else "not_ordered",
            user_id=who.user_id,
            device_id=who.device_id,
            request_id=request_id(request),
        )
    return OkResponse()
