"""HTTP transport for the sync client: TLS, retries with backoff, strict reply checking.

A reply counts only if it is HTTP 2xx, ``application/json`` and validates against the expected
protocol model. Everything else - a captive portal's HTML 200, a truncated body, a reset, a
timeout, a 5xx - is a failure that is retried with exponential backoff and, in the end, raised
as :class:`SyncUnavailable`. Nothing is acked on a failure because the caller only marks items
after a validated reply.

TLS: ``https://`` URLs are verified (system CAs, or ``ca_bundle`` for a municipal CA); plain
``http://`` is refused unless the host is loopback (the embedded demo server).
"""

from __future__ import annotations

import ipaddress
import json as json_module
import random
import ssl
import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from fieldapp.errors import FieldAppError
from fieldapp.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, WipeOrder

M = TypeVar("M", bound=BaseModel)

MSG_UNAVAILABLE = (
    "Geen verbinding met de server. Je werk blijft bewaard op deze laptop; "
    "Veldwerk probeert het later opnieuw."
)
MSG_NOT_JSON = (
    "De server gaf een onverwacht antwoord (misschien een inlogpagina van een wifi-netwerk). "
    "Je werk blijft bewaard op deze laptop."
)
MSG_AUTH = "Deze laptop is niet (meer) aangemeld bij de server. Meld opnieuw aan."
MSG_UPGRADE = "Deze versie van Veldwerk is te oud voor de server. Werk Veldwerk bij."
MSG_INSECURE = "Alleen een beveiligde verbinding (https) naar de server is toegestaan."
MSG_CANCELLED = "Synchroniseren is afgebroken."
MSG_REFUSED = "De server weigerde het verzoek."


class SyncError(FieldAppError):
    """Base of sync failures (Dutch message for the user)."""

    exit_code = 5


class SyncUnavailable(SyncError):
    """Network failure or an invalid reply, after all retries. Nothing was acked."""


class SyncAuthError(SyncError):
    """401, or a 403 without a wipe order."""


class SyncUpgradeRequired(SyncError):
    """426: this client is too old."""


class SyncRefused(SyncError):
    """4xx other than the above (a bug: e.g. 413 or 422); not retried."""


class SyncCancelled(SyncError):
    """The caller set the cancel event."""


class SyncThrottled(SyncError):
    """Too many failed sign-ins (429): try again after ``retry_after`` seconds, not sooner."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, round(retry_after / 60))
        when = f"{retry_after} seconden" if retry_after < 90 else f"{minutes} minuten"
        super().__init__(f"Te veel mislukte pogingen. Probeer het over {when} opnieuw.")
        self.retry_after = retry_after


class StaleCursorError(SyncError):
    """410: the server does not know our cursor; pull again from the start."""


class WipeRequested(SyncError):
    """403 with a wipe order: this device was revoked."""

    def __init__(self, order: WipeOrder) -> None:
        super().__init__("Deze laptop is ingetrokken; de gegevens worden gewist.")
        self.order = order


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.hostname or "")):
        return url.rstrip("/")
    raise SyncError(MSG_INSECURE)


class Transport:
    """One server connection. ``token=None`` for enrolment/recovery. Not thread-safe."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        ca_bundle: str | None = None,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        cancel: threading.Event | None = None,
        overload_budget: float = 120.0,
    ) -> None:
        self.base_url = check_url(base_url)
        self.retries = retries
        self.overload_budget = overload_budget
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.cancel = cancel or threading.Event()
        self.attempts_made = 0
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._client = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            verify=ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def call(
        self,
        method: str,
        path: str,
        expect: type[M],
        *,
        json: Any = None,
        content: bytes | None = None,
        params: Mapping[str, str | int] | None = None,
    ) -> M:
        """Send with retries; return the validated reply or raise a :class:`SyncError`.

        ``content``: an already-encoded JSON body (e.g. ``model_dump_json()``), sent as
        ``application/json``; cheaper than ``json=`` for big pushes."""
        headers = {"Content-Type": "application/json"} if content is not None else None
        last: SyncError = SyncUnavailable(MSG_UNAVAILABLE)
        # An overloaded server (503 + Retry-After, admission control) is busy, not broken: such
        # waits do not use up a retry, up to ``overload_budget`` seconds in all, so a morning
        # rush spreads itself out instead of failing.
        server_wait = 0.0
        overload_waited = 0.0
        attempt = 0
        while attempt <= self.retries:
            if self.cancel.is_set():
                raise SyncCancelled(MSG_CANCELLED)
            if server_wait:
                delay = server_wait * (1 + random.random())  # jitter: not all back at once
                overload_waited += delay
                server_wait = 0.0
                if self.cancel.wait(delay):
                    raise SyncCancelled(MSG_CANCELLED)
            elif attempt:
                delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
                if self.cancel.wait(delay * (0.5 + random.random() / 2)):
                    raise SyncCancelled(MSG_CANCELLED)
            attempt += 1
            self.attempts_made += 1
            try:
                response = self._client.request(
                    method, path, json=json, content=content, params=params, headers=headers
                )
                body = response.content  # reads fully; a short body raises here
            except httpx.TransportError:
                last = SyncUnavailable(MSG_UNAVAILABLE)
                continue
            status = response.status_code
            if 200 <= status < 300:
                try:
                    return _parse(response, body, expect)
                except (ValueError, ValidationError):
                    last = SyncUnavailable(MSG_NOT_JSON)
                    continue
            if status == 403:
                order = _try_model(response, body, WipeOrder)
                if order is not None:
                    raise WipeRequested(order)
                raise SyncAuthError(MSG_AUTH)
            if status == 401:
                raise SyncAuthError(MSG_AUTH)
            if status == 410:
                raise StaleCursorError("cursor")
            if status == 426:
                raise SyncUpgradeRequired(MSG_UPGRADE)
            if status == 429 and _is_json(response):
                # Sign-in throttling: retrying now only extends the lockout.
                raise SyncThrottled(_retry_after(response) or 60)
            retry_after = _retry_after(response)
            if status == 503 and retry_after and overload_waited < self.overload_budget:
                server_wait = min(float(retry_after), self.max_backoff)
                attempt -= 1  # busy, not failed
                last = SyncUnavailable(MSG_UNAVAILABLE)
                continue
            if status in (408, 429) or status >= 500:
                last = SyncUnavailable(MSG_UNAVAILABLE)
                continue
            if _is_json(response):
                # Our server's 4xx details are short Dutch sentences without personal data.
                raise SyncRefused(_detail(body) or f"{MSG_REFUSED} (HTTP {status})")
            # A non-JSON 4xx is a proxy or portal talking, not our server.
            last = SyncUnavailable(MSG_NOT_JSON)
        raise last


def _detail(body: bytes) -> str:
    try:
        detail = json_module.loads(body).get("detail")
    except (ValueError, AttributeError):
        return ""
    return detail if isinstance(detail, str) and len(detail) <= 300 else ""


def _retry_after(response: httpx.Response) -> int | None:
    """``Retry-After`` in seconds (the HTTP-date form is not used by our server)."""
    value = str(response.headers.get("retry-after", "")).strip()
    return int(value) if value.isdigit() else None


def _is_json(response: httpx.Response) -> bool:
    ctype = str(response.headers.get("content-type", ""))
    return ctype.split(";")[0].strip().lower() == "application/json"


def _parse(response: httpx.Response, body: bytes, expect: type[M]) -> M:
    if not _is_json(response):
        raise ValueError("reply is not JSON")
    return expect.model_validate_json(body)


def _try_model(response: httpx.Response, body: bytes, model: type[M]) -> M | None:
    try:
        return _parse(response, body, model)
    except (ValueError, ValidationError):
        return None


TransportFactory = Callable[[str, str | None, str | None, threading.Event], Transport]
"""``(base_url, token, ca_bundle, cancel) -> Transport``; the app passes one with fewer retries."""


def default_transport(
    base_url: str, token: str | None, ca_bundle: str | None, cancel: threading.Event
) -> Transport:
    return Transport(base_url, token, ca_bundle=ca_bundle, cancel=cancel)
