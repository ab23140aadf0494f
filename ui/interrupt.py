"""Ctrl-C in the terminal closes the window the normal way (drafts saved, store closed).

Qt's event loop runs in C++, so a Python signal handler would wait until some Python code runs
(which may be never while the window is idle). ``signal.set_wakeup_fd`` makes the C-level
handler write a byte to a socket pair; a ``QSocketNotifier`` on the other end wakes the event
loop, and the Python handler then runs at once. It closes every top-level window, as the
window's own close button would: the main window's ``closeEvent`` queues the drafts, lets the
queued writes commit and closes the store. A second Ctrl-C while that is under way falls back
to Python's default (KeyboardInterrupt).
"""

from __future__ import annotations

import contextlib
import signal
import socket
from types import FrameType

from ui.qt import QApplication, QObject, QSocketNotifier, QTimer

INTERRUPTED_EXIT_CODE = 130  # 128 + SIGINT, as shells report it


class SigintCloser(QObject):
    """Install with :meth:`install` on the GUI (main) thread; :meth:`restore` after the loop."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interrupted = False
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._old_fd = -1
        self._old_handler: object = signal.default_int_handler
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def install(self) -> SigintCloser:
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._old_handler = signal.signal(signal.SIGINT, self._on_sigint)
        return self

    def restore(self) -> None:
        self._notifier.setEnabled(False)
        with contextlib.suppress(ValueError):  # not the main thread: nothing was installed
            signal.set_wakeup_fd(self._old_fd)
            signal.signal(signal.SIGINT, self._old_handler)  # type: ignore[arg-type]
        self._reader.close()
        self._writer.close()

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(512):
                pass

    def _on_sigint(self, _signum: int, _frame: FrameType | None) -> None:
        if self.interrupted:  # the second Ctrl-C: stop waiting for a clean close
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        self.interrupted = True
        QTimer.singleShot(0, QApplication.closeAllWindows)
