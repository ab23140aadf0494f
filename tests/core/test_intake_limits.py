"""Over-long fields are refused per row at intake (PostgreSQL would fail the whole file)."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.intake.limits import ADDRESS_LIMITS, PERSON_LIMITS
from fieldapp.intake.reader import read_bytes
from fieldapp.store.schema import CaseRow, PersonRow

HEADER = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;voornaam;achternaam;postcode;huisnummer;plaats\n"
)


def test_limits_equal_the_column_lengths_of_the_store() -> None:
    for field, limit in PERSON_LIMITS.items():
        assert PersonRow.__table__.c[field].type.length == limit, field
    for field, limit in ADDRESS_LIMITS.items():
        assert CaseRow.__table__.c[field].type.length == limit, field


@pytest.mark.parametrize(("field", "value"), [("voornaam", "Q" * 101), ("plaats", "P" * 101)])
def test_a_row_with_an_over_long_field_is_rejected_and_the_rest_imports(
    field: str, value: str
) -> None:
    good = "VW-1;Energie;120;2026-11-01;Anna;Jansen;1234AB;5;Veldhoven\n"
    row = {"voornaam": "Anna", "plaats": "Veldhoven", field: value}
    bad = f"VW-2;Water;80;2026-11-01;{row['voornaam']};Jansen;1234AB;7;{row['plaats']}\n"
    parsed = read_bytes(
        (HEADER + good + bad).encode("utf-8"), name="s.csv", suffix=".csv", today=date(2026, 12, 1)
    )
    assert [s.external_id for s in parsed.signals] == ["VW-1"]
    [rejection] = parsed.rejected
    assert rejection.field == field and "langer dan" in rejection.reason
    assert value not in rejection.reason  # the reason never echoes the value
