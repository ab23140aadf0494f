"""Sign-in throttling on /v1/enroll and /v1/recovery: 429 + Retry-After, audited, unlockable."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from fieldapp.cli import main as cli_main
from fieldapp.server.db.schema import AuditEventRow, LoginThrottleRow
from fieldapp.sync.protocol import EnrollResponse
from fieldapp.sync.transport import SyncThrottled, Transport
from tests.server.helpers import make_actor


def _enroll(http: httpx.Client, username: str, password: str) -> httpx.Response:
    return http.post(
        "/v1/enroll", json={"username": username, "password": password, "device_name": "t"}
    )


def test_twenty_wrong_sign_ins_from_one_address_get_429_and_an_audit_event(live) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    actor = make_actor(db, "mira-" + uuid.uuid4().hex[:6], "worker", "noord")
    with httpx.Client(base_url=url, timeout=30) as http:
        codes = [_enroll(http, actor.username, "fout wachtwoord").status_code for _ in range(20)]
        # The right password during the lockout is not even checked.
        during = _enroll(http, actor.username, actor.password)
    assert codes[:5] == [401] * 5
    assert codes[5:] == [429] * 15
    assert during.status_code == 429
    assert int(during.headers["retry-after"]) >= 1
    assert "Te veel mislukte pogingen" in during.json()["detail"]
    with db.session() as s:
        actions = s.scalars(select(AuditEventRow.outcome).where(AuditEventRow.action == "throttle"))
        outcomes = set(actions)
        keys = list(s.scalars(select(LoginThrottleRow.key)))
    assert "locked_enroll" in outcomes and "blocked_enroll" in outcomes
    assert all(actor.username not in key for key in keys)  # hashed: no names in the table


def test_many_accounts_from_one_address_are_throttled_by_address(live) -> None:  # type: ignore[no-untyped-def]
    url, _db = live
    with httpx.Client(base_url=url, timeout=30) as http:
        codes = [
            _enroll(http, f"onbekend-{i}", "fout").status_code for i in range(21)
        ]  # every name fails once: only the address counts up
    assert codes[:20] == [401] * 20
    assert codes[20] == 429


def test_unlock_command_clears_the_lockout(live, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    if db.url_kind != "sqlite":
        pytest.skip("the CLI opens the embedded server folder; PostgreSQL is covered above")
    actor = make_actor(db, "noor-" + uuid.uuid4().hex[:6], "worker", "noord")
    with httpx.Client(base_url=url, timeout=30) as http:
        for _ in range(6):
            _enroll(http, actor.username, "fout")
        assert _enroll(http, actor.username, actor.password).status_code == 429
        data_dir = Path(str(db.engine.url.database)).parent
        assert (
            cli_main(["server", "--data-dir", str(data_dir), "user", "unlock", actor.username]) == 0
        )
        # The address still has its own (higher) count; the account is free again.
        assert _enroll(http, actor.username, actor.password).status_code == 200
    with db.session() as s:
        assert "unlock" in set(s.scalars(select(AuditEventRow.action)))


def test_the_client_stops_at_429_and_says_when_to_try_again(live) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    actor = make_actor(db, "ravi-" + uuid.uuid4().hex[:6], "worker", "noord")
    body = {"username": actor.username, "password": "fout", "device_name": "t"}
    with httpx.Client(base_url=url, timeout=30) as http:
        for _ in range(5):
            _enroll(http, actor.username, "fout")
    transport = Transport(url, retries=4, backoff=0.01)
    try:
        with pytest.raises(SyncThrottled) as caught:
            transport.call("POST", "/v1/enroll", EnrollResponse, json=body)
    finally:
        transport.close()
    assert transport.attempts_made == 1  # no retry storm against a lockout
    assert caught.value.retry_after >= 1
    assert "Probeer het over" in str(caught.value)
