"""Errors raised by use cases."""

from __future__ import annotations

from fieldapp.errors import FieldAppError


class CaseNotFound(FieldAppError):
    """No case with that id in this store (or not visible to this user)."""

    exit_code = 2


class AttemptNotFound(FieldAppError):
    exit_code = 2


class EffortNotMet(FieldAppError):
    """Closing as 'no contact' before the minimum-effort standard is met, without a valid
    override. Nothing was written. ``shortfalls``: Dutch lines with codes; ``codes``: the codes.
    Exit code 5 ("inspanning niet voldaan") for scripts."""

    exit_code = 5

    def __init__(self, shortfalls: list[str], codes: list[str] | None = None) -> None:
        super().__init__("Inspanning niet voldaan: " + "; ".join(shortfalls))
        self.shortfalls = shortfalls
        self.codes = codes or []


class OverrideNotAllowed(EffortNotMet):
    """A worker tried to close before the standard is met: only a team lead may override."""

    def __init__(self, shortfalls: list[str], codes: list[str] | None = None) -> None:
        super().__init__(shortfalls, codes)
        self.args = (
            "Inspanning niet voldaan; alleen een teamleider mag toch afsluiten: "
            + "; ".join(shortfalls),
        )


class AttemptConflict(FieldAppError):
    """The same attempt id was saved before with different content (a bug, never merged)."""

    exit_code = 2


class PlanRefused(FieldAppError):
    """A planning edit that cannot be made (unknown shift, order that does not match)."""

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
