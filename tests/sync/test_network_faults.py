"""Issue 5, figure 2: idempotency under network faults (real server, real client, a
misbehaving loopback proxy between them)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import enroll, load_identity
from fieldapp.services.sync import pending_count
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow
from fieldapp.sync.transport import SyncUnavailable, Transport
from tests.server.helpers import make_actor, make_cases
from tests.sync.conftest import new_store
from tests.sync.faultproxy import FaultProxy


@pytest.fixture
def rig(
    embedded: tuple[str, ServerDatabase], tmp_path: Path
) -> Iterator[tuple[FaultProxy, Store, ServerDatabase, list[str]]]:
    url, db = embedded
    anna = make_actor(db, "anna", "worker", "A")
    cases = [c for c, _ in make_cases(db, team="A", worker_id=anna.worker_id, count=2)]
    parts = urlsplit(url)
    proxy = FaultProxy(parts.hostname or "127.0.0.1", parts.port or 0)
    store = new_store(tmp_path / "c.db")
    enroll(store, proxy.url, anna.username, anna.password)
    client = SyncClient(store, transport_factory=_fast)
    client.sync()
    try:
        yield proxy, store, db, cases
    finally:
        if store.is_open:
            store.close()
        proxy.close()


def _fast(url: str, token: str | None, ca: str | None, cancel: threading.Event) -> Transport:
    return Transport(url, token, ca_bundle=ca, cancel=cancel, retries=3, backoff=0.01, timeout=5)


def _record(store: Store, case_ids: list[str], n: int) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in range(n)]
    with store.session() as s:
        ident = load_identity(s)
        assert ident is not None
        for i, aid in enumerate(ids):
            record_attempt(
                s,
                attempt_id=aid,
                case_id=case_ids[i % len(case_ids)],
                soort=Contactsoort.TELEFOON,
                bereikt=False,
                occurred_at=datetime.now(UTC),
                worker_id=ident.worker_id,
                device_id=ident.device_id,
            )
    return ids


def _server_count(db: ServerDatabase, ids: list[str]) -> int:
    with db.session() as s:
        return int(
            s.scalar(select(func.count()).select_from(AttemptRow).where(AttemptRow.id.in_(ids)))
            or 0
        )


def test_reply_lost_after_commit_is_retried_without_duplicates(rig) -> None:  # type: ignore[no-untyped-def]
    proxy, store, db, cases = rig
    ids = _record(store, cases, 5)
    before = len(proxy.served)
    proxy.queue("drop")
    result = SyncClient(store, transport_factory=_fast).sync()
    served = proxy.served[before:]
    assert served[0] == "drop" and set(served[1:]) == {"pass"}  # the push reply was lost once
    assert result.duplicates == 5 and result.accepted == 0  # the server had committed
    assert _server_count(db, ids) == 5
    with store.session() as s:
        assert pending_count(s) == 0


@pytest.mark.parametrize("fault", ["html", "garbage"])
def test_non_protocol_200_acks_nothing(rig, fault: str) -> None:  # type: ignore[no-untyped-def]
    proxy, store, db, cases = rig
    ids = _record(store, cases, 3)
    proxy.queue(*[fault] * 4)  # every retry hits the portal
    with pytest.raises(SyncUnavailable):
        SyncClient(store, transport_factory=_fast).sync()
    with store.session() as s:
        assert pending_count(s) == 3
    # Back on a real network: everything goes through, once.
    SyncClient(store, transport_factory=_fast).sync()
    with store.session() as s:
        assert pending_count(s) == 0
    assert _server_count(db, ids) == 3


@pytest.mark.parametrize("fault", ["truncate", "reset"])
def test_truncated_or_reset_replies_are_retried(rig, fault: str) -> None:  # type: ignore[no-untyped-def]
    proxy, store, db, cases = rig
    ids = _record(store, cases, 4)
    proxy.queue(fault, fault)
    result = SyncClient(store, transport_factory=_fast).sync()
    assert result.accepted + result.duplicates == 4
    assert _server_count(db, ids) == 4
    with store.session() as s:
        assert pending_count(s) == 0
