"""The options column of the print dialog: what, for whom, language, layout, count, window.

Only widgets: :meth:`PrintOptions.choice` captures them into a plain :class:`PrintChoice` for
the background jobs. Rows that do not apply to the chosen output are hidden.
"""

from __future__ import annotations

from fieldapp.domain.letters import Language, LetterKind
from fieldapp.letters.geometry import CardLayout, WindowPosition
from fieldapp.services.print_jobs import ShiftInfo
from fieldapp.services.print_pdf import MAX_BLANK_CARDS
from ui.labels import dagdeel_label
from ui.print_request import Output, PrintChoice, PrintSource
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon

LANGUAGE_NAMES = {  # each language in its own name: the worker picks the resident's language
    Language.NL: "Nederlands",
    Language.EN: "English",
    Language.PL: "Polski",
    Language.TR: "Türkçe",
    Language.AR: "العربية",
}
DEFAULT_BLANK_CARDS = 20
MAX_WINDOW_OFFSET_MM = 20.0
NOT_LETTERS = frozenset(o.value for o in Output)
NO_TARGET = frozenset({Output.BLANK_CARDS.value, Output.CALIBRATION.value})


class PrintOptions(QWidget):
    """Emits ``changed`` whenever an option that alters the PDF changes."""

    changed = Signal()

    def __init__(self, source: PrintSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._targets: list[tuple[str | None, tuple[str, ...]]] = []
        self.output = QComboBox()
        self.output.addItem(icon("kaartje"), self.tr("Niet-thuis-kaartjes"), Output.CARDS.value)
        self.output.addItem(
            icon("kaartje"), self.tr("Lege kaartjes (voorraad)"), Output.BLANK_CARDS.value
        )
        letters = {
            LetterKind.AANKONDIGING_HUISBEZOEK: self.tr("Brief: aankondiging huisbezoek"),
            LetterKind.HULPAANBOD: self.tr("Brief: hulpaanbod"),
            LetterKind.NOG_STEEDS_WELKOM: self.tr("Brief: u bent nog steeds welkom"),
            LetterKind.BEVESTIGING_AFSPRAAK: self.tr("Brief: bevestiging afspraak"),
        }
        for kind, text in letters.items():
            self.output.addItem(icon("brief"), text, kind.value)
        self.output.addItem(
            icon("instellingen"), self.tr("Proefafdruk venster-envelop"), Output.CALIBRATION.value
        )
        self.output.setCurrentIndex(max(self.output.findData(source.default), 0))
        self.target = QComboBox()
        self.language = QComboBox()
        for language, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, language.value)
        self.language.setToolTip(
            self.tr(
                "Voor huishoudens zonder eigen taal. Een huishouden waarvoor een taal is "
                "gekozen, krijgt zijn kaartje of brief in die taal."
            )
        )
        self.layout_choice = QComboBox()
        self.layout_choice.addItem(self.tr("A4, 4 kaartjes per vel (knippen)"), "a4")
        self.layout_choice.addItem(self.tr("A6, één kaartje per pagina"), "a6")
        self.layout_choice.addItem(self.tr("Drukkerij (A6 met afloop)"), "drukkerij")
        self.count = QSpinBox()
        self.count.setRange(1, MAX_BLANK_CARDS)
        self.count.setValue(DEFAULT_BLANK_CARDS)
        self.offset_x = _offset_box(self.tr("Venster: verschuiving naar rechts (mm)"))
        self.offset_y = _offset_box(self.tr("Venster: verschuiving omlaag (mm)"))
        self.offsets = QWidget()
        offsets = QHBoxLayout(self.offsets)
        offsets.setContentsMargins(0, 0, 0, 0)
        offsets.addWidget(QLabel("→"))
        offsets.addWidget(self.offset_x)
        offsets.addSpacing(8)
        offsets.addWidget(QLabel("↓"))
        offsets.addWidget(self.offset_y)
        offsets.addStretch(1)
        self.log_brief = QCheckBox(self.tr("Leg een contactpoging 'Brief' vast voor deze zaken"))
        self.log_brief.setChecked(True)
        self.log_brief.setToolTip(
            self.tr("Pas na het versturen naar de printer; twee keer printen telt één keer.")
        )
        self.card_note = QLabel(
            self.tr(
                "Een achtergelaten kaartje legt u vast bij het bezoek: "
                "'Niet thuis, kaartje achtergelaten'."
            )
        )
        self.card_note.setObjectName("Muted")
        self.card_note.setWordWrap(True)
        self.duplex_note = QLabel(
            self.tr(
                "Dubbelzijdig printen, omslaan over de lange kant: dan valt de achterkant van "
                "elk kaartje precies achter de voorkant. Zonder dubbelzijdig: print de oneven "
                "pagina's, leg de stapel terug en print de even pagina's."
            )
        )
        self.duplex_note.setObjectName("Muted")
        self.duplex_note.setWordWrap(True)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("&Wat:"), self.output)
        self.form.addRow(self.tr("&Voor:"), self.target)
        self.form.addRow(self.tr("&Taal:"), self.language)
        self.form.addRow(self.tr("&Opmaak:"), self.layout_choice)
        self.form.addRow(self.tr("&Aantal:"), self.count)
        self.form.addRow(self.tr("Ve&nster:"), self.offsets)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.log_brief)
        layout.addWidget(self.card_note)
        layout.addWidget(self.duplex_note)

        for combo in (self.output, self.target, self.language, self.layout_choice):
            combo.currentIndexChanged.connect(self._on_change)
        for box in (self.count, self.offset_x, self.offset_y):
            box.valueChanged.connect(self._on_change)
        self._update_rows()

    def set_shifts(self, shifts: list[ShiftInfo]) -> None:
        """Fill "Voor": the day's routes first, then the cases the dialog was opened with."""
        self.target.blockSignals(True)
        self.target.clear()
        self._targets.clear()
        for shift in shifts:
            self.target.addItem(
                self.tr("Route %1 · %2 adressen")
                .replace("%1", dagdeel_label(shift.dagdeel))
                .replace("%2", str(shift.visits))
            )
            self._targets.append((shift.id, ()))
        ids = self.source.case_ids
        if len(ids) == 1:
            self.target.addItem(self.tr("Deze zaak: %1").replace("%1", self.source.label))
            self._targets.append((None, ids))
        elif ids:
            self.target.addItem(self.tr("Zaken in de lijst (%1)").replace("%1", str(len(ids))))
            self._targets.append((None, ids))
        wanted = self.source.default_shift_id  # the current or next shift of the route
        for number, (shift_id, _ids) in enumerate(self._targets):
            if wanted is not None and shift_id == wanted:
                self.target.setCurrentIndex(number)
        self.target.blockSignals(False)

    def choice(self) -> PrintChoice:
        index = self.target.currentIndex()
        shift_id, case_ids = self._targets[index] if 0 <= index < len(self._targets) else (None, ())
        return PrintChoice(
            output=str(self.output.currentData()),
            language=Language(str(self.language.currentData())),
            layout=CardLayout(str(self.layout_choice.currentData())),
            count=self.count.value(),
            window=WindowPosition(
                offset_x_mm=self.offset_x.value(), offset_y_mm=self.offset_y.value()
            ),
            shift_id=shift_id,
            case_ids=case_ids,
        )

    def _on_change(self) -> None:
        self._update_rows()
        self.changed.emit()

    def _update_rows(self) -> None:
        output = str(self.output.currentData())
        letter = output not in NOT_LETTERS
        self.form.setRowVisible(self.target, output not in NO_TARGET)
        self.form.setRowVisible(self.language, output != Output.CALIBRATION.value)
        self.form.setRowVisible(
            self.layout_choice, output in (Output.CARDS.value, Output.BLANK_CARDS.value)
        )
        self.form.setRowVisible(self.count, output == Output.BLANK_CARDS.value)
        self.form.setRowVisible(self.offsets, letter or output == Output.CALIBRATION.value)
        self.log_brief.setVisible(letter)
        self.card_note.setVisible(output == Output.CARDS.value)
        cards = output in (Output.CARDS.value, Output.BLANK_CARDS.value)
        self.duplex_note.setVisible(
            cards and self.layout_choice.currentData() == CardLayout.A4_4UP.value
        )


def _offset_box(name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-MAX_WINDOW_OFFSET_MM, MAX_WINDOW_OFFSET_MM)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setSuffix(" mm")
    box.setAccessibleName(name)
    box.setToolTip(name)
    return box
