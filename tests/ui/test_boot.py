"""Start-up: the unlock screen before the rest of the app, the passphrase handed over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fieldapp.store.kdf import FAST_TEST_PARAMS
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import TOWN_SIZE

ROOT = Path(__file__).resolve().parents[2]


def test_the_unlock_screen_needs_no_database_network_or_print_code() -> None:
    code = (
        "import sys, ui.boot\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlcipher3', 'httpx', 'reportlab', 'pydantic',"
        " 'fieldapp.store.client_store', 'ui.backend', 'ui.views.main_window',"
        " 'PySide6.QtPdf', 'PySide6.QtPrintSupport', 'PySide6.QtNetwork', 'PySide6.QtCharts')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def _boot(town: Path, ui_settings, events: list[str]):  # type: ignore[no-untyped-def]
    from ui.application import ensure_application
    from ui.boot import Boot

    ensure_application()
    return Boot(town, ui_settings, kdf_params=FAST_TEST_PARAMS, probe=events.append)


def _close(boot) -> None:  # type: ignore[no-untyped-def]
    if boot.window is not None:
        boot.window.close()
    boot.boot_window.handed_over = True  # no quit() from the test's teardown
    boot.boot_window.close()


def test_enter_before_the_app_has_loaded_waits_and_then_opens_vandaag(
    qtbot, town: Path, ui_settings
) -> None:  # type: ignore[no-untyped-def]
    events: list[str] = []
    boot = _boot(town, ui_settings, events)
    boot.start()
    try:
        page = boot.boot_window.unlock_page
        assert page.passphrase.hasFocus() or page.passphrase.isVisible()
        # The worker is faster than the warm-up: Enter right away (no event processed yet).
        page.passphrase.setText(TEST_PASSPHRASE)
        page.try_unlock()
        assert events == ["unlock_shown"] and boot.unlocker.waiting
        qtbot.waitUntil(lambda: "handed_over" in events, timeout=20_000)
        window = boot.window
        assert window is not None and window.isVisible()
        assert not boot.boot_window.isVisible()
        assert window.pages.currentWidget() is window.work
        qtbot.waitUntil(lambda: window.today.model.rowCount() == TOWN_SIZE, timeout=10_000)
        assert events == ["unlock_shown", "main_ready", "handed_over"]
    finally:
        _close(boot)


def test_a_wrong_passphrase_stays_on_the_unlock_screen(qtbot, town: Path, ui_settings) -> None:  # type: ignore[no-untyped-def]
    events: list[str] = []
    boot = _boot(town, ui_settings, events)
    boot.start()
    try:
        qtbot.waitUntil(lambda: "main_ready" in events, timeout=20_000)
        page = boot.boot_window.unlock_page
        page.passphrase.setText("dit is niet de goede zin")
        page.try_unlock()
        qtbot.waitUntil(lambda: page.failures == 1, timeout=20_000)
        assert "klopt niet" in page.message.text()
        assert "handed_over" not in events
        assert boot.boot_window.isVisible()
        assert boot.window is not None and not boot.window.isVisible()
    finally:
        _close(boot)
