"""``fieldapp demo --teamleider``: the same demo town, opened on the team lead's laptop.

Beside the worker's demo laptop (``fieldapp.demo``) a second store is enrolled on the same
embedded demo server as the town's team lead, so it holds the whole team's cases (scope
"team") and opens on the desk. To give the lead something to triage, a month of new signals
(a second synthetic draw of households) is imported on the demo server; those cases wait
unassigned in the team's pool, while the workers keep their own load (Toewijzen shows it). The week
board shows the demo week planned on the server; the next week is left empty to plan.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from fieldapp.demo import (
    DEMO_PASSPHRASE,
    DEMO_PASSWORD,
    _enroll_and_sync,
    _point_store_at,
    ensure_demo_store,
    running_demo_server,
    server_dir_for,
)
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import DEFAULT_PARAMS, KdfParams
from fieldapp.store.schema import CaseRow

LEAD_DB_NAME = "veldwerk-demo-teamleider.db"
TRIAGE_DAYS = 30  # "a month of incoming signals"
FRESH_SEED = 7  # the second draw of households for the new month


def lead_path_for(path: Path) -> Path:
    return path.with_name(LEAD_DB_NAME)


@dataclass(frozen=True, slots=True)
class LeadDemoInfo:
    path: Path
    username: str
    cases: int
    unassigned: int

    def summary(self) -> str:
        return "\n".join(
            [
                f"Demo teamleider: {self.path}",
                f"  Laptop van de teamleider ({self.username}): {self.cases} zaken van het team, "
                f"{self.unassigned} nog niet toegewezen",
                f"  Wachtwoordzin (alleen voor de demo): {DEMO_PASSPHRASE}",
                f"  Serverwachtwoord (alleen voor de demo): {DEMO_PASSWORD}",
            ]
        )


def ensure_lead_demo(
    path: Path,
    *,
    households: int = 400,
    rebuild: bool = False,
    today: date | None = None,
    params: KdfParams = DEFAULT_PARAMS,
) -> LeadDemoInfo:
    """The worker's demo first (server + laptop), then the lead's laptop on the same server."""
    day = today or date.today()
    lead = lead_path_for(path)
    if rebuild:
        _remove(lead)
    ensure_demo_store(path, households=households, rebuild=rebuild, today=day, params=params)
    if not lead.exists():
        _build_lead(path, lead, day, households, params)
    store = Store.open(lead, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            cases = s.scalar(select(func.count()).select_from(CaseRow)) or 0
            unassigned = (
                s.scalar(
                    select(func.count())
                    .select_from(CaseRow)
                    .where(CaseRow.status == "open", CaseRow.assigned_worker_id.is_(None))
                )
                or 0
            )
    finally:
        store.close()
    return LeadDemoInfo(lead, _lead_username(path), int(cases), int(unassigned))


def _build_lead(path: Path, lead: Path, day: date, households: int, params: KdfParams) -> None:
    from fieldapp.server.db.open import open_server_db

    _remove(lead)  # a half-built lead store from an interrupted run
    db = open_server_db(None, data_dir=server_dir_for(path))
    try:
        username = _lead_username(path, db)
        _import_fresh_month(db, day, households)
        store = Store.create(lead, DEMO_PASSPHRASE, params=params)
        try:
            with running_demo_server(path, db=db) as url:
                _enroll_and_sync(store, url, username)
        finally:
            store.close()
    finally:
        db.dispose()


def _lead_username(path: Path, db: object | None = None) -> str:
    from fieldapp.server.db.open import open_server_db
    from fieldapp.server.db.schema import UserRow

    own = db is None
    database = open_server_db(None, data_dir=server_dir_for(path)) if own else db
    try:
        with database.session() as s:  # type: ignore[attr-defined]
            name = s.scalar(select(UserRow.username).where(UserRow.role == "teamlead").limit(1))
    finally:
        if own:
            database.dispose()  # type: ignore[attr-defined]
    return str(name or "")


def _import_fresh_month(db: object, day: date, households: int) -> int:
    """A month of new signals from other households of the town (a second synthetic draw),
    imported on the server the way ``/v1/import`` does; the new cases join the team's pool
    unassigned. Returns how many signals were offered."""
    import uuid as uuid_module

    from fieldapp.config import load_policy
    from fieldapp.demo import DEMO_SEED
    from fieldapp.demo_town import build_town
    from fieldapp.intake.report import ParsedFile
    from fieldapp.server.embedded import adopt_unowned_cases
    from fieldapp.services.intake import import_parsed

    since = day - timedelta(days=TRIAGE_DAYS)
    town = build_town(today=day, seed=DEMO_SEED + FRESH_SEED, households=households)
    fresh = [s for s in town.signals if s.effective_date is not None and s.effective_date >= since]
    parsed = ParsedFile(
        path="demo-nieuwe-maand.csv",
        format="csv",
        rows=len(fresh),
        signals=fresh,
        rejected=[],
        duplicates_in_file=0,
        sha256=uuid_module.uuid5(uuid_module.NAMESPACE_URL, f"veldwerk-demo-{day}").hex * 2,
    )
    with db.session() as s, s.begin():  # type: ignore[attr-defined]
        import_parsed(s, [parsed], policy=load_policy(), today=day)
    adopt_unowned_cases(db, town.workers[0].team)  # type: ignore[arg-type]
    return len(fresh)


@contextmanager
def running_lead_demo_server(path: Path) -> Iterator[str]:
    """The demo server for the lead's window; both demo laptops are pointed at its port."""
    with running_demo_server(path) as url:
        _point_store_at(lead_path_for(path), url)
        yield url


def _remove(lead: Path) -> None:
    for leftover in lead.parent.glob(lead.name + "*"):
        if leftover.is_file():
            leftover.unlink()
    shutil.rmtree(lead.parent / (lead.name + ".d"), ignore_errors=True)
