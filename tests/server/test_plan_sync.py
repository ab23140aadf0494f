"""Issue 14: shifts and planned visits through the feed to real laptops (SQLCipher stores)
on a real server (loopback uvicorn over SQLCipher and PostgreSQL): publish reaches only the
shift's worker; unpublish and reassignment remove it; a worker's own reorder reaches the
server and the lead; planner runs are jobs."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select, update

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.priority import Policy
from fieldapp.server import plan_jobs
from fieldapp.server.db.schema import AuditEventRow, PlanJobRow
from fieldapp.services.identity import enroll, load_identity
from fieldapp.services.plan_views import reorder_shift, shifts_between
from fieldapp.services.queries import today_rows
from fieldapp.services.sync import pending_count
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow, PlannedVisitRow, RouteEditRow, ShiftRow
from tests.server.helpers import Actor, make_actor, make_cases
from tests.server.plan_helpers import make_shift, shift_body
from tests.sync.conftest import new_store

TODAY = datetime.now(AMSTERDAM).date()


def _laptop(tmp_path: Path, url: str, actor: Actor) -> tuple[Store, SyncClient]:
    store = new_store(tmp_path / actor.username / "veldwerk.db")
    enroll(store, url, actor.username, actor.password)
    return store, SyncClient(store)


def _plan(store: Store) -> dict[str, list[str]]:
    """shift id -> its case ids in visiting order, as the laptop holds them."""
    with store.session() as s:
        return {
            sh.id: [v.case_id for v in sh.visits]
            for sh in shifts_between(s, TODAY - timedelta(days=1), TODAY + timedelta(days=14))
        }


def test_published_plan_reaches_only_its_worker_and_unpublish_removes_it(
    live, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    mine = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=3)]
    (theirs,) = [c for c, _ in make_cases(db, team="A", worker_id=bram.worker_id)]
    with httpx.Client(base_url=url, headers=lead.headers) as http:
        made = http.post("/v1/shifts", json=shift_body(anna.worker_id, TODAY))
        assert made.status_code == 201, made.text
        sid = made.json()["shift"]["id"]
        for cid in (mine[1], mine[0]):
            assert http.post(f"/v1/shifts/{sid}/visits/{cid}").status_code == 201
        other = http.post("/v1/shifts", json=shift_body(bram.worker_id, TODAY)).json()
        http.post(f"/v1/shifts/{other['shift']['id']}/visits/{theirs}")
        # A worker may not plan, and a lead cannot plan another worker's case into anna's shift.
        assert (
            http.post(
                "/v1/shifts", json=shift_body(anna.worker_id, TODAY), headers=anna.headers
            ).status_code
            == 403
        )
        assert http.post(f"/v1/shifts/{sid}/visits/{theirs}").status_code == 409
    anna_store, anna_sync = _laptop(tmp_path, url, anna)
    bram_store, bram_sync = _laptop(tmp_path, url, bram)
    anna_sync.sync()
    assert _plan(anna_store) == {}  # not published yet

    with httpx.Client(base_url=url, headers=lead.headers) as http:
        r = http.post("/v1/plan/publish", json={"van": str(TODAY), "tot": str(TODAY)})
    assert r.status_code == 200 and r.json() == {"shifts": 2, "visits": 3}
    anna_sync.sync()
    bram_sync.sync()
    assert _plan(anna_store) == {sid: [mine[1], mine[0]]}
    assert _plan(bram_store) == {other["shift"]["id"]: [theirs]}
    with anna_store.session() as s:
        # Vandaag's route: exactly the planned cases of today.
        planned, route = today_rows(s, policy=Policy(), today=TODAY, worker_id=anna.worker_id)
        assert planned and [row.id for row in route] == [mine[1], mine[0]]
        assert s.scalar(select(ShiftRow.published).where(ShiftRow.id == sid)) is True

    with httpx.Client(base_url=url, headers=lead.headers) as http:
        r = http.post("/v1/plan/unpublish", json={"van": str(TODAY), "tot": str(TODAY)})
        assert r.status_code == 200
        # The lead still holds the (unpublished) plan.
        listed = http.get("/v1/shifts", params={"van": str(TODAY), "tot": str(TODAY)}).json()
    assert {s["shift"]["id"] for s in listed["shifts"]} == {sid, other["shift"]["id"]}
    anna_sync.sync()
    assert _plan(anna_store) == {}
    with anna_store.session() as s:
        assert s.scalar(select(PlannedVisitRow.id)) is None
        assert len(list(s.scalars(select(CaseRow.id)))) == 3  # the cases themselves stay
    anna_store.close()
    bram_store.close()


def test_reassigning_a_shift_or_a_case_removes_the_visits(live, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    bram = make_actor(db, "bram", "worker", "A")
    mine = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=2)]
    sid, _ = make_shift(
        db, team="A", worker_id=anna.worker_id, day=TODAY, case_ids=mine, published=True
    )
    anna_store, anna_sync = _laptop(tmp_path, url, anna)
    bram_store, bram_sync = _laptop(tmp_path, url, bram)
    anna_sync.sync()
    assert _plan(anna_store) == {sid: mine}

    with httpx.Client(base_url=url, headers=lead.headers) as http:
        # The case moves to bram: its visit leaves anna's laptop with it.
        http.post("/v1/cases/assign", json={"case_ids": [mine[0]], "worker_id": bram.worker_id})
    anna_sync.sync()
    assert _plan(anna_store) == {sid: [mine[1]]}

    with httpx.Client(base_url=url, headers=lead.headers) as http:
        r = http.put(f"/v1/shifts/{sid}", json=shift_body(bram.worker_id, TODAY))
        assert r.status_code == 200, r.text
        # Anna's case left the shift; the one now assigned to bram stays in it.
        assert [v["case_id"] for v in r.json()["visits"]] == [mine[0]]
    anna_sync.sync()
    bram_sync.sync()
    assert _plan(anna_store) == {}
    assert _plan(bram_store) == {sid: [mine[0]]}

    with httpx.Client(base_url=url, headers=lead.headers) as http:
        assert http.delete(f"/v1/shifts/{sid}").status_code == 200
    bram_sync.sync()
    assert _plan(bram_store) == {}
    anna_store.close()
    bram_store.close()


def test_worker_reorder_reaches_the_server_and_the_lead(live, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    mine = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=3)]
    sid, _ = make_shift(
        db, team="A", worker_id=anna.worker_id, day=TODAY, case_ids=mine, published=True
    )
    store, client = _laptop(tmp_path, url, anna)
    client.sync()
    new_order = [mine[1], mine[2], mine[0]]  # first household not home: come back last
    with store.session() as s:
        ident = load_identity(s)
        assert ident is not None
        reorder_shift(
            s,
            shift_id=sid,
            case_ids=new_order,
            reason="niet_thuis_later",
            now=datetime.now(UTC),
            worker_id=ident.worker_id,
            device_id=ident.device_id,
        )
        s.commit()
        assert pending_count(s) == 1
    result = client.sync()
    assert result.accepted == 1
    with store.session() as s:
        assert pending_count(s) == 0
        edit_id = s.scalars(select(RouteEditRow.id)).one()
    assert _plan(store) == {sid: new_order}
    with httpx.Client(base_url=url, headers=lead.headers) as http:
        edits = http.get(
            "/v1/plan/route-edits", params={"van": str(TODAY), "tot": str(TODAY)}
        ).json()["edits"]
        listed = http.get("/v1/shifts", params={"van": str(TODAY), "tot": str(TODAY)}).json()
        feed = http.get("/v1/sync/changes").json()["changes"]
    assert [(e["id"], e["case_ids"], e["reason"], e["worker_id"]) for e in edits] == [
        (edit_id, new_order, "niet_thuis_later", anna.worker_id)
    ]
    assert [v["case_id"] for v in listed["shifts"][0]["visits"]] == new_order
    seqs = {
        c["planned_visit"]["case_id"]: c["planned_visit"]["seq"]
        for c in feed
        if c["entity_type"] == "planned_visit"
    }
    assert sorted(seqs, key=seqs.__getitem__) == new_order
    # Pushed again (a lost reply): a duplicate, applied once.
    with store.session() as s:
        s.execute(update(RouteEditRow).values(sync_state="pending"))
        s.commit()
    assert client.sync().duplicates == 1
    with db.session() as s:
        assert len(s.scalars(select(RouteEditRow.id)).all()) == 1
    store.close()


def _locate(db, case_ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s, s.begin():
        for n, cid in enumerate(case_ids):
            s.execute(
                update(CaseRow)
                .where(CaseRow.id == cid)
                .values(lat=51.44 + 0.002 * n, lon=5.47 + 0.003 * (n % 4))
            )


def test_planner_job_plans_the_range_in_the_background(live) -> None:  # type: ignore[no-untyped-def]
    url, db = live
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    cases = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=6)]
    _locate(db, cases)
    day = TODAY + timedelta(days=1)
    while day.weekday() >= 5:  # a working day (no Sunday rule in the way)
        day += timedelta(days=1)
    with httpx.Client(base_url=url, headers=lead.headers) as http:
        sid = http.post("/v1/shifts", json=shift_body(anna.worker_id, day)).json()["shift"]["id"]
        started = http.post(
            "/v1/plan/jobs", json={"van": str(day), "tot": str(day), "budget_seconds": 1}
        )
        assert started.status_code == 202, started.text
        job = started.json()
        assert job["status"] in ("queued", "running", "done")
        deadline = time.monotonic() + 120
        while job["status"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.1)  # polling a job, not racing a timer: the deadline only bounds it
            job = http.get(f"/v1/plan/jobs/{job['id']}").json()
        assert job["status"] == "done", job
        assert job["progress"] == 100
        shift = http.get("/v1/shifts", params={"van": str(day), "tot": str(day)}).json()
        other = http.get(f"/v1/plan/jobs/{job['id']}", headers=anna.headers)
        again = http.delete(f"/v1/plan/jobs/{job['id']}")
    (planned,) = shift["shifts"]
    visited = [v["case_id"] for v in planned["visits"]]
    unplanned = [u["case_id"] for u in job["unplanned"]]
    assert planned["shift"]["id"] == sid
    assert sorted(visited + unplanned) == sorted(cases)  # every case once: visited or explained
    assert job["planned"] == len(visited) > 0
    assert all(
        v["published"] is False and v["start_minute"] >= 18 * 60 + 30 for v in planned["visits"]
    )
    assert other.status_code == 403  # a worker cannot read the lead's jobs
    assert again.json()["status"] == "done"  # cancelling a finished job changes nothing
    with db.session() as s:
        actions = set(s.scalars(select(AuditEventRow.action)))
    assert {"shift_save", "plan_job"} <= actions


def test_a_cancelled_job_writes_nothing(server_db) -> None:  # type: ignore[no-untyped-def]
    db = server_db
    make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    cases = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=3)]
    _locate(db, cases)
    day = TODAY + timedelta(days=1)
    make_shift(db, team="A", worker_id=anna.worker_id, day=day, case_ids=[])
    with db.session() as s, s.begin():
        job = plan_jobs.create_job(
            s, team="A", user_id=str(uuid.uuid4()), van=day, tot=day, budget=1.0
        )
        job.cancel_requested = True
        job_id = job.id
    plan_jobs.run_job(db, job_id, plan_jobs.default_solver())
    with db.session() as s:
        assert s.get(PlanJobRow, job_id).status == "cancelled"  # type: ignore[union-attr]
        assert s.scalar(select(PlannedVisitRow.id)) is None
