"""Assemble the desk with every tab (kept apart so the main window only adds one page)."""

from __future__ import annotations

from ui.backend import Backend
from ui.desk.desk_view import DeskView
from ui.sync_controller import SyncController


def build_desk(backend: Backend, sync: SyncController) -> DeskView:
    return DeskView(backend, sync)
