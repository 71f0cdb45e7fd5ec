"""The config-driven site spider: listing pages -> article links -> pages handed to the archive pipeline.

One class serves every site in config/sites.toml. From each start page it reads the listing (items, links and
listed dates by the site's `listing_*` selectors, else every link matching `article_pattern`), requests the
articles the archive does not know yet (with the listed date as hint `listed_published`), and follows the
site's pagination: `trs` (index_N.html, page count from `createPageHTML(N, ...)` or `var countPage = N`),
`wordpress` (/page/N/), `numbered` (China Daily-built sites: name.html, name_2.html, ...), `next_link` (a "next"
link) or `feed` (RSS/Atom, no pages). A next page is followed only if its path matches the site's
`listing_pattern` (when given). Start pages that are
feeds (and `feed_urls`) are read as feeds whatever the pagination. What it discovers is counted in Scrapy's
stats (`gazette/listings`, `gazette/links`, `gazette/skipped`), which close the run row with the page counts.

Incremental by default: listings are walked newest first and paginating stops at the first listing page
whose articles are all known to the archive. `full=True` walks every listing page (known articles are still
not requested again). `max_pages` bounds the listing pages read per start page.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import urljoin, urlsplit

import scrapy
from parsel import Selector

from archive import Archive, runs, validators
from archive.known import known_urls
from pipelines.boilerplate import is_soft_404
from pipelines.normalise import parse_date

from ..config import Config, Site
from ..middlewares import not_a_listing
from ..pages import describe_failure, failed_item, page_item


def _headers(response) -> dict:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}

TRS_COUNT = (re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?\d+['\"]?\s*,\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]+)['\"]"),
             re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)"))
TRS_PAGE = re.compile(r"/(?:([\w-]+?)_(\d+)|index)\.s?html?$")
WP_PAGE = re.compile(r"/page/(\d+)/?$")
NUMBERED_PAGE = re.compile(r"^(.*?/[^/]*?)(?:_(\d+))?(\.s?html?)$")  # /name.html, /name_2.html
NEXT_TEXTS = (">", "›", "»", ">>", "next", "next page", "next >", "下一页")
NEXT_LINKS = ("link[rel=next]::attr(href)", "a[rel=next]::attr(href)", "a.next::attr(href)",
              "a.next-page::attr(href)")
FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, config: Config, site_key: str, results: list, full: bool = False,
                 max_pages: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.config = config
        self.site: Site = config.site(site_key)
        self.site_key = site_key
        self.results = results
        self.full = full
        self.max_pages = max_pages or self.site.max_pages
        self.errors: list[str] = []
        self.fatal_error: str | None = None
        self.scheduled: set[str] = set()
        self.start_outcomes: dict[str, bool] = {}
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
            is_feed, entries, following = response.meta.get("feed", False), stored["entries"], stored["next_url"]
        else:
            is_feed = response.meta.get("feed") or bool(FEED_START.match(response.body[:2048]))
            entries = self.feed_entries(response) if is_feed else self.listing_entries(response)
            following = None if is_feed else self.next_page(response, url)
            validators.remember_listing(self.archive, response.url, self.site_key, _headers(response),
                                        hashlib.sha256(response.body).hexdigest(), entries, following)
        yield from self.follow_listing(response, url, is_feed, entries, following)

    def not_modified(self, response) -> dict | None:
        """The listing's stored state when the server answered 304 to the validators sent, else None."""
        if response.status != 304 or not response.meta.get("validators_sent"):
            return None
        return validators.listing(self.archive, response.url)

    def follow_listing(self, response, url: str, is_feed: bool, entries, following: str | None):
        """Request the listed articles the archive does not know; then the next listing page, unless every
        article on this one is known (an incremental crawl) or `max_pages` is reached."""
        self.count("links", len(entries))
        if not entries:
            self.errors.append(f"listing {url} found no articles")
            return
        canon = {link: self.site.canonical(link) for link, _ in entries}
        known = known_urls(self.archive, list(canon) + list(canon.values()))
        fresh = 0
        for link, listed in entries:
            if link in known or canon[link] in known:
                self.count("skipped")
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
        if following and self.site.owns(following) and following != url and self.is_listing(following):
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

    def is_listing(self, url: str) -> bool:
        """A further listing page: its path matches the site's `listing_pattern` (any page when none is given)."""
        pattern = self.site.listing_pattern
        return pattern is None or bool(pattern.search(urlsplit(url).path))

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
        if kind == "numbered":
            return self.numbered_next(response, url)
        return None

    def numbered_next(self, response, url: str) -> str | None:
        """China Daily-built listings: <name>.html, <name>_2.html, <name>_3.html ... The page after <name>_k is
        <name>_{k+1} (after <name>, <name>_2) when the page links it; else the page's "next" link (the
        selectors' next_page, rel=next, or a link reading `>`, `Next`, `下一页`)."""
        hrefs = {response.urljoin(h.strip()).split("#")[0] for h in response.css("a::attr(href)").getall()}
        match = NUMBERED_PAGE.match(urlsplit(url).path)
        if match:
            stem, number, ext = match.groups()
            candidate = urljoin(url, f"{stem}_{int(number) + 1 if number else 2}{ext}")
            if candidate in hrefs:
                return candidate
        following = self.link_next(response)
        if following:
            return following
        for link in response.css("a"):
            text = " ".join(t.strip() for t in link.css("::text").getall()).strip().lower()
            if text in NEXT_TEXTS and link.attrib.get("href"):
                return response.urljoin(link.attrib["href"].strip())
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
