"""The minimum-effort standard: on by default, configurable, enforced on the laptop."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fieldapp.config import load_policy
from fieldapp.domain.attempts import ContactAttempt
from fieldapp.domain.ddas import Contactsoort, Eindresultaat, Signaalpartner
from fieldapp.domain.effort import ShortfallCode, effort_checklist
from fieldapp.domain.priority import EffortStandard, Policy
from fieldapp.services import cases as case_service
from fieldapp.services import queries
from fieldapp.services.attempts import record_attempt
from fieldapp.services.errors import EffortNotMet, OverrideNotAllowed
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.repos.kv import set_kv
from fieldapp.store.schema import CaseEventRow
from tests.core.signal_factory import parsed, signal

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 23)  # a Monday
MONDAY_MORNING = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
TUESDAY_AFTERNOON = datetime(2026, 11, 24, 14, 0, tzinfo=AMS)
WEDNESDAY_EVENING = datetime(2026, 11, 25, 19, 30, tzinfo=AMS)
SATURDAY_MORNING = datetime(2026, 11, 28, 10, 30, tzinfo=AMS)


def attempt(soort: Contactsoort, at: datetime) -> ContactAttempt:
    return ContactAttempt.record(case_id="c", soort=soort, bereikt=False, occurred_at=at)


def codes(attempts: list[ContactAttempt], standard: EffortStandard | None = None) -> set[str]:
    return {s.code.value for s in effort_checklist(attempts, standard or EffortStandard())}


def test_shipped_policy_enforces_the_standard() -> None:
    effort = load_policy().effort
    assert effort == EffortStandard()
    assert effort.enforced
    assert (effort.min_attempts, effort.min_channels, effort.min_personal) == (3, 2, 1)
    assert (effort.min_dayparts, effort.min_outside_office) == (2, 1)


def test_every_number_is_configurable(tmp_path: Path) -> None:
    policy_file = tmp_path / "afwegingskader.toml"
    policy_file.write_text(
        "[inspanning]\nafdwingen = true\nmin_pogingen = 4\nmin_kanalen = 3\n"
        "min_persoonlijk = 2\nmin_dagdelen = 3\nmin_buiten_kantoortijd = 2\n",
        encoding="utf-8",
    )
    assert load_policy(policy_file).effort == EffortStandard(True, 4, 3, 2, 3, 2)


def test_two_letters_miss_everything_but_nothing_else() -> None:
    letters = [attempt(Contactsoort.BRIEF, MONDAY_MORNING)] * 2
    assert codes(letters) == {c.value for c in ShortfallCode}
    [first, *_] = effort_checklist(letters, EffortStandard())
    assert first.line == "Minstens 3 contactpogingen (nu 2) [POGINGEN]"


def test_letter_call_and_evening_visit_meet_the_standard() -> None:
    done = [
        attempt(Contactsoort.BRIEF, MONDAY_MORNING),
        attempt(Contactsoort.TELEFOON, TUESDAY_AFTERNOON),
        attempt(Contactsoort.HUISBEZOEK, WEDNESDAY_EVENING),
    ]
    assert codes(done) == set()


def test_a_saturday_counts_as_outside_office_hours_but_a_letter_does_not() -> None:
    saturday = [
        attempt(Contactsoort.BRIEF, WEDNESDAY_EVENING),  # the time a letter goes says nothing
        attempt(Contactsoort.TELEFOON, TUESDAY_AFTERNOON),
        attempt(Contactsoort.HUISBEZOEK, SATURDAY_MORNING),
    ]
    assert codes(saturday) == set()
    office_only = [
        attempt(Contactsoort.BRIEF, WEDNESDAY_EVENING),
        attempt(Contactsoort.TELEFOON, TUESDAY_AFTERNOON),
        attempt(Contactsoort.HUISBEZOEK, MONDAY_MORNING),
    ]
    assert codes(office_only) == {"BUITEN_KANTOORTIJD"}


def test_voided_attempts_do_not_count() -> None:
    wrong = attempt(Contactsoort.HUISBEZOEK, WEDNESDAY_EVENING)
    void = ContactAttempt(
        id=str(uuid.uuid4()),
        case_id="c",
        soort=wrong.soort,
        bereikt=False,
        occurred_at=wrong.occurred_at,
        dagdeel=wrong.dagdeel,
        voids=wrong.id,
        void_reason="verkeerde zaak",
    )
    listed = [
        attempt(Contactsoort.BRIEF, MONDAY_MORNING),
        attempt(Contactsoort.TELEFOON, TUESDAY_AFTERNOON),
        wrong,
        void,
    ]
    assert "POGINGEN" in codes(listed)


@pytest.fixture
def case_id(store: Store) -> str:
    with store.session() as s:
        import_parsed(s, [parsed(signal(Signaalpartner.HUUR))], policy=Policy(), today=TODAY)
        [row] = queries.list_case_rows(s, today=TODAY)
        for at in (MONDAY_MORNING, TUESDAY_AFTERNOON):
            record_attempt(
                s,
                attempt_id=str(uuid.uuid4()),
                case_id=row.id,
                soort=Contactsoort.BRIEF,
                bereikt=False,
                occurred_at=at,
            )
        return row.id


def close(store: Store, case_id: str, **kwargs: object) -> None:
    with store.session() as s:
        case_service.close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=Eindresultaat.DEFINITIEF_GEEN_CONTACT,
            at=SATURDAY_MORNING,
            **kwargs,  # type: ignore[arg-type]
        )


def events(store: Store) -> list[CaseEventRow]:
    with store.session() as s:
        return list(s.scalars(select(CaseEventRow)))


@pytest.mark.parametrize(
    "resultaat", [Eindresultaat.DEFINITIEF_GEEN_CONTACT, Eindresultaat.GEEN_REACTIE_NA_CONTACT]
)
def test_two_letters_cannot_close_as_no_contact(store, case_id, resultaat) -> None:
    with pytest.raises(EffortNotMet) as err, store.session() as s:
        case_service.close_case(
            s, event_id=str(uuid.uuid4()), case_id=case_id, resultaat=resultaat, at=SATURDAY_MORNING
        )
    assert "POGINGEN" in err.value.codes
    assert err.value.exit_code == 5
    assert events(store) == []


def test_a_worker_cannot_override(store, case_id) -> None:
    with store.session() as s:
        set_kv(s, case_service.KV_ROLE, "worker")
    with pytest.raises(OverrideNotAllowed):
        close(store, case_id, effort_override=True, reason="Geen zin meer in")
    assert events(store) == []


def test_a_lead_overrides_with_a_written_reason_only(store, case_id) -> None:
    with store.session() as s:
        set_kv(s, case_service.KV_ROLE, "teamlead")
    with pytest.raises(EffortNotMet):
        close(store, case_id, effort_override=True, reason="   ")
    close(store, case_id, effort_override=True, reason="Adres is een bedrijfspand")
    [event] = events(store)
    assert event.effort_override
    assert event.reason == "Adres is een bedrijfspand"


def test_a_met_standard_closes_without_override_flag(store, case_id) -> None:
    with store.session() as s:
        record_attempt(
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=case_id,
            soort=Contactsoort.HUISBEZOEK,
            bereikt=False,
            occurred_at=WEDNESDAY_EVENING,
        )
        record_attempt(
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=case_id,
            soort=Contactsoort.TELEFOON,
            bereikt=False,
            occurred_at=TUESDAY_AFTERNOON,
        )
        assert case_service.case_effort_shortfalls(s, case_id, Policy()) == []
    close(store, case_id, effort_override=True, reason="niet nodig")
    [event] = events(store)
    assert not event.effort_override
