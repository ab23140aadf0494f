"""Property tests on generated instances: both solvers honour every hard rule of issue 14,
and the fallback is used (and passes the same properties) when pyvroom cannot be imported."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from fieldapp.planning.instance import instance_from_json
from fieldapp.planning.solver import solve
from tests.core.planning_strategies import check_plan, instances

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@SETTINGS
@given(instances())
def test_greedy_plans_honour_every_hard_rule(raw: dict[str, Any]) -> None:
    inst = instance_from_json(raw)
    result = solve(inst, budget_s=0.5, engine="greedy")
    assert result.solver == "greedy"
    check_plan(inst, result)


@SETTINGS
@given(instances())
def test_vroom_plans_honour_every_hard_rule(raw: dict[str, Any]) -> None:
    pytest.importorskip("vroom")
    inst = instance_from_json(raw)
    result = solve(inst, budget_s=0.5, engine="vroom")
    assert result.solver == "vroom"
    check_plan(inst, result)


@pytest.fixture
def pyvroom_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import vroom`` raises ImportError, as on a laptop without the wheel."""
    monkeypatch.setitem(sys.modules, "vroom", None)
    monkeypatch.delitem(sys.modules, "fieldapp.planning.vroom_solver", raising=False)


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the block holds for all
)
@given(raw=instances())
def test_blocked_pyvroom_falls_back_to_greedy_with_the_same_rules(
    raw: dict[str, Any], pyvroom_blocked: None
) -> None:
    inst = instance_from_json(raw)
    result = solve(inst, budget_s=0.5)
    assert result.solver == "greedy"
    check_plan(inst, result)
