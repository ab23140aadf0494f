"""Check a set of people against one provider: BSN lookups in batches, address searches with
the Dutch-name rules, company names routed away before any query.

Returns one ``Outcome`` per subject key; the caller stores it (verdict, time, gemeentecode, BAG
id) and applies it to the case. No BRP payload leaves this function: a ``BrpPerson`` is reduced
to its outcome here.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from fieldapp.brp.model import (
    AddressQuery,
    BrpProvider,
    QueryContext,
    QueryLog,
    SearchResult,
    SearchStatus,
)
from fieldapp.brp.names import fold, is_company_name, names_match, surname_candidates
from fieldapp.brp.outcomes import Outcome, Reason, Verdict, decide
from fieldapp.domain.people import Address


@dataclass(frozen=True, slots=True)
class Subject:
    """One person of a case to check. ``key`` is opaque to this module (the person id)."""

    key: str
    bsn: str | None
    achternaam: str
    voorvoegsel: str
    geboortedatum: date | None
    address: Address | None


def _manual(reason: Reason) -> Outcome:
    return Outcome(Verdict.HANDMATIG, reason)


def split_suffix(toevoeging: str) -> tuple[str, str]:
    """Our one suffix -> the API's (huisletter, huisnummertoevoeging): ``A`` is a huisletter,
    ``A2`` huisletter A + toevoeging 2, ``HS`` / ``2`` / ``BIS`` a toevoeging."""
    if len(toevoeging) == 1 and toevoeging.isalpha():
        return toevoeging, ""
    if len(toevoeging) > 1 and toevoeging[0].isalpha() and toevoeging[1:].isdigit():
        return toevoeging[0], toevoeging[1:]
    return "", toevoeging


def check_subjects(
    provider: BrpProvider,
    subjects: Sequence[Subject],
    ctx: QueryContext,
    log: QueryLog,
    own_gemeentecodes: Collection[str],
) -> dict[str, Outcome]:
    outcomes: dict[str, Outcome] = {}
    rest: list[Subject] = []
    for s in subjects:
        if is_company_name(f"{s.voorvoegsel} {s.achternaam}"):
            outcomes[s.key] = Outcome(Verdict.BEDRIJF, Reason.BEDRIJFSNAAM)
        elif s.bsn is None and s.address is None:
            outcomes[s.key] = _manual(Reason.NIET_GEVONDEN)
        else:
            rest.append(s)
    with_bsn = [s for s in rest if s.bsn]
    if with_bsn:
        persons = provider.persons_by_bsn([s.bsn for s in with_bsn if s.bsn], ctx, log)
        for s in with_bsn:
            person = persons.get(s.bsn or "")
            outcomes[s.key] = (
                decide(person, s.address, own_gemeentecodes)
                if person is not None
                else _manual(Reason.NIET_GEVONDEN)
            )
    for s in rest:
        if s.bsn or s.address is None:
            continue
        found = _find_bsn(provider, s, s.address, ctx, log)
        if isinstance(found, Outcome):
            outcomes[s.key] = found
            continue
        person = provider.persons_by_bsn([found], ctx, log).get(found)
        outcomes[s.key] = (
            decide(person, s.address, own_gemeentecodes)
            if person is not None
            else _manual(Reason.NIET_GEVONDEN)
        )
    return outcomes


def _query(
    address: Address, born: date | None, *, geslachtsnaam: str = "", with_names: bool = False
) -> AddressQuery:
    letter, suffix = split_suffix(address.toevoeging)
    return AddressQuery(
        postcode=address.postcode,
        huisnummer=address.huisnummer,
        huisletter=letter,
        toevoeging=suffix,
        geboortedatum=born,
        geslachtsnaam=geslachtsnaam,
        with_names=with_names,
    )


def _single(result: SearchResult) -> str | Outcome | None:
    if result.status is SearchStatus.TOO_MANY:
        return _manual(Reason.TE_VEEL)
    if len(result.hits) == 1:
        return result.hits[0].bsn
    if len(result.hits) > 1:
        return _manual(Reason.MEERDERE)
    return None


def _find_bsn(
    provider: BrpProvider, s: Subject, address: Address, ctx: QueryContext, log: QueryLog
) -> str | Outcome:
    """The BSN of the one living resident at the address who is this subject, else the manual
    outcome. Exact surname candidates first (folded: no diacritics, no voorvoegsel), then one
    wider search whose names are compared locally (ss/s, birth vs partner name)."""
    candidates = surname_candidates(s.achternaam, s.voorvoegsel)
    for name in candidates:
        query = _query(address, s.geboortedatum, geslachtsnaam=fold(name))
        found = _single(provider.search_address(query, ctx, log))
        if found is not None:
            return found
    if not candidates:
        return _manual(Reason.NIET_GEVONDEN)
    wide = provider.search_address(_query(address, s.geboortedatum, with_names=True), ctx, log)
    if wide.status is SearchStatus.TOO_MANY:
        return _manual(Reason.TE_VEEL)
    fits = [h for h in wide.hits if names_match(h.geslachtsnaam, h.voorvoegsel, candidates)]
    if len(fits) == 1:
        return fits[0].bsn
    return _manual(Reason.MEERDERE if fits else Reason.NIET_GEVONDEN)
