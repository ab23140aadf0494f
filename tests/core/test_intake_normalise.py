"""Normalisers: examples for each documented case plus hypothesis properties."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.intake.normalise import (
    MAX_AMOUNT_CENTS,
    amount_cents_from_number,
    clean_bsn,
    escape_for_spreadsheet,
    excel_serial_to_date,
    is_valid_bsn,
    looks_like_formula,
    normalise_email,
    normalise_name,
    normalise_phone,
    normalise_postcode,
    parse_amount_cents,
    parse_bool,
    parse_date,
    split_huisnummer,
)
from fieldapp.intake.partners import partner_from_word

FAST = settings(max_examples=150, deadline=None)

# --- postcode -------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["1234 ab", "1234AB", "1234  AB", " 1234ab ", "1234\u00a0AB"])
def test_postcode_spellings_normalise_to_one_form(raw: str) -> None:
    assert normalise_postcode(raw) == "1234AB"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("0123AB", "mag niet met 0 beginnen"),
        ("1234SA", "SA, SD of SS"),
        ("1234 sd", "SA, SD of SS"),
        ("1234SS", "SA, SD of SS"),
        ("123AB", "4 cijfers en 2 letters"),
        ("12345AB", "4 cijfers en 2 letters"),
        ("1234A", "4 cijfers en 2 letters"),
        ("ABCD12", "4 cijfers en 2 letters"),
        ("1234-AB", "4 cijfers en 2 letters"),
        ("", "ontbreekt"),
    ],
)
def test_bad_postcode_raises_dutch_reason(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        normalise_postcode(raw)


_LETTER_PAIRS = (
    st.tuples(
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    )
    .map("".join)
    .filter(lambda p: p not in {"SA", "SD", "SS"})
)


@FAST
@given(
    number=st.integers(1000, 9999),
    letters=_LETTER_PAIRS,
    gap=st.sampled_from(["", " ", "  ", "\t"]),
    lower=st.booleans(),
)
def test_postcode_property_any_spacing_or_case_gives_canonical(
    number: int, letters: str, gap: str, lower: bool
) -> None:
    raw = f"{number}{gap}{letters.lower() if lower else letters}"
    result = normalise_postcode(raw)
    assert result == f"{number}{letters}"
    assert normalise_postcode(result) == result  # idempotent


@FAST
@given(st.text(max_size=10))
def test_postcode_property_output_always_valid_or_value_error(raw: str) -> None:
    try:
        result = normalise_postcode(raw)
    except ValueError as exc:
        assert str(exc)  # always a reason
        return
    assert len(result) == 6 and result[0] != "0" and result[:4].isdigit()
    assert result[4:] not in {"SA", "SD", "SS"}


# --- house numbers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "suffix", "expected"),
    [
        ("10-A", "", (10, "A")),
        ("10a", "", (10, "A")),
        ("10 A", "", (10, "A")),
        ("10 hs", "", (10, "HS")),
        ("10-2", "", (10, "2")),
        ("12 bis", "", (12, "BIS")),
        ("12", "bis", (12, "BIS")),
        ("12", "-a", (12, "A")),
        ("12a", "A", (12, "A")),
        ("102", "", (102, "")),
        ("99999", "", (99999, "")),
    ],
)
def test_house_number_forms(number: str, suffix: str, expected: tuple[int, str]) -> None:
    assert split_huisnummer(number, suffix) == expected


@pytest.mark.parametrize(
    ("number", "suffix", "reason"),
    [
        ("", "", "ontbreekt"),
        ("A10", "", "met een getal beginnen"),
        ("0", "", "niet 0"),
        ("123456", "", "te lang"),
        ("10 hoog3", "", "hoogstens 4"),
        ("10", "abcde", "hoogstens 4"),
        ("10a", "b", "spreken elkaar tegen"),
        ("10 ½", "", "letters en cijfers"),
        ("١٢", "", "met een getal beginnen"),  # Arabic-Indic digits are not a house number
    ],
)
def test_bad_house_number_raises(number: str, suffix: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        split_huisnummer(number, suffix)


@FAST
@given(
    number=st.integers(1, 99999),
    suffix=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=0, max_size=4),
    sep=st.sampled_from(["", "-", " ", " - ", "/"]),
    lower=st.booleans(),
)
def test_house_number_property_round_trip(number: int, suffix: str, sep: str, lower: bool) -> None:
    if suffix and suffix[0].isdigit() and sep == "":
        sep = "-"  # "10"+"2" would honestly be house number 102
    text = f"{number}{sep}{suffix.lower() if lower else suffix}" if suffix else str(number)
    assert split_huisnummer(text) == (number, suffix)
    # The same suffix given in its own column agrees.
    assert split_huisnummer(str(number), suffix) == (number, suffix)


# --- BSN ------------------------------------------------------------------------------------

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _make_bsn(first8: str) -> str | None:
    """Complete 8 digits to a valid BSN by construction, or None if no check digit fits."""
    total = sum(w * int(d) for w, d in zip(_WEIGHTS, first8, strict=True))
    check = total % 11  # need (total - check) % 11 == 0 with 0 <= check <= 9
    if check == 10:
        return None
    bsn = first8 + str(check)
    return None if bsn == "000000000" else bsn


_VALID_BSNS = (
    st.text(alphabet="0123456789", min_size=8, max_size=8).map(_make_bsn).filter(bool).map(str)
)


def test_known_bsns() -> None:
    assert is_valid_bsn("111222333")
    assert is_valid_bsn("123456782")
    assert not is_valid_bsn("123456789")
    assert not is_valid_bsn("000000000")
    assert not is_valid_bsn("12345678")
    assert not is_valid_bsn("1234567820")
    assert not is_valid_bsn("12345678a")
    assert not is_valid_bsn("١٢٣٤٥٦٧٨٢")  # non-ASCII digits


def test_clean_bsn_restores_leading_zero_and_strips_separators() -> None:
    assert clean_bsn("1234.56.782") == "123456782"
    assert clean_bsn("12 34 56 78") == "012345678"


@FAST
@given(_VALID_BSNS)
def test_bsn_property_constructed_bsns_pass(bsn: str) -> None:
    assert is_valid_bsn(bsn)


@FAST
@given(_VALID_BSNS, st.integers(0, 8), st.integers(1, 9))
def test_bsn_property_any_single_digit_change_breaks_elfproef(
    bsn: str, position: int, delta: int
) -> None:
    digit = (int(bsn[position]) + delta) % 10
    changed = bsn[:position] + str(digit) + bsn[position + 1 :]
    assert not is_valid_bsn(changed)


# --- names ----------------------------------------------------------------------------------


def test_name_keeps_apostrophe_diacritics_and_tussenvoegsel() -> None:
    assert normalise_name("  \u2019t   Hart ") == "'t Hart"
    assert normalise_name("van der  Berg") == "van der Berg"
    assert normalise_name("Zoë") == "Zoë"


def test_name_nfd_and_nfc_become_equal() -> None:
    assert normalise_name("Ze\u0301nith") == normalise_name("Z\u00e9nith")


def test_name_strips_zero_width_and_bidi_overrides() -> None:
    raw = "Jan\u200b\u202esen\u202c\u2066x\u2069"
    assert normalise_name(raw) == "Jansenx"


def test_name_is_capped_at_200() -> None:
    assert len(normalise_name("a" * 10_000)) == 200


_INVISIBLES = set(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@FAST
@given(st.text(max_size=300))
def test_name_property_clean_and_idempotent(raw: str) -> None:
    result = normalise_name(raw)
    assert len(result) <= 200
    assert not (set(result) & _INVISIBLES)
    assert unicodedata.is_normalized("NFC", result)
    assert result == result.strip() and "  " not in result
    assert normalise_name(result) == result


# --- phone / e-mail -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("06-12345678", "+31612345678"),
        ("0201234567", "+31201234567"),
        ("020 123 4567", "+31201234567"),
        ("+31 6 1234 5678", "+31612345678"),
        ("+31 (0)6 1234 5678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("+32 470 12 34 56", "+32470123456"),
        ("0612345", None),
        ("06123456789", None),
        ("bel mij", None),
        ("", None),
        ("+31 0612345678", None),
    ],
)
def test_phone_to_e164_or_none(raw: str, expected: str | None) -> None:
    assert normalise_phone(raw) == expected


def test_email_kept_when_plausible() -> None:
    assert normalise_email(" a.b@example.nl ") == "a.b@example.nl"
    assert normalise_email("geen mail") is None


# --- amounts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cents"),
    [
        ("€ 1.234,56", 123456),
        ("€1.234,56", 123456),
        ("1234,56", 123456),
        ("1.234,-", 123400),
        ("1.234", 123400),
        ("1234.56", 123456),
        ("1,234.56", 123456),
        ("12,5", 1250),
        ("450", 45000),
        ("EUR 99,95", 9995),
        ("1.234.567,89", 123456789),
    ],
)
def test_amount_forms(raw: str, cents: int) -> None:
    assert parse_amount_cents(raw) == cents


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("-5", "negatief"),
        ("€ -12,50", "negatief"),
        ("0", "nul"),
        ("0,00", "nul"),
        ("1e309", "geen geldig bedrag"),
        ("1E3", "geen geldig bedrag"),
        ("12,345", "meer dan 2 decimalen"),
        ("1234.567", "meer dan 2 decimalen"),
        ("abc", "geen geldig bedrag"),
        ("", "leeg"),
        ("1.23.4", "geen geldig bedrag"),
        ("99999999999", "onwaarschijnlijk hoog"),
        ("+5", "geen geldig bedrag"),
        ("NaN", "geen geldig bedrag"),
    ],
)
def test_bad_amounts_raise(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_amount_cents(raw)


def test_amount_from_spreadsheet_numbers() -> None:
    assert amount_cents_from_number(1234.56) == 123456
    assert amount_cents_from_number(450) == 45000
    for bad in (float("inf"), float("nan"), 0.125, -3, 0):
        with pytest.raises(ValueError):
            amount_cents_from_number(bad)


def _dutch(cents: int, thousands: bool, euro: bool, dash: bool) -> str:
    euros, rest = divmod(cents, 100)
    whole = f"{euros:,}".replace(",", ".") if thousands else str(euros)
    text = f"{whole},-" if dash and rest == 0 else f"{whole},{rest:02d}"
    return f"€ {text}" if euro else text


@FAST
@given(
    st.integers(1, MAX_AMOUNT_CENTS),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_amount_property_dutch_format_round_trips(
    cents: int, thousands: bool, euro: bool, dash: bool
) -> None:
    assert parse_amount_cents(_dutch(cents, thousands, euro, dash)) == cents


@FAST
@given(st.integers(1, MAX_AMOUNT_CENTS), st.booleans())
def test_amount_property_plain_format_round_trips(cents: int, grouped: bool) -> None:
    euros, rest = divmod(cents, 100)
    whole = f"{euros:,}" if grouped else str(euros)
    assert parse_amount_cents(f"{whole}.{rest:02d}") == cents


@FAST
@given(st.text(max_size=20))
def test_amount_property_never_crashes_and_never_nonpositive(raw: str) -> None:
    try:
        cents = parse_amount_cents(raw)
    except ValueError:
        return
    assert 0 < cents <= MAX_AMOUNT_CENTS


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-05", date(2025, 3, 5)),
        ("05-03-2025", date(2025, 3, 5)),
        ("5-3-2025", date(2025, 3, 5)),
        ("05/03/2025", date(2025, 3, 5)),
        ("05.03.2025", date(2025, 3, 5)),
        ("2025-03-05T00:00:00", date(2025, 3, 5)),
        ("2025-03-05 13:45:10+01:00", date(2025, 3, 5)),
        ("29-02-2024", date(2024, 2, 29)),
    ],
)
def test_date_forms(raw: str, expected: date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("29-02-2023", "bestaat niet"),
        ("12/31/2024", "bestaat niet"),
        ("2025-13-01", "bestaat niet"),
        ("05-03-25", "4 cijfers"),
        ("45123", "onbekende datumnotatie"),
        ("5 maart 2025", "onbekende datumnotatie"),
        ("05-03/2025", "onbekende datumnotatie"),
        ("01-01-1850", "1900-2199"),
    ],
)
def test_bad_dates_raise(raw: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(raw)


def test_excel_serials() -> None:
    assert excel_serial_to_date(45123) == date(2023, 7, 16)
    assert excel_serial_to_date(45123.75) == date(2023, 7, 16)
    assert excel_serial_to_date(61) == date(1900, 3, 1)
    with pytest.raises(ValueError):
        excel_serial_to_date(60)


@FAST
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
    st.sampled_from(["iso", "dmy", "d-m", "slash"]),
)
def test_date_property_formats_round_trip(day: date, style: str) -> None:
    text = {
        "iso": day.isoformat(),
        "dmy": day.strftime("%d-%m-%Y"),
        "d-m": f"{day.day}-{day.month}-{day.year:04d}",
        "slash": day.strftime("%d/%m/%Y"),
    }[style]
    assert parse_date(text) == day


@FAST
@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2199, 12, 31)))
def test_date_property_excel_serial_round_trip(day: date) -> None:
    serial = (day - date(1899, 12, 30)).days
    assert excel_serial_to_date(serial) == day


# --- booleans, partners, formula ------------------------------------------------------------


@pytest.mark.parametrize("word", ["ja", "J", "true", "1", "waar", "x", "X", " Ja "])
def test_true_words(word: str) -> None:
    assert parse_bool(word) is True


@pytest.mark.parametrize("word", ["nee", "n", "FALSE", "0", "onwaar", ""])
def test_false_words(word: str) -> None:
    assert parse_bool(word) is False


def test_unknown_bool_word_raises() -> None:
    with pytest.raises(ValueError, match="ja/nee"):
        parse_bool("misschien")


@pytest.mark.parametrize(
    ("word", "partner"),
    [
        ("Zorgverzekeraar", Signaalpartner.ZORG),
        ("energieleverancier", Signaalpartner.ENERGIE),
        ("WONINGCORPORATIE", Signaalpartner.HUUR),
        ("verhuurder", Signaalpartner.HUUR),
        ("waterbedrijf", Signaalpartner.WATER),
        ("drinkwater", Signaalpartner.WATER),
        ("energie", Signaalpartner.ENERGIE),
        ("huur", Signaalpartner.HUUR),
        ("zorg", Signaalpartner.ZORG),
        ("cak", Signaalpartner.CAK_ZORGVERZEKERINGEN),
        ("CAK Eigen bijdrage", Signaalpartner.CAK_EIGEN_BIJDRAGE),
        ("cak_zorgverzekeringen", Signaalpartner.CAK_ZORGVERZEKERINGEN),
        ("duo", Signaalpartner.DUO),
        ("Belastingdienst", Signaalpartner.BELASTINGDIENST),
        ("toeslagen", Signaalpartner.DIENST_TOESLAGEN),
        ("Dienst  Toeslagen", Signaalpartner.DIENST_TOESLAGEN),
        ("hypotheekverstrekker", Signaalpartner.HYPOTHEEK),
        ("Overige", Signaalpartner.OVERIGE),
    ],
)
def test_partner_words(word: str, partner: Signaalpartner) -> None:
    assert partner_from_word(word) is partner


def test_every_ddas_value_maps_to_itself() -> None:
    for partner in Signaalpartner:
        assert partner_from_word(partner.value) is partner
        assert partner_from_word(partner.value.upper()) is partner


@pytest.mark.parametrize("word", ["zorgtoeslag", "bakker", "", "energie bv x"])
def test_unknown_partner_words_are_none(word: str) -> None:
    assert partner_from_word(word) is None


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x","klik")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", " =1+1"]
)
def test_formula_text_is_escaped(text: str) -> None:
    assert looks_like_formula(text)
    assert escape_for_spreadsheet(text) == "'" + text


@pytest.mark.parametrize("text", ["Jansen", "'t Hart", "", "1+1", "a=b"])
def test_plain_text_is_not_escaped(text: str) -> None:
    assert escape_for_spreadsheet(text) == text


@FAST
@given(st.text(max_size=30))
def test_escape_property_result_never_starts_a_formula(text: str) -> None:
    escaped = escape_for_spreadsheet(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert escaped.endswith(text)
