"""The case view's timeline of attempts (void entries included) with "Poging doorstrepen"."""

from __future__ import annotations

from fieldapp.domain.attempts import ContactAttempt
from ui.models.case_detail import ROW_ROLE, TimelineModel
from ui.qt import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from ui.resources import icon
from ui.views.case_facts import table_view
from ui.views.outcome_panel import section

MIN_ROWS = 4  # the timeline always shows at least this many rows without scrolling the page


class TimelinePanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.model = TimelineModel(self)
        self.view = table_view(self.model)
        self.view.setAccessibleName(self.tr("Tijdlijn van pogingen"))
        self.void_button = QPushButton(icon("doorstrepen"), self.tr("Poging doorstrepen…"))
        title = QHBoxLayout()
        title.addWidget(section(self.tr("Tijdlijn")))
        title.addStretch(1)
        title.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(title)
        layout.addWidget(self.view, 1)
        rows = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(
            self.view.horizontalHeader().sizeHint().height() + MIN_ROWS * rows
        )

    def set_attempts(self, attempts: list[ContactAttempt]) -> None:
        self.model.set_rows(attempts)
        self.view.scrollToBottom()

    def clear(self) -> None:
        self.model.clear()

    def selected_attempt_id(self) -> str | None:
        index = self.view.currentIndex()
        attempt = index.data(ROW_ROLE) if index.isValid() else None
        return None if attempt is None else attempt.id

    def describe(self, row: int) -> str:
        return " · ".join(str(self.model.index(row, col).data() or "") for col in range(3))
