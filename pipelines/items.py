"""The Scrapy item pipeline: hands each page item to the archive and keeps the run's row.

Per-page outcomes are counted in Scrapy's stats (`gazette/new`, `gazette/failed`, ...) beside what the spider
counts there while discovering (`gazette/listings`, `gazette/links`, `gazette/skipped`); when the spider closes,
the run row (archive/runs.py) is closed with those counts, the request count and the errors, and after a site's
crawl its boilerplate is learned again from its latest archived pages (pipelines/learning.py).
"""
from __future__ import annotations

import logging
import sqlite3
from typing import Any

from scrapy import signals
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import threads
from twisted.python.threadpool import ThreadPool

from archive import Archive, runs
from archive.outcomes import Outcome
from archive.store import ArchiveError

from . import learning, record
from .decide import decide
from .record import failed_result
from .rules import Config

MAX_ERRORS_KEPT = 500
STATS = "gazette/"  # prefix of Gazette's counts in Scrapy's stats
log = logging.getLogger("gazette")


def run_counts(stats) -> dict:
    """The run's counts (archive.runs.COUNTS) from a crawler's stats."""
    counts = {str(c): stats.get_value(STATS + str(c), 0) for c in runs.COUNTS}
    counts["requests"] = stats.get_value("downloader/request_count", 0)
    counts["bytes"] = stats.get_value("downloader/response_bytes", 0)  # headers and bodies, as received
    return counts


class ArchivePipeline:
    """Opens the archive when the spider opens; closes the run's crawl_runs row when it closes.

    The row is the command's (crawler/process.py `Run`: its id in the GAZETTE_RUN_ID setting); without one
    (`scrapy crawl`, Scrapyd) the pipeline opens it. The spider provides `config` (a Config) and `site_key`. Each
    page's output is its result dict (pipelines/record.py), which Scrapy's item_scraped signal hands to the command.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.db_path = crawler.settings.get("GAZETTE_DB")
        self.trigger = crawler.settings.get("GAZETTE_TRIGGER", "crawl")
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        spider = self.crawler.spider
        self.archive = Archive(self.db_path)
        self.config: Config = spider.config
        self.errors: list[str] = list(getattr(spider, "errors", []))
        self.warnings: list[str] = []  # archived, but with a caveat (e.g. no date on the page); after the errors
        self.learned: dict[str, frozenset[str]] = {}  # site key -> learned boilerplate lines
        self.pool: ThreadPool | None = None
        self.failed: str | None = None  # why the archive cannot be written: the crawl is stopping
        self.run_id = self.crawler.settings.getint("GAZETTE_RUN_ID") or runs.start_run(
            self.archive, spider.site_key, self.trigger)

    async def process_item(self, item, spider=None):
        """Decide what the page means in a worker thread (pure, the slow part: decoding, extraction, tagging,
        hashing), so the reactor keeps downloading meanwhile; then write it here, in the reactor's thread, in one
        short transaction (pipelines/record.py)."""
        if self.failed:
            return item  # the archive cannot be written (disk full, file broken): the crawl is stopping
        site = record.page_site(self.config, item)
        if item.get("not_modified"):
            return self.store(item, lambda: record.not_modified(self.archive, site, item))
        try:
            known = record.known_text(self.archive, site, item)
        except (sqlite3.Error, OSError):
            known = None  # the write below meets the same error and stops the crawl cleanly
        learned = self.learned_lines(site.key)
        from twisted.internet import reactor  # the one Scrapy installed (importing it earlier would install another)

        decision = await maybe_deferred_to_future(threads.deferToThreadPool(
            reactor, self.worker(), decide, item, site, self.config.taggers, learned_lines=learned, known=known))
        return self.store(item, lambda: record.apply(self.archive, decision, item, run_id=self.run_id))

    def worker(self) -> ThreadPool:
        """One worker thread per crawl: one page decided at a time (its tree in memory), beside the reactor."""
        if self.pool is None:
            from twisted.internet import reactor as installed
            reactor: Any = installed  # Twisted's reactor module object, typed by no single interface
            self.pool = ThreadPool(1, 1, name=f"gazette-{self.crawler.spider.name}")
            self.pool.start()
            # A crawl stopped by force (crawler/stopping.py) never reaches spider_closed: the pool's thread,
            # not a daemon, would keep the process alive after its summary, deaf to further signals.
            reactor.addSystemEventTrigger("during", "shutdown", self.stop_pool)
        return self.pool

    def stop_pool(self) -> None:
        if self.pool is not None and not self.pool.joined:
            self.pool.stop()

    def learned_lines(self, key: str) -> frozenset[str]:
        """The site's learned boilerplate, read once per crawl (relearnt when the crawl ends)."""
        if key not in self.learned:
            self.learned[key] = learning.lines_for(self.archive, key) if key in self.config.sites else frozenset()
        return self.learned[key]

    def store(self, item, write):
        """Run `write` (which archives the page and returns its result), count the outcome, and return the result
        (the item Scrapy's item_scraped hands on)."""
        spider = self.crawler.spider
        stats = self.crawler.stats
        if self.failed:
            return item
        try:
            result = write()
        except (sqlite3.Error, OSError, ArchiveError) as exc:
            # The page's transaction was rolled back; nothing earlier is touched. Stop cleanly, no traceback.
            message = f"archive error: {exc} (stopped; nothing archived before is lost)"
            self.failed = message
            log.error("%s: %s", item.get("url"), message)
            stats.inc_value(STATS + Outcome.FAILED)
            self.errors.append(f"{item.get('url')}: {message}")
            self.crawler.engine.close_spider(spider, "archive_error")
            return failed_result(item.get("url"), item.get("site"), message)
        except Exception as exc:  # noqa: BLE001 - a page that breaks a step is counted as failed, never dropped
            message = f"could not archive the page ({type(exc).__name__}: {str(exc)[:300]})"
            log.error("%s: %s", item.get("url"), message)
            result = failed_result(item.get("url"), item.get("site"), message)
        # a page found deleted is counted as gone, not as failed: finding out is what the visit was for
        stats.inc_value(STATS + (Outcome.GONE if result["gone"] else result["status"]))
        if result["fell_back"]:
            stats.inc_value(STATS + "fell_back")
        for count in ("removed", "restored"):  # blocks left out of bodies with their reason; blocks put back
            if result.get(count):
                stats.inc_value(STATS + count, len(result[count]))
        if result["error"] and len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(f"{result['url']}: {result['error']}")
        for warning in result.get("warnings") or ():
            if len(self.warnings) < MAX_ERRORS_KEPT:
                self.warnings.append(f"{result['url']}: warning: {warning}")
        return result

    def spider_closed(self, spider, reason):
        """Close the run row (after the pipelines, when the close reason is known)."""
        counts = run_counts(self.crawler.stats)
        errors = self.errors + [e for e in getattr(spider, "errors", []) if e not in self.errors] + self.warnings
        status = run_status(reason, counts, spider)
        try:
            runs.finish_run(self.archive, self.run_id, status, counts, errors)
        except (sqlite3.Error, OSError) as exc:
            log.error("could not close run %s in the archive (%s); the next run closes it as interrupted",
                      self.run_id, exc)
        if status == "ok" and reason == "finished" and counts["listings"]:  # a site's crawl that read its listings
            try:  # the site's boilerplate, learned again from its latest archived pages (pipelines/learned.py)
                learning.refresh(self.archive, spider.site_key)
            except sqlite3.Error as exc:
                log.error("%s: could not relearn the site's boilerplate: %s", spider.site_key, exc)
        self.archive.close()
        self.stop_pool()


def run_status(reason: str, counts: dict, spider) -> str:
    if reason in ("shutdown", "cancelled"):
        return "interrupted"
    if reason == "archive_error":
        return "failed"
    if reason == "closespider_timeout":
        return "timeout"
    if getattr(spider, "fatal_error", None):
        return "failed"
    answered = sum(counts[o] for o in (Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.DUPLICATE,
                                       Outcome.GONE))
    if counts[Outcome.FAILED] and not answered:  # a page found gone is an answer, not a failure of the run
        return "failed"
    return "ok"
