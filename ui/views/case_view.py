"""The case view: household, people, signals, priority reasons, timeline, notes, and the big
one-click outcome buttons (:mod:`ui.views.outcome_panel`).

Every write goes through the one :class:`~ui.views.case_writer.CaseWriter`; "Opgeslagen"
appears only after commit. Layout for a 1366x768 laptop: the facts column scrolls on its own
and the right column is a splitter, so the timeline gets real height instead of one row inside
a second scroll area. Every case opens scrolled to the top.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from fieldapp.domain.cases import Case, CaseStatus
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.letters import Language, LetterKind
from fieldapp.services import attempts as attempt_service
from fieldapp.services import cases as case_service
from fieldapp.services import queries
from fieldapp.services.attempts import QuickOutcome
from fieldapp.services.case_language import case_languages, set_case_language
from fieldapp.services.changes import Changes
from ui.backend import Backend
from ui.dialogs.attempt_form import AttemptFormDialog, AttemptInput
from ui.dialogs.close_case import CloseCaseDialog
from ui.dialogs.void_attempt import ReopenCaseDialog, VoidAttemptDialog
from ui.messages import user_message
from ui.models.case_detail import ROW_ROLE
from ui.print_request import PrintSource
from ui.qt import (
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon
from ui.views.case_decisions import open_close, open_reopen
from ui.views.case_drafts import draft_payload, restore_draft, save_draft
from ui.views.case_facts import CaseFacts
from ui.views.case_writer import CaseWriter
from ui.views.outcome_panel import QUICK_ORDER, OutcomePanel, draft_key
from ui.views.timeline_panel import TimelinePanel

__all__ = ["QUICK_ORDER", "CaseView", "draft_key"]


class CaseView(QWidget):
    back = Signal()
    print_requested = Signal(object)  # PrintSource

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CaseView")
        self.backend = backend
        self.clock: Callable[[], datetime] = lambda: datetime.now(AMSTERDAM)
        self.today_provider: Callable[[], date] = date.today
        self.case: Case | None = None
        self.case_id: str | None = None
        self.form: AttemptFormDialog | None = None
        self.writer = CaseWriter(backend, self, self._set_status, self._reload_if_current)
        self._build()
        backend.hub.changed.connect(self._on_changed)
        backend.hub.locked.connect(self.clear)
        backend.about_to_lock.connect(self.save_draft)

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(icon("terug"), self.tr("Terug naar Vandaag"))
        self.back_button.setObjectName("FlatButton")
        self.back_button.clicked.connect(self.back)
        QShortcut(QKeySequence("Alt+Left"), self, self.back.emit)
        self.address = QLabel()
        self.address.setObjectName("PageTitle")
        self.address.setWordWrap(True)
        self.deadline = QLabel()
        self.deadline.setObjectName("Deadline")
        self.status_line = QLabel()
        self.status_line.setObjectName("Muted")
        self.status_line.setWordWrap(True)

        self.facts = CaseFacts()
        self.facts.notes_button.clicked.connect(self._save_notes)
        self.facts.language_chosen.connect(self._save_language)
        self.outcomes = OutcomePanel(self.backend, self.writer, lambda: self.clock())
        self.outcomes.detail_button.clicked.connect(self.open_form)
        self.timeline = TimelinePanel()
        self.timeline.void_button.clicked.connect(self.open_void)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setChildrenCollapsible(False)
        self.right.addWidget(self.outcomes)
        self.right.addWidget(self.timeline)
        self.right.setStretchFactor(0, 0)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([0, 10_000])  # the buttons at their own height, the rest timeline
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setChildrenCollapsible(False)
        self.columns.addWidget(self.facts)
        self.columns.addWidget(self.right)
        self.columns.setStretchFactor(0, 5)
        self.columns.setStretchFactor(1, 6)
        self.columns.setSizes([500, 700])  # scaled to the real width: facts get ~5/12

        self.close_button = QPushButton(icon("afsluiten"), self.tr("Zaak afsluiten of overdragen…"))
        self.close_button.clicked.connect(self.open_close)
        self.reopen_button = QPushButton(icon("terug"), self.tr("&Heropenen…"))
        self.reopen_button.clicked.connect(self.open_reopen)
        self.reopen_button.hide()
        self.print_button = QPushButton(icon("brief"), self.tr("Brief of kaartje…"))
        self.print_button.clicked.connect(self.request_print)
        header = QHBoxLayout()
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addSpacing(8)
        title = QVBoxLayout()
        title.setSpacing(0)
        title.addWidget(self.address)
        title.addWidget(self.status_line)
        header.addLayout(title, 1)
        header.addWidget(self.deadline)
        header.addSpacing(12)
        header.addWidget(self.print_button)
        header.addWidget(self.close_button)
        header.addWidget(self.reopen_button)
        body = QVBoxLayout(self)
        body.setContentsMargins(20, 8, 20, 8)
        body.setSpacing(6)
        body.addLayout(header)
        body.addWidget(self.columns, 1)

    # Names the rest of the app (and the tests) use for the outcome panel's parts.
    @property
    def quick_note(self) -> Any:
        return self.outcomes.quick_note

    @property
    def quick_buttons(self) -> Any:
        return self.outcomes.quick_buttons

    @property
    def save_status(self) -> QLabel:
        return self.outcomes.save_status

    @property
    def timeline_model(self) -> Any:
        return self.timeline.model

    @property
    def timeline_view(self) -> Any:
        return self.timeline.view

    @property
    def signals_model(self) -> Any:
        return self.facts.signals_model

    @property
    def people(self) -> QLabel:
        return self.facts.people

    def record_quick(self, outcome: QuickOutcome) -> None:
        self.outcomes.record_quick(outcome)

    def _set_status(self, text: str) -> None:
        self.outcomes.save_status.setText(text)

    def _reload_if_current(self, case_id: str) -> None:
        if case_id == self.case_id:
            self.load(case_id)

    # --- loading -----------------------------------------------------------------------------

    def load(self, case_id: str) -> None:
        """Show a case: the case and any saved draft come from one Query."""
        if case_id != self.case_id:
            self.case = None
            self.facts.scroll_to_top()
            self.outcomes.set_case(case_id, is_open=False)  # enabled once the case is shown
        self.case_id = case_id
        today = self.today_provider()
        policy = self.backend.policy

        def fetch(session: Session) -> tuple[Case, dict[str, Any] | None, Language | None]:
            case = queries.get_case(session, case_id, today=today, policy=policy)
            language = case_languages(session, [case_id]).get(case_id)
            return case, case_service.load_draft(session, draft_key(case_id)), language

        def show(result: tuple[Case, dict[str, Any] | None, Language | None]) -> None:
            case, draft, language = result
            if case.id != self.case_id:
                return
            first = self.case is None
            self._show(case, today)
            self.facts.show_language(language)
            if first:
                self.facts.scroll_to_top()
            if draft:
                self._restore_draft(draft)

        self.backend.runner.query(fetch, parent=self).success(show).failure(
            lambda error: self._set_status(user_message(error))
        ).run()

    def _show(self, case: Case, today: date) -> None:
        self.case = case
        address = case.address.one_line() if case.address else self.tr("Adres onbekend")
        self.address.setText(address)
        self.deadline.setText(self.facts.deadline_text(case, today))
        self.deadline.setProperty(
            "overdue", case.deadline < today and case.status is CaseStatus.OPEN
        )
        self.deadline.style().unpolish(self.deadline)
        self.deadline.style().polish(self.deadline)
        self.status_line.setText(self.facts.status_text(case))
        self.facts.show_case(case, today)
        self.timeline.set_attempts(list(case.attempts))
        is_open = case.status is CaseStatus.OPEN
        self.outcomes.set_open(is_open)
        self.close_button.setVisible(is_open)
        self.close_button.setEnabled(is_open)
        self.reopen_button.setVisible(not is_open)

    def clear(self) -> None:
        """Auto-lock: forget everything personal (models, labels, text fields, dialogs)."""
        if self.form is not None:
            self.form.reject()
            self.form = None
        self.case = None
        self.facts.clear()
        self.timeline.clear()
        for label in (self.address, self.status_line, self.deadline):
            label.clear()
        self.outcomes.clear()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or self.case_id is None or not self.isVisible():
            return
        if changes.case_ids and self.case_id not in changes.case_ids:
            return
        if changes.cases or changes.attempts or changes.signals:
            self.load(self.case_id)

    def identity(self) -> tuple[str | None, str | None]:
        identity = self.backend.identity
        return (identity.worker_id, identity.device_id) if identity else (None, None)

    # --- detail form, void, close, reopen, notes -----------------------------------------------

    def open_form(self, draft: AttemptInput | None = None) -> AttemptFormDialog | None:
        if self.case is None:
            return None
        if self.form is not None:
            self.form.raise_()
            return self.form
        form = AttemptFormDialog(self.clock(), self, draft=draft if draft else None)
        form.save_requested.connect(self._save_form)
        form.finished.connect(lambda _r: setattr(self, "form", None))
        self.form = form
        form.open()
        return form

    def _save_form(self, value: AttemptInput) -> None:
        if self.case is None or self.form is None or value.soort is None:
            return
        case_id, soort = self.case.id, value.soort
        worker_id, device_id = self.identity()

        def write(session: Session) -> Changes:
            changes = attempt_service.record_attempt(
                session,
                attempt_id=value.attempt_id,
                case_id=case_id,
                soort=soort,
                bereikt=value.bereikt,
                occurred_at=value.occurred_at,
                dagdeel=value.dagdeel,
                note=value.note,
                outcome=value.outcome,
                worker_id=worker_id,
                device_id=device_id,
            )
            case_service.delete_draft(session, draft_key(case_id))
            return changes

        self.writer.write(
            write, case_id=case_id, saved=self.tr("✓ Poging opgeslagen."), dialog=self.form
        )

    def _save_language(self, value: str) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        language = Language(value) if value else None
        self.writer.write(
            lambda session: set_case_language(session, case_id, language),
            case_id=case_id,
            saved=self.tr("✓ Taal voor kaartjes en brieven opgeslagen."),
        )

    def selected_attempt_id(self) -> str | None:
        return self.timeline.selected_attempt_id()

    def open_void(self) -> VoidAttemptDialog | None:
        index = self.timeline.view.currentIndex()
        attempt = index.data(ROW_ROLE) if index.isValid() else None
        if attempt is None or attempt.is_void_entry or self.timeline.model.is_voided(attempt.id):
            self._set_status(self.tr("Kies eerst een poging in de tijdlijn."))
            return None
        dialog = VoidAttemptDialog(self.timeline.describe(index.row()), self)
        attempt_id, case_id = attempt.id, attempt.case_id
        worker_id, device_id = self.identity()

        def save(reason: str) -> None:
            at = self.clock()
            self.writer.write(
                lambda session: attempt_service.void_attempt(
                    session,
                    void_id=dialog.void_id,
                    attempt_id=attempt_id,
                    reason=reason,
                    at=at,
                    worker_id=worker_id,
                    device_id=device_id,
                ),
                case_id=case_id,
                saved=self.tr("✓ Poging doorgestreept."),
                dialog=dialog,
            )

        dialog.save_requested.connect(save)
        dialog.open()
        return dialog

    def open_close(self) -> CloseCaseDialog | None:
        return open_close(self, self)

    def open_reopen(self) -> ReopenCaseDialog | None:
        return open_reopen(self, self)

    def request_print(self) -> None:
        """A letter (or card) for this case; the dialog offers the kinds."""
        if self.case is None:
            return
        label = self.case.address.one_line() if self.case.address else self.case.id
        self.print_requested.emit(
            PrintSource(
                day=self.today_provider(),
                case_ids=(self.case.id,),
                label=label,
                default=LetterKind.HULPAANBOD.value,
            )
        )

    def _save_notes(self) -> None:
        if self.case is None:
            return
        case_id, notes = self.case.id, self.facts.notes.toPlainText()
        self.writer.write(
            lambda s: case_service.set_case_notes(s, case_id=case_id, notes=notes),
            case_id=case_id,
            saved=self.tr("✓ Notities opgeslagen."),
        )

    # --- drafts (auto-lock keeps work in progress inside the encrypted store) -------------------

    def draft_payload(self) -> dict[str, Any] | None:
        return draft_payload(self)

    def save_draft(self) -> None:
        """Queued before the store closes (about_to_lock), so it commits first."""
        save_draft(self)

    def _restore_draft(self, draft: dict[str, Any]) -> None:
        restore_draft(self, draft)
