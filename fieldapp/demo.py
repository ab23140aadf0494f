"""`fieldapp demo`: a synthetic town on an embedded sync server and a worker's laptop store.

The town (``fieldapp.demo_town``; no real person is in it) is imported into the server's
database the way a team lead would; the demo worker's laptop store is enrolled on that server
over loopback and pulls its cases, so sync is visible without any set-up. A week of shifts is
planned by the planner on the server and published (``fieldapp.demo_plan``), each time the
demo is opened on a new day; the laptop pulls it, so Vandaag always has a route. The demo
passphrase and password are public on purpose (shown on the Demo banner): the demo protects
nothing because it holds nothing real.

Files: ``<dir>/veldwerk-demo.db`` (+ ``.keys``) for the laptop, ``<dir>/server/`` for the
server (SQLCipher file + key file), ``veldwerk-demo.db.klaar`` once both are finished and
``.veldwerk-demo.db.lock`` for the build lock (see ``fieldapp.demo_lock``).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fieldapp.config import load_policy
from fieldapp.demo_history import replay_history
from fieldapp.demo_lock import demo_build_lock, forget_complete, is_complete, mark_complete
from fieldapp.demo_town import DemoTown, build_town
from fieldapp.domain.attempts import SyncState
from fieldapp.domain.listing import WorkerInfo
from fieldapp.services import queries
from fieldapp.services.cases import assign_cases, upsert_worker
from fieldapp.services.identity import KV_APP_WORKER_ID
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import DEFAULT_PARAMS, KdfParams
from fieldapp.store.schema import (
    AttemptRow,
    CaseEventRow,
    CaseRow,
    PlannedVisitRow,
    ShiftRow,
    SignalRow,
)

Sessions = Callable[[], AbstractContextManager[Session]]

if TYPE_CHECKING:  # the server package is imported only when the demo is built or served
    from fieldapp.server.db.engine import ServerDatabase

DEMO_PASSPHRASE = "demo veldwerk zonder echte mensen"  # noqa: S105 (public by design)
DEMO_PASSWORD = "demo-wachtwoord-veldwerk"  # noqa: S105 (public by design)
DEMO_SEED = 20261123
KV_DEMO = "demo"
KV_PLAN_DAY = "demo.plan_day"
_NS = uuid.UUID("6f1c7d1e-9a55-4d3c-8f3e-2a7b0c9d1e55")


@dataclass(frozen=True, slots=True)
class DemoInfo:
    path: Path
    built: bool
    cases_open: int
    signals: int
    attempts: int
    worker_name: str
    username: str
    planned_today: int
    server_url: str = ""
    pulled: int = 0
    planned_week: int = 0

    def summary(self) -> str:
        state = "gebouwd" if self.built else "al aanwezig"
        lines = [
            f"Demo {state}: {self.path}",
            f"  Laptop van {self.worker_name} ({self.username}): {self.cases_open} open zaken, "
            f"{self.signals} signalen, {self.attempts} contactpogingen",
            f"  Vandaag {self.planned_today} huisbezoeken gepland; de komende week "
            f"{self.planned_week} (ochtend, middag, avond en zaterdag)",
            f"  Wachtwoordzin (alleen voor de demo): {DEMO_PASSPHRASE}",
        ]
        if self.server_url:
            lines.append(
                f"  Demoserver: {self.server_url} (gebruiker {self.username}, "
                f"wachtwoord {DEMO_PASSWORD}); gesynchroniseerd: {self.pulled} wijzigingen"
            )
        return "\n".join(lines)


def server_dir_for(path: Path) -> Path:
    return path.parent / "server"


def ensure_demo_store(
    path: Path,
    *,
    households: int = 400,
    rebuild: bool = False,
    today: date | None = None,
    params: KdfParams = DEFAULT_PARAMS,
    on_wait: Callable[[], None] | None = None,
) -> DemoInfo:
    """Build the demo (server + enrolled laptop store) unless a finished one is there.

    One build at a time (``fieldapp.demo_lock``): a second start waits (``on_wait`` is told
    once) and then opens the demo the first one built. A demo without its completion marker
    was interrupted and is rebuilt from scratch."""
    day = today or date.today()
    with demo_build_lock(path, on_wait=on_wait):
        if rebuild:
            forget_complete(path)
        if is_complete(path):
            store = Store.open(path, DEMO_PASSPHRASE)
            try:
                url, pulled = _replan_if_new_day(store, path, day)
                return _info(store, path, built=False, today=day, url=url, pulled=pulled)
            finally:
                store.close()
        info = _build(path, households=households, today=day, params=params)
        mark_complete(path, households=households)
        return info


def _build(path: Path, *, households: int, today: date, params: KdfParams) -> DemoInfo:
    from fieldapp.server.db.open import open_server_db

    _remove_demo(path)  # nothing, or a half-built demo from an interrupted run
    db = open_server_db(None, data_dir=server_dir_for(path))
    try:
        from fieldapp.demo_plan import plan_demo_week

        username = _build_server_side(db, today=today, households=households)
        plan_demo_week(db, today)
        store = Store.create(path, DEMO_PASSPHRASE, params=params)
        try:
            with running_demo_server(path, db=db) as url:
                pulled = _enroll_and_sync(store, url, username)
            with store.session() as s:
                queries.set_kv(s, KV_PLAN_DAY, today.isoformat())
            return _info(store, path, built=True, today=today, url=url, pulled=pulled)
        finally:
            store.close()
    finally:
        db.dispose()


def _replan_if_new_day(store: Store, path: Path, day: date) -> tuple[str, int]:
    """Opened on a new day: plan and publish the coming week on the demo server and pull it
    onto the laptop. Returns (server url, changes pulled); ("", 0) when already planned."""
    with store.session() as s:
        if queries.get_kv(s, KV_PLAN_DAY) == day.isoformat():
            return "", 0
    from fieldapp.demo_plan import plan_demo_week
    from fieldapp.server.db.open import open_server_db
    from fieldapp.services.identity import KV_SERVER_URL
    from fieldapp.services.sync_client import SyncClient

    db = open_server_db(None, data_dir=server_dir_for(path))
    try:
        plan_demo_week(db, day)
        with running_demo_server(path, db=db) as url:
            with store.session() as s:
                queries.set_kv(s, KV_SERVER_URL, url)
            pulled = SyncClient(store).sync().pulled
    finally:
        db.dispose()
    with store.session() as s:
        queries.set_kv(s, KV_PLAN_DAY, day.isoformat())
    return url, pulled


def _remove_demo(path: Path) -> None:
    forget_complete(path)
    for leftover in path.parent.glob(path.name + "*"):
        if leftover.is_file():
            leftover.unlink()
    shutil.rmtree(server_dir_for(path), ignore_errors=True)


@contextmanager
def running_demo_server(path: Path, *, db: ServerDatabase | None = None) -> Iterator[str]:
    """Run the demo's embedded server on a free loopback port and point the laptop store at it
    (the port changes per run; the demo owns both sides, so the stored URL is updated)."""
    from fieldapp.server.embedded import start_embedded_server
    from fieldapp.server.settings import ServerSettings

    # The demo may deliver DDAS for its fictional municipality 9999; nothing else may.
    organisation = (Path(__file__).parent / "defaults" / "organisatie.toml").read_text("utf-8")
    url, stop = start_embedded_server(
        None,
        data_dir=server_dir_for(path),
        db=db,
        settings=ServerSettings(demo=True, organisation_text=organisation),
    )
    try:
        if path.exists() and db is None:
            _point_store_at(path, url)
        yield url
    finally:
        stop()


def _point_store_at(path: Path, url: str) -> None:
    from fieldapp.services.identity import KV_SERVER_URL

    store = Store.open(path, DEMO_PASSPHRASE)
    try:
        with store.session() as s:
            queries.set_kv(s, KV_SERVER_URL, url)
    finally:
        store.close()


def _build_server_side(db: ServerDatabase, *, today: date, households: int) -> str:
    """Import the town into the server's database as a team lead would; returns the demo
    worker's username."""
    from fieldapp.server.embedded import add_user, adopt_unowned_cases

    @contextmanager
    def sessions() -> Iterator[Session]:
        with db.session() as session, session.begin():
            yield session

    town = build_town(today=today, seed=DEMO_SEED, households=households)
    for w in town.workers:
        add_user(
            db,
            username=w.username,
            password=DEMO_PASSWORD,
            role="teamlead" if w.role == "teamlead" else "worker",
            team=w.team,
            display_name=w.display_name,
            first_name=w.first_name,
            phone=w.phone,
            email=w.email,
            worker_id=w.id,
            fast_hash=True,
        )
    worker_id = build_into(sessions, town=town, today=today)
    adopt_unowned_cases(db, town.workers[0].team)
    return next(w.username for w in town.workers if w.id == worker_id)


def _enroll_and_sync(store: Store, url: str, username: str) -> int:
    from fieldapp.services.identity import enroll
    from fieldapp.services.sync_client import SyncClient

    enroll(store, url, username, DEMO_PASSWORD, device_name="Demolaptop")
    result = SyncClient(store).sync()
    with store.session() as s:
        queries.set_kv(s, KV_DEMO, "1")
    return int(getattr(result, "pulled", 0) or 0)


def build_into(sessions: Sessions, *, town: DemoTown, today: date) -> str:
    """Fill empty core tables with the town (its history replayed day by day, see
    ``fieldapp.demo_history``; cases assigned by wijk); returns the demo worker's id."""
    policy = load_policy()
    with sessions() as s:
        for w in town.workers:
            upsert_worker(
                s,
                WorkerInfo(
                    id=w.id,
                    username=w.username,
                    display_name=w.display_name,
                    first_name=w.first_name,
                    role=w.role,
                    team=w.team,
                    phone=w.phone,
                    whatsapp=w.whatsapp,
                    email=w.email,
                ),
            )
    fallback = next(w.id for w in town.workers if w.role == "worker")
    with sessions() as s:
        replay_history(s, town=town, today=today, policy=policy, fallback_worker=fallback)
    worker_id = _assign(sessions, town)
    with sessions() as s:
        # History from "before this laptop": already known to the office, nothing to send.
        s.execute(update(AttemptRow).values(sync_state=SyncState.ACKED.value))
        s.execute(update(CaseEventRow).values(sync_state=SyncState.ACKED.value))
    return worker_id


def _assign(sessions: Sessions, town: DemoTown) -> str:
    field_workers = [w for w in town.workers if w.role == "worker"]
    fallback = field_workers[0].id
    with sessions() as s:
        by_worker: dict[str, list[str]] = {}
        for case_id, wijk in s.execute(select(CaseRow.id, CaseRow.wijk)):
            owner = town.worker_for_wijk.get(wijk, fallback)
            by_worker.setdefault(owner, []).append(case_id)
        for owner, ids in by_worker.items():
            assign_cases(s, case_ids=ids, worker_id=owner)
    return fallback


def _info(
    store: Store, path: Path, *, built: bool, today: date, url: str = "", pulled: int = 0
) -> DemoInfo:
    with store.session() as s:
        open_n = s.scalar(select(func.count()).select_from(CaseRow).where(CaseRow.status == "open"))
        signals = s.scalar(select(func.count()).select_from(SignalRow))
        attempts = s.scalar(select(func.count()).select_from(AttemptRow))
        worker_id = queries.get_kv(s, KV_APP_WORKER_ID)
        worker = next((w for w in queries.list_workers(s) if w.id == worker_id), None)
        planned, rows = queries.today_rows(s, today=today, worker_id=worker_id)
        week = s.scalar(
            select(func.count())
            .select_from(PlannedVisitRow)
            .join(ShiftRow, ShiftRow.id == PlannedVisitRow.shift_id)
            .where(ShiftRow.day >= today, ShiftRow.day < today + timedelta(days=7))
        )
    return DemoInfo(
        path=path,
        built=built,
        cases_open=open_n or 0,
        signals=signals or 0,
        attempts=attempts or 0,
        worker_name=worker.display_name if worker else "onbekend",
        username=worker.username if worker else "",
        planned_today=len(rows) if planned else 0,
        server_url=url,
        pulled=pulled,
        planned_week=week or 0,
    )
