"""A store made with ``init`` gets the worker's own details; printing refuses blank contact
lines first (issue 11 item 17)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from fieldapp.cli import main

PASS = "blauwe regenjas op dinsdag"
CSV = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;ontstaansdatum;voorletters;achternaam;"
    "straat;huisnummer;postcode;plaats\n"
    "Z-1;zorg;312,50;01-11-2026;01-09-2026;A.;Kramer;Molenweg;12;7411AB;Veldhoven\n"
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    db = tmp_path / "store" / "veldwerk.db"
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    assert main(["--db", str(db), "--passphrase-file", str(passfile), "init"]) == 0
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    assert main(["--db", str(db), "--passphrase-file", str(passfile), "import", str(src)]) == 0
    return db, passfile


def run(env: tuple[Path, Path], *args: str) -> int:
    db, passfile = env
    return main(["--db", str(db), "--passphrase-file", str(passfile), *args])


def _case_id(env, capsys) -> str:
    capsys.readouterr()
    assert run(env, "cases", "--json") == 0
    return str(json.loads(capsys.readouterr().out)[0]["id"])


def test_printing_without_own_details_refuses_before_writing(env, tmp_path, capsys) -> None:
    case_id = _case_id(env, capsys)
    out = tmp_path / "kaart.pdf"
    assert run(env, "print", "cards", "--case", case_id, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "naam en telefoonnummer ontbreken" in err and "fieldapp profile set" in err
    assert not out.exists()
    letter = tmp_path / "brief.pdf"
    args = ["print", "letters", "--kind", "hulpaanbod", "--case", case_id, "--out", str(letter)]
    assert run(env, *args) == 2
    assert not letter.exists()


def test_profile_set_then_cards_and_letters_carry_the_details(env, tmp_path, capsys) -> None:
    case_id = _case_id(env, capsys)
    assert run(env, "profile", "set", "--naam", "Sanne de Wit", "--telefoon", "06-12345678") == 0
    capsys.readouterr()
    assert run(env, "profile", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["naam"] == "Sanne de Wit" and shown["telefoon"] == "06 12 34 56 78"
    out = tmp_path / "kaart.pdf"
    assert run(env, "print", "cards", "--case", case_id, "--out", str(out)) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Sanne" in text and "06 12 34 56 78" in text
    letter = tmp_path / "brief.pdf"
    args = ["print", "letters", "--kind", "hulpaanbod", "--case", case_id, "--out", str(letter)]
    assert run(env, *args) == 0
    assert "Sanne de Wit" in "".join(p.extract_text() for p in PdfReader(letter).pages)


def test_a_bad_number_is_refused_and_nothing_is_saved(env, capsys) -> None:
    assert run(env, "profile", "set", "--naam", "Sanne de Wit") == 0
    assert run(env, "profile", "set", "--telefoon", "bel mij") == 2
    assert "telefoonnummer" in capsys.readouterr().err
    assert run(env, "profile", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"naam": "Sanne de Wit", "telefoon": "", "whatsapp": "", "email": ""}


def test_a_households_language_is_set_and_its_card_prints_in_it(env, tmp_path, capsys) -> None:
    case_id = _case_id(env, capsys)
    assert run(env, "profile", "set", "--naam", "Sanne de Wit", "--telefoon", "0612345678") == 0
    assert run(env, "taal", case_id, "pl") == 0
    assert "pl" in capsys.readouterr().out.splitlines()[-1]
    out = tmp_path / "kaart.pdf"
    assert run(env, "print", "cards", "--case", case_id, "--out", str(out)) == 0
    assert "Dzień dobry" in PdfReader(out).pages[0].extract_text()
    assert run(env, "taal", case_id, "standaard") == 0
    assert "standaard" in capsys.readouterr().out.splitlines()[-1]
