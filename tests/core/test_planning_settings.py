"""The ``[planning]`` section of the policy file: shipped defaults, overrides, clear errors."""

from __future__ import annotations

from datetime import time

import pytest

from fieldapp.config import PolicyInvalid
from fieldapp.planning.instance import Mode, Policy, VaryDayparts
from fieldapp.planning.settings import load_planning_settings, parse_planning_settings
from fieldapp.planning.travel import DEFAULT_SPEEDS


def test_shipped_file_gives_the_documented_defaults() -> None:
    settings = load_planning_settings()
    assert settings.policy == Policy()
    assert settings.speeds == DEFAULT_SPEEDS and settings.budget_s == 5.0


def test_overrides_are_read() -> None:
    text = """
[planning]
dagdelen_afwisselen = "prefer"
rustvenster = []
geen_zondag = false
brugdagen_vrij = true
max_reistijd_minuten = 90
[planning.reizen]
fiets = { omrijfactor = 1.25, kmh = 12 }
"""
    settings = parse_planning_settings(text)
    assert settings.policy.vary_dayparts is VaryDayparts.PREFER
    assert settings.policy.quiet_window is None and not settings.policy.exclude_sundays
    assert settings.policy.exclude_bridge_days and settings.policy.max_travel_minutes == 90
    assert settings.speeds[Mode.BIKE].kmh == 12 and settings.speeds[Mode.WALK].kmh == 4.5
    assert settings.travel.speeds[Mode.BIKE].detour == 1.25
    window = parse_planning_settings('[planning]\nrustvenster = ["17:00", "18:00"]\n')
    assert window.policy.quiet_window == (time(17), time(18))


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('dagdelen_afwisselen = "soms"', "dagdelen_afwisselen"),
        ('rustvenster = ["18:30", "17:30"]', "rustvenster"),
        ('rustvenster = ["half zes", "18:30"]', "rustvenster"),
        ('geen_zondag = "ja"', "geen_zondag"),
        ("rekentijd_seconden = 0", "rekentijd_seconden"),
    ],
)
def test_a_wrong_value_names_its_key(line: str, key: str) -> None:
    with pytest.raises(PolicyInvalid, match=f"planning.{key}"):
        parse_planning_settings(f"[planning]\n{line}\n")
