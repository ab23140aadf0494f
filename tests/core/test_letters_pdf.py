"""Real PDFs opened with pypdf: sizes, 4-up positions, fonts, QR, Arabic, discretion, CLI."""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from fieldapp.cli import letters as letters_cli
from fieldapp.domain.ddas import Dagdeel
from fieldapp.domain.letters import Audience, Language, LetterKind
from fieldapp.domain.people import Address
from fieldapp.letters.fonts import BOLD, REGULAR, ensure_fonts
from fieldapp.letters.geometry import CardLayout, WindowPosition
from fieldapp.letters.lint_words import outside_hits
from fieldapp.letters.qr import MARK, qr_matrix
from fieldapp.letters.render import prepare_text, render_cards
from fieldapp.letters.samples import sample_case, sample_sender
from fieldapp.services.print_pdf import (
    PrintJob,
    PrintRefused,
    build_blank_cards,
    build_calibration,
    build_cards,
    build_letters,
)

TODAY = date(2025, 9, 10)
VISIT = date(2025, 9, 17)
A4_W, A4_H = 210 * mm, 297 * mm


def fragments(page) -> list[tuple[float, float, str, str, float]]:  # type: ignore[no-untyped-def]
    """(x, y, text, font name, size) for every text run on the page, in page coordinates."""
    out: list[tuple[float, float, str, str, float]] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if font else ""
        out.append((x, y, text.strip("\n"), name, size))

    page.extract_text(visitor_text=visit)
    return out


def page_text(page) -> str:  # type: ignore[no-untyped-def]
    return " ".join(f[2] for f in fragments(page))


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def qr_from_page(page, reader_: PdfReader) -> list[list[bool]]:  # type: ignore[no-untyped-def]
    """Rebuild the first QR matrix drawn on the page from its run rectangles."""
    ops = ContentStream(page.get_contents(), reader_).operations
    rects: list[tuple[float, float, float, float]] = []
    inside = False
    for operands, op in ops:
        if op == b"BMC" and operands and operands[0] == f"/{MARK}":
            inside = True
        elif op == b"EMC" and inside:
            break
        elif op == b"re" and inside:
            rects.append(tuple(float(v) for v in operands))  # type: ignore[arg-type]
    assert rects, "no QR path found"
    unit = min(r[3] for r in rects)
    x0 = min(r[0] for r in rects)
    top = max(r[1] + r[3] for r in rects)
    size = round((max(r[0] + r[2] for r in rects) - x0) / unit)
    grid = [[False] * size for _ in range(size)]
    for x, y, w, h in rects:
        row = round((top - (y + h)) / unit)
        start = round((x - x0) / unit)
        for col in range(start, start + round(w / unit)):
            grid[row][col] = True
    return grid


def card_text(
    language: Language = Language.NL,
    audience: Audience = Audience.STANDAARD,
    *,
    planned: bool = True,
):  # type: ignore[no-untyped-def]
    return prepare_text(
        LetterKind.NIET_THUIS_KAARTJE,
        language,
        audience,
        sender=sample_sender(),
        person=None,
        visit_date=VISIT if planned else None,
        dagdeel=Dagdeel.MIDDAG if planned else None,
        print_date=TODAY,
    )


def test_a6_layout_pages_are_a6_front_then_back() -> None:
    pdf = reader(render_cards([card_text(), card_text()], CardLayout.A6))
    assert len(pdf.pages) == 4
    for page in pdf.pages:
        assert float(page.mediabox.width) == pytest.approx(105 * mm, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(148 * mm, abs=0.01)
    assert "Hallo!" in page_text(pdf.pages[0])
    back = page_text(pdf.pages[1])
    # (pypdf maps the no-break space back to a plain space: both share one glyph)
    assert "Sanne" in back and "06 12 34 56 78" in back.replace("\u00a0", " ")
    assert "woensdag 17 september, in de middag" in back


def test_four_up_fronts_fill_quadrants_and_backs_are_mirrored() -> None:
    texts = [card_text(Language(lang)) for lang in ("nl", "en", "pl", "tr")]
    pdf = reader(render_cards(texts, CardLayout.A4_4UP))
    assert len(pdf.pages) == 2
    assert float(pdf.pages[0].mediabox.width) == pytest.approx(A4_W, abs=0.01)
    assert float(pdf.pages[0].mediabox.height) == pytest.approx(A4_H, abs=0.01)

    def quadrant(x: float, y: float) -> int:
        return (0 if y > A4_H / 2 else 2) + (0 if x < A4_W / 2 else 1)

    def by_quadrant(page) -> list[str]:  # type: ignore[no-untyped-def]
        out = ["", "", "", ""]
        for x, y, t, *_ in fragments(page):
            out[quadrant(x, y)] += t
        return out

    greetings = {"Hallo!": 0, "Hello!": 1, "Dzień dobry!": 2, "Merhaba!": 3}
    front = by_quadrant(pdf.pages[0])
    for greeting, expected in greetings.items():
        assert [q for q in range(4) if greeting in front[q]] == [expected], greeting
    # the back of card 0 (nl, top-left) is printed top-right, card 2 (pl) bottom-right, ...
    headings = {
        "Jammer, ik heb u gemist!": 1,
        "Sorry I missed you!": 0,
        "Niestety się minęliśmy!": 3,
        "Maalesef sizi evde": 2,
    }
    back = by_quadrant(pdf.pages[1])
    for heading, expected in headings.items():
        assert [q for q in range(4) if heading in back[q]] == [expected], heading
    x, y = next((x, y) for x, y, t, *_ in fragments(pdf.pages[1]) if t.startswith("Jammer"))
    assert x == pytest.approx(A4_W / 2 + 8 * mm, abs=0.5)  # safe margin inside its cell
    assert y > A4_H / 2


def test_fonts_are_embedded_truetype() -> None:
    pdf = reader(render_cards([card_text(Language.AR)], CardLayout.A6))
    fonts = [f.get_object() for f in pdf.pages[1]["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        assert "DejaVuSans" in str(font["/BaseFont"])


def test_qr_path_encodes_the_configured_target() -> None:
    pdf = reader(render_cards([card_text()], CardLayout.A6))
    drawn = qr_from_page(pdf.pages[1], pdf)
    expected = [list(row) for row in qr_matrix("tel:+31612345678")]
    assert drawn == expected


def test_qr_decodes_with_zbar(tmp_path: Path) -> None:
    if not shutil.which("pdftoppm") or not shutil.which("zbarimg"):
        pytest.skip("pdftoppm/zbarimg not installed (apt-get install poppler-utils zbar-tools)")
    target = "https://veldhoven-aan-zee.example/praat-met-ons"
    text = prepare_text(
        LetterKind.NIET_THUIS_KAARTJE,
        Language.NL,
        Audience.STANDAARD,
        sender=sample_sender(qr_target=target),
        person=None,
        visit_date=None,
        dagdeel=None,
        print_date=TODAY,
    )
    pdf_path = tmp_path / "card.pdf"  # synthetic data only
    pdf_path.write_bytes(render_cards([text], CardLayout.A6))
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-f",
            "2",
            "-l",
            "2",
            "-png",
            str(pdf_path),
            str(tmp_path / "back"),
        ],
        check=True,
    )
    png = next(tmp_path.glob("back*.png"))
    result = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    assert result.stdout.strip() == target


@pytest.mark.parametrize("language", [Language.NL, Language.EN, Language.PL, Language.TR])
@pytest.mark.parametrize("audience", list(Audience))
def test_card_fronts_say_nothing_about_money(language: Language, audience: Audience) -> None:
    pdf = reader(render_cards([card_text(language, audience)], CardLayout.A6))
    front = page_text(pdf.pages[0])
    assert front.strip()
    assert outside_hits(front, language, card_front=True) == []
    assert "Sanne" not in front and "Veldhoven" not in front


def _is_presentation_form(ch: str) -> bool:
    return 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF


def test_arabic_card_back_is_shaped_and_right_aligned() -> None:
    ensure_fonts()
    pdf = reader(render_cards([card_text(Language.AR)], CardLayout.A6))
    runs = fragments(pdf.pages[1])
    arabic = [r for r in runs if any(_is_presentation_form(c) for c in r[2])]
    assert len(arabic) >= 8
    right = 105 * mm - 8 * mm
    # A line may come out in several runs (font subset changes); all start at the line's x.
    lines: dict[float, list[tuple[float, str, str, float]]] = {}
    for x, y, text, font, size in runs:
        lines.setdefault(round(y, 1), []).append((x, text, font, size))
    starts = set()
    arabic_ys = {round(r[1], 1) for r in arabic}
    for y in arabic_ys:
        parts = lines[y]
        x = min(p[0] for p in parts)
        face = BOLD if "Bold" in parts[0][2] else REGULAR
        end = x + sum(stringWidth(p[1], face, p[3]) for p in parts)
        assert end == pytest.approx(right, abs=1.0), "".join(p[1] for p in parts)
        starts.add(round(x))
    assert len(starts) > 3  # ragged left edge: right-aligned, not justified
    # the phone number keeps its left-to-right digit order inside the Arabic line
    assert any("06 12 34 56 78" in text.replace("\u00a0", " ") for _, _, text, *_ in runs)
    # pypdf turns visual-order RTL runs back into logical order; drawn in logical order
    # (no bidi), the heading would come back reversed.
    heading = "".join(p[1] for p in lines[max(arabic_ys)])
    assert "للأسف لم أجدكم في البيت" in unicodedata.normalize("NFKC", heading)


def test_blank_stock_has_handwriting_lines_and_no_date() -> None:
    pdf = reader(build_blank_cards(3, today=TODAY, sender=sample_sender()))
    assert len(pdf.pages) == 2  # one sheet, three cards
    back = page_text(pdf.pages[1])
    assert "__________" in back and "september" not in back
    assert back.count("Sanne") >= 3
    with pytest.raises(PrintRefused):
        build_blank_cards(0, today=TODAY, sender=None)


def test_print_shop_variant_has_bleed_and_trim_boxes() -> None:
    pdf = reader(render_cards([card_text()], CardLayout.DRUKKERIJ))
    page = pdf.pages[0]
    trim = [float(v) for v in page.trimbox]
    assert trim[2] - trim[0] == pytest.approx(105 * mm, abs=0.01)
    assert trim[3] - trim[1] == pytest.approx(148 * mm, abs=0.01)
    bleed = [float(v) for v in page.bleedbox]
    assert bleed[2] - bleed[0] == pytest.approx(111 * mm, abs=0.01)


def test_letter_window_holds_address_and_a_discreet_return_line() -> None:
    case = sample_case(3, born=date(1950, 1, 1))  # 75: ouderen text
    jobs = [(case, sample_sender(), VISIT, Dagdeel.AVOND)]
    pdf = reader(build_letters(jobs, kind=LetterKind.AANKONDIGING_HUISBEZOEK, today=TODAY))
    assert len(pdf.pages) == 1
    page = pdf.pages[0]
    assert float(page.mediabox.height) == pytest.approx(A4_H, abs=0.01)
    runs = fragments(page)
    window = WindowPosition()
    wx, wy, ww, wh = window.window_rect()
    inside = [r for r in runs if wx <= r[0] <= wx + ww and wy <= r[1] <= wy + wh]
    texts = [r[2] for r in inside]
    assert texts[0].startswith("Gemeente Veldhoven-aan-Zee, Postbus 100")
    assert inside[0][0] == pytest.approx(33 * mm, abs=0.1)
    assert inside[0][1] == pytest.approx(A4_H - 53.5 * mm, abs=0.1)
    assert inside[1][1] == pytest.approx(A4_H - 59 * mm, abs=0.1)
    assert texts[1] == case.people[0].display_name()
    assert texts[3].endswith("  VELDHOVEN-AAN-ZEE")
    assert outside_hits(" ".join(texts), Language.NL) == []
    body = page_text(page)
    assert "woensdag 17 september in de avond" in body
    assert "Met vriendelijke groet" in body  # ouderen text chosen by age


def test_letter_window_respects_offsets() -> None:
    jobs = [PrintJob(sample_case(1), sample_sender())]
    shifted = WindowPosition(offset_x_mm=4, offset_y_mm=-2)
    pdf = reader(build_letters(jobs, kind=LetterKind.HULPAANBOD, today=TODAY, window=shifted))
    first = next(
        r for r in fragments(pdf.pages[0]) if r[2].startswith("Gemeente Veldhoven-aan-Zee,")
    )
    assert first[0] == pytest.approx(37 * mm, abs=0.1)
    assert first[1] == pytest.approx(A4_H - 51.5 * mm, abs=0.1)


def test_letters_refuse_undeliverable_cases_with_a_dutch_message() -> None:
    case = sample_case(2)
    no_street = type(case)(
        **{
            **{f: getattr(case, f) for f in case.__dataclass_fields__},
            "address": Address(postcode="5501BL", huisnummer=2),
        }
    )
    with pytest.raises(PrintRefused, match="straat of woonplaats onbekend"):
        build_letters(
            [(no_street, sample_sender(), None, None)], kind=LetterKind.HULPAANBOD, today=TODAY
        )
    with pytest.raises(PrintRefused, match="plan eerst een datum"):
        build_letters(
            [(case, sample_sender(), None, None)], kind=LetterKind.BEVESTIGING_AFSPRAAK, today=TODAY
        )


def test_calibration_outlines_the_window() -> None:
    pdf = reader(build_calibration(WindowPosition(offset_x_mm=1.5)))
    text = page_text(pdf.pages[0])
    assert "Proefafdruk vensterenvelop" in text and "x +1.5 mm" in text


def _parser(jobs):  # type: ignore[no-untyped-def]
    parser = argparse.ArgumentParser()
    seen: list[argparse.Namespace] = []

    def job_source(args: argparse.Namespace):  # type: ignore[no-untyped-def]
        seen.append(args)
        return jobs

    letters_cli.register(
        parser.add_subparsers(dest="command"),
        job_source=job_source,
        sender_source=lambda args: sample_sender(),
        today=lambda: TODAY,
    )
    return parser, seen


def test_cli_prints_cards_for_a_shift_to_out_only(tmp_path: Path) -> None:
    jobs = [(sample_case(i), sample_sender(), VISIT, Dagdeel.OCHTEND) for i in range(5)]
    parser, seen = _parser(jobs)
    out = tmp_path / "kaartjes.pdf"
    args = parser.parse_args(["print", "cards", "--shift", "S1", "--out", str(out)])
    assert args.func(args) == 0
    assert seen[0].shift == "S1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kaartjes.pdf"]
    assert (out.stat().st_mode & 0o777) == 0o600
    assert len(reader(out.read_bytes()).pages) == 4  # 5 cards: 2 sheets, front + back


def test_cli_letters_blank_and_calibration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser, _ = _parser([(sample_case(1), sample_sender(), None, None)])
    args = parser.parse_args(
        [
            "print",
            "letters",
            "--kind",
            "hulpaanbod",
            "--case",
            "case-00001",
            "--taal",
            "ar",
            "--out",
            str(tmp_path / "brief.pdf"),
        ]
    )
    assert args.func(args) == 0
    assert any(
        _is_presentation_form(c)
        for c in page_text(reader((tmp_path / "brief.pdf").read_bytes()).pages[0])
    )
    args = parser.parse_args(
        ["print", "cards", "--blank", "--count", "8", "--out", str(tmp_path / "blanco.pdf")]
    )
    assert args.func(args) == 0
    args = parser.parse_args(["print", "calibration", "--out", str(tmp_path / "venster.pdf")])
    assert args.func(args) == 0
    # bad input: clear Dutch error, exit code, nothing written
    args = parser.parse_args(
        [
            "print",
            "letters",
            "--kind",
            "bevestiging_afspraak",
            "--case",
            "x",
            "--out",
            str(tmp_path / "fout.pdf"),
        ]
    )
    assert args.func(args) == 2
    assert "plan eerst een datum" in capsys.readouterr().err
    assert not (tmp_path / "fout.pdf").exists()


def test_build_cards_uses_youth_text_by_age() -> None:
    young = sample_case(1, born=date(2002, 3, 3))
    pdf = reader(
        build_cards(
            [(young, sample_sender(), VISIT, Dagdeel.MIDDAG)], today=TODAY, layout=CardLayout.A6
        )
    )
    assert "Hoi!" in page_text(pdf.pages[0])
    assert "Balen, ik heb je gemist!" in page_text(pdf.pages[1])
