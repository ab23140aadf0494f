"""Make docs/desk_*.png: the team lead's desk (Weekplanning with the board and the map, and
Binnengekomen) at 1366x768 and 1920x1080, from the demo town opened as the team lead.

Run under a real X server for faithful fonts::

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.desk_screenshots

The demo is built in a temporary folder with the fast test KDF; nothing in it is real.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from fieldapp.demo import DEMO_PASSPHRASE
from fieldapp.demo_lead import ensure_lead_demo, running_lead_demo_server
from fieldapp.store.kdf import FAST_TEST_PARAMS
from ui.app import build_window, ensure_application
from ui.i18n import set_language
from ui.qt import QApplication
from ui.settings import UiSettings

DOCS = Path(__file__).resolve().parent.parent / "docs"
SIZES = ((1366, 768), (1920, 1080))


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _until(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not done() and time.monotonic() < end:
        _settle(app, 0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS)
    parser.add_argument("--households", type=int, default=400)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="veldwerk-desk-shots-"))
    path = work / "demo" / "veldwerk-demo.db"
    info = ensure_lead_demo(
        path, households=args.households, params=FAST_TEST_PARAMS, today=date.today()
    )
    app = ensure_application()
    set_language("nl")
    with running_lead_demo_server(path):
        window = build_window(
            info.path, demo_passphrase=DEMO_PASSPHRASE, settings=UiSettings(work / "ui.ini")
        )
        window.sync.auto = False
        window.resize(*SIZES[0])
        window.show()
        window.start()
        desk = window.desk
        _until(app, lambda: desk.triage.model.total > 0)
        planning = desk.planning
        assert planning is not None
        desk.tabs.setCurrentWidget(planning)
        _until(app, lambda: planning.board is not None)
        board = planning.board
        if board is not None and board.shifts:
            first = board.shifts[0].visits[:1]
            if first:
                planning.select_cases([first[0].case_id])
        for width, height in SIZES:
            window.resize(width, height)
            _settle(app, 0.8)
            desk.tabs.setCurrentWidget(planning)
            _settle(app, 0.8)
            window.grab().save(str(args.out / f"desk_weekplanning_{width}x{height}.png"))
            desk.tabs.setCurrentWidget(desk.triage)
            _settle(app, 0.8)
            window.grab().save(str(args.out / f"desk_binnengekomen_{width}x{height}.png"))
        window.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
