"""The Logboek table: audit events from ``GET /v1/audit`` (who did what, when; ids and counts
only), one page at a time. Tested without widgets (qtmodeltester)."""

from __future__ import annotations

from typing import Any

from fieldapp.sync.desk_protocol import AuditEntry
from ui.display import local_time
from ui.models.row_table import RowTableModel
from ui.qt import QT_TRANSLATE_NOOP, QModelIndex, Qt
from ui.qt import QPersistentModelIndex as _PIndex

AnyIndex = QModelIndex | _PIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SHOWN_CASES = 4  # more case ids are in the tooltip


def _short(value: str | None) -> str:
    return (value or "")[:8] or "—"


class AuditTableModel(RowTableModel[AuditEntry]):
    COL_AT, COL_ACTION, COL_OUTCOME, COL_USER, COL_DEVICE, COL_CASES, COL_DETAIL = range(7)
    CONTEXT = "AuditView"
    TITLES = (
        QT_TRANSLATE_NOOP("AuditView", "Wanneer"),
        QT_TRANSLATE_NOOP("AuditView", "Actie"),
        QT_TRANSLATE_NOOP("AuditView", "Uitkomst"),
        QT_TRANSLATE_NOOP("AuditView", "Gebruiker"),
        QT_TRANSLATE_NOOP("AuditView", "Apparaat"),
        QT_TRANSLATE_NOOP("AuditView", "Zaken"),
        QT_TRANSLATE_NOOP("AuditView", "Aantallen"),
    )

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
