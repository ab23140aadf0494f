"""The extract backend behind the one provider interface.

The records live in the encrypted server store (``fieldapp.server.brp_extract``); this module
only needs a lookup that finds them by BSN or by address, and applies the API's search rules:
living persons only, birth date and surname narrow the search, the surname compares without
diacritics and case, more than ``MAX_ADDRESS_HITS`` is ``tooManyResults``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from fieldapp.brp.extract import ExtractRecord
from fieldapp.brp.model import (
    AddressQuery,
    BrpPerson,
    QueryContext,
    QueryLog,
    QueryRecord,
    SearchHit,
    SearchResult,
    SearchStatus,
)
from fieldapp.brp.names import fold

MAX_ADDRESS_HITS = 30  # the API's cap for address searches since v2.5.0
BACKEND = "extract"


class ExtractLookup(Protocol):
    def by_bsns(self, bsns: Sequence[str]) -> dict[str, ExtractRecord]: ...

    def at_address(self, postcode: str, huisnummer: int) -> list[ExtractRecord]: ...


class ExtractProvider:
    name = BACKEND

    def __init__(self, lookup: ExtractLookup) -> None:
        self._lookup = lookup

    def _log(
        self, log: QueryLog, ctx: QueryContext, kind: str, asked: int, n: int, out: str
    ) -> None:
        log(
            QueryRecord(
                backend=BACKEND,
                kind=kind,
                correlation_id=ctx.correlation_id,
                user=ctx.user,
                task=ctx.task,
                asked=asked,
                delivered=n,
                outcome=out,
            )
        )

    def persons_by_bsn(
        self, bsns: Sequence[str], ctx: QueryContext, log: QueryLog
    ) -> dict[str, BrpPerson]:
        found = self._lookup.by_bsns(sorted(set(bsns)))
        self._log(log, ctx, "extract_bsn", len(set(bsns)), len(found), "ok")
        return {bsn: record.to_person() for bsn, record in found.items()}

    def search_address(self, query: AddressQuery, ctx: QueryContext, log: QueryLog) -> SearchResult:
        suffix = f"{query.huisletter}{query.toevoeging}".upper()
        hits = [
            r
            for r in self._lookup.at_address(query.postcode, query.huisnummer)
            if r.living_resident and r.address is not None and r.address.toevoeging == suffix
        ]
        if query.geboortedatum is not None:
            hits = [r for r in hits if r.geboortedatum == query.geboortedatum]
        if query.geslachtsnaam:
            wanted = fold(query.geslachtsnaam)
            hits = [r for r in hits if fold(r.geslachtsnaam) == wanted]
        if len(hits) > MAX_ADDRESS_HITS:
            self._log(log, ctx, "extract_adres", 1, 0, "too_many")
            return SearchResult(SearchStatus.TOO_MANY)
        self._log(log, ctx, "extract_adres", 1, len(hits), "ok")
        return SearchResult(
            SearchStatus.OK,
            tuple(
                SearchHit(
                    r.bsn,
                    r.geslachtsnaam if query.with_names else "",
                    r.voorvoegsel if query.with_names else "",
                )
                for r in hits
            ),
        )
