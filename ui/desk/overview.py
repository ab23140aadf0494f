"""Overzicht: the team's figures from the server's report (``GET /v1/report``).

Every rate shows its count and 95 % Wilson interval (whiskers in the chart, a range in the
table beside it), so small numbers are not over-read. The report is fetched on the network
thread (a busy bar shows meanwhile; the window never freezes), kept in the encrypted store,
and shown offline with the moment it was fetched; with none kept the tab says it is not
available without a connection. Export: the chart as PNG (``QChartView.grab``) and the figures
as CSV (``reporting.charts.dashboard_csv``).

Trap: the work given to ``DeskCommands.query`` runs on the network thread; it captures the
period first and touches no widget.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from fieldapp.domain.listing import WorkerInfo
from fieldapp.files import write_private_atomic
from fieldapp.reporting.charts import dashboard_csv
from fieldapp.reporting.report_reply import TeamReport, parse_report
from fieldapp.services import queries
from fieldapp.services.report_cache import load_last_report, save_last_report
from ui.backend import Backend
from ui.desk.commands import DeskCommands
from ui.desk.models.report import (
    ROW_ROLE,
    DeadlineTableModel,
    Figure,
    RateTableModel,
    figure_rows,
    figure_title,
    rate_text,
)
from ui.desk.overview_chart import rate_chart
from ui.display import local_time, short_date
from ui.qt import (
    QAbstractItemView,
    QBuffer,
    QByteArray,
    QComboBox,
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QIODevice,
    QLabel,
    QModelIndex,
    QPainter,
    QProgressBar,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.qt_extras import QChartView


def day_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class OverviewTab(QWidget):
    open_case = Signal(str)
    loaded = Signal()  # a report (fresh or kept) or a failure is on screen

    def __init__(
        self, backend: Backend, commands: DeskCommands, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.commands = commands
        self.report: TeamReport | None = None
        self.fresh = False  # the report on screen came from the server just now
        self.loading = False
        today = date.today()
        start = (today.replace(day=1) - timedelta(days=62)).replace(day=1)
        self.van = QDateEdit(QDate(start.year, start.month, start.day))
        self.tot = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.van, self.tot):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d-M-yyyy")
        self.refresh = QPushButton(self.tr("Vernieuwen"))
        self.refresh.clicked.connect(self.reload)
        self.png = QPushButton(self.tr("PNG opslaan…"))
        self.png.clicked.connect(self.choose_png)
        self.csv = QPushButton(self.tr("CSV opslaan…"))
        self.csv.clicked.connect(self.choose_csv)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the server computes the whole team's figures
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setObjectName("OverviewSource")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.figure = QComboBox()
        for fig in Figure:
            self.figure.addItem(figure_title(fig), fig.value)
        self.figure.currentIndexChanged.connect(lambda _i: self._show_figure())
        self.chart = QChartView()
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumHeight(260)
        self.rates = RateTableModel(self)
        self.rate_table = _table(self.rates)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.rate_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 400])  # the chart gets the larger share at every width
        figures_page = QWidget()
        fig_layout = QVBoxLayout(figures_page)
        fig_layout.setContentsMargins(0, 4, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Figuur")))
        pick.addWidget(self.figure, 1)
        fig_layout.addLayout(pick)
        fig_layout.addWidget(splitter, 1)

        self.soon = DeadlineTableModel(self)
        self.late = DeadlineTableModel(self)
        self.soon_table, self.late_table = _table(self.soon), _table(self.late)
        for view in (self.soon_table, self.late_table):
            view.doubleClicked.connect(self._open_deadline_case)
        self.on_time = QLabel()
        self.on_time.setWordWrap(True)
        self.soon_label, self.late_label = QLabel(), QLabel()
        deadlines_page = QWidget()
        dl = QVBoxLayout(deadlines_page)
        dl.setContentsMargins(0, 4, 0, 0)
        dl.addWidget(self.on_time)
        lists = QHBoxLayout()
        for label, view in ((self.soon_label, self.soon_table), (self.late_label, self.late_table)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(view, 1)
            lists.addLayout(column, 1)
        dl.addLayout(lists, 1)
        self.pages = QTabWidget()
        self.pages.addTab(figures_page, self.tr("Cijfers"))
        self.pages.addTab(deadlines_page, self.tr("Termijnen"))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zaken binnengekomen van")))
        bar.addWidget(self.van)
        bar.addWidget(QLabel(self.tr("tot en met")))
        bar.addWidget(self.tot)
        bar.addWidget(self.refresh)
        bar.addWidget(self.progress)
        bar.addStretch(1)
        bar.addWidget(self.png)
        bar.addWidget(self.csv)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.source)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)
        self._workers: dict[str, str] = {}
        self._set_exports()

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Ask the server for the selected period; offline, show the kept report."""
        if not self.backend.is_unlocked or self.loading:
            return
        van, tot = day_of(self.van), day_of(self.tot)
        if tot < van:
            self.source.setText(self.tr("De periode klopt niet: 'tot en met' ligt vóór 'van'."))
            return
        self.loading = True
        self.progress.setVisible(True)
        self.refresh.setEnabled(False)
        self.source.setText(self.tr("Cijfers ophalen bij de server…"))
        self.backend.runner.query(queries.list_workers, parent=self).success(
            self._have_workers
        ).run()
        self.commands.query(
            lambda client: client.report(van, tot), on_ok=self._got_reply, on_fail=self._failed
        )

    def _have_workers(self, workers: list[WorkerInfo]) -> None:
        self._workers = {w.id: w.display_name for w in workers}

    def _got_reply(self, raw: dict[str, Any]) -> None:
        fetched = datetime.now(UTC)
        try:
            report = parse_report(raw, fetched_at=fetched)
        except (KeyError, ValueError, TypeError):
            self._failed(self.tr("De server stuurde geen leesbaar overzicht."))
            return

        def keep(session: Session) -> Any:
            return save_last_report(session, raw, fetched)

        self.backend.runner.db_op(keep, parent=self).run(initiator=self)
        self._done(report, fresh=True, note="")

    def _failed(self, message: str) -> None:
        def kept(session: Session) -> TeamReport | None:
            return load_last_report(session)

        def show(report: TeamReport | None) -> None:
            if report is None:
                self._done(None, fresh=False, note=message)
            else:
                self._done(report, fresh=False, note=message)

        if not self.backend.is_unlocked:
            self._done(None, fresh=False, note=message)
            return
        self.backend.runner.query(kept, parent=self).success(show).run()

    def _done(self, report: TeamReport | None, *, fresh: bool, note: str) -> None:
        self.loading = False
        self.progress.setVisible(False)
        self.refresh.setEnabled(True)
        self.report, self.fresh = report, fresh
        if report is None:
            self.source.setText(
                self.tr("Het overzicht is niet beschikbaar zonder verbinding met de server.")
                + (f" {note}" if note else "")
            )
            self.clear_figures()
        else:
            self.source.setText(self._source_text(report, fresh))
            self._show(report)
        self._set_exports()
        self.loaded.emit()

    def _source_text(self, report: TeamReport, fresh: bool) -> str:
        period = (
            self.tr("zaken binnengekomen van %1 tot en met %2")
            .replace("%1", short_date(report.van))
            .replace("%2", short_date(report.tot))
        )
        if fresh:
            text = self.tr("Cijfers van de server (%1), opgehaald %2.")
        else:
            text = self.tr(
                "Offline — dit zijn de laatst opgehaalde cijfers (%1), van %2. "
                "Vernieuw als de server bereikbaar is."
            )
        text = text.replace("%1", period).replace("%2", local_time(report.fetched_at))
        if report.retention_warning is not None:
            text += " " + self.tr(
                "Let op: persoonsgegevens van een nog niet geleverde DDAS-periode worden op %1 "
                "verwijderd."
            ).replace("%1", short_date(report.retention_warning))
        return text

    # --- showing -----------------------------------------------------------------------------

    def _show(self, report: TeamReport) -> None:
        d = report.dashboard
        mean = "—" if d.mean_attempts is None else f"{d.mean_attempts:.1f}".replace(".", ",")
        self.summary.setText(
            self.tr(
                "%1 zaken, %2 contactpogingen (gemiddeld %3 per zaak). Op tijd benaderd: %4. "
                "Inspanning overschreven: %5."
            )
            .replace("%1", str(d.cases))
            .replace("%2", str(d.attempts))
            .replace("%3", mean)
            .replace("%4", rate_text(d.on_time))
            .replace("%5", rate_text(d.overrides))
        )
        self.on_time.setText(
            self.tr("Op tijd benaderd (eerste poging uiterlijk op de termijn): %1.").replace(
                "%1", rate_text(d.on_time)
            )
        )
        self.soon.set_rows(report.within_week, self._workers)
        self.late.set_rows(report.overdue, self._workers)
        self.soon_label.setText(
            self.tr("Binnen 7 dagen (%1)").replace("%1", str(len(report.within_week)))
        )
        self.late_label.setText(self.tr("Te laat (%1)").replace("%1", str(len(report.overdue))))
        self._show_figure()

    def current_figure(self) -> Figure:
        return Figure(self.figure.currentData())

    def _show_figure(self) -> None:
        if self.report is None:
            return
        figure = self.current_figure()
        rows = figure_rows(self.report.dashboard, figure)
        self.rates.set_rows(rows)
        self.chart.setChart(
            rate_chart(
                figure_title(figure), rows, empty_text=self.tr("Geen gegevens in deze periode.")
            )
        )

    def clear_figures(self) -> None:
        self.rates.clear()
        self.soon.clear()
        self.late.clear()
        self.summary.clear()
        self.on_time.clear()
        self.soon_label.clear()
        self.late_label.clear()
        self.chart.setChart(rate_chart("", [], empty_text=""))

    def clear(self) -> None:
        """Locked: forget what is on screen (it is the team's data)."""
        self.report = None
        self.clear_figures()
        self.source.clear()
        self._set_exports()

    def set_writable(self, _writable: bool) -> None:
        """Read-only tab: offline it shows the kept report instead."""

    def _set_exports(self) -> None:
        self.png.setEnabled(self.report is not None)
        self.csv.setEnabled(self.report is not None)

    def _open_deadline_case(self, index: QModelIndex) -> None:
        entry = index.data(ROW_ROLE)
        if entry is not None:
            self.open_case.emit(entry.case_id)

    # --- export ------------------------------------------------------------------------------

    def choose_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Grafiek opslaan"), "overzicht.png", "PNG (*.png)"
        )
        if name:
            self.save_png(Path(name))

    def choose_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Cijfers opslaan"), "overzicht.csv", "CSV (*.csv)"
        )
        if name:
            self.save_csv(Path(name))

    def save_png(self, path: Path) -> bool:
        if self.report is None:
            return False
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        ok = self.chart.grab().save(buffer, "PNG")
        buffer.close()
        if ok:
            write_private_atomic(path, bytes(data.data()))
        return bool(ok)

    def save_csv(self, path: Path) -> bool:
        if self.report is None:
            return False
        write_private_atomic(path, dashboard_csv(self.report.dashboard))
        return True
