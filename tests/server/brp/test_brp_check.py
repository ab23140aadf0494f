"""The BRP check end to end on the server database (SQLCipher; PostgreSQL when configured):
each outcome of the national vocabulary, moves, the BSN-only join, queue and manual record,
minimal storage, the append-only query log, DDAS delivery and partner feedback."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from fieldapp.brp.config import BrpConfig
from fieldapp.brp.haal_centraal import HaalCentraalProvider
from fieldapp.brp.manual import ManualResult, manual_outcome
from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.priority import Policy
from fieldapp.errors import InputRefused
from fieldapp.reporting.partner_feedback import feedback_rows
from fieldapp.server.brp_check import run_check
from fieldapp.server.brp_manual import manual_queue, record_manual
from fieldapp.server.db.brp_schema import BrpCheckRow, BrpQueryRow
from fieldapp.server.db.schema import AuditEventRow, ChangeLogRow
from fieldapp.server.ddas_delivery import build_server_delivery
from fieldapp.store.schema import CaseRow, PersonRow, SignalRow
from tests.server.brp.fake_brp import FakeBrp
from tests.server.brp.people import OTHER, add_case, persoon, synthetic_bsn

TODAY = date.today()
B = {
    name: synthetic_bsn(i)
    for i, name in enumerate(
        [
            "overleden",
            "verhuisd",
            "vertrokken",
            "rni",
            "brief",
            "onbekend",
            "verblijft_niet",
            "inwoner",
            "bsn_only",
            "emigratie",
            "zoek",
            "ss",
            "nobody",
        ]
    )
}


def _status(db, signal_id: str) -> str:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.get(SignalRow, signal_id).status  # type: ignore[union-attr]


def _case(db, case_id: str) -> CaseRow | None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return s.get(CaseRow, case_id)


def _run(db, config: BrpConfig, provider: HaalCentraalProvider, **kw):  # type: ignore[no-untyped-def]
    return run_check(db, config, policy=Policy(), user_ref="lead-1", provider=provider, **kw)


def test_every_outcome_maps_to_the_national_vocabulary(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people += [
        persoon(B["overleden"], overleden=date(2026, 11, 2)),
        persoon(B["vertrokken"], gemeente=OTHER, postcode="9711AA", huisnummer=3),
        persoon(B["rni"], reden="R", plaats="VerblijfplaatsBuitenland"),
        persoon(B["emigratie"], reden="E", plaats="VerblijfplaatsBuitenland"),
        persoon(B["brief"], functie="B"),
        persoon(B["onbekend"], plaats="VerblijfplaatsOnbekend"),
        persoon(B["verblijft_niet"], verblijft_niet=True),
        persoon(B["inwoner"], huisnummer=8),
    ]
    cases = {
        name: add_case(server_db, bsn=B[name], huisnummer=8 if name == "inwoner" else 1)
        for name in [
            "overleden",
            "vertrokken",
            "rni",
            "emigratie",
            "brief",
            "onbekend",
            "verblijft_niet",
            "inwoner",
            "nobody",
        ]
    }
    company = add_case(server_db, achternaam="Bakkerij Jansen B.V.", geboren=None, huisnummer=90)
    report = _run(server_db, config, provider)
    assert report.checked == 10
    assert _status(server_db, cases["overleden"][2]) == "Inwoner is overleden"
    for name in ("vertrokken", "rni", "emigratie"):
        assert _status(server_db, cases[name][2]) == "Persoon is geen inwoner (meer) in de gemeente"
    assert _status(server_db, company[2]) == "Niet opgepakt: andere reden"
    for name in ("brief", "onbekend", "verblijft_niet", "inwoner", "nobody"):
        assert _status(server_db, cases[name][2]) == "Opgepakt"
    dead = _case(server_db, cases["overleden"][0])
    assert dead is not None and dead.status == "open"  # closing is the lead's choice
    assert any("huishouden kan nog steeds hulp krijgen" in f for f in dead.flags)
    with server_db.session() as s:
        states = {r.person_id: (r.verdict, r.state) for r in s.scalars(select(BrpCheckRow))}
    assert states[cases["brief"][1]] == ("controle", "controle")
    assert states[cases["verblijft_niet"][1]] == ("controle", "controle")
    assert states[cases["onbekend"][1]] == ("controle", "controle")
    assert states[cases["nobody"][1]] == ("handmatig", "handmatig")
    assert states[cases["inwoner"][1]] == ("inwoner", "klaar")
    assert states[company[1]] == ("bedrijf", "klaar")
    # A second run checks nobody again; --all-open does.
    assert _run(server_db, config, provider).checked == 0
    assert _run(server_db, config, provider, recheck=True).checked == 10


def test_moved_inside_the_municipality_moves_the_case_and_joins_the_household(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people.append(persoon(B["verhuisd"], postcode="3514DD", huisnummer=20))
    household, _, household_signal = add_case(
        server_db, postcode="3514DD", huisnummer=20, achternaam="Huisgenoot", partner="Water"
    )
    moved_case, moved_person, moved_signal = add_case(server_db, bsn=B["verhuisd"])
    lonely_case, _, lonely_signal = add_case(server_db, bsn=B["nobody"], huisnummer=55)
    report = _run(server_db, config, provider, case_ids=[moved_case])
    assert report.moved == 1
    with server_db.session() as s:
        signal = s.get(SignalRow, moved_signal)
        assert signal is not None and signal.case_id == household
        assert signal.address_key == "3514DD|20|"
        assert s.get(CaseRow, moved_case) is None  # the empty case went (tombstone below)
        target = s.get(CaseRow, household)
        assert target is not None and target.meervoudig  # Energie + Water: matched again
        tombstones = s.scalars(
            select(ChangeLogRow.kind).where(ChangeLogRow.case_id == moved_case)
        ).all()
        assert "tombstone" in tombstones
        person = s.get(PersonRow, moved_person)
        assert person is not None and person.case_id == household
    assert _status(server_db, household_signal) == "Opgepakt"
    assert _case(server_db, lonely_case) is not None and _status(server_db, lonely_signal)


def test_a_moved_person_alone_in_the_case_takes_the_case_along(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people.append(persoon(B["verhuisd"], postcode="3515EE", huisnummer=4, huisletter="B"))
    case_id, _, _ = add_case(server_db, bsn=B["verhuisd"])
    _run(server_db, config, provider)
    case = _case(server_db, case_id)
    assert case is not None and case.address_key == "3515EE|4|B"
    assert (case.straat, case.plaats) == ("Proefstraat", "Proefstad")
    assert any("verhuisd binnen de gemeente" in f for f in case.flags)


def test_a_bsn_only_signal_gets_its_address_and_joins_the_household_case(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people.append(persoon(B["bsn_only"], postcode="3516FF", huisnummer=9))
    household, _, _ = add_case(server_db, postcode="3516FF", huisnummer=9, partner="Huur")
    bsn_case, _, bsn_signal = add_case(
        server_db, postcode=None, huisnummer=None, bsn=B["bsn_only"], partner="Zorg"
    )
    report = _run(server_db, config, provider)
    assert report.by_verdict["adres_gevonden"] == 1
    with server_db.session() as s:
        assert s.get(CaseRow, bsn_case) is None
        signal = s.get(SignalRow, bsn_signal)
        assert signal is not None and signal.case_id == household
        case = s.get(CaseRow, household)
        assert case is not None and case.meervoudig
        assert "adres onbekend: BRP-controle nodig" not in case.flags


def test_address_search_survives_dutch_names(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people += [
        persoon(
            B["zoek"],
            geslachtsnaam="Vries",
            voorvoegsel="de",
            geboren=date(1975, 3, 9),
            postcode="3517GG",
            huisnummer=2,
        ),
        persoon(
            B["ss"],
            geslachtsnaam="Janssen",
            geboren=date(1988, 8, 8),
            postcode="3517GG",
            huisnummer=4,
        ),
        persoon(
            B["overleden"],
            geslachtsnaam="Gündoğan",
            geboren=date(1960, 1, 1),
            postcode="3517GG",
            huisnummer=6,
        ),
    ]
    used_name = add_case(
        server_db,
        postcode="3517GG",
        huisnummer=2,
        achternaam="Jansen-de Vries",
        geboren=date(1975, 3, 9),
    )
    spelling = add_case(
        server_db, postcode="3517GG", huisnummer=4, achternaam="Jansen", geboren=date(1988, 8, 8)
    )
    diacritics = add_case(
        server_db, postcode="3517GG", huisnummer=6, achternaam="Gundogan", geboren=date(1960, 1, 1)
    )
    report = _run(server_db, config, provider)
    assert report.by_verdict == {"inwoner": 3}
    asked = [
        b.get("geslachtsnaam")
        for b in fake.requests
        if b["type"] != "RaadpleegMetBurgerservicenummer"
    ]
    assert "Jansen-de Vries" not in asked and "vries" in asked  # split, no voorvoegsel
    assert all(_status(server_db, c[2]) == "Opgepakt" for c in (used_name, spelling, diacritics))


def test_too_many_results_goes_to_the_manual_queue_and_the_lead_records_it(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.cap = 1
    fake.people += [
        persoon(
            synthetic_bsn(40 + i),
            geslachtsnaam="Bakker",
            geboren=date(1950 + i, 1, 1),
            postcode="3518HH",
            huisnummer=7,
        )
        for i in range(2)
    ]
    case_id, _, signal_id = add_case(
        server_db, postcode="3518HH", huisnummer=7, achternaam="Bakker", geboren=None
    )
    _run(server_db, config, provider)
    with server_db.session() as s:
        [item] = manual_queue(s)
    assert (item.case_id, item.reason) == (case_id, "te_veel")
    assert "Te veel treffers" in item.reason_nl
    outcome = manual_outcome(ManualResult.OVERLEDEN)
    with server_db.session() as s, s.begin():
        record_manual(
            s,
            item.check_id,
            outcome,
            user_id=None,
            user_ref="cli:lead",
            task=config.task,
            policy=Policy(),
            today=TODAY,
        )
    assert _status(server_db, signal_id) == "Inwoner is overleden"
    with server_db.session() as s:
        assert manual_queue(s) == []
    with (
        pytest.raises(InputRefused, match="al afgehandeld"),
        server_db.session() as s,
        s.begin(),
    ):
        record_manual(
            s,
            item.check_id,
            outcome,
            user_id=None,
            user_ref="x",
            task="t",
            policy=Policy(),
            today=TODAY,
        )


def test_storage_is_minimal_and_the_query_log_is_append_only(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people.append(persoon(B["overleden"], overleden=date(2026, 11, 2)))
    add_case(server_db, bsn=B["overleden"])
    report = _run(server_db, config, provider)
    with server_db.session() as s:
        [check] = s.scalars(select(BrpCheckRow)).all()
        assert (check.verdict, check.gemeentecode, check.bag_id) == (
            "overleden",
            "0344",
            "0344010000000001",
        )
        queries = s.scalars(select(BrpQueryRow)).all()
        assert [q.correlation_id for q in queries] == [report.correlation_id]
        assert queries[0].delivered_pls == [str(fake.people[0]["_pl"])]
        assert queries[0].user_ref == "lead-1" and queries[0].task == config.task
        rows = " ".join(str(tuple(r)) for r in s.execute(select(BrpQueryRow)).all()) + " ".join(
            str(tuple(r)) for r in s.execute(select(BrpCheckRow)).all()
        )
        events = s.scalars(select(AuditEventRow).where(AuditEventRow.action == "brp_check")).all()
        assert len(events) == 1 and events[0].detail["queries"] == 1
    assert B["overleden"] not in rows and "2026-11-02" not in rows
    for statement in ("UPDATE brp_queries SET outcome = 'x'", "DELETE FROM brp_queries"):
        with pytest.raises(Exception, match="append-only"), server_db.session() as s, s.begin():
            s.execute(text(statement))


def test_the_query_log_survives_a_failed_check(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    from fieldapp.brp.model import BrpUnavailable

    add_case(server_db, bsn=B["inwoner"])
    fake.fail_429 = 99
    with pytest.raises(BrpUnavailable):
        _run(server_db, config, provider)
    with server_db.session() as s:
        assert {q.outcome for q in s.scalars(select(BrpQueryRow))} == {"rate_limited"}
        assert s.scalars(select(BrpCheckRow)).all() == []  # nothing applied


ORG = 'gemeente = "Gemeente Proefstad"\ngemeentecode = "0344"\nkvk_nummer = "12345678"\n'


def test_ddas_delivery_and_partner_feedback_show_the_statuses(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    fake.people += [
        persoon(B["overleden"], overleden=date(2026, 11, 2)),
        persoon(B["vertrokken"], gemeente=OTHER, postcode="9711AA", huisnummer=3),
    ]
    dead = add_case(server_db, bsn=B["overleden"], partner="Energie")
    gone = add_case(server_db, bsn=B["vertrokken"], partner="Energie", huisnummer=2)
    company = add_case(
        server_db, achternaam="Jansen Holding", geboren=None, partner="Energie", huisnummer=3
    )
    _run(server_db, config, provider)
    with server_db.session() as s:
        [document] = build_server_delivery(
            s,
            start=TODAY - timedelta(days=1),
            end=TODAY + timedelta(days=1),
            organisation_text=ORG,
            delivered_at=datetime.now(UTC),
        )
        rows = feedback_rows(
            s,
            partner=Signaalpartner.ENERGIE,
            start=TODAY - timedelta(days=1),
            end=TODAY + timedelta(days=1),
        )
    statuses = sorted(v["status"] for lv in document["leveringen"] for v in lv["vroegsignalen"])
    assert statuses == [
        "Inwoner is overleden",
        "Niet opgepakt: andere reden",
        "Persoon is geen inwoner (meer) in de gemeente",
    ]
    with server_db.session() as s:
        ids = {
            s.get(SignalRow, c[2]).external_id: name  # type: ignore[union-attr]
            for name, c in (("dead", dead), ("gone", gone), ("company", company))
        }
    seen = {ids[r.signal_id]: (r.status.value, r.result.value if r.result else None) for r in rows}
    # The partner learns "not taken up", that the person lives elsewhere (to send the signal
    # on), never that the person died (BRP data) nor why a signal was refused.
    assert seen == {
        "dead": ("Niet opgepakt: andere reden", "niet_opgepakt"),
        "gone": ("Persoon is geen inwoner (meer) in de gemeente", "niet_opgepakt"),
        "company": ("Niet opgepakt: andere reden", "niet_opgepakt"),
    }


def test_retention_purge_removes_the_checks_of_anonymised_cases(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    from fieldapp.server.retention import purge_session

    fake.people.append(persoon(B["inwoner"]))
    add_case(server_db, bsn=B["inwoner"])
    _run(server_db, config, provider)
    with server_db.session() as s, s.begin():
        report = purge_session(s, today=TODAY + timedelta(days=800), policy=Policy())
    assert len(report.cases) == 1
    with server_db.session() as s:
        assert s.scalars(select(BrpCheckRow)).all() == []
        assert len(s.scalars(select(BrpQueryRow)).all()) == 1  # protocollering stays


def test_checking_a_new_household_member_keeps_the_others_flags(
    server_db, fake: FakeBrp, provider: HaalCentraalProvider, config: BrpConfig
) -> None:
    import uuid

    fake.people += [persoon(B["overleden"], overleden=date(2026, 11, 2)), persoon(B["inwoner"])]
    case_id, _, _ = add_case(server_db, bsn=B["overleden"])
    _run(server_db, config, provider)
    with server_db.session() as s, s.begin():  # a later signal names a second resident
        s.add(
            PersonRow(
                id=str(uuid.uuid4()),
                case_id=case_id,
                identity_key=f"bsn:{B['inwoner']}",
                achternaam="Testpersoon",
                bsn=B["inwoner"],
            )
        )
    assert _run(server_db, config, provider).checked == 1
    case = _case(server_db, case_id)
    assert case is not None and any("overleden" in f for f in case.flags)
    assert _run(server_db, config, provider, recheck=True).checked == 2
    case = _case(server_db, case_id)
    assert case is not None and sum("overleden" in f for f in case.flags) == 1
