"""Make docs/screenshot_sync.png: the sync status bar (offline, unsent work) and the connect
dialog, from the demo town enrolled with an in-process server on loopback.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m ui.sync_screenshot

Everything is synthetic: the demo town, a user "demo-lead" with a throwaway password.
"""

from __future__ import annotations

import argparse
import secrets
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from fieldapp.demo import DEMO_PASSPHRASE, ensure_demo_store
from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.open import open_server_db
from fieldapp.server.embedded import add_user, start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import ServerLogin, enroll_with_login
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import AttemptRow, CaseRow
from ui.app import build_window, ensure_application
from ui.i18n import set_language
from ui.qt import QApplication, QColor, QImage, QPainter, QPoint, QRect
from ui.settings import UiSettings
from ui.sync_access import ui_transport

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _unsent_attempts(store: Store, *, count: int, age: timedelta) -> None:
    """Home visits logged ``age`` ago and not sent yet (the status bar then warns)."""
    moment = datetime.now(UTC) - age
    with store.session() as session:
        case_ids = list(
            session.scalars(select(CaseRow.id).where(CaseRow.status == "open").limit(count))
        )
        ids = [str(uuid.uuid4()) for _ in case_ids]
        for attempt_id, case_id in zip(ids, case_ids, strict=True):
            record_attempt(
                session,
                attempt_id=attempt_id,
                case_id=case_id,
                soort=Contactsoort.HUISBEZOEK,
                bereikt=False,
                occurred_at=moment,
            )
        session.execute(update(AttemptRow).where(AttemptRow.id.in_(ids)).values(created_at=moment))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DOCS / "screenshot_sync.png")
    parser.add_argument("--language", default="nl")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="veldwerk-sync-shot-"))
    db_path = work / "demo" / "veldwerk-demo.db"
    ensure_demo_store(db_path, households=60, params=FAST_TEST_PARAMS, today=date.today())
    server_db = open_server_db(None, data_dir=work / "server")
    password = secrets.token_urlsafe(12)
    add_user(server_db, username="demo-lead", password=password, role="teamlead", fast_hash=True)
    url, stop = start_embedded_server(
        None, db=server_db, settings=ServerSettings(fast_password_hash=True)
    )
    with Store.open(db_path, DEMO_PASSPHRASE) as store:
        enroll_with_login(store, ServerLogin(url, "demo-lead", password), ui_transport)
        _unsent_attempts(store, count=3, age=timedelta(hours=30))
    stop()  # the laptop is offline from here on

    app = ensure_application()
    set_language(args.language)
    window = build_window(
        db_path, demo_passphrase=DEMO_PASSPHRASE, settings=UiSettings(work / "settings.ini")
    )
    window.sync.auto = False
    window.resize(1280, 820)
    window.show()
    window.start()
    deadline = time.monotonic() + 60
    while not window.sync.state.enrolled and time.monotonic() < deadline:
        _settle(app, 0.1)
    window.sync.sync_now()
    while window.sync.running and time.monotonic() < deadline:
        _settle(app, 0.1)
    _settle(app, 0.5)
    full = window.grab().toImage()
    strip_h = window.statusBar().height() + 8
    strip = full.copy(QRect(0, full.height() - strip_h, full.width(), strip_h))

    dialog = window.open_connect()
    assert dialog is not None
    dialog.form.url.setText("https://veldwerk.gemeente.nl")
    dialog.form.username.setText("anna")
    dialog.form.password.setText("voorbeeld")
    dialog.resize(560, 330)
    _settle(app, 0.5)
    dialog_img = dialog.grab().toImage()
    dialog.close()

    gap = 16
    out = QImage(
        max(strip.width(), dialog_img.width()),
        strip.height() + gap + dialog_img.height(),
        QImage.Format.Format_RGB32,
    )
    out.fill(QColor("#e9eef2"))
    painter = QPainter(out)
    painter.drawImage(QPoint(0, 0), strip)
    painter.drawImage(QPoint(0, strip.height() + gap), dialog_img)
    painter.end()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    out.save(str(args.out))
    window.close()
    server_db.dispose()
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()
