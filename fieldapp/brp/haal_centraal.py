"""Backend 1: the Haal Centraal BRP API Personen v2 through the municipality's API gateway.

``POST /personen`` only (personal data stays out of URLs and logs):
- ``RaadpleegMetBurgerservicenummer`` in batches of at most 20 BSNs, asking only the fields a
  verdict needs (``BSN_FIELDS``: no name, no birth date). ``opschortingBijhouding``, ``rni`` and
  ``indicatieVastgesteldVerblijftNietOpAdres`` come automatically (asking for them is a 400).
  The ``verblijfplaatsBinnenland`` alias is used: the team has no business with foreign addresses.
- ``ZoekMetPostcodeEnHuisnummer`` (+ geboortedatum, geslachtsnaam) asking ``burgerservicenummer``
  (and the surname parts only when the local name rules need them).

mTLS (the PKIoverheid certificate with the OIN) and OAuth2 client credentials (``oauth``) as
the gateway requires; ``X-User``, ``X-Task-Description`` and ``X-Correlation-ID`` on every
request for the gateway's protocollering. 429 and 5xx are retried a bounded number of times
(Retry-After honoured, capped); a 401 drops the cached token and retries once with a new one;
``tooManyResults`` becomes ``SearchStatus.TOO_MANY``. Every response is reported to ``log``
(one audit record per query, with ``x-geleverde-pls``).
"""

from __future__ import annotations

import ssl
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import httpx

from fieldapp.brp.config import GatewaySettings
from fieldapp.brp.model import (
    MAX_BSNS_PER_QUERY,
    AddressQuery,
    BrpAddress,
    BrpPerson,
    BrpUnavailable,
    PlaceKind,
    QueryContext,
    QueryLog,
    QueryRecord,
    SearchHit,
    SearchResult,
    SearchStatus,
)
from fieldapp.brp.oauth import TokenCache

_VP = "verblijfplaatsBinnenland"
BSN_FIELDS: tuple[str, ...] = (
    "burgerservicenummer",
    "overlijden.datum",
    "gemeenteVanInschrijving",
    f"{_VP}.adresseerbaarObjectIdentificatie",
    f"{_VP}.functieAdres",
    f"{_VP}.verblijfadres.postcode",
    f"{_VP}.verblijfadres.huisnummer",
    f"{_VP}.verblijfadres.huisletter",
    f"{_VP}.verblijfadres.huisnummertoevoeging",
    f"{_VP}.verblijfadres.korteStraatnaam",
    f"{_VP}.verblijfadres.woonplaats",
)
SEARCH_FIELDS: tuple[str, ...] = ("burgerservicenummer",)
SEARCH_NAME_FIELDS: tuple[str, ...] = (
    "burgerservicenummer",
    "naam.geslachtsnaam",
    "naam.voorvoegsel",
)
PLS_HEADER = "x-geleverde-pls"
BACKEND = "haal_centraal"


def _ssl_context(settings: GatewaySettings) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)
    if settings.cert_file and settings.key_file:
        ctx.load_cert_chain(str(settings.cert_file), str(settings.key_file))
    return ctx


class HaalCentraalProvider:
    name = BACKEND

    def __init__(
        self,
        settings: GatewaySettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._sleep = sleep
        timeout = httpx.Timeout(
            settings.read_timeout, connect=settings.connect_timeout, pool=settings.connect_timeout
        )
        self._client = httpx.Client(verify=_ssl_context(settings), timeout=timeout)
        self._tokens = (
            TokenCache(
                self._client,
                token_url=settings.token_url,
                client_id=settings.client_id,
                client_secret=settings.client_secret,
                scope=settings.scope,
                resource_server=settings.resource_server,
                margin=settings.token_margin,
                clock=clock,
            )
            if settings.token_url
            else None
        )

    @property
    def tokens(self) -> TokenCache | None:
        return self._tokens

    def close(self) -> None:
        self._client.close()

    # -- the two queries ----------------------------------------------------------------------

    def persons_by_bsn(
        self, bsns: Sequence[str], ctx: QueryContext, log: QueryLog
    ) -> dict[str, BrpPerson]:
        found: dict[str, BrpPerson] = {}
        wanted = sorted(set(bsns))
        for start in range(0, len(wanted), MAX_BSNS_PER_QUERY):
            batch = wanted[start : start + MAX_BSNS_PER_QUERY]
            body = {
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": batch,
                "fields": list(BSN_FIELDS),
            }
            response = self._post(body, ctx, log, kind="raadpleeg_bsn", asked=len(batch))
            for raw in _personen(response):
                person = parse_person(raw)
                if person.bsn in batch:
                    found[person.bsn] = person
        return found

    def search_address(self, query: AddressQuery, ctx: QueryContext, log: QueryLog) -> SearchResult:
        body: dict[str, Any] = {
            "type": "ZoekMetPostcodeEnHuisnummer",
            "postcode": query.postcode,
            "huisnummer": query.huisnummer,
            "fields": list(SEARCH_NAME_FIELDS if query.with_names else SEARCH_FIELDS),
        }
        if query.huisletter:
            body["huisletter"] = query.huisletter
        if query.toevoeging:
            body["huisnummertoevoeging"] = query.toevoeging
        if query.geboortedatum:
            body["geboortedatum"] = query.geboortedatum.isoformat()
        if query.geslachtsnaam:
            body["geslachtsnaam"] = query.geslachtsnaam
        response = self._post(body, ctx, log, kind="zoek_adres", asked=1)
        if response is None:
            return SearchResult(SearchStatus.TOO_MANY)
        hits = []
        for raw in _personen(response):
            naam = raw.get("naam") or {}
            hits.append(
                SearchHit(
                    bsn=str(raw.get("burgerservicenummer", "")),
                    geslachtsnaam=str(naam.get("geslachtsnaam", "")),
                    voorvoegsel=str(naam.get("voorvoegsel", "")),
                )
            )
        return SearchResult(SearchStatus.OK, tuple(h for h in hits if h.bsn))

    # -- transport ----------------------------------------------------------------------------

    def _headers(self, ctx: QueryContext, correlation_id: str) -> dict[str, str]:
        headers = {
            "Accept": "application/json",
            "X-User": ctx.user,
            "X-Task-Description": ctx.task,
            "X-Correlation-ID": correlation_id,
        }
        if self._tokens is not None:
            headers["Authorization"] = f"Bearer {self._tokens.token()}"
        if self._settings.api_key:
            headers["X-API-Key"] = self._settings.api_key
        return headers

    def _wait(self, attempt: int, response: httpx.Response | None) -> None:
        wait = min(self._settings.max_retry_wait, 0.5 * 2**attempt)
        retry_after = response.headers.get("retry-after") if response is not None else None
        if retry_after and retry_after.strip().isdigit():
            wait = min(self._settings.max_retry_wait, float(retry_after.strip()))
        self._sleep(wait)

    def _post(
        self, body: dict[str, Any], ctx: QueryContext, log: QueryLog, *, kind: str, asked: int
    ) -> httpx.Response | None:
        """The response of a successful query; None for ``tooManyResults``."""
        correlation_id = ctx.correlation_id or str(uuid.uuid4())
        refreshed = False
        attempt = 0

        def record(outcome: str, status: int | None, pls: tuple[str, ...] = (), n: int = 0) -> None:
            log(
                QueryRecord(
                    backend=BACKEND,
                    kind=kind,
                    correlation_id=correlation_id,
                    user=ctx.user,
                    task=ctx.task,
                    asked=asked,
                    delivered=n,
                    outcome=outcome,
                    http_status=status,
                    delivered_pls=pls,
                )
            )

        while True:
            try:
                response = self._client.post(
                    self._settings.url, json=body, headers=self._headers(ctx, correlation_id)
                )
            except httpx.TransportError as exc:
                record("error", None)
                if attempt >= self._settings.max_retries:
                    raise BrpUnavailable("De BRP-gateway is niet bereikbaar.") from exc
                self._wait(attempt, None)
                attempt += 1
                continue
            status = response.status_code
            if status == 401 and self._tokens is not None and not refreshed:
                record("unauthorised", status)
                self._tokens.invalidate()  # expired or revoked: one retry with a fresh token
                refreshed = True
                continue
            if status == 429 or status >= 500:
                record("rate_limited" if status == 429 else "error", status)
                if attempt >= self._settings.max_retries:
                    raise BrpUnavailable(
                        "De BRP is nu te druk of niet beschikbaar (HTTP "
                        f"{status}); probeer het later opnieuw."
                    )
                self._wait(attempt, response)
                attempt += 1
                continue
            if status == 400 and _is_too_many(response):
                record("too_many", status)
                return None
            if status != 200:
                record("refused", status)
                raise BrpUnavailable(
                    f"De BRP weigerde de vraag (HTTP {status}): controleer de autorisatie."
                )
            pls = tuple(
                p.strip() for p in response.headers.get(PLS_HEADER, "").split(",") if p.strip()
            )
            record("ok", status, pls, len(_personen(response)))
            return response


def _is_too_many(response: httpx.Response) -> bool:
    try:
        problem = response.json()
    except ValueError:
        return False
    if not isinstance(problem, dict):
        return False
    codes = {str(problem.get("code", ""))}
    codes |= {str(p.get("code", "")) for p in problem.get("invalidParams", []) or []}
    return "tooManyResults" in codes


def _personen(response: httpx.Response | None) -> list[dict[str, Any]]:
    if response is None:
        return []
    try:
        body = response.json()
    except ValueError as exc:
        raise BrpUnavailable("De BRP gaf een onleesbaar antwoord.") from exc
    people = body.get("personen", []) if isinstance(body, dict) else []
    return [p for p in people if isinstance(p, dict)]


def _date(value: Any) -> date | None:
    if isinstance(value, dict) and value.get("type") == "Datum":
        try:
            return date.fromisoformat(str(value.get("datum")))
        except ValueError:
            return None
    return None


def _code(value: Any) -> str | None:
    if isinstance(value, dict) and value.get("code") not in (None, ""):
        return str(value["code"])
    return None


def parse_person(raw: dict[str, Any]) -> BrpPerson:
    """The verdict's facts from one ``Persoon`` (v2 shapes; unknown extras ignored)."""
    overlijden = raw.get("overlijden") or {}
    place = raw.get("verblijfplaats") or raw.get(_VP) or {}
    kind = PlaceKind.GEEN
    address = None
    if isinstance(place, dict) and place:
        type_name = str(place.get("type", "Adres" if "verblijfadres" in place else ""))
        kind = PlaceKind(type_name) if type_name in PlaceKind._value2member_map_ else kind
        adres = place.get("verblijfadres") or {}
        if kind is PlaceKind.ADRES and adres.get("postcode") and adres.get("huisnummer"):
            suffix = f"{adres.get('huisletter', '')}{adres.get('huisnummertoevoeging', '')}"
            address = BrpAddress(
                postcode=str(adres["postcode"]).replace(" ", "").upper(),
                huisnummer=int(adres["huisnummer"]),
                toevoeging=suffix.replace(" ", "").upper(),
                straat=str(adres.get("korteStraatnaam") or adres.get("officieleStraatnaam") or ""),
                woonplaats=str(adres.get("woonplaats", "")),
            )
    opschorting = raw.get("opschortingBijhouding") or {}
    return BrpPerson(
        bsn=str(raw.get("burgerservicenummer", "")),
        overleden=bool(overlijden),
        datum_overlijden=_date(overlijden.get("datum")),
        opschorting=_code(opschorting.get("reden")),
        gemeentecode=_code(raw.get("gemeenteVanInschrijving")),
        place=kind,
        address=address,
        bag_id=str(place.get("adresseerbaarObjectIdentificatie") or "") or None
        if isinstance(place, dict)
        else None,
        briefadres=_code(place.get("functieAdres")) == "B" if isinstance(place, dict) else False,
        verblijft_niet_op_adres=bool(place.get("indicatieVastgesteldVerblijftNietOpAdres"))
        if isinstance(place, dict)
        else False,
        rni=bool(raw.get("rni")),
    )
