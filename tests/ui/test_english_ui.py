"""The English UI shows English everywhere (issue 11 item 12): priority reasons, signal
status, core messages, Qt's own dialogs, and the unlock page without a restart."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import pytest

import fieldapp
from fieldapp.domain.ddas import Signaalstatus
from fieldapp.domain.effort import effort_shortfalls
from fieldapp.domain.priority import EffortStandard
from fieldapp.services.errors import EffortNotMet
from fieldapp.sync.transport import MSG_REFUSED, SyncRefused
from ui.core_messages import SOURCES, core_message
from ui.i18n import set_language
from ui.labels import signaalstatus_label
from ui.messages import user_message
from ui.qt import QCoreApplication
from ui.reason_labels import translate_reason

# Internal texts that never reach a user as such.
INTERNAL = {"store is closed"}
# Shown before any QApplication exists (no Qt translator yet): the command line's words.
PRE_GUI = ("fieldapp.support.gui_preflight.",)
# Constants with {fields}: every text the core makes from them.
TEMPLATED = {
    "fieldapp.services.print_pdf.MSG_NO_CONTACT": [
        {"missing": "naam", "verb": "ontbreekt"},
        {"missing": "telefoonnummer", "verb": "ontbreekt"},
        {"missing": "naam en telefoonnummer", "verb": "ontbreken"},
    ],
}


def core_constants() -> dict[str, str]:
    """Every ``MSG_*`` string constant in fieldapp (walked, so a new one is not missed)."""
    found: dict[str, str] = {}
    for info in pkgutil.walk_packages(fieldapp.__path__, "fieldapp."):
        skip = ".migrations.versions" in info.name or info.name.endswith("__main__")
        if skip or info.name.startswith("fieldapp.server"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:
            continue
        for name, value in vars(module).items():
            if name.startswith("MSG_") and isinstance(value, str):
                found[f"{info.name}.{name}"] = value
    return found


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    set_language("en")
    yield
    set_language("nl")


def test_every_core_message_constant_is_translated(english) -> None:
    constants = core_constants()
    assert len(constants) >= 15
    for where, constant in constants.items():
        if constant in INTERNAL or where.startswith(PRE_GUI):
            continue
        if "{" in constant:
            assert where in TEMPLATED, f"{where} has fields: list its texts in TEMPLATED"
            texts = [constant.format(**fields) for fields in TEMPLATED[where]]
        else:
            texts = [constant]
        for text in texts:
            assert text in SOURCES, f"{where} is not in ui.core_messages"
            english_text = core_message(text)
            assert english_text != text and english_text.isascii(), where


def test_core_message_with_argument_and_user_message(english) -> None:
    assert user_message(SyncRefused(f"{MSG_REFUSED} (HTTP 503)")) == (
        "The server refused the request. (HTTP 503)"
    )
    missing = effort_shortfalls([], EffortStandard(enforced=True))
    assert missing[0].endswith("[POGINGEN]")  # the core's coded checklist
    text = core_message(str(EffortNotMet(missing)))
    assert text.startswith("Minimum effort not met: at least 3 contact attempt(s) (now 0)")
    assert "[" not in text and text.isascii()


def test_dutch_stays_dutch(qapp) -> None:  # type: ignore[no-untyped-def]
    set_language("nl")
    assert core_message(MSG_REFUSED) == MSG_REFUSED
    assert translate_reason("Termijn verlopen (+25)") == "Termijn verlopen (+25)"


def test_priority_reasons_and_signal_status_in_english(english) -> None:
    assert translate_reason("Huurachterstand: risico op huisuitzetting (+25)") == (
        "Rent arrears: risk of eviction (+25)"
    )
    assert translate_reason("Totaalbedrag € 1.084 (vanaf € 1.000) (+20)") == (
        "Total amount € 1.084 (from € 1.000) (+20)"
    )
    assert translate_reason("iets nieuws uit de kern") == "iets nieuws uit de kern"
    for status in Signaalstatus:
        assert signaalstatus_label(status).isascii(), status
    assert signaalstatus_label(Signaalstatus.OPGEPAKT) == "Taken up"


def test_qt_own_dialog_strings_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    set_language("nl")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Zoeken in:"
    set_language("en")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
    set_language("nl")


def test_unlock_page_switches_language_without_restart(make_window, town, qtbot) -> None:
    window = make_window(town)
    window.start()
    page = window.unlock_page
    assert page.title.text() == "Veldwerk is vergrendeld"
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    try:
        dialog._save()
        assert page.title.text() != "Veldwerk is vergrendeld"
        assert page.title.text().isascii()
        assert "Unlock" in page.button.text()
    finally:
        set_language("nl")


def test_case_view_shows_english_reasons_and_status(unlocked, qtbot) -> None:
    window = unlocked
    case_id = window.today.model.row_at(0).id
    window.settings.language = "en"
    try:
        window.apply_settings()
        window.show_case(case_id)
        view = window.case_view
        qtbot.waitUntil(lambda: view.case is not None, timeout=10_000)
        assert view.facts.reasons.text().isascii() or "€" in view.facts.reasons.text()
        status = view.signals_model.index(0, view.signals_model.COL_STATUS).data()
        assert status == "Taken up"
    finally:
        window.settings.language = "nl"
        set_language("nl")


def test_money_goes_through_qlocale_currency(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.display import euros
    from ui.qt import QLocale

    set_language("nl")
    assert euros(123_456) == QLocale().toCurrencyString(1235.0, "€", 0) == "€\u00a01.235"
    assert euros(750) == "€\u00a07,50"
    assert euros(-5_000) == "-€\u00a050"


def test_every_case_warning_flag_is_translated(english) -> None:
    from fieldapp.domain import signals
    from ui.reason_labels import translate_flag

    flags = {n: v for n, v in vars(signals).items() if n.startswith("FLAG_") and isinstance(v, str)}
    assert len(flags) >= 7
    for name, text in flags.items():
        assert translate_flag(text) != text, name
