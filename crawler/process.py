"""The Scrapy process of a Gazette command: its CrawlerProcess and one spider class per site.

Twisted's reactor runs once per process, so each command (crawl, fetch, revisit, check) builds one
CrawlerProcess here and adds a crawler per site, each with the site's own politeness settings and run row.
"""
from __future__ import annotations

import logging
import sqlite3

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
    return process


def spider_class(base: type, name: str, config: Config, db_path: str, site: Site, trigger: str,
                 log_level: str, progress: bool = False, archiving: bool = True) -> type:
    """`base` for one site: the site's politeness settings and time limit, its own crawler and run row;
    running counts on stderr with `progress`; nothing written with `archiving=False`."""
    custom = scrapy_settings(config, db_path, log_level=log_level, trigger=trigger, site=site, progress=progress,
                             archiving=archiving)
    custom["CLOSESPIDER_TIMEOUT"] = config.politeness(site).get("time_limit") or 0
    return type(f"{base.__name__}_{site.key}", (base,), {"name": name, "custom_settings": custom})
