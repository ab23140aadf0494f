"""Feed payloads of shifts and planned visits (bulk reads of plain column rows)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.server.scope import chunks
from fieldapp.store.schema import PlannedVisitRow, ShiftRow
from fieldapp.sync.protocol_plan import PlannedVisitPayload, ShiftPayload

_SHIFT_FIELDS = tuple(ShiftPayload.model_fields)
_VISIT_FIELDS = tuple(PlannedVisitPayload.model_fields)


def shift_payloads(session: Session, shift_ids: Iterable[str]) -> dict[str, ShiftPayload]:
    out: dict[str, ShiftPayload] = {}
    cols = [getattr(ShiftRow, f) for f in _SHIFT_FIELDS]
    for chunk in chunks(sorted(set(shift_ids)), 500):
        for row in session.execute(select(*cols).where(ShiftRow.id.in_(chunk))):
            values = dict(zip(_SHIFT_FIELDS, row, strict=True))
            values["skills"] = [str(x) for x in values["skills"] or []]
            out[str(values["id"])] = ShiftPayload.model_validate(values)
    return out


def visit_payloads(session: Session, visit_ids: Iterable[str]) -> dict[str, PlannedVisitPayload]:
    out: dict[str, PlannedVisitPayload] = {}
    cols = [getattr(PlannedVisitRow, f) for f in _VISIT_FIELDS]
    for chunk in chunks(sorted(set(visit_ids)), 500):
        for row in session.execute(select(*cols).where(PlannedVisitRow.id.in_(chunk))):
            values = dict(zip(_VISIT_FIELDS, row, strict=True))
            out[str(values["id"])] = PlannedVisitPayload.model_validate(values)
    return out
