"""Dashboard export as CSV rows and a PNG chart (Pillow; no Qt, no matplotlib).

The PNG shows the contact rate per contactsoort x dagdeel x werkdag/zaterdag as bars with
their 95 % Wilson interval as whiskers and the count beside each bar, so a bar built on three
attempts is visibly uncertain.
"""

from __future__ import annotations

import csv
import io

from PIL import Image, ImageDraw, ImageFont

from fieldapp.intake.normalise import escape_for_spreadsheet
from fieldapp.reporting.stats import Dashboard, Rate

CSV_COLUMNS = ("figuur", "sleutel", "aantal", "totaal", "aandeel", "ci95_laag", "ci95_hoog")


def _rows(d: Dashboard) -> list[tuple[str, str, Rate]]:
    rows: list[tuple[str, str, Rate]] = []
    rows += [("bereikt_per_kanaal", " / ".join(k), r) for k, r in sorted(d.by_channel.items())]
    rows += [("bereikt_per_signaalpartner", k, r) for k, r in sorted(d.by_partner.items())]
    rows += [("bereikt_per_wijk", k, r) for k, r in sorted(d.by_wijk.items())]
    for m in d.per_month:
        rows += [
            ("bereik_per_maand", m.month, m.reach),
            ("acceptatie_per_maand", m.month, m.acceptance),
        ]
    rows += [("op_tijd_benaderd", "", d.on_time), ("inspanning_overschreven", "", d.overrides)]
    return rows


def dashboard_csv(d: Dashboard) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for figure, key, r in _rows(d):
        share = "" if r.rate is None else f"{r.rate:.4f}"
        writer.writerow(
            [
                figure,
                escape_for_spreadsheet(key),
                r.hits,
                r.total,
                share,
                f"{r.low:.4f}",
                f"{r.high:.4f}",
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def dashboard_png(d: Dashboard, *, title: str) -> bytes:
    bars = sorted(d.by_channel.items())
    row_h, left, width = 26, 330, 900
    height = 90 + row_h * max(1, len(bars)) + 60
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    draw.text((16, 12), title, fill="black", font=font)
    draw.text((16, 32), "Bereikt per soort / dagdeel / dag (95%-interval)", fill="black", font=font)
    span = width - left - 120
    top = 60
    for i in range(0, 101, 25):
        x = left + span * i / 100
        draw.line([(x, top), (x, top + row_h * len(bars))], fill="#dddddd")
        draw.text((x - 8, top + row_h * len(bars) + 4), f"{i}%", fill="black", font=font)
    for n, ((soort, dagdeel, dag), r) in enumerate(bars):
        y = top + n * row_h
        draw.text((16, y + 6), f"{soort} / {dagdeel} / {dag}", fill="black", font=font)
        share = r.rate or 0.0
        draw.rectangle([left, y + 4, left + span * share, y + row_h - 4], fill="#2b6cb0")
        lo, hi = left + span * r.low, left + span * r.high
        mid = y + row_h / 2
        draw.line([(lo, mid), (hi, mid)], fill="black", width=2)
        draw.line([(lo, mid - 5), (lo, mid + 5)], fill="black", width=2)
        draw.line([(hi, mid - 5), (hi, mid + 5)], fill="black", width=2)
        draw.text((left + span + 10, y + 6), f"{r.hits}/{r.total}", fill="black", font=font)
    foot = top + row_h * len(bars) + 24
    on_time = d.on_time
    draw.text(
        (16, foot),
        f"Op tijd benaderd: {on_time.hits}/{on_time.total}   "
        f"Inspanning overschreven: {d.overrides.hits}/{d.overrides.total}",
        fill="black",
        font=font,
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
