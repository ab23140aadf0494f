"""The case view's left column: household, signals, why this priority, notes.

It scrolls on its own (a long household or many signals never push the outcome buttons or
the timeline off a 1366x768 screen) and starts at the top for every case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldapp.domain.cases import Case, CaseStatus
from fieldapp.domain.letters import Language
from fieldapp.domain.people import readable_phone
from ui.display import deadline_text, euros, short_date
from ui.labels import priority_reason_label, result_label
from ui.models.case_detail import SignalTableModel
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.views.outcome_panel import section
from ui.views.scroll_focus import ensure_focus_visible


def table_view(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


# Each language in its own name: the worker picks what the household reads.
LANGUAGE_NAMES = {
    Language.NL: "Nederlands",
    Language.EN: "English",
    Language.PL: "Polski",
    Language.TR: "Türkçe",
    Language.AR: "العربية",
}


class CaseFacts(QScrollArea):
    # The worker chose the household's language for cards and letters ("" = the batch's).
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.signals_model = SignalTableModel(self)
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setObjectName("BodyText")
        self.signals_view = table_view(self.signals_model)
        self.signals_view.setAccessibleName(self.tr("Signalen"))
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("BodyText")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("Notities bij de zaak"))
        self.notes.setMaximumHeight(90)
        self.notes_button = QPushButton(self.tr("Notities opslaan"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Taal voor kaartjes en brieven"))
        self.language.addItem(self.tr("zoals de hele stapel (standaard)"), "")
        for lang, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, lang.value)
        # activated: only a choice the worker made is saved, never a programmatic refill.
        self.language.activated.connect(
            lambda index: self.language_chosen.emit(str(self.language.itemData(index) or ""))
        )
        panel = QFrame()
        panel.setObjectName("Panel")
        left = QVBoxLayout(panel)
        left.addWidget(section(self.tr("Huishouden")))
        left.addWidget(self.people)
        left.addWidget(section(self.tr("Signalen")))
        left.addWidget(self.signals_view)
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel(self.tr("Kaartjes en brieven in:")))
        language_row.addWidget(self.language, 1)
        left.addLayout(language_row)
        left.addWidget(section(self.tr("Waarom deze prioriteit")))
        left.addWidget(self.reasons)
        left.addWidget(section(self.tr("Notities")))
        left.addWidget(self.notes)
        notes_row = QHBoxLayout()
        notes_row.addStretch(1)
        notes_row.addWidget(self.notes_button)
        left.addLayout(notes_row)
        left.addStretch(1)
        self.setWidget(panel)
        self.setMinimumWidth(300)
        ensure_focus_visible(self)

    def scroll_to_top(self) -> None:
        self.verticalScrollBar().setValue(0)

    @staticmethod
    def deadline_text(case: Case, today: date) -> str:
        return deadline_text(case.deadline, today)

    def status_text(self, case: Case) -> str:
        if case.status is CaseStatus.GESLOTEN and case.resultaat is not None:
            return self.tr("Afgesloten: %1").replace("%1", result_label(case.resultaat))
        return (
            self.tr("Open sinds %1 · termijn %2 · %3 openstaand")
            .replace("%1", short_date(case.opened_on))
            .replace("%2", short_date(case.deadline))
            .replace("%3", euros(case.total_cents))
        )

    def show_case(self, case: Case, today: date) -> None:
        people = []
        for person in case.people:
            line = person.display_name() or self.tr("(naam onbekend)")
            age = person.age_on(today)
            if age is not None:
                line += self.tr(", %1 jaar").replace("%1", str(age))
            if person.telefoon:
                line += f" · {readable_phone(person.telefoon)}"
            people.append(line)
        self.people.setText("\n".join(people) or self.tr("Geen personen bekend."))
        self.signals_model.set_rows(list(case.signals))
        # Tall enough for its rows (no empty grid), scrolling beyond five.
        rows = min(max(len(case.signals), 1), 5)
        self.signals_view.setFixedHeight(
            self.signals_view.horizontalHeader().height()
            + rows * self.signals_view.verticalHeader().defaultSectionSize()
            + 6
        )
        self.reasons.setText(
            "\n".join(f"• {priority_reason_label(r)}" for r in case.reasons)
            or self.tr("Geen bijzonderheden.")
        )
        if not self.notes.hasFocus():
            self.notes.setPlainText(case.notes)

    def show_language(self, language: Language | None) -> None:
        found = self.language.findData(language.value if language else "")
        self.language.setCurrentIndex(max(found, 0))

    def clear(self) -> None:
        self.language.setCurrentIndex(0)
        self.signals_model.clear()
        self.people.clear()
        self.reasons.clear()
        self.notes.clear()
