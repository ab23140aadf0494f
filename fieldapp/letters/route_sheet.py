"""The route sheet as a PDF (A4, in memory): one table row per visit, in route order.

Only what the worker needs at the door: order, time window, address, names, what to bring.
By design it carries no amounts, no partner names and no words about money trouble; the test
extracts the text and checks that (tests/core/test_route_sheet.py).
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain.letters import Language
from fieldapp.domain.route_sheet import RouteSheet, RouteStop
from fieldapp.letters.fonts import BOLD, REGULAR, ensure_fonts
from fieldapp.letters.locale import format_date

MODE_NL = {"walk": "lopend", "bike": "fiets", "car": "auto"}
_COLUMNS = ((12 * mm, "Nr."), (20 * mm, "Tijd"), (70 * mm, "Adres"), (55 * mm, "Namen"))
_ROW_MIN = 11 * mm
_MARGIN = 16 * mm
_GREY = HexColor("#5b6770")


def render_route_sheet(sheet: RouteSheet) -> bytes:
    ensure_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    canvas.setTitle("Veldwerk route")
    canvas.setAuthor("")
    canvas.setCreator("Veldwerk")
    width, height = A4
    y = _header(canvas, sheet, width, height)
    for stop in sheet.stops:
        needed = _ROW_MIN + (4 * mm if stop.note else 0)
        if y - needed < _MARGIN + 14 * mm:
            _footer(canvas, width)
            canvas.showPage()
            y = _header(canvas, sheet, width, height, continued=True)
        y = _row(canvas, stop, y)
    if not sheet.stops:
        canvas.setFont(REGULAR, 11)
        canvas.drawString(_MARGIN, y - 8 * mm, "Geen bezoeken in deze dienst.")
    _footer(canvas, width)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _header(
    canvas: Canvas, sheet: RouteSheet, width: float, height: float, continued: bool = False
) -> float:
    y = height - _MARGIN
    canvas.setFont(BOLD, 16)
    day = format_date(sheet.day, Language.NL)
    title = f"Route {day}, {sheet.dagdeel.lower()} {sheet.start}-{sheet.end}"
    canvas.drawString(_MARGIN, y, title + (" (vervolg)" if continued else ""))
    y -= 7 * mm
    canvas.setFont(REGULAR, 10.5)
    canvas.setFillColor(_GREY)
    canvas.drawString(
        _MARGIN,
        y,
        f"{sheet.worker} · {MODE_NL.get(sheet.mode, sheet.mode)} · {len(sheet.stops)} bezoeken",
    )
    y -= 5.5 * mm
    canvas.drawString(
        _MARGIN,
        y,
        f"Meenemen: {sheet.cards_needed} niet-thuis-kaartjes (één per adres) en de brieven "
        "die voor deze dienst zijn geprint.",
    )
    canvas.setFillColor(HexColor("#000000"))
    y -= 9 * mm
    x = _MARGIN
    canvas.setFont(BOLD, 10)
    for col_width, label in _COLUMNS:
        canvas.drawString(x, y, label)
        x += col_width
    canvas.drawString(x, y, "Meenemen")
    y -= 2.5 * mm
    canvas.setStrokeColor(_GREY)
    canvas.line(_MARGIN, y, width - _MARGIN, y)
    return float(y - 5 * mm)


def _row(canvas: Canvas, stop: RouteStop, y: float) -> float:
    x = _MARGIN
    canvas.setFont(BOLD, 11)
    canvas.drawString(x, y, str(stop.seq))
    x += _COLUMNS[0][0]
    canvas.setFont(REGULAR, 10.5)
    window = f"{stop.arrive}-{stop.until}" if stop.arrive and stop.until else stop.arrive
    canvas.drawString(x, y, window or "—")
    x += _COLUMNS[1][0]
    street, _, place = stop.address.partition(", ")
    canvas.drawString(x, y, _fit(canvas, street, _COLUMNS[2][0] - 2 * mm, 10.5))
    if place:
        canvas.setFillColor(_GREY)
        canvas.drawString(x, y - 4.5 * mm, _fit(canvas, place, _COLUMNS[2][0] - 2 * mm, 10.5))
        canvas.setFillColor(HexColor("#000000"))
    x += _COLUMNS[2][0]
    for n, name in enumerate(stop.names[:2]):
        canvas.drawString(x, y - n * 4.5 * mm, _fit(canvas, name, _COLUMNS[3][0] - 2 * mm, 10.5))
    x += _COLUMNS[3][0]
    canvas.drawString(x, y, ", ".join(stop.bring))
    y -= _ROW_MIN
    if stop.note:
        canvas.setFont(BOLD, 10)
        canvas.drawString(_MARGIN + _COLUMNS[0][0], y + 2 * mm, f"Let op: {stop.note}")
        y -= 4 * mm
    canvas.setStrokeColor(HexColor("#d5dde3"))
    canvas.line(_MARGIN, y + 4 * mm, A4[0] - _MARGIN, y + 4 * mm)
    return y


def _fit(canvas: Canvas, text: str, width: float, size: float) -> str:
    if canvas.stringWidth(text, REGULAR, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text + "…"


def _footer(canvas: Canvas, width: float) -> None:
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(_GREY)
    canvas.drawString(
        _MARGIN,
        _MARGIN - 4 * mm,
        "Vertrouwelijk. Bewaar dit blad bij u en vernietig het na de route.",
    )
    canvas.setFillColor(HexColor("#000000"))
