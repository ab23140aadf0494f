"""Run the sync server inside this process (demo, tests, benchmarks) and provision users.

``start_embedded_server`` runs uvicorn in a daemon thread on loopback and returns the base URL
and a stop function. The server still talks to its database only through the engine, exactly
as ``fieldapp serve`` does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import uvicorn

from fieldapp.server.app import create_app
from fieldapp.server.auth import create_user
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.open import open_server_db
from fieldapp.server.db.schema import UserRow
from fieldapp.server.settings import ServerSettings


def start_embedded_server(
    db_url: str | None,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    data_dir: Path | None = None,
    settings: ServerSettings | None = None,
    db: ServerDatabase | None = None,
) -> tuple[str, Callable[[], None]]:
    """Start a server on ``host:port`` (0 = a free port) in a thread; return (url, stop).

    ``db`` reuses an open database (then ``db_url``/``data_dir`` are ignored); otherwise the
    database is opened (and migrated) from ``db_url`` (None = embedded SQLCipher file in
    ``data_dir``). ``stop()`` shuts the server down and disposes a database it opened.
    """
    own_db = db is None
    database = db or open_server_db(db_url, data_dir=data_dir)
    app = create_app(database, settings)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="warning", access_log=False, lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="veldwerk-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("embedded server did not start")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    url = f"http://{host}:{bound}"

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=10)
        if own_db:
            database.dispose()

    return url, stop


def add_user(
    db: ServerDatabase,
    *,
    username: str,
    password: str,
    role: str = "worker",
    team: str = "",
    display_name: str = "",
    first_name: str = "",
    phone: str = "",
    email: str = "",
    worker_id: str | None = None,
    fast_hash: bool = False,
) -> UserRow:
    """Create a user (and its ``workers`` row) programmatically, e.g. for ``fieldapp demo``.

    Then enrol a device over HTTP with ``fieldapp.services.identity.enroll(store, url, username,
    password)``. ``fast_hash`` only for tests and demos.
    """
    from fieldapp.server.auth import make_hasher

    with db.session() as session, session.begin():
        return create_user(
            session,
            username=username,
            password=password,
            role=role,
            team=team,
            hasher=make_hasher(fast=fast_hash),
            display_name=display_name,
            first_name=first_name,
            phone=phone,
            email=email,
            worker_id=worker_id,
        )


def adopt_unowned_cases(db: ServerDatabase, team: str) -> int:
    """Give every case without a team (e.g. written straight into the server database by the
    demo town builder or the intake services) to ``team`` and publish it in the change feed,
    so assigned workers' laptops receive it at their next sync. Returns how many."""
    from sqlalchemy import select

    from fieldapp.server.db.schema import CaseTeamRow
    from fieldapp.server.feed import emit_case_changes
    from fieldapp.store.schema import CaseRow

    with db.session() as session, session.begin():
        owned = select(CaseTeamRow.case_id)
        ids = list(session.scalars(select(CaseRow.id).where(CaseRow.id.not_in(owned))))
        session.add_all(CaseTeamRow(case_id=cid, team=team) for cid in ids)
        session.flush()
        emit_case_changes(session, {cid: set() for cid in ids})
    return len(ids)
