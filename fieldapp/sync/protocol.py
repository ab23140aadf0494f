"""Wire models of the sync protocol (v2), shared by the server and the client.

The server publishes them as OpenAPI at ``/openapi.json``; the client validates every reply
against them, so a captive portal's HTML page or a truncated body is a failure, never an ack.

Contract and traps:
- Ids are UUID strings; upper-case or braced spellings are normalised to lowercase canonical
  form *before* dedupe (``Uuid`` below), so ``ABC...`` and ``abc...`` are the same attempt.
- Text fields refuse NUL characters and lone surrogates (PostgreSQL ``text`` cannot hold NUL and
  a lone surrogate cannot be encoded as UTF-8): a 422, never a 500 deep in the database.
- Datetimes on the wire must carry a time zone (``AwareDatetime``).
- A push carries at most :data:`MAX_PUSH_ITEMS` items; the server also caps the body at
  :data:`MAX_BODY_BYTES`.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from fieldapp import __version__
from fieldapp.domain.ddas import Contactsoort, Dagdeel, Eindresultaat
from fieldapp.sync.protocol_plan import PlannedVisitPayload, ShiftPayload

# v2 (issue 14): the feed carries (entity_type, entity_id, version) for cases, shifts and
# planned visits; pushes may carry route edits. v1 clients cannot read it: 426 "werk bij".
PROTOCOL_VERSION = 2
MIN_PROTOCOL_VERSION = 2
PROTOCOL_HEADER = "X-Veldwerk-Protocol"
MAX_PUSH_ITEMS = 200
MAX_PULL_LIMIT = 500
MAX_BODY_BYTES = 1024 * 1024
MAX_NOTE_CHARS = 20_000

MSG_UPGRADE = "Deze versie van Veldwerk is te oud voor de server. Werk Veldwerk bij."


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uuid(value: str) -> str:
    # Fast path: already canonical (what our clients send) -> returned unchanged, exactly what
    # str(uuid.UUID(value)) would give; parsing 20,000 ids per push page showed in profiles.
    if _CANONICAL_UUID.fullmatch(value):
        return value
    try:
        return str(uuid.UUID(value.strip()))
    except (ValueError, AttributeError):
        raise ValueError("not a UUID") from None


def _safe_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL character not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text is not valid Unicode (lone surrogate)") from None
    return value


Uuid = Annotated[str, Field(max_length=64), AfterValidator(_uuid)]
SafeText = Annotated[str, Field(max_length=MAX_NOTE_CHARS), AfterValidator(_safe_text)]
ShortText = Annotated[str, Field(max_length=200), AfterValidator(_safe_text)]


class _Model(BaseModel):
    """Requests: unknown fields are refused (a typo must not be silently dropped)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _Reply(BaseModel):
    """Replies: unknown fields are ignored, so a newer server can add fields without
    breaking older clients (the protocol version covers incompatible changes)."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# --- push ------------------------------------------------------------------------------------


class AttemptItem(_Model):
    """A contact attempt as pushed by the device that recorded it (append-only)."""

    type: Literal["attempt"] = "attempt"
    id: Uuid
    case_id: Uuid
    soort: Contactsoort
    bereikt: bool
    occurred_at: AwareDatetime
    dagdeel: Dagdeel
    outcome: Literal["wil_hulp", "geen_hulp"] | None = None
    note: SafeText = ""
    voids: Uuid | None = None
    void_reason: SafeText = ""


class CaseEventItem(_Model):
    """A case decision (close with a resultaat, reopen, hand over), append-only like attempts."""

    type: Literal["case_event"] = "case_event"
    id: Uuid
    case_id: Uuid
    kind: Literal["close", "reopen", "handover"]
    resultaat: Eindresultaat | None = None
    reason: SafeText = ""
    effort_override: bool = False
    at: AwareDatetime


class RouteEditItem(_Model):
    """A worker's own new visiting order of a published shift of theirs ("niet thuis, straks
    terug"), append-only like attempts. ``case_ids``: the shift's cases in the new order."""

    type: Literal["route_edit"] = "route_edit"
    id: Uuid
    shift_id: Uuid
    case_ids: list[Uuid] = Field(min_length=1, max_length=200)
    reason: Literal["niet_thuis_later", "volgorde"] = "volgorde"
    at: AwareDatetime


PushItem = Annotated[AttemptItem | CaseEventItem | RouteEditItem, Field(discriminator="type")]


class PushRequest(_Model):
    protocol_version: int
    device_id: Uuid
    items: list[PushItem] = Field(max_length=MAX_PUSH_ITEMS)


class Rejected(_Reply):
    id: str
    reason: str


class PushResponse(_Reply):
    """Every pushed id is in exactly one of the lists. ``conflicts`` are ids seen before with
    different content (stored once, reported, never merged); the client treats them as acked
    (the server keeps the first version and an alarm for the team) and ``rejected`` ones stay
    pending on the device."""

    accepted: list[str]
    duplicates: list[str]
    quarantined: list[str]
    conflicts: list[str]
    rejected: list[Rejected]
    server_epoch: str


# --- pull ------------------------------------------------------------------------------------


class AddressPayload(_Reply):
    postcode: str
    huisnummer: int
    toevoeging: str = ""
    straat: str = ""
    plaats: str = ""
    wijk: str = ""
    lat: float | None = None
    lon: float | None = None


class PersonPayload(_Reply):
    id: str
    identity_key: str
    achternaam: str = ""
    voorletters: str = ""
    voorvoegsel: str = ""
    voornaam: str = ""
    geboortedatum: date | None = None
    geslacht: str | None = None
    bsn: str | None = None
    bsn_invalid: str | None = None
    telefoon: str | None = None
    email: str | None = None


class SignalPayload(_Reply):
    id: str
    partner: str
    external_id: str
    person_id: str | None = None
    status: str
    bedrag_cents: int | None = None
    ontstaansdatum: date | None = None
    signaaldatum: date | None = None
    received_on: date
    crisissignaal: bool = False
    warme_overdracht: bool = False
    flags: list[str] = Field(default_factory=list)
    address_key: str | None = None


class AttemptPayload(_Reply):
    """An attempt the server holds on a case (any worker's), sent down with the case."""

    id: str
    soort: str
    bereikt: bool
    occurred_at: AwareDatetime
    dagdeel: str
    outcome: str | None = None
    note: str = ""
    worker_id: str | None = None
    device_id: str | None = None
    voids: str | None = None
    void_reason: str = ""


class CasePayload(_Reply):
    id: str
    address: AddressPayload | None
    people: list[PersonPayload]
    signals: list[SignalPayload]
    attempts: list[AttemptPayload]
    status: str
    opened_on: date
    deadline: date
    priority: int
    reasons: list[str]
    meervoudig: bool = False
    opeenvolgend: bool = False
    flags: list[str] = Field(default_factory=list)
    assigned_worker_id: str | None = None
    resultaat: str | None = None
    closed_at: AwareDatetime | None = None
    datum_opgepakt: date | None = None
    matchingsdatum: date | None = None
    version: int
    purge_after: date | None = None


class WorkerPayload(_Reply):
    """A team member (contact details are printed on cards and letters)."""

    id: str
    username: str
    display_name: str
    first_name: str = ""
    role: str = "worker"
    team: str = ""
    phone: str = ""
    whatsapp: str = ""
    email: str = ""


ENTITY_TYPES = ("case", "shift", "planned_visit")


class Change(_Reply):
    """One feed entry: an upsert (with the entity's payload) or a tombstone (with a reason).

    ``entity_type`` is a plain string so a newer server can add types (opt_out, policy):
    a client skips types it does not know. Tombstone reasons: cases ``unassigned`` |
    ``closed`` | ``purged``; shifts and visits ``unpublished`` | ``reassigned`` | ``deleted``.
    """

    seq: int
    entity_type: str
    entity_id: str
    op: Literal["upsert", "tombstone"]
    version: int = 0
    case: CasePayload | None = None
    shift: ShiftPayload | None = None
    planned_visit: PlannedVisitPayload | None = None
    reason: str | None = None


class ChangesPage(_Reply):
    changes: list[Change]
    workers: list[WorkerPayload]
    next_cursor: str
    has_more: bool
    server_epoch: str


# --- enrolment, devices ------------------------------------------------------------------------


class EnrollRequest(_Model):
    username: ShortText
    password: Annotated[str, Field(max_length=1024), AfterValidator(_safe_text)]
    device_name: ShortText = ""


class EnrollResponse(_Reply):
    device_id: str
    token: str
    recovery_key: str  # base64 of 32 bytes; the device wraps its DEK with it and forgets it
    worker_id: str | None
    role: str
    team: str
    server_epoch: str
    protocol_version: int


class RecoveryRequest(_Model):
    username: ShortText
    password: Annotated[str, Field(max_length=1024), AfterValidator(_safe_text)]
    # The one-time code a team lead issued for this laptop (``fieldapp server recovery issue``).
    ticket: Annotated[str, Field(min_length=4, max_length=40), AfterValidator(_safe_text)]


class RecoveryTicketRequest(_Model):
    minutes: int = Field(default=30, ge=1, le=24 * 60)


class RecoveryTicketResponse(_Reply):
    ticket: str
    device_id: str
    expires_at: AwareDatetime


class RotatedRecoveryKey(_Reply):
    recovery_key: str


class RecoveryKey(_Reply):
    device_id: str
    recovery_key: str


class RecoveryResponse(_Reply):
    keys: list[RecoveryKey]


class WipeOrder(_Reply):
    """Body of a 403 for a revoked device."""

    action: Literal["wipe"] = "wipe"
    push_first: bool


class UpgradeRequired(_Reply):
    """Body of a 426."""

    detail: str = MSG_UPGRADE
    min_protocol_version: int = MIN_PROTOCOL_VERSION


class RevokeRequest(_Model):
    push_first: bool = False


class OkResponse(_Reply):
    ok: bool = True


# --- team lead ---------------------------------------------------------------------------------


class AssignRequest(_Model):
    case_ids: list[Uuid] = Field(min_length=1, max_length=1000)
    worker_id: Uuid | None


class AssignResponse(_Reply):
    assigned: list[str]


class CaseSummary(_Reply):
    """A row of the team lead's case overview (no names, addresses or amounts)."""

    id: str
    status: str
    assigned_worker_id: str | None
    priority: int
    deadline: date
    version: int
    attempts: int


class CasesResponse(_Reply):
    cases: list[CaseSummary]


class QuarantineItem(_Reply):
    id: str
    kind: str
    case_id: str
    reason: str
    device_id: str
    received_at: AwareDatetime


class QuarantineResponse(_Reply):
    items: list[QuarantineItem]


class ImportResponse(_Reply):
    """Counts only; the full report (with rejected row numbers) comes from the import service."""

    files: int
    accepted: int
    duplicates: int
    rejected: int
    new_cases: int
    report: dict[str, object]


class Health(_Reply):
    status: Literal["ok"] = "ok"
    version: str = __version__
    protocol_version: int = PROTOCOL_VERSION
    min_protocol_version: int = MIN_PROTOCOL_VERSION
    server_epoch: str
