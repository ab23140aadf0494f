"""Applying pulled shifts and planned visits to a client store (part of the PULL stage).

Runs inside :func:`fieldapp.sync.apply.apply_page_rows` (same transaction as the cursor):

- upserts older than the stored ``version`` are ignored (a replayed page is harmless);
- a visit whose case or shift this laptop does not hold is skipped: the feed sends parents
  before children, so that only happens for a visit that is already out of this scope;
- a shift tombstone deletes its visits, and pending route edits of that shift (the server
  refuses them once the shift is gone, so they would stay pending for ever).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from fieldapp.store.schema import CaseRow, PlannedVisitRow, RouteEditRow, ShiftRow
from fieldapp.sync.protocol import Change

_SHIFTS: Table = ShiftRow.__table__  # type: ignore[assignment]
_VISITS: Table = PlannedVisitRow.__table__  # type: ignore[assignment]


def apply_plan_changes(session: Session, changes: Sequence[Change]) -> int:
    """Apply the shift and visit entries of a page (cases already applied). Returns how many
    entries changed the store."""
    touched = 0
    for change in changes:
        if change.entity_type == "shift":
            touched += _shift(session, change)
    for change in changes:
        if change.entity_type == "planned_visit":
            touched += _visit(session, change)
    session.flush()
    return touched


def _shift(session: Session, change: Change) -> int:
    if change.op == "tombstone" or change.shift is None:
        session.execute(delete(_VISITS).where(_VISITS.c.shift_id == change.entity_id))
        session.execute(
            delete(RouteEditRow).where(
                RouteEditRow.shift_id == change.entity_id, RouteEditRow.sync_state == "pending"
            )
        )
        gone = session.execute(delete(_SHIFTS).where(_SHIFTS.c.id == change.entity_id))
        return int(gone.rowcount or 0)  # type: ignore[attr-defined]
    values = change.shift.model_dump()
    return _upsert(session, _SHIFTS, ShiftRow, values)


def _visit(session: Session, change: Change) -> int:
    if change.op == "tombstone" or change.planned_visit is None:
        gone = session.execute(delete(_VISITS).where(_VISITS.c.id == change.entity_id))
        return int(gone.rowcount or 0)  # type: ignore[attr-defined]
    v = change.planned_visit
    has_case = session.scalar(select(CaseRow.id).where(CaseRow.id == v.case_id))
    has_shift = session.scalar(select(ShiftRow.id).where(ShiftRow.id == v.shift_id))
    if has_case is None or has_shift is None:
        return 0
    return _upsert(session, _VISITS, PlannedVisitRow, v.model_dump())


def _upsert(session: Session, table: Table, model: type[object], values: dict[str, object]) -> int:
    stored = session.scalar(select(table.c.version).where(table.c.id == values["id"]))
    if stored is None:
        session.execute(table.insert().values(**values))
        return 1
    if int(stored) > int(str(values["version"])):
        return 0
    session.execute(table.update().where(table.c.id == values["id"]).values(**values))
    return 1
