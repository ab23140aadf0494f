"""Backend 2: the periodic extract, for a municipality without API access.

A CSV that a burgerzaken system can deliver (a selectieverstrekking), one row per
persoonslijst, with the LO3 rubrieken named in the research (column headers may be the element
code, the full rubriek or the name; ``;`` or ``,`` separated, UTF-8):

| column                 | LO3      | also accepted                 | required |
|------------------------|----------|-------------------------------|----------|
| burgerservicenummer    | 01.01.20 | 01.20, bsn                    | yes      |
| voorvoegsel            | 01.02.30 | 02.30                         | no       |
| geslachtsnaam          | 01.02.40 | 02.40                         | yes      |
| geboortedatum          | 01.03.10 | 03.10                         | yes      |
| datum_overlijden       | 06.08.10 | 08.10                         | yes      |
| reden_opschorting      | 07.67.20 | 67.20                         | yes      |
| gemeente_inschrijving  | 08.09.10 | 09.10                         | yes      |
| functie_adres          | 08.10.10 | 10.10 (W / B)                 | no       |
| huisnummer             | 08.11.20 | 11.20                         | yes      |
| huisletter             | 08.11.30 | 11.30                         | no       |
| toevoeging             | 08.11.40 | 11.40, huisnummertoevoeging   | yes      |
| postcode               | 08.11.60 | 11.60                         | yes      |
| verblijfsobject_id     | 08.11.80 | 11.80                         | yes      |

Dates are LO3 ``JJJJMMDD`` (``00`` for an unknown part) or ``JJJJ-MM-DD``. Rows with reden F
(fout) or W (wissen) are skipped: the BRP never delivers them. ``parse_extract`` reports *every*
wrong row (row number, column, Dutch reason, never the value) and then refuses the whole file:
an extract is applied completely or not at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from fieldapp.brp.model import BrpAddress, BrpPerson, PlaceKind
from fieldapp.errors import InputRefused
from fieldapp.intake.normalise import is_valid_bsn, normalise_postcode

COLUMNS: dict[str, tuple[str, ...]] = {
    "bsn": ("burgerservicenummer", "01.01.20", "01.20", "0120", "bsn"),
    "voorvoegsel": ("voorvoegsel", "01.02.30", "02.30", "0230"),
    "geslachtsnaam": ("geslachtsnaam", "01.02.40", "02.40", "0240"),
    "geboortedatum": ("geboortedatum", "01.03.10", "03.10", "0310"),
    "datum_overlijden": ("datum_overlijden", "datum overlijden", "06.08.10", "08.10", "0810"),
    "reden_opschorting": ("reden_opschorting", "reden opschorting", "07.67.20", "67.20", "6720"),
    "gemeente": ("gemeente_inschrijving", "gemeente van inschrijving", "08.09.10", "09.10"),
    "functie_adres": ("functie_adres", "functie adres", "08.10.10", "10.10", "1010"),
    "huisnummer": ("huisnummer", "08.11.20", "11.20", "1120"),
    "huisletter": ("huisletter", "08.11.30", "11.30", "1130"),
    "toevoeging": ("toevoeging", "huisnummertoevoeging", "08.11.40", "11.40", "1140"),
    "postcode": ("postcode", "08.11.60", "11.60", "1160"),
    "bag_id": ("verblijfsobject_id", "verblijfsobject-id", "08.11.80", "11.80", "1180"),
}
OPTIONAL = frozenset({"voorvoegsel", "functie_adres", "huisletter"})
REDENEN = frozenset({"O", "E", "M", "R", "F", "W"})
MAX_ERRORS_SHOWN = 50
MAX_ROWS = 2_000_000


@dataclass(frozen=True, slots=True)
class ExtractRecord:
    bsn: str
    geslachtsnaam: str
    voorvoegsel: str
    geboortedatum: date | None
    overleden: bool
    opschorting: str | None
    gemeentecode: str | None
    address: BrpAddress | None
    bag_id: str | None
    briefadres: bool = False

    def to_person(self) -> BrpPerson:
        return BrpPerson(
            bsn=self.bsn,
            overleden=self.overleden,
            opschorting=self.opschorting,
            gemeentecode=self.gemeentecode,
            place=PlaceKind.ADRES if self.address else PlaceKind.ONBEKEND,
            address=self.address,
            bag_id=self.bag_id,
            briefadres=self.briefadres,
        )

    @property
    def living_resident(self) -> bool:
        return not self.overleden and self.opschorting is None and self.address is not None


@dataclass(frozen=True, slots=True)
class ExtractError:
    row: int
    column: str
    reason: str


class ExtractRefused(InputRefused):
    """The file was not imported; ``errors`` lists every wrong row."""

    def __init__(self, message: str, errors: Sequence[ExtractError] = ()) -> None:
        super().__init__(message)
        self.errors = list(errors)

    def details(self) -> list[str]:
        shown = [f"rij {e.row}, {e.column}: {e.reason}" for e in self.errors[:MAX_ERRORS_SHOWN]]
        if len(self.errors) > MAX_ERRORS_SHOWN:
            shown.append(f"... en nog {len(self.errors) - MAX_ERRORS_SHOWN} fouten")
        return shown


def parse_lo3_date(text: str) -> date | None:
    """``JJJJMMDD`` (LO3) or ``JJJJ-MM-DD``; ``00000000``/empty = unknown (None). A partly
    unknown date (``19800000``) is unknown too: it cannot narrow a search."""
    value = text.strip()
    if not value or value.strip("0") == "":
        return None
    if len(value) == 8 and value.isdigit():
        if value[4:6] == "00" or value[6:] == "00":
            return None
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError("datum klopt niet (gebruik JJJJMMDD)") from None


def _header_map(header: list[str]) -> dict[str, int]:
    wanted = {alias.casefold(): key for key, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = wanted.get(name.strip().casefold())
        if key is not None:
            if key in found:
                raise ExtractRefused(f"Het extract heeft de kolom '{COLUMNS[key][0]}' twee keer.")
            found[key] = index
    missing = [COLUMNS[k][0] for k in COLUMNS if k not in found and k not in OPTIONAL]
    if missing:
        raise ExtractRefused("Het extract mist kolommen: " + ", ".join(missing) + ".")
    return found


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExtractRefused("Het extract is geen UTF-8-tekst; exporteer het als UTF-8.") from None


def _address(cells: dict[str, str]) -> BrpAddress | None:
    postcode, number = cells["postcode"].strip(), cells["huisnummer"].strip()
    if not postcode and not number:
        return None
    if not postcode or not number:
        raise ValueError("postcode en huisnummer horen bij elkaar")
    pc = normalise_postcode(postcode)
    if not (number.isascii() and number.isdigit()) or not 0 < int(number) <= 99999:
        raise ValueError("huisnummer moet een getal van 1 tot 99999 zijn")
    letter = cells.get("huisletter", "").strip().upper()
    extra = cells["toevoeging"].strip().upper()
    if len(letter) > 1 or (letter and not letter.isalpha()):
        raise ValueError("huisletter is één letter")
    if len(extra) > 4 or (extra and not extra.isalnum()):
        raise ValueError("toevoeging is hoogstens 4 letters of cijfers")
    return BrpAddress(postcode=pc, huisnummer=int(number), toevoeging=f"{letter}{extra}")


def _record(cells: dict[str, str]) -> ExtractRecord | None:
    """One row; None for F/W rows; ValueError(column, reason) as a tuple in ``args``."""

    def fail(column: str, reason: str) -> ValueError:
        return ValueError(column, reason)

    bsn = cells["bsn"].strip()
    if not is_valid_bsn(bsn):
        raise fail("burgerservicenummer", "geen geldig BSN (9 cijfers, elfproef)")
    reden = cells["reden_opschorting"].strip().upper() or None
    if reden is not None and reden not in REDENEN:
        raise fail("reden_opschorting", "onbekende reden (O, E, M, R, F of W)")
    if reden in {"F", "W"}:
        return None
    gemeente = cells["gemeente"].strip() or None
    if gemeente is not None and not (len(gemeente) == 4 and gemeente.isdigit()):
        raise fail("gemeente_inschrijving", "gemeentecode heeft 4 cijfers")
    for column, key in (
        ("geboortedatum", "geboortedatum"),
        ("datum_overlijden", "datum_overlijden"),
    ):
        try:
            parse_lo3_date(cells[key])
        except ValueError as exc:
            raise fail(column, str(exc)) from None
    born = parse_lo3_date(cells["geboortedatum"])
    overleden = bool(cells["datum_overlijden"].strip().strip("0")) or reden == "O"
    try:
        address = _address(cells)
    except ValueError as exc:
        raise fail("adres", str(exc)) from None
    bag = cells["bag_id"].strip() or None
    if bag is not None and not (len(bag) == 16 and bag.isdigit()):
        raise fail("verblijfsobject_id", "verblijfsobject-id heeft 16 cijfers")
    functie = cells.get("functie_adres", "").strip().upper()
    if functie not in {"", "W", "B"}:
        raise fail("functie_adres", "functie adres is W of B")
    name = cells["geslachtsnaam"].strip()
    if not name or len(name) > 200:
        raise fail("geslachtsnaam", "geslachtsnaam ontbreekt of is te lang")
    if address is None and not overleden and reden is None:
        raise fail("adres", "een ingezetene zonder adres: vul postcode en huisnummer in")
    return ExtractRecord(
        bsn=bsn,
        geslachtsnaam=name,
        voorvoegsel=cells.get("voorvoegsel", "").strip()[:20],
        geboortedatum=born,
        overleden=overleden,
        opschorting=reden,
        gemeentecode=gemeente,
        address=address,
        bag_id=bag,
        briefadres=functie == "B",
    )


def parse_extract(data: bytes) -> list[ExtractRecord]:
    """Every record of the file, or ``ExtractRefused`` listing every wrong row."""
    text = _decode(data)
    if not text.strip():
        raise ExtractRefused("Het extract is leeg.")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    columns = _header_map(header)
    records: list[ExtractRecord] = []
    errors: list[ExtractError] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if number > MAX_ROWS:
            raise ExtractRefused("Het extract is te groot (meer dan 2 miljoen regels).")
        if len(row) != len(header):
            errors.append(
                ExtractError(number, "regel", f"{len(row)} velden, verwacht {len(header)}")
            )
            continue
        cells = {key: row[index] for key, index in columns.items()}
        try:
            record = _record(cells)
        except ValueError as exc:
            column, reason = exc.args if len(exc.args) == 2 else ("regel", str(exc))
            errors.append(ExtractError(number, str(column), str(reason)))
            continue
        if record is None:
            continue
        if record.bsn in seen:
            errors.append(
                ExtractError(
                    number, "burgerservicenummer", f"dubbel (ook in rij {seen[record.bsn]})"
                )
            )
            continue
        seen[record.bsn] = number
        records.append(record)
    if errors:
        raise ExtractRefused(
            f"Het extract is niet ingelezen: {len(errors)} rijen kloppen niet. Er is niets "
            "veranderd; het vorige extract blijft in gebruik.",
            errors,
        )
    if not records:
        raise ExtractRefused("Het extract bevat geen persoonslijsten.")
    return records
