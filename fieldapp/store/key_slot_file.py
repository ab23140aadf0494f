"""The key-slot file's shape, checked by pydantic before any key material is touched.

A damaged, truncated or hostile file becomes :class:`SlotFileCorrupt` (a ``StoreCorrupt``): its
message is the fixed Dutch sentence the UI translates, its ``detail`` names the field (names
and positions only, never a value, which may be key material) for support and the log. A file
written by a newer version becomes :class:`StoreTooNew`. The format itself is described
in ``fieldapp.store.key_slots``.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from fieldapp.errors import StoreCorrupt, StoreTooNew
from fieldapp.store.kdf import KdfParams

log = logging.getLogger(__name__)

SLOT_FILE_VERSION = 1
MSG_CORRUPT = "Het sleutelbestand van de database is beschadigd."
MSG_TOO_NEW = (
    "Dit sleutelbestand is gemaakt door een nieuwere versie van Veldwerk. Werk Veldwerk bij."
)


class SlotFileCorrupt(StoreCorrupt):
    """The key-slot file is unreadable; ``detail`` says where ("veld slots.0.salt")."""

    def __init__(self, detail: str) -> None:
        super().__init__(MSG_CORRUPT)
        self.detail = detail


def _is_base64(value: str) -> str:
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("geen base64") from None
    return value


Base64 = Annotated[str, AfterValidator(_is_base64)]


class _Strict(BaseModel):
    # strict: 3 is a number, "3" and true are not; unknown keys are kept for newer minor fields.
    model_config = ConfigDict(strict=True, extra="allow", frozen=True)


class PassphraseSlot(_Strict):
    kind: Literal["passphrase"]
    kdf: Literal["argon2id"]
    t: int
    m: int
    p: int
    salt: Base64
    nonce: Base64
    wrapped: Base64

    @model_validator(mode="after")
    def _cost_in_range(self) -> PassphraseSlot:
        KdfParams(t=self.t, m=self.m, p=self.p)  # ValueError when out of the sane bounds
        return self


class RecoverySlot(_Strict):
    kind: Literal["recovery"]
    kdf: Literal["hkdf-sha256"]
    salt: Base64
    nonce: Base64
    wrapped: Base64


class SlotFile(_Strict):
    version: int = Field(ge=1, le=SLOT_FILE_VERSION)
    db_id: str
    slots: list[Annotated[PassphraseSlot | RecoverySlot, Field(discriminator="kind")]] = Field(
        min_length=1
    )

    @model_validator(mode="after")
    def _has_passphrase_slot(self) -> SlotFile:
        if not any(isinstance(s, PassphraseSlot) for s in self.slots):
            raise ValueError("geen slot voor een wachtwoordzin")
        return self


class _Version(BaseModel):
    model_config = ConfigDict(strict=True, extra="allow")
    version: int = Field(ge=1)


def parse_slot_file(raw: bytes) -> dict[str, Any]:
    """The validated document (a plain dict, written back as it was read)."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SlotFileCorrupt("geen leesbare JSON") from None
    try:
        if _Version.model_validate(doc).version > SLOT_FILE_VERSION:
            raise StoreTooNew(MSG_TOO_NEW)
        SlotFile.model_validate(doc)
    except ValidationError as exc:
        where = _where(exc)
        log.warning("key-slot file rejected: %s", where)
        raise SlotFileCorrupt(where) from None
    assert isinstance(doc, dict)  # the models accepted only an object
    return doc


def _where(exc: ValidationError) -> str:
    """'veld slots.0.salt' for the first problem: the place, never the value."""
    loc = exc.errors(include_input=False, include_url=False)[0]["loc"]
    return f"veld {'.'.join(str(part) for part in loc)}" if loc else "geen object"
