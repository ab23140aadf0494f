"""Recovery needs a team lead's one-time ticket for that laptop; the released key is rotated.

A stolen laptop plus a phished password is not enough: without a ticket the server releases
nothing; a ticket works once, only for its own device, only before it expires; after a release
the laptop's next sync replaces the recovery key and the server forgets the released one.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from fieldapp.cli import main as cli_main
from fieldapp.errors import WrongPassphrase
from fieldapp.server import recovery
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import AuditEventRow, DeviceRow, RecoveryTicketRow
from fieldapp.services.identity import KV_RECOVERY_ROTATION_DUE, enroll, load_identity, recover
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.repos.kv import get_kv
from fieldapp.sync.transport import SyncAuthError, Transport
from tests.server.helpers import make_actor, make_cases
from tests.sync.conftest import new_store

NEW_PASS = "een nieuwe lange wachtzin 2026"


def _fast(url: str, token: str | None, ca: str | None, cancel):  # type: ignore[no-untyped-def]
    return Transport(url, token, ca_bundle=ca, cancel=cancel, retries=1, backoff=0.01)


def _enrolled(db: ServerDatabase, url: str, tmp_path: Path, name: str):  # type: ignore[no-untyped-def]
    worker = make_actor(db, name, "worker", "A")
    make_cases(db, team="A", worker_id=worker.worker_id, count=1)
    path = tmp_path / f"{name}.db"
    store = new_store(path)
    enroll(store, url, worker.username, worker.password)
    SyncClient(store, transport_factory=_fast).sync()
    with store.session() as s:
        ident = load_identity(s)
    assert ident is not None
    store.close()
    return worker, path, ident.device_id


def _ticket(url: str, lead_headers: dict[str, str], device_id: str) -> httpx.Response:
    return httpx.post(
        f"{url}/v1/devices/{device_id}/recovery-ticket", json={}, headers=lead_headers
    )


def _recover(url: str, path: Path, worker, ticket: str) -> Store:  # type: ignore[no-untyped-def]
    return recover(
        path,
        url,
        worker.username,
        worker.password,
        NEW_PASS,
        ticket=ticket,
        params=FAST_TEST_PARAMS,
        transport_factory=_fast,
    )


def test_recovery_without_a_ticket_is_refused(embedded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, db = embedded
    worker, _path, _device = _enrolled(db, url, tmp_path, "bo")
    no_ticket = httpx.post(
        f"{url}/v1/recovery", json={"username": worker.username, "password": worker.password}
    )
    assert no_ticket.status_code == 422
    made_up = httpx.post(
        f"{url}/v1/recovery",
        json={"username": worker.username, "password": worker.password, "ticket": "ABCD-EFGH"},
    )
    assert made_up.status_code == 401
    assert "recovery_key" not in made_up.text


def test_a_ticket_works_once_for_its_own_device_and_the_key_is_then_rotated(
    embedded, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    url, db = embedded
    lead = make_actor(db, "lea", "teamlead", "A")
    worker, path, device_id = _enrolled(db, url, tmp_path, "cas")
    with db.session() as s:
        sealed_before = s.get(DeviceRow, device_id).recovery_key_enc  # type: ignore[union-attr]
        released = db.keys.open_recovery_key(device_id, sealed_before)  # type: ignore[arg-type]
    r = _ticket(url, lead.headers, device_id)
    assert r.status_code == 200
    code = r.json()["ticket"]
    # A worker cannot issue tickets.
    assert _ticket(url, worker.headers, device_id).status_code == 403
    store = _recover(url, path, worker, code)
    with store.session() as s:
        assert get_kv(s, KV_RECOVERY_ROTATION_DUE) == "1"
    # Used once: the same code again releases nothing.
    store.close()
    with pytest.raises(SyncAuthError):
        _recover(url, path, worker, code)
    store = Store.open(path, NEW_PASS)
    SyncClient(store, transport_factory=_fast).sync()  # rotates
    with store.session() as s:
        assert get_kv(s, KV_RECOVERY_ROTATION_DUE) == ""
    store.close()
    with db.session() as s:
        sealed_after = s.get(DeviceRow, device_id).recovery_key_enc  # type: ignore[union-attr]
        fresh = db.keys.open_recovery_key(device_id, sealed_after)  # type: ignore[arg-type]
        ticket = s.scalars(select(RecoveryTicketRow)).one()
        outcomes = set(
            s.scalars(select(AuditEventRow.outcome).where(AuditEventRow.action == "recovery"))
        )
    assert fresh != released and ticket.used_at is not None and ticket.rotated_at is not None
    assert {"ticket_issued", "released", "rotated"} <= outcomes
    # The released key no longer opens the laptop; the new one does.
    with pytest.raises(WrongPassphrase):
        Store.recover(path, released, "nog een andere lange zin 77", params=FAST_TEST_PARAMS)
    Store.recover(path, fresh, "nog een andere lange zin 77", params=FAST_TEST_PARAMS).close()


def test_a_ticket_for_someone_elses_laptop_or_an_expired_one_releases_nothing(
    embedded, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    url, db = embedded
    lead = make_actor(db, "lea", "teamlead", "A")
    dirk, _dirk_path, dirk_device = _enrolled(db, url, tmp_path, "dirk")
    eva, eva_path, eva_device = _enrolled(db, url, tmp_path, "eva")
    for_dirk = _ticket(url, lead.headers, dirk_device).json()["ticket"]
    with pytest.raises(SyncAuthError):
        _recover(url, eva_path, eva, for_dirk)  # Eva's password + Dirk's ticket
    with db.session() as s, s.begin():
        expired = recovery.issue_ticket(
            s, device_id=eva_device, issued_by=None, now=datetime.now(UTC) - timedelta(hours=2)
        )
    with pytest.raises(SyncAuthError):
        _recover(url, eva_path, eva, expired.code)
    assert dirk.username != eva.username


def test_server_cli_issues_a_ticket_that_the_laptop_can_use(
    embedded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    url, db = embedded
    worker, path, device_id = _enrolled(db, url, tmp_path, "fien")
    data_dir = Path(str(db.engine.url.database)).parent
    args = ["server", "--data-dir", str(data_dir), "recovery", "issue", worker.username, device_id]
    assert cli_main(args) == 0
    code = capsys.readouterr().out.split("herstelcode: ", 1)[1].split()[0]
    assert len(code.replace("-", "")) == 12
    _recover(url, path, worker, code.lower()).close()  # read out over the phone: any case
    assert cli_main([*args[:5], worker.username, str(uuid.uuid4())]) == 1
