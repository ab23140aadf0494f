"""TLS (real certificate, custom CA bundle), plain-HTTP refusal, push-first wipe and
passphrase recovery through the server-held recovery key."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from fieldapp.cli import main as cli_main
from fieldapp.domain.ddas import Contactsoort
from fieldapp.server.db.engine import ServerDatabase
from fieldapp.services.attempts import record_attempt
from fieldapp.services.identity import enroll, load_identity, recover
from fieldapp.services.sync import pending_count
from fieldapp.services.sync_client import SyncClient
from fieldapp.store.kdf import FAST_TEST_PARAMS
from fieldapp.store.schema import AttemptRow, CaseRow
from fieldapp.sync.protocol import Health
from fieldapp.sync.transport import SyncError, SyncUnavailable, Transport
from tests.server.helpers import make_actor, make_cases
from tests.sync.conftest import free_port, new_store


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "veldwerk-test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_https_server_is_verified_against_the_given_ca_bundle(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fieldapp.cli",
            "serve",
            "--data-dir",
            str(tmp_path / "srv"),
            "--port",
            str(port),
            "--certfile",
            str(cert),
            "--keyfile",
            str(key),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"https://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(
                    url + "/v1/health",
                    verify=ssl.create_default_context(cafile=str(cert)),
                    timeout=1,
                )
                break
            except httpx.TransportError:
                time.sleep(0.05)
        with Transport(url, ca_bundle=str(cert), retries=0) as ok:
            assert ok.call("GET", "/v1/health", Health).status == "ok"
        with Transport(url, retries=0) as untrusted, pytest.raises(SyncUnavailable):
            untrusted.call("GET", "/v1/health", Health)  # system CAs do not know it
    finally:
        proc.terminate()
        proc.wait()


def test_plain_http_is_refused_except_on_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SyncError, match="https"):
        Transport("http://veldwerk.example.nl")
    Transport("http://127.0.0.1:9").close()
    Transport("http://[::1]:9").close()
    assert cli_main(["serve", "--host", "0.0.0.0", "--port", "9"]) == 1
    assert "TLS" in capsys.readouterr().err


def _fast(url: str, token: str | None, ca: str | None, cancel: threading.Event) -> Transport:
    return Transport(url, token, ca_bundle=ca, cancel=cancel, retries=1, backoff=0.01)


def test_departing_worker_pushes_first_then_wipes(
    embedded: tuple[str, ServerDatabase], tmp_path: Path
) -> None:
    url, db = embedded
    lead = make_actor(db, "lea", "teamlead", "A")
    anna = make_actor(db, "anna", "worker", "A")
    make_cases(db, team="A", worker_id=anna.worker_id, count=2)
    store = new_store(tmp_path / "c" / "c.db")
    enroll(store, url, anna.username, anna.password)
    SyncClient(store, transport_factory=_fast).sync()
    with store.session() as s:
        ident = load_identity(s)
        cid = s.scalars(select(CaseRow.id)).first()
        assert ident is not None and cid is not None
        aid = str(uuid.uuid4())
        record_attempt(
            s,
            attempt_id=aid,
            case_id=cid,
            soort=Contactsoort.HUISBEZOEK,
            bereikt=True,
            occurred_at=datetime.now(UTC),
            worker_id=ident.worker_id,
            device_id=ident.device_id,
        )
    r = httpx.post(
        f"{url}/v1/devices/{ident.device_id}/revoke",
        json={"push_first": True},
        headers=lead.headers,
    )
    assert r.status_code == 200
    result = SyncClient(store, transport_factory=_fast).sync()
    assert result.wiped and result.accepted == 1
    with db.session() as s:
        assert s.get(AttemptRow, aid) is not None  # delivered before the wipe
    assert [p for p in (tmp_path / "c").iterdir() if not p.name.endswith(".lock")] == []


def test_forgotten_passphrase_is_recovered_with_the_server_key_keeping_unsent_work(
    embedded: tuple[str, ServerDatabase], tmp_path: Path
) -> None:
    url, db = embedded
    anna = make_actor(db, "anna", "worker", "A")
    make_cases(db, team="A", worker_id=anna.worker_id, count=1)
    path = tmp_path / "c.db"
    store = new_store(path)
    enroll(store, url, anna.username, anna.password)
    SyncClient(store, transport_factory=_fast).sync()
    with store.session() as s:
        cid = s.scalars(select(CaseRow.id)).one()
        record_attempt(
            s,
            attempt_id=str(uuid.uuid4()),
            case_id=cid,
            soort=Contactsoort.BRIEF,
            bereikt=False,
            occurred_at=datetime.now(UTC),
        )
        ident = load_identity(s)
        assert ident is not None
        device_id = ident.device_id
    store.close()
    lead = make_actor(db, "lea", "teamlead", "A")
    ticket = httpx.post(
        f"{url}/v1/devices/{device_id}/recovery-ticket", json={}, headers=lead.headers
    ).json()["ticket"]
    reopened = recover(
        path,
        url,
        anna.username,
        anna.password,
        "nieuwe lange wachtzin 2026",
        ticket=ticket,
        params=FAST_TEST_PARAMS,
        transport_factory=_fast,
    )
    with reopened.session() as s:
        assert pending_count(s) == 1
    reopened.close()
