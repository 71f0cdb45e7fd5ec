"""SVG charts drawn on the server: articles per month stacked by site, sparklines, whole-number ticks."""
from __future__ import annotations

import math
import re

from markupsafe import Markup, escape


def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def months_label(indexes) -> list[str]:
    return [f"{i // 12}-{i % 12 + 1:02d}" for i in indexes]


def nice_step(top: int, ticks: int = 5) -> int:
    """A whole-number tick step (1, 2, 5 × 10^k) giving about `ticks` ticks up to `top`."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** int(math.floor(math.log10(raw)))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return int(m * power)
    return int(10 * power)


def month_chart(rows: list[dict], colour: dict, width: int = 880, height: int = 260,
                names: dict | None = None) -> Markup:
    """An SVG of articles per month, stacked by site, on a true time axis (every month, empty ones included),
    with whole-number count ticks. rows: {site, month (YYYY-MM), articles}."""
    rows = [r for r in rows if re.fullmatch(r"\d{4}-\d{2}", r["month"] or "") and r["articles"] > 0]
    if not rows:
        return Markup('<p class="gazette-empty">No dated articles yet.</p>')
    first = min(_month_index(r["month"]) for r in rows)
    last = max(_month_index(r["month"]) for r in rows)
    months = last - first + 1
    stacks: dict[int, list[tuple[str, int]]] = {}
    for r in sorted(rows, key=lambda r: list(colour).index(r["site"]) if r["site"] in colour else 99):
        stacks.setdefault(_month_index(r["month"]) - first, []).append((r["site"], r["articles"]))
    top = max(sum(n for _, n in s) for s in stacks.values())
    step = nice_step(top)
    top_tick = step * math.ceil(top / step)
    left, right, upper, lower = 52, 10, 10, 32
    plot_w, plot_h = width - left - right, height - upper - lower
    bar_w = plot_w / months
    # In a box of its own that scrolls sideways on a phone, where the chart keeps a width its labels can be read
    # at (gazette.css: drawn 880 wide and shrunk to a phone's 350 px, the labels were 4 px high).
    parts = [f'<div class="gazette-chart-scroll"><svg class="gazette-chart" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-label="Articles per month and site" xmlns="http://www.w3.org/2000/svg">']
    for value in range(0, top_tick + 1, step):
        y = upper + plot_h - value / top_tick * plot_h
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="13">{value:,}</text>')
    for i, stack in stacks.items():
        y = upper + plot_h
        for site, n in stack:
            h = n / top_tick * plot_h
            y -= h
            month = first + i
            label = f"{month // 12}-{month % 12 + 1:02d}"
            bar = max(bar_w - (1 if bar_w > 3 else 0), 0.6)
            name = (names or {}).get(site, {}).get("name", site)
            parts.append(f'<rect x="{left + i * bar_w:.2f}" y="{y:.2f}" width="{bar:.2f}" '
                         f'height="{h:.2f}" fill="{colour.get(site, "#999")}"><title>{escape(name)}, {label}: '
                         f'{n:,} article{"s" if n != 1 else ""}</title></rect>')
    years = range(first // 12, last // 12 + 2)
    year_step = max(1, math.ceil(len(years) / 12))
    labelled = False
    for year in years:
        if year % year_step:
            continue
        x = left + (year * 12 - first) * bar_w
        if left - 1 <= x <= width - right + 1:
            labelled = True
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{upper + plot_h}" y2="{upper + plot_h + 5}" '
                         f'stroke="#333"/><text x="{x:.1f}" y="{height - 8}" text-anchor="middle" '
                         f'font-size="13">{year}</text>')
    if not labelled:  # every month within one year, none starting it: name the year at the left
        parts.append(f'<text x="{left}" y="{height - 8}" text-anchor="start" font-size="13">{first // 12}</text>')
    if months <= 24:   # a short span: label the months too
        for i in range(months):
            month = first + i
            x = left + (i + 0.5) * bar_w
            parts.append(f'<text x="{x:.1f}" y="{upper + plot_h + 12}" text-anchor="middle" font-size="11" '
                         f'fill="#555">{month % 12 + 1}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{upper + plot_h}" y2="{upper + plot_h}" '
                 f'stroke="#333"/></svg></div>')
    return Markup("".join(parts))


def sparkline(counts: dict[str, int], first: int, last: int, colour: str = "#4e79a7", width: int = 260,
              height: int = 24) -> Markup:
    """A small SVG of counts per month (YYYY-MM keys) on the shared time axis first..last (month indexes)."""
    months = max(1, last - first + 1)
    top = max(counts.values(), default=0) or 1
    bar = width / months
    parts = [f'<svg class="gazette-spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" xmlns="http://www.w3.org/2000/svg"><line x1="0" x2="{width}" y1="{height - 0.5}" '
             f'y2="{height - 0.5}" stroke="#ccc"/>']
    for month, n in sorted(counts.items()):
        if not re.fullmatch(r"\d{4}-\d{2}", month) or n <= 0:
            continue
        h = max(1.0, n / top * (height - 2))
        parts.append(f'<rect x="{(_month_index(month) - first) * bar:.2f}" y="{height - h:.2f}" '
                     f'width="{max(bar - (0.5 if bar > 2 else 0), 0.6):.2f}" height="{h:.2f}" fill="{colour}">'
                     f'<title>{month}: {n:,} article{"s" if n != 1 else ""}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))
