"""The Overzicht tab's models and the report reply, without widgets: qtmodeltester, the rows a
figure lists, and the server's JSON read back to the same numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fieldapp.reporting.report_reply import DeadlineEntry, parse_report
from fieldapp.reporting.stats import AttemptFact, CaseFact, build_dashboard
from ui.desk.models.report import (
    ROW_ROLE,
    SORT_ROLE,
    DeadlineTableModel,
    Figure,
    RateTableModel,
    figure_rows,
    rate_text,
)
from ui.qt import Qt


def _fixture():  # type: ignore[no-untyped-def]
    cases = [
        CaseFact("a", "2026-01", frozenset({"Zorg"}), "Noord", 2, True, True, True),
        CaseFact("b", "2026-01", frozenset({"Huur"}), "Zuid", 1, False, False, False),
        CaseFact("c", "2026-02", frozenset({"Zorg", "Energie"}), "Noord", 0, False, False, None),
        CaseFact("d", "2026-02", frozenset({"Water"}), "", 3, False, False, True, True, True),
    ]
    attempts = [
        AttemptFact("a", "Huisbezoek", "Avond", "werkdag", True),
        AttemptFact("a", "Brief", "Ochtend", "werkdag", False),
        AttemptFact("b", "Telefoon", "Middag", "zaterdag", False),
        AttemptFact("d", "Huisbezoek", "Avond", "werkdag", False),
        AttemptFact("d", "Huisbezoek", "Avond", "werkdag", False),
        AttemptFact("d", "Telefoon", "Avond", "zaterdag", False),
    ]
    return build_dashboard(cases, attempts)


def test_figure_rows_list_each_rate_with_its_count() -> None:
    d = _fixture()
    channel = {r.group: r.rate for r in figure_rows(d, Figure.CHANNEL)}
    assert (
        channel["Huisbezoek · Avond · werkdag"].hits,
        channel["Huisbezoek · Avond · werkdag"].total,
    ) == (1, 3)
    wijk = {r.group: (r.rate.hits, r.rate.total) for r in figure_rows(d, Figure.WIJK)}
    assert wijk == {"Noord": (1, 2), "Zuid": (0, 1), "onbekend": (0, 3)}
    months = figure_rows(d, Figure.MONTH)
    assert [(r.group, r.series, r.rate.hits, r.rate.total) for r in months] == [
        ("2026-01 bereik", "bereik", 1, 2),
        ("2026-01 acceptatie", "acceptatie", 1, 1),
        ("2026-02 bereik", "bereik", 0, 2),
        ("2026-02 acceptatie", "acceptatie", 0, 0),
    ]
    attempts = {r.group: (r.rate.hits, r.rate.total) for r in figure_rows(d, Figure.ATTEMPTS)}
    assert attempts == {
        "0 pogingen": (1, 4),
        "1 poging": (1, 4),
        "2 pogingen": (1, 4),
        "3 pogingen": (1, 4),
    }
    deadline = figure_rows(d, Figure.DEADLINE)
    assert [(r.rate.hits, r.rate.total) for r in deadline] == [(2, 3), (1, 1)]
    assert rate_text(deadline[0].rate) == "67 % (2 van 3; 95 %-interval 21–94 %)"
    assert rate_text(months[3].rate) == "— (nog geen gegevens)"


def test_rate_table_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RateTableModel()
    rows = figure_rows(_fixture(), Figure.CHANNEL)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) and model.columnCount() == 4
    first = model.index(0, 0)
    assert first.data(ROW_ROLE) == rows[0]
    assert [model.index(0, c).data() for c in range(4)] == [
        "Brief · Ochtend · werkdag",
        "0 %",
        "0 / 1",
        "0–79 %",
    ]
    assert "Weinig gegevens" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 2).data(SORT_ROLE) == 1
    model.clear()
    qtmodeltester.check(model)


def test_deadline_table_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = DeadlineTableModel()
    rows = [
        DeadlineEntry("c0ffee00-aaaa", date(2026, 3, 1), -2, "w1", "Noord"),
        DeadlineEntry("beef0000-bbbb", date(2026, 3, 6), 3, None, ""),
    ]
    model.set_rows(rows, {"w1": "Anna de Vries"})
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in (0, 2, 3, 4)] == [
        "c0ffee00",
        "2 dagen te laat",
        "Anna de Vries",
        "Noord",
    ]
    assert [model.index(1, c).data() for c in (2, 3, 4)] == ["nog 3 dagen", "—", "—"]
    assert model.index(1, 0).data(ROW_ROLE) == rows[1]


def test_report_json_reads_back_to_the_same_numbers() -> None:
    d = _fixture()
    raw = {
        "van": "2026-01-01",
        "tot": "2026-02-28",
        **d.to_json(),
        "binnen_7_dagen": [],
        "te_laat": [
            {
                "case_id": "c",
                "deadline": "2026-02-20",
                "dagen": -3,
                "label": "3 dagen te laat",
                "worker_id": None,
                "wijk": "Noord",
            }
        ],
        "bewaartermijn_waarschuwing": None,
    }
    report = parse_report(raw, fetched_at=datetime(2026, 2, 23, 9, tzinfo=UTC))
    back = report.dashboard
    assert (back.cases, back.attempts, back.attempts_per_case) == (
        d.cases,
        d.attempts,
        d.attempts_per_case,
    )
    for mine, theirs in ((back.by_channel, d.by_channel), (back.by_wijk, d.by_wijk)):
        assert {k: (r.hits, r.total) for k, r in mine.items()} == {
            k: (r.hits, r.total) for k, r in theirs.items()
        }
        assert all(abs(mine[k].low - r.low) < 1e-4 for k, r in theirs.items())
    assert [m.month for m in back.per_month] == ["2026-01", "2026-02"]
    assert report.overdue == [DeadlineEntry("c", date(2026, 2, 20), -3, None, "Noord")]
    assert report.van == date(2026, 1, 1) and report.retention_warning is None
