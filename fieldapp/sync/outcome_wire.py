"""Wire models of the outcome endpoints shared by the server and the sync client."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class PolicyReply(BaseModel):
    """``GET /v1/policy``: the afwegingskader the server enforces, as TOML text."""

    model_config = ConfigDict(extra="ignore")
    sha256: str
    toml: str
