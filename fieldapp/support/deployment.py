"""Settings a municipal IT department rolls out with the app (no personal data, no secrets).

A TOML file with a ``[server]`` table::

    [server]
    url = "https://veldwerk.gemeente.nl"
    ca_bundle = "/etc/veldwerk/gemeente-ca.pem"   # optional: the municipality's own CA

is looked for, first found wins: ``$FIELDAPP_CONFIG``; the system-wide file
(Linux ``/etc/veldwerk/veldwerk.toml``, Windows ``%PROGRAMDATA%\\Veldwerk\\veldwerk.toml``,
macOS ``/Library/Application Support/Veldwerk/veldwerk.toml``); the user's config folder
(platformdirs ``user_config_dir("veldwerk")``). The first-run dialog pre-fills from it and
``fieldapp doctor`` checks the server it names.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import site_config_dir, user_config_dir

from fieldapp.errors import FieldAppError

CONFIG_ENV = "FIELDAPP_CONFIG"
FILE_NAME = "veldwerk.toml"


class DeploymentInvalid(FieldAppError):
    exit_code = 2


@dataclass(frozen=True, slots=True)
class Deployment:
    server_url: str | None = None
    ca_bundle: Path | None = None
    source: Path | None = None


def candidate_files() -> list[Path]:
    found: list[Path] = []
    env = os.environ.get(CONFIG_ENV)
    if env:
        found.append(Path(env))
    if sys.platform.startswith("linux"):
        found.append(Path("/etc/veldwerk") / FILE_NAME)
    else:
        found.append(Path(site_config_dir("Veldwerk", appauthor=False)) / FILE_NAME)
    found.append(Path(user_config_dir("veldwerk", appauthor=False)) / FILE_NAME)
    return found


def load_deployment(files: list[Path] | None = None) -> Deployment:
    """The first deployment file that exists, or an empty ``Deployment``.

    A file that exists but cannot be read or has wrong types raises ``DeploymentInvalid``
    naming the file and the key (never silently ignored: IT must see its mistake).
    """
    for path in files if files is not None else candidate_files():
        if not path.is_file():
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise DeploymentInvalid(
                f"Instellingenbestand {path} is niet leesbaar ({exc.__class__.__name__})."
            ) from exc
        server = data.get("server", {})
        if not isinstance(server, dict):
            raise DeploymentInvalid(f"{path}: [server] moet een tabel zijn.")
        url = server.get("url")
        ca = server.get("ca_bundle")
        if url is not None and not isinstance(url, str):
            raise DeploymentInvalid(f"{path}: server.url moet tekst zijn.")
        if ca is not None and not isinstance(ca, str):
            raise DeploymentInvalid(f"{path}: server.ca_bundle moet een pad zijn.")
        return Deployment(
            server_url=url.strip() or None if url else None,
            ca_bundle=Path(ca).expanduser() if ca else None,
            source=path,
        )
    return Deployment()
