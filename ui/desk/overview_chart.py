"""Dot-and-whisker charts (QtCharts) for rates: the dot is the share, the line its 95 % Wilson
interval, and every label carries ``n=`` so a dot resting on 3 attempts is seen as uncertain.

QtCharts has no error-bar series: each interval is a two-point ``QLineSeries`` on the same
value axes as the dots (rows on a ``QCategoryAxis`` placed on whole values).
"""

from __future__ import annotations

from collections.abc import Sequence

from ui.desk.models.report import FigureRow
from ui.qt import QColor, QFont, QPen, Qt
from ui.qt_extras import QCategoryAxis, QChart, QLineSeries, QScatterSeries, QValueAxis

MAX_CHART_ROWS = 18  # more rows are listed in the table beside the chart
PALETTE = ("#2b6cb0", "#c05621", "#2f855a", "#6b46c1")


def chart_rows(rows: Sequence[FigureRow]) -> list[FigureRow]:
    """The rows drawn: all when few, else those with the most data (the table has the rest),
    kept in the figure's own order."""
    if len(rows) <= MAX_CHART_ROWS:
        return list(rows)
    keep = sorted(range(len(rows)), key=lambda i: -rows[i].rate.total)[:MAX_CHART_ROWS]
    return [rows[i] for i in sorted(keep)]


def rate_chart(title: str, rows: Sequence[FigureRow], *, empty_text: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    drawn = chart_rows(rows)
    axis_x = QValueAxis()
    axis_x.setRange(0, 100)
    axis_x.setTickCount(6)
    axis_x.setLabelFormat("%d %%")
    axis_y = QCategoryAxis()
    small = QFont(axis_y.labelsFont())
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    axis_y.setLabelsFont(small)
    axis_x.setLabelsFont(small)
    axis_y.setTruncateLabels(False)
    axis_y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    # Top row first: the y axis grows upwards, so row i sits at n - 1 - i.
    count = max(1, len(drawn))
    axis_y.setRange(-0.6, count - 0.4)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    if not drawn:
        chart.setTitle(f"{title}\n{empty_text}")
        return chart
    names = list(dict.fromkeys(r.series for r in drawn))
    dots: dict[str, QScatterSeries] = {}
    for n, name in enumerate(names):
        series = QScatterSeries()
        series.setName(name)
        series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        series.setMarkerSize(9.0)
        series.setColor(QColor(PALETTE[n % len(PALETTE)]))
        series.setBorderColor(QColor(PALETTE[n % len(PALETTE)]))
        dots[name] = series
    labels: list[tuple[float, str]] = []
    for i, row in enumerate(drawn):
        y = float(count - 1 - i)
        colour = QColor(PALETTE[names.index(row.series) % len(PALETTE)])
        whisker = QLineSeries()
        whisker.setPen(QPen(colour, 2))
        whisker.append(row.rate.low * 100, y)
        whisker.append(row.rate.high * 100, y)
        chart.addSeries(whisker)
        whisker.attachAxis(axis_x)
        whisker.attachAxis(axis_y)
        if row.rate.rate is not None:
            dots[row.series].append(row.rate.rate * 100, y)
        labels.append((y, f"{row.group}  (n={row.rate.total})"))
    # QCategoryAxis ignores a category whose end value is not above the previous one.
    for y, label in sorted(labels):
        axis_y.append(label, y)
    for series in dots.values():
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    legend = chart.legend()
    legend.setVisible(len(names) > 1)
    if len(names) > 1:
        # Whiskers carry no name: keep them out of the legend.
        for marker in legend.markers():
            if not marker.series().name():
                marker.setVisible(False)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
