"""Four months of synthetic signals with the national mix of partners and case kinds.

Shares (Divosa H1 2024): Zorg ~41%, Huur ~20%, Energie ~20% (about a fifth of them
end-of-supply crisis signals), Water ~18%, the remaining ~1% spread over the experimental
partners. Zorg is weighted 42.5: a multiple melding never has two signals from one partner,
which costs the biggest partner most. Per month about one melding in nine is *multiple*
(2-3 partners, same household), and from the second month on about a quarter are
*consecutive* (the household had a signal in an earlier month): some of those are repeats
(same partner, same ontstaansdatum, amount not grown: "niet opgepakt: herhaalde melding")
and some repeats with a grown amount (must be picked up). The rest are single. A few
signals fall below a EUR 50 threshold, a few come with a warme overdracht, and a few carry
only a BSN (no address).

The first month always starts with one example of every rare case (each partner type, crisis,
warm handover, below threshold, BSN-only, multiple) and the second with a repeat and a grown
repeat, so even a small town shows every case the app must handle.
"""

from __future__ import annotations

import calendar
import dataclasses
import itertools
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from fieldapp.demo_data.households import OWN, RENT, DemoHousehold
from fieldapp.demo_data.partner_profiles import PROFILES
from fieldapp.domain.ddas import Signaalpartner
from fieldapp.domain.people import Person
from fieldapp.domain.signals import FLAG_ADDRESS_UNKNOWN, IncomingSignal

_P = Signaalpartner

# Signals per household per month: 400 households give about 75 signals a month, the density
# of a town of some 4,000-5,000 inhabitants at 15-20 signals per 1,000 a month.
SIGNALS_PER_HOUSEHOLD_MONTH = 0.19
BELOW_THRESHOLD_CENTS = 5_000

KIND_SINGLE = "single"
KIND_MULTIPLE = "multiple"
KIND_CONSECUTIVE = "consecutive"
KIND_REPEAT = "repeat"  # same partner and ontstaansdatum, amount not grown
KIND_REPEAT_GROWN = "repeat_grown"  # same partner and ontstaansdatum, amount grown


_PARTNERS = tuple(PROFILES)
_CUM_WEIGHTS = tuple(itertools.accumulate(PROFILES[p].weight for p in _PARTNERS))
_RARE_PARTNERS = tuple(p for p in _PARTNERS if PROFILES[p].weight < 1.0)


@dataclass(frozen=True, slots=True)
class Melding:
    """The signals about one household in one month: what becomes (part of) a case."""

    household: DemoHousehold
    month_index: int
    kind: str
    signals: tuple[IncomingSignal, ...]

    @property
    def anchor(self) -> IncomingSignal:
        """The earliest signal: attempts are recorded against its case."""
        return min(self.signals, key=lambda s: (s.signaaldatum or date.min, s.external_id))


def month_starts(today: date, count: int = 4) -> list[date]:
    """First days of the ``count`` calendar months ending with today's, oldest first."""
    starts: list[date] = []
    year, month = today.year, today.month
    for _ in range(count):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _fits(partner: Signaalpartner, household: DemoHousehold, today: date) -> bool:
    if partner is _P.HUUR:
        return household.tenure == RENT
    if partner is _P.HYPOTHEEK:
        return household.tenure == OWN
    ages = [p.age_on(today) or 0 for p in household.adults(today)]
    if partner is _P.DUO:
        return any(18 <= a <= 45 for a in ages)
    if partner is _P.CAK_EIGEN_BIJDRAGE:
        return any(a >= 55 for a in ages)
    return True


@dataclass(slots=True)
class _Extras:
    """Rare features forced onto a signal (to guarantee every case appears)."""

    crisis: bool = False
    warm: bool = False
    below: bool = False
    bsn_only: bool = False


@dataclass(slots=True)
class _History:
    by_household: dict[str, list[IncomingSignal]] = field(default_factory=dict)
    order: list[DemoHousehold] = field(default_factory=list)


class SignalGenerator:
    """Makes the months one by one; state: id counters, used households, history."""

    def __init__(self, rng: random.Random, households: list[DemoHousehold], today: date) -> None:
        self._rng = rng
        self._households = households
        self._today = today
        self._fresh = list(range(len(households)))
        rng.shuffle(self._fresh)
        self._fresh_pos = 0
        self._used: set[int] = set()
        self._counters = {p: rng.randint(100, 900) for p in _PARTNERS}
        self._history = _History()
        self._previous: _History = _History()
        self._days: dict[tuple[date, date], list[date]] = {}

    # --- public -------------------------------------------------------------------------

    def generate(self) -> tuple[list[tuple[date, list[IncomingSignal]]], list[Melding]]:
        months: list[tuple[date, list[IncomingSignal]]] = []
        meldingen: list[Melding] = []
        starts = month_starts(self._today)
        for index, first in enumerate(starts):
            month_meldingen = self._month(index, first)
            meldingen.extend(month_meldingen)
            signals = [s for m in month_meldingen for s in m.signals]
            signals.sort(key=lambda s: (s.signaaldatum or first, s.partner.value, s.external_id))
            months.append((first, signals))
            # Households of this month become candidates for consecutive signals next month.
            self._previous = _History(
                {k: list(v) for k, v in self._history.by_household.items()},
                list(self._history.order),
            )
        return months, meldingen

    # --- months -------------------------------------------------------------------------

    def _month(self, index: int, first: date) -> list[Melding]:
        rng = self._rng
        last_day = calendar.monthrange(first.year, first.month)[1]
        end = min(first.replace(day=last_day), self._today)
        fraction = (end - first).days + 1
        target = round(
            len(self._households)
            * SIGNALS_PER_HOUSEHOLD_MONTH
            * rng.uniform(0.88, 1.12)
            * fraction
            / last_day
        )
        target = max(target, 1)
        meldingen: list[Melding] = []
        if index == 0:
            meldingen.extend(self._forced_first_month(first, end))
        if index == 1 and self._previous.order:
            for kind in (KIND_REPEAT, KIND_REPEAT_GROWN):
                forced = self._consecutive(index, first, end, kind)
                if forced is not None:
                    meldingen.append(forced)
        count = sum(len(m.signals) for m in meldingen)
        while count < target:
            roll = rng.random()
            melding: Melding | None = None
            if self._previous.order and roll < 0.26:
                kind = rng.choices(
                    (KIND_REPEAT, KIND_REPEAT_GROWN, KIND_CONSECUTIVE), weights=(0.2, 0.15, 0.65)
                )[0]
                melding = self._consecutive(index, first, end, kind)
            elif roll > 0.89:
                melding = self._fresh_melding(index, first, end, rng.choice((2, 2, 2, 2, 3)))
            if melding is None:
                melding = self._fresh_melding(index, first, end, 1)
            meldingen.append(melding)
            count += len(melding.signals)
        for melding in meldingen:
            history = self._history.by_household.setdefault(melding.household.id, [])
            if not history:
                self._history.order.append(melding.household)
            history.extend(melding.signals)
        return meldingen

    def _forced_first_month(self, first: date, end: date) -> list[Melding]:
        forced: list[Melding] = []
        for partner in _RARE_PARTNERS:
            forced.append(self._fresh_melding(0, first, end, 1, partners=[partner]))
        examples = (
            (_P.ENERGIE, _Extras(crisis=True)),
            (_P.HUUR, _Extras(warm=True)),
            (_P.WATER, _Extras(below=True)),
            (_P.ZORG, _Extras(bsn_only=True)),
        )
        for partner, extras in examples:
            forced.append(self._fresh_melding(0, first, end, 1, partners=[partner], extras=extras))
        forced.append(self._fresh_melding(0, first, end, 2, partners=[_P.ZORG, _P.ENERGIE]))
        return forced

    # --- meldingen ----------------------------------------------------------------------

    def _draw_partners(self, count: int, household: DemoHousehold | None) -> list[Signaalpartner]:
        chosen: list[Signaalpartner] = []
        for _ in range(50):
            if len(chosen) == count:
                break
            partner = self._rng.choices(_PARTNERS, cum_weights=_CUM_WEIGHTS)[0]
            if partner in chosen:
                continue
            if {partner, *chosen} >= {_P.HUUR, _P.HYPOTHEEK}:
                continue
            if household is not None and not _fits(partner, household, self._today):
                continue
            chosen.append(partner)
        return chosen or [_P.ZORG]

    def _fresh_household(self, partners: list[Signaalpartner]) -> DemoHousehold:
        """The next household without signals that fits all partners; reuse one if none left."""
        rng = self._rng
        while self._fresh_pos < len(self._fresh) and self._fresh[self._fresh_pos] in self._used:
            self._fresh_pos += 1
        window = self._fresh[self._fresh_pos : self._fresh_pos + 400]
        for index in window:
            household = self._households[index]
            if index not in self._used and all(_fits(p, household, self._today) for p in partners):
                self._used.add(index)
                return household
        fitting = [
            h
            for h in rng.sample(self._households, min(400, len(self._households)))
            if all(_fits(p, h, self._today) for p in partners)
        ]
        return fitting[0] if fitting else self._households[rng.randrange(len(self._households))]

    def _fresh_melding(
        self,
        month: int,
        first: date,
        end: date,
        count: int,
        *,
        partners: list[Signaalpartner] | None = None,
        extras: _Extras | None = None,
    ) -> Melding:
        partners = partners or self._draw_partners(count, None)
        household = self._fresh_household(partners)
        partners = [p for p in partners if _fits(p, household, self._today)] or [_P.ZORG]
        signals = [
            self._new_signal(p, household, first, end, second=i > 0, extras=extras)
            for i, p in enumerate(partners)
        ]
        kind = KIND_MULTIPLE if len(signals) > 1 else KIND_SINGLE
        return Melding(household, month, kind, tuple(signals))

    def _consecutive(self, month: int, first: date, end: date, kind: str) -> Melding | None:
        rng = self._rng
        household = rng.choice(self._previous.order)
        earlier = self._previous.by_household[household.id]
        if kind in (KIND_REPEAT, KIND_REPEAT_GROWN):
            candidates = [s for s in earlier if s.ontstaansdatum and s.bedrag_cents]
            if not candidates:
                return None
            signal = self._repeat(
                rng.choice(candidates), first, end, grown=kind == KIND_REPEAT_GROWN
            )
            return Melding(household, month, kind, (signal,))
        partners = self._draw_partners(rng.choice((1, 1, 1, 1, 2)), household)
        signals: list[IncomingSignal] = []
        for i, partner in enumerate(partners):
            previous = [s for s in earlier if s.partner is partner and s.signaaldatum]
            signal = self._new_signal(partner, household, first, end, second=i > 0)
            if previous:
                # The same partner again: new arrears, which started after the last signal.
                last = max(s.signaaldatum or first for s in previous)
                sent = signal.signaaldatum or end
                if (sent - last).days < 3:
                    continue
                start = last + timedelta(days=rng.randint(1, (sent - last).days - 1))
                signal = dataclasses.replace(signal, ontstaansdatum=start)
            signals.append(signal)
        if not signals:
            return None
        return Melding(household, month, KIND_CONSECUTIVE, tuple(signals))

    # --- signals ------------------------------------------------------------------------

    def _next_id(self, partner: Signaalpartner, sent: date) -> str:
        self._counters[partner] += self._rng.randint(1, 37)
        return f"{PROFILES[partner].prefix}-{sent.year}-{self._counters[partner]:06d}"

    def _signal_date(self, first: date, end: date) -> date:
        """A day in ``first..end``, a weekday when there is one (partners send on workdays)."""
        key = (first, end)
        if key not in self._days:
            days = [first + timedelta(days=n) for n in range((end - first).days + 1)]
            self._days[key] = [d for d in days if d.weekday() < 5] or days
        return self._rng.choice(self._days[key])

    def _amount(self, partner: Signaalpartner, below: bool) -> int:
        rng = self._rng
        if below:
            return rng.randint(1_000, BELOW_THRESHOLD_CENTS - 1)
        low, high, mode = PROFILES[partner].amount_eur
        return round(rng.triangular(low, high, mode) * 100)

    def _debtor(self, partner: Signaalpartner, household: DemoHousehold, second: bool) -> Person:
        rng = self._rng
        adults = household.adults(self._today) or list(household.members[:1])
        by_age = sorted(adults, key=lambda p: p.age_on(self._today) or 0)
        if partner is _P.DUO:
            return by_age[0]
        if partner is _P.CAK_EIGEN_BIJDRAGE:
            return by_age[-1]
        if partner is _P.ZORG:
            # 18-26-year-olds at home get their own premium bill and often fall behind.
            young = [p for p in adults[1:] if (p.age_on(self._today) or 0) <= 26]
            if young and rng.random() < 0.45:
                return rng.choice(young)
        if second and len(adults) > 1 and rng.random() < 0.4:
            return adults[1]
        return adults[0]

    def _as_reported(self, partner: Signaalpartner, person: Person, bsn_only: bool) -> Person:
        """The subset of a resident's data this partner sends."""
        rng = self._rng
        profile = PROFILES[partner]
        born = person.geboortedatum if rng.random() < profile.geboortedatum else None
        bsn = person.bsn if bsn_only or rng.random() < profile.bsn else None
        return Person(
            achternaam=person.achternaam,
            voorletters=person.voorletters,
            voorvoegsel=person.voorvoegsel,
            voornaam=person.voornaam if rng.random() < profile.voornaam else "",
            geboortedatum=born,
            geslacht=person.geslacht if born else None,
            bsn=bsn,
            telefoon=person.telefoon if rng.random() < profile.telefoon else None,
            email=person.email if rng.random() < profile.email else None,
        )

    def _new_signal(
        self,
        partner: Signaalpartner,
        household: DemoHousehold,
        first: date,
        end: date,
        *,
        second: bool = False,
        extras: _Extras | None = None,
    ) -> IncomingSignal:
        rng = self._rng
        extras = extras or _Extras()
        profile = PROFILES[partner]
        sent = self._signal_date(first, end)
        lag = rng.randint(*profile.lag_days)
        below = extras.below or (partner not in (_P.HUUR, _P.HYPOTHEEK) and rng.random() < 0.025)
        person = self._as_reported(partner, self._debtor(partner, household, second), False)
        bsn_only = extras.bsn_only or (
            partner is not _P.HUUR and person.bsn is not None and rng.random() < 0.03
        )
        if extras.bsn_only and person.bsn is None:
            person = self._as_reported(partner, self._debtor(partner, household, second), True)
        return IncomingSignal(
            external_id=self._next_id(partner, sent),
            partner=partner,
            person=person,
            address=None if bsn_only else household.address,
            bedrag_cents=self._amount(partner, below),
            ontstaansdatum=sent - timedelta(days=lag),
            signaaldatum=sent,
            crisissignaal=extras.crisis or rng.random() < profile.crisis,
            warme_overdracht=extras.warm or rng.random() < profile.warm,
            flags=(FLAG_ADDRESS_UNKNOWN,) if bsn_only else (),
        )

    def _repeat(
        self, earlier: IncomingSignal, first: date, end: date, grown: bool
    ) -> IncomingSignal:
        """A new signal about the same arrears: new id, same partner and ontstaansdatum."""
        rng = self._rng
        sent = self._signal_date(first, end)
        old = earlier.bedrag_cents or 0
        if grown:
            amount = old + max(500, round(old * rng.uniform(0.1, 0.6)))
        elif rng.random() < 0.7:
            amount = old
        else:
            amount = max(1, round(old * rng.uniform(0.8, 0.97)))  # partly paid off
        return IncomingSignal(
            external_id=self._next_id(earlier.partner, sent),
            partner=earlier.partner,
            person=earlier.person,
            address=earlier.address,
            bedrag_cents=amount,
            ontstaansdatum=earlier.ontstaansdatum,
            signaaldatum=sent,
            crisissignaal=earlier.crisissignaal,
            warme_overdracht=False,
            flags=earlier.flags,
        )
