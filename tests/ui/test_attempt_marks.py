"""Vandaag's attempt marks (issue 11 item 10): a tooltip per mark, a legend, symbols that do
not depend on a letter, and a niet-thuis-kaartje icon that is not a bank card."""

from __future__ import annotations

from datetime import datetime

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.domain.listing import AttemptMark
from fieldapp.services.attempts import QuickOutcome
from tests.ui.conftest import wait_idle
from ui.models.case_list import ROW_ROLE
from ui.qt import QEvent, QHelpEvent, QStyleOptionViewItem, QToolTip
from ui.resources import ICONS
from ui.views.case_card import mark_description, mark_icons


def test_mark_description_names_channel_day_daypart_and_result(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import set_language

    set_language("nl")
    mark = AttemptMark(
        Contactsoort.HUISBEZOEK,
        False,
        Dagdeel.AVOND,
        datetime(2026, 10, 21, 19, 5, tzinfo=AMSTERDAM),
    )
    assert mark_description(mark) == "Huisbezoek, 21 okt, avond, niet bereikt"


def test_each_daypart_has_its_own_symbol_and_reached_adds_a_check() -> None:
    at = datetime(2026, 10, 21, 9, 0, tzinfo=AMSTERDAM)
    symbols = {
        part: mark_icons(AttemptMark(Contactsoort.TELEFOON, False, part, at))[1] for part in Dagdeel
    }
    assert len(set(symbols.values())) == 3
    assert all((ICONS / f"{name}.svg").is_file() for name in symbols.values())
    reached = mark_icons(AttemptMark(Contactsoort.TELEFOON, True, Dagdeel.OCHTEND, at))
    assert reached[-1] == "vinkje"


def test_kaartje_icon_is_no_longer_a_bank_card() -> None:
    svg = (ICONS / "kaartje.svg").read_text(encoding="utf-8")
    assert "<circle" in svg  # the hole of a door hanger
    assert 'width="18" height="12"' not in svg  # the old landscape card
    licence = (ICONS / "LICENSE.txt").read_text(encoding="utf-8")
    assert "kaartje.svg" in licence and "dagdeel_avond.svg" in licence


def test_hovering_a_mark_on_vandaag_shows_its_tooltip(unlocked, qtbot) -> None:
    window = unlocked
    window.resize(1366, 690)
    case_id = window.today.model.row_at(0).id
    window.show_case(case_id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    window.case_view.record_quick(QuickOutcome.NIET_THUIS_KAARTJE)
    wait_idle(qtbot, window)
    window.show_today()
    today = window.today
    qtbot.waitUntil(
        lambda: (
            (r := today.model.row_of(case_id)) is not None
            and len(today.model.row_at(r).attempts) == 2
        ),
        timeout=10_000,
    )
    assert today.legend.isVisible()
    assert [e.text() for e in today.legend.entries] == ["ochtend", "middag", "avond", "bereikt"]
    source_row = today.model.row_of(case_id)
    index = today.proxy.mapFromSource(today.model.index(source_row, 0))
    delegate = today.list.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(today.list)
    option.rect = today.list.visualRect(index)
    row = index.data(ROW_ROLE)
    rects = delegate.marks_at(option, row, index)
    assert len(rects) == 2
    rect, mark = rects[0]
    viewport = today.list.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    assert delegate.helpEvent(event, today.list, option, index)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3_000)
    assert QToolTip.text() == mark_description(mark)
    assert "Huisbezoek" in QToolTip.text() and "niet bereikt" in QToolTip.text()
    QToolTip.hideText()
