"""Turning background failures into short Dutch messages (never a traceback, never data)."""

from __future__ import annotations

from fieldapp.errors import FieldAppError
from ui.core_messages import core_message
from ui.qt import QCoreApplication


def user_message(error: BaseException) -> str:
    """A FieldAppError carries a vetted Dutch message (shown in the UI language through
    :func:`ui.core_messages.core_message`); anything else gets a generic one."""
    if isinstance(error, FieldAppError) and str(error):
        return core_message(str(error))
    return QCoreApplication.translate(
        "Messages", "Er ging iets mis. Er is niets opgeslagen; probeer het opnieuw."
    )
