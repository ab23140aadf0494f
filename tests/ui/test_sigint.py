"""Ctrl-C in the terminal closes the real app process the normal way (issue 11 item 20).

A real ``run_app`` process on the offscreen platform: a case is opened and a note typed (a
draft), the helper timer stops so no Python code runs on its own, then SIGINT arrives. The
process must wake up, save the draft into the encrypted store, close it and exit with 130.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from fieldapp.services import cases as case_service
from fieldapp.store.client_store import Store
from fieldapp.store.instance_lock import StoreLock
from tests.conftest import TEST_PASSPHRASE
from tests.ui.town import build_store
from ui.views.case_view import draft_key

ROOT = Path(__file__).resolve().parents[2]
NOTE = "terugbellen na vijven"
_CHILD = """
import sys
from pathlib import Path
import ui.app as app_mod
from ui.qt import QApplication, QTimer

db, passphrase, note = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
app_mod.ensure_application()
state = {}

def drive():
    windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    if not windows or windows[0].today.model.rowCount() == 0:
        return
    window = windows[0]
    if window.case_view.case is None:
        if "opened" not in state:
            state["opened"] = True
            window.show_case(window.today.model.row_at(0).id)
        return
    window.case_view.quick_note.setText(note)
    timer.stop()  # from here on nothing wakes Python but the signal itself
    print("READY", window.case_view.case_id, flush=True)

timer = QTimer()
timer.timeout.connect(drive)
timer.start(50)
sys.exit(app_mod.run_app(db, demo_passphrase=passphrase))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_saves_the_draft_closes_the_store_and_exits_130(tmp_path: Path) -> None:
    db = tmp_path / "store" / "veldwerk.db"
    build_store(db, TEST_PASSPHRASE, count=6, today=date.today())
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db), TEST_PASSPHRASE, NOTE],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        ready, _, _ = select.select([child.stdout], [], [], 60)
        assert ready, "the app did not get ready"
        line = child.stdout.readline().split()
        assert line[:1] == ["READY"], line
        case_id = line[1]
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 130, err
    assert "Traceback" not in err
    with StoreLock(db):  # released: the app closed its store
        pass
    with Store.open(db, TEST_PASSPHRASE) as store, store.session() as s:
        draft = case_service.load_draft(s, draft_key(case_id))
    assert draft is not None and draft["quick_note"] == NOTE
