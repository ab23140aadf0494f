"""The triage filter bar: every criterion of ``TriageFilter`` as a widget; emits the filter.

Typing is not debounced: filtering 10,000 rows in memory takes a few milliseconds
(benchmarks/desk.py measures it), so each keystroke shows its result at once.
"""

from __future__ import annotations

from datetime import date, timedelta

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.desk import UNASSIGNED, AgeGroup, AmountBand, Flag, TriageFilter
from ui.labels import partner_label
from ui.qt import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget, Signal

DEADLINE_ANY, DEADLINE_WEEK, DEADLINE_LATE = range(3)


class TriageFilterBar(QWidget):
    changed = Signal(object)  # TriageFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Zoek op naam, adres of postcode"))
        self.search.setClearButtonEnabled(True)
        self.wijk = QComboBox()
        self.pc_from = QLineEdit()
        self.pc_from.setPlaceholderText(self.tr("PC van"))
        self.pc_to = QLineEdit()
        self.pc_to.setPlaceholderText(self.tr("PC tot"))
        for edit in (self.pc_from, self.pc_to):
            edit.setMaxLength(4)
            edit.setFixedWidth(70)
        self.partner = QComboBox()
        self.partner.addItem(self.tr("Alle partners"), None)
        for partner in Signaalpartner:
            self.partner.addItem(partner_label(partner), partner.value)
        self.band = QComboBox()
        self.band.addItem(self.tr("Elk bedrag"), None)
        for band in AmountBand:
            self.band.addItem(f"€ {band.value}", band.value)
        self.age = QComboBox()
        self.age.addItem(self.tr("Elke leeftijd"), None)
        for group in AgeGroup:
            self.age.addItem(group.value, group.value)
        self.deadline = QComboBox()
        self.deadline.addItems(
            [self.tr("Elke termijn"), self.tr("Binnen 7 dagen"), self.tr("Te laat")]
        )
        self.worker = QComboBox()
        self.flag_boxes: dict[Flag, QCheckBox] = {}
        for flag in Flag:
            self.flag_boxes[flag] = QCheckBox(flag.value)
        self.set_wijken([])
        self.set_workers({})

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 3)
        for widget in (self.wijk, self.pc_from, self.pc_to, self.partner, self.band, self.age):
            top.addWidget(widget)
        top.addWidget(self.deadline)
        top.addWidget(self.worker)
        flags = QHBoxLayout()
        flags.setContentsMargins(0, 0, 0, 0)
        for box in self.flag_boxes.values():
            flags.addWidget(box)
        flags.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(flags)

        for edit in (self.search, self.pc_from, self.pc_to):
            edit.textChanged.connect(self._emit)
        for combo in (self.wijk, self.partner, self.band, self.age, self.deadline, self.worker):
            combo.currentIndexChanged.connect(self._emit)
        for box in self.flag_boxes.values():
            box.toggled.connect(self._emit)

    def set_wijken(self, wijken: list[str]) -> None:
        current = self.wijk.currentData()
        self.wijk.blockSignals(True)
        self.wijk.clear()
        self.wijk.addItem(self.tr("Alle wijken"), "")
        for wijk in wijken:
            self.wijk.addItem(wijk, wijk)
        index = self.wijk.findData(current) if current else 0
        self.wijk.setCurrentIndex(max(0, index))
        self.wijk.blockSignals(False)

    def set_workers(self, names: dict[str, str]) -> None:
        current = self.worker.currentData()
        self.worker.blockSignals(True)
        self.worker.clear()
        self.worker.addItem(self.tr("Iedereen"), None)
        self.worker.addItem(self.tr("Niet toegewezen"), UNASSIGNED)
        for worker_id, name in sorted(names.items(), key=lambda kv: kv[1]):
            self.worker.addItem(name, worker_id)
        index = self.worker.findData(current) if current is not None else 0
        self.worker.setCurrentIndex(max(0, index))
        self.worker.blockSignals(False)

    def current(self) -> TriageFilter:
        choice = self.deadline.currentIndex()
        before = None
        if choice == DEADLINE_WEEK:
            before = self.today + timedelta(days=7)
        elif choice == DEADLINE_LATE:
            before = self.today - timedelta(days=1)
        partner = self.partner.currentData()
        band = self.band.currentData()
        age = self.age.currentData()
        return TriageFilter(
            text=self.search.text(),
            wijk=str(self.wijk.currentData() or ""),
            postcode_from=self.pc_from.text().strip(),
            postcode_to=self.pc_to.text().strip(),
            partner=Signaalpartner(partner) if partner else None,
            band=AmountBand(band) if band else None,
            age=AgeGroup(age) if age else None,
            deadline_before=before,
            flags=frozenset(f for f, box in self.flag_boxes.items() if box.isChecked()),
            worker=self.worker.currentData(),
        )

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.current())
