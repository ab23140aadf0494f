"""Wire models of the outcome endpoints shared by the server and the sync client."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, RootModel


class PolicyReply(BaseModel):
    """``GET /v1/policy``: the afwegingskader the server enforces, as TOML text."""

    model_config = ConfigDict(extra="ignore")
    sha256: str
    toml: str


class OptOutWire(BaseModel):
    """One active exclusion-list entry (no reason: that stays on the server)."""

    model_config = ConfigDict(extra="ignore")
    id: str
    kind: str
    visit_mode: str | None = None
    bsn: str | None = None
    address_key: str | None = None
    until: date | None = None
    version: int = 0


class OptOutsReply(BaseModel):
    """``GET /v1/optouts`` (team leads): the whole active list, replacing the laptop's."""

    model_config = ConfigDict(extra="ignore")
    entries: list[OptOutWire]


class ReportReply(RootModel[dict[str, Any]]):
    """``GET /v1/report`` (team leads): the dashboard JSON, read by
    ``fieldapp.reporting.report_reply.parse_report``."""
