"""Turn one row of canonical fields into an ``IncomingSignal``, or say why not.

Shared by the CSV, XLSX and DDAS-JSON readers: each maps its own column or key names to the
canonical Dutch field names of ``columns.py`` and hands the raw cell values here. Cells are
text (CSV), or typed (XLSX/JSON: numbers, booleans, dates).

A row needs a signal id, a known partner and an identity: a valid address (postcode +
huisnummer) or a valid BSN. Any field that is present but wrong rejects the row, and every wrong
field of it is reported (the team lead fixes the file and imports again; re-importing is
harmless). Exceptions, by design: a bad
phone or e-mail is dropped, and an invalid BSN next to a valid address is kept as flagged text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TypeVar

from fieldapp.domain.ddas import Geslacht, Signaalstatus
from fieldapp.domain.people import Address, Person
from fieldapp.domain.signals import (
    FLAG_ADDRESS_UNKNOWN,
    FLAG_BSN_INVALID,
    FLAG_FORMULA_TEXT,
    IncomingSignal,
)
from fieldapp.errors import ImportRefused
from fieldapp.intake.limits import too_long
from fieldapp.intake.normalise import (
    amount_cents_from_number,
    clean_bsn,
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
from fieldapp.intake.report import NoValidRows, ParsedFile, Rejection

Cell = str | int | float | bool | date | None

MAX_SIGNAAL_ID = 100

_STATUS_ALIASES: dict[str, Signaalstatus] = {s.value.casefold(): s for s in Signaalstatus}
_STATUS_ALIASES.update(
    {
        "overleden": Signaalstatus.OVERLEDEN,
        "woont niet in gemeente": Signaalstatus.GEEN_INWONER,
        "nieuw": Signaalstatus.NOG_NIET_OPGEPAKT,
    }
)
_GESLACHT: dict[str, Geslacht] = {g.value.casefold(): g for g in Geslacht}
_GESLACHT.update({"m": Geslacht.MAN, "v": Geslacht.VROUW, "o": Geslacht.ONBEKEND})


class FieldError(ValueError):
    """One field of one row is wrong; ``reason`` is Dutch and does not echo the value."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return value.isoformat()


class _RowReader:
    """Reads the fields of one row, remembering the flags they raise."""

    def __init__(self, values: Mapping[str, Cell], today: date) -> None:
        self.values = values
        self.today = today
        self.flags: list[str] = []

    def raw(self, field: str) -> str:
        return _text(self.values.get(field)).strip()

    def free_text(self, field: str) -> str:
        raw = _text(self.values.get(field))
        text = normalise_name(raw)
        if text and looks_like_formula(raw) and FLAG_FORMULA_TEXT not in self.flags:
            self.flags.append(FLAG_FORMULA_TEXT)
        return text

    def amount(self, field: str) -> int | None:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return amount_cents_from_number(value)
            if isinstance(value, str):
                return parse_amount_cents(value)
        except ValueError as exc:
            raise FieldError(field, str(exc)) from None
        raise FieldError(field, "geen geldig bedrag")

    def day(self, field: str, *, latest: date) -> date | None:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            result = value.date()
        elif isinstance(value, date):
            result = value
        elif isinstance(value, str):
            try:
                result = parse_date(value)
            except ValueError as exc:
                raise FieldError(field, str(exc)) from None
        else:
            raise FieldError(field, "geen geldige datum")
        if result > latest:
            raise FieldError(field, "datum ligt in de toekomst")
        return result

    def flag(self, field: str) -> bool:
        value = self.values.get(field)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        try:
            return parse_bool(_text(value))
        except ValueError as exc:
            raise FieldError(field, str(exc)) from None


class RowErrors(ValueError):
    """Every wrong field of one row (at least one), in column order of the checks."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


T = TypeVar("T")


class _Errors:
    """Collects the field errors of one row, so the team lead fixes them all in one go."""

    def __init__(self) -> None:
        self.found: list[FieldError] = []

    def check(self, read: Callable[[], T], default: T) -> T:
        try:
            return read()
        except FieldError as exc:
            self.found.append(exc)
            return default


def build_signal(values: Mapping[str, Cell], row: int, *, today: date) -> IncomingSignal:
    """One row of canonical fields -> a normalised signal.

    Raises RowErrors listing every wrong field of the row (a bad amount and a bad postcode are
    both reported), not only the first."""
    errors = _Errors()
    for field, value in values.items():
        if isinstance(value, str) and "\x00" in value:
            errors.found.append(FieldError(field, "bevat een NUL-teken (beschadigd bestand?)"))
    if errors.found:
        raise RowErrors(errors.found)
    r = _RowReader(values, today)

    external_id = r.free_text("signaal_id")
    if not external_id:
        errors.found.append(FieldError("signaal_id", "signaal_id ontbreekt"))
    elif len(external_id) > MAX_SIGNAAL_ID:
        errors.found.append(FieldError("signaal_id", "signaal_id is langer dan 100 tekens"))

    partner_word = r.raw("signaalpartner")
    partner = partner_from_word(partner_word) if partner_word else None
    if not partner_word:
        errors.found.append(FieldError("signaalpartner", "signaalpartner ontbreekt"))
    elif partner is None:
        errors.found.append(
            FieldError(
                "signaalpartner",
                "onbekende signaalpartner (gebruik bijv. Energie, Water, Huur, Zorg, "
                "CAK Zorgverzekeringen, DUO, Belastingdienst, Dienst Toeslagen, Hypotheek, "
                "Overige)",
            )
        )

    bedrag = errors.check(lambda: r.amount("bedrag"), None)
    signal_latest = today + timedelta(days=1)
    ontstaansdatum = errors.check(lambda: r.day("ontstaansdatum", latest=signal_latest), None)
    signaaldatum = errors.check(lambda: r.day("signaaldatum", latest=signal_latest), None)
    geboortedatum = errors.check(lambda: r.day("geboortedatum", latest=today), None)
    crisis = errors.check(lambda: r.flag("crisissignaal"), False)
    warm = errors.check(lambda: r.flag("warme_overdracht"), False)
    status = errors.check(lambda: _status(r.raw("status")), Signaalstatus.NOG_NIET_OPGEPAKT)

    bsn, bsn_invalid = _bsn(r)
    address_wrong = len(errors.found)
    address = errors.check(lambda: _address(r), None)
    address_wrong = len(errors.found) > address_wrong
    if address is None and not address_wrong:
        if bsn is None:
            if bsn_invalid is not None:
                errors.found.append(
                    FieldError("bsn", "BSN klopt niet (elfproef) en er is geen adres")
                )
            else:
                errors.found.append(
                    FieldError("postcode", "geen adres (postcode + huisnummer) en geen BSN")
                )
        r.flags.append(FLAG_ADDRESS_UNKNOWN)
    if errors.found or partner is None:
        raise RowErrors(errors.found)
    if bsn_invalid is not None:
        r.flags.append(FLAG_BSN_INVALID)

    geslacht_word = r.raw("geslacht").casefold()
    person = Person(
        achternaam=r.free_text("achternaam"),
        voorletters=r.free_text("voorletters"),
        voorvoegsel=r.free_text("voorvoegsel"),
        voornaam=r.free_text("voornaam"),
        geboortedatum=geboortedatum,
        geslacht=_GESLACHT.get(geslacht_word) if geslacht_word else None,
        bsn=bsn,
        bsn_invalid=bsn_invalid,
        telefoon=_phone(r),
        email=_email(r),
    )
    for field, limit in too_long(person, address):
        raise FieldError(field, f"langer dan {limit} tekens")
    return IncomingSignal(
        external_id=external_id,
        partner=partner,
        person=person,
        address=address,
        bedrag_cents=bedrag,
        ontstaansdatum=ontstaansdatum,
        signaaldatum=signaaldatum,
        crisissignaal=crisis,
        warme_overdracht=warm,
        status=status,
        flags=tuple(r.flags),
        source_row=row,
    )


def _phone(r: _RowReader) -> str | None:
    value = r.values.get("telefoon")
    if isinstance(value, int) and not isinstance(value, bool) and 100_000_000 <= value < 10**9:
        # A spreadsheet number cell drops the leading 0 of 06-12345678.
        return normalise_phone(f"0{value}")
    return normalise_phone(r.raw("telefoon"))


def _email(r: _RowReader) -> str | None:
    email = normalise_email(r.raw("email"))
    if email is not None and looks_like_formula(email) and FLAG_FORMULA_TEXT not in r.flags:
        r.flags.append(FLAG_FORMULA_TEXT)
    return email


def _status(word: str) -> Signaalstatus:
    if not word:
        return Signaalstatus.NOG_NIET_OPGEPAKT
    status = _STATUS_ALIASES.get(" ".join(word.split()).casefold())
    if status is None:
        raise FieldError("status", "onbekende signaalstatus")
    return status


def _bsn(r: _RowReader) -> tuple[str | None, str | None]:
    raw = r.raw("bsn")
    if not raw:
        return None, None
    cleaned = clean_bsn(raw)
    if is_valid_bsn(cleaned):
        return cleaned, None
    # Kept for the team lead to check in the BRP; never used for matching.
    return None, normalise_name(raw)[:20]


def _address(r: _RowReader) -> Address | None:
    postcode_raw, number_raw = r.raw("postcode"), r.raw("huisnummer")
    if not postcode_raw and not number_raw:
        return None
    try:
        postcode = normalise_postcode(postcode_raw)
    except ValueError as exc:
        raise FieldError("postcode", str(exc)) from None
    try:
        number, suffix = split_huisnummer(number_raw, r.raw("huisnummertoevoeging"))
    except ValueError as exc:
        field = "huisnummertoevoeging" if "toevoeging" in str(exc) else "huisnummer"
        raise FieldError(field, str(exc)) from None
    return Address(
        postcode=postcode,
        huisnummer=number,
        toevoeging=suffix,
        straat=r.free_text("straat"),
        plaats=r.free_text("plaats"),
        wijk=r.free_text("wijk"),
    )


RowInput = tuple[int, Mapping[str, Cell]] | Rejection


def collect(
    *,
    path: str,
    fmt: str,
    sha256: str,
    rows: Iterable[RowInput],
    today: date,
    on_rows: Callable[[int], None] | None = None,
) -> ParsedFile:
    """Build every row, drop in-file duplicates (first kept) and refuse a file with no signal.

    ``rows`` yields ``(row_number, fields)`` or a ready ``Rejection`` (a structural problem the
    reader found, like surplus columns).
    """
    signals: list[IncomingSignal] = []
    rejected: list[Rejection] = []
    seen: set[tuple[str, str]] = set()
    duplicates = 0
    count = 0
    for item in rows:
        count += 1
        if on_rows is not None and count % 500 == 0:
            on_rows(count)
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        number, values = item
        try:
            signal = build_signal(values, number, today=today)
        except RowErrors as exc:
            rejected.extend(Rejection(number, e.field, e.reason) for e in exc.errors)
            continue
        except FieldError as exc:
            rejected.append(Rejection(number, exc.field, exc.reason))
            continue
        if signal.identity in seen:
            duplicates += 1
            continue
        seen.add(signal.identity)
        signals.append(signal)
    if count == 0:
        raise ImportRefused("Het bestand bevat geen signalen (leeg of alleen een kopregel).")
    if not signals:
        first = rejected[0]
        bad_rows = len({r.row for r in rejected})
        raise NoValidRows(
            f"Geen enkel signaal kon worden ingelezen ({bad_rows} afgekeurd). "
            f"Eerste probleem: rij {first.row}, {first.field}: {first.reason}.",
            rejected,
        )
    return ParsedFile(
        path=path,
        format=fmt,
        rows=count,
        signals=signals,
        rejected=rejected,
        duplicates_in_file=duplicates,
        sha256=sha256,
    )
