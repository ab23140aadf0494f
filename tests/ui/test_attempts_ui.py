"""Logging attempts from the case view: one click = the right committed attempts."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from sqlalchemy import func, select

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.services import queries
from fieldapp.services.attempts import QuickOutcome
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import wait_idle
from ui.qt import Qt

EVENING = datetime(2026, 3, 10, 19, 30, tzinfo=AMSTERDAM)
MORNING = datetime(2026, 3, 10, 9, 15, tzinfo=AMSTERDAM)

EXPECTED = {
    QuickOutcome.NIET_THUIS_KAARTJE: [
        (Contactsoort.HUISBEZOEK, False),
        (Contactsoort.KAARTJE, False),
    ],
    QuickOutcome.NIET_THUIS: [(Contactsoort.HUISBEZOEK, False)],
    QuickOutcome.GESPROKEN_WIL_HULP: [(Contactsoort.HUISBEZOEK, True)],
    QuickOutcome.GESPROKEN_GEEN_HULP: [(Contactsoort.HUISBEZOEK, True)],
    QuickOutcome.GEBELD_GEEN_GEHOOR: [(Contactsoort.TELEFOON, False)],
    QuickOutcome.GEBELD_GESPROKEN: [(Contactsoort.TELEFOON, True)],
    QuickOutcome.APP_SMS: [(Contactsoort.SMS_WHATSAPP, False)],
    QuickOutcome.BRIEF: [(Contactsoort.BRIEF, False)],
}


def open_first_case(window, qtbot) -> str:  # type: ignore[no-untyped-def]
    case_id = window.today.model.row_at(0).id
    window.show_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    return case_id


def stored_attempts(db_path, case_id):  # type: ignore[no-untyped-def]
    with Store.open(db_path, TEST_PASSPHRASE) as store, store.session() as s:
        return list(queries.get_case(s, case_id).attempts)


@pytest.mark.parametrize("outcome", list(QuickOutcome))
@pytest.mark.parametrize(
    ("moment", "dagdeel"), [(EVENING, Dagdeel.AVOND), (MORNING, Dagdeel.OCHTEND)]
)
def test_each_outcome_button_writes_the_right_attempts(
    unlocked, town, qtbot, outcome, moment, dagdeel
) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    view.quick_note.setText("deur bleef dicht")
    with time_machine.travel(moment, tick=True):
        qtbot.mouseClick(view.quick_buttons[outcome], Qt.MouseButton.LeftButton)
        assert view.save_status.text() == "Opslaan…"  # not "saved" before the commit
        qtbot.waitUntil(lambda: "Opgeslagen" in view.save_status.text(), timeout=10_000)
    wait_idle(qtbot, window)
    assert view.timeline_model.rowCount() == len(EXPECTED[outcome])
    window.close()
    got = stored_attempts(town, case_id)
    assert [(a.soort, a.bereikt) for a in got] == EXPECTED[outcome]
    assert {a.dagdeel for a in got} == {dagdeel}
    assert got[0].note == "deur bleef dicht"
    assert all(a.device_id for a in got)


def test_double_click_saves_once_and_says_so(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    button = view.quick_buttons[QuickOutcome.NIET_THUIS]
    # A real double click reaches the button as two clicks (QTest's mouseDClick sends only
    # the double-click event, which buttons ignore).
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    notice = view.outcomes.notice
    assert notice.isVisible() and "niet nog eens opgeslagen" in notice.text()
    # The same click submitted twice (a retry with the same form id) is stored once.
    click = view.outcomes.last_saved
    assert click is not None
    view.outcomes._submit(click)
    wait_idle(qtbot, window)
    window.close()
    assert len(stored_attempts(town, case_id)) == 1


def test_second_one_click_within_a_second_is_queued_not_lost(unlocked, town, qtbot) -> None:
    """Issue 11 item 6: a different outcome right after the first is saved too."""
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    qtbot.mouseClick(view.quick_buttons[QuickOutcome.NIET_THUIS], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.quick_buttons[QuickOutcome.GEBELD_GEEN_GEHOOR], Qt.MouseButton.LeftButton)
    assert "wachtrij" in view.save_status.text()
    wait_idle(qtbot, window)
    assert "Gebeld, geen gehoor" in view.save_status.text()
    # A deliberate repeat of the same outcome (after the double-click window) counts too.
    view.outcomes.repeat_window = 0.0
    qtbot.mouseClick(view.quick_buttons[QuickOutcome.GEBELD_GEEN_GEHOOR], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    window.close()
    got = [(a.soort, a.bereikt) for a in stored_attempts(town, case_id)]
    assert sorted(got) == sorted(
        [
            (Contactsoort.HUISBEZOEK, False),
            (Contactsoort.TELEFOON, False),
            (Contactsoort.TELEFOON, False),
        ]
    )


def test_voiding_strikes_the_attempt_and_keeps_it(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    view.record_quick(QuickOutcome.GEBELD_GEEN_GEHOOR)
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == 1, timeout=10_000)
    view.timeline_view.setCurrentIndex(view.timeline_model.index(0, 0))
    dialog = view.open_void()
    assert dialog is not None
    dialog.buttons.accepted.emit()
    assert "reden" in dialog.message.text().lower()  # a reason is required
    dialog.reason.setText("verkeerde zaak gekozen")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: view.timeline_model.rowCount() == 2, timeout=10_000)
    voided_id = view.timeline_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1).id
    assert view.timeline_model.is_voided(voided_id)
    assert "doorgestreept" in view.timeline_model.index(0, 2).data()
    assert view.timeline_model.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    window.close()
    got = stored_attempts(town, case_id)
    assert len(got) == 2 and got[1].voids == got[0].id
    assert got[1].void_reason == "verkeerde zaak gekozen"


def test_detail_form_saves_with_chosen_time_and_derived_dagdeel(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    with time_machine.travel(EVENING, tick=True):
        form = view.open_form()
        assert form is not None
        assert form.chosen_soort() is None  # no silent default
        form.soort.setCurrentIndex(form.soort.findData(Contactsoort.TELEFOON))
        form.bereikt.setChecked(True)
        form.time.setTime(form.time.time().fromString("10:05", "HH:mm"))
        assert "ochtend" in form.dagdeel.itemText(0)
        form.note.setPlainText("teruggebeld")
        form.buttons.accepted.emit()
        form.buttons.accepted.emit()  # twice: same attempt id, stored once
        qtbot.waitUntil(lambda: view.form is None, timeout=10_000)
    wait_idle(qtbot, window)
    window.close()
    [attempt] = stored_attempts(town, case_id)
    assert (attempt.soort, attempt.bereikt, attempt.dagdeel) == (
        Contactsoort.TELEFOON,
        True,
        Dagdeel.OCHTEND,
    )
    assert attempt.note == "teruggebeld"


def test_closing_the_window_during_a_save_loses_nothing(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    window.case_view.record_quick(QuickOutcome.GESPROKEN_WIL_HULP)
    window.close()  # at once: the save is still queued or running
    got = stored_attempts(town, case_id)
    assert [(a.soort, a.bereikt) for a in got] == [(Contactsoort.HUISBEZOEK, True)]


def test_attempt_marks_show_on_vandaag_after_saving(unlocked, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    window.case_view.record_quick(QuickOutcome.NIET_THUIS_KAARTJE)
    wait_idle(qtbot, window)
    window.show_today()
    qtbot.waitUntil(
        lambda: (
            (row := window.today.model.row_of(case_id)) is not None
            and len(window.today.model.row_at(row).attempts) == 2
        ),
        timeout=10_000,
    )


def test_no_attempt_rows_leak_between_tests(town) -> None:
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        assert s.scalar(select(func.count()).select_from(AttemptRow)) == 0
