"""The planner's part of the municipality's policy file (``[planning]`` in afwegingskader.toml).

Every key is optional; the defaults are :class:`~fieldapp.planning.instance.Policy`'s and the
travel speeds of :mod:`fieldapp.planning.travel`. A wrong value raises ``PolicyInvalid`` naming
the key (Dutch, like the rest of the file's messages).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from fieldapp.config import PolicyInvalid, policy_text
from fieldapp.planning.instance import Mode, Policy, VaryDayparts
from fieldapp.planning.travel import DEFAULT_SPEEDS, ModeSpeed, StraightLineTravel

_MODES = {"lopen": Mode.WALK, "fiets": Mode.BIKE, "auto": Mode.CAR}


@dataclass(frozen=True, slots=True)
class PlanningSettings:
    policy: Policy = field(default_factory=Policy)
    speeds: dict[Mode, ModeSpeed] = field(default_factory=lambda: dict(DEFAULT_SPEEDS))
    budget_s: float = 5.0

    @property
    def travel(self) -> StraightLineTravel:
        return StraightLineTravel(dict(self.speeds))


def load_planning_settings(path: Path | None = None) -> PlanningSettings:
    return parse_planning_settings(policy_text(path))


def _bad(key: str, expected: str) -> PolicyInvalid:
    return PolicyInvalid(f"Afwegingskader: planning.{key} moet {expected} zijn")


def _flag(table: dict[str, Any], key: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise _bad(key, "true of false")
    return value


def _number(table: dict[str, Any], key: str, default: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _bad(key, "een getal >= 0")
    return float(value)


def _clock(text: Any, key: str) -> time:
    if isinstance(text, str) and len(text) == 5:
        try:
            return time.fromisoformat(text)
        except ValueError:
            pass
    raise _bad(key, 'een lijst van twee tijden ["UU:MM", "UU:MM"] of []')


def parse_planning_settings(text: str) -> PlanningSettings:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyInvalid(f"Afwegingskader niet leesbaar: {exc.__class__.__name__}") from exc
    table = data.get("planning", {})
    base = Policy()
    try:
        vary = VaryDayparts(table.get("dagdelen_afwisselen", base.vary_dayparts.value))
    except ValueError as exc:
        raise _bad("dagdelen_afwisselen", '"strict", "prefer" of "off"') from exc
    quiet = base.quiet_window
    if "rustvenster" in table:
        window = table["rustvenster"]
        if window == []:
            quiet = None
        elif isinstance(window, list) and len(window) == 2:
            quiet = (_clock(window[0], "rustvenster"), _clock(window[1], "rustvenster"))
            if quiet[0] >= quiet[1]:
                raise _bad("rustvenster", "een begin voor het einde")
        else:
            raise _bad("rustvenster", 'een lijst van twee tijden ["UU:MM", "UU:MM"] of []')
    max_travel = _number(table, "max_reistijd_minuten", 0)
    policy = Policy(
        vary_dayparts=vary,
        quiet_window=quiet,
        exclude_sundays=_flag(table, "geen_zondag", base.exclude_sundays),
        exclude_holidays=_flag(table, "geen_feestdagen", base.exclude_holidays),
        exclude_liberation_day=_flag(table, "bevrijdingsdag_vrij", base.exclude_liberation_day),
        exclude_bridge_days=_flag(table, "brugdagen_vrij", base.exclude_bridge_days),
        max_travel_minutes=max_travel or None,
    )
    speeds = dict(DEFAULT_SPEEDS)
    for name, mode in _MODES.items():
        entry = table.get("reizen", {}).get(name)
        if entry is None:
            continue
        if not isinstance(entry, dict):
            raise _bad(f"reizen.{name}", "een tabel met omrijfactor en kmh")
        detour = _number(entry, "omrijfactor", speeds[mode].detour)
        kmh = _number(entry, "kmh", speeds[mode].kmh)
        if detour < 1 or kmh <= 0:
            raise _bad(f"reizen.{name}", "omrijfactor >= 1 en kmh > 0 hebben")
        speeds[mode] = ModeSpeed(detour, kmh)
    budget = _number(table, "rekentijd_seconden", 5.0)
    if budget <= 0:
        raise _bad("rekentijd_seconden", "een getal > 0")
    return PlanningSettings(policy, speeds, budget)
