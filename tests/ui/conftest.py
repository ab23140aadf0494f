"""UI test fixtures: real encrypted stores, real widgets, offscreen Qt (pytest-qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldapp.store.kdf import FAST_TEST_PARAMS
from tests.conftest import TEST_PASSPHRASE
from tests.ui.town import build_store

TOWN_SIZE = 12


def copy_store(source: Path, target_dir: Path) -> Path:
    target_dir.mkdir(parents=True, exist_ok=True)
    for path in source.parent.iterdir():
        if path.name.startswith(source.name) and not path.name.endswith(".lock"):
            shutil.copy2(path, target_dir / path.name)
    return target_dir / source.name


@pytest.fixture(scope="session")
def town_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic town, built once per session and copied per test."""
    path = tmp_path_factory.mktemp("town") / "veldwerk.db"
    build_store(path, TEST_PASSPHRASE, count=TOWN_SIZE, today=date.today())
    return path


@pytest.fixture
def town(town_template: Path, tmp_path: Path) -> Path:
    return copy_store(town_template, tmp_path / "store")


@pytest.fixture
def ui_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ui.settings import UiSettings

    return UiSettings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, ui_settings) -> Iterator:  # type: ignore[no-untyped-def]
    """Factory: a shown MainWindow on a store path (closed, with its threads, at teardown)."""
    from ui.app import build_window, ensure_application
    from ui.i18n import set_language

    ensure_application()
    set_language("nl")

    def make(db_path: Path, **kwargs):  # type: ignore[no-untyped-def]
        window = build_window(db_path, settings=ui_settings, kdf_params=FAST_TEST_PARAMS, **kwargs)
        qtbot.addWidget(window)
        window.resize(1200, 820)
        window.show()
        return window

    yield make


@pytest.fixture
def unlocked(make_window, town, qtbot):  # type: ignore[no-untyped-def]
    """A window on the town store, unlocked, Vandaag filled."""
    window = make_window(town)
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.today.model.rowCount() == TOWN_SIZE, timeout=10_000)
    return window


def wait_idle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Until every queued DB job has delivered its callbacks."""
    qtbot.waitUntil(lambda: window.backend.runner.pending == 0, timeout=10_000)


@pytest.fixture(autouse=True)
def dutch_locale_by_default() -> Iterator[None]:
    """The app sets the locale with the language (ui.i18n.set_language); tests that build a
    model without it get the same Dutch locale, never the machine's (CI runs with C)."""
    from ui.qt import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    yield
