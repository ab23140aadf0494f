"""Extract parsing (every wrong row reported, nothing half-read) and the outcome rules."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.brp.extract import ExtractRefused, parse_extract, parse_lo3_date
from fieldapp.brp.model import BrpAddress, BrpPerson, PlaceKind
from fieldapp.brp.outcomes import Reason, Verdict, decide
from fieldapp.domain.people import Address
from fieldapp.intake.normalise import is_valid_bsn

_BSNS = [b for b in (f"999{n:06d}" for n in range(2000)) if is_valid_bsn(b)]


def synthetic_bsn(n: int) -> str:
    """The n-th valid 999-range BSN (synthetic test data)."""
    return _BSNS[n]


HEADER = (
    "01.01.20;01.02.30;01.02.40;01.03.10;06.08.10;07.67.20;08.09.10;08.10.10;"
    "08.11.20;08.11.30;08.11.40;08.11.60;08.11.80"
)


def row(bsn: str, **cells: str) -> str:
    values = {
        "vv": "",
        "naam": "Testpersoon",
        "geb": "19800517",
        "ovl": "",
        "reden": "",
        "gem": "0344",
        "functie": "W",
        "nr": "1",
        "letter": "",
        "toev": "",
        "pc": "3511 AA",
        "bag": "0344010000000001",
    }
    values.update(cells)
    return ";".join([bsn, *values.values()])


def extract(*rows: str) -> bytes:
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def test_a_good_extract_reads_every_record() -> None:
    records = parse_extract(
        extract(
            row(synthetic_bsn(0)),
            row(synthetic_bsn(1), ovl="20261102", reden="O", pc="", nr="", bag=""),
            row(synthetic_bsn(2), reden="E", pc="", nr="", bag=""),
            row(synthetic_bsn(3), reden="F"),  # never delivered: skipped, not an error
            row(synthetic_bsn(4), letter="a", toev="2", functie="B"),
        )
    )
    assert [r.bsn for r in records] == [synthetic_bsn(i) for i in (0, 1, 2, 4)]
    assert records[0].address == BrpAddress("3511AA", 1, "")
    assert records[1].overleden and records[1].address is None
    assert records[3].address == BrpAddress("3511AA", 1, "A2") and records[3].briefadres


def test_every_wrong_row_is_named_without_its_value_and_nothing_is_read() -> None:
    bad = extract(
        row(synthetic_bsn(0)),
        row("123456789"),
        row(synthetic_bsn(1), geb="19801332"),
        row(synthetic_bsn(2), pc="0123AB"),
        row(synthetic_bsn(3), gem="344"),
        row(synthetic_bsn(4), reden="X"),
        row(synthetic_bsn(0)),
        row(synthetic_bsn(5), pc="", nr=""),
        "999999999;te;weinig",
    )
    with pytest.raises(ExtractRefused) as refused:
        parse_extract(bad)
    errors = [(e.row, e.column) for e in refused.value.errors]
    assert errors == [
        (3, "burgerservicenummer"),
        (4, "geboortedatum"),
        (5, "adres"),
        (6, "gemeente_inschrijving"),
        (7, "reden_opschorting"),
        (8, "burgerservicenummer"),
        (9, "adres"),
        (10, "regel"),
    ]
    assert "niets veranderd" in str(refused.value)
    text = " ".join(refused.value.details())
    assert "123456789" not in text and "0123AB" not in text and synthetic_bsn(0) not in text


def test_missing_columns_and_bad_files_are_refused() -> None:
    with pytest.raises(ExtractRefused, match="mist kolommen: geslachtsnaam"):
        parse_extract(HEADER.replace("01.02.40", "x").encode())
    with pytest.raises(ExtractRefused, match="UTF-8"):
        parse_extract(HEADER.encode() + b"\n\xff\xfe")
    with pytest.raises(ExtractRefused, match="leeg"):
        parse_extract(b"  ")
    with pytest.raises(ExtractRefused, match="geen persoonslijsten"):
        parse_extract(extract())


def test_lo3_dates() -> None:
    assert parse_lo3_date("19800517") == date(1980, 5, 17)
    assert parse_lo3_date("1980-05-17") == date(1980, 5, 17)
    assert parse_lo3_date("00000000") is None and parse_lo3_date("19800000") is None
    with pytest.raises(ValueError):
        parse_lo3_date("19801340")


HERE = Address("3511AA", 1)
OWN = {"0344"}


def person(**kw: object) -> BrpPerson:
    values: dict[str, object] = {
        "bsn": synthetic_bsn(0),
        "gemeentecode": "0344",
        "place": PlaceKind.ADRES,
        "address": BrpAddress("3511AA", 1),
        "bag_id": "0344010000000001",
    }
    values.update(kw)
    return BrpPerson(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "verdict", "reason"),
    [
        ({}, Verdict.INWONER, Reason.WOONADRES),
        ({"overleden": True, "opschorting": "O"}, Verdict.OVERLEDEN, Reason.OVERLIJDEN),
        ({"opschorting": "O", "gemeentecode": "0599"}, Verdict.OVERLEDEN, Reason.OVERLIJDEN),
        ({"opschorting": "E", "place": PlaceKind.GEEN}, Verdict.GEEN_INWONER, Reason.EMIGRATIE),
        ({"opschorting": "R", "rni": True}, Verdict.GEEN_INWONER, Reason.RNI),
        ({"gemeentecode": "0599"}, Verdict.GEEN_INWONER, Reason.ANDERE_GEMEENTE),
        ({"opschorting": "M"}, Verdict.CONTROLE, Reason.OPGESCHORT),
        ({"place": PlaceKind.ONBEKEND, "address": None}, Verdict.CONTROLE, Reason.ADRES_ONBEKEND),
        ({"briefadres": True}, Verdict.CONTROLE, Reason.BRIEFADRES),
        ({"verblijft_niet_op_adres": True}, Verdict.CONTROLE, Reason.VERBLIJFT_NIET_OP_ADRES),
        ({"address": BrpAddress("3511AA", 3)}, Verdict.VERHUISD, Reason.WOONADRES),
        ({"address": BrpAddress("3511AA", 1, "A")}, Verdict.VERHUISD, Reason.WOONADRES),
    ],
)
def test_outcome_rules(kw: dict[str, object], verdict: Verdict, reason: Reason) -> None:
    outcome = decide(person(**kw), HERE, OWN)
    assert (outcome.verdict, outcome.reason) == (verdict, reason)
    if verdict is Verdict.VERHUISD:
        assert outcome.new_address == kw["address"]


def test_a_signal_without_address_gets_the_brp_address() -> None:
    outcome = decide(person(), None, OWN)
    assert outcome.verdict is Verdict.ADRES_GEVONDEN
    assert outcome.new_address == BrpAddress("3511AA", 1)
    assert decide(person(overleden=True), None, OWN).verdict is Verdict.OVERLEDEN
