"""Sync throughput: push 10,000 attempts and pull 2,000 cases over loopback, against a plain
bulk insert of the same rows into the same server database, measured in the same run.

    .venv/bin/python benchmarks/sync_throughput.py [--db postgresql+psycopg://...]
        [--attempts 10000] [--cases 2000]

Prints seconds and the ratio sync / bulk insert (goal: <= 4). Everything runs on 127.0.0.1:
a real uvicorn server (embedded SQLCipher file by default), a real SQLCipher client store.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, select

from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.open import open_server_db
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.embedded import add_user
from fieldapp.server.feed import emit_case_changes
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import enroll, load_identity
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow


def case_rows(n: int, worker_id: str | None, tag: str) -> tuple[list[dict], list[dict], list[dict]]:  # type: ignore[type-arg]
    today = date.today()
    cases, people, signals = [], [], []
    for i in range(n):
        cid, pid = str(uuid.uuid4()), str(uuid.uuid4())
        cases.append(
            dict(
                id=cid,
                address_key=f"9999ZZ|{i}|",
                postcode="9999ZZ",
                huisnummer=i,
                straat="Proefstraat",
                plaats="Testdorp",
                wijk="Noord",
                status="open",
                opened_on=today,
                deadline=today + timedelta(days=28),
                priority=i % 100,
                reasons=["huur"],
                flags=[],
                assigned_worker_id=worker_id,
                toevoeging="",
                notes="",
                meervoudig=False,
                opeenvolgend=False,
                version=0,
            )
        )
        people.append(
            dict(
                id=pid,
                case_id=cid,
                identity_key=f"naam:bench{i}|j.|",
                achternaam=f"Bench{i}",
                voorletters="J.",
                voorvoegsel="",
                voornaam="",
            )
        )
        signals.append(
            dict(
                id=str(uuid.uuid4()),
                partner="Huur",
                external_id=f"{tag}-{i}",
                case_id=cid,
                person_id=pid,
                status="Nog niet opgepakt",
                bedrag_cents=12345,
                received_on=today,
                crisissignaal=False,
                warme_overdracht=False,
                flags=[],
                address_key=f"9999ZZ|{i}|",
            )
        )
    return cases, people, signals


def start_server(
    data_dir: Path, db_url: str | None, workers: int = 1
) -> tuple[str, subprocess.Popen[bytes]]:
    """``fieldapp serve`` in its own process, as deployed (the client's SQLCipher memory
    security is process-wide and would slow an in-process server down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cmd = [
        sys.executable,
        "-m",
        "fieldapp.cli",
        "serve",
        "--data-dir",
        str(data_dir),
        "--port",
        str(port),
    ]
    env = dict(os.environ)
    if db_url:
        env["FIELDAPP_DB_URL"] = db_url  # not on argv: it holds the database password
    if workers > 1:
        cmd += ["--workers", str(workers)]
    # One JSON log line per request would drown the figures: the server's log goes to a file.
    log = open(data_dir.parent / "server.log", "ab")  # noqa: SIM115 (lives with the process)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return url, proc
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server did not start")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=None)
    parser.add_argument("--attempts", type=int, default=10_000)
    parser.add_argument("--cases", type=int, default=2_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="veldwerk-bench-"))
    db = open_server_db(args.db, data_dir=tmp / "server")
    user = add_user(
        db,
        username=f"bench{uuid.uuid4().hex[:6]}",
        password="bench-password-1",
        role="worker",
        team="Bench",
        fast_hash=True,
    )
    cases, people, signals = case_rows(args.cases, user.worker_id, uuid.uuid4().hex[:6])
    with db.session() as s, s.begin():
        s.execute(insert(CaseRow), cases)
        s.execute(insert(PersonRow), people)
        s.execute(insert(SignalRow), signals)
        s.execute(insert(CaseTeamRow), [{"case_id": c["id"], "team": "Bench"} for c in cases])
        emit_case_changes(s, {c["id"]: set() for c in cases})
        # Cases in no one's feed to hold the baseline attempts: on the bench worker's cases
        # those 10,000 rows would ride along in the timed pull (not part of its baseline).
        hosts, _, _ = case_rows(args.cases, None, uuid.uuid4().hex[:6])
        s.execute(insert(CaseRow), hosts)

    # Baseline: the same numbers of rows, bulk-inserted straight into the same database.
    now = datetime.now(UTC)
    attempt_rows = [
        dict(
            id=str(uuid.uuid4()),
            case_id=hosts[i % len(hosts)]["id"],
            soort="Huisbezoek",
            bereikt=False,
            occurred_at=now - timedelta(minutes=i),
            dagdeel="Ochtend",
            outcome=None,
            note="bench",
            worker_id=user.worker_id,
            device_id=None,
            voids=None,
            void_reason="",
            created_at=now,
            sync_state="acked",
            acked_at=now,
            server_epoch_at_ack=None,
        )
        for i in range(args.attempts)
    ]
    c2, p2, s2 = case_rows(args.cases, None, uuid.uuid4().hex[:6])
    t0 = time.perf_counter()
    with db.session() as s, s.begin():
        s.execute(insert(AttemptRow), attempt_rows)
    bulk_attempts_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    with db.session() as s, s.begin():
        s.execute(insert(CaseRow), c2)
        s.execute(insert(PersonRow), p2)
        s.execute(insert(SignalRow), s2)
    bulk_cases_s = time.perf_counter() - t0
    db.dispose()

    url, proc = start_server(tmp / "server", args.db)
    try:
        store = Store.create(tmp / "client.db", "benchmark passphrase 1", params=FAST_TEST_PARAMS)
        enroll(store, url, user.username, "bench-password-1")
        client = SyncClient(store, pull_limit=500)
        t0 = time.perf_counter()
        pulled = client.sync().pulled
        pull_s = time.perf_counter() - t0
        with store.session() as s:
            ident = load_identity(s)
            assert ident is not None
            ids = list(s.scalars(select(CaseRow.id)))
            for i in range(args.attempts):
                record_attempt(
                    s,
                    attempt_id=str(uuid.uuid4()),
                    case_id=ids[i % len(ids)],
                    soort=Contactsoort.HUISBEZOEK,
                    bereikt=False,
                    occurred_at=now - timedelta(minutes=i),
                    note="bench",
                    worker_id=ident.worker_id,
                    device_id=ident.device_id,
                )
        t0 = time.perf_counter()
        accepted = client.sync().accepted
        push_s = time.perf_counter() - t0
        store.close()
    finally:
        proc.terminate()
        proc.wait()

    kind = "PostgreSQL" if args.db and args.db.startswith("postgresql") else "SQLCipher"
    print(f"sync throughput, server on {kind} (loopback HTTP, SQLCipher client store)")
    print(
        f"  pull {pulled} cases:       {pull_s:7.2f} s   bulk insert: {bulk_cases_s:6.2f} s"
        f"   ratio {pull_s / bulk_cases_s:5.1f}x"
    )
    print(
        f"  push {accepted} attempts:  {push_s:7.2f} s   bulk insert: {bulk_attempts_s:6.2f} s"
        f"   ratio {push_s / bulk_attempts_s:5.1f}x"
    )
    total = (pull_s + push_s) / (bulk_cases_s + bulk_attempts_s)
    print(
        f"  total: {pull_s + push_s:.2f} s vs {bulk_cases_s + bulk_attempts_s:.2f} s"
        f" -> ratio {total:.1f}x (goal <= 4)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
