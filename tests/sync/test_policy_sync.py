"""The laptop adopts the server's afwegingskader at sync and keeps it offline."""

from __future__ import annotations

from pathlib import Path

from fieldapp.config import policy_text
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
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


def test_only_a_leads_laptop_mirrors_the_exclusion_list(tmp_path: Path) -> None:
    from datetime import date

    from sqlalchemy import select

    from fieldapp.privacy.optout import OptOutEntry, add_opt_out
    from fieldapp.store.schema import OptOutRow

    with server_database("sqlite", tmp_path) as db:
        with db.session() as s, s.begin():
            entry = OptOutEntry.from_input(
                bsn="999990019",
                postcode=None,
                huisnummer=None,
                kind="onveilig",
                visit_mode="nooit",
                until=None,
            )
            add_opt_out(s, entry, today=date(2026, 11, 23))
        url, stop = start_embedded_server(
            None, db=db, settings=ServerSettings(fast_password_hash=True)
        )
        try:
            found = {}
            for role in ("teamlead", "worker"):
                actor = make_actor(db, f"u-{role}", role, "A")
                store = new_store(tmp_path / role / "veldwerk.db")
                enroll(store, url, actor.username, actor.password)
                SyncClient(store).sync()
                with store.session() as s:
                    found[role] = [
                        (r.bsn, r.kind, r.visit_mode) for r in s.scalars(select(OptOutRow))
                    ]
                store.close()
        finally:
            stop()
    assert found == {"teamlead": [("999990019", "onveilig", "nooit")], "worker": []}
