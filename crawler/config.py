"""Load and validate config/sites.toml into the site rules of pipelines/rules.py (Config, Site, Boilerplate).

A broken or incomplete config raises ConfigError naming the file, the site and the key, so the command
line can print one clear line and exit 2 instead of a traceback.
"""
from __future__ import annotations

import math
import os
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from definitions.fields import SELECTABLE
from gazette_data import config_dir, default_config
from pipelines.rules import (
    OTHER,
    POLITENESS_FIELDS,
    Boilerplate,
    Config,
    ConfigError,
    Site,
    TimedPattern,
    UnknownSite,
    host_of,
)
from pipelines.taggers import Taggers

__all__ = ["Boilerplate", "Config", "ConfigError", "OTHER", "Site", "UnknownSite", "host_of", "load", "config_dir"]

PROJECT_CONFIG = default_config()  # the shipped config/ (gazette_data resolves --config, GAZETTE_CONFIG, ./config)

LISTING_FIELDS = ("listing_item", "listing_link", "listing_date", "next_page")
SELECTOR_FIELDS = SELECTABLE + LISTING_FIELDS  # an article's selectable fields (definitions/fields.py), the listing's
BOILERPLATE_FIELDS = ("remove", "lines", "patterns", "soft_404")
PAGINATIONS = ("trs", "wordpress", "numbered", "next_link", "feed", "none")
DEFAULT_KEYS = POLITENESS_FIELDS + ("timezone", "boilerplate")
SITE_KEYS = {"name", "short_name", "base_url", "hosts", "start_urls", "article_pattern", "listing_pattern", "pagination",
             "language", "schedule", "mirror_paths", "politeness", "selectors", "boilerplate", "revisit",
             "feed_urls", "max_pages", "keep_query", "province", "city"}
REQUIRED = ("name", "base_url", "hosts", "start_urls", "article_pattern")
# Bounds of the numeric settings: (smallest, largest, whole number); a value outside stops the config loading.
NUMBERS = {
    "download_delay": (0, 3600, False),             # seconds between requests to a host
    "download_timeout": (1, 3600, False),           # seconds
    "time_limit": (0, 7 * 86400, False),            # seconds a crawl may take (0: no limit)
    "concurrent_requests_per_domain": (1, 64, True),
    "download_maxsize": (1024, 1024 ** 3, True),    # bytes (1 kB .. 1 GB)
    "retry_times": (0, 20, True),
}
SCHEDULE_NUMBERS = {
    "interval_minutes": (1 / 60, 366 * 1440),
    "interval_seconds": (1, 366 * 86400),
    "jitter_seconds": (0, 86400),
}
# Strings a user regex is tried on at load (each of these characters and of the pattern's own literal characters,
# repeated, after "" and "/", then a character that breaks the match): one that cannot finish on these within its
# time bound backtracks catastrophically (nested repetition such as (a|a)*) and is refused.
PROBE_CHARS = "a1/-_. A"
PROVINCE = re.compile(r"CN-[A-Z]{2}")  # a site's default place (its events' when an article names none)
CITY = re.compile(r"[A-Z][\w'’ .-]{1,60}")


def load(directory: str | os.PathLike | None = None) -> Config:
    """Read DIR/sites.toml and return a validated Config."""
    path = config_dir(directory) / "sites.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (set --config DIR or GAZETTE_CONFIG)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    defaults = _defaults(path, raw.get("defaults", {}))
    tables = raw.get("sites", {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{path}: [sites] must be a table of site tables")
    sites = {key: _site(path, key, table, defaults["boilerplate"]) for key, table in tables.items()}
    places = tuple((key, (site.province, site.city)) for key, site in sites.items() if site.province)
    return Config(path=path, defaults=defaults, sites=sites, taggers=Taggers(path.parent, places))


def _defaults(path: Path, raw: dict) -> dict:
    where = f"{path}: [defaults]"
    for key in raw:
        if key not in DEFAULT_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'")
    values = {"user_agent": "Gazette/0.1", "download_delay": 2.0, "concurrent_requests_per_domain": 1,
              "download_timeout": 30, "download_maxsize": 4 * 1024 * 1024, "retry_times": 2,
              "autothrottle": True, "timezone": "Asia/Shanghai", "time_limit": 3600}
    values.update({k: v for k, v in raw.items() if k != "boilerplate"})
    _check_politeness(where, values)
    values["boilerplate"] = _boilerplate(where, raw.get("boilerplate", {}))
    return values


def _site(path: Path, key: str, table, default_boilerplate: Boilerplate) -> Site:
    where = f"{path}: site '{key}'"
    if key == OTHER or not re.fullmatch(r"[a-z][a-z0-9_-]*", key):
        raise ConfigError(f"{where}: a site key must be lower-case letters, digits, '-' or '_' and not '{OTHER}'")
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    for name in table:
        if name not in SITE_KEYS:
            raise ConfigError(f"{where}: unknown key '{name}'")
    for name in REQUIRED:
        if not table.get(name):
            raise ConfigError(f"{where}: key '{name}' is missing or empty")
    name = _typed(where, table, "name", str)
    short_name = _typed(where, table, "short_name", str).strip() if "short_name" in table else ""
    base_url = _url(where, "base_url", _typed(where, table, "base_url", str))
    hosts = tuple(h.lower() for h in _strings(where, table, "hosts"))
    start_urls = tuple(_url(where, "start_urls", u) for u in _strings(where, table, "start_urls"))
    feed_urls = tuple(_url(where, "feed_urls", u) for u in _strings(where, table, "feed_urls"))
    for url in start_urls + feed_urls:
        if host_of(url) not in hosts:
            raise ConfigError(f"{where}: start URL {url} is not on one of its hosts {list(hosts)}")
    pagination = table.get("pagination", "none")
    if pagination not in PAGINATIONS:
        raise ConfigError(f"{where}: key 'pagination' must be one of {', '.join(PAGINATIONS)}, not '{pagination}'")
    selectors = table.get("selectors", {})
    if not isinstance(selectors, dict):
        raise ConfigError(f"{where}: key 'selectors' must be a table")
    for field_name in selectors:
        if field_name not in SELECTOR_FIELDS:
            raise ConfigError(f"{where}: unknown key 'selectors.{field_name}'")
    selectors = {f: _selectors(where, f"selectors.{f}", _strings(where, selectors, f, prefix="selectors."))
                 for f in selectors}
    mirror_paths = table.get("mirror_paths", [])
    if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in mirror_paths):
        raise ConfigError(f"{where}: key 'mirror_paths' must be a list of [from, to] path pairs")
    politeness = table.get("politeness", {})
    for name in politeness:
        if name not in POLITENESS_FIELDS:
            raise ConfigError(f"{where}: unknown key 'politeness.{name}'")
    _check_politeness(where, politeness)
    schedule = table.get("schedule", {})
    _check_schedule(where, schedule)
    max_pages = table.get("max_pages")
    if max_pages is not None:
        _number(where, "max_pages", max_pages, 1, 1_000_000, whole=True)
    return Site(
        key=key, name=name, short_name=short_name, base_url=base_url, hosts=hosts, start_urls=start_urls,
        article_pattern=_regex(where, "article_pattern", table["article_pattern"]),
        listing_pattern=_regex(where, "listing_pattern", table["listing_pattern"]) if table.get("listing_pattern") else None,
        pagination=pagination, language=table.get("language"), schedule=schedule,
        mirror_paths=tuple(tuple(p) for p in mirror_paths), politeness=politeness, selectors=selectors,
        boilerplate=default_boilerplate.merged(_boilerplate(where, table.get("boilerplate", {}))),
        revisit=_revisit(where, table.get("revisit", {})), feed_urls=feed_urls, max_pages=max_pages,
        keep_query=tuple(_strings(where, table, "keep_query")),
        province=_place(where, table, "province", PROVINCE), city=_place(where, table, "city", CITY),
    )


def _place(where: str, table: dict, name: str, form: re.Pattern) -> str | None:
    """A site's default `province` (an ISO 3166-2:CN code) or `city` (a name), checked for its form here; that the
    gazetteers know it is checked when the meeting rules are compiled."""
    value = table.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not form.fullmatch(value):
        wanted = 'a code like "CN-HN"' if name == "province" else "a city name"
        raise ConfigError(f"{where}: {name} must be {wanted}, not {value!r}")
    if name == "city" and not table.get("province"):
        raise ConfigError(f"{where}: city = {value!r} needs the site's province too")
    return value


def _boilerplate(where: str, raw) -> Boilerplate:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: key 'boilerplate' must be a table")
    for name in raw:
        if name not in BOILERPLATE_FIELDS:
            raise ConfigError(f"{where}: unknown key 'boilerplate.{name}'")
    return Boilerplate(
        remove=tuple(_selectors(where, "boilerplate.remove", _strings(where, raw, "remove", prefix="boilerplate."))),
        lines=frozenset(_strings(where, raw, "lines", prefix="boilerplate.")),
        patterns=tuple(_regex(where, "boilerplate.patterns", p) for p in _strings(where, raw, "patterns", prefix="boilerplate.")),
        soft_404=tuple(_strings(where, raw, "soft_404", prefix="boilerplate.")),
    )


def _check_politeness(where: str, values: dict) -> None:
    for name, (low, high, whole) in NUMBERS.items():
        if name in values:
            _number(where, name, values[name], low, high, whole)
    if "autothrottle" in values and not isinstance(values["autothrottle"], bool):
        raise ConfigError(f"{where}: key 'autothrottle' must be true or false, not {values['autothrottle']!r}")
    agent = values.get("user_agent", "x")
    if not isinstance(agent, str) or not agent.strip() or any(ord(c) < 32 or ord(c) == 127 for c in agent):
        raise ConfigError(f"{where}: key 'user_agent' must be a non-empty string on one line")
    if "timezone" in values:
        _check_timezone(where, "timezone", values["timezone"])


def _number(where: str, key: str, value, low: float, high: float, whole: bool = False) -> None:
    """ConfigError unless `value` is a finite number (a whole one if `whole`) between low and high."""
    kind = "whole number" if whole else "number"
    if (isinstance(value, bool) or not isinstance(value, int if whole else (int, float))
            or (isinstance(value, float) and not math.isfinite(value)) or not low <= value <= high):
        raise ConfigError(f"{where}: key '{key}' must be a {kind} from {low:g} to {high:g}, not {value!r}")


def _revisit(where: str, raw) -> dict:
    """revisit = { after_days = [1, 7, 30], max_per_run = 50 }: re-check an article N days after first seen."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: key 'revisit' must be a table such as {{ after_days = [1, 7, 30], max_per_run = 50 }}")
    for name in raw:
        if name not in ("after_days", "max_per_run"):
            raise ConfigError(f"{where}: unknown key 'revisit.{name}'")
    days = raw.get("after_days", [1, 7, 30])
    if (not isinstance(days, list) or not days
            or not all(isinstance(d, (int, float)) and not isinstance(d, bool) and math.isfinite(d)
                       and 0 < d <= 36600 for d in days)):
        raise ConfigError(f"{where}: key 'revisit.after_days' must be a non-empty list of numbers of days "
                          f"from 0 to 36600 (not 0)")
    limit = raw.get("max_per_run", 50)
    _number(where, "revisit.max_per_run", limit, 0, 100_000, whole=True)
    return {"after_days": sorted(days), "max_per_run": limit} if raw else {}


def _check_schedule(where: str, schedule) -> None:
    if not isinstance(schedule, dict):
        raise ConfigError(f"{where}: key 'schedule' must be a table such as {{ cron = \"0 6 * * mon-fri\" }}")
    for name in schedule:
        if name not in ("cron", "timezone", "interval_minutes", "interval_seconds", "jitter_seconds"):
            raise ConfigError(f"{where}: unknown key 'schedule.{name}'")
    if "cron" in schedule:
        cron = schedule["cron"]
        if not isinstance(cron, str) or len(cron.split()) != 5:
            raise ConfigError(f"{where}: key 'schedule.cron' must have five fields (minute hour day month day_of_week)")
        dow = cron.split()[4]
        if re.search(r"\d", dow):
            raise ConfigError(f"{where}: key 'schedule.cron' must name week days (mon-fri, sun), not numbers: '{dow}'")
        _check_cron(where, cron)
    for name, (low, high) in SCHEDULE_NUMBERS.items():
        if name in schedule:
            _number(where, f"schedule.{name}", schedule[name], low, high)
    if sum(name in schedule for name in ("cron", "interval_minutes", "interval_seconds")) > 1:
        raise ConfigError(f"{where}: key 'schedule' takes one of cron, interval_minutes, interval_seconds")
    if "timezone" in schedule:
        _check_timezone(where, "schedule.timezone", schedule["timezone"])


def _check_cron(where: str, cron: str) -> None:
    """Each field as APScheduler reads it (`61` minutes or a day `funday` are refused here, not at run time)."""
    from apscheduler.triggers.cron import CronTrigger

    minute, hour, day, month, day_of_week = cron.split()
    try:
        CronTrigger(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week, timezone="UTC")
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"{where}: key 'schedule.cron' is not a valid schedule ('{cron}': {exc})") from None


def _check_timezone(where: str, key: str, name) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, TypeError, ValueError):
        raise ConfigError(f"{where}: key '{key}' is not a known time zone: {name!r}") from None


def _typed(where, table, key, kind):
    value = table.get(key)
    if not isinstance(value, kind):
        raise ConfigError(f"{where}: key '{key}' must be a {kind.__name__}")
    return value


def _strings(where, table, key, prefix="") -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: key '{prefix}{key}' must be a list of strings")
    return value


def _url(where, key, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{where}: key '{key}' has '{url}', which is not an http(s) URL")
    return url


def _regex(where, key, pattern) -> TimedPattern:
    if not isinstance(pattern, str):
        raise ConfigError(f"{where}: key '{key}' must be a regular expression string")
    try:
        compiled = TimedPattern(pattern)
    except Exception as exc:
        raise ConfigError(f"{where}: key '{key}' is not a valid regular expression: {exc}") from None
    slow = compiled.slow_on(_probes(pattern))
    if slow is not None:
        raise ConfigError(f"{where}: key '{key}' backtracks without end on a {len(slow)}-character string "
                          f"(nested repetition such as (a+)+ or (a|a)*): rewrite it")
    return compiled


def _probes(pattern: str):
    chars = dict.fromkeys(PROBE_CHARS + "".join(c for c in pattern if c.isalnum() or c in "/-_.: "))
    for prefix in ("", "/"):
        for c in chars:
            yield prefix + c * 40 + "!"
            yield prefix + (c + "/") * 20 + "!"


def _selectors(where: str, key: str, selectors: list[str]) -> list[str]:
    """ConfigError naming the first CSS selector that cannot be read (checked at load, not mid-crawl)."""
    from lxml import etree
    from parsel.csstranslator import css2xpath

    for css in selectors:
        try:
            etree.XPath(css2xpath(css))
        except Exception as exc:
            raise ConfigError(f"{where}: key '{key}' has {css!r}, which is not a valid CSS selector "
                              f"({type(exc).__name__}: {exc})") from None
    return selectors
