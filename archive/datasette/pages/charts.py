"""SVG charts drawn on the server: articles per month stacked by site, sparklines, whole-number ticks."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from .common import MONTHS


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


@dataclass(frozen=True)
class _Frame:
    """Where a month chart draws: the SVG's size, the plot's margins, the months it spans (month indexes)."""
    width: int
    height: int
    first: int
    last: int
    left: int = 52
    right: int = 10
    upper: int = 10
    lower: int = 32

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    @property
    def plot_h(self) -> int:
        return self.height - self.upper - self.lower

    @property
    def bar_w(self) -> float:
        return (self.width - self.left - self.right) / self.months


def month_chart(rows: list[dict], colour: dict, width: int = 880, height: int = 260,
                names: dict | None = None) -> Markup:
    """An SVG of articles per month, stacked by site, on a true time axis (every month, empty ones included),
    with whole-number count ticks. rows: {site, month (YYYY-MM), articles}."""
    rows = [r for r in rows if re.fullmatch(r"\d{4}-\d{2}", r["month"] or "") and r["articles"] > 0]
    if not rows:
        return Markup('<p class="gazette-empty">No dated articles yet.</p>')
    frame = _Frame(width, height, min(_month_index(r["month"]) for r in rows),
                   max(_month_index(r["month"]) for r in rows))
    stacks: dict[int, list[tuple[str, int]]] = {}
    for r in sorted(rows, key=lambda r: list(colour).index(r["site"]) if r["site"] in colour else 99):
        stacks.setdefault(_month_index(r["month"]) - frame.first, []).append((r["site"], r["articles"]))
    top = max(sum(n for _, n in s) for s in stacks.values())
    step = nice_step(top)
    top_tick = step * math.ceil(top / step)
    # In a box of its own that scrolls sideways on a phone, where the chart keeps a width its labels can be read
    # at (gazette.css: drawn 880 wide and shrunk to a phone's 350 px, the labels were 4 px high).
    parts = [f'<div class="gazette-chart-scroll"><svg class="gazette-chart" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-label="Articles per month and site" xmlns="http://www.w3.org/2000/svg">']
    parts += _count_ticks(frame, step, top_tick)
    parts += _bars(frame, stacks, top_tick, colour, names or {})
    parts += _time_axis(frame)
    parts.append(f'<line x1="{frame.left}" x2="{width - frame.right}" y1="{frame.upper + frame.plot_h}" '
                 f'y2="{frame.upper + frame.plot_h}" stroke="#333"/></svg></div>')
    return Markup("".join(parts))


def _count_ticks(frame: _Frame, step: int, top_tick: int) -> list[str]:
    """A grid line and its count at every `step` up to `top_tick`."""
    parts = []
    for value in range(0, top_tick + 1, step):
        y = frame.upper + frame.plot_h - value / top_tick * frame.plot_h
        parts.append(f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" y2="{y:.1f}" '
                     f'stroke="#ddd"/><text x="{frame.left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                     f'font-size="13">{value:,}</text>')
    return parts


def _bars(frame: _Frame, stacks: dict[int, list[tuple[str, int]]], top_tick: int, colour: dict,
          names: dict) -> list[str]:
    """Each month's stack of sites' bars (month i of the chart: [(site, articles)], bottom first), each with
    its site, month and count as a tooltip."""
    parts = []
    bar_w = frame.bar_w
    bar = max(bar_w - (1 if bar_w > 3 else 0), 0.6)
    for i, stack in stacks.items():
        y: float = frame.upper + frame.plot_h
        label = months_label([frame.first + i])[0]
        for site, n in stack:
            h = n / top_tick * frame.plot_h
            y -= h
            name = names.get(site, {}).get("name", site)
            parts.append(f'<rect x="{frame.left + i * bar_w:.2f}" y="{y:.2f}" width="{bar:.2f}" '
                         f'height="{h:.2f}" fill="{colour.get(site, "#999")}"><title>{escape(name)}, {label}: '
                         f'{n:,} article{"s" if n != 1 else ""}</title></rect>')
    return parts


def _time_axis(frame: _Frame) -> list[str]:
    """The years under the bars (at most about 12 labelled; the first year at the left when no year starts
    within the chart) and, over a span of two years or less, the months."""
    parts = []
    first, bar_w, base = frame.first, frame.bar_w, frame.upper + frame.plot_h
    years = range(first // 12, frame.last // 12 + 2)
    year_step = max(1, math.ceil(len(years) / 12))
    labelled = False
    for year in years:
        if year % year_step:
            continue
        x = frame.left + (year * 12 - first) * bar_w
        if frame.left - 1 <= x <= frame.width - frame.right + 1:
            labelled = True
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{base}" y2="{base + 5}" '
                         f'stroke="#333"/><text x="{x:.1f}" y="{frame.height - 8}" text-anchor="middle" '
                         f'font-size="13">{year}</text>')
    if not labelled:  # every month within one year, none starting it: name the year at the left
        parts.append(f'<text x="{frame.left}" y="{frame.height - 8}" text-anchor="start" font-size="13">'
                     f'{first // 12}</text>')
    if frame.months <= 24:   # a short span: label the months too, by name (a number under a bar read as its count)
        for i in range(frame.months):
            x = frame.left + (i + 0.5) * bar_w
            name = MONTHS[(first + i) % 12]
            parts.append(f'<text x="{x:.1f}" y="{base + 12}" text-anchor="middle" font-size="11" '
                         f'fill="#555">{name[:3] if bar_w >= 22 else name[0]}</text>')
    return parts


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
