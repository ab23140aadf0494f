"""Server DDAS delivery per gemeentecode and the server purge (SQLCipher and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.domain.priority import Policy
from fieldapp.errors import InputRefused
from fieldapp.reporting.ddas_checks import semantic_problems
from fieldapp.reporting.ddas_export import validate_delivery
from fieldapp.server.db.schema import AuditEventRow, ChangeLogRow
from fieldapp.server.ddas_delivery import build_server_delivery
from fieldapp.server.retention import purge_session
from fieldapp.services.reporting import dashboard
from fieldapp.store.schema import PersonRow
from tests.server.helpers import make_actor, make_cases

ORG = """
gemeente = "Gemeente Proefstad"
gemeentecode = "0344"
kvk_nummer = "12345678"
[[contactpersonen]]
naam = "Team Vroegsignalering"
email = "vroegsignalering@example.org"
[teams]
"B" = "0345"
"""
TODAY = date.today()
PERIOD = {"start": TODAY - timedelta(days=3), "end": TODAY + timedelta(days=1)}
AT = datetime(2026, 12, 1, 9, tzinfo=UTC)


def deliver(db, org: str = ORG, **kwargs):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return build_server_delivery(
            s, organisation_text=org, delivered_at=AT, **{**PERIOD, **kwargs}
        )


def test_one_levering_per_gemeentecode_valid_and_without_names(server_db) -> None:
    cases_a = make_cases(server_db, team="A", worker_id=None, count=2)
    make_cases(server_db, team="B", worker_id=None, count=1)
    [document] = deliver(server_db)
    assert validate_delivery(document) == [] and semantic_problems(document) == []
    leveringen = {lv["gemeentecode"]: lv for lv in document["leveringen"]}
    assert sorted(leveringen) == ["0344", "0345"]
    assert [lv["teller"] for lv in document["leveringen"]] == [1, 2]
    assert len(leveringen["0344"]["vroegsignalen"]) == 2
    assert leveringen["0344"]["aanleverendeOrganisatie"]["contactpersonen"] == [
        {"naam": "Team Vroegsignalering", "email": "vroegsignalering@example.org"}
    ]
    assert all(s["bedrag"] == 123 for s in leveringen["0344"]["vroegsignalen"])  # whole euros
    text = str(document)
    assert not any(name in text for _, name in cases_a)


def test_large_deliveries_are_split_and_each_part_validates(server_db) -> None:
    make_cases(server_db, team="A", worker_id=None, count=5)
    parts = deliver(server_db, max_signals=2)
    assert len(parts) == 3
    for part in parts:
        assert validate_delivery(part) == [] and semantic_problems(part) == []
        assert sum(len(lv.get("vroegsignalen", [])) for lv in part["leveringen"]) <= 2


def test_refusals_write_nothing(server_db, tmp_path) -> None:
    make_cases(server_db, team="A", worker_id=None)
    with pytest.raises(InputRefused, match="9999"):
        deliver(server_db, org=ORG.replace('"0345"', '"9999"'))
    with pytest.raises(InputRefused, match="vóór"):
        deliver(server_db, start=TODAY, end=TODAY - timedelta(days=1))
    with pytest.raises(InputRefused, match="Geen signalen"):
        deliver(server_db, start=date(2020, 1, 1), end=date(2020, 1, 31))
    out = tmp_path / "ddas.json"
    args = ["server", "--data-dir", str(tmp_path), "export", "ddas", "--out", str(out)]
    assert main([*args, "--van", "2026-12-01", "--tot", "2026-11-01"]) == 2
    assert not out.exists()


def test_purge_anonymises_tombstones_workers_audits_and_keeps_figures(server_db) -> None:
    anna = make_actor(server_db, "anna", "worker", "A")
    cases = make_cases(server_db, team="A", worker_id=anna.worker_id, count=2)
    next_month = (TODAY.replace(day=28) + timedelta(days=4)).replace(day=1)
    month = {"start": TODAY.replace(day=1), "end": next_month - timedelta(days=1)}
    later = TODAY + timedelta(days=400)
    with server_db.session() as s:
        before = dashboard(s, today=later, **month).to_json()
    with server_db.session() as s, s.begin():
        assert purge_session(s, today=later, policy=Policy(), dry_run=True).cases
        assert s.scalars(select(PersonRow)).all() != []  # the dry run changed nothing
        report = purge_session(s, today=later, policy=Policy())
    assert sorted(report.cases) == sorted(cid for cid, _ in cases)
    with server_db.session() as s:
        assert s.scalars(select(PersonRow)).all() == []
        assert dashboard(s, today=later, **month).to_json() == before
        worker_rows = s.scalars(
            select(ChangeLogRow.kind).where(ChangeLogRow.scope == f"w:{anna.worker_id}")
        ).all()
        assert set(worker_rows) == {"tombstone"}
        [event] = s.scalars(select(AuditEventRow).where(AuditEventRow.action == "purge")).all()
        assert event.detail["cases"] == 2 and event.detail["people"] == 2
