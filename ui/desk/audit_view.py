"""Logboek: the team's audit trail from the server (who did what, when; ids only), filtered by
case, user, device, action and date range, one page at a time (newest first; "Oudere" asks the
server for the events before the last one shown, so a trail of any length stays quick).

A read from the server: offline it says so and shows nothing stale as if it were current.
Trap: the lambda given to ``DeskCommands.query`` runs on the network thread, so the filters
are captured first.
"""

from __future__ import annotations

from datetime import date

from fieldapp.sync.desk_protocol import AuditEntry
from ui.desk.commands import DeskCommands
from ui.desk.models.audit import AuditTableModel
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

# Audit action codes as the server writes them (fieldapp.server.audit.AuditAction; the UI does
# not import the server package). The field is editable: a newer server's codes work too.
AUDIT_ACTIONS = (
    "assign",
    "import",
    "approach",
    "not_picked_up",
    "quarantine_resolve",
    "push",
    "pull",
    "read_case",
    "list_cases",
    "revoke",
    "wipe",
    "enroll",
    "shift_save",
    "shift_delete",
    "visit_edit",
    "plan_publish",
    "plan_unpublish",
    "plan_job",
    "effort_override",
    "purge",
    "export_ddas",
    "report",
    "audit_read",
)
PAGE_SIZE = 200


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class AuditView(QWidget):
    loaded = Signal()  # a page (or a failure) is on screen

    def __init__(self, commands: DeskCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.page_size = PAGE_SIZE
        self.loading = False
        self._cursors: list[int | None] = []  # ``before`` of each page shown so far
        self._has_more = False
        self.case = QLineEdit()
        self.case.setPlaceholderText(self.tr("zaak-id"))
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("gebruiker-id"))
        self.device = QLineEdit()
        self.device.setPlaceholderText(self.tr("apparaat-id"))
        self.action = QComboBox()
        self.action.setEditable(True)
        self.action.addItem("")
        self.action.addItems(list(AUDIT_ACTIONS))
        editor = self.action.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("alle acties"))
        today = QDate.currentDate()
        self.use_period = QCheckBox(self.tr("Periode"))
        self.van = QDateEdit(today.addDays(-30))
        self.tot = QDateEdit(today)
        for day_edit in (self.van, self.tot):
            day_edit.setCalendarPopup(True)
            day_edit.setDisplayFormat("d-M-yyyy")
            day_edit.setEnabled(False)
        self.use_period.toggled.connect(self.van.setEnabled)
        self.use_period.toggled.connect(self.tot.setEnabled)
        self.fetch = QPushButton(self.tr("Ophalen"))
        self.fetch.clicked.connect(self.load)
        for edit in (self.case, self.user, self.device):
            edit.returnPressed.connect(self.load)
        self.newer = QPushButton(self.tr("‹ Nieuwere"))
        self.newer.clicked.connect(self.newer_page)
        self.older = QPushButton(self.tr("Oudere ›"))
        self.older.clicked.connect(self.older_page)
        self.message = QLabel()
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AuditTableModel.COL_CASES, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        for widget in (self.case, self.user, self.device, self.action):
            bar.addWidget(widget, 1)
        for item in (self.use_period, self.van, QLabel("–"), self.tot, self.fetch):
            bar.addWidget(item)
        pages = QHBoxLayout()
        pages.addWidget(self.message, 1)
        pages.addWidget(self.newer)
        pages.addWidget(self.older)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addLayout(pages)
        layout.addWidget(self.table, 1)
        self._update_paging()

    @property
    def entries(self) -> list[AuditEntry]:
        return self.model.rows

    def reload(self) -> None:
        """Shown: fetch once (the trail lives on the server, not on this laptop)."""
        if not self.model.rowCount() and not self.loading:
            self.load()

    def clear(self) -> None:
        self.model.clear()
        self._cursors = []
        self._has_more = False
        self._update_paging()

    def set_writable(self, writable: bool) -> None:
        self.fetch.setEnabled(writable)  # offline: nothing to fetch
        self._update_paging()

    def load(self) -> None:
        """The newest page for the filters."""
        self._cursors = []
        self._fetch(None)

    def older_page(self) -> None:
        rows = self.model.rows
        if self._has_more and rows:
            self._fetch(min(e.id for e in rows))

    def newer_page(self) -> None:
        if len(self._cursors) > 1:
            self._cursors.pop()
            self._fetch(self._cursors.pop())

    def _filters(self, before: int | None) -> dict[str, str]:
        filters = {
            "case_id": self.case.text().strip(),
            "user_id": self.user.text().strip(),
            "device_id": self.device.text().strip(),
            "action": self.action.currentText().strip(),
            # One more than a page: tells whether an older page exists.
            "limit": str(self.page_size + 1),
        }
        if self.use_period.isChecked():
            filters["van"] = _day(self.van).isoformat()
            filters["tot"] = _day(self.tot).isoformat()
        if before is not None:
            filters["before"] = str(before)
        return filters

    def _fetch(self, before: int | None) -> None:
        if self.use_period.isChecked() and _day(self.tot) < _day(self.van):
            self.message.setText(
                self.tr("De periode klopt niet: de einddatum ligt vóór de begindatum.")
            )
            return
        filters = self._filters(before)
        self.loading = True
        self._update_paging()
        self.message.setText(self.tr("Ophalen…"))

        def shown(entries: list[AuditEntry]) -> None:
            self._show(entries, before)

        self.commands.query(lambda c: c.audit(**filters), on_ok=shown, on_fail=self._failed)

    def _failed(self, message: str) -> None:
        self.loading = False
        self.clear()
        self.message.setText(message)
        self.loaded.emit()

    def _show(self, entries: list[AuditEntry], before: int | None) -> None:
        self.loading = False
        self._has_more = len(entries) > self.page_size
        page = entries[: self.page_size]
        # Page 1 is pinned to what it showed (every read adds an event on the server): going
        # back from page 2 shows the same rows; "Ophalen" starts again at the newest.
        pinned = max(e.id for e in page) + 1 if before is None and page else before
        self._cursors.append(pinned)
        self.model.set_rows(page)
        number = str(len(self._cursors))
        if not page:
            text = self.tr("Geen gebeurtenissen voor deze filters.")
        else:
            text = (
                self.tr("Pagina %1: %2 gebeurtenissen (nieuwste eerst).")
                .replace("%1", number)
                .replace("%2", str(len(page)))
            )
        self.message.setText(text)
        self._update_paging()
        self.loaded.emit()

    def _update_paging(self) -> None:
        idle = not self.loading and self.fetch.isEnabled()
        self.older.setEnabled(idle and self._has_more)
        self.newer.setEnabled(idle and len(self._cursors) > 1)
