"""The keys of PostgreSQL's encrypted columns: a KEK from outside, the column keys inside.

- **KEK** (key-encryption key, 32 bytes, hex): ``fieldapp serve --kek-file F`` (mode 0600 or
  refused; ``$FIELDAPP_KEK_FILE`` names the file for worker processes), else
  ``$FIELDAPP_KEK`` (hex), else derived (HKDF) from the server key file. It never enters the
  database.
- **Column keys**: a random data key (DEK) and a random blind-index key, stored in
  ``server_meta`` only wrapped: ``v1.`` + base64(nonce | AES-256-GCM(KEK, DEK | index key)).
  A ``pg_dump`` holds the wrapped keys and ciphertext, never a key that opens them.
- **Rotation** (:func:`rewrap`): the column keys are re-wrapped under a new KEK in one short
  transaction; no row is rewritten and running servers keep their unwrapped keys, so there is
  no downtime. Processes started afterwards need the new KEK; the old one stops working.

The embedded SQLCipher server binds no column cipher: the whole file is already encrypted.
"""

from __future__ import annotations

import base64
import os
import secrets
import stat
from pathlib import Path
from weakref import WeakKeyDictionary

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import Dialect

from fieldapp.errors import FieldAppError
from fieldapp.files import write_private_atomic
from fieldapp.store.sealed import ColumnCipher, bind_cipher, cipher_for

KEK_ENV = "FIELDAPP_KEK"
KEK_FILE_ENV = "FIELDAPP_KEK_FILE"
COLUMN_KEYS_META = "column_keys"
_AAD = b"veldwerk column keys v1"
_PREFIX = "v1."


class KekRefused(FieldAppError):
    """The KEK file or variable cannot be used (mode, format). Nothing was opened."""

    exit_code = 1


class WrongKek(FieldAppError):
    """The KEK does not open this database's column keys. Nothing was changed."""

    exit_code = 3


def read_kek_file(path: Path) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise KekRefused("Het KEK-bestand is niet leesbaar.") from exc
    if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
        raise KekRefused("Het KEK-bestand moet een gewoon bestand zijn met rechten 0600.")
    return _parse_kek(path.read_text(encoding="ascii", errors="replace"))


def _parse_kek(raw: str) -> bytes:
    try:
        kek = bytes.fromhex(raw.strip())
    except ValueError:
        kek = b""
    if len(kek) != 32:
        raise KekRefused("Een KEK is 64 hexadecimale tekens (32 bytes).")
    return kek


def resolve_kek(kek_file: Path | None, derived: bytes) -> bytes:
    """``kek_file`` (or ``$FIELDAPP_KEK_FILE``), else ``$FIELDAPP_KEK``, else ``derived``."""
    named = kek_file or (Path(os.environ[KEK_FILE_ENV]) if os.environ.get(KEK_FILE_ENV) else None)
    if named is not None:
        return read_kek_file(named)
    if os.environ.get(KEK_ENV):
        return _parse_kek(os.environ[KEK_ENV])
    return derived


def new_kek_file(path: Path) -> bytes:
    """A fresh random KEK written to ``path`` (0600, atomic); refuses to overwrite."""
    if path.exists():
        raise KekRefused("Het nieuwe KEK-bestand bestaat al.")
    kek = secrets.token_bytes(32)
    write_private_atomic(path, kek.hex().encode() + b"\n")
    return kek


def _wrap(kek: bytes, keys: bytes) -> str:
    nonce = secrets.token_bytes(12)
    blob = nonce + AESGCM(kek).encrypt(nonce, keys, _AAD)
    return _PREFIX + base64.b64encode(blob).decode("ascii")


def _unwrap(kek: bytes, wrapped: str) -> bytes:
    try:
        if not wrapped.startswith(_PREFIX):
            raise ValueError("unknown wrap format")
        blob = base64.b64decode(wrapped[len(_PREFIX) :])
        return AESGCM(kek).decrypt(blob[:12], blob[12:], _AAD)
    except (InvalidTag, ValueError) as exc:
        raise WrongKek(
            "Deze KEK opent de kolomsleutels van deze database niet "
            "(na rotate-key: start met het nieuwe KEK-bestand)."
        ) from exc


_SELECT = "SELECT value FROM server_meta WHERE key = :k"


def _read_wrapped(conn: Connection, *, for_update: bool = False) -> str | None:
    query = text(_SELECT + " FOR UPDATE") if for_update else text(_SELECT)
    value = conn.execute(query, {"k": COLUMN_KEYS_META}).scalar_one_or_none()
    return None if value is None else str(value)


def open_or_create(conn: Connection, kek: bytes) -> ColumnCipher:
    """The column cipher from ``server_meta`` (created on first use; race-safe between
    processes), bound to the connection's engine. Runs inside the caller's transaction."""
    wrapped = _read_wrapped(conn)
    if wrapped is None:
        conn.execute(
            text(
                "INSERT INTO server_meta (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING"
            ),
            {"k": COLUMN_KEYS_META, "v": _wrap(kek, secrets.token_bytes(64))},
        )
        wrapped = _read_wrapped(conn)
        assert wrapped is not None
    keys = _unwrap(kek, wrapped)
    cipher = ColumnCipher(keys[:32], keys[32:])
    bind_cipher(conn.engine, cipher)
    return cipher


def rewrap(conn: Connection, old_kek: bytes, new_kek: bytes) -> None:
    """Wrap the column keys under ``new_kek`` (row-locked; data untouched)."""
    if secrets.compare_digest(old_kek, new_kek):
        raise KekRefused("De nieuwe KEK is gelijk aan de huidige.")
    wrapped = _read_wrapped(conn, for_update=True)
    if wrapped is None:
        raise KekRefused("Deze database heeft nog geen kolomsleutels.")
    keys = _unwrap(old_kek, wrapped)
    conn.execute(
        text("UPDATE server_meta SET value = :v WHERE key = :k"),
        {"k": COLUMN_KEYS_META, "v": _wrap(new_kek, keys)},
    )


# --- the KEK an engine opens its column keys with (also the migration's) ---------------------
_PENDING: WeakKeyDictionary[Dialect, bytes] = WeakKeyDictionary()


def expect_kek(engine: Engine, kek: bytes) -> None:
    """Remember ``kek`` for ``engine``: the migration that seals the columns opens (or makes)
    the column keys with it before any row is encrypted."""
    _PENDING[engine.dialect] = kek


def kek_for(engine: Engine) -> bytes:
    kek = _PENDING.get(engine.dialect)
    if kek is None:
        raise RuntimeError("no KEK set for this engine (open it with open_server_db)")
    return kek


def cipher_for_connection(conn: Connection) -> ColumnCipher:
    """The engine's bound cipher, opening the column keys with its expected KEK if needed."""
    return cipher_for(conn.dialect) or open_or_create(conn, kek_for(conn.engine))
