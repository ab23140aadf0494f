"""The first-contact deadline: the law asks for an offer of a conversation within 28 days."""

from __future__ import annotations

from datetime import date, timedelta

LEGAL_DAYS = 28


def first_contact_deadline(earliest_signal: date, *, crisis: bool, crisis_days: int = 3) -> date:
    """Earliest signal date + 28 calendar days; a crisis signal gets ``crisis_days``."""
    return earliest_signal + timedelta(days=crisis_days if crisis else LEGAL_DAYS)


def days_left(deadline: date, today: date) -> int:
    """Negative when overdue."""
    return (deadline - today).days


def deadline_label(deadline: date, today: date) -> str:
    """A Dutch label that never relies on colour alone ('te laat' is said in words)."""
    left = days_left(deadline, today)
    if left < 0:
        return f"{-left} {'dag' if left == -1 else 'dagen'} te laat"
    if left == 0:
        return "vandaag"
    return f"nog {left} {'dag' if left == 1 else 'dagen'}"
