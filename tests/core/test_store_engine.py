"""The SQLCipher engine: every connection keyed and hardened; data never in plaintext."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from fieldapp.errors import StoreCorrupt
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow, PersonRow

MARKER = "Zwanenburg-Testmarker"  # synthetic surname, searched for as bytes
EXPECTED = {
    "temp_store": 2,
    "secure_delete": 1,
    "journal_mode": "wal",
    "synchronous": 2,
    "foreign_keys": 1,
}
PAGE = 4096


def _pragmas(conn: object) -> dict[str, object]:
    return {
        name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # type: ignore[attr-defined]
        for name in EXPECTED
    }


def _add_people(store: Store, n: int, surname: str = MARKER) -> None:
    with store.session() as s:
        s.add(CaseRow(id="case-1", opened_on=date(2026, 3, 2), deadline=date(2026, 4, 2)))
        s.flush()
        s.execute(
            insert(PersonRow),
            [
                {
                    "id": f"p{i}",
                    "case_id": "case-1",
                    "identity_key": f"k{i}",
                    "achternaam": f"{surname}-{i}",
                    "voornaam": "Fenna",
                }
                for i in range(n)
            ],
        )


def test_every_pooled_connection_is_hardened(store: Store) -> None:
    with store.engine.connect() as a, store.engine.connect() as b:  # two pool connections
        assert _pragmas(a) == EXPECTED
        assert _pragmas(b) == EXPECTED
    seen: list[dict[str, object]] = []

    def other_thread() -> None:
        with store.engine.connect() as c:
            seen.append(_pragmas(c))

    t = threading.Thread(target=other_thread)
    t.start()
    t.join()
    assert seen == [EXPECTED]
    with store.engine.connect() as c:
        assert str(c.exec_driver_sql("PRAGMA cipher_memory_security").scalar()) == "0"


def test_names_are_not_in_database_wal_or_shm_bytes(store: Store, store_path: Path) -> None:
    _add_people(store, 50)
    files = [
        store_path,
        store_path.with_name(store_path.name + "-wal"),
        store_path.with_name(store_path.name + "-shm"),
    ]
    assert files[1].stat().st_size > 0  # the data is really in the WAL right now
    for f in files:
        assert MARKER.encode() not in f.read_bytes(), f.name
    store.close()
    assert MARKER.encode() not in store_path.read_bytes()
    # Control: the plaintext is really there for anyone with the key.
    reopened = Store.open(store_path, "paarse fiets onder de brug")
    with reopened.session() as s:
        assert s.scalar(select(PersonRow.achternaam).where(PersonRow.id == "p7")) == f"{MARKER}-7"
    reopened.close()


def test_encrypted_file_is_not_readable_without_key(store: Store, store_path: Path) -> None:
    store.close()
    with sqlite3.connect(store_path) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_plain_benchmark_store_really_is_plain(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    s = Store.create_plain_for_benchmark(path)
    assert not s.is_encrypted
    with s.engine.connect() as c:
        assert _pragmas(c) == EXPECTED
    s.close()
    with sqlite3.connect(path) as plain:
        assert plain.execute("SELECT version_num FROM alembic_version").fetchone() is not None


_TEMP_PROBE = r"""
import json, os, sys
from datetime import date
from pathlib import Path
from sqlalchemy import insert
import sqlcipher3.dbapi2 as sqlcipher
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import CaseRow, PersonRow
from fieldapp.store.client_store import Store

tmpdir, db, marker = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
pad = "y" * 300

def temp_hits():
    hits, files = 0, 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(tmpdir):
            files += 1
            with open(f"/proc/self/fd/{fd}", "rb") as fh:
                hits += fh.read().count(marker.encode())
    return files, hits

# Control: the probe must see plaintext spill when temp_store=FILE (plain connection).
ctl = sqlcipher.connect(str(db.with_name("control.db")))
ctl.execute("PRAGMA temp_store = FILE"); ctl.execute("PRAGMA cache_size = 10")
ctl.execute("CREATE TABLE t (n TEXT)")
ctl.executemany("INSERT INTO t VALUES (?)", [(f"{marker}-{i}{pad}",) for i in range(6000)])
ctl.commit()
cur = ctl.execute("SELECT n FROM t ORDER BY n DESC"); cur.fetchone()
control = temp_hits()
cur.close(); ctl.close()

store = Store.create(db, "paarse fiets onder de brug", params=FAST_TEST_PARAMS)
with store.session() as s:
    s.add(CaseRow(id="c", opened_on=date(2026, 3, 2), deadline=date(2026, 4, 2)))
    s.flush()
    s.execute(insert(PersonRow), [
        {"id": f"p{i}", "case_id": "c", "identity_key": f"k{i}", "achternaam": f"{marker}-{i}{pad}"}
        for i in range(6000)])
raw = store.engine.raw_connection()
raw.driver_connection.execute("PRAGMA cache_size = 10")  # force a sort that would spill
cur = raw.driver_connection.execute("SELECT achternaam FROM people ORDER BY achternaam DESC, id")
cur.fetchone()
raw.driver_connection.execute("CREATE TEMP TABLE tt AS SELECT * FROM people ORDER BY voornaam")
during = temp_hits()
cur.close(); raw.close(); store.close()
leftover = [p.name for p in Path(tmpdir).iterdir()]
print(json.dumps({"control": control, "during": during, "leftover": leftover}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_sorts_and_temp_tables_never_spill_plaintext_to_temp_files(tmp_path: Path) -> None:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "SQLITE_TMPDIR": str(tmpdir), "TMPDIR": str(tmpdir)}
    out = subprocess.run(
        [sys.executable, "-c", _TEMP_PROBE, str(tmpdir) + "/", str(tmp_path / "v.db"), MARKER],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    control_files, control_hits = result["control"]
    assert control_files >= 1 and control_hits > 0  # the probe can see a leak
    assert result["during"] == [0, 0]  # temp_store=MEMORY: no temp file at all
    assert result["leftover"] == []


def _flip_byte(path: Path, offset: int) -> None:
    with path.open("r+b") as fh:
        fh.seek(offset)
        b = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([b[0] ^ 0x5A]))


def test_flipped_byte_in_first_page_gives_store_corrupt_on_open(
    store: Store, store_path: Path
) -> None:
    _add_people(store, 20)
    store.close()
    _flip_byte(store_path, 1000)  # page 1, past the 16-byte salt
    with pytest.raises(StoreCorrupt) as info:
        Store.open(store_path, "paarse fiets onder de brug")
    assert MARKER not in str(info.value)


def test_flipped_byte_in_data_page_is_found_and_reads_raise_store_corrupt(
    store: Store, store_path: Path
) -> None:
    _add_people(store, 300)
    with store.engine.connect() as c:
        root = c.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'people'"
        ).scalar()
    assert isinstance(root, int) and root > 3
    store.close()
    _flip_byte(store_path, (root - 1) * PAGE + 2000)
    reopened = Store.open(store_path, "paarse fiets onder de brug")  # page 1 is fine
    try:
        problems = reopened.integrity_check()
        assert any(f"page {root}" in p for p in problems), problems
        with pytest.raises(StoreCorrupt), reopened.session() as s:
            s.execute(select(PersonRow.achternaam)).all()
    finally:
        reopened.close()


def test_healthy_store_passes_integrity_check(store: Store) -> None:
    _add_people(store, 20)
    assert store.integrity_check() == []


def test_checkpoint_truncate_empties_the_wal(store: Store, store_path: Path) -> None:
    _add_people(store, 20)
    wal = store_path.with_name(store_path.name + "-wal")
    assert wal.stat().st_size > 0
    store.checkpoint_truncate()
    assert wal.stat().st_size == 0
    with store.session() as s:
        assert len(s.execute(select(PersonRow.id)).all()) == 20
