"""Earlier contact attempts on the demo cases, following practice and national reach figures.

Per attempt, the chance of reaching the resident follows the national figures: home visit
~37%, phone ~38%, SMS/app ~7%, e-mail ~10%, letter and card ~5%. Visits are spread over
morning, afternoon, evening and Saturday; evening and Saturday visits reach working people
more often, daytime visits reach the elderly more often, so the team's own dashboards have a
pattern to find. Times are 9:00-12:00, 13:00-17:00 or 18:30-20:30: never at dinner time.

Sequences copy what teams do (Groningen: letter first, then a visit; Roermond: phone, app,
then a visit): 1-3 attempts per case, stopping once someone is reached, and a card through the
letterbox after most unanswered visits. Most older cases then get follow-up visits at untried
dayparts until the team's minimum effort is met (so they can close as 'no contact'); a few
stall and run late. Attempts are only made before ``today``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from fieldapp.demo_data.model import DemoAttempt
from fieldapp.demo_data.signals import BELOW_THRESHOLD_CENTS, KIND_REPEAT, Melding
from fieldapp.domain.dayparts import AMSTERDAM, daypart_of
from fieldapp.domain.ddas import Contactsoort, Dagdeel

_C = Contactsoort

_MORNING = (9 * 60, 11 * 60 + 55)  # a card 1-4 minutes later still falls before noon
_AFTERNOON = (13 * 60, 17 * 60)
_EVENING = (18 * 60 + 30, 20 * 60 + 30)
_SATURDAY = ((10 * 60, 11 * 60 + 55), (13 * 60, 15 * 60))

# daypart weights (morning, afternoon, evening) on weekdays
_DAYPARTS: dict[Contactsoort, tuple[float, float, float]] = {
    _C.HUISBEZOEK: (0.25, 0.40, 0.35),
    _C.TELEFOON: (0.40, 0.45, 0.15),
    _C.SMS_WHATSAPP: (0.35, 0.45, 0.20),
    _C.MAIL: (0.5, 0.5, 0.0),
    _C.BRIEF: (0.5, 0.5, 0.0),
}
_SATURDAY_VISIT = 0.12
_MAX_PER_CASE = 3
_FOLLOW_THROUGH = 0.9
_WINDOWS = ((Dagdeel.OCHTEND, _MORNING), (Dagdeel.MIDDAG, _AFTERNOON), (Dagdeel.AVOND, _EVENING))
_PERSONAL_SOORTEN = frozenset(c for c in Contactsoort if c.is_personal)

_STRATEGIES: tuple[tuple[tuple[Contactsoort, ...], float], ...] = (
    ((_C.BRIEF, _C.HUISBEZOEK, _C.TELEFOON), 0.30),
    ((_C.TELEFOON, _C.SMS_WHATSAPP, _C.HUISBEZOEK), 0.30),
    ((_C.HUISBEZOEK, _C.TELEFOON, _C.HUISBEZOEK), 0.25),
    ((_C.MAIL, _C.TELEFOON, _C.BRIEF), 0.15),
)
_STRATEGY_WEIGHTS = tuple(w for _, w in _STRATEGIES)

_NOTES: dict[tuple[Contactsoort, bool], tuple[str, ...]] = {
    (_C.HUISBEZOEK, True): (
        "Gesproken aan de deur; afspraak gemaakt voor een gesprek.",
        "Bewoner thuis getroffen; wil er even over nadenken.",
        "Kort gesproken; bewoner wil graag hulp.",
    ),
    (_C.HUISBEZOEK, False): ("Niet thuis.", "Niemand deed open.", "Bel werkt niet; niemand thuis."),
    (_C.KAARTJE, True): ("Bewoner belde na het kaartje.",),
    (_C.KAARTJE, False): ("Kaartje in de brievenbus gedaan.",),
    (_C.TELEFOON, True): (
        "Telefonisch gesproken; terugbelafspraak gemaakt.",
        "Gebeld; bewoner wil een gesprek op het wijkcentrum.",
    ),
    (_C.TELEFOON, False): ("Geen gehoor.", "Voicemail ingesproken.", "In gesprek; later opnieuw."),
    (_C.SMS_WHATSAPP, True): ("Reactie op WhatsApp; wil gebeld worden.",),
    (_C.SMS_WHATSAPP, False): ("WhatsApp-bericht gestuurd.", "Sms gestuurd."),
    (_C.MAIL, True): ("Reactie per e-mail ontvangen.",),
    (_C.MAIL, False): ("E-mail gestuurd.",),
    (_C.BRIEF, True): ("Bewoner belde na de brief.",),
    (_C.BRIEF, False): ("Brief met aankondiging huisbezoek verstuurd.",),
}


def _reach_chance(soort: Contactsoort, minute: int, saturday: bool, elderly: bool) -> float:
    if soort is _C.HUISBEZOEK:
        if saturday:
            chance = 0.42
        elif minute >= _EVENING[0]:
            chance = 0.43
        elif minute >= _AFTERNOON[0]:
            chance = 0.31
        else:
            chance = 0.28
        if elderly and minute < _EVENING[0]:
            chance += 0.10
        return chance
    if soort is _C.TELEFOON:
        return 0.45 if minute >= _EVENING[0] else 0.37
    return {_C.SMS_WHATSAPP: 0.07, _C.MAIL: 0.10}.get(soort, 0.05)


class _CaseAttempts:
    def __init__(self, rng: random.Random, melding: Melding, today: date) -> None:
        self._rng = rng
        self._melding = melding
        self._today = today
        anchor = melding.anchor
        self._partner = anchor.partner
        self._external_id = anchor.external_id
        people = [s.person for s in melding.signals]
        self._phone = any(p.telefoon for p in people)
        self._mail = any(p.email for p in people)
        ages = [p.age_on(today) or 0 for p in melding.household.adults(today)]
        self._elderly = bool(ages) and min(ages) >= 67

    def _usable(self, soort: Contactsoort) -> Contactsoort:
        if soort in (_C.TELEFOON, _C.SMS_WHATSAPP) and not self._phone:
            return _C.HUISBEZOEK if soort is _C.TELEFOON else _C.BRIEF
        if soort is _C.MAIL and not self._mail:
            return _C.BRIEF
        return soort

    def _moment(
        self, day: date, soort: Contactsoort, window: tuple[int, int] | None = None
    ) -> tuple[datetime, bool] | None:
        """A time on ``day`` (or the next working day / Saturday), or None if not before today.

        ``window`` forces a weekday time window (a follow-up visit at an untried daypart)."""
        rng = self._rng
        saturday = window is None and soort is _C.HUISBEZOEK and rng.random() < _SATURDAY_VISIT
        if saturday:
            day += timedelta(days=(5 - day.weekday()) % 7)
        else:
            # A weekend day moves to a random weekday of the next week, so Mondays do not
            # collect all the overflow.
            if day.weekday() >= 5:
                day += timedelta(days=7 - day.weekday() + rng.randint(0, 4))
        if day >= self._today:
            return None
        if window is not None:
            low, high = window
        elif saturday:
            low, high = rng.choice(_SATURDAY)
        else:
            low, high = rng.choices((_MORNING, _AFTERNOON, _EVENING), weights=_DAYPARTS[soort])[0]
        minute = rng.randint(low, high)
        moment = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=AMSTERDAM)
        return moment, saturday

    def _attempt(self, soort: Contactsoort, moment: datetime, reached: bool) -> DemoAttempt:
        note = self._rng.choice(_NOTES[(soort, reached)])
        return DemoAttempt(self._partner, self._external_id, soort, reached, moment, note)

    def _follow_up(self, attempts: list[DemoAttempt], day: date) -> None:
        """Visits until the team's minimum effort is met (at least three attempts, personal
        ones at two dayparts, one of them in the evening or on a Saturday), as a team does
        before closing a case as 'no contact': an evening visit first if there was none, then
        untried dayparts. Stops when someone is reached or the next visit would be today."""
        rng = self._rng
        for _ in range(3):
            personal = [a for a in attempts if a.soort in _PERSONAL_SOORTEN]
            parts = {daypart_of(a.occurred_at) for a in personal}
            after_hours = any(
                daypart_of(a.occurred_at) is Dagdeel.AVOND
                or a.occurred_at.astimezone(AMSTERDAM).weekday() == 5
                for a in personal
            )
            if len(attempts) >= _MAX_PER_CASE and len(parts) >= 2 and after_hours:
                return
            untried = [w for part, w in _WINDOWS if part not in parts]
            if self._elderly:
                untried.reverse()  # the elderly are home in the morning, others at night
            window = untried[-1] if untried and after_hours else _EVENING
            slot = self._moment(day, _C.HUISBEZOEK, window)
            if slot is None:
                return
            moment, _ = slot
            minute = moment.hour * 60 + moment.minute
            reached = rng.random() < _reach_chance(_C.HUISBEZOEK, minute, False, self._elderly)
            attempts.append(self._attempt(_C.HUISBEZOEK, moment, reached))
            if reached:
                return
            if rng.random() < 0.8:
                card_at = moment + timedelta(minutes=rng.randint(1, 4))
                attempts.append(self._attempt(_C.KAARTJE, card_at, False))
            day = moment.date() + timedelta(days=rng.randint(2, 6))

    def make(self, budget: int, *, complete: bool = False) -> list[DemoAttempt]:
        rng = self._rng
        anchor = self._melding.anchor
        sent = anchor.signaaldatum or self._today
        warm = any(s.warme_overdracht for s in self._melding.signals)
        crisis = any(s.crisissignaal for s in self._melding.signals)
        plan = list(rng.choices([s for s, _ in _STRATEGIES], weights=_STRATEGY_WEIGHTS)[0])
        if warm and self._phone:
            plan = [_C.TELEFOON, *plan]
        elif crisis:
            plan = [_C.HUISBEZOEK, *plan]
        delay = rng.randint(0, 2) if warm or crisis else rng.randint(3, 14)
        day = sent + timedelta(days=delay)
        attempts: list[DemoAttempt] = []
        for step, planned in enumerate(plan):
            if len(attempts) >= budget:
                break
            soort = self._usable(planned)
            slot = self._moment(day, soort)
            if slot is None:
                break
            moment, saturday = slot
            minute = moment.hour * 60 + moment.minute
            chance = (
                0.75
                if warm and step == 0 and soort is _C.TELEFOON
                else (_reach_chance(soort, minute, saturday, self._elderly))
            )
            reached = rng.random() < chance
            attempts.append(self._attempt(soort, moment, reached))
            if reached:
                return attempts
            # The card is part of the visit, so it may go past the budget, not past 3 in all.
            if soort is _C.HUISBEZOEK and len(attempts) < _MAX_PER_CASE and rng.random() < 0.8:
                card_at = moment + timedelta(minutes=rng.randint(1, 4))
                attempts.append(self._attempt(_C.KAARTJE, card_at, rng.random() < 0.05))
            day = moment.date() + timedelta(days=rng.randint(2, 8))
        if complete and attempts:
            self._follow_up(attempts, day)
        return attempts


def _worked_on(melding: Melding) -> bool:
    """Screened in: not a plain repeat, not all below the threshold, an address to go to."""
    if melding.kind == KIND_REPEAT:
        return False
    if all((s.bedrag_cents or 0) < BELOW_THRESHOLD_CENTS for s in melding.signals):
        return False
    return any(s.address is not None for s in melding.signals)


def make_attempts(
    rng: random.Random, meldingen: Sequence[Melding], *, today: date, months: int
) -> list[DemoAttempt]:
    """Attempts for the meldingen of the older months (and a few older-than-a-week current ones).

    Sorted by time. A few older meldingen have none (e.g. already known at debt counselling).
    """
    attempts: list[DemoAttempt] = []
    current = months - 1
    for melding in meldingen:
        if not _worked_on(melding):
            continue
        complete = False
        if melding.month_index == current:
            sent = melding.anchor.signaaldatum or today
            if (today - sent).days < 7 or rng.random() < 0.5:
                continue
            budget = 1
        else:
            if rng.random() < 0.05:
                continue
            budget = rng.choices((1, 2, 3), weights=(0.2, 0.4, 0.4))[0]
            # Most cases get the full effort; a few stall (sickness, a busy month) and run late.
            complete = rng.random() < _FOLLOW_THROUGH
        attempts.extend(_CaseAttempts(rng, melding, today).make(budget, complete=complete))
    attempts.sort(key=lambda a: (a.occurred_at, a.partner.value, a.external_id, a.soort.value))
    return attempts
