"""The column cipher (store.sealed) and the KEK rules (server.db.column_keys), without a
database; the PostgreSQL behaviour is tested in tests/server/test_pg_column_encryption.py."""

from __future__ import annotations

import importlib
import os
import secrets
from pathlib import Path

import pytest

from fieldapp.server.db.column_keys import KEK_ENV, KekRefused, read_kek_file, resolve_kek
from fieldapp.server.db.schema import ServerBase
from fieldapp.store.schema import Base
from fieldapp.store.sealed import ColumnCipher, Sealed, SealedLookup, SealedValueError


def _cipher() -> ColumnCipher:
    return ColumnCipher(secrets.token_bytes(32), secrets.token_bytes(32))


def test_random_sealing_differs_each_time_and_opens_only_under_its_label() -> None:
    c = _cipher()
    a, b = c.seal("people.achternaam", b"Zzjansen"), c.seal("people.achternaam", b"Zzjansen")
    assert a != b and b"Zzjansen" not in a
    assert c.open("people.achternaam", a) == b"Zzjansen"
    with pytest.raises(SealedValueError):
        c.open("people.voornaam", a)  # moved to another column: refused
    with pytest.raises(SealedValueError):
        c.open("people.achternaam", a[:-1] + bytes([a[-1] ^ 1]))


def test_lookup_sealing_is_deterministic_per_key_and_domain() -> None:
    c, other = _cipher(), _cipher()
    v = c.seal_lookup("bsn", b"999990019")
    assert v == c.seal_lookup("bsn", b"999990019") != c.seal_lookup("bsn", b"999990020")
    assert v != other.seal_lookup("bsn", b"999990019")  # keyed: no dictionary across servers
    assert v != c.seal_lookup("address_key", b"999990019")
    assert v[1:33] == c.blind_index("bsn", b"999990019")
    assert c.open("bsn", v) == b"999990019"
    tampered = v[:1] + bytes([v[1] ^ 1]) + v[2:]
    with pytest.raises(SealedValueError):
        c.open("bsn", tampered)


def test_migration_list_equals_the_sealed_columns_of_the_schema() -> None:
    revision = importlib.import_module(
        "fieldapp.server.migrations.versions.0006_pg_column_encryption"
    )
    declared = {
        (
            table.name,
            col.name,
            "lookup" if isinstance(col.type, SealedLookup) else "random",
            col.type.label,
        )
        for md in (Base.metadata, ServerBase.metadata)
        for table in md.tables.values()
        for col in table.columns
        if isinstance(col.type, Sealed)
    }
    listed = {
        (t, c, kind, label) for t, cols in revision.SEALED.items() for c, kind, label, _ in cols
    }
    assert declared == listed


def test_kek_file_must_be_private_and_well_formed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "kek"
    f.write_text(secrets.token_bytes(32).hex())
    os.chmod(f, 0o644)
    with pytest.raises(KekRefused):
        read_kek_file(f)
    os.chmod(f, 0o600)
    assert len(read_kek_file(f)) == 32
    f.write_text("kort")
    with pytest.raises(KekRefused):
        read_kek_file(f)
    derived = secrets.token_bytes(32)
    monkeypatch.delenv(KEK_ENV, raising=False)
    monkeypatch.delenv("FIELDAPP_KEK_FILE", raising=False)
    assert resolve_kek(None, derived) == derived
    env = secrets.token_bytes(32)
    monkeypatch.setenv(KEK_ENV, env.hex())
    assert resolve_kek(None, derived) == env
