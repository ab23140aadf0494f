"""``fieldapp plan solve``: the plan on stdout (exit 0); a bad instance lists every problem (2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli import main

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "planning" / "example_instance.json"


def test_plan_solve_prints_the_plan_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", "solve", "--instance", str(EXAMPLE), "--budget", "1", "--json"])
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(out) >= {"solver", "seconds", "prize", "travel_minutes", "shifts", "unplanned"}
    (visit,) = out["shifts"][0]["visits"]
    assert visit["case"] == "c1" and visit["start"] >= "18:30" and visit["why"]


def test_plan_solve_text_output_and_fallback_engine(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", "solve", "--instance", str(EXAMPLE), "--solver", "greedy"])
    text = capsys.readouterr().out
    assert code == 0 and "Dienst s1" in text and "c1" in text and "greedy" in text


def test_invalid_instance_exits_2_listing_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["shifts"][0]["end"] = "17:00"
    raw["cases"][0]["attempts"][0]["dagdeel"] = "Nacht"
    raw["cases"].append(raw["cases"][0] | {"id": "c2", "lat": 95, "priority": "hoog"})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["plan", "solve", "--instance", str(bad)]) == 2
    err = capsys.readouterr().err
    for expected in (
        "dienst s1: veld 'end'",
        "zaak c1: veld 'attempts[0].dagdeel'",
        "zaak c2: veld 'lat'",
        "zaak c2: veld 'priority'",
    ):
        assert expected in err
    assert main(["plan", "solve", "--instance", str(bad), "--json"]) == 2
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {(p["id"], p["field"]) for p in problems} == {
        ("s1", "end"),
        ("c1", "attempts[0].dagdeel"),
        ("c2", "attempts[0].dagdeel"),
        ("c2", "lat"),
        ("c2", "priority"),
    }


def test_unreadable_instance_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["plan", "solve", "--instance", str(broken)]) == 2
    assert "geen geldige JSON" in capsys.readouterr().err
