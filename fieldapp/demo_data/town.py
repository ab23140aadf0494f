"""``build_town``: one call, a whole synthetic municipality, the same for the same seed."""

from __future__ import annotations

import random
from datetime import date

from fieldapp.demo_data.attempts import make_attempts
from fieldapp.demo_data.households import BsnSequence, make_households
from fieldapp.demo_data.model import DemoMonth, DemoTown
from fieldapp.demo_data.signals import SignalGenerator
from fieldapp.demo_data.streets import lay_out_town, make_wijken
from fieldapp.demo_data.workers import make_workers

TOWN_NAME = "Veldhoven-aan-Zee"  # fictional: the real Veldhoven lies inland
GEMEENTECODE = "9999"  # CBS codes are 0003-1980ish; 9999 is no municipality
MIN_HOUSEHOLDS = 10
MAX_HOUSEHOLDS = 50_000


def build_town(*, today: date, seed: int = 20261123, households: int = 400) -> DemoTown:
    """A fully synthetic town of ``households`` addresses with four months of signals.

    Deterministic: everything comes from ``random.Random`` streams derived from ``seed`` (the
    global ``random`` is never touched) and from ``today``, which the caller passes in (the
    generator never reads the clock). The map, the residents, the signals, the attempts and
    the team each use their own stream, so e.g. more households do not rename the workers.

    Raises ValueError for ``households`` outside 10..50,000 (the synthetic BSN range holds
    about 91,000 adults).
    """
    if not MIN_HOUSEHOLDS <= households <= MAX_HOUSEHOLDS:
        raise ValueError(
            f"aantal huishoudens moet tussen {MIN_HOUSEHOLDS} en {MAX_HOUSEHOLDS} liggen"
        )

    def stream(part: str) -> random.Random:
        return random.Random(f"veldwerk-demo:{seed}:{part}")

    wijken = make_wijken(stream("wijken"))
    addresses = lay_out_town(stream("map"), town=TOWN_NAME, wijken=wijken, households=households)
    people_rng = stream("people")
    residents = make_households(
        people_rng, addresses=addresses, today=today, bsns=BsnSequence(people_rng)
    )
    months, meldingen = SignalGenerator(stream("signals"), residents, today).generate()
    attempts = make_attempts(stream("attempts"), meldingen, today=today, months=len(months))
    wijk_names = [w.name for w in wijken]
    workers, owners = make_workers(stream("team"), wijken=wijk_names, town=TOWN_NAME)
    return DemoTown(
        name=TOWN_NAME,
        gemeentecode=GEMEENTECODE,
        seed=seed,
        workers=workers,
        months=[DemoMonth(first_day=first, signals=signals) for first, signals in months],
        attempts=attempts,
        wijken=wijk_names,
        worker_for_wijk=owners,
        households=residents,
    )
