"""Tabular signal files: CSV (as Dutch Excel and registration systems export it) and XLSX.

Both are reduced to ``(row_number, {canonical field: cell})`` and handed to ``rows.collect``.
Row numbers are what a spreadsheet shows: the header is row 1 (blank rows still count, a quoted
cell spanning several lines is one row).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import openpyxl

from fieldapp.errors import ImportRefused
from fieldapp.intake.columns import DATE_FIELDS, map_headers, recognised_count
from fieldapp.intake.normalise import excel_serial_to_date
from fieldapp.intake.report import Rejection
from fieldapp.intake.rows import Cell, RowInput

Converter = Callable[[str, Any], Cell]

MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_ENTRIES = 10_000
MACRO_SUFFIXES = frozenset({".xlsm", ".xltm", ".xlam", ".xlsb"})

_NUL_REASON = "bevat een NUL-teken (beschadigd bestand?)"
_SURPLUS_REASON = (
    "rij heeft meer gevulde kolommen dan de kopregel (komma in een bedrag zonder aanhalingstekens?)"
)

# --- CSV ------------------------------------------------------------------------------------


def _looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / len(sample[0::2])
    odd_zero = sample[1::2].count(0) / len(sample[1::2])
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Bytes -> text: UTF-16 (BOM), UTF-8 with or without BOM, else cp1252 (old Excel)."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        utf16 = _looks_utf16_without_bom(data)
        if utf16 is not None:
            return data.decode(utf16)
    except UnicodeDecodeError:
        raise ImportRefused(
            "De tekens in het bestand zijn onleesbaar (ongeldige codering)."
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ImportRefused(
            "De tekens in het bestand zijn onleesbaar: sla het op als CSV UTF-8."
        ) from None


def _first_record(sample: str, delimiter: str) -> list[str]:
    try:
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if any(cell.strip() for cell in record):
                return record
    except csv.Error:
        return []
    return []


def detect_delimiter(text: str) -> str:
    """``;`` (Dutch Excel) or ``,``.

    The delimiter that yields more known column names wins; on a tie csv.Sniffer (restricted to
    those two) decides, and failing that the count in the header line.
    """
    sample = text[:65536]
    scores = {d: recognised_count(_first_record(sample, d)) for d in ";,"}
    if scores[";"] != scores[","]:
        return max(scores, key=lambda d: scores[d])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,").delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        return "," if header.count(",") > header.count(";") else ";"


def _tabular_rows(
    records: Iterator[Sequence[Any]], *, convert: Converter | None = None
) -> Iterator[RowInput]:
    """Shared by CSV and XLSX: find the header, map it, yield one item per non-blank row."""
    colmap: dict[int, str] | None = None
    header_names: list[str] = []
    for number, record in enumerate(records, start=1):
        if not any(_filled(cell) for cell in record):
            continue
        if colmap is None:
            header_names = ["" if c is None else str(c) for c in record]
            colmap = map_headers(header_names)
            continue
        yield _row_input(number, record, colmap, header_names, convert)
    if colmap is None:
        raise ImportRefused("Het bestand is leeg.")


def _filled(cell: object) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _row_input(
    number: int,
    record: Sequence[Any],
    colmap: dict[int, str],
    header_names: list[str],
    convert: Converter | None,
) -> RowInput:
    values: dict[str, Cell] = {}
    for index, cell in enumerate(record):
        field = colmap.get(index)
        if isinstance(cell, str) and "\x00" in cell:
            name = field or (header_names[index] if index < len(header_names) else "") or "rij"
            return Rejection(number, name, _NUL_REASON)
        if index >= len(header_names):
            if _filled(cell):
                return Rejection(number, "rij", _SURPLUS_REASON)
            continue
        if field is not None:
            values[field] = convert(field, cell) if convert is not None else cell
    return number, values


def _check_quotes_closed(text: str, delimiter: str) -> None:
    """Refuse a file whose quote is never closed: the lenient reader would silently swallow
    every later row into one cell. Quotes pair up in a sound file, so only an odd count needs
    the (slower) strict parse to tell it apart from a harmless stray quote like ``12" hs``.
    """
    if text.count('"') % 2 == 0:
        return
    strict = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for _ in strict:
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise ImportRefused(
                "Het CSV-bestand heeft een aanhalingsteken dat nergens wordt afgesloten; "
                "de rijen daarna zijn niet te scheiden."
            ) from None


def csv_rows(text: str) -> Iterator[RowInput]:
    """Rows of a decoded CSV text (delimiter detected).

    An Excel ``sep=;`` first line sets the delimiter and is not a row (Excel hides it too).
    """
    first_line, _, rest = text.partition("\n")
    hint = first_line.strip().lower()
    if hint in ("sep=;", "sep=,"):
        text, delimiter = rest, hint[-1]
    else:
        delimiter = detect_delimiter(text)
    _check_quotes_closed(text, delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def records() -> Iterator[list[str]]:
        try:
            yield from reader
        except csv.Error:
            raise ImportRefused(
                f"Het CSV-bestand is beschadigd rond regel {reader.line_num} "
                "(bijv. een veld dat te groot is)."
            ) from None

    return _tabular_rows(records())


# --- XLSX -----------------------------------------------------------------------------------


def check_xlsx_container(data: bytes, suffix: str) -> None:
    """Refuse macro workbooks, zip bombs and zips that are not Excel workbooks.

    Runs before openpyxl opens anything: the declared uncompressed sizes bound what zipfile
    will inflate (it stops at the declared size), so their sum is a sound bomb guard.
    """
    macro = ImportRefused(
        "Excel-bestanden met macro's (.xlsm) worden niet geopend: sla het op als .xlsx."
    )
    if suffix.lower() in MACRO_SUFFIXES:
        raise macro
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_XLSX_ENTRIES:
                raise ImportRefused("Het Excel-bestand heeft onwaarschijnlijk veel onderdelen.")
            if sum(info.file_size for info in infos) > MAX_XLSX_UNCOMPRESSED:
                raise ImportRefused(
                    "Het Excel-bestand is uitgepakt groter dan 200 MB en wordt niet geopend."
                )
            names = {info.filename.lower() for info in infos}
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                raise ImportRefused("OpenDocument-bestanden (.ods): sla het op als .xlsx of CSV.")
            if any(name.endswith("vbaproject.bin") for name in names):
                raise macro
            if "[content_types].xml" not in names:
                raise ImportRefused("Dit zip-bestand is geen Excel-werkmap (.xlsx).")
            types = archive.read("[Content_Types].xml").lower()
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused("Het Excel-bestand is beschadigd en kan niet worden gelezen.") from None
    if b"macroenabled" in types:
        raise macro
    if b"spreadsheetml" not in types:
        raise ImportRefused("Dit zip-bestand is geen Excel-werkmap (.xlsx).")


def _xlsx_converter(is_1904: bool) -> Converter:
    def convert(field: str, cell: Any) -> Cell:
        if isinstance(cell, bool) or cell is None or isinstance(cell, str | date):
            return cell
        if isinstance(cell, int | float):
            return _serial_date(cell, is_1904) if field in DATE_FIELDS else cell
        # time-of-day, durations, anything else: as text, so the row builder judges it
        return str(cell)

    return convert


def _serial_date(serial: float, is_1904: bool) -> Cell:
    """A number in a date column: an Excel serial. Left as a number (-> rejected) if impossible."""
    try:
        if is_1904:
            return excel_serial_to_date(serial + 1462)
        return excel_serial_to_date(serial)
    except ValueError:
        return serial


def xlsx_rows(data: bytes, suffix: str) -> list[RowInput]:
    """Rows of the first worksheet that has a usable header."""
    check_xlsx_container(data, suffix)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise ImportRefused("Het Excel-bestand is beschadigd en kan niet worden gelezen.") from None
    try:
        is_1904 = isinstance(workbook.epoch, datetime) and workbook.epoch.year == 1904
        convert = _xlsx_converter(is_1904)
        first_refusal: ImportRefused | None = None
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # exports often carry a wrong <dimension>
            try:
                return list(_tabular_rows(sheet.iter_rows(values_only=True), convert=convert))
            except ImportRefused as refusal:
                first_refusal = first_refusal or refusal
        raise first_refusal or ImportRefused("Het Excel-bestand heeft geen werkblad.")
    except ImportRefused:
        raise
    except Exception:
        raise ImportRefused("Het Excel-bestand is beschadigd en kan niet worden gelezen.") from None
    finally:
        workbook.close()
