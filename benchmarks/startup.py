"""Start-up in two figures, on a 10,000-case store, against a bare PySide6 window.

1. *Unlock screen painted*: wall time from spawning a fresh Python process until the passphrase
   field has focus and the window has painted (``ui.boot``), versus a bare PySide6 window with
   one label painted. Goal: ratio <= 1.5.
2. *Passphrase to first cards*: from Enter until the first page of Vandaag has painted,
   **excluding the Argon2id time** (measured separately in the same child with the store's own
   KDF parameters, and reported). Goal: <= 0.25 s. Also the longest GUI-thread stall from Enter
   until the full list is loaded (goal < 50 ms) and the warm-up (imports + hidden main window
   while the passphrase is typed).

Both in this same run, fresh processes, ``--repeat`` times each (default 5), alternating;
medians compared. Peak RSS (ru_maxrss) of each child is printed too. Offscreen platform.

The store (bulk-inserted synthetic rows) is cached in ``$TMPDIR/veldwerk-bench``. It uses fast
test KDF parameters so the figure is not dominated by a setting that is security, not start-up
work; the cost of the shipped parameters (``DEFAULT_PARAMS``) is printed beside it.

Usage: .venv/bin/python benchmarks/startup.py [--cases 10000] [--repeat 5]
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
    print(f"PAINTED {_peak_mib():.1f}", flush=True)


def child_app(db_path: Path, cases: int) -> None:
    sys.path.insert(0, str(ROOT))
    from ui.application import ensure_application
    from ui.boot import Boot
    from ui.i18n import set_language
    from ui.settings import UiSettings

    app = ensure_application()
    set_language("nl")
    marks: dict[str, float] = {}
    settings = UiSettings(Path(tempfile.gettempdir()) / "veldwerk-bench" / "settings.ini")
    boot = Boot(db_path, settings, probe=lambda event: marks.setdefault(event, time.perf_counter()))
    boot.start()
    app.processEvents()
    page = boot.boot_window.unlock_page
    boot.boot_window.grab()
    assert page.passphrase.isVisible()
    print(f"PAINTED {_peak_mib():.1f}", flush=True)
    t_shown = time.perf_counter()

    from ui.qt import QEventLoop, QTimer

    def wait_for(condition, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        deadline = time.perf_counter() + timeout
        timer = QTimer()
        timer.setInterval(2)

        def check() -> None:
            if condition() or time.perf_counter() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        loop.exec()
        timer.stop()

    # The worker types while the rest loads; Enter comes after the warm-up here so that the
    # second figure is the unlock itself (a faster typist waits for the warm-up's remainder).
    wait_for(lambda: "main_ready" in marks)
    t_ready = time.perf_counter()
    window = boot.window
    assert window is not None

    # The store's own KDF cost, measured on this machine in this process.
    from fieldapp.store import key_slots
    from fieldapp.store.kdf import DEFAULT_PARAMS, argon2id

    t0 = time.perf_counter()  # Argon2id with the slot's own parameters (+ a microsecond unwrap)
    key_slots.wipe(key_slots.unlock(key_slots.slot_path_for(db_path), PASSPHRASE))
    argon2_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    argon2id(PASSPHRASE.encode(), b"s" * 16, DEFAULT_PARAMS)
    argon2_default_s = time.perf_counter() - t0

    stalls: list[float] = []
    last = [time.perf_counter()]
    ticker = QTimer()
    ticker.setInterval(5)

    def tick() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0] - 0.005)
        last[0] = now

    ticker.timeout.connect(tick)
    page.passphrase.setText(PASSPHRASE)
    t_enter = time.perf_counter()
    last[0] = t_enter
    ticker.start()
    page.try_unlock()
    wait_for(lambda: window.today.model.rowCount() > 0)
    window.grab()  # the first cards have painted: the worker can start
    t_cards = time.perf_counter()
    wait_for(lambda: window.today.model.rowCount() == cases)
    ticker.stop()
    t_full = time.perf_counter()
    print(
        f"READY {_peak_mib():.1f} warmup={t_ready - t_shown:.3f} "
        f"enter_to_cards={t_cards - t_enter:.3f} argon2={argon2_s:.3f} "
        f"argon2_default={argon2_default_s:.3f} full={t_full - t_enter:.3f} "
        f"stall={max(stalls, default=0.0) * 1000:.1f}",
        flush=True,
    )
    window.close()
    app.processEvents()


def run_child(args: list[str]) -> tuple[float, str, str]:
    """(seconds from spawn to PAINTED, the PAINTED line, the READY line or '')."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    painted_at, painted, ready = 0.0, "", ""
    for line in proc.stdout:
        if line.startswith("PAINTED"):
            painted_at, painted = time.perf_counter() - started, line.strip()
        if line.startswith("READY"):
            ready = line.strip()
    proc.wait(timeout=120)
    if not painted:
        raise RuntimeError(f"child {args[:2]} ended without PAINTED (exit {proc.returncode})")
    return painted_at, painted, ready


def _field(line: str, name: str) -> float:
    for part in line.split():
        if part.startswith(name + "="):
            return float(part.split("=", 1)[1])
    raise KeyError(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
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
    run_child(["--child", "app", "--db", str(db_path), "--cases", str(args.cases)])
    bare: list[float] = []
    shown: list[float] = []
    readies: list[str] = []
    bare_mem = app_mem = 0.0
    for _ in range(args.repeat):
        elapsed, line, _ready = run_child(["--child", "bare"])
        bare.append(elapsed)
        bare_mem = max(bare_mem, float(line.split()[1]))
        elapsed, line, ready = run_child(
            ["--child", "app", "--db", str(db_path), "--cases", str(args.cases)]
        )
        shown.append(elapsed)
        readies.append(ready)
        app_mem = max(app_mem, float(ready.split()[1]))
    bare_s, shown_s = statistics.median(bare), statistics.median(shown)

    def med(name: str) -> float:
        return statistics.median(_field(r, name) for r in readies)

    to_cards = med("enter_to_cards")
    argon2 = med("argon2")
    print(
        f"bare PySide6 window painted:   {bare_s:.3f} s (median of {args.repeat}), "
        f"peak RSS {bare_mem:.0f} MiB"
    )
    print(
        f"Veldwerk unlock screen painted: {shown_s:.3f} s -> ratio {shown_s / bare_s:.2f} "
        f"(goal <= 1.5)"
    )
    print(f"warm-up while typing (imports + hidden main window): {med('warmup'):.3f} s")
    print(
        f"Enter -> first cards painted: {to_cards:.3f} s, of which Argon2id {argon2:.3f} s "
        f"(store's params) -> {to_cards - argon2:.3f} s without it (goal <= 0.25)"
    )
    print(f"shipped KDF parameters (DEFAULT_PARAMS) on this machine: {med('argon2_default'):.3f} s")
    print(
        f"Enter -> full list of {args.cases}: {med('full'):.3f} s; longest GUI-thread stall "
        f"{statistics.median(_field(r, 'stall') for r in readies):.1f} ms (goal < 50; median of "
        f"the per-run maxima), worst {max(_field(r, 'stall') for r in readies):.1f} ms"
    )
    print(f"peak RSS of the app: {app_mem:.0f} MiB")


if __name__ == "__main__":
    main()
