"""Planner runs as jobs: POST starts one and returns its id at once; GET reports progress;
DELETE asks it to stop. The request never waits for the solver.

The job's state lives in ``plan_jobs`` (any server instance can answer GET/DELETE); the run
itself is on a single planner thread of the instance that accepted the POST (CPU-bound work
one at a time; request threads stay free). Stages: ``building`` (read the team's data into one
instance per route owner, :mod:`fieldapp.services.plan_build`), ``solving`` (each instance in
turn, progress and cancel polled through the database at most twice a second), ``saving``
(one transaction: the plan replaces the unlocked, unpublished visits; feed and audit).
A cancelled job writes nothing. A job whose process died stays ``running``; a new POST for
the same team is still accepted (the last one to finish wins).
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.planning.instance import PlanResult
from fieldapp.server import audit
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import PlanJobRow
from fieldapp.server.plan_emit import emit_plan_write
from fieldapp.services.plan_build import build_instances
from fieldapp.services.plan_edit import PlanWrite, write_plan
from fieldapp.store.schema import CaseRow, ShiftRow, utcnow
from fieldapp.sync.protocol_plan import PlanJobStatus, Unplanned

log = logging.getLogger("fieldapp.server.plan")
Solver = Callable[..., PlanResult]
_POLL_SECONDS = 0.5
_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="planner")
        return _executor


def default_solver() -> Solver:
    from fieldapp.planning.solver import solve

    return solve


def create_job(
    session: Session, *, team: str, user_id: str, van: date, tot: date, budget: float
) -> PlanJobRow:
    job = PlanJobRow(
        id=str(uuid.uuid4()),
        team=team,
        user_id=user_id,
        van=van,
        tot=tot,
        status="queued",
        progress=0,
        stage="",
        cancel_requested=False,
        budget_seconds=budget,
        result={},
        error="",
    )
    session.add(job)
    session.flush()
    return job


def submit(db: ServerDatabase, job_id: str, *, solver: Solver | None = None) -> None:
    """Run the job on the planner thread (after the creating transaction committed)."""
    _pool().submit(run_job, db, job_id, solver or default_solver())


def status_of(job: PlanJobRow) -> PlanJobStatus:
    result = job.result or {}
    return PlanJobStatus(
        id=job.id,
        status=job.status,  # type: ignore[arg-type]
        progress=job.progress,
        stage=job.stage,
        van=job.van,
        tot=job.tot,
        planned=int(result.get("planned", 0)),
        unplanned=[Unplanned.model_validate(u) for u in result.get("unplanned", [])],
        solver=str(result.get("solver", "")),
        error=job.error,
    )


def run_job(db: ServerDatabase, job_id: str, solver: Solver) -> None:
    try:
        _run(db, job_id, solver)
    except Exception as error:  # the job must end in a state, whatever went wrong
        # Type only: a message could quote data (no personal data in logs).
        log.error("planner job failed: %s", type(error).__name__)
        _set(db, job_id, status="failed", error=type(error).__name__, finished_at=utcnow())


def _set(db: ServerDatabase, job_id: str, **values: object) -> None:
    with db.session() as session, session.begin():
        session.execute(update(PlanJobRow).where(PlanJobRow.id == job_id).values(**values))


def _cancelled(db: ServerDatabase, job_id: str) -> bool:
    with db.session() as session, session.begin():
        return bool(
            session.scalar(select(PlanJobRow.cancel_requested).where(PlanJobRow.id == job_id))
        )


def _run(db: ServerDatabase, job_id: str, solver: Solver) -> None:
    with db.session() as session, session.begin():
        job = session.get(PlanJobRow, job_id)
        if job is None:
            return
        if job.cancel_requested:
            job.status, job.finished_at = "cancelled", utcnow()
            return
        job.status, job.stage, job.progress = "running", "building", 1
        team, van, tot, budget = job.team, job.van, job.tot, job.budget_seconds
    with db.session() as session, session.begin():
        shift_ids = set(
            session.scalars(
                select(ShiftRow.id).where(
                    ShiftRow.team == team, ShiftRow.day >= van, ShiftRow.day <= tot
                )
            )
        )
        team_cases = _team_case_ids(session, team)
        inputs = build_instances(
            session, shift_ids=shift_ids, today=_today(), case_filter=team_cases
        )
    results: list[PlanResult] = []
    last_poll = [0.0]
    stop = [False]
    for n, item in enumerate(inputs):
        share = 90.0 / max(1, len(inputs))

        def progress(fraction: float, n: int = n, share: float = share) -> None:
            if time.monotonic() - last_poll[0] >= _POLL_SECONDS:
                pct = int(5 + n * share + share * max(0.0, min(1.0, fraction)))
                _set(db, job_id, progress=min(pct, 95))

        def cancel() -> bool:
            now = time.monotonic()
            if now - last_poll[0] >= _POLL_SECONDS:
                last_poll[0] = now
                stop[0] = stop[0] or _cancelled(db, job_id)
            return stop[0]

        _set(db, job_id, stage="solving", progress=int(5 + n * share))
        if cancel() or _cancelled(db, job_id):
            stop[0] = True
            break
        results.append(
            solver(
                item.instance,
                budget_s=budget,
                progress=progress,
                cancel=cancel,
                locked=item.locked,
            )
        )
    if stop[0] or _cancelled(db, job_id):
        _set(db, job_id, status="cancelled", stage="", finished_at=utcnow())
        return
    _set(db, job_id, stage="saving", progress=96)
    _save(db, job_id, results, shift_ids)


def _save(db: ServerDatabase, job_id: str, results: list[PlanResult], shift_ids: set[str]) -> None:
    with db.session() as session, session.begin():
        job = session.get(PlanJobRow, job_id)
        if job is None or job.cancel_requested:
            if job is not None:
                job.status, job.finished_at = "cancelled", utcnow()
            return
        live = set(session.scalars(select(ShiftRow.id).where(ShiftRow.id.in_(sorted(shift_ids)))))
        write = PlanWrite()
        for result in results:
            write = write | write_plan(session, result, live)
        emit_plan_write(session, write)
        unplanned = [
            {"case_id": u.case, "reason": u.reason.value, "text": u.text}
            for r in results
            for u in r.unplanned
        ]
        planned = sum(len(s.visits) for r in results for s in r.shifts)
        job.status, job.stage, job.progress = "done", "", 100
        job.finished_at = utcnow()
        job.result = {
            "planned": planned,
            "unplanned": unplanned,
            "solver": ",".join(sorted({r.solver for r in results})),
        }
        audit.record(
            session,
            action=audit.AuditAction.PLAN_JOB,
            outcome="done",
            user_id=job.user_id,
            device_id=None,
            case_ids=[],
            detail={
                "shifts": len(live),
                "visits": planned,
                "unplanned": len(unplanned),
            },
        )


def _team_case_ids(session: Session, team: str) -> set[str]:
    from fieldapp.server.db.schema import CaseTeamRow

    return set(
        session.scalars(
            select(CaseTeamRow.case_id)
            .join(CaseRow, CaseRow.id == CaseTeamRow.case_id)
            .where(CaseTeamRow.team == team, CaseRow.status == "open")
        )
    )


def _today() -> date:
    from fieldapp.domain.dayparts import AMSTERDAM

    return datetime.now(AMSTERDAM).date()
