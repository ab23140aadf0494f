"""What a write changed, so each view redraws only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    cases: bool = False
    attempts: bool = False
    signals: bool = False
    plans: bool = False
    workers: bool = False
    sync: bool = False
    case_ids: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            cases=self.cases or other.cases,
            attempts=self.attempts or other.attempts,
            signals=self.signals or other.signals,
            plans=self.plans or other.plans,
            workers=self.workers or other.workers,
            sync=self.sync or other.sync,
            case_ids=self.case_ids | other.case_ids,
        )

    @property
    def any(self) -> bool:
        return any((self.cases, self.attempts, self.signals, self.plans, self.workers, self.sync))


NO_CHANGES = Changes()
