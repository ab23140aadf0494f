"""Change sequence numbers from the single-row counter (see the package docstring)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fieldapp.server.db.schema import CHANGE_SEQ, CounterRow


def allocate_seqs(session: Session, count: int) -> range:
    """``count`` consecutive change sequence numbers, taken under the counter's row lock."""
    if count <= 0:
        return range(0)
    top = session.execute(
        update(CounterRow)
        .where(CounterRow.name == CHANGE_SEQ)
        .values(value=CounterRow.value + count)
        .returning(CounterRow.value)
    ).scalar_one_or_none()
    if top is None:
        session.add(CounterRow(name=CHANGE_SEQ, value=count))
        session.flush()
        top = count
    return range(top - count + 1, top + 1)


def current_seq(session: Session) -> int:
    value = session.scalar(select(CounterRow.value).where(CounterRow.name == CHANGE_SEQ))
    return int(value or 0)
