"""Shared set-up for the desk's UI tests: a real server on loopback with a team (a lead, two
workers, unassigned cases in two wijken), the lead's enrolled store, and the lead's window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, update

from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.open import open_server_db
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.server.settings import ServerSettings
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import CaseRow
from fieldapp.sync.transport import Transport
from tests.conftest import TEST_PASSPHRASE
from tests.server.helpers import Actor, make_actor, make_cases
from tests.ui.conftest import wait_idle

CASES = 8  # half in Noord, half in Zuid; none assigned


def fast_transport(
    url: str, token: str | None, ca_bundle: str | None, cancel: threading.Event
) -> Transport:
    return Transport(url, token, ca_bundle=ca_bundle, cancel=cancel, retries=0, timeout=5)


@dataclass
class DeskServer:
    db: ServerDatabase
    url: str
    port: int
    lead: Actor
    anna: Actor
    bram: Actor
    case_ids: list[str]
    _stop: object = None

    def start(self) -> None:
        if self._stop is None:
            url, self._stop = start_embedded_server(
                None, port=self.port, db=self.db, settings=ServerSettings(fast_password_hash=True)
            )
            assert url == self.url

    def stop(self) -> None:
        if self._stop is not None:
            self._stop()  # type: ignore[operator]
            self._stop = None

    def assigned(self) -> dict[str, str | None]:
        with self.db.session() as s:
            return dict(s.execute(select(CaseRow.id, CaseRow.assigned_worker_id)).all())

    def case(self, case_id: str) -> CaseRow:
        with self.db.session() as s:
            row = s.get(CaseRow, case_id)
            assert row is not None
            s.expunge(row)
            return row


@pytest.fixture
def desk_server(tmp_path: Path) -> Iterator[DeskServer]:
    db = open_server_db(None, data_dir=tmp_path / "server")
    lead = make_actor(db, "lea", "teamlead", "Noord")
    anna = make_actor(db, "anna", "worker", "Noord")
    bram = make_actor(db, "bram", "worker", "Noord")
    ids = [cid for cid, _ in make_cases(db, team="Noord", worker_id=None, count=CASES)]
    zuid = ids[CASES // 2 :]
    with db.session() as s, s.begin():
        before = case_scopes(s, ids)
        s.execute(update(CaseRow).where(CaseRow.id.in_(zuid)).values(wijk="Zuid"))
        for n, cid in enumerate(ids):  # a few hundred metres apart, around a made-up centre
            s.execute(
                update(CaseRow)
                .where(CaseRow.id == cid)
                .values(lat=51.44 + 0.002 * (n % 4), lon=5.47 + 0.003 * (n // 4))
            )
        emit_case_changes(s, before)
    url, stop = start_embedded_server(None, db=db, settings=ServerSettings(fast_password_hash=True))
    srv = DeskServer(db, url, int(url.rsplit(":", 1)[1]), lead, anna, bram, ids, stop)
    try:
        yield srv
    finally:
        srv.stop()
        db.dispose()


def enrolled_store(path: Path, server_url: str, actor: Actor) -> Path:
    from fieldapp.services.identity import ServerLogin, enroll_with_login

    store = Store.create(path, TEST_PASSPHRASE, params=FAST_TEST_PARAMS)
    try:
        login = ServerLogin(server_url, actor.username, actor.password)
        enroll_with_login(store, login, fast_transport)
        SyncClient(store, transport_factory=fast_transport).sync()
    finally:
        store.close()
    return path


@pytest.fixture
def lead_store(tmp_path: Path, desk_server: DeskServer) -> Path:
    return enrolled_store(tmp_path / "lead" / "veldwerk.db", desk_server.url, desk_server.lead)


def open_window(make_window, path: Path, qtbot):  # type: ignore[no-untyped-def]
    window = make_window(path)
    window.sync.auto = False
    window.backend.transport_factory = fast_transport
    window.desk.commands.transport_factory = fast_transport
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.backend.is_unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: window.sync.state.enrolled, timeout=10_000)
    wait_idle(qtbot, window)
    return window


@pytest.fixture
def desk_app(make_window, lead_store, qtbot):  # type: ignore[no-untyped-def]
    window = open_window(make_window, lead_store, qtbot)
    qtbot.waitUntil(lambda: window.desk.triage.model.total == CASES, timeout=10_000)
    return window
