"""Enrolment, recovery-key release and revocation of devices."""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Path, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server import audit, throttle
from fieldapp.server import recovery as recovery_tickets
from fieldapp.server.auth import enroll_device, revoke_device, verify_password
from fieldapp.server.db.epoch import get_epoch
from fieldapp.server.db.schema import DeviceRow, UserRow
from fieldapp.server.errors import ApiError, bad_credentials, not_found, too_many_attempts
from fieldapp.server.routes.deps import (
    Token,
    authenticate,
    db_of,
    now,
    request_id,
    settings_of,
)
from fieldapp.sync.protocol import (
    PROTOCOL_VERSION,
    EnrollRequest,
    EnrollResponse,
    OkResponse,
    RecoveryKey,
    RecoveryRequest,
    RecoveryResponse,
    RecoveryTicketRequest,
    RecoveryTicketResponse,
    RevokeRequest,
    RotatedRecoveryKey,
    Uuid,
    WipeOrder,
)

router = APIRouter(prefix="/v1", tags=["devices"])


def _address(request: Request) -> str | None:
    return request.client.host if request.client else None


def _refuse_if_throttled(
    request: Request, session: Session, username: str, action: audit.AuditAction
) -> None:
    """429 before the password is even checked while the account or address is paused."""
    wait = throttle.wait_seconds(session, username, _address(request), now())
    if wait:
        error = too_many_attempts(wait)
        error.audit = {
            "action": audit.AuditAction.THROTTLE,
            "outcome": f"blocked_{action.value}",
            "user_id": None,
            "device_id": None,
            "request_id": request_id(request),
        }
        raise error


def _login_failed(request: Request, username: str, action: audit.AuditAction) -> ApiError:
    """Count the failure (own transaction: the request's was rolled back) and audit it."""
    with db_of(request).session() as s, s.begin():
        locked = throttle.record_failure(s, username, _address(request), now())
        audit.record(
            s,
            action=action,
            outcome="bad_credentials",
            user_id=None,
            device_id=None,
            request_id=request_id(request),
        )
        if locked:
            audit.record(
                s,
                action=audit.AuditAction.THROTTLE,
                outcome=f"locked_{action.value}",
                user_id=None,
                device_id=None,
                detail={"seconds": locked},
                request_id=request_id(request),
            )
    return too_many_attempts(locked) if locked else bad_credentials()


@router.post(
    "/enroll",
    response_model=EnrollResponse,
    responses={
        401: {"description": "Wrong username or password"},
        429: {"description": "Too many failed sign-ins: wait Retry-After seconds"},
    },
)
def enroll(request: Request, body: EnrollRequest) -> EnrollResponse:
    """Register this laptop: returns its device id, bearer token (shown once) and the recovery
    key the laptop wraps its database key with (then forgets)."""
    db = db_of(request)
    hasher = settings_of(request).password_hasher()
    with db.session() as session, session.begin():
        _refuse_if_throttled(request, session, body.username, audit.AuditAction.ENROLL)
        user = verify_password(session, body.username, body.password, hasher)
        if user is not None:
            throttle.record_success(session, body.username)
            enrolment = enroll_device(session, user, db.keys, name=body.device_name)
            audit.record(
                session,
                action=audit.AuditAction.ENROLL,
                outcome="ok",
                user_id=user.id,
                device_id=enrolment.device_id,
                request_id=request_id(request),
            )
            return EnrollResponse(
                device_id=enrolment.device_id,
                token=enrolment.token,
                recovery_key=base64.b64encode(enrolment.recovery_key).decode("ascii"),
                worker_id=user.worker_id,
                role=user.role,
                team=user.team,
                server_epoch=get_epoch(session),
                protocol_version=PROTOCOL_VERSION,
            )
    raise _login_failed(request, body.username, audit.AuditAction.ENROLL)


@router.post(
    "/recovery",
    response_model=RecoveryResponse,
    responses={
        401: {"description": "Wrong username or password"},
        429: {"description": "Too many failed sign-ins: wait Retry-After seconds"},
    },
)
def recovery(request: Request, body: RecoveryRequest) -> RecoveryResponse:
    """Release the recovery key of ONE device (forgotten passphrase), only with the user's
    password AND a one-time ticket a team lead issued for that device. Audited. The laptop
    rotates the key at its next sync (``POST /v1/device/recovery-key``)."""
    db = db_of(request)
    hasher = settings_of(request).password_hasher()
    with db.session() as session, session.begin():
        _refuse_if_throttled(request, session, body.username, audit.AuditAction.RECOVERY)
        user = verify_password(session, body.username, body.password, hasher)
        device = recovery_tickets.redeem(session, user, body.ticket, now()) if user else None
        if user is not None and device is not None and device.recovery_key_enc:
            throttle.record_success(session, body.username)
            key = RecoveryKey(
                device_id=device.id,
                recovery_key=base64.b64encode(
                    db.keys.open_recovery_key(device.id, device.recovery_key_enc)
                ).decode("ascii"),
            )
            audit.record(
                session,
                action=audit.AuditAction.RECOVERY,
                outcome="released",
                user_id=user.id,
                device_id=device.id,
                request_id=request_id(request),
            )
            return RecoveryResponse(keys=[key])
    raise _login_failed(request, body.username, audit.AuditAction.RECOVERY)


@router.post(
    "/devices/{device_id}/recovery-ticket",
    response_model=RecoveryTicketResponse,
    responses={
        401: {"description": "No or unknown token"},
        403: {"model": WipeOrder, "description": "Not a team lead, or caller revoked"},
        404: {"description": "No such device in your team"},
    },
)
def issue_recovery_ticket(
    request: Request,
    device_id: Annotated[Uuid, Path()],
    body: RecoveryTicketRequest,
    token: Token,
) -> RecoveryTicketResponse:
    """Team lead: a one-time recovery code for one device of their team (shown once; tell it
    to the worker by phone after checking who asks)."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(
            request, session, token, action=audit.AuditAction.RECOVERY, lead_only=True
        )
        if not _device_in_team(session, device_id, who.team):
            raise not_found()
        ticket = recovery_tickets.issue_ticket(
            session, device_id=device_id, issued_by=who.user_id, now=now(), minutes=body.minutes
        )
        audit.record(
            session,
            action=audit.AuditAction.RECOVERY,
            outcome="ticket_issued",
            user_id=who.user_id,
            device_id=device_id,
            request_id=request_id(request),
        )
    return RecoveryTicketResponse(
        ticket=ticket.code, device_id=ticket.device_id, expires_at=ticket.expires_at
    )


@router.post(
    "/device/recovery-key",
    response_model=RotatedRecoveryKey,
    responses={401: {"description": "No or unknown token"}},
)
def rotate_recovery_key(request: Request, token: Token) -> RotatedRecoveryKey:
    """This device: replace its recovery key (after a release). The server keeps only the new
    one, sealed; the laptop writes it into its recovery slot and forgets it."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(request, session, token, action=audit.AuditAction.RECOVERY)
        fresh = recovery_tickets.rotate(session, db.keys, who.device_id, now())
        audit.record(
            session,
            action=audit.AuditAction.RECOVERY,
            outcome="rotated",
            user_id=who.user_id,
            device_id=who.device_id,
            request_id=request_id(request),
        )
    return RotatedRecoveryKey(recovery_key=base64.b64encode(fresh).decode("ascii"))


@router.post(
    "/devices/{device_id}/revoke",
    response_model=OkResponse,
    responses={
        401: {"description": "No or unknown token"},
        403: {"model": WipeOrder, "description": "Not a team lead, or caller revoked"},
        404: {"description": "No such device in your team"},
    },
)
def revoke(
    request: Request,
    device_id: Annotated[Uuid, Path()],
    body: RevokeRequest,
    token: Token,
) -> OkResponse:
    """Team lead: order a device of their team to wipe at its next contact. ``push_first``:
    a departing worker's laptop may push its pending work first; a stolen one may not."""
    db = db_of(request)
    with db.session() as session, session.begin():
        who = authenticate(request, session, token, action=audit.AuditAction.REVOKE, lead_only=True)
        if not _device_in_team(session, device_id, who.team):
            raise not_found()
        revoke_device(session, device_id, push_first=body.push_first)
        audit.record(
            session,
            action=audit.AuditAction.REVOKE,
            outcome="push_first" if body.push_first else "immediate",
            user_id=who.user_id,
            device_id=device_id,
            request_id=request_id(request),
        )
    return OkResponse()


def _device_in_team(session: Session, device_id: str, team: str) -> bool:
    return (
        session.scalar(
            select(DeviceRow.id)
            .join(UserRow, UserRow.id == DeviceRow.user_id)
            .where(DeviceRow.id == device_id, UserRow.team == team)
        )
        is not None
    )
