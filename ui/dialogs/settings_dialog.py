"""Settings: language (applies at once) and auto-lock time."""

from __future__ import annotations

from ui.i18n import LANGUAGES
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.settings import UiSettings


class SettingsDialog(QDialog):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _save(self) -> None:
        self.settings.language = self.language.currentData()
        self.settings.autolock_minutes = self.minutes.value()
        self.settings.sync()
        self.accept()
