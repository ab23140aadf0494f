"""Strike out a wrong attempt: append-only, with a reason (never an edit or a delete)."""

from __future__ import annotations

import uuid

from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)


class VoidAttemptDialog(QDialog):
    save_requested = Signal(str)  # the reason

    def __init__(self, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Poging doorstrepen"))
        self.void_id = str(uuid.uuid4())
        intro = QLabel(
            self.tr("De poging blijft zichtbaar, doorgestreept, met uw reden erbij:\n%1").replace(
                "%1", description
            )
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reden, bijv. verkeerde zaak gekozen"))
        self.reason.setAccessibleName(self.tr("Reden"))
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Doorstrepen"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _on_ok(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.show_error(self.tr("Geef een reden op."))
            return
        self.buttons.setEnabled(False)
        self.save_requested.emit(reason)

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(text)
        self.message.show()
