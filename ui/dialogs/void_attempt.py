"""Strike out a wrong attempt: append-only, with a reason (never an edit or a delete)."""

from __future__ import annotations

from ui.dialogs.reason_dialog import ReasonDialog
from ui.qt import QCoreApplication, QWidget


class VoidAttemptDialog(ReasonDialog):
    def __init__(self, description: str, parent: QWidget | None = None) -> None:
        tr = QCoreApplication.translate
        super().__init__(
            title=tr("VoidAttemptDialog", "Poging doorstrepen"),
            intro=tr(
                "VoidAttemptDialog",
                "De poging blijft zichtbaar, doorgestreept, met uw reden erbij:\n%1",
            ).replace("%1", description),
            ok_text=tr("VoidAttemptDialog", "Doorstrepen"),
            placeholder=tr("VoidAttemptDialog", "Reden, bijv. verkeerde zaak gekozen"),
            parent=parent,
        )

    @property
    def void_id(self) -> str:
        return self.event_id


class ReopenCaseDialog(ReasonDialog):
    """Open a closed case again; the reason goes into the audited case event."""

    def __init__(self, result: str, parent: QWidget | None = None) -> None:
        tr = QCoreApplication.translate
        super().__init__(
            title=tr("ReopenCaseDialog", "Zaak heropenen"),
            intro=tr(
                "ReopenCaseDialog",
                "Deze zaak is afgesloten als «%1». Waarom heropent u hem? Uw reden wordt "
                "vastgelegd en gaat mee naar de server.",
            ).replace("%1", result),
            ok_text=tr("ReopenCaseDialog", "Heropenen"),
            placeholder=tr("ReopenCaseDialog", "Reden, bijv. inwoner belde terug"),
            parent=parent,
        )
