"""Errors raised by use cases."""

from __future__ import annotations

from fieldapp.errors import FieldAppError


class CaseNotFound(FieldAppError):
    """No case with that id in this store (or not visible to this user)."""

    exit_code = 2


class AttemptNotFound(FieldAppError):
    exit_code = 2


class EffortNotMet(FieldAppError):
    """Closing as 'no contact' before the minimum-effort standard is met, without an override."""

    exit_code = 2

    def __init__(self, shortfalls: list[str]) -> None:
        super().__init__("Minimale inspanning nog niet gehaald: " + "; ".join(shortfalls))
        self.shortfalls = shortfalls


class AttemptConflict(FieldAppError):
    """The same attempt id was saved before with different content (a bug, never merged)."""

    exit_code = 2


class PlanRefused(FieldAppError):
    """A planning edit that cannot be made (unknown shift, order that does not match)."""

    exit_code = 2
