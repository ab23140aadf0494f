"""Dashboard figures equal a hand-computed fixture; Wilson intervals equal published values."""

from __future__ import annotations

import pytest

from fieldapp.reporting.stats import AttemptFact, CaseFact, build_dashboard, wilson


@pytest.mark.parametrize(
    ("hits", "total", "low", "high"),
    [
        # Newcombe (1998), Stat. Med. 17:857-872, Table I, method 3 (Wilson, no correction).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_the_reference(hits, total, low, high) -> None:
    r = wilson(hits, total)
    assert (round(r.low, 4), round(r.high, 4)) == (low, high)
    assert r.rate == pytest.approx(hits / total)


def test_wilson_of_nothing_is_the_whole_range_and_bad_counts_are_refused() -> None:
    assert (wilson(0, 0).low, wilson(0, 0).high, wilson(0, 0).rate) == (0.0, 1.0, None)
    with pytest.raises(ValueError):
        wilson(3, 2)


CASES = [
    CaseFact("A", "2026-10", frozenset({"Zorg"}), "Centrum", 3, True, True, True),
    CaseFact(
        "B", "2026-10", frozenset({"Zorg", "Huur"}), "Noord", 2, False, False, False, True, True
    ),
    CaseFact("C", "2026-11", frozenset({"Energie"}), "Centrum", 0, False, False, None),
]
ATTEMPTS = [
    AttemptFact("A", "Telefoon", "Middag", "werkdag", False),
    AttemptFact("A", "Huisbezoek", "Avond", "werkdag", True),
    AttemptFact("A", "Brief", "Ochtend", "werkdag", False),
    AttemptFact("B", "Huisbezoek", "Avond", "werkdag", False),
    AttemptFact("B", "Huisbezoek", "Ochtend", "zaterdag", False),
    AttemptFact("X", "Huisbezoek", "Avond", "werkdag", True),  # not a case of the period
]


def counts(rates: dict) -> dict:
    return {k: (r.hits, r.total) for k, r in rates.items()}


def test_dashboard_equals_the_hand_computed_fixture() -> None:
    d = build_dashboard(CASES, ATTEMPTS)
    assert (d.cases, d.attempts) == (3, 5)
    assert counts(d.by_channel) == {
        ("Telefoon", "Middag", "werkdag"): (0, 1),
        ("Huisbezoek", "Avond", "werkdag"): (1, 2),
        ("Brief", "Ochtend", "werkdag"): (0, 1),
        ("Huisbezoek", "Ochtend", "zaterdag"): (0, 1),
    }
    assert counts(d.by_partner) == {"Zorg": (1, 5), "Huur": (0, 2)}
    assert counts(d.by_wijk) == {"Centrum": (1, 3), "Noord": (0, 2)}
    assert d.attempts_per_case == {3: 1, 2: 1, 0: 1}
    assert d.mean_attempts == pytest.approx(5 / 3)
    [october, november] = d.per_month
    assert (october.month, october.cases) == ("2026-10", 2)
    assert (october.reach.hits, october.reach.total) == (1, 2)
    assert (october.acceptance.hits, october.acceptance.total) == (1, 1)
    assert (november.reach.hits, november.reach.total, november.acceptance.total) == (0, 1, 0)
    assert (d.on_time.hits, d.on_time.total) == (1, 2)
    assert (d.overrides.hits, d.overrides.total) == (1, 1)
    half = d.by_channel[("Huisbezoek", "Avond", "werkdag")]
    assert (half.low, half.high) == (wilson(1, 2).low, wilson(1, 2).high)


def test_json_carries_count_total_and_interval_for_every_rate() -> None:
    doc = build_dashboard(CASES, ATTEMPTS).to_json()
    row = doc["bereikt_per_signaalpartner"][1]
    assert row == {
        "signaalpartner": "Zorg",
        "aantal": 1,
        "totaal": 5,
        "aandeel": 0.2,
        "ci95_laag": round(wilson(1, 5).low, 4),
        "ci95_hoog": round(wilson(1, 5).high, 4),
    }
    assert doc["op_tijd_benaderd"]["totaal"] == 2
