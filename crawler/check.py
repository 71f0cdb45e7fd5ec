"""`gazette check SITE...`: does a site's config still fit the live site? The fastest way to learn it.

For each site a small Scrapy spider (the site spider's listing and pagination code, the same settings: robots.txt,
User-Agent, per-host delay) reads the start pages and a few of the articles each one links, archives nothing, and
hands the pages to `analyse` (pure), which reports:

- per start page: each listing selector and how many elements it matched, whether the spider had to fall back to
  the links matching article_pattern (crawler/listing.py reads the listing, as in a crawl), the links found, the
  pagination (kind, page count, next page, whether it would be followed) and the spider's warnings;
- per article: which extraction layer gave the body and each field (`field_layers`), each article selector and
  how many elements it matched, the extraction warnings;
- the learned-boilerplate candidates: short lines recurring on the pages read (pipelines/learned.py's rule);
- the problems that mean the config no longer fits: a start page that cannot be read, listing items that match
  nothing, no article links, an article that gives no article, most articles falling back to the CMS markers
  or the generic extractor, an article with no date at all. Any problem: exit status 1.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import scrapy
from parsel import Selector

from definitions.fields import SELECTABLE
from definitions.removals import summary
from pipelines.charset import decode
from pipelines.extract import ExtractionError, extract
from pipelines.learned import learn, page_lines

from . import listing as listing_module
from .config import Config, Site
from .listing import Page
from .pages import describe_failure
from .spiders.site import SiteSpider

ARTICLE_FIELDS = SELECTABLE  # the article fields a site's selectors may give (definitions/fields.py)
FELL_BACK_SHARE = 0.5  # "most articles fell back"


@dataclass
class Fetched:
    """What the check spider read for one site: listing pages and article pages (raw), or why not."""
    listings: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)


class CheckSpider(SiteSpider):
    """Reads the start pages and up to `articles` articles linked from each; archives nothing. A full crawl's
    spider (`full=True`), so it never asks the archive whether the last crawl finished."""

    def __init__(self, config: Config, site_key: str, fetched: Fetched, articles: int = 2, **kwargs):
        super().__init__(config=config, site_key=site_key, full=True, **kwargs)
        self.fetched = fetched
        self.per_start = articles
        self.requested: set[str] = set()

    def parse_listing(self, response):
        """Read the listing as the site spider reads it (crawler/listing.py), keep the page and what was found."""
        url = response.request.meta.get("redirect_urls", [response.url])[0]
        listing = {"url": url, "final_url": response.url, "status": response.status, "error": None}
        self.fetched.listings.append(listing)
        if response.status >= 400:
            listing["error"] = f"HTTP {response.status}"
            return
        page = Page(response.url, response.text if hasattr(response, "text") else "")
        is_feed = response.meta.get("feed") or page.is_feed
        warnings = len(self.errors)
        entries = self.read_entries(page, response.meta["start"], url, is_feed)
        following = None if is_feed else self.next_candidate(page, url)
        follows = self.follows(following, url)
        count = None if is_feed else listing_module.page_count(page, self.site.pagination)[0]
        listing.update(feed=is_feed, body=response.body, entries=[(e.url, e.date) for e in entries], count=count,
                       content_type=response.headers.get("Content-Type", b"").decode("latin-1") or None,
                       fell_back=self.fell_back.get(url, False), next=following, follows=follows,
                       warnings=self.errors[warnings:])
        for entry in [e for e in entries if e.url not in self.requested][: self.per_start]:
            self.requested.add(entry.url)
            hints = {"listed_published": entry.date} if entry.date else {}
            yield scrapy.Request(entry.url, callback=self.parse_article, errback=self.article_failed,
                                 dont_filter=True, meta={"hints": hints, "listing": url})

    def listing_failed(self, failure):
        self.fetched.listings.append({"url": failure.request.url, "status": None,
                                      "error": describe_failure(failure)})

    def parse_article(self, response):
        self.fetched.articles.append({
            "url": response.request.meta.get("redirect_urls", [response.url])[0], "final_url": response.url,
            "status": response.status, "body": response.body, "error": None,
            "content_type": response.headers.get("Content-Type", b"").decode("latin-1") or None,
            "hints": response.meta.get("hints") or {}, "listing": response.meta.get("listing")})

    def article_failed(self, failure):
        self.fetched.articles.append({"url": failure.request.url, "status": None, "body": b"",
                                      "error": describe_failure(failure), "hints": {},
                                      "listing": failure.request.meta.get("listing")})


def run_check(config: Config, db_path: str, site_keys: list[str], articles: int = 2,
              log_level: str = "WARNING") -> list[dict]:
    """Check these sites (one crawler each, in one process); return one report per site (see `analyse`)."""
    from .process import new_process, spider_class

    sites = [config.site(key) for key in site_keys]
    process = new_process(config, db_path, log_level, "check", archiving=False)
    fetched = {}
    for site in sites:
        spidercls = spider_class(CheckSpider, f"check-{site.key}", config, db_path, site, "check", log_level,
                                 archiving=False)
        fetched[site.key] = Fetched()
        process.crawl(spidercls, config=config, site_key=site.key, fetched=fetched[site.key], articles=articles)
    process.start()
    return [analyse(site, fetched[site.key]) for site in sites]


# -- the report: pure ------------------------------------------------------------------------------------

def analyse(site: Site, fetched: Fetched) -> dict:
    """The check report of one site from the pages its check spider read."""
    listings = [_listing_report(site, listing) for listing in fetched.listings]
    articles = [_article_report(site, page) for page in fetched.articles]
    texts = [page_lines(p["body"], p.get("content_type")) for p in fetched.listings + fetched.articles
             if p.get("body") and not p.get("feed")]
    titles = {a.get("title") for a in articles}  # a headline in another page's "latest" box is not boilerplate here
    candidates = [c for c in learn(texts, min_pages=2, min_sample=2) if c.line not in titles]
    report: dict = {"site": site.key, "listings": listings, "articles": articles,
              "learned_candidates": [{"line": c.line, "pages": c.pages, "seen_in": c.seen_in} for c in candidates]}
    report["problems"] = problems(site, report)
    report["ok"] = not report["problems"]
    return report


def _matches(node, selectors) -> list[dict]:
    return [{"selector": css, "matches": len(node.css(css))} for css in selectors]


def _listing_report(site: Site, listing: dict) -> dict:
    out: dict = {k: listing.get(k) for k in ("url", "status", "error")}
    if listing.get("error"):
        return out
    entries = listing.get("entries") or []
    out.update(feed=bool(listing.get("feed")), fell_back=listing.get("fell_back", False), links=len(entries),
               dated=sum(1 for _, date in entries if date), sample=[link for link, _ in entries[:5]],
               pagination={"kind": "feed" if listing.get("feed") else site.pagination, "next": listing.get("next"),
                           "follows": listing.get("follows", False), "count": listing.get("count")},
               warnings=[w.split(": ", 1)[1] for w in listing.get("warnings") or ()])
    if not listing.get("feed"):
        text, _ = decode(listing["body"], listing.get("content_type"))
        page = Selector(text=text)
        sel = site.selectors
        out["selectors"] = {"listing_item": _matches(page, sel.get("listing_item", ()))}
        items: list = next((page.css(css) for css in sel.get("listing_item", ()) if page.css(css)), [])
        for name in ("listing_link", "listing_date"):
            out["selectors"][name] = [{"selector": css, "matches": sum(1 for item in items if item.css(css))}
                                      for css in sel.get(name, ())]
        if sel.get("next_page"):
            out["selectors"]["next_page"] = _matches(page, sel["next_page"])
    return out


def _article_report(site: Site, page: dict) -> dict:
    out = {"url": page["url"], "status": page["status"], "listing": page.get("listing"), "error": page["error"]}
    if out["error"] is None and page["status"] >= 400:
        out["error"] = f"HTTP {page['status']}"
    if out["error"]:
        return out
    try:
        article = extract(page["body"], page.get("final_url") or page["url"], site, page.get("content_type"),
                          page.get("hints"))
    except ExtractionError as exc:
        out["error"] = f"no article: {exc}"
        return out
    layers = dict(getattr(article, "field_layers", None) or {})
    layers["body"] = article.layer
    text, _ = decode(page["body"], page.get("content_type"))
    doc = Selector(text=text)
    out.update(layer=article.layer, fell_back=article.fell_back, title=article.title, published=article.published,
               fields={name: layers.get(name) if getattr(article, name, None) else None for name in ARTICLE_FIELDS},
               selectors={name: _matches(doc, site.selectors[name]) for name in ARTICLE_FIELDS
                          if site.selectors.get(name)},
               warnings=article.warnings, removed=summary(r["rule"] for r in article.removed),
               restored=len(article.restored))
    return out


def problems(site: Site, report: dict) -> list[str]:
    """Why the config no longer fits the site (empty when it does)."""
    found: list[str] = []
    for listing in report["listings"]:
        if listing.get("error"):
            found.append(f"start page {listing['url']} could not be read: {listing['error']}")
        elif not listing.get("links"):
            found.append(f"start page {listing['url']}: no article links (listing selectors and article_pattern "
                         "match nothing)")
        elif listing.get("fell_back"):
            found.append(f"start page {listing['url']}: listing items match nothing "
                         f"({', '.join(site.selectors.get('listing_item', ()))}); found links only by article_pattern")
    articles = report["articles"]
    for article in articles:
        if article.get("error"):
            found.append(f"article {article['url']}: {article['error']}")
        elif not article.get("published"):
            found.append(f"article {article['url']}: no date found (page, listing or URL)")
        if article.get("restored"):
            found.append(f"article {article['url']}: {article['restored']} paragraph(s) dropped by extraction for no "
                         "named reason (put back): its caption or boilerplate rules need a look")
    extracted = [a for a in articles if not a.get("error")]
    fell = [a for a in extracted if a.get("fell_back")]
    if extracted and len(fell) > FELL_BACK_SHARE * len(extracted):
        found.append(f"most articles fell back ({len(fell)} of {len(extracted)}) to "
                     f"{', '.join(sorted({a['layer'] for a in fell}))}: the site's selectors no longer match")
    if report["listings"] and not articles and not found:
        found.append("no article could be checked")
    return found


def report_lines(report: dict) -> str:
    """The plain-text report of one site."""
    unread = [listing for listing in report["listings"] if listing.get("error")]
    if report["ok"]:
        verdict = "ok"
    elif unread and len(unread) == len(report["listings"]) and not report["articles"]:
        verdict = "the site could not be reached, so the config could not be checked"
    else:
        verdict = "config no longer fits"
    out = [f"{report['site']}: {verdict}"]
    for listing in report["listings"]:
        if listing.get("error"):
            out.append(f"  start {listing['url']}: {listing['error']}")
            continue
        out.append(f"  start {listing['url']}: {listing['links']} article links ({listing['dated']} dated)"
                   + (", by article_pattern only" if listing.get("fell_back") else ""))
        for name, rows in (listing.get("selectors") or {}).items():
            out.append(f"    {name}: " + ", ".join(f"{r['selector']} x{r['matches']}" for r in rows))
        pagination = listing["pagination"]
        out.append(f"    pagination {pagination['kind']}: next {pagination['next'] or 'none'}"
                   + ("" if pagination["follows"] or not pagination["next"] else " (not followed)")
                   + (f"; {pagination['count']} pages" if pagination.get("count") else ""))
        out += [f"    warning: {w}" for w in listing.get("warnings") or ()]
    for article in report["articles"]:
        if article.get("error"):
            out.append(f"  article {article['url']}: {article['error']}")
            continue
        fields = ", ".join(f"{name} {layer}" for name, layer in article["fields"].items() if layer)
        out.append(f"  article {article['url']}: body from {article['layer']}"
                   + (" (fell back)" if article["fell_back"] else "") + f"; {fields}")
        if article.get("removed"):
            out.append(f"    left out of the text: {article['removed']}")
        missed = [name for name, rows in article["selectors"].items() if not any(r["matches"] for r in rows)]
        if missed:
            out.append(f"    selectors matching nothing: {', '.join(missed)}")
    if report["learned_candidates"]:
        lines = ", ".join(repr(c["line"]) for c in report["learned_candidates"][:8])
        out.append(f"  boilerplate candidates ({len(report['learned_candidates'])}): {lines}"
                   + (", ..." if len(report["learned_candidates"]) > 8 else ""))
    out += [f"  problem: {p}" for p in report["problems"]]
    return "\n".join(out)
