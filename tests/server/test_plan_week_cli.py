"""``fieldapp plan week``: the server's shifts of a range planned and printed (no writes)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from fieldapp.cli import main
from fieldapp.store.schema import CaseRow, PlannedVisitRow
from tests.server.helpers import make_actor, make_cases, server_database
from tests.server.plan_helpers import make_shift
from tests.server.test_plan_sync import TODAY


def _next_workday(days: int) -> Any:
    day = TODAY + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_plan_week_on_server_data_prints_routes_and_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = _next_workday(1)
    with server_database("sqlite", tmp_path) as db:
        anna = make_actor(db, "anna", "worker", "A")
        bram = make_actor(db, "bram", "worker", "B")
        cases = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=5)]
        (other,) = [c for c, _ in make_cases(db, team="B", worker_id=bram.worker_id)]
        with db.session() as s, s.begin():
            for n, cid in enumerate(cases[:4]):
                s.execute(
                    update(CaseRow)
                    .where(CaseRow.id == cid)
                    .values(lat=51.44 + 0.002 * n, lon=5.47 + 0.002 * n, postcode="5611AB")
                )
            # No coordinates and no postcode neighbour: unplanned with its reason.
            s.execute(update(CaseRow).where(CaseRow.id == cases[4]).values(postcode="1011AA"))
        sid, _ = make_shift(db, team="A", worker_id=anna.worker_id, day=day, case_ids=[])
        make_shift(db, team="B", worker_id=bram.worker_id, day=day, case_ids=[])
    common = ["--data-dir", str(tmp_path / "server"), "--van", str(day), "--tot", str(day)]
    assert main(["plan", "week", *common, "--team", "A", "--budget", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (shift,) = out["shifts"]
    visited = [v["case"] for v in shift["visits"]]
    unplanned = {u["case"]: u["reason"] for u in out["unplanned"]}
    assert shift["id"] == sid and visited
    assert sorted([*visited, *unplanned]) == sorted(cases)  # team B's case is not in it
    assert other not in visited and other not in unplanned
    assert unplanned.get(cases[4]) == "no_location"
    arrivals = [v["arrive"] for v in shift["visits"]]
    assert arrivals == sorted(arrivals) and all(
        shift["start"] <= v["start"] and v["end"] <= shift["end"] for v in shift["visits"]
    )
    assert main(["plan", "week", *common, "--team", "A", "--budget", "1"]) == 0
    text = capsys.readouterr().out
    assert f"Dienst {sid}" in text and "Niet ingepland" in text and "no_location" in text
    with server_database("sqlite", tmp_path) as db, db.session() as s:
        assert s.scalar(select(func.count()).select_from(PlannedVisitRow)) == 0  # wrote nothing


def test_plan_week_refuses_a_backwards_range(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path), "--van", "2026-12-10", "--tot", "2026-12-07"]
    assert main(["plan", "week", *args]) != 0
