"""Assemble the desk with every tab (kept apart so the main window only adds one page)."""

from __future__ import annotations

from ui.backend import Backend
from ui.desk.audit_view import AuditView
from ui.desk.board.planning_view import PlanningView
from ui.desk.desk_view import DeskView
from ui.desk.overview import OverviewTab
from ui.qt import QCoreApplication
from ui.sync_controller import SyncController


def build_desk(backend: Backend, sync: SyncController) -> DeskView:
    desk = DeskView(backend, sync)
    planning = PlanningView(backend, desk.commands)
    desk.planning = planning
    desk.add_tab(planning, QCoreApplication.translate("Desk", "Weekplanning"))
    overview = OverviewTab(backend, desk.commands)
    overview.open_case.connect(desk.open_case)
    desk.add_tab(overview, QCoreApplication.translate("Desk", "Overzicht"))
    desk.add_tab(AuditView(desk.commands), QCoreApplication.translate("Desk", "Logboek"))
    # One selection everywhere: the tables, the board and the map follow each other.
    desk.triage.selection_changed.connect(planning.select_cases)
    planning.case_selected.connect(lambda cid: desk.triage.select_ids([cid]))
    return desk
