"""Sync load: 200 devices syncing at once against one server process on PostgreSQL.

    . .ci/postgres.sh   # or export FIELDAPP_TEST_PG_URL yourself
    .venv/bin/python benchmarks/sync_load.py [--db URL] [--devices 200] [--workers 2]

Each simulated device (a thread using the real client transport: its own connection, a real
token, the laptop's retry policy) pushes one batch of attempts on its own cases and pulls its
feed (all pages). Reported: errors after retries (goal 0) and the p95 request latency with all
devices starting at the same instant versus one device alone, same run (goal <= 5x).
Loopback only; bounded loops.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sync_throughput import case_rows, start_server  # type: ignore[import-not-found]

from fieldapp.server.auth import create_user, enroll_device, make_hasher
from fieldapp.server.db.open import open_server_db
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.feed import emit_case_changes
from fieldapp.store.schema import CaseRow, PersonRow, SignalRow
from fieldapp.sync.protocol import PROTOCOL_VERSION, ChangesPage, PushResponse
from fieldapp.sync.transport import SyncError, Transport

ATTEMPTS_PER_PUSH = 20
CASES_PER_DEVICE = 10


def setup(db_url: str | None, data_dir: Path, devices: int) -> list[tuple[str, str, list[str]]]:
    """(token, device_id, case ids) per simulated device; teams of 10 workers."""
    db = open_server_db(db_url, data_dir=data_dir)
    hasher = make_hasher(fast=True)
    out = []
    run = uuid.uuid4().hex[:6]
    with db.session() as s, s.begin():
        before: dict[str, set[str]] = {}
        for i in range(devices):
            user = create_user(
                s,
                username=f"load{run}-{i}",
                password="load-password-1",
                role="worker",
                team=f"Load{run}-{i // 10}",
                hasher=hasher,
            )
            enrolment = enroll_device(s, user, db.keys)
            cases, people, signals = case_rows(CASES_PER_DEVICE, user.worker_id, f"{run}-{i}")
            s.execute(insert(CaseRow), cases)
            s.execute(insert(PersonRow), people)
            s.execute(insert(SignalRow), signals)
            s.execute(
                insert(CaseTeamRow),
                [{"case_id": c["id"], "team": f"Load{run}-{i // 10}"} for c in cases],
            )
            before.update({c["id"]: set() for c in cases})
            out.append((enrolment.token, enrolment.device_id, [c["id"] for c in cases]))
        emit_case_changes(s, before)
    db.dispose()
    return out


def one_sync(
    url: str,
    token: str,
    device_id: str,
    cases: list[str],
    latencies: list[float],
    errors: list[str],
    retries: list[int],
) -> None:
    """One device's sync through the real client transport (same retry policy as a laptop)."""
    now = datetime.now(UTC)
    items = [
        {
            "type": "attempt",
            "id": str(uuid.uuid4()),
            "case_id": cases[k % len(cases)],
            "soort": "Huisbezoek",
            "bereikt": False,
            "occurred_at": (now - timedelta(minutes=k)).isoformat(),
            "dagdeel": "Ochtend",
        }
        for k in range(ATTEMPTS_PER_PUSH)
    ]
    calls = 0
    with Transport(url, token, timeout=120, retries=4, backoff=0.2) as transport:
        try:
            t0 = time.perf_counter()
            reply = transport.call(
                "POST",
                "/v1/sync/push",
                PushResponse,
                json={"protocol_version": PROTOCOL_VERSION, "device_id": device_id, "items": items},
            )
            calls += 1
            latencies.append(time.perf_counter() - t0)
            if len(reply.accepted) + len(reply.duplicates) != ATTEMPTS_PER_PUSH:
                errors.append("push not fully accepted")
            cursor = ""
            for _ in range(20):
                t0 = time.perf_counter()
                page = transport.call(
                    "GET", "/v1/sync/changes", ChangesPage, params={"since": cursor, "limit": 200}
                )
                calls += 1
                latencies.append(time.perf_counter() - t0)
                cursor = page.next_cursor
                if not page.has_more:
                    break
        except SyncError as error:
            errors.append(type(error).__name__)
        retries.append(transport.attempts_made - calls)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("FIELDAPP_TEST_PG_URL"))
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="fieldapp serve --workers N")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="veldwerk-load-"))
    devices = setup(args.db, tmp / "server", args.devices + 1)
    url, proc = start_server(tmp / "server", args.db, args.workers)
    try:
        # Baseline: one device alone (several rounds for a stable p95).
        solo: list[float] = []
        solo_errors: list[str] = []
        token, device_id, cases = devices[0]
        one_sync(url, token, device_id, cases, [], solo_errors, [])  # warm-up (pool, caches)
        for _ in range(20):
            one_sync(url, token, device_id, cases, solo, solo_errors, [])
        crowd: list[float] = []
        errors: list[str] = []
        retried: list[int] = []
        barrier = threading.Barrier(args.devices)

        def device(i: int) -> None:
            token, device_id, cases = devices[i + 1]
            barrier.wait()
            one_sync(url, token, device_id, cases, crowd, errors, retried)

        threads = [threading.Thread(target=device, args=(i,)) for i in range(args.devices)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait()
    kind = "PostgreSQL" if args.db and args.db.startswith("postgresql") else "SQLCipher"
    print(f"sync load on {kind} ({args.workers} server worker(s)): ", end="")
    print(f"{args.devices} devices at once, {len(crowd)} requests", end="")
    print(f" in {wall:.1f} s ({len(crowd) / wall:.0f} requests/s)")
    print(
        f"  errors after the client's retries: {len(errors) + len(solo_errors)} (goal 0) "
        f"{sorted(set(errors))[:5]}; transport retries: {sum(retried)}"
    )
    print(
        f"  p95 latency: one device {p95(solo) * 1000:.0f} ms, {args.devices} devices "
        f"{p95(crowd) * 1000:.0f} ms -> ratio {p95(crowd) / p95(solo):.1f}x (goal <= 5)"
    )
    return 0 if not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
