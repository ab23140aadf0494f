"""Close or hand over a case with a DDAS eindresultaat, chosen from plain-Dutch labels.

The minimum-effort hook: when services.cases.close_case raises EffortNotMet, the dialog shows
what is missing and offers a reasoned override (checkbox + written reason) instead of failing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from fieldapp.domain.ddas import Eindresultaat
from ui.labels import result_label, result_order
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


@dataclass(frozen=True, slots=True)
class CloseInput:
    event_id: str
    resultaat: Eindresultaat
    reason: str
    effort_override: bool


class CloseCaseDialog(QDialog):
    save_requested = Signal(object)  # CloseInput

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Zaak afsluiten of overdragen"))
        self.event_id = str(uuid.uuid4())
        intro = QLabel(self.tr("Hoe is deze zaak afgelopen?"))
        intro.setObjectName("SectionTitle")
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Eindresultaat"))
        for result in result_order():
            item = QListWidgetItem(result_label(result))
            item.setData(Qt.ItemDataRole.UserRole, result)
            item.setToolTip(result.value)
            self.results.addItem(item)
        self.results.setMinimumHeight(300)
        reason_label = QLabel(self.tr("&Toelichting (optioneel):"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        reason_label.setBuddy(self.reason)

        self.shortfalls = QLabel()
        self.shortfalls.setObjectName("WarningText")
        self.shortfalls.setWordWrap(True)
        self.shortfalls.hide()
        self.override = QCheckBox(self.tr("Toch afsluiten; ik licht hierboven toe waarom"))
        self.override.hide()
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Zaak afsluiten"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.results)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.shortfalls)
        layout.addWidget(self.override)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 620)

    def select(self, result: Eindresultaat) -> None:
        for row in range(self.results.count()):
            if self.results.item(row).data(Qt.ItemDataRole.UserRole) == result:
                self.results.setCurrentRow(row)

    def _on_ok(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.show_error(self.tr("Kies een eindresultaat."))
            return
        override = self.override.isVisible() and self.override.isChecked()
        reason = self.reason.toPlainText().strip()
        if override and not reason:
            self.show_error(self.tr("Schrijf op waarom u toch afsluit."))
            return
        self.buttons.setEnabled(False)
        self.message.hide()
        self.save_requested.emit(
            CloseInput(
                self.event_id, Eindresultaat(item.data(Qt.ItemDataRole.UserRole)), reason, override
            )
        )

    def show_effort_shortfalls(self, shortfalls: list[str]) -> None:
        """The EffortNotMet hook: say what is missing and allow a reasoned override."""
        self.buttons.setEnabled(True)
        lines = "\n".join(f"• {line}" for line in shortfalls)
        self.shortfalls.setText(
            self.tr("De minimale inspanning is nog niet gehaald:\n%1").replace("%1", lines)
        )
        self.shortfalls.show()
        self.override.show()
        self.override.setFocus()

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(text)
        self.message.show()
