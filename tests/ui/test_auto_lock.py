"""Auto-lock: idle time closes the store, empties every model, keeps drafts encrypted."""

from __future__ import annotations

from fieldapp.services import cases as case_service
from fieldapp.store.client_store import Store
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import TOWN_SIZE, wait_idle
from ui.views.case_view import draft_key


def _unlock(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.backend.is_unlocked, timeout=10_000)


class StepClock:
    """A monotonic clock in ms that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000

    def __call__(self) -> int:
        return self.now


def test_idle_time_locks_and_empties_every_model(make_window, town, ui_settings, qtbot) -> None:
    ui_settings.autolock_minutes = 1
    window = make_window(town)
    clock = StepClock()
    window.auto_lock.clock_ms = clock
    window.start()
    _unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == TOWN_SIZE, timeout=10_000)
    window.show_case(window.today.model.row_at(0).id)
    qtbot.waitUntil(lambda: window.case_view.signals_model.rowCount() > 0, timeout=10_000)
    clock.now += 59_000
    window.auto_lock.check_idle()  # 59 s of a minute is not idle enough
    assert window.backend.is_unlocked

    clock.now += 1_000  # a full minute without input: the check timer locks
    qtbot.waitUntil(lambda: not window.backend.is_unlocked, timeout=5_000)
    wait_idle(qtbot, window)
    assert window.pages.currentWidget() is window.unlock_page
    assert window.today.model.rowCount() == 0
    assert window.today.proxy.rowCount() == 0
    assert window.case_view.signals_model.rowCount() == 0
    assert window.case_view.timeline_model.rowCount() == 0
    assert window.case_view.case is None
    assert window.case_view.address.text() == ""
    assert window.case_view.people.text() == ""
    assert window.backend.runner._ctx.store is None  # engine disposed, key dropped

    _unlock(window, qtbot)  # back to the case that was open
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    assert window.work.currentWidget() is window.case_view


def test_open_attempt_form_survives_a_lock_as_an_encrypted_draft(make_window, town, qtbot) -> None:
    window = make_window(town)
    window.start()
    _unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == TOWN_SIZE, timeout=10_000)
    case_id = window.today.model.row_at(0).id
    window.show_case(case_id)
    view = window.case_view
    qtbot.waitUntil(lambda: view.case is not None, timeout=10_000)
    form = view.open_form()
    assert form is not None
    form.note.setPlainText("buurvrouw zegt: vaak na zessen thuis")
    attempt_id = form.attempt_id

    window.lock()
    wait_idle(qtbot, window)
    assert view.form is None and view.quick_note.text() == ""
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        draft = case_service.load_draft(s, draft_key(case_id))
    assert draft is not None
    assert draft["detail"]["note"] == "buurvrouw zegt: vaak na zessen thuis"

    _unlock(window, qtbot)
    qtbot.waitUntil(lambda: view.form is not None, timeout=10_000)
    assert view.form.note.toPlainText() == "buurvrouw zegt: vaak na zessen thuis"
    assert view.form.attempt_id == attempt_id  # same id: saving later stays idempotent
    wait_idle(qtbot, window)


def test_application_suspend_locks_at_once(unlocked, qtbot) -> None:
    from ui.qt import Qt

    window = unlocked
    window.auto_lock._on_state(Qt.ApplicationState.ApplicationSuspended)
    assert not window.backend.is_unlocked
    assert window.today.model.rowCount() == 0
