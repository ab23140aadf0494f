"""DDAS Vroegsignalering JSON intake: v1.2 (official example), v1.0/v0.9 and tolerated variants."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.ddas import Geslacht, Signaalpartner, Signaalstatus
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN, FLAG_BSN_INVALID
from fieldapp.errors import ImportRefused
from fieldapp.intake.reader import read_file
from fieldapp.intake.report import NoValidRows, ParsedFile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "intake"
TODAY = date(2025, 6, 1)


def write_json(tmp_path: Path, document: Any, name: str = "d.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def read(path: Path) -> ParsedFile:
    return read_file(path, today=TODAY)


def v12(*signals: dict[str, Any]) -> dict[str, Any]:
    return {
        "codeGegevensleverancier": "TEST",
        "startdatumLevering": "2025-01-01",
        "einddatumLevering": "2025-01-31",
        "aanleverdatumEnTijd": "2025-02-05T10:15:30Z",
        "leveringen": [
            {
                "teller": 1,
                "gemeentecode": "0344",
                "aanleverendeOrganisatie": {"naam": "X"},
                "vroegsignalen": list(signals),
            }
        ],
    }


def signal(sid: str = "S-1", **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "ID": sid,
        "bedrag": 100,
        "signaaldatum": "2025-01-10",
        "signaalpartner": {"type": "Energie"},
        "client": {"postcode": "1234AB", "huisnummer": "10"},
    }
    base.update(overrides)
    return base


def test_official_v12_example_imports() -> None:
    parsed = read(FIXTURES / "ddas_v12_enkelvoudig.json")
    assert parsed.format == "ddas-json" and parsed.rows == 1 and parsed.rejected == []
    (s,) = parsed.signals
    assert s.external_id == "VS-2025-0001" and s.partner is Signaalpartner.ENERGIE
    assert s.bedrag_cents == 45000  # 450 whole euros
    assert s.ontstaansdatum == date(2024, 12, 15) and s.signaaldatum == date(2025, 1, 10)
    assert (s.crisissignaal, s.warme_overdracht) == (False, True)
    assert s.status is Signaalstatus.NOG_NIET_OPGEPAKT
    assert s.address is not None and s.address.key == "1234AB|10|A"
    assert s.person.geboortedatum == date(1985, 6, 12)
    assert s.person.geslacht is Geslacht.ONBEKEND
    assert s.source_row == 1 and s.flags == ()


def test_v10_file_with_capitalised_client() -> None:
    parsed = read(FIXTURES / "ddas_v10.json")
    assert parsed.rows == 3
    full, flagged = parsed.signals
    assert full.partner is Signaalpartner.WATER and full.bedrag_cents == 32000
    assert full.warme_overdracht is True
    assert full.person.bsn == "123456782" and full.person.display_name() == "P. de Groot"
    assert full.person.geboortedatum == date(1990, 1, 31)
    assert full.address is not None
    assert (full.address.key, full.address.straat, full.address.plaats) == (
        "3511AB|22|2",
        "Kerkweg",
        "Voorbeeldstad",
    )
    # failing BSN next to a valid address: accepted, flagged, BSN kept apart
    assert flagged.person.bsn is None and flagged.person.bsn_invalid == "123456789"
    assert FLAG_BSN_INVALID in flagged.flags and flagged.person.achternaam == "Öztürk"
    # failing BSN and no address: rejected, counted by position in the file
    (rejection,) = parsed.rejected
    assert (rejection.row, rejection.field) == (3, "bsn")


def test_bsn_only_client_is_accepted_and_flagged(tmp_path: Path) -> None:
    doc = v12(signal(client={"burgerservicenummer": "111222333"}))
    (s,) = read(write_json(tmp_path, doc)).signals
    assert s.address is None and s.person.bsn == "111222333"
    assert s.flags == (FLAG_ADDRESS_UNKNOWN,)


def test_top_level_signals_lower_case_keys_and_envelope(tmp_path: Path) -> None:
    doc = {
        "gegevens": {
            "vroegsignalen": [
                {
                    "id": "T-1",
                    "warme_overdracht": "ja",
                    "signaalpartner": "zorgverzekeraar",
                    "client": {"POSTCODE": "1234 ab", "HUISNUMMER": 3, "huisnummertoevoeging": ""},
                },
            ]
        }
    }
    (s,) = read(write_json(tmp_path, doc)).signals
    assert s.partner is Signaalpartner.ZORG and s.warme_overdracht is True
    assert s.address is not None and s.address.key == "1234AB|3|"


def test_signals_across_leveringen_are_numbered_in_file_order(tmp_path: Path) -> None:
    doc = v12(signal("A"), signal("B", bedrag=-3))
    doc["leveringen"].append(
        {"teller": 2, "gemeentecode": "0599", "vroegsignalen": [signal("C", bedrag=12.5)]}
    )
    parsed = read(write_json(tmp_path, doc))
    assert [(r.row, r.field) for r in parsed.rejected] == [(2, "bedrag"), (3, "bedrag")]
    assert "negatief" in parsed.rejected[0].reason
    assert "geheel aantal euro" in parsed.rejected[1].reason


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"signaalpartner": {"type": "Bakker"}}, "signaalpartner"),
        ({"signaalpartner": {}}, "signaalpartner"),
        ({"client": None}, "client"),
        ({"client": ["x"]}, "client"),
        ({"status": "Iets anders"}, "status"),
        ({"bedrag": True}, "bedrag"),
        ({"bedrag": 10**30}, "bedrag"),
        ({"signaaldatum": "2025-02-30"}, "signaaldatum"),
        ({"signaaldatum": "2026-01-01"}, "signaaldatum"),
        ({"ID": ""}, "signaal_id"),
        ({"ID": {"nested": 1}}, "signaal_id"),
        ({"client": {"postcode": "1234AB", "huisnummer": ["10"]}}, "huisnummer"),
        ({"client": {"postcode": "0000AA", "huisnummer": "10"}}, "postcode"),
        ({"client": {"burgerservicenummer": "123456789"}}, "bsn"),
        ({"client": {}}, "postcode"),
    ],
)
def test_bad_signal_is_rejected_rest_imports(
    tmp_path: Path, overrides: dict[str, Any], field: str
) -> None:
    parsed = read(write_json(tmp_path, v12(signal("BAD", **overrides), signal("OK"))))
    (rejection,) = parsed.rejected
    assert (rejection.row, rejection.field) == (1, field)
    assert [s.external_id for s in parsed.signals] == ["OK"]


def test_overflowing_bedrag_is_rejected(tmp_path: Path) -> None:
    text = json.dumps(v12(signal("BIG", bedrag=999), signal("OK"))).replace("999", "1e309")
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    parsed = read(path)
    assert [(r.row, r.field) for r in parsed.rejected] == [(1, "bedrag")]


def test_signal_that_is_not_an_object_is_rejected(tmp_path: Path) -> None:
    parsed = read(write_json(tmp_path, v12("tekst", signal("OK"))))  # type: ignore[arg-type]
    assert parsed.rejected[0].field == "vroegsignaal"


def test_status_values_are_read(tmp_path: Path) -> None:
    parsed = read(
        write_json(
            tmp_path,
            v12(signal("A", status="Opgepakt"), signal("B", status="inwoner is overleden")),
        )
    )
    assert [s.status for s in parsed.signals] == [Signaalstatus.OPGEPAKT, Signaalstatus.OVERLEDEN]


def test_duplicate_id_in_json_keeps_first(tmp_path: Path) -> None:
    parsed = read(write_json(tmp_path, v12(signal("A", bedrag=1), signal("A", bedrag=2))))
    assert parsed.duplicates_in_file == 1 and [s.bedrag_cents for s in parsed.signals] == [100]


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ('{"foo": 1}', "geen DDAS"),
        ('[{"ID": "x"}]', "geen DDAS"),
        ('{"leveringen": "x"}', "geen DDAS"),
        ('{"vroegsignalen": 5}', "geen lijst"),
        ('{"leveringen": [5]}', "geen object"),
        ('{"vroegsignalen": [', "geen geldige JSON"),
        ('{"vroegsignalen": [], "vroegsignalen": []}', "dubbele sleutel"),
        ('{"vroegsignalen": [{"bedrag": NaN}]}', "geen geldige JSON"),
        ('{"vroegsignalen": []}', "geen signalen"),
        ('{"leveringen": [{"teller": 1}]}', "geen signalen"),
        ("[" * 100_000 + "]" * 100_000, "te diep genest"),
    ],
)
def test_unusable_json_is_refused(tmp_path: Path, content: str, match: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportRefused, match=match):
        read(path)


def test_json_with_only_bad_signals_raises_with_rejections(tmp_path: Path) -> None:
    with pytest.raises(NoValidRows) as info:
        read(write_json(tmp_path, v12(signal("A", client={}))))
    assert info.value.rejected[0].row == 1


def test_json_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(v12(signal())).encode())
    assert len(read(path).signals) == 1
