"""Entry point: read one signal file of any supported kind into a ``ParsedFile``.

The format is decided by content, not by file name: a JSON object with ``leveringen`` or
``vroegsignalen`` is DDAS, a zip is an XLSX workbook, anything else is tried as CSV. Pure: no
database, no writes; the caller stores the result in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from fieldapp.errors import ImportRefused
from fieldapp.intake.csv_source import csv_rows, decode_text, xlsx_rows
from fieldapp.intake.ddas_source import ddas_rows, load_json
from fieldapp.intake.report import ParsedFile
from fieldapp.intake.rows import collect

MAX_FILE_BYTES = 50 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted .xlsx


def read_file(
    path: Path, *, today: date | None = None, on_rows: Callable[[int], None] | None = None
) -> ParsedFile:
    """Read, validate and normalise every signal in ``path``.

    Raises ImportRefused (Dutch message, never personal data) if the path is not a readable
    file, is larger than 50 MB, has an unknown format, or yields no valid signal (then the
    subclass ``NoValidRows`` carries the rejections). ``today`` bounds "date in the future"
    checks (default: the local date). ``on_rows(n)`` hears every few hundred rows read.
    """
    return read_bytes(
        _read_bytes(path), name=str(path), suffix=path.suffix, today=today, on_rows=on_rows
    )


def read_bytes(
    data: bytes,
    *,
    name: str,
    suffix: str = "",
    today: date | None = None,
    on_rows: Callable[[int], None] | None = None,
) -> ParsedFile:
    """Like ``read_file`` for content already in memory (an upload): no temp file needed.

    ``name`` is only echoed back in the report; ``suffix`` (".xlsm", ...) lets the XLSX
    reader refuse macro workbooks by name as well as by content.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused("Het bestand is groter dan 50 MB en wordt niet ingelezen.")
    day = today or date.today()
    digest = hashlib.sha256(data).hexdigest()
    head = data[:8]
    if head.startswith(_ZIP_MAGIC):
        rows = xlsx_rows(data, suffix)
        return collect(path=name, fmt="xlsx", sha256=digest, rows=rows, today=day, on_rows=on_rows)
    if head.startswith(_OLE2_MAGIC):
        raise ImportRefused(
            "Oud Excel-formaat (.xls) of een Excel-bestand met wachtwoord: "
            "sla het op als .xlsx of CSV zonder wachtwoord."
        )
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"["):
        document = load_json(data)
        return collect(
            path=name,
            fmt="ddas-json",
            sha256=digest,
            rows=ddas_rows(document),
            today=day,
            on_rows=on_rows,
        )
    if not data.strip():
        raise ImportRefused("Het bestand is leeg.")
    text = decode_text(data)
    if not text.strip(" \t\r\n\ufeff"):
        raise ImportRefused("Het bestand is leeg.")
    return collect(
        path=name, fmt="csv", sha256=digest, rows=csv_rows(text), today=day, on_rows=on_rows
    )


def _read_bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise ImportRefused("Dit is geen bestand (bestaat niet of is een map).")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportRefused("Het bestand is groter dan 50 MB en wordt niet ingelezen.")
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise ImportRefused("Het bestand kan niet worden geopend (geen leesrechten?).") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportRefused("Het bestand is groter dan 50 MB en wordt niet ingelezen.")
    return data
