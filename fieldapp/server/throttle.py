"""Throttling and lockout of sign-ins (``/v1/enroll``, ``/v1/recovery``).

Each failed sign-in counts against the account (a hash of the user name, so the table holds no
names) and against the source address. Past a free number of failures the key is locked for an
exponentially growing time (1 s, 2 s, 4 s ... capped at 15 minutes); while locked, even the
right password is answered with 429 + ``Retry-After`` and is not even checked (no Argon2 work
for an attacker). A successful sign-in clears the account's count; a team lead or the host's
admin clears a lockout with ``fieldapp server user unlock NAME``.

The address limit is higher than the account limit: a town hall's laptops may share one public
address. Behind a reverse proxy, start ``fieldapp serve`` with the proxy's address trusted
(``--forwarded-allow-ips``) so the client's own address is used.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from fieldapp.server.db.schema import LoginThrottleRow


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    account_free: int = 5
    address_free: int = 20
    base_seconds: float = 1.0
    max_seconds: float = 15 * 60


DEFAULT_POLICY = ThrottlePolicy()


def account_key(username: str) -> str:
    digest = hashlib.sha256(username.strip().casefold().encode("utf-8")).hexdigest()
    return "acct:" + digest[:40]


def address_key(address: str | None) -> str | None:
    return f"addr:{address[:64]}" if address else None


def _keys(username: str, address: str | None) -> list[tuple[str, str]]:
    keys = [("account", account_key(username))]
    addr = address_key(address)
    if addr is not None:
        keys.append(("address", addr))
    return keys


def wait_seconds(session: Session, username: str, address: str | None, now: datetime) -> int:
    """Seconds until a sign-in for this account from this address may be tried (0 = now)."""
    longest = 0.0
    for _kind, key in _keys(username, address):
        row = session.get(LoginThrottleRow, key)
        if row is not None and row.locked_until is not None and row.locked_until > now:
            longest = max(longest, (row.locked_until - now).total_seconds())
    return math.ceil(longest)


def record_failure(
    session: Session,
    username: str,
    address: str | None,
    now: datetime,
    policy: ThrottlePolicy = DEFAULT_POLICY,
) -> int:
    """Count one failure; returns the seconds of lockout it caused (0 = none yet)."""
    longest = 0.0
    for kind, key in _keys(username, address):
        free = policy.account_free if kind == "account" else policy.address_free
        row = session.get(LoginThrottleRow, key)
        if row is None:
            row = LoginThrottleRow(key=key, failures=0, locked_until=None, updated_at=now)
            session.add(row)
        row.failures += 1
        row.updated_at = now
        over = row.failures - free
        if over > 0:
            seconds = min(policy.max_seconds, policy.base_seconds * 2 ** (over - 1))
            row.locked_until = now + timedelta(seconds=seconds)
            longest = max(longest, seconds)
    session.flush()
    return math.ceil(longest)


def record_success(session: Session, username: str) -> None:
    session.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == account_key(username)))


def unlock(session: Session, username: str) -> bool:
    """Clear the account's lockout; True if there was one."""
    result = session.execute(
        delete(LoginThrottleRow).where(LoginThrottleRow.key == account_key(username))
    )
    return bool(getattr(result, "rowcount", 0))


def unlock_address(session: Session, address: str) -> bool:
    key = address_key(address)
    result = session.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == key))
    return bool(getattr(result, "rowcount", 0))
