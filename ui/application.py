"""The one QApplication, set up the way every window of Veldwerk expects (light to import)."""

from __future__ import annotations

import sys

from ui.qt import QApplication, QFont
from ui.resources import icon, style_sheet


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Veldwerk")
    app.setOrganizationName("Veldwerk")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(icon("huisbezoek"))
    return app
