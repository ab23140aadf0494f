"""One base for the UI's table models: rows of one type, translated column titles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from ui.qt import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from ui.qt import QPersistentModelIndex as _PIndex

AnyIndex = QModelIndex | _PIndex
RowT = TypeVar("RowT")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of one dataclass type; subclasses give ``CONTEXT``, ``TITLES`` and ``data``."""

    CONTEXT = ""
    # QT_TRANSLATE_NOOP marks each title for lupdate and returns it unchanged (typed object).
    TITLES: tuple[object, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._after_set()
        self.endResetModel()

    def _after_set(self) -> None:
        """Hook for derived state, inside the reset."""

    def clear(self) -> None:
        self.set_rows([])

    @property
    def rows(self) -> list[RowT]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.TITLES):
            return None
        return QCoreApplication.translate(self.CONTEXT, str(self.TITLES[section]))
