"""Terugmelding (coarse, formula-safe) and ``fieldapp report`` on a real store via the CLI."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.domain.ddas import Contactsoort, Eindresultaat, Signaalstatus
from fieldapp.reporting.partner_feedback import FeedbackRow, Terugmelding, to_csv
from fieldapp.services.attempts import record_attempt
from fieldapp.services.cases import close_case
from fieldapp.store.client_store import Store
from fieldapp.store.schema import SignalRow

PASS = "blauwe regenjas op dinsdag"
CSV = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;ontstaansdatum;voorletters;achternaam;"
    "straat;huisnummer;postcode;plaats;telefoon\n"
    "Z-1;zorgverzekeraar;€ 312,50;01-11-2026;01-09-2026;A.;Kramer;Molenweg;12;7411 ab;"
    "Veldhoven;0612345678\n"
    "E-1;energie;1.250,00;03-11-2026;01-10-2026;B.;Yilmaz;Kerkstraat;3;7412CD;Veldhoven;\n"
    "E-2;energie;640;04-11-2026;01-10-2026;C.;de Wit;Dorpsstraat;8;7413EF;Veldhoven;\n"
)
SECRET_REASON = "Verblijft tijdelijk in de opvang bij haar zus"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    db = tmp_path / "store" / "veldwerk.db"
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    base = ["--db", str(db), "--passphrase-file", str(passfile)]
    assert main([*base, "init"]) == 0
    assert main([*base, "import", str(src)]) == 0
    with Store.open(db, PASS) as store, store.session() as s:
        by_ext = dict(s.execute(select(SignalRow.external_id, SignalRow.case_id)).all())
        at = datetime(2026, 11, 10, 19, 0, tzinfo=UTC)
        record_attempt(
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=by_ext["E-1"],
            soort=Contactsoort.HUISBEZOEK,
            bereikt=True,
            occurred_at=at,
            note="Mevrouw Yilmaz wil hulp met de energierekening",
        )
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=by_ext["E-1"],
            resultaat=Eindresultaat.VERVOLGHULP_FINANCIEEL,
            at=at,
        )
        close_case(
            s,
            event_id=str(uuid.uuid4()),
            case_id=by_ext["E-2"],
            resultaat=Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN,
            reason=SECRET_REASON,
            at=at,
        )
    return base


def test_feedback_says_status_and_coarse_result_only(env, tmp_path) -> None:
    out = tmp_path / "terugmelding.json"
    args = ["export", "terugmelding", "--partner", "energie", "--van", "2026-11-01"]
    assert main([*env, *args, "--tot", "2026-11-30", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["signaalpartner"] == "Energie"
    assert doc["terugmeldingen"] == [
        {
            "signaal_id": "E-1",
            "signaalstatus": "Opgepakt",
            "terugmelding": "wil_hulp",
            "terugmelding_tekst": "Inwoner wil hulp",
        },
        {
            "signaal_id": "E-2",
            "signaalstatus": "Niet opgepakt: andere reden",
            "terugmelding": "niet_opgepakt",
            "terugmelding_tekst": "Signaal niet opgepakt",
        },
    ]
    csv_out = tmp_path / "terugmelding.csv"
    assert main([*env, *args, "--tot", "2026-11-30", "--out", str(csv_out)]) == 0
    for text in (out.read_text(encoding="utf-8"), csv_out.read_text(encoding="utf-8-sig")):
        for forbidden in (
            "Yilmaz",
            "de Wit",
            "Kramer",
            "opvang",
            "1250",
            "1.250",
            "640",
            "wil hulp met",
        ):
            assert forbidden not in text
        assert "Zorg" not in text and "Z-1" not in text  # another partner's signal


def test_feedback_refuses_reversed_periods_and_unknown_partners(env, tmp_path) -> None:
    out = str(tmp_path / "t.csv")
    base = [*env, "export", "terugmelding", "--out", out]
    assert main([*base, "--partner", "Zorg", "--van", "2026-12-01", "--tot", "2026-11-01"]) == 2
    assert main([*base, "--partner", "Bakker", "--van", "2026-11-01", "--tot", "2026-11-30"]) == 2
    assert not Path(out).exists()


def test_feedback_csv_is_formula_safe() -> None:
    rows = [FeedbackRow('=HYPERLINK("x")', Signaalstatus.OPGEPAKT, Terugmelding.WIL_HULP)]
    [header, row] = list(csv.reader(io.StringIO(to_csv(rows).decode("utf-8-sig")), delimiter=";"))
    assert header[0] == "signaal_id"
    assert row[0].startswith("'=")


def test_report_json_csv_png(env, tmp_path, capsys) -> None:
    capsys.readouterr()
    png, csv_file = tmp_path / "o.png", tmp_path / "o.csv"
    today = date.today()  # the import opens cases today
    period = ["--van", (today - timedelta(days=40)).isoformat(), "--tot", today.isoformat()]
    assert main([*env, "report", *period, "--json", "--png", str(png), "--csv", str(csv_file)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["zaken"], doc["pogingen"]) == (3, 1)
    [channel] = doc["bereikt_per_kanaal"]
    assert (channel["soort"], channel["dagdeel"], channel["aantal"], channel["totaal"]) == (
        "Huisbezoek",
        "Avond",
        1,
        1,
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "bereikt_per_kanaal" in csv_file.read_text(encoding="utf-8-sig")
    assert main([*env, "report", "--van", "2026-12-01", "--tot", "2026-11-01"]) == 2
