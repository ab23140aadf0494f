"""Closing, reopening and undoing from the case view (issue 11 items 1, 2, 5, 7).

Nothing a worker did not choose is saved: no pre-selected close result, no default
contactsoort; a confirmation names the result; the effort checklist comes from the core.
"""

from __future__ import annotations

from sqlalchemy import select

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Eindresultaat, Signaalstatus
from fieldapp.domain.priority import EffortStandard, Policy
from fieldapp.services import queries
from fieldapp.services.attempts import UNDO_REASON, QuickOutcome
from fieldapp.services.changes import Changes
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseEventRow
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import wait_idle
from tests.ui.test_attempts_ui import open_first_case, stored_attempts
from ui.labels import result_label
from ui.qt import Qt


def stored_case(db_path, case_id):  # type: ignore[no-untyped-def]
    with Store.open(db_path, TEST_PASSPHRASE) as store, store.session() as s:
        return queries.get_case(s, case_id)


def test_close_dialog_preselects_nothing_and_confirms_the_chosen_result(
    unlocked, town, qtbot
) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    dialog = view.open_close()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.results.setFocus()  # keyboard focus makes Qt set a current row: not a choice
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert dialog.chosen() is None
    assert not dialog.ok_button.isEnabled()
    assert dialog.isVisible() and not dialog.confirmation.isVisible()

    dialog.select(Eindresultaat.REGELT_HET_ZELF)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    # First press: a confirmation that names the result; nothing written yet.
    assert dialog.confirmation.isVisible()
    assert result_label(Eindresultaat.REGELT_HET_ZELF) in dialog.confirmation.text()
    wait_idle(qtbot, window)
    assert view.case is not None and view.case.status is CaseStatus.OPEN
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: view.case is not None and view.case.status is CaseStatus.GESLOTEN, timeout=10_000
    )
    assert result_label(Eindresultaat.REGELT_HET_ZELF) in view.save_status.text()
    window.close()
    assert stored_case(town, case_id).resultaat is Eindresultaat.REGELT_HET_ZELF


def test_close_dialog_back_from_confirmation_changes_nothing(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    dialog = window.case_view.open_close()
    assert dialog is not None
    dialog.select(Eindresultaat.OVERLEDEN)
    dialog.ok_button.click()
    dialog.buttons.rejected.emit()  # "Terug"
    assert dialog.isVisible() and not dialog.confirmation.isVisible()
    dialog.select(Eindresultaat.GEEN_INWONER)  # a changed choice needs its own confirmation
    dialog.ok_button.click()
    assert result_label(Eindresultaat.GEEN_INWONER) in dialog.confirmation.text()
    dialog.reject()
    wait_idle(qtbot, window)
    window.close()
    assert stored_case(town, case_id).status is CaseStatus.OPEN


def test_close_dialog_shows_the_core_effort_checklist(unlocked, town, qtbot) -> None:
    window = unlocked
    window.backend.policy = Policy(effort=EffortStandard(enforced=True))
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    dialog = view.open_close()
    assert dialog is not None
    dialog.select(Eindresultaat.DEFINITIEF_GEEN_CONTACT)
    # The checklist shows while choosing, one line per missing item.
    assert dialog.shortfalls.isVisible()
    lines = [line for line in dialog.shortfalls.text().splitlines() if line.startswith("✗")]
    assert len(lines) >= 3 and "pogingen" in lines[0]
    dialog.ok_button.click()
    dialog.ok_button.click()  # confirmed: the core refuses and offers the override
    qtbot.waitUntil(dialog.override.isVisible, timeout=10_000)
    assert "nog niet gehaald" in dialog.shortfalls.text()
    dialog.override.setChecked(True)
    dialog.ok_button.click()
    assert "waarom" in dialog.message.text()  # an override needs a reason
    dialog.reason.setPlainText("Verhuisd volgens buren; BRP-controle loopt")
    dialog.ok_button.click()
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: view.case is not None and view.case.status is CaseStatus.GESLOTEN, timeout=10_000
    )
    assert not view.quick_buttons[QuickOutcome.NIET_THUIS].isEnabled()
    window.close()
    assert stored_case(town, case_id).resultaat is Eindresultaat.DEFINITIEF_GEEN_CONTACT


def test_a_worker_is_told_only_a_team_lead_may_override(unlocked, town, qtbot) -> None:
    window = unlocked
    window.backend.policy = Policy(effort=EffortStandard(enforced=True))
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    window.backend.runner.db_op(
        lambda s: (queries.set_kv(s, "sync.role", "worker"), Changes())[1], parent=None
    ).run()
    wait_idle(qtbot, window)
    dialog = view.open_close()
    assert dialog is not None
    wait_idle(qtbot, window)  # the role is read
    assert not dialog.can_override
    dialog.select(Eindresultaat.DEFINITIEF_GEEN_CONTACT)
    dialog.ok_button.click()
    dialog.ok_button.click()
    qtbot.waitUntil(dialog.lead_only.isVisible, timeout=10_000)
    assert not dialog.override.isVisible()
    assert "[" not in dialog.shortfalls.text()  # codes are for scripts, not for people
    dialog.reject()
    wait_idle(qtbot, window)
    window.close()
    assert stored_case(town, case_id).status is CaseStatus.OPEN


def test_a_results_list_that_is_not_about_effort_shows_no_checklist(unlocked, qtbot) -> None:
    window = unlocked
    window.backend.policy = Policy(effort=EffortStandard(enforced=True))
    open_first_case(window, qtbot)
    dialog = window.case_view.open_close()
    assert dialog is not None
    dialog.select(Eindresultaat.VERVOLGHULP_FINANCIEEL)
    assert not dialog.shortfalls.isVisible()


def test_detail_form_saves_nothing_until_a_contactsoort_is_chosen(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    form = window.case_view.open_form()
    assert form is not None
    save = form.buttons.buttons()[0]
    assert form.chosen_soort() is None
    assert not save.isEnabled()
    form.buttons.accepted.emit()  # e.g. Enter: refused with a message, nothing saved
    assert "soort contact" in form.message.text()
    wait_idle(qtbot, window)
    form.reject()
    window.close()
    assert stored_attempts(town, case_id) == []


def close_first_case(window, qtbot, result: Eindresultaat) -> str:  # type: ignore[no-untyped-def]
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    dialog = view.open_close()
    assert dialog is not None
    dialog.select(result)
    dialog.ok_button.click()
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: view.case is not None and view.case.status is CaseStatus.GESLOTEN, timeout=10_000
    )
    return case_id


def test_reopen_needs_a_reason_and_is_an_audited_event(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = close_first_case(window, qtbot, Eindresultaat.NIET_OPGEPAKT_ONTERECHT)
    view = window.case_view
    assert view.reopen_button.isVisible() and not view.close_button.isVisible()
    dialog = view.open_reopen()
    assert dialog is not None
    assert result_label(Eindresultaat.NIET_OPGEPAKT_ONTERECHT) in dialog.intro.text()
    dialog.buttons.accepted.emit()
    assert "reden" in dialog.message.text().lower()
    dialog.reason.setText("Inwoner belde terug na het kaartje")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(
        lambda: view.case is not None and view.case.status is CaseStatus.OPEN, timeout=10_000
    )
    assert view.quick_buttons[QuickOutcome.NIET_THUIS].isEnabled()
    window.close()
    case = stored_case(town, case_id)
    assert case.resultaat is None
    assert all(s.status is Signaalstatus.OPGEPAKT for s in case.signals)
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        events = s.scalars(select(CaseEventRow).where(CaseEventRow.case_id == case_id)).all()
        kinds = [(e.kind, e.reason, e.sync_state) for e in sorted(events, key=lambda e: e.at)]
    assert kinds[-1] == ("reopen", "Inwoner belde terug na het kaartje", "pending")
    assert events[0].device_id


def test_undo_voids_what_the_click_saved_and_syncs_it(unlocked, town, qtbot) -> None:
    window = unlocked
    case_id = open_first_case(window, qtbot)
    view = window.case_view
    qtbot.mouseClick(view.quick_buttons[QuickOutcome.NIET_THUIS_KAARTJE], Qt.MouseButton.LeftButton)
    undo = view.outcomes.undo_button
    qtbot.waitUntil(undo.isVisible, timeout=10_000)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Ongedaan gemaakt" in view.save_status.text(), timeout=10_000)
    wait_idle(qtbot, window)
    assert not undo.isVisible()
    assert view.timeline_model.rowCount() == 4  # two attempts, two void entries
    window.close()
    got = stored_attempts(town, case_id)
    originals = [a for a in got if a.voids is None]
    voids = [a for a in got if a.voids is not None]
    assert {v.voids for v in voids} == {a.id for a in originals}
    assert all(v.void_reason == UNDO_REASON for v in voids)
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        states = s.scalars(select(AttemptRow.sync_state).where(AttemptRow.voids.is_not(None)))
        assert set(states) == {"pending"}


def test_undo_is_offered_only_for_a_few_seconds(unlocked, qtbot) -> None:
    window = unlocked
    open_first_case(window, qtbot)
    panel = window.case_view.outcomes
    panel.record_quick(QuickOutcome.NIET_THUIS)
    qtbot.waitUntil(panel.undo_button.isVisible, timeout=10_000)
    timer = panel._undo_timer
    assert timer.isActive() and timer.interval() == panel.undo_ms <= 10_000
    timer.start(10)  # let the few seconds pass now (no sleeping against the timer)
    qtbot.waitUntil(lambda: not panel.undo_button.isVisible(), timeout=5_000)


def test_every_case_opens_scrolled_to_the_top(unlocked, qtbot) -> None:
    window = unlocked
    window.resize(1366, 768)
    first = open_first_case(window, qtbot)
    view = window.case_view
    bar = view.facts.verticalScrollBar()
    view.facts.widget().setMinimumHeight(3000)  # make the column scroll
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    bar.setValue(bar.maximum())
    second = window.today.model.row_at(1).id
    assert second != first
    window.show_case(second)
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == second, timeout=10_000)
    assert bar.value() == 0
