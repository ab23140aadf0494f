"""A local stand-in for the BRP API Personen v2 (and its gateway's token endpoint), written
from the published OpenAPI shapes (v2.7): only the parts Veldwerk calls.

- ``POST /token``: OAuth2 client credentials (HTTP Basic client id/secret), ``expires_in``;
- ``POST /haalcentraal/api/brp/personen``: ``RaadpleegMetBurgerservicenummer`` (1..20 BSNs)
  and ``ZoekMetPostcodeEnHuisnummer`` (+ geboortedatum, geslachtsnaam; living persons only;
  above ``cap`` a 400 ``tooManyResults``); ``fields`` required, automatic fields refused;
  ``x-geleverde-pls`` on every answer; PLs with reden F/W never delivered.
- the gateway's rules: a valid bearer token (else 401), ``X-User``, ``X-Task-Description``
  and ``X-Correlation-ID`` present (else 400), and scripted 429s (``Retry-After``).

Persons are synthetic (``brp_people``), with 999-range BSNs: no copied test data.
"""

from __future__ import annotations

import base64
import secrets
import ssl
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from tests.server.brp.certs import Pki

AUTOMATIC = {
    "geheimhoudingPersoonsgegevens",
    "inOnderzoek",
    "opschortingBijhouding",
    "rni",
    "verificatie",
    "indicatieVastgesteldVerblijftNietOpAdres",
}
CLIENT_ID, CLIENT_SECRET = "veldwerk-test", "s3cret-test-only"


@dataclass
class FakeBrp:
    people: list[dict[str, Any]]
    cap: int = 30
    token_lifetime: int = 3600
    valid_tokens: set[str] = field(default_factory=set)
    tokens_issued: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    fail_429: int = 0
    retry_after: str = "2"

    def expire_tokens(self) -> None:
        self.valid_tokens.clear()


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


def _problem(status: int, code: str, title: str) -> JSONResponse:
    return JSONResponse(
        status_code=status,
        content={"type": "about:blank", "title": title, "status": status, "code": code},
        media_type="application/problem+json",
    )


def _lives_at(p: dict[str, Any], body: dict[str, Any]) -> bool:
    place = p.get("verblijfplaats") or {}
    adres = place.get("verblijfadres") or {}
    if place.get("type") != "Adres" or p.get("overlijden"):
        return False
    if p.get("opschortingBijhouding"):
        return False
    return (
        adres.get("postcode") == body.get("postcode")
        and adres.get("huisnummer") == body.get("huisnummer")
        and adres.get("huisletter", "") == body.get("huisletter", "")
        and adres.get("huisnummertoevoeging", "") == body.get("huisnummertoevoeging", "")
    )


def _name_fits(p: dict[str, Any], wanted: str) -> bool:
    name = p.get("naam", {}).get("geslachtsnaam", "")
    if wanted == _fold(wanted):  # no diacritics asked: both spellings match
        return _fold(name) == _fold(wanted)
    return name.casefold() == wanted.casefold()


def _restrict(p: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """The person limited to the asked fields (top level and verblijfplaats), plus the
    automatic ones. The binnenland alias hides a foreign verblijfplaats."""
    out: dict[str, Any] = {k: v for k, v in p.items() if k in AUTOMATIC}
    tops = {f.split(".")[0] for f in fields}
    for key in tops:
        if key == "verblijfplaatsBinnenland":
            place = p.get("verblijfplaats")
            if place and place.get("type") != "VerblijfplaatsBuitenland":
                out["verblijfplaats"] = place
        elif key in p:
            out[key] = p[key]
    return out


def make_app(state: FakeBrp) -> FastAPI:
    app = FastAPI()

    @app.post("/token")
    async def token(request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if auth != f"Basic {expected}" or form.get("grant_type") != "client_credentials":
            return JSONResponse(status_code=401, content={"error": "invalid_client"})
        value = secrets.token_urlsafe(24)
        state.valid_tokens.add(value)
        state.tokens_issued += 1
        return JSONResponse(
            {"access_token": value, "token_type": "Bearer", "expires_in": state.token_lifetime}
        )

    @app.post("/haalcentraal/api/brp/personen")
    async def personen(request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in state.valid_tokens:
            return _problem(401, "unauthorized", "Niet correct geauthenticeerd.")
        hdrs = {
            k: request.headers.get(k, "")
            for k in ("x-user", "x-task-description", "x-correlation-id")
        }
        if not all(hdrs.values()):
            return _problem(400, "missingHeaders", "Protocolleringsheaders ontbreken.")
        if state.fail_429 > 0:
            state.fail_429 -= 1
            response = _problem(429, "tooManyRequests", "Too many requests")
            response.headers["Retry-After"] = state.retry_after
            return response
        body = await request.json()
        state.requests.append(body)
        state.headers.append(hdrs)
        fields = body.get("fields") or []
        if not fields or any(f.split(".")[0] in AUTOMATIC for f in fields):
            return _problem(400, "fields", "Ongeldige fields.")
        kind = body.get("type")
        if kind == "RaadpleegMetBurgerservicenummer":
            bsns = body.get("burgerservicenummer") or []
            if not 1 <= len(bsns) <= 20:
                return _problem(400, "array", "1 tot 20 burgerservicenummers.")
            found = [
                p
                for p in state.people
                if p["burgerservicenummer"] in bsns
                and p.get("opschortingBijhouding", {}).get("reden", {}).get("code")
                not in {"F", "W"}
            ]
            delivered = [_restrict(p, fields) for p in found]
        elif kind == "ZoekMetPostcodeEnHuisnummer":
            found = [p for p in state.people if _lives_at(p, body)]
            if body.get("geboortedatum"):
                found = [
                    p
                    for p in found
                    if p.get("geboorte", {}).get("datum", {}).get("datum") == body["geboortedatum"]
                ]
            if body.get("geslachtsnaam"):
                found = [p for p in found if _name_fits(p, body["geslachtsnaam"])]
            if len(found) > state.cap:
                return _problem(400, "tooManyResults", "Te veel zoekresultaten.")
            delivered = []
            for p in found:
                short: dict[str, Any] = {"burgerservicenummer": p["burgerservicenummer"]}
                if any(f.startswith("naam") for f in fields):
                    short["naam"] = {
                        k: v
                        for k, v in p.get("naam", {}).items()
                        if k in {"geslachtsnaam", "voorvoegsel"}
                    }
                delivered.append(short)
        else:
            return _problem(400, "type", "Onbekend type.")
        response = JSONResponse({"type": kind, "personen": delivered})
        response.headers["x-geleverde-pls"] = ",".join(str(p["_pl"]) for p in found)
        return response

    return app


@contextmanager
def run_fake_brp(state: FakeBrp, pki: Pki) -> Iterator[str]:
    """Serve the fake over HTTPS on a loopback port, requiring a client certificate signed
    by the test CA (mTLS); yields the base URL."""
    config = uvicorn.Config(
        make_app(state),
        host="127.0.0.1",
        port=0,
        log_level="warning",
        access_log=False,
        lifespan="off",
        ssl_certfile=str(pki.server_cert),
        ssl_keyfile=str(pki.server_key),
        ssl_ca_certs=str(pki.ca),
        ssl_cert_reqs=ssl.CERT_REQUIRED,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="fake-brp", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("fake BRP did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"https://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
