"""Parse and validate a JSON planning instance, collecting every problem before failing."""

from __future__ import annotations

from datetime import date, time
from typing import Any, TypeVar

from fieldapp.domain.ddas import Contactsoort, Dagdeel
from fieldapp.planning.instance import (
    Announced,
    Attempt,
    Instance,
    InstanceProblem,
    InvalidInstance,
    Mode,
    PlanCase,
    Policy,
    Shift,
    VaryDayparts,
    _Collector,
)

E = TypeVar("E", Dagdeel, Contactsoort, Mode, VaryDayparts)

_DAGDELEN = ", ".join(d.value for d in Dagdeel)
_SOORTEN = ", ".join(s.value for s in Contactsoort)


def _date(
    c: _Collector, obj: dict[str, Any], name: str, *, optional: bool = False, label: str = ""
) -> date | None:
    raw = obj.get(name)
    label = label or name
    if raw is None:
        if not optional:
            c.bad(label, "ontbreekt (datum JJJJ-MM-DD verwacht)")
        return None
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    c.bad(label, f"geen geldige datum JJJJ-MM-DD: {raw!r}")
    return None


def _time(c: _Collector, raw: Any, name: str) -> time | None:
    if isinstance(raw, str) and len(raw) == 5 and raw[2] == ":":
        try:
            hour, minute = int(raw[:2]), int(raw[3:])
        except ValueError:
            hour = minute = -1
        if 0 <= hour < 24 and 0 <= minute < 60:
            return time(hour, minute)
    c.bad(name, f"geen geldige tijd UU:MM: {raw!r}")
    return None


def _point(c: _Collector, raw: Any, name: str, *, optional: bool) -> tuple[float, float] | None:
    if raw is None:
        if not optional:
            c.bad(name, "ontbreekt ([breedtegraad, lengtegraad] verwacht)")
        return None
    if (
        isinstance(raw, list | tuple)
        and len(raw) == 2
        and all(_is_number(v) for v in raw)
        and -90 <= raw[0] <= 90
        and -180 <= raw[1] <= 180
    ):
        return (float(raw[0]), float(raw[1]))
    c.bad(name, f"geen geldig punt [breedtegraad, lengtegraad]: {raw!r}")
    return None


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and v == v


def _bool(c: _Collector, obj: dict[str, Any], name: str, default: bool) -> bool:
    raw = obj.get(name, default)
    if raw is None:
        return default
    if not isinstance(raw, bool):
        c.bad(name, f"true of false verwacht: {raw!r}")
        return default
    return raw


def _enum_value(c: _Collector, kind: type[E], raw: Any, name: str, allowed: str) -> E | None:
    try:
        return kind(raw)
    except ValueError:
        c.bad(name, f"onbekende waarde {raw!r} (toegestaan: {allowed})")
        return None


def _policy(raw: Any, problems: list[InstanceProblem]) -> Policy:
    c = _Collector("instance", "policy", problems)
    if raw is None:
        return Policy()
    if not isinstance(raw, dict):
        c.bad("policy", "object verwacht")
        return Policy()
    default = Policy()
    vary = default.vary_dayparts
    if "vary_dayparts" in raw:
        vary = (
            _enum_value(
                c, VaryDayparts, raw["vary_dayparts"], "policy.vary_dayparts", "strict, prefer, off"
            )
            or vary
        )
    quiet = default.quiet_window
    if "quiet_window" in raw:
        window = raw["quiet_window"]
        if window is None:
            quiet = None
        elif isinstance(window, list) and len(window) == 2:
            begin = _time(c, window[0], "policy.quiet_window")
            end = _time(c, window[1], "policy.quiet_window")
            if begin is not None and end is not None:
                if begin >= end:
                    c.bad("policy.quiet_window", "het begin moet voor het einde liggen")
                else:
                    quiet = (begin, end)
        else:
            c.bad("policy.quiet_window", '["UU:MM", "UU:MM"] of null verwacht')
    max_travel = raw.get("max_travel_minutes")
    if max_travel is not None and not (_is_number(max_travel) and max_travel > 0):
        c.bad("policy.max_travel_minutes", f"positief getal of null verwacht: {max_travel!r}")
        max_travel = None
    known = {
        "vary_dayparts", "quiet_window", "exclude_sundays", "exclude_holidays",
        "exclude_liberation_day", "exclude_bridge_days", "max_travel_minutes",
    }  # fmt: skip
    for key in sorted(set(raw) - known):
        c.bad(f"policy.{key}", "onbekende beleidsinstelling")
    return Policy(
        vary_dayparts=vary,
        quiet_window=quiet,
        exclude_sundays=_bool(c, raw, "exclude_sundays", default.exclude_sundays),
        exclude_holidays=_bool(c, raw, "exclude_holidays", default.exclude_holidays),
        exclude_liberation_day=_bool(
            c, raw, "exclude_liberation_day", default.exclude_liberation_day
        ),
        exclude_bridge_days=_bool(c, raw, "exclude_bridge_days", default.exclude_bridge_days),
        max_travel_minutes=None if max_travel is None else float(max_travel),
    )


def _shift(raw: Any, index: int, problems: list[InstanceProblem]) -> Shift | None:
    key = raw.get("id") if isinstance(raw, dict) else None
    c = _Collector("shift", key if isinstance(key, str) and key else f"#{index + 1}", problems)
    if not isinstance(raw, dict):
        c.bad("shift", "object verwacht")
        return None
    before = len(problems)
    if not (isinstance(key, str) and key):
        c.bad("id", "ontbreekt of is leeg")
    worker = raw.get("worker")
    if not (isinstance(worker, str) and worker):
        c.bad("worker", "ontbreekt of is leeg")
    day = _date(c, raw, "date")
    start = _time(c, raw.get("start"), "start")
    end = _time(c, raw.get("end"), "end")
    if start is not None and end is not None and end <= start:
        c.bad("end", "het einde moet na het begin liggen")
    start_at = _point(c, raw.get("start_at"), "start_at", optional=False)
    end_at = _point(c, raw.get("end_at"), "end_at", optional=True)
    mode = _enum_value(c, Mode, raw.get("mode", "bike"), "mode", "walk, bike, car")
    skills = raw.get("skills") or []
    if not (isinstance(skills, list) and all(isinstance(s, str) for s in skills)):
        c.bad("skills", "lijst van teksten verwacht")
        skills = []
    max_visits = raw.get("max_visits")
    if max_visits is not None and not (
        isinstance(max_visits, int) and not isinstance(max_visits, bool) and max_visits >= 0
    ):
        c.bad("max_visits", f"geheel getal >= 0 of null verwacht: {max_visits!r}")
    if len(problems) > before:
        return None
    assert isinstance(key, str) and isinstance(worker, str)
    assert day and start and end and start_at and mode
    return Shift(key, worker, day, start, end, start_at, end_at, mode, tuple(skills), max_visits)


def _attempt(c: _Collector, raw: Any, name: str) -> Attempt | None:
    if not isinstance(raw, dict):
        c.bad(name, "object verwacht")
        return None
    before = len(c.problems)
    day = _date(c, raw, "date", label=f"{name}.date")
    dagdeel = _enum_value(c, Dagdeel, raw.get("dagdeel"), f"{name}.dagdeel", _DAGDELEN)
    soort = _enum_value(c, Contactsoort, raw.get("soort"), f"{name}.soort", _SOORTEN)
    bereikt = raw.get("bereikt")
    if not isinstance(bereikt, bool):
        c.bad(f"{name}.bereikt", f"true of false verwacht: {bereikt!r}")
    minutes = raw.get("minutes")
    if minutes is not None and not (_is_number(minutes) and minutes > 0):
        c.bad(f"{name}.minutes", f"positief getal of null verwacht: {minutes!r}")
    if len(c.problems) > before:
        return None
    assert day and dagdeel and soort and isinstance(bereikt, bool)
    return Attempt(day, dagdeel, soort, bereikt, None if minutes is None else float(minutes))


def _case(raw: Any, index: int, problems: list[InstanceProblem]) -> PlanCase | None:
    key = raw.get("id") if isinstance(raw, dict) else None
    c = _Collector("case", key if isinstance(key, str) and key else f"#{index + 1}", problems)
    if not isinstance(raw, dict):
        c.bad("case", "object verwacht")
        return None
    before = len(problems)
    if not (isinstance(key, str) and key):
        c.bad("id", "ontbreekt of is leeg")
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        c.bad("lat" if lat is None else "lon", "lat en lon zijn samen null of samen gevuld")
    if lat is not None and not (_is_number(lat) and -90 <= lat <= 90):
        c.bad("lat", f"geen geldige breedtegraad: {lat!r}")
    if lon is not None and not (_is_number(lon) and -180 <= lon <= 180):
        c.bad("lon", f"geen geldige lengtegraad: {lon!r}")
    postcode = raw.get("postcode")
    if postcode is not None and not isinstance(postcode, str):
        c.bad("postcode", "tekst of null verwacht")
    priority = raw.get("priority")
    if not (isinstance(priority, int) and not isinstance(priority, bool) and priority >= 0):
        c.bad("priority", f"geheel getal >= 0 verwacht: {priority!r}")
    deadline = _date(c, raw, "deadline", optional=True)
    minutes = raw.get("visit_minutes")
    if minutes is not None and not (
        _is_number(minutes) and minutes == int(minutes) and 1 <= minutes <= 480
    ):
        c.bad("visit_minutes", f"geheel aantal minuten (1-480) of null verwacht: {minutes!r}")
    attempts_raw = raw.get("attempts") or []
    attempts: list[Attempt] = []
    if not isinstance(attempts_raw, list):
        c.bad("attempts", "lijst verwacht")
    else:
        for i, item in enumerate(attempts_raw):
            parsed = _attempt(c, item, f"attempts[{i}]")
            if parsed is not None:
                attempts.append(parsed)
    announced = None
    ann = raw.get("announced")
    if ann is not None:
        if not isinstance(ann, dict):
            c.bad("announced", 'null of {"date": ..., "dagdeel": ...} verwacht')
        else:
            ann_day = _date(c, ann, "date", label="announced.date")
            ann_part = _enum_value(c, Dagdeel, ann.get("dagdeel"), "announced.dagdeel", _DAGDELEN)
            if ann_day is not None and ann_part is not None:
                announced = Announced(ann_day, ann_part)
    opt_out = _bool(c, raw, "opt_out", False)
    unsafe = _bool(c, raw, "unsafe", False)
    if len(problems) > before:
        return None
    assert isinstance(key, str) and isinstance(priority, int)
    return PlanCase(
        id=key,
        lat=None if lat is None else float(lat),
        lon=None if lon is None else float(lon),
        postcode=postcode,
        priority=priority,
        deadline=deadline,
        visit_minutes=None if minutes is None else int(minutes),
        attempts=tuple(attempts),
        opt_out=opt_out,
        unsafe=unsafe,
        announced=announced,
    )


def parse_instance(obj: Any) -> Instance:
    problems: list[InstanceProblem] = []
    top = _Collector("instance", "-", problems)
    if not isinstance(obj, dict):
        top.bad("instance", "JSON-object verwacht")
        raise InvalidInstance(problems)
    today = _date(top, obj, "today")
    policy = _policy(obj.get("policy"), problems)
    shifts_raw, cases_raw = obj.get("shifts"), obj.get("cases")
    if not isinstance(shifts_raw, list):
        top.bad("shifts", "lijst verwacht")
        shifts_raw = []
    if not isinstance(cases_raw, list):
        top.bad("cases", "lijst verwacht")
        cases_raw = []
    shifts = [s for i, raw in enumerate(shifts_raw) if (s := _shift(raw, i, problems))]
    for s in shifts:
        if today is not None and s.date < today:
            problems.append(InstanceProblem("shift", s.id, "date", "ligt voor 'today'"))
    cases = [k for i, raw in enumerate(cases_raw) if (k := _case(raw, i, problems))]
    history: list[Attempt] = []
    history_raw = obj.get("history") or []
    if not isinstance(history_raw, list):
        top.bad("history", "lijst verwacht")
    else:
        for i, item in enumerate(history_raw):
            parsed = _attempt(top, item, f"history[{i}]")
            if parsed is not None:
                history.append(parsed)
    for kind, ids in (("shift", [s.id for s in shifts]), ("case", [k.id for k in cases])):
        seen: set[str] = set()
        for key in ids:
            if key in seen:
                problems.append(InstanceProblem(kind, key, "id", "komt meer dan eens voor"))
            seen.add(key)
    if problems:
        raise InvalidInstance(problems)
    assert today is not None
    return Instance(today, policy, tuple(shifts), tuple(cases), tuple(history))
