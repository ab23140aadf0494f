"""XLSX intake: workbooks generated with openpyxl into tmp_path, plus hostile zips."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN, FLAG_FORMULA_TEXT
from fieldapp.errors import ImportRefused
from fieldapp.intake.reader import read_file
from fieldapp.intake.report import ParsedFile

TODAY = date(2025, 6, 1)
HEADER = [
    "Signaal ID",
    "Partner",
    "Bedrag",
    "Signaaldatum",
    "Ontstaansdatum",
    "BSN",
    "Achternaam",
    "Postcode",
    "Huisnummer",
    "Telefoon",
    "Crisissignaal",
]


def workbook(
    tmp_path: Path, rows: list[list[Any]], *, name: str = "s.xlsx", header: list[str] | None = None
) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header or HEADER)
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula, as a user typed '=...
    path = tmp_path / name
    wb.save(path)
    return path


def read(path: Path) -> ParsedFile:
    return read_file(path, today=TODAY)


def rewrite_zip(source: Path, target: Path, changes: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, changes.pop(info.filename, src.read(info.filename)))
        for name, data in changes.items():
            dst.writestr(name, data)
    return target


def test_typed_cells_are_read(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            [
                "X-1",
                "Energieleverancier",
                1234.56,
                datetime(2025, 3, 5, 14, 30),
                date(2025, 1, 2),
                None,
                "Jansen",
                "1234 ab",
                10,
                612345678,
                True,
            ],
            [
                "X-2",
                "waterbedrijf",
                450,
                45123,
                "01-02-2023",
                12345672,
                "Bos",
                None,
                None,
                None,
                "ja",
            ],
        ],
    )
    parsed = read(path)
    assert parsed.format == "xlsx" and parsed.rejected == [] and parsed.rows == 2
    one, two = parsed.signals
    assert one.partner is Signaalpartner.ENERGIE and one.bedrag_cents == 123456
    assert one.signaaldatum == date(2025, 3, 5) and one.ontstaansdatum == date(2025, 1, 2)
    assert one.address is not None and one.address.key == "1234AB|10|"
    assert one.person.telefoon == "+31612345678"  # a number cell lost the leading 0
    assert one.crisissignaal is True and one.source_row == 2
    # Excel serial in a date column; BSN cell that lost its leading zero
    assert two.signaaldatum == date(2023, 7, 16)
    assert two.person.bsn == "012345672" and two.address is None
    assert two.flags == (FLAG_ADDRESS_UNKNOWN,) and two.bedrag_cents == 45000


def test_bad_cells_reject_rows_with_spreadsheet_row_numbers(tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["R-1", "Huur", 12.345, None, None, None, "A", "1234AB", 1, None, None],
            [],
            ["R-2", "Huur", 10, datetime(2030, 1, 1), None, None, "B", "1234AB", 2, None, None],
            ["R-3", "Huur", 0, None, None, None, "C", "1234AB", 3, None, None],
            ["R-4", "Huur", 10, 1.5, None, None, "D", "1234AB", 4, None, None],
            ["R-5", "Huur", 10, None, None, None, "=1+1", "1234AB", 5, None, None],
        ],
    )
    parsed = read(path)
    assert [(r.row, r.field) for r in parsed.rejected] == [
        (2, "bedrag"),
        (4, "signaaldatum"),
        (5, "bedrag"),
        (6, "signaaldatum"),
    ]
    (signal,) = parsed.signals
    assert signal.source_row == 7 and FLAG_FORMULA_TEXT in signal.flags
    assert signal.person.achternaam == "=1+1"


def test_header_only_workbook_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="geen signalen"):
        read(workbook(tmp_path, []))


def test_workbook_without_known_headers_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="Onbekend bestandsformaat"):
        read(workbook(tmp_path, [["a", "b"]], header=["kolom1", "kolom2"]))


def test_xlsm_suffix_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path, [["X", "Huur", 1, None, None, None, "A", "1234AB", 1, None, None]], name="s.xlsm"
    )
    with pytest.raises(ImportRefused, match="macro"):
        read(path)


def test_macro_content_type_in_xlsx_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path, [["X", "Huur", 1, None, None, None, "A", "1234AB", 1, None, None]])
    with zipfile.ZipFile(source) as z:
        types = z.read("[Content_Types].xml").replace(
            b"sheet.main+xml", b"sheet.macroEnabled.main+xml"
        )
    target = rewrite_zip(source, tmp_path / "hidden.xlsx", {"[Content_Types].xml": types})
    with pytest.raises(ImportRefused, match="macro"):
        read(target)


def test_vba_project_in_xlsx_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path, [["X", "Huur", 1, None, None, None, "A", "1234AB", 1, None, None]])
    target = rewrite_zip(source, tmp_path / "vba.xlsx", {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    with pytest.raises(ImportRefused, match="macro"):
        read(target)


def test_corrupt_and_truncated_xlsx_are_refused(tmp_path: Path) -> None:
    garbage = tmp_path / "kapot.xlsx"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    with pytest.raises(ImportRefused, match="beschadigd"):
        read(garbage)
    good = workbook(tmp_path, [["X", "Huur", 1, None, None, None, "A", "1234AB", 1, None, None]])
    truncated = tmp_path / "half.xlsx"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ImportRefused, match="beschadigd"):
        read(truncated)


def test_broken_sheet_xml_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path, [["X", "Huur", 1, None, None, None, "A", "1234AB", 1, None, None]])
    target = rewrite_zip(
        source, tmp_path / "xml.xlsx", {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"}
    )
    with pytest.raises(ImportRefused, match="beschadigd"):
        read(target)


def test_xxe_entity_in_sheet_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIM-MARKER")
    source = workbook(tmp_path, [["X", "Huur", 1, None, None, None, "A", "1234AB", 1, None, None]])
    with zipfile.ZipFile(source) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    assert b"<v>1</v>" in sheet
    evil = (
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file://'
        + str(secret).encode()
        + b'">]>'
        + sheet.replace(b"<v>1</v>", b"<v>&e;</v>", 1)
    )
    target = rewrite_zip(source, tmp_path / "xxe.xlsx", {"xl/worksheets/sheet1.xml": evil})
    with pytest.raises(ImportRefused):
        read(target)


def test_zip_bomb_is_refused_before_opening(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as handle:
            chunk = b"\x00" * (1 << 20)
            for _ in range(201):
                handle.write(chunk)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ImportRefused, match="200 MB"):
        read(path)


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", b"<Types>wordprocessingml</Types>")
    path = tmp_path / "brief.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ImportRefused, match="geen Excel-werkmap"):
        read(path)


def test_old_xls_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(ImportRefused, match=r"\.xls"):
        read(path)


def test_second_sheet_is_used_when_first_has_no_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["Toelichting bij deze lijst"])
    ws = wb.create_sheet("Signalen")
    ws.append(["signaal_id", "signaalpartner", "postcode", "huisnummer"])
    ws.append(["S-1", "DUO", "1234AB", "7b"])
    path = tmp_path / "twee.xlsx"
    wb.save(path)
    (signal,) = read(path).signals
    assert signal.partner is Signaalpartner.DUO
    assert signal.address is not None and signal.address.toevoeging == "B"
