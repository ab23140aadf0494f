"""Wire models of the team lead's desk commands (one transaction each on the server).

Kept apart from ``protocol`` (the sync core) so the desk can grow without touching it; the
same rules hold: requests refuse unknown fields, replies ignore them, ids are ``Uuid``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, RootModel

from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.desk import Approach
from fieldapp.sync.protocol import SafeText, Uuid, _Model, _Reply


class ApproachRequest(_Model):
    case_ids: list[Uuid] = Field(min_length=1, max_length=1000)
    approach: Approach | None


class NotPickedUpRequest(_Model):
    """Close cases as not taken up. ``reason`` is internal: partners never see it."""

    case_ids: list[Uuid] = Field(min_length=1, max_length=1000)
    resultaat: Eindresultaat
    reason: SafeText = ""


class QuarantineDecision(_Model):
    decision: Literal["accept", "reject"]


class BrpCheckRequest(_Model):
    case_ids: list[Uuid] = Field(min_length=1, max_length=10_000)


class BrpCheckReply(_Reply):
    """The server's BRP check of the chosen cases (counts only; fieldapp.brp)."""

    checked: int
    by_verdict: dict[str, int]
    moved: int
    queries: int


class CountResponse(_Reply):
    """How many items the command changed (ids the caller sent, in canonical form)."""

    changed: list[str]


class AuditEntry(_Reply):
    """One audit event as ``GET /v1/audit`` lists it (ids and counts only)."""

    id: int = 0  # paging cursor (``before``)
    at: datetime
    action: str
    outcome: str
    user_id: str | None = None
    device_id: str | None = None
    case_ids: list[str] = Field(default_factory=list)
    detail: dict[str, int] = Field(default_factory=dict)


class AuditEntries(RootModel[list[AuditEntry]]):
    pass
