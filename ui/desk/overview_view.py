"""Overzicht: the team's own figures (reach by month, by channel and daypart, deadlines),
computed on the lead's laptop from the synced attempts (``services.reporting.dashboard``), so
it works offline too. Every rate shows its count and 95 % Wilson interval: small numbers are
not over-read. CSV export through ``reporting.charts.dashboard_csv``.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from fieldapp.files import write_private_atomic
from fieldapp.reporting.charts import dashboard_csv
from fieldapp.reporting.stats import Dashboard, Rate
from fieldapp.services.reporting import dashboard
from ui.backend import Backend
from ui.qt import (
    QAbstractItemView,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPainter,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QValueAxis,
    QVBoxLayout,
    QWidget,
)

TOP_CHANNELS = 8


def percent(rate: Rate) -> str:
    if rate.rate is None:
        return "—"
    share, low, high = rate.rate * 100, rate.low * 100, rate.high * 100
    return f"{share:.0f} % ({rate.hits}/{rate.total}; {low:.0f}-{high:.0f} %)"


class OverviewView(QWidget):
    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.today = date.today()
        self.figures: Dashboard | None = None
        start = (self.today.replace(day=1) - timedelta(days=62)).replace(day=1)
        self.van = QDateEdit(QDate(start.year, start.month, start.day))
        self.tot = QDateEdit(QDate(self.today.year, self.today.month, self.today.day))
        for edit in (self.van, self.tot):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _d: self.reload())
        self.export = QPushButton(self.tr("CSV opslaan…"))
        self.export.clicked.connect(self.choose_export)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.month_chart = QChartView()
        self.channel_chart = QChartView()
        for view in (self.month_chart, self.channel_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(240)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Onderdeel"), self.tr("Groep"), self.tr("Bereikt (aantal; 95 %-interval)")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zaken binnengekomen van")))
        bar.addWidget(self.van)
        bar.addWidget(QLabel(self.tr("tot en met")))
        bar.addWidget(self.tot)
        bar.addStretch(1)
        bar.addWidget(self.export)
        charts = QHBoxLayout()
        charts.addWidget(self.month_chart, 1)
        charts.addWidget(self.channel_chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addLayout(charts, 2)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        if not self.backend.is_unlocked:
            return
        start, end, today = _day(self.van), _day(self.tot), self.today
        if end < start:
            self.summary.setText(self.tr("De einddatum ligt voor de begindatum."))
            return

        def fetch(session: Session) -> Dashboard:
            return dashboard(session, start=start, end=end, today=today)

        self.backend.runner.query(fetch, parent=self).success(self._show).run()

    def clear(self) -> None:
        self.figures = None
        self.table.setRowCount(0)
        self.summary.clear()

    def _show(self, figures: Dashboard) -> None:
        self.figures = figures
        self.summary.setText(
            self.tr(
                "%1 zaken, %2 contactpogingen. Op tijd benaderd: %3. Inspanning overschreven: %4."
            )
            .replace("%1", str(figures.cases))
            .replace("%2", str(figures.attempts))
            .replace("%3", percent(figures.on_time))
            .replace("%4", percent(figures.overrides))
        )
        months = [(m.month, m.reach) for m in figures.per_month]
        self.month_chart.setChart(_bars(self.tr("Bereik per maand (%)"), months))
        channels = sorted(figures.by_channel.items(), key=lambda kv: -kv[1].total)[:TOP_CHANNELS]
        self.channel_chart.setChart(
            _bars(
                self.tr("Bereikt per soort en dagdeel (%)"),
                [(f"{s[:6]} {d[:2]} {k[:2]}", r) for (s, d, k), r in channels],
            )
        )
        rows: list[tuple[str, str, Rate]] = []
        rows += [
            (self.tr("Kanaal"), " / ".join(k), r) for k, r in sorted(figures.by_channel.items())
        ]
        rows += [(self.tr("Signaalpartner"), k, r) for k, r in sorted(figures.by_partner.items())]
        rows += [(self.tr("Wijk"), k, r) for k, r in sorted(figures.by_wijk.items())]
        self.table.setRowCount(len(rows))
        for n, (part, group, rate) in enumerate(rows):
            for col, text in enumerate((part, group, percent(rate))):
                self.table.setItem(n, col, QTableWidgetItem(text))

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Overzicht opslaan"), "overzicht.csv", "CSV (*.csv)"
        )
        if name:
            self.save_csv(Path(name))

    def save_csv(self, path: Path) -> bool:
        if self.figures is None:
            return False
        write_private_atomic(path, dashboard_csv(self.figures))
        return True


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _bars(title: str, items: list[tuple[str, Rate]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(False)
    bars = QBarSet(title)
    labels: list[str] = []
    for label, rate in items:
        bars.append(0.0 if rate.rate is None else round(rate.rate * 100, 1))
        labels.append(f"{label}\n(n={rate.total})")
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(labels)
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart
