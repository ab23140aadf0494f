"""WCAG 2.1 AA non-text contrast (issue 11 item 11): borders of cards, panels, buttons and
fields reach 3:1 against what is inside and around them; locked tool bar actions look
disabled."""

from __future__ import annotations

import re

import pytest

from ui.contrast import NON_TEXT_MINIMUM, contrast_ratio
from ui.qt import QColor, QImage
from ui.resources import STYLE_SHEET
from ui.views.case_card import CARD_BG, CARD_BORDER

PAGE = "#f3f5f7"  # QMainWindow/QDialog and view backgrounds
PANEL = "#ffffff"  # inside panels and cards, where most buttons sit
# Lines that separate regions rather than outline a control: decoration under WCAG 1.4.11.
DECORATION = ("QToolBar#MainToolbar", "QHeaderView::section", "QStatusBar", "QFrame#DemoBanner")
COLOUR = r"#[0-9a-fA-F]{6}\b"


def style_rules() -> list[tuple[str, str]]:
    text = re.sub(r"/\*.*?\*/", "", STYLE_SHEET.read_text(encoding="utf-8"), flags=re.S)
    return [(m.group(1).strip(), m.group(2)) for m in re.finditer(r"([^{}]+)\{([^}]*)\}", text)]


def border_cases() -> list[tuple[str, str, str]]:
    cases = []
    for selector, body in style_rules():
        if ":disabled" in selector or selector.startswith(DECORATION):
            continue
        own = re.search(r"(?<![-\w])background(?:-color)?\s*:\s*(" + COLOUR + ")", body)
        for decl in re.finditer(r"border(?:-color|-top|-bottom|-left|-right)?\s*:([^;]*)", body):
            for colour in re.findall(COLOUR, decl.group(1)):
                inside = own.group(1) if own else PANEL
                # A border in the fill's own colour: the filled shape is the boundary, and
                # it must stand out from what surrounds it.
                around = (
                    {PAGE, PANEL} if inside.lower() == colour.lower() else {inside, PAGE, PANEL}
                )
                for against in sorted(around):
                    cases.append((selector, colour, against))
    return cases


@pytest.mark.parametrize(("selector", "border", "against"), border_cases())
def test_style_borders_reach_three_to_one(selector: str, border: str, against: str) -> None:
    ratio = contrast_ratio(border, against)
    assert ratio >= NON_TEXT_MINIMUM, f"{selector}: {border} on {against} is {ratio:.2f}:1"


def test_the_checked_rules_include_cards_buttons_and_fields() -> None:
    selectors = {selector for selector, _b, _a in border_cases()}
    assert {"QFrame#Panel", "QPushButton"} <= selectors
    assert any("QLineEdit" in s for s in selectors)


def test_painted_case_card_border_reaches_three_to_one() -> None:
    for against in (CARD_BG.name(), PAGE):
        assert contrast_ratio(CARD_BORDER.name(), against) >= NON_TEXT_MINIMUM


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _darkest(image: QImage) -> float:
    darkest = 1.0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor.fromRgba(image.pixel(x, y))
            if colour.alpha() > 200:  # the transparent background is no ink
                darkest = min(darkest, colour.lightnessF())
    return darkest


def test_locked_toolbar_actions_look_disabled(make_window, town, qtbot) -> None:
    window = make_window(town)
    window.start()  # locked: the unlock page
    button = window.toolbar.widgetForAction(window.act_print)
    assert not button.isEnabled()
    locked = _darkest(button.grab().toImage())
    settings = window.toolbar.widgetForAction(window.act_settings)  # always enabled
    enabled = _darkest(settings.grab().toImage())
    # The enabled text is near-black; a disabled one is clearly lighter.
    assert locked - enabled > 0.25
