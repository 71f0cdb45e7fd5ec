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
from .process import Run, close_unfinished, new_process, open_archive, start_crawl
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


def run_revisit(config: Config, db_path: str, site_keys: list[str] | None = None, log_level: str = "WARNING",
                now: str | None = None) -> tuple[dict[str, list[dict]], list[dict]]:
    """Re-fetch the due articles of these sites, one crawler per site in one process; return (due rows per
    site, one result per page)."""
    open_archive(db_path)  # run rows left `running` by a killed run are closed as interrupted
    due_rows = due(config, db_path, site_keys, now)
    if not due_rows:
        return due_rows, []
    process = new_process(config, db_path, log_level, "revisit")
    started = []
    for key, rows in due_rows.items():
        site = config.sites[key]
        run, _ = start_crawl(process, FetchSpider, f"revisit-{key}", config, db_path, site, "revisit", log_level,
                             urls=[r["url"] for r in rows], site_key=key)
        started.append(run)
    stopping.start(process, db_path, started)
    close_unfinished(db_path, started)
    return due_rows, [r for run in started for r in run.results]


def revisit_after_crawl(process, crawl_deferred, crawl: Run, started: list[Run], config: Config, db_path: str,
                        site, rows: list[dict], log_level: str = "WARNING", progress: bool = False) -> None:
    """For `gazette crawl --revisit`: once the site's crawl (`crawl`) has finished normally, a revisit run that
    re-checks `rows` (so the two never hit the site at the same time), added to `started`; none when the crawl
    was interrupted or timed out."""
    def start(_):
        if crawl.finish_reason != "finished":
            return None  # interrupted, timed out or the archive failed: no revisit now
        run, done = start_crawl(process, FetchSpider, f"revisit-{site.key}", config, db_path, site, "revisit",
                                log_level, progress, urls=[r["url"] for r in rows], site_key=site.key)
        started.append(run)
        return done

    crawl_deferred.addBoth(start)
