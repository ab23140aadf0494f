"""Auto-lock: after idle time, and when the platform says the session locks or sleeps.

What is detectable (documented for the lead):
- Idle: any key, mouse, wheel or touch event in the app restarts the clock (an app-wide event
  filter). Default 5 minutes, setting ``autolock_minutes``.
- Qt ``applicationStateChanged``: ``ApplicationSuspended`` (mobile, some desktops on sleep) and
  ``ApplicationHidden`` (macOS Cmd-H) lock at once. ``ApplicationInactive`` (focus moved to
  another window) does not: that would lock on every alt-tab.
- Linux (best effort, via QtDBus, silently skipped without a bus): logind's
  ``PrepareForSleep(true)`` (suspend) and the session's ``Lock`` signal, and the freedesktop /
  GNOME screensaver ``ActiveChanged(true)``.
- Windows session lock (WTS notifications) and macOS screen lock are not wired; there the idle
  timer locks within the configured time anyway.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.qt import (
    QCoreApplication,
    QEvent,
    QGuiApplication,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 5

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
    QEvent.Type.Shortcut,
}


def monotonic_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class AutoLock(QObject):
    """Emits ``lock_requested(reason)`` once per armed period; re-``arm()`` after unlock.

    Idle time is measured with :attr:`clock_ms` (monotonic milliseconds); tests replace it with
    a clock they advance, so "idle" never races the work a test is waiting for.
    """

    lock_requested = Signal(str)

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = timeout_ms
        self._armed = False
        self.clock_ms: Callable[[], int] = monotonic_ms
        self._last_input = self.clock_ms()
        self._check = QTimer(self)
        self._check.timeout.connect(self.check_idle)
        self._set_interval()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_state)
        self._dbus_watchers = _connect_dbus(self)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(100, timeout_ms)
        self._set_interval()
        self._last_input = self.clock_ms()

    def _set_interval(self) -> None:
        self._check.setInterval(max(50, min(1000, self._timeout_ms // 4)))

    def arm(self) -> None:
        self._armed = True
        self._last_input = self.clock_ms()
        self._check.start()

    def disarm(self) -> None:
        self._armed = False
        self._check.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self.clock_ms()
        return False

    def check_idle(self) -> None:
        """Lock when armed and idle for the timeout (the check timer calls this)."""
        if self._armed and self.clock_ms() - self._last_input >= self._timeout_ms:
            self._fire("idle")

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if state in (
            Qt.ApplicationState.ApplicationSuspended,
            Qt.ApplicationState.ApplicationHidden,
        ):
            self._fire("suspend")

    @Slot(bool)
    def on_sleep(self, starting: bool) -> None:
        if starting:
            self._fire("suspend")

    @Slot()
    def on_session_lock(self) -> None:
        self._fire("session")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self._fire("session")

    def _fire(self, reason: str) -> None:
        if not self._armed:
            return
        self.disarm()
        log.info("auto-lock: %s", reason)
        self.lock_requested.emit(reason)


def _connect_dbus(target: AutoLock) -> list[str]:
    """Subscribe to logind / screensaver signals where a D-Bus is reachable."""
    try:
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return []
    hooked: list[str] = []
    try:
        system = QDBusConnection.systemBus()
        if system.isConnected():
            login1 = ("org.freedesktop.login1", "/org/freedesktop/login1")
            if _hook(
                system,
                (*login1, "org.freedesktop.login1.Manager", "PrepareForSleep"),
                target,
                SLOT("on_sleep(bool)"),
            ):
                hooked.append("logind-sleep")
            session_path = "/org/freedesktop/login1/session/auto"
            if _hook(
                system,
                (login1[0], session_path, "org.freedesktop.login1.Session", "Lock"),
                target,
                SLOT("on_session_lock()"),
            ):
                hooked.append("logind-lock")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, iface in (
                (
                    "org.freedesktop.ScreenSaver",
                    "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver",
                ),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
            ):
                if _hook(
                    session,
                    (service, path, iface, "ActiveChanged"),
                    target,
                    SLOT("on_screensaver(bool)"),
                ):
                    hooked.append(service)
    except Exception:
        log.debug("no D-Bus session-lock signals")
    return hooked


def _hook(
    bus: QDBusConnection, where: tuple[str, str, str, str], target: QObject, slot: str
) -> bool:
    """``bus.connect(service, path, interface, signal, target, slot)``.

    The PySide6 stubs type ``slot`` as bytes, but at run time only the str that ``SLOT()``
    returns is accepted (bytes raises ValueError), hence the one ignore.
    """
    service, path, interface, name = where
    return bool(bus.connect(service, path, interface, name, target, slot))  # type: ignore[call-overload]
