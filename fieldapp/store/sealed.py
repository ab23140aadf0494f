"""Person-level columns encrypted by the application on PostgreSQL (issue 17, item 4).

The laptop's store and the embedded server are SQLCipher files: the whole file is encrypted, so
these types are plain there (the declared ``plain`` type, byte for byte what it was before).
On a PostgreSQL engine that has a :class:`ColumnCipher` bound (:func:`bind_cipher`, done by
``fieldapp.server.db.open``) the column is ``bytea`` and holds:

- :class:`Sealed` columns (names, birth date, phone, e-mail, street, house number, notes):
  ``0x01 | nonce(12) | AES-256-GCM(k_random, nonce, value, aad=label)`` with a random nonce.
  Equal values give different bytes, so SQL can neither compare nor sort them.
- :class:`SealedLookup` columns (BSN, address key, identity key): equality lookups and the
  unique constraints must keep working in SQL, so the value is deterministic:
  ``0x02 | index(32) | AES-256-GCM(k_lookup, nonce=index[:12], value, aad=domain)`` where
  ``index = HMAC-SHA256(k_index, domain | 0x00 | value)`` is the keyed blind index. The nonce
  repeats only for the same value (synthetic IV, as in SIV modes), which reveals equality,
  exactly what the blind index reveals anyway, and nothing else. Bind parameters go through
  the same type, so ``PersonRow.bsn.in_([...])`` compares indexes without any change to the
  query code. ``domain`` is shared by columns holding the same kind of value (``bsn`` in
  people and opt_outs) so they stay comparable.

Trap: a PostgreSQL engine without a bound cipher refuses to write or read these columns
(never silently plaintext). Range queries, ``LIKE`` and ``ORDER BY`` on them are meaningless
on PostgreSQL: filter and sort in Python after reading.
"""

from __future__ import annotations

import hmac
import json
import secrets
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import JSON, Date, Engine, Float, Integer, LargeBinary, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

RANDOM_FORMAT = 0x01
LOOKUP_FORMAT = 0x02
_NONCE = 12
_INDEX = 32


class SealedValueError(RuntimeError):
    """A sealed value does not open (wrong key, tampered or truncated). No value is named."""


class ColumnCipherMissing(RuntimeError):
    """A PostgreSQL engine without a bound column cipher touched a sealed column."""


class ColumnCipher:
    """AES-256-GCM for values and HMAC-SHA256 for the blind index, from two 32-byte keys.

    ``data_key`` (the DEK) and ``index_key`` are random and stored only wrapped by the KEK
    (``fieldapp.server.db.column_keys``). Sub-keys are derived with HKDF so the random-nonce
    and the synthetic-nonce encryptions never share a key.
    """

    def __init__(self, data_key: bytes, index_key: bytes) -> None:
        if len(data_key) != 32 or len(index_key) != 32:
            raise ValueError("column keys must be 32 bytes")
        self._random = AESGCM(_hkdf(data_key, b"veldwerk column random v1"))
        self._lookup = AESGCM(_hkdf(data_key, b"veldwerk column lookup v1"))
        self._index_key = index_key

    def seal(self, label: str, data: bytes) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        return bytes([RANDOM_FORMAT]) + nonce + self._random.encrypt(nonce, data, label.encode())

    def blind_index(self, domain: str, data: bytes) -> bytes:
        return hmac.digest(self._index_key, domain.encode() + b"\x00" + data, "sha256")

    def seal_lookup(self, domain: str, data: bytes) -> bytes:
        index = self.blind_index(domain, data)
        return (
            bytes([LOOKUP_FORMAT])
            + index
            + self._lookup.encrypt(index[:_NONCE], data, domain.encode())
        )

    def open(self, label_or_domain: str, blob: bytes) -> bytes:
        if not isinstance(blob, bytes):
            blob = bytes(blob)
        try:
            if blob[:1] == bytes([RANDOM_FORMAT]):
                nonce, body = blob[1 : 1 + _NONCE], blob[1 + _NONCE :]
                return self._random.decrypt(nonce, body, label_or_domain.encode())
            if blob[:1] == bytes([LOOKUP_FORMAT]):
                index, body = blob[1 : 1 + _INDEX], blob[1 + _INDEX :]
                data = self._lookup.decrypt(index[:_NONCE], body, label_or_domain.encode())
                if hmac.compare_digest(index, self.blind_index(label_or_domain, data)):
                    return data
        except (InvalidTag, ValueError):
            pass
        raise SealedValueError("a sealed column value does not open with this key")


def _hkdf(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


# --- which engine has which cipher -------------------------------------------------------------
# Keyed by the engine's Dialect: one instance per engine, shared by its connections and by the
# Alembic connection that migrates it, and handed to every bind/result processor call.
_CIPHERS: WeakKeyDictionary[Dialect, ColumnCipher] = WeakKeyDictionary()


def bind_cipher(engine: Engine, cipher: ColumnCipher) -> None:
    _CIPHERS[engine.dialect] = cipher


def cipher_for(dialect: Dialect) -> ColumnCipher | None:
    return _CIPHERS.get(dialect)


def encrypts(dialect: Dialect) -> bool:
    return dialect.name == "postgresql"


def _required(dialect: Dialect) -> ColumnCipher:
    cipher = _CIPHERS.get(dialect)
    if cipher is None:
        raise ColumnCipherMissing("no column cipher bound to this PostgreSQL engine")
    return cipher


# --- encoding of the plain value -----------------------------------------------------------------


def encode_value(plain: TypeEngine[Any], value: Any) -> bytes:
    if isinstance(plain, JSON):
        return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()
    if isinstance(plain, Date):
        return value.isoformat().encode() if isinstance(value, date) else str(value).encode()
    if isinstance(plain, (Integer, Float)):
        return repr(value).encode()
    return str(value).encode()


def decode_value(plain: TypeEngine[Any], data: bytes) -> Any:
    text = data.decode()
    if isinstance(plain, JSON):
        return json.loads(text)
    if isinstance(plain, Date):
        return date.fromisoformat(text)
    if isinstance(plain, Integer):
        return int(text)
    if isinstance(plain, Float):
        return float(text)
    return text


class Sealed(TypeDecorator[Any]):
    """The ``plain`` type everywhere but PostgreSQL; there ``bytea`` holding a random-nonce
    AES-256-GCM ciphertext with ``label`` (``table.column``) as associated data."""

    impl = String
    cache_ok = True

    def __init__(self, plain: TypeEngine[Any], label: str) -> None:
        super().__init__()
        # The Python-side comparator and affinity are the plain type's (TypeDecorator reads
        # ``impl``; the class attribute is only a placeholder).
        self.impl = plain  # type: ignore[assignment]
        self.plain = plain
        self.label = label

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if encrypts(dialect):
            return dialect.type_descriptor(LargeBinary())
        return dialect.type_descriptor(self.plain)

    def _seal(self, cipher: ColumnCipher, data: bytes) -> bytes:
        return cipher.seal(self.label, data)

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or not encrypts(dialect):
            return value
        return self._seal(_required(dialect), encode_value(self.plain, value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None or not encrypts(dialect):
            return value
        return decode_value(self.plain, _required(dialect).open(self.label, value))

    @property
    def python_type(self) -> type[Any]:
        return self.plain.python_type


class SealedLookup(Sealed):
    """Like :class:`Sealed`, but deterministic (blind index + synthetic nonce, see the module
    docstring), so SQL equality, ``IN`` and unique constraints work on PostgreSQL. ``label`` is
    the value's *domain* (``bsn``, ``address_key``, ``identity_key``)."""

    cache_ok = True

    def _seal(self, cipher: ColumnCipher, data: bytes) -> bytes:
        return cipher.seal_lookup(self.label, data)
