"""Render the PNG previews of cards and letters in ``docs/`` (synthetic sample data only).

Usage: ``PYTHONPATH=. python tools/render_letter_previews.py [--out docs]``. Needs
``pdftoppm`` (poppler-utils). PDFs go to a private temporary directory that is removed
afterwards; only the PNGs are kept. Look at them after a text change: the lint checks that a
text fits, not that it looks right.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from fieldapp.domain.ddas import Dagdeel, Geslacht
from fieldapp.domain.letters import Audience, Language, LetterKind
from fieldapp.domain.people import Person
from fieldapp.letters.geometry import CardLayout
from fieldapp.letters.render import LetterItem, prepare_text, render_cards, render_letters
from fieldapp.letters.samples import sample_sender

TODAY = date(2025, 9, 10)
VISIT = date(2025, 9, 17)
RESIDENT = Person(achternaam="Kowalski", voornaam="Piotr", voorletters="P.", geslacht=Geslacht.MAN)
ADDRESS = ("Piotr Kowalski", "Kerkstraat 12", "5501 BL  VELDHOVEN-AAN-ZEE")


def _card(language: Language) -> bytes:
    text = prepare_text(
        LetterKind.NIET_THUIS_KAARTJE,
        language,
        Audience.STANDAARD,
        sender=sample_sender(),
        person=None,
        visit_date=VISIT,
        dagdeel=Dagdeel.MIDDAG,
        print_date=TODAY,
    )
    return render_cards([text], CardLayout.A6)


def _letter(language: Language, audience: Audience) -> bytes:
    sender = sample_sender()
    text = prepare_text(
        LetterKind.AANKONDIGING_HUISBEZOEK,
        language,
        audience,
        sender=sender,
        person=RESIDENT,
        visit_date=VISIT,
        dagdeel=Dagdeel.MIDDAG,
        print_date=TODAY,
    )
    from fieldapp.letters.locale import format_letter_date

    item = LetterItem(text, sender, ADDRESS, format_letter_date(TODAY, language))
    return render_letters([item])


# (file name, PDF, page number)
PREVIEWS = (
    ("card_nl_front.png", lambda: _card(Language.NL), 1),
    ("card_nl_back.png", lambda: _card(Language.NL), 2),
    ("card_pl_back.png", lambda: _card(Language.PL), 2),
    ("card_tr_back.png", lambda: _card(Language.TR), 2),
    ("card_ar_back.png", lambda: _card(Language.AR), 2),
    ("letter_aankondiging_nl.png", lambda: _letter(Language.NL, Audience.STANDAARD), 1),
    ("letter_aankondiging_ar.png", lambda: _letter(Language.AR, Audience.STANDAARD), 1),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        parser.error("pdftoppm ontbreekt (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as work:
        for name, make, page in PREVIEWS:
            pdf = Path(work) / "preview.pdf"
            pdf.write_bytes(make())
            stem = Path(work) / "page"
            subprocess.run(  # noqa: S603 (fixed arguments, our own synthetic PDF)
                [
                    pdftoppm,
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            shutil.move(str(stem.with_suffix(".png")), args.out / name)
            print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
