"""Sync in the app: in the background, on demand and automatically; status for the status bar.

Threads (see ``ui.tasks``): the HTTP work of
:class:`~fieldapp.services.sync_client.SyncClient` runs on the network executor, so a slow or
dead network never blocks the DB thread. The client opens
its own short store sessions (one per page); it gets a :class:`ParkedStore` whose sessions run
only while the DB thread is parked between jobs (``TaskRunner.db_thread_parked``). So no two
transactions ever overlap (SQLite WAL has one writer, and a deferred transaction whose snapshot
went stale fails at once with SQLITE_BUSY_SNAPSHOT whatever the busy timeout), and a lock
(which closes the store on the DB thread) can never close it in the middle of a sync page.

Cancel is safe: the ``threading.Event`` is checked before every request and between retries;
whatever a page committed stays committed, and nothing is acked without a validated reply.
Locking cancels first; a page already under way finishes, then the store closes.

When the sync runs: the button (:meth:`SyncController.sync_now`); shortly after unlock; when
Qt's network information reports the network back; every two minutes when work is pending or
the last pull is old (the fallback when no network information is available); a few seconds
after a saved attempt when the server was reachable. Auth and upgrade errors stop the
automatic attempts until the next unlock (retrying cannot fix them).

A revoked device: the client wipes the store (crypto-shred) and :attr:`wiped` is emitted; the
main window then closes everything and returns to first run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from fieldapp.services import sync as sync_service
from fieldapp.services.changes import Changes
from fieldapp.services.sync_client import SyncClient, SyncProgress, SyncResult
from fieldapp.store.client_store import Store
from fieldapp.sync.transport import (
    MSG_CANCELLED,
    SyncAuthError,
    SyncCancelled,
    SyncError,
    SyncUnavailable,
    SyncUpgradeRequired,
)
from ui.core_messages import core_message
from ui.messages import user_message
from ui.qt import QObject, QTimer, Signal
from ui.qt_extras import QNetworkInformation
from ui.sync_access import ParkedStore
from ui.tasks import DbContext, StoreClosed

if TYPE_CHECKING:
    from ui.backend import Backend

log = logging.getLogger(__name__)

STATUS_INTERVAL_MS = 30_000  # thresholds (24 h unsent, 14 days offline) pass while open
AUTO_INTERVAL_MS = 120_000  # fallback "is the network back?" and pending-work retry
AFTER_SAVE_MS = 3_000  # debounce: a burst of saves makes one sync
AFTER_UNLOCK_MS = 1_500
PULL_EVERY = timedelta(minutes=15)  # pull new cases although nothing is pending


# --- state ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncState:
    """Everything the status bar shows (plain values, GUI thread only)."""

    unlocked: bool = False
    enrolled: bool = False
    online: bool | None = None  # None: not known yet in this session
    running: bool = False
    progress: SyncProgress | None = None
    pending_count: int = 0
    last_sync_at: datetime | None = None
    warn_unsent: bool = False
    details_hidden: bool = False
    error: str = ""  # the last failure other than "no network", in Dutch; cleared by a success
    offline_reason: str = ""  # why the last sync found no server (tooltip of "Offline")
    blocked: bool = False  # auth or upgrade problem: no automatic retries


StatusRows = tuple[sync_service.OutboxStatus, frozenset[str]]


class SyncController(QObject):
    """Owns the sync runs of one window. Signals arrive on the GUI thread."""

    state_changed = Signal(object)  # SyncState
    finished = Signal(object)  # SyncResult of a successful run
    wiped = Signal()  # the server revoked this laptop; the store is gone
    _progress_from_net = Signal(object)  # SyncProgress, emitted on the network thread

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.state = SyncState()
        self.husks: frozenset[str] = frozenset()
        self.auto = True
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._cancel: threading.Event | None = None
        self._progress_from_net.connect(self._on_progress)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_INTERVAL_MS)
        self._status_timer.timeout.connect(self.refresh)
        self._auto_timer = QTimer(self)
        self._auto_timer.setInterval(AUTO_INTERVAL_MS)
        self._auto_timer.timeout.connect(self._auto_tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self._auto_tick)
        self.network_info = _network_information()
        if self.network_info is not None:
            self.network_info.reachabilityChanged.connect(self._on_reachability_changed)

        backend.hub.unlocked.connect(self._on_unlocked)
        backend.hub.locked.connect(self._on_locked)
        backend.hub.changed.connect(self._on_changed)
        backend.about_to_lock.connect(self.cancel)

    # --- public ----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.state.running

    def hides(self, case_id: str) -> bool:
        """True when the case view must not show ``case_id`` (details hidden, or a husk)."""
        return self.state.details_hidden or case_id in self.husks

    def set_auto_interval(self, ms: int) -> None:
        self._auto_timer.setInterval(ms)

    def refresh(self) -> None:
        """Re-read the outbox status (pending, last sync, warnings) on the DB thread."""
        if not self.backend.is_unlocked:
            return
        now = self.clock()

        def fetch(session: Session) -> StatusRows:
            return (
                sync_service.outbox_status(session, now),
                frozenset(sync_service.husk_ids(session)),
            )

        self.backend.runner.query(fetch, parent=self).success(self._on_status).failure(
            _ignore_closed
        ).run()

    def sync_now(self) -> bool:
        """Start a sync unless one is running or the store is locked. Returns True if started."""
        if self.state.running or not self.backend.is_unlocked or not self.state.enrolled:
            return False
        self._soon.stop()
        cancel = threading.Event()
        self._cancel = cancel
        runner = self.backend.runner
        factory = self.backend.transport_factory
        report = self._progress_from_net.emit

        def start(store: Store) -> None:
            if cancel.is_set():
                self._on_failed(SyncCancelled(MSG_CANCELLED))
                return
            parked = ParkedStore(store, runner.db_thread_parked, cancel)
            client = SyncClient(parked, transport_factory=factory)

            def work() -> SyncResult:
                return client.sync(progress=report, cancel=cancel)

            runner.net_job(work, parent=self).success(self._on_done).failure(self._on_failed).run()

        self._set(running=True, progress=None, error="")
        runner.store_job(_open_store, parent=self).success(start).failure(self._on_failed).run()
        return True

    def cancel(self) -> None:
        """Stop a running sync at the next safe point (before a request or between retries)."""
        if self._cancel is not None:
            self._cancel.set()

    # --- results ---------------------------------------------------------------------------

    def _on_progress(self, progress: SyncProgress) -> None:
        if self.state.running:
            self._set(progress=progress)

    def _on_done(self, result: SyncResult) -> None:
        self._cancel = None
        if result.wiped:
            self.husks = frozenset()
            self.state = SyncState()
            self.state_changed.emit(self.state)
            self.wiped.emit()
            return
        # A successful sync is what un-hides details; the status query below confirms it.
        self._set(
            running=False,
            progress=None,
            online=True,
            error="",
            offline_reason="",
            blocked=False,
            details_hidden=False,
            last_sync_at=self.clock(),
        )
        # The client wrote through its own sessions: tell the views once.
        self.backend.hub.changed.emit(
            Changes(cases=True, attempts=True, signals=True, plans=True, workers=True, sync=True),
            self,
        )
        self.finished.emit(result)
        self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        self._cancel = None
        if isinstance(error, StoreClosed) or not self.backend.is_unlocked:
            self._set(running=False, progress=None)
            return
        online = self.state.online
        blocked = self.state.blocked
        if isinstance(error, SyncUnavailable):
            online = False
        elif isinstance(error, (SyncAuthError, SyncUpgradeRequired)):
            online, blocked = True, True
        if isinstance(error, SyncError):
            message = core_message(str(error))
        else:
            # Type only: exception texts may carry personal data from the database layer.
            log.error("sync failed: %s", type(error).__name__)
            message = user_message(error)
        if isinstance(error, SyncUnavailable):
            # "Offline" says it already; the reason (a captive portal, say) is its tooltip.
            self._set(running=False, progress=None, online=False, error="", offline_reason=message)
        else:
            self._set(running=False, progress=None, online=online, blocked=blocked, error=message)
        self.refresh()  # pages pushed before the failure are acked: show the new count

    def _on_status(self, rows: StatusRows) -> None:
        status, husks = rows
        was_hidden = self.state.details_hidden
        self.husks = husks
        self._set(
            unlocked=True,
            enrolled=status.enrolled,
            pending_count=status.pending_count,
            last_sync_at=status.last_sync_at,
            warn_unsent=status.warn_unsent,
            details_hidden=status.details_hidden,
        )
        if status.details_hidden != was_hidden:
            # Vandaag and the case view re-read (and refuse) with the new state.
            self.backend.hub.changed.emit(Changes(sync=True), self)

    # --- triggers --------------------------------------------------------------------------

    def _on_unlocked(self) -> None:
        self.state = SyncState(unlocked=True)
        self.refresh()
        self._status_timer.start()
        self._auto_timer.start()
        if self.auto:
            self._soon.start(AFTER_UNLOCK_MS)

    def _on_locked(self) -> None:
        self.cancel()
        self._status_timer.stop()
        self._auto_timer.stop()
        self._soon.stop()
        self.husks = frozenset()
        self.state = SyncState()
        self.state_changed.emit(self.state)

    def _on_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self:
            return
        if changes.attempts or changes.sync or changes.cases:
            self.refresh()
        if changes.attempts and self.auto and self.state.online:
            self._soon.start(AFTER_SAVE_MS)

    def _on_reachability_changed(self, reachability: Any) -> None:
        self.on_network(reachability == QNetworkInformation.Reachability.Online)

    def on_network(self, online: bool) -> None:
        """The platform says the network went away or came back."""
        if not self.backend.is_unlocked:
            return
        if not online:
            self._set(online=False)
        elif self.auto and self.state.online is not True:
            self._soon.start(AFTER_SAVE_MS)  # the network is back: deliver pending work

    def _auto_tick(self) -> None:
        state = self.state
        if not self.auto or state.running or state.blocked or not state.enrolled:
            return
        stale = state.last_sync_at is None or self.clock() - state.last_sync_at > PULL_EVERY
        if state.pending_count > 0 or stale or state.online is False:
            self.sync_now()

    def _set(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)
        self.state_changed.emit(self.state)


def _open_store(ctx: DbContext) -> Store:
    return ctx.session_store()


def _ignore_closed(_error: BaseException) -> None:
    """Status reads fail quietly while locking; the next refresh shows the truth."""


def _network_information() -> Any:
    """Qt's network information (NetworkManager, glib, Windows, macOS) if a backend loads,
    else None (then only the periodic timer notices that the network is back)."""
    try:
        if not QNetworkInformation.loadDefaultBackend():
            return None
        return QNetworkInformation.instance()
    except Exception:
        log.debug("no network information backend")
        return None
