"""Import signal files from the desk: drop files (or choose them), a progress bar, and the
per-row report (file, row, field, reason) in a table that can be saved as CSV.

Every file goes to the server's ``/v1/import`` (one transaction per file); a refused file is a
line of the report, the other files still go. Then the laptop pulls once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.files import write_private_atomic
from fieldapp.sync.desk_client import DeskClient
from fieldapp.sync.transport import SyncRefused
from ui.desk.commands import DeskCommands
from ui.desk.models.tables import ImportReportModel, ReportLine, report_lines
from ui.qt import (
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)

SUFFIXES = (".csv", ".xlsx", ".json", ".txt")


@dataclass(frozen=True, slots=True)
class FileResult:
    label: str  # "bestand 2 (.csv)": never the file name, which may name people
    accepted: int
    new_cases: int
    lines: list[ReportLine]


class ImportPanel(QFrame):
    """Accepts file drops; ``import_paths`` is the entry point for the dialog and tests."""

    _progress = Signal(int, int)  # (files done, total), emitted on the network thread

    def __init__(self, commands: DeskCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPanel")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.commands = commands
        self.report = ImportReportModel(self)
        self.hint = QLabel(self.tr("Sleep signaalbestanden (CSV, XLSX, DDAS-JSON) hierheen, of"))
        self.choose = QPushButton(self.tr("Bestanden kiezen…"))
        self.choose.clicked.connect(self.choose_files)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setVisible(False)
        self.table = QTableView()
        self.table.setModel(self.report)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(False)
        self.table.setMaximumHeight(160)
        self.export = QPushButton(self.tr("Rapport opslaan als CSV…"))
        self.export.clicked.connect(self.choose_export)
        self.export.setVisible(False)

        row = QHBoxLayout()
        row.addWidget(self.hint)
        row.addWidget(self.choose)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.export)
        self._progress.connect(self._on_progress)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # --- drop -----------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.choose.isEnabled() and _paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _paths(event.mimeData().urls())
        if paths and self.import_paths(paths):
            event.acceptProposedAction()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Signaalbestanden kiezen"),
            "",
            self.tr("Signaalbestanden (*.csv *.xlsx *.json *.txt)"),
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def set_writable(self, writable: bool) -> None:
        self.choose.setEnabled(writable)

    # --- import ---------------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> bool:
        files = [
            (p, f"{self.tr('bestand')} {n} ({p.suffix.lower()})") for n, p in enumerate(paths, 1)
        ]
        report = self._progress.emit
        refused_read = self.tr("Het bestand kon niet worden gelezen.")

        def work(client: DeskClient) -> list[FileResult]:
            results: list[FileResult] = []
            for done, (path, label) in enumerate(files):
                report(done, len(files))
                try:
                    data = path.read_bytes()
                except OSError:
                    results.append(
                        FileResult(label, 0, 0, [ReportLine(label, 0, "", refused_read)])
                    )
                    continue
                try:
                    reply = client.import_file(data, path.name)
                except SyncRefused as refused:  # the whole file refused: say why, go on
                    results.append(
                        FileResult(label, 0, 0, [ReportLine(label, 0, "", str(refused))])
                    )
                    continue
                results.append(
                    FileResult(
                        label, reply.accepted, reply.new_cases, report_lines(label, reply.report)
                    )
                )
            report(len(files), len(files))
            return results

        started = self.commands.run(
            self.tr("Signalen importeren"), work, on_ok=self._show, on_fail=self._failed
        )
        if started:
            self.progress.setRange(0, len(files))
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.summary.setText(self.tr("Bezig met importeren…"))
            self.summary.setVisible(True)
        return started

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _show(self, results: list[FileResult]) -> str:
        self.progress.setVisible(False)
        lines = [line for r in results for line in r.lines]
        self.report.set_rows(lines)
        self.table.setVisible(bool(lines))
        self.export.setVisible(bool(lines))
        accepted = sum(r.accepted for r in results)
        new = sum(r.new_cases for r in results)
        text = (
            self.tr("%1 signalen verwerkt, %2 nieuwe zaken, %3 rijen geweigerd.")
            .replace("%1", str(accepted))
            .replace("%2", str(new))
            .replace("%3", str(len(lines)))
        )
        self.summary.setText(text)
        self.summary.setVisible(True)
        return text

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.summary.setText(message)
        self.summary.setVisible(True)

    # --- export ---------------------------------------------------------------------------

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Importrapport opslaan"), "importrapport.csv", "CSV (*.csv)"
        )
        if name:
            self.save_report(Path(name))

    def save_report(self, path: Path) -> None:
        # utf-8-sig: Excel opens it with the right characters.
        write_private_atomic(path, self.report.to_csv().encode("utf-8-sig"))


def _paths(urls: Sequence[QUrl]) -> list[Path]:
    out: list[Path] = []
    for url in urls:
        local = url.toLocalFile()
        if local and Path(local).suffix.lower() in SUFFIXES:
            out.append(Path(local))
    return out
