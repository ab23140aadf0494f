"""The desk on a team lead's laptop (issue 9 items 1-3): real server on loopback, real store,
real widgets. Filters work in memory; bulk commands change the server's data; the laptop shows
the server's result after an immediate pull; offline the desk is read-only and queues nothing."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.desk import UNASSIGNED, Approach
from fieldapp.store.schema import AttemptRow, CaseEventRow, SignalRow
from tests.ui.conftest import wait_idle
from tests.ui.desk_support import *  # noqa: F403  (fixtures)
from tests.ui.desk_support import CASES


def wait_done(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.desk.commands.busy, timeout=15_000)
    wait_idle(qtbot, window)


def test_a_team_leads_laptop_opens_on_the_desk(desk_app) -> None:
    window = desk_app
    assert window.work.currentWidget() is window.desk
    assert window.act_desk.isVisible()
    tabs = [window.desk.tabs.tabText(i) for i in range(window.desk.tabs.count())]
    assert tabs[:2] == ["Binnengekomen", "Toewijzen"]
    assert not window.desk.banner.isVisible()


def test_filters_narrow_the_table_per_keystroke(desk_app, qtbot) -> None:
    triage = desk_app.desk.triage
    assert triage.model.rowCount() == CASES
    index = triage.filters.wijk.findData("Zuid")
    triage.filters.wijk.setCurrentIndex(index)
    assert triage.model.rowCount() == CASES // 2
    assert {triage.model.row_at(r).case.wijk for r in range(triage.model.rowCount())} == {"Zuid"}
    triage.filters.search.setText("Zzmark-nobody")
    assert triage.model.rowCount() == 0
    triage.filters.search.clear()
    triage.filters.wijk.setCurrentIndex(0)
    assert triage.model.rowCount() == CASES
    assert triage.count.text() == f"{CASES} van {CASES} zaken"


def test_bulk_assign_changes_the_servers_data_and_the_laptop_shows_it(
    desk_app, desk_server, qtbot
) -> None:
    window, triage = desk_app, desk_app.desk.triage
    triage.filters.wijk.setCurrentIndex(triage.filters.wijk.findData("Zuid"))
    triage.table.selectAll()
    zuid = triage.selected_ids()
    assert len(zuid) == CASES // 2
    triage.worker_pick.setCurrentIndex(triage.worker_pick.findData(desk_server.anna.worker_id))
    assert triage.assign_button.isEnabled()
    triage.assign_button.click()
    wait_done(window, qtbot)

    on_server = desk_server.assigned()
    assert {cid for cid, w in on_server.items() if w == desk_server.anna.worker_id} == set(zuid)
    assert "toegewezen aan Anna Testmedewerker" in triage.message.text()
    # The laptop pulled: the rows now carry the server's assignment.
    qtbot.waitUntil(
        lambda: all(
            triage.model.row_at(r).case.assigned_worker_id == desk_server.anna.worker_id
            for r in range(triage.model.rowCount())
        )
    )
    triage.filters.wijk.setCurrentIndex(0)
    triage.filters.worker.setCurrentIndex(triage.filters.worker.findData(UNASSIGNED))
    assert triage.model.rowCount() == CASES - len(zuid)


def test_approach_and_not_picked_up_are_server_commands(desk_app, desk_server, qtbot) -> None:
    window, triage = desk_app, desk_app.desk.triage
    first, second = triage.model.row_at(0).id, triage.model.row_at(1).id
    triage.select_ids([first])
    triage.approach_pick.setCurrentIndex(triage.approach_pick.findData(Approach.BELLEN.value))
    assert triage.approach_button.isEnabled(), (
        triage.selected_ids(),
        triage.commands.busy,
        triage._writable,
    )
    triage.approach_button.click()
    wait_done(window, qtbot)
    assert "aanpak: bellen" in desk_server.case(first).flags
    qtbot.waitUntil(
        lambda: triage.model.row_at(triage.model.row_of(first)).approach is Approach.BELLEN
    )

    assert triage.not_picked_up([second], Eindresultaat.NIET_OPGEPAKT_ONTERECHT, "dubbel gemeld")
    wait_done(window, qtbot)
    closed = desk_server.case(second)
    assert closed.status == "gesloten" and closed.resultaat == Eindresultaat.NIET_OPGEPAKT_ONTERECHT
    with desk_server.db.session() as s:
        statuses = set(s.scalars(select(SignalRow.status).where(SignalRow.case_id == second)))
        reason = s.scalar(select(CaseEventRow.reason).where(CaseEventRow.case_id == second))
    assert statuses == {"Niet opgepakt: onterecht signaal"}
    assert reason == "dubbel gemeld"
    qtbot.waitUntil(lambda: triage.model.row_of(second) is None)  # closed: off the table


def test_import_shows_the_per_row_report_and_exports_it_as_csv(
    desk_app, desk_server, qtbot, tmp_path: Path
) -> None:
    window, panel = desk_app, desk_app.desk.triage.import_panel
    recent = (date.today() - timedelta(days=20)).isoformat()
    good = (
        "signaal_id;signaalpartner;achternaam;voorletters;postcode;huisnummer;straat;plaats;"
        "bedrag;ontstaansdatum\n"
        f"E-1;Energie;Zzimport;P.;9999ZZ;312;Proefstraat;Testdorp;345;{recent}\n"
        f"E-2;Energie;Zzimport;Q.;9999ZZ;313;Proefstraat;Testdorp;veel;{recent}\n"
    )
    path = tmp_path / "signalen januari.csv"
    path.write_text(good, encoding="utf-8")
    assert panel.import_paths([path])
    wait_done(window, qtbot)
    assert panel.report.rowCount() >= 1, panel.summary.text()
    assert "1 signalen verwerkt" in panel.summary.text()
    qtbot.waitUntil(lambda: window.desk.triage.model.total == CASES + 1)
    out = tmp_path / "rapport.csv"
    panel.save_report(out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0] == ["bestand", "rij", "veld", "reden"]
    assert rows[1][0] == "bestand 1 (.csv)" and rows[1][1] == "3"
    assert "januari" not in out.read_text(encoding="utf-8-sig")  # never the file's name


def test_offline_the_desk_is_read_only_and_queues_nothing(desk_app, desk_server, qtbot) -> None:
    window, triage = desk_app, desk_app.desk.triage
    desk_server.stop()
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.state.online is False, timeout=15_000)
    assert window.desk.banner.isVisible()
    assert "alleen-lezen" in window.desk.banner.text()
    triage.table.selectAll()
    assert not triage.assign_button.isEnabled()
    assert not triage.import_panel.choose.isEnabled()
    # Even a direct call while offline sends nothing later: it fails now, clearly.
    triage.worker_pick.setCurrentIndex(0)
    assert triage.assign(triage.selected_ids(), desk_server.anna.worker_id)
    wait_done(window, qtbot)
    assert "niets klaargezet" in triage.message.text()
    desk_server.start()
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.state.online is True, timeout=15_000)
    assert not window.desk.banner.isVisible()
    assert all(w is None for w in desk_server.assigned().values())
    with desk_server.db.session() as s:
        assert s.scalar(select(func.count()).select_from(AttemptRow)) == 0


def test_brp_check_from_the_desk_asks_the_server_and_shows_its_answer(desk_app, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, triage = desk_app, desk_app.desk.triage
    triage.select_ids([triage.model.row_at(0).id])
    assert triage.brp_button.isEnabled()
    triage.brp_button.click()
    wait_done(window, qtbot)
    # This test server has no BRP gateway configured: the lead gets the server's own words.
    qtbot.waitUntil(lambda: "BRP" in triage.message.text(), timeout=10_000)
    assert "brp.toml" in triage.message.text()
