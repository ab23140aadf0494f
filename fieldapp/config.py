"""Paths and the policy file. No Qt, no QSettings: the UI keeps its own preferences."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from fieldapp.domain.priority import AmountBand, EffortStandard, Policy
from fieldapp.errors import FieldAppError

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


def _cents(euros: Any, where: str) -> int:
    if not isinstance(euros, int | float) or euros < 0:
        raise PolicyInvalid(f"Afwegingskader: {where} moet een bedrag in euro's zijn")
    return round(euros * 100)


def _int(table: dict[str, Any], key: str, default: int, where: str) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise PolicyInvalid(f"Afwegingskader: {where}.{key} moet een geheel getal zijn")
    return value


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
    """An afwegingskader from TOML text (a file, or the text the server hands out)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyInvalid(f"Afwegingskader niet leesbaar: {exc.__class__.__name__}") from exc
    base = Policy()
    drempel = data.get("drempel", {})
    termijnen = data.get("termijnen", {})
    gewichten = data.get("gewichten", {})
    inspanning = data.get("inspanning", {})
    bewaren = data.get("bewaren", {})
    bands = tuple(
        AmountBand(
            _cents(b.get("vanaf_euro"), "bedragen.vanaf_euro"), _int(b, "punten", 0, "bedragen")
        )
        for b in data.get("bedragen", [])
    )
    return Policy(
        name=str(data.get("naam", base.name)),
        threshold_cents=_cents(drempel.get("bedrag_euro", base.threshold_cents / 100), "drempel"),
        threshold_exempt_huur=bool(drempel.get("uitzondering_huur", base.threshold_exempt_huur)),
        deadline_days=_int(termijnen, "eerste_contact_dagen", base.deadline_days, "termijnen"),
        crisis_deadline_days=_int(
            termijnen, "crisis_dagen", base.crisis_deadline_days, "termijnen"
        ),
        consecutive_months=_int(
            termijnen, "opeenvolgend_maanden", base.consecutive_months, "termijnen"
        ),
        young_max_age=_int(termijnen, "jongere_max_leeftijd", base.young_max_age, "termijnen"),
        weight_meervoudig=_int(gewichten, "meervoudig", base.weight_meervoudig, "gewichten"),
        weight_opeenvolgend=_int(gewichten, "opeenvolgend", base.weight_opeenvolgend, "gewichten"),
        weight_huur=_int(gewichten, "huur", base.weight_huur, "gewichten"),
        weight_crisis=_int(gewichten, "crisis", base.weight_crisis, "gewichten"),
        weight_young=_int(gewichten, "jongere", base.weight_young, "gewichten"),
        weight_warme_overdracht=_int(
            gewichten, "warme_overdracht", base.weight_warme_overdracht, "gewichten"
        ),
        weight_deadline_week=_int(
            gewichten, "termijn_binnen_week", base.weight_deadline_week, "gewichten"
        ),
        weight_deadline_overdue=_int(
            gewichten, "termijn_verlopen", base.weight_deadline_overdue, "gewichten"
        ),
        amount_bands=bands or base.amount_bands,
        retention_months=_int(bewaren, "maanden", base.retention_months, "bewaren"),
        effort=EffortStandard(
            enforced=bool(inspanning.get("afdwingen", base.effort.enforced)),
            min_attempts=_int(inspanning, "min_pogingen", base.effort.min_attempts, "inspanning"),
            min_channels=_int(inspanning, "min_kanalen", base.effort.min_channels, "inspanning"),
            min_personal=_int(
                inspanning, "min_persoonlijk", base.effort.min_personal, "inspanning"
            ),
            min_dayparts=_int(inspanning, "min_dagdelen", base.effort.min_dayparts, "inspanning"),
            min_outside_office=_int(
                inspanning, "min_buiten_kantoortijd", base.effort.min_outside_office, "inspanning"
            ),
        ),
    )
