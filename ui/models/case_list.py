"""The Vandaag list: a list model over ``CaseListRow`` plus a search/area filter proxy.

Rows are plain frozen dataclasses fetched by a Query on the DB thread; ``data()`` and painting
never touch the database. 10,000 rows are cheap to hold (a few MB); the view uses uniform item
sizes so layout does not measure every row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fieldapp.domain.listing import CaseListRow
from ui.display import deadline_text, euros
from ui.labels import dagdeel_label, partner_label
from ui.models.route_groups import RouteGroup
from ui.qt import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from ui.reason_labels import translate_flag

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
TODAY_ROLE = Qt.ItemDataRole.UserRole + 3
HEADING_ROLE = Qt.ItemDataRole.UserRole + 4  # str: the shift heading above this row, or None

AnyIndex = QModelIndex | QPersistentModelIndex


class CaseListModel(QAbstractListModel):
    """One row per case. DisplayRole is the address; ROW_ROLE the whole ``CaseListRow``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseListRow] = []
        self._today = date.today()
        self.planned = False
        self._headings: dict[int, RouteGroup] = {}

    def set_rows(
        self,
        rows: list[CaseListRow],
        *,
        today: date,
        planned: bool,
        headings: dict[int, RouteGroup] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.planned = planned
        self._headings = dict(headings or {})
        self.endResetModel()

    @property
    def has_headings(self) -> bool:
        return bool(self._headings)

    def clear(self) -> None:
        """Forget every row (auto-lock): nothing personal stays in memory via this model."""
        self.beginResetModel()
        self._rows = []
        self.planned = False
        self._headings = {}
        self.endResetModel()

    @property
    def today(self) -> date:
        return self._today

    def row_at(self, row: int) -> CaseListRow:
        return self._rows[row]

    def row_of(self, case_id: str) -> int | None:
        for number, item in enumerate(self._rows):
            if item.id == case_id:
                return number
        return None

    def wijken(self) -> list[str]:
        return sorted({r.wijk for r in self._rows if r.wijk})

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.address_line
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return index.row()
        if role == TODAY_ROLE:
            return self._today
        if role == HEADING_ROLE:
            group = self._headings.get(index.row())
            return heading_text(group) if group is not None else None
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.describe(row)
        return None

    def describe(self, row: CaseListRow) -> str:
        """Everything the card shows, as one sentence for screen readers and tooltips."""
        partners = ", ".join(partner_label(p) for p in row.partners)
        parts = [row.address_line, row.names, partners, euros(row.total_cents)]
        parts.append(deadline_text(row.deadline, self._today))
        parts.extend(translate_flag(w) for w in row.warnings)
        return ". ".join(p for p in parts if p)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def heading_text(group: RouteGroup) -> str:
    """ "Nu · middag 13:00–17:00 · 6 adressen" (the state word first, so it reads in order)."""
    states = {
        "now": QCoreApplication.translate("CaseList", "Nu"),
        "next": QCoreApplication.translate("CaseList", "Straks"),
        "later": QCoreApplication.translate("CaseList", "Later"),
        "done": QCoreApplication.translate("CaseList", "Geweest"),
    }
    slot = group.slot
    return (
        QCoreApplication.translate("CaseList", "%1 · %2 %3–%4 · %5 adressen")
        .replace("%1", states[group.state])
        .replace("%2", dagdeel_label(slot.dagdeel))
        .replace("%3", _clock(slot.start_minute))
        .replace("%4", _clock(slot.end_minute))
        .replace("%5", str(group.count))
    )


class CaseFilterProxy(QSortFilterProxyModel):
    """Search by name or address; filter on wijk (exact) or postcode/street prefix."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._wijk = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def set_search(self, text: str) -> None:
        if text != self._search:
            self._refilter(lambda: setattr(self, "_search", text))

    def set_wijk(self, wijk: str) -> None:
        # Unchanged (every reload refills the wijk box): no pass over 10,000 rows for nothing.
        if wijk != self._wijk:
            self._refilter(lambda: setattr(self, "_wijk", wijk))

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt >= 6.10 wants begin/endFilterChange; older PySide6 only has invalidateRowsFilter.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._wijk and not self._search:
            return True  # the usual case, asked once per row on every reset: answer at once
        model = self.sourceModel()
        if not isinstance(model, CaseListModel):
            return True
        row = model.row_at(source_row)
        if self._wijk and row.wijk != self._wijk:
            return False
        if not self._search:
            return True
        needle = self._search.replace(" ", "").casefold()
        if needle and needle == row.postcode.casefold()[: len(needle)] and len(needle) >= 4:
            return True
        return row.matches(self._search) or row.straat.casefold().startswith(
            self._search.casefold().strip()
        )
