"""The Scrapy process of a Gazette command: its CrawlerProcess, one spider class per site, and the runs it owns.

Twisted's reactor runs once per process, so each command (crawl, fetch, revisit, check) builds one
CrawlerProcess here and adds a crawler per site, each with the site's own politeness settings and run row.
The command owns each run (`Run`, `start_crawl`): it opens the crawl_runs row before the crawl, hands its id to the
crawl in the GAZETTE_RUN_ID setting (the archive pipeline closes the row), collects the per-page results the
pipeline hands on through Scrapy's item_scraped signal, and reads the run's summary back from the archive by its
id. Nothing of the run travels on the spider object.
"""
from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field

from scrapy import signals
from scrapy.crawler import CrawlerProcess

from archive import Archive, runs
from archive.store import ArchiveError

from .config import Config, Site
from .settings import scrapy_settings


def open_archive(db_path: str) -> None:
    """Before any request: the archive opens (and migrates), or ArchiveError says why not (corrupt, read-only,
    full disk); run rows left `running` by a killed or crashed crawl are closed as `interrupted`."""
    with Archive(db_path) as archive:
        try:
            runs.close_interrupted_runs(archive)
        except sqlite3.Error as exc:
            raise ArchiveError(f"cannot write archive {db_path}: {exc}") from None


def new_process(config: Config, db_path: str, log_level: str, trigger: str, archiving: bool = True) -> CrawlerProcess:
    """The one CrawlerProcess of this command, logging at `log_level` (`archiving=False`: nothing is written)."""
    process = CrawlerProcess(scrapy_settings(config, db_path, log_level=log_level, trigger=trigger,
                                             archiving=archiving))
    logging.getLogger("scrapy").setLevel(log_level)
    if log_level != "DEBUG":  # an unreachable robots.txt is logged with a traceback; the run row has the reason
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    if log_level == "WARNING":  # "Gave up retrying ...": each failed URL is reported once, in the command's output
        logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
        # "discarding data: URL" for a page with no article: the page's result line already says why
        logging.getLogger("trafilatura").setLevel(logging.ERROR)
    return process


def spider_class(base: type, name: str, config: Config, db_path: str, site: Site, trigger: str,
                 log_level: str, progress: bool = False, archiving: bool = True, run_id: int | None = None) -> type:
    """`base` for one site: the site's politeness settings and time limit, its own crawler and run row (`run_id`,
    opened by the command; without one the archive pipeline opens it: `scrapy crawl`, Scrapyd); running counts on
    stderr with `progress`; nothing written with `archiving=False`."""
    custom = scrapy_settings(config, db_path, log_level=log_level, trigger=trigger, site=site, progress=progress,
                             archiving=archiving)
    custom["CLOSESPIDER_TIMEOUT"] = config.politeness(site).get("time_limit") or 0
    if run_id is not None:
        custom["GAZETTE_RUN_ID"] = run_id
    return type(f"{base.__name__}_{site.key}", (base,), {"name": name, "custom_settings": custom})


@dataclass
class Run:
    """One crawler's run, owned by the command that starts it: the crawl_runs row's id, the per-page results
    (one dict each, pipelines/record.py) the archive pipeline hands on, and why Scrapy closed the crawl."""
    site: str
    trigger: str
    run_id: int
    results: list[dict] = field(default_factory=list)
    finish_reason: str | None = None  # Scrapy's: finished, shutdown, closespider_timeout, archive_error, ...

    def collect(self, item, response=None, spider=None) -> None:
        """Scrapy's item_scraped: the archive pipeline's output for one page is its result."""
        if isinstance(item, dict) and "article_id" in item:
            self.results.append(item)

    def closed(self, spider=None, reason: str | None = None) -> None:
        """Scrapy's spider_closed."""
        self.finish_reason = reason


def start_crawl(process: CrawlerProcess, base: type, name: str, config: Config, db_path: str, site: Site,
                trigger: str, log_level: str, progress: bool = False, key: str | None = None, **spider_args):
    """Open the run row of one crawler (`key`: the row's site, the site's key by default), add the crawler to the
    process with the row's id in its settings, and collect its results; return (the Run, the crawl's Deferred)."""
    key = key or site.key
    with Archive(db_path) as archive:
        run = Run(key, trigger, int(runs.start_run(archive, key, trigger) or 0))
    spidercls = spider_class(base, name, config, db_path, site, trigger, log_level, progress, run_id=run.run_id)
    crawler = process.create_crawler(spidercls)
    crawler.signals.connect(run.collect, signal=signals.item_scraped, weak=False)
    crawler.signals.connect(run.closed, signal=signals.spider_closed, weak=False)
    return run, process.crawl(crawler, config=config, **spider_args)


def close_unfinished(db_path: str, started: list[Run]) -> None:
    """After the process: a run whose row is still open never started or never closed it (an error before the
    spider opened, see the log): it is closed as failed, saying so, so every run the command owned ends closed."""
    with Archive(db_path) as archive:
        for run in started:
            row = runs.run_row(archive, run.run_id)
            if row and row["status"] == "running":
                runs.finish_run(archive, run.run_id, "failed", {}, [
                    f"the crawl of {run.site} did not start or did not finish (see the log above)"])
