"""Store lifecycle on real SQLCipher files: create, open, sessions, passphrases, locks."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from fieldapp.errors import (
    StoreLocked,
    StoreMissing,
    StoreTooNew,
    WeakPassphrase,
    WrongPassphrase,
)
from fieldapp.store import key_slots
from fieldapp.store.client_store import Store, wipe_store
from fieldapp.store.instance_lock import StoreLock
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import CaseRow, KeyValueRow

NEW_PASS = "groene tram naar het strand"


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def _files(store_path: Path) -> dict[str, str | None]:
    names = [store_path.name + s for s in ("", "-wal", "-shm", ".keys")]
    return {n: _digest(store_path.with_name(n)) for n in names}


def _add_case(store: Store, case_id: str = "case-1") -> None:
    with store.session() as s:
        s.add(CaseRow(id=case_id, opened_on=date(2026, 3, 2), deadline=date(2026, 4, 2)))


def test_create_makes_private_files_and_refuses_to_overwrite(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    assert store.is_open and store.path == store_path
    assert stat.S_IMODE(os.stat(store_path.parent).st_mode) == 0o700
    for f in (store_path, store.slot_path):
        assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, f.name
    with pytest.raises(FileExistsError):
        Store.create(store_path, store_passphrase, params=FAST_TEST_PARAMS)
    assert store.integrity_check() == []


def test_create_applies_the_passphrase_policy(store_path: Path) -> None:
    with pytest.raises(WeakPassphrase):
        Store.create(store_path, "te kort", params=FAST_TEST_PARAMS)
    assert not store_path.parent.exists() or not any(store_path.parent.iterdir())


def test_session_commits_on_success_and_rolls_back_on_error(store: Store) -> None:
    _add_case(store)
    with pytest.raises(ValueError), store.session() as s:
        s.add(CaseRow(id="case-2", opened_on=date(2026, 3, 2), deadline=date(2026, 4, 2)))
        s.flush()
        raise ValueError("boom")
    with store.session() as s:
        ids = s.scalars(select(CaseRow.id)).all()
        assert ids == ["case-1"]
        row = s.get(CaseRow, "case-1")
    assert row is not None and row.deadline == date(2026, 4, 2)  # expire_on_commit=False


def test_data_survives_close_and_reopen(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    _add_case(store)
    store.close()
    reopened = Store.open(store_path, store_passphrase)
    with reopened.session() as s:
        assert s.get(CaseRow, "case-1") is not None
    assert not reopened.last_upgrade.changed
    reopened.close()


def test_close_disposes_engine_and_zeroes_key(store: Store) -> None:
    dek = store._dek
    assert dek is not None and any(dek)
    store.close()
    assert not store.is_open and dek == bytearray(32)
    with pytest.raises(RuntimeError):
        _ = store.engine
    with pytest.raises(RuntimeError), store.session():
        pass
    store.close()  # idempotent


def test_wrong_passphrase_changes_no_byte_on_disk(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    _add_case(store)  # store stays open: a live WAL and SHM exist
    before = _files(store_path)
    assert before[store_path.name + "-wal"] is not None
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, "paarse fiets onder de brug?")
    assert _files(store_path) == before
    store.close()
    closed = _files(store_path)
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, "")
    assert _files(store_path) == closed


def test_missing_store_or_slot_file_is_store_missing(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    with pytest.raises(StoreMissing):
        Store.open(store_path.with_name("elders.db"), store_passphrase)
    store.close()
    store.slot_path.rename(store_path.with_name("weg.keys"))
    with pytest.raises(StoreMissing):
        Store.open(store_path, store_passphrase)


def test_change_passphrase_keeps_database_bytes(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    _add_case(store)
    store.close()
    db_before = _digest(store_path)
    s = Store.open(store_path, store_passphrase)
    with pytest.raises(WrongPassphrase):
        s.change_passphrase("niet de goede zin hoor", NEW_PASS)
    s.change_passphrase(store_passphrase, NEW_PASS)
    s.close()
    assert _digest(store_path) == db_before
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, store_passphrase)
    again = Store.open(store_path, NEW_PASS)
    with again.session() as sess:
        assert sess.get(CaseRow, "case-1") is not None
    again.close()


def test_recovery_slot_opens_store_and_sets_new_passphrase(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    _add_case(store)
    recovery = key_slots.new_recovery_key()
    store.add_recovery_slot(recovery)
    store.close()
    recovered = Store.recover(store_path, recovery, NEW_PASS, params=FAST_TEST_PARAMS)
    with recovered.session() as s:
        assert s.get(CaseRow, "case-1") is not None  # unsynced work kept
    recovered.close()
    with pytest.raises(WrongPassphrase):
        Store.open(store_path, store_passphrase)
    Store.open(store_path, NEW_PASS).close()
    with pytest.raises(WrongPassphrase):
        Store.recover(store_path, key_slots.new_recovery_key(), NEW_PASS, params=FAST_TEST_PARAMS)


def test_open_with_dek_wrong_key_is_wrong_passphrase(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open_with_dek(store_path, key_slots.new_dek())
    dek = key_slots.unlock(store.slot_path, store_passphrase)
    s = Store.open_with_dek(store_path, dek)
    assert s.integrity_check() == []
    s.close()
    assert dek == bytearray(32)  # the store owned it and wiped it


def test_database_from_newer_version_is_refused_untouched(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    with store.session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    before = _digest(store_path)
    with pytest.raises(StoreTooNew) as info:
        Store.open(store_path, store_passphrase)
    assert "nieuwere versie van Veldwerk" in str(info.value)
    assert _digest(store_path) == before
    assert not list(store_path.parent.glob("*.bak-*"))


def test_store_lock_is_exclusive_and_reusable(store_path: Path) -> None:
    first = StoreLock(store_path)
    with first:
        assert first.held
        with pytest.raises(StoreLocked) as info:
            StoreLock(store_path).acquire()
        assert "al geopend" in str(info.value)
    assert not first.held
    with StoreLock(store_path) as again:
        assert again.held
    assert stat.S_IMODE(os.stat(first.path).st_mode) == 0o600


def test_kv_round_trip_through_orm(store: Store) -> None:
    with store.session() as s:
        s.add(KeyValueRow(key="sync_cursor", value="42"))
    with store.session() as s:
        assert s.get(KeyValueRow, "sync_cursor") is not None


def test_wipe_store_shreds_slots_and_removes_files(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    _add_case(store)
    store.close()
    backup = store_path.with_name(store_path.name + ".bak-0001")
    backup.write_bytes(b"encrypted copy")
    wipe_store(store_path)
    assert sorted(p.name for p in store_path.parent.iterdir()) == []
    with pytest.raises(StoreMissing):
        Store.open(store_path, store_passphrase)
