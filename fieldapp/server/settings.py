"""The server's knobs (body limits, password hashing, the policy it enforces and hands out, the
DDAS supplier); one object per app, read by the routes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

from fieldapp.domain.priority import Policy
from fieldapp.server.admission import DEFAULT_MAX_INFLIGHT
from fieldapp.server.auth import make_hasher
from fieldapp.sync.protocol import MAX_BODY_BYTES

IMPORT_MAX_BODY_BYTES = 50 * 1024 * 1024
POLICY_FILE_NAME = "afwegingskader.toml"
ORGANISATION_FILE_NAME = "organisatie.toml"


MAX_INFLIGHT_ENV = "FIELDAPP_SERVER_MAX_INFLIGHT"


def max_inflight_from_env() -> int:
    """``fieldapp serve --max-inflight N`` reaches every worker process through this variable."""
    value = os.environ.get(MAX_INFLIGHT_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_INFLIGHT


@dataclass
class ServerSettings:
    """Knobs for tests and deployments. ``fast_password_hash`` is for tests only."""

    fast_password_hash: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    import_max_body_bytes: int = IMPORT_MAX_BODY_BYTES
    hasher: PasswordHasher | None = field(default=None, repr=False)
    # Requests one server process takes at once; more get 503 + Retry-After (admission.py).
    max_inflight: int = field(default_factory=lambda: max_inflight_from_env())
    # The afwegingskader (TOML text) the server enforces and hands out; None = shipped default.
    policy_text: str | None = None
    # Who delivers DDAS (aanleverendeOrganisatie, contactpersonen): organisatie TOML text.
    organisation_text: str | None = None
    # The embedded demo may deliver for the fictional municipality 9999; nothing else may.
    demo: bool = False
    # The BRP check (issue 13): brp.toml in the data folder, parsed; None = no BRP check.
    brp: Any = None
    _policy: Policy | None = field(default=None, init=False, repr=False)

    def policy(self) -> Policy:
        """Parsed once per process (every push of a close needs it)."""
        if self._policy is None:
            from fieldapp.config import parse_policy

            self._policy = parse_policy(self.policy_source())
        return self._policy

    @classmethod
    def from_dir(cls, data_dir: Path) -> ServerSettings:
        """Settings files in the server's data folder, when present: ``afwegingskader.toml``
        (the policy it enforces and hands out) and ``organisatie.toml`` (DDAS supplier)."""
        texts = []
        for name in (POLICY_FILE_NAME, ORGANISATION_FILE_NAME):
            path = data_dir / name
            texts.append(path.read_text(encoding="utf-8") if path.is_file() else None)
        from fieldapp.server.brp_check import server_brp_config

        brp = server_brp_config(data_dir, texts[1])
        return cls(policy_text=texts[0], organisation_text=texts[1], brp=brp)

    def policy_source(self) -> str:
        from fieldapp.config import policy_text

        return self.policy_text or policy_text()

    def password_hasher(self) -> PasswordHasher:
        if self.hasher is None:
            self.hasher = make_hasher(fast=self.fast_password_hash)
        return self.hasher
