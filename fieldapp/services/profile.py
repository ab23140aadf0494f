"""The worker's own contact details on this laptop: what cards and letters print as sender.

A store made with ``fieldapp init`` has no worker from a server, so nothing to sign with; an
enrolled laptop has the server's record, which a worker may want to correct (a new direct
number). Both are served by one local profile in the store's key-value table: each field that
is filled wins over the server's value, an empty field leaves it alone. The profile lives in
the encrypted store, never in QSettings, and a sync never overwrites it (the server's worker
rows are applied to ``workers``; this is separate).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

from sqlalchemy.orm import Session

from fieldapp.domain.listing import WorkerInfo
from fieldapp.errors import FieldAppError
from fieldapp.intake.normalise import normalise_email, normalise_phone
from fieldapp.services import queries
from fieldapp.services.changes import Changes
from fieldapp.services.identity import KV_APP_WORKER_ID

KV_PROFILE = "worker_profile"
LOCAL_WORKER_ID = "local-profile"
MAX_NAME = 80


class ProfileInvalid(FieldAppError):
    """A profile value that cannot be printed (a number nobody can call). Nothing saved."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class WorkerProfile:
    """Empty strings mean "not set here". Phones are stored as E.164 (``+31612345678``)."""

    naam: str = ""
    telefoon: str = ""
    whatsapp: str = ""
    email: str = ""

    @property
    def first_name(self) -> str:
        return self.naam.split(" ")[0] if self.naam else ""


def load_profile(session: Session) -> WorkerProfile:
    raw = queries.get_kv(session, KV_PROFILE)
    if not raw:
        return WorkerProfile()
    data = json.loads(raw)
    return WorkerProfile(
        **{k: str(data.get(k, "")) for k in ("naam", "telefoon", "whatsapp", "email")}
    )


def clean_profile(
    current: WorkerProfile,
    *,
    naam: str | None = None,
    telefoon: str | None = None,
    whatsapp: str | None = None,
    email: str | None = None,
) -> WorkerProfile:
    """``current`` with the given fields replaced (``None`` keeps, ``""`` clears), checked.

    Raises ProfileInvalid with a Dutch message naming the field (never echoing the value)."""
    updates: dict[str, str] = {}
    if naam is not None:
        name = " ".join(naam.split())
        if len(name) > MAX_NAME:
            raise ProfileInvalid(f"De naam is langer dan {MAX_NAME} tekens.")
        updates["naam"] = name
    for field, value in (("telefoon", telefoon), ("whatsapp", whatsapp)):
        if value is None:
            continue
        if not value.strip():
            updates[field] = ""
            continue
        number = normalise_phone(value)
        if number is None:
            raise ProfileInvalid(
                f"Het {field}nummer is geen geldig telefoonnummer (bijv. 06 12345678)."
            )
        updates[field] = number
    if email is not None:
        if email.strip() and normalise_email(email) is None:
            raise ProfileInvalid("Het e-mailadres is ongeldig.")
        updates["email"] = (normalise_email(email) or "") if email.strip() else ""
    return replace(current, **updates)


def save_profile(session: Session, profile: WorkerProfile) -> Changes:
    queries.set_kv(session, KV_PROFILE, json.dumps(asdict(profile), ensure_ascii=False))
    return Changes()


def apply_profile(worker: WorkerInfo | None, profile: WorkerProfile) -> WorkerInfo | None:
    """The worker as printed: the profile's filled fields over the server's record."""
    if worker is None:
        if not profile.naam:
            return None
        worker = WorkerInfo(
            id=LOCAL_WORKER_ID,
            username="",
            display_name="",
            first_name="",
            role="worker",
            team="",
            phone="",
            whatsapp="",
            email="",
        )
    return replace(
        worker,
        display_name=profile.naam or worker.display_name,
        first_name=profile.first_name or worker.first_name,
        phone=profile.telefoon or worker.phone,
        whatsapp=profile.whatsapp or worker.whatsapp,
        email=profile.email or worker.email,
    )


def own_worker(session: Session) -> WorkerInfo | None:
    """This laptop's worker with the profile applied; None when neither exists."""
    worker_id = queries.get_kv(session, KV_APP_WORKER_ID)
    worker = next((w for w in queries.list_workers(session) if w.id == worker_id), None)
    return apply_profile(worker, load_profile(session))
