"""Revisits: re-check archived articles for silent edits or deletions, per the site's `revisit` policy.

`revisit = { after_days = [1, 7, 30], max_per_run = 50 }` in a site's table: an article is due again when
1, 7 and 30 days have passed since it was first seen and it has not been fetched since that point; at most
max_per_run per site and run, longest-waiting first. The due URLs go through the fetch spider with trigger
"revisit", so a changed page makes a revision, a 404 or soft 404 sets gone_since, and a page back clears it.
"""
from __future__ import annotations

from archive import Archive, revisits

from . import stopping
from .config import Config
from .process import new_process, open_archive, spider_class
from .spiders.fetch import FetchSpider


def due(config: Config, db_path: str, site_keys: list[str] | None = None, now: str | None = None) -> dict[str, list[dict]]:
    """Per site (all configured sites when none given), the archived articles due for a re-check."""
    keys = site_keys or list(config.sites)
    sites = [config.site(k) for k in keys]  # ConfigError for an unknown key
    found: dict[str, list[dict]] = {}
    with Archive(db_path) as archive:
        for site in sites:
            policy = site.revisit
            if not policy:
                continue
            rows = revisits.due_for_revisit(archive, site.key, policy["after_days"], policy["max_per_run"], now)
            if rows:
                found[site.key] = rows
    return found


def revisit_crawler(process, config: Config, db_path: str, site, log_level: str = "WARNING",
                    progress: bool = False):
    """A fetch crawler for one site's revisits: trigger "revisit", the site's politeness and time limit."""
    spidercls = spider_class(FetchSpider, f"revisit-{site.key}", config, db_path, site, "revisit", log_level,
                             progress)
    return process.create_crawler(spidercls)


def run_revisit(config: Config, db_path: str, site_keys: list[str] | None = None, log_level: str = "WARNING",
                now: str | None = None) -> tuple[dict[str, list[dict]], list[dict]]:
    """Re-fetch the due articles of these sites, one crawler per site in one process; return (due rows per
    site, one result per page)."""
    open_archive(db_path)  # run rows left `running` by a killed run are closed as interrupted
    due_rows = due(config, db_path, site_keys, now)
    results: list[dict] = []
    if not due_rows:
        return due_rows, results
    process = new_process(config, db_path, log_level, "revisit")
    for key, rows in due_rows.items():
        crawler = revisit_crawler(process, config, db_path, config.sites[key], log_level)
        process.crawl(crawler, config=config, urls=[r["url"] for r in rows], results=results, site_key=key)
    stopping.start(process, db_path)
    return due_rows, results


def revisit_after_crawl(process, crawl_deferred, crawl_crawler, config: Config, db_path: str, site,
                        rows: list[dict], log_level: str = "WARNING", progress: bool = False):
    """For `gazette crawl --revisit`: a revisit crawler that re-checks `rows` once the site's crawl has
    finished normally, so the two never hit the site at the same time. Returns it (its spider has run_id
    once it ran)."""
    crawler = revisit_crawler(process, config, db_path, site, log_level, progress)

    def start(_):
        if crawl_crawler.stats.get_value("finish_reason") != "finished":
            return None  # interrupted or timed out: no revisit now
        return process.crawl(crawler, config=config, urls=[r["url"] for r in rows], results=[], site_key=site.key)

    crawl_deferred.addBoth(start)
    return crawler
