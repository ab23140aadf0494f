"""Route sheet PDF (issue 9 item 6): real store, real CLI, real PDF; the text extracted with
pypdf has the names, addresses and times in route order and no amount, partner or debt word."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.domain.ddas import Signaalpartner
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow, PlannedVisitRow, ShiftRow, Worker
from tests.core.test_cli import CSV, PASS, run


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    db = tmp_path / "store" / "veldwerk.db"
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    assert main(["--db", str(db), "--passphrase-file", str(passfile), "init"]) == 0
    return db, passfile


DEBT_WORDS = (
    "schuld",
    "achterstand",
    "betaling",
    "incasso",
    "deurwaarder",
    "bedrag",
    "euro",
    "€",
    "afsluit",
    "zorgverzekeraar",
    "woningcorporatie",
    "schuldhulp",
)


def _shift_with_visits(db: Path) -> str:
    store = Store.open(db, PASS)
    try:
        with store.session() as s:
            s.add(Worker(id="w-1", username="anna", display_name="Anna de Boer", role="worker"))
            s.flush()
            cases = s.scalars(select(CaseRow).order_by(CaseRow.postcode, CaseRow.id)).all()
            sid = str(uuid.uuid4())
            s.add(
                ShiftRow(
                    id=sid,
                    worker_id="w-1",
                    day=date.today() + timedelta(days=1),
                    dagdeel="Avond",
                    start_minute=18 * 60 + 30,
                    end_minute=20 * 60 + 30,
                    mode="bike",
                    skills=[],
                )
            )
            s.flush()
            for n, case in enumerate(cases):
                case.flags = [*(case.flags or []), "onveilig"] if n == 1 else case.flags
                s.add(
                    PlannedVisitRow(
                        id=str(uuid.uuid4()),
                        shift_id=sid,
                        case_id=case.id,
                        seq=n + 1,
                        eta_minute=18 * 60 + 35 + 25 * n,
                        start_minute=18 * 60 + 35 + 25 * n,
                        end_minute=18 * 60 + 50 + 25 * n,
                        why="eerder 2x niet thuis in de ochtend; avond 46 %",
                    )
                )
        return sid
    finally:
        store.close()


def test_route_sheet_has_names_and_times_and_no_money_words(env, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    assert run(env, "import", str(src)) == 0
    sid = _shift_with_visits(env[0])
    out = tmp_path / "route.pdf"
    capsys.readouterr()
    assert run(env, "print", "route", "--shift", sid, "--out", str(out)) == 0
    assert "Routeblad met 2 bezoek(en)" in capsys.readouterr().out
    assert out.stat().st_mode & 0o077 == 0  # readable by the user only

    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "A. Kramer" in text and "B. Yilmaz" in text
    assert "Molenweg 12" in text and "Kerkstraat 3-A" in text
    assert text.index("7411 AB") < text.index("7412 CD")  # route order
    assert "18:35-18:50" in text and "19:00-19:15" in text
    assert "Anna de Boer" in text and "niet-thuis-kaartje" in text
    assert "Let op: Alleen met z'n tweeën" in text
    low = text.casefold()
    for word in DEBT_WORDS:
        assert word not in low, word
    for partner in Signaalpartner:
        assert not re.search(rf"\b{re.escape(partner.value.casefold())}\b", low), partner
    assert not re.search(r"\d+,\d{2}\b", text)  # no amounts
    assert "46 %" not in text  # the planner's reasoning stays on the desk


def test_unknown_shift_is_a_clear_error(env, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "route.pdf"
    assert run(env, "print", "route", "--shift", str(uuid.uuid4()), "--out", str(out)) == 2
    assert "Deze dienst staat niet (meer) op deze laptop." in capsys.readouterr().err
    assert not out.exists()
