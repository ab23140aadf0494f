"""Client-side sync use cases on a real SQLCipher store (no network)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.domain.ddas import Contactsoort
from fieldapp.services import identity
from fieldapp.services import sync as svc
from fieldapp.services.attempts import record_attempt
from fieldapp.services.queries import set_kv
from fieldapp.store.client_store import Store
from fieldapp.store.schema import AttemptRow, CaseRow, PersonRow, SignalRow
from fieldapp.sync.protocol import (
    AddressPayload,
    AttemptPayload,
    CasePayload,
    Change,
    ChangesPage,
    PersonPayload,
    PushResponse,
    SignalPayload,
)
from tests.sync.conftest import new_store

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DEVICE = str(uuid.uuid4())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = new_store(tmp_path / "c.db")
    try:
        yield s
    finally:
        s.close()


def payload(
    case_id: str, *, version: int = 1, name: str = "Zztest", attempts: int = 0
) -> CasePayload:
    pid = str(uuid.uuid4())
    return CasePayload(
        id=case_id,
        address=AddressPayload(postcode="9999ZZ", huisnummer=7, straat="Proefstraat"),
        people=[PersonPayload(id=pid, identity_key=f"naam:{name}", achternaam=name)],
        signals=[
            SignalPayload(
                id=str(uuid.uuid4()),
                partner="Huur",
                external_id=f"X-{case_id[:8]}",
                person_id=pid,
                status="Nog niet opgepakt",
                bedrag_cents=5000,
                received_on=date(2026, 11, 1),
            )
        ],
        attempts=[
            AttemptPayload(
                id=str(uuid.uuid4()),
                soort="Telefoon",
                bereikt=False,
                occurred_at=NOW,
                dagdeel="Middag",
                worker_id="other",
                device_id="other-device",
            )
            for _ in range(attempts)
        ],
        status="open",
        opened_on=date(2026, 11, 1),
        deadline=date(2026, 11, 29),
        priority=5,
        reasons=["huur"],
        version=version,
    )


def page(*changes: Change, cursor: str = "c1") -> ChangesPage:
    return ChangesPage(
        changes=list(changes), workers=[], next_cursor=cursor, has_more=False, server_epoch="e1"
    )


def upsert(p: CasePayload, seq: int = 1) -> Change:
    return Change(
        seq=seq, entity_type="case", entity_id=p.id, op="upsert", version=p.version, case=p
    )


def tomb(case_id: str, seq: int = 2) -> Change:
    return Change(
        seq=seq, entity_type="case", entity_id=case_id, op="tombstone", reason="unassigned"
    )


def _attempt(store: Store, case_id: str, device: str | None = DEVICE) -> str:
    aid = str(uuid.uuid4())
    with store.session() as s:
        record_attempt(
            s,
            attempt_id=aid,
            case_id=case_id,
            soort=Contactsoort.HUISBEZOEK,
            bereikt=False,
            occurred_at=NOW,
            device_id=device,
        )
    return aid


def test_page_and_cursor_are_applied_together_and_replay_is_harmless(store: Store) -> None:
    cid = str(uuid.uuid4())
    p = payload(cid, attempts=2)
    for _ in range(2):
        with store.session() as s:
            svc.apply_page(s, page(upsert(p), cursor="c9"))
    with store.session() as s:
        assert svc.cursor(s) == "c9"
        assert len(s.scalars(select(PersonRow)).all()) == 1
        assert len(s.scalars(select(SignalRow)).all()) == 1
        assert len(s.scalars(select(AttemptRow)).all()) == 2
        # An older version never overwrites a newer one.
        svc.apply_page(s, page(upsert(payload(cid, version=0, name="Zzoud"))))
        assert s.scalars(select(PersonRow.achternaam)).all() == ["Zztest"]


def test_tombstone_keeps_pending_attempts_in_an_empty_husk_until_acked(store: Store) -> None:
    cid = str(uuid.uuid4())
    with store.session() as s:
        svc.apply_page(s, page(upsert(payload(cid, attempts=1))))
    pending = _attempt(store, cid)
    with store.session() as s:
        _, tombstones = svc.apply_page(s, page(tomb(cid)))
        assert tombstones == 1
        husk = s.get(CaseRow, cid)
        assert husk is not None and husk.postcode is None and husk.straat == ""
        assert s.scalars(select(PersonRow)).all() == [] and s.scalars(select(SignalRow)).all() == []
        assert [a.id for a in s.scalars(select(AttemptRow))] == [pending]  # acked one purged
        assert svc.husk_ids(s) == {cid}
        assert svc.drop_finished_husks(s) == 0
        svc.mark_pushed(
            s,
            PushResponse(
                accepted=[],
                duplicates=[],
                quarantined=[pending],
                conflicts=[],
                rejected=[],
                server_epoch="e1",
            ),
            NOW,
        )
        assert svc.drop_finished_husks(s) == 1
        assert s.get(CaseRow, cid) is None and s.scalars(select(AttemptRow)).all() == []


def test_new_epoch_resets_cursor_and_repends_this_devices_attempts(store: Store) -> None:
    cid = str(uuid.uuid4())
    with store.session() as s:
        svc.apply_page(s, page(upsert(payload(cid, attempts=1))))  # one attempt of another device
        assert not svc.note_epoch(s, "e1", DEVICE)  # first epoch seen: just stored
    mine, unattributed = _attempt(store, cid), _attempt(store, cid, device=None)
    with store.session() as s:
        svc.mark_pushed(
            s,
            PushResponse(
                accepted=[mine, unattributed],
                duplicates=[],
                quarantined=[],
                conflicts=[],
                rejected=[],
                server_epoch="e1",
            ),
            NOW,
        )
        assert svc.pending_count(s) == 0
        assert svc.note_epoch(s, "e2", DEVICE)
        assert svc.cursor(s) == ""
        pending = {i.id for i in svc.pending_items(s, 50)}
    assert pending == {mine, unattributed}


def test_rejected_items_stay_pending(store: Store) -> None:
    cid = str(uuid.uuid4())
    with store.session() as s:
        svc.apply_page(s, page(upsert(payload(cid))))
    aid = _attempt(store, cid)
    with store.session() as s:
        svc.mark_pushed(
            s,
            PushResponse(
                accepted=[],
                duplicates=[],
                quarantined=[],
                conflicts=[],
                rejected=[{"id": aid, "reason": "unknown_case"}],
                server_epoch="e1",
            ),  # type: ignore[list-item]
            NOW,
        )
        assert svc.pending_count(s) == 1


def test_details_hidden_after_max_offline_age_only_for_enrolled_stores(store: Store) -> None:
    with store.session() as s:
        assert not svc.details_hidden(s, NOW + timedelta(days=400))  # never enrolled
        set_kv(s, identity.KV_TOKEN, "t")
        set_kv(s, identity.KV_ENROLLED_AT, NOW.isoformat())
        assert not svc.details_hidden(s, NOW + timedelta(days=13))
        assert svc.details_hidden(s, NOW + timedelta(days=15))
        svc.record_sync_success(s, NOW + timedelta(days=15))
        assert not svc.details_hidden(s, NOW + timedelta(days=16))


def test_outbox_status_warns_about_work_unsent_for_a_day(store: Store) -> None:
    cid = str(uuid.uuid4())
    with store.session() as s:
        svc.apply_page(s, page(upsert(payload(cid))))
    _attempt(store, cid)
    with store.session() as s:
        soon = svc.outbox_status(s, datetime.now(UTC) + timedelta(hours=1))
        late = svc.outbox_status(s, datetime.now(UTC) + timedelta(hours=25))
    assert soon.pending_count == 1 and not soon.warn_unsent
    assert late.warn_unsent and late.oldest_pending_at is not None
    assert soon.last_sync_at is None and not soon.enrolled


def test_retention_purges_expired_cases_locally_even_offline(store: Store) -> None:
    old, fresh = str(uuid.uuid4()), str(uuid.uuid4())
    expired = payload(old).model_copy(update={"purge_after": date(2026, 11, 1)})
    current = payload(fresh).model_copy(update={"purge_after": date(2027, 5, 1)})
    with store.session() as s:
        svc.apply_page(s, page(upsert(expired), upsert(current, seq=2)))
        assert svc.purge_expired(s, date(2026, 11, 20)) == [old]
        assert s.get(CaseRow, old) is None and s.get(CaseRow, fresh) is not None
        assert svc.purge_expired(s, date(2026, 11, 20)) == []


def test_demo_hook_adopts_cases_written_straight_into_the_server(tmp_path: Path) -> None:
    from fieldapp.server.db.open import open_server_db
    from fieldapp.server.embedded import add_user, adopt_unowned_cases, start_embedded_server
    from fieldapp.services.identity import enroll
    from fieldapp.services.sync_client import SyncClient

    db = open_server_db(None, data_dir=tmp_path / "srv")
    user = add_user(db, username="demo", password="demo-password-1", team="Demo", fast_hash=True)
    with db.session() as s, s.begin():
        for i in range(3):
            s.add(
                CaseRow(
                    id=str(uuid.uuid4()),
                    status="open",
                    opened_on=date(2026, 11, 1),
                    deadline=date(2026, 11, 29),
                    assigned_worker_id=user.worker_id,
                    postcode="9999ZZ",
                    huisnummer=i + 1,
                )
            )
    assert adopt_unowned_cases(db, "Demo") == 3
    url, stop = start_embedded_server(None, db=db)
    try:
        store = new_store(tmp_path / "c.db")
        enroll(store, url, "demo", "demo-password-1")
        assert SyncClient(store).sync().pulled == 3
        store.close()
    finally:
        stop()
        db.dispose()
