"""Admission control: under overload, answer 503 + ``Retry-After`` at once instead of queueing.

A server process takes at most ``limit`` requests at a time (the database pool and the thread
pool behind the routes are about that big). One more is refused immediately with a small JSON
body and ``Retry-After``: the laptop's transport waits at least that long before it retries
(fieldapp.sync.transport), so a morning rush spreads itself out instead of every request
timing out together. ``/v1/health`` is never refused (load balancers and ``fieldapp doctor``
use it). One counter per process: the event loop is single-threaded, so no lock is needed.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Receive, Scope, Send

DEFAULT_MAX_INFLIGHT = 48
RETRY_AFTER_SECONDS = 2


class AdmissionControl:
    def __init__(self, app: ASGIApp, limit: int = DEFAULT_MAX_INFLIGHT) -> None:
        self.app = app
        self.limit = max(1, limit)
        self.inflight = 0
        self.refused = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == "/v1/health":
            await self.app(scope, receive, send)
            return
        if self.inflight >= self.limit:
            self.refused += 1
            await _overloaded(send)
            return
        self.inflight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.inflight -= 1


async def _overloaded(send: Send) -> None:
    body = json.dumps(
        {
            "detail": "De server is even druk. Veldwerk probeert het zo opnieuw.",
            "error": "overloaded",
            "retry_after": RETRY_AFTER_SECONDS,
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
