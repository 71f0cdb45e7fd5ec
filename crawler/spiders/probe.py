"""The `gazette add-site` probe: fetch a listing page, its next listing pages, a linked feed and a few articles,
politely (robots.txt obeyed, the config's delay, User-Agent and retries), and keep the responses for inference.

What to fetch next is decided from what was fetched so far: the pagination the start page shows (crawler/listing.py's
`detect`) gives the next listing URLs, each read from the page before it as the crawler reads it (`next_url`); the
article shape over the listing pages (crawler/infer/) gives the articles to sample. Nothing is archived. The downloads run one after another inside the start page's callback
(`engine.download_async`, through the downloader middlewares: robots.txt, retries, redirects).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

import scrapy

from pipelines.charset import decode

from .. import infer, listing
from ..pages import describe_failure


@dataclass
class Fetched:
    url: str  # as requested
    final_url: str = ""
    status: int | None = None
    content_type: str | None = None
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < 400

    def page(self) -> listing.Page:
        return listing.Page(self.final_url or self.url, decode(self.body, self.content_type)[0])


@dataclass
class ProbeResult:
    start: Fetched | None = None
    listings: list[Fetched] = field(default_factory=list)
    feeds: list[Fetched] = field(default_factory=list)
    articles: list[tuple[Fetched, infer.Link]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    requests: int = 0


class ProbeSpider(scrapy.Spider):
    name = "add-site"

    def __init__(self, start_url: str, result: ProbeResult, hosts: list[str], depth: int = 3,
                 articles: int = 5, progress: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.progress = progress
        self.start_url = start_url
        self.result = result
        self.hosts = hosts
        self.depth = depth
        self.article_count = articles

    async def start(self):
        yield scrapy.Request(self.start_url, callback=self.parse_start, errback=self.start_failed,
                             dont_filter=True)

    def start_failed(self, failure):
        self.result.start = Fetched(self.start_url, error=describe_failure(failure))

    async def get(self, url: str) -> Fetched:
        request = scrapy.Request(url, dont_filter=True)
        engine = self.crawler.engine
        self.result.requests += 1
        if self.progress:
            sys.stderr.write(f"\rfetching {self.result.requests + 1}: {url[:100]}\x1b[K")
            sys.stderr.flush()
        try:
            if hasattr(engine, "download_async"):  # Scrapy >= 2.14
                response = await engine.download_async(request)
            else:
                from scrapy.utils.defer import maybe_deferred_to_future
                response = await maybe_deferred_to_future(engine.download(request))
        except Exception as exc:  # noqa: BLE001 (robots.txt refusal, refused, timeout, DNS: the reason is kept)
            return Fetched(url, error=_describe(exc))
        return _fetched(url, response)

    async def parse_start(self, response):
        start = _fetched(self.start_url, response)
        self.result.start = start
        if not start.ok:
            return
        first = start.page()
        self.result.listings.append(start)
        hosts = list(dict.fromkeys(self.hosts + infer.site_hosts(start.final_url)))  # after a redirect too
        kind = listing.detect(first, hosts)
        pages = [infer.feed_as_page(first) if first.is_feed else first]
        for _ in range(self.depth - 1 if not first.is_feed else 0):
            following = listing.next_url(pages[-1], kind.kind)
            if not following or following in {f.final_url for f in self.result.listings}:
                break
            fetched = await self.get(following)
            if not fetched.ok:
                self.result.notes.append(f"listing page {following}: {fetched.error or f'HTTP {fetched.status}'}")
                break
            self.result.listings.append(fetched)
            pages.append(fetched.page())
        for feed in kind.feed_urls[:1]:
            self.result.feeds.append(await self.get(feed))
        try:
            shape = infer.article_shape_on_site(pages, hosts)
        except infer.NotAListing:
            return
        links = _spread(shape.per_page, self.article_count)
        for link in links:
            self.result.articles.append((await self.get(link.url), link))


def _spread(per_page: list[list[infer.Link]], n: int) -> list[infer.Link]:
    """n article links taken in turn from each listing page (newest first), each once."""
    chosen: list[infer.Link] = []
    seen = set()
    for k in range(max((len(p) for p in per_page), default=0)):
        for links in per_page:
            if k < len(links) and links[k].url not in seen and len(chosen) < n:
                chosen.append(links[k])
                seen.add(links[k].url)
    return chosen


def _fetched(url: str, response) -> Fetched:
    content_type = response.headers.get(b"Content-Type")
    return Fetched(url, final_url=response.url, status=response.status,
                   content_type=content_type.decode("latin-1") if content_type else None, body=response.body)


def _describe(exc: Exception) -> str:
    class _Failure:  # describe_failure reads failure.value
        value = exc
    return describe_failure(_Failure())
