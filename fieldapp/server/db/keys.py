"""The server key file (32 random bytes, hex, mode 0600) and the keys derived from it."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.files import write_private_atomic

KEY_FILE_NAME = "server.key"


class ServerKeys:
    """Keys derived from the server key file. Never logged; never in a URL or message."""

    def __init__(self, master: bytes) -> None:
        if len(master) != 32:
            raise ValueError("server key must be 32 bytes")
        self._db = _hkdf(master, b"veldwerk server db v1")
        self._recovery = _hkdf(master, b"veldwerk server recovery v1")
        self._kek = _hkdf(master, b"veldwerk server kek v1")

    @classmethod
    def load_or_create(cls, key_file: Path) -> ServerKeys:
        """Read ``key_file`` (hex), creating it 0600 with a fresh key if missing."""
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private_atomic(key_file, secrets.token_bytes(32).hex().encode() + b"\n")
        raw = key_file.read_text(encoding="ascii").strip()
        return cls(bytes.fromhex(raw))

    @property
    def db_key(self) -> bytes:
        return self._db

    @property
    def default_kek(self) -> bytes:
        """The KEK of PostgreSQL's column keys when no ``--kek-file``/``$FIELDAPP_KEK`` is set."""
        return self._kek

    def seal_recovery_key(self, device_id: str, recovery_key: bytes) -> str:
        nonce = secrets.token_bytes(12)
        ct = AESGCM(self._recovery).encrypt(nonce, recovery_key, device_id.encode())
        return base64.b64encode(nonce + ct).decode("ascii")

    def open_recovery_key(self, device_id: str, sealed: str) -> bytes:
        blob = base64.b64decode(sealed)
        return AESGCM(self._recovery).decrypt(blob[:12], blob[12:], device_id.encode())


def _hkdf(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)
