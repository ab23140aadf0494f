"""What the demo town generator hands out: workers, months of signals, earlier attempts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fieldapp.demo_data.households import DemoHousehold
from fieldapp.domain.ddas import Contactsoort, Signaalpartner
from fieldapp.domain.signals import IncomingSignal

ROLE_WORKER = "worker"
ROLE_TEAMLEAD = "teamlead"


@dataclass(frozen=True, slots=True)
class DemoWorker:
    """A synthetic team member. Phone numbers are in the 097 (machine-to-machine) range."""

    id: str
    username: str
    display_name: str
    first_name: str
    role: str  # ROLE_WORKER | ROLE_TEAMLEAD
    phone: str
    whatsapp: str
    email: str
    team: str


@dataclass(frozen=True, slots=True)
class DemoAttempt:
    """An earlier contact attempt on the case that holds signal ``(partner, external_id)``.

    ``occurred_at`` is aware (Europe/Amsterdam), before the town's ``today``, on a weekday or
    (visits only) a Saturday, at 9-12, 13-17 or 18:30-20:30: never at dinner time.
    """

    partner: Signaalpartner
    external_id: str
    soort: Contactsoort
    bereikt: bool
    occurred_at: datetime
    note: str


@dataclass(frozen=True, slots=True)
class DemoMonth:
    """The signals whose ``signaaldatum`` falls in the calendar month starting ``first_day``."""

    first_day: date
    signals: list[IncomingSignal]


@dataclass(frozen=True, slots=True)
class DemoTown:
    """A complete synthetic municipality; equal seeds and ``today`` give equal towns.

    ``months`` is oldest first and ends with the month of ``today`` (signals up to ``today``).
    ``worker_for_wijk`` maps each wijk to the outreach worker who owns it. ``households`` lists
    every address in the town with its residents, including the many without any signal.
    """

    name: str
    gemeentecode: str
    seed: int
    workers: list[DemoWorker]
    months: list[DemoMonth]
    attempts: list[DemoAttempt]
    wijken: list[str]
    worker_for_wijk: dict[str, str]
    households: list[DemoHousehold]

    @property
    def signals(self) -> list[IncomingSignal]:
        """All signals, oldest month first."""
        return [s for month in self.months for s in month.signals]
