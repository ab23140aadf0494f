"""The encrypted client store: one SQLCipher file, its key slots, its schema, its sessions.

Files for a store at ``veldwerk.db``::

    veldwerk.db          SQLCipher database (raw 256-bit key = the DEK)
    veldwerk.db-wal/-shm SQLite WAL files while open (encrypted frames)
    veldwerk.db.keys     key slots (DEK wrapped per passphrase / recovery key), see key_slots.py
    veldwerk.db.bak-0001 encrypted copy made before a schema upgrade from revision 0001
    veldwerk.db.lock     single-instance lock file (StoreLock; empty)

Typical use::

    with StoreLock(path):
        store = Store.open(path, passphrase)      # WrongPassphrase / StoreMissing / ...
        try:
            with store.session() as s:            # commit on success, rollback on error
                s.add(...)
        finally:
            store.close()                         # dispose engine, zero the DEK

Thread use: the engine has a QueuePool (raw-key connects cost ~0.1 ms) and every connection is
keyed and hardened by ``engine.open_engine``; a ``Session`` must stay in one thread. The UI
runs all database jobs on one worker thread.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.errors import StoreCorrupt, StoreMissing
from fieldapp.files import private_umask
from fieldapp.store import key_slots, passphrase_policy
from fieldapp.store.engine import (
    MSG_CORRUPT,
    checkpoint_truncate,
    integrity_check,
    is_corruption_error,
    open_engine,
    open_plain_engine_for_benchmark,
)
from fieldapp.store.kdf import KdfParams, calibrate
from fieldapp.store.migrations.runner import UpgradeResult, upgrade_to_head

MSG_MISSING = "Er is geen Veldwerk-database op deze plek."
MSG_EXISTS = "Hier staat al een Veldwerk-database; die wordt niet overschreven."
MSG_CLOSED = "store is closed"


def wal_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-wal")


def shm_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-shm")


def store_files_exist(db_path: Path) -> bool:
    """Whether a database, its WAL or its key-slot file is already at ``db_path``."""
    slot_path = key_slots.slot_path_for(db_path)
    return any(p.exists() for p in (db_path, slot_path, wal_path_for(db_path)))


class Store:
    """An open store. Build it with :meth:`create`, :meth:`open`, :meth:`open_with_dek`,
    :meth:`recover` (or the ``*_plain_for_benchmark`` constructors), never directly.

    After :meth:`close` every method except ``close`` and ``is_open`` raises RuntimeError.
    """

    def __init__(
        self,
        db_path: Path,
        engine: Engine,
        dek: bytearray | None,
        upgrade: UpgradeResult,
        *,
        _token: object = None,
    ) -> None:
        if _token is not _CONSTRUCT:
            raise TypeError("use Store.create / Store.open / Store.open_with_dek")
        self._path = db_path
        self._engine: Engine | None = engine
        self._dek = dek
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.last_upgrade = upgrade
        """What the open did to the schema (``changed``, ``backup_path``)."""

    # --- constructors ------------------------------------------------------------------------

    @classmethod
    def create(cls, db_path: Path, passphrase: str, *, params: KdfParams | None = None) -> Store:
        """Create a new empty store (schema at head) protected by ``passphrase``.

        ``params=None`` calibrates the Argon2id cost on this device (``kdf.calibrate``).

        Applies the passphrase policy (WeakPassphrase). Refuses to touch an existing database,
        WAL or slot file (FileExistsError, Dutch message). Creates missing directories 0700 and
        all files 0600 (umask 077). On failure nothing of the new store is left behind.
        """
        passphrase_policy.check_new_passphrase(passphrase)
        slot_path = key_slots.slot_path_for(db_path)
        if store_files_exist(db_path):
            raise FileExistsError(MSG_EXISTS)
        dek = key_slots.new_dek()
        with private_umask():
            db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            key_slots.create_slots(
                slot_path, dek, passphrase, db_id=uuid.uuid4().hex, params=params or calibrate()
            )
            try:
                return cls._open_engine_and_migrate(db_path, dek, dek_verified=True)
            except BaseException:
                _remove_db_files(db_path)
                key_slots.destroy_slots(slot_path)
                raise

    @classmethod
    def open(cls, db_path: Path, passphrase: str) -> Store:
        """Unlock with ``passphrase`` and open; upgrades the schema (with a backup) if needed.

        Raises StoreMissing (no database or no slot file), WrongPassphrase (nothing on disk
        changed), StoreCorrupt (slot file or database damaged), StoreTooNew (newer schema).
        """
        if not db_path.is_file():
            raise StoreMissing(MSG_MISSING)
        dek = key_slots.unlock(key_slots.slot_path_for(db_path), passphrase)
        return cls._open_engine_and_migrate(db_path, dek, dek_verified=True)

    @classmethod
    def open_with_dek(cls, db_path: Path, dek: bytearray, *, dek_verified: bool = False) -> Store:
        """Open with a DEK the caller already holds. The store takes ownership of ``dek`` and
        zeroes it on close. With ``dek_verified=False`` a key that does not fit raises
        WrongPassphrase; with True (it came from an authenticated slot) StoreCorrupt.
        """
        if not db_path.is_file():
            raise StoreMissing(MSG_MISSING)
        return cls._open_engine_and_migrate(db_path, dek, dek_verified=dek_verified)

    @classmethod
    def recover(
        cls,
        db_path: Path,
        recovery_key: bytes,
        new_passphrase: str,
        *,
        params: KdfParams | None = None,
    ) -> Store:
        """Forgotten passphrase: unlock with the server-held recovery key, set ``new_passphrase``
        (policy applied; ``params=None`` calibrates), open. Unsynced work is kept. Ask the
        server to rotate the key after.
        """
        if not db_path.is_file():
            raise StoreMissing(MSG_MISSING)
        dek = key_slots.reset_passphrase_with_recovery(
            key_slots.slot_path_for(db_path), recovery_key, new_passphrase, params or calibrate()
        )
        return cls._open_engine_and_migrate(db_path, dek, dek_verified=True)

    @classmethod
    def create_plain_for_benchmark(cls, db_path: Path) -> Store:
        """UNENCRYPTED store with the same schema and pragmas: benchmark baseline only."""
        if db_path.exists():
            raise FileExistsError(MSG_EXISTS)
        return cls.open_plain_for_benchmark(db_path)

    @classmethod
    def open_plain_for_benchmark(cls, db_path: Path) -> Store:
        """Reopen (or create) an UNENCRYPTED benchmark store. Never for real data."""
        engine = open_plain_engine_for_benchmark(db_path)
        try:
            upgrade = upgrade_to_head(engine, db_path, None)
        except BaseException:
            engine.dispose()
            raise
        return cls(db_path, engine, None, upgrade, _token=_CONSTRUCT)

    @classmethod
    def _open_engine_and_migrate(
        cls, db_path: Path, dek: bytearray, *, dek_verified: bool
    ) -> Store:
        engine: Engine | None = None
        try:
            engine = open_engine(db_path, dek, dek_verified=dek_verified)
            upgrade = upgrade_to_head(engine, db_path, dek)
        except BaseException as error:
            if engine is not None:
                engine.dispose()
            key_slots.wipe(dek)
            if isinstance(error, sa_exc.DBAPIError) and is_corruption_error(error):
                raise StoreCorrupt(MSG_CORRUPT) from error
            raise
        return cls(db_path, engine, dek, upgrade, _token=_CONSTRUCT)

    # --- use ---------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def slot_path(self) -> Path:
        return key_slots.slot_path_for(self._path)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError(MSG_CLOSED)
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def is_encrypted(self) -> bool:
        return self._dek is not None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A Session that commits when the block ends normally and rolls back on any exception
        (which is re-raised). ``expire_on_commit=False``: loaded objects stay readable after the
        commit, but they are detached snapshots; do not pass them to the GUI (use repos).

        SQLite corruption errors surface as StoreCorrupt; other errors unchanged.
        """
        if not self.is_open:
            raise RuntimeError(MSG_CLOSED)
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException as error:
            session.rollback()
            if isinstance(error, sa_exc.DBAPIError) and is_corruption_error(error):
                raise StoreCorrupt(MSG_CORRUPT) from error
            raise
        finally:
            session.close()

    def change_passphrase(self, old: str, new: str, params: KdfParams | None = None) -> None:
        """Re-wrap the key (see key_slots.change_passphrase); the database file is not touched.
        ``params=None`` calibrates the Argon2id cost again (the device may be another one now).

        Needs ``old`` even though the store is open: an unlocked, unattended laptop must not be
        enough to change the passphrase. WeakPassphrase / WrongPassphrase as in keys.
        """
        self._require_encrypted()
        passphrase_policy.check_new_passphrase(new)  # before the (slow) calibration
        key_slots.change_passphrase(self.slot_path, old, new, params or calibrate())

    def add_recovery_slot(self, recovery_key: bytes) -> None:
        """Add or replace the recovery slot for this store's key (recovery_key: 32 bytes)."""
        key_slots.add_recovery_slot(self.slot_path, self._require_encrypted(), recovery_key)

    def checkpoint_truncate(self) -> None:
        checkpoint_truncate(self.engine)

    def integrity_check(self) -> list[str]:
        """Problems found (empty = healthy); see engine.integrity_check. Slow on big stores."""
        return integrity_check(self.engine)

    def close(self) -> None:
        """Dispose the engine (closing all pooled connections) and zero the DEK. Idempotent.

        Sessions must be finished first; their uncommitted work is lost.
        """
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._dek is not None:
            key_slots.wipe(self._dek)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _require_encrypted(self) -> bytearray:
        if self._engine is None:
            raise RuntimeError(MSG_CLOSED)
        if self._dek is None:
            raise RuntimeError("plain benchmark store has no key slots")
        return self._dek


def wipe_store(db_path: Path) -> None:
    """Crypto-shred a store (device revoked, or re-enrolment after a forgotten passphrase).

    Destroys the key slots first - that alone makes the database and every copy of it
    unreadable - then deletes the database, its WAL/SHM and the ``.bak-*`` upgrade backups.
    Close the store first. Missing files are fine; the lock file (empty) is left alone.
    """
    key_slots.destroy_slots(key_slots.slot_path_for(db_path))
    backups = (
        [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name + ".bak-")]
        if db_path.parent.is_dir()
        else []
    )
    for path in (db_path, wal_path_for(db_path), shm_path_for(db_path), *backups):
        path.unlink(missing_ok=True)


# --- internals -------------------------------------------------------------------------------

_CONSTRUCT = object()


def _remove_db_files(db_path: Path) -> None:
    for path in (db_path, wal_path_for(db_path), shm_path_for(db_path)):
        path.unlink(missing_ok=True)
