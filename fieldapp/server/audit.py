"""The server's audit trail: who did what, from which device, to which cases, with what result.

Append-only (database triggers refuse UPDATE and DELETE on ``audit_events``). An event holds
ids, action and outcome codes and small integer counts only: never names, addresses, amounts,
notes or free text. :func:`record` enforces that shape, so a careless caller cannot smuggle
personal data in through ``detail``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import insert
from sqlalchemy.orm import Session

from fieldapp.server.db.schema import AuditEventRow

log = logging.getLogger("fieldapp.audit")

_MAX_CASE_IDS = 10_000


class AuditAction(StrEnum):
    ENROLL = "enroll"
    PUSH = "push"
    PULL = "pull"
    READ_CASE = "read_case"
    LIST_CASES = "list_cases"
    ASSIGN = "assign"
    IMPORT = "import"
    REVOKE = "revoke"
    WIPE = "wipe"
    RECOVERY = "recovery"
    QUARANTINE_READ = "quarantine_read"
    APPROACH = "approach"
    NOT_PICKED_UP = "not_picked_up"
    QUARANTINE_RESOLVE = "quarantine_resolve"
    THROTTLE = "throttle"
    UNLOCK = "unlock"
    EFFORT_OVERRIDE = "effort_override"
    PURGE = "purge"
    EXPORT_DDAS = "export_ddas"
    OPT_OUT = "opt_out"
    REPORT = "report"
    AUDIT_READ = "audit_read"
    PLAN_READ = "plan_read"
    SHIFT_SAVE = "shift_save"
    SHIFT_DELETE = "shift_delete"
    VISIT_EDIT = "visit_edit"
    PLAN_PUBLISH = "plan_publish"
    PLAN_UNPUBLISH = "plan_unpublish"
    PLAN_JOB = "plan_job"
    BRP_CHECK = "brp_check"
    BRP_MANUAL = "brp_manual"
    BRP_EXTRACT = "brp_extract"
    KEY_ROTATION = "key_rotation"


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def record(
    session: Session,
    *,
    action: AuditAction,
    outcome: str,
    user_id: str | None,
    device_id: str | None,
    case_ids: Iterable[str] = (),
    detail: dict[str, int] | None = None,
    request_id: str = "",
    at: datetime | None = None,
) -> None:
    """Append one event in the caller's transaction.

    ``outcome`` is a short code (``ok``, ``denied``, ``bad_password``...); ``detail`` maps short
    keys to integer counts. Anything else raises ``ValueError`` (a programming error).
    """
    if not outcome.replace("_", "").isalnum() or len(outcome) > 30:
        raise ValueError("audit outcome must be a short code")
    counts = dict(detail or {})
    for key, value in counts.items():
        if not key.replace("_", "").isalnum() or not isinstance(value, int):
            raise ValueError("audit detail holds short keys and integer counts only")
    ids = sorted(set(case_ids))
    if len(ids) > _MAX_CASE_IDS:
        counts["case_ids_truncated"] = len(ids)
        ids = ids[:_MAX_CASE_IDS]
    if not all(_is_uuid(i) for i in ids):
        raise ValueError("audit case ids must be canonical UUIDs")
    session.execute(
        insert(AuditEventRow).values(
            at=at or datetime.now(UTC),
            request_id=request_id,
            action=action.value,
            outcome=outcome,
            user_id=user_id,
            device_id=device_id,
            case_ids=ids,
            detail=counts,
        )
    )
    log.info(
        "audit action=%s outcome=%s user=%s device=%s cases=%d",
        action.value,
        outcome,
        user_id,
        device_id,
        len(ids),
    )
