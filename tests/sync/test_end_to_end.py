"""Issue 5, figure 1: a real server process on loopback, a real SQLCipher client store."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import select

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.open import open_server_db
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import enroll, load_identity
from fieldapp.services.sync import outbox_status
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.key_slots import slot_path_for
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow
from tests.server.helpers import make_actor, make_cases
from tests.sync.conftest import new_store, start_server_process


def _plaintext_dump(store_path: Path, dek_hex: str, out: Path) -> bytes:
    """Decrypt the whole store with sqlcipher_export, for grepping purged markers."""
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(store_path))
    conn.execute(f"PRAGMA key = \"x'{dek_hex}'\"")
    conn.execute(f"ATTACH DATABASE '{out}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()
    return out.read_bytes()


def test_enroll_push_pull_tombstone_and_revoke_wipe(tmp_path: Path) -> None:
    data_dir = tmp_path / "server"
    db = open_server_db(None, data_dir=data_dir)
    lead = make_actor(db, "lea", "teamlead", "Noord")
    anna = make_actor(db, "anna", "worker", "Noord")
    bram = make_actor(db, "bram", "worker", "Noord")
    cases = make_cases(db, team="Noord", worker_id=anna.worker_id, count=3)
    db.dispose()
    server = start_server_process(data_dir)
    try:
        store_path = tmp_path / "client" / "veldwerk.db"
        store = new_store(store_path)
        enroll(store, server.url, anna.username, anna.password)
        with store.session() as s:
            ident = load_identity(s)
        assert ident is not None and ident.worker_id == anna.worker_id
        assert "token" not in repr(ident) or ident.token not in repr(ident)

        client = SyncClient(store)
        first = client.sync()
        assert first.pulled == 3
        with store.session() as s:
            names = set(s.scalars(select(PersonRow.achternaam)))
        assert names == {name for _, name in cases}

        # Work offline, then push.
        gone_case, gone_name = cases[0]
        attempt_id = str(uuid.uuid4())
        with store.session() as s:
            record_attempt(
                s,
                attempt_id=attempt_id,
                case_id=gone_case,
                soort=Contactsoort.HUISBEZOEK,
                bereikt=False,
                occurred_at=datetime.now(UTC),
                note="Zznotitie test",
                worker_id=ident.worker_id,
                device_id=ident.device_id,
            )
            assert outbox_status(s, datetime.now(UTC)).pending_count == 1
        pushed = client.sync()
        assert pushed.accepted == 1
        with store.session() as s:
            assert s.get(AttemptRow, attempt_id).sync_state == "acked"  # type: ignore[union-attr]
        check = open_server_db(None, data_dir=data_dir)
        with check.session() as s:
            assert s.get(AttemptRow, attempt_id) is not None
        check.dispose()

        # Reassignment -> tombstone -> the person data leaves the laptop, also from free pages.
        r = httpx.post(
            f"{server.url}/v1/cases/assign",
            json={"case_ids": [gone_case], "worker_id": bram.worker_id},
            headers=lead.headers,
        )
        assert r.status_code == 200
        third = client.sync()
        assert third.tombstones == 1
        with store.session() as s:
            assert s.get(CaseRow, gone_case) is None
            assert s.scalars(select(SignalRow).where(SignalRow.case_id == gone_case)).all() == []
            assert s.get(AttemptRow, attempt_id) is None
        wal = store_path.with_name(store_path.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
        plain = _plaintext_dump(store_path, store._dek.hex(), tmp_path / "plain.db")  # type: ignore[union-attr]
        assert gone_name.encode() not in plain
        assert cases[1][1].encode() in plain  # the dump does see live data

        # Revoke (stolen laptop) -> the next contact wipes the store.
        r = httpx.post(
            f"{server.url}/v1/devices/{ident.device_id}/revoke",
            json={"push_first": False},
            headers=lead.headers,
        )
        assert r.status_code == 200
        result = client.sync()
        assert result.wiped
        leftovers = [p.name for p in store_path.parent.iterdir() if not p.name.endswith(".lock")]
        assert leftovers == []
        assert not slot_path_for(store_path).exists()
    finally:
        server.stop()
