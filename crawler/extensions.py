"""Scrapy extensions of Gazette's crawls.

`RunningCounts`, like Scrapy's own LogStats but on every archived page: while crawling on a terminal, one line
on stderr shows each running site's requests and pages by outcome, read from the crawler's stats
(pipelines/items.py counts them there); when that is wider than the terminal, a short form (`mfa 12r 5n 0f`:
requests, new, failed). Enabled by the setting GAZETTE_PROGRESS.
"""
from __future__ import annotations

import shutil
import sys

from scrapy import signals
from scrapy.exceptions import NotConfigured

from pipelines.items import run_counts

LINE: dict[str, dict] = {}  # crawler name -> its counts; all crawlers of the process share the one line


class RunningCounts:
    def __init__(self, crawler, stream=None):
        self.crawler = crawler
        self.stream = stream or sys.stderr

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GAZETTE_PROGRESS"):
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def item_scraped(self, item, response=None, spider=None):
        c = run_counts(self.crawler.stats)
        name = self.crawler.spider.name  # the site's key for a crawl; fetch-KEY, revisit-KEY
        LINE[name] = c
        width = shutil.get_terminal_size((100, 20)).columns - 1
        line = " | ".join(f"{k}: {v['requests']} req, {v['new']} new, {v['updated']} upd, {v['unchanged']} same, "
                          f"{v['duplicate']} dup, {v['gone']} gone, {v['failed']} failed" for k, v in LINE.items())
        if len(line) > width:  # a redrawn line longer than the terminal would wrap and scroll: the short form
            line = " | ".join(f"{k} {v['requests']}r {v['new']}n {v['failed']}f" for k, v in LINE.items())
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()

    def spider_closed(self, spider, reason):
        if LINE.pop(spider.name, None) is not None and not LINE:
            self.stream.write("\n")
