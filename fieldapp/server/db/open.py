"""Open the server database: keys, engine, migrations to head, epoch and counter rows."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.orm import sessionmaker

from fieldapp.server.db.column_keys import cipher_for_connection, expect_kek, resolve_kek
from fieldapp.server.db.engine import ServerDatabase, make_engine
from fieldapp.server.db.epoch import ensure_epoch
from fieldapp.server.db.keys import KEY_FILE_NAME, ServerKeys
from fieldapp.server.db.schema import CHANGE_SEQ, CounterRow

DB_FILE_NAME = "server.db"


def default_data_dir() -> Path:
    return Path(user_data_dir("veldwerk-server", appauthor=False))


def open_server_db(
    db_url: str | None = None,
    *,
    data_dir: Path | None = None,
    key_file: Path | None = None,
    kek_file: Path | None = None,
    migrate: bool = True,
) -> ServerDatabase:
    """Open (and by default migrate) the server database.

    ``db_url=None`` means the embedded SQLCipher file in ``data_dir`` (default: the platform's
    user data dir for "veldwerk-server"). The key file defaults to ``<data_dir>/server.key``.
    On PostgreSQL the person-level columns are sealed (``store.sealed``) with column keys that
    the KEK opens: ``kek_file``, ``$FIELDAPP_KEK_FILE``, ``$FIELDAPP_KEK`` or derived from the
    key file (``column_keys.resolve_kek``); a wrong KEK raises ``WrongKek`` before any request.
    """
    base = data_dir or default_data_dir()
    keys = ServerKeys.load_or_create(key_file or base / KEY_FILE_NAME)
    url = db_url or f"sqlite:///{base / DB_FILE_NAME}"
    engine = make_engine(url, keys)
    db = ServerDatabase(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        keys=keys,
        url_kind="sqlite" if url.startswith("sqlite") else "postgresql",
    )
    if db.url_kind == "postgresql":
        expect_kek(engine, resolve_kek(kek_file, keys.default_kek))
    if migrate:
        from fieldapp.server.migrations.runner import upgrade_server_to_head

        upgrade_server_to_head(engine)
    if db.url_kind == "postgresql":
        with engine.begin() as conn:
            cipher_for_connection(conn)
    if migrate:
        with db.session() as session, session.begin():
            ensure_epoch(session)
            if session.get(CounterRow, CHANGE_SEQ) is None:
                session.add(CounterRow(name=CHANGE_SEQ, value=0))
    return db
