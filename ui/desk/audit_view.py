"""Logboek: the team's audit trail from the server (who did what, when; ids only), filtered by
case, user, device and action. A read from the server: offline it says so and shows nothing
stale as if it were current."""

from __future__ import annotations

from fieldapp.sync.desk_protocol import AuditEntry
from ui.desk.commands import DeskCommands
from ui.display import local_time
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
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
COLUMNS = ("Wanneer", "Actie", "Uitkomst", "Gebruiker", "Apparaat", "Zaken", "Aantallen")


class AuditView(QWidget):
    def __init__(self, commands: DeskCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.entries: list[AuditEntry] = []
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
        self.fetch = QPushButton(self.tr("Ophalen"))
        self.fetch.clicked.connect(self.load)
        self.message = QLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        for widget in (self.case, self.user, self.device, self.action, self.fetch):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        """Shown: fetch once (the trail lives on the server, not on this laptop)."""
        if not self.entries:
            self.load()

    def clear(self) -> None:
        self.entries = []
        self.table.setRowCount(0)

    def set_writable(self, writable: bool) -> None:
        self.fetch.setEnabled(writable)  # offline: nothing to fetch

    def load(self) -> None:
        filters = {
            "case_id": self.case.text().strip(),
            "user_id": self.user.text().strip(),
            "device_id": self.device.text().strip(),
            "action": self.action.currentText().strip(),
        }
        self.message.setText(self.tr("Ophalen…"))
        self.commands.query(lambda c: c.audit(**filters), on_ok=self._show, on_fail=self._failed)

    def _failed(self, message: str) -> None:
        self.clear()
        self.message.setText(message)

    def _show(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        count = str(len(entries))
        self.message.setText(self.tr("%1 gebeurtenissen (nieuwste eerst).").replace("%1", count))
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            cells = (
                local_time(e.at),
                e.action,
                e.outcome,
                (e.user_id or "")[:8],
                (e.device_id or "")[:8],
                ", ".join(c[:8] for c in e.case_ids[:6]) + (" …" if len(e.case_ids) > 6 else ""),
                ", ".join(f"{k}={v}" for k, v in sorted(e.detail.items())),
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (3, 4, 5):
                    full = {3: e.user_id or "", 4: e.device_id or "", 5: "\n".join(e.case_ids)}
                    item.setToolTip(full[col])
                self.table.setItem(row, col, item)
