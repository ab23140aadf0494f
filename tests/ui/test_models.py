"""Models pass Qt's QAbstractItemModelTester and map rows to text without any widget."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fieldapp.domain.attempts import ContactAttempt
from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Contactsoort, Dagdeel, Signaalpartner, Signaalstatus
from fieldapp.domain.listing import AttemptMark, CaseListRow
from fieldapp.domain.signals import Signal
from ui.models.case_detail import SignalTableModel, TimelineModel
from ui.models.case_list import ROW_ROLE, CaseFilterProxy, CaseListModel
from ui.qt import Qt

TODAY = date(2026, 3, 10)


def row(n: int, *, wijk: str = "Noord", deadline_days: int = 5) -> CaseListRow:
    return CaseListRow(
        id=f"case-{n}",
        address_line=f"Lindelaan {n}, 7411 AB Veldhoven-aan-Zee",
        postcode="7411AB",
        huisnummer=n,
        toevoeging="",
        straat="Lindelaan",
        plaats="Veldhoven-aan-Zee",
        wijk=wijk,
        names=f"A. Jansen{n}",
        partners=(Signaalpartner.HUUR, Signaalpartner.ENERGIE),
        total_cents=123_400,
        since=date(2026, 1, 3),
        deadline=TODAY + timedelta(days=deadline_days),
        priority=50,
        reasons=("Huurachterstand",),
        status=CaseStatus.OPEN,
        attempts=(
            AttemptMark(
                Contactsoort.HUISBEZOEK,
                False,
                Dagdeel.AVOND,
                datetime(2026, 3, 9, 19, tzinfo=AMSTERDAM),
            ),
        ),
        warnings=(),
        meervoudig=True,
        opeenvolgend=False,
    )


def test_case_list_model_passes_the_model_tester(qtmodeltester) -> None:
    model = CaseListModel()
    model.set_rows([row(n) for n in range(1, 30)], today=TODAY, planned=False)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Lindelaan 1, 7411 AB Veldhoven-aan-Zee"
    assert model.index(0, 0).data(ROW_ROLE).id == "case-1"
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_overdue_row_says_te_laat_in_words(qtbot) -> None:
    model = CaseListModel()
    model.set_rows([row(1, deadline_days=-3)], today=TODAY, planned=False)
    text = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "3 dagen te laat" in text
    assert "€\u00a01.234" in text  # QLocale.toCurrencyString: a non-breaking space


def test_filter_proxy_by_search_and_wijk(qtmodeltester) -> None:
    model = CaseListModel()
    model.set_rows(
        [row(1, wijk="Noord"), row(2, wijk="Oost"), row(3, wijk="Oost")],
        today=TODAY,
        planned=False,
    )
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_wijk("Oost")
    assert proxy.rowCount() == 2
    proxy.set_search("jansen3")
    assert proxy.rowCount() == 1
    proxy.set_wijk("")
    proxy.set_search("7411 ab")
    assert proxy.rowCount() == 3
    proxy.set_search("Lindelaan 2,")
    assert proxy.rowCount() == 1
    assert model.wijken() == ["Noord", "Oost"]


def test_signal_and_timeline_models_pass_the_model_tester(qtmodeltester) -> None:
    signals = SignalTableModel()
    signals.set_rows(
        [
            Signal(
                id="s1",
                external_id="H-1",
                partner=Signaalpartner.HUUR,
                status=Signaalstatus.OPGEPAKT,
                bedrag_cents=45_000,
                ontstaansdatum=date(2026, 1, 2),
                signaaldatum=date(2026, 2, 2),
                received_on=date(2026, 2, 3),
            )
        ]
    )
    qtmodeltester.check(signals)
    assert signals.index(0, SignalTableModel.COL_AMOUNT).data() == "€\u00a0450"
    assert signals.index(0, SignalTableModel.COL_PARTNER).data() == "Huur"

    at = datetime(2026, 3, 9, 19, 30, tzinfo=AMSTERDAM)
    first = ContactAttempt.record(
        case_id="c", soort=Contactsoort.TELEFOON, bereikt=False, occurred_at=at
    )
    void = ContactAttempt(
        id="v1",
        case_id="c",
        soort=Contactsoort.TELEFOON,
        bereikt=False,
        occurred_at=at,
        dagdeel=Dagdeel.AVOND,
        voids=first.id,
        void_reason="verkeerde zaak",
    )
    timeline = TimelineModel()
    timeline.set_rows([first, void])
    qtmodeltester.check(timeline)
    assert "avond" in timeline.index(0, TimelineModel.COL_WHEN).data()
    assert "doorgestreept" in timeline.index(0, TimelineModel.COL_RESULT).data()
    assert "verkeerde zaak" in timeline.index(1, TimelineModel.COL_NOTE).data()
    timeline.clear()
    assert timeline.rowCount() == 0
