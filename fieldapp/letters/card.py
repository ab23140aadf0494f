"""Painting one niet-thuis-kaartje side into a cell (front: discreet; back: the message).

The front carries only the ``voorkant`` section and a calm drawing of a house: no name of the
municipality or team, nothing about money. The back carries the message, the worker's first
name, direct number and WhatsApp, and a QR code.
"""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain.letters import Audience
from fieldapp.letters.filled import FilledText
from fieldapp.letters.fonts import BOLD, REGULAR
from fieldapp.letters.geometry import BLEED, SAFE_MARGIN, Cell
from fieldapp.letters.qr import draw_qr
from fieldapp.letters.textflow import Column, Style, measure

TEAL = HexColor("#2F6F73")
SOFT = HexColor("#E3EFEC")
SUN = HexColor("#F2C14E")
ROOF = HexColor("#C8745A")
INK = HexColor("#222222")

QR_SIZE = 25 * mm
_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)


class CardOverflow(ValueError):
    """The text does not fit on the card even at the smallest type size (names the text only)."""


def draw_front(canvas: Canvas, cell: Cell, text: FilledText, *, full_bleed: bool = False) -> None:
    """Friendly and discreet. ``full_bleed`` paints the tint 3 mm past the cell (print shop)."""
    canvas.saveState()
    canvas.setFillColor(SOFT)
    if full_bleed:
        canvas.rect(
            cell.x - BLEED,
            cell.y - BLEED,
            cell.width + 2 * BLEED,
            cell.height + 2 * BLEED,
            stroke=0,
            fill=1,
        )
    else:
        inset = 5 * mm
        canvas.roundRect(
            cell.x + inset,
            cell.y + inset,
            cell.width - 2 * inset,
            cell.height - 2 * inset,
            6 * mm,
            stroke=0,
            fill=1,
        )
    _draw_house(canvas, cell.x + cell.width / 2, cell.y + cell.height * 0.56)
    column = Column(
        canvas,
        cell.x + SAFE_MARGIN + 2 * mm,
        cell.x + cell.width - SAFE_MARGIN - 2 * mm,
        cell.y + cell.height * 0.42,
        rtl=text.rtl,
    )
    canvas.setFillColor(TEAL)
    lines = [line for line in text.lines("voorkant")]
    for index, line in enumerate(lines):
        if not line:
            column.gap(4 * mm)
            continue
        style = Style(BOLD, 22, 27) if index == 0 else Style(REGULAR, 12.5, 16)
        column.paragraph(line, style, centred=True)
    canvas.restoreState()


def _draw_house(canvas: Canvas, cx: float, base: float) -> None:
    """A simple line drawing: house with a door and a window, a sun, a strip of grass."""
    w, h = 36 * mm, 24 * mm
    left = cx - w / 2
    canvas.setLineWidth(1.6)
    canvas.setLineJoin(1)
    canvas.setLineCap(1)
    canvas.setStrokeColor(TEAL)
    # grass
    canvas.line(cx - 30 * mm, base, cx + 30 * mm, base)
    # walls
    canvas.setFillColor(white)
    canvas.rect(left, base, w, h, stroke=1, fill=1)
    # roof
    roof = canvas.beginPath()
    roof.moveTo(left - 4 * mm, base + h)
    roof.lineTo(cx, base + h + 17 * mm)
    roof.lineTo(left + w + 4 * mm, base + h)
    roof.close()
    canvas.setFillColor(ROOF)
    canvas.drawPath(roof, stroke=1, fill=1)
    # door, with a knob
    canvas.setFillColor(SOFT)
    canvas.roundRect(cx - 5 * mm, base, 10 * mm, 15 * mm, 1.5 * mm, stroke=1, fill=1)
    canvas.setFillColor(TEAL)
    canvas.circle(cx + 2.8 * mm, base + 7.5 * mm, 0.7 * mm, stroke=0, fill=1)
    # window
    canvas.setFillColor(SUN)
    canvas.rect(left + 3.5 * mm, base + 9 * mm, 7 * mm, 7 * mm, stroke=1, fill=1)
    canvas.rect(left + w - 10.5 * mm, base + 9 * mm, 7 * mm, 7 * mm, stroke=1, fill=1)
    # sun
    canvas.setFillColor(SUN)
    canvas.setStrokeColor(SUN)
    canvas.circle(cx + 27 * mm, base + h + 15 * mm, 5 * mm, stroke=0, fill=1)


def _base_size(audience: Audience) -> tuple[float, ...]:
    # Older readers get larger type first; the fitting loop shrinks only when it must.
    return (12.0, 11.5, *_SIZES) if audience is Audience.OUDEREN else _SIZES


def draw_back(canvas: Canvas, cell: Cell, text: FilledText) -> None:
    """The message, fitted to the cell: the largest type size at which everything fits."""
    left = cell.x + SAFE_MARGIN
    right = cell.x + cell.width - SAFE_MARGIN
    top = cell.y + cell.height - SAFE_MARGIN
    bottom = cell.y + SAFE_MARGIN
    width = right - left
    has_qr = bool(text.qr_target)
    contact_width = width - (QR_SIZE + 3 * mm if has_qr else 0)

    for size in _base_size(text.audience):
        styles = _styles(size)
        contact = [(line, styles["contact"]) for line in text.lines("contact") if line]
        block = max(QR_SIZE if has_qr else 0.0, measure(contact, contact_width, text.rtl))
        body = _body(text, styles)
        need = measure([(t, s) for t, s in body if t], width, text.rtl)
        need += sum(s.leading * 0.5 for t, s in body if not t)
        if need <= top - bottom - block - 6 * mm:
            break
    else:
        raise CardOverflow(
            f"text {text.kind}/{text.language}/{text.audience} does not fit the card"
        )

    canvas.saveState()
    canvas.setFillColor(INK)
    column = Column(canvas, left, right, top - styles["kop"].size, rtl=text.rtl)
    for line, style in body:
        if not line:
            column.gap(style.leading * 0.5)
            continue
        canvas.setFillColor(TEAL if style is styles["kop"] else INK)
        column.paragraph(line, style)

    # contact block along the bottom, QR on the outer side (right for LTR, left for RTL)
    block_top = bottom + block
    canvas.setStrokeColor(TEAL)
    canvas.setLineWidth(0.6)
    canvas.line(left, block_top + 3 * mm, right, block_top + 3 * mm)
    if has_qr:
        qr_x = left if text.rtl else right - QR_SIZE
        draw_qr(canvas, text.qr_target, qr_x, bottom, QR_SIZE)
    if text.rtl:
        c_left, c_right = right - contact_width, right
    else:
        c_left, c_right = left, left + contact_width
    contact_column = Column(
        canvas, c_left, c_right, block_top - styles["contact"].size, rtl=text.rtl
    )
    canvas.setFillColor(INK)
    for index, line in enumerate(line for line in text.lines("contact") if line):
        style = styles["contact_first"] if index == 0 else styles["contact"]
        contact_column.paragraph(line, style)
    canvas.restoreState()


def _styles(size: float) -> dict[str, Style]:
    return {
        "kop": Style(BOLD, size + 3.5, (size + 3.5) * 1.25),
        "bezoek": Style(BOLD, size, size * 1.3),
        "tekst": Style(REGULAR, size, size * 1.3),
        "contact": Style(REGULAR, size + 0.5, (size + 0.5) * 1.35),
        "contact_first": Style(BOLD, size + 0.5, (size + 0.5) * 1.35),
    }


def _body(text: FilledText, styles: dict[str, Style]) -> list[tuple[str, Style]]:
    """The message in reading order; ``""`` entries are gaps."""
    out: list[tuple[str, Style]] = []
    for section, style in (
        ("kop", styles["kop"]),
        ("bezoek", styles["bezoek"]),
        ("tekst", styles["tekst"]),
        ("vervolg", styles["tekst"]),
    ):
        if out:
            out.append(("", styles["tekst"]))
        out.extend((line, style) for line in text.lines(section))
    return out


def draw_cut_marks(canvas: Canvas, page_width: float, page_height: float, color: Color) -> None:
    """Office 4-up: ticks on the cut lines at the sheet edges, inside the printable area
    (5-10 mm from the edge), plus a small cross at the centre."""
    cx, cy = page_width / 2, page_height / 2
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(0.4)
    canvas.line(cx, 5 * mm, cx, 10 * mm)
    canvas.line(cx, page_height - 10 * mm, cx, page_height - 5 * mm)
    canvas.line(5 * mm, cy, 10 * mm, cy)
    canvas.line(page_width - 10 * mm, cy, page_width - 5 * mm, cy)
    canvas.line(cx - 3 * mm, cy, cx + 3 * mm, cy)
    canvas.line(cx, cy - 3 * mm, cx, cy + 3 * mm)
    canvas.restoreState()


def draw_crop_marks(canvas: Canvas, x: float, y: float, w: float, h: float) -> None:
    """Print shop: corner crop marks outside the bleed, on the trim lines."""
    gap, length = BLEED + 1 * mm, 6 * mm
    canvas.saveState()
    canvas.setLineWidth(0.25)
    for px in (x, x + w):
        for py, sign in ((y, -1), (y + h, 1)):
            canvas.line(px, py + sign * gap, px, py + sign * (gap + length))
    for py in (y, y + h):
        for px, sign in ((x, -1), (x + w, 1)):
            canvas.line(px + sign * gap, py, px + sign * (gap + length), py)
    canvas.restoreState()
