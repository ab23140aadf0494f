"""The server's logs and error replies carry no personal data, also when something breaks.

A real server on loopback (embedded SQLCipher and PostgreSQL) gets a lead's import, a worker's
push and pull, hostile and over-long input, and an injected crash whose exception message holds
a resident's name; then every log line and every reply is searched for the fixtures' personal
strings.
"""

from __future__ import annotations

import json
import logging
import time
import uuid

import httpx
import pytest

from fieldapp.server.observability import INTERNAL_ERROR_TEXT, JsonLineFormatter
from tests.server.helpers import attempt_item, make_actor, make_cases, push_body


def _csv(surname: str, phone: str, bsn_like: str) -> bytes:
    header = (
        "signaal_id;signaalpartner;bedrag;signaaldatum;achternaam;telefoon;postcode;huisnummer\n"
    )
    rows = [
        f"LOG-1;Energie;120;2026-11-01;{surname};{phone};1234AB;5\n",
        f"LOG-2;Water;80;2026-11-01;{surname}x;{phone};1234AB;{'9' * 300}\n",  # bad number
        f"LOG-3;Huur;80;2026-11-01;{surname}y;{phone};1234AB;7;{bsn_like}\n",
    ]
    return (header + "".join(rows)).encode("utf-8")


def test_no_personal_data_in_logs_or_replies_through_a_fault_battery(
    live, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lead-" + uuid.uuid4().hex[:6], "teamlead", "noord")
    worker = make_actor(db, "werker-" + uuid.uuid4().hex[:6], "worker", "noord")
    [(case_id, marker)] = make_cases(db, team="noord", worker_id=worker.worker_id)
    surname, phone = "Zzlogname" + uuid.uuid4().hex[:6], "0687654321"
    secret_note = "Zznote" + uuid.uuid4().hex[:6]
    personal = [marker, surname, phone, "06-87654321", secret_note]
    replies: list[str] = []
    caplog.set_level(logging.DEBUG)
    with httpx.Client(base_url=url, timeout=30) as http:
        r = http.post(
            "/v1/import",
            content=_csv(surname, phone, "999990019"),
            headers=lead.headers,
            params={"filename": f"{surname}.csv"},
        )
        assert r.status_code == 200, r.text
        replies.append(r.text)
        r = http.post(
            "/v1/sync/push",
            json=push_body(worker, [attempt_item(case_id, note=secret_note)]),
            headers=worker.headers,
        )
        assert r.status_code == 200
        replies.append(r.text)
        replies.append(http.get("/v1/sync/pull", headers=worker.headers).text)  # holds the marker
        replies.pop()  # the worker's own pull legitimately carries its case's data
        # Over-long and hostile input: 4xx, never 5xx.
        long_note = attempt_item(case_id, note=secret_note * 2000)
        r = http.post("/v1/sync/push", json=push_body(worker, [long_note]), headers=worker.headers)
        assert r.status_code == 422
        replies.append(r.text)
        r = http.post(
            "/v1/enroll",
            json={"username": surname * 30, "password": secret_note, "device_name": surname},
        )
        assert 400 <= r.status_code < 500
        replies.append(r.text)
        # A crash deep inside a route whose message names a resident.
        import fieldapp.server.team_ops as team

        def broken(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError(f"kapot bij {marker} ({phone})")

        monkeypatch.setattr(team, "assign_cases", broken)
        r = http.post(
            "/v1/cases/assign",
            json={"case_ids": [case_id], "worker_id": worker.worker_id},
            headers=lead.headers,
        )
        assert r.status_code == 500
        body = r.json()
        assert body["error"] == "internal_error" and body["detail"] == INTERNAL_ERROR_TEXT
        assert body["request_id"] == r.headers["x-request-id"]
        replies.append(r.text)
        last_id = r.headers["x-request-id"]
    # The server writes a request's log line after its reply has gone out: wait for it.
    deadline = time.monotonic() + 10
    while not any(
        last_id in rec.getMessage() and rec.name.endswith(".access") for rec in caplog.records
    ):
        assert time.monotonic() < deadline, "no access log line for the last request"
        time.sleep(0.01)
    out, err = capfd.readouterr()
    # The test's own HTTP client (httpx/httpcore) logs its URLs; everything else is the server.
    server_side = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    formatted = [JsonLineFormatter().format(record) for record in server_side]
    everything = "\n".join([*formatted, out, err, *replies])
    for value in personal:
        assert value not in everything, f"personal value leaked: {value[:4]}…"
    crash = [
        json.loads(r.getMessage()) for r in caplog.records if "unhandled_error" in r.getMessage()
    ]
    assert crash and crash[0]["error"] == "RuntimeError"
    assert any("server/team_ops.py" in frame for frame in crash[0]["frames"])
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name.endswith(".access")]
    assert {line["status"] for line in lines} >= {200, 422, 500}
    assert all(set(line) >= {"request_id", "route", "status", "ms"} for line in lines)
    pushed = [line for line in lines if line["route"] == "/v1/sync/push" and line["status"] == 200]
    assert pushed and pushed[0]["user_id"] == worker.user_id
    assert pushed[0]["device_id"] == worker.device_id
