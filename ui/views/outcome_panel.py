"""The big one-click outcome buttons of the case view, with "Ongedaan maken".

One click = one committed outcome, and no click is ever dropped without a word:
- every click is submitted at once as its own DbOp with its own form id and time (the DB thread
  runs them in order), so a second, different outcome right after the first is queued;
- the *same* button again within ``repeat_window`` seconds of its saved click is taken as an
  accidental double click: it is refused with a visible notice (click again a moment later
  to log a real second attempt);
- after a commit "Ongedaan maken" stays for ``undo_ms``: it voids what that click recorded,
  with an automatic reason, synced like any void.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.services import attempts as attempt_service
from fieldapp.services import cases as case_service
from fieldapp.services.attempts import QuickOutcome
from fieldapp.services.changes import Changes
from ui.backend import Backend
from ui.labels import QUICK_ICONS, quick_outcome_label
from ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QSize,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.resources import icon
from ui.views.case_writer import CaseWriter

QUICK_ORDER = list(QuickOutcome)
DRAFT_PREFIX = "attempt:"


def draft_key(case_id: str) -> str:
    return DRAFT_PREFIX + case_id


def section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("SectionTitle")
    return label


@dataclass(frozen=True, slots=True)
class QuickClick:
    """One click, captured on the GUI thread before its DbOp runs."""

    outcome: QuickOutcome
    case_id: str
    form_id: str
    note: str
    at: datetime


class OutcomePanel(QFrame):
    def __init__(
        self,
        backend: Backend,
        writer: CaseWriter,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.backend = backend
        self.writer = writer
        self.clock = clock
        self.case_id: str | None = None
        self.is_open = False
        self.form_id = str(uuid.uuid4())
        self.in_flight = 0
        self.last_saved: QuickClick | None = None
        self.repeat_window = 1.0
        self.undo_ms = 8000
        self._last_click: tuple[QuickOutcome, float] | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self.hide_undo)

        self.quick_note = QLineEdit()
        self.quick_note.setPlaceholderText(self.tr("Notitie bij de poging (optioneel)"))
        self.quick_note.setAccessibleName(self.tr("Notitie bij de poging"))
        grid = QGridLayout()
        grid.setSpacing(6)
        self.quick_buttons: dict[QuickOutcome, QPushButton] = {}
        for number, outcome in enumerate(QUICK_ORDER, start=1):
            button = QPushButton(icon(QUICK_ICONS[outcome]), quick_outcome_label(outcome))
            button.setObjectName("OutcomeButton")
            button.setIconSize(QSize(22, 22))
            button.setToolTip(self.tr("Sneltoets: Ctrl+%1").replace("%1", str(number)))
            button.setShortcut(QKeySequence(f"Ctrl+{number}"))
            button.clicked.connect(lambda _checked=False, o=outcome: self.record_quick(o))
            grid.addWidget(button, (number - 1) // 2, (number - 1) % 2)
            self.quick_buttons[outcome] = button
        self.detail_button = QPushButton(icon("details"), self.tr("Uitgebreid formulier…"))
        self.save_status = QLabel()
        self.save_status.setObjectName("SaveStatus")
        self.save_status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Ongedaan &maken"))
        self.undo_button.setObjectName("UndoButton")
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_button.hide()
        self.notice = QLabel()
        self.notice.setObjectName("WarningText")
        self.notice.setWordWrap(True)
        self.notice.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.save_status, 1)
        status_row.addWidget(self.undo_button)
        note_row = QHBoxLayout()
        note_row.addWidget(self.quick_note, 1)
        note_row.addWidget(self.detail_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(section(self.tr("Contactpoging vastleggen")))
        layout.addLayout(note_row)
        layout.addLayout(grid)
        layout.addLayout(status_row)
        layout.addWidget(self.notice)
        self.setTabOrder(self.quick_note, self.quick_buttons[QUICK_ORDER[0]])

    # --- state from the case view ------------------------------------------------------------

    def set_case(self, case_id: str | None, *, is_open: bool) -> None:
        if case_id != self.case_id:
            self.form_id = str(uuid.uuid4())  # a new form opens: a new attempt id
            self.quick_note.clear()
            self.save_status.clear()
            self.notice.hide()
            self.hide_undo()
            self._last_click = None
        self.case_id = case_id
        self.set_open(is_open)

    def set_open(self, is_open: bool) -> None:
        self.is_open = is_open
        for button in self.quick_buttons.values():
            button.setEnabled(is_open)
        self.detail_button.setEnabled(is_open)

    def clear(self) -> None:
        self.case_id = None
        self.quick_note.clear()
        self.save_status.clear()
        self.notice.hide()
        self.hide_undo()
        self.last_saved = None

    # --- one click ---------------------------------------------------------------------------

    def record_quick(self, outcome: QuickOutcome) -> None:
        if self.case_id is None or not self.is_open:
            return
        moment = time.monotonic()
        if self._last_click is not None:
            previous, when = self._last_click
            if previous is outcome and moment - when < self.repeat_window:
                self.notice.setText(
                    self.tr(
                        "Tweede klik op «%1» direct na de eerste: niet nog eens opgeslagen. "
                        "Was het echt een nieuwe poging? Klik dan zo nog een keer."
                    ).replace("%1", quick_outcome_label(outcome))
                )
                self.notice.show()
                return
        self._last_click = (outcome, moment)
        self.notice.hide()
        click = QuickClick(
            outcome, self.case_id, self.form_id, self.quick_note.text(), self.clock()
        )
        self.form_id = str(uuid.uuid4())  # the next click is a new attempt
        self.quick_note.clear()
        self._submit(click)

    def _submit(self, click: QuickClick) -> None:
        identity = self.backend.identity
        worker_id = identity.worker_id if identity else None
        device_id = identity.device_id if identity else None

        def write(session: Session) -> Changes:
            changes = attempt_service.record_quick_outcome(
                session,
                form_id=click.form_id,
                outcome=click.outcome,
                case_id=click.case_id,
                occurred_at=click.at,
                note=click.note,
                worker_id=worker_id,
                device_id=device_id,
            )
            case_service.delete_draft(session, draft_key(click.case_id))
            return changes

        def done(_changes: Changes) -> None:
            self.in_flight -= 1
            if click.case_id != self.case_id:
                return
            self.last_saved = click
            self._show_saved(click)

        def failed(error: BaseException) -> bool:
            self.in_flight -= 1
            if click.case_id == self.case_id and not self.quick_note.text():
                # Not saved: give the note and the form id back, so a retry is the same attempt.
                self.quick_note.setText(click.note)
                self.form_id = click.form_id
            return False  # the writer shows the message

        self.in_flight += 1
        self.save_status.setText(self._saving_text())
        self.writer.write(write, case_id=click.case_id, saved="", on_done=done, on_error=failed)

    def _saving_text(self) -> str:
        if self.in_flight <= 1:
            return self.tr("Opslaan…")
        return self.tr("Opslaan… (%1 in de wachtrij)").replace("%1", str(self.in_flight - 1))

    def _show_saved(self, click: QuickClick) -> None:
        text = (
            self.tr("✓ Opgeslagen: %1 (%2)")
            .replace("%1", quick_outcome_label(click.outcome))
            .replace("%2", f"{click.at.astimezone(AMSTERDAM):%H:%M}")
        )
        if self.in_flight > 0:
            text += " · " + self._saving_text()
        self.save_status.setText(text)
        self.undo_button.show()
        self._undo_timer.start(self.undo_ms)

    # --- undo --------------------------------------------------------------------------------

    def hide_undo(self) -> None:
        self._undo_timer.stop()
        self.undo_button.hide()

    def undo_last(self) -> None:
        click = self.last_saved
        if click is None:
            return
        self.last_saved = None
        self.hide_undo()
        identity = self.backend.identity
        worker_id = identity.worker_id if identity else None
        device_id = identity.device_id if identity else None
        undo_id, at = str(uuid.uuid4()), self.clock()

        def write(session: Session) -> Changes:
            return attempt_service.undo_quick_outcome(
                session,
                undo_id=undo_id,
                form_id=click.form_id,
                outcome=click.outcome,
                at=at,
                worker_id=worker_id,
                device_id=device_id,
            )

        self.writer.write(
            write,
            case_id=click.case_id,
            saved=self.tr("✓ Ongedaan gemaakt: %1 (doorgestreept)").replace(
                "%1", quick_outcome_label(click.outcome)
            ),
        )
