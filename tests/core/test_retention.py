"""Retention with frozen time: personal data gone from every file, statistics unchanged."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from fieldapp.domain.ddas import Contactsoort, Eindresultaat, Signaalpartner
from fieldapp.domain.priority import Policy
from fieldapp.domain.retention import add_months
from fieldapp.privacy.retention import anonymised_moment, band_floor_cents
from fieldapp.services import queries
from fieldapp.services.attempts import record_attempt
from fieldapp.services.cases import close_case
from fieldapp.services.intake import import_parsed
from fieldapp.services.reporting import dashboard
from fieldapp.services.retention import is_due, purge_store, run_local_retention
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.repos.kv import set_kv
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow
from tests.conftest import TEST_PASSPHRASE
from tests.core.signal_factory import parsed, signal

AMS = ZoneInfo("Europe/Amsterdam")
INTAKE_DAY = date(2026, 3, 10)
PURGE_NOW = datetime(2026, 10, 1, 9, 0, tzinfo=AMS)  # > 6 months after March
# Synthetic people (BSNs in the 999 range, elfproef-valid; made-up phones).
GONE = [
    ("Zwanenburg", "999990019", "0612398765", "7411AB", 12),
    ("Oosterhuis", "999990020", "0687612345", "7412CD", 3),
]
KEPT = ("Vredenburg", "999990032", "0644455566", "7413EF", 8)  # closed in June: not yet due
MARCH = {"start": date(2026, 3, 1), "end": date(2026, 3, 31)}


def person_signal(name: str, bsn: str, phone: str, postcode: str, nr: int, partner):
    s = signal(partner, name=name, bsn=bsn, postcode=postcode, nr=nr, on=date(2026, 3, 2))
    return dataclasses.replace(s, person=dataclasses.replace(s.person, telefoon=phone))


def fill(store: Store) -> dict[str, str]:
    partners = [Signaalpartner.ZORG, Signaalpartner.ENERGIE, Signaalpartner.HUUR]
    with store.session() as s:
        import_parsed(
            s,
            [parsed(*(person_signal(*p, partners[i]) for i, p in enumerate([*GONE, KEPT])))],
            policy=Policy(),
            today=INTAKE_DAY,
        )
        ids = {r.postcode: r.id for r in queries.list_case_rows(s, today=INTAKE_DAY)}
        case_of = {p[0]: ids[p[3]] for p in [*GONE, KEPT]}
        phone_of = {p[0]: p[2] for p in [*GONE, KEPT]}
        moments = [
            datetime(2026, 3, 12, 19, 30, tzinfo=AMS),  # Thursday evening
            datetime(2026, 3, 14, 10, 15, tzinfo=AMS),  # Saturday morning
            datetime(2026, 4, 20, 14, 0, tzinfo=AMS),  # after the deadline
        ]
        for name, cid in case_of.items():
            for i, at in enumerate(moments[: 3 if name == "Zwanenburg" else 2]):
                record_attempt(
                    s,
                    attempt_id=str(uuid.uuid4()),
                    case_id=cid,
                    soort=(Contactsoort.HUISBEZOEK, Contactsoort.TELEFOON, Contactsoort.BRIEF)[i],
                    bereikt=i == 1,
                    occurred_at=at,
                    note=f"{name} belt terug op {phone_of[name]}",
                )
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_of["Oosterhuis"],
            resultaat=Eindresultaat.VERVOLGHULP_FINANCIEEL,
            reason="Oosterhuis wil budgetcoaching",
            at=datetime(2026, 3, 20, 11, tzinfo=AMS),
        )
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_of["Vredenburg"],
            resultaat=Eindresultaat.REGELT_HET_ZELF,
            at=datetime(2026, 6, 1, 11, tzinfo=AMS),
        )
        s.get(CaseRow, case_of["Zwanenburg"]).notes = "Zwanenburg werkt overdag bij de bakker"  # type: ignore[union-attr]
    return case_of


def hits(folder: Path, needles: list[str]) -> dict[str, int]:
    found = {n: 0 for n in needles}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for n in needles:
                found[n] += data.count(n.encode("utf-8"))
    return found


def figures(store: Store) -> dict[str, object]:
    with store.session() as s:
        return dashboard(s, today=PURGE_NOW.date(), **MARCH).to_json()


@pytest.fixture(params=["sqlcipher", "plain"])
def any_store(request, tmp_path: Path):
    """The real encrypted store, and an unencrypted one with the same pragmas: only there
    does a grep prove that secure_delete + checkpoint left no old row images behind."""
    path = tmp_path / "store" / "veldwerk.db"
    if request.param == "sqlcipher":
        s = Store.create(path, TEST_PASSPHRASE, params=FAST_TEST_PARAMS)
    else:
        path.parent.mkdir(mode=0o700)
        s = Store.create_plain_for_benchmark(path)
    yield s
    s.close()


def test_purge_removes_people_from_every_file_and_keeps_statistics(any_store: Store) -> None:
    fill(any_store)
    any_store.checkpoint_truncate()
    before = figures(any_store)
    gone = [x for p in GONE for x in p[:3]]
    kept = list(KEPT[:3])
    folder = any_store.path.parent
    if not any_store.is_encrypted:
        assert all(n > 0 for n in hits(folder, gone + kept).values())  # the grep does see them

    report = purge_store(any_store, device_now=PURGE_NOW, policy=Policy())

    assert len(report.cases) == 2
    assert figures(any_store) == before
    assert hits(folder, gone) == {n: 0 for n in gone}
    if not any_store.is_encrypted:
        assert all(n > 0 for n in hits(folder, kept[:1]).values())  # not due yet: still there
    with any_store.session() as s:
        assert {p.achternaam for p in s.scalars(select(PersonRow))} == {"Vredenburg"}
        anonymised = list(s.scalars(select(CaseRow).where(CaseRow.anonymised_on.is_not(None))))
        assert {c.postcode for c in anonymised} == {"7411", "7412"}
        assert all(c.huisnummer is None and c.notes == "" for c in anonymised)
        notes = {a.note for a in s.scalars(select(AttemptRow))}
        assert not any("Zwanenburg" in n or "Oosterhuis" in n for n in notes)


def test_clock_turned_back_does_not_postpone_and_daily_runs(store: Store) -> None:
    fill(store)
    with store.session() as s:
        set_kv(s, "sync.last_sync_at", PURGE_NOW.astimezone(UTC).isoformat())
        early = datetime(2026, 4, 1, 9, tzinfo=AMS)  # device clock wrong
        assert (
            len(run_local_retention(s, device_now=early, policy=Policy(), dry_run=True).cases) == 2
        )
        assert is_due(s, early)
        run_local_retention(s, device_now=early, policy=Policy())
        assert not is_due(s, early)


def test_helpers_keep_month_weekday_and_band() -> None:
    moved = anonymised_moment(datetime(2026, 3, 21, 9, 5, tzinfo=AMS), "Ochtend")  # a Saturday
    local = moved.astimezone(AMS)
    assert (local.date(), local.hour) == (date(2026, 3, 7), 10)
    assert local.weekday() == 5
    assert band_floor_cents(31_250) == 25_000
    assert band_floor_cents(None) is None
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_lead_is_warned_only_about_unexported_data_about_to_go(store: Store) -> None:
    from fieldapp.privacy.retention import expiring_soon

    fill(store)
    with store.session() as s:
        day = date(2026, 9, 1)
        assert expiring_soon(s, day, 6) == date(2026, 9, 10)
        assert expiring_soon(s, day, 6, exported_until=date(2026, 3, 31)) is None
        assert expiring_soon(s, day, 6, exported_until=date(2026, 3, 15)) == date(2026, 9, 20)
