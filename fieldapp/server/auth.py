"""Users, devices and tokens: who is calling, from which device, with which rights.

- Passwords: Argon2id (argon2-cffi ``PasswordHasher``). An unknown username is checked against
  a dummy hash so both cases cost the same time.
- Device tokens: 256-bit random, sent as ``Authorization: Bearer <token>``; the server stores
  only their SHA-256 (a database leak does not hand out working tokens).
- A revoked device (status ``revoked`` or ``wipe``) gets ``403 {"action":"wipe",
  "push_first":...}`` on every call, except that ``push_first`` devices may still push.
- Scopes: a worker's feed and writes cover cases assigned to their worker id (``w:<id>``); a
  team lead's cover the cases of their team (``t:<team>``).
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.server.db.keys import ServerKeys
from fieldapp.server.db.schema import DeviceRow, UserRow
from fieldapp.store.key_slots import new_recovery_key
from fieldapp.store.schema import Worker

ROLE_WORKER: Final = "worker"
ROLE_TEAMLEAD: Final = "teamlead"
ROLES = (ROLE_WORKER, ROLE_TEAMLEAD)
STATUS_ACTIVE: Final = "active"
STATUS_REVOKED: Final = "revoked"
STATUS_WIPE: Final = "wipe"
_LAST_SEEN_EVERY = timedelta(minutes=1)


def make_hasher(*, fast: bool = False) -> PasswordHasher:
    """The production hasher (argon2-cffi defaults: RFC 9106 low-memory profile) or, for tests
    only, a cheap one."""
    if fast:
        return PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    return PasswordHasher()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller of one request."""

    user_id: str
    role: str
    team: str
    worker_id: str | None
    device_id: str
    device_status: str
    push_first: bool

    @property
    def is_lead(self) -> bool:
        return self.role == ROLE_TEAMLEAD

    @property
    def active(self) -> bool:
        return self.device_status == STATUS_ACTIVE

    @property
    def scope(self) -> str:
        """The change-feed scope this device reads."""
        if self.is_lead:
            return team_scope(self.team)
        return worker_scope(self.worker_id or f"none-{self.user_id}")


def worker_scope(worker_id: str) -> str:
    return f"w:{worker_id}"


def team_scope(team: str) -> str:
    return f"t:{team}"


def principal_for_token(session: Session, token: str, now: datetime) -> Principal | None:
    """The caller behind a bearer token, or None. Touches ``last_seen`` at most once a minute
    (a write per request would serialise all reads on SQLite). One indexed lookup by the
    token's SHA-256 (plain columns: this runs on every request)."""
    row = session.execute(
        select(
            DeviceRow.id,
            DeviceRow.status,
            DeviceRow.push_first,
            DeviceRow.last_seen,
            UserRow.id,
            UserRow.role,
            UserRow.team,
            UserRow.worker_id,
            UserRow.disabled,
        )
        .join(UserRow, UserRow.id == DeviceRow.user_id)
        .where(DeviceRow.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    device_id, status, push_first, last_seen, user_id, role, team, worker_id, disabled = row
    if disabled:
        return None
    if last_seen is None or now - last_seen > _LAST_SEEN_EVERY:
        session.execute(update(DeviceRow).where(DeviceRow.id == device_id).values(last_seen=now))
    return Principal(
        user_id=user_id,
        role=role,
        team=team,
        worker_id=worker_id,
        device_id=device_id,
        device_status=status,
        push_first=push_first,
    )


# --- users and devices (used by the API, the CLI and the demo) ----------------------------------


@dataclass(frozen=True, slots=True)
class Enrolment:
    device_id: str
    token: str
    recovery_key: bytes
    user: UserRow


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    team: str,
    hasher: PasswordHasher,
    display_name: str = "",
    first_name: str = "",
    phone: str = "",
    email: str = "",
    worker_id: str | None = None,
) -> UserRow:
    """Create a user and (unless ``worker_id`` names an existing one) its core ``workers`` row,
    so cases can be assigned to them and their contact details printed."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if worker_id is None or session.get(Worker, worker_id) is None:
        worker_id = worker_id or str(uuid.uuid4())
        session.add(
            Worker(
                id=worker_id,
                username=username,
                display_name=display_name or username,
                first_name=first_name,
                role=role,
                team=team,
                phone=phone,
                email=email,
            )
        )
    user = UserRow(
        id=str(uuid.uuid4()),
        username=username,
        password_hash=hasher.hash(password),
        role=role,
        team=team,
        worker_id=worker_id,
    )
    session.add(user)
    session.flush()
    return user


_DUMMY_HASH: dict[int, str] = {}


def verify_password(
    session: Session, username: str, password: str, hasher: PasswordHasher
) -> UserRow | None:
    """The user if the password matches (constant-ish time for unknown users), else None."""
    user = session.scalar(select(UserRow).where(UserRow.username == username))
    if user is None or user.disabled:
        dummy = _DUMMY_HASH.setdefault(id(hasher), hasher.hash("not a password"))
        with contextlib.suppress(VerificationError, InvalidHashError):
            hasher.verify(dummy, password + "x")
        return None
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user


def enroll_device(
    session: Session, user: UserRow, keys: ServerKeys, *, name: str = ""
) -> Enrolment:
    """A new device for ``user``: token (returned once, stored hashed) and recovery key
    (returned once, stored sealed under the server key)."""
    device_id = str(uuid.uuid4())
    token = secrets.token_urlsafe(32)
    recovery = new_recovery_key()
    session.add(
        DeviceRow(
            id=device_id,
            user_id=user.id,
            name=name,
            token_hash=token_hash(token),
            status=STATUS_ACTIVE,
            recovery_key_enc=keys.seal_recovery_key(device_id, recovery),
            created_at=datetime.now(UTC),
        )
    )
    session.flush()
    return Enrolment(device_id=device_id, token=token, recovery_key=recovery, user=user)


def revoke_device(session: Session, device_id: str, *, push_first: bool) -> bool:
    """Order a wipe at the device's next contact. ``push_first``: a departing worker may push
    pending work first; a stolen laptop may not. Returns False for an unknown device."""
    device = session.get(DeviceRow, device_id)
    if device is None:
        return False
    device.status = STATUS_WIPE if push_first else STATUS_REVOKED
    device.push_first = push_first
    session.flush()
    return True
