"""The demo team: 3-4 outreach workers who each own 1-2 wijken, and one team lead."""

from __future__ import annotations

import random

from fieldapp.demo_data import names
from fieldapp.demo_data.model import ROLE_TEAMLEAD, ROLE_WORKER, DemoWorker
from fieldapp.domain.ddas import Geslacht

# 097 numbers are for machine-to-machine use (ACM numbering plan): no person answers them, so
# a demo that dials or texts a worker can never reach a real phone.
_PHONE_PREFIX = "+319701"


def town_domain(town: str) -> str:
    """``Veldhoven-aan-Zee`` -> ``veldhoven-aan-zee.example`` (a reserved, unroutable TLD)."""
    parts = [names.ascii_slug(part) for part in town.replace("-", " ").split()]
    return "-".join(p for p in parts if p) + ".example"


def make_workers(
    rng: random.Random, *, wijken: list[str], town: str
) -> tuple[list[DemoWorker], dict[str, str]]:
    """Workers (team lead last) and the wijk -> worker id map.

    The number of outreach workers is 3 or 4, never more than the wijken, so everyone owns
    at least one and at most two wijken.
    """
    count = min(rng.choice((3, 4)), len(wijken))
    count = max(count, (len(wijken) + 1) // 2)
    domain = town_domain(town)
    team = f"Vroegsignalering {town}"
    usernames: set[str] = set()
    phones: set[str] = set()
    first_names: set[str] = set()
    workers: list[DemoWorker] = []
    for index in range(count + 1):
        lead = index == count
        origin = names.pick_origin(rng)
        sex = Geslacht.VROUW if rng.random() < 0.7 else Geslacht.MAN
        pool = names.pool_for(origin, 1985)
        first = names.first_name(rng, pool, sex)
        while first in first_names:  # colleagues are told apart by first name
            first = names.first_name(rng, pool, sex)
        first_names.add(first)
        prefix, surname = names.surname_for(pool.code, names.surname(rng, pool), sex)
        display = " ".join(p for p in (first, prefix, surname) if p)
        username = f"{names.ascii_slug(first)}.{names.ascii_slug(prefix + surname)}"
        while username in usernames:
            username += str(rng.randint(1, 9))
        usernames.add(username)
        phone = f"{_PHONE_PREFIX}{rng.randrange(1_000_000, 10_000_000)}"
        while phone in phones:
            phone = f"{_PHONE_PREFIX}{rng.randrange(1_000_000, 10_000_000)}"
        phones.add(phone)
        workers.append(
            DemoWorker(
                id="demo-teamlead" if lead else f"demo-worker-{index + 1}",
                username=username,
                display_name=display,
                first_name=first,
                role=ROLE_TEAMLEAD if lead else ROLE_WORKER,
                phone=phone,
                whatsapp=phone,
                email=f"{username}@{domain}",
                team=team,
            )
        )
    order = list(wijken)
    rng.shuffle(order)
    owners = {wijk: workers[i % count].id for i, wijk in enumerate(order)}
    return workers, {wijk: owners[wijk] for wijk in wijken}
