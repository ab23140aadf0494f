"""Use case: import signal files into the store (client or server session).

All files are read and validated first; if any file cannot be imported at all, nothing is
written (``ImportRefused``). Each file is then applied in its own savepoint: a failure inside
one file rolls back that whole file. Rejected rows are reported with row number, field and a
Dutch reason, never silently dropped.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from fieldapp.domain.priority import Policy
from fieldapp.domain.signals import IncomingSignal
from fieldapp.errors import ImportRefused
from fieldapp.intake.matching import Household, decide, household_key
from fieldapp.intake.reader import read_file
from fieldapp.intake.report import ParsedFile, Rejection
from fieldapp.privacy.optout import mark_signals
from fieldapp.services.changes import Changes
from fieldapp.store.repos import intake as repo
from fieldapp.store.schema import ImportRow


@dataclass(slots=True)
class FileReport:
    path: str
    format: str
    rows: int
    accepted: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        """Rows refused (a row with two wrong fields is one row, listed twice in ``rejected``)."""
        return len({r.row for r in self.rejected})

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "rows": self.rows,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": [
                {"row": r.row, "field": r.field, "reason": r.reason} for r in self.rejected
            ],
        }


@dataclass(slots=True)
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    cases_created: int = 0
    cases_updated: int = 0
    signals_by_status: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": [f.to_json() for f in self.files],
            "cases_created": self.cases_created,
            "cases_updated": self.cases_updated,
            "signals_by_status": dict(sorted(self.signals_by_status.items())),
            "dry_run": self.dry_run,
        }


Progress = Callable[[str, int, int | None], None]
"""``progress(phase, done, total)``: phase ``"lezen"`` (rows read, total unknown) or
``"verwerken"`` (signals matched, of ``total``). Called every few hundred rows; no personal
data passes through it."""


_TICK = 250  # signals between progress calls


def import_files(
    session: Session,
    paths: Sequence[Path],
    *,
    policy: Policy,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read every file (refusing all if one is unreadable), then apply each in a savepoint.

    An ``ImportRefused`` carries the refused file in ``path``."""
    parsed: list[ParsedFile] = []
    read_before = 0
    for p in paths:
        on_rows = None
        if progress is not None:
            base = read_before

            def on_rows(n: int, base: int = base) -> None:
                progress("lezen", base + n, None)

        try:
            parsed.append(read_file(Path(p), on_rows=on_rows))
        except ImportRefused as refused:
            refused.path = str(p)
            raise
        read_before += parsed[-1].rows
    return import_parsed(
        session, parsed, policy=policy, today=today, dry_run=dry_run, progress=progress
    )


def import_parsed(
    session: Session,
    parsed_files: Sequence[ParsedFile],
    *,
    policy: Policy,
    today: date,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    created: set[str] = set()
    touched: set[str] = set()
    outer = session.begin_nested() if dry_run else None
    total = sum(len(p.signals) for p in parsed_files)
    done = 0
    for parsed in parsed_files:
        ticker: Callable[[int], None] | None = None
        if progress is not None:

            def ticker(n: int, base: int = done) -> None:
                progress("verwerken", base + n, total)

        with session.begin_nested():
            file_report, file_created, file_touched = _apply_file(
                session,
                parsed,
                policy=policy,
                today=today,
                counts=report.signals_by_status,
                ticker=ticker,
            )
        done += len(parsed.signals)
        if progress is not None:
            progress("verwerken", done, total)
        report.files.append(file_report)
        created |= file_created
        touched |= file_touched
    report.cases_created = len(created)
    report.cases_updated = len(touched - created)
    if outer is not None:
        outer.rollback()
    else:
        report.changes = Changes(cases=bool(touched), signals=True, case_ids=frozenset(touched))
    return report


def _apply_file(
    session: Session,
    parsed: ParsedFile,
    *,
    policy: Policy,
    today: date,
    counts: Counter[str],
    ticker: Callable[[int], None] | None = None,
) -> tuple[FileReport, set[str], set[str]]:
    file_report = FileReport(
        path=parsed.path,
        format=parsed.format,
        rows=parsed.rows,
        duplicates=parsed.duplicates_in_file,
        rejected=list(parsed.rejected),
    )
    import_row = ImportRow(
        id=str(uuid.uuid4()), format=parsed.format, sha256=parsed.sha256, rows=parsed.rows
    )
    session.add(import_row)
    known = repo.known_identities(session, (s.identity for s in parsed.signals))
    fresh: list[IncomingSignal] = []
    for signal in parsed.signals:
        if signal.identity in known:
            file_report.duplicates += 1
        else:
            fresh.append(signal)
            known.add(signal.identity)
    # Date order, so an earlier month's signal opens the case a later one joins.
    fresh.sort(key=lambda s: (s.effective_date or today, s.partner.value, s.external_id))
    keys = {k for k in (household_key(s) for s in fresh) if k is not None}
    households = repo.load_households(session, keys)
    people = repo.PersonIndex(
        session, (h.open_case_id for h in households.values() if h.open_case_id)
    )
    created: set[str] = set()
    touched: dict[str, bool] = {}
    with session.no_autoflush:
        _match_all(
            session,
            fresh,
            households,
            people,
            import_row.id,
            policy,
            today,
            file_report,
            counts,
            created,
            touched,
            ticker,
        )
    session.flush()
    # The exclusion list marks this file's households before priorities are computed.
    for old, new in mark_signals(session, today=today, case_ids=set(touched)):
        counts[old] -= 1
        counts[new] += 1
    repo.recompute_cases(session, touched, policy, today)
    import_row.accepted = file_report.accepted
    import_row.duplicates = file_report.duplicates
    import_row.rejected = file_report.rejected_rows
    session.flush()
    return file_report, created, set(touched)


def _match_all(
    session: Session,
    fresh: list[IncomingSignal],
    households: dict[str, Household],
    people: repo.PersonIndex,
    import_id: str,
    policy: Policy,
    today: date,
    file_report: FileReport,
    counts: Counter[str],
    created: set[str],
    touched: dict[str, bool],
    ticker: Callable[[int], None] | None = None,
) -> None:
    for n, signal in enumerate(fresh):
        if ticker is not None and n % _TICK == 0:
            ticker(n)
        key = household_key(signal)
        if key is None:  # the reader guarantees an identity; keep the promise visible
            file_report.rejected.append(
                Rejection(signal.source_row or 0, "adres", "Geen adres en geen geldig BSN")
            )
            continue
        household = households[key]
        decision = decide(signal, household, policy)
        case_id: str | None = None
        if decision.joins_case:
            case_id = household.open_case_id
            if case_id is None:
                case_id = repo.new_case(session, signal, today)
                created.add(case_id)
                household.open_case_id = case_id
        person_id = people.person_id_for(case_id, signal.person) if case_id else None
        repo.add_signal(
            session,
            signal,
            status=decision.status,
            case_id=case_id,
            person_id=person_id,
            household_key=key,
            import_id=import_id,
            today=today,
        )
        household.prior.append(repo.prior_of(signal, decision.status, today))
        if case_id is not None:
            touched[case_id] = touched.get(case_id, False) or decision.opeenvolgend
        counts[decision.status.value] += 1
        file_report.accepted += 1
