"""How the app's network thread reaches the store and the server during enrolment and sync.

:class:`ParkedStore` runs every store call with the DB thread parked (see ``ui.sync_controller``
for why); :func:`ui_transport` is the app's HTTP transport (fewer retries than the CLI).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from fieldapp.store.client_store import Store
from fieldapp.sync.transport import MSG_CANCELLED, SyncCancelled, Transport

UI_RETRIES = 2  # the app retries on its own timer; do not keep the user waiting


def ui_transport(
    base_url: str, token: str | None, ca_bundle: str | None, cancel: threading.Event
) -> Transport:
    """The app's transport: verified TLS as always, fewer retries than the CLI."""
    return Transport(
        base_url, token, ca_bundle=ca_bundle, cancel=cancel, retries=UI_RETRIES, timeout=20.0
    )


class ParkedStore:
    """A :class:`~fieldapp.services.store_handle.StoreHandle` whose every call runs with the DB
    thread parked (see ``ui.sync_controller``). Used only from the network thread."""

    def __init__(
        self,
        store: Store,
        park: Callable[[], contextlib.AbstractContextManager[None]],
        cancel: threading.Event,
    ) -> None:
        self._store = store
        self._park = park
        self._cancel = cancel

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def is_open(self) -> bool:
        return self._store.is_open

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        with self._park():
            if not self._store.is_open:
                # Locked while the request was under way: stop; nothing half-written.
                raise SyncCancelled(MSG_CANCELLED)
            with self._store.session() as session:
                yield session

    def checkpoint_truncate(self) -> None:
        with self._park():
            if self._store.is_open:
                self._store.checkpoint_truncate()

    def add_recovery_slot(self, recovery_key: bytes) -> None:
        self._store.add_recovery_slot(recovery_key)

    def close(self) -> None:
        with self._park():
            self._store.close()
