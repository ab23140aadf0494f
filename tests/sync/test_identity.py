"""services.identity: enrolling from the command line leaves the store as the app would."""

from __future__ import annotations

from pathlib import Path

from fieldapp.server.db.engine import ServerDatabase
from fieldapp.services.identity import app_identity, enroll, load_identity
from tests.server.helpers import make_actor
from tests.sync.conftest import new_store


def test_enrolling_without_the_app_adopts_the_server_identity(
    embedded: tuple[str, ServerDatabase], tmp_path: Path
) -> None:
    url, db = embedded
    anna = make_actor(db, "anna", "worker", "A")
    store = new_store(tmp_path / "c.db")
    try:
        with store.session() as s:
            before = app_identity(s)  # a laptop on its own: a local device id, nobody's cases
        assert before.worker_id is None

        reply = enroll(store, url, anna.username, anna.password)

        with store.session() as s:
            after = app_identity(s)
            enrolled = load_identity(s)
        assert enrolled is not None
        assert after.device_id == enrolled.device_id == reply.device_id != before.device_id
        assert after.worker_id == anna.worker_id  # Vandaag shows anna's cases at once
        assert (reply.token, reply.recovery_key) == ("", "")  # secrets stay in the store
    finally:
        store.close()
