"""Two demo starts at once share one build; an interrupted build is rebuilt (issue 11 item 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fieldapp import demo
from fieldapp.demo import DEMO_PASSPHRASE, ensure_demo_store, running_demo_server
from fieldapp.demo_lock import DemoBusy, demo_build_lock, is_complete, marker_path_for
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]
_CHILD = """
import json, sys
from datetime import date
from pathlib import Path
from fieldapp.demo import ensure_demo_store
from fieldapp.store.kdf import FAST_TEST_PARAMS
info = ensure_demo_store(Path(sys.argv[1]), households=60, today=date(2026, 11, 23),
                         params=FAST_TEST_PARAMS, on_wait=lambda: print("WAIT", flush=True))
print(json.dumps({"built": info.built, "open": info.cases_open}), flush=True)
"""


def _sync_works(path: Path) -> None:
    from fieldapp.services.sync_client import SyncClient

    with running_demo_server(path):
        store = Store.open(path, DEMO_PASSPHRASE)
        try:
            SyncClient(store).sync()  # raises when the laptop is not enrolled on this server
        finally:
            store.close()


def test_two_starts_at_once_build_one_demo_that_stays_enrolled(tmp_path: Path) -> None:
    path = tmp_path / "demo" / "veldwerk-demo.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    results = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert sorted(r["built"] for r in results) == [False, True]
    assert results[0]["open"] == results[1]["open"] > 0
    assert is_complete(path)
    _sync_works(path)


def test_an_interrupted_build_is_detected_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "veldwerk-demo.db"
    real_sync = demo._enroll_and_sync

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the store exists, before the demo is finished

    monkeypatch.setattr(demo, "_enroll_and_sync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ensure_demo_store(path, households=60, today=TODAY, params=FAST_TEST_PARAMS)
    assert path.exists() and not marker_path_for(path).exists()
    monkeypatch.setattr(demo, "_enroll_and_sync", real_sync)
    info = ensure_demo_store(path, households=60, today=TODAY, params=FAST_TEST_PARAMS)
    assert info.built and info.planned_today > 0
    assert is_complete(path)
    again = ensure_demo_store(path, households=60, today=TODAY, params=FAST_TEST_PARAMS)
    assert not again.built
    _sync_works(path)


def test_a_store_without_marker_is_never_taken_as_finished(tmp_path: Path) -> None:
    path = tmp_path / "veldwerk-demo.db"
    Store.create(path, DEMO_PASSPHRASE, params=FAST_TEST_PARAMS).close()  # an empty leftover
    info = ensure_demo_store(path, households=60, today=TODAY, params=FAST_TEST_PARAMS)
    assert info.built and info.cases_open > 0


def test_a_held_lock_makes_the_next_start_wait(tmp_path: Path) -> None:
    path = tmp_path / "veldwerk-demo.db"
    waited: list[datetime] = []
    with (
        demo_build_lock(path),
        pytest.raises(DemoBusy),
        demo_build_lock(path, on_wait=lambda: waited.append(datetime.now(UTC)), limit_s=0.5),
    ):
        pass
    assert len(waited) == 1
    with demo_build_lock(path):  # released: free again
        pass
