"""The baseline for bench/crawl.py: a bare Scrapy spider that only downloads a generated TRS site's listing
pages and the articles they link to (no extraction, no archive). Run by `scrapy runspider`."""
from __future__ import annotations

import re

import scrapy

COUNT = re.compile(r"createPageHTML\((\d+)")


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start: str, **kwargs):
        super().__init__(**kwargs)
        self.start_url = start
        self.pages = 0

    async def start(self):
        yield scrapy.Request(self.start_url, callback=self.listing)

    def listing(self, response):
        for href in response.css("ul.list1 li a::attr(href)").getall():
            yield response.follow(href, callback=self.article)
        found = COUNT.search(response.text)
        if found and response.url == self.start_url:
            for n in range(1, int(found.group(1))):
                yield scrapy.Request(f"{self.start_url}index_{n}.html", callback=self.listing)

    def article(self, response):
        self.pages += 1
