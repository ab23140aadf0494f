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
from fieldapp.domain.effort import effort_checklist, needs_effort
from fieldapp.services import cases as case_service
from fieldapp.services.errors import EffortNotMet, OverrideNotAllowed
from ui.dialogs.close_case import CloseCaseDialog, CloseInput
from ui.dialogs.void_attempt import ReopenCaseDialog
from ui.labels import result_label
from ui.qt import QCoreApplication, QWidget

if TYPE_CHECKING:
    from ui.views.case_host import CaseHost


def effort_check(view: CaseHost, result: Eindresultaat) -> tuple[list[str], bool] | None:
    """The core's checklist for the close dialog, from the attempts already shown."""
    if view.case is None or not needs_effort(result):
        return None
    standard = view.backend.policy.effort
    checklist = effort_checklist(list(view.case.attempts), standard)
    return [item.line for item in checklist], standard.enforced


def open_close(view: CaseHost, parent: QWidget) -> CloseCaseDialog | None:
    if view.case is None or view.case.status is not CaseStatus.OPEN:
        return None
    dialog = CloseCaseDialog(parent, effort_check=lambda result: effort_check(view, result))
    case_id = view.case.id
    worker_id, device_id = view.identity()
    policy = view.backend.policy

    def effort_refused(error: BaseException) -> bool:
        if isinstance(error, OverrideNotAllowed):
            dialog.set_can_override(False)
        if isinstance(error, EffortNotMet):
            dialog.show_effort_shortfalls(list(error.shortfalls))
            return True
        return False

    # Only a team lead may close before the standard is met (services.cases.close_case).
    view.backend.runner.query(case_service.local_role, parent=dialog).success(
        lambda role: dialog.set_can_override(role == case_service.ROLE_LEAD)
    ).run()

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


def open_reopen(view: CaseHost, parent: QWidget) -> ReopenCaseDialog | None:
    if view.case is None or view.case.status is CaseStatus.OPEN:
        return None
    result = result_label(view.case.resultaat) if view.case.resultaat else "—"
    dialog = ReopenCaseDialog(result, parent)
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
