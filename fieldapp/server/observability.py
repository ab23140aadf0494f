"""Request logs and the last line of defence for errors, without personal data.

:class:`RequestLog` is the outermost middleware of the app. It gives every request an id, writes
one structured JSON line per request (id, method, route *template*, status, ms, user id, device
id: ids only, never a path with values, a query string or a body) and turns any exception that
escaped the routes into a typed JSON 500 with the request id. The exception is logged as its
type and its frames (file:line in function) only: messages and values are never logged, because
a database error's message can carry the very names and BSNs it failed on.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("fieldapp.server.access")
error_log = logging.getLogger("fieldapp.server.errors")

INTERNAL_ERROR_TEXT = "Er ging iets mis op de server. Probeer het later opnieuw."


def frames_of(exc: BaseException, limit: int = 12) -> list[str]:
    """``file:line in function`` for the innermost frames: where, never what."""
    summary = traceback.extract_tb(exc.__traceback__)[-limit:]
    return [f"{_short(frame.filename)}:{frame.lineno} in {frame.name}" for frame in summary]


def _short(filename: str) -> str:
    """A frame's file relative to the package or site-packages (no home folders in logs)."""
    if "/fieldapp/" in filename:
        return "fieldapp/" + filename.rsplit("/fieldapp/", 1)[1]
    if "/site-packages/" in filename:
        return filename.rsplit("/site-packages/", 1)[1]
    return filename.rsplit("/", 1)[-1]


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "(geen route)"


class RequestLog:
    """ASGI middleware: request id, one JSON log line per request, typed 500 on a crash."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        request_id = state.setdefault("request_id", str(uuid.uuid4()))
        started = time.perf_counter()
        status = 0
        response_started = False

        async def send_tracked(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = int(message["status"])
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracked)
        except Exception as exc:
            error_log.error(
                json.dumps(
                    {
                        "event": "unhandled_error",
                        "request_id": request_id,
                        "route": _route_of(scope),
                        "error": type(exc).__name__,
                        "frames": frames_of(exc),
                    }
                )
            )
            if not response_started:
                status = 500
                await _internal_error(send, request_id)
        finally:
            access_log.info(
                json.dumps(
                    {
                        "event": "request",
                        "request_id": request_id,
                        "method": scope.get("method", ""),
                        "route": _route_of(scope),
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                        "user_id": state.get("user_id"),
                        "device_id": state.get("device_id"),
                    }
                )
            )


async def _internal_error(send: Send, request_id: str) -> None:
    body = json.dumps(
        {"detail": INTERNAL_ERROR_TEXT, "error": "internal_error", "request_id": request_id}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class JsonLineFormatter(logging.Formatter):
    """For ``fieldapp serve``: each record one JSON object; messages that are JSON already are
    merged in, others (uvicorn's own start-up lines) are wrapped."""

    def format(self, record: logging.LogRecord) -> str:
        base: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        message = record.getMessage()
        try:
            parsed = json.loads(message)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            base.update(parsed)
        else:
            base["message"] = message
        if record.exc_info and record.exc_info[1] is not None:
            # Only the type and frames: a traceback's text can hold personal values.
            exc = record.exc_info[1]
            base["error"] = type(exc).__name__
            base["frames"] = frames_of(exc)
        return json.dumps(base, ensure_ascii=False)


def configure_server_logging(level: int = logging.INFO) -> None:
    """JSON lines on stderr for the server's own loggers and uvicorn's; tracebacks reduced."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLineFormatter())
    for name in ("fieldapp", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
