"""Pure normalisers for the fields a signal file carries (postcode, house number, BSN, ...).

Every function either returns the canonical value or raises ``ValueError`` whose message is a
short Dutch reason fit to show the team lead ("postcode mag niet met 0 beginnen"). Messages
never echo the input: it is personal data. ``normalise_phone`` and ``normalise_email`` are the
exception to the raise rule: a bad phone or e-mail is dropped (``None``), it never rejects a row.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

# --- postcode -------------------------------------------------------------------------------

_POSTCODE = re.compile(r"[1-9][0-9]{3}[A-Z]{2}")
# PostNL never issues these letter pairs (historical connotations).
_FORBIDDEN_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})


def normalise_postcode(s: str) -> str:
    """``"1234 ab"`` / ``"1234AB"`` / ``"1234  AB"`` -> ``"1234AB"``.

    Raises ValueError (Dutch reason) for a wrong length/shape, a leading 0 or SA/SD/SS.
    """
    compact = "".join(s.split()).upper()
    if not compact:
        raise ValueError("postcode ontbreekt")
    if len(compact) != 6 or not (compact[:4].isascii() and compact[4:].isascii()):
        raise ValueError("postcode moet 4 cijfers en 2 letters zijn (bijv. 1234 AB)")
    if compact[0] == "0":
        raise ValueError("postcode mag niet met 0 beginnen")
    if not _POSTCODE.fullmatch(compact):
        raise ValueError("postcode moet 4 cijfers en 2 letters zijn (bijv. 1234 AB)")
    if compact[4:] in _FORBIDDEN_POSTCODE_LETTERS:
        raise ValueError("postcode met de letters SA, SD of SS bestaat niet")
    return compact


# --- house number ---------------------------------------------------------------------------

MAX_TOEVOEGING = 4  # DDAS AN4
_NUMBER_HEAD = re.compile(r"([0-9]+)(.*)", re.DOTALL)
_SUFFIX = re.compile(r"[A-Z0-9]+")


def _clean_suffix(raw: str) -> str:
    # Separators people type between number and suffix: "10-A", "10 / 2", "10 - hs".
    return raw.strip().lstrip("-/").strip().upper()


def split_huisnummer(number: str, suffix: str = "") -> tuple[int, str]:
    """Split a house number into ``(number, SUFFIX)``.

    ``10-A``, ``10a``, ``10 A`` -> ``(10, "A")``; ``10 hs`` -> ``(10, "HS")``; ``10-2`` ->
    ``(10, "2")``; ``12 bis`` -> ``(12, "BIS")``. ``suffix`` is a separate toevoeging column;
    if the number also carries one, the two must agree. Trap: ``"102"`` is house number 102,
    never 10 + "2" -- a numeric suffix needs a separator.
    """
    text = number.strip()
    if not text:
        raise ValueError("huisnummer ontbreekt")
    head = _NUMBER_HEAD.fullmatch(text)
    if head is None or not head.group(1).isascii():
        raise ValueError("huisnummer moet met een getal beginnen")
    digits, rest = head.group(1), _clean_suffix(head.group(2))
    if len(digits.lstrip("0")) > 5:
        raise ValueError("huisnummer is te lang (hoogstens 5 cijfers)")
    value = int(digits)
    if value == 0:
        raise ValueError("huisnummer mag niet 0 zijn")
    extra = _clean_suffix(suffix)
    if rest and extra and rest != extra:
        raise ValueError("huisnummer en toevoeging spreken elkaar tegen")
    toevoeging = rest or extra
    if toevoeging:
        if not (toevoeging.isascii() and _SUFFIX.fullmatch(toevoeging)):
            raise ValueError("toevoeging mag alleen letters en cijfers bevatten")
        if len(toevoeging) > MAX_TOEVOEGING:
            raise ValueError("toevoeging mag hoogstens 4 tekens zijn")
    return value, toevoeging


# --- BSN ------------------------------------------------------------------------------------

_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_valid_bsn(s: str) -> bool:
    """True for 9 ASCII digits passing the elfproef (last weight -1), not ``000000000``."""
    if len(s) != 9 or not (s.isascii() and s.isdigit()) or s == "000000000":
        return False
    total = sum(w * int(d) for w, d in zip(_BSN_WEIGHTS, s, strict=True))
    return total % 11 == 0


def clean_bsn(s: str) -> str:
    """Strip the separators people type (spaces, dots, hyphens); pad 8 digits to 9.

    Spreadsheets drop the leading zero of a BSN stored as a number, so ``12345672`` is read as
    ``012345672``. The result is not validated: pass it to ``is_valid_bsn``.
    """
    compact = re.sub(r"[\s.\-]", "", s)
    if len(compact) == 8 and compact.isascii() and compact.isdigit():
        compact = "0" + compact
    return compact


# --- names and free text --------------------------------------------------------------------

MAX_NAME = 200
# Zero-width and bidi override/isolate characters: invisible, and U+202E reorders what the team
# lead sees ("RTL override" trick). BOM and soft hyphen are invisible too.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalise_name(s: str) -> str:
    """NFC, drop invisible/bidi-control characters, unify apostrophes, collapse whitespace.

    Diacritics, apostrophes (``'t Hart``) and tussenvoegsels are kept as written; the result is
    capped at 200 characters. NFC makes ``é`` typed two ways compare equal.
    """
    if not s:
        return ""
    if s.isascii() and s.isprintable():
        # Fast path (most cells): nothing to compose, strip or replace except "`".
        text = s.replace("`", "'")
    else:
        text = unicodedata.normalize("NFC", s)
        text = _INVISIBLE.sub("", text)
        text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
        text = text.translate(_APOSTROPHES)
    text = " ".join(text.split())
    return text[:MAX_NAME].rstrip()


# --- phone and e-mail -----------------------------------------------------------------------

_PHONE_JUNK = re.compile(r"[\s\-.()/]")


def normalise_phone(s: str) -> str | None:
    """Dutch or international number to E.164 (``+31612345678``); ``None`` when unusable.

    Accepts ``06-12345678``, ``020 123 4567``, ``+31 6 1234 5678``, ``+31 (0)6 ...``,
    ``0031 6 ...``. A bad number is simply dropped: it never rejects a signal.
    """
    text = s.strip().replace("(0)", "")
    text = _PHONE_JUNK.sub("", text)
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text:
        return None
    if text.startswith("+"):
        digits = text[1:]
        if not (digits.isascii() and digits.isdigit()):
            return None
        if digits.startswith("31"):
            national = digits[2:]
        else:
            return "+" + digits if 8 <= len(digits) <= 15 and digits[0] != "0" else None
    elif text.startswith("0"):
        national = text[1:]
    else:
        return None
    if len(national) != 9 or not (national.isascii() and national.isdigit()):
        return None
    if national[0] == "0":
        return None
    return "+31" + national


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def normalise_email(s: str) -> str | None:
    """A trimmed address that looks like ``x@y.z`` (max 254 chars), else ``None``."""
    text = unicodedata.normalize("NFC", s.strip())
    if len(text) > 254 or not _EMAIL.fullmatch(text):
        return None
    return text


# --- amounts --------------------------------------------------------------------------------

MAX_AMOUNT_CENTS = 1_000_000_000  # EUR 10 million: anything above is a typo or a shifted column
_CURRENCY = re.compile(r"€|eur(?:o)?\b", re.IGNORECASE)
_GROUPED_DOT = re.compile(r"[1-9][0-9]{0,2}(\.[0-9]{3})+")
_GROUPED_COMMA = re.compile(r"[1-9][0-9]{0,2}(,[0-9]{3})+")


def _check_cents(cents: int) -> int:
    if cents < 0:
        raise ValueError("bedrag is negatief")
    if cents == 0:
        raise ValueError("bedrag is nul")
    if cents > MAX_AMOUNT_CENTS:
        raise ValueError("bedrag is onwaarschijnlijk hoog (meer dan 10 miljoen euro)")
    return cents


def _split_euros(text: str) -> tuple[str, str]:
    """Integer and fraction digits of an unsigned amount, honouring Dutch and plain notation."""
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        whole, _, frac = text.rpartition(decimal_sep)
        grouped = _GROUPED_DOT if thousands == "." else _GROUPED_COMMA
        if not grouped.fullmatch(whole):
            raise ValueError("geen geldig bedrag")
        return whole.replace(thousands, ""), frac
    if has_dot:
        # Dutch thousands: "1.234" and "12.345.678"; a single dot before 1-2 digits is decimal.
        if _GROUPED_DOT.fullmatch(text):
            return text.replace(".", ""), ""
        whole, _, frac = text.partition(".")
        return whole, frac
    if has_comma:
        if text.count(",") > 1:
            if _GROUPED_COMMA.fullmatch(text):
                return text.replace(",", ""), ""
            raise ValueError("geen geldig bedrag")
        whole, _, frac = text.partition(",")
        return whole, frac
    return text, ""


def parse_amount_cents(s: str) -> int:
    """Euro amount text -> whole cents (positive, at most EUR 10 million).

    Dutch ``€ 1.234,56``, ``1234,56``, ``1.234,-``, ``1.234`` (= 1234 euro) and plain
    ``1234.56`` / ``1,234.56``. Negative, zero, exponent forms (``1e309``) and more than
    2 decimals raise ValueError. Trap: ``1,234`` (Dutch comma, 3 decimals) is refused rather
    than guessed to be an English thousands separator.
    """
    text = _CURRENCY.sub("", s)
    text = "".join(text.split())
    if not text:
        raise ValueError("bedrag is leeg")
    if text[0] in "-\u2212" or (text.endswith("-") and not text.endswith((",-", ".-", ",--"))):
        raise ValueError("bedrag is negatief")
    for whole_euro_mark in (",--", ",-", ".-"):
        if text.endswith(whole_euro_mark):
            text = text[: -len(whole_euro_mark)]
            if "," in text:
                raise ValueError("geen geldig bedrag")
            break
    if not text or not all(ch in "0123456789.," for ch in text):
        raise ValueError("geen geldig bedrag")
    whole, frac = _split_euros(text)
    if not whole or not whole.isdigit() or (frac and not frac.isdigit()):
        raise ValueError("geen geldig bedrag")
    if len(frac) > 2:
        raise ValueError("bedrag heeft meer dan 2 decimalen")
    if len(whole) > 12:
        raise ValueError("bedrag is onwaarschijnlijk hoog (meer dan 10 miljoen euro)")
    return _check_cents(int(whole) * 100 + int(frac.ljust(2, "0") or "0"))


def amount_cents_from_number(value: int | float) -> int:
    """A spreadsheet number of euros -> cents; same limits as ``parse_amount_cents``."""
    if isinstance(value, bool):
        raise ValueError("geen geldig bedrag")
    if isinstance(value, int):
        if abs(value) > MAX_AMOUNT_CENTS:
            raise ValueError("bedrag is onwaarschijnlijk hoog (meer dan 10 miljoen euro)")
        return _check_cents(value * 100)
    try:
        # repr() is the shortest text that round-trips, so 1234.56 stays 1234.56.
        exact = Decimal(repr(value))
    except InvalidOperation as exc:  # pragma: no cover - repr of a float is always a number
        raise ValueError("geen geldig bedrag") from exc
    if not exact.is_finite():
        raise ValueError("geen geldig bedrag")
    if abs(exact) > MAX_AMOUNT_CENTS:
        raise ValueError("bedrag is onwaarschijnlijk hoog (meer dan 10 miljoen euro)")
    cents = exact * 100
    if cents != cents.to_integral_value():
        raise ValueError("bedrag heeft meer dan 2 decimalen")
    return _check_cents(int(cents))


# --- dates ----------------------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 1900, 2199
_TIME_TAIL = r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})" + _TIME_TAIL)
_DUTCH_DATE = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})" + _TIME_TAIL)
_SHORT_YEAR = re.compile(r"[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2}" + _TIME_TAIL)


def _make_date(year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError("jaartal ligt buiten 1900-2199")
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueError("datum bestaat niet") from exc


def parse_date(s: str) -> date:
    """``YYYY-MM-DD``, ``DD-MM-YYYY``, ``D-M-YYYY``, ``DD/MM/YYYY`` (also ``.``) -> date.

    A time part (``2024-01-05T00:00:00``, as exports add) is ignored. Day comes before month:
    an American ``12/31/2024`` fails as a non-existent date rather than being guessed.
    Two-digit years and impossible dates (``29-02-2023``) raise ValueError.
    """
    text = s.strip()
    if not text:
        raise ValueError("datum is leeg")
    if iso := _ISO_DATE.fullmatch(text):
        return _make_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if dutch := _DUTCH_DATE.fullmatch(text):
        return _make_date(int(dutch.group(4)), int(dutch.group(3)), int(dutch.group(1)))
    if _SHORT_YEAR.fullmatch(text):
        raise ValueError("jaartal moet 4 cijfers hebben")
    raise ValueError("onbekende datumnotatie (gebruik DD-MM-JJJJ of JJJJ-MM-DD)")


_EXCEL_EPOCH = date(1899, 12, 30)


def excel_serial_to_date(serial: int | float) -> date:
    """Excel 1900-system day number -> date (the time fraction is dropped).

    Serials before 61 (1900-03-01) are refused: Excel counts a 29-02-1900 that never was.
    """
    if isinstance(serial, bool) or not 61 <= serial < 2958466:
        raise ValueError("geen geldige Excel-datum")
    day = _EXCEL_EPOCH + timedelta(days=int(serial))
    return _make_date(day.year, day.month, day.day)


# --- booleans -------------------------------------------------------------------------------

_TRUE = frozenset({"ja", "j", "true", "t", "1", "waar", "x", "yes", "y", "wel"})
_FALSE = frozenset({"nee", "n", "false", "f", "0", "onwaar", "", "no", "niet", "-"})


def parse_bool(s: str) -> bool:
    """ja/nee, j/n, true/false, 1/0, waar/onwaar, x/empty (case-insensitive) -> bool."""
    word = s.strip().casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError("onbekende ja/nee-waarde (gebruik ja of nee)")


# --- spreadsheet formula injection ----------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(s: str) -> bool:
    """True when a spreadsheet would run this text as a formula (OWASP CSV injection list).

    Only for free-text fields: a parsed phone ``+31...`` or amount ``-5`` is not text.
    """
    return s.startswith(FORMULA_START) or s.lstrip().startswith(FORMULA_START[:4])


def escape_for_spreadsheet(s: str) -> str:
    """Make text safe to put in a CSV/XLSX cell: prefix ``'`` when it would start a formula.

    Every exporter must pass free text through this (the stored value keeps its first char).
    """
    return "'" + s if looks_like_formula(s) else s
