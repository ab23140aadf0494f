"""The afwegingskader TOML file: defaults, strict types, Dutch messages that name the key."""

from __future__ import annotations

import pytest

from fieldapp.config import PolicyInvalid, load_policy, parse_policy
from fieldapp.domain.priority import AmountBand, Policy


def test_the_shipped_file_and_an_empty_file_give_the_default_policy() -> None:
    assert parse_policy("") == Policy()
    shipped = load_policy()
    assert shipped.name == "Standaard afwegingskader"
    assert shipped.threshold_cents == 5000 and shipped.deadline_days == 28
    assert shipped.amount_bands[0] == AmountBand(50_000, 10)


def test_keys_that_are_set_win_and_unknown_keys_are_ignored() -> None:
    policy = parse_policy(
        'naam = "Zuid"\n[drempel]\nbedrag_euro = 75.5\n[termijnen]\ncrisis_dagen = 2\n'
        "[bewaren]\nmaanden = 9\n[nieuw_in_een_latere_versie]\nx = 1\n"
    )
    assert (policy.name, policy.threshold_cents, policy.crisis_deadline_days) == ("Zuid", 7550, 2)
    assert policy.retention_months == 9
    assert policy.deadline_days == Policy().deadline_days


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[termijnen]\ncrisis_dagen = "drie"', "termijnen.crisis_dagen moet een geheel getal zijn"),
        ("[termijnen]\ncrisis_dagen = true", "termijnen.crisis_dagen moet een geheel getal zijn"),
        ("[drempel]\nbedrag_euro = -5", "drempel.bedrag_euro mag niet negatief zijn"),
        ('[inspanning]\nafdwingen = "ja"', "inspanning.afdwingen moet true of false zijn"),
        ("drempel = 5", "drempel moet een tabel zijn"),
        ("[[bedragen]]\npunten = 5", "bedragen.0.vanaf_euro ontbreekt"),
    ],
)
def test_a_wrong_value_is_refused_naming_the_key(toml: str, message: str) -> None:
    with pytest.raises(PolicyInvalid) as info:
        parse_policy(toml)
    assert str(info.value) == f"Afwegingskader: {message}"
    assert "drie" not in str(info.value)  # the value itself is not echoed


def test_unreadable_toml_is_refused() -> None:
    with pytest.raises(PolicyInvalid, match="niet leesbaar"):
        parse_policy("[drempel\n")
