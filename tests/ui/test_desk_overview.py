"""Overzicht (issue 10 item 8, desk half): the team's figures from the lead's own store, with
counts and Wilson intervals, charts drawn, CSV export."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.store.schema import AttemptRow
from tests.ui.conftest import wait_idle
from tests.ui.desk_support import *  # noqa: F403  (fixtures)
from tests.ui.desk_support import CASES, DeskServer


def _attempts(server: DeskServer, reached: int, total: int) -> None:
    with server.db.session() as s, s.begin():
        before = case_scopes(s, server.case_ids)
        s.execute(
            insert(AttemptRow),
            [
                {
                    "id": str(uuid.uuid4()),
                    "case_id": server.case_ids[n % CASES],
                    "soort": "Huisbezoek",
                    "bereikt": n < reached,
                    "occurred_at": datetime.now(UTC),
                    "dagdeel": "Avond",
                    "note": "",
                    "sync_state": "acked",
                }
                for n in range(total)
            ],
        )
        emit_case_changes(s, before)


def test_overview_shows_the_teams_rates_with_counts(  # type: ignore[no-untyped-def]
    make_window, desk_server, tmp_path: Path, qtbot
) -> None:
    from tests.ui.desk_support import enrolled_store, open_window

    _attempts(desk_server, reached=3, total=8)
    path = enrolled_store(tmp_path / "lead" / "veldwerk.db", desk_server.url, desk_server.lead)
    window = open_window(make_window, path, qtbot)
    tabs = window.desk.tabs
    index = [tabs.tabText(i) for i in range(tabs.count())].index("Overzicht")
    overview = tabs.widget(index)
    window.desk.tabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: overview.figures is not None, timeout=10_000)
    wait_idle(qtbot, window)
    figures = overview.figures
    assert figures.cases == CASES and figures.attempts == 8
    texts = [overview.table.item(r, 2).text() for r in range(overview.table.rowCount())]
    assert any(t.startswith("38 % (3/8;") for t in texts), texts
    assert overview.month_chart.chart().series() and overview.channel_chart.chart().series()
    out = tmp_path / "overzicht.csv"
    assert overview.save_csv(out)
    assert "bereikt_per_kanaal" in out.read_text(encoding="utf-8-sig")


def test_audit_viewer_lists_the_teams_events_by_filter(  # type: ignore[no-untyped-def]
    desk_app, desk_server, qtbot
) -> None:
    from tests.ui.test_desk_triage import wait_done

    window, triage = desk_app, desk_app.desk.triage
    first = triage.model.row_at(0).id
    assert triage.assign([first], desk_server.anna.worker_id)
    wait_done(window, qtbot)
    audit = window.desk.tabs.widget(window.desk.tabs.count() - 1)
    assert window.desk.tabs.tabText(window.desk.tabs.count() - 1) == "Logboek"
    window.desk.tabs.setCurrentWidget(audit)
    qtbot.waitUntil(lambda: bool(audit.entries), timeout=10_000)
    audit.case.setText(first)
    audit.action.setCurrentText("assign")
    audit.entries = []
    audit.load()
    qtbot.waitUntil(lambda: bool(audit.entries), timeout=10_000)
    assert [e.action for e in audit.entries] == ["assign"]
    assert audit.entries[0].case_ids == [first]
    assert audit.table.item(0, 1).text() == "assign"
    # ids and counts only: no names or addresses anywhere in the table
    cells = " ".join(
        audit.table.item(r, c).text()
        for r in range(audit.table.rowCount())
        for c in range(audit.table.columnCount())
    )
    assert "Zzmark" not in cells and "Proefstraat" not in cells
