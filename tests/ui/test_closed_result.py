"""A closed case shows its result ("Afgesloten: wil hulp"), never "te laat" (issue 10 item 3)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, update

from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.ddas import Eindresultaat
from fieldapp.services import queries
from fieldapp.services.cases import close_case
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow
from tests.conftest import TEST_PASSPHRASE
from tests.ui.test_models import TODAY, row
from ui.display import case_clock_text, is_overdue
from ui.models.case_list import CaseListModel
from ui.qt import Qt


def test_closed_case_text_is_its_result_not_the_deadline() -> None:
    late = TODAY - timedelta(days=9)
    text = case_clock_text(
        late, TODAY, status=CaseStatus.GESLOTEN, resultaat=Eindresultaat.VERVOLGHULP_FINANCIEEL
    )
    assert text == "Afgesloten: wil hulp"
    assert not is_overdue(late, TODAY, CaseStatus.GESLOTEN)
    assert case_clock_text(late, TODAY, status=CaseStatus.OPEN, resultaat=None) == (
        "9 dagen te laat"
    )
    assert is_overdue(late, TODAY, CaseStatus.OPEN)
    no_contact = case_clock_text(
        late, TODAY, status=CaseStatus.GESLOTEN, resultaat=Eindresultaat.DEFINITIEF_GEEN_CONTACT
    )
    assert no_contact == "Afgesloten: geen contact"
    for result in Eindresultaat:
        shown = case_clock_text(late, TODAY, status=CaseStatus.GESLOTEN, resultaat=result)
        assert shown.startswith("Afgesloten: ") and "te laat" not in shown


def test_case_list_describes_a_closed_case_by_its_result() -> None:
    closed = replace(
        row(1, deadline_days=-4),
        status=CaseStatus.GESLOTEN,
        resultaat=Eindresultaat.REGELT_HET_ZELF,
    )
    model = CaseListModel()
    model.set_rows([closed, row(2, deadline_days=-4)], today=TODAY, planned=False)
    first = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    second = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Afgesloten: geen hulp gewenst" in first and "te laat" not in first
    assert "4 dagen te laat" in second


def _close_one_overdue(town: object) -> str:
    """Close one town case with help accepted, its deadline long past (store written as is)."""
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:  # type: ignore[arg-type]
        case_id = s.scalars(select(CaseRow.id).order_by(CaseRow.id)).first()
        assert case_id is not None
        s.execute(
            update(CaseRow)
            .where(CaseRow.id == case_id)
            .values(deadline=date.today() - timedelta(days=12))
        )
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=case_id,
            resultaat=Eindresultaat.VERVOLGHULP_FINANCIEEL,
            at=datetime.now(UTC),
        )
        rows = queries.list_case_rows(s, include_closed=True, today=date.today())
        listed = next(r for r in rows if r.id == case_id)
        assert listed.status is CaseStatus.GESLOTEN
        assert listed.resultaat is Eindresultaat.VERVOLGHULP_FINANCIEEL
    return case_id


def test_case_view_header_of_a_closed_case_shows_the_result(make_window, town, qtbot) -> None:
    case_id = _close_one_overdue(town)
    window = make_window(town)
    window.start()
    window.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    window.unlock_page.button.click()
    qtbot.waitUntil(lambda: window.backend.is_unlocked, timeout=10_000)
    window.show_case(case_id)
    view = window.case_view
    qtbot.waitUntil(lambda: view.case is not None and view.case.id == case_id, timeout=10_000)
    assert view.deadline.text() == "Afgesloten: wil hulp"
    assert view.deadline.property("overdue") is False
    assert "te laat" not in view.status_line.text()


def test_desk_triage_table_shows_a_closed_cases_result() -> None:
    from tests.ui.test_desk_models import triage_row
    from ui.desk.models.triage import COL_DEADLINE, TriageModel

    closed_case = replace(
        row(3, deadline_days=-6),
        status=CaseStatus.GESLOTEN,
        resultaat=Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING,
    )
    model = TriageModel()
    model.set_rows([triage_row(1), replace(triage_row(3), case=closed_case)], today=TODAY)
    texts = {model.index(r, COL_DEADLINE).data() for r in range(model.rowCount())}
    assert "Afgesloten: niet opgepakt" in texts
    assert not any("te laat" in t and "Afgesloten" in t for t in texts)
    closed_at = next(
        r for r in range(model.rowCount()) if "Afgesloten" in model.index(r, COL_DEADLINE).data()
    )
    assert model.index(closed_at, COL_DEADLINE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_closed_result_and_overview_strings_have_english(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.models.report import rate_text
    from ui.i18n import set_language

    late = TODAY - timedelta(days=2)
    try:
        assert set_language("en") == "en"
        text = case_clock_text(
            late, TODAY, status=CaseStatus.GESLOTEN, resultaat=Eindresultaat.VERVOLGHULP
        )
        assert text == "Closed: wants help"
        from fieldapp.reporting.stats import wilson

        assert rate_text(wilson(3, 6)) == "50 % (3 of 6; 95 % interval 19–81 %)"
    finally:
        set_language("nl")
