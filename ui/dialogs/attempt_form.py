"""The detail form for one contact attempt (contactsoort, bereikt, date/time, dagdeel, note).

The attempt id is made when the form opens, so saving twice (double click, retry after an
error) stores one attempt. The dialog does not write: it emits ``save_requested`` and the case
view runs the DbOp; the dialog closes only after the commit succeeded.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fieldapp.domain.dayparts import AMSTERDAM, daypart_of
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.services.attempts import OUTCOME_NO_HELP, OUTCOME_WANTS_HELP
from ui.labels import CONTACT_ICONS, contactsoort_label, dagdeel_label
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTime,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon

_SOORT_ORDER = [
    Contactsoort.HUISBEZOEK,
    Contactsoort.TELEFOON,
    Contactsoort.SMS_WHATSAPP,
    Contactsoort.KAARTJE,
    Contactsoort.BRIEF,
    Contactsoort.MAIL,
    Contactsoort.AFSPRAAK_OP_LOCATIE,
    Contactsoort.ADMINISTRATIEF,
    Contactsoort.OVERIGE,
]


@dataclass(frozen=True, slots=True)
class AttemptInput:
    attempt_id: str
    soort: Contactsoort | None  # None = not chosen yet (the form refuses to save)
    bereikt: bool
    outcome: str | None
    occurred_at: datetime
    dagdeel: Dagdeel | None  # None = derive from occurred_at
    note: str

    def to_draft(self) -> dict[str, Any]:
        return {
            "attempt_id": self.attempt_id,
            "soort": self.soort.value if self.soort else None,
            "bereikt": self.bereikt,
            "outcome": self.outcome,
            "occurred_at": self.occurred_at.isoformat(),
            "dagdeel": self.dagdeel.value if self.dagdeel else None,
            "note": self.note,
        }

    @classmethod
    def from_draft(cls, data: dict[str, Any]) -> AttemptInput:
        return cls(
            attempt_id=str(uuid.UUID(str(data["attempt_id"]))),
            soort=Contactsoort(data["soort"]) if data.get("soort") else None,
            bereikt=bool(data["bereikt"]),
            outcome=data.get("outcome"),
            occurred_at=datetime.fromisoformat(str(data["occurred_at"])),
            dagdeel=Dagdeel(data["dagdeel"]) if data.get("dagdeel") else None,
            note=str(data.get("note", "")),
        )


class AttemptFormDialog(QDialog):
    save_requested = Signal(object)  # AttemptInput

    def __init__(
        self, now: datetime, parent: QWidget | None = None, draft: AttemptInput | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contactpoging vastleggen"))
        self.attempt_id = draft.attempt_id if draft else str(uuid.uuid4())
        self._now = now.astimezone(AMSTERDAM)

        self.soort = QComboBox()
        # No default: "Huisbezoek" pre-selected would be a choice nobody made.
        self.soort.addItem(self.tr("— kies de soort contact —"), None)
        for soort in _SOORT_ORDER:
            self.soort.addItem(icon(CONTACT_ICONS[soort]), contactsoort_label(soort), soort)
        self.bereikt = QCheckBox(self.tr("Inwoner &bereikt (echt contact gehad)"))
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("— geen uitkomst —"), None)
        self.outcome.addItem(self.tr("Wil hulp"), OUTCOME_WANTS_HELP)
        self.outcome.addItem(self.tr("Geen hulp nodig"), OUTCOME_NO_HELP)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d-M-yyyy")
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.dagdeel = QComboBox()
        self.dagdeel.addItem("", None)  # text set by _update_dagdeel: "automatisch (avond)"
        for part in Dagdeel:
            self.dagdeel.addItem(dagdeel_label(part), part)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Optioneel"))
        self.note.setMaximumHeight(110)
        self.message = QLabel()
        self.message.setObjectName("ErrorText")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Soort contact:"), self.soort)
        form.addRow("", self.bereikt)
        form.addRow(self.tr("&Uitkomst:"), self.outcome)
        form.addRow(self.tr("&Datum:"), self.date)
        form.addRow(self.tr("&Tijd:"), self.time)
        form.addRow(self.tr("Dag&deel:"), self.dagdeel)
        form.addRow(self.tr("&Notitie:"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.bereikt.toggled.connect(self.outcome.setEnabled)
        self.soort.currentIndexChanged.connect(self._update_save_enabled)
        self.date.dateChanged.connect(self._update_dagdeel)
        self.time.timeChanged.connect(self._update_dagdeel)
        self._load(draft)

    def _load(self, draft: AttemptInput | None) -> None:
        moment = draft.occurred_at.astimezone(AMSTERDAM) if draft else self._now
        self.date.setDate(QDate(moment.year, moment.month, moment.day))
        self.time.setTime(QTime(moment.hour, moment.minute))
        if draft:
            if draft.soort is not None:
                self.soort.setCurrentIndex(max(self.soort.findData(draft.soort), 0))
            self.bereikt.setChecked(draft.bereikt)
            self.outcome.setCurrentIndex(max(self.outcome.findData(draft.outcome), 0))
            if draft.dagdeel:
                self.dagdeel.setCurrentIndex(self.dagdeel.findData(draft.dagdeel))
            self.note.setPlainText(draft.note)
        self.outcome.setEnabled(self.bereikt.isChecked())
        self._update_dagdeel()
        self._update_save_enabled()

    def chosen_soort(self) -> Contactsoort | None:
        data = self.soort.currentData()
        return Contactsoort(data) if data else None

    def _update_save_enabled(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(self.chosen_soort() is not None)
        save.setToolTip("" if save.isEnabled() else self.tr("Kies eerst de soort contact."))

    def occurred_at(self) -> datetime:
        d, t = self.date.date(), self.time.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=AMSTERDAM)

    def _update_dagdeel(self) -> None:
        derived = dagdeel_label(daypart_of(self.occurred_at()))
        self.dagdeel.setItemText(0, self.tr("automatisch (%1)").replace("%1", derived))

    def current_input(self) -> AttemptInput:
        """The form's state (also what a draft keeps on auto-lock); ``soort`` is None while
        no contactsoort is chosen."""
        soort = self.chosen_soort()
        bereikt = self.bereikt.isChecked()
        # Qt hands enum data back as plain str: rebuild the enums.
        part = self.dagdeel.currentData()
        return AttemptInput(
            attempt_id=self.attempt_id,
            soort=soort,
            bereikt=bereikt,
            outcome=self.outcome.currentData() if bereikt else None,
            occurred_at=self.occurred_at(),
            dagdeel=Dagdeel(part) if part else None,
            note=self.note.toPlainText(),
        )

    def _on_save(self) -> None:
        value = self.current_input()
        if value.soort is None:
            self.show_error(self.tr("Kies eerst de soort contact."))
            return
        if value.occurred_at > self._now + timedelta(minutes=5):
            self.show_error(self.tr("Dit tijdstip ligt in de toekomst. Kies een eerder moment."))
            return
        self.set_busy(True)
        self.save_requested.emit(value)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.message.hide()
        else:
            self._update_save_enabled()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
        self.message.show()
