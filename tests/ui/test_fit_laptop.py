"""Screens that fit a 1366x768 laptop (issue 11 items 8 and 13)."""

from __future__ import annotations

from tests.ui.conftest import wait_idle
from ui.qt import QFontMetrics, QRect, Qt, QWidget


def text_fits(label: QWidget) -> bool:
    """Every wrapped line of the label's text is inside the label (nothing cut off)."""
    metrics = QFontMetrics(label.font())
    margin = label.contentsMargins()
    width = label.width() - margin.left() - margin.right()
    needed = metrics.boundingRect(
        QRect(0, 0, width, 10_000),
        int(Qt.TextFlag.TextWordWrap),
        label.text(),  # type: ignore[attr-defined]
    ).height()
    return needed <= label.height() - margin.top() - margin.bottom()


def test_wrong_passphrase_message_is_fully_visible(make_window, town, qtbot) -> None:
    window = make_window(town)
    window.resize(1366, 768)
    window.start()
    page = window.unlock_page
    for attempt in range(3):
        page.passphrase.setText("dit is niet de goede zin")
        page.retry_seconds = 0
        page.button.setEnabled(True)
        page.button.click()
        qtbot.waitUntil(lambda n=attempt: page.failures == n + 1, timeout=10_000)
    qtbot.waitUntil(lambda: text_fits(page.message), timeout=3_000)
    assert page.message.isVisible()
    assert "klopt niet" in page.message.text() and "seconden" in page.message.text()
    wait_idle(qtbot, window)


LAPTOP_AVAILABLE = QRect(0, 0, 1366, 728)  # 1366x768 less a 40 px task bar


def test_first_start_fits_the_available_screen() -> None:
    from ui.window_geometry import fitted_rect

    rect = fitted_rect(LAPTOP_AVAILABLE)
    assert rect.height() <= 728 - 40  # room for the title bar
    assert LAPTOP_AVAILABLE.contains(rect)
    big = fitted_rect(QRect(0, 0, 1920, 1040))
    assert big.width() <= 1920 and big.height() <= 1040 and big.height() >= rect.height()


def test_window_places_itself_on_the_screen_and_remembers_size(
    make_window, town, ui_settings, qtbot
) -> None:
    window = make_window(town)
    window.place_on_screen()
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry())
    window.setGeometry(QRect(40, 60, 770, 560))  # the offscreen screen is 800x800
    window.close()
    again = make_window(town)
    again.place_on_screen()
    assert (again.width(), again.height()) == (770, 560)
    again.close()


def test_sync_bar_and_case_timeline_fit_a_1366x768_laptop(unlocked, qtbot) -> None:
    from tests.ui.test_attempts_ui import open_first_case

    window = unlocked
    window.resize(1366, 690)
    open_first_case(window, qtbot)
    qtbot.wait(50)  # let the layout settle (no timer race: only sizes are read)
    assert window.height() <= 690  # nothing forces the window taller than the screen
    bar = window.sync_bar
    assert bar.isVisible()
    bottom = bar.mapTo(window, bar.rect().bottomRight()).y()
    assert bottom <= window.height()
    view = window.case_view
    rows = view.timeline_view.verticalHeader().defaultSectionSize()
    assert view.timeline_view.viewport().height() >= 4 * rows
    close = view.close_button
    assert close.isVisible()
    assert close.mapTo(window, close.rect().bottomRight()).y() <= window.height()


def test_print_dialog_fits_the_screen(unlocked, qtbot) -> None:
    window = unlocked
    window.today.request_print()
    dialog = window.print_dialog
    assert dialog is not None
    available = window.screen().availableGeometry()
    assert dialog.height() <= available.height() - 40
    dialog.close()
    wait_idle(qtbot, window)


def test_keyboard_focus_scrolls_into_view_in_the_case_facts(unlocked, qtbot) -> None:
    from tests.ui.test_attempts_ui import open_first_case

    window = unlocked
    window.resize(1366, 690)
    window.activateWindow()
    open_first_case(window, qtbot)
    facts = window.case_view.facts
    facts.widget().setMinimumHeight(3000)
    bar = facts.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    bar.setValue(bar.maximum())
    facts.signals_view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: bar.value() < bar.maximum(), timeout=3_000)
    top = facts.signals_view.mapTo(facts.viewport(), facts.signals_view.rect().topLeft()).y()
    bottom = top + facts.signals_view.height()
    assert bottom > 0 and top < facts.viewport().height()  # on screen, at least in part
