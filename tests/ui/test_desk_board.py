"""Weekplanning (issue 9 items 4-5): the board's drag with live feasibility, lock, undo, the
tray, "Plan automatisch" as a server job, and publish reaching a worker's laptop (two clients).
Real server on loopback, real stores, real widgets."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.services.cases import assign_cases
from fieldapp.services.desk_plan import MSG_OTHER_WORKER, monday_of
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.client_store import Store
from fieldapp.store.schema import PlannedVisitRow, ShiftRow
from tests.conftest import TEST_PASSPHRASE
from tests.server.plan_helpers import make_shift
from tests.ui.conftest import wait_idle
from tests.ui.desk_support import *  # noqa: F403  (fixtures)
from tests.ui.desk_support import DeskServer, enrolled_store, fast_transport, open_window
from ui.desk.board.board_scene import ROW_H

NEXT_MONDAY = monday_of(date.today()) + timedelta(days=7)
TUESDAY, THURSDAY = NEXT_MONDAY + timedelta(days=1), NEXT_MONDAY + timedelta(days=3)


@pytest.fixture
def planned(desk_server: DeskServer) -> dict[str, object]:
    """Anna: 3 cases, an evening shift on Tuesday with two of them and an empty one on
    Thursday. Bram: 2 cases, a Tuesday evening shift with one."""
    db, ids = desk_server.db, desk_server.case_ids
    anna, bram = desk_server.anna.worker_id, desk_server.bram.worker_id
    with db.session() as s, s.begin():
        before = case_scopes(s, ids[:5])
        assign_cases(s, case_ids=ids[:3], worker_id=anna)
        assign_cases(s, case_ids=ids[3:5], worker_id=bram)
        emit_case_changes(s, before)
    tue, tue_visits = make_shift(db, team="Noord", worker_id=anna, day=TUESDAY, case_ids=ids[:2])
    thu, _ = make_shift(db, team="Noord", worker_id=anna, day=THURSDAY, case_ids=[])
    bram_tue, _ = make_shift(db, team="Noord", worker_id=bram, day=TUESDAY, case_ids=ids[3:4])
    return {"tue": tue, "thu": thu, "bram_tue": bram_tue, "visits": tue_visits}


@pytest.fixture
def board_app(make_window, desk_server, planned, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    path = enrolled_store(tmp_path / "lead" / "veldwerk.db", desk_server.url, desk_server.lead)
    window = open_window(make_window, path, qtbot)
    planning = window.desk.planning
    window.desk.tabs.setCurrentWidget(planning)
    planning.show_week(NEXT_MONDAY)
    qtbot.waitUntil(lambda: planning.board is not None and len(planning.board.shifts) == 3)
    qtbot.waitUntil(lambda: planning.instance is not None)  # the drag check's data
    return window


def wait_done(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.desk.commands.busy, timeout=20_000)
    wait_idle(qtbot, window)


def server_visit(desk_server: DeskServer, visit_id: str) -> PlannedVisitRow:
    with desk_server.db.session() as s:
        row = s.get(PlannedVisitRow, visit_id)
        assert row is not None
        s.expunge(row)
        return row


def centre(scene, shift_id: str, dy: float = 0.0):  # type: ignore[no-untyped-def]
    rect = scene.shift_rects[shift_id]
    return rect.center() + type(rect.center())(0, dy)


def test_board_rows_columns_and_greyed_sunday(board_app, desk_server, planned) -> None:
    planning = board_app.desk.planning
    board = planning.board
    assert [name for _, name in board.workers] == ["Anna Testmedewerker", "Bram Testmedewerker"]
    assert board.days[6] in board.closed and board.closed[board.days[6]] == "zondag"
    assert len(planning.scene.chips) == 3
    assert set(planning.scene.shift_rects) == {planned["tue"], planned["thu"], planned["bram_tue"]}
    # Anna's Tuesday shift is on her row, Bram's one row lower, same column.
    anna_tue = planning.scene.shift_rects[planned["tue"]]
    bram_tue = planning.scene.shift_rects[planned["bram_tue"]]
    assert bram_tue.y() - anna_tue.y() == ROW_H and bram_tue.x() == anna_tue.x()
    assert planning.map.route_count >= 1 and len(planning.map.points) == len(board.cases)
    tray = planning.tray.case_ids()
    assert desk_server.case_ids[2] in tray and desk_server.case_ids[4] in tray


def test_drag_gives_live_feedback_then_moves_locks_and_undoes(
    board_app, desk_server, planned, qtbot
) -> None:
    window, planning = board_app, board_app.desk.planning
    scene = planning.scene
    visit_id = planned["visits"][0]
    chip = scene.chips[visit_id]
    start = chip.scenePos() + type(chip.scenePos())(5, 5)
    assert scene.begin_drag(visit_id, start)
    scene.drag_to(centre(scene, planned["bram_tue"]))  # another worker's shift: red
    ok, text = scene.feedback
    assert not ok and text == MSG_OTHER_WORKER
    scene.drag_to(centre(scene, planned["thu"], dy=-ROW_H / 2 + 12))  # Anna's Thursday: green
    ok, text = scene.feedback
    assert ok and text.startswith("Past: aankomst 18:")
    scene.finish_drag(centre(scene, planned["thu"], dy=-ROW_H / 2 + 12))
    wait_done(window, qtbot)
    qtbot.waitUntil(lambda: planning.instance is not None)
    assert server_visit(desk_server, visit_id).shift_id == planned["thu"]
    qtbot.waitUntil(lambda: planning.board.visit(visit_id)[0].id == planned["thu"])
    assert len(planning.history) == 1

    planning.lock(visit_id, True)
    wait_done(window, qtbot)
    assert server_visit(desk_server, visit_id).locked
    qtbot.waitUntil(lambda: planning.board.visit(visit_id)[1].locked)

    qtbot.waitUntil(lambda: planning.instance is not None)
    assert planning.undo()  # unlock
    wait_done(window, qtbot)
    assert not server_visit(desk_server, visit_id).locked
    assert planning.undo()  # and back to Tuesday
    wait_done(window, qtbot)
    assert server_visit(desk_server, visit_id).shift_id == planned["tue"]
    assert len(planning.history) == 0 and not planning.undo_button.isEnabled()


def test_a_tray_case_dropped_on_a_green_shift_is_planned(board_app, desk_server, planned, qtbot):  # type: ignore[no-untyped-def]
    window, planning = board_app, board_app.desk.planning
    case_id = desk_server.case_ids[2]
    at = centre(planning.scene, planned["thu"])
    assert planning.board_view.hover_case(case_id, at) is not None
    assert planning.scene.feedback[0]
    assert planning.board_view.drop_case(case_id, at)
    wait_done(window, qtbot)
    with desk_server.db.session() as s:
        shifts = set(
            s.scalars(select(PlannedVisitRow.shift_id).where(PlannedVisitRow.case_id == case_id))
        )
    assert shifts == {planned["thu"]}
    qtbot.waitUntil(lambda: case_id not in planning.tray.case_ids())


def test_plan_automatically_runs_on_the_server_and_redraws(board_app, desk_server, qtbot) -> None:
    window, planning = board_app, board_app.desk.planning
    planning.budget_s = 1.0
    assert planning.plan_button.isEnabled()
    planning.plan_button.click()
    qtbot.waitUntil(lambda: planning.job.running, timeout=10_000)
    assert planning.cancel_button.isVisible() and planning.progress.isVisible()
    qtbot.waitUntil(lambda: "drawn" in planning.timings, timeout=60_000)
    wait_done(window, qtbot)
    assert not planning.cancel_button.isVisible()
    assert "Gepland:" in planning.message.text()
    # Every case of Anna and Bram is planned this week or in the tray with a reason.
    board = planning.board
    planned_ids = {v.case_id for s in board.shifts for v in s.visits}
    for entry in board.unplanned:
        assert entry.text and entry.case_id not in planned_ids


def test_publish_reaches_the_workers_laptop(
    board_app, desk_server, planned, tmp_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window, planning = board_app, board_app.desk.planning
    anna_path = enrolled_store(tmp_path / "anna" / "veldwerk.db", desk_server.url, desk_server.anna)

    def anna_shifts() -> set[str]:
        store = Store.open(anna_path, TEST_PASSPHRASE)
        try:
            SyncClient(store, transport_factory=fast_transport).sync()
            with store.session() as s:
                return set(s.scalars(select(ShiftRow.id)))
        finally:
            store.close()

    assert anna_shifts() == set()  # nothing published yet
    planning.publish_button.click()
    wait_done(window, qtbot)
    assert "Gepubliceerd" in planning.message.text()
    assert anna_shifts() == {planned["tue"], planned["thu"]}  # Bram's shift is not hers


def test_week_template_makes_shifts_per_worker_mode_skipping_sunday(  # type: ignore[no-untyped-def]
    board_app, desk_server, planned, qtbot
) -> None:
    window, planning = board_app, board_app.desk.planning
    dialog = planning.ask_template()
    assert dialog is not None
    bram = desk_server.bram.worker_id
    dialog.modes[bram].setCurrentIndex(dialog.modes[bram].findData("car"))
    dialog.starts[bram].setText("91, 5")  # refused: nothing sent
    dialog._accept()
    assert dialog.isVisible() and "Startpunt niet begrepen" in dialog.error.text()
    dialog.starts[bram].setText("51.45, 5.48")
    dialog._accept()
    wait_done(window, qtbot)
    with desk_server.db.session() as s:
        rows = s.execute(
            select(ShiftRow.worker_id, ShiftRow.day, ShiftRow.mode, ShiftRow.start_lat)
        ).all()
    brams = [r for r in rows if r[0] == bram]
    made = [r for r in brams if r[3] == 51.45]
    assert len(made) == len(brams) - 1 and all(r[2] == "car" for r in made)
    assert not any(r[1].weekday() == 6 for r in rows)  # no Sunday shift
    # Anna keeps her two existing evening shifts and gets the rest of the normal week.
    anna = [r for r in rows if r[0] == desk_server.anna.worker_id]
    assert len(anna) == 2 + 13 - 2  # Tue and Thu evenings existed already
