"""The Scrapy project Gazette deploys to Scrapyd (`gazette deploy`): this module is its settings module, and
`SiteSpiderLoader` its spider loader, one spider per configured site (named by the site's key).

Scrapyd runs `scrapy crawl KEY -s GAZETTE_DB=SHARD [-a full=1] [-a max_pages=N]` from the egg: the spider is the
same SiteSpider as `gazette crawl`, with the site's politeness settings, writing to the node's archive shard
(GAZETTE_DB, default gazette-shard.db in Scrapyd's working directory; `gazette merge` folds shards together).
The config travels inside the egg (gazette_data/config); a zipped egg's copy is unpacked to a cache directory,
since the config loader reads files.

(Minimal version written for issue 25; the listing engineer's scrapy.cfg and spider loader of issue 22 do the
same for a checkout, and the two are meant to become one.)
"""
from __future__ import annotations

import builtins
import hashlib
import os
import tempfile
from pathlib import Path

from scrapy.interfaces import ISpiderLoader
from zope.interface import implementer

BOT_NAME = "gazette"
SPIDER_LOADER_CLASS = "crawler.scrapyd_project.SiteSpiderLoader"
GAZETTE_DB = "gazette-shard.db"
GAZETTE_TRIGGER = "scrapyd"
LOG_LEVEL = "INFO"


def bundled_config() -> str:
    """The config directory inside the egg, as a real directory (unpacked once per egg content)."""
    from importlib.resources import files

    import gazette_data

    packaged = Path(gazette_data.__file__).parent / "config"
    if packaged.is_dir():  # an unzipped egg or a checkout with a packaged copy
        return str(packaged)
    root = files("gazette_data") / "config"
    if not root.is_dir():
        return str(gazette_data.default_config())
    items = sorted(_walk(root))
    digest = hashlib.sha256(b"".join(name.encode() + data for name, data in items)).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"gazette-config-{digest}"
    if not (target / "sites.toml").is_file():
        for name, data in items:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(data)
    return str(target)


def _walk(node, prefix: str = ""):
    for child in node.iterdir():
        if child.is_dir():
            yield from _walk(child, f"{prefix}{child.name}/")
        elif not child.name.endswith((".pyc", ".py")):
            yield f"{prefix}{child.name}", child.read_bytes()


GAZETTE_CONFIG = os.environ.get("GAZETTE_CONFIG") or bundled_config()


@implementer(ISpiderLoader)
class SiteSpiderLoader:
    """One SiteSpider subclass per site of the config (GAZETTE_CONFIG), named by the site's key."""

    def __init__(self, settings):
        from . import config as config_module

        self.config_dir = settings.get("GAZETTE_CONFIG") or GAZETTE_CONFIG
        self.config = config_module.load(self.config_dir)

    @classmethod
    def from_settings(cls, settings):
        return cls(settings)

    def list(self) -> builtins.list[str]:  # Scrapy's name for it; `list` in this class is the method
        return list(self.config.sites)

    def find_by_request(self, request) -> builtins.list[str]:
        return [key for key, site in self.config.sites.items() if site.owns(request.url)]

    def load(self, name: str):
        from .process import spider_class
        from .spiders.site import SiteSpider

        if name not in self.config.sites:
            raise KeyError(f"Spider not found: {name}")
        config = self.config

        class ScrapydSiteSpider(SiteSpider):
            """SiteSpider built from Scrapyd's string arguments: full=1, max_pages=N."""

            def __init__(self, full: str = "", max_pages: str = "", **kwargs):
                super().__init__(config=config, site_key=name, results=[], full=full.lower() in ("1", "true", "yes"),
                                 max_pages=int(max_pages) if max_pages else None, **kwargs)

        spidercls = spider_class(ScrapydSiteSpider, name, config, GAZETTE_DB, config.sites[name], GAZETTE_TRIGGER,
                                 LOG_LEVEL)
        for key in ("GAZETTE_DB", "LOG_LEVEL", "GAZETTE_TRIGGER"):  # Scrapyd's -s and this module's settings
            spidercls.custom_settings.pop(key, None)  # type: ignore[attr-defined]  # spider_class sets it
        return spidercls
