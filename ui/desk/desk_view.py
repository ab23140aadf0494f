"""The team lead's desk: Binnengekomen, Toewijzen, Weekplanning (+ Kaart), Overzicht.

Reads come from the lead's own encrypted store (the team's cases, synced with scope "team");
writes are commands to the server (``DeskCommands``) followed by an immediate pull. Offline (or
not connected to a server) the desk is read-only: a banner says so and every write control is
disabled, so nothing is ever queued silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.services.changes import Changes
from ui.backend import Backend
from ui.desk.assign_view import AssignView
from ui.desk.commands import DeskCommands
from ui.desk.triage_view import TriageView
from ui.qt import QLabel, QTabWidget, QVBoxLayout, QWidget, Signal
from ui.sync_controller import SyncController, SyncState

if TYPE_CHECKING:
    from ui.desk.board.planning_view import PlanningView


class DeskView(QWidget):
    open_case = Signal(str)

    def __init__(self, backend: Backend, sync: SyncController, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend = backend
        self.sync = sync
        self.commands = DeskCommands(backend, sync, self)
        self.banner = QLabel()
        self.banner.setObjectName("OfflineBanner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.triage = TriageView(backend, self.commands)
        self.assign = AssignView(backend, self.commands)
        self.triage.open_case.connect(self.open_case)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.triage, self.tr("Binnengekomen"))
        self.tabs.addTab(self.assign, self.tr("Toewijzen"))
        self.extra_tabs: list[QWidget] = []
        self.planning: PlanningView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.writable = True
        self._stale: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._on_tab)
        backend.hub.changed.connect(self._on_changed)
        backend.hub.locked.connect(self.clear)
        sync.state_changed.connect(self._on_sync_state)
        self._on_sync_state(sync.state)

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Weekplanning and Overzicht plug in here (their own modules)."""
        self.tabs.addTab(widget, title)
        self.extra_tabs.append(widget)
        if hasattr(widget, "set_writable"):
            widget.set_writable(self.writable)

    def reload(self) -> None:
        """Reload the tab on screen now; the others when they are shown (after a pull, three
        tabs re-reading 10,000 cases one after the other would delay the one being looked at)."""
        current = self.tabs.currentWidget()
        tabs = (self.tabs.widget(i) for i in range(self.tabs.count()))
        self._stale = {t for t in tabs if t is not None and t is not current}
        if current is not None and hasattr(current, "reload"):
            current.reload()

    def _on_tab(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current in self._stale:
            self._stale.discard(current)
            if hasattr(current, "reload"):
                current.reload()

    def clear(self) -> None:
        self.triage.clear()
        self.assign.clear()
        for tab in self.extra_tabs:
            if hasattr(tab, "clear"):
                tab.clear()

    def _on_changed(self, changes: Changes, _initiator: object) -> None:
        if not self.isVisible() and not self.backend.is_unlocked:
            return
        if changes.cases or changes.signals or changes.workers or changes.plans:
            self.reload()

    def _on_sync_state(self, state: SyncState) -> None:
        if not state.unlocked:
            return
        if not state.enrolled:
            text = self.tr(
                "Alleen lezen: deze laptop is niet verbonden met de server. Verbind hem om te "
                "kunnen toewijzen, importeren en plannen."
            )
        elif state.online is False:
            text = self.tr(
                "Offline — het bureau is alleen-lezen. Toewijzen, importeren en plannen kan weer "
                "zodra de server bereikbaar is; er wordt niets klaargezet om later te versturen."
            )
        else:
            text = ""
        self.set_writable(not text)
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        self.triage.set_writable(writable)
        self.assign.set_writable(writable)
        for tab in self.extra_tabs:
            if hasattr(tab, "set_writable"):
                tab.set_writable(writable)
