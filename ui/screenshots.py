"""Make docs/screenshot_vandaag.png, screenshot_zaak.png and screenshot_print.png from the demo
town.

Run under a real X server for faithful fonts, e.g.::

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m ui.screenshots

The window sizes itself from the screen as on a real start (``place_on_screen``), so the
docs show what a 1366x768 laptop shows.

(also works with QT_QPA_PLATFORM=offscreen). The demo store is built in a temporary folder
with the fast test KDF; nothing in it is real.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from fieldapp.demo import DEMO_PASSPHRASE, ensure_demo_store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from ui.app import build_window, ensure_application
from ui.i18n import set_language
from ui.qt import QApplication
from ui.settings import UiSettings
from ui.views.main_window import MainWindow

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS)
    parser.add_argument("--households", type=int, default=400)
    parser.add_argument("--language", default="nl")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="veldwerk-shots-"))
    db_path = work / "demo" / "veldwerk-demo.db"
    ensure_demo_store(
        db_path, households=args.households, params=FAST_TEST_PARAMS, today=date.today()
    )
    app = ensure_application()
    set_language(args.language)
    window = build_window(
        db_path, demo_passphrase=DEMO_PASSPHRASE, settings=UiSettings(work / "settings.ini")
    )
    window.place_on_screen()
    window.show()
    window.start()
    deadline = time.monotonic() + 60
    while window.today.model.rowCount() == 0 and time.monotonic() < deadline:
        _settle(app, 0.1)
    _settle(app, 0.5)
    window.today.focus_list()
    _settle(app, 0.3)
    args.out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out / "screenshot_vandaag.png"))
    # The case view: the planned case with the most earlier attempts.
    model = window.today.model
    chosen = max((model.row_at(i) for i in range(model.rowCount())), key=lambda r: len(r.attempts))
    window.show_case(chosen.id)
    deadline = time.monotonic() + 30
    while window.case_view.case is None and time.monotonic() < deadline:
        _settle(app, 0.1)
    _settle(app, 0.5)
    window.grab().save(str(args.out / "screenshot_zaak.png"))
    _close_dialog(app, window, args.out / "screenshot_afsluiten.png")
    _print_preview(app, window, args.out / "screenshot_print.png")
    window.close()
    print(f"saved to {args.out}")


def _close_dialog(app: QApplication, window: MainWindow, out: Path) -> None:
    """The close dialog with a 'no contact' result chosen: checklist and confirmation."""
    from fieldapp.domain.ddas import Eindresultaat

    dialog = window.case_view.open_close()
    if dialog is None:
        return
    _settle(app, 0.3)
    dialog.select(Eindresultaat.DEFINITIEF_GEEN_CONTACT)
    dialog.ok_button.click()  # the confirmation that names the result; nothing is saved
    _settle(app, 0.3)
    dialog.grab().save(str(out))
    dialog.reject()
    _settle(app, 0.2)


def _print_preview(app: QApplication, window: MainWindow, out: Path) -> None:
    """The print dialog from Vandaag: the evening route's niet-thuis-kaartjes, 4-up."""
    window.show_today()
    _settle(app, 0.5)
    window.today.request_print()
    dialog = window.print_dialog
    if dialog is None:
        return
    deadline = time.monotonic() + 30
    while (dialog.building or dialog.built is None) and time.monotonic() < deadline:
        _settle(app, 0.1)
    _settle(app, 0.8)
    dialog.grab().save(str(out))
    dialog.close()


if __name__ == "__main__":
    main()
