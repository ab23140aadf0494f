"""``fieldapp demo --teamleider`` (issue 9 item 7): the lead's laptop on the demo server holds
the whole team's cases, a month of them still unassigned to triage, and the team's workers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from fieldapp.demo import DEMO_PASSPHRASE
from fieldapp.demo_lead import ensure_lead_demo, lead_path_for
from fieldapp.services.identity import load_identity
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import CaseRow, Worker

TODAY = date(2026, 11, 23)


def _count(store: Store, *where: object) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(CaseRow).where(*where)) or 0)


def test_lead_demo_has_the_team_and_a_month_to_triage(tmp_path: Path) -> None:
    path = tmp_path / "veldwerk-demo.db"
    info = ensure_lead_demo(path, households=120, today=TODAY, params=FAST_TEST_PARAMS)
    assert info.path == lead_path_for(path) and info.unassigned > 0
    lead, worker = Store.open(info.path, DEMO_PASSPHRASE), Store.open(path, DEMO_PASSPHRASE)
    try:
        with lead.session() as s:
            ident = load_identity(s)
            assert ident is not None and ident.role == "teamlead"
            roles = set(s.scalars(select(Worker.role)))
        assert roles >= {"worker", "teamlead"}
        assert _count(lead) > _count(worker)  # the team's cases, not one worker's
        assert _count(lead, CaseRow.assigned_worker_id.is_(None)) == info.unassigned
    finally:
        lead.close()
        worker.close()
    again = ensure_lead_demo(path, households=120, today=TODAY, params=FAST_TEST_PARAMS)
    assert again.cases == info.cases  # opened again: not rebuilt, nothing doubled
