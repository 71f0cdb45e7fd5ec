"""What makes an extracted event the labelled one, in both meetings benchmarks (bench/meetings.py on the fixture
labels, bench/meetings_real.py on real text): the same type, start and end date, place (country, province code,
city code) and set of foreign countries."""
from __future__ import annotations


def _place(e: dict) -> tuple:
    p = e.get("place") or {}
    return (p.get("country"), p.get("province_code"), p.get("city_code"))


def event_key(e: dict) -> tuple:
    return (e["type"], e.get("date_start"), e.get("date_end") or e.get("date_start"), _place(e),
            tuple(sorted(e.get("countries") or [])))
