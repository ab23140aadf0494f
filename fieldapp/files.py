"""The one writer for every file Veldwerk creates: atomic and private (client and server).

:func:`write_private_atomic` writes a 0600 temp file in the target's directory (mode set before
any byte is written), fsyncs it, ``os.replace``-s it over the target and fsyncs the directory:
a crash leaves either the old or the new file, never a torn one, and no other user can read
it at any moment. Callers build the whole content in memory first (PDFs, CSV, DDAS JSON, key
files are small).

Trap: a crash between creating and renaming leaves a temp file ``.<name>.tmp-<random>``;
:func:`stray_temps` lists them so a caller holding secrets (the key-slot file) can shred them.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

_TMP_PREFIX_FMT = ".{name}.tmp-"


def write_private_atomic(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``, readable and writable by the user only.

    The temp file is removed when anything fails; the old file (if any) is then untouched.
    """
    tmp = path.with_name(_TMP_PREFIX_FMT.format(name=path.name) + secrets.token_hex(6))
    old_umask = os.umask(0o077)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    finally:
        os.umask(old_umask)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def stray_temps(path: Path) -> list[Path]:
    """Temp files an interrupted :func:`write_private_atomic` of ``path`` left behind."""
    prefix = _TMP_PREFIX_FMT.format(name=path.name)
    if not path.parent.is_dir():
        return []
    return [p for p in path.parent.iterdir() if p.name.startswith(prefix)]


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; directories cannot be opened on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """``umask 077`` while creating a store, a lock file or a backup.

    Process-wide: files created meanwhile by other threads are private too (harmless).
    """
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)
