"""HTTP errors of the API with fixed, PII-free Dutch bodies."""

from __future__ import annotations

from typing import Any

from fieldapp.sync.protocol import UpgradeRequired, WipeOrder


class ApiError(Exception):
    def __init__(
        self, status_code: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code)
        self.status_code = status_code
        self.body = body
        self.headers = headers or {}
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


def too_many_attempts(seconds: int) -> ApiError:
    """429 with ``Retry-After``: sign-ins for this account or address are paused."""
    seconds = max(1, seconds)
    minutes = max(1, round(seconds / 60))
    when = f"{seconds} seconden" if seconds < 90 else f"{minutes} minuten"
    return ApiError(
        429,
        {
            "detail": f"Te veel mislukte pogingen. Probeer het over {when} opnieuw.",
            "retry_after": seconds,
        },
        headers={"Retry-After": str(seconds)},
    )


def overloaded(seconds: int = 5) -> ApiError:
    return ApiError(
        503,
        {"detail": "De server is even druk. Probeer het zo opnieuw.", "retry_after": seconds},
        headers={"Retry-After": str(seconds)},
    )
