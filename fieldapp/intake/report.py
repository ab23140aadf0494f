"""What reading one file produced: accepted signals, rejected rows, duplicates.

The intake layer is pure: a ``ParsedFile`` is handed to the service, which writes it in one
transaction (or not at all).
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.signals import IncomingSignal
from fieldapp.errors import ImportRefused


@dataclass(frozen=True, slots=True)
class Rejection:
    """One row that was not imported.

    ``row`` is the row number a spreadsheet shows (header = 1, first data row = 2; a quoted
    multi-line cell is still one row); for DDAS JSON the 1-based index of the signal in the
    file. ``field`` is the canonical Dutch column name (``postcode``, ``bedrag``, ...);
    ``reason`` is Dutch and never repeats the rejected value.
    """

    row: int
    field: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """The outcome of reading one file.

    Invariant: ``rows == len(signals) + len(rejected) + duplicates_in_file`` (one rejection per
    bad row: its first problem).
    """

    path: str
    format: str  # "ddas-json" | "csv" | "xlsx"
    rows: int
    signals: list[IncomingSignal]
    rejected: list[Rejection]
    duplicates_in_file: int
    sha256: str


class NoValidRows(ImportRefused):
    """Every data row was rejected. ``rejected`` lists why, so the team lead can fix the file."""

    def __init__(self, message: str, rejected: list[Rejection]) -> None:
        super().__init__(message)
        self.rejected = rejected
