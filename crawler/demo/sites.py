"""Point configured sites at loopback mirrors: every URL of a site's config table moved onto its mirror, and a
config directory written with those tables (politeness delays off, for loopback only).

Everything host-specific lives in sites.toml, so rewriting a site's URLs is all it takes for the normal crawler
to crawl a mirror instead of the real site.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import tomli_w

import gazette_data

from .mirror import Mirror

LOOPBACK_DEFAULTS = {"download_delay": 0, "autothrottle": False, "retry_times": 1, "download_timeout": 5}


def read_config(directory: str | os.PathLike | None = None) -> dict:
    """The raw tables of DIR/sites.toml (default: the shipped config)."""
    path = Path(directory or gazette_data.default_config()) / "sites.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def mirror_site(raw_site: dict, mirror: Mirror) -> dict:
    """A site's config table with every URL moved onto the mirror."""
    def move(url: str) -> str:
        parts = urlsplit(url)
        return urlunsplit(("http", mirror.host, parts.path, parts.query, parts.fragment))
    site = dict(raw_site)
    site["base_url"] = mirror.url
    site["hosts"] = [mirror.host]
    site["start_urls"] = [move(u) for u in raw_site["start_urls"]]
    if "feed_urls" in raw_site:
        site["feed_urls"] = [move(u) for u in raw_site["feed_urls"]]
    return site


def write_config(directory: Path, mirrors: dict[str, Mirror], raw: dict | None = None, **defaults) -> Path:
    """Write DIR/sites.toml: the shipped config (or `raw`) with the given sites on their mirrors,
    politeness delays off for speed (`defaults` override more), and only the mirrored sites kept."""
    raw = raw or read_config()
    raw["defaults"] = {**raw.get("defaults", {}), **LOOPBACK_DEFAULTS, **defaults}
    raw["sites"] = {key: mirror_site(raw["sites"][key], m) for key, m in mirrors.items()}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    return directory


def site_mirror(key: str, raw: dict | None = None) -> Mirror:
    """A mirror of the recorded tree of site `key`, rewriting the site's real hosts (from `raw`, default the
    shipped config) to itself."""
    hosts = (raw or read_config())["sites"].get(key, {}).get("hosts", [])
    return Mirror(gazette_data.fixtures() / key, hosts=tuple(hosts))
