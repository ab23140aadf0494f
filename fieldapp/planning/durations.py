"""How long a visit takes: the team's own medians per outcome, else 12 / 30 minutes.

A visit where nobody opens (ring, wait, leave a card) and a conversation take very different
times; the planned (expected) duration weighs both by the chance of contact.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.domain.ddas import Contactsoort
from fieldapp.planning.instance import Attempt

DEFAULT_NOT_HOME_MIN = 12.0
DEFAULT_CONVERSATION_MIN = 30.0
MIN_SAMPLES = 10
"""Fewer timed visits than this for an outcome: use the default for that outcome."""


@dataclass(frozen=True, slots=True)
class DurationModel:
    not_home: float = DEFAULT_NOT_HOME_MIN
    conversation: float = DEFAULT_CONVERSATION_MIN
    not_home_samples: int = 0
    conversation_samples: int = 0

    def expected(self, chance: float) -> int:
        """Whole minutes (rounded up) a visit with this chance of contact is planned for."""
        minutes = chance * self.conversation + (1.0 - chance) * self.not_home
        return max(1, math.ceil(minutes - 1e-9))


def learn_durations(
    attempts: Iterable[Attempt], *, min_samples: int = MIN_SAMPLES
) -> DurationModel:
    """Medians of the team's timed home visits per outcome (``Attempt.minutes``)."""
    reached: list[float] = []
    missed: list[float] = []
    for a in attempts:
        if a.minutes is None or a.soort is not Contactsoort.HUISBEZOEK:
            continue
        (reached if a.bereikt else missed).append(a.minutes)
    return DurationModel(
        not_home=statistics.median(missed) if len(missed) >= min_samples else DEFAULT_NOT_HOME_MIN,
        conversation=(
            statistics.median(reached) if len(reached) >= min_samples else DEFAULT_CONVERSATION_MIN
        ),
        not_home_samples=len(missed),
        conversation_samples=len(reached),
    )
