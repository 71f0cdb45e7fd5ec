"""Scrapy settings for Gazette's crawls, built from config/sites.toml's [defaults] and a site's politeness."""
from __future__ import annotations

from .config import Config, Site


def scrapy_settings(config: Config, db_path: str, *, log_level: str = "WARNING", trigger: str = "crawl",
                    site: Site | None = None, progress: bool = False, archiving: bool = True) -> dict:
    """Scrapy settings of one crawl (`site`'s politeness, else the defaults'). `archiving=False` (check,
    add-site): no item pipeline, no running counts, nothing written."""
    polite = config.politeness(site) if site else config.politeness(config.other)
    return {
        "BOT_NAME": "gazette",
        "USER_AGENT": polite["user_agent"],
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_PARSER": "crawler.robots.BoundedRobotParser",  # parses the first 512 KiB (RFC 9309)
        "DOWNLOAD_DELAY": polite["download_delay"],
        "DOWNLOAD_DELAY_JITTER": 0.5,  # ±50% of the delay (was RANDOMIZE_DOWNLOAD_DELAY, deprecated)
        "CONCURRENT_REQUESTS": 8,
        # Scrapy starts this many tasks per response to handle its output; the archive pipeline is synchronous,
        # so 100 (the default) only costs ~30k asyncio tasks per 300 pages
        "CONCURRENT_ITEMS": 4,
        "CONCURRENT_REQUESTS_PER_DOMAIN": polite["concurrent_requests_per_domain"],
        "AUTOTHROTTLE_ENABLED": polite["autothrottle"],
        "AUTOTHROTTLE_START_DELAY": max(polite["download_delay"], 0.01),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": polite["download_timeout"],
        "DOWNLOAD_MAXSIZE": polite["download_maxsize"],
        "DOWNLOAD_WARNSIZE": polite["download_maxsize"] // 2,
        "RETRY_TIMES": polite["retry_times"],
        "REDIRECT_MAX_TIMES": 10,
        "HTTPERROR_ALLOW_ALL": True,  # 404/410/5xx reach the pipeline, which records them
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": log_level,
        # Retry-After honoured on 429/503 (crawler/middlewares.py), bounded by the crawl's time limit;
        # If-None-Match/If-Modified-Since from the archive on listings and revisits (crawler/conditional.py)
        "DOWNLOADER_MIDDLEWARES": {"scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
                                   "crawler.middlewares.RetryAfter": 550,
                                   **({"crawler.conditional.ConditionalRequests": 585} if archiving else {})},
        "GAZETTE_RETRY_AFTER_MAX": 600,
        # a spider callback's exception is a run error with its URL, never a traceback
        "SPIDER_MIDDLEWARES": {"crawler.middlewares.CallbackErrors": 950},
        "ITEM_PIPELINES": {"pipelines.items.ArchivePipeline": 500} if archiving else {},
        "EXTENSIONS": {"crawler.extensions.RunningCounts": 500} if archiving else {},
        "GAZETTE_CONDITIONAL": archiving,
        "GAZETTE_PROGRESS": progress,  # running counts on stderr (a terminal)
        "GAZETTE_DB": str(db_path),
        "GAZETTE_TRIGGER": trigger,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
