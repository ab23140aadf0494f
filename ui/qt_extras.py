"""The rest of the PySide6 facade: charts, network, PDF and printing (see ``ui.qt``).

Kept apart so the unlock screen paints without loading these Qt libraries; the modules that use
them (printing, the preview, single instance, network status) are imported after it.
"""

from __future__ import annotations

from PySide6.QtCharts import (  # pyside6-addons (the desk's Overzicht)
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtNetwork import QLocalServer, QLocalSocket, QNetworkInformation
from PySide6.QtPdf import QPdfDocument  # pyside6-addons
from PySide6.QtPdfWidgets import QPdfView  # pyside6-addons
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

__all__ = [
    "QBarCategoryAxis",
    "QBarSeries",
    "QBarSet",
    "QCategoryAxis",
    "QChart",
    "QChartView",
    "QLineSeries",
    "QLocalServer",
    "QLocalSocket",
    "QNetworkInformation",
    "QPdfDocument",
    "QPdfView",
    "QPrintDialog",
    "QPrinter",
    "QScatterSeries",
    "QValueAxis",
]
