"""Benchmark: 1,000 personalised niet-thuis-kaartjes (4-up A4) into an in-memory PDF.

Baseline, same run: a bare ReportLab canvas drawing the same strings (already wrapped), the
same house drawing and the same QR rectangles, with none of our work (loading and filling the
text, fitting the type size, shaping, QR matrix caching). Goal: ratio <= 1.5.

Run: PYTHONPATH=. .venv/bin/python benchmarks/print_cards.py [--cards 1000]
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fieldapp.domain.ddas import Dagdeel
from fieldapp.letters.card import _draw_house
from fieldapp.letters.fonts import BOLD, REGULAR, ensure_fonts
from fieldapp.letters.geometry import four_up_back_cells, four_up_cells
from fieldapp.letters.qr import qr_matrix
from fieldapp.letters.samples import sample_case, sample_sender
from fieldapp.letters.textflow import Style, layout
from fieldapp.services.print_pdf import build_cards

TODAY = date(2025, 9, 10)


def jobs(n: int) -> list[tuple]:  # type: ignore[type-arg]
    parts = list(Dagdeel)
    return [
        (sample_case(i), sample_sender(), TODAY + timedelta(days=1 + i % 20), parts[i % 3])
        for i in range(n)
    ]


def ours(job_list: list[tuple]) -> bytes:  # type: ignore[type-arg]
    return build_cards(job_list, today=TODAY)


def prepare_baseline(n: int) -> list[list[tuple[str, float]]]:
    """Pre-wrapped back lines per card (work the baseline does not pay for)."""
    from fieldapp.domain.letters import Audience, Language, LetterKind
    from fieldapp.letters.render import prepare_text

    cards = []
    for i in range(n):
        text = prepare_text(
            LetterKind.NIET_THUIS_KAARTJE,
            Language.NL,
            Audience.STANDAARD,
            sender=sample_sender(),
            person=None,
            visit_date=TODAY + timedelta(days=1 + i % 20),
            dagdeel=list(Dagdeel)[i % 3],
            print_date=TODAY,
        )
        lines = []
        for section in ("kop", "bezoek", "tekst", "vervolg", "contact"):
            for line in text.lines(section):
                if line:
                    lines += [
                        (part, 11.0)
                        for part in layout(line, Style(REGULAR, 11, 14), 89 * mm, False)
                    ]
        cards.append(lines)
    return cards


def baseline(cards: list[list[tuple[str, float]]]) -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=REGULAR)
    matrix = qr_matrix(sample_sender().qr_target)
    for start in range(0, len(cards), 4):
        chunk = cards[start : start + 4]
        for cell, _ in zip(four_up_cells(), chunk, strict=False):
            canvas.roundRect(
                cell.x + 5 * mm,
                cell.y + 5 * mm,
                cell.width - 10 * mm,
                cell.height - 10 * mm,
                6 * mm,
                stroke=0,
                fill=1,
            )
            _draw_house(canvas, cell.x + cell.width / 2, cell.y + cell.height * 0.56)
            canvas.setFont(BOLD, 22)
            canvas.drawCentredString(cell.x + cell.width / 2, cell.y + cell.height * 0.42, "Hallo!")
            canvas.setFont(REGULAR, 12.5)
            canvas.drawCentredString(
                cell.x + cell.width / 2, cell.y + cell.height * 0.38, "Ik was bij u aan de deur."
            )
        canvas.showPage()
        for cell, lines in zip(four_up_back_cells(), chunk, strict=False):
            y = cell.y + cell.height - 8 * mm - 14
            for text, size in lines:
                canvas.setFont(REGULAR, size)
                canvas.drawString(cell.x + 8 * mm, y, text)
                y -= size * 1.3
            unit = 25 * mm / (len(matrix) + 8)
            path = canvas.beginPath()
            for r, row in enumerate(matrix):  # same run-merged rectangles as ours
                c = 0
                while c < len(row):
                    if not row[c]:
                        c += 1
                        continue
                    first = c
                    while c < len(row) and row[c]:
                        c += 1
                    path.rect(
                        cell.x + 60 * mm + first * unit,
                        cell.y + 30 * mm - r * unit,
                        (c - first) * unit,
                        unit,
                    )
            canvas.drawPath(path, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def timed(fn: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    best, data = float("inf"), b""
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        data = fn()
        best = min(best, time.perf_counter() - start)
    return best, data


def peak(fn: Callable[[], bytes]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_fonts()
    job_list = jobs(args.cards)
    cards = prepare_baseline(args.cards)
    ours(job_list[:4])  # warm caches (text files, font metrics) for both
    baseline(cards[:4])
    t_base, pdf_base = timed(lambda: baseline(cards), args.repeat)
    t_ours, pdf_ours = timed(lambda: ours(job_list), args.repeat)
    pages = 2 * ((args.cards + 3) // 4)
    print(f"cards: {args.cards}  sheets: {pages // 2}  pages: {pages}")
    print(
        f"baseline (bare canvas): {t_base:.2f} s  {pages / t_base:.0f} pages/s  "
        f"{len(pdf_base) / 1e6:.2f} MB"
    )
    print(
        f"ours (build_cards):     {t_ours:.2f} s  {pages / t_ours:.0f} pages/s  "
        f"{args.cards / t_ours:.0f} cards/s  {len(pdf_ours) / 1e6:.2f} MB"
    )
    print(f"ratio ours/baseline: {t_ours / t_base:.2f}  (goal <= 1.5)")
    print(
        f"peak Python allocations: ours {peak(lambda: ours(job_list)):.1f} MiB, "
        f"baseline {peak(lambda: baseline(cards)):.1f} MiB"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
