"""Load and validate config/sites.toml into the site rules of pipelines/rules.py (Config, Site, Boilerplate).

A broken or incomplete config raises ConfigError naming the file, the site and the key, so the command
line can print one clear line and exit 2 instead of a traceback.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from gazette_data import config_dir, default_config
from pipelines.rules import OTHER, POLITENESS_FIELDS, Boilerplate, Config, ConfigError, Site, host_of

__all__ = ["Boilerplate", "Config", "ConfigError", "OTHER", "Site", "host_of", "load", "config_dir"]

PROJECT_CONFIG = default_config()  # the shipped config/ (gazette_data resolves --config, GAZETTE_CONFIG, ./config)

SELECTOR_FIELDS = ("title", "published", "byline", "source", "translator", "editor", "body", "captions",
                   "listing_item", "listing_link", "listing_date", "next_page")
BOILERPLATE_FIELDS = ("remove", "lines", "patterns", "soft_404")
PAGINATIONS = ("trs", "wordpress", "numbered", "next_link", "feed", "none")
DEFAULT_KEYS = POLITENESS_FIELDS + ("timezone", "boilerplate")
SITE_KEYS = {"name", "base_url", "hosts", "start_urls", "article_pattern", "listing_pattern", "pagination",
             "language", "schedule", "mirror_paths", "politeness", "selectors", "boilerplate", "revisit",
             "feed_urls", "max_pages"}
REQUIRED = ("name", "base_url", "hosts", "start_urls", "article_pattern")


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
    return Config(path=path, defaults=defaults, sites=sites)


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
    selectors = {f: _strings(where, selectors, f, prefix="selectors.") for f in selectors}
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
    if max_pages is not None and (not isinstance(max_pages, int) or max_pages < 1):
        raise ConfigError(f"{where}: key 'max_pages' must be a positive integer")
    return Site(
        key=key, name=name, base_url=base_url, hosts=hosts, start_urls=start_urls,
        article_pattern=_regex(where, "article_pattern", table["article_pattern"]),
        listing_pattern=_regex(where, "listing_pattern", table["listing_pattern"]) if table.get("listing_pattern") else None,
        pagination=pagination, language=table.get("language"), schedule=schedule,
        mirror_paths=tuple(tuple(p) for p in mirror_paths), politeness=politeness, selectors=selectors,
        boilerplate=default_boilerplate.merged(_boilerplate(where, table.get("boilerplate", {}))),
        revisit=_revisit(where, table.get("revisit", {})), feed_urls=feed_urls, max_pages=max_pages,
    )


def _boilerplate(where: str, raw) -> Boilerplate:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: key 'boilerplate' must be a table")
    for name in raw:
        if name not in BOILERPLATE_FIELDS:
            raise ConfigError(f"{where}: unknown key 'boilerplate.{name}'")
    return Boilerplate(
        remove=tuple(_strings(where, raw, "remove", prefix="boilerplate.")),
        lines=frozenset(_strings(where, raw, "lines", prefix="boilerplate.")),
        patterns=tuple(_regex(where, "boilerplate.patterns", p) for p in _strings(where, raw, "patterns", prefix="boilerplate.")),
        soft_404=tuple(_strings(where, raw, "soft_404", prefix="boilerplate.")),
    )


def _check_politeness(where: str, values: dict) -> None:
    for name in ("download_delay", "download_timeout", "time_limit"):
        if name in values and (not isinstance(values[name], (int, float)) or values[name] < 0):
            raise ConfigError(f"{where}: key '{name}' must be a number >= 0")
    for name in ("concurrent_requests_per_domain", "download_maxsize", "retry_times"):
        if name in values and (not isinstance(values[name], int) or values[name] < 0):
            raise ConfigError(f"{where}: key '{name}' must be a whole number >= 0")


def _revisit(where: str, raw) -> dict:
    """revisit = { after_days = [1, 7, 30], max_per_run = 50 }: re-check an article N days after first seen."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: key 'revisit' must be a table such as {{ after_days = [1, 7, 30], max_per_run = 50 }}")
    for name in raw:
        if name not in ("after_days", "max_per_run"):
            raise ConfigError(f"{where}: unknown key 'revisit.{name}'")
    days = raw.get("after_days", [1, 7, 30])
    if (not isinstance(days, list) or not days
            or not all(isinstance(d, (int, float)) and not isinstance(d, bool) and d > 0 for d in days)):
        raise ConfigError(f"{where}: key 'revisit.after_days' must be a non-empty list of numbers of days > 0")
    limit = raw.get("max_per_run", 50)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ConfigError(f"{where}: key 'revisit.max_per_run' must be a whole number >= 0")
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
    for name in ("interval_minutes", "interval_seconds", "jitter_seconds"):
        if name in schedule and (not isinstance(schedule[name], (int, float)) or schedule[name] <= 0):
            raise ConfigError(f"{where}: key 'schedule.{name}' must be a positive number")
    if sum(name in schedule for name in ("cron", "interval_minutes", "interval_seconds")) > 1:
        raise ConfigError(f"{where}: key 'schedule' takes one of cron, interval_minutes, interval_seconds")
    if "timezone" in schedule:
        _check_timezone(where, "schedule.timezone", schedule["timezone"])


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


def _regex(where, key, pattern) -> re.Pattern:
    if not isinstance(pattern, str):
        raise ConfigError(f"{where}: key '{key}' must be a regular expression string")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: key '{key}' is not a valid regular expression: {exc}") from None
