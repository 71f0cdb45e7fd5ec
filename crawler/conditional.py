"""Conditional requests: a downloader middleware that sends a page's validators from the archive.

A request marked `meta["conditional"]` (a site's listing pages; every revisit) goes out with If-None-Match (the
ETag) and If-Modified-Since (the Last-Modified) of its last capture, as archive/validators.py finds them. A server
that honours them answers 304 Not Modified with no body: the site spider replays the listing's stored links, the
archive pipeline counts an article `unchanged` (pipelines/record.py) without downloading, parsing or storing
anything. A server that ignores them answers 200 and nothing changes. Validators the archive caught a site
sending for changed content (a constant ETag, a Last-Modified that stays) are not sent to it. A weak ETag
(W/"...") is sent as it came: If-None-Match compares weakly.

Enabled by the setting GAZETTE_CONDITIONAL (on for crawls and revisits); each 304 is counted in the stats as
`gazette/not_modified`.
"""
from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured

from archive import Archive, validators

HEADERS = (b"If-None-Match", b"If-Modified-Since")


class ConditionalRequests:
    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.archive: Archive | None = None
        self.faults: dict[str, tuple[set[str], bool]] = {}  # site key -> unreliable validators

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GAZETTE_CONDITIONAL") or not crawler.settings.get("GAZETTE_DB"):
            raise NotConfigured
        middleware = cls(crawler, crawler.settings.get("GAZETTE_DB"))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def validators_for(self, request) -> tuple[str | None, str | None]:
        if self.archive is None:
            self.archive = Archive(self.db_path, migrate=False)
        if request.meta.get("listing"):
            state = validators.listing(self.archive, request.url)
            etag, modified = (state["etag"], state["last_modified"]) if state else (None, None)
        else:
            etag, modified = validators.article_validators(self.archive, request.url)
        site = request.meta.get("site") or getattr(self.crawler.spider, "site_key", "")
        if site not in self.faults:
            self.faults[site] = validators.unreliable(self.archive, site)
        bad_etags, bad_dates = self.faults[site]
        return (None if etag in bad_etags else etag), (None if bad_dates else modified)

    def process_request(self, request, spider=None):
        for name in HEADERS:  # a redirect copies the first request's headers: each URL gets its own
            request.headers.pop(name, None)
        if not request.meta.get("conditional") or request.method != "GET":
            return
        etag, modified = self.validators_for(request)
        if etag:
            request.headers[b"If-None-Match"] = etag
        if modified:
            request.headers[b"If-Modified-Since"] = modified
        request.meta["validators_sent"] = bool(etag or modified)
        return

    def process_response(self, request, response, spider=None):
        if response.status == 304 and request.meta.get("validators_sent"):
            self.crawler.stats.inc_value("gazette/not_modified")
        return response

    def spider_closed(self, spider, reason):
        if self.archive is not None:
            self.archive.close()
            self.archive = None
