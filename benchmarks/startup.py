"""Cold start to a usable Vandaag list on a 10,000-case store, against a bare PySide6 window.

Figure: wall time from spawning a fresh Python process until (app) the Vandaag list holds all
rows and has painted, or (baseline) an empty QMainWindow with one label has painted. Both run
offscreen in this same run, ``--repeat`` times each, alternating; medians are compared.
Also printed: peak memory (ru_maxrss) of each child, and the app's phases.

The store (10,000 open cases, bulk-inserted synthetic rows) is cached between runs in
``$TMPDIR/veldwerk-bench``. It uses the fast test KDF parameters: the Argon2 cost of a real
passphrase (~0.15-0.5 s, by design) is a security setting, not start-up work we can optimise,
and is reported separately by the store's own benchmark.

Usage: .venv/bin/python benchmarks/startup.py [--cases 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "benchmark start zonder echte mensen"


def _store_path(cases: int) -> Path:
    return Path(tempfile.gettempdir()) / "veldwerk-bench" / f"startup-{cases}.db"


def ensure_store(cases: int) -> Path:
    path = _store_path(cases)
    if path.exists():
        return path
    sys.path.insert(0, str(ROOT))
    from tests.ui.town import build_large_store

    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    build_large_store(path, PASSPHRASE, count=cases, today=date.today())
    print(f"built {cases}-case store in {time.perf_counter() - started:.1f} s: {path}")
    return path


def _peak_mib() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def child_bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Veldwerk"))
    window.resize(1200, 820)
    window.show()
    app.processEvents()
    window.grab()  # force a paint, as the app child does
    print(f"READY {_peak_mib():.1f}", flush=True)


def child_app(db_path: Path, cases: int) -> None:
    t0 = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from ui.app import build_window, ensure_application
    from ui.i18n import set_language
    from ui.qt import QEventLoop, QTimer
    from ui.settings import UiSettings

    app = ensure_application()
    set_language("nl")
    t_import = time.perf_counter()
    window = build_window(
        db_path,
        demo_passphrase=PASSPHRASE,
        settings=UiSettings(Path(tempfile.gettempdir()) / "veldwerk-bench" / "settings.ini"),
    )
    window.resize(1200, 820)
    window.show()
    window.start()
    loop = QEventLoop()
    marks: dict[str, float] = {}

    def check() -> None:
        if "unlocked" not in marks and window.backend.is_unlocked:
            marks["unlocked"] = time.perf_counter()
        if "usable" not in marks and window.today.model.rowCount() > 0:
            window.grab()  # the first cards have painted: the worker can start
            marks["usable"] = time.perf_counter()
            print("USABLE", flush=True)
        if window.today.model.rowCount() == cases:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    t_rows = time.perf_counter()
    window.grab()  # the list has painted its visible cards
    t_paint = time.perf_counter()
    print(
        f"READY {_peak_mib():.1f} import={t_import - t0:.3f} "
        f"unlock={marks.get('unlocked', t_rows) - t_import:.3f} "
        f"rows={t_rows - marks.get('unlocked', t_import):.3f} paint={t_paint - t_rows:.3f}",
        flush=True,
    )
    window.close()
    app.processEvents()


USABLE_AT: list[float] = []


def run_child(args: list[str]) -> tuple[float, str]:
    """Seconds from process start to READY; a USABLE line (first cards painted) is recorded
    in ``USABLE_AT`` when the child prints one."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("USABLE"):
            USABLE_AT.append(time.perf_counter() - started)
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            proc.stdout.read()
            proc.wait(timeout=60)
            return elapsed, line.strip()
    proc.wait(timeout=60)
    raise RuntimeError(f"child {args[:2]} ended without READY (exit {proc.returncode})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["bare", "app"])
    parser.add_argument("--db")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return
    if args.child == "app":
        child_app(Path(args.db), args.cases)
        return

    db_path = ensure_store(args.cases)
    run_child(["--child", "bare"])  # warm the OS file cache for both
    bare: list[float] = []
    app: list[float] = []
    details: list[str] = []
    bare_mem = app_mem = 0.0
    for _ in range(args.repeat):
        elapsed, line = run_child(["--child", "bare"])
        bare.append(elapsed)
        bare_mem = max(bare_mem, float(line.split()[1]))
        elapsed, line = run_child(
            ["--child", "app", "--db", str(db_path), "--cases", str(args.cases)]
        )
        app.append(elapsed)
        app_mem = max(app_mem, float(line.split()[1]))
        details.append(" ".join(line.split()[2:]))
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    print(
        f"bare PySide6 window:          {bare_s:.2f} s (median of {args.repeat}), "
        f"peak RSS {bare_mem:.0f} MiB"
    )
    print(
        f"Veldwerk, Vandaag {args.cases} rows: {app_s:.2f} s (median of {args.repeat}), "
        f"peak RSS {app_mem:.0f} MiB"
    )
    for line in details:
        print(f"  phases: {line}")
    usable_s = statistics.median(USABLE_AT) if USABLE_AT else app_s
    print(f"first cards painted (usable):  {usable_s:.2f} s (median of {len(USABLE_AT)})")
    print(f"ratio usable / bare: {usable_s / bare_s:.2f} (goal <= 2.0)")
    print(f"ratio full list / bare: {app_s / bare_s:.2f}")


if __name__ == "__main__":
    main()
