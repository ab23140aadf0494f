"""Settings: language (applies at once), auto-lock time, and the worker's own details.

"Uw gegevens" is what cards and letters print as sender (``fieldapp.services.profile``): a
store made with ``fieldapp init`` has nothing else to sign with. The details live in the
encrypted store, so they can be read and changed only while unlocked; a wrong number keeps
the dialog open with everything typed, and nothing is saved.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldapp import __version__
from fieldapp.domain.people import readable_phone
from fieldapp.errors import FieldAppError
from fieldapp.services.changes import Changes
from fieldapp.services.profile import WorkerProfile, clean_profile, load_profile, save_profile
from ui.backend import Backend
from ui.i18n import LANGUAGES
from ui.messages import user_message
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.settings import UiSettings


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: UiSettings,
        parent: QWidget | None = None,
        *,
        backend: Backend | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.backend = backend
        self.profile: WorkerProfile | None = None  # as loaded; None while locked or loading
        self.setWindowTitle(self.tr("Instellingen"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(self.tr(" minuten"))
        self.minutes.setValue(max(1, round(settings.autolock_minutes)))
        form = QFormLayout()
        form.addRow(self.tr("&Taal:"), self.language)
        form.addRow(self.tr("&Vergrendelen na:"), self.minutes)

        self.naam = QLineEdit()
        self.naam.setPlaceholderText(self.tr("bijv. Sanne de Wit"))
        self.telefoon = QLineEdit()
        self.telefoon.setPlaceholderText(self.tr("direct nummer, bijv. 06 12345678"))
        self.whatsapp = QLineEdit()
        self.whatsapp.setPlaceholderText(self.tr("leeg: hetzelfde als telefoon"))
        title = QLabel(self.tr("Uw gegevens op kaartjes en brieven"))
        title.setObjectName("SectionTitle")
        self.profile_note = QLabel()
        self.profile_note.setObjectName("Muted")
        self.profile_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        details = QFormLayout()
        details.addRow(self.tr("&Naam:"), self.naam)
        details.addRow(self.tr("Tele&foon:"), self.telefoon)
        details.addRow(self.tr("&WhatsApp:"), self.whatsapp)
        self._set_profile_enabled(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.about_button = self.buttons.addButton(
            self.tr("&Over Veldwerk…"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.about_button.clicked.connect(self.show_about)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addLayout(details)
        layout.addWidget(self.profile_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._load_profile()

    def about_text(self) -> str:
        return self.tr(
            "<b>Veldwerk %1</b><br>Veldapp voor vroegsignalering: versleuteld, ook zonder "
            "internet.<br>Licentie: EUPL-1.2. Lettertype DejaVu Sans (vrije licentie)."
        ).replace("%1", __version__)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("Over Veldwerk"), self.about_text())

    # --- the profile (DB thread) ---------------------------------------------------------------

    def _set_profile_enabled(self, enabled: bool) -> None:
        for box in (self.naam, self.telefoon, self.whatsapp):
            box.setEnabled(enabled)

    def _load_profile(self) -> None:
        backend = self.backend
        if backend is None or not backend.is_unlocked:
            self.profile_note.setText(self.tr("Ontgrendel Veldwerk om uw gegevens te wijzigen."))
            return
        self.profile_note.setText(self.tr("Laden…"))
        backend.runner.query(load_profile, parent=self).success(self._show_profile).failure(
            lambda error: self.profile_note.setText(user_message(error))
        ).run()

    def _show_profile(self, profile: WorkerProfile) -> None:
        self.profile = profile
        self.naam.setText(profile.naam)
        self.telefoon.setText(readable_phone(profile.telefoon) if profile.telefoon else "")
        self.whatsapp.setText(readable_phone(profile.whatsapp) if profile.whatsapp else "")
        self.profile_note.setText(
            self.tr(
                "Zonder naam en telefoonnummer print Veldwerk geen kaartjes of brieven. "
                "Leeg laten: de gegevens van de server."
            )
        )
        self._set_profile_enabled(True)

    def _edited_profile(self) -> WorkerProfile | None:
        """The profile as typed, checked; None when nothing changed. Raises FieldAppError."""
        if self.profile is None:
            return None
        edited = clean_profile(
            self.profile,
            naam=self.naam.text(),
            telefoon=self.telefoon.text(),
            whatsapp=self.whatsapp.text(),
        )
        return None if edited == self.profile else edited

    # --- saving --------------------------------------------------------------------------------

    def _save(self) -> None:
        try:
            edited = self._edited_profile()
        except FieldAppError as error:
            self._show_error(user_message(error))
            return  # nothing saved; everything typed stays
        self.settings.language = self.language.currentData()
        self.settings.autolock_minutes = self.minutes.value()
        self.settings.sync()
        if edited is None or self.backend is None:
            self.accept()
            return
        self.buttons.setEnabled(False)

        def write(session: Session) -> Changes:
            return save_profile(session, edited)

        def saved(_changes: Changes) -> None:
            self.profile = edited
            self.accept()

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            self._show_error(user_message(error))

        self.backend.runner.db_op(write, parent=self).success(saved).failure(failed).run(
            initiator=self
        )

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
