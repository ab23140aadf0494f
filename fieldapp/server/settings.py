"""The server's knobs (body limits, password hashing); one object per app, read by the routes."""

from __future__ import annotations

from dataclasses import dataclass, field

from argon2 import PasswordHasher

from fieldapp.server.auth import make_hasher
from fieldapp.sync.protocol import MAX_BODY_BYTES

IMPORT_MAX_BODY_BYTES = 50 * 1024 * 1024


@dataclass
class ServerSettings:
    """Knobs for tests and deployments. ``fast_password_hash`` is for tests only."""

    fast_password_hash: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    import_max_body_bytes: int = IMPORT_MAX_BODY_BYTES
    hasher: PasswordHasher | None = field(default=None, repr=False)

    def password_hasher(self) -> PasswordHasher:
        if self.hasher is None:
            self.hasher = make_hasher(fast=self.fast_password_hash)
        return self.hasher
