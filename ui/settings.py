"""UI preferences (language, auto-lock minutes) in QSettings. Never secrets or personal data."""

from __future__ import annotations

from pathlib import Path

from ui.auto_lock import DEFAULT_MINUTES
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from ui.qt import QByteArray, QSettings


class UiSettings:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Veldwerk", "veldwerk"
            )
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._qs.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def autolock_minutes(self) -> float:
        try:
            value = float(self._qs.value("autolock_minutes", DEFAULT_MINUTES))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return DEFAULT_MINUTES
        return min(max(value, 0.001), 240.0)

    @autolock_minutes.setter
    def autolock_minutes(self, value: float) -> None:
        self._qs.setValue("autolock_minutes", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's last size and position (``QWidget.saveGeometry``), if any."""
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def sync(self) -> None:
        self._qs.sync()
