"""Instellingen: the worker's own details for cards and letters (issue 11 item 17)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.services.profile import load_profile
from fieldapp.store.client_store import Store
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import wait_idle


def _profile(db: Path):  # type: ignore[no-untyped-def]
    with Store.open(db, TEST_PASSPHRASE) as store, store.session() as s:
        return load_profile(s)


def test_settings_save_the_workers_name_and_numbers(unlocked, town, qtbot) -> None:
    window = unlocked
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.naam.isEnabled(), timeout=10_000)
    dialog.naam.setText("Sanne de Wit")
    dialog.telefoon.setText("06-12345678")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_idle(qtbot, window)
    window.backend.lock()
    wait_idle(qtbot, window)
    profile = _profile(town)
    assert (profile.naam, profile.telefoon) == ("Sanne de Wit", "+31612345678")


def test_a_bad_number_keeps_the_dialog_open_and_saves_nothing(unlocked, town, qtbot) -> None:
    window = unlocked
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: dialog.naam.isEnabled(), timeout=10_000)
    dialog.naam.setText("Sanne de Wit")
    dialog.telefoon.setText("bel mij maar")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and not dialog.error.isHidden()
    assert "telefoon" in dialog.error.text()
    assert dialog.naam.text() == "Sanne de Wit"  # nothing typed is lost
    dialog.reject()
    wait_idle(qtbot, window)
    window.backend.lock()
    wait_idle(qtbot, window)
    assert _profile(town).naam == ""


def test_while_locked_the_details_cannot_be_edited(make_window, town, qtbot) -> None:
    window = make_window(town)
    window.start()
    dialog = window.open_settings()
    assert not dialog.naam.isEnabled()
    assert "Ontgrendel" in dialog.profile_note.text()
    dialog.reject()
