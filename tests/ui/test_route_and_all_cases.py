"""Vandaag with a planned route (issue 11 items 4 and 9): a search and "Alle zaken" reach
every case of the worker (also closed, offline); the route has a heading per shift, the
current or next shift first, and that shift is the print default."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, datetime

import pytest
import time_machine

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Dagdeel, Eindresultaat
from fieldapp.services import cases as case_service
from fieldapp.services import queries
from fieldapp.store.client_store import Store
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import TOWN_SIZE, wait_idle
from tests.ui.test_printing import AFTERNOON_VISITS, EVENING_VISITS, plan_today
from ui.models.case_list import HEADING_ROLE, ROW_ROLE

ROUTE = EVENING_VISITS + AFTERNOON_VISITS


def _at(hour: int, minute: int = 0) -> datetime:
    today = date.today()
    return datetime(today.year, today.month, today.day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def off_route(town) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Plan the route; close one case that is not on it. Returns a searchable fact per case."""
    plan_today(town)
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        planned = {r.id for r in queries.today_rows(s, today=date.today(), worker_id=None)[1]}
        others = [r for r in queries.list_case_rows(s, today=date.today()) if r.id not in planned]
        closed = others[1]
        case_service.close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=closed.id,
            resultaat=Eindresultaat.ZELF_BETAALD,
            at=_at(9),
        )
    return {
        "open_id": others[0].id,
        "open_postcode": others[0].postcode,
        "closed_id": closed.id,
        "closed_postcode": closed.postcode,
    }


def _open(make_window, town, qtbot):  # type: ignore[no-untyped-def]
    window = make_window(town)
    window.resize(1366, 690)
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == ROUTE, timeout=10_000)
    return window


def shown_ids(today) -> list[str]:  # type: ignore[no-untyped-def]
    return [today.proxy.index(i, 0).data(ROW_ROLE).id for i in range(today.proxy.rowCount())]


def test_search_with_a_route_finds_cases_off_the_route(make_window, town, off_route, qtbot) -> None:
    window = _open(make_window, town, qtbot)
    today = window.today
    qtbot.keyClicks(today.search, off_route["open_postcode"])
    qtbot.waitUntil(lambda: off_route["open_id"] in shown_ids(today), timeout=10_000)
    today.search.clear()  # back to the route
    qtbot.waitUntil(lambda: today.model.rowCount() == ROUTE, timeout=10_000)
    # A closed case is found too (a resident calls back after the case was closed).
    qtbot.keyClicks(today.search, off_route["closed_postcode"])
    qtbot.waitUntil(lambda: off_route["closed_id"] in shown_ids(today), timeout=10_000)
    wait_idle(qtbot, window)


def test_alle_zaken_lists_every_case_of_the_worker(make_window, town, off_route, qtbot) -> None:
    window = _open(make_window, town, qtbot)
    today = window.today
    today.all_button.click()
    qtbot.waitUntil(lambda: today.model.rowCount() == TOWN_SIZE, timeout=10_000)
    assert not today.model.has_headings
    assert "alle zaken" in today.subtitle.text()
    today.route_button.click()
    qtbot.waitUntil(lambda: today.model.rowCount() == ROUTE, timeout=10_000)
    wait_idle(qtbot, window)


def _headings(today) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(today.model.rowCount()):
        text = today.model.index(i, 0).data(HEADING_ROLE)
        if text:
            out.append((i, text))
    return out


@pytest.fixture
def evening() -> Iterator[None]:
    with time_machine.travel(_at(19, 30), tick=True):
        yield


def test_route_has_a_heading_per_shift_current_first(
    make_window, town, off_route, evening, qtbot
) -> None:
    window = _open(make_window, town, qtbot)
    today = window.today
    headings = _headings(today)
    assert [i for i, _t in headings] == [0, EVENING_VISITS]
    assert (
        headings[0][1].startswith("Nu · avond") and f"{EVENING_VISITS} adressen" in headings[0][1]
    )
    assert headings[1][1].startswith("Geweest · middag")
    first = today.model.row_at(0)
    assert first.planned_dagdeel is Dagdeel.AVOND and first.planned_seq == 1
    # The print dialog starts on the current shift.
    window.today.request_print()
    dialog = window.print_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.options.target.count() >= 2, timeout=10_000)
    assert "avond" in dialog.options.target.currentText()
    dialog.close()
    wait_idle(qtbot, window)


def test_in_the_morning_the_next_shift_comes_first(make_window, town, off_route, qtbot) -> None:
    with time_machine.travel(_at(10, 0), tick=True):
        window = _open(make_window, town, qtbot)
        headings = _headings(window.today)
        assert headings[0][1].startswith("Straks · middag")
        assert headings[1][1].startswith("Later · avond")
        wait_idle(qtbot, window)
