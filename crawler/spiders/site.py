"""The config-driven site spider: listing pages -> article links -> pages handed to the archive pipeline.

One class serves every site in config/sites.toml. From each start page it reads the listing (its article links
and listed dates by the site's `listing_*` selectors; when they match nothing, the links matching `article_pattern`
outside navigation, with a warning that the selectors no longer fit), requests the articles the archive does not
know yet (with the listed date as hint `listed_published`), and follows the site's pagination (`trs`,
`wordpress`, `numbered`, `next_link`; `feed` and `none` read no further pages). What a listing lists and which
page follows it are defined once, in crawler/listing.py, which `check` and `add-site` read too. A next page is
followed only if its path matches the site's `listing_pattern` (when given). Start pages that are feeds (and
`feed_urls`) are read as feeds whatever the pagination. What it discovers is counted in Scrapy's stats
(`gazette/listings`, `gazette/links`, `gazette/skipped`), which close the run row with the page counts.

Incremental by default: listings are walked newest first and paginating stops at the first listing page
whose articles are all known to the archive. `full=True` walks every listing page (known articles are still
not requested again). `max_pages` bounds the listing pages read per start page: the site's `max_pages`, else
DEFAULT_MAX_PAGES, so a listing that pages on without end cannot hold a first crawl for its whole time limit (the
run's errors say where it stopped).
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import scrapy

from archive import Archive, runs, validators
from archive.known import known_urls
from pipelines.boilerplate import is_soft_404

from .. import listing
from ..config import Config, Site
from ..middlewares import not_a_listing
from ..pages import describe_failure, failed_item, page_item

def _headers(response) -> dict:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}


DEFAULT_MAX_PAGES = 100  # listing pages read per start page when neither --max-pages nor the site's max_pages says

class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, config: Config, site_key: str, full: bool = False,
                 max_pages: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.config = config
        self.site: Site = config.site(site_key)
        self.site_key = site_key
        self.full = full
        self.max_pages_given = bool(max_pages or self.site.max_pages)
        self.max_pages = max_pages or self.site.max_pages or DEFAULT_MAX_PAGES
        # per start page: listing pages read, and the links on every one of them (a "most read" box, menus)
        self.chrome: dict[str, tuple[int, frozenset[str]]] = {}
        self.fell_back: dict[str, bool] = {}  # per listing URL: its listing selectors matched nothing
        self.warned: set[str] = set()
        self.errors: list[str] = []
        self.fatal_error: str | None = None
        self.scheduled: set[str] = set()
        self.start_outcomes: dict[str, bool | None] = {}
        self._archive: Archive | None = None

    # -- archive reads ----------------------------------------------------------------------------------

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.settings.get("GAZETTE_DB"))
        return self._archive

    def closed(self, reason):
        if self._archive is not None:
            self._archive.close()

    def count(self, name: str, n: int = 1) -> None:
        """Add to one of the run's discovery counts (listings, links, skipped) in Scrapy's stats."""
        self.crawler.stats.inc_value(f"gazette/{name}", n)

    # -- requests ---------------------------------------------------------------------------------------

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        if not self.full and runs.last_crawl_unfinished(self.archive, self.site_key):
            # An interrupted, failed or timed-out crawl may have archived the newest pages only: stopping at
            # the first all-known listing page would then skip the older ones it never reached.
            self.errors.append(runs.WALKED)      # told on the run's summary line, not as a log record
            self.full = True
        for url in self.site.start_urls:
            yield self.listing_request(url, depth=1, start=url, feed=self.site.pagination == "feed")
        for url in self.site.feed_urls:
            yield self.listing_request(url, depth=1, start=url, feed=True)

    def listing_request(self, url: str, depth: int, start: str, feed: bool = False) -> scrapy.Request:
        if depth == 1:
            self.start_outcomes[url] = None  # pending; True once read, False when it failed
        return scrapy.Request(url, callback=self.parse_listing, errback=self.listing_failed, dont_filter=depth == 1,
                              meta={"depth_index": depth, "start": start, "feed": feed, "listing": True,
                                    "conditional": True, "site": self.site_key}, priority=10)

    # -- listings ---------------------------------------------------------------------------------------

    def parse_listing(self, response):
        url = response.request.meta.get("redirect_urls", [response.url])[0]
        stored = self.not_modified(response)
        if stored is None and response.status >= 400:
            self.listing_error(url, response.meta, f"HTTP {response.status}")
            return
        refused = not_a_listing(response) if stored is None else None
        if refused:
            self.listing_error(url, response.meta, refused)
            return
        text = response.text if stored is None and hasattr(response, "text") else ""
        if stored is None and is_soft_404(response.url, text, self.site.boilerplate):
            self.listing_error(url, response.meta, "soft 404 (the site's page-deleted page)")
            return
        if response.meta["depth_index"] == 1:
            self.start_outcomes[response.meta["start"]] = True
        self.count("listings")
        if stored is not None:  # 304: the links and next page read from it last time (archive/validators.py)
            is_feed, following = response.meta.get("feed", False), stored["next_url"]
            entries = [listing.Entry(link, date) for link, date in stored["entries"]]
        else:
            page = listing.Page(response.url, text)
            is_feed = response.meta.get("feed") or page.is_feed
            entries = self.read_entries(page, response.meta["start"], url, is_feed)
            following = None if is_feed else self.following(page, url)
            validators.remember_listing(self.archive, response.url, self.site_key, _headers(response),
                                        hashlib.sha256(response.body).hexdigest(),
                                        [(e.url, e.date) for e in entries], following)
        yield from self.follow_listing(response, url, is_feed, entries, following)

    def not_modified(self, response) -> dict | None:
        """The listing's stored state when the server answered 304 to the validators sent, else None."""
        if response.status != 304 or not response.meta.get("validators_sent"):
            return None
        return validators.listing(self.archive, response.url)

    def follow_listing(self, response, url: str, is_feed: bool, entries: list[listing.Entry],
                       following: str | None):
        """Request the listed articles the archive does not know; then the next listing page, unless every
        article on this one is known (an incremental crawl) or `max_pages` is reached."""
        self.count("links", len(entries))
        if not entries:
            self.errors.append(f"listing {url} found no articles")
            return
        fresh = 0
        for request in self.article_requests(entries):
            fresh += 1
            if request is not None:
                yield request
        if is_feed:
            return
        if not fresh and not self.full:
            self.logger.info("%s: every article on %s is archived; not paginating further", self.site_key, url)
            return
        if following is None:
            return
        depth = response.meta["depth_index"]
        if depth >= self.max_pages:
            self.errors.append(f"listing {response.meta['start']}: stopped after {depth} listing pages "
                               f"({self.bound_reason()}); more pages follow")
            return
        yield self.listing_request(following, depth + 1, response.meta["start"])

    def bound_reason(self) -> str:
        if self.max_pages_given:
            return f"max_pages {self.max_pages}"
        return (f"the default bound of {DEFAULT_MAX_PAGES} per start page; set max_pages in [sites.{self.site_key}] "
                "or give --max-pages N to read more")

    def read_entries(self, page: listing.Page, start: str, url: str, is_feed: bool) -> list[listing.Entry]:
        """The listing's article links (a feed's items), warning when the listing selectors no longer fit."""
        if is_feed:
            return listing.unique([e for e in listing.feed_entries(page) if self.wanted(e.url)])
        read, chrome = self.chrome.get(start, (0, frozenset()))
        entries, fell_back = listing.entries(page, self.site.selectors, self.wanted,
                                             chrome if read >= 2 else frozenset())
        self.chrome[start] = (read + 1, frozenset(page.hrefs) if not read else chrome & page.hrefs)
        self.fell_back[url] = fell_back
        if fell_back:
            self.errors.append(f"listing {url}: the listing selectors no longer fit (listing_item matched nothing); "
                               f"took the {len(entries)} links matching article_pattern outside navigation")
        return entries

    def article_requests(self, entries: list[listing.Entry]):
        """A request for each listed article the archive does not hold (None for one already requested)."""
        canon = {e.url: self.site.canonical(e.url) for e in entries}
        known = known_urls(self.archive, list(canon) + list(canon.values()))
        for entry in entries:
            if entry.url in known or canon[entry.url] in known:
                self.count("skipped")
                continue
            if canon[entry.url] in self.scheduled:
                yield None
                continue
            self.scheduled.add(canon[entry.url])
            hints = {"listed_published": entry.date} if entry.date else {}
            yield scrapy.Request(entry.url, callback=self.parse_article, errback=self.article_failed,
                                 meta={"hints": hints}, dont_filter=True)

    def following(self, page: listing.Page, url: str) -> str | None:
        """The next listing page to read, if the site's pagination gives one that is a listing of this site."""
        candidate = self.next_candidate(page, url)
        return candidate if self.follows(candidate, url) else None

    def next_candidate(self, page: listing.Page, url: str) -> str | None:
        """The page after this one by the site's pagination; when the listing selectors no longer fit and the
        pagination finds nothing, by the listing's own numbered links."""
        candidate = self.next_page(page)
        if candidate is None and self.fell_back.get(url):
            candidate = listing.numbered_link_next(page)
        return candidate

    def follows(self, candidate: str | None, url: str) -> bool:
        return bool(candidate and self.site.owns(candidate) and candidate != url and self.is_listing(candidate))

    def next_page(self, page: listing.Page) -> str | None:
        _, warning = listing.page_count(page, self.site.pagination)
        if warning and warning not in self.warned:
            self.warned.add(warning)
            self.errors.append(f"listing {page.url}: {warning}; following its next links instead")
        return listing.next_url(page, self.site.pagination, self.site.selectors.get("next_page", ()))

    def is_listing(self, url: str) -> bool:
        """A further listing page: its path matches the site's `listing_pattern` (any page when none is given)."""
        pattern = self.site.listing_pattern
        return pattern is None or bool(pattern.search(urlsplit(url).path))

    def wanted(self, url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and self.site.owns(url) and self.site.is_article(url)

    def listing_error(self, url: str, meta: dict, reason: str):
        message = f"listing {url}: {reason}"
        self.errors.append(message)
        if meta.get("depth_index") == 1:
            self.start_outcomes[meta["start"]] = False
            self._check_all_starts_failed()

    def listing_failed(self, failure):
        request = failure.request
        self.listing_error(request.url, request.meta, describe_failure(failure))

    def _check_all_starts_failed(self):
        if self.start_outcomes and all(v is False for v in self.start_outcomes.values()):
            self.fatal_error = (f"site {self.site_key} failed: no start page could be read "
                                f"({'; '.join(e for e in self.errors if e.startswith('listing '))})")
            self.errors.insert(0, self.fatal_error)

    # -- articles ---------------------------------------------------------------------------------------

    def parse_article(self, response):
        yield page_item(response, self.site_key, response.meta.get("hints"))

    def article_failed(self, failure):
        yield failed_item(failure, self.site_key, failure.request.meta.get("hints"))
