"""The Overzicht tab's tables: one figure's rates (with count and 95 % Wilson interval) and the
deadline lists ("binnen 7 dagen", "te laat").

``figure_rows`` turns a ``reporting.stats.Dashboard`` into flat rows for one figure; the chart
and the table beside it read the same rows, so what is drawn is what is listed. Tested without
widgets (qtmodeltester).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from fieldapp.reporting.report_reply import DeadlineEntry
from fieldapp.reporting.stats import Dashboard, Rate, wilson
from ui.display import deadline_text, short_date
from ui.models.row_table import RowTableModel
from ui.qt import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from ui.qt import QPersistentModelIndex as _PIndex

AnyIndex = QModelIndex | _PIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class Figure(StrEnum):
    CHANNEL = "kanaal"
    PARTNER = "signaalpartner"
    WIJK = "wijk"
    MONTH = "maand"
    ATTEMPTS = "pogingen"
    DEADLINE = "termijn"


def figure_title(figure: Figure) -> str:
    titles = {
        Figure.CHANNEL: QCoreApplication.translate(
            "Overview", "Bereikt per contactsoort, dagdeel en soort dag"
        ),
        Figure.PARTNER: QCoreApplication.translate("Overview", "Bereikt per signaalpartner"),
        Figure.WIJK: QCoreApplication.translate("Overview", "Bereikt per wijk"),
        Figure.MONTH: QCoreApplication.translate("Overview", "Bereik en acceptatie per maand"),
        Figure.ATTEMPTS: QCoreApplication.translate("Overview", "Pogingen per zaak"),
        Figure.DEADLINE: QCoreApplication.translate(
            "Overview", "Op tijd benaderd en inspanning overschreven"
        ),
    }
    return titles[figure]


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One rate of a figure. ``series`` groups rows drawn in one colour (reach vs acceptance)."""

    group: str
    rate: Rate
    series: str = ""


def _day_kind(kind: str) -> str:
    if kind == "werkdag":
        return QCoreApplication.translate("Overview", "werkdag")
    if kind == "zaterdag":
        return QCoreApplication.translate("Overview", "zaterdag")
    return kind


def _attempts_label(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("Overview", "1 poging")
    return QCoreApplication.translate("Overview", "%1 pogingen").replace("%1", str(n))


def figure_rows(d: Dashboard, figure: Figure) -> list[FigureRow]:
    if figure is Figure.CHANNEL:
        return [
            FigureRow(f"{soort} · {dagdeel} · {_day_kind(kind)}", r)
            for (soort, dagdeel, kind), r in sorted(d.by_channel.items())
        ]
    if figure is Figure.PARTNER:
        return [FigureRow(k, r) for k, r in sorted(d.by_partner.items())]
    if figure is Figure.WIJK:
        return [FigureRow(k, r) for k, r in sorted(d.by_wijk.items())]
    if figure is Figure.MONTH:
        reach = QCoreApplication.translate("Overview", "bereik")
        accepted = QCoreApplication.translate("Overview", "acceptatie")
        rows: list[FigureRow] = []
        for m in d.per_month:
            rows.append(FigureRow(f"{m.month} {reach}", m.reach, reach))
            rows.append(FigureRow(f"{m.month} {accepted}", m.acceptance, accepted))
        return rows
    if figure is Figure.ATTEMPTS:
        # Share of the period's cases with exactly n attempts (the same count the server sent).
        return [
            FigureRow(_attempts_label(n), wilson(count, d.cases))
            for n, count in sorted(d.attempts_per_case.items())
        ]
    return [
        FigureRow(QCoreApplication.translate("Overview", "Op tijd benaderd"), d.on_time),
        FigureRow(
            QCoreApplication.translate("Overview", "Inspanning overschreven (van 'geen contact')"),
            d.overrides,
        ),
    ]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def interval_text(rate: Rate) -> str:
    return f"{rate.low * 100:.0f}–{rate.high * 100:.0f} %"


def rate_text(rate: Rate) -> str:
    """``38 % (3 van 8; 95 %-interval 14–69 %)``: a share is never shown without its count."""
    if rate.rate is None:
        return QCoreApplication.translate("Overview", "— (nog geen gegevens)")
    return (
        QCoreApplication.translate("Overview", "%1 (%2 van %3; 95 %-interval %4)")
        .replace("%1", percent(rate.rate))
        .replace("%2", str(rate.hits))
        .replace("%3", str(rate.total))
        .replace("%4", interval_text(rate))
    )


class RateTableModel(RowTableModel[FigureRow]):
    COL_GROUP, COL_SHARE, COL_COUNT, COL_INTERVAL = range(4)
    CONTEXT = "Overview"
    TITLES = (
        QT_TRANSLATE_NOOP("Overview", "Groep"),
        QT_TRANSLATE_NOOP("Overview", "Aandeel"),
        QT_TRANSLATE_NOOP("Overview", "Aantal"),
        QT_TRANSLATE_NOOP("Overview", "95 %-interval"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        rate = row.rate
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return (row.group, rate.rate or 0.0, rate.total, rate.low)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_GROUP:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.group,
                percent(rate.rate),
                f"{rate.hits} / {rate.total}",
                interval_text(rate),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and rate.total < 10:
            return QCoreApplication.translate(
                "Overview", "Weinig gegevens: het echte aandeel kan overal in het interval liggen."
            )
        return None


class DeadlineTableModel(QAbstractTableModel):
    """Open cases without a first contact, by deadline (ids only; the case opens on
    double-click in the desk)."""

    COL_CASE, COL_DEADLINE, COL_DAYS, COL_WORKER, COL_WIJK = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeadlineEntry] = []
        self._workers: dict[str, str] = {}

    def set_rows(
        self, rows: Sequence[DeadlineEntry], workers: dict[str, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._workers = dict(workers or {})
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> DeadlineEntry:
        return self._rows[row]

    @property
    def rows(self) -> list[DeadlineEntry]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 5:
            return None
        return (
            QCoreApplication.translate("Overview", "Zaak"),
            QCoreApplication.translate("Overview", "Termijn"),
            QCoreApplication.translate("Overview", "Dagen"),
            QCoreApplication.translate("Overview", "Medewerker"),
            QCoreApplication.translate("Overview", "Wijk"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return (
                row.case_id,
                row.deadline.toordinal(),
                row.days_left,
                row.worker_id or "",
                row.wijk,
            )[col]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.COL_DAYS:
            # The server's day count, in the same words as everywhere ("vandaag", "2 dagen te
            # laat"): the day the server counted from is deadline - days_left.
            return deadline_text(row.deadline, row.deadline - timedelta(days=row.days_left))
        worker = self._workers.get(row.worker_id or "", row.worker_id or "—")
        return (row.case_id[:8], short_date(row.deadline), "", worker, row.wijk or "—")[col]
