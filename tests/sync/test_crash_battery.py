"""Issue 5, figure 3 (fast variant): kill -9 client and server mid-sync; nothing lost, nothing
doubled, nothing left unsent. The full battery (N >= 200) is ``python -m
tests.sync.crash_battery 200``."""

from __future__ import annotations

from pathlib import Path

from tests.sync.crash_battery import run_battery


def test_crash_battery_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    summary = run_battery(30, seed=7, workdir=tmp_path, max_kill_after=0.4)
    # How many attempts get acknowledged before a kill depends on machine load; the harness
    # must have synced real work, and the invariants must hold whatever the count.
    assert summary.runs == 30 and summary.acknowledged > 0, summary.line()
    assert (summary.lost, summary.duplicated, summary.unsent) == (0, 0, 0), summary.line()


def test_harness_catches_a_server_without_dedupe(tmp_path: Path) -> None:
    # A duplicate needs a kill between the server's commit and the client's ack: the faster
    # the sync, the narrower that window, so give the harness enough runs to hit it.
    summary = run_battery(20, naive=True, seed=3, workdir=tmp_path, server_kill_rate=0.0)
    assert summary.duplicated > 0, summary.line()
