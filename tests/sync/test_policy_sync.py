"""The laptop adopts the server's afwegingskader at sync and keeps it offline."""

from __future__ import annotations

from pathlib import Path

from fieldapp.config import policy_text
from fieldapp.server.app import ServerSettings
from fieldapp.server.embedded import start_embedded_server
from fieldapp.services.identity import enroll
from fieldapp.services.policy import effective_policy, server_policy
from fieldapp.services.sync_client import SyncClient
from tests.server.helpers import make_actor, server_database
from tests.sync.conftest import new_store

STRICTER = policy_text().replace("min_pogingen = 3", "min_pogingen = 4")


def test_sync_brings_the_servers_policy(tmp_path: Path) -> None:
    with server_database("sqlite", tmp_path) as db:
        settings = ServerSettings(fast_password_hash=True, policy_text=STRICTER)
        url, stop = start_embedded_server(None, db=db, settings=settings)
        anna = make_actor(db, "anna", "worker", "A")
        store = new_store(tmp_path / "laptop" / "veldwerk.db")
        try:
            enroll(store, url, anna.username, anna.password)
            with store.session() as s:
                assert server_policy(s) is None  # before the first sync: the local file
                assert effective_policy(s).effort.min_attempts == 3
            SyncClient(store).sync()
        finally:
            stop()
        with store.session() as s:  # offline from here on
            assert effective_policy(s).effort.min_attempts == 4
        store.close()
