"""The domain speaks DDAS v1.2 exactly, and dayparts follow Dutch local time."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import fieldapp
from fieldapp.domain.dayparts import daypart_of
from fieldapp.domain.ddas import (
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    Geslacht,
    Signaalpartner,
    Signaalstatus,
)

SCHEMA = Path(fieldapp.__file__).parent / "reporting" / "schema" / "ddas_v1.2_uitwisselmodel.json"
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("enum", "name", "size"),
    [
        (Signaalpartner, "EnumSignaalpartner", 11),
        (Contactsoort, "EnumContactsoort", 10),
        (Dagdeel, "EnumDagdeel", 3),
        (Eindresultaat, "EnumEindresultaat", 16),
        (Signaalstatus, "EnumSignaalstatus", 8),
        (Geslacht, "geslacht", 4),
    ],
)
def test_enum_values_are_the_official_wire_strings(enum: type[StrEnum], name: str, size: int):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    official = schema["$defs"][name]["enum"]
    assert len(official) == size
    assert [m.value for m in enum] == official


@pytest.mark.parametrize(
    ("local", "expected"),
    [
        ((2026, 11, 23, 0, 0), Dagdeel.OCHTEND),
        ((2026, 11, 23, 11, 59), Dagdeel.OCHTEND),
        ((2026, 11, 23, 12, 0), Dagdeel.MIDDAG),
        ((2026, 11, 23, 17, 59), Dagdeel.MIDDAG),
        ((2026, 11, 23, 18, 0), Dagdeel.AVOND),
        ((2026, 11, 23, 23, 59), Dagdeel.AVOND),
        ((2026, 7, 1, 19, 30), Dagdeel.AVOND),  # summer time
    ],
)
def test_daypart_boundaries_in_amsterdam_time(local: tuple[int, ...], expected: Dagdeel) -> None:
    assert daypart_of(datetime(*local, tzinfo=AMS)) is expected


def test_daypart_uses_local_time_not_utc() -> None:
    # 17:30 UTC in November is 18:30 in Amsterdam: an evening visit.
    assert daypart_of(datetime(2026, 11, 23, 17, 30, tzinfo=UTC)) is Dagdeel.AVOND
    # 10:30 UTC in July is 12:30 in Amsterdam (CEST).
    assert daypart_of(datetime(2026, 7, 1, 10, 30, tzinfo=UTC)) is Dagdeel.MIDDAG


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        daypart_of(datetime(2026, 11, 23, 19, 30))
