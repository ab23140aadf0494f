"""Start-up: the unlock screen first, everything else while the worker types.

A worker opens the laptop in a doorway; the passphrase field must be there at once. So the
console script enters here, and this module imports only Qt's core modules and the unlock page.
The rest (SQLAlchemy, the store, sync, printing, every view) is imported on a background thread
while the passphrase is typed (:class:`Warmup`); when it is done, the real main window is built,
hidden. Enter hands the passphrase to it through :class:`DeferredUnlocker` (it waits for the
warm-up if the worker was faster), the store opens on the DB thread as always, and the main
window takes the boot window's place already unlocked.

Paths that need the whole app at once go through ``ui.app.run_app`` unchanged: the demo (it
unlocks itself), a first run (no store yet: the first-run dialog), and a second instance.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ui.application import ensure_application
from ui.i18n import set_language
from ui.qt import QApplication, QMainWindow, QObject, QWidget, Signal
from ui.settings import UiSettings
from ui.views.unlock_page import UnlockPage

if TYPE_CHECKING:
    from fieldapp.store.kdf import KdfParams
    from ui.views.main_window import MainWindow

# Imported on the warm-up thread, in this order (the heaviest first, so the window is ready
# soonest): the main window pulls in the backend, the store, SQLAlchemy and sync.
WARM_MODULES = ("ui.app", "ui.views.main_window", "fieldapp.services.queries")
# Events for the start-up benchmark (benchmarks/startup.py); no personal data, just names.
Probe = Callable[[str], None]
_PendingUnlock = tuple[str, QWidget, Callable[[], None], Callable[[BaseException], None]]


class Warmup(QObject):
    """Imports the rest of the app on a plain thread; ``done`` arrives on the GUI thread.

    Only imports happen there (no Qt object is created off the GUI thread)."""

    done = Signal()
    failed = Signal(str)

    def __init__(self, modules: tuple[str, ...] = WARM_MODULES) -> None:
        super().__init__()
        self.modules = modules
        self.seconds = 0.0
        self._thread = threading.Thread(target=self._run, name="veldwerk-warmup", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            for name in self.modules:
                importlib.import_module(name)
        except Exception as exc:  # reported on the GUI thread; the boot falls back to run_app
            self.failed.emit(type(exc).__name__)
            return
        self.seconds = time.perf_counter() - started
        self.done.emit()


class DeferredUnlocker:
    """Stands in for the Backend until the main window exists; then forwards to it."""

    def __init__(self) -> None:
        self._target: Callable[..., None] | None = None
        self._pending: _PendingUnlock | None = None

    @property
    def waiting(self) -> bool:
        """Enter was pressed before the main window existed."""
        return self._pending is not None

    def unlock(
        self,
        passphrase: str,
        *,
        parent: QWidget,
        on_ok: Callable[[], None],
        on_fail: Callable[[BaseException], None],
    ) -> None:
        if self._target is not None:
            self._target(passphrase, parent=parent, on_ok=on_ok, on_fail=on_fail)
            return
        self._pending = (passphrase, parent, on_ok, on_fail)

    def attach(self, unlock: Callable[..., None]) -> None:
        self._target = unlock
        if self._pending is not None:
            passphrase, parent, on_ok, on_fail = self._pending
            self._pending = None
            unlock(passphrase, parent=parent, on_ok=on_ok, on_fail=on_fail)
            del passphrase


class BootWindow(QMainWindow):
    """The first window: only the unlock page, looking exactly like the main window's."""

    closed_early = Signal()

    def __init__(self, unlocker: DeferredUnlocker) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Veldwerk"))
        self.unlock_page = UnlockPage(unlocker)
        self.setCentralWidget(self.unlock_page)
        self.handed_over = False

    def place(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1200, 820)
            return
        area = screen.availableGeometry()
        width = min(1200, area.width() - 40)
        height = min(820, area.height() - 40)
        self.resize(max(640, width), max(480, height))
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def closeEvent(self, event: object) -> None:
        if not self.handed_over:
            self.closed_early.emit()
        super().closeEvent(event)  # type: ignore[arg-type]


class Boot(QObject):
    """Drives the start: boot window -> warm-up -> hidden main window -> hand-over."""

    def __init__(
        self,
        db_path: Path,
        settings: UiSettings,
        *,
        kdf_params: KdfParams | None = None,
        probe: Probe | None = None,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.settings = settings
        self.kdf_params = kdf_params
        self.probe: Probe = probe or (lambda _event: None)
        self.unlocker = DeferredUnlocker()
        self.boot_window = BootWindow(self.unlocker)
        self.boot_window.unlock_page.unlocked.connect(self._hand_over)
        self.boot_window.closed_early.connect(self._quit)
        self.window: MainWindow | None = None
        self.instance: QObject | None = None
        self.warmup = Warmup()
        self.warmup.done.connect(self._build_main_window)
        self.warmup.failed.connect(self._warmup_failed)

    def start(self) -> None:
        self.boot_window.place()
        self.boot_window.show()
        self.boot_window.unlock_page.reset()
        self.probe("unlock_shown")
        self.warmup.start()

    def _build_main_window(self) -> None:
        from ui.app import build_window
        from ui.single_instance import InstanceServer

        if self.kdf_params is None:
            self.window = build_window(self.db_path, settings=self.settings)
        else:
            self.window = build_window(
                self.db_path, settings=self.settings, kdf_params=self.kdf_params
            )
        instance = InstanceServer(self.db_path, self.window)
        instance.raise_requested.connect(self._bring_forward)
        instance.listen()
        self.instance = instance
        self.unlocker.attach(self.window.backend.unlock)
        self.probe("main_ready")

    def _warmup_failed(self, error: str) -> None:
        # Should never happen in a working install; say it the way the app says errors.
        self.boot_window.unlock_page.show_message(
            self.tr("Veldwerk kon niet volledig starten (%1). Start Veldwerk opnieuw.").replace(
                "%1", error
            )
        )

    def _hand_over(self) -> None:
        window = self.window
        if window is None:  # unlocked means the backend existed: cannot happen
            return
        window.setGeometry(self.boot_window.geometry())
        if self.boot_window.isMaximized():
            window.showMaximized()
        else:
            window.show()
        window.enter_unlocked()
        self.boot_window.handed_over = True
        self.boot_window.close()
        self.probe("handed_over")

    def _bring_forward(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.bring_forward()
        else:
            self.boot_window.raise_()
            self.boot_window.activateWindow()

    def _quit(self) -> None:
        # Closed before unlocking: let the hidden main window shut its threads down properly.
        if self.window is not None:
            self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def run(
    db_path: Path,
    *,
    demo_passphrase: str | None = None,
    language: str | None = None,
) -> int:
    """The console script's window: the fast path when a store exists and no demo unlock is
    wanted, else ``ui.app.run_app`` (first run, demo)."""
    if demo_passphrase is not None or not db_path.is_file():
        from ui.app import run_app

        return run_app(db_path, demo_passphrase=demo_passphrase, language=language)
    app = ensure_application()
    settings = UiSettings()
    set_language(language or settings.language)

    from fieldapp.store.instance_lock import StoreLock

    lock = StoreLock(db_path)
    try:
        lock.acquire()
    except Exception:  # StoreLocked: another window has this store; the full path handles it
        from ui.app import run_app

        return run_app(db_path, language=language)
    try:
        from ui.interrupt import INTERRUPTED_EXIT_CODE, SigintCloser

        boot = Boot(db_path, settings)
        boot.start()
        closer = SigintCloser(boot).install()  # Ctrl-C closes the windows the normal way
        try:
            code = int(app.exec())
        finally:
            closer.restore()
        return INTERRUPTED_EXIT_CODE if closer.interrupted else code
    finally:
        lock.release()
