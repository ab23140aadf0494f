"""Overload is answered at once with 503 + Retry-After, and the laptop waits that long."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import httpx
import pytest

from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.sync.protocol import Health
from fieldapp.sync.transport import SyncUnavailable, Transport
from tests.server.helpers import make_actor, make_cases, server_database


def test_a_request_over_the_limit_gets_503_with_retry_after_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Event(), threading.Event()
    import fieldapp.server.team_ops as team

    real_assign = team.assign_cases

    def slow_assign(*args: object, **kwargs: object) -> object:
        entered.set()
        release.wait(30)
        return real_assign(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(team, "assign_cases", slow_assign)
    with server_database("sqlite", tmp_path) as db:
        lead = make_actor(db, "lead-" + uuid.uuid4().hex[:4], "teamlead", "noord")
        worker = make_actor(db, "werker-" + uuid.uuid4().hex[:4], "worker", "noord")
        [(case_id, _name)] = make_cases(db, team="noord", worker_id=None)
        settings = ServerSettings(fast_password_hash=True, max_inflight=1)
        url, stop = start_embedded_server(None, db=db, settings=settings)
        try:
            busy = threading.Thread(
                target=httpx.post,
                args=(f"{url}/v1/cases/assign",),
                kwargs={
                    "json": {"case_ids": [case_id], "worker_id": worker.worker_id},
                    "headers": lead.headers,
                    "timeout": 60,
                },
            )
            busy.start()
            assert entered.wait(30)  # the one allowed request is now in flight
            refused = httpx.get(f"{url}/v1/sync/changes", headers=worker.headers, timeout=10)
            assert refused.status_code == 503
            assert refused.headers["retry-after"] == "2"
            assert refused.json()["error"] == "overloaded"
            with (
                Transport(url, worker.token, retries=0, overload_budget=0) as transport,
                pytest.raises(SyncUnavailable),
            ):
                transport.call("GET", "/v1/sync/changes", Health)
            release.set()
            busy.join(30)
            # With room again the same request goes through.
            again = httpx.get(f"{url}/v1/sync/changes", headers=worker.headers, timeout=10)
            assert again.status_code == 200
        finally:
            release.set()
            stop()


def test_the_client_waits_at_least_retry_after_before_retrying() -> None:
    waits: list[float] = []

    class Recorder(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            waits.append(timeout or 0.0)
            return False

    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(503, json={"detail": "druk"}, headers={"Retry-After": "3"})
        return httpx.Response(
            200,
            json={
                "status": "ok",
                "server_epoch": "e",
                "protocol_version": 2,
                "min_protocol_version": 1,
            },
        )

    transport = Transport("http://127.0.0.1:9", retries=2, backoff=0.01, cancel=Recorder())
    transport._client = httpx.Client(  # the real transport logic over an in-memory reply
        base_url="http://127.0.0.1:9", transport=httpx.MockTransport(handler)
    )
    try:
        transport.call("GET", "/v1/health", Health)
    finally:
        transport.close()
    assert calls["n"] == 2
    assert waits and waits[0] >= 3.0


def test_health_is_never_refused_even_at_the_limit() -> None:
    import asyncio

    from fieldapp.server.admission import AdmissionControl

    seen: list[str] = []

    async def inner(scope, receive, send):  # type: ignore[no-untyped-def]
        seen.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    gate = AdmissionControl(inner, limit=1)
    gate.inflight = 1  # one request already being served
    sent: list[dict[str, object]] = []

    async def send(message):  # type: ignore[no-untyped-def]
        sent.append(message)

    async def receive():  # type: ignore[no-untyped-def]
        return {"type": "http.request", "body": b"", "more_body": False}

    for path in ("/v1/health", "/v1/sync/changes"):
        asyncio.run(gate(({"type": "http", "path": path}), receive, send))
    statuses = [m["status"] for m in sent if m["type"] == "http.response.start"]
    assert statuses == [200, 503] and seen == ["/v1/health"] and gate.refused == 1


def test_overload_waits_do_not_use_up_the_retries_within_the_budget() -> None:
    waits: list[float] = []

    class Recorder(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            waits.append(timeout or 0.0)
            return False

    replies = iter([503, 503, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(replies)
        if status == 503:
            return httpx.Response(503, json={"detail": "druk"}, headers={"Retry-After": "2"})
        return httpx.Response(
            200,
            json={
                "status": "ok",
                "server_epoch": "e",
                "protocol_version": 2,
                "min_protocol_version": 1,
            },
        )

    transport = Transport("http://127.0.0.1:9", retries=0, cancel=Recorder(), overload_budget=60)
    transport._client = httpx.Client(
        base_url="http://127.0.0.1:9", transport=httpx.MockTransport(handler)
    )
    try:
        transport.call("GET", "/v1/health", Health)
    finally:
        transport.close()
    assert transport.attempts_made == 3 and len(waits) == 2 and min(waits) >= 2.0
    # Past the budget the overload counts as a failure like any other.
    replies = iter([503, 503, 503])
    transport = Transport("http://127.0.0.1:9", retries=0, cancel=Recorder(), overload_budget=3)
    transport._client = httpx.Client(
        base_url="http://127.0.0.1:9", transport=httpx.MockTransport(handler)
    )
    try:
        with pytest.raises(SyncUnavailable):
            transport.call("GET", "/v1/health", Health)
    finally:
        transport.close()
