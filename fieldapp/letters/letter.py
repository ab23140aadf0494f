"""Painting one A4 letter for a Dutch window envelope, and the calibration print.

What shows through the window is the return line (municipality name and Postbus only) and the
recipient's address. ``check_discreet`` refuses a return line that says anything about money
or debts, because a neighbour or housemate can read it on the doormat.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain.letters import Audience, Language, Sender
from fieldapp.domain.people import Address, Person
from fieldapp.letters.filled import FilledText
from fieldapp.letters.fonts import BOLD, REGULAR
from fieldapp.letters.geometry import A4_HEIGHT, A4_WIDTH, FOLD_MARKS_MM, WindowPosition
from fieldapp.letters.lint_words import outside_hits
from fieldapp.letters.qr import draw_qr
from fieldapp.letters.textflow import Column, Style, layout, measure

TEAL = HexColor("#2F6F73")
BOX = HexColor("#E3EFEC")
INK = HexColor("#222222")
GREY = HexColor("#555555")

LEFT = 25 * mm
RIGHT = A4_WIDTH - 20 * mm
BOTTOM = 18 * mm
QR_SIZE = 24 * mm
_SIZES = (11.0, 10.5, 10.0, 9.5)


class LetterOverflow(ValueError):
    """The text does not fit one page even at the smallest type size (names the text only)."""


class IndiscreetOutside(ValueError):
    """Something visible through the window mentions money or debts. Message is Dutch."""


def recipient_lines(person: Person | None, address: Address) -> list[str]:
    """PostNL style: name, street + number, ``1234 AB  PLAATS`` (two spaces, capitals)."""
    name = person.display_name() if person is not None else ""
    number = f"{address.huisnummer}{('-' + address.toevoeging) if address.toevoeging else ''}"
    pc = address.postcode
    if len(pc) == 6:
        pc = f"{pc[:4]} {pc[4:]}"
    lines = [name or "De bewoner(s) van", f"{address.straat} {number}".strip()]
    lines.append(f"{pc}  {address.plaats.upper()}".rstrip())
    return [line for line in lines if line]


def check_discreet(lines: Sequence[str]) -> None:
    """Raise ``IndiscreetOutside`` if an outside-visible line mentions money or debts."""
    for line in lines:
        if outside_hits(line, Language.NL):
            raise IndiscreetOutside(
                "De afzenderregel in het venster noemt geld of schulden. "
                "Gebruik alleen de naam van de gemeente en het postbusadres."
            )


def draw_letter(
    canvas: Canvas,
    text: FilledText,
    sender: Sender,
    recipient: Sequence[str],
    window: WindowPosition,
    *,
    letter_date: str,
) -> None:
    """One page. Raises ``LetterOverflow`` or ``IndiscreetOutside``; draws nothing then."""
    check_discreet([sender.return_line])
    sizes = (12.0, *_SIZES) if text.audience is Audience.OUDEREN else _SIZES
    top = A4_HEIGHT - 92 * mm
    for size in sizes:
        styles = _styles(size)
        action = [(t, styles["actie"]) for t in text.lines("actie") if t]
        box_text_width = RIGHT - LEFT - 10 * mm - (QR_SIZE + 4 * mm if text.qr_target else 0)
        box_h = max(
            measure(action, box_text_width, text.rtl) + 8 * mm,
            QR_SIZE + 6 * mm if text.qr_target else 0.0,
        )
        body = _body(text, styles)
        need = measure([(t, s) for t, s in body if t], RIGHT - LEFT, text.rtl)
        need += sum(s.leading * 0.6 for t, s in body if not t)
        need += styles["onderwerp"].leading * 2 + box_h + 8 * mm
        if need <= top - BOTTOM:
            break
    else:
        raise LetterOverflow(
            f"text {text.kind}/{text.language}/{text.audience} does not fit a page"
        )

    canvas.saveState()
    rtl = text.rtl
    _draw_head(canvas, sender, recipient, window, letter_date, rtl)
    column = Column(canvas, LEFT, RIGHT, top, rtl=rtl)
    canvas.setFillColor(INK)
    for line in text.lines("onderwerp"):
        if line:
            column.paragraph(line, styles["onderwerp"])
    column.gap(3 * mm)

    # call to action: tinted box near the top, QR beside it on the outer side
    box_top = column.y + styles["onderwerp"].size
    canvas.setFillColor(BOX)
    canvas.roundRect(LEFT, box_top - box_h, RIGHT - LEFT, box_h, 3 * mm, stroke=0, fill=1)
    if text.qr_target:
        qr_x = LEFT + 3 * mm if rtl else RIGHT - 3 * mm - QR_SIZE
        draw_qr(canvas, text.qr_target, qr_x, box_top - 3 * mm - QR_SIZE, QR_SIZE)
    if rtl:
        a_right = RIGHT - 5 * mm
        a_left = a_right - box_text_width
    else:
        a_left = LEFT + 5 * mm
        a_right = a_left + box_text_width
    action_column = Column(
        canvas, a_left, a_right, box_top - 4 * mm - styles["actie"].size, rtl=rtl
    )
    canvas.setFillColor(TEAL)
    for line in text.lines("actie"):
        if line:
            action_column.paragraph(line, styles["actie"])
    column.y = box_top - box_h - 6 * mm - styles["tekst"].size

    canvas.setFillColor(INK)
    for line, style in body:
        if not line:
            column.gap(style.leading * 0.6)
            continue
        column.paragraph(line, style)
    _draw_fold_marks(canvas)
    canvas.restoreState()


def _styles(size: float) -> dict[str, Style]:
    return {
        "onderwerp": Style(BOLD, size + 1.5, (size + 1.5) * 1.3),
        "actie": Style(BOLD, size + 1, (size + 1) * 1.35),
        "tekst": Style(REGULAR, size, size * 1.4),
        "contact": Style(BOLD, size, size * 1.4),
    }


def _body(text: FilledText, styles: dict[str, Style]) -> list[tuple[str, Style]]:
    out: list[tuple[str, Style]] = []
    for section in ("aanhef", "tekst", "vervolg", "nee", "contact", "groet"):
        if out:
            out.append(("", styles["tekst"]))
        style = styles["contact"] if section == "contact" else styles["tekst"]
        out.extend((line, style) for line in text.lines(section))
    return out


def _draw_head(
    canvas: Canvas,
    sender: Sender,
    recipient: Sequence[str],
    window: WindowPosition,
    letter_date: str,
    rtl: bool,
) -> None:
    # Letterhead top right: the municipality only (a team name can say "schulden").
    canvas.setFillColor(TEAL)
    canvas.setFont(BOLD, 13)
    canvas.drawRightString(RIGHT, A4_HEIGHT - 22 * mm, sender.gemeente)
    canvas.setFillColor(INK)
    # Window: return line, then the address.
    size = 7.0
    while size > 5.5 and stringWidth(sender.return_line, REGULAR, size) > window.max_width_mm * mm:
        size -= 0.25
    canvas.setFont(REGULAR, size)
    canvas.drawString(
        window.x(),
        window.baseline(window.return_line_top_mm),
        _clip(sender.return_line, REGULAR, size, window.max_width_mm * mm),
    )
    canvas.setFont(REGULAR, 10)
    for index, line in enumerate(recipient[:5]):
        top_mm = window.first_line_top_mm + index * window.line_pitch_mm
        canvas.drawString(
            window.x(), window.baseline(top_mm), _clip(line, REGULAR, 10, window.max_width_mm * mm)
        )
    # Date in the reference column, outside the window.
    date_style = Style(REGULAR, 10, 12)
    canvas.setFont(REGULAR, 10)
    for line in layout(letter_date, date_style, 60 * mm, rtl)[:1]:
        canvas.drawRightString(RIGHT, A4_HEIGHT - 59 * mm, line)


def _clip(text: str, font: str, size: float, width: float) -> str:
    """Shorten a line that would run past the window edge (rare: very long names)."""
    while text and stringWidth(text, font, size) > width:
        text = text[:-1]
    return text


def _draw_fold_marks(canvas: Canvas) -> None:
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.3)
    for top_mm in FOLD_MARKS_MM:
        y = A4_HEIGHT - top_mm * mm
        canvas.line(5 * mm, y, 9 * mm, y)


def draw_calibration(canvas: Canvas, window: WindowPosition) -> None:
    """A page an office holds inside its envelope to see where the window really is.

    Solid outline: the window as configured. Dashed: the 3 mm tolerance around it. Sample
    address lines sit exactly where real ones will. The offsets in use are printed in words.
    """
    x, y, w, h = window.window_rect()
    canvas.saveState()
    canvas.setStrokeColor(TEAL)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.setDash(3, 2)
    canvas.setLineWidth(0.4)
    canvas.rect(x - 3 * mm, y - 3 * mm, w + 6 * mm, h + 6 * mm, stroke=1, fill=0)
    canvas.setDash()
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, 7)
    canvas.drawString(
        window.x(),
        window.baseline(window.return_line_top_mm),
        "Gemeente Voorbeeld, Postbus 1, 1234 AB Voorbeeld",
    )
    canvas.setFont(REGULAR, 10)
    sample = ("Voornaam Achternaam", "Voorbeeldstraat 12", "1234 AB  VOORBEELD")
    for index, line in enumerate(sample):
        top_mm = window.first_line_top_mm + index * window.line_pitch_mm
        canvas.drawString(window.x(), window.baseline(top_mm), line)
    # rulers along the top and left edges, every 10 mm
    canvas.setLineWidth(0.3)
    canvas.setFont(REGULAR, 6)
    for step in range(0, 211, 5):
        length = 4 * mm if step % 10 == 0 else 2 * mm
        canvas.line(step * mm, A4_HEIGHT, step * mm, A4_HEIGHT - length)
        if step % 10 == 0 and 0 < step < 210:
            canvas.drawCentredString(step * mm, A4_HEIGHT - 7 * mm, str(step))
    for step in range(0, 298, 5):
        length = 4 * mm if step % 10 == 0 else 2 * mm
        canvas.line(0, A4_HEIGHT - step * mm, length, A4_HEIGHT - step * mm)
        if step % 10 == 0 and 0 < step < 297:
            canvas.drawString(11 * mm, A4_HEIGHT - step * mm - 2, str(step))
    _draw_fold_marks(canvas)
    notes = (
        "Proefafdruk vensterenvelop",
        "Vouw deze pagina zoals een brief en steek hem in de envelop.",
        "Het adres moet helemaal binnen het venster vallen, ook als de brief wat schuift.",
        "Valt het adres ernaast? Meet hoeveel millimeter, en pas de verschuiving aan",
        "(offset_x_mm: positief = naar rechts; offset_y_mm: positief = naar beneden).",
        f"Venster: {window.window_left_mm + window.offset_x_mm:.1f} mm van links, "
        f"{window.window_top_mm + window.offset_y_mm:.1f} mm van boven, "
        f"{window.window_width_mm:.0f} x {window.window_height_mm:.0f} mm.",
        f"Verschuiving nu: x {window.offset_x_mm:+.1f} mm, y {window.offset_y_mm:+.1f} mm.",
    )
    column = Column(canvas, LEFT, RIGHT, A4_HEIGHT - 120 * mm)
    for index, line in enumerate(notes):
        column.paragraph(
            line, Style(BOLD if index == 0 else REGULAR, 14 if index == 0 else 10.5, 16)
        )
    canvas.restoreState()
