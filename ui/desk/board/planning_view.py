"""Weekplanning: the board beside the map, the unplanned tray, and the planning commands.

Reads: the week from the lead's store (``load_week``) plus an instance for live feasibility
(``edit_instance``), both on the DB thread. Writes: server commands through ``DeskCommands``
(create shifts from the week template, "Plan automatisch" as a server job with progress and
cancel, move, lock, add from the tray, publish), each followed by a pull. Undo sends the
inverse of the last confirmed edit (at least 20 are kept).
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from sqlalchemy.orm import Session

from fieldapp.domain.board import BoardShift, EditHistory, LockEdit, MoveEdit, WeekBoard
from fieldapp.planning.instance import Instance
from fieldapp.services.desk_plan import (
    check_move,
    edit_instance,
    load_week,
    monday_of,
    shift_times,
    week_template,
)
from fieldapp.sync.desk_client import DeskClient
from fieldapp.sync.protocol_plan import PlanJobStatus
from ui.backend import Backend
from ui.desk.board.board_scene import BoardScene, Spot
from ui.desk.board.map_view import MapView
from ui.desk.board.plan_job import PlanJob
from ui.desk.board.template_dialog import TemplateDialog, shift_requests
from ui.desk.board.tray import BoardView, UnplannedTray
from ui.desk.commands import DeskCommands
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

Loaded = tuple[WeekBoard, Instance | None, dict[str, str]]
PLAN_BUDGET_S = 5.0


class PlanningView(QWidget):
    case_selected = Signal(str)
    board_drawn = Signal()

    def __init__(self, backend: Backend, commands: DeskCommands, parent: QWidget | None = None):
        super().__init__(parent)
        self.backend = backend
        self.commands = commands
        self.today = date.today()
        self.monday = monday_of(self.today)
        self.board: WeekBoard | None = None
        self.instance: Instance | None = None
        self.reasons: dict[str, tuple[str, str]] = {}
        self.history = EditHistory()
        self.job = PlanJob(commands, self)
        self._generation = 0  # reloads answer in order; only the newest one is shown
        self.budget_s = PLAN_BUDGET_S
        self.timings: dict[str, float] = {}  # "plan" click, "job_done", "drawn" (monotonic s)
        self._writable = True

        self.scene = BoardScene(self)
        self.board_view = BoardView(self.scene, self)
        self.map = MapView()
        self.tray = UnplannedTray()
        self.prev = QPushButton("◀")
        self.next = QPushButton("▶")
        self.week_label = QLabel()
        self.template_button = QPushButton(self.tr("Diensten uit weeksjabloon"))
        self.plan_button = QPushButton(self.tr("Plan automatisch"))
        self.cancel_button = QPushButton(self.tr("Annuleren"))
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(180)
        self.undo_button = QPushButton(self.tr("Ongedaan maken"))
        self.publish_button = QPushButton(self.tr("Publiceren"))
        self.publish_button.setObjectName("PrimaryButton")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.hint = QLabel(self.tr("Sleep bezoeken tussen diensten; dubbelklik zet vast."))
        self.hint.setObjectName("Hint")
        self.board_view.setToolTip(self.hint.text())

        bar = QHBoxLayout()
        bar.addWidget(self.prev)
        bar.addWidget(self.week_label)
        bar.addWidget(self.next)
        bar.addSpacing(12)
        bar.addWidget(self.template_button)
        bar.addWidget(self.plan_button)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.publish_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.board_view, 3)
        left_layout.addWidget(
            QLabel(self.tr("<b>Niet ingepland</b> — met de reden van de planner"))
        )
        left_layout.addWidget(self.tray, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.map)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.tray.setMaximumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.split, 1)

        self.prev.clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.template_button.clicked.connect(self.ask_template)
        self.plan_button.clicked.connect(self.plan_automatically)
        self.cancel_button.clicked.connect(self.cancel_plan)
        self.undo_button.clicked.connect(self.undo)
        self.publish_button.clicked.connect(self.publish)
        self.scene.drag_over.connect(self._feedback)
        self.scene.move_requested.connect(self.move_visit)
        self.scene.lock_requested.connect(self.lock)
        self.scene.case_selected.connect(self._selected_on_board)
        self.map.case_selected.connect(self._selected_on_map)
        self.board_view.case_hover.connect(self._feedback)
        self.board_view.case_dropped.connect(self.add_from_tray)
        self.job.progress.connect(self.progress.setValue)
        self.job.finished.connect(self._job_finished)
        self.job.failed.connect(self.message.setText)
        commands.done.connect(self.message.setText)
        commands.failed.connect(self.message.setText)
        commands.busy_changed.connect(lambda _b: self._update_buttons())
        self._update_buttons()

    # --- reading --------------------------------------------------------------------------

    def show_week(self, monday: date) -> None:
        self.monday = monday
        self.history.clear()  # undo works within the week on screen
        self.reload()

    def reload(self) -> None:
        if not self.backend.is_unlocked:
            return
        monday, today, reasons = self.monday, self.today, dict(self.reasons)
        self._generation += 1
        generation = self._generation

        def fetch(session: Session) -> Loaded:
            board = load_week(session, monday=monday, reasons=reasons)
            untimed = [s for s in board.shifts if any(v.arrive_minute is None for v in s.visits)]
            if not untimed:  # the usual case after a planner run: draw first (see below)
                return board, None, {}
            instance = edit_instance(session, shift_ids=[s.id for s in board.shifts], today=today)
            times: dict[str, str] = {}
            for shift in untimed:
                times.update(shift_times(instance, shift))
            return board, instance, times

        def fetch_instance(session: Session) -> Instance | None:
            shift_ids = [s.id for s in self_board_shifts]
            return edit_instance(session, shift_ids=shift_ids, today=today)

        self_board_shifts: list[BoardShift] = []

        def drawn(loaded: Loaded) -> None:
            if generation != self._generation:
                return  # a newer reload (another week, a later pull) is on its way
            self._fill(loaded)
            if loaded[1] is None:
                # The drag check's instance right after the board is on screen.
                self_board_shifts[:] = list(loaded[0].shifts)
                runner.query(fetch_instance, parent=self).success(have_instance).run()

        def have_instance(instance: Instance | None) -> None:
            if generation == self._generation:
                self.instance = instance

        runner = self.backend.runner
        runner.query(fetch, parent=self).success(drawn).run()

    def _fill(self, loaded: Loaded) -> None:
        board, instance, times = loaded
        self.board, self.instance = board, instance
        sunday = board.days[-1]
        self.week_label.setText(
            self.tr("Week %1: %2 t/m %3")
            .replace("%1", str(board.monday.isocalendar().week))
            .replace("%2", f"{board.monday.day}-{board.monday.month}")
            .replace("%3", f"{sunday.day}-{sunday.month}")
        )
        first_draw = self.scene.board is None
        self.scene.set_board(board, times)
        if first_draw:  # the board as wide as it needs (up to 2/3), the map gets the rest
            total = max(1, self.split.width())
            wanted = min(int(self.scene.sceneRect().width()) + 24, total * 2 // 3)
            self.split.setSizes([wanted, total - wanted])
        self.tray.set_items(board)
        self.map.show_board(board, self._map_day(board))
        self._update_buttons()
        if "plan" in self.timings and "drawn" not in self.timings and "job_done" in self.timings:
            self.timings["drawn"] = time.monotonic()
        self.board_drawn.emit()

    def _map_day(self, board: WeekBoard) -> date | None:
        days = sorted({s.day for s in board.shifts if s.visits})
        upcoming = [d for d in days if d >= self.today]
        choice = upcoming or days
        return choice[0] if choice else None

    def clear(self) -> None:
        self.board, self.instance = None, None
        self.scene.clear()
        self.map.scene().clear()
        self.tray.clear()
        self.history.clear()

    # --- selection ------------------------------------------------------------------------

    def select_cases(self, case_ids: list[str]) -> None:
        self.map.select_cases(case_ids)
        self.scene.select_case(case_ids[0] if len(case_ids) == 1 else None, emit=False)

    def _selected_on_board(self, case_id: str) -> None:
        self.map.select_cases([case_id])
        self.case_selected.emit(case_id)

    def _selected_on_map(self, case_id: str) -> None:
        self.scene.select_case(case_id, emit=False)
        self.case_selected.emit(case_id)

    # --- live feasibility -----------------------------------------------------------------

    def _feedback(self, case_id: str, spot: Spot | None) -> None:
        if spot is None or self.board is None:
            self.scene.show_feedback(None, False, "")
            return
        check = check_move(
            self.instance, self.board, case_id=case_id, to_shift=spot.shift_id, index=spot.index
        )
        if check.ok:
            arrive = check.arrivals.get(case_id, "")
            text = self.tr("Past: aankomst %1").replace("%1", arrive) if arrive else self.tr("Past")
        else:
            text = check.reason
        self.scene.show_feedback(spot, check.ok, text)

    # --- edits ----------------------------------------------------------------------------

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self._update_buttons()

    def _update_buttons(self) -> None:
        free = self._writable and not self.commands.busy and not self.job.running
        has_board = self.board is not None
        self.template_button.setEnabled(free and has_board)
        self.plan_button.setEnabled(free and has_board and bool(self.board and self.board.shifts))
        self.publish_button.setEnabled(
            free and has_board and bool(self.board and self.board.shifts)
        )
        self.undo_button.setEnabled(free and len(self.history) > 0)
        self.board_view.setInteractive(free)
        self.board_view.setAcceptDrops(free)

    def move_visit(self, visit_id: str, spot: Spot) -> bool:
        if self.board is None:
            return False
        found = self.board.visit(visit_id)
        if found is None:
            return False
        shift, visit = found
        edit = MoveEdit(visit_id, shift.id, visit.seq, spot.shift_id, spot.index + 1)
        return self._send(edit, record=True)

    def lock(self, visit_id: str, locked: bool) -> bool:
        return self._send(LockEdit(visit_id, locked), record=True)

    def undo(self) -> bool:
        edit = self.history.peek()
        if edit is None:
            return False

        def undone() -> None:
            self.history.pop()

        return self._send(edit.inverse(), record=False, after=undone)

    def _send(self, edit: MoveEdit | LockEdit, *, record: bool, after: object = None) -> bool:
        if not self._writable:
            return False

        def work(client: DeskClient) -> None:
            if isinstance(edit, MoveEdit):
                client.move_visit(edit.visit_id, edit.to_shift, edit.to_seq)
            else:
                client.lock_visit(edit.visit_id, edit.locked)

        def done(_none: None) -> str:
            if record:
                self.history.record(edit)
            if callable(after):
                after()
            if isinstance(edit, LockEdit):
                return self.tr("Vastgezet.") if edit.locked else self.tr("Losgemaakt.")
            return self.tr("Verplaatst.")

        return self.commands.run(self.tr("Planning aanpassen"), work, on_ok=done)

    def add_from_tray(self, case_id: str, spot: Spot) -> bool:
        ok, _text = self.scene.feedback
        self.scene.show_feedback(None, False, "")
        if not ok or not self._writable:
            return False
        return self.commands.run(
            self.tr("Inplannen"),
            lambda c: c.add_visit(spot.shift_id, case_id, spot.index + 1),
            on_ok=lambda _r: self.tr("Ingepland."),
        )

    # --- week template, plan automatically, publish ----------------------------------------

    def ask_template(self) -> TemplateDialog | None:
        """The template dialog (modes and start points per worker); OK makes the shifts."""
        if self.board is None:
            return None
        dialog = TemplateDialog(self.board, self)

        def accepted() -> None:
            chosen = dialog.choices()
            if chosen is not None:
                self.make_template_shifts(modes=chosen[0], starts=chosen[1])

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def make_template_shifts(
        self,
        *,
        modes: dict[str, str] | None = None,
        starts: dict[str, tuple[float, float]] | None = None,
    ) -> bool:
        if self.board is None:
            return False
        template = week_template(self.board, modes=modes, starts=starts)
        if not template:
            self.message.setText(self.tr("Deze week heeft al alle diensten van het sjabloon."))
            return False
        requests = shift_requests(template)

        def work(client: DeskClient) -> int:
            for request in requests:
                client.create_shift(request)
            return len(requests)

        return self.commands.run(
            self.tr("Diensten maken"),
            work,
            on_ok=lambda n: self.tr(
                "%1 diensten gemaakt (zondag en feestdagen overgeslagen)."
            ).replace("%1", str(n)),
        )

    def plan_automatically(self) -> bool:
        if self.board is None or self.job.running:
            return False
        self.timings = {"plan": time.monotonic()}
        started = self.job.start(self.board.days[0], self.board.days[-1], self.budget_s)
        if started:
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.cancel_button.setVisible(True)
            self.cancel_button.setEnabled(True)
            self._update_buttons()
        return started

    def cancel_plan(self) -> None:
        self.cancel_button.setEnabled(False)
        self.job.cancel()

    def _job_finished(self, status: PlanJobStatus) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.timings["job_done"] = time.monotonic()
        if status.status == "done":
            self.reasons = {u.case_id: (u.reason, u.text) for u in status.unplanned}
            text = (
                self.tr("Gepland: %1 bezoeken; %2 zaken niet ingepland (zie de reden).")
                .replace("%1", str(status.planned))
                .replace("%2", str(len(status.unplanned)))
            )
        elif status.status == "cancelled":
            text = self.tr("Planning afgebroken; er is niets veranderd.")
        else:
            text = status.error or self.tr("De planner kon geen plan maken.")
        self.history.clear()  # the planner rewrote the unlocked visits: old edits no longer apply
        self.commands.pull(text)
        self._update_buttons()

    def publish(self) -> bool:
        if self.board is None:
            return False
        van, tot = self.board.days[0], self.board.days[-1]
        return self.commands.run(
            self.tr("Publiceren"),
            lambda c: c.publish(van, tot),
            on_ok=lambda r: (
                self.tr(
                    "Gepubliceerd: %1 diensten, %2 bezoeken. De laptops van de medewerkers krijgen "
                    "hun route bij de volgende synchronisatie."
                )
                .replace("%1", str(r.shifts))
                .replace("%2", str(r.visits))
            ),
        )
