"""The demo town's DDAS delivery from the server validates; 9999 only in the demo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from fieldapp.demo import _build_server_side
from fieldapp.errors import InputRefused
from fieldapp.reporting.ddas_checks import semantic_problems
from fieldapp.reporting.ddas_export import validate_delivery
from fieldapp.server.ddas_delivery import build_server_delivery
from tests.server.helpers import server_database

TODAY = date(2026, 11, 23)
ORG = (Path(__file__).parents[2] / "fieldapp" / "defaults" / "organisatie.toml").read_text("utf-8")


def test_demo_town_delivery_validates_and_9999_is_demo_only(tmp_path: Path) -> None:
    with server_database("sqlite", tmp_path) as db:
        _build_server_side(db, today=TODAY, households=60)
        args = {
            "start": TODAY - timedelta(days=120),
            "end": TODAY,
            "organisation_text": ORG,
            "delivered_at": datetime(2026, 11, 24, 9, tzinfo=UTC),
        }
        with db.session() as s:
            [document] = build_server_delivery(s, demo=True, **args)
            with pytest.raises(InputRefused, match="9999"):
                build_server_delivery(s, **args)
    assert validate_delivery(document) == [] and semantic_problems(document) == []
    [levering] = document["leveringen"]
    assert levering["gemeentecode"] == "9999"
    assert len(levering["vroegsignalen"]) > 20
    assert any(z.get("contactpogingen") for z in levering["vroegsignaalzaken"])
