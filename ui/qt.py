"""The single PySide6 import facade (like Anki's ``aqt.qt``).

Every module in ``ui`` imports Qt names from here, never from PySide6 directly, so a Qt upgrade
or a binding switch touches one file. Core code (``fieldapp``) never imports this.
"""

from __future__ import annotations

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtNetwork import QLocalServer, QLocalSocket, QNetworkInformation  # noqa: F401
from PySide6.QtPdf import QPdfDocument as QPdfDocument  # pyside6-addons
from PySide6.QtPdfWidgets import QPdfView as QPdfView  # pyside6-addons
from PySide6.QtPrintSupport import QPrintDialog as QPrintDialog
from PySide6.QtPrintSupport import QPrinter as QPrinter
from PySide6.QtWidgets import *  # noqa: F403
from shiboken6 import isValid as _is_valid


def is_alive(obj: object) -> bool:
    """False once the C++ side of a Qt object is deleted (a late callback must not touch it)."""
    return obj is not None and bool(_is_valid(obj))
