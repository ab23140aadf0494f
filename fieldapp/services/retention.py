"""Retention on this laptop: at unlock and daily, offline too (``privacy.retention``).

The day counts from the later of the device clock, the last time the server was seen and the
latest day a previous run used (a clock turned back never postpones a purge). Call
:func:`purge_store` on the DB thread: it anonymises in one transaction, then checkpoints the
WAL with TRUNCATE so the old row images leave the disk.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from fieldapp.domain.priority import Policy
from fieldapp.privacy.retention import (
    RetentionReport,
    anonymise_cases,
    cases_due,
    retention_today,
)
from fieldapp.services.sync import KV_LAST_SYNC
from fieldapp.store.client_store import Store
from fieldapp.store.repos.kv import get_kv, set_kv

KV_HIGH_WATER = "retention.day"  # the latest day a run counted from
KV_LAST_RUN = "retention.last_run_at"
KV_LAST_COUNT = "retention.last_count"
DAILY = timedelta(hours=24)


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def retention_day(session: Session, device_now: datetime) -> date:
    day = retention_today(device_now, _moment(get_kv(session, KV_LAST_SYNC)))
    high = get_kv(session, KV_HIGH_WATER)
    if high:
        day = max(day, date.fromisoformat(high))
    return day


def is_due(session: Session, device_now: datetime) -> bool:
    """True when no run happened in the last 24 h (the UI's daily timer asks this)."""
    last = _moment(get_kv(session, KV_LAST_RUN))
    return last is None or device_now - last >= DAILY or device_now < last


def run_local_retention(
    session: Session, *, device_now: datetime, policy: Policy, dry_run: bool = False
) -> RetentionReport:
    """Anonymise this store's due cases in the caller's transaction (checkpoint afterwards)."""
    day = retention_day(session, device_now)
    due = cases_due(session, day, policy.retention_months)
    if dry_run:
        return RetentionReport(cases=due)
    report = anonymise_cases(session, due, day, keep_pending=True)
    set_kv(session, KV_HIGH_WATER, day.isoformat())
    set_kv(session, KV_LAST_RUN, device_now.isoformat())
    set_kv(session, KV_LAST_COUNT, str(len(report.cases)))
    return report


def purge_store(store: Store, *, device_now: datetime, policy: Policy) -> RetentionReport:
    """One run on an open store: anonymise, commit, then WAL checkpoint(TRUNCATE)."""
    with store.session() as session:
        report = run_local_retention(session, device_now=device_now, policy=policy)
    if report.cases:
        store.checkpoint_truncate()
    return report
