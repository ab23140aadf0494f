"""The official v1.2 example: validates; imports, exports and validates again (round trip)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.reporting.ddas_checks import semantic_problems, split_document
from fieldapp.reporting.ddas_export import validate_delivery

EXAMPLES = Path(__file__).parent.parent / "fixtures" / "ddas"
PASS = "blauwe regenjas op dinsdag"
ROUND_TRIP_FIELDS = (
    "ID",
    "crisissignaal",
    "warmeOverdracht",
    "bedrag",
    "ontstaansdatum",
    "signaaldatum",
    "signaalpartner",
    "client",
)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_official_example_passes_schema_and_our_checks(example: Path) -> None:
    document = json.loads(example.read_text(encoding="utf-8"))
    assert validate_delivery(document) == []
    assert semantic_problems(document) == []


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_official_example_round_trips(example: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS, encoding="utf-8")
    base = ["--db", str(tmp_path / "s" / "veldwerk.db"), "--passphrase-file", str(passfile)]
    assert main([*base, "init"]) == 0
    assert main([*base, "import", str(example)]) == 0
    out = tmp_path / "uit.json"
    today = date.today().isoformat()  # intake receives the signals today
    period = ["--van", today, "--tot", today, "--gemeentecode", "0344"]
    assert main([*base, "export", "ddas", *period, "--out", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert validate_delivery(exported) == [] and semantic_problems(exported) == []
    original = json.loads(example.read_text(encoding="utf-8"))
    want = [s for lv in original["leveringen"] for s in lv.get("vroegsignalen", [])]
    got = [s for lv in exported["leveringen"] for s in lv.get("vroegsignalen", [])]
    assert [{k: s.get(k) for k in ROUND_TRIP_FIELDS} for s in got] == [
        {k: s.get(k) for k in ROUND_TRIP_FIELDS} for s in want
    ]
    # Cases come back as our own case of the signal (the example's case is not imported).
    [zaak] = exported["leveringen"][0]["vroegsignaalzaken"]
    assert zaak["vroegsignalen"] == [{"ID": want[0]["ID"]}]


def test_semantic_checks_catch_what_the_schema_cannot() -> None:
    document = json.loads((EXAMPLES / "enkelvoudigVoorbeeld.json").read_text(encoding="utf-8"))
    levering = document["leveringen"][0]
    levering["vroegsignalen"].append(dict(levering["vroegsignalen"][0]))
    levering["vroegsignaalzaken"][0]["vroegsignalen"].append({"ID": "bestaat-niet"})
    levering["vroegsignaalzaken"][0]["contactpogingen"][0]["datum"] = "2025-03-01"
    problems = semantic_problems(document)
    assert validate_delivery(document) == []  # the schema sees nothing wrong
    assert any(p.endswith("/ID: niet uniek") for p in problems)
    assert any("verwijst nergens naar" in p for p in problems)
    assert any("buiten de periode" in p for p in problems)
    assert all("VS-2025" not in p for p in problems)  # paths, never values


def test_split_keeps_cases_with_their_signals() -> None:
    document = json.loads((EXAMPLES / "enkelvoudigVoorbeeld.json").read_text(encoding="utf-8"))
    levering = document["leveringen"][0]
    extra = [dict(levering["vroegsignalen"][0], ID=f"X-{i}") for i in range(3)]
    levering["vroegsignalen"] += extra
    parts = split_document(document, max_signals=2)
    assert len(parts) == 2
    for part in parts:
        assert validate_delivery(part) == [] and semantic_problems(part) == []
    first = parts[0]["leveringen"][0]
    assert first["vroegsignaalzaken"][0]["vroegsignalen"] == [{"ID": "VS-2025-0001"}]
    assert "VS-2025-0001" in {s["ID"] for s in first["vroegsignalen"]}
