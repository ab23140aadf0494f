"""Put a planning write (:class:`fieldapp.services.plan_edit.PlanWrite`) into the change feed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldapp.server.feed import emit_changes
from fieldapp.server.scope import ENTITY_CASE, ENTITY_SHIFT, ENTITY_VISIT, EntityKey
from fieldapp.services.plan_edit import PlanWrite


def emit_plan_write(session: Session, write: PlanWrite) -> int:
    """Feed rows for every case, shift and visit the write touched (deleted ones included:
    they get tombstones wherever they were held). Returns the number of rows written."""
    keys: set[EntityKey] = {(ENTITY_CASE, c) for c in write.case_ids}
    keys |= {(ENTITY_SHIFT, s) for s in write.shift_ids}
    keys |= {(ENTITY_VISIT, v) for v in write.visit_ids}
    return emit_changes(session, keys) if keys else 0
