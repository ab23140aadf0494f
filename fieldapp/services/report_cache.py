"""The last team report the laptop fetched, kept in its encrypted store for offline use.

The reply holds ids, codes and counts only (no names), but it is the team's data, so it lives
in the store (``kv``), not in a settings file. One report is kept: the latest fetched.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from fieldapp.reporting.report_reply import TeamReport, parse_report
from fieldapp.services.changes import Changes
from fieldapp.store.schema import KeyValueRow

KV_LAST_REPORT = "report.last"


def save_last_report(session: Session, raw: dict[str, Any], fetched_at: datetime) -> Changes:
    payload = json.dumps({"fetched_at": fetched_at.isoformat(), "report": raw})
    row = session.get(KeyValueRow, KV_LAST_REPORT)
    if row is None:
        session.add(KeyValueRow(key=KV_LAST_REPORT, value=payload))
    else:
        row.value = payload
    session.flush()
    return Changes()


def load_last_report(session: Session) -> TeamReport | None:
    """``None`` when no report was ever fetched, or the kept one cannot be read any more."""
    row = session.get(KeyValueRow, KV_LAST_REPORT)
    if row is None:
        return None
    try:
        stored = json.loads(row.value)
        return parse_report(
            stored["report"], fetched_at=datetime.fromisoformat(stored["fetched_at"])
        )
    except (KeyError, ValueError, TypeError):
        return None
