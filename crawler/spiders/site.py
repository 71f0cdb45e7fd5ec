"""The config-driven site spider: listing pages -> article links -> pages handed to the archive pipeline.

One class serves every site in config/sites.toml. From each start page it reads the listing (items, links and
listed dates by the site's `listing_*` selectors, else every link matching `article_pattern`), requests the
articles the archive does not know yet (with the listed date as hint `listed_published`), and follows the
site's pagination: `trs` (index_N.html, page count from `createPageHTML(N, ...)` or `var countPage = N`),
`wordpress` (/page/N/), `next_link` (a "next" link) or `feed` (RSS/Atom, no pages). Start pages that are
feeds (and `feed_urls`) are read as feeds whatever the pagination.

Incremental by default: listings are walked newest first and paginating stops at the first listing page
whose articles are all known to the archive. `full=True` walks every listing page (known articles are still
not requested again). `max_pages` bounds the listing pages read per start page. A site subclass (named for the
site, registered in SPIDERS) is only for what config cannot express; none is needed so far.
"""
from __future__ import annotations

import re
import sys
from urllib.parse import urljoin, urlsplit

import scrapy
from parsel import Selector

from archive import Archive
from archive.known import known_urls, record_discovery
from pipelines.boilerplate import is_soft_404
from pipelines.normalise import parse_date

from ..config import Config, Site
from ..pages import describe_failure, failed_item, page_item

TRS_COUNT = (re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?\d+['\"]?\s*,\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]+)['\"]"),
             re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)"))
TRS_PAGE = re.compile(r"/(?:([\w-]+?)_(\d+)|index)\.s?html?$")
WP_PAGE = re.compile(r"/page/(\d+)/?$")
NEXT_LINKS = ("link[rel=next]::attr(href)", "a[rel=next]::attr(href)", "a.next::attr(href)",
              "a.next-page::attr(href)")
PROGRESS: dict[str, str] = {}  # site key -> its running counts, while crawling with progress on
FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, config: Config, site_key: str, results: list, full: bool = False,
                 max_pages: int | None = None, progress: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.config = config
        self.site: Site = config.site(site_key)
        self.site_key = site_key
        self.results = results
        self.full = full
        self.max_pages = max_pages or self.site.max_pages
        self.progress = progress
        self.errors: list[str] = []
        self.fatal_error: str | None = None
        self.crawl_counts = {"listings": 0, "links": 0, "skipped": 0}
        self.scheduled: set[str] = set()
        self.start_outcomes: dict[str, bool] = {}
        self._archive: Archive | None = None

    # -- archive reads ----------------------------------------------------------------------------------

    @property
    def archive(self) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.settings.get("GAZETTE_DB"))
        return self._archive

    def last_run_unfinished(self) -> bool:
        row = self.archive.db.execute(
            "select status from crawl_runs where site = ? and trigger != 'fetch' and status != 'running' "
            "order by id desc limit 1", [self.site_key]).fetchone()
        return bool(row) and row[0] in ("interrupted", "failed", "timeout")

    def closed(self, reason):
        if getattr(self, "run_id", None) is not None:
            record_discovery(self.archive, self.run_id, self.crawl_counts)
        if self._archive is not None:
            self._archive.close()
        if self.progress and PROGRESS.pop(self.site_key, None) is not None and not PROGRESS:
            sys.stderr.write("\n")

    # -- requests ---------------------------------------------------------------------------------------

    async def start(self):
        for request in self.start_requests():
            yield request

    def start_requests(self):
        if not self.full and self.last_run_unfinished():
            # An interrupted, failed or timed-out crawl may have archived the newest pages only: stopping at
            # the first all-known listing page would then skip the older ones it never reached.
            self.logger.warning("%s: the last crawl did not finish; walking every listing page", self.site_key)
            self.full = True
        for url in self.site.start_urls:
            yield self.listing_request(url, depth=1, start=url, feed=self.site.pagination == "feed")
        for url in self.site.feed_urls:
            yield self.listing_request(url, depth=1, start=url, feed=True)

    def listing_request(self, url: str, depth: int, start: str, feed: bool = False) -> scrapy.Request:
        if depth == 1:
            self.start_outcomes[url] = None  # pending; True once read, False when it failed
        return scrapy.Request(url, callback=self.parse_listing, errback=self.listing_failed, dont_filter=depth == 1,
                              meta={"depth_index": depth, "start": start, "feed": feed}, priority=10)

    # -- listings ---------------------------------------------------------------------------------------

    def parse_listing(self, response):
        url = response.request.meta.get("redirect_urls", [response.url])[0]
        if response.status >= 400:
            self.listing_error(url, response.meta, f"HTTP {response.status}")
            return
        text = response.text if hasattr(response, "text") else ""
        if is_soft_404(response.url, text, self.site.boilerplate):
            self.listing_error(url, response.meta, "soft 404 (the site's page-deleted page)")
            return
        if response.meta["depth_index"] == 1:
            self.start_outcomes[response.meta["start"]] = True
        self.crawl_counts["listings"] += 1
        is_feed = response.meta.get("feed") or bool(FEED_START.match(response.body[:2048]))
        entries = self.feed_entries(response) if is_feed else self.listing_entries(response)
        self.crawl_counts["links"] += len(entries)
        if not entries:
            self.errors.append(f"listing {url} found no articles")
            return
        canon = {link: self.site.canonical(link) for link, _ in entries}
        known = known_urls(self.archive, list(canon) + list(canon.values()))
        fresh = 0
        for link, listed in entries:
            if link in known or canon[link] in known:
                self.crawl_counts["skipped"] += 1
                continue
            fresh += 1
            if canon[link] in self.scheduled:
                continue
            self.scheduled.add(canon[link])
            hints = {"listed_published": listed} if listed else {}
            yield scrapy.Request(link, callback=self.parse_article, errback=self.article_failed,
                                 meta={"hints": hints}, dont_filter=True)
        if is_feed:
            return
        if not fresh and not self.full:
            self.logger.info("%s: every article on %s is archived; not paginating further", self.site_key, url)
            return
        depth = response.meta["depth_index"]
        if self.max_pages and depth >= self.max_pages:
            return
        following = self.next_page(response, url)
        if following and self.site.owns(following) and following != url:
            yield self.listing_request(following, depth + 1, response.meta["start"])

    def listing_entries(self, response) -> list[tuple[str, str | None]]:
        """(absolute article URL, listed date or None) in listing order, each URL once."""
        sel = self.site.selectors
        entries: list[tuple[str, str | None]] = []
        for css in sel.get("listing_item", ()):
            items = response.css(css)
            for item in items:
                for href in self._values(item, sel.get("listing_link", ("a::attr(href)",))):
                    link = response.urljoin(href.strip())
                    if self.wanted(link):
                        date = parse_date(" ".join(self._values(item, sel.get("listing_date", ()))[:1]))
                        entries.append((link, date))
                        break
            if entries:
                break
        if not entries:  # the listing markup changed or is unknown: every article link on the page
            for href in response.css("a::attr(href)").getall():
                link = response.urljoin(href.strip())
                if self.wanted(link):
                    entries.append((link, None))
            if entries and sel.get("listing_item"):
                self.errors.append(f"listing {response.url}: item selectors matched nothing; used every article link")
        return list({link: (link, date) for link, date in reversed(entries)}.values())[::-1]

    def feed_entries(self, response) -> list[tuple[str, str | None]]:
        doc = Selector(text=response.body.decode("utf-8", "replace"), type="xml")
        doc.remove_namespaces()
        entries = []
        for item in doc.xpath("//item | //entry"):
            link = (item.xpath("link/text()").get() or item.xpath("link/@href").get() or "").strip()
            date = item.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get()
            link = response.urljoin(link) if link else ""
            if link and self.wanted(link):
                entries.append((link, parse_date(date)))
        return list({link: (link, date) for link, date in reversed(entries)}.values())[::-1]

    def wanted(self, url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and self.site.owns(url) and self.site.is_article(url)

    def next_page(self, response, url: str) -> str | None:
        kind = self.site.pagination
        if kind == "trs":
            return self.trs_next(response, url)
        if kind == "wordpress":
            return self.wordpress_next(response, url)
        if kind == "next_link":
            return self.link_next(response)
        return None

    def trs_next(self, response, url: str) -> str | None:
        """index_{k+1}.html while k+1 < the page count the listing's script states."""
        count, name, ext = None, "index", "html"
        for pattern in TRS_COUNT:
            match = pattern.search(response.text)
            if match:
                count = int(match.group(1))
                if match.lastindex and match.lastindex >= 3:
                    name, ext = match.group(2), match.group(3)
                break
        path = urlsplit(url).path
        match = TRS_PAGE.search(path)
        current = int(match.group(2)) if match and match.group(2) else 0
        if count is None:
            return self.link_next(response)
        if current + 1 >= count:
            return None
        return urljoin(url, f"{name}_{current + 1}.{ext}")

    def wordpress_next(self, response, url: str) -> str | None:
        following = self.link_next(response)
        if following:
            return following
        match = WP_PAGE.search(urlsplit(url).path)
        current = int(match.group(1)) if match else 1
        candidate = urljoin(url, f"page/{current + 1}/") if not match else re.sub(
            r"/page/\d+/?$", f"/page/{current + 1}/", url)
        hrefs = {response.urljoin(h) for h in response.css("a::attr(href)").getall()}
        return candidate if candidate in hrefs else None

    def link_next(self, response) -> str | None:
        for href in self._values(response, tuple(self.site.selectors.get("next_page", ())) + NEXT_LINKS):
            return response.urljoin(href.strip())
        return None

    @staticmethod
    def _values(node, selectors) -> list[str]:
        for css in selectors:
            values = [v for v in node.css(css).getall() if v and v.strip()]
            if values:
                return values
        return []

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

    def on_result(self, result: dict, counts: dict) -> None:
        if not self.progress:
            return
        requests = self.crawler.stats.get_value("downloader/request_count", 0)
        PROGRESS[self.site_key] = (f"{self.site_key}: {requests} req, {counts['new']} new, {counts['updated']} upd, "
                                   f"{counts['unchanged']} same, {counts['failed']} failed")
        sys.stderr.write("\r" + " | ".join(PROGRESS.values()) + " ")  # one line for all sites crawling
        sys.stderr.flush()


SPIDERS: dict[str, type[SiteSpider]] = {}  # site key -> subclass, for a site config cannot express


def spider_for(site_key: str) -> type[SiteSpider]:
    return SPIDERS.get(site_key, SiteSpider)
