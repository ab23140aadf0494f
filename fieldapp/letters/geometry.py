"""Page geometry: A6 cards (single, 4-up on A4, print shop) and the A4 window-envelope letter.

All public numbers are millimetres; ReportLab works in points (``mm`` converts). Origins are
ReportLab's: bottom-left of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

A4_WIDTH, A4_HEIGHT = A4
CARD_WIDTH = 105 * mm
CARD_HEIGHT = 148 * mm
"""ISO A6 (105 x 148 mm) for single cards and the print shop."""

CELL_HEIGHT = A4_HEIGHT / 2
"""A 4-up cell is a quarter of A4: 105 x 148.5 mm (the 0.5 mm is trimmed by the cut)."""

SAFE_MARGIN = 8 * mm
"""Nothing important closer than this to a card's cut edge (cutting tolerance)."""

BLEED = 3 * mm
CROP_BORDER = 12 * mm
"""Print shop: background runs 3 mm past the trim; crop marks sit in a 12 mm border."""


class CardLayout(StrEnum):
    """How cards go on paper."""

    A4_4UP = "a4"
    """Office printer: four cards per A4 with cut marks; fronts and backs on alternate pages."""
    A6 = "a6"
    """One card per A6 page (card printers, PDF preview): front, back, front, back ..."""
    DRUKKERIJ = "drukkerij"
    """Print shop: one A6 per page with 3 mm bleed, crop marks and TrimBox/BleedBox."""


@dataclass(frozen=True, slots=True)
class Cell:
    """Where one card side goes on a page (points)."""

    x: float
    y: float
    width: float
    height: float


def four_up_cells() -> tuple[Cell, Cell, Cell, Cell]:
    """Front-page cells in card order: top-left, top-right, bottom-left, bottom-right."""
    w, h = A4_WIDTH / 2, CELL_HEIGHT
    return (Cell(0, h, w, h), Cell(w, h, w, h), Cell(0, 0, w, h), Cell(w, 0, w, h))


def four_up_back_cells() -> tuple[Cell, Cell, Cell, Cell]:
    """Back-page cells in the same card order, mirrored left-right.

    Long-edge duplex of a portrait sheet turns it over its vertical axis: the back of the
    top-left card ends up top-right.
    """
    tl, tr, bl, br = four_up_cells()
    return (tr, tl, br, bl)


@dataclass(frozen=True, slots=True)
class WindowPosition:
    """Where the address goes for the municipality's window envelopes (millimetres).

    Defaults from the research: x = 33 mm, return line 53.5 mm from the top, address lines
    from 59 mm at a 4.6 mm pitch, at most 72 mm wide; that is the overlap of the NTG
    ``brief.cls`` (NEN 1026) field and DIN 5008 form B. ``window_*`` is the outline the
    calibration print draws (NTG address field). ``offset_x_mm``/``offset_y_mm`` shift all of
    it (positive = right/down) after an office held a calibration print in its envelopes.
    """

    x_mm: float = 33.0
    return_line_top_mm: float = 53.5
    first_line_top_mm: float = 59.0
    line_pitch_mm: float = 4.6
    max_width_mm: float = 72.0
    window_left_mm: float = 31.0
    window_top_mm: float = 49.0
    window_width_mm: float = 76.0
    window_height_mm: float = 33.0
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0

    def x(self) -> float:
        return float((self.x_mm + self.offset_x_mm) * mm)

    def baseline(self, top_mm: float) -> float:
        """ReportLab y of a baseline ``top_mm`` below the top edge, offset applied."""
        return float(A4_HEIGHT - (top_mm + self.offset_y_mm) * mm)

    def window_rect(self) -> tuple[float, float, float, float]:
        """``(x, y, width, height)`` of the window outline in points."""
        left = (self.window_left_mm + self.offset_x_mm) * mm
        top = (self.window_top_mm + self.offset_y_mm) * mm
        height = self.window_height_mm * mm
        return (left, A4_HEIGHT - top - height, self.window_width_mm * mm, height)


FOLD_MARKS_MM = (99.0, 198.0)
"""Tri-fold marks for EA5/6, C5/6 and DL envelopes (measured from the top)."""
