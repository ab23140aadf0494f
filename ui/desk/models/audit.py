"""The Logboek table: audit events from ``GET /v1/audit`` (who did what, when; ids and counts
only), one page at a time. Tested without widgets (qtmodeltester)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fieldapp.sync.desk_protocol import AuditEntry
from ui.display import local_time
from ui.qt import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from ui.qt import QPersistentModelIndex as _PIndex

AnyIndex = QModelIndex | _PIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SHOWN_CASES = 4  # more case ids are in the tooltip


def _short(value: str | None) -> str:
    return (value or "")[:8] or "—"


class AuditTableModel(QAbstractTableModel):
    COL_AT, COL_ACTION, COL_OUTCOME, COL_USER, COL_DEVICE, COL_CASES, COL_DETAIL = range(7)
    COLUMNS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditEntry] = []

    def set_rows(self, rows: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    @property
    def rows(self) -> list[AuditEntry]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (
            QCoreApplication.translate("AuditView", "Wanneer"),
            QCoreApplication.translate("AuditView", "Actie"),
            QCoreApplication.translate("AuditView", "Uitkomst"),
            QCoreApplication.translate("AuditView", "Gebruiker"),
            QCoreApplication.translate("AuditView", "Apparaat"),
            QCoreApplication.translate("AuditView", "Zaken"),
            QCoreApplication.translate("AuditView", "Aantallen"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e, col = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return e
        if role == SORT_ROLE:
            return (
                e.at.timestamp(),
                e.action,
                e.outcome,
                e.user_id or "",
                e.device_id or "",
                len(e.case_ids),
                len(e.detail),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            full = {
                self.COL_USER: e.user_id or "",
                self.COL_DEVICE: e.device_id or "",
                self.COL_CASES: "\n".join(e.case_ids),
            }
            return full.get(col) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.COL_CASES:
            shown = ", ".join(c[:8] for c in e.case_ids[:SHOWN_CASES])
            more = len(e.case_ids) - SHOWN_CASES
            return shown + (f" (+{more})" if more > 0 else "")
        return (
            local_time(e.at),
            e.action,
            e.outcome,
            _short(e.user_id),
            _short(e.device_id),
            "",
            ", ".join(f"{k}={v}" for k, v in sorted(e.detail.items())),
        )[col]
