"""Every kind x language x audience rendered to a real PDF and read back with pypdf.

Sample households: call and WhatsApp numbers differ; first names known and unknown, sex
recorded and not. Checked in the extracted text: the salutation, no "Gemeente" (or other
Dutch word) inside a non-Dutch sentence, the call number next to a call verb and the
WhatsApp number next to an app verb.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from fieldapp.domain.ddas import Dagdeel, Geslacht
from fieldapp.domain.letters import Audience, Language, LetterKind, Sender
from fieldapp.domain.people import Person
from fieldapp.letters.channels import channel_problems
from fieldapp.letters.lint_phrases import DUTCH_WORDS
from fieldapp.letters.lint_words import phrase_hits
from fieldapp.letters.render import LetterItem, prepare_text, render_cards, render_letters
from fieldapp.letters.samples import sample_sender

TODAY = date(2025, 9, 10)
VISIT = date(2025, 9, 17)
CALL_NUMBER = "06 12 34 56 78"
APP_NUMBER = "06 12 34 56 79"

HOUSEHOLDS = {
    # first name known, sex recorded
    "anna": Person(achternaam="Vries", voorvoegsel="de", voornaam="Anna", geslacht=Geslacht.VROUW),
    # initials only, sex recorded
    "kowalski": Person(achternaam="Kowalski", voorletters="P.", geslacht=Geslacht.MAN),
    # a signal without a name
    "unknown": Person(),
}

EXPECTED_SALUTATION: dict[tuple[Language, Audience], tuple[str, str, str]] = {
    # (anna, kowalski, unknown)
    (Language.NL, Audience.STANDAARD): (
        "Beste Anna de Vries,",
        "Beste P. Kowalski,",
        "Beste bewoner,",
    ),
    (Language.NL, Audience.JONGEREN): ("Hoi Anna,", "Hoi,", "Hoi,"),
    (Language.NL, Audience.OUDEREN): (
        "Beste mevrouw De Vries,",
        "Beste meneer Kowalski,",
        "Beste bewoner,",
    ),
    (Language.EN, Audience.STANDAARD): (
        "Dear Anna de Vries,",
        "Dear P. Kowalski,",
        "Dear resident,",
    ),
    (Language.EN, Audience.JONGEREN): ("Hi Anna,", "Hi,", "Hi,"),
    (Language.EN, Audience.OUDEREN): ("Dear Ms De Vries,", "Dear Mr Kowalski,", "Dear resident,"),
    (Language.PL, Audience.STANDAARD): ("Szanowni Państwo,",) * 3,
    (Language.PL, Audience.JONGEREN): ("Cześć Anna,", "Cześć,", "Cześć,"),
    (Language.PL, Audience.OUDEREN): ("Szanowni Państwo,",) * 3,
    (Language.TR, Audience.STANDAARD): (
        "Merhaba Anna de Vries,",
        "Merhaba P. Kowalski,",
        "Merhaba,",
    ),
    (Language.TR, Audience.JONGEREN): ("Selam Anna,", "Selam,", "Selam,"),
    (Language.TR, Audience.OUDEREN): (
        "Sayın Anna de Vries,",
        "Sayın P. Kowalski,",
        "Sayın Hanımefendi/Beyefendi,",
    ),
    (Language.AR, Audience.STANDAARD): ("مرحبًا Anna de Vries،", "مرحبًا P. Kowalski،", "مرحبًا،"),
    (Language.AR, Audience.JONGEREN): ("أهلًا Anna،", "أهلًا،", "أهلًا،"),
    (Language.AR, Audience.OUDEREN): (
        "السيدة Anna de Vries المحترمة،",
        "السيد P. Kowalski المحترم،",
        "مرحبًا،",
    ),
}

LETTER_KINDS = [k for k in LetterKind if not k.is_card]
_HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")


def _plain(text: str) -> str:
    """NFKC (Arabic presentation forms -> letters, NBSP -> space), without harakat, which the
    renderer does not draw (arabic-reshaper deletes them)."""
    return _HARAKAT.sub("", unicodedata.normalize("NFKC", text))


def logical_lines(page, rtl: bool) -> list[str]:  # type: ignore[no-untyped-def]
    """The page's lines top to bottom, in reading order.

    pypdf returns the runs of a mixed Arabic/Latin line left to right (visual order), each
    Arabic run already in logical order. For an RTL line: join neighbouring Latin/digit runs
    into one left-to-right block, move the neutral marks at a block's edges to the side they
    belong to logically (".06 12" -> "06 12.", "06 12 :" -> ": 06 12"), then reverse the runs.
    Runs of one text operation share the start x; their visitor order is the visual order,
    so the sort must be stable and on x only.
    """
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, text.strip("\n")))

    page.extract_text(visitor_text=visit)
    by_y: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in runs:
        by_y.setdefault(round(y, 1), []).append((x, text))
    lines = []
    for y in sorted(by_y, reverse=True):
        parts = [t for _, t in sorted(by_y[y], key=lambda run: run[0])]
        lines.append(_plain("".join(_rtl_logical(parts) if rtl else parts)))
    return lines


_ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
_EDGE = re.compile(r"^([\s.,:;!?\u060c\u061f]*)(.*?)([\s.,:;!?\u060c\u061f]*)$", re.S)


def _rtl_logical(visual_runs: list[str]) -> list[str]:
    blocks: list[str] = []
    for run in visual_runs:
        if blocks and not _ARABIC.search(run) and not _ARABIC.search(blocks[-1]):
            blocks[-1] += run
        else:
            blocks.append(run)
    out = []
    for block in blocks:
        if not _ARABIC.search(block):
            match = _EDGE.match(block)
            assert match is not None
            lead, core, trail = match.groups()
            block = trail[::-1] + core + lead[::-1]
        out.append(block)
    return out[::-1]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", _plain(text))


def _body(lines: list[str], sender: Sender) -> list[str]:
    """Lines other than the letterhead and the window's return line (official name)."""
    return [
        line
        for line in lines
        if line.strip() != sender.gemeente and not line.startswith(sender.return_line)
    ]


_LABEL = re.compile(r"^[^\s:]+ ?:")


def _paragraph_text(lines: list[str]) -> str:
    """Lines joined into running text, with a sentence break where a paragraph without end
    punctuation ends: after a label line ("Bel of app Sanne:") unless a number follows (a
    wrapped "Bel mij op:" / "06 ..."), and before a label ("Telefoon: 06 ...")."""
    out = []
    for index, line in enumerate(lines):
        text = line.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        label_ends = text.endswith(":") and not following[:1].isdigit()
        out.append(text)
        out.append(".\n" if label_ends or _LABEL.match(following) else " ")
    return "".join(out)


def _check_body(body: list[str], language: Language) -> None:
    text = "\n".join(body)
    # the official "Gemeente X" only on the letterhead and in the window
    assert "Gemeente" not in text, text
    if language is not Language.NL:
        assert phrase_hits(text, DUTCH_WORDS) == [], text
        assert "gemeente" not in text.casefold()
    running = _paragraph_text(body)
    assert CALL_NUMBER in running and APP_NUMBER in running
    numbers = {"telefoon": CALL_NUMBER, "whatsapp": APP_NUMBER}
    assert channel_problems(running, language, numbers) == [], running


@pytest.fixture(scope="module")
def sender() -> Sender:
    s = sample_sender()
    assert s.phone == CALL_NUMBER and s.whatsapp == APP_NUMBER  # the two numbers differ
    return s


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("language", list(Language))
@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_letters_read_back_with_salutation_place_name_and_numbers(
    kind: LetterKind, language: Language, audience: Audience, sender: Sender
) -> None:
    items = []
    for person in HOUSEHOLDS.values():
        text = prepare_text(
            kind,
            language,
            audience,
            sender=sender,
            person=person,
            visit_date=VISIT,
            dagdeel=Dagdeel.AVOND,
            print_date=TODAY,
        )
        items.append(LetterItem(text, sender, ("Kerkstraat 1", "5500 AA  VELDHOVEN"), "x"))
    pdf = PdfReader(io.BytesIO(render_letters(items)))
    assert len(pdf.pages) == len(HOUSEHOLDS)
    expected = EXPECTED_SALUTATION[(language, audience)]
    for page, salutation in zip(pdf.pages, expected, strict=True):
        lines = logical_lines(page, language.is_rtl)
        assert _squash(salutation) in {_squash(line) for line in lines}, (salutation, lines)
        body = _body(lines, sender)
        assert len(body) < len(lines)  # the letterhead and window were there
        _check_body(body, language)


@pytest.mark.parametrize("audience", list(Audience))
@pytest.mark.parametrize("language", list(Language))
def test_card_backs_read_back_with_the_right_numbers(
    language: Language, audience: Audience, sender: Sender
) -> None:
    text = prepare_text(
        LetterKind.NIET_THUIS_KAARTJE,
        language,
        audience,
        sender=sender,
        person=None,
        visit_date=VISIT,
        dagdeel=Dagdeel.MIDDAG,
        print_date=TODAY,
    )
    from fieldapp.letters.geometry import CardLayout

    pdf = PdfReader(io.BytesIO(render_cards([text], CardLayout.A6)))
    back = logical_lines(pdf.pages[1], language.is_rtl)
    _check_body(back, language)


def test_a_foreign_number_keeps_its_plus_in_front_in_arabic() -> None:
    belgian = Sender(
        first_name="Sanne",
        display_name="Sanne de Wit",
        phone="+32 470 12 34 56",
        whatsapp="+32 470 65 43 21",
        gemeente="Gemeente Veldhoven-aan-Zee",
    )
    text = prepare_text(
        LetterKind.NIET_THUIS_KAARTJE,
        Language.AR,
        Audience.STANDAARD,
        sender=belgian,
        person=None,
        visit_date=VISIT,
        dagdeel=Dagdeel.MIDDAG,
        print_date=TODAY,
    )
    from fieldapp.letters.geometry import CardLayout

    pdf = PdfReader(io.BytesIO(render_cards([text], CardLayout.A6)))
    runs = " | ".join(logical_lines(pdf.pages[1], rtl=True))
    assert "+32 470 12 34 56" in runs and "+32 470 65 43 21" in runs, runs
    assert "34 56+" not in runs
    assert not re.search("[\u2066-\u2069]", runs)  # the isolate marks are not drawn
