"""HTTP errors of the API with fixed, PII-free Dutch bodies."""

from __future__ import annotations

from typing import Any

from fieldapp.sync.protocol import UpgradeRequired, WipeOrder


class ApiError(Exception):
    def __init__(self, status_code: int, body: dict[str, Any]) -> None:
        super().__init__(status_code)
        self.status_code = status_code
        self.body = body
        self.audit: dict[str, Any] | None = None  # a denial to record after rollback


def not_found() -> ApiError:
    """The same reply for "does not exist" and "not yours": existence never leaks."""
    return ApiError(404, {"detail": "Niet gevonden."})


def unauthenticated() -> ApiError:
    return ApiError(401, {"detail": "Niet aangemeld."})


def bad_credentials() -> ApiError:
    return ApiError(401, {"detail": "Gebruikersnaam of wachtwoord klopt niet."})


def forbidden() -> ApiError:
    return ApiError(403, {"detail": "Geen toegang."})


def wipe_order(push_first: bool) -> ApiError:
    return ApiError(403, WipeOrder(push_first=push_first).model_dump())


def upgrade_required() -> ApiError:
    return ApiError(426, UpgradeRequired().model_dump())


def stale_cursor() -> ApiError:
    return ApiError(410, {"detail": "Cursor verlopen; haal alles opnieuw op."})


def conflict() -> ApiError:
    return ApiError(409, {"detail": "Gelijktijdige wijziging; probeer het opnieuw."})
