"""``fieldapp cases close / reopen``: exit codes, the checklist, nothing written on refusal."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.cli import main
from fieldapp.domain.ddas import Contactsoort
from fieldapp.services.attempts import record_attempt
from fieldapp.store.client_store import Store
from fieldapp.store.repos.kv import set_kv
from fieldapp.store.schema import CaseEventRow, CaseRow

PASS = "blauwe regenjas op dinsdag"
CSV = (
    "signaal_id;signaalpartner;bedrag;signaaldatum;ontstaansdatum;voorletters;achternaam;"
    "straat;huisnummer;postcode;plaats\n"
    "Z-1;zorgverzekeraar;€ 312,50;01-11-2026;01-09-2026;A.;Kramer;Molenweg;12;7411 ab;Veldhoven\n"
)
NO_CONTACT = "Definitief geen contact kunnen krijgen"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, str]:
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
        case_id = s.scalars(select(CaseRow.id)).one()
        for day in (2, 3):
            record_attempt(
                s,
                attempt_id=str(uuid.uuid4()),
                case_id=case_id,
                soort=Contactsoort.BRIEF,
                bereikt=False,
                occurred_at=datetime(2026, 11, day, 9, tzinfo=UTC),
            )
    return db, passfile, case_id


def run(env: tuple[Path, Path, str], *args: str) -> int:
    db, passfile, _ = env
    return main(["--db", str(db), "--passphrase-file", str(passfile), *args])


def set_role(env: tuple[Path, Path, str], role: str) -> None:
    with Store.open(env[0], PASS) as store, store.session() as s:
        set_kv(s, "sync.role", role)


def closes(env: tuple[Path, Path, str]) -> list[CaseEventRow]:
    with Store.open(env[0], PASS) as store, store.session() as s:
        return list(s.scalars(select(CaseEventRow)))


def test_two_letters_exit_5_with_each_shortfall_on_its_own_line(env, capsys) -> None:
    capsys.readouterr()
    assert run(env, "cases", "close", env[2], "--resultaat", NO_CONTACT) == 5
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "inspanning niet voldaan"
    assert lines[1] == "Minstens 3 contactpogingen (nu 2) [POGINGEN]"
    assert len(lines) == 6
    assert closes(env) == []


def test_json_lists_the_codes(env, capsys) -> None:
    capsys.readouterr()
    assert run(env, "cases", "close", env[2], "--resultaat", NO_CONTACT, "--json") == 5
    doc = json.loads(capsys.readouterr().out)
    assert doc["gesloten"] is False
    assert doc["fout"] == "inspanning niet voldaan"
    assert [t["code"] for t in doc["tekorten"]] == [
        "POGINGEN",
        "KANALEN",
        "PERSOONLIJK",
        "DAGDELEN",
        "BUITEN_KANTOORTIJD",
    ]


def test_worker_reason_is_refused_lead_reason_closes_and_is_recorded(env, capsys) -> None:
    set_role(env, "worker")
    assert run(env, "cases", "close", env[2], "--resultaat", NO_CONTACT, "--reden", "x") == 5
    assert closes(env) == []
    set_role(env, "teamlead")
    reason = "Pand staat leeg volgens de verhuurder"
    assert run(env, "cases", "close", env[2], "--resultaat", NO_CONTACT, "--reden", reason) == 0
    [event] = closes(env)
    assert (event.effort_override, event.reason) == (True, reason)
    assert run(env, "cases", "reopen", env[2], "--reden", "Toch een nieuw signaal") == 0
    assert [e.kind for e in closes(env)].count("reopen") == 1


def test_other_results_close_without_the_standard_and_unknown_results_exit_2(env) -> None:
    assert run(env, "cases", "close", env[2], "--resultaat", "Bestaat niet") == 2
    assert run(env, "cases", "close", env[2], "--resultaat", "Inwoner is overleden") == 0
    assert run(env, "cases", "reopen", env[2], "--reden", "  ") == 2


def test_policy_flag_is_the_process_default_and_a_broken_file_stops_early(
    env, tmp_path: Path
) -> None:
    from fieldapp.config import load_policy, use_policy_file

    strict = tmp_path / "streng.toml"
    strict.write_text("[inspanning]\nmin_pogingen = 2\nmin_kanalen = 1\n", encoding="utf-8")
    try:
        assert run(env, "--policy", str(strict), "cases") == 0
        assert load_policy().effort.min_attempts == 2  # what the window would load too
        broken = tmp_path / "kapot.toml"
        broken.write_text("[inspanning\n", encoding="utf-8")
        assert run(env, "--policy", str(broken), "cases") == 2
    finally:
        use_policy_file(None)
