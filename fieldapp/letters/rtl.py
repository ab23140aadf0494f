"""Arabic: shape with arabic-reshaper, reorder with python-bidi, line by line.

Traps (research PART 2.4):
- wrap the *logical* (shaped) text first, then reorder each line; reordering a paragraph and
  wrapping the result puts the lines in the wrong order;
- python-bidi leaves explicit direction marks and isolates in its output: strip them, or a
  font without those glyphs prints boxes;
- digit groups need no-break spaces (``fields.phone_for_print``), or "14 033" prints "033 14".
"""

from __future__ import annotations

import re

import arabic_reshaper
from bidi import get_display

_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shape(text: str) -> str:
    """Logical-order text with Arabic letters replaced by their contextual presentation forms."""
    return str(arabic_reshaper.reshape(text))


def to_visual(shaped_line: str) -> str:
    """One already-wrapped, shaped line in left-to-right drawing order, without bidi controls."""
    return _CONTROLS.sub("", str(get_display(shaped_line, base_dir="R")))
