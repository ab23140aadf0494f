"""``fieldapp export ddas`` refuses deliveries that would be wrong, before writing anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.demo import KV_DEMO
from fieldapp.services import queries
from fieldapp.store.client_store import Store

PASS = "blauwe regenjas op dinsdag"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    db = tmp_path / "store" / "veldwerk.db"
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    assert main(["--db", str(db), "--passphrase-file", str(passfile), "init"]) == 0
    return db, passfile


def _export(env: tuple[Path, Path], out: Path, *extra: str) -> int:
    db, passfile = env
    base = ["--db", str(db), "--passphrase-file", str(passfile), "export", "ddas"]
    return main([*base, "--out", str(out), *extra])


def test_reversed_dates_are_refused_with_exit_2_and_nothing_written(env, tmp_path, capsys):
    out = tmp_path / "levering.json"
    rc = _export(env, out, "--van", "2026-11-30", "--tot", "2026-11-01", "--gemeentecode", "0363")
    assert rc == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "achteruit" in err and "2026-11-30" in err


def test_demo_gemeentecode_on_a_real_store_is_refused(env, tmp_path, capsys):
    out = tmp_path / "levering.json"
    assert _export(env, out, "--van", "2026-11-01", "--tot", "2026-11-30") == 2
    assert not out.exists()
    err = capsys.readouterr().err
    assert "9999" in err and "organisatie.toml" in err and "--gemeentecode" in err
    # A real code goes through.
    rc = _export(env, out, "--van", "2026-11-01", "--tot", "2026-11-30", "--gemeentecode", "0363")
    assert rc == 0 and out.exists()


def test_the_demo_store_may_use_the_demo_code(env, tmp_path):
    db, _ = env
    store = Store.open(db, PASS)
    try:
        with store.session() as s:
            queries.set_kv(s, KV_DEMO, "1")
    finally:
        store.close()
    out = tmp_path / "levering.json"
    assert _export(env, out, "--van", "2026-11-01", "--tot", "2026-11-30") == 0
    assert '"9999"' in out.read_text(encoding="utf-8")
