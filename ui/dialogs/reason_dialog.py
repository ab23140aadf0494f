"""A small dialog that asks for a required written reason (void an attempt, reopen a case).

The dialog does not write: it emits ``save_requested(reason)`` and stays open until the case
view's DbOp committed (``accept``) or failed (``show_error``). ``event_id`` is made when the
dialog opens, so a double click or a retry stores one decision.
"""

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


class ReasonDialog(QDialog):
    save_requested = Signal(str)  # the reason

    def __init__(
        self,
        *,
        title: str,
        intro: str,
        ok_text: str,
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.event_id = str(uuid.uuid4())
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(placeholder)
        self.reason.setAccessibleName(self.tr("Reden"))
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _on_ok(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.show_error(self.tr("Geef een reden op."))
            return
        self.buttons.setEnabled(False)
        self.message.hide()
        self.save_requested.emit(reason)

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(text)
        self.message.show()
