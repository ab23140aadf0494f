"""Terugmelding: what a signal partner may learn about its own signals, and nothing more.

Per signal: the partner's own signal ID, the DDAS signal status and, once the case is closed,
one coarse result (``wil_hulp`` / ``niet_bereikt_of_geen_hulp`` / ``niet_opgepakt`` /
``al_bekend_bij_shv``). Never the reason behind "Niet opgepakt: andere reden" (an opt-out, an
unsafe address...), never names, addresses, notes, amounts or the exact result.

A signal of someone on the opt-out list ("wil niet benaderd worden") reads "Niet opgepakt:
andere reden", whatever happened to other signals of the household. So does a signal the BRP
check found to be about a deceased person: the death is BRP data, not the partner's to learn.
"Persoon is geen inwoner (meer) in de gemeente" is shown: the partner must send the signal to
the right municipality (DDAS/GGM).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain.ddas import Eindresultaat, Signaalpartner, Signaalstatus
from fieldapp.domain.signals import FLAG_OPT_OUT
from fieldapp.errors import InputRefused
from fieldapp.intake.normalise import escape_for_spreadsheet
from fieldapp.store.schema import CaseRow, SignalRow


class Terugmelding(StrEnum):
    WIL_HULP = "wil_hulp"
    NIET_BEREIKT_OF_GEEN_HULP = "niet_bereikt_of_geen_hulp"
    NIET_OPGEPAKT = "niet_opgepakt"
    AL_BEKEND_BIJ_SHV = "al_bekend_bij_shv"


LABELS_NL: dict[Terugmelding, str] = {
    Terugmelding.WIL_HULP: "Inwoner wil hulp",
    Terugmelding.NIET_BEREIKT_OF_GEEN_HULP: "Niet bereikt of geen hulp gewenst",
    Terugmelding.NIET_OPGEPAKT: "Signaal niet opgepakt",
    Terugmelding.AL_BEKEND_BIJ_SHV: "Al bekend bij schuldhulpverlening",
}

_COARSE: dict[Eindresultaat, Terugmelding] = {
    Eindresultaat.VERVOLGHULP: Terugmelding.WIL_HULP,
    Eindresultaat.VERVOLGHULP_FINANCIEEL: Terugmelding.WIL_HULP,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL: Terugmelding.WIL_HULP,
    Eindresultaat.BUDGETADVIES_QUICK_FIX: Terugmelding.WIL_HULP,
    Eindresultaat.DEFINITIEF_GEEN_CONTACT: Terugmelding.NIET_BEREIKT_OF_GEEN_HULP,
    Eindresultaat.GEEN_REACTIE_NA_CONTACT: Terugmelding.NIET_BEREIKT_OF_GEEN_HULP,
    Eindresultaat.REGELT_HET_ZELF: Terugmelding.NIET_BEREIKT_OF_GEEN_HULP,
    Eindresultaat.ZELF_BETAALD: Terugmelding.NIET_BEREIKT_OF_GEEN_HULP,
    Eindresultaat.ANDER_LOPEND_TRAJECT: Terugmelding.NIET_BEREIKT_OF_GEEN_HULP,
    # A referral the resident took no part in says nothing the partner may learn.
    Eindresultaat.VERWIJZING_ZONDER_TUSSENKOMST: Terugmelding.NIET_BEREIKT_OF_GEEN_HULP,
    Eindresultaat.AL_BEKEND_BIJ_SHV: Terugmelding.AL_BEKEND_BIJ_SHV,
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: Terugmelding.NIET_OPGEPAKT,
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: Terugmelding.NIET_OPGEPAKT,
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT: Terugmelding.NIET_OPGEPAKT,
    Eindresultaat.GEEN_INWONER: Terugmelding.NIET_OPGEPAKT,
    Eindresultaat.OVERLEDEN: Terugmelding.NIET_OPGEPAKT,
}
_NOT_TAKEN_UP = frozenset(
    {
        Signaalstatus.NIET_OPGEPAKT_ANDERE_REDEN,
        Signaalstatus.NIET_OPGEPAKT_HERHAALDE_MELDING,
        Signaalstatus.NIET_OPGEPAKT_ONTERECHT,
        Signaalstatus.GEEN_INWONER,
        Signaalstatus.OVERLEDEN,
    }
)
COLUMNS = ("signaal_id", "signaalstatus", "terugmelding", "terugmelding_tekst")


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    signal_id: str  # the partner's own ID
    status: Signaalstatus
    result: Terugmelding | None

    def cells(self) -> tuple[str, str, str, str]:
        code = self.result.value if self.result else ""
        text = LABELS_NL[self.result] if self.result else ""
        return (self.signal_id, self.status.value, code, text)


def parse_partner(text: str) -> Signaalpartner:
    wanted = text.strip().casefold()
    for partner in Signaalpartner:
        if partner.value.casefold() == wanted or partner.name.casefold() == wanted:
            return partner
    names = ", ".join(p.value for p in Signaalpartner)
    raise InputRefused(f"Onbekende signaalpartner. Kies een van: {names}")


def coarse_result(
    status: Signaalstatus, case_status: str | None, resultaat: str | None
) -> Terugmelding | None:
    if status in _NOT_TAKEN_UP:
        return Terugmelding.NIET_OPGEPAKT
    if status is Signaalstatus.AL_BEKEND_BIJ_SHV:
        return Terugmelding.AL_BEKEND_BIJ_SHV
    if case_status != "gesloten" or not resultaat:
        return None
    return _COARSE.get(Eindresultaat(resultaat))


def feedback_rows(
    session: Session,
    *,
    partner: Signaalpartner,
    start: date,
    end: date,
    case_ids: Collection[str] | None = None,
) -> list[FeedbackRow]:
    """The partner's signals dated in [start, end] (its own signaldatum, else the day we
    received it: the date the partner knows), oldest first. ``case_ids``: only signals of
    these cases (a server answers for one team)."""
    if end < start:
        raise InputRefused("De periode klopt niet: --tot ligt vóór --van.")
    dated = func.coalesce(SignalRow.signaaldatum, SignalRow.received_on)
    query = (
        select(
            SignalRow.external_id,
            SignalRow.case_id,
            SignalRow.status,
            SignalRow.flags,
            CaseRow.status.label("case_status"),
            CaseRow.resultaat,
        )
        .outerjoin(CaseRow, CaseRow.id == SignalRow.case_id)
        .where(
            SignalRow.partner == partner.value,
            dated >= start,
            dated <= end,
        )
        .order_by(dated, SignalRow.external_id)
    )
    rows: list[FeedbackRow] = []
    allowed = None if case_ids is None else set(case_ids)
    for r in session.execute(query):
        if allowed is not None and r.case_id not in allowed:
            continue
        status = Signaalstatus(r.status)
        if FLAG_OPT_OUT in (r.flags or []) or status is Signaalstatus.OVERLEDEN:
            # A death is a BRP fact the partner has no ground to learn from us (issue 13).
            status = Signaalstatus.NIET_OPGEPAKT_ANDERE_REDEN
        rows.append(
            FeedbackRow(r.external_id, status, coarse_result(status, r.case_status, r.resultaat))
        )
    return rows


def to_csv(rows: list[FeedbackRow]) -> bytes:
    """Semicolon CSV (Dutch spreadsheets), UTF-8 with BOM; every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([escape_for_spreadsheet(c) for c in row.cells()])
    return buffer.getvalue().encode("utf-8-sig")


def to_json(rows: list[FeedbackRow], *, partner: Signaalpartner, start: date, end: date) -> bytes:
    doc = {
        "signaalpartner": partner.value,
        "van": start.isoformat(),
        "tot": end.isoformat(),
        "terugmeldingen": [dict(zip(COLUMNS, row.cells(), strict=True)) for row in rows],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
