"""Print-job services shared by the CLI and the UI: the day's shifts, 'Brief' attempts once."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fieldapp.domain.ddas import Contactsoort, Dagdeel, Signaalpartner
from fieldapp.domain.letters import LetterKind
from fieldapp.domain.listing import WorkerInfo
from fieldapp.domain.priority import Policy
from fieldapp.services import queries
from fieldapp.services.cases import upsert_worker
from fieldapp.services.intake import import_parsed
from fieldapp.services.planning import plan_shift
from fieldapp.services.print_jobs import (
    brief_form_id,
    load_organisation,
    load_print_jobs,
    log_letters_sent,
    shifts_on,
)
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow
from tests.core.signal_factory import parsed, signal

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 23)
EVENING = datetime(2026, 11, 23, 19, 30, tzinfo=AMS)
LATER_EVENING = datetime(2026, 11, 23, 21, 5, tzinfo=AMS)
NEXT_MORNING = datetime(2026, 11, 24, 9, 0, tzinfo=AMS)
WORKER = "00000000-0000-4000-8000-00000000b001"


@pytest.fixture
def case_ids(store: Store) -> list[str]:
    with store.session() as s:
        import_parsed(
            s,
            [
                parsed(
                    signal(Signaalpartner.HUUR),
                    signal(Signaalpartner.ENERGIE, postcode="7411CD", nr=9, name="Visser"),
                )
            ],
            policy=Policy(),
            today=TODAY,
        )
        return sorted(r.id for r in queries.list_case_rows(s, today=TODAY))


def test_brief_form_id_is_the_one_the_cli_always_used() -> None:
    # Attempts logged by earlier versions keep their ids: the hashed text must not change.
    expected = uuid.uuid5(uuid.NAMESPACE_URL, "brief:abc:hulpaanbod:2026-11-23:Avond")
    assert brief_form_id("abc", LetterKind.HULPAANBOD, EVENING) == str(expected)


def test_letters_are_logged_once_per_case_kind_and_dagdeel(store: Store, case_ids) -> None:
    kind = LetterKind.HULPAANBOD
    with store.session() as s:
        first = log_letters_sent(s, [*case_ids, case_ids[0]], kind, EVENING, WORKER, "dev-1")
        again = log_letters_sent(s, case_ids, kind, LATER_EVENING, WORKER, "dev-1")
        other_kind = log_letters_sent(
            s, case_ids[:1], LetterKind.NOG_STEEDS_WELKOM, EVENING, WORKER, "dev-1"
        )
        next_day = log_letters_sent(s, case_ids[:1], kind, NEXT_MORNING, WORKER, "dev-1")
    assert first.case_ids == frozenset(case_ids) and first.attempts
    assert again.case_ids == frozenset()
    assert other_kind.case_ids == next_day.case_ids == {case_ids[0]}
    with store.session() as s:
        rows = s.scalars(select(AttemptRow)).all()
        assert len(rows) == len(case_ids) + 2
        assert {r.soort for r in rows} == {Contactsoort.BRIEF.value}
        assert not any(r.bereikt for r in rows)


def test_cards_are_not_logged_when_printed(store: Store, case_ids) -> None:
    with store.session() as s, pytest.raises(ValueError):
        log_letters_sent(s, case_ids, LetterKind.NIET_THUIS_KAARTJE, EVENING, None, None)


def test_shifts_of_a_day_and_the_next_visit_of_a_case(store: Store, case_ids) -> None:
    worker = WorkerInfo(WORKER, "iris", "Iris Bakker", "Iris", "worker", "", "+31612345678", "", "")
    with store.session() as s:
        upsert_worker(s, worker)
        plan_shift(s, worker_id=WORKER, day=TODAY, dagdeel=Dagdeel.AVOND, case_ids=case_ids[:1])
        plan_shift(s, worker_id=WORKER, day=TODAY, dagdeel=Dagdeel.MIDDAG, case_ids=case_ids)
        shifts = shifts_on(s, day=TODAY, worker_id=WORKER)
        assert [(x.dagdeel, x.visits) for x in shifts] == [(Dagdeel.MIDDAG, 2), (Dagdeel.AVOND, 1)]
        assert shifts_on(s, day=TODAY, worker_id="someone-else") == []
        jobs = load_print_jobs(
            s, organisation=load_organisation(None), today=TODAY, case_ids=case_ids[:1]
        )
    # Both shifts hold the case: the earliest dagdeel of the day is the one a letter names.
    [job] = jobs
    assert (job.visit_date, job.dagdeel) == (TODAY, Dagdeel.MIDDAG)
    assert job.sender is not None and job.sender.first_name == "Iris"


def test_a_route_counts_exactly_the_cards_it_prints_when_a_case_closed(
    store: Store, case_ids
) -> None:
    from fieldapp.domain.ddas import Eindresultaat
    from fieldapp.services.cases import close_case

    worker = WorkerInfo(WORKER, "iris", "Iris Bakker", "Iris", "worker", "", "+31612345678", "", "")
    with store.session() as s:
        upsert_worker(s, worker)
        shift_id, _ = plan_shift(
            s, worker_id=WORKER, day=TODAY, dagdeel=Dagdeel.AVOND, case_ids=case_ids
        )
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_ids[0],
            resultaat=Eindresultaat.REGELT_HET_ZELF,
            at=EVENING,
        )
        [shift] = shifts_on(s, day=TODAY, worker_id=WORKER)
        jobs = load_print_jobs(
            s, organisation=load_organisation(None), today=TODAY, shift_id=shift_id
        )
    assert shift.visits == len(jobs) == 1
    assert [j.case.id for j in jobs] == case_ids[1:]


def test_cards_of_a_route_carry_their_stop_number_on_the_back(store: Store, case_ids) -> None:
    import io

    from pypdf import PdfReader

    from fieldapp.services.print_pdf import build_cards

    worker = WorkerInfo(WORKER, "iris", "Iris Bakker", "Iris", "worker", "", "+31612345678", "", "")
    with store.session() as s:
        upsert_worker(s, worker)
        shift_id, _ = plan_shift(
            s, worker_id=WORKER, day=TODAY, dagdeel=Dagdeel.AVOND, case_ids=case_ids
        )
        jobs = load_print_jobs(
            s, organisation=load_organisation(None), today=TODAY, shift_id=shift_id
        )
    assert [j.route_no for j in jobs] == [1, 2]
    back = PdfReader(io.BytesIO(build_cards(jobs, today=TODAY))).pages[1].extract_text()
    plain = [j.__class__(j.case, j.sender, j.visit_date, j.dagdeel) for j in jobs]
    back_plain = PdfReader(io.BytesIO(build_cards(plain, today=TODAY))).pages[1].extract_text()
    added = [line for line in back.splitlines() if line not in back_plain.splitlines()]
    assert sorted(added) == ["1", "2"]
