"""Shared helpers for server and sync tests: databases (SQLite/SQLCipher and PostgreSQL),
synthetic teams and cases (invented Dutch-looking data, never real people)."""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from fieldapp.server.auth import create_user, enroll_device, make_hasher
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.server.db.open import open_server_db
from fieldapp.server.db.schema import CaseTeamRow
from fieldapp.server.feed import emit_case_changes
from fieldapp.store.schema import CaseRow, PersonRow, SignalRow
from fieldapp.sync.protocol import PROTOCOL_VERSION

PG_ENV = "FIELDAPP_TEST_PG_URL"
HASHER = make_hasher(fast=True)


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV, "")
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{PG_ENV} is not set but CI=true: source .ci/postgres.sh first")
    pytest.skip(f"{PG_ENV} not set: PostgreSQL variant skipped (source .ci/postgres.sh)")


@contextmanager
def pg_schema_url(base_url: str) -> Iterator[str]:
    """A fresh schema on the test cluster; yields a URL whose search_path points at it."""
    schema = f"t_{secrets.token_hex(6)}"
    admin = create_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base_url else "?"
    try:
        yield f"{base_url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def server_database(kind: str, tmp_path: Path) -> Iterator[ServerDatabase]:
    if kind == "sqlite":
        db = open_server_db(None, data_dir=tmp_path / "server")
        try:
            yield db
        finally:
            db.dispose()
        return
    with pg_schema_url(pg_url_or_skip()) as url:
        db = open_server_db(url, data_dir=tmp_path / "server")
        try:
            yield db
        finally:
            db.dispose()


@dataclass
class Actor:
    username: str
    password: str
    user_id: str
    worker_id: str
    device_id: str
    token: str
    role: str
    team: str

    @property
    def headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token}",
            "X-Veldwerk-Protocol": str(PROTOCOL_VERSION),
        }


def make_actor(db: ServerDatabase, username: str, role: str, team: str) -> Actor:
    password = f"pw-{username}-{secrets.token_hex(4)}"
    with db.session() as s, s.begin():
        user = create_user(
            s,
            username=username,
            password=password,
            role=role,
            team=team,
            hasher=HASHER,
            display_name=f"{username.title()} Testmedewerker",
            phone="06-00000000",
        )
        enrolment = enroll_device(s, user, db.keys, name="test")
        assert user.worker_id is not None
        return Actor(
            username,
            password,
            user.id,
            user.worker_id,
            enrolment.device_id,
            enrolment.token,
            role,
            team,
        )


def marker() -> str:
    """A unique synthetic surname; search replies for it to detect leaks."""
    return "Zzmark" + secrets.token_hex(5)


def make_cases(
    db: ServerDatabase, *, team: str, worker_id: str | None, count: int = 1
) -> list[tuple[str, str]]:
    """``count`` open cases in ``team`` (optionally assigned); returns (case_id, marker)."""
    out: list[tuple[str, str]] = []
    today = date.today()
    with db.session() as s, s.begin():
        before: dict[str, set[str]] = {}
        for i in range(count):
            cid = str(uuid.uuid4())
            name = marker()
            number = 1 + secrets.randbelow(300)
            s.add(
                CaseRow(
                    id=cid,
                    address_key=f"9999ZZ|{number}|",
                    postcode="9999ZZ",
                    huisnummer=number,
                    straat="Proefstraat",
                    plaats="Testdorp",
                    wijk="Noord",
                    status="open",
                    opened_on=today,
                    deadline=today + timedelta(days=28),
                    priority=10 + i,
                    reasons=["huur"],
                    assigned_worker_id=worker_id,
                )
            )
            s.flush()
            pid = str(uuid.uuid4())
            s.add(
                PersonRow(
                    id=pid,
                    case_id=cid,
                    identity_key=f"naam:{name.casefold()}|j.|",
                    achternaam=name,
                    voorletters="J.",
                    telefoon="06-12345678",
                )
            )
            s.flush()
            s.add(
                SignalRow(
                    id=str(uuid.uuid4()),
                    partner="Huur",
                    external_id=f"T-{uuid.uuid4().hex[:12]}",
                    case_id=cid,
                    person_id=pid,
                    status="Nog niet opgepakt",
                    bedrag_cents=123_45,
                    received_on=today,
                    address_key=f"9999ZZ|{number}|",
                )
            )
            s.add(CaseTeamRow(case_id=cid, team=team))
            before[cid] = set()
            out.append((cid, name))
        s.flush()
        emit_case_changes(s, before)
    return out


def attempt_item(
    case_id: str, *, attempt_id: str | None = None, note: str = ""
) -> dict[str, object]:
    return {
        "type": "attempt",
        "id": attempt_id or str(uuid.uuid4()),
        "case_id": case_id,
        "soort": "Huisbezoek",
        "bereikt": False,
        "occurred_at": "2026-11-20T10:15:00+01:00",
        "dagdeel": "Ochtend",
        "note": note,
    }


def push_body(actor: Actor, items: list[dict[str, object]]) -> dict[str, object]:
    return {"protocol_version": PROTOCOL_VERSION, "device_id": actor.device_id, "items": items}
