"""Vandaag on a planned route: "niet thuis, straks terug" moves the case to the end of its
shift and queues a route edit for the team lead (pushed like an attempt)."""

from __future__ import annotations

from sqlalchemy import select

from fieldapp.domain.ddas import Dagdeel
from fieldapp.services.sync import pending_count
from fieldapp.store.schema import RouteEditRow
from tests.conftest import TEST_PASSPHRASE
from tests.ui.test_printing import AFTERNOON_VISITS, EVENING_VISITS, plan_today


def test_come_back_later_moves_the_case_to_the_end_of_its_shift(  # type: ignore[no-untyped-def]
    make_window, town, qtbot
) -> None:
    planned = plan_today(town)
    win = make_window(town)
    win.start()
    win.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    win.unlock_page.button.click()
    today = win.today
    qtbot.waitUntil(
        lambda: today.model.rowCount() == EVENING_VISITS + AFTERNOON_VISITS, timeout=10_000
    )
    afternoon = planned[Dagdeel.MIDDAG]
    ids = lambda: [today.model.row_at(i).id for i in range(today.model.rowCount())]  # noqa: E731
    assert ids()[:AFTERNOON_VISITS] == afternoon
    assert today.later_action.isEnabled()
    today.list.setCurrentIndex(today.proxy.index(0, 0))
    today.later_action.trigger()
    expected = [*afternoon[1:], afternoon[0]]
    qtbot.waitUntil(lambda: ids()[:AFTERNOON_VISITS] == expected, timeout=10_000)
    assert ids()[AFTERNOON_VISITS:] == planned[Dagdeel.AVOND]  # the evening is untouched

    seen: list[tuple[int, list[str], str]] = []

    def outbox(session):  # type: ignore[no-untyped-def]
        edit = session.scalars(select(RouteEditRow)).one()
        return pending_count(session), [str(c) for c in edit.case_ids], edit.reason

    win.backend.runner.query(outbox, parent=win).success(seen.append).run()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0] == (1, expected, "niet_thuis_later")
