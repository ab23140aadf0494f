"""Issue 5, figure 4: the server is restored from an old backup (new epoch); every attempt
still held on a laptop gets back to the server."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.backup import backup_embedded
from fieldapp.server.db.epoch import rotate_epoch
from fieldapp.server.db.open import DB_FILE_NAME, open_server_db
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import enroll, load_identity
from fieldapp.services.sync import pending_count
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseRow
from fieldapp.sync.transport import Transport
from tests.server.helpers import make_actor, make_cases
from tests.sync.conftest import free_port, new_store


def _fast(url: str, token: str | None, ca: str | None, cancel: threading.Event) -> Transport:
    return Transport(url, token, ca_bundle=ca, cancel=cancel, retries=2, backoff=0.01)


def _record(store: Store, n: int) -> None:
    with store.session() as s:
        ident = load_identity(s)
        assert ident is not None
        cases = list(s.scalars(select(CaseRow.id)))
        for i in range(n):
            record_attempt(
                s,
                attempt_id=str(uuid.uuid4()),
                case_id=cases[i % len(cases)],
                soort=Contactsoort.KAARTJE,
                bereikt=False,
                occurred_at=datetime.now(UTC),
                worker_id=ident.worker_id,
                device_id=ident.device_id,
            )


def test_restore_with_new_epoch_recovers_every_attempt_still_on_laptops(tmp_path: Path) -> None:
    data_dir = tmp_path / "server"
    db = open_server_db(None, data_dir=data_dir)
    people = [make_actor(db, name, "worker", "A") for name in ("anna", "bram")]
    for p in people:
        make_cases(db, team="A", worker_id=p.worker_id, count=3)
    port = free_port()
    settings = ServerSettings(fast_password_hash=True)
    url, stop = start_embedded_server(None, port=port, db=db, settings=settings)
    stores = []
    for p in people:
        store = new_store(tmp_path / p.username / "c.db")
        enroll(store, url, p.username, p.password)
        SyncClient(store, transport_factory=_fast).sync()
        stores.append(store)
    for store in stores:
        _record(store, 4)
        SyncClient(store, transport_factory=_fast).sync()
    backup = tmp_path / "backup.db"
    backup_embedded(db, backup)
    for store in stores:  # synced after the backup: the restore loses these on the server
        _record(store, 6)
        SyncClient(store, transport_factory=_fast).sync()
    _record(stores[0], 3)  # and some never sent at all
    stop()
    db.dispose()

    # Restore procedure: put the old file back, rotate the epoch, start again.
    for suffix in ("", "-wal", "-shm"):
        (data_dir / (DB_FILE_NAME + suffix)).unlink(missing_ok=True)
    backup.rename(data_dir / DB_FILE_NAME)
    db = open_server_db(None, data_dir=data_dir)
    with db.session() as s, s.begin():
        rotate_epoch(s)
    url, stop = start_embedded_server(None, port=port, db=db, settings=settings)
    try:
        held: set[str] = set()
        for store in stores:
            result = SyncClient(store, transport_factory=_fast).sync()
            assert result.epoch_changed
            with store.session() as s:
                assert pending_count(s) == 0
                held |= set(s.scalars(select(AttemptRow.id)))
        with db.session() as s:
            on_server = set(s.scalars(select(AttemptRow.id)))
        assert len(held) == 2 * 10 + 3
        recovered = len(held & on_server) / len(held)
        print(f"restore: {len(held)} attempts held on laptops, recovered {recovered:.0%}")
        assert recovered == 1.0
        # The feed works again after the reset cursor: each laptop still has its 3 cases.
        for store in stores:
            with store.session() as s:
                assert len(s.scalars(select(CaseRow.id)).all()) == 3
    finally:
        stop()
        db.dispose()
        for store in stores:
            store.close()
