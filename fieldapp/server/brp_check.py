"""Run BRP checks from the server: on intake, on demand (CLI, the desk) and by hand.

Order of work, so no network call holds a write transaction:
1. read the people to check (one read session);
2. ask the backend (Haal Centraal over the network, or the stored extract);
3. write the query log in its own transaction, also when step 2 failed (protocollering);
4. apply the outcomes in one write transaction, with one audit event (ids and counts).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fieldapp.brp.check import Subject, check_subjects
from fieldapp.brp.config import BrpConfig, load_config
from fieldapp.brp.extract_provider import ExtractProvider
from fieldapp.brp.haal_centraal import HaalCentraalProvider
from fieldapp.brp.model import BrpProvider, BrpUnavailable, QueryContext, QueryRecord
from fieldapp.brp.names import is_company_name
from fieldapp.brp.outcomes import Outcome, Reason, Verdict
from fieldapp.domain.cases import CaseStatus
from fieldapp.domain.people import Address
from fieldapp.domain.priority import Policy
from fieldapp.server import audit
from fieldapp.server.brp_apply import apply_outcomes
from fieldapp.server.brp_extract import StoredExtract, current_extract
from fieldapp.server.db.brp_schema import BrpCheckRow, BrpQueryRow
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.store.schema import CaseRow, PersonRow

log = logging.getLogger("fieldapp.server.brp")


@dataclass(slots=True)
class CheckReport:
    correlation_id: str
    checked: int = 0
    by_verdict: Counter[str] = field(default_factory=Counter)
    moved: int = 0
    queries: int = 0
    case_ids: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        return {
            "correlation_id": self.correlation_id,
            "checked": self.checked,
            "by_verdict": dict(sorted(self.by_verdict.items())),
            "moved": self.moved,
            "queries": self.queries,
        }


def load_subjects(
    session: Session, *, case_ids: Sequence[str] | None = None, recheck: bool = False
) -> tuple[list[Subject], dict[str, str]]:
    """People of open cases (only ``case_ids`` when given); without ``recheck`` only people
    never checked before. Returns the subjects and person id -> case id."""
    query = (
        select(PersonRow, CaseRow)
        .join(CaseRow, CaseRow.id == PersonRow.case_id)
        .where(CaseRow.status == CaseStatus.OPEN.value, CaseRow.anonymised_on.is_(None))
        .order_by(CaseRow.id, PersonRow.id)
    )
    if case_ids is not None:
        query = query.where(CaseRow.id.in_(sorted(set(case_ids))))
    if not recheck:
        query = query.where(
            PersonRow.id.not_in(
                select(BrpCheckRow.person_id).where(BrpCheckRow.person_id.is_not(None))
            )
        )
    subjects: list[Subject] = []
    person_case: dict[str, str] = {}
    for person, case in session.execute(query):
        address = (
            Address(case.postcode, case.huisnummer, case.toevoeging or "")
            if case.postcode and case.huisnummer
            else None
        )
        subjects.append(
            Subject(
                key=person.id,
                bsn=person.bsn,
                achternaam=person.achternaam,
                voorvoegsel=person.voorvoegsel,
                geboortedatum=person.geboortedatum,
                address=address,
            )
        )
        person_case[person.id] = case.id
    return subjects, person_case


def write_query_log(db: ServerDatabase, records: Sequence[QueryRecord]) -> None:
    if not records:
        return
    now = datetime.now(UTC)
    with db.session() as session, session.begin():
        session.execute(
            insert(BrpQueryRow),
            [
                {
                    "at": now,
                    "backend": r.backend,
                    "kind": r.kind,
                    "correlation_id": r.correlation_id,
                    "user_ref": r.user[:100],
                    "task": r.task[:200],
                    "asked": r.asked,
                    "delivered": r.delivered,
                    "outcome": r.outcome,
                    "http_status": r.http_status,
                    "delivered_pls": list(r.delivered_pls),
                }
                for r in records
            ],
        )


def _no_link(subjects: Sequence[Subject]) -> dict[str, Outcome]:
    """Backend ``handmatig``: companies are still routed away; everyone else to the queue."""
    return {
        s.key: Outcome(Verdict.BEDRIJF, Reason.BEDRIJFSNAAM)
        if is_company_name(f"{s.voorvoegsel} {s.achternaam}")
        else Outcome(Verdict.HANDMATIG, Reason.HANDMATIG)
        for s in subjects
    }


def _ask(
    db: ServerDatabase,
    config: BrpConfig,
    provider: BrpProvider | None,
    subjects: Sequence[Subject],
    ctx: QueryContext,
    records: list[QueryRecord],
) -> dict[str, Outcome]:
    codes = config.gemeentecodes
    if provider is not None:
        return check_subjects(provider, subjects, ctx, records.append, codes)
    if config.backend == "handmatig":
        return _no_link(subjects)
    if config.backend == "extract":
        with db.session() as session:
            if current_extract(session) is None:
                raise BrpUnavailable("Er is nog geen BRP-extract ingelezen.")
            extract = ExtractProvider(StoredExtract(session, db.keys))
            return check_subjects(extract, subjects, ctx, records.append, codes)
    if config.gateway is None:
        raise BrpUnavailable("brp.toml mist [haal_centraal].")
    client = HaalCentraalProvider(config.gateway)
    try:
        return check_subjects(client, subjects, ctx, records.append, codes)
    finally:
        client.close()


def run_check(
    db: ServerDatabase,
    config: BrpConfig,
    *,
    policy: Policy,
    user_ref: str,
    user_id: str | None = None,
    case_ids: Sequence[str] | None = None,
    recheck: bool = False,
    provider: BrpProvider | None = None,
    today: date | None = None,
    request_id: str = "",
) -> CheckReport:
    """Check the people of open cases and apply the outcomes (see the module docstring).

    ``user_ref`` goes to the gateway as ``X-User`` and into the query log (a user id, or
    ``cli:<os user>``); ``provider`` overrides the configured backend (tests)."""
    report = CheckReport(correlation_id=str(uuid.uuid4()))
    ctx = QueryContext(user=user_ref, task=config.task, correlation_id=report.correlation_id)
    records: list[QueryRecord] = []
    # SQLite sessions begin IMMEDIATE (a write lock): every session here is closed before
    # the next one opens, and none stays open across a network call.
    with db.session() as session:
        subjects, person_case = load_subjects(session, case_ids=case_ids, recheck=recheck)
    if not subjects:
        return report
    backend = provider.name if provider is not None else config.backend
    try:
        outcomes = _ask(db, config, provider, subjects, ctx, records)
    finally:
        write_query_log(db, records)
    report.queries = len(records)
    with db.session() as session, session.begin():
        applied = apply_outcomes(
            session,
            outcomes,
            person_case,
            backend=backend,
            policy=policy,
            today=today or date.today(),
        )
        audit.record(
            session,
            action=audit.AuditAction.BRP_CHECK,
            outcome="ok",
            user_id=user_id,
            device_id=None,
            case_ids=applied.case_ids,
            detail={"people": len(outcomes), "queries": len(records), "moved": applied.moved},
            request_id=request_id,
        )
    report.checked = len(outcomes)
    report.by_verdict = applied.by_verdict
    report.moved = applied.moved
    report.case_ids = applied.case_ids
    return report


def server_brp_config(data_dir: Path, organisation_text: str | None) -> BrpConfig | None:
    """``brp.toml`` from the server's data folder (None: no BRP check configured). The own
    gemeentecodes default to those in ``organisatie.toml``."""
    codes: frozenset[str] = frozenset()
    if organisation_text:
        from fieldapp.server.ddas_delivery import suppliers_from_toml

        default, teams = suppliers_from_toml(organisation_text)
        codes = frozenset({default.gemeentecode, *teams.values()})
    return load_config(data_dir, default_codes=codes)


def check_after_import(db: ServerDatabase, settings: Any, team: str, user_ref: str) -> None:
    """Intake (issue 13): check the people of ``team``'s open cases not checked yet, i.e. what
    an import just brought in. A BRP failure never fails the import: the cases stay unchecked
    and ``fieldapp server brp check`` picks them up later. ``settings``: ServerSettings."""
    config: BrpConfig | None = settings.brp
    if config is None:
        return
    with db.session() as session:
        ids = sorted(
            session.scalars(
                select(CaseTeamRow.case_id)
                .join(CaseRow, CaseRow.id == CaseTeamRow.case_id)
                .where(CaseTeamRow.team == team, CaseRow.status == CaseStatus.OPEN.value)
            )
        )
    if not ids:
        return
    try:
        run_check(
            db,
            config,
            policy=settings.policy(),
            user_ref=user_ref,
            user_id=user_ref if _looks_like_uuid(user_ref) else None,
            case_ids=ids,
        )
    except BrpUnavailable as exc:
        log.warning("brp check after import skipped: %s", type(exc).__name__)


def _looks_like_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False
