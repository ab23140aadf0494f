"""The afwegingskader TOML file's shape (pydantic), and Dutch messages for what is wrong.

Keys are the Dutch ones of ``fieldapp/defaults/afwegingskader.toml``; a key that is absent
keeps the ``Policy()`` default, an unknown key is ignored (a newer file on an older app).
Types are strict: ``3`` is a number, ``"3"`` and ``true`` are not.
"""

from __future__ import annotations

from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fieldapp.domain.priority import AmountBand, EffortStandard, Policy

T = TypeVar("T")
Euro = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]

_PHRASES = {
    "int_type": "moet een geheel getal zijn",
    "float_type": "moet een bedrag of getal zijn",
    "greater_than_equal": "mag niet negatief zijn",
    "bool_type": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "model_type": "moet een tabel zijn",
    "list_type": "moet een lijst zijn",
    "missing": "ontbreekt",
}


def describe_validation_error(exc: ValidationError) -> str:
    """'termijnen.crisis_dagen moet een geheel getal zijn' for the first problem (the key and
    what is expected; the value itself is not repeated)."""
    first = exc.errors(include_input=False, include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "het bestand"
    return f"{where} {_PHRASES.get(first['type'], 'is ongeldig')}"


class _Table(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class Drempel(_Table):
    bedrag_euro: Euro | None = None
    uitzondering_huur: bool | None = None


class Termijnen(_Table):
    eerste_contact_dagen: Count | None = None
    crisis_dagen: Count | None = None
    opeenvolgend_maanden: Count | None = None
    jongere_max_leeftijd: Count | None = None


class Gewichten(_Table):
    meervoudig: int | None = None
    opeenvolgend: int | None = None
    huur: int | None = None
    crisis: int | None = None
    jongere: int | None = None
    warme_overdracht: int | None = None
    termijn_binnen_week: int | None = None
    termijn_verlopen: int | None = None


class Inspanning(_Table):
    afdwingen: bool | None = None
    min_pogingen: Count | None = None
    min_kanalen: Count | None = None
    min_persoonlijk: Count | None = None
    min_dagdelen: Count | None = None
    min_buiten_kantoortijd: Count | None = None


class Bewaren(_Table):
    maanden: Count | None = None


class Bedrag(_Table):
    vanaf_euro: Euro
    punten: int = 0


def _or(value: T | None, default: T) -> T:
    return default if value is None else value


class PolicyFile(_Table):
    naam: str | None = None
    drempel: Drempel = Drempel()
    termijnen: Termijnen = Termijnen()
    gewichten: Gewichten = Gewichten()
    inspanning: Inspanning = Inspanning()
    bewaren: Bewaren = Bewaren()
    bedragen: list[Bedrag] = []

    def to_policy(self) -> Policy:
        base, d, t, g, i = Policy(), self.drempel, self.termijnen, self.gewichten, self.inspanning
        threshold = base.threshold_cents if d.bedrag_euro is None else round(d.bedrag_euro * 100)
        bands = tuple(AmountBand(round(b.vanaf_euro * 100), b.punten) for b in self.bedragen)
        return Policy(
            name=_or(self.naam, base.name),
            threshold_cents=threshold,
            threshold_exempt_huur=_or(d.uitzondering_huur, base.threshold_exempt_huur),
            deadline_days=_or(t.eerste_contact_dagen, base.deadline_days),
            crisis_deadline_days=_or(t.crisis_dagen, base.crisis_deadline_days),
            consecutive_months=_or(t.opeenvolgend_maanden, base.consecutive_months),
            young_max_age=_or(t.jongere_max_leeftijd, base.young_max_age),
            weight_meervoudig=_or(g.meervoudig, base.weight_meervoudig),
            weight_opeenvolgend=_or(g.opeenvolgend, base.weight_opeenvolgend),
            weight_huur=_or(g.huur, base.weight_huur),
            weight_crisis=_or(g.crisis, base.weight_crisis),
            weight_young=_or(g.jongere, base.weight_young),
            weight_warme_overdracht=_or(g.warme_overdracht, base.weight_warme_overdracht),
            weight_deadline_week=_or(g.termijn_binnen_week, base.weight_deadline_week),
            weight_deadline_overdue=_or(g.termijn_verlopen, base.weight_deadline_overdue),
            amount_bands=bands or base.amount_bands,
            retention_months=_or(self.bewaren.maanden, base.retention_months),
            effort=EffortStandard(
                enforced=_or(i.afdwingen, base.effort.enforced),
                min_attempts=_or(i.min_pogingen, base.effort.min_attempts),
                min_channels=_or(i.min_kanalen, base.effort.min_channels),
                min_personal=_or(i.min_persoonlijk, base.effort.min_personal),
                min_dayparts=_or(i.min_dagdelen, base.effort.min_dayparts),
                min_outside_office=_or(i.min_buiten_kantoortijd, base.effort.min_outside_office),
            ),
        )
