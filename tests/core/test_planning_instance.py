"""The planner's JSON contract: the issue's example parses; every bad field is named."""

from __future__ import annotations

import copy
import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.planning.instance import (
    InvalidInstance,
    Mode,
    PlanResult,
    ShiftPlan,
    Unplanned,
    UnplannedReason,
    VaryDayparts,
    Visit,
    instance_from_json,
    result_to_json,
)

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "planning" / "example_instance.json"


def _example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def test_issue_example_parses_to_typed_instance() -> None:
    inst = instance_from_json(_example())
    assert inst.today == date(2026, 12, 7)
    assert inst.policy.vary_dayparts is VaryDayparts.STRICT
    assert inst.policy.quiet_window == (time(17, 30), time(18, 30))
    (shift,) = inst.shifts
    assert (shift.start, shift.end, shift.mode, shift.end_at) == (
        time(18, 30),
        time(21),
        Mode.BIKE,
        None,
    )
    (case,) = inst.cases
    assert case.attempts[0].dagdeel is Dagdeel.OCHTEND
    assert case.attempts[0].soort is Contactsoort.HUISBEZOEK
    assert case.deadline == date(2026, 12, 20) and case.announced is None


def test_policy_keys_are_optional() -> None:
    data = _example()
    del data["policy"]
    inst = instance_from_json(data)
    assert inst.policy.exclude_sundays and inst.policy.exclude_holidays
    assert inst.policy.quiet_window == (time(17, 30), time(18, 30))


def test_every_bad_shift_and_case_is_listed_by_id_and_field() -> None:
    data = _example()
    bad_shift = copy.deepcopy(data["shifts"][0]) | {"id": "s2", "start": "25:00", "mode": "boat"}
    data["shifts"].append(bad_shift)
    data["cases"][0]["priority"] = -1
    data["cases"].append(
        copy.deepcopy(data["cases"][0])
        | {
            "id": "c2",
            "priority": 10,
            "announced": {"date": "2026-12-08", "dagdeel": "Nacht"},
            "attempts": [{"date": "x", "dagdeel": "Middag", "soort": "Huisbezoek", "bereikt": 1}],
        }
    )
    with pytest.raises(InvalidInstance) as caught:
        instance_from_json(data)
    found = {(p.kind, p.key, p.field) for p in caught.value.problems}
    assert found == {
        ("shift", "s2", "start"),
        ("shift", "s2", "mode"),
        ("case", "c1", "priority"),
        ("case", "c2", "announced.dagdeel"),
        ("case", "c2", "attempts[0].date"),
        ("case", "c2", "attempts[0].bereikt"),
    }
    assert caught.value.exit_code == 2
    assert "dienst s2: veld 'start'" in str(caught.value)


def test_duplicate_ids_are_refused() -> None:
    data = _example()
    data["cases"].append(copy.deepcopy(data["cases"][0]))
    with pytest.raises(InvalidInstance) as caught:
        instance_from_json(data)
    assert [(p.key, p.field) for p in caught.value.problems] == [("c1", "id")]


def test_result_json_has_the_issue_shape() -> None:
    result = PlanResult(
        solver="vroom",
        seconds=1.234,
        prize=2310.04,
        travel_minutes=38.04,
        shifts=(
            ShiftPlan("s1", 38.04, (Visit("c1", time(18, 41), time(18, 41), time(18, 53), "x"),)),
        ),
        unplanned=(Unplanned("c9", UnplannedReason.NO_ALLOWED_SLOT, "y"),),
    )
    out = result_to_json(result)
    assert out["solver"] == "vroom" and out["travel_minutes"] == 38.0
    visit = out["shifts"][0]["visits"][0]
    assert (visit["case"], visit["arrive"], visit["start"], visit["end"]) == (
        "c1",
        "18:41",
        "18:41",
        "18:53",
    )
    assert out["unplanned"] == [{"case": "c9", "reason": "no_allowed_slot", "text": "y"}]
