"""A small loopback HTTP proxy that misbehaves on purpose (test tool, not a mock: the real
server and the real client talk through it).

Modes, consumed one per request in order (then ``pass``):
- ``pass``: forward and relay the reply;
- ``drop``: forward (the server commits), then close without replying;
- ``html``: answer 200 with a captive-portal HTML page, never forwarding;
- ``truncate``: forward, relay the headers and half the body, close;
- ``reset``: close the client connection with a TCP RST before forwarding;
- ``garbage``: forward, then reply 200 application/json with a body of the wrong shape.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections import deque

PORTAL = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 62\r\nConnection: close\r\n\r\n"
    b"<html><body>Log in op het gratis wifi-netwerk</body></html>\r\n\r\n"
)


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.modes: deque[str] = deque()
        self.served: list[str] = []
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def queue(self, *modes: str) -> None:
        with self._lock:
            self.modes.extend(modes)

    def close(self) -> None:
        self._stop = True
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _next_mode(self) -> str:
        with self._lock:
            mode = self.modes.popleft() if self.modes else "pass"
            self.served.append(mode)
            return mode

    def _handle(self, conn: socket.socket) -> None:
        try:
            while True:
                request = _read_request(conn)
                if request is None:
                    return
                mode = self._next_mode()
                if mode == "reset":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                if mode == "html":
                    conn.sendall(PORTAL)
                    return
                reply = self._forward(request)
                if mode == "drop":
                    return
                if mode == "truncate":
                    head, _, body = reply.partition(b"\r\n\r\n")
                    conn.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])
                    return
                if mode == "garbage":
                    body = b'{"hello": "world"}'
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                        + body
                    )
                    return
                conn.sendall(reply)
                return
        except OSError:
            return
        finally:
            conn.close()

    def _forward(self, request: bytes) -> bytes:
        head, _, body = request.partition(b"\r\n\r\n")
        lines = [
            line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")
        ]
        lines.append(b"Connection: close")
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + body)
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        reply = b"".join(chunks)
        # The client may keep the connection alive; we always close after one reply.
        rhead, _, rbody = reply.partition(b"\r\n\r\n")
        rlines = [
            line for line in rhead.split(b"\r\n") if not line.lower().startswith(b"connection:")
        ]
        rlines.append(b"Connection: close")
        return b"\r\n".join(rlines) + b"\r\n\r\n" + rbody


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return head + b"\r\n\r\n" + rest
