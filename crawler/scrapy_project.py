"""The settings module of Gazette as a standard Scrapy project (scrapy.cfg's `default`; Scrapyd's egg entry point).

With it, Scrapy's own commands and tools work on the configured sites: `scrapy list`, `scrapy crawl mfa`,
`scrapy crawl mfa -a full=1 -a max_pages=3`, `scrapy shell URL`, `scrapy parse`, Scrapyd. Everything per site
(politeness, User-Agent, time limit, the archive pipeline) comes with the spider the loader builds for it
(crawler/spiderloader.py, from crawler/settings.py like `gazette crawl`); this module only names the loader and
says where the archive and the config are: Scrapy settings `GAZETTE_DB` and `GAZETTE_CONFIG` (`-s NAME=VALUE`),
defaulting to the environment variables of the same names, then data/gazette.db and ./config (else the shipped
config), as `gazette` does. Without scrapy.cfg (an installed Gazette), `SCRAPY_SETTINGS_MODULE=crawler.scrapy_project`
selects this module.
"""
import os

BOT_NAME = "gazette"
SPIDER_LOADER_CLASS = "crawler.spiderloader.SiteSpiderLoader"
GAZETTE_DB = os.environ.get("GAZETTE_DB", "data/gazette.db")
GAZETTE_CONFIG = os.environ.get("GAZETTE_CONFIG") or None
LOG_LEVEL = "INFO"
ROBOTSTXT_OBEY = True
