"""Print cards and letters: options on the left, a live preview (QtPdf) on the right.

Flow: options change -> (DB thread) load the jobs -> (worker) render PDF bytes -> preview from
memory (QBuffer, no temp file). "Afdrukken…" opens QPrintDialog and paints the pages;
only once the job was handed to the printer are the 'Brief' attempts logged (a DbOp), and the
status line says so after the commit. "Opslaan als PDF…" warns about personal data first and
writes 0600 atomically.

Closing the dialog (or the app locking) drops the PDF: the document is closed, the buffer
emptied, late render results are ignored, and a print job under way is aborted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.letters import LetterKind
from fieldapp.letters.geometry import CardLayout
from fieldapp.services.changes import Changes
from fieldapp.services.print_jobs import ShiftInfo, log_letters_sent, shifts_on
from ui.backend import Backend
from ui.dialogs.print_options import NOT_LETTERS, PrintOptions
from ui.dialogs.save_pdf import SavePdfFlow, personal_data_warning
from ui.messages import user_message
from ui.print_request import BuiltPdf, Loaded, Output, PrintChoice, PrintSource, load_for, render
from ui.printing import PagePrinter, PdfInMemory, PdfUnreadable, prepare_printer
from ui.qt import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    is_alive,
)
from ui.qt_extras import QPdfView, QPrintDialog, QPrinter
from ui.resources import icon

REBUILD_DELAY_MS = 250


class PrintDialog(QDialog):
    def __init__(self, backend: Backend, source: PrintSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("PrintDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Kaartjes en brieven printen"))
        self.backend = backend
        self.source = source
        self.clock: Callable[[], datetime] = lambda: datetime.now(AMSTERDAM)
        self.pdf = PdfInMemory(self)
        self.built: BuiltPdf | None = None
        self.building = False
        self.closed = False
        self._generation = 0
        self.page_printer: PagePrinter | None = None
        self.print_dialog: QPrintDialog | None = None
        self.file_warning: QMessageBox | None = None
        self.saving: SavePdfFlow | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(REBUILD_DELAY_MS)
        self._debounce.timeout.connect(self.rebuild)
        self._build()
        backend.hub.locked.connect(self.reject)

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.options = PrintOptions(self.source)
        self.options.changed.connect(self._debounce.start)
        self.status = QLabel()
        self.status.setObjectName("SaveStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        left = QVBoxLayout()
        left.addWidget(self.options)
        left.addStretch(1)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        panel = QFrame()
        panel.setObjectName("Panel")
        panel.setLayout(left)
        panel.setFixedWidth(400)  # steady while option rows appear and disappear

        self.pages = QLabel()
        self.pages.setObjectName("SectionTitle")
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)  # a whole sheet at a glance
        self.view.setPageSpacing(12)
        self.view.setAccessibleName(self.tr("Afdrukvoorbeeld"))
        right = QVBoxLayout()
        right.addWidget(self.pages)
        right.addWidget(self.view, 1)

        self.save_button = QPushButton(self.tr("Opslaan als PDF…"))
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(icon("brief"), self.tr("Afdrukken…"))
        self.print_button.setObjectName("PrimaryButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pdf)
        self.close_button = QPushButton(self.tr("Sluiten"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        columns = QHBoxLayout()
        columns.addWidget(panel)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addLayout(buttons)
        self.resize(1100, 760)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.built is not None and not self.building and self.page_printer is None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # --- start: which shifts and cases ---------------------------------------------------------

    def start(self) -> None:
        """Fill "Voor" (the day's shifts, the selection) and build the first preview."""
        if not self.source.use_shifts:
            self._fill_targets([])
            return
        day = self.source.day
        identity = self.backend.identity
        worker_id = identity.worker_id if identity else None

        def fetch(session: Session) -> list[ShiftInfo]:
            return shifts_on(session, day=day, worker_id=worker_id)

        self.backend.runner.query(fetch, parent=self).success(self._fill_targets).failure(
            self._show_error
        ).run()

    def _fill_targets(self, shifts: list[ShiftInfo]) -> None:
        if self.closed:
            return
        self.options.set_shifts(shifts)
        self.rebuild()

    # --- building the PDF ----------------------------------------------------------------------

    def current_choice(self) -> PrintChoice:
        return self.options.choice()

    def rebuild(self) -> None:
        """Make the PDF for the current options: load on the DB thread, render in a worker."""
        self._debounce.stop()
        if self.closed:
            return
        choice = self.current_choice()
        self._generation += 1
        generation = self._generation
        if choice.needs_cases and choice.shift_id is None and not choice.case_ids:
            self._show_pdf(generation, None)
            self.status.setText(self.tr("Er staat vandaag niets gepland om voor te printen."))
            return
        self.building = True
        self.status.setText(self.tr("Voorbeeld maken…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update_buttons()
        db_path, today = self.backend.db_path, self.source.day
        runner = self.backend.runner

        def failed(error: BaseException) -> None:
            if generation == self._generation and not self.closed:
                self._show_pdf(generation, None)
                self.status.setText(user_message(error))

        def rendered(built: BuiltPdf) -> None:
            self._show_pdf(generation, built)

        def loaded(result: Loaded) -> None:
            if generation != self._generation or self.closed:
                return
            runner.net_job(lambda: render(choice, result, today), parent=self).success(
                rendered
            ).failure(failed).run()

        runner.query(lambda s: load_for(s, choice, db_path, today), parent=self).success(
            loaded
        ).failure(failed).run()

    def _show_pdf(self, generation: int, built: BuiltPdf | None) -> None:
        if generation != self._generation or self.closed:
            return  # an older build, or the dialog closed meanwhile: drop the bytes
        self.building = False
        self.progress.hide()
        self.built = None
        self.pdf.clear()
        self.pages.clear()
        if built is not None:
            try:
                pages = self.pdf.load(built.data)
            except PdfUnreadable:
                self.status.setText(user_message(RuntimeError()))
            else:
                self.built = built
                self.pages.setText(self._pages_text(pages, built))
                self.status.clear()
        self._update_buttons()

    def _pages_text(self, pages: int, built: BuiltPdf) -> str:
        text = self.tr("1 pagina") if pages == 1 else self.tr("%1 pagina's")
        text = text.replace("%1", str(pages))
        n = built.items
        if built.output in (Output.CARDS.value, Output.BLANK_CARDS.value):
            items = self.tr("1 kaartje") if n == 1 else self.tr("%1 kaartjes")
        elif built.output != Output.CALIBRATION.value:
            items = self.tr("1 brief") if n == 1 else self.tr("%1 brieven")
        else:
            return text
        return text + " · " + items.replace("%1", str(n))

    def _show_error(self, error: BaseException) -> None:
        if not self.closed:
            self.status.setText(user_message(error))

    # --- printing ------------------------------------------------------------------------------

    def print_pdf(self) -> None:
        """Ask for a printer (QPrintDialog, non-blocking), then send the pages."""
        if self.built is None or self.building:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.pdf.document, self.tr("Veldwerk"))
        if self.built.layout is CardLayout.A4_4UP:
            # Backs are mirrored for long-edge duplex; offer that as the default.
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.printer_chosen(printer))
        self.print_dialog = dialog
        QDialog.open(dialog)  # non-blocking; QPrintDialog's own open() wants a receiver

    def printer_chosen(self, printer: QPrinter) -> None:
        """After QPrintDialog: "Print to file" with names or addresses asks first, as
        "Opslaan als PDF" does (the file itself is written 0600 and atomically)."""
        built = self.built
        if built is None or self.closed:
            return
        if not printer.outputFileName() or not built.personal:
            self.send_to_printer(printer)
            return
        box = personal_data_warning(self)
        box.accepted.connect(lambda: self.send_to_printer(printer))
        box.rejected.connect(
            lambda: self.status.setText(self.tr("Niet afgedrukt; er is niets opgeslagen."))
        )
        self.file_warning = box
        box.open()

    def send_to_printer(self, printer: QPrinter) -> None:
        """Paint the previewed pages on ``printer``; log 'Brief' attempts once sent."""
        built = self.built
        if built is None or self.closed or self.page_printer is not None:
            return
        job = PagePrinter(self.pdf.document, printer, self)
        self.page_printer = job
        self.progress.setRange(0, job.total)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Naar de printer sturen…"))
        job.progress.connect(self.progress.setValue)
        job.finished.connect(lambda sent, pages: self._printed(built, sent, pages))
        self._update_buttons()
        job.start()

    def _printed(self, built: BuiltPdf, sent: bool, pages: int) -> None:
        self.page_printer = None
        if self.closed:
            return
        self.progress.hide()
        self._update_buttons()
        if not sent:
            self.status.setText(
                self.tr("Afdrukken is afgebroken of mislukt. Er is niets vastgelegd.")
            )
            return
        sent_text = self.tr("✓ Naar de printer gestuurd (%1 blz.).").replace("%1", str(pages))
        kind = LetterKind(built.output) if built.output not in NOT_LETTERS else None
        if kind is None or not self.options.log_brief.isChecked() or not built.case_ids:
            self.status.setText(sent_text)
            return
        self.status.setText(sent_text + " " + self.tr("Contactpogingen vastleggen…"))
        self.log_letters(built, kind, sent_text)

    def log_letters(self, built: BuiltPdf, kind: LetterKind, prefix: str = "") -> None:
        now = self.clock()
        identity = self.backend.identity
        worker_id = identity.worker_id if identity else None
        device_id = identity.device_id if identity else None
        case_ids = built.case_ids

        def write(session: Session) -> Changes:
            return log_letters_sent(session, case_ids, kind, now, worker_id, device_id)

        def done(changes: Changes) -> None:
            new = len(changes.case_ids)
            if new:
                text = (
                    self.tr("✓ Contactpoging 'Brief' vastgelegd.")
                    if new == 1
                    else self.tr("✓ %1 contactpogingen 'Brief' vastgelegd.").replace("%1", str(new))
                )
            else:
                text = self.tr("De contactpogingen 'Brief' stonden in dit dagdeel al vast.")
            self.status.setText(f"{prefix} {text}".strip())

        def failed(error: BaseException) -> None:
            self.status.setText(f"{prefix} {user_message(error)}".strip())

        self.backend.runner.db_op(write, parent=self).success(done).failure(failed).run(
            initiator=self
        )

    # --- saving --------------------------------------------------------------------------------

    def save_pdf(self) -> SavePdfFlow | None:
        """Warn when the PDF holds names or addresses, ask where, write 0600 atomically (see
        SavePdfFlow)."""
        if self.built is None:
            return None
        if self.saving is not None and is_alive(self.saving):
            self.saving.cancel()
        name = f"veldwerk-{self.built.output}-{self.source.day.isoformat()}.pdf"
        flow = SavePdfFlow(self.built.data, name, self, personal=self.built.personal)
        flow.saved.connect(
            lambda file_name: self.status.setText(
                self.tr("✓ Opgeslagen als %1. Verwijder het bestand na het printen.").replace(
                    "%1", file_name
                )
            )
        )
        flow.failed.connect(self.status.setText)
        self.saving = flow
        flow.start()
        return flow

    # --- closing -------------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Closing (or auto-lock) drops the PDF and stops anything still running."""
        self.closed = True
        self._generation += 1  # late results of a build under way are dropped
        self._debounce.stop()
        if self.page_printer is not None:
            self.page_printer.cancel()
            self.page_printer = None
        for question in (self.print_dialog, self.file_warning):
            if question is not None and is_alive(question) and question.isVisible():
                question.reject()
        if self.saving is not None and is_alive(self.saving):
            self.saving.cancel()
        self.built = None
        self.pdf.clear()
        self.pages.clear()
        super().done(result)
