"""Household matching and the afwegingskader, through the intake service on a real store."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from fieldapp.domain.ddas import Signaalpartner, Signaalstatus
from fieldapp.domain.priority import Policy
from fieldapp.services import queries
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow, SignalRow
from tests.core.signal_factory import parsed, signal

TODAY = date(2026, 11, 23)
POLICY = Policy()


def run(store: Store, *signals, policy: Policy = POLICY, dry_run: bool = False):
    with store.session() as s:
        return import_parsed(s, [parsed(*signals)], policy=policy, today=TODAY, dry_run=dry_run)


def rows(store: Store):
    with store.session() as s:
        return queries.list_case_rows(s, today=TODAY, include_closed=True)


def statuses(store: Store) -> dict[str, str]:
    with store.session() as s:
        return dict(s.execute(select(SignalRow.external_id, SignalRow.status)).all())


def test_same_address_signals_join_one_case_and_are_meervoudig(store: Store) -> None:
    report = run(
        store,
        signal(Signaalpartner.ZORG, postcode="7411AB", nr=12),
        signal(Signaalpartner.HUUR, postcode="7411AB", nr=12),
    )
    assert report.cases_created == 1
    [case] = rows(store)
    assert case.meervoudig
    assert set(case.partners) == {Signaalpartner.ZORG, Signaalpartner.HUUR}
    assert any("Meervoudig" in r for r in case.reasons)


def test_suffix_makes_a_different_household(store: Store) -> None:
    run(store, signal(nr=12), signal(nr=12, suffix="A"))
    assert len(rows(store)) == 2


def test_same_partner_twice_is_not_meervoudig(store: Store) -> None:
    run(store, signal(Signaalpartner.ZORG, since=date(2026, 8, 1)), signal(Signaalpartner.ZORG))
    [case] = rows(store)
    assert not case.meervoudig


def test_earlier_month_signal_makes_opeenvolgend(store: Store) -> None:
    run(store, signal(Signaalpartner.WATER, on=date(2026, 8, 10), since=date(2026, 7, 1)))
    run(store, signal(Signaalpartner.ENERGIE, on=date(2026, 10, 10), since=date(2026, 9, 1)))
    [case] = rows(store)
    assert case.opeenvolgend
    assert any("Opeenvolgend" in r for r in case.reasons)


def test_signal_older_than_window_is_not_opeenvolgend(store: Store) -> None:
    run(store, signal(Signaalpartner.WATER, on=date(2026, 1, 10), since=date(2025, 12, 1)))
    run(store, signal(Signaalpartner.ENERGIE, on=date(2026, 10, 10)))
    assert not any(r.opeenvolgend for r in rows(store))


def test_repeat_signal_same_amount_is_not_taken_up(store: Store) -> None:
    run(store, signal(Signaalpartner.ZORG, ext="Z-1", euros=300, since=date(2026, 6, 1)))
    run(store, signal(Signaalpartner.ZORG, ext="Z-2", euros=300, since=date(2026, 6, 1)))
    assert statuses(store) == {
        "Z-1": Signaalstatus.OPGEPAKT.value,
        "Z-2": Signaalstatus.NIET_OPGEPAKT_HERHAALDE_MELDING.value,
    }
    [case] = rows(store)
    assert case.total_cents == 30_000  # the repeat does not count twice


def test_repeat_signal_with_increased_amount_is_picked_up(store: Store) -> None:
    run(store, signal(Signaalpartner.ZORG, ext="Z-1", euros=300, since=date(2026, 6, 1)))
    run(store, signal(Signaalpartner.ZORG, ext="Z-2", euros=450, since=date(2026, 6, 1)))
    assert statuses(store)["Z-2"] == Signaalstatus.OPGEPAKT.value


def test_below_threshold_is_onterecht_and_opens_no_case(store: Store) -> None:
    report = run(store, signal(Signaalpartner.WATER, ext="W-1", euros=35))
    assert statuses(store)["W-1"] == Signaalstatus.NIET_OPGEPAKT_ONTERECHT.value
    assert report.cases_created == 0
    assert report.signals_by_status == {Signaalstatus.NIET_OPGEPAKT_ONTERECHT.value: 1}


def test_below_threshold_rent_and_crisis_are_taken_up(store: Store) -> None:
    run(
        store,
        signal(Signaalpartner.HUUR, ext="H-1", euros=40, nr=1),
        signal(Signaalpartner.ENERGIE, ext="E-1", euros=20, nr=2, crisis=True),
    )
    assert set(statuses(store).values()) == {Signaalstatus.OPGEPAKT.value}


def test_rent_exemption_can_be_switched_off(store: Store) -> None:
    strict = Policy(threshold_exempt_huur=False)
    run(store, signal(Signaalpartner.HUUR, ext="H-1", euros=40), policy=strict)
    assert statuses(store)["H-1"] == Signaalstatus.NIET_OPGEPAKT_ONTERECHT.value


def test_deadline_is_28_days_and_crisis_3_days(store: Store) -> None:
    run(
        store,
        signal(on=date(2026, 11, 1), nr=1),
        signal(Signaalpartner.ENERGIE, on=date(2026, 11, 10), nr=2, crisis=True),
    )
    by_nr = {r.huisnummer: r for r in rows(store)}
    assert by_nr[1].deadline == date(2026, 11, 29)
    assert by_nr[2].deadline == date(2026, 11, 13)
    assert any("Crisis" in r for r in by_nr[2].reasons)


def test_young_person_and_amount_band_add_points_with_reasons(store: Store) -> None:
    run(store, signal(Signaalpartner.HUUR, euros=1200, born=date(2003, 1, 1)))
    [case] = rows(store)
    assert any("Jongere" in r for r in case.reasons)
    assert any("€ 1.200" in r for r in case.reasons)
    assert case.priority >= POLICY.weight_huur + POLICY.weight_young + 20


def test_bsn_only_signal_opens_case_flagged_for_brp(store: Store) -> None:
    run(store, signal(no_address=True, bsn="111222333"))
    [case] = rows(store)
    assert "adres onbekend: BRP-controle nodig" in case.warnings
    run(store, signal(Signaalpartner.WATER, no_address=True, bsn="111222333"))
    [case] = rows(store)
    assert case.meervoudig


def test_import_twice_adds_nothing(store: Store) -> None:
    signals = [signal(nr=n, ext=f"Z-{n}") for n in range(1, 6)]
    first = run(store, *signals)
    assert first.cases_created == 5
    second = run(store, *signals)
    assert second.cases_created == 0 and second.cases_updated == 0
    assert second.files[0].duplicates == 5 and second.files[0].accepted == 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(SignalRow)) == 5
        assert s.scalar(select(func.count()).select_from(CaseRow)) == 5


def test_dry_run_writes_nothing(store: Store) -> None:
    report = run(store, signal(), dry_run=True)
    assert report.cases_created == 1
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(SignalRow)) == 0


def test_score_never_hides_a_case(store: Store) -> None:
    run(store, signal(Signaalpartner.OVERIGE, euros=60, born=None, on=date(2026, 11, 20)))
    [case] = rows(store)
    assert case.priority == 0 and case.reasons


def test_overdue_deadline_adds_points_at_read_time(store: Store) -> None:
    run(store, signal(Signaalpartner.OVERIGE, euros=60, born=None, on=date(2026, 10, 1)))
    [case] = rows(store)
    assert case.priority == POLICY.weight_deadline_overdue
    assert any("Termijn verlopen" in r for r in case.reasons)


def test_same_person_with_and_without_bsn_is_listed_once(store: Store) -> None:
    run(
        store,
        signal(Signaalpartner.ZORG, name="Koç", bsn="123456782"),
        signal(Signaalpartner.WATER, name="Koç"),
    )
    [case] = rows(store)
    assert case.names == "A. Koç"


def test_first_page_is_the_top_of_the_full_list(store: Store) -> None:
    run(
        store,
        *(
            signal(Signaalpartner.ZORG, nr=n, euros=60 + 100 * n, ext=f"Z-{n}")
            for n in range(1, 30)
        ),
    )
    with store.session() as s:
        full = queries.list_case_rows(s, today=TODAY)
        planned, first = queries.today_rows(s, today=TODAY, worker_id=None, limit=5)
    assert not planned
    assert [r.id for r in first] == [r.id for r in full[:5]]
