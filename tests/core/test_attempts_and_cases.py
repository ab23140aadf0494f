"""Attempt logging, voiding, closing and drafts on a real encrypted store."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from fieldapp.domain.attempts import effective_attempts
from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Contactsoort, Dagdeel, Eindresultaat, Signaalpartner
from fieldapp.domain.priority import EffortStandard, Policy
from fieldapp.services import cases as case_service
from fieldapp.services import queries
from fieldapp.services.attempts import (
    QuickOutcome,
    record_attempt,
    record_quick_outcome,
    void_attempt,
)
from fieldapp.services.errors import AttemptConflict, CaseNotFound, EffortNotMet
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseEventRow, SignalRow
from tests.core.signal_factory import parsed, signal

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 23)
EVENING = datetime(2026, 11, 23, 19, 30, tzinfo=AMS)
MORNING = datetime(2026, 11, 23, 9, 15, tzinfo=AMS)


@pytest.fixture
def case_id(store: Store) -> str:
    with store.session() as s:
        import_parsed(s, [parsed(signal(Signaalpartner.HUUR))], policy=Policy(), today=TODAY)
        [row] = queries.list_case_rows(s, today=TODAY)
        return row.id


def attempts(store: Store, case_id: str):
    with store.session() as s:
        return queries.get_case(s, case_id, today=TODAY).attempts


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (
            QuickOutcome.NIET_THUIS_KAARTJE,
            [(Contactsoort.HUISBEZOEK, False), (Contactsoort.KAARTJE, False)],
        ),
        (QuickOutcome.NIET_THUIS, [(Contactsoort.HUISBEZOEK, False)]),
        (QuickOutcome.GESPROKEN_WIL_HULP, [(Contactsoort.HUISBEZOEK, True)]),
        (QuickOutcome.GESPROKEN_GEEN_HULP, [(Contactsoort.HUISBEZOEK, True)]),
        (QuickOutcome.GEBELD_GEEN_GEHOOR, [(Contactsoort.TELEFOON, False)]),
        (QuickOutcome.GEBELD_GESPROKEN, [(Contactsoort.TELEFOON, True)]),
        (QuickOutcome.APP_SMS, [(Contactsoort.SMS_WHATSAPP, False)]),
        (QuickOutcome.BRIEF, [(Contactsoort.BRIEF, False)]),
    ],
)
def test_quick_outcome_records_the_right_attempts(store, case_id, outcome, expected) -> None:
    form_id = str(uuid.uuid4())
    with store.session() as s:
        record_quick_outcome(
            s, form_id=form_id, outcome=outcome, case_id=case_id, occurred_at=EVENING
        )
    got = attempts(store, case_id)
    assert [(a.soort, a.bereikt) for a in got] == expected
    assert {a.dagdeel for a in got} == {Dagdeel.AVOND}
    assert got[0].id == form_id


def test_same_form_saved_twice_stores_once(store: Store, case_id: str) -> None:
    form_id = str(uuid.uuid4())
    for _ in range(2):
        with store.session() as s:
            record_quick_outcome(
                s,
                form_id=form_id,
                outcome=QuickOutcome.NIET_THUIS_KAARTJE,
                case_id=case_id,
                occurred_at=MORNING,
            )
    got = attempts(store, case_id)
    assert len(got) == 2
    assert {a.dagdeel for a in got} == {Dagdeel.OCHTEND}


def test_same_id_with_other_content_is_a_conflict(store: Store, case_id: str) -> None:
    attempt_id = str(uuid.uuid4())
    with store.session() as s:
        record_attempt(
            s,
            attempt_id=attempt_id,
            case_id=case_id,
            soort=Contactsoort.TELEFOON,
            bereikt=False,
            occurred_at=MORNING,
        )
    with pytest.raises(AttemptConflict), store.session() as s:
        record_attempt(
            s,
            attempt_id=attempt_id.upper(),
            case_id=case_id,
            soort=Contactsoort.TELEFOON,
            bereikt=True,
            occurred_at=MORNING,
        )


def test_voiding_keeps_history_and_removes_from_count(store: Store, case_id: str) -> None:
    wrong = str(uuid.uuid4())
    with store.session() as s:
        record_quick_outcome(
            s, form_id=wrong, outcome=QuickOutcome.BRIEF, case_id=case_id, occurred_at=MORNING
        )
        void_attempt(
            s,
            void_id=str(uuid.uuid4()),
            attempt_id=wrong,
            reason="Verkeerde zaak aangeklikt",
            at=EVENING,
        )
    got = attempts(store, case_id)
    assert len(got) == 2 and got[1].voids == wrong
    assert effective_attempts(list(got)) == []
    with store.session() as s:
        [row] = queries.list_case_rows(s, today=TODAY)
        assert row.attempts == ()


def test_attempt_on_unknown_case_is_refused(store: Store) -> None:
    with pytest.raises(CaseNotFound), store.session() as s:
        record_attempt(
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=str(uuid.uuid4()),
            soort=Contactsoort.BRIEF,
            bereikt=False,
            occurred_at=MORNING,
        )
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AttemptRow)) == 0


def test_close_case_sets_resultaat_and_leaves_open_list(store: Store, case_id: str) -> None:
    with store.session() as s:
        case_service.close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=Eindresultaat.VERVOLGHULP_FINANCIEEL,
            at=EVENING,
        )
        assert queries.list_case_rows(s, today=TODAY) == []
        case = queries.get_case(s, case_id, today=TODAY)
    assert case.status is CaseStatus.GESLOTEN
    assert case.resultaat is Eindresultaat.VERVOLGHULP_FINANCIEEL


def test_reopened_case_is_open_again_and_keeps_its_history(store: Store, case_id: str) -> None:
    close_id, reopen_id = str(uuid.uuid4()), str(uuid.uuid4())
    with store.session() as s:
        case_service.close_case(
            s,
            event_id=close_id,
            case_id=case_id,
            resultaat=Eindresultaat.VERVOLGHULP_FINANCIEEL,
            at=MORNING,
        )
        changes = case_service.reopen_case(
            s, event_id=reopen_id, case_id=case_id, reason="  belde zelf terug ", at=EVENING
        )
        again = case_service.reopen_case(
            s, event_id=reopen_id, case_id=case_id, reason="belde zelf terug", at=EVENING
        )
        case = queries.get_case(s, case_id, today=TODAY)
        events = s.execute(
            select(CaseEventRow.id, CaseEventRow.kind, CaseEventRow.reason).order_by(
                CaseEventRow.at
            )
        ).all()
        listed = [row.id for row in queries.list_case_rows(s, today=TODAY)]
    assert changes.cases and changes.sync and changes.case_ids == {case_id}
    assert not again.cases  # the same event id twice (a re-sent form) is stored once
    assert case.status is CaseStatus.OPEN and case.resultaat is None
    assert [tuple(e) for e in events] == [
        (close_id, "close", ""),
        (reopen_id, "reopen", "belde zelf terug"),
    ]
    assert listed == [case_id]


def test_closing_as_known_at_shv_settles_signal_status(store: Store, case_id: str) -> None:
    with store.session() as s:
        case_service.close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=Eindresultaat.AL_BEKEND_BIJ_SHV,
            at=EVENING,
        )
        assert set(s.scalars(select(SignalRow.status))) == {
            "Inwoner al bekend bij schuldhulpverlening"
        }


def test_effort_standard_blocks_no_contact_close_unless_reasoned(store, case_id) -> None:
    policy = Policy(effort=EffortStandard(enforced=True))
    with store.session() as s:
        record_quick_outcome(
            s,
            form_id=str(uuid.uuid4()),
            outcome=QuickOutcome.NIET_THUIS,
            case_id=case_id,
            occurred_at=MORNING,
        )
    with pytest.raises(EffortNotMet) as err, store.session() as s:
        case_service.close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=Eindresultaat.DEFINITIEF_GEEN_CONTACT,
            at=EVENING,
            policy=policy,
        )
    assert any("pogingen" in m for m in err.value.shortfalls)
    with store.session() as s:
        case_service.close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=Eindresultaat.DEFINITIEF_GEEN_CONTACT,
            reason="Adres is een bedrijfspand; teamleider akkoord",
            effort_override=True,
            at=EVENING,
            policy=policy,
        )
        assert queries.get_case(s, case_id).status is CaseStatus.GESLOTEN


def test_drafts_round_trip_inside_the_store(store: Store, case_id: str) -> None:
    with store.session() as s:
        case_service.save_draft(s, f"attempt:{case_id}", {"note": "bel na 18 uur"})
    with store.session() as s:
        assert case_service.load_draft(s, f"attempt:{case_id}") == {"note": "bel na 18 uur"}
        case_service.delete_draft(s, f"attempt:{case_id}")
    with store.session() as s:
        assert case_service.load_draft(s, f"attempt:{case_id}") is None
