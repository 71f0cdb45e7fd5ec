"""Start crawls in this process with Scrapy's CrawlerProcess (Twisted's reactor runs once per process).

`run_fetch` fetches given URLs; `run_crawl` crawls sites, one crawler per site in the same CrawlerProcess
(each with its own politeness settings and its own crawl_runs row, opened here: crawler/process.py `Run`), and
returns one summary per site read back from the run rows by their ids. SIGINT/SIGTERM stop the crawl gracefully: Scrapy closes each spider with reason
"shutdown" and its run row is closed as `interrupted`.
"""
from __future__ import annotations

import re

from archive.health import human_bytes, run_summary
from archive.runs import WALKED

from . import stopping
from .config import Config
from .process import Run, close_unfinished, new_process, open_archive, start_crawl
from .revisit import due, revisit_after_crawl
from .spiders.fetch import FetchSpider
from .spiders.site import SiteSpider

BOUNDED = re.compile(r"^listing \S+: stopped after \d+ listing pages")  # crawler/spiders/site.py says where a bound hit
SUMMARY_KEYS = ("site", "run_id", "status", "requests", "new", "updated", "unchanged", "duplicate", "failed",
                "gone", "fell_back", "removed", "restored", "bytes", "errors")


def run_fetch(config: Config, db_path: str, urls: list[str], log_level: str = "WARNING") -> list[dict]:
    """Fetch, extract and archive these URLs; return one result dict per URL, in the order given.

    The URLs are grouped by site: one fetch crawler per site, each with the site's politeness settings and a
    crawl_runs row of its own (trigger `fetch`), all in this process."""
    open_archive(db_path)
    by_site: dict[str, list[str]] = {}
    for url in urls:
        by_site.setdefault(config.site_for_url(url).key, []).append(url)
    process = new_process(config, db_path, log_level, "fetch")
    started = []
    for key, site_urls in by_site.items():
        site = config.sites.get(key) or config.other
        run, _ = start_crawl(process, FetchSpider, f"fetch-{key}", config, db_path, site, "fetch", log_level,
                             key=key, urls=site_urls, site_key=key)
        started.append(run)
    stopping.start(process, db_path, started)
    close_unfinished(db_path, started)
    order = {url: i for i, url in enumerate(urls)}
    results = [r for run in started for r in run.results]
    return sorted(results, key=lambda r: order.get(r["url"], len(order)))


def run_crawl(config: Config, db_path: str, site_keys: list[str], *, full: bool = False,
              max_pages: int | None = None, log_level: str = "WARNING", progress: bool = False,
              trigger: str = "crawl", revisit: bool = False) -> list[dict]:
    """Crawl these sites (all in one process, concurrently); return one summary dict per site (SUMMARY_KEYS),
    read back from the archive by the run's id.

    With `revisit`, each site's crawl is followed by a re-check of its archived articles due for one
    (crawler/revisit.py); that run has its own summary, with "trigger": "revisit"."""
    sites = [config.site(key) for key in site_keys]  # ConfigError on an unknown key, before any request
    open_archive(db_path)
    process = new_process(config, db_path, log_level, trigger)
    started: list[Run] = []
    due_rows = due(config, db_path, site_keys) if revisit else {}
    for site in sites:
        run, done = start_crawl(process, SiteSpider, site.key, config, db_path, site, trigger, log_level, progress,
                                site_key=site.key, full=full, max_pages=max_pages)
        started.append(run)
        if due_rows.get(site.key):
            revisit_after_crawl(process, done, run, started, config, db_path, site, due_rows[site.key],
                                log_level, progress)
    stopping.start(process, db_path, started)
    close_unfinished(db_path, started)
    summaries = []
    for run in started:
        summary = run_summary(db_path, run.run_id) or {k: 0 for k in SUMMARY_KEYS}
        summaries.append({k: summary.get(k) for k in SUMMARY_KEYS})
        if run.trigger == "revisit":
            summaries[-1]["trigger"] = "revisit"
    return summaries


def summary_line(s: dict) -> str:
    """One line per site for the plain output of `gazette crawl`."""
    kind = "revisit run" if s.get("trigger") == "revisit" else "run"
    line = (f"{s['site']:<10} {s['status']:<11} {kind} {s['run_id']}: {s['requests']} requests, {s['new']} new, "
            f"{s['updated']} updated, {s['unchanged']} unchanged, {s['duplicate']} duplicate, "
            f"{s['failed']} page{'s' if s['failed'] != 1 else ''} failed")   # the site's own status is before
    if s.get("gone"):
        line += f", {s['gone']} gone"
    line += f"; {human_bytes(s.get('bytes') or 0)} downloaded"
    if s.get("fell_back"):
        line += f", {s['fell_back']} fell back"
    if s.get("restored"):
        line += f", {s['restored']} paragraphs put back that extraction had dropped"
    errors = [e for e in s.get("errors") or () if ": warning: " not in e and e != WALKED]   # the reasons
    if (s["status"] != "ok" or s.get("failed")) and errors:
        line += f"\n{'':<10} {errors[0]}"
        if len(errors) > 1:
            line += f"\n{'':<10} ... and {len(errors) - 1} more (gazette status, or crawl --json, lists them)"
    # said even when the run is ok: where a bound hit; every listing page walked after an unfinished crawl
    for bounded in [e for e in s.get("errors") or () if BOUNDED.search(e) or e == WALKED][:3]:
        line += f"\n{'':<10} {bounded}"
    return line
