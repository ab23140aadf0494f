"""Where the UI finds icons, translations and the style sheet, and loading them.

Resources live in the top-level ``resources/`` folder next to ``ui/`` (a source checkout or an
installed tree with the same layout). Icons are our own CC0 SVGs (resources/icons/LICENSE.txt).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ui.qt import QColor, QIcon, QPainter, QPixmap, QSize

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
TRANSLATIONS = RESOURCES / "translations"
STYLE_SHEET = RESOURCES / "style.qss"


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon if missing, never an error)."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def tinted_pixmap(name: str, size: int, color: QColor) -> QPixmap:
    """The icon drawn in ``color`` (for marks on coloured backgrounds)."""
    base = icon(name).pixmap(QSize(size, size))
    out = QPixmap(base.size())
    out.setDevicePixelRatio(base.devicePixelRatio())
    out.fill(QColor(0, 0, 0, 0))
    painter = QPainter(out)
    painter.drawPixmap(0, 0, base)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(out.rect(), color)
    painter.end()
    return out


def style_sheet() -> str:
    try:
        return STYLE_SHEET.read_text(encoding="utf-8")
    except OSError:
        return ""
