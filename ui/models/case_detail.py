"""Table models for the case view: signals and the attempt timeline (void entries included).

Both hold plain domain dataclasses from one ``get_case`` Query; ``clear()`` empties them on
auto-lock. Columns are ``COL_*`` constants; ROW_ROLE returns the dataclass of the row.
"""

from __future__ import annotations

from typing import Any

from fieldapp.domain.attempts import ContactAttempt
from fieldapp.domain.signals import Signal
from ui.display import euros, local_time, short_date
from ui.labels import (
    CONTACT_ICONS,
    contactsoort_label,
    dagdeel_label,
    partner_label,
    signaalstatus_label,
)
from ui.models.row_table import RowTableModel
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from ui.resources import icon

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class SignalTableModel(RowTableModel[Signal]):
    COL_PARTNER, COL_AMOUNT, COL_SINCE, COL_STATUS = range(4)
    CONTEXT = "Signals"
    TITLES = (
        QT_TRANSLATE_NOOP("Signals", "Partner"),
        QT_TRANSLATE_NOOP("Signals", "Bedrag"),
        QT_TRANSLATE_NOOP("Signals", "Sinds"),
        QT_TRANSLATE_NOOP("Signals", "Status"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        signal = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return signal
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_PARTNER:
                return partner_label(signal.partner)
            if col == self.COL_AMOUNT:
                return "—" if signal.bedrag_cents is None else euros(signal.bedrag_cents)
            if col == self.COL_SINCE:
                return short_date(signal.ontstaansdatum or signal.effective_date)
            if col == self.COL_STATUS:
                return signaalstatus_label(signal.status)
        if role == SORT_ROLE:
            if col == self.COL_AMOUNT:
                return signal.bedrag_cents or 0
            if col == self.COL_SINCE:
                return (signal.ontstaansdatum or signal.effective_date).isoformat()
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TimelineModel(RowTableModel[ContactAttempt]):
    """Attempts oldest first. A voided attempt is struck through and says 'doorgestreept'."""

    COL_WHEN, COL_SOORT, COL_RESULT, COL_NOTE = range(4)
    CONTEXT = "Timeline"
    TITLES = (
        QT_TRANSLATE_NOOP("Timeline", "Wanneer"),
        QT_TRANSLATE_NOOP("Timeline", "Contact"),
        QT_TRANSLATE_NOOP("Timeline", "Resultaat"),
        QT_TRANSLATE_NOOP("Timeline", "Notitie"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        self._voided: dict[str, str] = {}
        super().__init__(parent)

    def _after_set(self) -> None:
        self._voided = {a.voids: a.void_reason for a in self._rows if a.voids}

    def is_voided(self, attempt_id: str) -> bool:
        return attempt_id in self._voided

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        attempt = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return attempt
        if role == SORT_ROLE:
            return attempt.occurred_at.isoformat() if col == self.COL_WHEN else index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(attempt, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_SOORT:
            return icon(CONTACT_ICONS[attempt.soort])
        if role == Qt.ItemDataRole.FontRole and (
            attempt.id in self._voided or attempt.is_void_entry
        ):
            font = QFont()
            font.setStrikeOut(attempt.id in self._voided)
            font.setItalic(attempt.is_void_entry)
            return font
        return None

    def _text(self, attempt: ContactAttempt, col: int) -> str:
        if col == self.COL_WHEN:
            return f"{local_time(attempt.occurred_at)} ({dagdeel_label(attempt.dagdeel)})"
        if col == self.COL_SOORT:
            return contactsoort_label(attempt.soort)
        if col == self.COL_RESULT:
            if attempt.is_void_entry:
                return QCoreApplication.translate(
                    "Timeline", "correctie: vorige poging doorgestreept"
                )
            text = (
                QCoreApplication.translate("Timeline", "bereikt")
                if attempt.bereikt
                else QCoreApplication.translate("Timeline", "niet bereikt")
            )
            if attempt.outcome == "wil_hulp":
                text += ", " + QCoreApplication.translate("Timeline", "wil hulp")
            elif attempt.outcome == "geen_hulp":
                text += ", " + QCoreApplication.translate("Timeline", "geen hulp nodig")
            if attempt.id in self._voided:
                text += " — " + QCoreApplication.translate("Timeline", "doorgestreept")
            return text
        if col == self.COL_NOTE:
            if attempt.is_void_entry:
                return QCoreApplication.translate("Timeline", "Reden: %1").replace(
                    "%1", attempt.void_reason
                )
            return attempt.note
        return ""
