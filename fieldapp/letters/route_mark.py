"""A small route number on the back of a card, so the worker matches card and door.

"3" in grey in the top margin band, on the outer side (right; left for right-to-left texts):
it tells a neighbour nothing, and the worker sorting a stack at the door sees "the third
stop". Drawn inside the card (within ``SAFE_MARGIN``), so cutting never takes it off.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from fieldapp.letters.fonts import REGULAR
from fieldapp.letters.geometry import SAFE_MARGIN, Cell

MARK_SIZE = 7.0
MARK_GREY = 0.45


def draw_route_mark(canvas: Canvas, cell: Cell, mark: str, *, rtl: bool = False) -> None:
    if not mark:
        return
    canvas.saveState()
    canvas.setFont(REGULAR, MARK_SIZE)
    canvas.setFillGray(MARK_GREY)
    y = cell.y + cell.height - SAFE_MARGIN * 0.7
    if rtl:
        canvas.drawString(cell.x + SAFE_MARGIN, y, mark)
    else:
        canvas.drawRightString(cell.x + cell.width - SAFE_MARGIN, y, mark)
    canvas.restoreState()
