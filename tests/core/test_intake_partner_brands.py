"""Company names in partner columns map to their DDAS partner type (issue 11 item 21)."""

from __future__ import annotations

import pytest

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.intake.partners import BRAND_KINDS, partner_from_word

_P = Signaalpartner


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Vitens", _P.WATER),
        ("Brabant Water", _P.WATER),
        ("evides waterbedrijf", _P.WATER),
        ("Waternet", _P.WATER),
        ("Eneco", _P.ENERGIE),
        ("Vattenfall", _P.ENERGIE),
        ("Essent N.V.", _P.ENERGIE),
        ("Budget Energie", _P.ENERGIE),
        ("Greenchoice", _P.ENERGIE),
        ("Zilveren Kruis", _P.ZORG),
        ("VGZ", _P.ZORG),
        ("CZ", _P.ZORG),
        ("Menzis", _P.ZORG),
        ("zorg-en-zekerheid", _P.ZORG),
        ("Univé", _P.ZORG),
        ("Ymere", _P.HUUR),
        ("Eigen Haard", _P.HUUR),
        ("Woonstad Rotterdam", _P.HUUR),
        ("Portaal", _P.HUUR),
        ("Bo-Ex", _P.HUUR),
    ],
)
def test_brand_names_map_to_their_partner_type(word: str, kind: Signaalpartner) -> None:
    assert partner_from_word(word) is kind


def test_the_table_covers_each_of_the_four_big_partner_kinds() -> None:
    kinds = set(BRAND_KINDS.values())
    assert kinds == {_P.WATER, _P.ENERGIE, _P.ZORG, _P.HUUR}
    for kind in kinds:
        assert sum(1 for k in BRAND_KINDS.values() if k is kind) >= 10


def test_kind_words_still_win_and_unknown_names_stay_unknown() -> None:
    assert partner_from_word("water") is _P.WATER
    assert partner_from_word("zorgtoeslag") is None  # never a substring match
    assert partner_from_word("Vitensbank") is None
    assert partner_from_word("Onbekend Bedrijf B.V.") is None
