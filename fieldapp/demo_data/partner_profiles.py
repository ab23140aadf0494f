"""What each kind of signal partner sends: share, amounts, timing and which fields it knows.

Amounts are triangular (low, high, mode) in euros; ``lag_days`` is how long before the
signaaldatum the arrears began (Zorg signals after 2-4 months, Huur/Energie/Water after
about a month, CAK Zorgverzekeringen after more than 6). The field chances make about 60% of
signals carry a BSN: health insurers and government partners know it, landlords and
utilities mostly do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.domain.ddas import Signaalpartner


@dataclass(frozen=True, slots=True)
class PartnerProfile:
    """One partner type; the float fields are chances (or, for ``weight``, a share)."""

    prefix: str
    weight: float
    amount_eur: tuple[float, float, float]  # low, high, mode (triangular)
    lag_days: tuple[int, int]  # ontstaansdatum this long before signaaldatum
    # chance the partner sends each field (when the person has it)
    voornaam: float
    geboortedatum: float
    bsn: float
    telefoon: float
    email: float
    warm: float = 0.0
    crisis: float = 0.0


_GOV = {"voornaam": 0.9, "geboortedatum": 1.0, "bsn": 1.0, "telefoon": 0.3, "email": 0.2}

PROFILES: dict[Signaalpartner, PartnerProfile] = {
    Signaalpartner.ZORG: PartnerProfile(
        "ZORG", 42.5, (150, 600, 280), (60, 120), 0.6, 1.0, 0.95, 0.7, 0.4, 0.02
    ),
    Signaalpartner.HUUR: PartnerProfile(
        "HUUR", 20.0, (400, 2500, 950), (30, 75), 0.8, 0.5, 0.35, 0.8, 0.5, 0.07, 0.02
    ),
    Signaalpartner.ENERGIE: PartnerProfile(
        "ENERGIE", 20.0, (100, 900, 320), (30, 90), 0.5, 0.4, 0.3, 0.6, 0.5, 0.02, 0.2
    ),
    Signaalpartner.WATER: PartnerProfile(
        "WATER", 18.0, (40, 250, 95), (30, 120), 0.4, 0.3, 0.3, 0.4, 0.3, 0.01
    ),
    Signaalpartner.BELASTINGDIENST: PartnerProfile("BD", 0.15, (150, 3000, 700), (60, 180), **_GOV),
    Signaalpartner.CAK_EIGEN_BIJDRAGE: PartnerProfile(
        "CAKEB", 0.2, (100, 1500, 350), (90, 240), **_GOV
    ),
    Signaalpartner.CAK_ZORGVERZEKERINGEN: PartnerProfile(
        "CAKZVW", 0.2, (600, 2500, 1200), (180, 300), **_GOV
    ),
    Signaalpartner.DIENST_TOESLAGEN: PartnerProfile(
        "TOESL", 0.1, (250, 4000, 900), (60, 240), **_GOV
    ),
    Signaalpartner.DUO: PartnerProfile("DUO", 0.15, (300, 2500, 800), (60, 240), **_GOV),
    Signaalpartner.HYPOTHEEK: PartnerProfile(
        "HYPO", 0.15, (1200, 6000, 2400), (30, 90), 0.9, 1.0, 0.5, 0.8, 0.6, 0.05
    ),
    Signaalpartner.OVERIGE: PartnerProfile(
        "OVERIG", 0.05, (100, 1000, 300), (30, 120), 0.7, 0.5, 0.3, 0.5, 0.3
    ),
}
