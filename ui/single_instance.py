"""One running Veldwerk per store: StoreLock decides, a QLocalServer raises the first window.

The first instance holds ``StoreLock(db_path)`` and listens on a local socket named after the
store path (hashed: no path or user name in /tmp). A second start fails to take the lock, sends
"raise" to that socket and exits; if nobody answers it tells the user the store is open.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ui.qt import QObject, Signal
from ui.qt_extras import QLocalServer, QLocalSocket


def server_name(db_path: Path) -> str:
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}|{db_path.resolve()}".encode()).hexdigest()[:20]
    return f"veldwerk-{digest}"


class InstanceServer(QObject):
    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        # We hold the StoreLock, so a leftover socket file is from a crashed run: remove it.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket.waitForReadyRead(500) and bytes(socket.readAll().data()).startswith(b"raise"):
                self.raise_requested.emit()
            socket.disconnectFromServer()
            socket.deleteLater()


def ask_first_instance_to_raise(db_path: Path, timeout_ms: int = 1000) -> bool:
    """True when a running Veldwerk for this store got our request to come forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"raise\n")
    ok = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return bool(ok)
