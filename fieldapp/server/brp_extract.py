"""The BRP extract in the server store: import (all or nothing), sealed rows, lookups.

Each record is sealed with AES-256-GCM under a key derived (HKDF) from the server's database
key, and found through HMAC-SHA256 hashes of its BSN and of its postcode + huisnummer: the
table holds no readable BSN, name or address on either database backend. Importing a new
extract replaces the previous one in the same transaction: a refused file changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from fieldapp.brp.extract import ExtractRecord, parse_extract
from fieldapp.brp.model import BrpAddress
from fieldapp.server.db.brp_schema import BrpExtractPersonRow, BrpExtractRow
from fieldapp.server.db.keys import ServerKeys

_CHUNK = 500


def _derive(keys: ServerKeys, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(keys.db_key)


class ExtractSealer:
    """Seal/open records and compute the lookup hashes (keys never leave this object)."""

    def __init__(self, keys: ServerKeys) -> None:
        self._aead = AESGCM(_derive(keys, b"veldwerk brp extract seal v1"))
        self._mac = _derive(keys, b"veldwerk brp extract index v1")

    def bsn_hash(self, bsn: str) -> str:
        return hmac.new(self._mac, f"bsn:{bsn}".encode(), hashlib.sha256).hexdigest()

    def address_hash(self, postcode: str, huisnummer: int) -> str:
        message = f"adres:{postcode}|{huisnummer}".encode()
        return hmac.new(self._mac, message, hashlib.sha256).hexdigest()

    def seal(self, record: ExtractRecord) -> str:
        a = record.address
        doc = {
            "b": record.bsn,
            "n": record.geslachtsnaam,
            "v": record.voorvoegsel,
            "g": record.geboortedatum.isoformat() if record.geboortedatum else None,
            "o": record.overleden,
            "r": record.opschorting,
            "c": record.gemeentecode,
            "a": [a.postcode, a.huisnummer, a.toevoeging] if a else None,
            "i": record.bag_id,
            "f": record.briefadres,
        }
        nonce = secrets.token_bytes(12)
        sealed = self._aead.encrypt(nonce, json.dumps(doc).encode(), b"brp-extract")
        return base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, text: str) -> ExtractRecord:
        blob = base64.b64decode(text)
        doc = json.loads(self._aead.decrypt(blob[:12], blob[12:], b"brp-extract"))
        a = doc["a"]
        return ExtractRecord(
            bsn=doc["b"],
            geslachtsnaam=doc["n"],
            voorvoegsel=doc["v"],
            geboortedatum=date.fromisoformat(doc["g"]) if doc["g"] else None,
            overleden=bool(doc["o"]),
            opschorting=doc["r"],
            gemeentecode=doc["c"],
            address=BrpAddress(a[0], int(a[1]), a[2]) if a else None,
            bag_id=doc["i"],
            briefadres=bool(doc["f"]),
        )


@dataclass(frozen=True, slots=True)
class ExtractInfo:
    id: str
    peildatum: date
    persons: int
    imported_at: datetime


def current_extract(session: Session) -> ExtractInfo | None:
    row = session.scalars(
        select(BrpExtractRow).order_by(BrpExtractRow.imported_at.desc()).limit(1)
    ).first()
    if row is None:
        return None
    return ExtractInfo(row.id, row.peildatum, row.persons, row.imported_at)


def import_extract(
    session: Session, keys: ServerKeys, data: bytes, *, peildatum: date
) -> ExtractInfo:
    """Parse (refusing the whole file on any wrong row), then replace the previous extract in
    the caller's transaction."""
    records = parse_extract(data)
    sealer = ExtractSealer(keys)
    extract_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    session.execute(delete(BrpExtractPersonRow))
    session.execute(delete(BrpExtractRow))
    session.add(
        BrpExtractRow(
            id=extract_id,
            imported_at=now,
            peildatum=peildatum,
            persons=len(records),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    )
    session.flush()
    for start in range(0, len(records), _CHUNK):
        session.execute(
            insert(BrpExtractPersonRow),
            [
                {
                    "extract_id": extract_id,
                    "bsn_hash": sealer.bsn_hash(r.bsn),
                    "address_hash": sealer.address_hash(r.address.postcode, r.address.huisnummer)
                    if r.address
                    else None,
                    "sealed": sealer.seal(r),
                }
                for r in records[start : start + _CHUNK]
            ],
        )
    return ExtractInfo(extract_id, peildatum, len(records), now)


class StoredExtract:
    """``ExtractLookup`` over the current extract in a session (read-only)."""

    def __init__(self, session: Session, keys: ServerKeys) -> None:
        self._session = session
        self._sealer = ExtractSealer(keys)

    def by_bsns(self, bsns: Sequence[str]) -> dict[str, ExtractRecord]:
        hashes_ = {self._sealer.bsn_hash(b): b for b in bsns}
        found: dict[str, ExtractRecord] = {}
        keys = sorted(hashes_)
        for start in range(0, len(keys), _CHUNK):
            for sealed in self._session.scalars(
                select(BrpExtractPersonRow.sealed).where(
                    BrpExtractPersonRow.bsn_hash.in_(keys[start : start + _CHUNK])
                )
            ):
                record = self._sealer.open(sealed)
                found[record.bsn] = record
        return found

    def at_address(self, postcode: str, huisnummer: int) -> list[ExtractRecord]:
        wanted = self._sealer.address_hash(postcode, huisnummer)
        return [
            self._sealer.open(sealed)
            for sealed in self._session.scalars(
                select(BrpExtractPersonRow.sealed).where(BrpExtractPersonRow.address_hash == wanted)
            )
        ]
