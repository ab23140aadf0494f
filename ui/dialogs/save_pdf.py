"""Saving a PDF with personal data: a warning first, then where, then an atomic 0600 write.

Both questions are opened non-blocking (``open()``), so an auto-lock can close them; the flow
holds the bytes only until it finishes or :meth:`SavePdfFlow.cancel` drops them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fieldapp.errors import FieldAppError
from fieldapp.services.printing import write_pdf
from ui.messages import user_message
from ui.qt import (
    QAbstractButton,
    QFileDialog,
    QMessageBox,
    QObject,
    QStandardPaths,
    QWidget,
    Signal,
    is_alive,
)


class SavePdfFlow(QObject):
    """``saved(file name)`` after writing; ``failed(Dutch message)`` when writing failed."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, data: bytes, suggested_name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._data: bytes | None = data
        self._window = parent
        self.suggested_name = suggested_name
        self.box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None

    def start(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Persoonsgegevens"),
            self.tr(
                "Dit PDF-bestand bevat namen en adressen. Bewaar het alleen op deze computer "
                "of een versleutelde schijf, niet in een gedeelde map of in de cloud, en "
                "verwijder het als het geprint is."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Begrepen, opslaan…"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        box.buttonClicked.connect(self._answered)
        self.box = box
        box.open()

    def _answered(self, button: QAbstractButton) -> None:
        box = self.box
        if box is None or box.standardButton(button) != QMessageBox.StandardButton.Ok:
            self._data = None
            return
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
