"""The letters lint on the shipped texts and on a deliberately bad one; audience and fields."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from fieldapp.cli import letters as letters_cli
from fieldapp.domain.letters import (
    Audience,
    Language,
    LetterKind,
    audience_for,
    audience_for_age,
    tel_url,
)
from fieldapp.domain.people import Person
from fieldapp.letters.fields import field_values, fill
from fieldapp.letters.lint import lint_all, lint_paths
from fieldapp.letters.lint_words import outside_hits, threat_hits
from fieldapp.letters.readability import syllables
from fieldapp.letters.samples import sample_sender
from fieldapp.letters.templates import KNOWN_FIELDS, all_text_paths, letters_dir

BAD = Path(__file__).parent.parent / "fixtures" / "letters" / "bad_text.txt"


def test_every_kind_language_and_audience_is_shipped() -> None:
    paths = {p.relative_to(letters_dir()).as_posix() for p in all_text_paths()}
    expected = {
        f"{k.value}/{lang.value}_{a.value}.txt"
        for k in LetterKind
        for lang in Language
        for a in Audience
    }
    assert expected <= paths, sorted(expected - paths)


def test_shipped_texts_pass_the_lint_including_fit() -> None:
    problems = lint_all()
    assert problems == [], "\n".join(map(str, problems))


def test_bad_fixture_fails_with_the_expected_rules() -> None:
    problems = lint_paths([BAD])
    rules = {p.rule for p in problems}
    assert {
        "onbekend-veld",
        "veld-ontbreekt",
        "veld-op-voorkant",
        "zichtbaar-buiten",
        "dreigend-woord",
        "zin-te-lang",
        "mist-gratis",
        "mist-vrijblijvend",
        "mist-nee",
    } <= rules
    by_rule = {(p.rule, p.line) for p in problems}
    assert ("zichtbaar-buiten", 8) in by_rule  # "schulden" on the card front, line 8
    assert ("dreigend-woord", 12) in by_rule  # "Laatste waarschuwing"
    assert ("dreigend-woord", 18) in by_rule  # "deurwaarder", "verplicht"
    assert ("onbekend-veld", 19) in by_rule  # {bedrag}
    assert all(p.path == str(BAD) for p in problems)


def test_structure_must_match_the_dutch_text(tmp_path: Path) -> None:
    kind_dir = tmp_path / "niet_thuis_kaartje"
    kind_dir.mkdir()
    src = letters_dir() / "niet_thuis_kaartje"
    (kind_dir / "nl_standaard.txt").write_text(
        (src / "nl_standaard.txt").read_text("utf-8"), "utf-8"
    )
    english = (src / "en_standaard.txt").read_text("utf-8").replace("WhatsApp: {whatsapp}", "")
    (kind_dir / "en_standaard.txt").write_text(english, "utf-8")
    problems = lint_all(tmp_path, check_fit=False)
    assert {p.rule for p in problems} == {"structuur-anders", "veld-ontbreekt"}
    assert all("en_standaard" in p.path for p in problems)


def test_lint_cli_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    letters_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["letters", "lint", "--zonder-opmaak"])
    assert args.func(args) == 0
    args = parser.parse_args(["letters", "lint", str(BAD)])
    assert args.func(args) == 1
    out = capsys.readouterr().out
    assert f"{BAD}:18: dreigend-woord" in out


@pytest.mark.parametrize(
    ("age", "audience"),
    [
        (18, Audience.JONGEREN),
        (27, Audience.JONGEREN),
        (28, Audience.STANDAARD),
        (66, Audience.STANDAARD),
        (67, Audience.OUDEREN),
        (None, Audience.STANDAARD),
    ],
)
def test_audience_by_age(age: int | None, audience: Audience) -> None:
    assert audience_for_age(age) is audience


def test_audience_uses_age_on_the_print_date() -> None:
    person = Person(achternaam="Jansen", geboortedatum=date(1997, 6, 1))
    assert audience_for(person, date(2025, 5, 31)) is Audience.JONGEREN  # 27
    assert audience_for(person, date(2025, 6, 1)) is Audience.STANDAARD  # 28 today
    assert audience_for(None, date(2025, 6, 1)) is Audience.STANDAARD


def test_renderer_fills_exactly_the_known_fields() -> None:
    values = field_values(
        language=Language.NL,
        sender=sample_sender(),
        person=None,
        visit_date=date(2025, 9, 17),
        dagdeel=None,
        print_date=date(2025, 9, 10),
    )
    assert values.keys() == KNOWN_FIELDS.keys()
    assert values["telefoon"] == "06\u00a012\u00a034\u00a056\u00a078"
    assert values["datum"] == "woensdag 17 september"
    assert values["dagdeel"] == ""


def test_fill_uses_fallback_handwriting_line_or_nothing() -> None:
    assert fill("Beste {naam_bewoner},", {}, {"naam_bewoner": "bewoner"}) == "Beste bewoner,"
    assert fill("Merhaba {naam_bewoner},", {}, {}) == "Merhaba,"
    assert fill("Op {datum}.", {}, {}) == "Op " + "_" * 18 + "."


def test_word_lists_catch_compounds_but_not_innocent_words() -> None:
    assert outside_hits("Uw betalingsachterstand", Language.NL) == ["betal", "achterstand"]
    assert outside_hits("Hallo! Ik was bij u aan de deur.", Language.NL, card_front=True) == []
    assert threat_hits("bez zobowiązań", Language.PL) == []
    assert threat_hits("Geen loonbeslag", Language.NL) == ["beslag"]
    assert outside_hits("مدينة جميلة", Language.AR) == []  # دين inside "city" is no debt
    assert outside_hits("الديون", Language.AR) == ["الديون"]


def test_syllables_and_tel_url() -> None:
    assert syllables("over") == 2
    assert syllables("vrijblijvend") == 3
    assert tel_url("06 12 34 56 78") == "tel:+31612345678"
