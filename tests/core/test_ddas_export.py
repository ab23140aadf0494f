"""A DDAS v1.2 delivery from the demo store validates against the official schema and keeps
to the standard's data minimisation."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fieldapp.demo import build_into
from fieldapp.demo_town import build_town
from fieldapp.reporting.ddas_export import Supplier, build_delivery, validate_delivery
from fieldapp.store.client_store import Store

TODAY = date(2026, 11, 23)
EXAMPLE = Path(__file__).parents[1] / "fixtures" / "intake" / "ddas_v12_enkelvoudig.json"
SUPPLIER = Supplier(gemeentecode="9999", organisatie="Gemeente Veldhoven-aan-Zee")


@pytest.fixture
def delivery(store: Store) -> dict:
    town = build_town(today=TODAY, households=150)
    build_into(store.session, town=town, today=TODAY)
    with store.session() as s:
        return build_delivery(
            s,
            start=date(2026, 8, 1),
            end=TODAY,
            supplier=SUPPLIER,
            delivered_at=datetime(2026, 11, 23, 20, 0, tzinfo=UTC),
        )


def test_official_example_validates_with_our_checker() -> None:
    assert validate_delivery(json.loads(EXAMPLE.read_text(encoding="utf-8"))) == []


def test_delivery_from_the_store_validates(delivery: dict) -> None:
    assert validate_delivery(delivery) == []
    [levering] = delivery["leveringen"]
    assert levering["gemeentecode"] == "9999"
    assert levering["vroegsignalen"] and levering["vroegsignaalzaken"]
    ids = [s["ID"] for s in levering["vroegsignalen"]]
    assert len(ids) == len(set(ids))
    refs = {r["ID"] for z in levering["vroegsignaalzaken"] for r in z["vroegsignalen"]}
    assert refs <= set(ids)
    assert any(z.get("resultaat") for z in levering["vroegsignaalzaken"])
    assert {
        a["dagdeel"] for z in levering["vroegsignaalzaken"] for a in z.get("contactpogingen", [])
    } == {
        "Ochtend",
        "Middag",
        "Avond",
    }


def test_clients_are_minimised(delivery: dict) -> None:
    for signal in delivery["leveringen"][0]["vroegsignalen"]:
        client = signal["client"]
        if "burgerservicenummer" in client:
            assert set(client) == {"burgerservicenummer"}
        else:
            assert {"postcode", "huisnummer"} <= set(client)
            assert set(client) <= {
                "postcode",
                "huisnummer",
                "huisnummertoevoeging",
                "geboortedatum",
                "geslachtsaanduiding",
            }
    text = json.dumps(delivery, ensure_ascii=False)
    assert "straat" not in text.lower() and "achternaam" not in text.lower()


def test_an_extra_key_is_caught_before_writing(delivery: dict) -> None:
    delivery["leveringen"][0]["vroegsignalen"][0]["naam"] = "zou er niet in mogen"
    problems = validate_delivery(delivery)
    assert problems and all("zou er niet" not in p for p in problems)
