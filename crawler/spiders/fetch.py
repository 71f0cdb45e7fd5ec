"""The one-off fetch spider: requests the given URLs once and hands each page to the pipelines."""
from __future__ import annotations

import scrapy

from ..config import Config
from ..pages import failed_item, page_item


class FetchSpider(scrapy.Spider):
    name = "fetch"

    def __init__(self, config: Config, urls: list[str], site_key: str = "fetch", **kwargs):
        super().__init__(**kwargs)
        self.config = config
        self.urls = urls
        self.site_key = site_key
        self.errors: list[str] = []

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        # a revisit asks with the validators of the archived copy (crawler/conditional.py): 304 = unchanged
        conditional = self.settings.get("GAZETTE_TRIGGER") == "revisit"
        for url in self.urls:
            site = self.config.site_for_url(url).key
            yield scrapy.Request(url, callback=self.parse, errback=self.failed, dont_filter=True,
                                 meta={"site": site, "conditional": conditional})

    def parse(self, response):
        yield page_item(response, response.meta["site"])

    def failed(self, failure):
        yield failed_item(failure, failure.request.meta["site"])
