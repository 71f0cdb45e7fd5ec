"""Scrapy's spider loader for Gazette: one spider per site configured in sites.toml, named by the site's key.

Scrapy (the `scrapy` command, Scrapyd) asks a project's spider loader for its spiders by name. This one reads the
config (the `GAZETTE_CONFIG` setting, else $GAZETTE_CONFIG, ./config or the shipped config) and, for a site key,
builds the same spider `gazette crawl` runs (crawler/spiders/site.py) with the site's own settings (politeness,
User-Agent, time limit, the archive pipeline writing to the `GAZETTE_DB` setting), run rows marked with trigger
`scrapy`. Spider arguments: `-a full=1` walks every listing page, `-a max_pages=N` bounds them. A broken config is
one line on stderr and exit 2, as with `gazette`.

Unlike `gazette crawl`, a `scrapy crawl` takes no per-site lock: do not run it beside a `gazette schedule` that
crawls the same site into the same archive.
"""
from __future__ import annotations

import builtins
import sys

from scrapy import Spider

from .config import Config, ConfigError, load
from .process import open_archive, spider_class
from .spiders.site import SiteSpider

TRIGGER = "scrapy"
TRUE = ("1", "true", "yes", "on")


class SiteSpiderLoader:
    """Spiders named by site key (sites.toml order), built on demand from the loaded config."""

    def __init__(self, settings):
        self.settings = settings
        self._config: Config | None = None

    @classmethod
    def from_settings(cls, settings) -> SiteSpiderLoader:
        return cls(settings)

    @property
    def config(self) -> Config:
        if self._config is None:
            try:
                self._config = load(self.settings.get("GAZETTE_CONFIG") or None)
            except ConfigError as exc:
                sys.stderr.write(f"gazette: {exc}\n")
                raise SystemExit(2) from None
        return self._config

    def list(self) -> builtins.list[str]:  # Scrapy's name for it; `list` in this class is the method
        return list(self.config.sites)

    def load(self, spider_name: str) -> type[Spider]:
        """The site's spider; a name no site has is one line on stderr and exit 2 (Scrapy's `crawl` command would
        print the KeyError's traceback)."""
        if spider_name not in self.config.sites:
            sys.stderr.write(f"scrapy: Spider not found: {spider_name} (no site of that key in the config; "
                             f"the sites are: {', '.join(self.list())})\n")
            raise SystemExit(2)
        return site_spider(self.config, spider_name, self.settings.get("GAZETTE_DB", "data/gazette.db"),
                           self.settings.get("LOG_LEVEL", "INFO"))

    def find_by_request(self, request) -> builtins.list[str]:
        """The site that owns the request's URL (for `scrapy parse` and `scrapy fetch`)."""
        key = self.config.site_for_url(request.url).key
        return [key] if key in self.config.sites else []


def site_spider(config: Config, key: str, db_path: str, log_level: str) -> type[Spider]:
    """The site spider of `gazette crawl` for one site, taking Scrapy's string arguments (-a full=1 -a max_pages=3)."""
    base = spider_class(SiteSpider, key, config, db_path, config.site(key), TRIGGER, log_level)

    class ConfiguredSite(base):  # type: ignore[valid-type,misc]  # a class made at run time
        __doc__ = f"The configured site '{key}' ({config.site(key).name})."

        def __init__(self, full: str | bool = False, max_pages: str | int | None = None, **kwargs):
            super().__init__(config=config, site_key=key, full=str(full).lower() in TRUE,
                             max_pages=int(max_pages) if max_pages else None, **kwargs)

        @classmethod
        def from_crawler(cls, crawler, *args, **kwargs):
            open_archive(crawler.settings.get("GAZETTE_DB"))  # migrated, runs left `running` closed
            return super().from_crawler(crawler, *args, **kwargs)

    ConfiguredSite.__name__ = ConfiguredSite.__qualname__ = f"Site_{key.replace('-', '_')}"
    return ConfiguredSite
