"""The desk's table models pass Qt's model tester and behave without any widget."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.desk import (
    UNASSIGNED,
    AgeGroup,
    AmountBand,
    Approach,
    Flag,
    TriageFilter,
    TriageRow,
    WorkerLoad,
    approach_of,
    with_approach,
)
from fieldapp.sync.protocol import QuarantineItem
from tests.ui.test_models import TODAY, row
from ui.desk.models.tables import (
    ImportReportModel,
    QuarantineModel,
    ReportLine,
    WorkloadModel,
    report_lines,
)
from ui.desk.models.triage import (
    CASE_IDS_MIME,
    COL_AMOUNT,
    COL_PRIORITY,
    ROW_ROLE,
    TriageModel,
    decode_case_ids,
    encode_case_ids,
)
from ui.qt import Qt


def triage_row(n: int, **changes: object) -> TriageRow:
    case = replace(
        row(n, wijk="Noord" if n % 2 else "Zuid"),
        priority=n,
        total_cents=n * 10_000,
        postcode=f"56{n % 10:02d}AB",
        assigned_worker_id="w1" if n % 3 == 0 else None,
        partners=(Signaalpartner.ZORG,) if n % 4 == 0 else (Signaalpartner.HUUR,),
    )
    base = TriageRow(
        case=case,
        opened_on=TODAY - timedelta(days=n),
        age_group=AgeGroup.JONG if n % 5 == 0 else AgeGroup.MIDDEN,
        approach=None,
        flags=frozenset({Flag.MEERVOUDIG}) if n % 2 else frozenset(),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_triage_model_passes_the_model_tester_through_filter_and_sort(qtmodeltester) -> None:
    model = TriageModel()
    model.set_rows([triage_row(n) for n in range(1, 41)], today=TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 40 and model.columnCount() == 12
    assert model.index(0, COL_PRIORITY).data() == "40"  # highest priority first
    model.sort(COL_AMOUNT, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_AMOUNT).data(ROW_ROLE).case.total_cents == 10_000
    model.set_filter(TriageFilter(wijk="Zuid"))
    qtmodeltester.check(model)
    assert model.rowCount() == 20 and model.total == 40
    model.set_filter(TriageFilter(worker=UNASSIGNED, flags=frozenset({Flag.MEERVOUDIG})))
    assert all(
        model.row_at(r).case.assigned_worker_id is None and Flag.MEERVOUDIG in model.row_at(r).flags
        for r in range(model.rowCount())
    )
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.total == 0


def test_every_filter_criterion() -> None:
    rows = [triage_row(n) for n in range(1, 21)]

    def count(f: TriageFilter) -> int:
        return sum(f.matches(r) for r in rows)

    assert count(TriageFilter()) == 20
    assert count(TriageFilter(postcode_from="5603", postcode_to="5605")) == 6
    assert count(TriageFilter(partner=Signaalpartner.ZORG)) == 5
    assert count(TriageFilter(band=AmountBand.TOT_250)) == 2  # 100 and 200 euro
    assert count(TriageFilter(age=AgeGroup.JONG)) == 4
    assert count(TriageFilter(deadline_before=TODAY)) == 0
    assert count(TriageFilter(text="jansen7")) == 1
    assert count(TriageFilter(worker="w1")) == 6


def test_dragged_case_ids_survive_the_mime_round_trip() -> None:
    model = TriageModel()
    model.set_rows([triage_row(n) for n in range(1, 4)], today=TODAY)
    mime = model.mimeData([model.index(0, 0), model.index(0, 3), model.index(2, 0)])
    assert mime.hasFormat(CASE_IDS_MIME)
    assert decode_case_ids(mime) == [model.row_at(0).id, model.row_at(2).id]
    assert decode_case_ids(encode_case_ids([])) == []


def test_approach_lives_in_one_flag() -> None:
    flags = with_approach(["x"], Approach.BELLEN)
    assert approach_of(flags) is Approach.BELLEN
    flags = with_approach(flags, Approach.HUISBEZOEK)
    assert flags == ["x", "aanpak: huisbezoek"]
    assert approach_of(with_approach(flags, None)) is None


def test_workload_model_turns_a_drop_into_an_assign_request(qtmodeltester, qtbot) -> None:
    model = WorkloadModel()
    model.set_rows([WorkerLoad("w1", "Anna", 3, 5, 1), WorkerLoad("w2", "Bram", 0, 0, 0)])
    qtmodeltester.check(model)
    mime = encode_case_ids(["c1", "c2"])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))
    with qtbot.waitSignal(model.cases_dropped) as caught:
        model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))
    assert caught.args == [["c1", "c2"], "w2"]
    assert model.index(0, 2).data() == "5"


def test_import_report_model_and_its_csv_is_formula_safe(qtmodeltester) -> None:
    lines = report_lines(
        "bestand 1 (.csv)",
        {"files": [{"rejected": [{"row": 3, "field": "bedrag", "reason": "=geen getal"}]}]},
    )
    assert lines == [ReportLine("bestand 1 (.csv)", 3, "bedrag", "=geen getal")]
    model = ImportReportModel()
    model.set_rows(lines)
    qtmodeltester.check(model)
    assert model.to_csv().splitlines() == [
        "bestand;rij;veld;reden",
        "bestand 1 (.csv);3;bedrag;'=geen getal",
    ]


def test_quarantine_model(qtmodeltester) -> None:
    model = QuarantineModel()
    item = QuarantineItem(
        id="q1",
        kind="attempt",
        case_id="c" * 36,
        reason="reassigned",
        device_id="d" * 36,
        received_at=datetime(2026, 3, 1, 9, tzinfo=UTC),
    )
    model.set_rows([item])
    model.addresses = {"c" * 36: "Lindelaan 4"}
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(1, 4)] == [
        "contactpoging",
        "Lindelaan 4",
        "na overdracht",
    ]
