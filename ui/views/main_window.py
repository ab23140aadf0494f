"""The main window: unlock screen <-> work area (Vandaag, case view), demo banner, status bar.

Auto-lock: drafts are queued (Backend.about_to_lock), the store closes on the DB thread, every
view clears its models (hub.locked), and the unlock page shows. The id of the open case (not
personal data) is remembered so the worker lands back on it after unlocking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.auto_lock import AutoLock
from ui.backend import Backend
from ui.dialogs.connect_dialog import ConnectDialog
from ui.dialogs.first_run import FirstRunDialog
from ui.dialogs.settings_dialog import SettingsDialog
from ui.i18n import set_language
from ui.print_request import PrintSource
from ui.qt import (
    QAction,
    QCloseEvent,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSize,
    QStackedWidget,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
    is_alive,
)
from ui.resources import icon
from ui.settings import UiSettings
from ui.sync_controller import SyncController, SyncState
from ui.views.case_view import CaseView
from ui.views.status_bar import SyncStatusBar
from ui.views.today_view import TodayView
from ui.views.unlock_page import UnlockPage
from ui.window_geometry import fit_dialog, place_window

if TYPE_CHECKING:
    # Printing pulls in reportlab: imported when first used, not at start-up.
    from ui.dialogs.print_dialog import PrintDialog


class MainWindow(QMainWindow):
    def __init__(
        self,
        backend: Backend,
        settings: UiSettings,
        *,
        demo_passphrase: str | None = None,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.settings = settings
        self.demo_passphrase = demo_passphrase
        self.setWindowTitle(self.tr("Veldwerk"))
        self.setMinimumSize(QSize(760, 520))  # fits small screens; place_on_screen sizes it
        self.resume_case_id: str | None = None
        self.first_run: FirstRunDialog | None = None
        self.connect_dialog: ConnectDialog | None = None
        self.sync = SyncController(backend, self)
        self.sync.wiped.connect(self._on_wiped)
        self.sync.state_changed.connect(self._on_sync_state)
        self.print_dialog: PrintDialog | None = None

        self.auto_lock = AutoLock(round(settings.autolock_minutes * 60_000), self)
        self.auto_lock.lock_requested.connect(self.lock)

        self.unlock_page = UnlockPage(backend)
        self.unlock_page.unlocked.connect(self._after_unlock)
        self.work = QStackedWidget()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.unlock_page)
        self.pages.addWidget(self.work)
        self.today: TodayView
        self.case_view: CaseView
        self._build_work_pages()

        self.banner = QFrame()
        self.banner.setObjectName("DemoBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(16, 6, 16, 6)
        self.banner_label = QLabel()
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_layout.addWidget(self.banner_label)
        self.banner.setVisible(demo_passphrase is not None)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.toolbar = QToolBar(self.tr("Navigatie"))
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.act_today = QAction(icon("vandaag"), "", self)
        self.act_today.setShortcut(QKeySequence("Ctrl+T"))
        self.act_today.triggered.connect(self.show_today)
        self.act_lock = QAction(icon("slot"), "", self)
        self.act_lock.setShortcut(QKeySequence("Ctrl+L"))
        self.act_lock.triggered.connect(self.lock)
        self.act_print = QAction(icon("kaartje"), "", self)
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        self.act_print.triggered.connect(self._print_current)
        self.act_settings = QAction(icon("instellingen"), "", self)
        self.act_settings.triggered.connect(self.open_settings)
        for action in (self.act_today, self.act_print, self.act_lock, self.act_settings):
            self.toolbar.addAction(action)
        self.sync_bar = SyncStatusBar(self.sync)
        self.sync_bar.connect_requested.connect(self.open_connect)
        self.statusBar().addPermanentWidget(self.sync_bar, 1)
        self._retranslate()

        backend.hub.locked.connect(self._on_locked)
        self._show_locked_state()

    # --- building ------------------------------------------------------------------------------

    def _build_work_pages(self) -> None:
        """(Re)create Vandaag and the case view; used again after a language switch."""
        for old in (getattr(self, "today", None), getattr(self, "case_view", None)):
            if old is not None:
                self.work.removeWidget(old)
                old.deleteLater()
        self.today = TodayView(self.backend)
        self.case_view = CaseView(self.backend)
        self.today.open_case.connect(self.show_case)
        self.case_view.back.connect(self.show_today)
        self.today.print_requested.connect(self.open_print)
        self.case_view.print_requested.connect(self.open_print)
        self.today.sync_requested.connect(self.sync.sync_now)
        self.work.addWidget(self.today)
        self.work.addWidget(self.case_view)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Veldwerk"))
        self.act_today.setText(self.tr("&Vandaag"))
        self.act_lock.setText(self.tr("Ver&grendelen"))
        self.act_print.setText(self.tr("&Printen"))
        self.act_settings.setText(self.tr("&Instellingen"))
        self.sync_bar.retranslate()
        if self.demo_passphrase is not None:
            self.banner_label.setText(
                self.tr("DEMO — verzonnen gegevens om te oefenen. Wachtwoordzin: %1").replace(
                    "%1", self.demo_passphrase
                )
            )

    # --- start ---------------------------------------------------------------------------------

    def start(self) -> None:
        """After show(): demo unlock, first-run dialog, or the unlock screen."""
        if self.demo_passphrase is not None and self.backend.store_exists():
            self.unlock_page.passphrase.setText(self.demo_passphrase)
            self.unlock_page.try_unlock()
        elif not self.backend.store_exists():
            self.first_run = FirstRunDialog(self.backend, self)
            self.first_run.accepted.connect(self._after_unlock)
            self.first_run.rejected.connect(self.close)
            self.first_run.open()
        else:
            self.unlock_page.reset()

    def enter_unlocked(self) -> None:
        """The store was opened elsewhere (the start-up's unlock screen, ui.boot): go to work."""
        self._after_unlock()

    def _after_unlock(self) -> None:
        self.pages.setCurrentWidget(self.work)
        self.auto_lock.arm()
        for action in (self.act_today, self.act_lock, self.act_print):
            action.setEnabled(True)
        if self.resume_case_id is not None:
            case_id, self.resume_case_id = self.resume_case_id, None
            self.show_case(case_id)
        else:
            self.show_today()

    # --- navigation ----------------------------------------------------------------------------

    def show_today(self) -> None:
        if not self.backend.is_unlocked:
            return
        self.work.setCurrentWidget(self.today)
        self.today.reload()
        self.today.focus_list()

    def show_case(self, case_id: str) -> None:
        if self.sync.hides(case_id):  # details hidden until the next sync, or a husk
            self.show_today()
            return
        self.case_view.load(case_id)
        self.work.setCurrentWidget(self.case_view)
        self.case_view.quick_note.setFocus()

    # --- printing ------------------------------------------------------------------------------

    def open_print(self, source: PrintSource) -> PrintDialog | None:
        """The print dialog (one at a time); it closes itself when the app locks."""
        if not self.backend.is_unlocked:
            return None
        if self.print_dialog is not None and is_alive(self.print_dialog):
            self.print_dialog.close()
        from ui.dialogs.print_dialog import PrintDialog

        dialog = PrintDialog(self.backend, source, self)
        fit_dialog(dialog, self)  # 1100x760 is taller than a 1366x768 laptop's work area
        self.print_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _print_current(self) -> None:
        if self.work.currentWidget() is self.case_view:
            self.case_view.request_print()
        else:
            self.today.request_print()

    # --- locking -------------------------------------------------------------------------------

    def lock(self, _reason: str | bool = "") -> None:
        if not self.backend.is_unlocked:
            return
        if self.work.currentWidget() is self.case_view:
            self.resume_case_id = self.case_view.case_id
        self.backend.lock()

    def _on_locked(self) -> None:
        self.auto_lock.disarm()
        self._show_locked_state()

    def _show_locked_state(self) -> None:
        self.pages.setCurrentWidget(self.unlock_page)
        for action in (self.act_today, self.act_lock, self.act_print):
            action.setEnabled(False)
        self.unlock_page.reset()

    # --- settings, status ----------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self, backend=self.backend)
        dialog.accepted.connect(self.apply_settings)
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        self.auto_lock.set_timeout_ms(round(self.settings.autolock_minutes * 60_000))
        set_language(self.settings.language)
        self.apply_language()

    def apply_language(self) -> None:
        """Rebuild the texts: the work pages are recreated and reload from the store."""
        current_case = (
            self.case_view.case_id if self.work.currentWidget() is self.case_view else None
        )
        self._build_work_pages()
        self._retranslate()
        self.unlock_page.retranslate()  # also while locked: no restart needed
        if self.backend.is_unlocked:
            if current_case:
                self.show_case(current_case)
            else:
                self.show_today()

    def refresh_sync_status(self) -> None:
        self.sync.refresh()

    def open_connect(self) -> ConnectDialog | None:
        """Enrol a store that was made without a server; sync right after."""
        if not self.backend.is_unlocked:
            return None
        dialog = ConnectDialog(self.backend, self, on_connected=self._after_connect)
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def _after_connect(self) -> None:
        self.sync.refresh()
        self.sync.sync_now()
        self.show_today()

    def _on_sync_state(self, state: SyncState) -> None:
        if state.details_hidden and self.work.currentWidget() is self.case_view:
            self.case_view.clear()
            self.show_today()

    def _on_wiped(self) -> None:
        """The server revoked this laptop and the store is gone: close everything, explain
        calmly, and start again at first run."""
        self.resume_case_id = None
        for dialog in (self.print_dialog, self.connect_dialog):
            if dialog is not None and is_alive(dialog):
                dialog.close()
        self.backend.lock()
        self.start()
        if self.first_run is not None:
            self.first_run.show_notice(
                self.tr(
                    "Deze laptop is door de beheerder van het team ingetrokken. Daarom zijn alle "
                    "Veldwerk-gegevens op deze laptop veilig gewist; u hoeft daarvoor niets te "
                    "doen. Wilt u weer met Veldwerk werken, verbind deze laptop dan opnieuw met "
                    "de server (vraag uw teamleider om toegang)."
                )
            )

    def bring_forward(self) -> None:
        """Another start for the same store asked us to come to the front."""
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
        self.show()
        self.raise_()
        self.activateWindow()

    def place_on_screen(self) -> None:
        """Size from the screen's available geometry, or the user's last size/position."""
        place_window(self, self.settings.window_geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Queued writes finish and drafts are saved before the store closes; the window's
        size and position are remembered."""
        self.settings.window_geometry = self.saveGeometry()
        self.settings.sync()
        self.auto_lock.disarm()
        self.backend.shutdown()
        super().closeEvent(event)
