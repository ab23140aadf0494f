"""Team-lead writes shared by the API and the host's command line: import and assign.

The routes authenticate and then call these inside their one transaction; ``fieldapp server
import`` and ``fieldapp server cases assign`` (the host's administrator) call the same functions,
so the rules (cases join the team, feeds and audit follow) exist once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.priority import Policy
from fieldapp.intake.report import ParsedFile
from fieldapp.server import audit
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.feed import case_scopes, emit_case_changes
from fieldapp.services.cases import assign_cases
from fieldapp.services.intake import import_parsed
from fieldapp.store.schema import CaseRow, Worker
from fieldapp.sync.protocol import AssignResponse, ImportResponse


@dataclass(frozen=True, slots=True)
class TeamActor:
    """Who acts for which team: a team lead's device, or the host's admin (no user/device)."""

    team: str
    user_id: str | None = None
    device_id: str | None = None


class NotInTeam(LookupError):
    """A case or worker outside the acting team (the API answers 404, like an unknown id)."""


def team_case_ids(session: Session, team: str, ids: list[str]) -> set[str]:
    return set(
        session.scalars(
            select(CaseTeamRow.case_id).where(
                CaseTeamRow.team == team, CaseTeamRow.case_id.in_(ids)
            )
        )
    )


def import_for_team(
    session: Session,
    parsed: ParsedFile,
    actor: TeamActor,
    *,
    policy: Policy,
    today: date,
    request_id: str = "",
) -> ImportResponse:
    """Import one parsed file; new cases join ``actor.team``, unassigned."""
    before_ids = set(session.scalars(select(CaseRow.id)))
    report = import_parsed(session, [parsed], policy=policy, today=today)
    touched = set(report.changes.case_ids)
    new_ids = sorted(cid for cid in set(session.scalars(select(CaseRow.id))) - before_ids)
    session.add_all(CaseTeamRow(case_id=cid, team=actor.team) for cid in new_ids)
    session.flush()
    mine = team_case_ids(session, actor.team, sorted(touched | set(new_ids)))
    before = case_scopes(session, mine)
    for cid in new_ids:
        before[cid] = set()
    emit_case_changes(session, before)
    file_report = report.files[0]
    audit.record(
        session,
        action=audit.AuditAction.IMPORT,
        outcome="ok",
        user_id=actor.user_id,
        device_id=actor.device_id,
        case_ids=mine,
        detail={"rows": file_report.rows, "accepted": file_report.accepted},
        request_id=request_id,
    )
    report_json = report.to_json()
    for f in report_json["files"]:
        f["path"] = "upload"  # file names can name people: never echoed or stored
    return ImportResponse(
        files=1,
        accepted=file_report.accepted,
        duplicates=file_report.duplicates,
        rejected=len(file_report.rejected),
        new_cases=len(new_ids),
        report=report_json,
    )


def assign_for_team(
    session: Session,
    case_ids: list[str],
    worker_id: str | None,
    actor: TeamActor,
    *,
    request_id: str = "",
) -> AssignResponse:
    """Assign cases of the team to a worker of the team (None = unassign). The old worker's
    laptop gets a tombstone, the new one the case."""
    ids = sorted(set(case_ids))
    if team_case_ids(session, actor.team, ids) != set(ids):
        raise NotInTeam("case")
    if worker_id is not None:
        worker = session.get(Worker, worker_id)
        if worker is None or worker.team != actor.team:
            raise NotInTeam("worker")
    before = case_scopes(session, ids)
    assign_cases(session, case_ids=ids, worker_id=worker_id)
    emit_case_changes(session, before)
    audit.record(
        session,
        action=audit.AuditAction.ASSIGN,
        outcome="ok" if worker_id else "unassigned",
        user_id=actor.user_id,
        device_id=actor.device_id,
        case_ids=ids,
        request_id=request_id,
    )
    return AssignResponse(assigned=ids)
