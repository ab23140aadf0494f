"""Entry point of the desktop app: ``run_app(db_path, demo_passphrase=..., language=...)``.

Start-up order: QApplication -> language -> single-instance check (StoreLock; a second start
raises the first window through a local socket) -> main window -> demo unlock, first-run dialog
or the unlock screen. The store is opened on the DB thread; the GUI thread never runs the KDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from fieldapp.errors import StoreLocked
from fieldapp.store.instance_lock import MSG_LOCKED, StoreLock
from fieldapp.store.kdf import KdfParams
from ui.application import ensure_application as ensure_application
from ui.backend import Backend
from ui.core_messages import core_message
from ui.i18n import set_language
from ui.interrupt import INTERRUPTED_EXIT_CODE, SigintCloser
from ui.qt import QMessageBox, QTimer
from ui.settings import UiSettings
from ui.single_instance import InstanceServer, ask_first_instance_to_raise
from ui.views.main_window import MainWindow


def build_window(
    db_path: Path,
    *,
    demo_passphrase: str | None = None,
    settings: UiSettings | None = None,
    kdf_params: KdfParams | None = None,
) -> MainWindow:
    """The main window on ``db_path`` (not shown, not started). Tests use this directly."""
    backend = Backend(db_path, kdf_params=kdf_params)
    window = MainWindow(backend, settings or UiSettings(), demo_passphrase=demo_passphrase)
    backend.setParent(window)
    return window


SMOKE_ENV = "FIELDAPP_SMOKE_CLOSE_MS"


def _close_after_for_smoke_test(window: MainWindow) -> None:
    """Install check for IT and the bundle test: open the window, then close it the normal way
    (drafts saved, store locked) after ``$FIELDAPP_SMOKE_CLOSE_MS`` milliseconds."""
    value = os.environ.get(SMOKE_ENV, "")
    if value.isdigit():
        QTimer.singleShot(int(value), window.close)


def run_app(
    db_path: Path,
    *,
    demo_passphrase: str | None = None,
    language: str | None = None,
    kdf_params: KdfParams | None = None,
) -> int:
    """Run the app until its window closes; returns the process exit code.

    ``demo_passphrase``: unlock with it at once and show the "Demo" banner with it.
    ``language``: "nl" or "en" for this run (default: the saved setting, else Dutch).
    """
    app = ensure_application()
    settings = UiSettings()
    set_language(language or settings.language)

    lock = StoreLock(db_path)
    try:
        lock.acquire()
    except StoreLocked:
        if ask_first_instance_to_raise(db_path):
            return 0
        QMessageBox.information(None, "Veldwerk", core_message(MSG_LOCKED))
        return StoreLocked.exit_code
    try:
        window = build_window(
            db_path, demo_passphrase=demo_passphrase, settings=settings, kdf_params=kdf_params
        )
        instance = InstanceServer(db_path, window)
        instance.raise_requested.connect(window.bring_forward)
        instance.listen()
        window.place_on_screen()
        window.show()
        window.start()
        _close_after_for_smoke_test(window)
        closer = SigintCloser(window).install()  # Ctrl-C closes the window the normal way
        try:
            code = int(app.exec())
        finally:
            closer.restore()
        return INTERRUPTED_EXIT_CODE if closer.interrupted else code
    finally:
        lock.release()
