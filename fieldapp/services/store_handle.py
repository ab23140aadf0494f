"""The slice of an open client store that enrolment and a sync run use.

:class:`fieldapp.store.client_store.Store` has it; the app passes a wrapper whose sessions run
only while its database thread is parked (``ui.sync_controller.ParkedStore``). Typed as a
Protocol so the services never need to know which one they hold.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session


class StoreHandle(Protocol):
    @property
    def path(self) -> Path: ...

    @property
    def is_open(self) -> bool: ...

    def session(self) -> AbstractContextManager[Session]: ...

    def checkpoint_truncate(self) -> None: ...

    def add_recovery_slot(self, recovery_key: bytes) -> None: ...

    def close(self) -> None: ...
