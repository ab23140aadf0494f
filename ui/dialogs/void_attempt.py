"""Strike out a wrong attempt: append-only, with a reason (never an edit or a delete)."""

from __future__ import annotations

from ui.dialogs.reason_dialog import ReasonDialog
from ui.qt import QCoreApplication, QWidget


class VoidAttemptDialog(ReasonDialog):
    def __init__(self, description: str, parent: QWidget | None = None) -> None:
        super().__init__(
            title=QCoreApplication.translate("VoidAttemptDialog", "Poging doorstrepen"),
            intro=QCoreApplication.translate(
                "VoidAttemptDialog",
                "De poging blijft zichtbaar, doorgestreept, met uw reden erbij:\n%1",
            ).replace("%1", description),
            ok_text=QCoreApplication.translate("VoidAttemptDialog", "Doorstrepen"),
            placeholder=QCoreApplication.translate(
                "VoidAttemptDialog", "Reden, bijv. verkeerde zaak gekozen"
            ),
            parent=parent,
        )

    @property
    def void_id(self) -> str:
        return self.event_id


class ReopenCaseDialog(ReasonDialog):
    """Open a closed case again; the reason goes into the audited case event."""

    def __init__(self, result: str, parent: QWidget | None = None) -> None:
        super().__init__(
            title=QCoreApplication.translate("ReopenCaseDialog", "Zaak heropenen"),
            intro=QCoreApplication.translate(
                "ReopenCaseDialog",
                "Deze zaak is afgesloten als «%1». Waarom heropent u hem? Uw reden wordt "
                "vastgelegd en gaat mee naar de server.",
            ).replace("%1", result),
            ok_text=QCoreApplication.translate("ReopenCaseDialog", "Heropenen"),
            placeholder=QCoreApplication.translate(
                "ReopenCaseDialog", "Reden, bijv. inwoner belde terug"
            ),
            parent=parent,
        )
