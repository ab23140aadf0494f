"""Small key-value state inside the encrypted store (sync cursor, device id, who is signed in)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldapp.store.schema import KeyValueRow


def get_kv(session: Session, key: str) -> str | None:
    row = session.get(KeyValueRow, key)
    return None if row is None else row.value


def set_kv(session: Session, key: str, value: str) -> None:
    row = session.get(KeyValueRow, key)
    if row is None:
        session.add(KeyValueRow(key=key, value=value))
    else:
        row.value = value


def case_language_key(case_id: str) -> str:
    """Where a household's print language is kept (see ``services.case_language``); removed
    with the case's personal data."""
    return f"taal:{case_id}"
