"""Unlocking the app runs retention first (offline too): an expired case is anonymised."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.priority import Policy
from fieldapp.services.intake import import_parsed
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import CaseRow, PersonRow
from tests.conftest import TEST_PASSPHRASE
from tests.core.signal_factory import parsed, signal


def test_unlock_anonymises_expired_cases(make_window, tmp_path: Path, qtbot) -> None:
    db = tmp_path / "store" / "veldwerk.db"
    with Store.create(db, TEST_PASSPHRASE, params=FAST_TEST_PARAMS) as store, store.session() as s:
        old, fresh = date(2024, 1, 10), date.today()
        import_parsed(
            s,
            [parsed(signal(Signaalpartner.ZORG, name="Zwanenburg", on=old))],
            policy=Policy(),
            today=old,
        )
        import_parsed(
            s,
            [parsed(signal(Signaalpartner.HUUR, name="Vredenburg", postcode="7500XY", on=fresh))],
            policy=Policy(),
            today=fresh,
        )
    window = make_window(db)
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work, timeout=10_000)
    window.close()
    with Store.open(db, TEST_PASSPHRASE) as store, store.session() as s:
        assert [p.achternaam for p in s.scalars(select(PersonRow))] == ["Vredenburg"]
        done = s.scalars(select(CaseRow.anonymised_on).where(CaseRow.anonymised_on.is_not(None)))
        assert len(list(done)) == 1  # the day counts in Amsterdam time
