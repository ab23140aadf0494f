"""Make docs/desk_overzicht_*.png: the desk's Overzicht tab at 1366x768 and 1920x1080, from the
demo town opened as the team lead (figures from its embedded server's /v1/report).

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.desk.overview_screenshots

The demo is built in a temporary folder with the fast test KDF; nothing in it is real.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from fieldapp.demo import DEMO_PASSPHRASE
from fieldapp.demo_lead import ensure_lead_demo, running_lead_demo_server
from fieldapp.store.kdf import FAST_TEST_PARAMS
from ui.app import build_window, ensure_application
from ui.desk.overview import OverviewTab
from ui.i18n import set_language
from ui.qt import QApplication, QDate
from ui.settings import UiSettings

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
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
    parser.add_argument("--figure", default="kanaal", help="kanaal, maand, termijn, ...")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="veldwerk-overview-shots-"))
    path = work / "demo" / "veldwerk-demo.db"
    today = date.today()
    info = ensure_lead_demo(path, households=args.households, params=FAST_TEST_PARAMS, today=today)
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
        tabs = desk.tabs
        overview = next(
            w for w in (tabs.widget(i) for i in range(tabs.count())) if isinstance(w, OverviewTab)
        )
        start = today - timedelta(days=180)
        overview.van.setDate(QDate(start.year, start.month, start.day))
        tabs.setCurrentWidget(overview)
        _until(app, lambda: not overview.loading)
        overview.reload()
        _until(app, lambda: not overview.loading and overview.report is not None)
        overview.figure.setCurrentIndex(max(0, overview.figure.findData(args.figure)))
        for width, height in SIZES:
            window.resize(width, height)
            _settle(app, 0.8)
            window.grab().save(str(args.out / f"desk_overzicht_{width}x{height}.png"))
        window.close()
    print(f"screenshots in {args.out}")


if __name__ == "__main__":
    main()
