"""Outcome endpoints over real HTTP: policy for all, report/audit/feedback/DDAS for leads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import httpx
import pytest

from fieldapp.config import parse_policy, policy_text
from fieldapp.reporting.ddas_checks import semantic_problems
from fieldapp.reporting.ddas_export import validate_delivery
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from tests.server.helpers import make_actor, make_cases

ORG = 'gemeente = "Gemeente Proefstad"\ngemeentecode = "0344"\n'
TODAY = date.today()
PERIOD = {"van": (TODAY - timedelta(days=2)).isoformat(), "tot": TODAY.isoformat()}


@pytest.fixture
def server(sqlite_server_db: ServerDatabase) -> Iterator[tuple[str, ServerDatabase]]:
    settings = ServerSettings(fast_password_hash=True, organisation_text=ORG)
    url, stop = start_embedded_server(None, db=sqlite_server_db, settings=settings)
    try:
        yield url, sqlite_server_db
    finally:
        stop()


def test_every_device_gets_the_servers_policy(server) -> None:
    url, db = server
    anna = make_actor(db, "anna", "worker", "A")
    reply = httpx.get(f"{url}/v1/policy", headers=anna.headers)
    assert reply.status_code == 200
    assert reply.json()["toml"] == policy_text()
    assert parse_policy(reply.json()["toml"]).effort.enforced


def test_lead_report_audit_feedback_and_ddas(server) -> None:
    url, db = server
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    make_cases(db, team="A", worker_id=anna.worker_id, count=2)
    make_cases(db, team="B", worker_id=None, count=1)
    with httpx.Client(base_url=url, headers=lead.headers) as http:
        report = http.get("/v1/report", params=PERIOD).json()
        assert report["zaken"] == 2  # only the lead's team
        assert report["binnen_7_dagen"] == [] and report["te_laat"] == []
        assert (
            http.get("/v1/report", params={"van": "2026-12-02", "tot": "2026-12-01"}).status_code
            == 422
        )
        feedback = http.get("/v1/terugmelding", params={**PERIOD, "partner": "Huur"}).json()
        assert len(feedback["terugmeldingen"]) == 2
        parts = http.get("/v1/export/ddas", params=PERIOD).json()["parts"]
        assert len(parts) == 1
        assert validate_delivery(parts[0]) == [] and semantic_problems(parts[0]) == []
        trail = http.get("/v1/audit", params={"action": "report"}).json()
        assert trail and all(r["action"] == "report" for r in trail)
        assert all(
            set(r)
            == {"id", "at", "action", "outcome", "user_id", "device_id", "case_ids", "detail"}
            for r in trail
        )
        everything = [r["id"] for r in http.get("/v1/audit", params={"limit": 3}).json()]
        older = http.get("/v1/audit", params={"before": everything[1], "limit": 2}).json()
        assert len(everything) == 3 and [r["id"] for r in older][:1] == everything[2:]
        assert http.get("/v1/audit", params={"van": "2100-01-01", "tot": "2100-01-31"}).json() == []
        assert (
            http.get("/v1/audit", params={"van": "2026-02-01", "tot": "2026-01-01"}).status_code
            == 422
        )
    assert httpx.get(f"{url}/v1/report", params=PERIOD, headers=anna.headers).status_code == 403
    assert httpx.get(f"{url}/v1/audit", headers=anna.headers).status_code == 403
