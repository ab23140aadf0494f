"""Qt side of printing: PDF bytes held in memory, a QPdfDocument for the preview, pages to a
QPrinter.

The PDF (names and addresses) never touches the disk here: :class:`PdfInMemory` feeds the
bytes to QPdfDocument through a QBuffer. :meth:`PdfInMemory.clear` drops them; Python's
``bytes`` cannot be wiped, only released, so holders must not keep other references.

Printing rasterises each page with QPdfDocument.render() at the printer's resolution (capped
at :data:`MAX_RENDER_DPI`, which is plenty for text and keeps one A4 page near 35 MB) and paints
it full-page, so the address lands exactly where the PDF puts it for the window envelope.
:class:`PagePrinter` paints one page per event-loop turn, so the window stays responsive. A
printer set to a file (Qt's "Print to file") gets a private temp file renamed into place at
the end, never a world-readable or half-written one.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from fieldapp.files import fsync_dir, private_umask
from ui.qt import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QPageLayout,
    QPageSize,
    QPainter,
    QRectF,
    QSize,
    QSizeF,
    QTimer,
    Signal,
)
from ui.qt_extras import QPdfDocument, QPrinter

MAX_RENDER_DPI = 300
POINTS_PER_INCH = 72.0


class PdfUnreadable(Exception):
    """QtPdf could not open the bytes (should not happen for our own PDFs)."""


class PdfInMemory(QObject):
    """One PDF in memory: the QByteArray, the QBuffer reading it, and the QPdfDocument.

    Trap: QPdfDocument keeps reading from the device after ``load``; the buffer must live as
    long as the document shows these pages, which is why one object owns all three.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self._buffer is not None else 0

    @property
    def loaded(self) -> bool:
        return self._buffer is not None

    def load(self, data: bytes) -> int:
        """Show ``data``; returns the page count. Raises :class:`PdfUnreadable`."""
        self.clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if self.document.status() is not QPdfDocument.Status.Ready:
            error = self.document.error()
            self.clear()
            raise PdfUnreadable(str(error))
        return self.document.pageCount()

    def clear(self) -> None:
        """Close the document and release the bytes (nothing personal stays in the objects)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None


def page_layout_for(document: QPdfDocument) -> QPageLayout:
    """The paper of the PDF's first page (A4 or A6 recognised), portrait or landscape, no
    margins: the PDF carries its own margins and the window position."""
    points = document.pagePointSize(0)
    landscape = points.width() > points.height()
    portrait = QSizeF(min(points.width(), points.height()), max(points.width(), points.height()))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def prepare_printer(printer: QPrinter, document: QPdfDocument, name: str) -> None:
    """Paper size from the PDF and full-page mode; call before showing QPrintDialog."""
    printer.setPageLayout(page_layout_for(document))
    printer.setFullPage(True)  # after setPageLayout, which turns full-page mode off again
    printer.setDocName(name)


class PagePrinter(QObject):
    """Paints the pages of ``document`` onto ``printer``, one per event-loop turn.

    Signals: ``progress(done, total)`` after each page; ``finished(sent, pages)`` once, where
    ``sent`` is True only when Qt accepted the whole job (QPainter.end() succeeded).
    ``cancel()`` aborts the job (used when the dialog closes or the app locks).
    """

    progress = Signal(int, int)
    finished = Signal(bool, int)

    def __init__(self, document: QPdfDocument, printer: QPrinter, parent: QObject | None) -> None:
        super().__init__(parent)
        self.document = document
        self.printer = printer
        self.painter = QPainter()
        self.total = document.pageCount()
        self.next_page = 0
        self.running = False
        # "Print to file": Qt would create the file with the default umask (world-readable)
        # and fill it page by page. Paint into a private temp file beside it instead, and
        # rename it into place only once the whole job succeeded (atomic, 0600).
        name = printer.outputFileName()
        self.target: Path | None = Path(name) if name else None
        self._partial: Path | None = None
        if self.target is not None:
            self._partial = self.target.with_name(f".{self.target.name}.tmp-{secrets.token_hex(6)}")
            printer.setOutputFileName(str(self._partial))

    def start(self) -> None:
        with private_umask():  # the printer creates its output file in begin()
            began = self.total > 0 and self.painter.begin(self.printer)
        if not began:
            self._settle_file(sent=False)
            self.finished.emit(False, 0)
            return
        self.running = True
        QTimer.singleShot(0, self, self._step)

    def _settle_file(self, *, sent: bool) -> None:
        partial, target = self._partial, self.target
        if partial is None or target is None:
            return
        self._partial = None
        self.printer.setOutputFileName(str(target))
        if not sent:
            partial.unlink(missing_ok=True)
            return
        os.chmod(partial, 0o600)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_dir(target.parent)

    def _step(self) -> None:
        if not self.running:
            return
        page = self.next_page
        if page > 0 and not self.printer.newPage():
            self._finish(sent=False)
            return
        self._paint_page(page)
        self.next_page += 1
        self.progress.emit(self.next_page, self.total)
        if self.next_page >= self.total:
            self._finish(sent=True)
        else:
            QTimer.singleShot(0, self, self._step)

    def _paint_page(self, page: int) -> None:
        resolution = self.printer.resolution()
        paper = self.printer.pageLayout().fullRectPixels(resolution)
        points = self.document.pagePointSize(page)
        width = points.width() * resolution / POINTS_PER_INCH
        height = points.height() * resolution / POINTS_PER_INCH
        # A page larger than the paper is shrunk to fit; otherwise 1:1 from the corner.
        scale = min(1.0, paper.width() / width, paper.height() / height)
        dpi = min(resolution, MAX_RENDER_DPI)
        pixels = QSize(
            round(points.width() * dpi / POINTS_PER_INCH),
            round(points.height() * dpi / POINTS_PER_INCH),
        )
        image = self.document.render(page, pixels)
        self.painter.drawImage(QRectF(0, 0, width * scale, height * scale), image)

    def _finish(self, *, sent: bool) -> None:
        self.running = False
        ended = self.painter.end()
        try:
            self._settle_file(sent=sent and ended)
        except OSError:
            ended = False
        self.finished.emit(sent and ended, self.next_page)

    def cancel(self) -> None:
        """Abort a job under way (nothing more reaches the printer)."""
        if not self.running:
            return
        self.running = False
        self.printer.abort()
        self.painter.end()
        self._settle_file(sent=False)
        self.finished.emit(False, self.next_page)
