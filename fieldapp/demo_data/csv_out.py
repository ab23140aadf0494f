"""Write signals as the Dutch CSV the intake reader accepts.

Format: ``;`` separated, UTF-8 with BOM (Excel opens it with the right characters), amounts
``1.234,56``, dates ``DD-MM-YYYY``, ja/nee for flags, canonical header names. The file is
written privately (0600) to a temporary name and renamed, so a half-written file never
appears under the real name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from fieldapp.domain.signals import IncomingSignal
from fieldapp.files import write_private_atomic

HEADERS: tuple[str, ...] = (
    "signaal_id", "signaalpartner", "bedrag", "ontstaansdatum", "signaaldatum",
    "crisissignaal", "warme_overdracht", "bsn", "voorletters", "voornaam", "voorvoegsel",
    "achternaam", "geboortedatum", "straat", "huisnummer", "huisnummertoevoeging", "postcode",
    "plaats", "telefoon", "email", "wijk",
)  # fmt: skip


def dutch_amount(cents: int | None) -> str:
    """``123456`` -> ``"1.234,56"``; ``None`` -> ``""``."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros:,}".replace(",", ".") + f",{rest:02d}"


def dutch_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


def _row(signal: IncomingSignal) -> list[str]:
    person, address = signal.person, signal.address
    return [
        signal.external_id,
        signal.partner.value,
        dutch_amount(signal.bedrag_cents),
        dutch_date(signal.ontstaansdatum),
        dutch_date(signal.signaaldatum),
        "ja" if signal.crisissignaal else "nee",
        "ja" if signal.warme_overdracht else "nee",
        person.bsn or "",
        person.voorletters,
        person.voornaam,
        person.voorvoegsel,
        person.achternaam,
        dutch_date(person.geboortedatum),
        address.straat if address else "",
        str(address.huisnummer) if address else "",
        address.toevoeging if address else "",
        f"{address.postcode[:4]} {address.postcode[4:]}" if address else "",
        address.plaats if address else "",
        person.telefoon or "",
        person.email or "",
        address.wijk if address else "",
    ]


def write_signals_csv(signals: Sequence[IncomingSignal], path: Path) -> None:
    """Write ``signals`` to ``path`` (replacing it), one row each, in the given order."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(_row(s) for s in signals)
    write_private_atomic(path, buffer.getvalue().encode("utf-8-sig"))
