"""What a new passphrase must be (Dutch messages), and the one normal form of every passphrase."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

from fieldapp.errors import WeakPassphrase

MIN_PASSPHRASE_CHARS = 12


def normalise_passphrase(passphrase: str) -> str:
    """NFC, so an é typed as one code point or as e + accent unlocks the same slot."""
    return unicodedata.normalize("NFC", passphrase)


@cache
def _common_passphrases() -> frozenset[str]:
    text = (
        resources.files("fieldapp.store")
        .joinpath("common_passphrases.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def check_new_passphrase(passphrase: str) -> None:
    """Raise :class:`WeakPassphrase` (Dutch message) if a *new* passphrase breaks the policy.

    Policy: at least 12 characters after NFC, not one repeated character, not on the bundled
    list of common passwords (compared case-insensitively, ignoring surrounding spaces).
    Existing passphrases are never re-checked at unlock.
    """
    p = normalise_passphrase(passphrase)
    if len(p) < MIN_PASSPHRASE_CHARS:
        raise WeakPassphrase(
            f"De wachtwoordzin moet minstens {MIN_PASSPHRASE_CHARS} tekens lang zijn. "
            "Een zin van een paar woorden is makkelijk te onthouden."
        )
    if len(set(p)) == 1:
        raise WeakPassphrase("De wachtwoordzin mag niet uit één herhaald teken bestaan.")
    if p.strip().casefold() in _common_passphrases():
        raise WeakPassphrase(
            "Deze wachtwoordzin komt voor in lijsten van veelgebruikte wachtwoorden. "
            "Kies een andere."
        )
