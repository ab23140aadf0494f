"""The server re-checks the effort standard on every close, over real HTTP on loopback."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import select

from fieldapp.server.db.schema import AuditEventRow, QuarantineRow
from fieldapp.store.schema import CaseEventRow, CaseRow
from tests.server.helpers import make_actor, make_cases, push_body

NO_CONTACT = "Definitief geen contact kunnen krijgen"


def letter(case_id: str, day: int) -> dict[str, object]:
    return {
        "type": "attempt",
        "id": str(uuid.uuid4()),
        "case_id": case_id,
        "soort": "Brief",
        "bereikt": False,
        "occurred_at": f"2026-11-{day:02d}T10:15:00+01:00",
        "dagdeel": "Ochtend",
        "note": "",
    }


def close(case_id: str, *, override: bool = False, reason: str = "") -> dict[str, object]:
    return {
        "type": "case_event",
        "id": str(uuid.uuid4()),
        "case_id": case_id,
        "kind": "close",
        "resultaat": NO_CONTACT,
        "reason": reason,
        "effort_override": override,
        "at": "2026-11-21T16:00:00+01:00",
    }


def test_close_after_two_letters_goes_to_review_and_the_case_stays_open(live) -> None:
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    refused = close(cid, override=True, reason="wil niet meer")  # a worker's override
    items = [letter(cid, 18), letter(cid, 19), refused]
    with httpx.Client(base_url=url) as http:
        reply = http.post("/v1/sync/push", json=push_body(anna, items), headers=anna.headers)
        queue = http.get("/v1/quarantine", headers=lead.headers).json()["items"]
    body = reply.json()
    assert reply.status_code == 200
    assert body["quarantined"] == [refused["id"]]  # never dropped
    assert len(body["accepted"]) == 2
    assert [(q["id"], q["reason"]) for q in queue] == [(refused["id"], "effort_not_met")]
    with db.session() as s:
        assert s.get(CaseRow, cid).status == "open"  # type: ignore[union-attr]
        assert s.scalars(select(CaseEventRow)).all() == []
        assert s.scalars(select(QuarantineRow.reason)).all() == ["effort_not_met"]


def test_a_leads_reasoned_override_is_applied_and_audited(live) -> None:
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=None)
    event = close(cid, override=True, reason="Pand is gesloopt")
    with httpx.Client(base_url=url) as http:
        body = http.post(
            "/v1/sync/push", json=push_body(lead, [letter(cid, 18), event]), headers=lead.headers
        ).json()
    assert event["id"] in body["accepted"]
    with db.session() as s:
        assert s.get(CaseRow, cid).status == "gesloten"  # type: ignore[union-attr]
        stored = s.get(CaseEventRow, event["id"])
        assert stored is not None and stored.effort_override
        audits = s.scalars(
            select(AuditEventRow).where(AuditEventRow.action == "effort_override")
        ).all()
    assert [(a.outcome, a.case_ids) for a in audits] == [("ok", [cid])]
    assert "Pand" not in str(audits[0].detail)  # ids and counts only
