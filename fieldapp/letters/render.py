"""Public rendering API: texts + data in, PDF bytes out (built in a BytesIO, never a temp file).

Saving is the caller's job: the CLI writes only to ``--out``; the UI asks where and warns that
the file holds personal data.

Typical use (see ``fieldapp.services.print_pdf`` for the use-case level)::

    text = prepare_text(LetterKind.NIET_THUIS_KAARTJE, Language.NL, Audience.STANDAARD,
                        sender=sender, person=None, visit_date=day, dagdeel=Dagdeel.MIDDAG,
                        print_date=today)
    pdf = render_cards([text], CardLayout.A4_4UP)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Audience, Language, LetterKind, Sender
from fieldapp.domain.people import Person
from fieldapp.letters.card import draw_back, draw_crop_marks, draw_cut_marks, draw_front
from fieldapp.letters.fields import field_values
from fieldapp.letters.filled import FilledText, fill_text
from fieldapp.letters.fonts import REGULAR, ensure_fonts
from fieldapp.letters.geometry import (
    A4_HEIGHT,
    A4_WIDTH,
    BLEED,
    CARD_HEIGHT,
    CARD_WIDTH,
    CROP_BORDER,
    CardLayout,
    Cell,
    WindowPosition,
    four_up_back_cells,
    four_up_cells,
)
from fieldapp.letters.letter import draw_calibration, draw_letter
from fieldapp.letters.route_mark import draw_route_mark
from fieldapp.letters.templates import load_text

CUT_MARK_GREY = HexColor("#888888")


def prepare_text(
    kind: LetterKind,
    language: Language,
    audience: Audience,
    *,
    sender: Sender | None,
    person: Person | None,
    visit_date: date | None,
    dagdeel: Dagdeel | None,
    print_date: date,
    root: Path | None = None,
) -> FilledText:
    """Load the shipped text and fill its fields. Missing data -> fallback or handwriting line."""
    text = load_text(kind, language, audience, root)
    values = field_values(
        language=language,
        sender=sender,
        person=person,
        visit_date=visit_date,
        dagdeel=dagdeel,
        print_date=print_date,
        audience=audience,
    )
    return fill_text(text, kind, language, audience, values, sender.qr_target if sender else "")


def _canvas(buffer: BytesIO, pagesize: tuple[float, float]) -> Canvas:
    ensure_fonts()
    # initialFontName: otherwise ReportLab references (unembedded) Helvetica on every page.
    canvas = Canvas(
        buffer, pagesize=pagesize, pageCompression=1, invariant=1, initialFontName=REGULAR
    )
    # Metadata stays generic: a PDF's properties must not name the resident.
    canvas.setTitle("Veldwerk")
    canvas.setAuthor("")
    canvas.setCreator("Veldwerk")
    return canvas


def _mark(marks: Sequence[str], index: int) -> str:
    return marks[index] if index < len(marks) else ""


def render_cards(
    texts: Sequence[FilledText],
    layout: CardLayout = CardLayout.A4_4UP,
    *,
    marks: Sequence[str] = (),
) -> bytes:
    """All cards in one PDF. Fronts and backs alternate page by page (duplex).

    ``marks[i]`` (the stop's number in the route, or ``""``) goes small on the back of card i.

    - ``A4_4UP``: 4 cards per sheet, cut marks; the back page is mirrored left-right so each
      back lands behind its front on long-edge duplex.
    - ``A6``: one card side per A6 page.
    - ``DRUKKERIJ``: one side per page, A6 trim + 3 mm bleed + crop marks, TrimBox/BleedBox set.
    """
    buffer = BytesIO()
    if layout is CardLayout.A4_4UP:
        canvas = _canvas(buffer, A4)
        for start in range(0, len(texts), 4):
            chunk = texts[start : start + 4]
            for cell, text in zip(four_up_cells(), chunk, strict=False):
                draw_front(canvas, cell, text)
            draw_cut_marks(canvas, A4_WIDTH, A4_HEIGHT, CUT_MARK_GREY)
            canvas.showPage()
            for offset, (cell, text) in enumerate(zip(four_up_back_cells(), chunk, strict=False)):
                draw_back(canvas, cell, text)
                draw_route_mark(canvas, cell, _mark(marks, start + offset), rtl=text.rtl)
            draw_cut_marks(canvas, A4_WIDTH, A4_HEIGHT, CUT_MARK_GREY)
            canvas.showPage()
    elif layout is CardLayout.A6:
        canvas = _canvas(buffer, (CARD_WIDTH, CARD_HEIGHT))
        cell = Cell(0, 0, CARD_WIDTH, CARD_HEIGHT)
        for index, text in enumerate(texts):
            draw_front(canvas, cell, text)
            canvas.showPage()
            draw_back(canvas, cell, text)
            draw_route_mark(canvas, cell, _mark(marks, index), rtl=text.rtl)
            canvas.showPage()
    else:
        b = CROP_BORDER
        canvas = _canvas(buffer, (CARD_WIDTH + 2 * b, CARD_HEIGHT + 2 * b))
        canvas.setTrimBox([b, b, b + CARD_WIDTH, b + CARD_HEIGHT])
        canvas.setBleedBox([b - BLEED, b - BLEED, b + CARD_WIDTH + BLEED, b + CARD_HEIGHT + BLEED])
        cell = Cell(b, b, CARD_WIDTH, CARD_HEIGHT)
        for index, text in enumerate(texts):
            for draw_side in ("front", "back"):
                if draw_side == "front":
                    draw_front(canvas, cell, text, full_bleed=True)
                else:
                    draw_back(canvas, cell, text)
                    draw_route_mark(canvas, cell, _mark(marks, index), rtl=text.rtl)
                draw_crop_marks(canvas, b, b, CARD_WIDTH, CARD_HEIGHT)
                canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class LetterItem:
    """One letter: the filled text, who sends it, the address lines and the printed date."""

    text: FilledText
    sender: Sender
    recipient: tuple[str, ...]
    letter_date: str


def render_letters(items: Sequence[LetterItem], window: WindowPosition | None = None) -> bytes:
    """One A4 page per letter, address in the window position given (default: research values)."""
    buffer = BytesIO()
    canvas = _canvas(buffer, A4)
    for item in items:
        draw_letter(
            canvas,
            item.text,
            item.sender,
            item.recipient,
            window or WindowPosition(),
            letter_date=item.letter_date,
        )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_calibration(window: WindowPosition | None = None) -> bytes:
    """One A4 page that outlines the window, for adjusting ``WindowPosition`` offsets."""
    buffer = BytesIO()
    canvas = _canvas(buffer, A4)
    draw_calibration(canvas, window or WindowPosition())
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
