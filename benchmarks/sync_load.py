"""Sync load against ``fieldapp serve`` on PostgreSQL: the realistic morning and two stress figures.

    . .ci/postgres.sh   # or export FIELDAPP_TEST_PG_URL yourself
    .venv/bin/python benchmarks/sync_load.py [--db URL] [--devices 200] [--workers 2]
        [--over 60] [--mode morning|burst|capacity|all]

Each simulated device (a thread using the real client transport: its own connection, a real
token, the laptop's retry policy incl. Retry-After) pushes one day's attempts on its own cases
and pulls its feed (all pages). Baseline: one device alone, same run.

- ``morning`` (the realistic figure): ``--devices`` arrive over ``--over`` seconds as a Poisson
  process (exponential gaps, seeded). Goal: 0 errors, p95 within 5x one device.
- ``burst`` (stress): all devices start at the same instant. On 2 cores this is a queue by
  construction; admission control answers the excess with 503 + Retry-After at once.
- ``capacity``: Poisson arrivals at rising rates (device syncs per second) for a fixed window
  each, until p95 exceeds 5x one device or an error appears; reports the highest rate that held,
  per server core (the basis for scaling out, docs/sync-server.md).

Loopback only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import os
import random
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
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def run_arrivals(
    url: str,
    devices: list[tuple[str, str, list[str]]],
    gaps: list[float],
) -> tuple[list[float], list[str], list[int], float]:
    """Start one device sync per gap (seconds after the previous start); wait for all."""
    latencies: list[float] = []
    errors: list[str] = []
    retried: list[int] = []
    threads: list[threading.Thread] = []
    t0 = time.perf_counter()
    due = t0
    for (token, device_id, cases), gap in zip(devices, gaps, strict=False):
        due += gap
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        thread = threading.Thread(
            target=one_sync, args=(url, token, device_id, cases, latencies, errors, retried)
        )
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(timeout=600)
    return latencies, errors, retried, time.perf_counter() - t0


def poisson_gaps(count: int, rate_per_s: float, seed: int) -> list[float]:
    rng = random.Random(seed)
    return [rng.expovariate(rate_per_s) for _ in range(count)]


def report(name: str, solo: list[float], lat: list[float], err: list[str], wall: float) -> None:
    ratio = p95(lat) / p95(solo)
    print(
        f"  {name}: {len(lat)} requests in {wall:.1f} s; errors {len(err)} "
        f"{sorted(set(err))[:3]}; p95 {p95(lat) * 1000:.0f} ms vs one device "
        f"{p95(solo) * 1000:.0f} ms -> {ratio:.1f}x (goal <= 5)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("FIELDAPP_TEST_PG_URL"))
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="fieldapp serve --workers N")
    parser.add_argument("--over", type=float, default=60.0, help="morning: arrivals spread (s)")
    parser.add_argument("--mode", choices=("morning", "burst", "capacity", "all"), default="all")
    parser.add_argument("--window", type=float, default=15.0, help="capacity: seconds per rate")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    modes = {"morning", "burst", "capacity"} if args.mode == "all" else {args.mode}
    tmp = Path(tempfile.mkdtemp(prefix="veldwerk-load-"))
    rates = [1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0]
    capacity_devices = int(sum(r * args.window for r in rates)) if "capacity" in modes else 0
    total = 1 + args.devices * (("morning" in modes) + ("burst" in modes)) + capacity_devices
    devices = setup(args.db, tmp / "server", total)
    url, proc = start_server(tmp / "server", args.db, args.workers)
    kind = "PostgreSQL" if args.db and args.db.startswith("postgresql") else "SQLCipher"
    print(f"sync load on {kind}, {args.workers} server worker(s), {os.cpu_count()} cores")
    failed = False
    try:
        solo: list[float] = []
        solo_errors: list[str] = []
        token, device_id, cases = devices[0]
        one_sync(url, token, device_id, cases, [], solo_errors, [])  # warm-up (pool, caches)
        for _ in range(20):
            one_sync(url, token, device_id, cases, solo, solo_errors, [])
        pool = devices[1:]
        if "morning" in modes:
            batch, pool = pool[: args.devices], pool[args.devices :]
            gaps = poisson_gaps(len(batch), len(batch) / args.over, args.seed)
            lat, err, _retried, wall = run_arrivals(url, batch, gaps)
            report(
                f"morning ({len(batch)} devices over {args.over:.0f} s, Poisson)",
                solo,
                lat,
                err,
                wall,
            )
            failed |= bool(err) or p95(lat) > 5 * p95(solo)
        if "capacity" in modes:
            held = 0.0
            for rate in rates:
                count = int(rate * args.window)
                batch, pool = pool[:count], pool[count:]
                lat, err, _retried, wall = run_arrivals(
                    url, batch, poisson_gaps(count, rate, args.seed + int(rate))
                )
                ok = not err and p95(lat) <= 5 * p95(solo)
                print(
                    f"  capacity {rate:>4.0f} syncs/s: p95 {p95(lat) * 1000:.0f} ms "
                    f"({p95(lat) / p95(solo):.1f}x), errors {len(err)} -> "
                    f"{'holds' if ok else 'saturated'}"
                )
                if not ok:
                    break
                held = rate
            cores = min(args.workers, os.cpu_count() or 1)
            print(
                f"  capacity: {held:.0f} device syncs/s held with {args.workers} worker(s) "
                f"= {held / cores:.1f} per server core (p95 <= 5x one device, 0 errors)"
            )
        if "burst" in modes:
            batch = pool[: args.devices]
            lat, err, retried, wall = run_arrivals(url, batch, [0.0] * len(batch))
            report(f"burst ({len(batch)} devices at once; stress)", solo, lat, err, wall)
            print(f"    transport retries (503 + Retry-After, timeouts): {sum(retried)}")
            failed |= bool(err)
    finally:
        proc.terminate()
        proc.wait()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
