"""Close or hand over a case with a DDAS eindresultaat, chosen from plain-Dutch labels.

Nothing is pre-selected: the result goes into the CBS delivery, so a default would be a choice
nobody made. "Zaak afsluiten" stays disabled until a result is chosen, and the first press asks
for a confirmation that names the result; only the second press emits ``save_requested``.

The minimum-effort hook: the checklist of what is still missing comes from the core
(``effort_shortfalls`` while choosing, ``EffortNotMet`` when the service refuses), and a
refusal offers a reasoned override (checkbox + written reason) instead of failing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from fieldapp.domain.ddas import Eindresultaat
from ui.core_messages import effort_item
from ui.labels import result_label, result_order
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

# Returns (missing items, enforced) for a result, or None when the effort standard is not
# about this result (only "no contact" results are checked).
EffortCheck = Callable[[Eindresultaat], tuple[list[str], bool] | None]


@dataclass(frozen=True, slots=True)
class CloseInput:
    event_id: str
    resultaat: Eindresultaat
    reason: str
    effort_override: bool


def checklist_text(missing: list[str]) -> str:
    return "\n".join(f"✗ {effort_item(line)}" for line in missing)


class CloseCaseDialog(QDialog):
    save_requested = Signal(object)  # CloseInput

    def __init__(self, parent: QWidget | None = None, effort_check: EffortCheck | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Zaak afsluiten of overdragen"))
        self.event_id = str(uuid.uuid4())
        self.effort_check = effort_check
        self.confirming = False
        self.can_override = False  # a team lead only; set once the role is read
        intro = QLabel(self.tr("Hoe is deze zaak afgelopen? Kies één eindresultaat."))
        intro.setObjectName("SectionTitle")
        intro.setWordWrap(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Eindresultaat"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for result in result_order():
            item = QListWidgetItem(result_label(result))
            item.setData(Qt.ItemDataRole.UserRole, result)
            item.setToolTip(result.value)
            # Rows as tall as the style's item padding needs (else the selected row, drawn
            # with padding, covers its neighbour).
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 14))
            self.results.addItem(item)
        self.results.setMinimumHeight(220)
        self.results.itemSelectionChanged.connect(self._on_choice)
        reason_label = QLabel(self.tr("&Toelichting (optioneel):"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        reason_label.setBuddy(self.reason)

        self.shortfalls = QLabel()
        self.shortfalls.setObjectName("WarningText")
        self.shortfalls.setWordWrap(True)
        self.shortfalls.hide()
        self.override = QCheckBox(
            self.tr("Toch afsluiten (teamleider); ik licht hierboven toe waarom")
        )
        self.override.hide()
        self.lead_only = QLabel(
            self.tr(
                "Alleen een teamleider mag deze zaak nu toch zo afsluiten. Doe eerst de "
                "ontbrekende pogingen, kies een ander resultaat, of vraag uw teamleider."
            )
        )
        self.lead_only.setObjectName("Muted")
        self.lead_only.setWordWrap(True)
        self.lead_only.hide()
        self.confirmation = QLabel()
        self.confirmation.setObjectName("ConfirmText")
        self.confirmation.setWordWrap(True)
        self.confirmation.hide()
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Zaak afsluiten…"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self._on_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.results, 1)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.shortfalls)
        layout.addWidget(self.override)
        layout.addWidget(self.lead_only)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 600)

    def chosen(self) -> Eindresultaat | None:
        """The result the user selected; the list's mere current row (set when it gets
        keyboard focus) does not count."""
        items = self.results.selectedItems()
        if not items:
            return None
        return Eindresultaat(items[0].data(Qt.ItemDataRole.UserRole))

    def select(self, result: Eindresultaat) -> None:
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == result:
                self.results.setCurrentItem(item)
                item.setSelected(True)

    def _on_choice(self) -> None:
        result = self.chosen()
        self._leave_confirmation()
        self.ok_button.setEnabled(result is not None)
        self.override.hide()
        self.override.setChecked(False)
        self.lead_only.hide()
        self._show_checklist(result)

    def _show_checklist(self, result: Eindresultaat | None) -> None:
        check = self.effort_check(result) if (result and self.effort_check) else None
        if check is None:
            self.shortfalls.hide()
            return
        missing, enforced = check
        self.shortfalls.setProperty("met", not missing)  # calm green when met (style.qss)
        self.shortfalls.style().unpolish(self.shortfalls)
        self.shortfalls.style().polish(self.shortfalls)
        if not missing:
            self.shortfalls.setText(self.tr("✓ De minimale inspanning is gehaald."))
        elif enforced:
            self.shortfalls.setText(
                self.tr("De minimale inspanning is nog niet gehaald:\n%1").replace(
                    "%1", checklist_text(missing)
                )
            )
        else:
            self.shortfalls.setText(
                self.tr("Nog niet gehaald (advies, niet verplicht):\n%1").replace(
                    "%1", checklist_text(missing)
                )
            )
        self.shortfalls.show()

    def _on_ok(self) -> None:
        result = self.chosen()
        if result is None:
            self.show_error(self.tr("Kies een eindresultaat."))
            return
        override = self.override.isVisible() and self.override.isChecked()
        reason = self.reason.toPlainText().strip()
        if override and not reason:
            self.show_error(self.tr("Schrijf op waarom u toch afsluit."))
            return
        if not self.confirming:
            self.confirming = True
            self.confirmation.setText(
                self.tr("Weet u het zeker? De zaak wordt afgesloten als: «%1».").replace(
                    "%1", result_label(result)
                )
            )
            self.confirmation.show()
            self.message.hide()
            self.ok_button.setText(self.tr("Ja, afsluiten"))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Terug"))
            self.ok_button.setFocus()
            return
        self.buttons.setEnabled(False)
        self.message.hide()
        self.save_requested.emit(CloseInput(self.event_id, result, reason, override))

    def _on_cancel(self) -> None:
        if self.confirming:
            self._leave_confirmation()
            self.results.setFocus()
            return
        self.reject()

    def _leave_confirmation(self) -> None:
        self.confirming = False
        self.confirmation.hide()
        self.ok_button.setText(self.tr("Zaak afsluiten…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))

    def set_can_override(self, allowed: bool) -> None:
        self.can_override = allowed
        if not allowed:
            self.override.setChecked(False)
            if self.override.isVisible():
                self.override.hide()
                self.lead_only.show()

    def show_effort_shortfalls(self, shortfalls: list[str]) -> None:
        """The EffortNotMet hook: the core's checklist of what is missing, and a reasoned
        override for a team lead (a worker is told who may)."""
        self.buttons.setEnabled(True)
        self._leave_confirmation()
        self.shortfalls.setProperty("met", False)
        self.shortfalls.style().unpolish(self.shortfalls)
        self.shortfalls.style().polish(self.shortfalls)
        self.shortfalls.setText(
            self.tr("De minimale inspanning is nog niet gehaald:\n%1").replace(
                "%1", checklist_text(shortfalls)
            )
        )
        self.shortfalls.show()
        if self.can_override:
            self.override.show()
            self.override.setFocus()
        else:
            self.lead_only.show()

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self._leave_confirmation()
        self.message.setText(text)
        self.message.show()
