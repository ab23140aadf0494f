"""The demo store end to end, and printing from it through the CLI."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.demo import DEMO_PASSPHRASE, ensure_demo_store
from fieldapp.services import queries
from fieldapp.services.plan_views import shifts_between
from fieldapp.services.print_jobs import load_organisation, load_print_jobs
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import ShiftRow

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "veldwerk-demo.db"
    info = ensure_demo_store(path, households=400, today=TODAY, params=FAST_TEST_PARAMS)
    assert info.built
    return path


def test_demo_laptop_is_enrolled_and_synced_from_the_demo_server(demo_db: Path) -> None:
    from fieldapp.services.sync import outbox_status

    store = Store.open(demo_db, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            status = outbox_status(s, datetime.now(UTC))
            worker_id = queries.get_kv(s, "worker_id")
            rows = queries.list_case_rows(s, today=TODAY, include_closed=True)
    finally:
        store.close()
    assert status.enrolled and status.last_sync_at is not None
    assert status.pending_count == 0
    # The feed brings only this worker's open cases, with the team's earlier attempts.
    assert rows and {r.assigned_worker_id for r in rows} == {worker_id}
    assert any(r.attempts for r in rows)
    assert (demo_db.parent / "server" / "server.key").exists()


def test_demo_has_realistic_work_for_today(demo_db: Path) -> None:
    info = ensure_demo_store(demo_db, today=TODAY)
    assert not info.built  # second call reopens, does not rebuild
    assert info.cases_open > 10
    assert info.attempts > 0 and info.planned_today > 0
    store = Store.open(demo_db, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            worker_id = queries.get_kv(s, "worker_id")
            planned, rows = queries.today_rows(s, today=TODAY, worker_id=worker_id)
            everything = queries.list_case_rows(s, today=TODAY, include_closed=True)
    finally:
        store.close()
    assert planned
    assert [r.planned_dagdeel.value for r in rows] == sorted(
        (r.planned_dagdeel.value for r in rows), key=["Ochtend", "Middag", "Avond"].index
    )
    assert any(r.meervoudig for r in everything)
    assert any(r.opeenvolgend for r in everything)
    # Earlier attempts are spread over the day, evenings included.
    assert {a.dagdeel.value for r in everything for a in r.attempts} == {
        "Ochtend",
        "Middag",
        "Avond",
    }


def test_print_cards_for_a_planned_shift(demo_db: Path, tmp_path: Path) -> None:
    store = Store.open(demo_db, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            shift_id = s.scalars(
                select(ShiftRow.id).where(ShiftRow.dagdeel == "Avond", ShiftRow.day == TODAY)
            ).one()
            jobs = load_print_jobs(
                s, organisation=load_organisation(), today=TODAY, shift_id=shift_id
            )
    finally:
        store.close()
    assert jobs and all(j.visit_date == TODAY for j in jobs)
    passfile = tmp_path / "pass"
    passfile.write_text(DEMO_PASSPHRASE, encoding="utf-8")
    out = tmp_path / "kaartjes.pdf"
    args = ["--db", str(demo_db), "--passphrase-file", str(passfile)]
    assert main([*args, "print", "cards", "--shift", shift_id, "--out", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    first_name = jobs[0].sender.first_name
    assert first_name in text
    assert "avond" in text
    assert "0970" in text  # the worker's direct number, written as people read it


def test_printing_letters_can_log_one_brief_attempt_per_case(demo_db: Path, tmp_path) -> None:
    passfile = tmp_path / "pass"
    passfile.write_text(DEMO_PASSPHRASE, encoding="utf-8")
    store = Store.open(demo_db, DEMO_PASSPHRASE)
    with store.session() as s:
        case_id = queries.list_case_rows(s, today=TODAY)[0].id
        before = len(queries.get_case(s, case_id).attempts)
    store.close()
    out = tmp_path / "brief.pdf"
    args = ["--db", str(demo_db), "--passphrase-file", str(passfile), "print", "letters"]
    cmd = [*args, "--kind", "hulpaanbod", "--case", case_id, "--out", str(out), "--registreer"]
    assert main(cmd) == 0
    assert main(cmd) == 0  # printed again: still one attempt
    store = Store.open(demo_db, DEMO_PASSPHRASE)
    with store.session() as s:
        attempts = queries.get_case(s, case_id).attempts
    store.close()
    assert len(attempts) == before + 1
    assert attempts[-1].soort.value == "Brief" and not attempts[-1].bereikt


def test_demo_week_covers_every_dagdeel_and_a_saturday(demo_db: Path) -> None:
    store = Store.open(demo_db, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            worker_id = queries.get_kv(s, "worker_id")
            week = shifts_between(s, TODAY, TODAY + timedelta(days=6), worker_id=worker_id)
    finally:
        store.close()
    assert {sh.dagdeel.value for sh in week} == {"Ochtend", "Middag", "Avond"}
    assert any(sh.day.weekday() == 5 for sh in week)  # a Saturday
    assert not any(sh.day.weekday() == 6 for sh in week)  # never a Sunday
    assert all(sh.published for sh in week) and sum(len(sh.visits) for sh in week) > 10
    # Planned by the planner: every visit has its times and a reason for its slot.
    visits = [v for sh in week for v in sh.visits]
    assert all(v.start_minute is not None and v.why for v in visits)
    assert len({v.case_id for v in visits}) == len(visits)  # no household twice


def test_opening_the_demo_on_a_new_day_plans_that_day(demo_db: Path) -> None:
    # Last in this module: it moves the demo on by a day.
    nxt = TODAY + timedelta(days=1)
    info = ensure_demo_store(demo_db, today=nxt)
    assert not info.built and info.planned_today > 0
    store = Store.open(demo_db, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            worker_id = queries.get_kv(s, "worker_id")
            days = {
                sh.day
                for sh in shifts_between(s, nxt, nxt + timedelta(days=6), worker_id=worker_id)
            }
    finally:
        store.close()
    assert nxt + timedelta(days=6) in days  # the week moved on with the calendar
