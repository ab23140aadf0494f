from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.server.db.engine import ServerDatabase
from tests.server.helpers import server_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerDatabase]:
    """The server database, once on embedded SQLCipher and once on PostgreSQL (marked
    ``postgres``: ``-m postgres`` runs only those, ``-m "not postgres"`` none of them)."""
    with server_database(request.param, tmp_path) as db:
        yield db


@pytest.fixture
def sqlite_server_db(tmp_path: Path) -> Iterator[ServerDatabase]:
    with server_database("sqlite", tmp_path) as db:
        yield db


@pytest.fixture
def live(server_db: ServerDatabase) -> Iterator[tuple[str, ServerDatabase]]:
    """A real uvicorn server on a loopback port over ``server_db``."""
    from fieldapp.server.embedded import start_embedded_server
    from fieldapp.server.settings import ServerSettings

    url, stop = start_embedded_server(
        None, db=server_db, settings=ServerSettings(fast_password_hash=True)
    )
    try:
        yield url, server_db
    finally:
        stop()
