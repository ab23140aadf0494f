"""Reopening a closed case (reason, own cases, audit) and undoing a one-click outcome."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Eindresultaat, Signaalpartner, Signaalstatus
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.priority import Policy
from fieldapp.services import cases as case_service
from fieldapp.services import queries
from fieldapp.services.attempts import (
    UNDO_REASON,
    QuickOutcome,
    record_quick_outcome,
    undo_quick_outcome,
)
from fieldapp.services.errors import CaseNotClosed, NotYourCase, ReasonRequired
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseEventRow
from tests.core.signal_factory import parsed, signal

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 23)
EVENING = datetime(2026, 11, 23, 19, 30, tzinfo=AMS)


@pytest.fixture
def case_id(store: Store) -> str:
    with store.session() as s:
        import_parsed(s, [parsed(signal(Signaalpartner.HUUR))], policy=Policy(), today=TODAY)
        [row] = queries.list_case_rows(s, today=TODAY)
        return row.id


def _close(store: Store, case_id: str, result: Eindresultaat) -> None:
    with store.session() as s:
        case_service.close_case(
            s, event_id=str(uuid.uuid4()), case_id=case_id, resultaat=result, at=EVENING
        )


def _reopen(store: Store, case_id: str, reason: str, worker_id: str | None = None) -> None:
    with store.session() as s:
        case_service.reopen_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            reason=reason,
            at=EVENING,
            worker_id=worker_id,
        )


def test_reopen_restores_open_case_and_picks_signals_up_again(store, case_id) -> None:
    _close(store, case_id, Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING)
    _reopen(store, case_id, "  toch geen herhaling  ")
    with store.session() as s:
        case = queries.get_case(s, case_id, today=TODAY)
        [event] = s.scalars(select(CaseEventRow).where(CaseEventRow.kind == "reopen")).all()
    assert case.status is CaseStatus.OPEN and case.resultaat is None
    assert {sig.status for sig in case.signals} == {Signaalstatus.OPGEPAKT}
    assert (event.reason, event.sync_state) == ("toch geen herhaling", "pending")


def test_reopen_refuses_open_case_and_missing_reason(store, case_id) -> None:
    with pytest.raises(CaseNotClosed):
        _reopen(store, case_id, "waarom niet")
    _close(store, case_id, Eindresultaat.ZELF_BETAALD)
    with pytest.raises(ReasonRequired):
        _reopen(store, case_id, "   ")
    with store.session() as s:
        assert queries.get_case(s, case_id, today=TODAY).status is CaseStatus.GESLOTEN


def test_a_worker_reopens_only_own_cases(store, case_id) -> None:
    with store.session() as s:
        for wid in ("w-1", "w-2"):
            case_service.upsert_worker(
                s,
                WorkerInfo(
                    id=wid,
                    username=wid,
                    display_name=wid,
                    first_name=wid,
                    role="worker",
                    team="t",
                    phone="",
                    whatsapp="",
                    email="",
                ),
            )
        case_service.assign_cases(s, case_ids=[case_id], worker_id="w-1")
    _close(store, case_id, Eindresultaat.ZELF_BETAALD)
    with pytest.raises(NotYourCase):
        _reopen(store, case_id, "teruggebeld", worker_id="w-2")
    _reopen(store, case_id, "teruggebeld", worker_id="w-1")


def test_undo_voids_each_step_once(store, case_id) -> None:
    form_id = str(uuid.uuid4())
    with store.session() as s:
        record_quick_outcome(
            s,
            form_id=form_id,
            outcome=QuickOutcome.NIET_THUIS_KAARTJE,
            case_id=case_id,
            occurred_at=EVENING,
        )
    undo_id = str(uuid.uuid4())
    for _ in range(2):  # a retried undo stores nothing new
        with store.session() as s:
            undo_quick_outcome(
                s,
                undo_id=undo_id,
                form_id=form_id,
                outcome=QuickOutcome.NIET_THUIS_KAARTJE,
                at=EVENING,
            )
    with store.session() as s:
        voids = s.scalars(select(AttemptRow).where(AttemptRow.voids.is_not(None))).all()
    assert len(voids) == 2
    assert {v.void_reason for v in voids} == {UNDO_REASON}
