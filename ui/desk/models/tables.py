"""Small desk tables: the import report, the team's workload, the quarantine queue.

Each is a flat table over frozen rows (``set_rows`` inside a model reset, ``COL_*`` constants,
``ROW_ROLE``), tested without widgets. The workload model accepts dropped case ids: dropping
cases on a worker asks to assign them (``cases_dropped``); the view sends the command.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from fieldapp.domain.desk import WorkerLoad
from fieldapp.sync.protocol import QuarantineItem
from ui.desk.models.triage import CASE_IDS_MIME, decode_case_ids
from ui.display import local_time
from ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
R = TypeVar("R")


class _FlatTable(QAbstractTableModel, Generic[R]):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> R:
        return self._rows[row]

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.headers):
            return QCoreApplication.translate("DeskTables", self.headers[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        return None

    def text(self, row: R, column: int) -> str:
        raise NotImplementedError


# --- import report ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportLine:
    """One refused row of an imported file (no content of the row, only where and why)."""

    file: str
    row: int
    field: str
    reason: str


COL_REP_FILE, COL_REP_ROW, COL_REP_FIELD, COL_REP_REASON = range(4)


class ImportReportModel(_FlatTable[ReportLine]):
    headers = ("Bestand", "Rij", "Veld", "Reden")

    def text(self, row: ReportLine, column: int) -> str:
        return (row.file, str(row.row), row.field, row.reason)[column]

    def to_csv(self) -> str:
        """The report as CSV (``;``-separated for Dutch spreadsheets). Cells that a spreadsheet
        would run as a formula get a leading apostrophe."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["bestand", "rij", "veld", "reden"])
        for line in self._rows:
            writer.writerow([_cell(line.file), line.row, _cell(line.field), _cell(line.reason)])
        return out.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def report_lines(file_label: str, report: dict[str, object]) -> list[ReportLine]:
    """The refused rows from an import reply's ``report`` (as the server sends it)."""
    lines: list[ReportLine] = []
    files = report.get("files")
    for entry in files if isinstance(files, list) else []:
        rejected = entry.get("rejected") if isinstance(entry, dict) else None
        for item in rejected if isinstance(rejected, list) else []:
            if isinstance(item, dict):
                lines.append(
                    ReportLine(
                        file_label,
                        int(item.get("row") or 0),
                        str(item.get("field") or ""),
                        str(item.get("reason") or ""),
                    )
                )
    return lines


# --- workload --------------------------------------------------------------------------------

COL_LOAD_NAME, COL_LOAD_OPEN, COL_LOAD_WEEK, COL_LOAD_OVERDUE = range(4)


class WorkloadModel(_FlatTable[WorkerLoad]):
    headers = ("Medewerker", "Open zaken", "Bezoeken deze week", "Te laat")
    cases_dropped = Signal(list, str)  # (case ids, worker id)

    def text(self, row: WorkerLoad, column: int) -> str:
        return (row.name, str(row.open_cases), str(row.visits_this_week), str(row.overdue))[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and index.isValid()
            and index.column() != COL_LOAD_NAME
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return QCoreApplication.translate(
                "DeskTables", "Sleep zaken hierheen om ze aan deze medewerker toe te wijzen."
            )
        return super().data(index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [CASE_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(CASE_IDS_MIME) and self._target(row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        target = self._target(row, parent)
        ids = decode_case_ids(data)
        if target is None or not ids:
            return False
        self.cases_dropped.emit(ids, target.worker_id)
        # The server assigns; the rows change after the pull, not here.
        return False

    def _target(self, row: int, parent: AnyIndex) -> WorkerLoad | None:
        number = parent.row() if parent.isValid() else row
        return self._rows[number] if 0 <= number < len(self._rows) else None


# --- quarantine ------------------------------------------------------------------------------

COL_Q_RECEIVED, COL_Q_KIND, COL_Q_CASE, COL_Q_REASON, COL_Q_DEVICE = range(5)


class QuarantineModel(_FlatTable[QuarantineItem]):
    headers = ("Ontvangen", "Soort", "Zaak", "Reden", "Apparaat")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.addresses: dict[str, str] = {}  # case id -> address line, when this laptop has it

    def text(self, row: QuarantineItem, column: int) -> str:
        t = QCoreApplication.translate
        if column == COL_Q_RECEIVED:
            return local_time(row.received_at)
        if column == COL_Q_KIND:
            return (
                t("DeskTables", "contactpoging")
                if row.kind == "attempt"
                else t("DeskTables", "besluit")
            )
        if column == COL_Q_CASE:
            return self.addresses.get(row.case_id, row.case_id[:8])
        if column == COL_Q_REASON:
            if row.reason == "reassigned_late":
                return t("DeskTables", "na overdracht (laat)")
            return t("DeskTables", "na overdracht")
        return row.device_id[:8]
