"""Keyboard focus scrolls into view: a Tab to a widget inside a scroll area brings it on
screen, also when the focus moves from outside the area into it."""

from __future__ import annotations

from ui.qt import QApplication, QObject, QScrollArea, QWidget


class _FocusFollower(QObject):
    """Child of the area: Qt drops the connection when the area is deleted."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        inner = self.area.widget()
        if new is not None and inner is not None and inner.isAncestorOf(new):
            self.area.ensureWidgetVisible(new, 16, 16)


def ensure_focus_visible(area: QScrollArea) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        follower = _FocusFollower(area)
        app.focusChanged.connect(follower.follow)
