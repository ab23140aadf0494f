"""The legend of Vandaag's attempt marks: which symbol is which daypart, and "bereikt"."""

from __future__ import annotations

from ui.qt import QHBoxLayout, QLabel, QWidget
from ui.resources import icon


class MarksLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MarksLegend")
        self.setAccessibleName(self.tr("Uitleg van de pogingtekens"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        title = QLabel(self.tr("Eerdere pogingen:"))
        title.setObjectName("Muted")
        layout.addWidget(title)
        self.entries: list[QLabel] = []
        for name, text in (
            ("dagdeel_ochtend", self.tr("ochtend")),
            ("dagdeel_middag", self.tr("middag")),
            ("dagdeel_avond", self.tr("avond")),
            ("vinkje", self.tr("bereikt")),
        ):
            symbol = QLabel()
            symbol.setPixmap(icon(name).pixmap(16, 16))
            label = QLabel(text)
            label.setObjectName("Muted")
            layout.addSpacing(6)
            layout.addWidget(symbol)
            layout.addWidget(label)
            self.entries.append(label)
