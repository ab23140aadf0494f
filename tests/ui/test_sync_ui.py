"""Sync in the app (issue 5 item 6): a real server on loopback, real encrypted stores, widgets.

Each test enrols a real SQLCipher store with an in-process uvicorn server (embedded SQLCipher
database), opens the real main window offscreen and drives it through the status bar.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import time_machine
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.open import open_server_db
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.services import sync as svc
from fieldapp.services.attempts import record_attempt
from fieldapp.services.changes import Changes
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.key_slots import slot_path_for
from fieldapp.store.schema import AttemptRow
from fieldapp.sync.transport import Transport
from tests.conftest import TEST_PASSPHRASE
from tests.server.helpers import Actor, make_actor, make_cases
from tests.ui.conftest import wait_idle

CASES = 3


def fast_transport(
    url: str, token: str | None, ca_bundle: str | None, cancel: threading.Event
) -> Transport:
    """The real transport without retries: an unreachable server fails at once."""
    return Transport(url, token, ca_bundle=ca_bundle, cancel=cancel, retries=0, timeout=5)


@dataclass
class SyncServer:
    db: ServerDatabase
    url: str
    port: int
    worker: Actor
    lead: Actor
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

    def attempts_held(self) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(AttemptRow)) or 0)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SyncServer]:
    db = open_server_db(None, data_dir=tmp_path / "server")
    worker = make_actor(db, "anna", "worker", "Noord")
    lead = make_actor(db, "lea", "teamlead", "Noord")
    make_cases(db, team="Noord", worker_id=worker.worker_id, count=CASES)
    url, stop = start_embedded_server(None, db=db, settings=ServerSettings(fast_password_hash=True))
    srv = SyncServer(db, url, int(url.rsplit(":", 1)[1]), worker, lead, stop)
    try:
        yield srv
    finally:
        srv.stop()
        db.dispose()


@pytest.fixture
def enrolled(tmp_path: Path, server: SyncServer) -> Path:
    """A store enrolled as the worker (through the app's own enrol code) and synced once."""
    from fieldapp.services.identity import ServerLogin, enroll_with_login

    path = tmp_path / "client" / "veldwerk.db"
    store = Store.create(path, TEST_PASSPHRASE, params=FAST_TEST_PARAMS)
    try:
        login = ServerLogin(server.url, server.worker.username, server.worker.password)
        enroll_with_login(store, login, fast_transport)
        SyncClient(store, transport_factory=fast_transport).sync()
    finally:
        store.close()
    return path


@pytest.fixture
def app(make_window, enrolled, qtbot):  # type: ignore[no-untyped-def]
    """The main window on the enrolled store, unlocked; automatic syncs off (tests press)."""
    window = make_window(enrolled)
    window.sync.auto = False
    window.backend.transport_factory = fast_transport
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == CASES, timeout=10_000)
    qtbot.waitUntil(lambda: window.sync.state.enrolled, timeout=10_000)
    return window


def log_attempts(window, qtbot, count: int) -> None:  # type: ignore[no-untyped-def]
    """Record attempts the way the app does (a DbOp stamping the app's identity)."""
    identity = window.backend.identity
    case_ids = [window.today.model.row_at(i).id for i in range(CASES)]

    def write(session: Session) -> Changes:
        changes = Changes()
        for n in range(count):
            changes |= record_attempt(
                session,
                attempt_id=str(uuid.uuid4()),
                case_id=case_ids[n % CASES],
                soort=Contactsoort.HUISBEZOEK,
                bereikt=False,
                occurred_at=datetime.now(UTC),
                worker_id=identity.worker_id,
                device_id=identity.device_id,
            )
        return changes

    window.backend.runner.db_op(write, parent=None).run()
    wait_idle(qtbot, window)


def press_sync(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = window.sync_bar
    assert bar.sync_button.isVisible() and bar.sync_button.isEnabled()
    bar.sync_button.click()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=15_000)
    wait_idle(qtbot, window)


def test_pending_attempts_show_offline_and_drop_to_zero_after_sync(app, server, qtbot) -> None:
    window, bar = app, app.sync_bar
    before = window.sync.state.last_sync_at
    assert bar.pending.text() == "Alles verstuurd"
    server.stop()
    log_attempts(window, qtbot, 3)
    qtbot.waitUntil(lambda: bar.pending.text() == "3 pogingen nog niet verstuurd")

    press_sync(window, qtbot)  # server down: offline, nothing lost, no crash
    assert bar.online.text() == "○ Offline"
    assert "Geen verbinding met de server" in bar.online.toolTip()
    assert "blijft bewaard" in bar.online.toolTip()
    assert bar.pending.text() == "3 pogingen nog niet verstuurd"
    assert window.sync.state.last_sync_at == before

    server.start()
    press_sync(window, qtbot)
    qtbot.waitUntil(lambda: bar.pending.text() == "Alles verstuurd")
    assert bar.online.text() == "● Online"
    assert not bar.message.isVisible()
    assert server.attempts_held() == 3
    after = window.sync.state.last_sync_at
    assert after is not None and (before is None or after > before)
    assert bar.last_sync.text().startswith("Laatst gesynchroniseerd: vandaag ")


def test_cancel_mid_sync_keeps_every_attempt_pending(app, server, qtbot) -> None:
    window, bar = app, app.sync_bar
    log_attempts(window, qtbot, 2)
    qtbot.waitUntil(lambda: window.sync.state.pending_count == 2)
    in_request = threading.Event()
    go_on = threading.Event()

    def held_transport(url, token, ca, cancel):  # type: ignore[no-untyped-def]
        transport = fast_transport(url, token, ca, cancel)
        real_call = transport.call

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            in_request.set()
            go_on.wait(10)  # the push is about to go out when the user presses Stop
            return real_call(*args, **kwargs)

        transport.call = call  # type: ignore[method-assign]
        return transport

    window.backend.transport_factory = held_transport
    bar.sync_button.click()
    qtbot.waitUntil(in_request.is_set, timeout=10_000)
    qtbot.waitUntil(bar.cancel_button.isVisible)
    bar.cancel_button.click()
    go_on.set()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=10_000)
    wait_idle(qtbot, window)
    assert bar.message.text() == "Synchroniseren is afgebroken."
    assert window.sync.state.pending_count == 2
    assert server.attempts_held() == 0

    window.backend.transport_factory = fast_transport
    press_sync(window, qtbot)  # nothing was lost: the next sync delivers both
    qtbot.waitUntil(lambda: window.sync.state.pending_count == 0)
    assert server.attempts_held() == 2


def test_unsent_work_older_than_a_day_is_a_warning(app, server, qtbot) -> None:
    window, bar = app, app.sync_bar
    server.stop()
    log_attempts(window, qtbot, 1)
    qtbot.waitUntil(lambda: bar.pending.text() == "1 poging nog niet verstuurd")
    assert not window.sync.state.warn_unsent
    with time_machine.travel(datetime.now(UTC) + timedelta(hours=25), tick=True):
        window.sync.refresh()
        qtbot.waitUntil(lambda: window.sync.state.warn_unsent)
        assert bar.pending.text() == "Let op: 1 poging nog niet verstuurd, langer dan 24 uur"
        assert "meer dan een dag" in bar.pending.toolTip()


def test_details_hidden_after_15_days_until_the_next_sync(app, server, qtbot) -> None:
    window = app
    case_id = window.today.model.row_at(0).id
    with time_machine.travel(datetime.now(UTC) + timedelta(days=15), tick=True):
        window.sync.refresh()
        qtbot.waitUntil(lambda: window.today.hidden_notice.isVisible(), timeout=10_000)
        assert window.today.model.rowCount() == 0
        assert not window.today.list.isVisible()
        window.show_case(case_id)  # refused: no case details while hidden
        assert window.work.currentWidget() is window.today
        assert window.case_view.case is None

        window.today.sync_button.click()  # "Nu synchroniseren" in the notice
        qtbot.waitUntil(
            lambda: not window.sync.running and window.sync.state.online, timeout=15_000
        )
        qtbot.waitUntil(lambda: window.today.model.rowCount() == CASES, timeout=10_000)
        assert not window.today.hidden_notice.isVisible()
        assert window.today.list.isVisible()
        window.show_case(case_id)
        qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)


def test_revoked_laptop_is_wiped_and_the_app_returns_to_first_run(
    app, server, enrolled, qtbot
) -> None:
    window = app
    device_id = window.backend.identity.device_id
    reply = httpx.post(
        f"{server.url}/v1/devices/{device_id}/revoke",
        json={"push_first": False},
        headers=server.lead.headers,
    )
    assert reply.status_code == 200
    window.sync_bar.sync_button.click()
    qtbot.waitUntil(
        lambda: window.first_run is not None and window.first_run.isVisible(), timeout=15_000
    )
    wait_idle(qtbot, window)
    assert not window.backend.is_unlocked
    assert window.today.model.rowCount() == 0
    assert "ingetrokken" in window.first_run.notice.text()
    assert window.first_run.notice.isVisible()
    assert not enrolled.exists() and not slot_path_for(enrolled).exists()
    assert not window.sync_bar.isVisible()


def test_auth_error_is_a_clear_message_and_stops_automatic_retries(app, server, qtbot) -> None:
    window, bar = app, app.sync_bar

    def bad_token(url, token, ca, cancel):  # type: ignore[no-untyped-def]
        return fast_transport(url, "not-a-valid-token", ca, cancel)

    window.backend.transport_factory = bad_token
    press_sync(window, qtbot)
    assert bar.message.text().startswith("Deze laptop is niet (meer) aangemeld")
    assert window.sync.state.blocked
    window.sync.auto = True
    window.sync._auto_tick()  # blocked: no automatic retry
    assert not window.sync.running


def test_husks_are_never_shown(app, server, qtbot) -> None:
    window = app
    case_id = window.today.model.row_at(0).id

    def make_husk(session: Session) -> Changes:
        from tests.sync.test_client_services import page, tomb

        record_attempt(
            session,
            attempt_id=str(uuid.uuid4()),
            case_id=case_id,
            soort=Contactsoort.TELEFOON,
            bereikt=False,
            occurred_at=datetime.now(UTC),
        )
        svc.apply_page(session, page(tomb(case_id, seq=99), cursor=svc.cursor(session)))
        return Changes(cases=True, sync=True)

    window.backend.runner.db_op(make_husk, parent=None).run()
    qtbot.waitUntil(lambda: case_id in window.sync.husks, timeout=10_000)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == CASES - 1)
    assert window.today.model.row_of(case_id) is None
    window.show_case(case_id)
    assert window.work.currentWidget() is window.today


def test_first_run_connects_to_the_server_and_pulls_the_cases(
    make_window, server, tmp_path, qtbot
) -> None:
    path = tmp_path / "new" / "veldwerk.db"
    window = make_window(path)
    window.sync.auto = False
    window.backend.transport_factory = fast_transport
    window.start()
    dialog = window.first_run
    qtbot.waitUntil(dialog.isVisible)
    dialog.choose_connect.setChecked(True)
    form = dialog.server
    assert form.isVisible()
    form.url.setText(server.url)
    form.username.setText(server.worker.username)
    form.password.setText("wrong password")
    dialog.first.setText(TEST_PASSPHRASE)
    dialog.second.setText(TEST_PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    assert dialog.message.text() == "De gebruikersnaam of het wachtwoord klopt niet."
    assert not path.exists()  # a failed enrolment leaves no store behind

    form.password.setText(server.worker.password)
    dialog.ok.click()
    qtbot.waitUntil(lambda: window.backend.is_unlocked, timeout=15_000)
    assert form.password.text() == ""
    qtbot.waitUntil(lambda: window.sync.state.enrolled, timeout=10_000)
    press_sync(window, qtbot)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == CASES, timeout=10_000)
    ident = window.backend.identity
    assert ident.worker_id == server.worker.worker_id
    with server.db.session() as s:
        from fieldapp.server.db.schema import DeviceRow

        assert s.get(DeviceRow, ident.device_id) is not None  # the app stamps the server's id


def test_an_old_app_is_told_to_update(app, server, qtbot) -> None:
    from fieldapp.sync.protocol import PROTOCOL_HEADER

    window, bar = app, app.sync_bar

    def old_client(url, token, ca, cancel):  # type: ignore[no-untyped-def]
        transport = fast_transport(url, token, ca, cancel)
        transport._client.headers[PROTOCOL_HEADER] = "0"  # what a too-old app would send
        return transport

    window.backend.transport_factory = old_client
    press_sync(window, qtbot)
    assert "Werk Veldwerk bij" in bar.message.text()
    assert window.sync.state.blocked


def test_locking_during_a_sync_cancels_it_and_loses_nothing(app, server, qtbot) -> None:
    window = app
    errors: list[BaseException] = []
    window.backend.runner.on_unhandled = errors.append
    log_attempts(window, qtbot, 2)
    in_request = threading.Event()
    go_on = threading.Event()

    def held_transport(url, token, ca, cancel):  # type: ignore[no-untyped-def]
        transport = fast_transport(url, token, ca, cancel)
        real_call = transport.call

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            in_request.set()
            go_on.wait(10)
            return real_call(*args, **kwargs)

        transport.call = call  # type: ignore[method-assign]
        return transport

    window.backend.transport_factory = held_transport
    assert window.sync.sync_now()
    qtbot.waitUntil(in_request.is_set, timeout=10_000)
    window.auto_lock.lock_requested.emit("idle")  # auto-lock while the push is under way
    go_on.set()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=10_000)
    wait_idle(qtbot, window)
    assert window.pages.currentWidget() is window.unlock_page
    assert not window.sync_bar.isVisible()
    assert errors == []

    window.backend.transport_factory = fast_transport
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.sync.state.pending_count == 2, timeout=10_000)
    assert server.attempts_held() == 0
    press_sync(window, qtbot)
    qtbot.waitUntil(lambda: window.sync.state.pending_count == 0)
    assert server.attempts_held() == 2


def test_pending_work_goes_out_by_itself_when_the_server_is_back(
    app, server, qtbot, monkeypatch
) -> None:
    import ui.sync_controller as controller_module

    window, bar = app, app.sync_bar
    server.stop()
    log_attempts(window, qtbot, 2)
    press_sync(window, qtbot)
    assert window.sync.state.online is False
    monkeypatch.setattr(controller_module, "AFTER_SAVE_MS", 50)
    window.sync.auto = True
    server.start()
    window.sync.on_network(True)  # what QNetworkInformation reports when the network returns
    qtbot.waitUntil(lambda: bar.pending.text() == "Alles verstuurd", timeout=10_000)
    assert server.attempts_held() == 2

    # Without network information: the periodic retry notices the server is back.
    server.stop()
    log_attempts(window, qtbot, 1)
    qtbot.waitUntil(lambda: window.sync.state.online is False, timeout=10_000)  # after-save try
    server.start()
    window.sync.set_auto_interval(100)
    qtbot.waitUntil(lambda: bar.pending.text() == "Alles verstuurd", timeout=10_000)
    assert server.attempts_held() == 3


def test_a_local_store_can_be_connected_later(make_window, town, server, qtbot) -> None:
    window = make_window(town)
    window.sync.auto = False
    window.backend.transport_factory = fast_transport
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    bar = window.sync_bar
    qtbot.waitUntil(bar.connect_button.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: window.today.model.rowCount() > 0, timeout=10_000)
    assert not bar.pending.isVisible() and not bar.sync_button.isVisible()
    local_device = window.backend.identity.device_id
    log_attempts(window, qtbot, 1)  # made before enrolment: re-stamped with the server's id
    dialog = window.open_connect()
    dialog.form.url.setText(server.url)
    dialog.form.username.setText(server.worker.username)
    dialog.form.password.setText(server.worker.password)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: not window.sync.running and window.sync.state.enrolled, timeout=15_000)
    wait_idle(qtbot, window)
    assert bar.sync_button.isVisible() and not bar.connect_button.isVisible()
    device = window.backend.identity.device_id
    assert device != local_device
    with server.db.session() as s:
        from fieldapp.server.db.schema import DeviceRow

        assert s.get(DeviceRow, device) is not None
    window.close()
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        stamped = set(s.scalars(select(AttemptRow.device_id)))
    assert stamped == {device}


def test_closing_the_window_during_a_sync_keeps_the_work(app, server, enrolled, qtbot) -> None:
    window = app
    log_attempts(window, qtbot, 2)
    in_request = threading.Event()
    released_by_cancel: list[bool] = []

    def held_transport(url, token, ca, cancel):  # type: ignore[no-untyped-def]
        transport = fast_transport(url, token, ca, cancel)
        real_call = transport.call

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            in_request.set()
            # The request is on the wire until closing the window cancels the sync (no timer:
            # the order is fixed), then the transport must refuse to go on.
            released_by_cancel.append(cancel.wait(30))
            return real_call(*args, **kwargs)

        transport.call = call  # type: ignore[method-assign]
        return transport

    window.backend.transport_factory = held_transport
    assert window.sync.sync_now()
    qtbot.waitUntil(in_request.is_set, timeout=10_000)
    window.close()  # cancels, then blocks until the DB thread and the network thread are done
    assert released_by_cancel == [True]
    assert server.attempts_held() == 0
    with Store.open(enrolled, TEST_PASSPHRASE) as store, store.session() as s:
        assert svc.pending_count(s) == 2


def test_the_status_bar_speaks_english_after_a_language_switch(app, server, qtbot) -> None:
    from ui.i18n import set_language

    window, bar = app, app.sync_bar
    server.stop()
    log_attempts(window, qtbot, 2)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    try:
        dialog._save()
        assert bar.sync_button.text() == "&Sync"
        window.sync.refresh()
        qtbot.waitUntil(lambda: bar.pending.text() == "2 attempts not sent yet", timeout=10_000)
    finally:
        set_language("nl")
