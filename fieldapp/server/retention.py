"""The server's retention job: ``fieldapp server purge`` and, in ``serve``, at start and
every 24 h (``privacy.retention`` does the anonymising; this adds the server's parts).

Server parts: quarantined items of purged cases are deleted (their payload holds notes);
a purged case is unassigned, so the feed sends each worker's laptop a tombstone and the lead's
laptop the anonymised case; one audit event (ids and counts only); SQLite: WAL checkpoint
(TRUNCATE) afterwards. PostgreSQL: updated rows leave dead tuples until autovacuum; the purge
runs ``VACUUM`` on the touched tables when asked (``vacuum=True``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy import delete, text, update
from sqlalchemy.orm import Session

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.priority import Policy
from fieldapp.privacy.retention import RetentionReport, anonymise_cases, cases_due
from fieldapp.server import audit
from fieldapp.server.db.brp_schema import BrpCheckRow
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import QuarantineRow
from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.store.schema import CaseRow

log = logging.getLogger("fieldapp.server.retention")
DAY_SECONDS = 24 * 60 * 60
_TABLES = ("people", "signals", "attempts", "cases", "case_events", "quarantine")


def purge_session(
    session: Session, *, today: date, policy: Policy, dry_run: bool = False
) -> RetentionReport:
    """Anonymise the due cases in the caller's transaction; audited."""
    due = cases_due(session, today, policy.retention_months)
    if dry_run or not due:
        return RetentionReport(cases=due)
    before = case_scopes(session, due)
    report = anonymise_cases(session, due, today, keep_pending=False)
    for start in range(0, len(due), 500):
        chunk = due[start : start + 500]
        session.execute(delete(QuarantineRow).where(QuarantineRow.case_id.in_(chunk)))
        session.execute(delete(BrpCheckRow).where(BrpCheckRow.case_id.in_(chunk)))  # BAG ids
        session.execute(
            update(CaseRow).where(CaseRow.id.in_(chunk)).values(assigned_worker_id=None)
        )
    session.flush()
    emit_case_changes(session, before)
    audit.record(
        session,
        action=audit.AuditAction.PURGE,
        outcome="ok",
        user_id=None,
        device_id=None,
        case_ids=due,
        detail=report.counts(),
    )
    return report


def purge_server(
    db: ServerDatabase,
    *,
    policy: Policy,
    now: datetime | None = None,
    dry_run: bool = False,
    vacuum: bool = False,
) -> RetentionReport:
    today = (now or datetime.now(UTC)).astimezone(AMSTERDAM).date()
    with db.session() as session, session.begin():
        report = purge_session(session, today=today, policy=policy, dry_run=dry_run)
    if report.cases and not dry_run:
        if db.url_kind == "sqlite":
            # Outside any transaction (the engine's begin event would open BEGIN IMMEDIATE).
            raw = db.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # type: ignore[union-attr]
            finally:
                raw.close()
        elif vacuum:
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in _TABLES:
                    conn.execute(text(f"VACUUM {table}"))
    log.info("retention purge: %d cases", len(report.cases))
    return report


def start_daily_purge(
    run: Callable[[], object], *, interval: float = DAY_SECONDS
) -> Callable[[], None]:
    """Run ``run`` now and then every ``interval`` seconds in a daemon thread; returns stop().
    A failing run is logged (no data in the message) and retried at the next interval."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                run()
            except Exception as exc:  # a purge failure must not kill the server
                log.error("retention purge failed: %s", exc.__class__.__name__)
            stop.wait(interval)

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop.set
