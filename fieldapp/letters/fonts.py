"""The embedded fonts: DejaVu Sans (regular + bold), shipped in the repo's ``resources/fonts``.

One font covers Dutch, Polish, Turkish (incl. ``İ``) and Arabic presentation forms B, so no
fallback chain is needed. The files are copied from Debian's ``fonts-dejavu-core`` 2.37 with
their licence (``resources/fonts/LICENSE-DejaVu.txt``; Bitstream Vera licence, free to embed).
Nothing is read from the system at run time.

Where ``resources/`` is: a top-level folder of the repository, next to the ``fieldapp``
package, found as ``Path(fieldapp.__file__).parent.parent / "resources"``. A frozen build must
place it there too, or set ``VELDWERK_RESOURCES`` to the folder that holds ``fonts/``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import fieldapp

REGULAR = "VeldwerkSans"
BOLD = "VeldwerkSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


class FontsMissing(RuntimeError):
    """The shipped font files are not where the package expects them (broken install)."""


def resources_dir() -> Path:
    """The ``resources`` folder (see module docstring for how it is found)."""
    override = os.environ.get("VELDWERK_RESOURCES")
    if override:
        return Path(override)
    return Path(fieldapp.__file__).resolve().parent.parent / "resources"


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / _FILES[name]


def ensure_fonts() -> None:
    """Register the fonts with ReportLab once per process (thread-safe, idempotent).

    Raises ``FontsMissing`` naming the folder, never falling back to a font that cannot draw
    Polish or Arabic.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name in _FILES:
            path = font_path(name)
            if not path.is_file():
                raise FontsMissing(f"font file missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD)
        _registered = True
