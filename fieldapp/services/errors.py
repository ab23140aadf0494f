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


class CaseNotClosed(FieldAppError):
    """Reopening a case that is open already."""

    exit_code = 2


class ReasonRequired(FieldAppError):
    """A decision that must be explained (reopen) came without a written reason."""

    exit_code = 2


class NotYourCase(FieldAppError):
    """A worker acting on a case assigned to someone else."""

    exit_code = 2
