"""QR codes drawn as one vector path from segno's module matrix.

Why not ReportLab's ``QrCodeWidget``: it encodes twice and draws one rectangle object per
module (research: ~5x slower). Here dark modules of a row are merged into runs and all runs go
into a single filled path. The path is wrapped in marked content ``/VeldwerkQR BMC ... EMC``
so tests can find it in the PDF content stream and rebuild the matrix.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4
"""Modules of white border the QR standard asks for around the symbol."""

MARK = "VeldwerkQR"


@lru_cache(maxsize=256)
def qr_matrix(target: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix (no quiet zone), error correction M, never a Micro QR.

    Cached: a route prints the same worker's QR on every card.
    """
    code = segno.make(target, error="m", micro=False, boost_error=False)
    return tuple(tuple(bool(v) for v in row) for row in code.matrix_iter(scale=1, border=0))


def draw_qr(canvas: Canvas, target: str, x: float, y: float, size: float) -> None:
    """Draw the QR code for ``target`` in the square ``(x, y, size)``, quiet zone included.

    The square is painted white first so a tinted background cannot eat the quiet zone.
    """
    matrix = qr_matrix(target)
    modules = len(matrix) + 2 * QUIET_ZONE
    unit = size / modules
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    canvas.addLiteral(f"/{MARK} BMC")
    path = canvas.beginPath()
    top = y + size - QUIET_ZONE * unit
    for r, row in enumerate(matrix):
        row_y = top - (r + 1) * unit
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + (QUIET_ZONE + start) * unit, row_y, (c - start) * unit, unit)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.addLiteral("EMC")
    canvas.restoreState()
