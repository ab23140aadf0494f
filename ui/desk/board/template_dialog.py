"""The week template dialog: per worker the travel mode and the start point of their shifts.

The template itself (mornings and afternoons on working days, two evenings, a Saturday
morning; Sundays and holidays skipped) is ``services.desk_plan.NORMAL_WEEK``. The start point
defaults to the centre of the worker's open cases; type "lat, lon" to use another (an office,
say). Bad input is refused with a Dutch message and nothing is sent.
"""

from __future__ import annotations

from fieldapp.domain.board import WeekBoard
from fieldapp.services.desk_plan import TemplateShift, centre_of_worker
from fieldapp.sync.protocol_plan import ShiftRequest
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MODES = (("bike", "fiets"), ("walk", "lopend"), ("car", "auto"))


class TemplateDialog(QDialog):
    def __init__(self, board: WeekBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Diensten uit weeksjabloon"))
        self.board = board
        self.table = QTableWidget(len(board.workers), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Medewerker"), self.tr("Vervoer"), self.tr("Startpunt (breedte, lengte)")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.modes: dict[str, QComboBox] = {}
        self.starts: dict[str, QLineEdit] = {}
        for row, (worker_id, name) in enumerate(board.workers):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            mode = QComboBox()
            for value, label in MODES:
                mode.addItem(self.tr(label), value)
            self.table.setCellWidget(row, 1, mode)
            start = QLineEdit()
            centre = centre_of_worker(board, worker_id)
            if centre is not None:
                start.setText(f"{centre[0]:.5f}, {centre[1]:.5f}")
            start.setPlaceholderText(self.tr("leeg: midden van de eigen zaken"))
            self.table.setCellWidget(row, 2, start)
            self.modes[worker_id], self.starts[worker_id] = mode, start
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Een normale week: ochtend en middag op werkdagen, dinsdag- en "
                    "donderdagavond, zaterdagochtend. Zondagen en feestdagen worden overgeslagen."
                )
            )
        )
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 320)

    def choices(self) -> tuple[dict[str, str], dict[str, tuple[float, float]]] | None:
        """(modes, start points) per worker id, or None (with a Dutch message) on bad input."""
        modes = {wid: str(box.currentData()) for wid, box in self.modes.items()}
        starts: dict[str, tuple[float, float]] = {}
        for worker_id, edit in self.starts.items():
            text = edit.text().strip()
            if not text:
                continue
            try:
                lat_text, lon_text = text.replace(";", ",").split(",")
                lat, lon = float(lat_text), float(lon_text)
            except ValueError:
                lat, lon = 999.0, 999.0
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                self.error.setText(
                    self.tr("Startpunt niet begrepen: schrijf twee getallen, bijv. 51.44, 5.47.")
                )
                return None
            starts[worker_id] = (lat, lon)
        return modes, starts

    def _accept(self) -> None:
        if self.choices() is not None:
            self.accept()


def shift_requests(template: list[TemplateShift]) -> list[ShiftRequest]:
    """The server commands for the template's shifts (one request, one transaction each)."""
    return [
        ShiftRequest(
            worker_id=t.worker_id,
            day=t.day,
            start_minute=t.start_minute,
            end_minute=t.end_minute,
            mode=t.mode,  # type: ignore[arg-type]
            start_lat=t.start_at[0] if t.start_at else None,
            start_lon=t.start_at[1] if t.start_at else None,
        )
        for t in template
    ]
