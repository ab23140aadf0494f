"""The app starts on a 10,000-case store and the Vandaag list shows (no timing asserted)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import copy_store
from tests.ui.town import build_large_store

LARGE = 10_000


@pytest.fixture(scope="session")
def large_template(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("large") / "veldwerk.db"
    build_large_store(path, TEST_PASSPHRASE, count=LARGE, today=date.today())
    return path


def test_ten_thousand_cases_show_and_filter(make_window, large_template, tmp_path, qtbot) -> None:
    window = make_window(copy_store(large_template, tmp_path / "store"))
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == LARGE, timeout=60_000)
    assert window.today.list.model().rowCount() == LARGE
    assert "10000 zaken" in window.today.count.text()
    # Painting the visible cards reads rows only; grabbing exercises the delegate.
    assert not window.grab().isNull()
    window.today.search.setText("Havenkade")
    assert 0 < window.today.proxy.rowCount() < LARGE
    window.today.wijk.setCurrentIndex(window.today.wijk.findData("Noord"))
    assert window.today.proxy.rowCount() == 0  # Havenkade lies in Haven, not Noord
