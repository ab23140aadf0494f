"""``brp.toml`` in the server's data folder: which backend, and how to reach the gateway.

    backend = "haal_centraal"          # or "extract" (no API access) or "handmatig"
    gemeentecodes = ["0344"]           # own municipality; default: organisatie.toml's codes
    taak = "Vroegsignalering schulden (Wgs art. 3)"   # X-Task-Description, protocollering

    [haal_centraal]
    url = "https://apigw.example.nl/lap/api/brp/personen"
    token_url = "https://auth.example.nl/nidp/oauth/nam/token"
    client_id = "..."                  # from RvIG (or the gateway) for OAuth2 client credentials
    client_secret_file = "brp.secret"  # the secret itself never sits in this file
    scope = "00000001234567890000"     # often the OIN
    resource_server = ""               # extra token parameter some gateways ask for
    cert_file = "pkio.pem"             # PKIoverheid client certificate (mTLS) ...
    key_file = "pkio.key"              # ... and its key
    ca_file = ""                       # the gateway's CA bundle, if not in the system store
    connect_timeout = 5.0
    read_timeout = 20.0
    max_retries = 3                    # on 429, 5xx and network errors; then give up
    max_retry_wait = 30.0              # cap on Retry-After / back-off, seconds
    token_margin = 300                 # renew the token this many seconds before expiry

Relative paths are read from the data folder. Wrong settings raise ``InputRefused`` with a Dutch
sentence that names the setting, never its value.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldapp.errors import InputRefused

CONFIG_FILE_NAME = "brp.toml"
BACKENDS = ("haal_centraal", "extract", "handmatig")
DEFAULT_TASK = "Vroegsignalering schulden"


@dataclass(frozen=True, slots=True)
class GatewaySettings:
    url: str
    token_url: str = ""
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    scope: str = ""
    resource_server: str = ""
    cert_file: Path | None = None
    key_file: Path | None = None
    ca_file: Path | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    max_retries: int = 3
    max_retry_wait: float = 30.0
    token_margin: float = 300.0
    api_key: str = field(default="", repr=False)  # X-API-Key (proefomgeving), optional


@dataclass(frozen=True, slots=True)
class BrpConfig:
    backend: str
    gemeentecodes: frozenset[str]
    task: str = DEFAULT_TASK
    gateway: GatewaySettings | None = None


def _path(base: Path, value: Any, name: str) -> Path | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputRefused(f"brp.toml: '{name}' moet een pad zijn.")
    path = Path(value)
    path = path if path.is_absolute() else base / path
    if not path.is_file():
        raise InputRefused(f"brp.toml: het bestand bij '{name}' bestaat niet.")
    return path


def _number(table: dict[str, Any], name: str, default: float, low: float, high: float) -> float:
    value = table.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise InputRefused(f"brp.toml: '{name}' moet een getal tussen {low:g} en {high:g} zijn.")
    return float(value)


def parse_config(text: str, *, base: Path, default_codes: frozenset[str]) -> BrpConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputRefused("brp.toml is niet leesbaar (TOML).") from exc
    backend = str(data.get("backend", "handmatig"))
    if backend not in BACKENDS:
        raise InputRefused("brp.toml: 'backend' moet haal_centraal, extract of handmatig zijn.")
    raw_codes = data.get("gemeentecodes", sorted(default_codes))
    if not isinstance(raw_codes, list) or not all(
        isinstance(c, str) and len(c) == 4 and c.isdigit() for c in raw_codes
    ):
        raise InputRefused("brp.toml: 'gemeentecodes' is een lijst van viercijferige codes.")
    if not raw_codes:
        raise InputRefused("brp.toml: geef 'gemeentecodes' (of zet ze in organisatie.toml).")
    gateway = None
    if backend == "haal_centraal":
        table = data.get("haal_centraal")
        if not isinstance(table, dict) or not str(table.get("url", "")).startswith("https://"):
            raise InputRefused("brp.toml: [haal_centraal] 'url' moet met https:// beginnen.")
        secret_file = _path(base, table.get("client_secret_file"), "client_secret_file")
        secret = secret_file.read_text(encoding="utf-8").strip() if secret_file else ""
        key_file = _path(base, table.get("api_key_file"), "api_key_file")
        token_url = str(table.get("token_url", ""))
        if token_url and not token_url.startswith("https://"):
            raise InputRefused("brp.toml: 'token_url' moet met https:// beginnen.")
        if token_url and not (table.get("client_id") and secret):
            raise InputRefused("brp.toml: bij 'token_url' horen 'client_id' en het geheim.")
        gateway = GatewaySettings(
            url=str(table["url"]),
            token_url=token_url,
            client_id=str(table.get("client_id", "")),
            client_secret=secret,
            scope=str(table.get("scope", "")),
            resource_server=str(table.get("resource_server", "")),
            cert_file=_path(base, table.get("cert_file"), "cert_file"),
            key_file=_path(base, table.get("key_file"), "key_file"),
            ca_file=_path(base, table.get("ca_file"), "ca_file"),
            connect_timeout=_number(table, "connect_timeout", 5.0, 0.1, 60),
            read_timeout=_number(table, "read_timeout", 20.0, 0.1, 120),
            max_retries=int(_number(table, "max_retries", 3, 0, 10)),
            max_retry_wait=_number(table, "max_retry_wait", 30.0, 0, 300),
            token_margin=_number(table, "token_margin", 300.0, 0, 3600),
            api_key=key_file.read_text(encoding="utf-8").strip() if key_file else "",
        )
        if (gateway.cert_file is None) != (gateway.key_file is None):
            raise InputRefused("brp.toml: 'cert_file' en 'key_file' horen bij elkaar.")
    return BrpConfig(
        backend=backend,
        gemeentecodes=frozenset(raw_codes),
        task=str(data.get("taak", DEFAULT_TASK))[:200],
        gateway=gateway,
    )


def load_config(data_dir: Path, *, default_codes: frozenset[str]) -> BrpConfig | None:
    """``<data_dir>/brp.toml`` parsed, or None when the server has no BRP settings."""
    path = data_dir / CONFIG_FILE_NAME
    if not path.is_file():
        return None
    return parse_config(
        path.read_text(encoding="utf-8"), base=data_dir, default_codes=default_codes
    )
