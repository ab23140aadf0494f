"""Figure: cost of encryption on the app's own workload (encrypted store vs plain SQLite).

    .venv/bin/python benchmarks/store_overhead.py [--signals 5000] [--attempts 2000] [--repeats 3]

Workload (the same service code for both stores, one run each per repeat):
  import   import a generated synthetic CSV of N signals via ``services.intake.import_files``
  list     ``services.queries.list_case_rows`` (all cases, incl. closed), 5 times
  attempts record M contact attempts via ``services.attempts.record_attempt``, one
           transaction (= one fsync'd commit) each, as the UI does
  reopen   close the store, open it again, list cases once (cold)

Baseline: ``Store.create_plain_for_benchmark`` = same sqlcipher3 module, same schema, same
PRAGMAs (WAL, synchronous=FULL, secure_delete, temp_store=MEMORY), no key. Each measurement
runs in a fresh subprocess, alternating plain/encrypted, because SQLCipher's
``cipher_memory_security`` is process-wide once switched on and would slow the baseline too.

Excluded from the timings: Argon2id (deliberately slow, ~0.15-0.5 s, once per unlock; measured
separately in research B7) and creating the empty store. The reopen of the encrypted store
uses the DEK unwrapped before the timer starts.

Goal: total ratio <= 1.25. Prints medians; numbers are indicative on a shared VM.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSPHRASE = "benchmark wachtwoordzin zonder waarde"  # synthetic, protects nothing
TODAY = date(2026, 3, 20)
PHASES = ("import", "list", "attempts", "reopen")

_SURNAMES = [
    "Jansen",
    "de Vries",
    "van Dijk",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Yilmaz",
    "El Amrani",
    "Nguyen",
    "Kaya",
    "Tahiri",
]
_STREETS = [
    "Proefstraat",
    "Testlaan",
    "Voorbeeldweg",
    "Oefenplein",
    "Schijnkade",
    "Namaakhof",
    "Nepsingel",
    "Demodreef",
]
_PARTNERS = ["Zorgverzekeraar", "Energie", "woningcorporatie", "Water", "CAK"]
_WIJKEN = ["Noord", "Zuid", "Oost", "West", "Centrum"]


def write_synthetic_csv(path: Path, n: int, seed: int = 7) -> None:
    """N signals over ~0.7 N households (some addresses get 2+ signals, as in real intake)."""
    rng = random.Random(seed)
    households = max(1, int(n * 0.7))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(
            [
                "signaal_id",
                "signaalpartner",
                "bedrag",
                "signaaldatum",
                "voorletters",
                "achternaam",
                "geboortedatum",
                "straat",
                "huisnummer",
                "postcode",
                "plaats",
                "wijk",
            ]
        )
        for i in range(n):
            h = i if i < households else rng.randrange(households)
            street = _STREETS[h % len(_STREETS)]
            postcode = f"{9000 + h // 400:04d}{chr(65 + (h // 20) % 26)}{chr(65 + h % 20)}"
            w.writerow(
                [
                    f"BENCH-{i:06d}",
                    rng.choice(_PARTNERS),
                    f"{rng.randint(50, 4000)},{rng.randint(0, 99):02d}",
                    (TODAY - timedelta(days=rng.randint(1, 80))).isoformat(),
                    rng.choice("ABCDEFGHJKLMNPRSTW") + ".",
                    _SURNAMES[h % len(_SURNAMES)],
                    date(1950 + h % 50, 1 + h % 12, 1 + h % 28).isoformat(),
                    street,
                    str(1 + h % 199),
                    postcode,
                    "Testdorp",
                    _WIJKEN[h % len(_WIJKEN)],
                ]
            )


class _Clock:
    """Wall time and this process's CPU time per phase (CPU time is steadier on a shared VM;
    it leaves out fsync waits, which wall time includes)."""

    def __init__(self) -> None:
        self.t: dict[str, float] = {}

    def start(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def stop(self, phase: str) -> None:
        self.t[phase] = time.perf_counter() - self._wall
        self.t[phase + "_cpu"] = time.process_time() - self._cpu


def run_once(mode: str, workdir: Path, csv_path: Path, attempts: int) -> dict[str, float]:
    """One full workload in this process; returns seconds per phase (wall and ``_cpu``)."""
    from fieldapp.config import load_policy
    from fieldapp.domain.ddas import Contactsoort
    from fieldapp.services import queries
    from fieldapp.services.attempts import record_attempt
    from fieldapp.services.intake import import_files
    from fieldapp.store import key_slots
    from fieldapp.store.client_store import Store
    from fieldapp.store.kdf import FAST_TEST_PARAMS

    db = workdir / f"{mode}.db"
    policy = load_policy()
    if mode == "encrypted":
        store = Store.create(db, PASSPHRASE, params=FAST_TEST_PARAMS)
    else:
        store = Store.create_plain_for_benchmark(db)
    clock = _Clock()

    clock.start()
    with store.session() as s:
        report = import_files(s, [csv_path], policy=policy, today=TODAY)
    clock.stop("import")
    assert report.files[0].accepted > 0, "benchmark CSV was not accepted"

    clock.start()
    for _ in range(5):
        with store.session() as s:
            rows = queries.list_case_rows(s, include_closed=True, today=TODAY)
    clock.stop("list")
    case_ids = [r.id for r in rows]
    assert case_ids, "no cases after import"

    rng = random.Random(11)
    kinds = [Contactsoort.HUISBEZOEK, Contactsoort.TELEFOON, Contactsoort.BRIEF]
    base = datetime(2026, 3, 20, 7, 0, tzinfo=UTC)
    clock.start()
    for i in range(attempts):
        with store.session() as s:
            record_attempt(
                s,
                attempt_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                case_id=rng.choice(case_ids),
                soort=kinds[i % len(kinds)],
                bereikt=i % 5 == 0,
                occurred_at=base + timedelta(minutes=i),
                note="benchmark",
            )
    clock.stop("attempts")

    dek = key_slots.unlock(key_slots.slot_path_for(db), PASSPHRASE) if mode == "encrypted" else None
    clock.start()
    store.close()
    if dek is not None:
        store = Store.open_with_dek(db, dek, dek_verified=True)
    else:
        store = Store.open_plain_for_benchmark(db)
    with store.session() as s:
        assert len(queries.list_case_rows(s, include_closed=True, today=TODAY)) == len(rows)
    clock.stop("reopen")
    store.close()
    t = clock.t
    t["total"] = sum(t[p] for p in PHASES)
    t["total_cpu"] = sum(t[p + "_cpu"] for p in PHASES)
    return t


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description="encrypted vs plain store on the app workload")
    ap.add_argument("--signals", type=int, default=5000)
    ap.add_argument("--attempts", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--one", choices=["plain", "encrypted"], help=argparse.SUPPRESS)
    ap.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.one:  # child process: one measurement, JSON on stdout
        print(json.dumps(run_once(args.one, args.workdir, args.csv, args.attempts)))
        return

    results: dict[str, list[dict[str, float]]] = {"plain": [], "encrypted": []}
    with tempfile.TemporaryDirectory(prefix="veldwerk-bench-") as tmp:
        tmpdir = Path(tmp)
        csv_path = tmpdir / "signals.csv"
        write_synthetic_csv(csv_path, args.signals)
        print(
            f"workload: import {args.signals} signals, list cases x5, "
            f"{args.attempts} attempts (1 commit each), close+reopen+list; "
            f"{args.repeats} repeats, alternating, fresh process each"
        )
        for r in range(args.repeats):
            order = ("plain", "encrypted") if r % 2 == 0 else ("encrypted", "plain")
            for mode in order:
                workdir = tmpdir / f"r{r}"
                workdir.mkdir(exist_ok=True)
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--one",
                        mode,
                        "--workdir",
                        str(workdir),
                        "--csv",
                        str(csv_path),
                        "--attempts",
                        str(args.attempts),
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                    cwd=ROOT,
                )
                if out.returncode != 0:
                    sys.exit(f"{mode} run failed:\n{out.stderr}")
                timing = json.loads(out.stdout.strip().splitlines()[-1])
                results[mode].append(timing)
                print(
                    f"  run {r + 1} {mode:9s} total {timing['total']:7.3f} s wall, "
                    f"{timing['total_cpu']:7.3f} s cpu"
                )

    def med(mode: str, key: str) -> float:
        return statistics.median(x[key] for x in results[mode])

    print(f"\nmedians      {'wall s':>24s}          {'cpu s':>24s}")
    print(
        f"{'phase':10s} {'plain':>8s} {'encr.':>8s} {'ratio':>7s}   "
        f"{'plain':>8s} {'encr.':>8s} {'ratio':>7s}"
    )
    for phase in (*PHASES, "total"):
        pw, ew = med("plain", phase), med("encrypted", phase)
        pc, ec = med("plain", phase + "_cpu"), med("encrypted", phase + "_cpu")
        print(
            f"{phase:10s} {pw:8.3f} {ew:8.3f} {ew / pw:6.2f}x   {pc:8.3f} {ec:8.3f} {ec / pc:6.2f}x"
        )
    ratio = med("encrypted", "total") / med("plain", "total")
    verdict = "meets" if ratio <= 1.25 else "MISSES"
    print(f"\nmedian total wall ratio {ratio:.2f}x ({verdict} the <= 1.25x goal)")


if __name__ == "__main__":
    main(sys.argv[1:])
