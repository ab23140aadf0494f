"""`fieldapp demo`: a synthetic town in an encrypted store, ready for a worker's evening round.

Everything is generated (``fieldapp.demo_town``); no real person is in it. The demo passphrase
is public on purpose (it is shown on the Demo banner), so the demo store protects nothing.
"""

from __future__ import annotations

import shutil
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from fieldapp.config import load_policy
from fieldapp.demo_town import DemoTown, build_town
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Dagdeel, Eindresultaat
from fieldapp.domain.listing import WorkerInfo
from fieldapp.intake.report import ParsedFile
from fieldapp.services import queries
from fieldapp.services.attempts import record_attempt
from fieldapp.services.cases import assign_cases, close_case, upsert_worker
from fieldapp.services.intake import import_parsed
from fieldapp.services.planning import plan_shift
from fieldapp.store.keys import DEFAULT_PARAMS, KdfParams
from fieldapp.store.schema import AttemptRow, CaseEventRow, CaseRow, SignalRow
from fieldapp.store.unit_of_work import Store

DEMO_PASSPHRASE = "demo veldwerk zonder echte mensen"  # noqa: S105 (public by design)
DEMO_SEED = 20261123
KV_WORKER_ID = "worker_id"
KV_DEMO = "demo"
_NS = uuid.UUID("6f1c7d1e-9a55-4d3c-8f3e-2a7b0c9d1e55")


@dataclass(frozen=True, slots=True)
class DemoInfo:
    path: Path
    built: bool
    cases_open: int
    cases_closed: int
    signals: int
    attempts: int
    worker_name: str
    planned_today: int

    def summary(self) -> str:
        state = "gebouwd" if self.built else "al aanwezig"
        return (
            f"Demodatabase {state}: {self.path}\n"
            f"  {self.cases_open} open zaken, {self.cases_closed} gesloten, "
            f"{self.signals} signalen, {self.attempts} contactpogingen\n"
            f"  Ingelogd als {self.worker_name}; "
            f"vandaag {self.planned_today} huisbezoeken gepland\n"
            f"  Wachtwoordzin (alleen voor de demo): {DEMO_PASSPHRASE}"
        )


def ensure_demo_store(
    path: Path,
    *,
    households: int = 400,
    rebuild: bool = False,
    today: date | None = None,
    params: KdfParams = DEFAULT_PARAMS,
) -> DemoInfo:
    """Build the demo store at ``path`` unless it is already there (``rebuild`` starts over)."""
    day = today or date.today()
    if rebuild:
        for leftover in path.parent.glob(path.name + "*"):
            if leftover.is_file():
                leftover.unlink()
            elif leftover.is_dir():
                shutil.rmtree(leftover)
    if path.exists():
        store = Store.open(path, DEMO_PASSPHRASE)
        try:
            return _info(store, path, built=False, today=day)
        finally:
            store.close()
    store = Store.create(path, DEMO_PASSPHRASE, params=params)
    try:
        build_into(store, today=day, households=households)
        return _info(store, path, built=True, today=day)
    finally:
        store.close()


def build_into(store: Store, *, today: date, households: int, seed: int = DEMO_SEED) -> str:
    """Fill an empty store with the demo town; returns the demo worker's id."""
    town = build_town(today=today, seed=seed, households=households)
    policy = load_policy()
    with store.session() as s:
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
    for month in town.months:
        intake_day = min(today, _month_end(month.first_day) + timedelta(days=3))
        parsed = ParsedFile(
            path=f"demo-{month.first_day:%Y-%m}.csv",
            format="csv",
            rows=len(month.signals),
            signals=list(month.signals),
            rejected=[],
            duplicates_in_file=0,
            sha256=uuid.uuid5(_NS, f"{seed}-{month.first_day}").hex * 2,
        )
        with store.session() as s:
            import_parsed(s, [parsed], policy=policy, today=intake_day)
    worker_id = _assign(store, town)
    _attempts_and_closures(store, town, today)
    _plan_today(store, worker_id, today)
    with store.session() as s:
        queries.set_kv(s, KV_WORKER_ID, worker_id)
        queries.set_kv(s, KV_DEMO, "1")
    return worker_id


def _month_end(first: date) -> date:
    nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return nxt - timedelta(days=1)


def _assign(store: Store, town: DemoTown) -> str:
    field_workers = [w for w in town.workers if w.role == "worker"]
    fallback = field_workers[0].id
    with store.session() as s:
        by_worker: dict[str, list[str]] = {}
        for case_id, wijk in s.execute(select(CaseRow.id, CaseRow.wijk)):
            owner = town.worker_for_wijk.get(wijk, fallback)
            by_worker.setdefault(owner, []).append(case_id)
        for owner, ids in by_worker.items():
            assign_cases(s, case_ids=ids, worker_id=owner)
    return fallback


def _attempts_and_closures(store: Store, town: DemoTown, today: date) -> None:
    with store.session() as s:
        case_of = {
            (partner, ext): case_id
            for partner, ext, case_id in s.execute(
                select(SignalRow.partner, SignalRow.external_id, SignalRow.case_id)
            )
            if case_id is not None
        }
        per_case: Counter[str] = Counter()
        reached: set[str] = set()
        for n, a in enumerate(town.attempts):
            case_id = case_of.get((a.partner.value, a.external_id))
            if case_id is None:
                continue
            record_attempt(
                s,
                attempt_id=str(uuid.uuid5(_NS, f"attempt-{n}")),
                case_id=case_id,
                soort=a.soort,
                bereikt=a.bereikt,
                occurred_at=a.occurred_at,
                note=a.note,
                worker_id=s.scalar(select(CaseRow.assigned_worker_id).where(CaseRow.id == case_id)),
            )
            per_case[case_id] += 1
            if a.bereikt:
                reached.add(case_id)
        # Older cases are settled: reached ones with an outcome, unreached after 3+ tries.
        old_cutoff = today - timedelta(days=45)
        results = (
            Eindresultaat.VERVOLGHULP_FINANCIEEL,
            Eindresultaat.REGELT_HET_ZELF,
            Eindresultaat.BUDGETADVIES_QUICK_FIX,
            Eindresultaat.ZELF_BETAALD,
        )
        for i, (case_id, opened) in enumerate(
            s.execute(select(CaseRow.id, CaseRow.opened_on).order_by(CaseRow.id)).all()
        ):
            if opened > old_cutoff:
                continue
            if case_id in reached:
                result = results[i % len(results)]
            elif per_case[case_id] >= 3:
                result = Eindresultaat.DEFINITIEF_GEEN_CONTACT
            else:
                continue
            close_case(
                s,
                event_id=str(uuid.uuid5(_NS, f"close-{case_id}")),
                case_id=case_id,
                resultaat=result,
                at=datetime.combine(
                    opened + timedelta(days=30), datetime.min.time(), AMSTERDAM
                ).replace(hour=16),
            )
        # History from "before this laptop": already known to the office, nothing to send.
        s.execute(update(AttemptRow).values(sync_state="acked"))
        s.execute(update(CaseEventRow).values(sync_state="acked"))


def _plan_today(store: Store, worker_id: str, today: date) -> None:
    with store.session() as s:
        rows = [
            r
            for r in queries.list_case_rows(s, worker_id=worker_id, today=today)
            if r.huisnummer is not None
        ]
        afternoon, evening = rows[0:12:2], rows[1:12:2]
        plan_shift(
            s,
            worker_id=worker_id,
            day=today,
            dagdeel=Dagdeel.MIDDAG,
            case_ids=[r.id for r in afternoon],
        )
        plan_shift(
            s,
            worker_id=worker_id,
            day=today,
            dagdeel=Dagdeel.AVOND,
            case_ids=[r.id for r in evening],
        )


def _info(store: Store, path: Path, *, built: bool, today: date) -> DemoInfo:
    with store.session() as s:
        open_n = s.scalar(select(func.count()).select_from(CaseRow).where(CaseRow.status == "open"))
        all_n = s.scalar(select(func.count()).select_from(CaseRow))
        signals = s.scalar(select(func.count()).select_from(SignalRow))
        attempts = s.scalar(select(func.count()).select_from(AttemptRow))
        worker_id = queries.get_kv(s, KV_WORKER_ID)
        name = next(
            (w.display_name for w in queries.list_workers(s) if w.id == worker_id), "onbekend"
        )
        planned, rows = queries.today_rows(s, today=today, worker_id=worker_id)
    return DemoInfo(
        path=path,
        built=built,
        cases_open=open_n or 0,
        cases_closed=(all_n or 0) - (open_n or 0),
        signals=signals or 0,
        attempts=attempts or 0,
        worker_name=name,
        planned_today=len(rows) if planned else 0,
    )
