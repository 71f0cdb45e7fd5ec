"""Test support: fixture paths, a config pointed at loopback mirrors, and running `gazette` as a process."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import tomli_w

from .mirror import Mirror

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_CONFIG = ROOT / "config" / "sites.toml"


def project_config() -> dict:
    return tomllib.loads(PROJECT_CONFIG.read_text(encoding="utf-8"))


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
    """Write DIR/sites.toml: the project's config (or `raw`) with the given sites on their mirrors,
    politeness delays off for speed, and only the mirrored sites kept."""
    raw = raw or project_config()
    raw["defaults"].update({"download_delay": 0, "autothrottle": False, "retry_times": 1,
                            "download_timeout": 5, **defaults})
    raw["sites"] = {key: mirror_site(raw["sites"][key], m) for key, m in mirrors.items()}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    return directory


def site_mirror(key: str) -> Mirror:
    """A mirror of tests/fixtures/<key>/, rewriting the site's real hosts to itself."""
    hosts = project_config()["sites"].get(key, {}).get("hosts", [])
    return Mirror(FIXTURES / key, hosts=tuple(hosts))


def gazette(*args: str, db: Path, config: Path | None = None, timeout: float = 120,
            env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m crawler ARGS` with this archive and config; capture its output."""
    environment = {**os.environ, "GAZETTE_DB": str(db), **(env or {})}
    if config is not None:
        environment["GAZETTE_CONFIG"] = str(config)
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=timeout)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def expected_pages(site: str | None = None):
    """(site key, URL path, page file, expected fields) for every recorded article page with expectations."""
    for expected in sorted(FIXTURES.glob(f"{site or '*'}/**/*.expected.json")):
        key = expected.relative_to(FIXTURES).parts[0]
        stem = expected.name[: -len(".expected.json")]
        pages = [p for p in expected.parent.glob(stem + ".*") if not p.name.endswith(".expected.json")]
        if not pages:
            continue
        page = pages[0]
        yield key, "/" + str(page.relative_to(FIXTURES / key)), page, json.loads(expected.read_text("utf-8"))
