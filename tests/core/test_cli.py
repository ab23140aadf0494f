"""The CLI contract: commands, JSON shapes and exit codes, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli import main

PASS = "blauwe regenjas op dinsdag"
CSV = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;ontstaansdatum;voorletters;achternaam;"
    "straat;huisnummer;postcode;plaats\n"
    "Z-1;zorgverzekeraar;€ 312,50;01-11-2026;01-09-2026;A.;Kramer;Molenweg;12;7411 ab;Veldhoven\n"
    "H-1;woningcorporatie;1.250,00;03-11-2026;01-10-2026;A.;Kramer;Molenweg;12;7411AB;Veldhoven\n"
    "W-1;waterbedrijf;80;05-11-2026;01-10-2026;B.;Yilmaz;Kerkstraat;3-a;7412CD;Veldhoven\n"
    "X-1;zorg;abc;05-11-2026;01-10-2026;C.;de Wit;Kerkstraat;5;7412CD;Veldhoven\n"
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    db = tmp_path / "store" / "veldwerk.db"
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    assert main(["--db", str(db), "--passphrase-file", str(passfile), "init"]) == 0
    return db, passfile


def run(env: tuple[Path, Path], *args: str) -> int:
    db, passfile = env
    return main(["--db", str(db), "--passphrase-file", str(passfile), *args])


def test_import_json_report_and_cases_json(env, tmp_path, capsys) -> None:
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    capsys.readouterr()
    assert run(env, "import", str(src), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    [f] = report["files"]
    assert (f["format"], f["rows"], f["accepted"], f["duplicates"]) == ("csv", 4, 3, 0)
    assert f["rejected"] == [{"row": 5, "field": "bedrag", "reason": f["rejected"][0]["reason"]}]
    assert report["cases_created"] == 2
    assert report["signals_by_status"] == {"Opgepakt": 3}

    assert run(env, "cases", "--json") == 0
    cases = json.loads(capsys.readouterr().out)
    assert len(cases) == 2
    top = cases[0]
    assert top["address"] == {
        "postcode": "7411AB",
        "huisnummer": 12,
        "huisnummertoevoeging": "",
        "straat": "Molenweg",
        "plaats": "Veldhoven",
    }
    assert top["meervoudig"] is True
    assert {s["partner"] for s in top["signals"]} == {"Zorg", "Huur"}
    assert {s["bedrag_cents"] for s in top["signals"]} == {31250, 125000}
    assert top["deadline"] == "2026-11-29"
    assert top["reasons"] and top["status"] == "open"


def test_import_twice_changes_nothing(env, tmp_path, capsys) -> None:
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    assert run(env, "import", str(src)) == 0
    capsys.readouterr()
    assert run(env, "import", str(src), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["accepted"] == 0
    assert report["files"][0]["duplicates"] == 3
    assert report["cases_created"] == 0 and report["cases_updated"] == 0


def test_dry_run_stores_nothing(env, tmp_path, capsys) -> None:
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    assert run(env, "import", str(src), "--dry-run") == 0
    capsys.readouterr()
    assert run(env, "cases", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unreadable_file_exits_2_and_writes_nothing(env, tmp_path, capsys) -> None:
    good = tmp_path / "signalen.csv"
    good.write_text(CSV, encoding="utf-8")
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    assert run(env, "import", str(good), str(bad)) == 2
    assert "fieldapp:" in capsys.readouterr().err
    assert run(env, "cases", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_wrong_passphrase_exits_3_and_changes_nothing(env, tmp_path, capsys) -> None:
    db, _ = env
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("dit is niet de goede zin", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    assert main(["--db", str(db), "--passphrase-file", str(wrong), "cases"]) == 3
    err = capsys.readouterr().err
    assert "dit is niet de goede zin" not in err
    after = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    assert after == before


def test_missing_or_corrupt_store_exits_4(env, tmp_path) -> None:
    db, passfile = env
    other = tmp_path / "nergens" / "veldwerk.db"
    assert main(["--db", str(other), "--passphrase-file", str(passfile), "cases"]) == 4
    data = bytearray(db.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):
        data[offset] ^= 0xFF
    db.write_bytes(bytes(data))
    assert run(env, "cases") == 4


def test_passphrase_change_keeps_data(env, tmp_path, capsys) -> None:
    db, _ = env
    src = tmp_path / "signalen.csv"
    src.write_text(CSV, encoding="utf-8")
    assert run(env, "import", str(src)) == 0
    new = tmp_path / "new.txt"
    new.write_text("groene tram naar het strand", encoding="utf-8")
    db_bytes = db.read_bytes()
    assert run(env, "passphrase", "change", "--new-passphrase-file", str(new)) == 0
    assert db.read_bytes() == db_bytes
    assert run(env, "cases") == 3
    capsys.readouterr()
    assert main(["--db", str(db), "--passphrase-file", str(new), "cases", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_imported_name_is_not_readable_on_disk(env, tmp_path, monkeypatch) -> None:
    """A name that went through import is found in no store file and no temp file."""
    scratch = tmp_path / "scratch-tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setenv("SQLITE_TMPDIR", str(scratch))
    marker = "Zwaluwstaartmakers"
    rows = "".join(
        f"M-{n};zorg;{100 + n},00;01-11-2026;01-09-2026;Q.;{marker};Lindelaan;{n};7413EF;V\n"
        for n in range(1, 200)
    )
    src = tmp_path / "marker.csv"
    src.write_text(CSV.splitlines(keepends=True)[0] + rows, encoding="utf-8")
    assert run(env, "import", str(src)) == 0
    assert run(env, "cases") == 0
    db, _ = env
    src.unlink()
    needles = (marker.encode(), marker.encode("utf-16-le"), marker.upper().encode())
    for path in [*db.parent.iterdir(), *scratch.rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), path.name
