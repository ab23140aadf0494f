"""Paths and the policy file. No Qt, no QSettings: the UI keeps its own preferences."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import ValidationError

from fieldapp.domain.priority import Policy
from fieldapp.errors import FieldAppError
from fieldapp.policy_file import PolicyFile, describe_validation_error

APP_NAME = "veldwerk"
DEFAULT_POLICY_FILE = Path(__file__).parent / "defaults" / "afwegingskader.toml"


class PolicyInvalid(FieldAppError):
    exit_code = 2


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path

    @property
    def db_path(self) -> Path:
        return self.data_dir / "veldwerk.db"

    @property
    def demo_db_path(self) -> Path:
        return self.data_dir / "demo" / "veldwerk-demo.db"


def default_paths() -> AppPaths:
    return AppPaths(Path(user_data_dir(APP_NAME, appauthor=False)))


_selected_policy_file: Path | None = None


def use_policy_file(path: Path | None) -> None:
    """Make ``path`` the default of :func:`load_policy` for this process (``--policy``): the
    CLI sets it before it opens the window, so the GUI uses the same file."""
    global _selected_policy_file  # one process-wide choice, set once at start
    _selected_policy_file = path


def policy_file(path: Path | None = None) -> Path:
    """The file :func:`load_policy` reads: ``path``, else ``--policy``, else the shipped one."""
    return path or _selected_policy_file or DEFAULT_POLICY_FILE


def policy_text(path: Path | None = None) -> str:
    try:
        return policy_file(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyInvalid(f"Afwegingskader niet leesbaar: {exc.__class__.__name__}") from exc


def load_policy(path: Path | None = None) -> Policy:
    """Read an afwegingskader TOML file (default: see :func:`policy_file`) into a ``Policy``.

    Unknown keys are ignored; a wrong type raises ``PolicyInvalid`` naming the key.
    """
    return parse_policy(policy_text(path))


def parse_policy(text: str) -> Policy:
    """An afwegingskader from TOML text (a file, or the text the server hands out).

    The tables are checked by the pydantic models in ``fieldapp.policy_file``; a wrong type or
    a negative amount raises ``PolicyInvalid`` naming the key (Dutch).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyInvalid(f"Afwegingskader niet leesbaar: {exc.__class__.__name__}") from exc
    try:
        parsed = PolicyFile.model_validate(data)
    except ValidationError as exc:
        raise PolicyInvalid(f"Afwegingskader: {describe_validation_error(exc)}") from None
    return parsed.to_policy()
