"""Who this laptop is: the app's identity, enrolment with a server and recovery through it.

Two sets of keys in the encrypted ``kv`` table:

- The app's identity, read everywhere (Vandaag, printing, attempts): ``worker_id`` (whose
  cases Vandaag shows; absent = all open cases in this store) and ``device_id`` (made on first
  unlock, stamped on every attempt and case event).
- The enrolment (``sync.*``): server address, the server's device id and the device token
  (the token lives only here), the enrolled user's worker, role and team.

:func:`adopt_enrolled_identity` makes the app's identity the enrolled one; :func:`enroll` runs
it in the same transaction that stores the enrolment, so the command line (``fieldapp
connect``) and the app leave a store in the same state. Attempts made before enrolment carry
the local device id; they are re-stamped with the server's, so a server restore (new epoch)
re-pushes them too.
"""

from __future__ import annotations

import base64
import socket
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from fieldapp.errors import WrongPassphrase
from fieldapp.services.store_handle import StoreHandle
from fieldapp.store import key_slots
from fieldapp.store.client_store import Store
from fieldapp.store.kdf import KdfParams
from fieldapp.store.repos.kv import get_kv, set_kv
from fieldapp.store.schema import AttemptRow, CaseEventRow
from fieldapp.sync.apply import KV_CURSOR, KV_EPOCH
from fieldapp.sync.protocol import (
    EnrollRequest,
    EnrollResponse,
    RecoveryRequest,
    RecoveryResponse,
    RotatedRecoveryKey,
)
from fieldapp.sync.transport import Transport, TransportFactory, default_transport

KV_APP_WORKER_ID = "worker_id"
KV_APP_DEVICE_ID = "device_id"

KV_SERVER_URL = "sync.server_url"
KV_CA_BUNDLE = "sync.ca_bundle"
KV_DEVICE_ID = "sync.device_id"
KV_TOKEN = "sync.token"  # noqa: S105 (a kv key name, not a secret)
KV_WORKER_ID = "sync.worker_id"
KV_ROLE = "sync.role"
KV_TEAM = "sync.team"
KV_ENROLLED_AT = "sync.enrolled_at"
# Set on the laptop after its recovery key was released (a forgotten passphrase): the next
# sync asks the server for a new one (see rotate_recovery_key).
KV_RECOVERY_ROTATION_DUE = "sync.recovery_rotation_due"

MSG_NO_RECOVERY = "De server heeft geen herstelsleutel die bij deze database past."


@dataclass(frozen=True, slots=True)
class AppIdentity:
    """Whose cases this app shows and which device id it stamps on new work."""

    worker_id: str | None
    device_id: str


@dataclass(frozen=True, slots=True)
class SyncIdentity:
    server_url: str
    device_id: str
    token: str
    worker_id: str | None
    role: str
    team: str
    ca_bundle: str | None

    def __repr__(self) -> str:  # never print the token
        return f"SyncIdentity(server_url={self.server_url!r}, device_id={self.device_id!r})"


@dataclass(frozen=True, slots=True)
class ServerLogin:
    """What a connect form or command collected. The password is used once, never stored."""

    url: str
    username: str
    password: str = field(repr=False)
    ca_bundle: str | None = None
    device_name: str = ""


def default_device_name() -> str:
    return (socket.gethostname() or "laptop")[:60]


# --- the app's identity ------------------------------------------------------------------------


def app_identity(session: Session) -> AppIdentity:
    """The identity after unlock: the enrolled one if any (also for stores enrolled by an older
    version), else the local one, making a device id on first use."""
    adopt_enrolled_identity(session)
    device = get_kv(session, KV_APP_DEVICE_ID)
    if device is None:
        device = str(uuid.uuid4())
        set_kv(session, KV_APP_DEVICE_ID, device)
    return AppIdentity(get_kv(session, KV_APP_WORKER_ID), device)


def app_worker_id(session: Session) -> str | None:
    return get_kv(session, KV_APP_WORKER_ID) or None


def app_device_id(session: Session) -> str | None:
    return get_kv(session, KV_APP_DEVICE_ID) or None


def set_app_worker(session: Session, worker_id: str) -> None:
    set_kv(session, KV_APP_WORKER_ID, worker_id)


def adopt_enrolled_identity(session: Session) -> None:
    """Make the app's device (and, for a worker, the worker) the enrolled ones."""
    ident = load_identity(session)
    if ident is None:
        return
    local = get_kv(session, KV_APP_DEVICE_ID)
    if local and local != ident.device_id:
        session.execute(
            update(AttemptRow)
            .where(or_(AttemptRow.device_id == local, AttemptRow.device_id.is_(None)))
            .values(device_id=ident.device_id)
        )
        session.execute(
            update(CaseEventRow)
            .where(or_(CaseEventRow.device_id == local, CaseEventRow.device_id.is_(None)))
            .values(device_id=ident.device_id)
        )
    set_kv(session, KV_APP_DEVICE_ID, ident.device_id)
    if ident.role == "worker" and ident.worker_id and not get_kv(session, KV_APP_WORKER_ID):
        set_kv(session, KV_APP_WORKER_ID, ident.worker_id)


# --- enrolment ---------------------------------------------------------------------------------


def save_enrolment(
    session: Session,
    *,
    server_url: str,
    reply: EnrollResponse,
    ca_bundle: str | None,
    now: datetime,
) -> None:
    values = {
        KV_SERVER_URL: server_url.rstrip("/"),
        KV_DEVICE_ID: reply.device_id,
        KV_TOKEN: reply.token,
        KV_WORKER_ID: reply.worker_id or "",
        # The app-wide "who am I" (Vandaag, printing) is the enrolled user.
        KV_APP_WORKER_ID: reply.worker_id or "",
        KV_ROLE: reply.role,
        KV_TEAM: reply.team,
        KV_CA_BUNDLE: ca_bundle or "",
        KV_ENROLLED_AT: now.isoformat(),
        KV_EPOCH: reply.server_epoch,
        KV_CURSOR: "",
    }
    for key, value in values.items():
        set_kv(session, key, value)


def load_identity(session: Session) -> SyncIdentity | None:
    token = get_kv(session, KV_TOKEN)
    url = get_kv(session, KV_SERVER_URL)
    device = get_kv(session, KV_DEVICE_ID)
    if not token or not url or not device:
        return None
    return SyncIdentity(
        server_url=url,
        device_id=device,
        token=token,
        worker_id=get_kv(session, KV_WORKER_ID) or None,
        role=get_kv(session, KV_ROLE) or "worker",
        team=get_kv(session, KV_TEAM) or "",
        ca_bundle=get_kv(session, KV_CA_BUNDLE) or None,
    )


def is_enrolled(session: Session) -> bool:
    return get_kv(session, KV_TOKEN) is not None


def enroll(
    store: StoreHandle,
    server_url: str,
    username: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    device_name: str = "",
    transport_factory: TransportFactory = default_transport,
) -> EnrollResponse:
    """Register this store's laptop with the server: the device token goes into the encrypted
    store, the recovery key into a recovery key slot (and is then forgotten), and the app's
    identity becomes the enrolled one. The reply comes back without token and recovery key."""
    with transport_factory(server_url, None, ca_bundle, threading.Event()) as transport:
        reply = transport.call(
            "POST",
            "/v1/enroll",
            EnrollResponse,
            json=EnrollRequest(
                username=username, password=password, device_name=device_name
            ).model_dump(),
        )
    recovery_key = bytearray(base64.b64decode(reply.recovery_key))
    try:
        store.add_recovery_slot(bytes(recovery_key))
    finally:
        key_slots.wipe(recovery_key)
    with store.session() as session:
        save_enrolment(
            session,
            server_url=transport.base_url,
            reply=reply,
            ca_bundle=ca_bundle,
            now=datetime.now(UTC),
        )
        adopt_enrolled_identity(session)
    return reply.model_copy(update={"token": "", "recovery_key": ""})


def enroll_with_login(
    store: StoreHandle,
    login: ServerLogin,
    transport_factory: TransportFactory = default_transport,
) -> EnrollResponse:
    """:func:`enroll` with what a connect form collected (trimmed; the host name by default)."""
    return enroll(
        store,
        login.url.strip(),
        login.username.strip(),
        login.password,
        ca_bundle=login.ca_bundle or None,
        device_name=login.device_name or default_device_name(),
        transport_factory=transport_factory,
    )


def recover(
    db_path: Path,
    server_url: str,
    username: str,
    password: str,
    new_passphrase: str,
    *,
    ticket: str,
    ca_bundle: str | None = None,
    params: KdfParams | None = None,
    transport_factory: TransportFactory = default_transport,
) -> Store:
    """Forgotten passphrase: with the one-time ``ticket`` from the team lead, fetch this
    laptop's recovery key and open the store with it, setting ``new_passphrase``. Unsynced work
    is kept; the next sync replaces the released key (``rotate_recovery_key``)."""
    request = RecoveryRequest(username=username, password=password, ticket=ticket)
    with transport_factory(server_url, None, ca_bundle, threading.Event()) as transport:
        reply = transport.call("POST", "/v1/recovery", RecoveryResponse, json=request.model_dump())
    for item in reply.keys:
        key = bytearray(base64.b64decode(item.recovery_key))
        try:
            store = Store.recover(db_path, bytes(key), new_passphrase, params=params)
        except WrongPassphrase:
            continue
        finally:
            key_slots.wipe(key)
        with store.session() as session:
            set_kv(session, KV_RECOVERY_ROTATION_DUE, "1")
        return store
    raise WrongPassphrase(MSG_NO_RECOVERY)


def rotate_recovery_key(store: StoreHandle, transport: Transport) -> bool:
    """After a release: get a new recovery key from the server, put it in the recovery slot
    (replacing the released one) and forget it. True if a rotation happened."""
    with store.session() as session:
        if get_kv(session, KV_RECOVERY_ROTATION_DUE) != "1":
            return False
    reply = transport.call("POST", "/v1/device/recovery-key", RotatedRecoveryKey)
    fresh = bytearray(base64.b64decode(reply.recovery_key))
    try:
        store.add_recovery_slot(bytes(fresh))
    finally:
        key_slots.wipe(fresh)
    with store.session() as session:
        set_kv(session, KV_RECOVERY_ROTATION_DUE, "")
    return True
