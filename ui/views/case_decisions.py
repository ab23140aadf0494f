"""Closing and reopening a case from the case view (dialogs + the one write helper).

Close: no pre-selected result, a confirmation that names it, and the core's effort checklist
(``effort_shortfalls`` while choosing, ``EffortNotMet`` when the service refuses). Reopen: a
required reason, an audited case event synced like a close; a worker reopens only own cases
(``services.cases.reopen_case`` refuses others).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.effort import effort_shortfalls
from fieldapp.services import cases as case_service
from fieldapp.services.errors import EffortNotMet
from ui.dialogs.close_case import CloseCaseDialog, CloseInput
from ui.dialogs.void_attempt import ReopenCaseDialog
from ui.labels import result_label
from ui.qt import QCoreApplication

if TYPE_CHECKING:
    from ui.views.case_view import CaseView


def effort_check(view: CaseView, result: Eindresultaat) -> tuple[list[str], bool] | None:
    """The core's checklist for the close dialog, from the attempts already shown."""
    if view.case is None or not result.is_no_contact:
        return None
    standard = view.backend.policy.effort
    return effort_shortfalls(list(view.case.attempts), standard), standard.enforced


def open_close(view: CaseView) -> CloseCaseDialog | None:
    if view.case is None or view.case.status is not CaseStatus.OPEN:
        return None
    dialog = CloseCaseDialog(view, effort_check=lambda result: effort_check(view, result))
    case_id = view.case.id
    worker_id, device_id = view.identity()
    policy = view.backend.policy

    def effort_refused(error: BaseException) -> bool:
        if isinstance(error, EffortNotMet):
            dialog.show_effort_shortfalls(list(error.shortfalls))
            return True
        return False

    def save(value: CloseInput) -> None:
        at = view.clock()
        view.writer.write(
            lambda session: case_service.close_case(
                session,
                event_id=value.event_id,
                case_id=case_id,
                resultaat=value.resultaat,
                reason=value.reason,
                at=at,
                worker_id=worker_id,
                device_id=device_id,
                effort_override=value.effort_override,
                policy=policy,
            ),
            case_id=case_id,
            saved=QCoreApplication.translate("CaseView", "✓ Zaak afgesloten: %1").replace(
                "%1", result_label(value.resultaat)
            ),
            dialog=dialog,
            on_error=effort_refused,
        )

    dialog.save_requested.connect(save)
    dialog.open()
    return dialog


def open_reopen(view: CaseView) -> ReopenCaseDialog | None:
    if view.case is None or view.case.status is CaseStatus.OPEN:
        return None
    result = result_label(view.case.resultaat) if view.case.resultaat else "—"
    dialog = ReopenCaseDialog(result, view)
    case_id = view.case.id
    worker_id, device_id = view.identity()

    def save(reason: str) -> None:
        at = view.clock()
        view.writer.write(
            lambda session: case_service.reopen_case(
                session,
                event_id=dialog.event_id,
                case_id=case_id,
                reason=reason,
                at=at,
                worker_id=worker_id,
                device_id=device_id,
            ),
            case_id=case_id,
            saved=QCoreApplication.translate("CaseView", "✓ Zaak heropend."),
            dialog=dialog,
        )

    dialog.save_requested.connect(save)
    dialog.open()
    return dialog
