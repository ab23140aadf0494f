from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.brp.config import BrpConfig, GatewaySettings
from fieldapp.brp.haal_centraal import HaalCentraalProvider
from tests.server.brp.certs import Pki, make_pki
from tests.server.brp.fake_brp import CLIENT_ID, CLIENT_SECRET, FakeBrp, run_fake_brp
from tests.server.brp.people import OWN


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def fake() -> FakeBrp:
    return FakeBrp(people=[])


@pytest.fixture
def brp_url(fake: FakeBrp, pki: Pki) -> Iterator[str]:
    with run_fake_brp(fake, pki) as url:
        yield url


def gateway(url: str, pki: Pki, **overrides: object) -> GatewaySettings:
    values: dict[str, object] = {
        "url": f"{url}/haalcentraal/api/brp/personen",
        "token_url": f"{url}/token",
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "scope": "00000001234567890000",
        "cert_file": pki.client_cert,
        "key_file": pki.client_key,
        "ca_file": pki.ca,
        "max_retries": 3,
        "max_retry_wait": 30.0,
    }
    values.update(overrides)
    return GatewaySettings(**values)  # type: ignore[arg-type]


class Sleeps(list[float]):
    """Records the waits the client asks for instead of sleeping (no timing in tests)."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def provider(brp_url: str, pki: Pki, sleeps: Sleeps) -> Iterator[HaalCentraalProvider]:
    client = HaalCentraalProvider(gateway(brp_url, pki), sleep=sleeps)
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def config(brp_url: str, pki: Pki) -> BrpConfig:
    return BrpConfig(
        backend="haal_centraal",
        gemeentecodes=frozenset({OWN}),
        task="Vroegsignalering schulden (test)",
        gateway=gateway(brp_url, pki),
    )


def data_dir_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "brpcfg"
    folder.mkdir(exist_ok=True)
    (folder / "brp.toml").write_text(text, encoding="utf-8")
    return folder
