"""What every Gazette page shares: the database name, the sites' names and colours, links to an article, the
markers of highlighted words, dates in plain words."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from archive.datasette import DATABASE

PAGE_SIZE = 20
RANK_CAP = 20_000        # relevance order ranks the most recently archived matches, at most this many
FACET_CAP = 5_000        # facet counts are over at most this many matches (the most recently archived)
FEED_SIZE = 50

MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"
# one colour per site, everywhere (chart, badges, table): Tableau 10, in the order the sites are configured
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
OTHER_COLOUR = "#8c8c8c"
# Names of the site keys no configured site has: `other` holds the pages of no configured site (gazette fetch,
# gazette import --other), read by the generic extractor (pipelines/rules.py Config.other)
OTHER_NAMES = {"other": "Other sites (generic extraction)"}

# -- sites ------------------------------------------------------------------------------------------------

def site_info(datasette) -> dict:
    """{site key: {"name", "url"}} from the plugin config `gazette.sites` (set by `gazette serve` from the config)."""
    config = datasette.plugin_config("gazette") or {}
    return dict(config.get("sites") or {})


class Colours(dict):
    """A fixed colour per site, the same on every page: configured sites in config order, any other site key
    (e.g. `other`, pages of no configured site) grey."""

    def __missing__(self, key):
        return OTHER_COLOUR

    def get(self, key, default=None):
        return self[key]


def colours(datasette, keys=()) -> Colours:
    return Colours({key: PALETTE[i % len(PALETTE)] for i, key in enumerate(site_info(datasette))})


def archive_url(datasette, article_id: str) -> str:
    return datasette.urls.row(DATABASE, "articles", article_id)


# -- dates in plain words ---------------------------------------------------------------------------------

BEIJING = timezone(timedelta(hours=8))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def plain_date(value, utc: bool = False) -> str:
    """An ISO date or date-time in words: "20 May 2024", "May 2024", or "20 May 2024, 20:30 (Beijing)".

    `utc`: the value is a UTC time of Gazette's (first seen, captured, gone) and is shown in Beijing time, as the
    sites' own dates are; a date-time with an offset is converted too. Anything else is returned as it is."""
    text = str(value or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if m:
        year, month, day = m.group(1), int(m.group(2)), m.group(3)
        if not 1 <= month <= 12:
            return text
        return (f"{int(day)} " if day else "") + f"{MONTHS[month - 1]} {year}"
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return text
    if moment.tzinfo is not None or utc:
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(BEIJING)
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M} (Beijing)"


def count_words(n: int, one: str, many: str | None = None) -> str:
    """"1 article", "2,345 articles"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def closest(value: str, names: list[str], n: int = 3) -> list[str]:
    """The known names nearest to an unknown value (case ignored), for "no such …; did you mean …"."""
    import difflib

    lowered = {name.lower(): name for name in names if name}
    found = difflib.get_close_matches(value.lower(), list(lowered), n=n, cutoff=0.5)
    starts = [k for k in lowered if k.startswith(value.lower()[:3]) and k not in found] if len(value) >= 3 else []
    return [lowered[k] for k in (found + sorted(starts))[:n]]


# -- one colour per province, on every chart (home sparklines, the dashboards' bars) -----------------------

PROVINCES = ("Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang",
             "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan",
             "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet", "Shaanxi",
             "Gansu", "Qinghai", "Ningxia", "Xinjiang", "Hong Kong", "Macau", "Taiwan")
# Tableau 20, so that neighbours in the list differ
PROVINCE_PALETTE = ("#4e79a7", "#a0cbe8", "#f28e2b", "#ffbe7d", "#59a14f", "#8cd17d", "#b6992d", "#f1ce63",
                    "#499894", "#86bcb6", "#e15759", "#ff9d9a", "#79706e", "#bab0ac", "#d37295", "#fabfd2",
                    "#b07aa1", "#d4a6c8", "#9d7660", "#d7b5a6")


def province_colour(name: str | None) -> str:
    """The colour of a province (by its English name), the same on every chart; grey for any other place."""
    if name in PROVINCES:
        return PROVINCE_PALETTE[PROVINCES.index(name) % len(PROVINCE_PALETTE)]
    return OTHER_COLOUR


def province_scale() -> dict:
    """A Vega-Lite colour scale giving each province its colour (for the dashboards' charts)."""
    return {"domain": list(PROVINCES), "range": [province_colour(p) for p in PROVINCES]}
