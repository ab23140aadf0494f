"""The checks the DDAS v1.2 schema cannot do, and splitting a large delivery.

- every ``vroegsignalen[].ID`` is unique within its levering;
- every case reference (``vroegsignaalzaken[].vroegsignalen[].ID``) resolves in its levering;
- every ``contactpogingen[].datum`` lies inside the delivery period;
- the period is not reversed; ``teller`` counts 1, 2, 3... and gemeentecodes are unique.

Problems name paths (``leveringen/0/vroegsignalen/3/ID``), never the values.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date
from typing import Any

MAX_SIGNALS_PER_DELIVERY = 50_000


def semantic_problems(document: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    try:
        start = date.fromisoformat(document["startdatumLevering"])
        end = date.fromisoformat(document["einddatumLevering"])
    except (KeyError, TypeError, ValueError):
        return ["(root): periode onleesbaar"]
    if end < start:
        problems.append("einddatumLevering: ligt vóór startdatumLevering")
    leveringen = document.get("leveringen", [])
    codes = Counter(lv.get("gemeentecode") for lv in leveringen)
    for i, lv in enumerate(leveringen):
        where = f"leveringen/{i}"
        if lv.get("teller") != i + 1:
            problems.append(f"{where}/teller: niet doorlopend genummerd")
        if codes[lv.get("gemeentecode")] > 1:
            problems.append(f"{where}/gemeentecode: komt vaker voor")
        ids = Counter(s.get("ID") for s in lv.get("vroegsignalen", []))
        for j, s in enumerate(lv.get("vroegsignalen", [])):
            if ids[s.get("ID")] > 1:
                problems.append(f"{where}/vroegsignalen/{j}/ID: niet uniek")
        for j, zaak in enumerate(lv.get("vroegsignaalzaken", [])):
            for k, ref in enumerate(zaak.get("vroegsignalen", [])):
                if ref.get("ID") not in ids:
                    problems.append(
                        f"{where}/vroegsignaalzaken/{j}/vroegsignalen/{k}/ID: verwijst nergens naar"
                    )
            for k, poging in enumerate(zaak.get("contactpogingen", [])):
                try:
                    day = date.fromisoformat(poging.get("datum", ""))
                except (TypeError, ValueError):
                    continue  # the schema's format check reports it
                if not start <= day <= end:
                    problems.append(
                        f"{where}/vroegsignaalzaken/{j}/contactpogingen/{k}/datum: "
                        "buiten de periode"
                    )
    return problems


def signal_count(document: dict[str, Any]) -> int:
    return sum(len(lv.get("vroegsignalen", [])) for lv in document.get("leveringen", []))


def split_document(
    document: dict[str, Any], max_signals: int = MAX_SIGNALS_PER_DELIVERY
) -> list[dict[str, Any]]:
    """Parts of at most ``max_signals`` signals each; a case travels with all its signals
    (a case with more signals than the limit gets a part of its own)."""
    if signal_count(document) <= max_signals:
        return [document]
    parts: list[list[dict[str, Any]]] = [[]]
    room = [max_signals]
    for lv in document.get("leveringen", []):
        by_id = {s["ID"]: s for s in lv.get("vroegsignalen", [])}
        groups: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = []
        used: set[str] = set()
        for zaak in lv.get("vroegsignaalzaken", []):
            refs = [r["ID"] for r in zaak.get("vroegsignalen", []) if r["ID"] not in used]
            used.update(refs)
            groups.append(([by_id[r] for r in refs if r in by_id], [zaak]))
        groups += [([s], []) for sid, s in by_id.items() if sid not in used]
        for signals, zaken in groups:
            if len(signals) > room[-1] and parts[-1]:
                parts.append([])
                room.append(max_signals)
            _add(parts[-1], lv, signals, zaken)
            room[-1] -= len(signals)
    documents = []
    for chunk in parts:
        part = copy.deepcopy({k: v for k, v in document.items() if k != "leveringen"})
        for n, lv in enumerate(chunk, start=1):
            lv["teller"] = n
        part["leveringen"] = chunk
        documents.append(part)
    return documents


def _add(
    part: list[dict[str, Any]],
    levering: dict[str, Any],
    signals: list[dict[str, Any]],
    zaken: list[dict[str, Any]],
) -> None:
    code = levering["gemeentecode"]
    target = next((lv for lv in part if lv["gemeentecode"] == code), None)
    if target is None:
        target = {
            k: copy.deepcopy(v)
            for k, v in levering.items()
            if k not in ("vroegsignalen", "vroegsignaalzaken")
        }
        part.append(target)
    if signals:
        target.setdefault("vroegsignalen", []).extend(signals)
    if zaken:
        target.setdefault("vroegsignaalzaken", []).extend(zaken)
