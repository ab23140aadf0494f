"""OAuth2 client credentials with a token cache (the gateway's token endpoint).

The token is reused until ``margin`` seconds before it expires (never less than a tenth of its
lifetime, so a short-lived token is still reused). ``invalidate`` drops it, e.g. after a 401
from the API (an expired or revoked token): the next call fetches a fresh one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from fieldapp.brp.model import BrpUnavailable


@dataclass(frozen=True, slots=True)
class _Token:
    value: str
    renew_at: float


class TokenCache:
    def __init__(
        self,
        client: httpx.Client,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        scope: str = "",
        resource_server: str = "",
        margin: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._client = client
        self._url = token_url
        self._form = {"grant_type": "client_credentials"}
        if scope:
            self._form["scope"] = scope
        if resource_server:
            self._form["resourceServer"] = resource_server
        self._auth = (client_id, client_secret)
        self._margin = margin
        self._clock = clock
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self.fetched = 0  # how many tokens were fetched (tests, diagnostics)

    def token(self) -> str:
        with self._lock:
            now = self._clock()
            if self._token is None or now >= self._token.renew_at:
                self._token = self._fetch(now)
            return self._token.value

    def invalidate(self) -> None:
        with self._lock:
            self._token = None

    def _fetch(self, now: float) -> _Token:
        try:
            response = self._client.post(self._url, data=self._form, auth=self._auth)
        except httpx.HTTPError as exc:
            raise BrpUnavailable("Het tokenadres van de BRP-gateway is niet bereikbaar.") from exc
        if response.status_code != 200:
            raise BrpUnavailable(
                f"De BRP-gateway weigert de aanmelding (HTTP {response.status_code}): "
                "controleer client_id, geheim en certificaat."
            )
        try:
            body = response.json()
            value = str(body["access_token"])
            lifetime = float(body.get("expires_in", 300))
        except (ValueError, KeyError, TypeError) as exc:
            raise BrpUnavailable("De BRP-gateway gaf een onleesbaar token.") from exc
        self.fetched += 1
        margin = min(self._margin, lifetime * 0.9)
        return _Token(value, now + max(lifetime - margin, 0.0))
