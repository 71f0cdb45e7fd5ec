"""Start crawls in this process with Scrapy's CrawlerProcess (Twisted's reactor runs once per process)."""
from __future__ import annotations

import logging

from scrapy.crawler import CrawlerProcess

from .config import Config
from .settings import scrapy_settings
from .spiders.fetch import FetchSpider


def run_fetch(config: Config, db_path: str, urls: list[str], log_level: str = "WARNING") -> list[dict]:
    """Fetch, extract and archive these URLs; return one result dict per URL, in the order given."""
    results: list[dict] = []
    keys = sorted({config.site_for_url(u).key for u in urls})
    process = CrawlerProcess(scrapy_settings(config, db_path, log_level=log_level, trigger="fetch",
                                             site=config.sites.get(keys[0]) if len(keys) == 1 else None))
    logging.getLogger("scrapy").setLevel(log_level)
    process.crawl(FetchSpider, config=config, urls=urls, results=results, site_key=",".join(keys))
    process.start()
    order = {url: i for i, url in enumerate(urls)}
    return sorted(results, key=lambda r: order.get(r["url"], len(order)))
