"""Toewijzen: the unassigned cases beside the workers' load; drag cases onto a worker.

Dropping cases on a worker (or the button) sends the assign command; the rows move after the
pull. Below: the quarantine queue (attempts or decisions pushed for a case their sender no
longer held, e.g. after a reassignment), each accepted or rejected by the lead.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from fieldapp.domain.desk import UNASSIGNED, TriageFilter, TriageRow, WorkerLoad
from fieldapp.services.desk import triage_rows, worker_loads
from fieldapp.sync.protocol import QuarantineItem
from ui.backend import Backend
from ui.desk.commands import DeskCommands
from ui.desk.models.tables import QuarantineModel, WorkloadModel
from ui.desk.models.triage import COL_ADDRESS, TriageModel
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Loaded = tuple[list[TriageRow], list[WorkerLoad]]


class AssignView(QWidget):
    def __init__(self, backend: Backend, commands: DeskCommands, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend = backend
        self.commands = commands
        self.today = date.today()
        self.cases = TriageModel(self)
        self.cases.set_filter(TriageFilter(worker=UNASSIGNED))
        self.loads = WorkloadModel(self)
        self.loads.cases_dropped.connect(self.assign)
        self.quarantine = QuarantineModel(self)

        self.case_table = QTableView()
        self.case_table.setModel(self.cases)
        self.case_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.case_table.setDragEnabled(True)
        self.case_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.case_table.setSortingEnabled(True)
        self.case_table.verticalHeader().setVisible(False)
        self.case_table.setColumnWidth(COL_ADDRESS, 240)
        self.load_table = QTableView()
        self.load_table.setModel(self.loads)
        self.load_table.setAcceptDrops(True)
        self.load_table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.load_table.setDropIndicatorShown(True)
        self.load_table.viewport().setAcceptDrops(True)
        self.load_table.verticalHeader().setVisible(False)
        self.load_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.assign_button = QPushButton(self.tr("Selectie toewijzen aan gekozen medewerker"))
        self.assign_button.clicked.connect(self.assign_selection)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.q_table = QTableView()
        self.q_table.setModel(self.quarantine)
        self.q_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.q_table.verticalHeader().setVisible(False)
        self.q_table.horizontalHeader().setStretchLastSection(True)
        self.q_refresh = QPushButton(self.tr("Ophalen"))
        self.q_refresh.clicked.connect(self.load_quarantine)
        self.q_accept = QPushButton(self.tr("Accepteren"))
        self.q_accept.clicked.connect(lambda: self.resolve(accept=True))
        self.q_reject = QPushButton(self.tr("Afwijzen"))
        self.q_reject.clicked.connect(lambda: self.resolve(accept=False))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            QLabel(self.tr("<b>Nog niet toegewezen</b> — sleep naar een medewerker"))
        )
        left_layout.addWidget(self.case_table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("<b>Medewerkers</b> en hun werk")))
        right_layout.addWidget(self.load_table)
        right_layout.addWidget(self.assign_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        q_buttons = QHBoxLayout()
        q_buttons.addWidget(QLabel(self.tr("<b>Quarantaine</b> — werk van een vorige medewerker")))
        q_buttons.addStretch(1)
        for button in (self.q_refresh, self.q_accept, self.q_reject):
            q_buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(split, 3)
        layout.addWidget(self.message)
        layout.addLayout(q_buttons)
        layout.addWidget(self.q_table, 1)
        self._writable = True
        commands.done.connect(self.message.setText)
        commands.failed.connect(self.message.setText)

    def reload(self) -> None:
        if not self.backend.is_unlocked:
            return
        today = self.today
        policy = self.backend.policy

        def fetch(session: Session) -> Loaded:
            return triage_rows(session, today=today, policy=policy), worker_loads(
                session, today=today
            )

        self.backend.runner.query(fetch, parent=self).success(self._fill).run()

    def _fill(self, loaded: Loaded) -> None:
        rows, loads = loaded
        self.cases.set_rows(rows, today=self.today)
        self.cases.set_workers({w.worker_id: w.name for w in loads})
        self.loads.set_rows(loads)
        self.quarantine.addresses = {r.id: r.case.address_line for r in rows}

    def clear(self) -> None:
        for model in (self.cases, self.loads, self.quarantine):
            model.clear()

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        for button in (self.assign_button, self.q_accept, self.q_reject, self.q_refresh):
            button.setEnabled(writable)
        self.load_table.setAcceptDrops(writable)
        self.load_table.viewport().setAcceptDrops(writable)

    # --- assign ---------------------------------------------------------------------------

    def assign_selection(self) -> bool:
        rows = sorted({i.row() for i in self.case_table.selectionModel().selectedRows()})
        worker_rows = self.load_table.selectionModel().selectedRows()
        if not rows or not worker_rows:
            self.message.setText(self.tr("Kies zaken en een medewerker."))
            return False
        worker = self.loads.row_at(worker_rows[0].row())
        return self.assign([self.cases.row_at(r).id for r in rows], worker.worker_id)

    def assign(self, ids: list[str], worker_id: str) -> bool:
        if not self._writable or not ids:
            return False
        name = next((w.name for w in self.loads.rows if w.worker_id == worker_id), "")
        return self.commands.run(
            self.tr("Toewijzen"),
            lambda c: c.assign(ids, worker_id),
            on_ok=lambda done: (
                self.tr("%1 zaken toegewezen aan %2.")
                .replace("%1", str(len(done)))
                .replace("%2", name)
            ),
        )

    # --- quarantine -----------------------------------------------------------------------

    def load_quarantine(self) -> bool:
        def shown(items: list[QuarantineItem]) -> str:
            self.quarantine.set_rows(items)
            return self.tr("%1 items in quarantaine.").replace("%1", str(len(items)))

        return self.commands.run(
            self.tr("Quarantaine ophalen"), lambda c: c.quarantine(), on_ok=shown, pull=False
        )

    def resolve(self, *, accept: bool) -> bool:
        rows = self.q_table.selectionModel().selectedRows()
        if not rows:
            return False
        item = self.quarantine.row_at(rows[0].row())

        def done(_none: None) -> str:
            self.quarantine.set_rows([i for i in self.quarantine.rows if i.id != item.id])
            return self.tr("Geaccepteerd.") if accept else self.tr("Afgewezen.")

        return self.commands.run(
            self.tr("Quarantaine"),
            lambda c: c.resolve_quarantine(item.id, accept=accept),
            on_ok=done,
        )
