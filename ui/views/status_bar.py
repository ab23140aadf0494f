"""The sync part of the status bar: online/offline, last sync, unsent work, progress, buttons.

Reads only :class:`ui.sync_controller.SyncState` (plain values); never the database. Colour is
never the only signal: every state is also in words ("Offline", "3 pogingen nog niet
verstuurd", "Let op: ... langer dan 24 uur").
"""

from __future__ import annotations

from datetime import datetime

from fieldapp.domain.dayparts import AMSTERDAM
from ui.display import short_date
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSize,
    QSizePolicy,
    QWidget,
    Signal,
)
from ui.resources import icon
from ui.sync_controller import SyncController, SyncState

_PILL = "border-radius: 9px; padding: 2px 10px; font-weight: 600;"
STYLE_PENDING = f"QLabel {{ background: #fff4cc; color: #5c4400; {_PILL} }}"
STYLE_WARN = f"QLabel {{ background: #fde7e4; color: #8c1d18; {_PILL} }}"
STYLE_DONE = "QLabel { color: #2e6b3a; padding: 2px 6px; }"
STYLE_ONLINE = "QLabel { color: #2e6b3a; font-weight: 600; }"
STYLE_OFFLINE = "QLabel { color: #52606d; font-weight: 600; }"
STYLE_ERROR = "QLabel { color: #b3261e; }"


def short_message(text: str, limit: int = 80) -> str:
    """The status bar is narrow: a long message shows its first sentence (the whole text is
    the tooltip); short ones ("... Werk Veldwerk bij.") stay whole."""
    if len(text) <= limit:
        return text
    head, sep, _rest = text.partition(". ")
    return head + "." if sep else text


class SyncStatusBar(QWidget):
    """Permanent widget for ``QMainWindow.statusBar()``; the buttons drive the controller."""

    connect_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SyncStatusBar")
        self.controller = controller
        self.online = QLabel()
        self.online.setObjectName("SyncOnline")
        self.last_sync = QLabel()
        self.last_sync.setObjectName("Muted")
        self.pending = QLabel()
        self.pending.setObjectName("SyncPending")
        # Unsent work is the one thing that must never be cut off; the message gives way.
        self.pending.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.message = QLabel()
        self.message.setObjectName("SyncMessage")
        self.message.setStyleSheet(STYLE_ERROR)
        self.message.setMaximumWidth(560)
        self.message.setMinimumWidth(60)  # may shrink below its text; the tooltip has it all
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.stage = QLabel()
        self.stage.setObjectName("Muted")
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(lambda: controller.cancel())
        self.sync_button = QPushButton(icon("sync"), "")
        self.sync_button.setIconSize(QSize(16, 16))
        self.sync_button.clicked.connect(lambda: controller.sync_now())
        self.connect_button = QPushButton()
        self.connect_button.clicked.connect(lambda: self.connect_requested.emit())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(10)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for widget in (
            self.online,
            self.last_sync,
            self.pending,
            self.stage,
            self.progress,
            self.cancel_button,
            self.sync_button,
            self.connect_button,
        ):
            layout.addWidget(widget)
        controller.state_changed.connect(self.show_state)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language (after a language switch too)."""
        self.cancel_button.setText(self.tr("Stoppen"))
        self.cancel_button.setToolTip(
            self.tr("Synchroniseren stoppen; wat al verstuurd is, blijft verstuurd")
        )
        self.sync_button.setText(self.tr("&Synchroniseren"))
        self.sync_button.setToolTip(self.tr("Werk versturen en nieuwe zaken ophalen"))
        self.connect_button.setText(self.tr("Verbinden met server…"))
        self.show_state(self.controller.state)

    def show_state(self, state: SyncState) -> None:
        visible = state.unlocked
        enrolled = visible and state.enrolled
        self.setVisible(visible)
        self.connect_button.setVisible(visible and not state.enrolled)
        for widget in (self.online, self.last_sync, self.pending, self.sync_button):
            widget.setVisible(enrolled)
        self.sync_button.setEnabled(enrolled and not state.running)
        self.cancel_button.setVisible(enrolled and state.running)
        self.progress.setVisible(enrolled and state.running)
        self.stage.setVisible(enrolled and state.running)
        self.message.setVisible(bool(state.error) and not state.running)
        self.message.setText(short_message(state.error))
        self.message.setToolTip(state.error)
        if not visible:
            return
        if not state.enrolled:
            self.connect_button.setToolTip(
                self.tr("Deze opslag is nog niet verbonden met de server van het team")
            )
            return
        self._show_online(state.online)
        self.online.setToolTip(state.offline_reason if state.online is False else "")
        self.last_sync.setText(self.last_sync_text(state.last_sync_at))
        self._show_pending(state)
        if state.running:
            self._show_progress(state)

    def last_sync_text(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("Nog nooit gesynchroniseerd")
        local = moment.astimezone(AMSTERDAM)
        today = datetime.now(AMSTERDAM).date()
        if local.date() == today:
            when = self.tr("vandaag %1").replace("%1", f"{local:%H:%M}")
        elif (today - local.date()).days == 1:
            when = self.tr("gisteren %1").replace("%1", f"{local:%H:%M}")
        else:
            when = f"{short_date(local.date())} {local:%H:%M}"
        return self.tr("Laatst gesynchroniseerd: %1").replace("%1", when)

    def _show_online(self, online: bool | None) -> None:
        if online is None:
            self.online.setText(self.tr("Verbinding nog onbekend"))
            self.online.setStyleSheet(STYLE_OFFLINE)
        elif online:
            self.online.setText(self.tr("● Online"))
            self.online.setStyleSheet(STYLE_ONLINE)
        else:
            self.online.setText(self.tr("○ Offline"))
            self.online.setStyleSheet(STYLE_OFFLINE)

    def _show_pending(self, state: SyncState) -> None:
        count = state.pending_count
        if count == 0:
            self.pending.setText(self.tr("Alles verstuurd"))
            self.pending.setStyleSheet(STYLE_DONE)
            self.pending.setToolTip("")
            return
        if count == 1:
            text = self.tr("1 poging nog niet verstuurd")
        else:
            text = self.tr("%1 pogingen nog niet verstuurd").replace("%1", str(count))
        if state.warn_unsent:
            text = self.tr("Let op: %1, langer dan 24 uur").replace("%1", text)
            self.pending.setStyleSheet(STYLE_WARN)
            self.pending.setToolTip(
                self.tr(
                    "Er staat werk klaar dat al meer dan een dag niet verstuurd is. Maak "
                    "verbinding met internet en synchroniseer."
                )
            )
        else:
            self.pending.setStyleSheet(STYLE_PENDING)
            self.pending.setToolTip(
                self.tr("Bewaard op deze laptop; wordt verstuurd bij de volgende synchronisatie")
            )
        self.pending.setText(text)

    def _show_progress(self, state: SyncState) -> None:
        progress = state.progress
        if progress is None:
            self.stage.setText(self.tr("Verbinden…"))
            self.progress.setRange(0, 0)
            return
        if progress.stage == "push":
            total = progress.total or 0
            self.stage.setText(
                self.tr("Werk versturen… %1 van %2")
                .replace("%1", str(progress.done))
                .replace("%2", str(total))
            )
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(progress.done, max(total, 1)))
        elif progress.stage == "pull":
            self.stage.setText(self.tr("Zaken ophalen… %1").replace("%1", str(progress.done)))
            self.progress.setRange(0, 0)
        elif progress.stage == "wipe":
            self.stage.setText(self.tr("Gegevens wissen…"))
            self.progress.setRange(0, 0)
        else:
            self.stage.setText(self.tr("Afronden…"))
            self.progress.setRange(0, 1)
            self.progress.setValue(1)
