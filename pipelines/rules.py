"""What extraction and discovery need to know of a site: the rules read from config/sites.toml.

Plain, frozen data with no I/O: `crawler/config.py` loads and validates the TOML into these objects, and the
pure pipeline modules (extraction, cleaning, normalising, tagging) read them. A test can build a `Site` by hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .normalise import canonical_url

OTHER = "other"  # the key of the generic site: a URL of no configured site
POLITENESS_FIELDS = ("download_delay", "concurrent_requests_per_domain", "download_timeout",
                     "download_maxsize", "retry_times", "autothrottle", "user_agent", "time_limit")


@dataclass(frozen=True)
class Boilerplate:
    """What is not the article: blocks removed by CSS selector, lines dropped by exact text or regex, and the
    phrases of a site's page-deleted page (soft 404)."""
    remove: tuple[str, ...] = ()
    lines: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern, ...] = ()
    soft_404: tuple[str, ...] = ()

    def merged(self, other: "Boilerplate") -> "Boilerplate":
        return Boilerplate(self.remove + other.remove, self.lines | other.lines,
                           self.patterns + other.patterns, self.soft_404 + other.soft_404)


@dataclass(frozen=True)
class Site:
    """One configured site: where it lives, which URLs are articles, how its pages are read."""
    key: str
    name: str
    base_url: str = ""
    hosts: tuple[str, ...] = ()
    start_urls: tuple[str, ...] = ()
    article_pattern: re.Pattern | None = None
    listing_pattern: re.Pattern | None = None
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

    def owns(self, url: str) -> bool:
        return host_of(url) in self.hosts

    def is_article(self, url: str) -> bool:
        return bool(self.article_pattern and self.article_pattern.search(urlsplit(url).path))

    def canonical(self, url: str) -> str:
        """The one URL an article of this site is known by (see normalise.canonical_url)."""
        return canonical_url(url, self.base_url, self.hosts, self.mirror_paths)


@dataclass(frozen=True)
class Config:
    """Every site's rules, the defaults they share, and the directory they were read from (which also holds
    the mention gazetteers, `mentions/`)."""
    path: Path
    defaults: dict
    sites: dict[str, Site]

    @property
    def directory(self) -> Path:
        return self.path.parent

    def site(self, key: str) -> Site:
        if key not in self.sites:
            known = ", ".join(sorted(self.sites)) or "none"
            raise ConfigError(f"unknown site '{key}' (configured: {known})")
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


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or "").lower()
