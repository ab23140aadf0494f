"""De Kaart: the team's cases and each shift's route, drawn from the cases' own coordinates.

No online tiles: a light outline of the town is the convex hull of the cases' points. Points
are coloured per worker; a case planned this week is filled, an unplanned one hollow. Routes
(start point, then the visits in order) are drawn for the shifts of one chosen day. Clicking
a point selects the case (``case_selected``); ``select_cases`` highlights cases chosen
elsewhere (board, tables).
"""

from __future__ import annotations

import math
from datetime import date

from fieldapp.domain.board import WeekBoard
from ui.desk.board.palette import UNASSIGNED, colours_for
from ui.qt import (
    QBrush,
    QColor,
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPointF,
    QResizeEvent,
    Qt,
    QWidget,
    Signal,
)

SCALE = 20_000.0  # scene units per degree of latitude
RADIUS = 4.5


def project(lat: float, lon: float, lat0: float) -> QPointF:
    """Equirectangular projection around ``lat0``: fine at town scale (errors << 1 %)."""
    return QPointF(lon * math.cos(math.radians(lat0)) * SCALE, -lat * SCALE)


def convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain; the outline of the town from the cases' own points."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


class CasePoint(QGraphicsEllipseItem):
    def __init__(self, case_id: str, centre: QPointF, map_view: MapView) -> None:
        super().__init__(centre.x() - RADIUS, centre.y() - RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.case_id = case_id
        self.map_view = map_view
        self.colour = QColor(UNASSIGNED)
        self.setZValue(3)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.map_view.select_cases([self.case_id])
        self.map_view.case_selected.emit(self.case_id)
        event.accept()


class MapView(QGraphicsView):
    case_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(QColor("#f4f1ea")))
        self.setMinimumWidth(260)
        self.points: dict[str, CasePoint] = {}
        self.route_count = 0
        self.day: date | None = None
        self._selected: set[str] = set()

    def show_board(self, board: WeekBoard, day: date | None) -> None:
        scene = self.scene()
        scene.clear()
        self.points.clear()
        self.route_count = 0
        self.day = day
        located = [c for c in board.cases.values() if c.lat is not None and c.lon is not None]
        if not located:
            scene.addText(self.tr("Geen zaken met coördinaten."))
            return
        lat0 = sum(c.lat or 0.0 for c in located) / len(located)
        hull = convex_hull([(c.lat or 0.0, c.lon or 0.0) for c in located])
        if len(hull) >= 3:
            path = QPainterPath()
            first = project(hull[0][0], hull[0][1], lat0)
            path.moveTo(first)
            for lat, lon in hull[1:]:
                path.lineTo(project(lat, lon, lat0))
            path.closeSubpath()
            scene.addPath(path, QPen(QColor("#c8bfae"), 2), QBrush(QColor("#fbfaf6")))
        colours = colours_for([w for w, _ in board.workers])
        planned = {v.case_id for s in board.shifts for v in s.visits}
        for case in located:
            point = CasePoint(case.id, project(case.lat or 0.0, case.lon or 0.0, lat0), self)
            colour = colours.get(case.worker_id or "", UNASSIGNED)
            point.colour = colour
            point.setPen(QPen(colour, 2))
            point.setBrush(QBrush(colour) if case.id in planned else QBrush(Qt.BrushStyle.NoBrush))
            point.setToolTip(case.label)
            scene.addItem(point)
            self.points[case.id] = point
        for shift in board.shifts:
            if day is not None and shift.day != day:
                continue
            stops = [board.cases.get(v.case_id) for v in shift.visits]
            route = [
                project(c.lat, c.lon, lat0)
                for c in stops
                if c is not None and c.lat is not None and c.lon is not None
            ]
            if shift.start_at is not None:
                route.insert(0, project(shift.start_at[0], shift.start_at[1], lat0))
            if len(route) < 2:
                continue
            path = QPainterPath()
            path.moveTo(route[0])
            for p in route[1:]:
                path.lineTo(p)
            pen = QPen(colours.get(shift.worker_id, UNASSIGNED), 2.5)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            scene.addPath(path, pen).setZValue(2)
            self.route_count += 1
        self.select_cases(sorted(self._selected))
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self._fit()

    def select_cases(self, case_ids: list[str]) -> None:
        self._selected = set(case_ids)
        for case_id, point in self.points.items():
            on = case_id in self._selected
            point.setZValue(4 if on else 3)
            rect = point.rect()
            size = 2 * RADIUS * (1.9 if on else 1.0)
            centre = rect.center()
            point.setRect(centre.x() - size / 2, centre.y() - size / 2, size, size)
            point.setPen(QPen(QColor("#000000") if on else point.colour, 3.0 if on else 2.0))

    @property
    def selected(self) -> set[str]:
        return set(self._selected)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._fit()
        super().mouseDoubleClickEvent(event)

    def _fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.width() > 0 and rect.height() > 0:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
