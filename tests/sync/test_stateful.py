"""Issue 5, figure 7: model-based test of two laptops and one server (Hypothesis state
machine): record, sync, lose a reply after commit, deliver twice, reassign, unassign
(tombstone), revoke. Invariants: the server holds every acked attempt exactly once; no
recorded attempt disappears before the server has it; after a sync a laptop holds personal
data only of its own open cases."""

from __future__ import annotations

import itertools
import shutil
import tempfile
import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import func, select

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.open import open_server_db
from fieldapp.server.db.schema import QuarantineRow
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import enroll, load_identity
from fieldapp.services.sync import husk_ids
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow
from fieldapp.sync.transport import SyncError, SyncUnavailable, Transport
from tests.server.helpers import make_actor, make_cases
from tests.sync.conftest import new_store

_SERVER: dict[str, Any] = {}
_COUNTER = itertools.count()


class LossyTransport(Transport):
    """Real HTTP; the next push reply is 'lost' after the server committed, or the push is
    delivered twice."""

    fault: str = ""

    def call(self, method, path, expect, **kw):  # type: ignore[no-untyped-def, override]
        fault, LossyTransport.fault = LossyTransport.fault, ""
        reply = super().call(method, path, expect, **kw)
        if path == "/v1/sync/push" and fault == "lose":
            raise SyncUnavailable("reply lost")
        if path == "/v1/sync/push" and fault == "twice":
            reply = super().call(method, path, expect, **kw)
        return reply


def _transport(url: str, token: str | None, ca: str | None, cancel: threading.Event) -> Transport:
    return LossyTransport(url, token, ca_bundle=ca, cancel=cancel, retries=0, backoff=0.0)


@pytest.fixture(scope="module", autouse=True)
def server() -> Any:
    tmp = Path(tempfile.mkdtemp(prefix="veldwerk-stateful-"))
    db = open_server_db(None, data_dir=tmp / "server")
    url, stop = start_embedded_server(None, db=db, settings=ServerSettings(fast_password_hash=True))
    _SERVER.update(url=url, db=db, tmp=tmp)
    yield
    stop()
    db.dispose()
    shutil.rmtree(tmp, ignore_errors=True)


class TwoLaptops(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.url: str = _SERVER["url"]
        self.db = _SERVER["db"]
        n = next(_COUNTER)
        team = f"T{n}"
        self.lead = make_actor(self.db, f"lead{n}", "teamlead", team)
        self.workers = [make_actor(self.db, f"w{n}x{i}", "worker", team) for i in range(2)]
        self.cases = [
            c
            for c, _ in make_cases(self.db, team=team, worker_id=self.workers[0].worker_id, count=2)
        ]
        self.cases += [
            c
            for c, _ in make_cases(self.db, team=team, worker_id=self.workers[1].worker_id, count=2)
        ]
        self.dir = Path(tempfile.mkdtemp(dir=_SERVER["tmp"]))
        self.stores: list[Store | None] = []
        self.recorded: list[set[str]] = [set(), set()]
        for i, w in enumerate(self.workers):
            store = new_store(self.dir / f"c{i}.db")
            enroll(store, self.url, w.username, w.password)
            SyncClient(store, transport_factory=_transport).sync()
            self.stores.append(store)
        self.revoked = [False, False]

    def teardown(self) -> None:
        for store in self.stores:
            if store is not None and store.is_open:
                store.close()

    # --- rules -------------------------------------------------------------------------------

    def _alive(self, i: int) -> bool:
        return self.stores[i] is not None

    @rule(i=st.integers(0, 1), pick=st.integers(0, 3))
    def record(self, i: int, pick: int) -> None:
        store = self.stores[i]
        if store is None:
            return
        with store.session() as s:
            ident = load_identity(s)
            husks = husk_ids(s)
            held = [c for c in s.scalars(select(CaseRow.id)) if c not in husks]
            if not held or ident is None:
                return
            aid = str(uuid.uuid4())
            record_attempt(
                s,
                attempt_id=aid,
                case_id=held[pick % len(held)],
                soort=Contactsoort.TELEFOON,
                bereikt=False,
                occurred_at=datetime.now(UTC),
                note=aid,
                worker_id=ident.worker_id,
                device_id=ident.device_id,
            )
        self.recorded[i].add(aid)

    @rule(i=st.integers(0, 1), fault=st.sampled_from(["", "", "lose", "twice"]))
    def sync(self, i: int, fault: str) -> None:
        store = self.stores[i]
        if store is None:
            return
        LossyTransport.fault = fault
        try:
            result = SyncClient(store, transport_factory=_transport).sync()
        except SyncError:
            return
        finally:
            LossyTransport.fault = ""
        if result.wiped:
            self.stores[i] = None
            return
        self._check_only_own_open_cases(i)

    @rule(case=st.integers(0, 3), to=st.sampled_from([0, 1, None]))
    def reassign(self, case: int, to: int | None) -> None:
        worker_id = None if to is None else self.workers[to].worker_id
        r = httpx.post(
            f"{self.url}/v1/cases/assign",
            json={"case_ids": [self.cases[case]], "worker_id": worker_id},
            headers=self.lead.headers,
        )
        assert r.status_code == 200

    @precondition(lambda self: not any(self.revoked))
    @rule(i=st.integers(0, 1), push_first=st.booleans())
    def revoke(self, i: int, push_first: bool) -> None:
        r = httpx.post(
            f"{self.url}/v1/devices/{self.workers[i].device_id}/revoke",
            json={"push_first": push_first},
            headers=self.lead.headers,
        )
        assert r.status_code == 200
        self.revoked[i] = True
        if not push_first:
            # A stolen laptop's unsent work is lost by design; stop tracking it.
            store = self.stores[i]
            if store is not None:
                with store.session() as s:
                    pending = set(
                        s.scalars(select(AttemptRow.id).where(AttemptRow.sync_state == "pending"))
                    )
                self.recorded[i] -= pending

    # --- invariants --------------------------------------------------------------------------

    def _server_ids(self) -> tuple[set[str], int]:
        with self.db.session() as s:
            attempts = set(s.scalars(select(AttemptRow.note).where(AttemptRow.note != "")))
            quarantined = set(s.scalars(select(QuarantineRow.id)))
            rows = (
                s.scalar(select(func.count()).select_from(AttemptRow).where(AttemptRow.note != ""))
                or 0
            )
        return attempts | quarantined, int(rows) - len(attempts)

    @invariant()
    def acked_is_on_server_once_and_nothing_vanishes(self) -> None:
        on_server, duplicates = self._server_ids()
        assert duplicates == 0
        for i, store in enumerate(self.stores):
            local: set[str] = set()
            if store is not None:
                with store.session() as s:
                    acked = set(
                        s.scalars(select(AttemptRow.id).where(AttemptRow.sync_state == "acked"))
                    )
                    local = set(s.scalars(select(AttemptRow.id)))
                assert (acked & self.recorded[i]) <= on_server
            assert self.recorded[i] <= local | on_server

    def _check_only_own_open_cases(self, i: int) -> None:
        store = self.stores[i]
        assert store is not None
        with self.db.session() as s:
            mine = set(
                s.scalars(
                    select(CaseRow.id).where(
                        CaseRow.assigned_worker_id == self.workers[i].worker_id,
                        CaseRow.status == "open",
                    )
                )
            )
        with store.session() as s:
            with_people = set(s.scalars(select(PersonRow.case_id)))
        assert with_people <= mine


TwoLaptops.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
test_two_laptops_one_server = TwoLaptops.TestCase
