"""The Scrapy item pipeline: hands each page item to the archive and keeps the run's row and counts."""
from __future__ import annotations

import logging
import sqlite3

from scrapy import signals

from archive import Archive
from archive.store import ArchiveError
from .rules import Config

from .record import archive_page, failed_result

MAX_ERRORS_KEPT = 500
log = logging.getLogger("gazette")


class ArchivePipeline:
    """Opens the archive and a crawl_runs row when the spider opens; closes the row when it closes.

    The spider provides `config` (a Config), `site_key` (for the run row) and `results` (a list the
    runner reads back, one dict per page).
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
        self.counts = {"new": 0, "updated": 0, "unchanged": 0, "duplicate": 0, "failed": 0, "gone": 0,
                       "fell_back": 0}
        self.errors: list[str] = list(getattr(spider, "errors", []))
        self.warnings: list[str] = []  # archived, but with a caveat (e.g. no date on the page); after the errors
        self.run_id = self.archive.start_run(spider.site_key, self.trigger)
        spider.run_id = self.run_id

    def process_item(self, item, spider=None):
        spider = self.crawler.spider
        if getattr(spider, "archive_failed", False):
            return item  # the archive cannot be written (disk full, file broken): the crawl is stopping
        try:
            result = archive_page(self.archive, self.config, item, self.run_id)
        except (sqlite3.Error, OSError, ArchiveError) as exc:
            # The page's transaction was rolled back; nothing earlier is touched. Stop cleanly, no traceback.
            message = f"archive error: {exc} (stopped; nothing archived before is lost)"
            spider.archive_failed = True
            spider.fatal_error = message
            log.error("%s: %s", item.get("url"), message)
            self.counts["failed"] += 1
            self.errors.append(f"{item.get('url')}: {message}")
            spider.results.append(failed_result(item.get("url"), item.get("site"), message))
            self.crawler.engine.close_spider(spider, "archive_error")
            return item
        self.counts[result["status"]] += 1
        if result["gone"]:
            self.counts["gone"] += 1
        if result["fell_back"]:
            self.counts["fell_back"] += 1
        if result["error"] and len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(f"{result['url']}: {result['error']}")
        for warning in result.get("warnings") or ():
            if len(self.warnings) < MAX_ERRORS_KEPT:
                self.warnings.append(f"{result['url']}: warning: {warning}")
        spider.results.append(result)
        if hasattr(spider, "on_result"):
            spider.on_result(result, self.counts)
        return item

    def spider_closed(self, spider, reason):
        """Close the run row (after the pipelines, when the close reason is known)."""
        self.counts["requests"] = self.crawler.stats.get_value("downloader/request_count", 0)
        errors = self.errors + [e for e in getattr(spider, "errors", []) if e not in self.errors] + self.warnings
        try:
            self.archive.finish_run(self.run_id, run_status(reason, self.counts, spider), self.counts, errors)
        except (sqlite3.Error, OSError) as exc:
            log.error("could not close run %s in the archive (%s); the next run closes it as interrupted",
                      self.run_id, exc)
        self.archive.close()


def run_status(reason: str, counts: dict, spider) -> str:
    if reason in ("shutdown", "cancelled"):
        return "interrupted"
    if reason == "archive_error":
        return "failed"
    if reason == "closespider_timeout":
        return "timeout"
    if getattr(spider, "fatal_error", None):
        return "failed"
    answered = counts["new"] + counts["updated"] + counts["unchanged"] + counts["duplicate"] + counts["gone"]
    if counts["failed"] and not answered:  # a page found gone is an answer, not a failure of the run
        return "failed"
    return "ok"
