"""Issue 5, figure 5: every endpoint x caller x {own id, other id}: no unexpected 2xx and no
personal field of a case the caller may not see, in any reply (SQLCipher and PostgreSQL)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import httpx

from fieldapp.server.auth import enroll_device
from fieldapp.server.db.schema import UserRow
from fieldapp.server.plan_jobs import create_job
from fieldapp.sync.protocol import PROTOCOL_VERSION
from tests.server.helpers import Actor, attempt_item, make_actor, make_cases
from tests.server.plan_helpers import make_shift, shift_body

DAY = date.today() + timedelta(days=1)

CALLERS = (
    "own_worker",
    "other_worker",
    "own_lead",
    "other_team_lead",
    "revoked",
    "invalid",
    "none",
)
TARGETS = ("own", "other")


@dataclass
class World:
    actors: dict[str, Actor]
    headers: dict[str, dict[str, str]]
    case: dict[str, str]  # "A" = team A case of anna, "B" = team B case of carl
    marker: dict[str, str]
    spare_device: dict[str, str]
    worker: dict[str, str]  # team -> a worker id of that team
    shift: dict[str, str]  # team -> a shift of that team (visiting its case)
    visit: dict[str, str]
    job: dict[str, str]  # team -> a planner job of that team


def _world(db) -> World:  # type: ignore[no-untyped-def]
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    lead_a = make_actor(db, "lea", "teamlead", "A")
    carl = make_actor(db, "carl", "worker", "B")
    lead_b = make_actor(db, "lotte", "teamlead", "B")
    gone = make_actor(db, "gijs", "worker", "A")
    ((case_a, mark_a),) = make_cases(db, team="A", worker_id=anna.worker_id)
    ((case_b, mark_b),) = make_cases(db, team="B", worker_id=carl.worker_id)
    shifts: dict[str, str] = {}
    visits: dict[str, str] = {}
    jobs: dict[str, str] = {}
    for team, worker, case in (("A", anna, case_a), ("B", carl, case_b)):
        sid, (vid,) = make_shift(
            db, team=team, worker_id=worker.worker_id, day=DAY, case_ids=[case], published=True
        )
        shifts[team], visits[team] = sid, vid
        with db.session() as s, s.begin():
            jobs[team] = create_job(
                s, team=team, user_id=worker.user_id, van=DAY, tot=DAY, budget=1.0
            ).id
    spare = {}
    with db.session() as s, s.begin():
        for team, actor in (("A", bram), ("B", carl)):
            user = s.get(UserRow, actor.user_id)
            spare[team] = enroll_device(s, user, db.keys).device_id
    actors = {
        "own_worker": anna,
        "other_worker": bram,
        "own_lead": lead_a,
        "other_team_lead": lead_b,
        "revoked": gone,
    }
    headers = {k: a.headers for k, a in actors.items()}
    headers["invalid"] = {"Authorization": "Bearer " + "x" * 43}
    headers["none"] = {}
    return World(
        actors,
        headers,
        {"A": case_a, "B": case_b},
        {"A": mark_a, "B": mark_b},
        spare,
        {"A": bram.worker_id, "B": carl.worker_id},
        shifts,
        visits,
        jobs,
    )


def _readable(caller: str) -> set[str]:
    """Teams whose test case the caller may see."""
    return {"own_worker": {"A"}, "own_lead": {"A"}, "other_team_lead": {"B"}}.get(caller, set())


def _target_team(caller: str, target: str) -> str:
    home = "B" if caller == "other_team_lead" else "A"
    return home if target == "own" else ("A" if home == "B" else "B")


def _requests(
    http: httpx.Client, w: World, h: dict[str, str], cid: str, team: str, device_id: str
) -> dict[str, Callable[[], httpx.Response]]:
    push = {
        "protocol_version": PROTOCOL_VERSION,
        "device_id": device_id,
        "items": [attempt_item(cid)],
    }
    assign = {"case_ids": [cid], "worker_id": w.worker[team]}
    spare = w.spare_device[team]
    sid, vid, job = w.shift[team], w.visit[team], w.job[team]
    days = {"van": str(DAY), "tot": str(DAY)}
    # The shift stays with the case's own worker (the world is reused by every cell).
    owner = {"A": w.actors["own_worker"].worker_id, "B": w.worker["B"]}[team]
    return {
        "shifts": lambda: http.get("/v1/shifts", headers=h, params=days),
        "shift_update": lambda: http.put(
            f"/v1/shifts/{sid}", headers=h, json=shift_body(owner, DAY)
        ),
        "visit_lock": lambda: http.post(f"/v1/visits/{vid}/lock", headers=h, json={"locked": True}),
        "visit_move": lambda: http.post(
            f"/v1/visits/{vid}/move", headers=h, json={"shift_id": sid, "seq": 1}
        ),
        "publish": lambda: http.post("/v1/plan/publish", headers=h, json=days),
        "plan_job": lambda: http.get(f"/v1/plan/jobs/{job}", headers=h),
        "route_edits": lambda: http.get("/v1/plan/route-edits", headers=h, params=days),
        "push": lambda: http.post("/v1/sync/push", headers=h, json=push),
        "changes": lambda: http.get("/v1/sync/changes", headers=h),
        "case": lambda: http.get(f"/v1/cases/{cid}", headers=h),
        "cases": lambda: http.get("/v1/cases", headers=h),
        "quarantine": lambda: http.get("/v1/quarantine", headers=h),
        "assign": lambda: http.post("/v1/cases/assign", headers=h, json=assign),
        "revoke": lambda: http.post(
            f"/v1/devices/{spare}/revoke", headers=h, json={"push_first": True}
        ),
        "wiped": lambda: http.post("/v1/device/wiped", headers=h),
    }


def test_authorisation_matrix(live) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    w = _world(db)
    unexpected_2xx: list[str] = []
    leaks: list[str] = []
    cells = 0
    with httpx.Client(base_url=url) as http:
        r = http.post(
            f"/v1/devices/{w.actors['revoked'].device_id}/revoke",
            json={"push_first": False},
            headers=w.headers["own_lead"],
        )
        assert r.status_code == 200
        for caller in CALLERS:
            h = w.headers[caller]
            actor = w.actors.get(caller)
            may = _readable(caller)
            for target in TARGETS:
                team = _target_team(caller, target)
                cid = w.case[team]
                allowed = team in may
                lead_ok = caller in ("own_lead", "other_team_lead") and allowed
                device_id = actor.device_id if actor else str(uuid.uuid4())
                requests = _requests(http, w, h, cid, team, device_id)
                active = caller in ("own_worker", "other_worker", "own_lead", "other_team_lead")
                expect_2xx = {
                    "push": active,
                    "changes": active,
                    "case": allowed,
                    "cases": caller in ("own_lead", "other_team_lead"),
                    "quarantine": caller in ("own_lead", "other_team_lead"),
                    "assign": lead_ok,
                    "shifts": caller in ("own_lead", "other_team_lead"),
                    "shift_update": lead_ok,
                    "visit_lock": lead_ok,
                    "visit_move": lead_ok,
                    "publish": caller in ("own_lead", "other_team_lead"),
                    "plan_job": lead_ok,
                    "route_edits": caller in ("own_lead", "other_team_lead"),
                    "revoke": lead_ok,
                    "wiped": caller
                    in ("own_worker", "other_worker", "own_lead", "other_team_lead", "revoked"),
                }
                for name, send in requests.items():
                    cells += 1
                    resp = send()
                    label = f"{name}/{caller}/{target}"
                    assert resp.status_code < 500, label
                    if 200 <= resp.status_code < 300 and not expect_2xx[name]:
                        unexpected_2xx.append(label)
                    if name == "push" and resp.status_code == 200:
                        accepted = bool(resp.json()["accepted"])
                        if accepted != allowed:
                            unexpected_2xx.append(label + " (accepted)")
                    for t in ("A", "B"):
                        if t not in may and w.marker[t] in resp.text:
                            leaks.append(label)
                        # Another team's plan (shift, visit, job ids) never shows either.
                        plan_team = {"own_lead": "A", "own_worker": "A", "other_team_lead": "B"}
                        ids = (w.shift[t], w.visit[t], w.job[t])
                        if t != plan_team.get(caller) and any(i in resp.text for i in ids):
                            leaks.append(label + " (plan)")
                    if not expect_2xx[name] and resp.status_code == 404:
                        assert resp.json() == {"detail": "Niet gevonden."}
    # Existence does not leak: another team's case answers exactly like a made-up id.
    with httpx.Client(base_url=url, headers=w.headers["own_worker"]) as http:
        foreign = http.get(f"/v1/cases/{w.case['B']}")
        made_up = http.get(f"/v1/cases/{uuid.uuid4()}")
    assert (foreign.status_code, foreign.text) == (made_up.status_code, made_up.text)
    print(
        f"authorisation matrix: {cells} cells, {len(unexpected_2xx)} unexpected 2xx, "
        f"{len(leaks)} leaks"
    )
    assert unexpected_2xx == [] and leaks == []
    assert cells == len(CALLERS) * len(TARGETS) * 15


def test_import_is_for_team_leads_only(live) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    csv = (
        b"signaal_id;signaalpartner;bedrag;signaaldatum;postcode;huisnummer;achternaam\n"
        b"T-1;Huur;120,50;2026-10-01;9999ZZ;7;Zzimporttest\n"
    )
    with httpx.Client(base_url=url) as http:
        worker = http.post("/v1/import", content=csv, headers=anna.headers)
        nobody = http.post("/v1/import", content=csv)
        ok = http.post(
            "/v1/import", content=csv, headers=lead.headers, params={"filename": "s.csv"}
        )
        again = http.post("/v1/import", content=csv, headers=lead.headers)
        cases = http.get("/v1/cases", headers=lead.headers).json()["cases"]
        junk = http.post("/v1/import", content=b"\x00\x01", headers=lead.headers)
    assert (worker.status_code, nobody.status_code) == (403, 401)
    assert ok.status_code == 200, ok.text
    assert ok.json()["new_cases"] == 1 and ok.json()["accepted"] == 1
    assert again.json()["new_cases"] == 0 and again.json()["duplicates"] == 1
    assert len(cases) == 1 and cases[0]["assigned_worker_id"] is None
    assert "Zzimporttest" not in json.dumps(ok.json())
    assert junk.status_code == 400
