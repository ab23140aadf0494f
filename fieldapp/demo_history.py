"""The demo's history, replayed day by day as a team lived it.

Each day's signals are imported on the day they were sent (partners deliver daily through the
Inlichtingenbureau), so a case opens on its first signal's day and its deadline can never lie
before that. The town's earlier attempts are then logged on their own day, against the case
that was open then, and cases close when a team would close them:

- reached: a result a week or two after the conversation;
- not reached, the minimum-effort standard met: "definitief geen contact" a week after the
  last attempt (only then, whatever ``afdwingen`` says);
- no attempt three weeks after the signal: screened out as already known at debt counselling
  (or, without an address, as no longer living in the town).

Because closures happen in order, a later signal about a closed household opens a new case
(as intake does), instead of joining a case that closed before it arrived. What stays open is
the recent work plus a realistic minority that ran past its 28 days.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.demo_town import DemoAttempt, DemoTown
from fieldapp.domain.dayparts import AMSTERDAM
from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.effort import effort_shortfalls
from fieldapp.domain.priority import Policy
from fieldapp.domain.signals import IncomingSignal
from fieldapp.intake.report import ParsedFile
from fieldapp.services.attempts import record_attempt
from fieldapp.services.cases import close_case
from fieldapp.services.intake import import_parsed
from fieldapp.store.repos.convert import attempt_of
from fieldapp.store.schema import AttemptRow, CaseRow, SignalRow

Sessions = Callable[[], AbstractContextManager[Session]]

_NS = uuid.UUID("6f1c7d1e-9a55-4d3c-8f3e-2a7b0c9d1e55")
_SCREEN_DAYS = 21  # no attempt three weeks after the signal: screened out
_NO_CONTACT_AFTER = 7  # days after the last unanswered attempt
_REACHED_RESULTS = (
    Eindresultaat.VERVOLGHULP_FINANCIEEL,
    Eindresultaat.REGELT_HET_ZELF,
    Eindresultaat.BUDGETADVIES_QUICK_FIX,
    Eindresultaat.ZELF_BETAALD,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL,
)


@dataclass(slots=True)
class _Pending:
    day: date
    resultaat: Eindresultaat | None  # None: decide then (no contact if the standard is met)


@dataclass(slots=True)
class _Replay:
    session: Session
    town: DemoTown
    today: date
    policy: Policy
    rng: random.Random
    pending: dict[str, _Pending] = field(default_factory=dict)
    fallback_worker: str = ""

    def import_day(self, day: date, signals: list[IncomingSignal]) -> None:
        parsed = ParsedFile(
            path=f"demo-{day.isoformat()}.csv",
            format="csv",
            rows=len(signals),
            signals=signals,
            rejected=[],
            duplicates_in_file=0,
            sha256=uuid.uuid5(_NS, f"{self.town.seed}-{day}").hex * 2,
        )
        report = import_parsed(self.session, [parsed], policy=self.policy, today=day)
        opened = set(self.session.scalars(select(CaseRow.id).where(CaseRow.opened_on == day)).all())
        later = day + timedelta(days=_SCREEN_DAYS)
        for case_id in report.changes.case_ids - opened:
            # New signals on an open case: a 'no contact' decision waits for the new attempts.
            plan = self.pending.get(case_id)
            if plan is None or plan.resultaat is None:
                self.pending[case_id] = _Pending(later, None)
        for case_id in opened:
            self.pending[case_id] = _Pending(later, None)

    def log(self, n: int, attempt: DemoAttempt) -> None:
        s = self.session
        case_id = s.scalar(
            select(SignalRow.case_id).where(
                SignalRow.partner == attempt.partner.value,
                SignalRow.external_id == attempt.external_id,
            )
        )
        case = s.get(CaseRow, case_id) if case_id else None
        if case is None or case.status != "open":
            return
        record_attempt(
            s,
            attempt_id=str(uuid.uuid5(_NS, f"attempt-{n}")),
            case_id=case.id,
            soort=attempt.soort,
            bereikt=attempt.bereikt,
            occurred_at=attempt.occurred_at,
            note=attempt.note,
            worker_id=self.town.worker_for_wijk.get(case.wijk, self.fallback_worker),
        )
        day = attempt.occurred_at.date()
        if attempt.bereikt:
            result = self.rng.choice(_REACHED_RESULTS)
            self.pending[case.id] = _Pending(day + timedelta(days=self.rng.randint(5, 16)), result)
        else:
            self.pending[case.id] = _Pending(day + timedelta(days=_NO_CONTACT_AFTER), None)

    def close_due(self, day: date) -> None:
        s = self.session
        for case_id in sorted(c for c, p in self.pending.items() if p.day == day):
            plan = self.pending.pop(case_id)
            case = s.get(CaseRow, case_id)
            if case is None or case.status != "open":
                continue
            attempts = [
                attempt_of(a)
                for a in s.scalars(select(AttemptRow).where(AttemptRow.case_id == case_id))
            ]
            result = plan.resultaat
            if result is None and any(a.bereikt for a in attempts):
                result = self.rng.choice(_REACHED_RESULTS)
            elif result is None and not attempts:
                no_address = case.huisnummer is None
                result = (
                    Eindresultaat.GEEN_INWONER if no_address else Eindresultaat.AL_BEKEND_BIJ_SHV
                )
            elif result is None:
                if effort_shortfalls(attempts, self.policy.effort):
                    continue  # not done yet: stays open (and may run late)
                result = Eindresultaat.DEFINITIEF_GEEN_CONTACT
            last = max((a.occurred_at for a in attempts), default=None)
            at = datetime.combine(day, time(16, self.rng.randint(0, 59)), AMSTERDAM)
            if last is not None and last >= at:
                continue
            close_case(
                s,
                event_id=str(uuid.uuid5(_NS, f"close-{case_id}")),
                case_id=case_id,
                resultaat=result,
                at=at,
                policy=self.policy,
            )


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def replay_history(
    session: Session, *, town: DemoTown, today: date, policy: Policy, fallback_worker: str
) -> None:
    """Import, log and close the town's history in date order, up to and including ``today``
    (attempts and closures only before it)."""
    signals_by_day: dict[date, list[IncomingSignal]] = defaultdict(list)
    for signal in town.signals:
        signals_by_day[signal.effective_date or today].append(signal)
    attempts_by_day: dict[date, list[tuple[int, DemoAttempt]]] = defaultdict(list)
    for n, attempt in enumerate(town.attempts):
        attempts_by_day[attempt.occurred_at.date()].append((n, attempt))
    replay = _Replay(
        session,
        town,
        today,
        policy,
        random.Random(f"veldwerk-demo:{town.seed}:closures"),
        fallback_worker=fallback_worker,
    )
    first = min(signals_by_day, default=today)
    for day in _days(first, today):
        if signals_by_day.get(day):
            replay.import_day(day, signals_by_day[day])
        if day < today:
            for n, attempt in attempts_by_day.get(day, []):
                replay.log(n, attempt)
            replay.close_due(day)
