"""Saving a PDF: a warning first when it holds names or addresses, then where, then an
atomic 0600 write.

The warning comes only for personal files (letters): warning for cards or blank stock, which
name no resident, would teach people to click it away. (Qt's own "Print to file" gets the same
warning in the print dialog, and ``ui.printing.PagePrinter`` writes that file 0600 and
atomically.)

Both questions are opened non-blocking (``open()``), so an auto-lock can close them; the flow
holds the bytes only until it finishes or :meth:`SavePdfFlow.cancel` drops them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fieldapp.errors import FieldAppError
from fieldapp.services.print_pdf import write_pdf
from ui.messages import user_message
from ui.qt import (
    QAbstractButton,
    QCoreApplication,
    QFileDialog,
    QMessageBox,
    QObject,
    QStandardPaths,
    QWidget,
    Signal,
    is_alive,
)


def personal_data_warning(parent: QWidget) -> QMessageBox:
    """The warning before a file with names and addresses is written (not yet opened)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SavePdfFlow", "Persoonsgegevens"),
        QCoreApplication.translate(
            "SavePdfFlow",
            "Dit PDF-bestand bevat namen en adressen. Bewaar het alleen op deze computer "
            "of een versleutelde schijf, niet in een gedeelde map of in de cloud, en "
            "verwijder het als het geprint is.",
        ),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        parent,
    )
    ok = box.button(QMessageBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("SavePdfFlow", "Begrepen, opslaan…"))
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("SavePdfFlow", "Annuleren"))
    return box


class SavePdfFlow(QObject):
    """``saved(file name)`` after writing; ``failed(Dutch message)`` when writing failed."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        data: bytes,
        suggested_name: str,
        parent: QWidget,
        *,
        personal: bool = True,
    ) -> None:
        super().__init__(parent)
        self._data: bytes | None = data
        self._window = parent
        self.suggested_name = suggested_name
        self.personal = personal
        self.box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None

    def start(self) -> None:
        if not self.personal:
            self._ask_where()
            return
        box = personal_data_warning(self._window)
        box.buttonClicked.connect(self._answered)
        self.box = box
        box.open()

    def _answered(self, button: QAbstractButton) -> None:
        box = self.box
        if box is None or box.standardButton(button) != QMessageBox.StandardButton.Ok:
            self._data = None
            return
        self._ask_where()

    def _ask_where(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(
            self._window, self.tr("PDF opslaan"), str(Path(folder) / self.suggested_name)
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF-bestanden (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_to(Path(path)))
        dialog.rejected.connect(self.cancel)
        self.file_dialog = dialog
        dialog.open()

    def save_to(self, path: Path) -> bool:
        """Write to ``path`` (``.pdf`` added when missing), atomic and readable by the user only."""
        data, self._data = self._data, None
        if data is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf(path, data)
        except OSError:
            self.failed.emit(self.tr("Opslaan is mislukt. Kies een andere map."))
            return False
        except FieldAppError as error:  # PrintRefused: Dutch, names no person
            self.failed.emit(user_message(error))
            return False
        self.saved.emit(path.name)
        return True

    def cancel(self) -> None:
        """Close any open question and drop the bytes."""
        self._data = None
        for dialog in (self.box, self.file_dialog):
            if dialog is not None and is_alive(dialog) and dialog.isVisible():
                with contextlib.suppress(RuntimeError):
                    dialog.reject()
