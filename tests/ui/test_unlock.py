"""Start and unlock: right and wrong passphrase, growing delay, first-run creation."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.key_slots import slot_path_for
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import TOWN_SIZE
from ui.views.unlock_page import retry_delay


def _fingerprint(db_path: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(db_path.parent.iterdir())
        if p.name.startswith(db_path.name) and not p.name.endswith(".lock")
    }


def test_right_passphrase_unlocks_and_shows_vandaag(make_window, town, qtbot) -> None:
    window = make_window(town)
    window.start()
    assert window.pages.currentWidget() is window.unlock_page
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == TOWN_SIZE, timeout=10_000)
    assert window.pages.currentWidget() is window.work
    assert window.work.currentWidget() is window.today
    assert window.unlock_page.passphrase.text() == ""


def test_wrong_passphrase_says_so_waits_longer_and_changes_nothing(
    make_window, town, qtbot
) -> None:
    before = _fingerprint(town)
    window = make_window(town)
    window.start()
    page = window.unlock_page

    page.passphrase.setText("dit is niet de goede zin")
    page.button.click()
    qtbot.waitUntil(lambda: page.failures == 1, timeout=10_000)
    assert "klopt niet" in page.message.text()
    assert "1 seconde" in page.message.text()
    assert not page.button.isEnabled()
    assert page.passphrase.text() == ""
    page.passphrase.setText("nog steeds fout, helaas")
    page.try_unlock()  # ignored while the pause runs
    assert page.failures == 1 and not page.busy

    qtbot.waitUntil(page.button.isEnabled, timeout=3_000)
    page.passphrase.setText("nog steeds fout, helaas")
    page.button.click()
    qtbot.waitUntil(lambda: page.failures == 2, timeout=10_000)
    assert page.retry_seconds == 2
    assert "2 seconden" in page.message.text()
    assert not window.backend.is_unlocked
    assert window.pages.currentWidget() is page
    assert _fingerprint(town) == before  # nothing written, nothing wiped


def test_retry_delay_doubles_up_to_thirty_seconds() -> None:
    assert [retry_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_first_run_creates_a_store_with_nfc_passphrase(make_window, tmp_path, qtbot) -> None:
    db_path = tmp_path / "nieuw" / "veldwerk.db"
    window = make_window(db_path)
    window.start()
    dialog = window.first_run
    assert dialog is not None and dialog.isVisible()

    dialog.first.setText("kort")
    dialog.second.setText("kort")
    assert "tekens nodig" in dialog.hint.text()
    dialog.ok.click()
    assert "12" in dialog.message.text()
    assert not db_path.exists()

    composed = "Café aan de haven, 7 uur"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    dialog.first.setText(decomposed)
    dialog.second.setText("iets heel anders dan dit")
    dialog.ok.click()
    assert "niet gelijk" in dialog.message.text()

    dialog.second.setText(composed)
    dialog.ok.click()
    qtbot.waitUntil(lambda: window.backend.is_unlocked, timeout=10_000)
    assert window.pages.currentWidget() is window.work
    window.close()
    # The NFC form unlocks the new store, made with the KDF cost the window was given.
    Store.open(db_path, composed).close()
    slot = json.loads(slot_path_for(db_path).read_text(encoding="utf-8"))["slots"][0]
    assert (slot["t"], slot["m"], slot["p"]) == (
        FAST_TEST_PARAMS.t,
        FAST_TEST_PARAMS.m,
        FAST_TEST_PARAMS.p,
    )


def test_demo_start_unlocks_and_shows_the_passphrase_banner(make_window, town, qtbot) -> None:
    window = make_window(town, demo_passphrase=TEST_PASSPHRASE)
    window.start()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == TOWN_SIZE, timeout=10_000)
    assert window.banner.isVisible()
    assert "Demo".upper() in window.banner_label.text()
    assert TEST_PASSPHRASE in window.banner_label.text()
