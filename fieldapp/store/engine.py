"""SQLAlchemy engines on SQLCipher files, keyed with a raw 256-bit key.

We use the generic ``sqlite+pysqlite`` dialect with the ``sqlcipher3`` DBAPI module and our own
``connect`` listener, registered with ``insert=True`` so it runs before SQLAlchemy's own
first-connect statements. (The ``sqlite+pysqlcipher`` dialect puts the key in the URL and
runs ``PRAGMA key=""`` without one: do not use it.)

Every new connection, in this order:

1. ``PRAGMA key = "x'<hex>'"`` (the text is built here, from the caller's bytearray, and dropped
   at once; it never reaches a log, URL or exception);
2. ``PRAGMA cipher_memory_security = OFF``, asserted (see ``MEMORY_SECURITY`` for why);
3. ``SELECT count(*) FROM sqlite_master`` - a wrong key only shows at the first page read;
4. set *and assert* ``temp_store=MEMORY`` (FILE leaks plaintext to temp files),
   ``secure_delete=ON`` (purged people must not survive in free pages), ``journal_mode=WAL``,
   ``synchronous=FULL`` (laptops lose power), ``foreign_keys=ON``.

Transactions: the stdlib-style driver's "legacy" mode does not BEGIN before DDL or SELECT, so
migrations would not be atomic. We switch the driver to autocommit (``isolation_level=None``)
and emit ``BEGIN`` from SQLAlchemy's ``begin`` event (SQLAlchemy's documented recipe). Trap:
SQLAlchemy's ``AUTOCOMMIT`` isolation level is not compatible with this; statements that must
run outside a transaction (``VACUUM INTO``, ``wal_checkpoint``) go through a raw DBAPI
connection, see :func:`raw_connection`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.pool import ConnectionPoolEntry

from fieldapp.errors import FieldAppError, StoreCorrupt, WrongPassphrase

MEMORY_SECURITY = False
"""SQLCipher's ``cipher_memory_security`` (wipe every allocation on free) stays OFF.

Measured on our own workload (benchmarks/store_overhead.py): ON makes the encrypted store
1.8-1.9x slower than plain SQLite (import 2.5x), OFF brings it to ~1.0x. What it protects
against is an attacker reading this process's memory while the store is unlocked, which is
out of our threat model (research (c): malware as the same user while unlocked), and Python
objects holding the same personal data live in that memory anyway. Zetetic turned the default
OFF in SQLCipher 4.5.0 for the same cost. Locking disposes the engine and zeroes the DEK.
It is process-wide and cannot be switched off again once on, hence a constant.
"""

log = logging.getLogger(__name__)

SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26

MSG_CORRUPT = (
    "De database is beschadigd of hoort niet bij dit sleutelbestand. "
    "Neem contact op met de functioneel beheerder."
)
MSG_WRONG_KEY = "De sleutel past niet bij deze database (of de database is beschadigd)."

# (pragma, value to set, value PRAGMA <name> must then report)
_REQUIRED_PRAGMAS: tuple[tuple[str, str, int | str], ...] = (
    ("temp_store", "MEMORY", 2),
    ("secure_delete", "ON", 1),
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("foreign_keys", "ON", 1),
)


class PragmaNotApplied(RuntimeError):
    """A required PRAGMA did not take effect: refuse the connection rather than leak data."""


def is_corruption_error(error: BaseException) -> bool:
    """True for SQLite's "database disk image is malformed" / "file is not a database".

    Accepts DBAPI errors and SQLAlchemy wrappers. Integrity errors (constraint violations) and
    "database is locked" are not corruption.
    """
    if isinstance(error, sa_exc.DBAPIError) and error.orig is not None:
        error = error.orig
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(error).lower()
    return "malformed" in text or "file is not a database" in text


def open_engine(db_path: Path, dek: bytearray, *, dek_verified: bool = True) -> Engine:
    """An engine on the SQLCipher file ``db_path`` keyed with ``dek`` (32 bytes).

    The first connection is made here, so a bad key fails now, not later:

    - ``dek_verified=True`` (the DEK came out of an authenticated key slot, so it is the right
      key): a failing first read means the file is damaged -> :class:`StoreCorrupt`.
    - ``dek_verified=False`` (a DEK from elsewhere): wrong key and damage look the same to
      SQLCipher -> :class:`WrongPassphrase`.

    The engine keeps a reference to ``dek`` (not a copy) for later connections: zero the
    bytearray only after ``engine.dispose()``. Creates the file if it does not exist.
    """
    if len(dek) != 32:
        raise ValueError("DEK must be 32 bytes")
    engine = _create(db_path)
    bad_key_error: type[FieldAppError] = StoreCorrupt if dek_verified else WrongPassphrase
    bad_key_message = MSG_CORRUPT if dek_verified else MSG_WRONG_KEY

    @event.listens_for(engine, "connect", insert=True)
    def _key_and_harden(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        _apply_key(dbapi_conn, dek)
        try:
            dbapi_conn.execute(
                f"PRAGMA cipher_memory_security = {'ON' if MEMORY_SECURITY else 'OFF'}"
            ).fetchall()
            memory_security = dbapi_conn.execute("PRAGMA cipher_memory_security").fetchone()
            dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError as error:
            if not is_corruption_error(error):
                raise
            raise bad_key_error(bad_key_message) from None
        if memory_security is None or str(memory_security[0]) != str(int(MEMORY_SECURITY)):
            raise PragmaNotApplied("PRAGMA cipher_memory_security not applied")
        _apply_required_pragmas(dbapi_conn)

    _first_connect(engine)
    return engine


def open_plain_engine_for_benchmark(db_path: Path) -> Engine:
    """An UNENCRYPTED engine, same module, same pragmas: only the benchmark baseline uses it.

    Never use it for real data: nothing protects the file.
    """
    engine = _create(db_path)

    @event.listens_for(engine, "connect", insert=True)
    def _harden(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        _apply_required_pragmas(dbapi_conn)

    _first_connect(engine)
    return engine


@contextlib.contextmanager
def raw_connection(engine: Engine) -> Iterator[Any]:
    """A pooled DBAPI connection (driver autocommit, no open transaction) for statements that
    cannot run in a transaction. Returned to the pool afterwards."""
    conn = engine.raw_connection()
    try:
        yield conn.driver_connection
    finally:
        conn.close()


def integrity_check(engine: Engine) -> list[str]:
    """Problems found by ``PRAGMA cipher_integrity_check`` (page HMACs, encrypted stores only)
    and ``PRAGMA integrity_check`` (b-tree structure). Empty list = healthy.

    Reads the whole file (seconds for large stores): run it in the background. A database too
    damaged to check yields one problem line instead of an exception.
    """
    problems: list[str] = []
    with raw_connection(engine) as conn:
        try:
            # Rows only on failure (e.g. "HMAC verification failed for page 6").
            problems.extend(str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check"))
            rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        except sqlcipher.DatabaseError as error:
            if not is_corruption_error(error):
                raise
            problems.append("database disk image is malformed")
            return problems
    if rows != ["ok"]:
        problems.extend(rows)
    return problems


def checkpoint_truncate(engine: Engine) -> None:
    """Copy the WAL into the main file and truncate it to zero bytes.

    Use after a retention purge (with ``secure_delete`` the freed pages are then overwritten)
    and before backups. Raises RuntimeError if a reader blocked the checkpoint.
    """
    with raw_connection(engine) as conn:
        busy, _log_frames, _checkpointed = conn.execute(
            "PRAGMA wal_checkpoint(TRUNCATE)"
        ).fetchone()
    if busy:
        raise RuntimeError("WAL checkpoint blocked by an open reader")


# --- internals -----------------------------------------------------------------------------


def _create(db_path: Path) -> Engine:
    # hide_parameters: error messages and logs must never carry names, BSNs or amounts.
    engine = create_engine(f"sqlite+pysqlite:///{db_path}", module=sqlcipher, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _driver_autocommit(dbapi_conn: Any, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _first_connect(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except BaseException:
        engine.dispose()
        raise


def _apply_key(dbapi_conn: Any, dek: bytearray) -> None:
    # The only place the key exists as text; Python cannot wipe str (accepted residual risk).
    dbapi_conn.execute(f"PRAGMA key = \"x'{dek.hex()}'\"").fetchall()


def _apply_required_pragmas(dbapi_conn: Any) -> None:
    for name, value, expected in _REQUIRED_PRAGMAS:
        dbapi_conn.execute(f"PRAGMA {name} = {value}").fetchall()
        got = dbapi_conn.execute(f"PRAGMA {name}").fetchone()[0]
        if isinstance(got, str):
            got = got.lower()
        if got != expected:
            log.error("PRAGMA %s not applied (got %r)", name, got)
            raise PragmaNotApplied(f"PRAGMA {name} not applied")
