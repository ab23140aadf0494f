"""What a new user meets on the command line: clear errors with file and path, --version,
shifts listed, exit codes, and a progress bar only on a terminal (issue 11 items 19, 21)."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import fieldapp
from fieldapp.cli import main
from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.listing import WorkerInfo
from fieldapp.services import queries
from fieldapp.services.cases import upsert_worker
from fieldapp.services.planning import plan_shift
from fieldapp.store.client_store import Store

PASS = "blauwe regenjas op dinsdag"
HEADER = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;ontstaansdatum;voorletters;achternaam;"
    "straat;huisnummer;postcode;plaats\n"
)
ROOT = Path(__file__).resolve().parents[2]


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


def test_version_is_printed(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip().endswith(fieldapp.__version__)


def test_a_refused_file_is_named_in_text_and_in_json(env, tmp_path, capsys) -> None:
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    capsys.readouterr()
    assert run(env, "import", str(bad)) == 2
    assert str(bad) in capsys.readouterr().err
    assert run(env, "import", str(bad), "--json") == 2
    out = capsys.readouterr().out
    error = json.loads(out)["error"]
    assert error["file"] == str(bad) and error["exit_code"] == 2 and error["message"]


def test_a_file_without_valid_rows_lists_its_rejections_in_json(env, tmp_path, capsys) -> None:
    src = tmp_path / "fout.csv"
    src.write_text(HEADER + "X-1;zorg;abc;05-11-2026;01-10-2026;C.;Wit;Kerkstraat;5;99;V\n")
    capsys.readouterr()
    assert run(env, "import", str(src), "--json") == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["file"] == str(src)
    assert {r["field"] for r in error["rejected"]} == {"bedrag", "postcode"}


def test_every_error_of_a_row_is_reported(env, tmp_path, capsys) -> None:
    src = tmp_path / "signalen.csv"
    src.write_text(
        HEADER
        + "Z-1;zorg;312,50;01-11-2026;01-09-2026;A.;Kramer;Molenweg;12;7411AB;V\n"
        + "X-1;zorg;abc;05-11-2026;01-10-2026;C.;de Wit;Kerkstraat;5;74;V\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert run(env, "import", str(src), "--json") == 0
    [report] = json.loads(capsys.readouterr().out)["files"]
    assert [(r["row"], r["field"]) for r in report["rejected"]] == [(3, "bedrag"), (3, "postcode")]
    assert run(env, "import", str(src), "--dry-run") == 0
    assert "1 afgewezen" in capsys.readouterr().out  # one row, two reasons


def test_missing_store_names_the_path_and_hints_init(tmp_path, capsys) -> None:
    nowhere = tmp_path / "nergens" / "veldwerk.db"
    assert main(["--db", str(nowhere), "cases"]) == 4  # no passphrase asked: none given
    err = capsys.readouterr().err
    assert str(nowhere) in err and "fieldapp --db" in err and "init" in err


def test_init_on_an_existing_store_refuses_before_asking_a_passphrase(env, capsys) -> None:
    db, _ = env
    # No --passphrase-file and no terminal: asking would fail with another message.
    assert main(["--db", str(db), "init"]) == 1
    err = capsys.readouterr().err
    assert str(db) in err and "al een Veldwerk-database" in err


def test_shifts_are_listed_and_an_unknown_shift_is_named(env, tmp_path, capsys) -> None:
    db, _ = env
    src = tmp_path / "signalen.csv"
    src.write_text(
        HEADER + "Z-1;zorg;312,50;01-11-2026;01-09-2026;A.;Kramer;Molenweg;12;7411AB;V\n",
        encoding="utf-8",
    )
    assert run(env, "import", str(src)) == 0
    worker = WorkerInfo("w-1", "iris", "Iris Bakker", "Iris", "worker", "", "+31612345678", "", "")
    with Store.open(db, PASS) as store, store.session() as s:
        upsert_worker(s, worker)
        [row] = queries.list_case_rows(s, today=date.today())
        shift_id, _ = plan_shift(
            s, worker_id="w-1", day=date.today(), dagdeel=Dagdeel.AVOND, case_ids=[row.id]
        )
    capsys.readouterr()
    assert run(env, "shifts", "--json") == 0
    [shift] = json.loads(capsys.readouterr().out)
    assert shift == {
        "id": shift_id,
        "day": date.today().isoformat(),
        "dagdeel": "Avond",
        "visits": 1,
    }
    assert run(env, "shifts") == 0
    assert shift_id in capsys.readouterr().out
    out = tmp_path / "k.pdf"
    assert run(env, "print", "cards", "--shift", "geen-dienst", "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "Onbekende dienst" in err and "geen-dienst" in err and not out.exists()


def test_readme_lists_every_exit_code() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in ("`0`", "`1`", "`2`", "`3`", "`4`", "`130`"):
        assert code in text


# --- progress on a terminal ---------------------------------------------------------------


def _big_csv(path: Path, rows: int) -> None:
    lines = [HEADER]
    for n in range(rows):
        pc4 = 1000 + n % 8000
        lines.append(
            f"P-{n};zorg;{100 + n % 900},00;01-11-2026;01-09-2026;A.;Kramer;Molenweg;"
            f"{1 + n // 8000};{pc4}AB;V\n"
        )
    path.write_text("".join(lines), encoding="utf-8")


def _import_in_child(env, src: Path, *extra: str, tty: bool) -> tuple[int, str]:
    db, passfile = env
    cmd = [sys.executable, "-m", "fieldapp.cli", "--db", str(db), "--passphrase-file"]
    cmd += [str(passfile), "import", str(src), *extra]
    child_env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not tty:
        done = subprocess.run(cmd, capture_output=True, text=True, env=child_env, timeout=300)
        return done.returncode, done.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=follower, env=child_env)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            break
        try:
            data = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_a_long_import_shows_a_progress_bar_only_on_a_terminal(env, tmp_path) -> None:
    src = tmp_path / "groot.csv"
    _big_csv(src, 3000)
    rc, err = _import_in_child(env, src, "--dry-run", tty=True)
    assert rc == 0
    assert "Verwerken" in err and "100%" in err and "3.000/3.000" in err
    assert "Kramer" not in err and "Molenweg" not in err  # counts only
    rc, err = _import_in_child(env, src, "--dry-run", tty=False)
    assert rc == 0 and "Verwerken" not in err and "[" not in err
    rc, err = _import_in_child(env, src, "--dry-run", "--json", tty=True)
    assert rc == 0 and "Verwerken" not in err
