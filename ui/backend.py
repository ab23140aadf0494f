"""The app's handle on one store: unlock, create, lock and shut down, all on the DB thread.

Identity in the store's kv table: ``worker_id`` (whose cases Vandaag shows; absent = all open
cases in this store) and ``device_id`` (made on first unlock; stamped on every attempt). Once
the store is enrolled with a server, both are the server's (``fieldapp.services.identity``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fieldapp.config import load_policy
from fieldapp.domain.priority import Policy
from fieldapp.services.changes import Changes
from fieldapp.services.identity import ServerLogin, app_identity, enroll_with_login
from fieldapp.services.policy import server_policy
from fieldapp.services.retention import is_due, purge_store
from fieldapp.store.client_store import Store, wipe_store
from fieldapp.store.kdf import KdfParams
from fieldapp.sync.transport import TransportFactory
from ui.change_hub import ChangeHub
from ui.qt import QObject, QTimer, Signal
from ui.sync_access import ParkedStore, ui_transport
from ui.tasks import DbContext, TaskRunner

RETENTION_CHECK_MS = 60 * 60 * 1000  # hourly look; a run happens once per 24 h


@dataclass(frozen=True, slots=True)
class Identity:
    """Who this app works for, plus the server's afwegingskader once a sync brought it."""

    worker_id: str | None
    device_id: str
    policy: Policy | None = None


def _identity(store: Store) -> Identity:
    """Read the identity (``fieldapp.services.identity``). Retention runs right after, as the
    next job on the DB thread (see ``Backend._open``), behind the first page of Vandaag: on a
    10,000-case store its scan takes 0.2-0.5 s, which the worker should not wait for."""
    with store.session() as session:
        app = app_identity(session)  # also adopts stores enrolled with `fieldapp connect`
        return Identity(app.worker_id, app.device_id, server_policy(session))


class Backend(QObject):
    """Owns the TaskRunner and ChangeHub for one store path.

    ``about_to_lock`` is emitted first (views queue their draft saves then, while the store is
    still open), then the store is closed on the DB thread and ``hub.locked`` is emitted so
    views clear every model holding personal data.
    """

    about_to_lock = Signal()

    def __init__(
        self,
        db_path: Path,
        *,
        kdf_params: KdfParams | None = None,
        policy: Policy | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.kdf_params = kdf_params
        self.policy = policy or load_policy()
        self.hub = ChangeHub(self)
        self.runner = TaskRunner(self.hub, self)
        self.identity: Identity | None = None
        self.transport_factory: TransportFactory = ui_transport
        self.retention_timer = QTimer(self)
        self.retention_timer.setInterval(RETENTION_CHECK_MS)
        self.retention_timer.timeout.connect(self.run_daily_retention)

    @property
    def is_unlocked(self) -> bool:
        return self.identity is not None

    def store_exists(self) -> bool:
        return self.db_path.is_file()

    def unlock(
        self,
        passphrase: str,
        *,
        parent: QObject | None,
        on_ok: Callable[[], None],
        on_fail: Callable[[BaseException], None],
    ) -> None:
        """Open the store with ``passphrase`` (Argon2 runs on the DB thread, not the GUI)."""

        def body(ctx: DbContext) -> Identity:
            if ctx.store is not None:
                ctx.store.close()
                ctx.store = None
            store = Store.open(self.db_path, passphrase)
            try:
                identity = _identity(store)
            except BaseException:
                store.close()
                raise
            ctx.store = store
            return identity

        self._open(body, parent, on_ok, on_fail)

    def create(
        self,
        passphrase: str,
        *,
        parent: QObject | None,
        on_ok: Callable[[], None],
        on_fail: Callable[[BaseException], None],
        login: ServerLogin | None = None,
    ) -> None:
        """Create a new protected store (policy checked by Store.create: WeakPassphrase).

        With ``login`` the new store is enrolled with the server at once (first run, "connect
        to a server"); if that fails the new store is removed again, so first run can retry.
        """
        factory = self.transport_factory

        def body(ctx: DbContext) -> Identity:
            store = Store.create(self.db_path, passphrase, params=self.kdf_params)
            try:
                if login is not None:
                    enroll_with_login(store, login, factory)
                identity = _identity(store)
            except BaseException:
                _discard_new_store(store)
                raise
            ctx.store = store
            return identity

        self._open(body, parent, on_ok, on_fail)

    def enroll(
        self,
        login: ServerLogin,
        *,
        parent: QObject | None,
        on_ok: Callable[[], None],
        on_fail: Callable[[BaseException], None],
    ) -> None:
        """Enrol the open store (HTTP on the network thread, writes with the DB thread parked),
        then reload the identity (device and worker become the server's)."""
        runner = self.runner
        factory = self.transport_factory

        def enrolled(_none: None) -> None:
            def reload(ctx: DbContext) -> Identity:
                return _identity(ctx.session_store())

            def done(identity: Identity) -> None:
                self.identity = identity
                on_ok()

            runner.store_job(reload, parent=parent).success(done).failure(on_fail).run()

        def start(store: Store) -> None:
            parked = ParkedStore(store, runner.db_thread_parked, threading.Event())

            def work() -> None:
                enroll_with_login(parked, login, factory)

            runner.net_job(work, parent=parent).success(enrolled).failure(on_fail).run()

        runner.store_job(lambda ctx: ctx.session_store(), parent=parent).success(start).failure(
            on_fail
        ).run()

    def _open(
        self,
        body: Callable[[DbContext], Identity],
        parent: QObject | None,
        on_ok: Callable[[], None],
        on_fail: Callable[[BaseException], None],
    ) -> None:
        def done(identity: Identity) -> None:
            self.identity = identity
            if identity.policy is not None:
                self.policy = identity.policy
            self.retention_timer.start()
            on_ok()
            self.hub.unlocked.emit()
            # At every unlock, offline too; queued after the views' first reads (FIFO).
            self.run_daily_retention(every_unlock=True)

        self.runner.store_job(body, parent=parent).success(done).failure(on_fail).run()

    def run_daily_retention(self, *, every_unlock: bool = False) -> None:
        """Retention once per 24 h while unlocked (the laptop may stay open for days), and at
        every unlock (``every_unlock``)."""
        if self.identity is None:
            return
        policy = self.policy

        def body(ctx: DbContext) -> int:
            store = ctx.session_store()
            if not every_unlock:
                with store.session() as session:
                    if not is_due(session, datetime.now(UTC)):
                        return 0
            return len(purge_store(store, device_now=datetime.now(UTC), policy=policy).cases)

        def done(count: int) -> None:
            if count:
                self.hub.changed.emit(Changes(cases=True, signals=True), None)

        self.runner.store_job(body, parent=self).success(done).run()

    def lock(self) -> None:
        """Save drafts, close the engine and drop the key, then tell views to forget data."""
        self.retention_timer.stop()
        if self.identity is None:
            return
        self.about_to_lock.emit()
        self.identity = None
        self.runner.new_epoch()

        def close(ctx: DbContext) -> None:
            if ctx.store is not None:
                ctx.store.close()
                ctx.store = None

        self.runner.store_job(close, parent=None).run()
        self.hub.locked.emit()

    def shutdown(self) -> None:
        """At exit: drafts first, then every queued write commits, then the store closes."""
        if self.identity is not None:
            self.about_to_lock.emit()
            self.identity = None
        self.runner.shutdown()


def _discard_new_store(store: Store) -> None:
    """A store made a moment ago whose enrolment failed: nothing in it yet, remove it."""
    path = store.path
    store.close()
    wipe_store(path)
