"""Dutch by default, English through the compiled Qt Linguist file, switchable at run time."""

from __future__ import annotations

from datetime import date

from fieldapp.services.attempts import QuickOutcome
from ui.display import deadline_text
from ui.i18n import ensure_compiled, set_language


def test_english_file_is_compiled_and_translates(qapp) -> None:
    assert ensure_compiled("en") is not None
    try:
        assert set_language("en") == "en"
        assert deadline_text(date(2026, 3, 1), date(2026, 3, 4)) == "3 days overdue"
    finally:
        set_language("nl")
    assert deadline_text(date(2026, 3, 1), date(2026, 3, 4)) == "3 dagen te laat"


def test_switching_language_in_settings_rebuilds_the_views(unlocked, ui_settings, qtbot) -> None:
    window = unlocked
    case_id = window.today.model.row_at(0).id
    window.show_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    try:
        dialog._save()
        button = window.case_view.quick_buttons[QuickOutcome.NIET_THUIS_KAARTJE]
        assert button.text() == "Not at home, card left"
        assert window.act_today.text() == "&Today"
        qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
        assert window.case_view.case.id == case_id  # still on the same case
        assert ui_settings.language == "en"
    finally:
        set_language("nl")


def test_about_box_shows_the_one_version(unlocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from fieldapp import __version__

    dialog = unlocked.open_settings()
    assert dialog.about_button.text() == "&Over Veldwerk…"
    assert f"Veldwerk {__version__}" in dialog.about_text()
    dialog.reject()
