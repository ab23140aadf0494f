"""Backend 3: the team lead checked by hand (BRP-V, a phone call to burgerzaken) and records
the outcome. The choice becomes the same ``Outcome`` an automatic check gives."""

from __future__ import annotations

from enum import StrEnum

from fieldapp.brp.model import BrpAddress
from fieldapp.brp.outcomes import Outcome, Reason, Verdict
from fieldapp.errors import InputRefused


class ManualResult(StrEnum):
    """What the lead may record (``fieldapp server brp record --uitkomst``)."""

    INWONER = "inwoner"
    VERHUISD = "verhuisd"
    OVERLEDEN = "overleden"
    ANDERE_GEMEENTE = "andere_gemeente"
    EMIGRATIE = "emigratie"
    RNI = "rni"
    BRIEFADRES = "briefadres"
    VERBLIJFT_NIET = "verblijft_niet_op_adres"
    BEDRIJF = "bedrijf"


_MAP: dict[ManualResult, tuple[Verdict, Reason]] = {
    ManualResult.INWONER: (Verdict.INWONER, Reason.HANDMATIG),
    ManualResult.VERHUISD: (Verdict.VERHUISD, Reason.HANDMATIG),
    ManualResult.OVERLEDEN: (Verdict.OVERLEDEN, Reason.OVERLIJDEN),
    ManualResult.ANDERE_GEMEENTE: (Verdict.GEEN_INWONER, Reason.ANDERE_GEMEENTE),
    ManualResult.EMIGRATIE: (Verdict.GEEN_INWONER, Reason.EMIGRATIE),
    ManualResult.RNI: (Verdict.GEEN_INWONER, Reason.RNI),
    ManualResult.BRIEFADRES: (Verdict.CONTROLE, Reason.BRIEFADRES),
    ManualResult.VERBLIJFT_NIET: (Verdict.CONTROLE, Reason.VERBLIJFT_NIET_OP_ADRES),
    ManualResult.BEDRIJF: (Verdict.BEDRIJF, Reason.BEDRIJFSNAAM),
}


def parse_manual(text: str) -> ManualResult:
    try:
        return ManualResult(text.strip().casefold())
    except ValueError:
        names = ", ".join(m.value for m in ManualResult)
        raise InputRefused(f"Onbekende uitkomst. Kies een van: {names}") from None


def manual_outcome(
    result: ManualResult,
    *,
    gemeentecode: str | None = None,
    new_address: BrpAddress | None = None,
    bag_id: str | None = None,
) -> Outcome:
    """The outcome of a hand check. ``verhuisd`` needs the new address (in the gemeente)."""
    verdict, reason = _MAP[result]
    if verdict is Verdict.VERHUISD and new_address is None:
        raise InputRefused("Bij 'verhuisd' hoort het nieuwe adres (--postcode en --huisnummer).")
    if verdict is not Verdict.VERHUISD and new_address is not None:
        raise InputRefused("Een nieuw adres hoort alleen bij de uitkomst 'verhuisd'.")
    return Outcome(verdict, reason, gemeentecode, bag_id, new_address)
