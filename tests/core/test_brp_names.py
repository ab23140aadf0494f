"""The Dutch-name rules of the BRP check: one hypothesis property per rule (issue 13 item 3),
plus examples of the cases Divosa (2025) names."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given
from hypothesis import strategies as st

from fieldapp.brp.names import (
    VOORVOEGSELS,
    fold,
    is_company_name,
    names_match,
    spelling_key,
    split_voorvoegsel,
    surname_candidates,
)

_LEGAL = ("bv", "nv", "vof", "cv", "ua", "ltd", "inc", "llc", "beheer", "groep", "group", "gmbh")
_PREFIX_WORDS = {w for v in VOORVOEGSELS for w in v.split()}
core = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=12)
    .filter(lambda w: w not in _LEGAL and w not in _PREFIX_WORDS and w not in {"geb", "evv"})
    .map(str.capitalize)
)
marks = st.sampled_from(["\u0301", "\u0308", "\u0300", "\u0302", "\u0306", "\u030c", "\u0327"])


@given(core, st.lists(st.tuples(st.integers(0, 11), marks), max_size=4))
def test_rule_diacritics_search_without_them(name: str, accents: list[tuple[int, str]]) -> None:
    letters = list(name)
    for index, mark in accents:
        letters[index % len(letters)] += mark
    accented = unicodedata.normalize("NFC", "".join(letters))
    assert fold(accented) == fold(name) == name.casefold()
    assert fold(accented).isascii()  # what goes to the API carries no diacritics
    assert names_match(accented, "", [name]) and names_match(name, "", [accented])


@given(st.sampled_from(VOORVOEGSELS), core)
def test_rule_tussenvoegsel_is_split_off(voorvoegsel: str, name: str) -> None:
    glue = "" if voorvoegsel.endswith("'") else " "
    assert split_voorvoegsel(f"{voorvoegsel}{glue}{name}") == (voorvoegsel, name)
    assert surname_candidates(f"{voorvoegsel}{glue}{name}") == [name]
    assert surname_candidates(name, voorvoegsel) == [name]  # voorvoegsel in its own column


@given(core, core, st.sampled_from(["-", " - ", " e/v ", " geb. "]), st.sampled_from(VOORVOEGSELS))
def test_rule_birth_name_matches_used_or_partner_name(
    birth: str, partner: str, joiner: str, voorvoegsel: str
) -> None:
    assume(spelling_key(birth) != spelling_key(partner))
    glue = "" if voorvoegsel.endswith("'") else " "
    for used in (f"{partner}{joiner}{birth}", f"{birth}{joiner}{voorvoegsel}{glue}{partner}"):
        candidates = surname_candidates(used)
        assert names_match(birth, "", candidates)
        assert names_match(birth, voorvoegsel, candidates)
    assert not names_match(birth, "", surname_candidates(partner))


@given(core, st.integers(0, 11))
def test_rule_doubled_letters_are_one_spelling(name: str, where: int) -> None:
    index = where % len(name)
    doubled = name[: index + 1] + name[index] + name[index + 1 :]
    assert spelling_key(doubled) == spelling_key(name)
    assert names_match(doubled, "", [name])


@given(
    st.lists(core, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(
        [
            "B.V.",
            "BV",
            "b.v.",
            "V.O.F.",
            "VOF",
            "N.V.",
            "Holding",
            "holding B.V.",
            "Stichting",
            "C.V.",
            "& Zn.",
            "Beheer B.V.",
            "U.A.",
            "GmbH",
            "Ltd",
        ]
    ),
    st.booleans(),
)
def test_rule_company_names_are_detected(words: str, form: str, before: bool) -> None:
    assert is_company_name(f"{form} {words}" if before else f"{words} {form}")


@given(core, st.sampled_from(["", "van", "de", "van der", "'t"]), core)
def test_rule_person_names_are_not_companies(name: str, voorvoegsel: str, partner: str) -> None:
    assert not is_company_name(f"{voorvoegsel} {name}-{partner}".strip())


def test_examples_from_the_field() -> None:
    assert surname_candidates("Mevr. Jansen e/v De Vries") == ["Jansen", "Vries"]
    assert split_voorvoegsel("'t Hart") == ("'t", "Hart")
    assert split_voorvoegsel("De") == ("", "De")  # a surname that looks like a voorvoegsel
    assert fold("Gündoğan") == "gundogan" and fold("Ørsted") == "orsted"
    assert names_match("Janssen", "", ["Jansen"]) and not names_match("Mulder", "", ["Molder"])
    assert spelling_key("Van Dijk") == spelling_key("van dyk")
    assert is_company_name("Bakkerij Jansen B.V.") and not is_company_name("Bavink")
    assert surname_candidates("Gebhardt") == ["Gebhardt"]
