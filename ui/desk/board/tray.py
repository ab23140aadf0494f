"""The board's view (accepts cases dragged from the tray) and the unplanned tray itself.

The tray lists open cases of the team's workers without a visit this week, each with the
planner's reason ("Niet ingepland: alle dagdelen geprobeerd…"). Dragging one over a shift asks
for live feasibility like a chip drag; dropping on a green shift asks to add it there.
"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.domain.board import WeekBoard
from ui.desk.board.board_scene import BoardScene, Spot
from ui.desk.models.triage import CASE_IDS_MIME, decode_case_ids, encode_case_ids
from ui.qt import (
    QAbstractItemView,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGraphicsView,
    QListWidget,
    QListWidgetItem,
    QMimeData,
    QPainter,
    QPointF,
    Qt,
    QWidget,
    Signal,
)

CASE_ROLE = Qt.ItemDataRole.UserRole + 1


class BoardView(QGraphicsView):
    case_hover = Signal(str, object)  # (case id, Spot | None)
    case_dropped = Signal(str, object)  # (case id, Spot)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.board_scene = scene
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CASE_IDS_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        ids = decode_case_ids(event.mimeData())
        if not ids:
            super().dragMoveEvent(event)
            return
        self.hover_case(ids[0], self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = decode_case_ids(event.mimeData())
        if not ids:
            super().dropEvent(event)
            return
        if self.drop_case(ids[0], self.mapToScene(event.position().toPoint())):
            event.acceptProposedAction()

    def hover_case(self, case_id: str, at: QPointF) -> Spot | None:
        spot = self.board_scene.hover_external(at)
        if spot is not None:
            self.board_scene.tip.setPos(at + QPointF(14, 10))
        self.case_hover.emit(case_id, spot)
        return spot

    def drop_case(self, case_id: str, at: QPointF) -> bool:
        spot = self.board_scene.spot_at(at)
        if spot is None:
            return False
        self.case_dropped.emit(case_id, spot)
        return True


class UnplannedTray(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)

    def set_items(self, board: WeekBoard) -> None:
        self.clear()
        for entry in board.unplanned:
            case = board.cases.get(entry.case_id)
            label = case.label if case else entry.case_id[:8]
            item = QListWidgetItem(f"{label} — {entry.text}")
            item.setData(CASE_ROLE, entry.case_id)
            item.setToolTip(entry.text)
            self.addItem(item)

    def case_ids(self) -> list[str]:
        return [str(self.item(n).data(CASE_ROLE)) for n in range(self.count())]

    def mimeTypes(self) -> list[str]:
        return [CASE_IDS_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        return encode_case_ids(str(i.data(CASE_ROLE)) for i in items)
