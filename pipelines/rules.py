"""What extraction and discovery need to know of a site: the rules read from config/sites.toml.

Plain, frozen data with no I/O: `crawler/config.py` loads and validates the TOML into these objects, and the
pure pipeline modules (extraction, cleaning, normalising, tagging) read them. A test can build a `Site` by hand.
"""
from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import regex

from .normalise import canonical_url

if TYPE_CHECKING:
    from .taggers import Taggers

OTHER = "other"  # the key of the generic site: a URL of no configured site
STATIC_PAGE = re.compile(r"\.(?:s?html?|xml)$", re.I)  # a path naming a static file: the query selects nothing
REGEX_SECONDS = 0.25  # a user regex that runs longer than this on one string gives up (no match)
log = logging.getLogger("gazette")
POLITENESS_FIELDS = ("download_delay", "concurrent_requests_per_domain", "download_timeout",
                     "download_maxsize", "retry_times", "autothrottle", "user_agent", "time_limit")


class TimedPattern:
    """A regular expression from the config, run with a time bound (the `regex` package's timeout): a pattern
    that backtracks catastrophically on some string gives up after REGEX_SECONDS (no match, logged) instead of
    hanging the crawl. Offers what the code uses of re.Pattern: pattern, flags, search, match, fullmatch."""

    def __init__(self, source: str, seconds: float = REGEX_SECONDS):
        self.pattern = source
        self.flags = re.compile(source).flags  # raises re.error for what Python's re refuses
        self.seconds = seconds
        self._compiled = regex.compile(source, regex.VERSION0)

    def _run(self, method: str, string: str, *args):
        try:
            return getattr(self._compiled, method)(string, *args, timeout=self.seconds)
        except TimeoutError:
            log.warning("regular expression %r gave up after %g s on %r", self.pattern, self.seconds, string[:80])
            return None

    def search(self, string: str, *args):
        return self._run("search", string, *args)

    def match(self, string: str, *args):
        return self._run("match", string, *args)

    def fullmatch(self, string: str, *args):
        return self._run("fullmatch", string, *args)

    def slow_on(self, samples) -> str | None:
        """The first sample string this pattern cannot finish within its time bound, or None."""
        for sample in samples:
            try:
                self._compiled.search(sample, timeout=self.seconds)
            except TimeoutError:
                return sample
        return None

    def __eq__(self, other):
        return isinstance(other, TimedPattern) and other.pattern == self.pattern

    def __hash__(self):
        return hash(self.pattern)

    def __repr__(self):
        return f"TimedPattern({self.pattern!r})"


@dataclass(frozen=True)
class Boilerplate:
    """What is not the article: blocks removed by CSS selector, lines dropped by exact text or regex, and the
    phrases of a site's page-deleted page (soft 404)."""
    remove: tuple[str, ...] = ()
    lines: frozenset[str] = frozenset()
    patterns: tuple[TimedPattern, ...] = ()
    soft_404: tuple[str, ...] = ()

    def merged(self, other: "Boilerplate") -> "Boilerplate":
        return Boilerplate(self.remove + other.remove, self.lines | other.lines,
                           self.patterns + other.patterns, self.soft_404 + other.soft_404)


@dataclass(frozen=True)
class Site:
    """One configured site: where it lives, which URLs are articles, how its pages are read."""
    key: str
    name: str
    short_name: str = ""    # for chart legends and axes, where the full name does not fit ("": none, the name serves)
    base_url: str = ""
    hosts: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    article_pattern: TimedPattern | None = None
    listing_pattern: TimedPattern | None = None
    pagination: str = "none"
    language: str | None = None
    schedule: dict = field(default_factory=dict)
    mirror_paths: tuple[tuple[str, str], ...] = ()
    politeness: dict = field(default_factory=dict)
    selectors: dict = field(default_factory=dict)
    boilerplate: Boilerplate = Boilerplate()
    revisit: dict = field(default_factory=dict)
    feed_urls: tuple[str, ...] = ()
    max_pages: int | None = None
    keep_query: tuple[str, ...] = ()  # query parameters that select content even on a static page's URL
    province: str | None = None  # where its events happen when an article names no place: ISO 3166-2:CN code
    city: str | None = None      # ... and city (a name of config/mentions/cities.toml)

    def owns(self, url: str) -> bool:
        return host_of(url) in self.hosts

    def is_article(self, url: str) -> bool:
        return bool(self.article_pattern and self.article_pattern.search(urlsplit(url).path))

    def canonical(self, url: str) -> str:
        """The one URL an article of this site is known by (see normalise.canonical_url: no tracking parameters,
        the rest sorted), without the query on a static page's URL (`.html`, `.shtml`, `.htm`, `.xml`: a query
        selects no content there, so ?a=1, ?ref=x, ?t=123 ... are one page) except the `keep_query` parameters."""
        canon = canonical_url(url, self.base_url, self.hosts, self.mirror_paths)
        parts = urlsplit(canon)
        if parts.query and STATIC_PAGE.search(parts.path):
            kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k in self.keep_query]
            canon = urlunsplit(parts._replace(query=urlencode(kept)))
        return canon


@dataclass(frozen=True)
class Config:
    """Every site's rules, the defaults they share, the taggers' data (gazetteers and meeting rules, compiled on
    first use: pipelines/taggers.py), and the file they were read from. Built by crawler/config.py `load`, the one
    loader; pure code receives it (or its parts), never a path to read."""
    path: Path
    defaults: dict
    sites: dict[str, Site]
    taggers: Taggers | None = None  # None: the shipped gazetteers and meeting rules (a Config built by hand)

    @property
    def directory(self) -> Path:
        return self.path.parent

    def site(self, key: str) -> Site:
        if key not in self.sites:
            known = ", ".join(sorted(self.sites)) or "none"
            close = difflib.get_close_matches(key.lower(), list(self.sites), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise UnknownSite(f"unknown site '{key}' ({hint}configured: {known})")
        return self.sites[key]

    def site_for_url(self, url: str) -> Site:
        """The configured site that owns this URL's host (of several on one host, the first whose article
        pattern the URL matches: the ministry's English and Chinese sites share theirs), or the generic `other`."""
        owners = [site for site in self.sites.values() if site.owns(url)]
        return next((s for s in owners if s.is_article(url)), owners[0] if owners else self.other)

    @property
    def other(self) -> Site:
        return Site(key=OTHER, name="Other sites (generic extraction)", boilerplate=self.boilerplate)

    @property
    def boilerplate(self) -> Boilerplate:
        return self.defaults["boilerplate"]

    def politeness(self, site: Site) -> dict:
        values = {k: v for k, v in self.defaults.items() if k in POLITENESS_FIELDS}
        values.update(site.politeness)
        return values


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file, site and key."""


class UnknownSite(ConfigError):
    """A site key asked for on the command line that the configuration does not have (a usage error: the
    configuration itself is fine)."""


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or "").lower()
