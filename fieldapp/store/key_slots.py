"""Key slots: envelope encryption of the database key (DEK).

The DEK is 32 random bytes, used as the SQLCipher *raw* key. It is never stored in the clear:
the key-slot file beside the database (``<db>.keys``) holds it wrapped with AES-256-GCM under
one key-encryption key (KEK) per slot, like LUKS key slots:

- ``passphrase`` slot: KEK = Argon2id(NFC(passphrase), salt, t, m, p). The parameters live in
  the slot so they can be raised later without breaking old files.
- ``recovery`` slot: KEK = HKDF-SHA256(recovery_key, salt). The recovery key is 32 random
  bytes held only by the server; it is already full-entropy, so no slow KDF is needed.

The GCM associated data binds the file version, the database id and the slot kind, so a slot
copied into another store's file (or relabelled as another kind) fails to unwrap.

File format (JSON, binary fields base64)::

    {"version": 1, "db_id": "<32 hex>",
     "slots": [{"kind": "passphrase", "kdf": "argon2id", "t": 3, "m": 65536, "p": 4,
                "salt": "...", "nonce": "...", "wrapped": "..."},
               {"kind": "recovery", "kdf": "hkdf-sha256", "salt": "...", "nonce": "...",
                "wrapped": "..."}]}

``m`` is in KiB (argon2's ``memory_cost``).

Traps:
- Every write goes through :func:`fieldapp.files.write_private_atomic`; a crash leaves either
  the old or the new file, never a torn one. A stray temp file may remain; it is ignored,
  removed by the next write and shredded by :func:`destroy_slots`.
- The DEK is handed out as a ``bytearray`` so callers can zero it. Python copies bytes
  internally (AESGCM returns ``bytes``), so wiping is best effort (ASVS 8.3.6).
- Nothing here logs, and no message contains a passphrase or key.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.errors import StoreCorrupt, StoreMissing, WrongPassphrase
from fieldapp.files import fsync_dir, stray_temps, write_private_atomic
from fieldapp.store.kdf import DEFAULT_PARAMS, SALT_BYTES, KdfParams, argon2id
from fieldapp.store.key_slot_file import MSG_CORRUPT, SLOT_FILE_VERSION, parse_slot_file
from fieldapp.store.passphrase_policy import check_new_passphrase, normalise_passphrase

DEK_BYTES = 32
RECOVERY_KEY_BYTES = 32
NONCE_BYTES = 12
KIND_PASSPHRASE = "passphrase"  # noqa: S105 (a slot kind label, not a secret)
KIND_RECOVERY = "recovery"

_KDF_ARGON2ID = "argon2id"
_KDF_HKDF = "hkdf-sha256"
_HKDF_INFO = b"veldwerk recovery slot v1"

_MSG_MISSING = "Er is geen sleutelbestand gevonden bij deze database."
_MSG_WRONG = "De wachtwoordzin klopt niet."
_MSG_WRONG_RECOVERY = "De herstelsleutel past niet bij deze database."


def new_dek() -> bytearray:
    """A fresh 256-bit database key in a wipeable buffer."""
    return bytearray(secrets.token_bytes(DEK_BYTES))


def new_recovery_key() -> bytes:
    """A fresh 256-bit recovery key (the server keeps it; the device must not)."""
    return secrets.token_bytes(RECOVERY_KEY_BYTES)


def wipe(buf: bytearray) -> None:
    """Overwrite a key buffer with zeros in place (best effort; see module docstring)."""
    for i in range(len(buf)):
        buf[i] = 0


def slot_path_for(db_path: Path) -> Path:
    """``veldwerk.db`` -> ``veldwerk.db.keys`` (same directory)."""
    return db_path.with_name(db_path.name + ".keys")


# --- public slot operations ----------------------------------------------------------------


def create_slots(
    slot_path: Path,
    dek: bytearray,
    passphrase: str,
    *,
    db_id: str,
    params: KdfParams = DEFAULT_PARAMS,
) -> None:
    """Write a new slot file with one passphrase slot. Refuses to overwrite an existing file.

    Does not apply the passphrase policy (the caller does, see :func:`check_new_passphrase`).
    """
    _check_dek(dek)
    if slot_path.exists():
        raise FileExistsError(f"key-slot file already exists: {slot_path.name}")
    doc: dict[str, Any] = {"version": SLOT_FILE_VERSION, "db_id": db_id, "slots": []}
    doc["slots"].append(_passphrase_slot(doc, dek, passphrase, params))
    _write_doc(slot_path, doc)


def read_db_id(slot_path: Path) -> str:
    """The database id the slots are bound to (not secret)."""
    return str(_read_doc(slot_path)["db_id"])


def unlock(slot_path: Path, passphrase: str) -> bytearray:
    """Unwrap the DEK with a passphrase.

    Raises StoreMissing (no file), StoreCorrupt (unreadable file), StoreTooNew (newer format)
    or WrongPassphrase. Never touches the database.
    """
    doc = _read_doc(slot_path)
    secret = normalise_passphrase(passphrase).encode("utf-8")
    for slot in _slots_of_kind(doc, KIND_PASSPHRASE):
        kek = argon2id(secret, _b64(slot, "salt"), _params_of(slot))
        dek = _try_unwrap(doc, slot, kek)
        if dek is not None:
            return dek
    raise WrongPassphrase(_MSG_WRONG)


def unlock_with_recovery(slot_path: Path, recovery_key: bytes) -> bytearray:
    """Unwrap the DEK with the server-held recovery key (raises WrongPassphrase if it fails)."""
    doc = _read_doc(slot_path)
    for slot in _slots_of_kind(doc, KIND_RECOVERY):
        kek = _hkdf(recovery_key, _b64(slot, "salt"))
        dek = _try_unwrap(doc, slot, kek)
        if dek is not None:
            return dek
    raise WrongPassphrase(_MSG_WRONG_RECOVERY)


def change_passphrase(slot_path: Path, old: str, new: str, params: KdfParams | None = None) -> None:
    """Re-wrap the DEK under a new passphrase; the database is not touched.

    Applies the policy to ``new`` first (WeakPassphrase), then unlocks with ``old``
    (WrongPassphrase). ``params=None`` keeps the old slot's Argon2id cost; pass new params to
    raise it. Other slots (recovery) are kept. The new slot is verified in memory before the
    file is atomically replaced, so a crash leaves the old passphrase working.
    """
    check_new_passphrase(new)
    doc = _read_doc(slot_path)
    dek = unlock(slot_path, old)
    try:
        old_slots = _slots_of_kind(doc, KIND_PASSPHRASE)
        use = params if params is not None else _params_of(old_slots[0])
        new_slot = _passphrase_slot(doc, dek, new, use)
        doc["slots"] = [s for s in doc["slots"] if s.get("kind") != KIND_PASSPHRASE]
        doc["slots"].insert(0, new_slot)
        _write_doc(slot_path, doc)
    finally:
        wipe(dek)


def reset_passphrase_with_recovery(
    slot_path: Path, recovery_key: bytes, new: str, params: KdfParams = DEFAULT_PARAMS
) -> bytearray:
    """Forgotten passphrase: unwrap with the recovery key, replace the passphrase slot with one
    for ``new`` (policy applied first), keep the recovery slot, return the DEK.

    The server should rotate the recovery key afterwards (call :func:`add_recovery_slot` with
    the new one): a released recovery key is spent.
    """
    check_new_passphrase(new)
    doc = _read_doc(slot_path)
    dek = unlock_with_recovery(slot_path, recovery_key)
    try:
        new_slot = _passphrase_slot(doc, dek, new, params)
        doc["slots"] = [s for s in doc["slots"] if s.get("kind") != KIND_PASSPHRASE]
        doc["slots"].insert(0, new_slot)
        _write_doc(slot_path, doc)
    except BaseException:
        wipe(dek)
        raise
    return dek


def add_recovery_slot(slot_path: Path, dek: bytearray, recovery_key: bytes) -> None:
    """Add (or replace) the recovery slot, wrapping ``dek`` under ``recovery_key`` (32 bytes).

    Trap: the slot file cannot tell whether ``dek`` belongs to this database (no KEK to check
    it with), so pass the DEK of an open store; ``Store.add_recovery_slot`` does exactly that.
    """
    _check_dek(dek)
    if len(recovery_key) != RECOVERY_KEY_BYTES:
        raise ValueError("recovery key must be 32 bytes")
    doc = _read_doc(slot_path)
    salt = secrets.token_bytes(SALT_BYTES)
    slot: dict[str, Any] = {"kind": KIND_RECOVERY, "kdf": _KDF_HKDF, "salt": _enc(salt)}
    _wrap_into(doc, slot, dek, _hkdf(recovery_key, salt))
    doc["slots"] = [s for s in doc["slots"] if s.get("kind") != KIND_RECOVERY] + [slot]
    _write_doc(slot_path, doc)


def destroy_slots(slot_path: Path) -> None:
    """Crypto-shred: overwrite the slot file (and stray temp copies) with random bytes, fsync,
    delete, fsync the directory. Without the slots the database is unreadable.

    Overwriting is not reliable on SSDs or copy-on-write file systems; the guarantee comes from
    the server also destroying the recovery key. Missing files are not an error.
    """
    for path in [slot_path, *stray_temps(slot_path)]:
        with contextlib.suppress(FileNotFoundError):
            size = path.stat().st_size
            fd = os.open(path, os.O_WRONLY)
            try:
                os.write(fd, secrets.token_bytes(max(size, 1)))
                os.fsync(fd)
            finally:
                os.close(fd)
            path.unlink()
    fsync_dir(slot_path.parent)


# --- internals -----------------------------------------------------------------------------


def _hkdf(recovery_key: bytes, salt: bytes) -> bytes:
    if len(recovery_key) != RECOVERY_KEY_BYTES:
        raise WrongPassphrase(_MSG_WRONG_RECOVERY)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_HKDF_INFO).derive(
        recovery_key
    )


def _aad(doc: dict[str, Any], kind: str) -> bytes:
    return f"veldwerk-keyslot|v{doc['version']}|{doc['db_id']}|{kind}".encode()


def _passphrase_slot(
    doc: dict[str, Any], dek: bytearray, passphrase: str, params: KdfParams
) -> dict[str, Any]:
    salt = secrets.token_bytes(SALT_BYTES)
    slot: dict[str, Any] = {
        "kind": KIND_PASSPHRASE,
        "kdf": _KDF_ARGON2ID,
        "t": params.t,
        "m": params.m,
        "p": params.p,
        "salt": _enc(salt),
    }
    kek = argon2id(normalise_passphrase(passphrase).encode("utf-8"), salt, params)
    _wrap_into(doc, slot, dek, kek)
    return slot


def _wrap_into(doc: dict[str, Any], slot: dict[str, Any], dek: bytearray, kek: bytes) -> None:
    """Fill nonce + wrapped, and verify the round trip before anything is written."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    aad = _aad(doc, slot["kind"])
    wrapped = AESGCM(kek).encrypt(nonce, bytes(dek), aad)
    if AESGCM(kek).decrypt(nonce, wrapped, aad) != bytes(dek):
        raise RuntimeError("key wrap round trip failed")
    slot["nonce"] = _enc(nonce)
    slot["wrapped"] = _enc(wrapped)


def _try_unwrap(doc: dict[str, Any], slot: dict[str, Any], kek: bytes) -> bytearray | None:
    try:
        plain = AESGCM(kek).decrypt(
            _b64(slot, "nonce"), _b64(slot, "wrapped"), _aad(doc, slot["kind"])
        )
    except InvalidTag:
        return None
    if len(plain) != DEK_BYTES:
        raise StoreCorrupt(MSG_CORRUPT)
    return bytearray(plain)


def _read_doc(slot_path: Path) -> dict[str, Any]:
    try:
        raw = slot_path.read_bytes()
    except FileNotFoundError:
        raise StoreMissing(_MSG_MISSING) from None
    return parse_slot_file(raw)


def _slots_of_kind(doc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [s for s in doc["slots"] if s["kind"] == kind]


def _params_of(slot: dict[str, Any]) -> KdfParams:
    values = [slot.get(k) for k in ("t", "m", "p")]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        raise StoreCorrupt(MSG_CORRUPT)
    try:
        return KdfParams(t=slot["t"], m=slot["m"], p=slot["p"])
    except ValueError:
        raise StoreCorrupt(MSG_CORRUPT) from None


def _b64(slot: dict[str, Any], field: str) -> bytes:
    value = slot.get(field)
    if not isinstance(value, str):
        raise StoreCorrupt(MSG_CORRUPT)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise StoreCorrupt(MSG_CORRUPT) from None


def _enc(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _check_dek(dek: bytearray) -> None:
    if len(dek) != DEK_BYTES:
        raise ValueError("DEK must be 32 bytes")


def _write_doc(slot_path: Path, doc: dict[str, Any]) -> None:
    data = json.dumps(doc, indent=1, sort_keys=True).encode("utf-8") + b"\n"
    # Old temp files hold (wrapped) keys from an interrupted write: clear them first.
    for stray in stray_temps(slot_path):
        with contextlib.suppress(FileNotFoundError):
            stray.unlink()
    write_private_atomic(slot_path, data)
