"""What applying a pushed batch did with each item (shared by push and push_routes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from fieldapp.sync.protocol import Rejected


@dataclass
class PushOutcome:
    accepted: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    quarantined: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    case_ids: set[str] = field(default_factory=set)
