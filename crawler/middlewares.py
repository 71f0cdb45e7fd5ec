"""Scrapy middlewares of Gazette's crawls.

`RetryAfter` (in place of Scrapy's RetryMiddleware): a 429 or 503 answer with a Retry-After header (seconds or an
HTTP date) is retried after that long, not at once; a wait longer than GAZETTE_RETRY_AFTER_MAX or than the
crawl's time limit leaves allows is not waited for: the answer is recorded as it is (its error names the
Retry-After). The wait ends early when the crawl is asked to stop (SIGINT/SIGTERM).

`CallbackErrors`: an exception raised while a spider reads a response (a listing that is no HTML, a page that
breaks a parser) is recorded in the run's errors with the URL and reason, never printed as a traceback; on a
site's start page it counts as that start page failing.

`not_a_listing(response)`: why a response cannot be a listing page (not HTML, XML or a feed), or None.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import logging
import time

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import TextResponse

log = logging.getLogger("gazette")
RETRY_AFTER_STATUSES = (429, 503)
LISTING_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml",
                 "application/atom+xml", "application/rdf+xml", "text/plain", "")
WAIT_STEP = 0.5  # seconds: a waiting retry checks this often whether the crawl is stopping


def retry_after_seconds(value: bytes | str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date), or None if absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(int(text[:12]))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())


class RetryAfter(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.started = time.monotonic()
        self.time_limit = settings.getfloat("CLOSESPIDER_TIMEOUT") or 0.0
        self.max_wait = settings.getfloat("GAZETTE_RETRY_AFTER_MAX", 600.0)

    def remaining(self) -> float:
        if not self.time_limit:
            return float("inf")
        return self.time_limit - (time.monotonic() - self.started)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry") or response.status not in RETRY_AFTER_STATUSES:
            return super().process_response(request, response)
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None:
            return super().process_response(request, response)
        if wait > min(self.max_wait, self.remaining() - 1):
            log.info("%s: HTTP %d asks to retry after %g s, beyond what this crawl may wait; not retried",
                     request.url, response.status, wait)
            return response
        retries = request.meta.get("retry_times", 0)
        if retries >= request.meta.get("max_retry_times", self.max_retry_times):
            return response
        if not await self._wait(wait):
            return response  # the crawl is stopping: record the answer as it is
        return self._retry(request, f"HTTP {response.status}, Retry-After {wait:g} s") or response

    async def _wait(self, seconds: float) -> bool:
        """Sleep `seconds` in steps; False as soon as the crawl is asked to stop."""
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import reactor, task

        deadline = time.monotonic() + seconds
        while True:
            if not getattr(self.crawler, "crawling", True):
                return False
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            await maybe_deferred_to_future(task.deferLater(reactor, min(WAIT_STEP, left), lambda: None))


def not_a_listing(response) -> str | None:
    """Why this response cannot be a listing page, or None."""
    media = (response.headers.get("Content-Type") or b"").decode("latin-1").split(";")[0].strip().lower()
    if not isinstance(response, TextResponse) or media not in LISTING_TYPES:
        return f"not an HTML listing page ({media or 'binary content'})"
    return None


class CallbackErrors:
    """Spider middleware: a callback's exception becomes an error of the run, never a traceback."""

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls()
        middleware.crawler = crawler
        return middleware

    def process_spider_exception(self, response, exception, spider=None):
        spider = spider or self.crawler.spider
        url = response.request.meta.get("redirect_urls", [response.url])[0] if response.request else response.url
        reason = f"could not read the page ({type(exception).__name__}: {str(exception)[:300]})"
        log.info("%s: %s", url, reason)
        if hasattr(spider, "listing_error") and "depth_index" in response.meta:
            spider.listing_error(url, response.meta, reason)
            return []
        # an article page: handed on as a failed page, so the pipeline counts it with its reason
        from archive.store import utcnow

        site = response.meta.get("site") or getattr(spider, "site_key", "other")
        return [{"url": url, "final_url": response.url, "status": None, "headers": {}, "body": b"", "site": site,
                 "hints": response.meta.get("hints") or {}, "fetched_at": utcnow(), "error": reason}]
