"""The week board as a QGraphicsScene: rows = workers, columns = days x dagdeel.

Each cell shows the worker's shift(s) there with a load bar and the visits as chips (order
number and arrival time; address and the planner's "why" on hover). Sundays and holidays are
greyed out. A chip is dragged inside the scene: while it moves, ``drag_over`` asks the view's
owner for the feasibility of the spot under the cursor (green / red with the reason, shown next
to the cursor); on release a feasible spot emits ``move_requested`` and the chip goes back to
its place until the server's answer is pulled. Nothing here talks to the server or the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fieldapp.domain.board import BoardShift, BoardVisit, WeekBoard
from fieldapp.domain.ddas import Dagdeel
from ui.desk.board.palette import UNASSIGNED, colours_for
from ui.qt import (
    QBrush,
    QColor,
    QCoreApplication,
    QFont,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QObject,
    QPen,
    QPointF,
    QRectF,
    Qt,
    Signal,
)

NAME_W = 130.0
HEADER_H = 40.0
COL_W = 56.0
ROW_H = 122.0
CHIP_H = 17.0
LOAD_H = 6.0
MAX_CHIPS = 6
DAGDELEN = (Dagdeel.OCHTEND, Dagdeel.MIDDAG, Dagdeel.AVOND)
_DAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")
OK_COLOUR = QColor("#2e7d32")
BAD_COLOUR = QColor("#c62828")


def _hhmm(minute: int | None) -> str:
    return "" if minute is None else f"{minute // 60:02d}:{minute % 60:02d}"


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a drop would land: this shift, at this position (0-based)."""

    shift_id: str
    index: int


class ChipItem(QGraphicsRectItem):
    """One visit. Dragging is handled by the scene (``begin_drag``/``drag_to``/``finish``)."""

    def __init__(self, board: BoardScene, shift: BoardShift, visit: BoardVisit, rect: QRectF):
        super().__init__(rect)
        self.board = board
        self.shift_id = shift.id
        self.visit = visit
        self.home = QPointF(0, 0)
        self.base_pen = QPen()
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.board.select_case(self.visit.case_id)
            self.board.begin_drag(self.visit.visit_id, event.scenePos())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.board.drag_to(event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.board.finish_drag(event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.board.lock_requested.emit(self.visit.visit_id, not self.visit.locked)


class BoardScene(QGraphicsScene):
    drag_over = Signal(str, object)  # (case id, Spot | None): the owner answers show_feedback
    move_requested = Signal(str, object)  # (visit id, Spot)
    lock_requested = Signal(str, bool)  # (visit id, locked)
    case_selected = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board: WeekBoard | None = None
        self.times: dict[str, str] = {}  # case id -> arrival (when the server has none)
        self.chips: dict[str, ChipItem] = {}  # visit id -> chip
        self.shift_rects: dict[str, QRectF] = {}
        self.columns: list[tuple[date, Dagdeel, float, float]] = []  # day, dagdeel, x, width
        self.selected_case: str | None = None
        self._drag: ChipItem | None = None
        self._drag_offset = QPointF(0, 0)
        self._spot: Spot | None = None
        self._spot_ok = False
        self.highlight = QGraphicsRectItem()
        self.highlight.setZValue(1)
        self.tip = QGraphicsSimpleTextItem()
        self.tip.setZValue(5)

    # --- drawing --------------------------------------------------------------------------

    def set_board(self, board: WeekBoard, times: dict[str, str] | None = None) -> None:
        self._drag = None
        self.board = board
        self.times = dict(times or {})
        self.chips.clear()
        self.shift_rects.clear()
        self.clear()  # deletes every item, the old highlight and tip too
        self.highlight = QGraphicsRectItem()
        self.highlight.setZValue(1)
        self.highlight.setVisible(False)
        self.addItem(self.highlight)
        self.tip = QGraphicsSimpleTextItem()
        self.tip.setZValue(5)
        self.tip.setVisible(False)
        self.addItem(self.tip)
        self._draw_grid(board)
        colours = colours_for([w for w, _ in board.workers])
        for row, (worker_id, _name) in enumerate(board.workers):
            for day, dagdeel, x, width in self.columns:
                shifts = board.cell(worker_id, day, dagdeel)
                if shifts:
                    self._draw_shift(shifts[0], x, HEADER_H + row * ROW_H, width, colours)
        self.setSceneRect(self.itemsBoundingRect().adjusted(0, 0, 8, 8))

    def _draw_grid(self, board: WeekBoard) -> None:
        t = QCoreApplication.translate
        small = QFont()
        small.setPointSizeF(8.5)
        bold = QFont()
        bold.setBold(True)
        x = NAME_W
        self.columns = []
        grey = QBrush(QColor("#e3e6ea"))
        for n, day in enumerate(board.days):
            closed = day in board.closed
            width = COL_W * (0.35 if closed else 1.0)
            head = QGraphicsSimpleTextItem(f"{_DAY_NAMES[n]} {day.day}-{day.month}")
            head.setFont(bold)
            head.setPos(x + 4, 2)
            self.addItem(head)
            if closed:
                self.addRect(
                    QRectF(x, 0, width * 3, HEADER_H + ROW_H * len(board.workers)),
                    QPen(Qt.PenStyle.NoPen),
                    grey,
                ).setToolTip(board.closed[day])
                head.setText(_DAY_NAMES[n])
            for dagdeel in DAGDELEN:
                self.columns.append((day, dagdeel, x, width))
                if not closed:
                    label = QGraphicsSimpleTextItem(dagdeel.value[0])
                    label.setFont(small)
                    label.setBrush(QBrush(QColor("#5b6770")))
                    label.setPos(x + width / 2 - 4, 21)
                    self.addItem(label)
                x += width
            self.addLine(x, 0, x, HEADER_H + ROW_H * len(board.workers), QPen(QColor("#9aa7b1")))
        for row, (_wid, name) in enumerate(board.workers):
            y = HEADER_H + row * ROW_H
            self.addLine(0, y, x, y, QPen(QColor("#c9d2d9")))
            label = QGraphicsSimpleTextItem(name)
            label.setFont(bold)
            label.setPos(6, y + 6)
            self.addItem(label)
        if not board.workers:
            empty = QGraphicsSimpleTextItem(t("Board", "Nog geen medewerkers in dit team."))
            empty.setPos(NAME_W, HEADER_H + 10)
            self.addItem(empty)

    def _draw_shift(
        self, shift: BoardShift, x: float, y: float, width: float, colours: dict[str, QColor]
    ) -> None:
        colour = colours.get(shift.worker_id, UNASSIGNED)
        box = QRectF(x + 2, y + 2, width - 4, ROW_H - 4)
        self.shift_rects[shift.id] = box
        fill = QColor(colour)
        fill.setAlpha(28 if not shift.published else 55)
        frame = self.addRect(box, QPen(colour, 1.2), QBrush(fill))
        frame.setToolTip(self._shift_tip(shift))
        load = min(shift.load, 1.5)
        bar_colour = BAD_COLOUR if shift.load > 1.0 else colour
        self.addRect(
            QRectF(box.x() + 2, box.y() + 2, (box.width() - 4) * min(load, 1.0), LOAD_H),
            QPen(Qt.PenStyle.NoPen),
            QBrush(bar_colour),
        )
        font = QFont()
        font.setPointSizeF(8)
        for n, visit in enumerate(shift.visits[:MAX_CHIPS]):
            rect = QRectF(0, 0, box.width() - 4, CHIP_H - 2)
            chip = ChipItem(self, shift, visit, rect)
            chip.home = QPointF(box.x() + 2, box.y() + LOAD_H + 5 + n * CHIP_H)
            chip.setPos(chip.home)
            chip.setBrush(QBrush(QColor("#ffffff") if not visit.published else QColor(fill)))
            chip.setPen(
                QPen(QColor("#1d2b36") if visit.locked else colour, 2.2 if visit.locked else 1)
            )
            arrive = _hhmm(visit.arrive_minute) or self.times.get(visit.case_id, "")
            # Published visits are kept by re-planning anyway; the mark is for the lead's locks.
            mark = "■" if visit.locked and not visit.published else ""
            text = QGraphicsSimpleTextItem(f"{mark}{n + 1} {arrive}", chip)
            text.setFont(font)
            text.setPos(2, 0)
            chip.setToolTip(self._visit_tip(visit, arrive))
            self.addItem(chip)
            self.chips[visit.visit_id] = chip
            if visit.case_id == self.selected_case:
                self._mark(chip, True)
        hidden = len(shift.visits) - MAX_CHIPS
        if hidden > 0:
            more = QGraphicsSimpleTextItem(f"+{hidden}")
            more.setFont(font)
            more.setPos(box.x() + 4, box.y() + LOAD_H + 5 + MAX_CHIPS * CHIP_H)
            self.addItem(more)

    def _shift_tip(self, shift: BoardShift) -> str:
        t = QCoreApplication.translate
        state = t("Board", "gepubliceerd") if shift.published else t("Board", "concept")
        return (
            f"{_hhmm(shift.start_minute)}-{_hhmm(shift.end_minute)} · {shift.mode} · {state}\n"
            + t("Board", "%1 bezoeken, belasting %2 %")
            .replace("%1", str(len(shift.visits)))
            .replace("%2", str(round(shift.load * 100)))
        )

    def _visit_tip(self, visit: BoardVisit, arrive: str) -> str:
        case = self.board.cases.get(visit.case_id) if self.board else None
        t = QCoreApplication.translate
        lines = [case.label if case else visit.case_id[:8]]
        if arrive:
            lines.append(t("Board", "aankomst %1").replace("%1", arrive))
        if visit.locked:
            lines.append(t("Board", "vastgezet (dubbelklik om los te maken)"))
        if visit.why:
            lines.append(visit.why)
        return "\n".join(lines)

    # --- selection ------------------------------------------------------------------------

    def select_case(self, case_id: str | None, *, emit: bool = True) -> None:
        self.selected_case = case_id
        for chip in self.chips.values():
            self._mark(chip, chip.visit.case_id == case_id)
        if emit and case_id:
            self.case_selected.emit(case_id)

    def _mark(self, chip: ChipItem, on: bool) -> None:
        chip.setZValue(3 if on else 2)
        if on:
            pen = QPen(QColor("#000000"), 2.4)
            pen.setStyle(Qt.PenStyle.DashLine)
            chip.setPen(pen)
        else:
            chip.setPen(chip.base_pen)

    # --- dragging -------------------------------------------------------------------------

    def begin_drag(self, visit_id: str, at: QPointF) -> bool:
        chip = self.chips.get(visit_id)
        if chip is None:
            return False
        self._drag = chip
        self._drag_offset = at - chip.pos()
        self._spot = None
        chip.setCursor(Qt.CursorShape.ClosedHandCursor)
        chip.setZValue(4)
        chip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        return True

    def spot_at(self, at: QPointF) -> Spot | None:
        for shift_id, rect in self.shift_rects.items():
            if rect.contains(at):
                index = int((at.y() - rect.y() - LOAD_H - 5) // CHIP_H)
                return Spot(shift_id, max(0, index))
        return None

    def drag_to(self, at: QPointF) -> None:
        chip = self._drag
        if chip is None:
            return
        chip.setPos(at - self._drag_offset)
        spot = self.spot_at(at)
        if spot != self._spot:
            self._spot = spot
            self._spot_ok = False
            self.drag_over.emit(chip.visit.case_id, spot)
        self.tip.setPos(at + QPointF(14, 10))

    def hover_external(self, at: QPointF) -> Spot | None:
        """A case from outside the scene (the tray) is over ``at``: the spot to answer for."""
        spot = self.spot_at(at)
        if spot != self._spot:
            self._spot_ok = False
        self._spot = spot
        return spot

    def show_feedback(self, spot: Spot | None, ok: bool, text: str) -> None:
        """The owner's answer for ``spot``: green (ok) or red with the reason."""
        if spot is None or spot.shift_id not in self.shift_rects:
            self.highlight.setVisible(False)
            self.tip.setVisible(False)
            self._spot_ok = False
            return
        if spot != self._spot:
            return  # an answer for a spot the cursor already left
        self._spot_ok = ok
        colour = OK_COLOUR if ok else BAD_COLOUR
        fill = QColor(colour)
        fill.setAlpha(45)
        self.highlight.setRect(self.shift_rects[spot.shift_id])
        self.highlight.setPen(QPen(colour, 3))
        self.highlight.setBrush(QBrush(fill))
        self.highlight.setVisible(True)
        self.tip.setText(text)
        self.tip.setBrush(QBrush(colour))
        self.tip.setVisible(bool(text))

    @property
    def feedback(self) -> tuple[bool, str]:
        return self._spot_ok, self.tip.text() if self.tip.isVisible() else ""

    def finish_drag(self, at: QPointF) -> Spot | None:
        """Release: a green spot asks for the move; the chip returns home either way."""
        chip, self._drag = self._drag, None
        if chip is None:
            return None
        spot = self.spot_at(at)
        chip.setPos(chip.home)
        chip.setZValue(2)
        chip.setCursor(Qt.CursorShape.OpenHandCursor)
        self.highlight.setVisible(False)
        self.tip.setVisible(False)
        ok = spot is not None and spot == self._spot and self._spot_ok
        self._spot = None
        if not ok or spot is None:
            return None
        same = spot.shift_id == chip.shift_id and spot.index == chip.visit.seq - 1
        if not same:
            self.move_requested.emit(chip.visit.visit_id, spot)
        return spot
