"""Planning fixtures for server and sync tests: shifts with visits made through the same
services the endpoints use (synthetic data only)."""

from __future__ import annotations

from datetime import date

from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.plan_emit import emit_plan_write
from fieldapp.services import plan_edit
from fieldapp.sync.protocol_plan import ShiftRequest


def shift_body(worker_id: str, day: date, **extra: object) -> dict[str, object]:
    body: dict[str, object] = {
        "worker_id": worker_id,
        "day": day.isoformat(),
        "start_minute": 18 * 60 + 30,
        "end_minute": 21 * 60,
        "start_lat": 51.44,
        "start_lon": 5.47,
        "mode": "bike",
    }
    body.update(extra)
    return body


def make_shift(
    db: ServerDatabase,
    *,
    team: str,
    worker_id: str,
    day: date,
    case_ids: list[str],
    published: bool = False,
) -> tuple[str, list[str]]:
    """A shift of ``team`` for ``worker_id`` on ``day`` visiting ``case_ids`` in that order;
    returns (shift id, visit ids)."""
    with db.session() as s, s.begin():
        request = ShiftRequest.model_validate(shift_body(worker_id, day))
        sid, write = plan_edit.save_shift(s, team=team, request=request)
        visits = []
        for n, cid in enumerate(case_ids, start=1):
            vid, more = plan_edit.add_visit(
                s, team=team, shift_id=sid, case_id=cid, seq=n, case_in_team=True
            )
            visits.append(vid)
            write = write | more
        if published:
            write = write | plan_edit.set_published(
                s, team=team, van=day, tot=day, published=True, now=_now()
            )
        emit_plan_write(s, write)
    return sid, visits


def _now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)
