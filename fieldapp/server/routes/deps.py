"""Request plumbing shared by the routes: database, clock, caller, protocol version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldapp.server import audit
from fieldapp.server.auth import Principal, principal_for_token
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.errors import (
    ApiError,
    forbidden,
    unauthenticated,
    upgrade_required,
    wipe_order,
)
from fieldapp.server.settings import ServerSettings
from fieldapp.sync.protocol import MIN_PROTOCOL_VERSION, PROTOCOL_HEADER

T = TypeVar("T")
bearer = HTTPBearer(auto_error=False, description="Device token from POST /v1/enroll")
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
ProtocolHeader = Annotated[int | None, Header(alias=PROTOCOL_HEADER, ge=0, le=1_000_000)]


def db_of(request: Request) -> ServerDatabase:
    db: ServerDatabase = request.app.state.db
    return db


def settings_of(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


def request_id(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", ""))


def now() -> datetime:
    return datetime.now(UTC)


def check_protocol(version: int | None) -> None:
    if version is not None and version < MIN_PROTOCOL_VERSION:
        raise upgrade_required()


def authenticate(
    request: Request,
    session: Session,
    token: HTTPAuthorizationCredentials | None,
    *,
    action: audit.AuditAction,
    allow_push_first: bool = False,
    lead_only: bool = False,
) -> Principal:
    """The caller, or an ApiError: 401 (no/unknown token), 403 wipe order (revoked device;
    ``allow_push_first`` lets a departing device push), 403 (not a team lead)."""
    if token is None or not token.credentials:
        raise unauthenticated()
    who = principal_for_token(session, token.credentials, now())
    if who is None:
        raise unauthenticated()
    # Ids only, for the request's log line (fieldapp.server.observability).
    request.state.user_id = who.user_id
    request.state.device_id = who.device_id
    if not who.active and not (allow_push_first and who.push_first):
        raise _denied(wipe_order(who.push_first), request, who, action, "wipe_ordered")
    if lead_only and not who.is_lead:
        raise _denied(forbidden(), request, who, action, "not_lead")
    return who


def _denied(
    error: ApiError, request: Request, who: Principal, action: audit.AuditAction, outcome: str
) -> ApiError:
    # Recorded by the app's ApiError handler in its own transaction, after the request's
    # transaction has been rolled back (a nested write here would wait on our own lock).
    error.audit = {
        "action": action,
        "outcome": outcome,
        "user_id": who.user_id,
        "device_id": who.device_id,
        "request_id": request_id(request),
    }
    return error


def run_write(db: ServerDatabase, work: Callable[[Session], T], attempts: int = 3) -> T:
    """Run ``work`` in one transaction, committed before returning. A unique-key race with a
    concurrent request (the same batch pushed twice at once) is retried: the second run then
    sees the first one's rows as duplicates."""
    for attempt in range(attempts):
        try:
            with db.session() as session, session.begin():
                return work(session)
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
