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
from pydantic import BaseModel, ConfigDict, ValidationError

from fieldapp.errors import FieldAppError
from fieldapp.policy_file import describe_validation_error

CONFIG_ENV = "FIELDAPP_CONFIG"
FILE_NAME = "veldwerk.toml"


class DeploymentInvalid(FieldAppError):
    exit_code = 2


class _ServerTable(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)
    url: str | None = None
    ca_bundle: str | None = None


class DeploymentFile(BaseModel):
    """The file's shape: only ``[server]`` is read; unknown tables and keys are ignored."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)
    server: _ServerTable = _ServerTable()


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
        try:
            server = DeploymentFile.model_validate(data).server
        except ValidationError as exc:
            raise DeploymentInvalid(f"{path}: {describe_validation_error(exc)}.") from None
        return Deployment(
            server_url=server.url.strip() or None if server.url else None,
            ca_bundle=Path(server.ca_bundle).expanduser() if server.ca_bundle else None,
            source=path,
        )
    return Deployment()
