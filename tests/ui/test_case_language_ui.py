"""The worker sets the household's language for cards and letters in the case view."""

from __future__ import annotations

from fieldapp.domain.letters import Language
from fieldapp.services.case_language import case_languages
from fieldapp.store.client_store import Store
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import wait_idle


def test_choosing_a_language_in_the_case_view_is_saved_and_shown_again(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    case_id = window.today.model.row_at(0).id
    window.show_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    combo = window.case_view.facts.language
    assert combo.currentData() == ""  # nothing chosen: the batch's language
    index = combo.findData(Language.PL.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a click in the list does
    qtbot.waitUntil(lambda: "Taal" in window.case_view.outcomes.save_status.text(), timeout=10_000)
    wait_idle(qtbot, window)
    window.show_today()
    window.show_case(case_id)
    qtbot.waitUntil(lambda: combo.currentData() == Language.PL.value, timeout=10_000)
    db = window.backend.db_path
    window.close()
    with Store.open(db, TEST_PASSPHRASE) as store, store.session() as s:
        assert case_languages(s, [case_id]) == {case_id: Language.PL}


def test_a_programmatic_refill_never_saves_a_language(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = unlocked
    case_id = window.today.model.row_at(0).id
    window.show_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    window.case_view.facts.show_language(Language.TR)  # e.g. a reload
    wait_idle(qtbot, window)
    db = window.backend.db_path
    window.close()
    with Store.open(db, TEST_PASSPHRASE) as store, store.session() as s:
        assert case_languages(s, [case_id]) == {}
