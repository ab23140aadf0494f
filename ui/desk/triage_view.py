"""Binnengekomen: import, filter and triage the team's open cases; bulk commands to the server.

The table is a plain ``QTableView`` over :class:`TriageModel` (no widget per row; uniform row
heights), so 10,000 rows scroll smoothly. Bulk actions act on the selected rows and are
commands to the server (``DeskCommands``): assign, approach, "niet opgepakt".
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.desk import NOT_PICKED_UP, Approach, TriageRow
from fieldapp.services.desk import triage_rows
from fieldapp.services.queries import list_workers
from fieldapp.sync.desk_client import DeskClient
from fieldapp.sync.desk_protocol import BrpCheckReply
from ui.backend import Backend
from ui.desk.commands import DeskCommands
from ui.desk.filter_bar import TriageFilterBar
from ui.desk.import_panel import ImportPanel
from ui.desk.models.triage import COL_ADDRESS, COL_DEADLINE, COL_NAMES, TriageModel
from ui.labels import result_label
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QItemSelection,
    QItemSelectionModel,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)

Loaded = tuple[list[TriageRow], dict[str, str]]


class TriageView(QWidget):
    open_case = Signal(str)
    selection_changed = Signal(list)  # case ids

    def __init__(self, backend: Backend, commands: DeskCommands, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend = backend
        self.commands = commands
        self.today = date.today()
        self.model = TriageModel(self)
        self.workers: dict[str, str] = {}

        self.import_panel = ImportPanel(commands)
        self.filters = TriageFilterBar()
        self.filters.changed.connect(self.apply_filter)
        self.count = QLabel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((COL_ADDRESS, 250), (COL_NAMES, 160), (COL_DEADLINE, 120)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.side = QTextBrowser()
        self.side.setMinimumWidth(180)

        self.worker_pick = QComboBox()
        self.worker_pick.setMinimumWidth(170)
        self.assign_button = QPushButton(self.tr("Toewijzen"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.approach_pick = QComboBox()
        for approach in Approach:
            self.approach_pick.addItem(approach.value, approach.value)
        self.approach_button = QPushButton(self.tr("Aanpak vastleggen"))
        self.approach_button.clicked.connect(self.approach_selected)
        self.not_picked_button = QPushButton(self.tr("Niet opgepakt…"))
        self.not_picked_button.clicked.connect(self.ask_not_picked_up)
        self.brp_button = QPushButton(self.tr("BRP-controle"))
        self.brp_button.setToolTip(
            self.tr("Controleer de gekozen zaken nu in de BRP (via de server van de gemeente)")
        )
        self.brp_button.clicked.connect(self.brp_check_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)

        actions = QHBoxLayout()
        actions.addWidget(self.count)
        actions.addStretch(1)
        actions.addWidget(QLabel(self.tr("Selectie:")))
        actions.addWidget(self.worker_pick)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.approach_pick)
        actions.addWidget(self.approach_button)
        actions.addWidget(self.not_picked_button)
        actions.addWidget(self.brp_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.side)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.import_panel)
        layout.addWidget(self.filters)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self._writable = True
        self._update_actions()
        commands.done.connect(self.message.setText)
        commands.failed.connect(self.message.setText)
        commands.busy_changed.connect(lambda _b: self._update_actions())

    # --- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.backend.is_unlocked:
            return
        today = self.today
        policy = self.backend.policy

        def fetch(session: Session) -> Loaded:
            rows = triage_rows(session, today=today, policy=policy)
            workers = {w.id: w.display_name for w in list_workers(session)}
            return rows, workers

        self.backend.runner.query(fetch, parent=self).success(self._fill).run()

    def _fill(self, loaded: Loaded) -> None:
        rows, workers = loaded
        selected = self.selected_ids()
        self.workers = workers
        self.model.set_workers(workers)
        self.model.set_rows(rows, today=self.today)
        self.filters.set_wijken(self.model.wijken())
        self.filters.set_workers(workers)
        current = self.worker_pick.currentData()
        self.worker_pick.clear()
        for worker_id, name in sorted(workers.items(), key=lambda kv: kv[1]):
            self.worker_pick.addItem(name, worker_id)
        if current is not None:
            self.worker_pick.setCurrentIndex(max(0, self.worker_pick.findData(current)))
        self.select_ids(selected)
        self._update_count()

    def clear(self) -> None:
        self.model.clear()
        self.side.clear()
        self.import_panel.report.clear()

    def apply_filter(self, triage_filter: object) -> None:
        selected = self.selected_ids()
        self.model.set_filter(triage_filter)  # type: ignore[arg-type]
        self.select_ids(selected)
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("%1 van %2 zaken")
            .replace("%1", f"{self.model.rowCount():,}".replace(",", "."))
            .replace("%2", f"{self.model.total:,}".replace(",", "."))
        )

    # --- selection ------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def select_ids(self, ids: list[str]) -> None:
        selection = QItemSelection()
        wanted = set(ids)
        last = self.model.columnCount() - 1
        for number in range(self.model.rowCount()):
            if self.model.row_at(number).id in wanted:
                selection.select(self.model.index(number, 0), self.model.index(number, last))
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _on_selection(self, *_args: object) -> None:
        ids = self.selected_ids()
        self._update_actions()
        self.selection_changed.emit(ids)
        if len(ids) == 1:
            number = self.model.row_of(ids[0])
            if number is not None:
                self._show_reasons(self.model.row_at(number))
        else:
            self.side.setPlainText(
                self.tr("%1 zaken geselecteerd.").replace("%1", str(len(ids))) if ids else ""
            )

    def _show_reasons(self, row: TriageRow) -> None:
        case = row.case
        lines = [f"<b>{self.tr('Prioriteit')} {case.priority}</b>", "<ul>"]
        lines += [f"<li>{_escape(r)}</li>" for r in case.reasons] or ["<li>—</li>"]
        lines.append("</ul>")
        if case.warnings:
            lines.append(f"<b>{self.tr('Let op')}</b><ul>")
            lines += [f"<li>{_escape(w)}</li>" for w in case.warnings]
            lines.append("</ul>")
        self.side.setHtml("".join(lines))

    def _double_clicked(self, index: object) -> None:
        row = self.model.row_at(index.row())  # type: ignore[attr-defined]
        self.open_case.emit(row.id)

    # --- commands -------------------------------------------------------------------------

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.import_panel.set_writable(writable)
        self._update_actions()

    def _update_actions(self) -> None:
        enabled = self._writable and not self.commands.busy and bool(self.selected_ids())
        for button in (
            self.assign_button,
            self.approach_button,
            self.not_picked_button,
            self.brp_button,
        ):
            button.setEnabled(enabled)

    def assign_selected(self) -> bool:
        worker_id = self.worker_pick.currentData()
        return self.assign(self.selected_ids(), worker_id)

    def assign(self, ids: list[str], worker_id: str | None) -> bool:
        if not ids or not worker_id:
            return False
        name = self.workers.get(worker_id, "")

        def done(assigned: list[str]) -> str:
            return (
                self.tr("%1 zaken toegewezen aan %2.")
                .replace("%1", str(len(assigned)))
                .replace("%2", name)
            )

        return self.commands.run(
            self.tr("Toewijzen"), lambda c: c.assign(ids, worker_id), on_ok=done
        )

    def approach_selected(self) -> bool:
        ids = self.selected_ids()
        value = self.approach_pick.currentData()
        if not ids or not value:
            return False
        approach = Approach(value)
        return self.commands.run(
            self.tr("Aanpak vastleggen"),
            lambda c: c.set_approach(ids, approach),
            on_ok=lambda done: self.tr("Aanpak vastgelegd voor %1 zaken.").replace(
                "%1", str(len(done))
            ),
        )

    def brp_check_selected(self) -> bool:
        ids = self.selected_ids()
        if not ids:
            return False

        def done(reply: BrpCheckReply) -> str:
            return (
                self.tr("%1 zaken gecontroleerd in de BRP; %2 verhuisd naar een ander adres.")
                .replace("%1", str(reply.checked))
                .replace("%2", str(reply.moved))
            )

        return self.commands.run(self.tr("BRP-controle"), lambda c: c.brp_check(ids), on_ok=done)

    def ask_not_picked_up(self) -> NotPickedUpDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        dialog = NotPickedUpDialog(len(ids), self)
        dialog.accepted.connect(
            lambda: self.not_picked_up(ids, dialog.resultaat(), dialog.reason.toPlainText())
        )
        dialog.open()
        return dialog

    def not_picked_up(self, ids: list[str], resultaat: Eindresultaat, reason: str) -> bool:
        def work(client: DeskClient) -> list[str]:
            return client.not_picked_up(ids, resultaat, reason)

        return self.commands.run(
            self.tr("Niet opgepakt"),
            work,
            on_ok=lambda done: self.tr("%1 zaken gesloten als niet opgepakt.").replace(
                "%1", str(len(done))
            ),
        )


class NotPickedUpDialog(QDialog):
    """Choose the DDAS result and write an internal reason (the partner never sees it)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Niet opgepakt"))
        self.choice = QComboBox()
        for resultaat in NOT_PICKED_UP:
            self.choice.addItem(result_label(resultaat), resultaat.value)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Reden voor het team (de signaalpartner ziet deze tekst nooit)")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("%1 zaken").replace("%1", str(count))))
        form.addRow(self.tr("Resultaat (DDAS)"), self.choice)
        form.addRow(self.tr("Reden"), self.reason)
        form.addRow(buttons)

    def resultaat(self) -> Eindresultaat:
        value = self.choice.currentData()
        return Eindresultaat(value) if value else NOT_PICKED_UP[0]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
