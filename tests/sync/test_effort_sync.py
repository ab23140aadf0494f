"""A close the server refuses (its stricter standard) reopens on the laptop; a lead's
reasoned override later settles the review queue."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from fieldapp.domain.ddas import Eindresultaat
from fieldapp.domain.priority import EffortStandard, Policy
from fieldapp.server.db.schema import QuarantineRow
from fieldapp.server.embedded import start_embedded_server
from fieldapp.server.settings import ServerSettings
from fieldapp.services.cases import close_case
from fieldapp.services.identity import enroll
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.schema import CaseRow
from tests.server.helpers import make_actor, make_cases, server_database
from tests.sync.conftest import new_store

LOOSE = Policy(effort=EffortStandard(enforced=False))  # an old laptop policy file


def test_refused_close_reopens_on_the_laptop_and_waits_for_the_lead(tmp_path: Path) -> None:
    with server_database("sqlite", tmp_path) as db:
        url, stop = start_embedded_server(
            None, db=db, settings=ServerSettings(fast_password_hash=True)
        )
        try:
            anna = make_actor(db, "anna", "worker", "A")
            lead = make_actor(db, "lea", "teamlead", "A")
            ((cid, _),) = make_cases(db, team="A", worker_id=anna.worker_id)
            laptop = new_store(tmp_path / "anna" / "veldwerk.db")
            enroll(laptop, url, anna.username, anna.password)
            client = SyncClient(laptop)
            client.sync()
            with laptop.session() as s:
                close_case(
                    s,
                    event_id=str(uuid.uuid4()),
                    case_id=cid,
                    resultaat=Eindresultaat.DEFINITIEF_GEEN_CONTACT,
                    at=datetime.now(UTC),
                    policy=LOOSE,
                )
                assert s.get(CaseRow, cid).status == "gesloten"  # type: ignore[union-attr]
            client.sync()
            with laptop.session() as s:
                assert s.get(CaseRow, cid).status == "open"  # type: ignore[union-attr]
            laptop.close()

            desk = new_store(tmp_path / "lea" / "veldwerk.db")
            enroll(desk, url, lead.username, lead.password)
            lead_client = SyncClient(desk)
            lead_client.sync()
            with desk.session() as s:
                close_case(
                    s,
                    event_id=str(uuid.uuid4()),
                    case_id=cid,
                    resultaat=Eindresultaat.DEFINITIEF_GEEN_CONTACT,
                    reason="Bewoner is verhuisd naar het buitenland",
                    effort_override=True,
                    at=datetime.now(UTC),
                )
            lead_client.sync()
            desk.close()
        finally:
            stop()
        with db.session() as s:
            assert s.get(CaseRow, cid).status == "gesloten"  # type: ignore[union-attr]
            [refused] = s.scalars(select(QuarantineRow)).all()
            assert refused.reason == "effort_not_met" and refused.resolved_at is not None
