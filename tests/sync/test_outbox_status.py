"""The outbox figures the status bar shows: pending count, 24-hour warning, hidden details."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import time_machine

from fieldapp.domain.ddas import Contactsoort, Signaalpartner
from fieldapp.domain.priority import Policy
from fieldapp.services import queries
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import KV_TOKEN
from fieldapp.services.intake import import_parsed
from fieldapp.services.sync import KV_LAST_SYNC, outbox_status
from fieldapp.store.client_store import Store
from tests.core.signal_factory import parsed, signal

START = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)


def _case(store: Store) -> str:
    with store.session() as s:
        import_parsed(
            s, [parsed(signal(Signaalpartner.ZORG))], policy=Policy(), today=date(2026, 11, 23)
        )
        queries.set_kv(s, KV_TOKEN, "synthetic-token")
        queries.set_kv(s, KV_LAST_SYNC, START.isoformat())
        return queries.list_case_rows(s, today=date(2026, 11, 23))[0].id


def test_unsent_work_older_than_a_day_is_warned_about(store: Store) -> None:
    case_id = _case(store)
    with time_machine.travel(START, tick=False), store.session() as s:
        record_attempt(
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=case_id,
            soort=Contactsoort.HUISBEZOEK,
            bereikt=False,
            occurred_at=START,
        )
    with store.session() as s:
        fresh = outbox_status(s, START + timedelta(hours=23))
        stale = outbox_status(s, START + timedelta(hours=25))
    assert fresh.enrolled and fresh.pending_count == 1 and not fresh.warn_unsent
    assert stale.pending_count == 1 and stale.warn_unsent


def test_details_hide_after_fourteen_days_without_sync(store: Store) -> None:
    _case(store)
    with store.session() as s:
        assert not outbox_status(s, START + timedelta(days=13)).details_hidden
        assert outbox_status(s, START + timedelta(days=15)).details_hidden
