"""Listing pages, defined once: how a site's listing pages page on, and what they list.

Pure functions, a page's URL and text in, URLs and dates out (no Scrapy, no network, no config files). Every
reader of listings calls them: the crawl spider (crawler/spiders/site.py), `gazette check` (crawler/check.py),
the add-site probe (crawler/spiders/probe.py) and the add-site inference (crawler/infer/).

Per pagination kind (`KINDS`) one definition of
- `detect`: does this page show this kind of pager, and the page count it states (or the highest page linked);
- `next_url`: the listing page after this one (None on the last page), read from the page itself: its URL,
  its pager script and its links, so the crawler and add-site cannot disagree.

The kinds:
- `trs`: TRS WCM listings, pages `<name>_N.<ext>` numbered from 1 after the first page `<name>.<ext>`; the page
  count, the current page, the file name and the extension come from the pager script (`createPageHTML(13, 0,
  "index", "html")`, or `var countPage = 13` with `var currentPage = 0` and `"default"+"_"+nextPage+".shtml"`), else
  from the pager's own links, else from the page's own file name (`default.shtml`), else `index.html`;
- `wordpress`: `/page/N/`, by the page's next link or the linked `/page/N+1/`;
- `numbered`: China Daily-built portals, `<name>.html`, `<name>_2.html`, ... when the page links the next one,
  else the page's next link;
- `next_link`: the page's next link: the site's `next_page` selectors, `rel=next`, `a.next`, or a link reading
  `Next`, `>`, `»`, `下一页`;
- `feed`: an RSS/Atom feed (no further pages); `none`: the start page only.

And for every kind: `entries` (the article links of a listing page by the site's listing selectors, or, when they
match nothing, the links matching the article pattern outside navigation), `feed_entries` (an RSS/Atom page's
items) and `numbered_next` (the next page by the listing's own numbered links, used when selectors no longer fit).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from pipelines.htmlparse import document
from pipelines.normalise import clean_text, parse_date

FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
# createPageHTML(count, current, "name", "ext") and the newer createPageHTML("div", count, current, "name", "ext", n)
TRS_CREATE = (re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w-]+)['\"]"
                         r"\s*,\s*['\"](\w+)['\"]"),
              re.compile(r"createPageHTML\(\s*['\"][\w-]*['\"]\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*['\"]([\w-]+)['\"]"
                         r"\s*,\s*['\"](\w+)['\"]"))
TRS_COUNT = re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)")
TRS_CURRENT = re.compile(r"\bcurrentPage\s*=\s*['\"]?(\d+)")
SCRIPT_NAME = re.compile(r"['\"]([A-Za-z][\w-]*)_['\"]\s*\+")  # "default_" + nextPage (after joining literals)
SCRIPT_EXT = re.compile(r"\+\s*['\"]\.(s?html?)\\?['\"]")  # + ".shtml"
PAGE_FILE = re.compile(r"^(.*/)([A-Za-z][\w-]*?)(?:_(\d+))?\.(s?html?)$")  # /dir/default_3.shtml
WP_PAGE = re.compile(r"^(.*?/)page/(\d+)/?$")
MAX_COUNT_DIGITS = 6  # a page count of more digits is not a page count (issue 20: 5,000 digits)
MAX_PAGE_COUNT = 100_000
NEXT_TEXTS = frozenset({">", "›", "»", ">>", "next", "next page", "next >", "next>", "next»", "next »", "下一页",
                        "下页"})
NEXT_SELECTORS = ("link[rel=next]::attr(href)", "a[rel=next]::attr(href)", "a.next::attr(href)",
                  "a.next-page::attr(href)")
FEED_SELECTORS = ("link[rel=alternate][type*=rss]::attr(href)", "link[rel=alternate][type*=atom]::attr(href)")
NAVIGATION = ("nav", "header", "footer", "aside")
NAVIGATION_WORDS = re.compile(r"\b(nav|navbar|menu|header|footer|breadcrumbs?|crumbs?|hot|popular|most|rank|"
                              r"ranking|side|sidebar)\b", re.IGNORECASE)


@dataclass
class Page:
    """One fetched listing (or article) page: the URL that served it and its decoded text."""
    url: str
    text: str

    @property
    def is_feed(self) -> bool:
        return bool(FEED_START.match(self.text[:2048]))

    @cached_property
    def sel(self) -> Selector:
        return Selector(text=self.text or "<html></html>")

    def tree(self):
        """The page parsed by lxml.html (None when it holds no HTML)."""
        if not self.text or not self.text.strip():
            return None
        try:
            return document(self.text)  # huge_tree: deep pages read whole
        except (etree.ParserError, ValueError):
            return None

    def urljoin(self, href: str) -> str:
        return urldefrag(urljoin(self.url, href.strip()))[0]

    @cached_property
    def hrefs(self) -> set[str]:
        """Every link of the page, absolute, without fragment."""
        return {self.urljoin(h) for h in self.sel.css("a::attr(href)").getall()}


@dataclass
class Pagination:
    """How a listing pages on, as detected on one of its pages."""
    kind: str  # trs | wordpress | numbered | next_link | feed | none
    count: int | None = None  # page count the page states, or the highest page number linked
    evidence: str = ""
    feed_urls: list[str] = field(default_factory=list)
    base: str = ""  # trs and numbered: directory + file name of the listing's pages (/news/default, /latest)
    ext: str = ""
    warning: str | None = None  # e.g. a page count that is no page count


@dataclass
class Entry:
    url: str
    date: str | None = None  # the date listed beside the link, normalised
    title: str = ""


# -- TRS -------------------------------------------------------------------------------------------------------

@dataclass
class TrsPager:
    count: int | None
    current: int
    name: str
    ext: str
    evidence: str
    warning: str | None = None


def _count(digits: str) -> tuple[int | None, str | None]:
    """A page count from a script's digits, or None with the reason when it cannot be one."""
    if len(digits) > MAX_COUNT_DIGITS or int(digits) > MAX_PAGE_COUNT:
        shown = digits if len(digits) <= 12 else f"a number of {len(digits):,} digits"
        return None, f"page count {shown} in the pager script ignored (more than {MAX_PAGE_COUNT:,} pages)"
    return int(digits), None


def trs_pager(page: Page) -> TrsPager | None:
    """The TRS pager the page's script writes: page count, current page (0 = the first), file name, extension."""
    text = page.text
    for pattern in TRS_CREATE:
        match = pattern.search(text)
        if match:
            count, warning = _count(match.group(1))
            current = int(match.group(2)) if len(match.group(2)) <= MAX_COUNT_DIGITS else 0
            return TrsPager(count, current, match.group(3), match.group(4),
                            f'createPageHTML({match.group(1)[:12]}, …, "{match.group(3)}", "{match.group(4)}")',
                            warning)
    match = TRS_COUNT.search(text)
    if not match:
        return None
    count, warning = _count(match.group(1))
    current_match = TRS_CURRENT.search(text)
    current = _url_page(page.url)
    if current_match and len(current_match.group(1)) <= MAX_COUNT_DIGITS:
        current = int(current_match.group(1))
    name, ext, source = _trs_file_name(page, text[match.start():match.start() + 4000])
    return TrsPager(count, current, name, ext, f"countPage = {match.group(1)[:12]}, pages {name}_N.{ext} ({source})",
                    warning)


def _trs_file_name(page: Page, script: str) -> tuple[str, str, str]:
    """(name, extension, where they were read) of the pages after the first: the pager script's strings, the
    pager's own links, the page's own file name, else index.html."""
    joined = re.sub(r"['\"]\s*\+\s*['\"]", "", script)  # "default"+"_" -> "default_"
    name, ext = SCRIPT_NAME.search(joined), SCRIPT_EXT.search(joined)
    if name and ext:
        return name.group(1), ext.group(1), "the pager script"
    directory = _directory(page.url)
    for url in sorted(page.hrefs):
        match = PAGE_FILE.match(urlsplit(url).path)
        if match and match.group(3) and match.group(1) == directory:
            return match.group(2), match.group(4), "the pager's links"
    match = PAGE_FILE.match(urlsplit(page.url).path)
    if match:
        return match.group(2), match.group(4), "the page's file name"
    return "index", "html", "the TRS default"


def _directory(url: str) -> str:
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def _url_page(url: str) -> int:
    """The page number in a listing URL's file name (default_3.shtml -> 3; index.html, a directory -> 0)."""
    match = PAGE_FILE.match(urlsplit(url).path)
    return int(match.group(3)) if match and match.group(3) and len(match.group(3)) <= MAX_COUNT_DIGITS else 0


def trs_detect(page: Page, hosts) -> Pagination | None:
    pager = trs_pager(page)
    if pager is None:
        return None
    return Pagination("trs", pager.count, pager.evidence, base=_directory(page.url) + pager.name, ext=pager.ext,
                      warning=pager.warning)


def trs_next(page: Page, next_selectors=()) -> str | None:
    """<name>_{k+1}.<ext> while k+1 < the page count; without a count, the page's next link."""
    pager = trs_pager(page)
    if pager is None or pager.count is None:
        return next_link(page, next_selectors)
    if pager.current + 1 >= pager.count:
        return None
    return urljoin(page.url, f"{pager.name}_{pager.current + 1}.{pager.ext}")


# -- WordPress -------------------------------------------------------------------------------------------------

def listing_base(path: str) -> str:
    """The path /page/N/ hangs off: /news/ for /news/, /news/index.html or /news/page/3/."""
    match = WP_PAGE.match(path)
    if match:
        return match.group(1)
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def wordpress_detect(page: Page, hosts) -> Pagination | None:
    base = listing_base(urlsplit(page.url).path)
    numbers = [int(m.group(2)) for u in _on_hosts(page, hosts) if (m := WP_PAGE.match(urlsplit(u).path))
               and m.group(1) == base]
    if not numbers:
        return None
    return Pagination("wordpress", max(numbers), f"links to /page/N/ (up to {max(numbers)})")


def wordpress_next(page: Page, next_selectors=()) -> str | None:
    """The page's next link, else /page/{k+1}/ when the page links it."""
    following = next_link(page, next_selectors)
    if following:
        return following
    path = urlsplit(page.url).path
    match = WP_PAGE.match(path)
    current = int(match.group(2)) if match else 1
    candidate = urljoin(page.url, f"{listing_base(path)}page/{current + 1}/")
    return candidate if candidate in page.hrefs else None


# -- numbered (China Daily-built) ------------------------------------------------------------------------------

def numbered_pages(url: str, links) -> tuple[str, str, list[int]] | None:
    """(directory + name, extension, page numbers linked) of a <name>.html listing linking <name>_N.html pages.

    The name is the page's whole file name first (guangdongstories_7.html links guangdongstories_7_2.html),
    else without a trailing _N (latest_3.html is page 3 of latest.html)."""
    for base, ext, _ in _numbered_readings(url):
        page = re.compile("^" + re.escape(base) + r"_(\d{1,6})\." + re.escape(ext) + "$")
        numbers = [int(m.group(1)) for u in links if (m := page.match(urlsplit(u).path))]
        if numbers:
            return base, ext, numbers
    return None


def _numbered_readings(url: str) -> list[tuple[str, str, int]]:
    """(base, ext, this page's number) for each reading of the URL's file name: whole (page 1), or name_k."""
    match = re.match(r"^(.*/)([\w-]+)\.(s?html?)$", urlsplit(url).path)
    if not match:
        return []
    directory, stem, ext = match.groups()
    readings = [(directory + stem, ext, 1)]
    numbered = re.match(r"^(.*)_(\d{1,6})$", stem)
    if numbered:
        readings.append((directory + numbered.group(1), ext, int(numbered.group(2))))
    return readings


def numbered_detect(page: Page, hosts) -> Pagination | None:
    found = numbered_pages(page.url, _on_hosts(page, hosts))
    if not found:
        return None
    base, ext, numbers = found
    return Pagination("numbered", max(numbers), f"links to {base.rsplit('/', 1)[-1]}_N.{ext} (up to {max(numbers)})",
                      base=base, ext=ext)


def numbered_next(page: Page, next_selectors=()) -> str | None:
    """<name>_{k+1}.html when the page links it (after <name>.html: <name>_2.html); else the page's next link."""
    for base, ext, number in _numbered_readings(page.url):
        candidate = urljoin(page.url, f"{base}_{number + 1}.{ext}")
        if candidate in page.hrefs:
            return candidate
    return next_link(page, next_selectors)


# -- next links ------------------------------------------------------------------------------------------------

def next_link(page: Page, next_selectors=()) -> str | None:
    """The page's "next" link: the site's next_page selectors, rel=next, a.next, or a link reading Next, >, 下一页."""
    for css in tuple(next_selectors) + NEXT_SELECTORS:
        for href in page.sel.css(css).getall():
            if href and href.strip() and not href.strip().startswith(("javascript:", "#")):
                return page.urljoin(href)
    for a in page.sel.css("a[href]"):
        text = clean_text(" ".join(a.css("::text").getall())).lower()
        href = a.attrib["href"].strip()
        if text in NEXT_TEXTS and href and not href.startswith(("javascript:", "#")):
            return page.urljoin(href)
    return None


def next_link_detect(page: Page, hosts) -> Pagination | None:
    return Pagination("next_link", None, "a rel=next / next link") if next_link(page) else None


def numbered_link_next(page: Page) -> str | None:
    """The listing's own numbered links: the lowest-numbered link above this page's number whose path is this
    page's with a page number (name_N.html, index_N.html, /page/N/, ?page=N). For listings whose markup the
    configuration no longer fits."""
    here = urlsplit(page.url)
    path = here.path if not here.path.endswith("/") else here.path + "index.html"
    current = _number_in(page.url) or 0
    best = None
    for url in page.hrefs:
        parts = urlsplit(url)
        if parts.netloc != here.netloc or url == page.url:
            continue
        number = _number_in(url)
        if number is None or number <= current:
            continue
        same = (re.sub(r"(_\d+)?(\.\w+)$", r"\2", parts.path) == re.sub(r"(_\d+)?(\.\w+)$", r"\2", path)
                or listing_base(parts.path) == listing_base(here.path) and WP_PAGE.match(parts.path)
                or parts.path == here.path and parts.query)
        if same and (best is None or number < best[0]):
            best = (number, url)
    return best[1] if best else None


def _number_in(url: str) -> int | None:
    parts = urlsplit(url)
    for pattern, text in ((r"[?&](?:page|p|pageno|pn)=(\d{1,6})\b", parts.query and "?" + parts.query),
                          (r"/page/(\d{1,6})/?$", parts.path), (r"_(\d{1,6})\.\w+$", parts.path)):
        match = re.search(pattern, text or "")
        if match:
            return int(match.group(1))
    return None


# -- the kinds -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    name: str
    detect: Callable[[Page, list[str] | None], Pagination | None]
    next_url: Callable[..., str | None]


KINDS = {k.name: k for k in (Kind("trs", trs_detect, trs_next), Kind("wordpress", wordpress_detect, wordpress_next),
                             Kind("numbered", numbered_detect, numbered_next),
                             Kind("next_link", next_link_detect, next_link))}
DETECT_ORDER = ("trs", "wordpress", "numbered", "next_link")


def detect(page: Page, hosts: list[str] | None = None) -> Pagination:
    """How the listing pages on: the first kind (DETECT_ORDER) whose pager the page shows; `feed` for a feed."""
    if page.is_feed:
        return Pagination("feed", None, "the start page is an RSS/Atom feed")
    feeds = feed_links(page, hosts)
    for name in DETECT_ORDER:
        found = KINDS[name].detect(page, hosts)
        if found:
            found.feed_urls = feeds
            return found
    return Pagination("none", None, "no pagination; the page links a feed" if feeds else "no pagination found", feeds)


def next_url(page: Page, kind: str, next_selectors=()) -> str | None:
    """The listing page after `page` for a listing paged by `kind` (None: the last page, or no pager)."""
    found = KINDS.get(kind)
    return found.next_url(page, next_selectors) if found else None


def page_count(page: Page, kind: str) -> tuple[int | None, str | None]:
    """(the page count the page states or links, a warning when its pager states an impossible one)."""
    found = KINDS.get(kind)
    pagination = found.detect(page, None) if found else None
    return (pagination.count, pagination.warning) if pagination else (None, None)


def _on_hosts(page: Page, hosts) -> list[str]:
    return [u for u in page.hrefs if hosts is None or (urlsplit(u).netloc or "").lower() in hosts]


# -- entries ---------------------------------------------------------------------------------------------------

def _values(node, selectors) -> list[str]:
    """The values of the first selector giving any."""
    for css in selectors:
        values = [v for v in node.css(css).getall() if v and v.strip()]
        if values:
            return values
    return []


def item_date(item, date_selectors) -> str | None:
    """The date a listing item shows: the first value of the first date selector giving any that reads as a date
    (`::text` on `<li><a>Headline</a>(2020-06-30)</li>` gives the headline, then the date)."""
    for value in _values(item, date_selectors):
        date = parse_date(value)
        if date:
            return date
    return None


def entries(page: Page, selectors: dict, wanted: Callable[[str], bool],
            chrome: frozenset[str] = frozenset()) -> tuple[list[Entry], bool]:
    """(entries in listing order, each URL once; whether the listing selectors matched nothing).

    By the site's `listing_item` (first that holds an article link), `listing_link` and `listing_date`; when the
    item selectors give nothing, every link the page holds that `wanted` accepts, outside navigation, headers,
    footers and "most read" boxes, and not in `chrome` (links seen on every listing page read so far) unless
    nothing else is left."""
    found: list[Entry] = []
    for css in selectors.get("listing_item", ()):
        for item in page.sel.css(css):
            for href in _values(item, selectors.get("listing_link", ("a::attr(href)",))):
                link = page.urljoin(href)
                if wanted(link):
                    found.append(Entry(link, item_date(item, selectors.get("listing_date", ()))))
                    break
        if found:
            break
    fell_back = False
    if not found:
        links = content_links(page, wanted)
        found = [Entry(link) for link in ([u for u in links if u not in chrome] or links)]
        fell_back = bool(found and selectors.get("listing_item"))
    return unique(found), fell_back


def content_links(page: Page, wanted: Callable[[str], bool]) -> list[str]:
    """The links `wanted` accepts, in page order, outside navigation and "most read"/sidebar boxes."""
    links = []
    for a in page.sel.xpath("//a[@href]"):
        link = page.urljoin(a.attrib["href"])
        if wanted(link) and not _in_navigation(a):
            links.append(link)
    return links


def _in_navigation(a) -> bool:
    for ancestor in a.xpath("ancestor::*"):
        tag = ancestor.root.tag if isinstance(ancestor.root.tag, str) else ""
        if tag in NAVIGATION or ancestor.attrib.get("role") == "navigation":
            return True
        marks = f"{ancestor.attrib.get('class', '')} {ancestor.attrib.get('id', '')}".replace("_", " ").replace("-", " ")
        if NAVIGATION_WORDS.search(marks):
            return True
    return False


def unique(found: list[Entry]) -> list[Entry]:
    """Each URL once, in first-seen order, keeping a date any occurrence gives."""
    kept: dict[str, Entry] = {}
    for entry in found:
        if entry.url not in kept:
            kept[entry.url] = entry
        elif entry.date and not kept[entry.url].date:
            kept[entry.url].date = entry.date
    return list(kept.values())


def feed_entries(page: Page) -> list[Entry]:
    """The items of an RSS/Atom page: link, date and title."""
    doc = Selector(text=page.text, type="xml")
    doc.remove_namespaces()
    found = []
    for item in doc.xpath("//item | //entry"):
        link = (item.xpath("link/text()").get() or item.xpath("link/@href").get() or "").strip()
        date = item.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get()
        if link:
            found.append(Entry(urljoin(page.url, link), parse_date(date), clean_text(item.xpath("title/text()").get())))
    return found


def feed_links(page: Page, hosts: list[str] | None) -> list[str]:
    """The feed a page links in its head (one, on the site's hosts; not a comments feed)."""
    if page.is_feed:
        return []
    found = []
    for css in FEED_SELECTORS:
        for href in page.sel.css(css).getall():
            url = urljoin(page.url, href.strip())
            if (hosts is None or (urlsplit(url).netloc or "").lower() in hosts) and url not in found \
                    and "/comments/" not in url:
                found.append(url)
    return found[:1]
