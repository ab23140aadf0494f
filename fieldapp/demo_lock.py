"""One demo build at a time, and a half-built demo is never taken for a finished one.

Two ``fieldapp demo`` started together used to race: the second removed the first's server
folder while the first was enrolling, and the laptop store ended up enrolled on a server that
no longer knew it. Now every start takes an exclusive lock on ``.<name>.lock`` in the demo
folder (the second start waits, then opens the finished demo), and a build writes the marker
``<name>.klaar`` last, atomically: a store without it was interrupted and is rebuilt.

The lock is ``flock`` (Windows: ``msvcrt.locking``) on an open descriptor, so a killed process
never leaves a stale lock; the lock file itself is never deleted (deleting a held lock file
would let a third start take a fresh lock beside it).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fieldapp.files import private_umask, write_private_atomic

WAIT_LIMIT_S = 15 * 60.0  # a 50,000-household demo takes minutes; past this, something hangs
_POLL_S = 0.2


class DemoBusy(RuntimeError):
    """Another start held the demo build lock for longer than :data:`WAIT_LIMIT_S`."""


def lock_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def marker_path_for(path: Path) -> Path:
    return path.with_name(f"{path.name}.klaar")


def is_complete(path: Path) -> bool:
    return path.is_file() and marker_path_for(path).is_file()


def mark_complete(path: Path, *, households: int) -> None:
    """Written last, atomically, once the store and its server are both finished."""
    data = json.dumps({"households": households, "version": 1}).encode()
    write_private_atomic(marker_path_for(path), data)


def forget_complete(path: Path) -> None:
    """First step of any rebuild: from here on the demo counts as unfinished."""
    marker_path_for(path).unlink(missing_ok=True)


@contextmanager
def demo_build_lock(
    path: Path,
    *,
    on_wait: Callable[[], None] | None = None,
    limit_s: float = WAIT_LIMIT_S,
) -> Iterator[None]:
    """Hold the demo folder's build lock; ``on_wait`` is called once if another start has it."""
    with private_umask():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(lock_path_for(path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + limit_s
        told = False
        while not _try_lock(fd):
            if not told and on_wait is not None:
                on_wait()
            told = True
            if time.monotonic() > deadline:
                raise DemoBusy("another demo build holds the lock")
            time.sleep(_POLL_S)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
