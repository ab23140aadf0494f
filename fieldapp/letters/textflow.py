"""Wrapping and drawing paragraphs on a ReportLab canvas, left-to-right or right-to-left.

We wrap ourselves (greedy, on plain spaces only) instead of using platypus: it is faster for
thousands of small cards, it keeps no-break spaces inside phone numbers, and it lets Arabic be
wrapped before it is reordered (see ``rtl``).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from fieldapp.letters.rtl import shape, to_visual


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    leading: float


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap. A word wider than ``width`` gets a line of its own (never split)."""
    lines: list[str] = []
    current = ""
    space = stringWidth(" ", font, size)
    current_width = 0.0
    for word in text.split(" "):
        if not word:
            continue
        word_width = stringWidth(word, font, size)
        if current and current_width + space + word_width > width:
            lines.append(current)
            current, current_width = word, word_width
        elif current:
            current += " " + word
            current_width += space + word_width
        else:
            current, current_width = word, word_width
    if current:
        lines.append(current)
    return lines


def layout(text: str, style: Style, width: float, rtl: bool) -> list[str]:
    """Lines ready to draw: wrapped, and for RTL shaped and in visual order."""
    if not rtl:
        return wrap(text, style.font, style.size, width)
    return [to_visual(line) for line in wrap(shape(text), style.font, style.size, width)]


@dataclass
class Column:
    """A text column ``[left, right]`` drawn from ``y`` (a baseline) downwards.

    ``rtl`` right-aligns every line at ``right``; otherwise lines start at ``left``.
    """

    canvas: Canvas
    left: float
    right: float
    y: float
    rtl: bool = False

    @property
    def width(self) -> float:
        return self.right - self.left

    def paragraph(self, text: str, style: Style, *, centred: bool = False) -> None:
        self.canvas.setFont(style.font, style.size)
        for line in layout(text, style, self.width, self.rtl):
            if centred:
                self.canvas.drawCentredString((self.left + self.right) / 2, self.y, line)
            elif self.rtl:
                self.canvas.drawRightString(self.right, self.y, line)
            else:
                self.canvas.drawString(self.left, self.y, line)
            self.y -= style.leading

    def gap(self, height: float) -> None:
        self.y -= height


def measure(texts: list[tuple[str, Style]], width: float, rtl: bool) -> float:
    """Height the paragraphs take (sum of leadings), for fitting before drawing."""
    return sum(len(layout(text, style, width, rtl)) * style.leading for text, style in texts)
