"""The server's generation id: it changes on restore, so clients re-push what they hold."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server.db.schema import EPOCH_KEY, ServerMetaRow


def ensure_epoch(session: Session) -> str:
    row = session.get(ServerMetaRow, EPOCH_KEY)
    if row is None:
        row = ServerMetaRow(key=EPOCH_KEY, value=secrets.token_hex(8))
        session.add(row)
        session.flush()
    return row.value


def get_epoch(session: Session) -> str:
    value = session.scalar(select(ServerMetaRow.value).where(ServerMetaRow.key == EPOCH_KEY))
    return value if value is not None else ensure_epoch(session)


def rotate_epoch(session: Session) -> str:
    """Give the database a new generation id. Run after restoring a backup: every client then
    resets its cursor and re-pushes what it still holds (the server dedupes)."""
    new = secrets.token_hex(8)
    row = session.get(ServerMetaRow, EPOCH_KEY)
    if row is None:
        session.add(ServerMetaRow(key=EPOCH_KEY, value=new))
    else:
        row.value = new
    session.flush()
    return new
