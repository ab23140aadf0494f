"""The Haal Centraal client against the local fake over mTLS: batches, minimal fields,
protocollering headers, 429 with retry, expired token, tooManyResults, refusals."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.brp.haal_centraal import BSN_FIELDS, HaalCentraalProvider
from fieldapp.brp.model import (
    AddressQuery,
    BrpUnavailable,
    PlaceKind,
    QueryContext,
    QueryRecord,
    SearchStatus,
)
from tests.server.brp.certs import Pki
from tests.server.brp.conftest import Sleeps, gateway
from tests.server.brp.fake_brp import FakeBrp
from tests.server.brp.people import persoon, synthetic_bsn

CTX = QueryContext(user="user-1", task="Vroegsignalering schulden", correlation_id="corr-1")


def test_bsn_lookup_batches_by_twenty_with_minimal_fields_and_headers(
    fake: FakeBrp, provider: HaalCentraalProvider
) -> None:
    numbers = [synthetic_bsn(i) for i in range(25)]
    fake.people.extend(persoon(b, huisnummer=i + 1) for i, b in enumerate(numbers))
    log: list[QueryRecord] = []
    found = provider.persons_by_bsn(numbers, CTX, log.append)
    assert sorted(found) == sorted(numbers)
    assert [len(r["burgerservicenummer"]) for r in fake.requests] == [20, 5]
    for body in fake.requests:
        assert body["fields"] == list(BSN_FIELDS)
        assert not any(f.startswith(("naam", "geboorte")) for f in body["fields"])
    assert fake.headers[0] == {
        "x-user": "user-1",
        "x-task-description": "Vroegsignalering schulden",
        "x-correlation-id": "corr-1",
    }
    assert [(r.outcome, r.asked, r.delivered) for r in log] == [("ok", 20, 20), ("ok", 5, 5)]
    assert all(len(r.delivered_pls) == r.delivered for r in log)
    assert fake.tokens_issued == 1  # cached across the two requests
    person = found[numbers[3]]
    assert person.place is PlaceKind.ADRES and person.address is not None
    assert (person.address.postcode, person.address.huisnummer) == ("3511AA", 4)
    assert person.bag_id == "0344010000000001" and person.gemeentecode == "0344"


def test_429_is_retried_after_retry_after_and_logged(
    fake: FakeBrp, provider: HaalCentraalProvider, sleeps: Sleeps
) -> None:
    fake.people.append(persoon(synthetic_bsn(0)))
    fake.fail_429, fake.retry_after = 2, "3"
    log: list[QueryRecord] = []
    assert synthetic_bsn(0) in provider.persons_by_bsn([synthetic_bsn(0)], CTX, log.append)
    assert sleeps == [3.0, 3.0]
    assert [r.outcome for r in log] == ["rate_limited", "rate_limited", "ok"]


def test_429_gives_up_after_the_bounded_retries(
    fake: FakeBrp, brp_url: str, pki: Pki, sleeps: Sleeps
) -> None:
    fake.fail_429, fake.retry_after = 10, "120"
    client = HaalCentraalProvider(
        gateway(brp_url, pki, max_retries=2, max_retry_wait=5.0), sleep=sleeps
    )
    log: list[QueryRecord] = []
    with pytest.raises(BrpUnavailable, match="te druk"):
        client.persons_by_bsn([synthetic_bsn(0)], CTX, log.append)
    client.close()
    assert sleeps == [5.0, 5.0]  # Retry-After capped by max_retry_wait
    assert len(log) == 3


def test_expired_token_is_renewed_once(fake: FakeBrp, provider: HaalCentraalProvider) -> None:
    fake.people.append(persoon(synthetic_bsn(1)))
    log: list[QueryRecord] = []
    provider.persons_by_bsn([synthetic_bsn(1)], CTX, log.append)
    fake.expire_tokens()  # the gateway no longer accepts the cached token
    assert synthetic_bsn(1) in provider.persons_by_bsn([synthetic_bsn(1)], CTX, log.append)
    assert fake.tokens_issued == 2
    assert [r.outcome for r in log] == ["ok", "unauthorised", "ok"]


def test_token_is_renewed_shortly_before_expiry(fake: FakeBrp, brp_url: str, pki: Pki) -> None:
    now = [1000.0]
    fake.people.append(persoon(synthetic_bsn(2)))
    fake.token_lifetime = 600
    client = HaalCentraalProvider(gateway(brp_url, pki, token_margin=120.0), clock=lambda: now[0])
    client.persons_by_bsn([synthetic_bsn(2)], CTX, lambda r: None)
    now[0] += 470  # 130 s before expiry: still good
    client.persons_by_bsn([synthetic_bsn(2)], CTX, lambda r: None)
    assert fake.tokens_issued == 1
    now[0] += 20  # inside the margin: renewed before the gateway would refuse it
    client.persons_by_bsn([synthetic_bsn(2)], CTX, lambda r: None)
    client.close()
    assert fake.tokens_issued == 2


def test_too_many_results_is_a_status_not_an_error(
    fake: FakeBrp, provider: HaalCentraalProvider
) -> None:
    fake.cap = 1
    fake.people.extend(
        persoon(
            synthetic_bsn(i),
            geslachtsnaam="Bakker",
            geboren=date(1970 + i, 1, 1),
            postcode="3512BB",
            huisnummer=7,
        )
        for i in range(3, 5)
    )
    log: list[QueryRecord] = []
    result = provider.search_address(
        AddressQuery("3512BB", 7, geslachtsnaam="Bakker"), CTX, log.append
    )
    assert result.status is SearchStatus.TOO_MANY and result.hits == ()
    assert log[-1].outcome == "too_many"


def test_search_sends_birth_date_surname_and_asks_only_the_bsn(
    fake: FakeBrp, provider: HaalCentraalProvider
) -> None:
    fake.people.append(
        persoon(
            synthetic_bsn(5),
            geslachtsnaam="Gündoğan",
            geboren=date(1991, 2, 3),
            postcode="3513CC",
            huisnummer=12,
            huisletter="A",
        )
    )
    result = provider.search_address(
        AddressQuery(
            "3513CC", 12, huisletter="A", geboortedatum=date(1991, 2, 3), geslachtsnaam="gundogan"
        ),
        CTX,
        lambda r: None,
    )
    assert [h.bsn for h in result.hits] == [synthetic_bsn(5)]
    body = fake.requests[-1]
    assert body["fields"] == ["burgerservicenummer"]
    assert body["geboortedatum"] == "1991-02-03" and body["huisletter"] == "A"


def test_without_client_certificate_the_gateway_refuses(
    brp_url: str, pki: Pki, sleeps: Sleeps
) -> None:
    client = HaalCentraalProvider(
        gateway(brp_url, pki, cert_file=None, key_file=None, max_retries=0), sleep=sleeps
    )
    with pytest.raises(BrpUnavailable):
        client.persons_by_bsn([synthetic_bsn(0)], CTX, lambda r: None)
    client.close()


def test_wrong_client_secret_is_a_clear_error(brp_url: str, pki: Pki) -> None:
    client = HaalCentraalProvider(gateway(brp_url, pki, client_secret="wrong"))
    with pytest.raises(BrpUnavailable, match="weigert de aanmelding"):
        client.persons_by_bsn([synthetic_bsn(0)], CTX, lambda r: None)
    client.close()


def test_unreachable_gateway_is_retried_then_refused(pki: Pki, sleeps: Sleeps) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = HaalCentraalProvider(
        gateway(f"https://127.0.0.1:{port}", pki, token_url="", max_retries=1), sleep=sleeps
    )
    log: list[QueryRecord] = []
    with pytest.raises(BrpUnavailable, match="niet bereikbaar"):
        client.persons_by_bsn([synthetic_bsn(0)], CTX, log.append)
    client.close()
    assert [r.outcome for r in log] == ["error", "error"] and sleeps == [0.5]
