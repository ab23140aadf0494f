"""Drafts of the case view: auto-lock keeps work in progress inside the encrypted store.

The quick note, the one-click form id and an open detail form are saved (queued before the
store closes, so they commit first) and restored when the case opens again.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from fieldapp.services import cases as case_service
from fieldapp.services.changes import Changes
from ui.dialogs.attempt_form import AttemptInput
from ui.qt import QCoreApplication
from ui.views.outcome_panel import draft_key

if TYPE_CHECKING:
    from ui.views.case_host import CaseHost


def draft_payload(view: CaseHost) -> dict[str, Any] | None:
    if view.case_id is None:
        return None
    note = view.outcomes.quick_note.text()
    detail = view.form.current_input().to_draft() if view.form is not None else None
    if not note and detail is None:
        return None
    return {"form_id": view.outcomes.form_id, "quick_note": note, "detail": detail}


def save_draft(view: CaseHost) -> None:
    payload = draft_payload(view)
    if payload is None or view.case_id is None:
        return
    key = draft_key(view.case_id)

    def write(session: Session) -> Changes:
        case_service.save_draft(session, key, payload)
        return Changes()

    view.backend.runner.db_op(write, parent=None).run(initiator=view)


def restore_draft(view: CaseHost, draft: dict[str, Any]) -> None:
    with contextlib.suppress(ValueError):  # a damaged draft keeps the fresh form id
        view.outcomes.form_id = str(uuid.UUID(str(draft.get("form_id"))))
    view.outcomes.quick_note.setText(str(draft.get("quick_note") or ""))
    detail = draft.get("detail")
    if isinstance(detail, dict) and view.form is None:
        with contextlib.suppress(KeyError, ValueError):
            view.open_form(AttemptInput.from_draft(detail))
    view.save_status.setText(
        QCoreApplication.translate(
            "CaseView", "Niet-opgeslagen werk van vóór het vergrendelen is terug."
        )
    )
    if view.case_id is not None:
        key = draft_key(view.case_id)

        def forget(session: Session) -> Changes:
            # Restored into the widgets; a new lock saves it again.
            case_service.delete_draft(session, key)
            return Changes()

        view.backend.runner.db_op(forget, parent=None).run(initiator=view)
