"""One "Plan automatisch" run: start the server job, poll its progress, cancel it.

The planner runs on the server (a job; the request does not wait for it); this object polls
``GET /v1/plan/jobs/{id}`` one request at a time and reports progress and the end state. The
view then pulls and redraws. Polls go beside the command queue (``DeskCommands.query``), so
"Annuleren" works while the job runs.
"""

from __future__ import annotations

from datetime import date

from fieldapp.sync.protocol_plan import PlanJobStatus
from ui.desk.commands import DeskCommands
from ui.qt import QObject, QTimer, Signal

POLL_MS = 150  # one small GET at a time; the drawn board follows the job within this


class PlanJob(QObject):
    progress = Signal(int)
    finished = Signal(object)  # the final PlanJobStatus (done, cancelled or failed)
    failed = Signal(str)  # a poll failed (Dutch); polling goes on

    def __init__(self, commands: DeskCommands, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.commands = commands
        self.job_id: str | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.setSingleShot(True)
        self._poll.timeout.connect(self._ask)

    @property
    def running(self) -> bool:
        return self.job_id is not None

    def start(self, van: date, tot: date, budget_s: float) -> bool:
        if self.job_id is not None:
            return False

        def started(status: PlanJobStatus) -> str:
            self.job_id = status.id
            self.progress.emit(status.progress)
            self._poll.start()
            return self.tr("De planner is bezig…")

        return self.commands.run(
            self.tr("Plan automatisch"),
            lambda c: c.start_plan(van, tot, budget_s),
            on_ok=started,
            pull=False,
        )

    def cancel(self) -> None:
        job = self.job_id
        if job is not None:
            self.commands.query(
                lambda c: c.cancel_plan(job), on_ok=self._status, on_fail=self.failed.emit
            )

    def _ask(self) -> None:
        job = self.job_id
        if job is not None:
            self.commands.query(
                lambda c: c.plan_status(job), on_ok=self._status, on_fail=self._poll_failed
            )

    def _poll_failed(self, message: str) -> None:
        self.failed.emit(message)
        if self.job_id is not None:
            self._poll.start()

    def _status(self, status: PlanJobStatus) -> None:
        if status.id != self.job_id:
            return
        self.progress.emit(status.progress)
        if status.status in ("queued", "running"):
            if not self._poll.isActive():
                self._poll.start()
            return
        self._poll.stop()
        self.job_id = None
        self.finished.emit(status)
