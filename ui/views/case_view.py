"""The case view: household, people, signals, priority reasons, timeline, notes, and the big
one-click outcome buttons. Every write is a DbOp; "Opgeslagen" appears only after commit."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from fieldapp.domain.cases import Case, CaseStatus
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.letters import LetterKind
from fieldapp.domain.people import readable_phone
from fieldapp.services import attempts as attempt_service
from fieldapp.services import cases as case_service
from fieldapp.services import queries
from fieldapp.services.attempts import QuickOutcome
from fieldapp.services.changes import Changes
from fieldapp.services.errors import EffortNotMet
from ui.backend import Backend
from ui.dialogs.attempt_form import AttemptFormDialog, AttemptInput
from ui.dialogs.close_case import CloseCaseDialog, CloseInput
from ui.dialogs.void_attempt import VoidAttemptDialog
from ui.display import case_clock_text, euros, is_overdue, short_date
from ui.labels import QUICK_ICONS, quick_outcome_label, result_label
from ui.messages import user_message
from ui.models.case_detail import ROW_ROLE, SignalTableModel, TimelineModel
from ui.print_request import PrintSource
from ui.qt import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSize,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.resources import icon

DRAFT_PREFIX = "attempt:"
QUICK_ORDER = list(QuickOutcome)


def draft_key(case_id: str) -> str:
    return DRAFT_PREFIX + case_id


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("SectionTitle")
    return label


def _table(model: Any) -> QTableView:
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
        self.form_id = str(uuid.uuid4())
        self.saving = False
        self.form: AttemptFormDialog | None = None
        self.signals_model = SignalTableModel(self)
        self.timeline_model = TimelineModel(self)
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
        self.address.setTextInteractionFlags(self.address.textInteractionFlags())
        self.deadline = QLabel()
        self.deadline.setObjectName("Deadline")
        self.status_line = QLabel()
        self.status_line.setObjectName("Muted")

        # Left column: who, what, why.
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setObjectName("BodyText")
        self.signals_view = _table(self.signals_model)
        self.signals_view.setAccessibleName(self.tr("Signalen"))
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("BodyText")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(self.tr("Notities bij de zaak"))
        self.notes.setMaximumHeight(90)
        self.notes_button = QPushButton(self.tr("Notities opslaan"))
        self.notes_button.clicked.connect(self._save_notes)
        left = QVBoxLayout()
        left.addWidget(_section(self.tr("Huishouden")))
        left.addWidget(self.people)
        left.addWidget(_section(self.tr("Signalen")))
        left.addWidget(self.signals_view)
        left.addWidget(_section(self.tr("Waarom deze prioriteit")))
        left.addWidget(self.reasons)
        left.addWidget(_section(self.tr("Notities")))
        left.addWidget(self.notes)
        notes_row = QHBoxLayout()
        notes_row.addStretch(1)
        notes_row.addWidget(self.notes_button)
        left.addLayout(notes_row)
        left.addStretch(1)

        # Right column: act.
        self.quick_note = QLineEdit()
        self.quick_note.setPlaceholderText(self.tr("Notitie bij de poging (optioneel)"))
        self.quick_note.setAccessibleName(self.tr("Notitie bij de poging"))
        grid = QGridLayout()
        grid.setSpacing(8)
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
        self.detail_button.clicked.connect(self.open_form)
        self.save_status = QLabel()
        self.save_status.setObjectName("SaveStatus")
        self.save_status.setWordWrap(True)
        self.timeline_view = _table(self.timeline_model)
        self.timeline_view.setAccessibleName(self.tr("Tijdlijn van pogingen"))
        self.void_button = QPushButton(icon("doorstrepen"), self.tr("Poging doorstrepen…"))
        self.void_button.clicked.connect(self.open_void)
        self.close_button = QPushButton(icon("afsluiten"), self.tr("Zaak afsluiten of overdragen…"))
        self.close_button.clicked.connect(self.open_close)
        self.print_button = QPushButton(icon("brief"), self.tr("Brief of kaartje…"))
        self.print_button.clicked.connect(self.request_print)
        timeline_title = QHBoxLayout()
        timeline_title.addWidget(_section(self.tr("Tijdlijn")))
        timeline_title.addStretch(1)
        timeline_title.addWidget(self.void_button)
        right = QVBoxLayout()
        right.addWidget(_section(self.tr("Contactpoging vastleggen")))
        right.addWidget(self.quick_note)
        right.addLayout(grid)
        right.addWidget(self.detail_button)
        right.addWidget(self.save_status)
        right.addLayout(timeline_title)
        right.addWidget(self.timeline_view, 1)
        self.timeline_view.setMinimumHeight(90)

        left_box = QFrame()
        left_box.setObjectName("Panel")
        left_box.setLayout(left)
        right_box = QFrame()
        right_box.setObjectName("Panel")
        right_box.setLayout(right)
        columns = QHBoxLayout()
        columns.addWidget(left_box, 5)
        columns.addWidget(right_box, 6)
        header = QHBoxLayout()
        title = QVBoxLayout()
        title.addWidget(self.address)
        title.addWidget(self.status_line)
        header.addLayout(title, 1)
        header.addWidget(self.deadline)
        header.addSpacing(12)
        header.addWidget(self.print_button)
        header.addWidget(self.close_button)
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(20, 12, 20, 12)
        body.addWidget(self.back_button, 0)
        body.addLayout(header)
        body.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setTabOrder(self.quick_note, self.quick_buttons[QUICK_ORDER[0]])

    # --- loading -----------------------------------------------------------------------------

    def load(self, case_id: str) -> None:
        """Show a case: the case and any saved draft come from one Query."""
        if case_id != self.case_id:
            self.form_id = str(uuid.uuid4())  # a new form opens: a new attempt id
            self.quick_note.clear()
            self.save_status.clear()
        self.case_id = case_id
        today = self.today_provider()
        policy = self.backend.policy

        def fetch(session: Session) -> tuple[Case, dict[str, Any] | None]:
            case = queries.get_case(session, case_id, today=today, policy=policy)
            return case, case_service.load_draft(session, draft_key(case_id))

        def show(result: tuple[Case, dict[str, Any] | None]) -> None:
            case, draft = result
            if case.id != self.case_id:
                return
            self._show(case, today)
            if draft:
                self._restore_draft(draft)

        def failed(error: BaseException) -> None:
            self.save_status.setText(user_message(error))

        self.backend.runner.query(fetch, parent=self).success(show).failure(failed).run()

    def _show(self, case: Case, today: date) -> None:
        self.case = case
        address = case.address.one_line() if case.address else self.tr("Adres onbekend")
        self.address.setText(address)
        overdue = is_overdue(case.deadline, today, case.status)
        self.deadline.setText(
            case_clock_text(case.deadline, today, status=case.status, resultaat=case.resultaat)
        )
        self.deadline.setProperty("overdue", overdue)
        self.deadline.style().unpolish(self.deadline)
        self.deadline.style().polish(self.deadline)
        if case.status is CaseStatus.GESLOTEN and case.resultaat is not None:
            status = self.tr("Afgesloten: %1").replace("%1", result_label(case.resultaat))
        else:
            status = (
                self.tr("Open sinds %1 · termijn %2 · %3 openstaand")
                .replace("%1", short_date(case.opened_on))
                .replace("%2", short_date(case.deadline))
                .replace("%3", euros(case.total_cents))
            )
        self.status_line.setText(status)
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
            "\n".join(f"• {r}" for r in case.reasons) or self.tr("Geen bijzonderheden.")
        )
        if not self.notes.hasFocus():
            self.notes.setPlainText(case.notes)
        self.timeline_model.set_rows(list(case.attempts))
        self.timeline_view.scrollToBottom()
        is_open = case.status is CaseStatus.OPEN
        for button in self.quick_buttons.values():
            button.setEnabled(is_open and not self.saving)
        self.detail_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)

    def clear(self) -> None:
        """Auto-lock: forget everything personal (models, labels, text fields, dialogs)."""
        if self.form is not None:
            self.form.reject()
            self.form = None
        self.case = None
        self.signals_model.clear()
        self.timeline_model.clear()
        for label in (self.address, self.people, self.reasons, self.status_line, self.deadline):
            label.clear()
        self.notes.clear()
        self.quick_note.clear()
        self.save_status.clear()

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or self.case_id is None or not self.isVisible():
            return
        if changes.case_ids and self.case_id not in changes.case_ids:
            return
        if changes.cases or changes.attempts or changes.signals:
            self.load(self.case_id)

    # --- one-click outcomes ------------------------------------------------------------------

    def record_quick(self, outcome: QuickOutcome) -> None:
        """One click = one committed outcome. The buttons lock until the commit returns, and
        the form id makes a repeated submit idempotent anyway."""
        if self.saving or self.case is None or self.case.status is not CaseStatus.OPEN:
            return
        case_id, form_id = self.case.id, self.form_id
        note = self.quick_note.text()
        at = self.clock()
        identity = self.backend.identity
        worker_id = identity.worker_id if identity else None
        device_id = identity.device_id if identity else None
        self._set_saving(True)

        def write(session: Session) -> Changes:
            changes = attempt_service.record_quick_outcome(
                session,
                form_id=form_id,
                outcome=outcome,
                case_id=case_id,
                occurred_at=at,
                note=note,
                worker_id=worker_id,
                device_id=device_id,
            )
            case_service.delete_draft(session, draft_key(case_id))
            return changes

        def done(_changes: Changes) -> None:
            self.form_id = str(uuid.uuid4())
            self.quick_note.clear()
            self.save_status.setText(
                self.tr("✓ Opgeslagen: %1 (%2)")
                .replace("%1", quick_outcome_label(outcome))
                .replace("%2", f"{at.astimezone(AMSTERDAM):%H:%M}")
            )
            # Keep the buttons calm a moment so a fast double click cannot log twice.
            QTimer.singleShot(600, self, lambda: self._set_saving(False))
            self.load(case_id)

        def failed(error: BaseException) -> None:
            self._set_saving(False)
            self.save_status.setText(user_message(error))

        self.save_status.setText(self.tr("Opslaan…"))
        self.backend.runner.db_op(write, parent=self).success(done).failure(failed).run(
            initiator=self
        )

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        is_open = self.case is not None and self.case.status is CaseStatus.OPEN
        for button in self.quick_buttons.values():
            button.setEnabled(is_open and not saving)

    # --- detail form, void, close, notes -------------------------------------------------------

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
        if self.case is None or self.form is None:
            return
        form, case_id = self.form, self.case.id
        identity = self.backend.identity

        def write(session: Session) -> Changes:
            changes = attempt_service.record_attempt(
                session,
                attempt_id=value.attempt_id,
                case_id=case_id,
                soort=value.soort,
                bereikt=value.bereikt,
                occurred_at=value.occurred_at,
                dagdeel=value.dagdeel,
                note=value.note,
                outcome=value.outcome,
                worker_id=identity.worker_id if identity else None,
                device_id=identity.device_id if identity else None,
            )
            case_service.delete_draft(session, draft_key(case_id))
            return changes

        def done(_changes: Changes) -> None:
            form.accept()
            self.save_status.setText(self.tr("✓ Poging opgeslagen."))
            self.load(case_id)

        self.backend.runner.db_op(write, parent=form).success(done).failure(
            lambda error: form.show_error(user_message(error))
        ).run(initiator=self)

    def selected_attempt_id(self) -> str | None:
        index = self.timeline_view.currentIndex()
        attempt = index.data(ROW_ROLE) if index.isValid() else None
        return None if attempt is None else attempt.id

    def open_void(self) -> VoidAttemptDialog | None:
        index = self.timeline_view.currentIndex()
        attempt = index.data(ROW_ROLE) if index.isValid() else None
        if attempt is None or attempt.is_void_entry or self.timeline_model.is_voided(attempt.id):
            self.save_status.setText(self.tr("Kies eerst een poging in de tijdlijn."))
            return None
        row = index.row()
        description = " · ".join(
            str(self.timeline_model.index(row, col).data() or "") for col in range(3)
        )
        dialog = VoidAttemptDialog(description, self)
        attempt_id, case_id = attempt.id, attempt.case_id
        identity = self.backend.identity

        def save(reason: str) -> None:
            at = self.clock()

            def write(session: Session) -> Changes:
                return attempt_service.void_attempt(
                    session,
                    void_id=dialog.void_id,
                    attempt_id=attempt_id,
                    reason=reason,
                    at=at,
                    worker_id=identity.worker_id if identity else None,
                    device_id=identity.device_id if identity else None,
                )

            def done(_changes: Changes) -> None:
                dialog.accept()
                self.save_status.setText(self.tr("✓ Poging doorgestreept."))
                self.load(case_id)

            self.backend.runner.db_op(write, parent=dialog).success(done).failure(
                lambda error: dialog.show_error(user_message(error))
            ).run(initiator=self)

        dialog.save_requested.connect(save)
        dialog.open()
        return dialog

    def open_close(self) -> CloseCaseDialog | None:
        if self.case is None:
            return None
        dialog = CloseCaseDialog(self)
        case_id = self.case.id
        identity = self.backend.identity
        policy = self.backend.policy

        def save(value: CloseInput) -> None:
            at = self.clock()

            def write(session: Session) -> Changes:
                return case_service.close_case(
                    session,
                    event_id=value.event_id,
                    case_id=case_id,
                    resultaat=value.resultaat,
                    reason=value.reason,
                    at=at,
                    worker_id=identity.worker_id if identity else None,
                    device_id=identity.device_id if identity else None,
                    effort_override=value.effort_override,
                    policy=policy,
                )

            def done(_changes: Changes) -> None:
                dialog.accept()
                self.save_status.setText(self.tr("✓ Zaak afgesloten."))
                self.load(case_id)

            def failed(error: BaseException) -> None:
                if isinstance(error, EffortNotMet):
                    dialog.show_effort_shortfalls(list(error.shortfalls))
                else:
                    dialog.show_error(user_message(error))

            self.backend.runner.db_op(write, parent=dialog).success(done).failure(failed).run(
                initiator=self
            )

        dialog.save_requested.connect(save)
        dialog.open()
        return dialog

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
        case_id, notes = self.case.id, self.notes.toPlainText()
        self.backend.runner.db_op(
            lambda s: case_service.set_case_notes(s, case_id=case_id, notes=notes), parent=self
        ).success(lambda _c: self.save_status.setText(self.tr("✓ Notities opgeslagen."))).failure(
            lambda error: self.save_status.setText(user_message(error))
        ).run(initiator=self)

    # --- drafts (auto-lock keeps work in progress inside the encrypted store) -------------------

    def draft_payload(self) -> dict[str, Any] | None:
        if self.case_id is None:
            return None
        note = self.quick_note.text()
        detail = self.form.current_input().to_draft() if self.form is not None else None
        if not note and detail is None:
            return None
        return {"form_id": self.form_id, "quick_note": note, "detail": detail}

    def save_draft(self) -> None:
        """Queued before the store closes (about_to_lock), so it commits first."""
        payload = self.draft_payload()
        if payload is None or self.case_id is None:
            return
        key = draft_key(self.case_id)

        def write(session: Session) -> Changes:
            case_service.save_draft(session, key, payload)
            return Changes()

        self.backend.runner.db_op(write, parent=None).run(initiator=self)

    def _restore_draft(self, draft: dict[str, Any]) -> None:
        with contextlib.suppress(ValueError):  # a damaged draft keeps the fresh form id
            self.form_id = str(uuid.UUID(str(draft.get("form_id"))))
        self.quick_note.setText(str(draft.get("quick_note") or ""))
        detail = draft.get("detail")
        if isinstance(detail, dict) and self.form is None:
            with contextlib.suppress(KeyError, ValueError):
                self.open_form(AttemptInput.from_draft(detail))
        self.save_status.setText(
            self.tr("Niet-opgeslagen werk van vóór het vergrendelen is terug.")
        )
        if self.case_id is not None:
            key = draft_key(self.case_id)

            def forget(session: Session) -> Changes:
                # Restored into the widgets; a new lock saves it again.
                case_service.delete_draft(session, key)
                return Changes()

            self.backend.runner.db_op(forget, parent=None).run(initiator=self)
