"""Background work for the UI: one persistent database thread, one small network pool.

Every store call goes through :class:`TaskRunner`, which builds one chained job per call
(``.success(cb).failure(cb).run()``, like Anki's ``CollectionOp``/``QueryOp``):
:meth:`TaskRunner.db_op` for writes (one ``store.session()`` = one transaction, returns
``Changes``), :meth:`TaskRunner.query` for reads (returns plain dataclasses),
:meth:`TaskRunner.store_job` for opening/closing the store itself and
:meth:`TaskRunner.net_job` for HTTP on the network pool. The database executor has exactly one
thread, which never expires (unlike QThreadPool's 30 s idle expiry), so the SQLCipher engine is
created, used and disposed on the same thread and writes are serialised.

Results come back to the GUI thread through a queued Qt signal. Callbacks of an op whose
``parent`` widget has been deleted are skipped. Results of *reads* that were started before a
lock are dropped (``epoch``), so a late query cannot refill a cleared model with personal data.

Trap: the function passed to an op runs on the DB thread. It must not touch widgets or read
widget state: capture what you need before calling ``run()``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from fieldapp.errors import FieldAppError
from fieldapp.services.changes import Changes
from fieldapp.store.client_store import Store
from ui.change_hub import ChangeHub
from ui.qt import QObject, Qt, Signal, is_alive

log = logging.getLogger(__name__)

T = TypeVar("T")


class StoreClosed(FieldAppError):
    """A job needed the store while it is locked or closed; nothing was read or written."""


@dataclass(slots=True)
class DbContext:
    """State that lives on the database thread only (the open store, or None when locked)."""

    store: Store | None = None

    def session_store(self) -> Store:
        if self.store is None or not self.store.is_open:
            raise StoreClosed("De gegevens zijn vergrendeld.")
        return self.store


@dataclass(slots=True)
class _Outcome:
    token: int
    result: Any = None
    error: BaseException | None = None


@dataclass(slots=True, eq=False)
class _Job(Generic[T]):
    runner: TaskRunner
    parent: QObject | None
    body: Callable[[DbContext], T]
    on_success: Callable[[T], None] | None = None
    on_failure: Callable[[BaseException], None] | None = None
    is_read: bool = False
    on_network: bool = False
    initiator: object | None = None
    epoch: int = 0
    future: Future[Any] | None = field(default=None, repr=False)

    def success(self, callback: Callable[[T], None]) -> _Job[T]:
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> _Job[T]:
        self.on_failure = callback
        return self

    def run(self, initiator: object | None = None) -> _Job[T]:
        self.initiator = initiator
        self.runner._submit(self)
        return self


def _in_session(fn: Callable[[Session], T]) -> Callable[[DbContext], T]:
    def body(ctx: DbContext) -> T:
        with ctx.session_store().session() as session:
            return fn(session)

    return body


class TaskRunner(QObject):
    """Owns the DB thread, the network pool and the :class:`ChangeHub` broadcast."""

    _delivered = Signal(object)
    idle = Signal()

    def __init__(self, hub: ChangeHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="veldwerk-db")
        self._net = ThreadPoolExecutor(max_workers=2, thread_name_prefix="veldwerk-net")
        self._ctx = DbContext()
        self._pending = 0
        self._jobs: dict[int, _Job[Any]] = {}
        self._next_token = 0
        self._epoch = 0
        self._shut = False
        self.on_unhandled: Callable[[BaseException], None] = _log_unhandled
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # --- building jobs -----------------------------------------------------------------------

    def db_op(self, fn: Callable[[Session], Changes], *, parent: QObject | None) -> _Job[Changes]:
        """A write: ``fn(session)`` in one transaction; on commit ChangeHub broadcasts."""
        return _Job(self, parent, _in_session(fn))

    def query(self, fn: Callable[[Session], T], *, parent: QObject | None) -> _Job[T]:
        """A read returning plain values. Results started before a lock are dropped."""
        return _Job(self, parent, _in_session(fn), is_read=True)

    def store_job(self, fn: Callable[[DbContext], T], *, parent: QObject | None) -> _Job[T]:
        """Work on the DB thread with the context itself (open, create, close the store)."""
        return _Job(self, parent, fn)

    def net_job(self, fn: Callable[[], T], *, parent: QObject | None) -> _Job[T]:
        """Network work beside the DB thread; it must come back through DbOp for storage."""
        return _Job(self, parent, lambda _ctx: fn(), on_network=True)

    # --- state -------------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Jobs submitted whose callbacks have not run yet (tests wait for 0)."""
        return self._pending

    @contextlib.contextmanager
    def db_thread_parked(self) -> Iterator[None]:
        """From a network thread: hold the DB thread idle (between jobs) for the block.

        The sync client writes to the store from a network thread in short sessions. SQLite in
        WAL mode allows one writer, and a deferred transaction that read before another
        connection committed fails at once with SQLITE_BUSY_SNAPSHOT (the busy timeout does not
        help), so such sessions run while the DB thread is parked: no two transactions overlap.
        A queued close (lock) waits until the block ends. Raises :class:`StoreClosed` after
        shutdown. Trap: never call it from the GUI thread or the DB thread (deadlock/freeze).
        """
        started = threading.Event()
        release = threading.Event()

        def hold() -> None:
            started.set()
            release.wait()

        try:
            future = self._db.submit(hold)
        except RuntimeError:  # executor shut down: the window is closing
            raise StoreClosed("De gegevens zijn vergrendeld.") from None
        try:
            while not started.wait(0.05):
                if future.done():
                    raise StoreClosed("De gegevens zijn vergrendeld.")
            yield
        finally:
            release.set()

    def new_epoch(self) -> None:
        """Call when locking: reads already under way will not deliver their rows."""
        self._epoch += 1

    def shutdown(self) -> None:
        """Finish every queued job, close the store on its own thread, stop the threads.

        Blocks the caller until queued writes have committed: closing the window during a
        save loses nothing.
        """
        if self._shut:
            return
        self._shut = True

        def close(ctx: DbContext) -> None:
            if ctx.store is not None:
                ctx.store.close()
                ctx.store = None

        self._db.submit(close, self._ctx)
        self._db.shutdown(wait=True)
        self._net.shutdown(wait=True, cancel_futures=True)

    # --- internals ---------------------------------------------------------------------------

    def _submit(self, job: _Job[Any]) -> None:
        if self._shut:
            # The window is closing: late UI callbacks must not start new work.
            log.debug("job ignored after shutdown")
            return
        job.epoch = self._epoch
        self._pending += 1
        self._next_token += 1
        token = self._next_token
        self._jobs[token] = job
        executor = self._net if job.on_network else self._db
        ctx = self._ctx
        # The worker gets the body through a holder it empties: it must not keep the last
        # reference to closures over widgets, or a widget wrapper could die on this thread.
        holder = [job.body]

        def work() -> None:
            body = holder.pop()
            outcome = _Outcome(token)
            try:
                outcome.result = body(ctx)
            except BaseException as error:
                _drop_tracebacks(error)  # frames would pin closures (and widgets) here
                outcome.error = error
            del body
            self._delivered.emit(outcome)

        job.future = executor.submit(work)

    def _deliver(self, outcome: _Outcome) -> None:
        job = self._jobs.pop(outcome.token)
        self._pending -= 1
        if self._shut:
            return  # committed already; the widgets that asked are going away
        try:
            if outcome.error is not None:
                self._fail(job, outcome.error)
                return
            if isinstance(outcome.result, Changes) and outcome.result.any:
                self.hub.changed.emit(outcome.result, job.initiator)
            if job.is_read and job.epoch != self._epoch:
                return
            if job.on_success is not None and (job.parent is None or is_alive(job.parent)):
                job.on_success(outcome.result)
        finally:
            if self._pending == 0:
                self.idle.emit()

    def _fail(self, job: _Job[Any], error: BaseException) -> None:
        if job.is_read and job.epoch != self._epoch:
            return
        if job.on_failure is not None and (job.parent is None or is_alive(job.parent)):
            job.on_failure(error)
        elif not isinstance(error, StoreClosed):
            self.on_unhandled(error)


def _drop_tracebacks(error: BaseException) -> None:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


def _log_unhandled(error: BaseException) -> None:
    # Type only: exception texts may carry personal data from the database layer.
    log.error("background job failed: %s", type(error).__name__)
