"""Jepsen-style sync crash battery (research T3/T3m).

Each run: a forked client process records attempts and syncs in a loop against a real server
subprocess; the harness kills the client with SIGKILL at a random moment and, sometimes, the
server too (then restarts it). It then reopens the client store, counts what the user was
told is saved (every attempt committed in the store), drains the outbox and compares with
the server:

- lost: saved on the laptop, missing on the server after the drain (must be 0);
- duplicated: server rows beyond one per client attempt (must be 0);
- unsent: still pending after the drain (must be 0).

``--naive`` runs against a server that does not dedupe, to prove the harness can fail.

    .venv/bin/python -m tests.sync.crash_battery 200
    .venv/bin/python -m tests.sync.crash_battery 50 --naive
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.open import open_server_db
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import SyncIdentity, enroll, load_identity
from fieldapp.services.sync import pending_count
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseRow
from fieldapp.sync.transport import SyncError, Transport
from tests.server.helpers import Actor, make_actor, make_cases
from tests.sync.conftest import (
    PASSPHRASE,
    ServerProcess,
    free_port,
    new_store,
    start_server_process,
)


@dataclass
class Summary:
    runs: int = 0
    acknowledged: int = 0
    lost: int = 0
    duplicated: int = 0
    unsent: int = 0
    server_kills: int = 0

    def line(self) -> str:
        return (
            f"runs={self.runs} acknowledged={self.acknowledged} lost={self.lost} "
            f"duplicated={self.duplicated} unsent={self.unsent} server_kills={self.server_kills}"
        )


def _fast(url: str, token: str | None, ca: str | None, cancel: threading.Event) -> Transport:
    return Transport(url, token, ca_bundle=ca, cancel=cancel, retries=2, backoff=0.02, timeout=5)


def _server_with_worker(data_dir: Path, *, cases: int) -> Actor:
    """A fresh server database with worker anna (team A) holding ``cases`` cases."""
    db = open_server_db(None, data_dir=data_dir)
    anna = make_actor(db, "anna", "worker", "A")
    make_cases(db, team="A", worker_id=anna.worker_id, count=cases)
    db.dispose()
    return anna


def _record_attempts(
    session: Session, ident: SyncIdentity, count: int, case_for: Callable[[int], str]
) -> None:
    """``count`` home visits; each note is the attempt's own id (the server count needs it)."""
    for n in range(count):
        aid = str(uuid.uuid4())
        record_attempt(
            session,
            attempt_id=aid,
            case_id=case_for(n),
            soort=Contactsoort.HUISBEZOEK,
            bereikt=False,
            occurred_at=datetime.now(UTC),
            note=aid,
            worker_id=ident.worker_id,
            device_id=ident.device_id,
        )


def _client_loop(store_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    store = Store.open(store_path, PASSPHRASE)
    client = SyncClient(store, transport_factory=_fast, push_page=rnd.choice([3, 10, 200]))
    with store.session() as s:
        ident = load_identity(s)
        case_ids = list(s.scalars(select(CaseRow.id)))
    assert ident is not None and case_ids
    while True:
        with store.session() as s:
            _record_attempts(s, ident, rnd.randint(1, 5), lambda _n: rnd.choice(case_ids))
        try:
            client.sync()
        except SyncError:
            time.sleep(0.005)


def _drain(store: Store) -> None:
    for _ in range(20):
        try:
            SyncClient(store, transport_factory=_fast).sync()
        except SyncError:
            time.sleep(0.1)
            continue
        with store.session() as s:
            if pending_count(s) == 0:
                return


def run_battery(
    runs: int,
    *,
    naive: bool = False,
    seed: int = 1,
    workdir: Path | None = None,
    server_kill_rate: float = 0.15,
    max_kill_after: float = 0.4,
) -> Summary:
    rnd = random.Random(seed)
    base = workdir or Path(tempfile.mkdtemp(prefix="veldwerk-crash-"))
    data_dir = base / "server"
    anna = _server_with_worker(data_dir, cases=5)
    module = "tests.sync.naive_server" if naive else "fieldapp.cli"
    port = free_port()
    server: ServerProcess = start_server_process(data_dir, module=module, port=port)
    store_path = base / "client" / "veldwerk.db"
    store = new_store(store_path)
    enroll(store, server.url, anna.username, anna.password)
    _drain(store)
    store.close()
    summary = Summary()
    try:
        for run in range(runs):
            pid = os.fork()
            if pid == 0:  # child: never returns
                try:
                    _client_loop(store_path, seed * 100_003 + run)
                finally:
                    os._exit(0)
            time.sleep(rnd.uniform(0.02, max_kill_after))
            os.kill(pid, signal.SIGKILL)
            if rnd.random() < server_kill_rate:
                server.proc.kill()
                server.proc.wait()
                summary.server_kills += 1
            os.waitpid(pid, 0)
            if server.proc.poll() is not None:
                server = start_server_process(data_dir, module=module, port=port)
            summary.runs += 1
        store = Store.open(store_path, PASSPHRASE)
        _drain(store)
        store.close()
        _count(store_path, data_dir, summary)
    finally:
        server.stop()
    return summary


def _count(store_path: Path, data_dir: Path, summary: Summary) -> None:
    """Compare the client's attempts with the server's (each attempt's note is its client id,
    so a server that stored one twice under new ids shows it twice)."""
    store = Store.open(store_path, PASSPHRASE)
    with store.session() as s:
        saved = set(s.scalars(select(AttemptRow.id)))
        summary.unsent = pending_count(s)
    store.close()
    summary.acknowledged = len(saved)
    check = open_server_db(None, data_dir=data_dir)
    with check.session() as s:
        notes = Counter(s.scalars(select(AttemptRow.note)))
    check.dispose()
    summary.lost = len(saved - set(notes))
    summary.duplicated = sum(n - 1 for n in notes.values() if n > 1)


def run_lost_reply(workdir: Path, *, naive: bool, attempts: int = 5) -> Summary:
    """The deterministic fault the battery hopes to hit by chance: the server commits a push,
    the reply is lost (a proxy drops it), the client pushes the same items again."""
    from tests.sync.faultproxy import FaultProxy

    data_dir = workdir / "server"
    anna = _server_with_worker(data_dir, cases=2)
    module = "tests.sync.naive_server" if naive else "fieldapp.cli"
    server = start_server_process(data_dir, module=module)
    proxy = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1]))
    store_path = workdir / "client" / "veldwerk.db"
    summary = Summary(runs=1)
    try:
        store = new_store(store_path)
        enroll(store, proxy.url, anna.username, anna.password)
        SyncClient(store, transport_factory=_fast).sync()
        with store.session() as s:
            ident = load_identity(s)
            case_ids = list(s.scalars(select(CaseRow.id)))
            assert ident is not None and case_ids
            _record_attempts(s, ident, attempts, lambda n: case_ids[n % len(case_ids)])
        proxy.queue("drop")
        SyncClient(store, transport_factory=_fast).sync()
        store.close()
        _count(store_path, data_dir, summary)
    finally:
        proxy.close()
        server.stop()
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("runs", type=int, nargs="?", default=200)
    parser.add_argument("--naive", action="store_true", help="server without dedupe")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    summary = run_battery(args.runs, naive=args.naive, seed=args.seed)
    variant = "naive (no dedupe)" if args.naive else "idempotent"
    print(f"crash battery [{variant}]: {summary.line()} in {time.perf_counter() - started:.0f} s")
    ok = summary.lost == 0 and summary.unsent == 0 and summary.duplicated == 0
    return 0 if ok or args.naive else 1


if __name__ == "__main__":
    raise SystemExit(main())
