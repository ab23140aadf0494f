"""The triage table: every open case of the team, sorted and filtered in the model itself.

Rows are kept sorted once (``sort``); a filter change is one Python pass over them that keeps
their order, then a model reset: no per-row ``lessThan``/``filterAcceptsRow`` callbacks through
a proxy. The search text is matched against a casefolded haystack made once per row, and a
keystroke that only extends the text narrows the rows already shown instead of all of them.
``data()`` never touches the database. Selection is kept by case id by the view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from fieldapp.domain.desk import TriageFilter, TriageRow
from ui.display import case_clock_text, euros, is_overdue, short_date
from ui.labels import partner_label
from ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
CASE_IDS_MIME = "application/x-veldwerk-case-ids"

(
    COL_PRIORITY,
    COL_ADDRESS,
    COL_WIJK,
    COL_NAMES,
    COL_PARTNERS,
    COL_AMOUNT,
    COL_DEADLINE,
    COL_OPENED,
    COL_AGE,
    COL_APPROACH,
    COL_WORKER,
    COL_FLAGS,
) = range(12)
COLUMNS = 12
_ROLES = frozenset(
    int(r)
    for r in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ROW_ROLE,
        SORT_ROLE,
    )
)


def _headers() -> list[str]:
    t = QCoreApplication.translate
    return [
        t("Triage", "Prioriteit"),
        t("Triage", "Adres"),
        t("Triage", "Wijk"),
        t("Triage", "Namen"),
        t("Triage", "Partners"),
        t("Triage", "Achterstand"),
        t("Triage", "Termijn"),
        t("Triage", "Binnen sinds"),
        t("Triage", "Leeftijd"),
        t("Triage", "Aanpak"),
        t("Triage", "Medewerker"),
        t("Triage", "Kenmerken"),
    ]


def decode_case_ids(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(CASE_IDS_MIME):
        return []
    raw = bytes(mime.data(CASE_IDS_MIME).data()).decode("ascii", "replace")
    return [line for line in raw.split("\n") if line]


def encode_case_ids(ids: Iterable[str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(CASE_IDS_MIME, "\n".join(ids).encode("ascii"))
    return mime


class TriageModel(QAbstractTableModel):
    """Rows = the visible (filtered, sorted) cases; ``all_rows`` keeps the full set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[TriageRow] = []  # sorted by ``_sort``
        self._rows: list[TriageRow] = []  # the visible subset, same order
        self._hay: dict[str, str] = {}  # case id -> casefolded search text
        self._texts: dict[tuple[str, int], str] = {}  # display text cache (rows are frozen)
        self._filter = TriageFilter()
        self._sort: tuple[int, Qt.SortOrder] = (COL_PRIORITY, Qt.SortOrder.DescendingOrder)
        self._today = date.today()
        self._workers: dict[str, str] = {}
        self._headers = _headers()

    # --- filling -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[TriageRow], *, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._texts = {}
        self._hay = {
            r.id: f"{r.case.names} {r.case.address_line} {r.case.postcode} {r.case.wijk}".casefold()
            for r in rows
        }
        self._all = self._sorted(rows)
        self._rows = self._apply(self._all)
        self.endResetModel()

    def set_workers(self, names: dict[str, str]) -> None:
        self._workers = dict(names)
        self._texts = {k: v for k, v in self._texts.items() if k[1] != COL_WORKER}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_WORKER), self.index(len(self._rows) - 1, COL_WORKER)
            )

    def set_filter(self, triage_filter: TriageFilter) -> None:
        old = self._filter
        narrowing = triage_filter.same_fields(old) and triage_filter.text.casefold().startswith(
            old.text.casefold()
        )
        self.beginResetModel()
        self._filter = triage_filter
        self._rows = self._apply(self._rows if narrowing else self._all)
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row (auto-lock): nothing personal stays in memory via this model."""
        self.beginResetModel()
        self._all, self._rows, self._hay, self._texts = [], [], {}, {}
        self.endResetModel()

    @property
    def triage_filter(self) -> TriageFilter:
        return self._filter

    @property
    def total(self) -> int:
        return len(self._all)

    def row_at(self, row: int) -> TriageRow:
        return self._rows[row]

    def row_of(self, case_id: str) -> int | None:
        for number, item in enumerate(self._rows):
            if item.id == case_id:
                return number
        return None

    def wijken(self) -> list[str]:
        return sorted({r.case.wijk for r in self._all if r.case.wijk})

    # --- sorting and filtering -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [(self._rows[i.row()].id, i.column()) for i in old]
        self._sort = (column, order)
        self._all = self._sorted(self._all)
        self._rows = self._apply(self._all)
        positions = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(positions[cid], col) for cid, col in old_ids]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[TriageRow]) -> list[TriageRow]:
        column, order = self._sort
        return sorted(rows, key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)

    def _apply(self, base: list[TriageRow]) -> list[TriageRow]:
        """The rows of ``base`` (in order) that pass the filter."""
        current = self._filter
        rows = base
        parts = current.text.casefold().split()
        if len(parts) == 1:  # the usual case while typing: no generator per row
            hay, needle = self._hay, parts[0]
            rows = [r for r in rows if needle in hay[r.id]]
        elif parts:
            hay = self._hay
            rows = [r for r in rows if all(p in hay[r.id] for p in parts)]
        if current.has_fields:
            keep = current.matches_fields
            rows = [r for r in rows if keep(r)]
        return rows

    def _key(self, column: int) -> Callable[[TriageRow], Any]:
        workers = self._workers
        keys: dict[int, Callable[[TriageRow], Any]] = {
            COL_PRIORITY: lambda r: (r.case.priority, -r.case.deadline.toordinal()),
            COL_ADDRESS: lambda r: (r.case.straat, r.case.huisnummer or 0, r.case.toevoeging),
            COL_WIJK: lambda r: r.case.wijk,
            COL_NAMES: lambda r: r.case.names,
            COL_PARTNERS: lambda r: len(r.case.partners),
            COL_AMOUNT: lambda r: r.case.total_cents,
            COL_DEADLINE: lambda r: r.case.deadline,
            COL_OPENED: lambda r: r.opened_on,
            COL_AGE: lambda r: r.age_group.value,
            COL_APPROACH: lambda r: r.approach.value if r.approach else "",
            COL_WORKER: lambda r: workers.get(r.case.assigned_worker_id or "", ""),
            COL_FLAGS: lambda r: len(r.flags),
        }
        return keys.get(column, keys[COL_PRIORITY])

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < COLUMNS:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [CASE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return encode_case_ids(self._rows[r].id for r in rows)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell asks ~13 roles; answer the ones we never set before touching the row.
        if role not in _ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            key = (row.id, column)
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = self._text(row, column)
            return text
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._key(column)(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_PRIORITY:
                return "\n".join(row.case.reasons) or None
            if column == COL_FLAGS:
                return "\n".join(row.case.warnings) or None
            return None
        late = column == COL_DEADLINE and is_overdue(
            row.case.deadline, self._today, row.case.status
        )
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_PRIORITY, COL_AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: TriageRow, column: int) -> str:
        case = row.case
        if column == COL_PRIORITY:
            return str(case.priority)
        if column == COL_ADDRESS:
            return case.address_line
        if column == COL_WIJK:
            return case.wijk
        if column == COL_NAMES:
            return case.names
        if column == COL_PARTNERS:
            return ", ".join(partner_label(p) for p in case.partners)
        if column == COL_AMOUNT:
            return euros(case.total_cents)
        if column == COL_DEADLINE:
            return case_clock_text(
                case.deadline, self._today, status=case.status, resultaat=case.resultaat
            )
        if column == COL_OPENED:
            return short_date(row.opened_on)
        if column == COL_AGE:
            return row.age_group.value
        if column == COL_APPROACH:
            return row.approach.value if row.approach else ""
        if column == COL_WORKER:
            worker = case.assigned_worker_id
            if worker is None:
                return QCoreApplication.translate("Triage", "niet toegewezen")
            return self._workers.get(worker, "?")
        return ", ".join(sorted(f.value for f in row.flags))
