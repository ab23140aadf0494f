"""Team-lead commands from the desk: HTTP on the network thread, then an immediate pull.

A command is never queued: when the server cannot be reached the lead is told that nothing
changed, and may try again. After a command succeeds the laptop pulls at once, so every view
shows what the server made of it (not a local guess); ``done`` is emitted after that pull.

Trap: the function given to :meth:`DeskCommands.run` runs on the network thread; it gets a
:class:`DeskClient` and must not touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from fieldapp.services import identity as sync_service
from fieldapp.services.identity import SyncIdentity
from fieldapp.sync import desk_client
from fieldapp.sync.desk_client import DeskClient
from fieldapp.sync.transport import SyncError, SyncUnavailable
from ui.messages import user_message
from ui.qt import QCoreApplication, QObject, Signal

if TYPE_CHECKING:
    from ui.backend import Backend
    from ui.sync_controller import SyncController, SyncState

T = TypeVar("T")


def msg_offline() -> str:
    return QCoreApplication.translate(
        "Desk",
        "Geen verbinding met de server. Er is niets gewijzigd en niets klaargezet om later te "
        "versturen. Probeer het opnieuw als de verbinding terug is.",
    )


def msg_not_enrolled() -> str:
    return QCoreApplication.translate(
        "Desk", "Deze laptop is niet verbonden met de server: het bureau kan alleen lezen."
    )


class DeskCommands(QObject):
    """Runs one command at a time for the desk's views."""

    started = Signal(str)  # what is being done (Dutch)
    done = Signal(str)  # result, after the pull
    failed = Signal(str)  # Dutch reason; nothing was changed by this laptop
    busy_changed = Signal(bool)

    def __init__(self, backend: Backend, sync: SyncController, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend
        self.sync = sync
        self.transport_factory: desk_client.TransportFactory = desk_client.default_factory
        self.busy = False
        self._after_pull: list[str] = []
        self._pull_again = False
        sync.state_changed.connect(self._on_sync_state)

    def run(
        self,
        label: str,
        work: Callable[[DeskClient], T],
        *,
        on_ok: Callable[[T], str] | None = None,
        on_fail: Callable[[str], None] | None = None,
        pull: bool = True,
    ) -> bool:
        """Start ``work``; ``on_ok(result)`` (GUI thread) returns the message shown after the
        pull. Returns False when a command is already running or the store is locked."""
        if self.busy or not self.backend.is_unlocked:
            return False
        self._set_busy(True)
        self.started.emit(label)
        runner = self.backend.runner
        factory = self.transport_factory

        def fail(error: BaseException) -> None:
            self._set_busy(False)
            message = _message(error)
            if on_fail is not None:
                on_fail(message)
            self.failed.emit(message)

        def have_identity(ident: SyncIdentity | None) -> None:
            if ident is None:
                fail(_NotEnrolled())
                return

            def send() -> T:
                with DeskClient(
                    ident.server_url,
                    ident.token,
                    ident.ca_bundle,
                    transport_factory=factory,
                    cancel=threading.Event(),
                ) as client:
                    return work(client)

            def sent(result: T) -> None:
                message = on_ok(result) if on_ok is not None else ""
                if pull:
                    self._pull_then(message)
                else:
                    self._after_pull.append(message)
                    self._finish()

            runner.net_job(send, parent=self).success(sent).failure(fail).run()

        runner.query(_identity, parent=self).success(have_identity).failure(fail).run()
        return True

    def query(
        self,
        work: Callable[[DeskClient], T],
        *,
        on_ok: Callable[[T], None],
        on_fail: Callable[[str], None],
    ) -> None:
        """A read (or a cancel) beside a running command: no busy flag, no pull."""
        if not self.backend.is_unlocked:
            return
        runner = self.backend.runner
        factory = self.transport_factory

        def have_identity(ident: SyncIdentity | None) -> None:
            if ident is None:
                on_fail(msg_not_enrolled())
                return

            def send() -> T:
                with DeskClient(
                    ident.server_url, ident.token, ident.ca_bundle, transport_factory=factory
                ) as client:
                    return work(client)

            runner.net_job(send, parent=self).success(on_ok).failure(
                lambda e: on_fail(_message(e))
            ).run()

        runner.query(_identity, parent=self).success(have_identity).failure(
            lambda e: on_fail(_message(e))
        ).run()

    def pull(self, message: str) -> None:
        """Pull now, then report ``message`` (``done``); for work that ended on the server."""
        self._set_busy(True)
        self._pull_then(message)

    # --- pull after the command --------------------------------------------------------------

    def _pull_then(self, message: str) -> None:
        self._after_pull.append(message)
        if self.sync.running:
            # A sync that started before the command may have pulled too early: pull again.
            self._pull_again = True
        elif not self.sync.sync_now():
            self._finish()  # not enrolled / locked: nothing to pull

    def _on_sync_state(self, state: SyncState) -> None:
        if not self._after_pull or state.running:
            return
        if self._pull_again:
            self._pull_again = False
            if self.sync.sync_now():
                return
        self._finish()

    def _finish(self) -> None:
        messages, self._after_pull = self._after_pull, []
        self._set_busy(False)
        for message in messages:
            self.done.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)


class _NotEnrolled(Exception):
    pass


def _identity(session: Session) -> SyncIdentity | None:
    return sync_service.load_identity(session)


def _message(error: BaseException) -> str:
    if isinstance(error, _NotEnrolled):
        return msg_not_enrolled()
    if isinstance(error, SyncUnavailable):
        return msg_offline()
    if isinstance(error, SyncError):
        return str(error)
    return user_message(error)
