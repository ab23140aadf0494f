"""The team lead's 'binnen 7 dagen' and 'te laat' lists; closed cases show their result."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update

from fieldapp.domain.ddas import Contactsoort, Eindresultaat, Signaalpartner
from fieldapp.domain.priority import Policy
from fieldapp.services import queries
from fieldapp.services.attempts import record_attempt
from fieldapp.services.cases import close_case
from fieldapp.services.intake import import_parsed
from fieldapp.services.reporting import dashboard, deadline_lists
from fieldapp.store.client_store import Store
from fieldapp.store.schema import CaseRow
from tests.core.signal_factory import parsed, signal

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 23)


def test_lists_and_on_time_share(store: Store) -> None:
    with store.session() as s:
        import_parsed(
            s,
            [parsed(*(signal(Signaalpartner.HUUR, postcode=f"74{i:02d}AB") for i in range(5)))],
            policy=Policy(),
            today=TODAY,
        )
        ids = sorted(r.id for r in queries.list_case_rows(s, today=TODAY))
        deadlines = [TODAY + timedelta(days=d) for d in (3, 7, 8, -2, -5)]
        for cid, day in zip(ids, deadlines, strict=True):
            s.execute(update(CaseRow).where(CaseRow.id == cid).values(deadline=day))
        record_attempt(  # contacted: leaves the lists, on time
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=ids[1],
            soort=Contactsoort.TELEFOON,
            bereikt=True,
            occurred_at=datetime(2026, 11, 23, 10, tzinfo=AMS),
        )
        close_case(  # closed: shows its result, not "te laat"
            s,
            event_id=str(uuid.uuid4()),
            case_id=ids[4],
            resultaat=Eindresultaat.AL_BEKEND_BIJ_SHV,
            at=datetime(2026, 11, 20, 10, tzinfo=AMS),
        )
        lists = deadline_lists(s, today=TODAY)
        assert [(d.case_id, d.label) for d in lists.within_week] == [(ids[0], "nog 3 dagen")]
        assert [(d.case_id, d.label) for d in lists.overdue] == [(ids[3], "2 dagen te laat")]
        figures = dashboard(s, start=TODAY, end=TODAY, today=TODAY)
        # decided: the contacted one (on time) and the overdue open one (late); the closed
        # one without attempts and the ones still in time are not counted.
        assert (figures.on_time.hits, figures.on_time.total) == (1, 2)
