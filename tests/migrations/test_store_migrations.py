"""Schema migrations: head equals schema.py; a saved revision-0001 store upgrades safely."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from fieldapp.errors import StoreCorrupt
from fieldapp.store import key_slots
from fieldapp.store.client_store import Store
from fieldapp.store.engine import open_engine
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.migrations import runner
from fieldapp.store.schema import AttemptRow, CaseRow, DraftRow, OptOutRow, PersonRow, SignalRow
from tests.migrations.make_fixture import (
    ATTEMPT,
    CASE,
    DB_NAME,
    FIXTURE_PASSPHRASE,
    FIXTURE_REVISION,
    FIXTURES,
    PERSON,
    SIGNAL,
)

VERSIONS = Path(runner.__file__).parent / "versions"


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    """A private copy of the committed revision-0001 store (the original stays pristine)."""
    src = FIXTURES / DB_NAME
    dst = tmp_path / DB_NAME
    shutil.copyfile(src, dst)
    shutil.copyfile(key_slots.slot_path_for(src), key_slots.slot_path_for(dst))
    return dst


def test_new_store_schema_equals_schema_py(store: Store) -> None:
    assert runner.current_revision(store.engine) == runner.head_revision()
    assert runner.schema_differences(store.engine) == []


def test_history_is_linear_and_migrations_are_frozen_snapshots() -> None:
    assert runner.head_revision() in runner.known_revisions()
    assert {"0001", "0002"} <= runner.known_revisions()
    app_import = re.compile(r"^\s*(from|import)\s+fieldapp", re.MULTILINE)
    for f in VERSIONS.glob("*.py"):
        assert not app_import.search(f.read_text()), f"{f.name} must not import app code"


def test_fixture_really_is_at_revision_0001(old_store: Path) -> None:
    dek = key_slots.unlock(key_slots.slot_path_for(old_store), FIXTURE_PASSPHRASE)
    engine = open_engine(old_store, dek)
    try:
        assert runner.current_revision(engine) == FIXTURE_REVISION
        assert "drafts" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_old_store_is_backed_up_then_upgraded_with_data_intact(old_store: Path) -> None:
    store = Store.open(old_store, FIXTURE_PASSPHRASE)
    try:
        up = store.last_upgrade
        assert (up.from_revision, up.to_revision) == ("0001", runner.head_revision())
        assert up.backup_path == old_store.with_name(f"{DB_NAME}.bak-0001")
        assert runner.schema_differences(store.engine) == []
        assert store.integrity_check() == []
        with store.session() as s:
            case = s.get(CaseRow, CASE["id"])
            assert case is not None and case.straat == "Proefstraat" and case.reasons == ["huur"]
            person = s.get(PersonRow, PERSON["id"])
            assert person is not None and person.achternaam == "Fixtura"
            signal = s.get(SignalRow, SIGNAL["id"])
            assert signal is not None and signal.bedrag_cents == 123456
            attempt = s.get(AttemptRow, ATTEMPT["id"])
            assert attempt is not None
            assert attempt.occurred_at == datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
            # The new tables work.
            s.add(DraftRow(key="attempt:" + CASE["id"], payload={"note": "half getypt"}))
            s.add(OptOutRow(id="o1", address_key=CASE["address_key"], until=date(2027, 1, 1)))
        with store.session() as s:
            draft = s.get(DraftRow, "attempt:" + CASE["id"])
            assert draft is not None and draft.payload == {"note": "half getypt"}
            assert s.scalars(select(OptOutRow.id)).all() == ["o1"]
    finally:
        store.close()


def test_backup_is_encrypted_private_and_at_the_old_revision(old_store: Path) -> None:
    Store.open(old_store, FIXTURE_PASSPHRASE).close()
    backup = old_store.with_name(f"{DB_NAME}.bak-0001")
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    with sqlite3.connect(backup) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    dek = key_slots.unlock(key_slots.slot_path_for(old_store), FIXTURE_PASSPHRASE)
    engine = open_engine(backup, dek)
    try:
        assert runner.current_revision(engine) == "0001"
        with engine.connect() as c:
            assert c.exec_driver_sql("SELECT achternaam FROM people").scalar() == "Fixtura"
    finally:
        engine.dispose()


def test_second_open_does_not_migrate_or_back_up_again(old_store: Path) -> None:
    Store.open(old_store, FIXTURE_PASSPHRASE).close()
    again = Store.open(old_store, FIXTURE_PASSPHRASE)
    assert not again.last_upgrade.changed and again.last_upgrade.backup_path is None
    again.close()
    assert [p.name for p in old_store.parent.glob("*.bak-*")] == [f"{DB_NAME}.bak-0001"]


def test_existing_backup_is_never_overwritten(old_store: Path) -> None:
    earlier = old_store.with_name(f"{DB_NAME}.bak-0001")
    earlier.write_bytes(b"an earlier backup")
    store = Store.open(old_store, FIXTURE_PASSPHRASE)
    store.close()
    assert earlier.read_bytes() == b"an earlier backup"
    assert store.last_upgrade.backup_path == old_store.with_name(f"{DB_NAME}.bak-0001-2")


def test_downgrade_and_upgrade_again_round_trip(store: Store) -> None:
    with store.engine.connect() as conn, conn.begin():
        command.downgrade(runner.alembic_config(conn), "0001")
    assert runner.current_revision(store.engine) == "0001"
    assert "drafts" not in inspect(store.engine).get_table_names()
    result = runner.upgrade_to_head(store.engine, store.path, store._dek)
    assert result.changed and result.backup_path is not None
    assert runner.schema_differences(store.engine) == []


def test_tables_without_version_stamp_are_refused(
    store: Store, store_path: Path, store_passphrase: str
) -> None:
    with store.session() as s:
        s.execute(text("DROP TABLE alembic_version"))
    store.close()
    with pytest.raises(StoreCorrupt):
        Store.open(store_path, store_passphrase)


def test_fixture_slot_uses_the_fast_test_params() -> None:
    slot = json.loads(key_slots.slot_path_for(FIXTURES / DB_NAME).read_text())["slots"][0]
    assert (slot["t"], slot["m"], slot["p"]) == (
        FAST_TEST_PARAMS.t,
        FAST_TEST_PARAMS.m,
        FAST_TEST_PARAMS.p,
    )


def test_failed_upgrade_rolls_back_completely(
    old_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_upgrade = command.upgrade

    def upgrade_then_fail(*args: object, **kwargs: object) -> None:
        real_upgrade(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("simulated failure after the DDL ran")

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(RuntimeError):
        Store.open(old_store, FIXTURE_PASSPHRASE)
    monkeypatch.undo()
    dek = key_slots.unlock(key_slots.slot_path_for(old_store), FIXTURE_PASSPHRASE)
    engine = open_engine(old_store, dek)
    try:
        assert runner.current_revision(engine) == "0001"
        assert "drafts" not in inspect(engine).get_table_names()
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    store = Store.open(old_store, FIXTURE_PASSPHRASE)  # a later open still upgrades
    assert store.last_upgrade.changed
    assert store.last_upgrade.backup_path == old_store.with_name(f"{DB_NAME}.bak-0001-2")
    store.close()


def test_fast_path_head_constant_matches_alembic() -> None:
    from fieldapp.store.migrations.runner import HEAD_REVISION, head_revision

    assert head_revision() == HEAD_REVISION
