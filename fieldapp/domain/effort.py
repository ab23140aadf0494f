"""The minimum-effort standard: may a case close as 'no contact' yet?"""

from __future__ import annotations

from collections.abc import Sequence

from fieldapp.domain.attempts import ContactAttempt, effective_attempts
from fieldapp.domain.priority import EffortStandard


def effort_shortfalls(attempts: Sequence[ContactAttempt], standard: EffortStandard) -> list[str]:
    """Dutch descriptions of what is still missing; empty when the standard is met.

    Voided attempts and void entries do not count.
    """
    counted = effective_attempts(list(attempts))
    missing: list[str] = []
    if len(counted) < standard.min_attempts:
        missing.append(f"minstens {standard.min_attempts} pogingen (nu {len(counted)})")
    channels = {a.soort for a in counted}
    if len(channels) < standard.min_channels:
        missing.append(f"minstens {standard.min_channels} kanalen (nu {len(channels)})")
    personal = sum(1 for a in counted if a.soort.is_personal)
    if personal < standard.min_personal:
        missing.append(f"minstens {standard.min_personal} persoonlijke poging(en) (nu {personal})")
    dayparts = {a.dagdeel for a in counted if a.soort.is_personal}
    if len(dayparts) < standard.min_dayparts:
        missing.append(
            f"minstens {standard.min_dayparts} verschillende dagdelen (nu {len(dayparts)})"
        )
    return missing
