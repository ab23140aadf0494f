"""Overzicht (issue 10 item 8): the server's report on a real embedded server, every rate with
its count and Wilson interval, the deadline lists, PNG/CSV export, offline the kept report."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, update

from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.services.reporting import dashboard
from fieldapp.store.schema import AttemptRow, CaseRow
from tests.ui.conftest import wait_idle
from tests.ui.desk_support import *  # noqa: F403  (fixtures)
from tests.ui.desk_support import CASES, DeskServer
from ui.desk.overview import day_of


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


def _deadlines(server: DeskServer) -> tuple[str, str]:
    """Cases 6 and 7 have no attempt: one due in 3 days, one 2 days late."""
    soon, late = server.case_ids[6], server.case_ids[7]
    today = date.today()
    with server.db.session() as s, s.begin():
        before = case_scopes(s, [soon, late])
        s.execute(
            update(CaseRow).where(CaseRow.id == soon).values(deadline=today + timedelta(days=3))
        )
        s.execute(
            update(CaseRow).where(CaseRow.id == late).values(deadline=today - timedelta(days=2))
        )
        emit_case_changes(s, before)
    return soon, late


def _overview(window):  # type: ignore[no-untyped-def]
    tabs = window.desk.tabs
    index = [tabs.tabText(i) for i in range(tabs.count())].index("Overzicht")
    return tabs.widget(index)


def _load(overview, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(overview.loaded, timeout=15_000):
        overview.reload()
        # The request runs on the network thread: the window shows a busy bar meanwhile.
        assert overview.loading and not overview.progress.isHidden()
        assert not overview.refresh.isEnabled()
    assert overview.progress.isHidden() and overview.refresh.isEnabled()


def test_overview_shows_the_servers_numbers_with_counts_and_intervals(  # type: ignore[no-untyped-def]
    make_window, desk_server, tmp_path: Path, qtbot
) -> None:
    from tests.ui.desk_support import enrolled_store, open_window

    _attempts(desk_server, reached=3, total=6)
    soon, late = _deadlines(desk_server)
    path = enrolled_store(tmp_path / "lead" / "veldwerk.db", desk_server.url, desk_server.lead)
    window = open_window(make_window, path, qtbot)
    overview = _overview(window)
    window.desk.tabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: not overview.loading and overview.report is not None, timeout=15_000)
    _load(overview, qtbot)
    assert overview.fresh and "Cijfers van de server" in overview.source.text()
    shown = overview.report.dashboard
    today = date.today()
    van, tot = day_of(overview.van), day_of(overview.tot)
    with desk_server.db.session() as s:
        expected = dashboard(s, start=van, end=tot, today=today, case_ids=desk_server.case_ids)
    assert (shown.cases, shown.attempts) == (expected.cases, expected.attempts) == (CASES, 6)
    for mine, theirs in (
        (shown.by_channel, expected.by_channel),
        (shown.by_partner, expected.by_partner),
        (shown.by_wijk, expected.by_wijk),
    ):
        assert mine.keys() == theirs.keys()
        for key, rate in theirs.items():
            got = mine[key]
            assert (got.hits, got.total) == (rate.hits, rate.total)
            assert abs(got.low - rate.low) < 1e-4 and abs(got.high - rate.high) < 1e-4
    assert (shown.on_time.hits, shown.on_time.total) == (6, 7)
    # The hand-computed figure: 3 of 6 reached, Wilson 95 % [0.188, 0.812].
    channel = next(iter(shown.by_channel.values()))
    assert (channel.hits, channel.total) == (3, 6)
    assert abs(channel.low - 0.1876) < 1e-3 and abs(channel.high - 0.8124) < 1e-3
    table = overview.rates
    cells = [
        [table.index(r, c).data() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    assert cells == [[cells[0][0], "50 %", "3 / 6", "19–81 %"]]
    chart = overview.chart.chart()
    assert len(chart.series()) == 2  # one whisker, one dot series
    assert "(n=6)" in chart.axes()[1].categoriesLabels()[0]
    overview.figure.setCurrentIndex(overview.figure.findData("termijn"))
    assert overview.rates.index(0, 2).data() == "6 / 7"
    assert [e.case_id for e in overview.soon.rows] == [soon]
    assert [e.case_id for e in overview.late.rows] == [late]
    assert overview.late_label.text() == "Te laat (1)"
    with qtbot.waitSignal(window.desk.open_case, timeout=2_000) as opened:
        overview.late_table.doubleClicked.emit(overview.late.index(0, 0))
    assert opened.args == [late]

    png, csv_out = tmp_path / "overzicht.png", tmp_path / "overzicht.csv"
    assert overview.save_png(png) and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert overview.save_csv(csv_out)
    assert "bereikt_per_kanaal" in csv_out.read_text(encoding="utf-8-sig")
    wait_idle(qtbot, window)

    # Offline: the kept report, with the moment it was fetched.
    desk_server.stop()
    _load(overview, qtbot)
    assert not overview.fresh and overview.report is not None
    assert overview.source.text().startswith("Offline")
    assert overview.report.dashboard.attempts == 6


def test_overview_without_connection_or_kept_report_says_so(  # type: ignore[no-untyped-def]
    make_window, desk_server, tmp_path: Path, qtbot
) -> None:
    from tests.ui.desk_support import enrolled_store, open_window

    path = enrolled_store(tmp_path / "lead" / "veldwerk.db", desk_server.url, desk_server.lead)
    desk_server.stop()
    window = open_window(make_window, path, qtbot)
    overview = _overview(window)
    window.desk.tabs.setCurrentWidget(overview)
    qtbot.waitUntil(lambda: not overview.loading, timeout=15_000)
    _load(overview, qtbot)
    assert overview.report is None
    assert "niet beschikbaar zonder verbinding" in overview.source.text()
    assert not overview.png.isEnabled() and not overview.csv.isEnabled()
    assert overview.rates.rowCount() == 0


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
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.load()
    assert [e.action for e in audit.entries] == ["assign"]
    assert audit.entries[0].case_ids == [first]
    model = audit.model
    assert model.index(0, model.COL_ACTION).data() == "assign"
    assert model.index(0, model.COL_CASES).data() == first[:8]
    # ids and counts only: no names or addresses anywhere in the table
    cells = " ".join(
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )
    assert "Zzmark" not in cells and "Proefstraat" not in cells


def test_audit_viewer_pages_and_filters_by_date(desk_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = desk_app
    audit = window.desk.tabs.widget(window.desk.tabs.count() - 1)
    window.desk.tabs.setCurrentWidget(audit)
    qtbot.waitUntil(lambda: not audit.loading and bool(audit.entries), timeout=10_000)
    audit.page_size = 2
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.load()
    first = [e.id for e in audit.entries]
    assert len(first) == 2 and first == sorted(first, reverse=True)
    assert audit.older.isEnabled() and not audit.newer.isEnabled()
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.older.click()
    second = [e.id for e in audit.entries]
    assert second and max(second) < min(first)
    assert audit.newer.isEnabled() and audit.message.text().startswith("Pagina 2")
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.newer.click()
    assert [e.id for e in audit.entries] == first

    # A period that ended yesterday holds none of today's events; a reversed one is refused.
    audit.use_period.setChecked(True)
    today = audit.tot.date()
    audit.van.setDate(today.addDays(-10))
    audit.tot.setDate(today.addDays(-1))
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.load()
    assert audit.entries == [] and "Geen gebeurtenissen" in audit.message.text()
    audit.tot.setDate(today)
    with qtbot.waitSignal(audit.loaded, timeout=10_000):
        audit.load()
    assert len(audit.entries) == 2
    audit.van.setDate(today.addDays(1))
    audit.load()
    assert "klopt niet" in audit.message.text() and len(audit.entries) == 2


def test_audit_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.sync.desk_protocol import AuditEntry
    from ui.desk.models.audit import ROW_ROLE, AuditTableModel

    model = AuditTableModel()
    rows = [
        AuditEntry(
            id=9 - n,
            at=datetime(2026, 3, 2, 9, n, tzinfo=UTC),
            action="assign",
            outcome="ok",
            user_id="5d0c2b1e-0000-4000-8000-000000000001",
            device_id=None,
            case_ids=[f"case-{k:04d}" for k in range(n + 1)],
            detail={"cases": n + 1},
        )
        for n in range(6)
    ]
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(5, model.COL_CASES).data() == "case-000, case-000, case-000, case-000 (+2)"
    assert model.index(0, model.COL_USER).data() == "5d0c2b1e"
    assert model.index(0, model.COL_DEVICE).data() == "—"
    assert model.index(0, model.COL_DETAIL).data() == "cases=1"
    assert model.index(2, 0).data(ROW_ROLE) is rows[2]
    model.clear()
    qtmodeltester.check(model)
