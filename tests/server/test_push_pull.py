"""Push and pull against a real server on loopback (SQLCipher and PostgreSQL)."""

from __future__ import annotations

import json
import uuid

import httpx
from sqlalchemy import func, select, text

from fieldapp.server.db.epoch import rotate_epoch
from fieldapp.server.db.schema import AuditEventRow, ConflictRow, QuarantineRow
from fieldapp.store.schema import AttemptRow
from tests.server.helpers import attempt_item, make_actor, make_cases, push_body


def _count_attempts(db, ids):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AttemptRow).where(AttemptRow.id.in_(ids)))


def test_same_batch_twice_is_stored_once_and_reported_as_duplicates(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    items = [attempt_item(cid) for _ in range(5)]
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        first = http.post("/v1/sync/push", json=push_body(anna, items)).json()
        second = http.post("/v1/sync/push", json=push_body(anna, items)).json()
    ids = [i["id"] for i in items]
    assert sorted(first["accepted"]) == sorted(ids)
    assert sorted(second["duplicates"]) == sorted(ids) and second["accepted"] == []
    assert _count_attempts(db, ids) == 5


def test_upper_case_uuid_is_the_same_attempt(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    item = attempt_item(cid)
    shouting = {**item, "id": str(item["id"]).upper(), "case_id": cid.upper()}
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        http.post("/v1/sync/push", json=push_body(anna, [item]))
        again = http.post("/v1/sync/push", json=push_body(anna, [shouting])).json()
    assert again["duplicates"] == [item["id"]]
    assert _count_attempts(db, [item["id"]]) == 1


def test_same_uuid_with_other_content_is_a_recorded_conflict(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    item = attempt_item(cid)
    changed = {**item, "bereikt": True}
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        http.post("/v1/sync/push", json=push_body(anna, [item]))
        reply = http.post("/v1/sync/push", json=push_body(anna, [changed])).json()
    assert reply["conflicts"] == [item["id"]]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ConflictRow)) == 1
        stored = s.get(AttemptRow, item["id"])
        assert stored is not None and stored.bereikt is False  # first version kept


def test_attempt_on_reassigned_case_goes_to_quarantine_not_lost(live):  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    item = attempt_item(cid)
    with httpx.Client(base_url=url) as http:
        r = http.post(
            "/v1/cases/assign",
            json={"case_ids": [cid], "worker_id": bram.worker_id},
            headers=lead.headers,
        )
        assert r.status_code == 200
        reply = http.post("/v1/sync/push", json=push_body(anna, [item]), headers=anna.headers)
        quarantine = http.get("/v1/quarantine", headers=lead.headers).json()
    assert reply.json()["quarantined"] == [item["id"]]
    assert [q["id"] for q in quarantine["items"]] == [item["id"]]
    with db.session() as s:
        assert s.get(QuarantineRow, item["id"]) is not None


def test_unknown_and_foreign_cases_are_rejected_identically(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    ((foreign, _),) = make_cases(db, team="A", worker_id=bram.worker_id)
    a, b = attempt_item(foreign), attempt_item(str(uuid.uuid4()))
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        reply = http.post("/v1/sync/push", json=push_body(anna, [a, b])).json()
    assert reply["rejected"] == [
        {"id": a["id"], "reason": "unknown_case"},
        {"id": b["id"], "reason": "unknown_case"},
    ]


def test_feed_sends_own_cases_and_a_tombstone_after_reassignment(live):  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    mine = make_cases(db, team="A", worker_id=anna.worker_id, count=3)
    theirs = make_cases(db, team="A", worker_id=bram.worker_id, count=2)
    with httpx.Client(base_url=url) as http:
        page = http.get("/v1/sync/changes", headers=anna.headers).json()
        assert {c["entity_id"] for c in page["changes"]} == {c for c, _ in mine}
        assert all((c["entity_type"], c["op"]) == ("case", "upsert") for c in page["changes"])
        body = json.dumps(page)
        assert not any(name in body for _, name in theirs)
        http.post(
            "/v1/cases/assign",
            json={"case_ids": [mine[0][0]], "worker_id": bram.worker_id},
            headers=lead.headers,
        )
        nxt = http.get(
            "/v1/sync/changes", params={"since": page["next_cursor"]}, headers=anna.headers
        ).json()
    assert [(c["entity_type"], c["op"], c["entity_id"], c["case"]) for c in nxt["changes"]] == [
        ("case", "tombstone", mine[0][0], None)
    ]
    assert mine[0][1] not in json.dumps(nxt)


def test_paging_is_complete_and_ordered(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    cases = make_cases(db, team="A", worker_id=anna.worker_id, count=7)
    seen: list[int] = []
    ids: set[str] = set()
    cursor = ""
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        for _ in range(10):
            page = http.get("/v1/sync/changes", params={"since": cursor, "limit": 3}).json()
            seen += [c["seq"] for c in page["changes"]]
            ids |= {c["entity_id"] for c in page["changes"]}
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    assert ids == {c for c, _ in cases}
    assert seen == sorted(seen) and len(seen) == len(set(seen))


def test_foreign_and_stale_cursors_are_gone(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    make_cases(db, team="A", worker_id=anna.worker_id, count=2)
    with httpx.Client(base_url=url) as http:
        page = http.get("/v1/sync/changes", headers=anna.headers).json()
        foreign = http.get(
            "/v1/sync/changes", params={"since": page["next_cursor"]}, headers=bram.headers
        )
        junk = http.get("/v1/sync/changes", params={"since": "x.y.-5"}, headers=anna.headers)
        with db.session() as s, s.begin():
            rotate_epoch(s)
        stale = http.get(
            "/v1/sync/changes", params={"since": page["next_cursor"]}, headers=anna.headers
        )
    assert (foreign.status_code, junk.status_code, stale.status_code) == (410, 410, 410)


def test_revoked_device_is_told_to_wipe_and_push_first_may_still_push(live):  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    with httpx.Client(base_url=url) as http:
        http.post(
            f"/v1/devices/{anna.device_id}/revoke", json={"push_first": True}, headers=lead.headers
        )
        http.post(
            f"/v1/devices/{bram.device_id}/revoke", json={"push_first": False}, headers=lead.headers
        )
        pull = http.get("/v1/sync/changes", headers=anna.headers)
        push = http.post(
            "/v1/sync/push", json=push_body(anna, [attempt_item(cid)]), headers=anna.headers
        )
        bram_push = http.post("/v1/sync/push", json=push_body(bram, []), headers=bram.headers)
    assert (pull.status_code, pull.json()) == (403, {"action": "wipe", "push_first": True})
    assert push.status_code == 200 and len(push.json()["accepted"]) == 1
    assert (bram_push.status_code, bram_push.json()) == (
        403,
        {"action": "wipe", "push_first": False},
    )


def test_too_old_protocol_gets_426_with_dutch_upgrade_text(live):  # type: ignore[no-untyped-def]
    # A v1 client (feed of cases only) cannot read the v2 feed of shifts and visits.
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        r = http.post("/v1/sync/push", json={**push_body(anna, []), "protocol_version": 1})
        g = http.get("/v1/sync/changes", headers={"X-Veldwerk-Protocol": "1"})
        z = http.get("/v1/sync/changes", headers={"X-Veldwerk-Protocol": "0"})
    assert r.status_code == 426 and g.status_code == 426 and z.status_code == 426
    assert r.json()["min_protocol_version"] == 2 and "Werk Veldwerk bij" in r.json()["detail"]
    assert g.json()["min_protocol_version"] == 2


def test_hostile_bodies_get_4xx_not_5xx(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    nul = attempt_item(cid, note="a\u0000b")
    too_many = [attempt_item(cid) for _ in range(201)]
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        results = {
            "nul": http.post("/v1/sync/push", json=push_body(anna, [nul])).status_code,
            "surrogate": http.post(
                "/v1/sync/push",
                content=json.dumps(push_body(anna, [attempt_item(cid)])).replace(
                    '"note": ""', '"note": "\\ud800"'
                ),
                headers={"content-type": "application/json"},
            ).status_code,
            "deep": http.post(
                "/v1/sync/push",
                content="[" * 200_000 + "]" * 200_000,
                headers={"content-type": "application/json"},
            ).status_code,
            "huge": http.post(
                "/v1/sync/push",
                content=b"{" + b" " * (2 * 1024 * 1024) + b"}",
                headers={"content-type": "application/json"},
            ).status_code,
            "too_many": http.post("/v1/sync/push", json=push_body(anna, too_many)).status_code,
            "future": http.post(
                "/v1/sync/push",
                json=push_body(
                    anna, [{**attempt_item(cid), "occurred_at": "2100-01-01T00:00:00Z"}]
                ),
            ).json()["rejected"][0]["reason"],
        }
    assert results == {
        "nul": 422,
        "surrogate": 422,
        "deep": 400,
        "huge": 413,
        "too_many": 422,
        "future": "occurred_at_in_future",
    }


def test_audit_trail_is_append_only_and_holds_no_personal_data(live):  # type: ignore[no-untyped-def]
    url, db = live
    anna = make_actor(db, "anna", "worker", "A")
    cases = make_cases(db, team="A", worker_id=anna.worker_id, count=2)
    with httpx.Client(base_url=url, headers=anna.headers) as http:
        http.post(
            "/v1/sync/push",
            json=push_body(anna, [attempt_item(cases[0][0], note="Zzgeheim notitie")]),
        )
        http.get("/v1/sync/changes")
    with db.session() as s:
        rows = s.scalars(select(AuditEventRow)).all()
        assert {r.action for r in rows} >= {"push", "pull"}
        dump = json.dumps([[r.action, r.outcome, r.case_ids, r.detail] for r in rows])
        assert "Zz" not in dump and "Proefstraat" not in dump and "12345" not in dump
    for statement in ("UPDATE audit_events SET outcome = 'x'", "DELETE FROM audit_events"):
        try:
            with db.session() as s, s.begin():
                s.execute(text(statement))
        except Exception as error:
            assert "append-only" in str(error)
        else:
            raise AssertionError(f"{statement} was allowed")


def test_pushed_close_event_closes_the_case_and_tombstones_it_for_the_worker(live):  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
    event = {
        "type": "case_event",
        "id": str(uuid.uuid4()),
        "case_id": cid,
        "kind": "close",
        "resultaat": "Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering",
        "at": "2026-11-20T15:00:00+01:00",
    }
    with httpx.Client(base_url=url) as http:
        first = http.get("/v1/sync/changes", headers=anna.headers).json()
        pushed = http.post("/v1/sync/push", json=push_body(anna, [event]), headers=anna.headers)
        after = http.get(
            "/v1/sync/changes", params={"since": first["next_cursor"]}, headers=anna.headers
        ).json()
        overview = http.get("/v1/cases", headers=lead.headers).json()["cases"]
    assert pushed.json()["accepted"] == [event["id"]]
    assert [(c["op"], c["reason"]) for c in after["changes"]] == [("tombstone", "closed")]
    assert [(c["id"], c["status"]) for c in overview] == [(cid, "gesloten")]
