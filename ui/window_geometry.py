"""Window size and position that fit the screen the window is on.

A laptop at 1366x768 has about 1366x728 available (task bar), less the title bar: a fixed
1200x820 window put the sync bar off-screen. The first start sizes the window from
``QScreen.availableGeometry``; later starts restore the user's own size and position
(QSettings, via ``saveGeometry``), unless that no longer fits any screen (a laptop undocked
from a big monitor), then it is fitted again. Dialogs are clamped the same way.
"""

from __future__ import annotations

from ui.qt import QByteArray, QGuiApplication, QRect, QSize, QWidget

PREFERRED = QSize(1280, 860)
FRAME_ALLOWANCE = QSize(16, 48)  # window frame and title bar outside geometry()


def fitted_rect(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The client rect for a window on ``available``: the preferred size or smaller, centred."""
    width = min(preferred.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(preferred.height(), available.height() - FRAME_ALLOWANCE.height())
    rect = QRect(0, 0, max(width, 320), max(height, 240))
    rect.moveCenter(available.center())
    rect.moveTop(max(rect.top(), available.top() + FRAME_ALLOWANCE.height() - 8))
    return rect


def _on_some_screen(rect: QRect) -> bool:
    return any(
        screen.availableGeometry().contains(rect.center())
        and screen.availableGeometry().height() >= rect.height()
        for screen in QGuiApplication.screens()
    )


def place_window(window: QWidget, saved: QByteArray | None) -> None:
    """Restore ``saved`` (from ``saveGeometry``) when it fits a screen, else fit the screen."""
    restored = saved is not None and not saved.isEmpty() and window.restoreGeometry(saved)
    if restored and _on_some_screen(window.frameGeometry()):
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(PREFERRED)
        return
    window.setGeometry(fitted_rect(screen.availableGeometry()))


def fit_dialog(dialog: QWidget, parent: QWidget | None = None) -> None:
    """Shrink a dialog that would be taller or wider than its screen's available area."""
    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    limit = QSize(
        available.width() - FRAME_ALLOWANCE.width(), available.height() - FRAME_ALLOWANCE.height()
    )
    size = dialog.size().boundedTo(limit)
    if size != dialog.size():
        dialog.resize(size)
    dialog.setMaximumHeight(max(limit.height(), dialog.minimumHeight()))
