"""Typed errors the UI and CLI map to clear Dutch messages and exit codes.

Messages never contain passphrases, names, addresses or amounts.
"""

from __future__ import annotations


class FieldAppError(Exception):
    """Base for errors that have a user-facing meaning."""

    exit_code = 1


class WrongPassphrase(FieldAppError):
    """The passphrase (or recovery key) does not unlock the key slot. Nothing was changed."""

    exit_code = 3


class StoreCorrupt(FieldAppError):
    """The database or key-slot file fails its integrity checks."""

    exit_code = 4


class StoreTooNew(FieldAppError):
    """The database was written by a newer Veldwerk; this version must not touch it."""

    exit_code = 4


class StoreMissing(FieldAppError):
    """No store at the given path (run ``fieldapp init`` or start the app to create one)."""

    exit_code = 4


class StoreLocked(FieldAppError):
    """Another Veldwerk process holds this store open."""

    exit_code = 4


class ImportRefused(FieldAppError):
    """A file that cannot be imported at all (unreadable, unknown format, no valid row).

    Nothing was written. ``path`` names the file when the caller knows it (several files).
    """

    exit_code = 2
    path: str | None = None


class WeakPassphrase(FieldAppError):
    """A new passphrase that does not meet the policy (length, common list)."""

    exit_code = 2


class InputRefused(FieldAppError):
    """A command's arguments cannot be used (unknown result, reversed period...). Nothing was
    written."""

    exit_code = 2
