"""What the case view's helper modules (decisions, drafts) need from the view: a Protocol,
so they do not import the view module back (no import cycle)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from fieldapp.domain.cases import Case
from ui.backend import Backend
from ui.dialogs.attempt_form import AttemptFormDialog, AttemptInput
from ui.qt import QLabel
from ui.views.case_writer import CaseWriter
from ui.views.outcome_panel import OutcomePanel


class CaseHost(Protocol):
    backend: Backend
    writer: CaseWriter
    outcomes: OutcomePanel
    case: Case | None
    case_id: str | None
    form: AttemptFormDialog | None
    clock: Callable[[], datetime]

    @property
    def save_status(self) -> QLabel: ...

    def identity(self) -> tuple[str | None, str | None]: ...

    def open_form(self, draft: AttemptInput | None = None) -> AttemptFormDialog | None: ...
