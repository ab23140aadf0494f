"""The FastAPI application of the sync server (protocol v1, OpenAPI at ``/openapi.json``).

Built by :func:`create_app` around one :class:`~fieldapp.server.db.engine.ServerDatabase`; the
server keeps no state outside that database, so several instances can share a PostgreSQL
database.

Cross-cutting behaviour (all tested in tests/server):
- request bodies are capped (1 MB; 50 MB for ``/v1/import``) before any parsing -> 413;
- every reply carries ``X-Request-Id`` (also written to audit events);
- validation errors (422) never echo the input back (it may be personal data, or a lone
  surrogate that cannot even be encoded);
- a too-old client gets 426 with the minimum protocol version and a Dutch "werk bij" text;
- a database error is a 503 with a generic Dutch text; no SQL, ids or data in the reply.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fieldapp.server.admission import AdmissionControl
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.errors import ApiError
from fieldapp.server.observability import RequestLog
from fieldapp.server.settings import ServerSettings

log = logging.getLogger("fieldapp.server")


def create_app(db: ServerDatabase, settings: ServerSettings | None = None) -> FastAPI:
    from fieldapp.server.routes import brp, devices, outcomes, plan, sync, team

    cfg = settings or ServerSettings()
    app = FastAPI(
        title="Veldwerk sync server",
        version="1",
        description="Sync protocol v2 for the Veldwerk field app.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.settings = cfg
    app.include_router(devices.router)
    app.include_router(sync.router)
    app.include_router(team.router)
    app.include_router(outcomes.router)
    app.include_router(brp.router)
    app.include_router(plan.router)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        if exc.audit is not None:
            await run_in_threadpool(_record_denial, db, exc.audit)
        return JSONResponse(status_code=exc.status_code, content=exc.body, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": _safe_errors(exc.errors())})

    @app.exception_handler(OperationalError)
    async def _db_unavailable(_request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", type(exc.orig).__name__)
        return JSONResponse(
            status_code=503, content={"detail": "De server is even niet bereikbaar."}
        )

    app.add_middleware(BodyLimit, limit=cfg.max_body_bytes, import_limit=cfg.import_max_body_bytes)
    # Overload: 503 + Retry-After at once (before any body is read), instead of a queue.
    app.add_middleware(AdmissionControl, limit=cfg.max_inflight)
    # Outermost: request id, one log line per request, typed 500 for anything that escaped.
    app.add_middleware(RequestLog)
    return app


def _record_denial(db: ServerDatabase, event: dict[str, Any]) -> None:
    from fieldapp.server import audit

    with db.session() as session, session.begin():
        audit.record(session, **event)


def _safe(text: object) -> str | int:
    if isinstance(text, int) and not isinstance(text, bool):
        return text
    return str(text).encode("utf-8", "replace").decode("utf-8")[:100]


def _safe_errors(errors: Any) -> list[dict[str, Any]]:
    return [
        {
            "loc": [_safe(part) for part in err.get("loc", ())],
            "msg": _safe(err.get("msg", "")),
            "type": _safe(err.get("type", "")),
        }
        for err in list(errors)[:50]
    ]


class BodyLimit:
    """ASGI middleware: cap request bodies before any parsing, and tag requests with an id."""

    def __init__(self, app: ASGIApp, limit: int, import_limit: int) -> None:
        self.app = app
        self.limit = limit
        self.import_limit = import_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = scope.setdefault("state", {}).setdefault("request_id", str(uuid.uuid4()))
        limit = self.import_limit if scope.get("path") == "/v1/import" else self.limit

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send_with_id)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _too_large(send_with_id)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_id)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _too_large(send: Send) -> None:
    body = json.dumps({"detail": "Het verzoek is te groot."}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


ENV_DB = "FIELDAPP_SERVER_DB"
ENV_DATA_DIR = "FIELDAPP_SERVER_DATA_DIR"
ENV_KEY_FILE = "FIELDAPP_SERVER_KEY_FILE"


def app_from_env() -> FastAPI:
    """App factory for ``fieldapp serve --workers N``: each worker process opens its own engine
    on the (already migrated) database named by the environment."""
    import os

    from fieldapp.server.db.open import open_server_db
    from fieldapp.server.observability import configure_server_logging

    configure_server_logging()
    data_dir = os.environ.get(ENV_DATA_DIR) or None
    key_file = os.environ.get(ENV_KEY_FILE) or None
    db = open_server_db(
        os.environ.get(ENV_DB) or None,
        data_dir=Path(data_dir) if data_dir else None,
        key_file=Path(key_file) if key_file else None,
        migrate=False,
    )
    from fieldapp.server.db.open import default_data_dir

    return create_app(
        db, ServerSettings.from_dir(Path(data_dir) if data_dir else default_data_dir())
    )
