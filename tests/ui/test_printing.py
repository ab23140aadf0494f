"""Printing from the UI: preview from memory, real printing to a PDF-format QPrinter, saving
with a privacy warning, 'Brief' attempts logged once, nothing personal left on disk or behind."""

from __future__ import annotations

import math
import os
import stat
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.domain.letters import LetterKind
from fieldapp.domain.listing import WorkerInfo
from fieldapp.services import queries
from fieldapp.services.cases import assign_cases, upsert_worker
from fieldapp.services.planning import plan_shift
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseRow
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import wait_idle
from ui.print_request import Output, PrintSource
from ui.printing import prepare_printer
from ui.qt import QLineEdit, QMessageBox, QPageSize, is_alive
from ui.qt_extras import QPrinter

WORKER = WorkerInfo(
    id="00000000-0000-4000-8000-00000000a001",
    username="sanne",
    display_name="Sanne de Wit",
    first_name="Sanne",
    role="worker",
    team="Team Geldzorgen Vroeg",
    phone="+31612345678",
    whatsapp="",
    email="s.dewit@example.org",
)
EVENING_VISITS = 6
AFTERNOON_VISITS = 3
NOW = datetime(2026, 3, 10, 19, 30, tzinfo=AMSTERDAM)


def plan_today(db_path: Path) -> dict[Dagdeel, list[str]]:
    """The town's cases assigned to one worker, nine of them planned today (two shifts)."""
    today = date.today()
    with Store.open(db_path, TEST_PASSPHRASE) as store, store.session() as s:
        upsert_worker(s, WORKER)
        ids = sorted(s.scalars(select(CaseRow.id)))
        assign_cases(s, case_ids=ids, worker_id=WORKER.id)
        queries.set_kv(s, "worker_id", WORKER.id)
        evening = ids[:EVENING_VISITS]
        afternoon = ids[EVENING_VISITS : EVENING_VISITS + AFTERNOON_VISITS]
        plan_shift(s, worker_id=WORKER.id, day=today, dagdeel=Dagdeel.AVOND, case_ids=evening)
        plan_shift(s, worker_id=WORKER.id, day=today, dagdeel=Dagdeel.MIDDAG, case_ids=afternoon)
    return {Dagdeel.AVOND: evening, Dagdeel.MIDDAG: afternoon}


@pytest.fixture
def planned(town: Path) -> dict[Dagdeel, list[str]]:
    return plan_today(town)


@pytest.fixture
def window(make_window, town, planned, qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    win = make_window(town)
    win.start()
    win.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    win.unlock_page.button.click()
    total = EVENING_VISITS + AFTERNOON_VISITS
    qtbot.waitUntil(lambda: win.today.model.rowCount() == total, timeout=10_000)
    yield win


def open_from_today(window, qtbot):  # type: ignore[no-untyped-def]
    window.today.print_button.click()
    dialog = window.print_dialog
    assert dialog is not None and dialog.isVisible()
    wait_preview(dialog, qtbot)
    return dialog


def wait_preview(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: not dialog.building and dialog.options.target.count() > 0, timeout=10_000
    )
    qtbot.waitUntil(lambda: dialog.built is not None or dialog.status.text(), timeout=10_000)


def choose(dialog, qtbot, *, output: str, target: int | None = None) -> None:  # type: ignore[no-untyped-def]
    dialog.options.output.setCurrentIndex(dialog.options.output.findData(output))
    if target is not None:
        dialog.options.target.setCurrentIndex(target)
    dialog.rebuild()
    qtbot.waitUntil(lambda: not dialog.building, timeout=10_000)
    assert dialog.built is not None, dialog.status.text()


def attempts_of(db_path: Path, case_ids: list[str]) -> list[AttemptRow]:
    with Store.open(db_path, TEST_PASSPHRASE) as store, store.session() as s:
        rows = s.scalars(select(AttemptRow).where(AttemptRow.case_id.in_(case_ids))).all()
        s.expunge_all()
        return list(rows)


def test_preview_of_the_evening_shift_has_a_front_and_back_page_per_four_cards(
    window, qtbot
) -> None:
    dialog = open_from_today(window, qtbot)
    # Shifts come morning first: the afternoon route, then the evening route, then the list.
    assert dialog.options.target.count() == 3
    first_route = dialog.options.target.itemText(0)
    assert "middag" in first_route and f"{AFTERNOON_VISITS} adressen" in first_route
    choose(dialog, qtbot, output=Output.CARDS.value, target=1)
    pages = math.ceil(EVENING_VISITS / 4) * 2
    assert dialog.pdf.page_count == pages == dialog.pdf.document.pageCount()
    assert dialog.pages.text() == f"{pages} pagina's · {EVENING_VISITS} kaartjes"
    assert dialog.print_button.isEnabled()
    # A6, one card per page: front and back for each. While it builds: busy, nothing to print.
    dialog.options.layout_choice.setCurrentIndex(dialog.options.layout_choice.findData("a6"))
    dialog.rebuild()
    assert dialog.building and dialog.progress.isVisible()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.building, timeout=10_000)
    assert dialog.pdf.page_count == EVENING_VISITS * 2


def test_preview_of_letters_has_one_page_per_case(window, qtbot) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.AANKONDIGING_HUISBEZOEK.value, target=0)
    assert dialog.pdf.page_count == AFTERNOON_VISITS
    assert dialog.pages.text() == f"{AFTERNOON_VISITS} pagina's · {AFTERNOON_VISITS} brieven"
    assert dialog.options.log_brief.isVisible() and dialog.options.log_brief.isChecked()
    assert not dialog.options.layout_choice.isVisible()


def test_letter_that_needs_a_plan_explains_instead_of_printing(window, qtbot, town) -> None:
    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        unplanned = sorted(s.scalars(select(CaseRow.id)))[-1]
    dialog = window.open_print(
        PrintSource(
            day=date.today(),
            case_ids=(unplanned,),
            label="Molenweg 1",
            default=LetterKind.AANKONDIGING_HUISBEZOEK.value,
        )
    )
    qtbot.waitUntil(lambda: not dialog.building and dialog.status.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: "plan eerst" in dialog.status.text(), timeout=10_000)
    assert dialog.built is None and not dialog.print_button.isEnabled()
    assert dialog.pdf.page_count == 0


def test_printing_to_a_pdf_printer_writes_every_page(window, qtbot, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=Output.CARDS.value, target=0)
    expected = dialog.pdf.page_count
    assert expected == math.ceil(AFTERNOON_VISITS / 4) * 2
    out = tmp_path / "printer.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(printer, dialog.pdf.document, "test")
    dialog.send_to_printer(printer)
    assert not dialog.print_button.isEnabled()  # no second job while this one runs
    qtbot.waitUntil(lambda: dialog.page_printer is None, timeout=20_000)
    assert "Naar de printer gestuurd" in dialog.status.text()
    reader = PdfReader(out)
    assert len(reader.pages) == expected
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert abs(width_mm - 210) < 1  # A4, full page


def test_printed_letters_log_one_brief_per_case_once_per_dagdeel(
    window, qtbot, tmp_path, town, planned
) -> None:
    dialog = open_from_today(window, qtbot)
    dialog.clock = lambda: NOW
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=1)
    cases = planned[Dagdeel.AVOND]
    for round_ in (1, 2):
        dialog.send_to_printer(pdf_printer(tmp_path / f"letters{round_}.pdf"))
        qtbot.waitUntil(lambda: dialog.page_printer is None, timeout=20_000)
        wait_idle(qtbot, window)
        if round_ == 1:
            assert f"{EVENING_VISITS} contactpogingen 'Brief' vastgelegd" in dialog.status.text()
        else:
            assert "al vast" in dialog.status.text()
    window.close()
    got = attempts_of(town, cases)
    assert len(got) == EVENING_VISITS
    assert {a.case_id for a in got} == set(cases)
    assert {(a.soort, a.bereikt, a.dagdeel) for a in got} == {
        (Contactsoort.BRIEF.value, False, Dagdeel.AVOND.value)
    }
    assert all(a.worker_id == WORKER.id and a.device_id for a in got)


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_a_failed_print_logs_nothing(window, qtbot, town, planned, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=0)
    assert dialog.options.log_brief.isChecked()
    # The printer cannot open its output: the job is never sent.
    dialog.send_to_printer(pdf_printer(tmp_path / "no-such-dir" / "x.pdf"))
    qtbot.waitUntil(lambda: dialog.page_printer is None, timeout=20_000)
    assert "niets vastgelegd" in dialog.status.text()
    assert dialog.print_button.isEnabled()  # try again
    wait_idle(qtbot, window)
    window.close()
    assert attempts_of(town, planned[Dagdeel.MIDDAG]) == []


def test_unticked_box_prints_without_logging(window, qtbot, town, planned, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=0)
    dialog.options.log_brief.setChecked(False)
    dialog.send_to_printer(pdf_printer(tmp_path / "letters.pdf"))
    qtbot.waitUntil(lambda: dialog.page_printer is None, timeout=20_000)
    wait_idle(qtbot, window)
    assert "Naar de printer gestuurd" in dialog.status.text()
    assert "vastgelegd" not in dialog.status.text()
    assert len(PdfReader(tmp_path / "letters.pdf").pages) == AFTERNOON_VISITS
    window.close()
    assert attempts_of(town, planned[Dagdeel.MIDDAG]) == []


def test_saving_warns_first_and_writes_a_private_file(window, qtbot, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=1)  # names, addresses
    dialog.save_button.click()
    box = dialog.saving.box
    assert box is not None and box.isVisible()
    assert "namen en adressen" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    files = dialog.saving.file_dialog
    assert files is not None and files.isVisible()
    target = tmp_path / "out" / "brieven"
    target.parent.mkdir()
    files.selectFile(str(target))
    files.accept()
    saved = target.with_suffix(".pdf")
    assert saved.is_file(), dialog.status.text()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert len(PdfReader(saved).pages) == dialog.pdf.page_count
    assert "Opgeslagen" in dialog.status.text()
    assert [p.name for p in saved.parent.iterdir()] == ["brieven.pdf"]  # no partial left


def test_cards_name_no_resident_so_saving_them_asks_no_warning(window, qtbot, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=Output.CARDS.value, target=1)
    dialog.save_button.click()
    assert dialog.saving.box is None
    files = dialog.saving.file_dialog
    assert files is not None and files.isVisible()
    target = tmp_path / "kaartjes.pdf"
    files.selectFile(str(target))
    files.accept()
    assert target.is_file() and stat.S_IMODE(target.stat().st_mode) == 0o600


def test_cancelling_the_warning_saves_nothing(window, qtbot, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=1)
    dialog.save_button.click()
    dialog.saving.box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.saving.file_dialog is None
    assert not dialog.saving.save_to(tmp_path / "late.pdf")  # the bytes were dropped
    assert list(tmp_path.glob("*.pdf")) == []


def test_preview_writes_no_temp_files(window, qtbot, tmp_path, monkeypatch) -> None:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert tempfile.gettempdir() == str(scratch)
    dialog = open_from_today(window, qtbot)
    for output, target in (
        (Output.CARDS.value, 1),
        (LetterKind.AANKONDIGING_HUISBEZOEK.value, 0),
        (Output.BLANK_CARDS.value, None),
    ):
        choose(dialog, qtbot, output=output, target=target)
        dialog.view.grab()  # the preview really paints its pages
    assert list(scratch.iterdir()) == []


def test_closing_drops_the_pdf_and_ignores_late_results(window, qtbot) -> None:
    dialog = open_from_today(window, qtbot)
    assert dialog.built is not None
    pdf = dialog.pdf
    dialog.rebuild()  # a build under way when the dialog closes
    dialog.close()
    assert dialog.built is None and not pdf.loaded and pdf.document.pageCount() == 0
    wait_idle(qtbot, window)
    assert not is_alive(dialog)  # deleted on close, with its widgets


def test_auto_lock_closes_the_dialog(window, qtbot) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=1)
    pdf = dialog.pdf
    flow = dialog.save_pdf()  # the personal-data warning is open when the lock comes
    assert flow is not None and flow.box.isVisible()
    window.lock()
    assert dialog.closed and not pdf.loaded
    assert not (is_alive(flow.box) and flow.box.isVisible())
    assert window.pages.currentWidget() is window.unlock_page


def test_case_view_offers_letters_for_that_case(window, qtbot) -> None:
    row = window.today.model.row_at(0)
    window.show_case(row.id)
    qtbot.waitUntil(lambda: window.case_view.case is not None, timeout=10_000)
    window.case_view.print_button.click()
    dialog = window.print_dialog
    wait_preview(dialog, qtbot)
    assert dialog.options.output.currentData() == LetterKind.HULPAANBOD.value
    assert dialog.options.target.count() == 1 and dialog.options.target.itemText(0).startswith(
        "Deze zaak"
    )
    assert dialog.pdf.page_count == 1
    # The case is planned today, so the announcement names that visit.
    choose(dialog, qtbot, output=LetterKind.AANKONDIGING_HUISBEZOEK.value)
    assert dialog.pdf.page_count == 1
    # Blank stock needs no case.
    choose(dialog, qtbot, output=Output.BLANK_CARDS.value)
    dialog.options.count.setValue(10)
    dialog.rebuild()
    qtbot.waitUntil(lambda: not dialog.building, timeout=10_000)
    assert dialog.pdf.page_count == math.ceil(10 / 4) * 2


def test_print_button_goes_through_qt_print_dialog(window, qtbot, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=Output.CARDS.value, target=0)
    dialog.print_button.click()
    asked = dialog.print_dialog
    assert asked is not None and asked.isVisible()
    printer = asked.printer()
    assert printer.fullPage()  # the PDF's own margins and window position are kept
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    # Without CUPS printers Qt's own dialog prints to a file: type its name in the dialog.
    name_field = asked.findChild(QLineEdit, "filename")
    assert name_field is not None
    name_field.setText(str(tmp_path / "via-dialog.pdf"))
    asked.accept()
    qtbot.waitUntil(lambda: "Naar de printer gestuurd" in dialog.status.text(), timeout=20_000)
    assert len(PdfReader(tmp_path / "via-dialog.pdf").pages) == dialog.pdf.page_count


def test_route_label_counts_the_cards_that_print_after_a_case_closed(
    make_window, town, planned, qtbot
) -> None:
    import uuid

    from fieldapp.domain.ddas import Eindresultaat
    from fieldapp.services.cases import close_case

    with Store.open(town, TEST_PASSPHRASE) as store, store.session() as s:
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=planned[Dagdeel.AVOND][0],
            resultaat=Eindresultaat.REGELT_HET_ZELF,
            at=NOW,
        )
    win = make_window(town)
    win.start()
    win.unlock_page.passphrase.setText(TEST_PASSPHRASE)
    win.unlock_page.button.click()
    qtbot.waitUntil(lambda: win.today.model.rowCount() > 0, timeout=10_000)
    dialog = open_from_today(win, qtbot)
    evening = dialog.options.target.itemText(1)
    assert f"{EVENING_VISITS - 1} adressen" in evening
    choose(dialog, qtbot, output=Output.CARDS.value, target=1)
    assert dialog.built is not None and dialog.built.items == EVENING_VISITS - 1
    assert f"{EVENING_VISITS - 1} kaartjes" in dialog.pages.text()


def test_print_to_file_with_letters_warns_and_writes_a_private_file(
    window, qtbot, tmp_path
) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=0)
    dialog.options.log_brief.setChecked(False)
    old_umask = os.umask(0o022)  # the usual default: Qt alone would write 0644
    out = tmp_path / "via-qt.pdf"
    printer = pdf_printer(out)
    try:
        dialog.printer_chosen(printer)  # what QPrintDialog's "Print to file" hands over
        box = dialog.file_warning
        assert box is not None and box.isVisible() and "namen en adressen" in box.text()
        assert dialog.page_printer is None and not out.exists()  # nothing before the answer
        box.button(QMessageBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: dialog.page_printer is None and out.exists(), timeout=20_000)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(PdfReader(out).pages) == AFTERNOON_VISITS
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".pdf") or ".tmp-" in p.name] == [
        "via-qt.pdf"
    ]


def test_print_to_file_refused_at_the_warning_writes_nothing(window, qtbot, tmp_path) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=0)
    out = tmp_path / "nee.pdf"
    dialog.printer_chosen(pdf_printer(out))
    dialog.file_warning.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.page_printer is None and not out.exists()
    assert "niets opgeslagen" in dialog.status.text()


def test_four_up_cards_hint_at_duplex_and_preset_long_edge(window, qtbot) -> None:
    dialog = open_from_today(window, qtbot)
    choose(dialog, qtbot, output=Output.CARDS.value, target=0)
    assert not dialog.options.duplex_note.isHidden()
    assert "lange kant" in dialog.options.duplex_note.text()
    # (The long-edge duplex preset reaches real printers only: Qt ignores it on the PDF
    # printer this machine has.)
    choose(dialog, qtbot, output=LetterKind.HULPAANBOD.value, target=0)
    assert dialog.options.duplex_note.isHidden()
