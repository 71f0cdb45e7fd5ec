"""Infer a site's config table from its pages, for `gazette add-site`: pure functions, HTML + URL in, proposal out.

Given a news listing page (and the next listing pages and a few articles, fetched by crawler/spiders/probe.py),
work out what a person would write by hand in `[sites.KEY]`:

- `article_shape`: the most common shape among the listing's links, generalised into a regex (date parts become
  `\\d{4}`, `\\d{2}`…, ids `\\d+`, varying slugs `[^/]+`). Links present on every listing page (menus, sidebars)
  do not vote; shapes differing only by leading path words, or ending in the same distinctive file name
  (`t#_#.html`, `c_#.htm`), become one pattern; one- or two-word links beside headlines are not articles;
- `pagination`: TRS scripts (`createPageHTML(N, …)`, `var countPage = N`) -> `trs`; `/page/N/` -> `wordpress`;
  `<name>_N.html` links -> `numbered`; `rel=next` / a `next` link -> `next_link`; a feed linked from the page ->
  `feed_urls` (or `feed` when the start page is itself a feed);
- `listing_selectors`: the repeated block holding most article links (item, link and date selectors), checked on
  every listing page as the site spider reads them;
- `article_selectors`: title, date and body selectors as a first-match list (one per template seen, at most
  three) right on every sampled article, else nothing (the layered extraction reads the field), and
  `boilerplate_lines` repeated across the articles' extracted text.

Nothing here fetches, reads config files or writes: the caller hands in `Page`s and gets plain data back.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html
from parsel import Selector

from .boilerplate import compiled_xpath
from .htmlparse import document
from .normalise import clean_text, date_from_url, parse_date

FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S)
TRS_CREATE = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?\d+['\"]?\s*,\s*['\"]([^'\"]+)['\"]"
                        r"\s*,\s*['\"]([^'\"]+)['\"]")
TRS_COUNT = re.compile(r"\bcountPage\s*=\s*['\"]?(\d+)")
WP_PAGE = re.compile(r"^(.*?/)page/(\d+)/?$")
NEXT_TEXTS = {">", "›", "»", "next", "next page", "next >", "next»", "next »", "下一页", "下页", "next>"}
NEXT_SELECTORS = ("link[rel=next]::attr(href)", "a[rel=next]::attr(href)", "a.next::attr(href)",
                  "a.next-page::attr(href)")
FEED_SELECTORS = ("link[rel=alternate][type*=rss]::attr(href)", "link[rel=alternate][type*=atom]::attr(href)")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}$", re.I)
STATE_CLASSES = {"active", "current", "cur", "on", "hover", "selected", "first", "last", "odd", "even", "clearfix",
                 "fl", "fr", "left", "right", "hide", "show", "hidden", "visible", "clear", "cf", "new", "hot", "top"}
META_TITLE = ("meta[name=ArticleTitle]::attr(content)", "meta[property='og:title']::attr(content)")
META_DATE = ("meta[name=PubDate]::attr(content)", "meta[property='article:published_time']::attr(content)",
             "meta[name=publishdate]::attr(content)", "meta[itemprop=datePublished]::attr(content)")
TITLE_TAGS = ("h1", "h2", "h3", "h4", "div", "span", "p", "td", "strong", "b", "header")
MAX_DATE_CHARS = 80


@dataclass
class Page:
    """One fetched page: the URL that served it and its decoded text."""
    url: str
    text: str

    @property
    def is_feed(self) -> bool:
        return bool(FEED_START.match(self.text[:2048]))

    def tree(self) -> lxml_html.HtmlElement | None:
        return _tree(self.text)


@dataclass
class Link:
    url: str
    text: str


@dataclass
class Shape:
    pattern: str
    links: list[Link]  # article links of the start page in page order, each once
    per_page: list[list[Link]]  # the same for every listing page
    examples: list[str]
    rejected_navigation: int = 0  # links present on every listing page, not of the article shape
    chrome: set = field(default_factory=set)  # links present on every listing page (sidebars, menus)
    hosts: list[str] = field(default_factory=list)  # the hosts the article links were found on


@dataclass
class Pagination:
    kind: str  # trs | wordpress | numbered | next_link | feed | none
    count: int | None = None  # page count the page states or the highest page number linked
    evidence: str = ""
    feed_urls: list[str] = field(default_factory=list)
    base: str = ""  # numbered: directory + name of the listing (/latest for /latest.html, /latest_2.html ...)
    ext: str = ""


class NotAListing(ValueError):
    """The page is not a news listing (no article links, or it is an article itself)."""


# -- links and shapes ------------------------------------------------------------------------------------------

def _tree(text: str):
    if not text or not text.strip():
        return None
    try:
        return document(text)
    except (etree.ParserError, ValueError):
        return None


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or "").lower()


def site_hosts(url: str) -> list[str]:
    """The host of the URL (port kept), with its www./bare twin when it is a domain name."""
    host = host_of(url)
    name = host.split(":")[0]
    if re.fullmatch(r"[\d.]+|\[.*\]|localhost", name) or ":" in host:
        return [host]
    twin = name[4:] if name.startswith("www.") else "www." + name
    return [host, twin] if name.count(".") >= 1 else [host]


def links_of(page: Page, hosts: list[str] | None = None) -> list[tuple[Link, object]]:
    """(Link, its <a> element) for every http(s) link of the page on these hosts, in page order."""
    tree = page.tree()
    if tree is None:
        return []
    found = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = urldefrag(urljoin(page.url, href))[0]
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        if hosts is not None and host_of(url) not in hosts:
            continue
        found.append((Link(url, clean_text(a.text_content()) or clean_text(a.get("title"))), a))
    return found


def _segment_class(segment: str) -> str:
    if SLUG.match(segment) and re.search(r"[a-z]{2}", segment, re.I):
        return "<slug>"
    if re.search(r"\d", segment):
        return re.sub(r"\d+", "#", segment)
    return "<word>" if segment else ""


def skeleton(path: str) -> tuple[str, ...]:
    return tuple(_segment_class(s) for s in path.split("/")[1:])


def escape_regex(text: str) -> str:
    return re.escape(text).replace("\\-", "-").replace("\\ ", " ")


def _digits_regex(values: list[str]) -> str:
    lengths = {len(v) for v in values}
    if len(lengths) == 1:
        n = lengths.pop()
        as_int = [int(v) for v in values]
        datelike = {2: all(1 <= x <= 31 for x in as_int),
                    4: all(1900 <= x <= 2099 for x in as_int),
                    6: all(190001 <= x <= 209912 for x in as_int),
                    8: all(19000101 <= x <= 20991231 for x in as_int)}.get(n, False)
        if datelike:
            return rf"\d{{{n}}}"
    return r"\d+"


def shape_regex(paths: list[str]) -> str:
    """One regex for paths of the same skeleton: literals kept where they never vary."""
    split = [p.split("/")[1:] for p in paths]
    parts = []
    for i, cls in enumerate(skeleton(paths[0])):
        values = [s[i] for s in split]
        if cls == "":
            parts.append("")
        elif cls in ("<word>", "<slug>"):
            parts.append(escape_regex(values[0]) if len(set(values)) == 1 and cls == "<word>" else "[^/]+")
        else:
            literals = cls.split("#")
            runs = [re.findall(r"\d+", v) for v in values]
            piece = escape_regex(literals[0])
            datelike = literals[0] in ("", "t")  # a date starts a segment (2024-03, 01) or follows TRS's "t"
            for k, literal in enumerate(literals[1:]):
                digits = _digits_regex([r[k] for r in runs]) if datelike else r"\d+"
                piece += digits + escape_regex(literal)
                datelike = digits != r"\d+" and literal == "-"
            parts.append(piece)
    return "^/" + "/".join(parts) + "$"


def article_shape(listings: list[Page], hosts: list[str]) -> Shape:
    """The article URL pattern: the best-scoring shape among the listing pages' links.

    A link present on every listing page (when there are several) is navigation or a sidebar, and does not
    vote for a shape (unless nothing else is left). A shape scores by its distinct links, more when their
    anchor texts read like headlines (3+ words) and when the paths carry dates, ids or slugs. Shapes that differ
    only by leading path words (/guiyang/2024-03/01/c_1.htm beside /2024-03/01/c_2.htm) are one pattern.
    Raises NotAListing when no shape has at least 3 links."""
    per_page = [links_of(p, hosts) for p in listings]
    listing_urls = {p.url for p in listings}
    seen_on = Counter()
    for links in per_page:
        for url in {link.url for link, _ in links}:
            seen_on[url] += 1
    chrome = {u for u, n in seen_on.items() if len(listings) > 1 and n == len(listings)}

    def grouped(exclude: set) -> dict[tuple, dict[str, Link]]:
        groups: dict[tuple, dict[str, Link]] = defaultdict(dict)
        for links in per_page:
            for link, _ in links:
                if link.url in exclude or link.url in listing_urls:
                    continue
                path = urlsplit(link.url).path or "/"
                if urlsplit(link.url).query or path == "/" or WP_PAGE.match(path) or _is_feed_path(path):
                    continue
                entry = groups[skeleton(path)].setdefault(link.url, link)
                if len(link.text) > len(entry.text):
                    groups[skeleton(path)][link.url] = link
        return groups

    def headline(links) -> float:
        return sum(len(link.text.split()) >= 3 for link in links.values()) / len(links)

    def marked(key) -> bool:
        return any("#" in c or c == "<slug>" for c in key)

    def score(item):
        key, links = item
        if not marked(key) and headline(links) < 0.5:
            return 0.0  # /about/, /ara/, /esp/: menus, not articles
        return len(links) * (0.25 + headline(links)) * (1.5 if marked(key) else 1.0)

    def enough(item) -> bool:
        """3 links of the shape, or fewer when they carry ids or dates and every one reads as a headline."""
        key, links = item
        return score(item) > 0 and (len(links) >= 3 or marked(key) and headline(links) == 1.0)

    groups = grouped(chrome)
    if not groups or not enough(max(groups.items(), key=score)):
        groups = grouped(set())
    best = max(groups.items(), key=score) if groups else None
    if best is None or not enough(best):
        found = len(best[1]) if best and score(best) else 0
        raise NotAListing(f"no article links found (no link shape occurs 3 times among headline links; best: {found})")
    key, links = best
    last = _last(key)
    family = {k: v for k, v in groups.items()
              if marked(_tail(key)) and (_tail(k) == _tail(key) or last and _last(k) == last)} or {key: links}
    members = [link for v in family.values() for link in v.values()]
    if any(len(link.text.split()) >= 4 for link in members):
        # headlines beside one- or two-word links of the same shape (a spokesperson's photo page, "Mao Ning"):
        # the short ones are not articles
        members = [link for link in members if len(link.text.split()) >= 3 or not link.text]
    by_tail: dict[tuple, list[str]] = defaultdict(list)
    for link in members:
        path = urlsplit(link.url).path
        by_tail[_tail(skeleton(path))].append(path)
    pattern = "|".join(_family_regex(paths) for paths in sorted(by_tail.values(), key=len, reverse=True))
    regex = re.compile(pattern)
    shaped = []
    for page_links in per_page:
        ordered: dict[str, Link] = {}
        for link, _ in page_links:
            if regex.search(urlsplit(link.url).path):
                if link.url not in ordered or len(link.text) > len(ordered[link.url].text):
                    ordered[link.url] = link
        shaped.append(list(ordered.values()))
    examples = [link.url for link in members][:3]
    return Shape(pattern=pattern, links=shaped[0], per_page=shaped, examples=examples,
                 rejected_navigation=len(chrome - set().union(*[set(v) for v in family.values()])), chrome=chrome)


def article_shape_on_site(listings: list[Page], hosts: list[str]) -> Shape:
    """article_shape on the start page's hosts; when they hold no articles, on the hosts of the same domain that
    the listing links (a listing on www.example.gov.cn whose articles are on english.example.gov.cn).
    `Shape.hosts` says which hosts the articles were found on."""
    try:
        shape = article_shape(listings, hosts)
        shape.hosts = list(hosts)
        return shape
    except NotAListing:
        related = sorted({host_of(link.url) for page in listings for link, _ in links_of(page)
                          if same_domain(host_of(link.url), hosts[0])} - set(hosts))
        if not related:
            raise
    shape = article_shape(listings, list(hosts) + related)
    regex = re.compile(shape.pattern)
    used = {host_of(link.url) for links in shape.per_page for link in links if regex.search(urlsplit(link.url).path)}
    shape.hosts = list(hosts) + [h for h in related if h in used]
    return shape


def same_domain(host: str, other: str) -> bool:
    """Both hosts under one registered domain (example.gov.cn, example.com)."""
    def domain(name: str) -> str:
        labels = name.split(":")[0].split(".")
        keep = 3 if len(labels) >= 3 and labels[-2] in ("gov", "com", "org", "edu", "net", "ac") else 2
        return ".".join(labels[-keep:])
    return domain(host) == domain(other) and not re.fullmatch(r"[\d.:]+", host)


def _tail(key: tuple) -> tuple:
    """A skeleton without its leading path words."""
    i = 0
    while i < len(key) - 1 and key[i] == "<word>":
        i += 1
    return key[i:]


def _last(key: tuple) -> str | None:
    """The file-name shape of a skeleton when it is distinctive (t#_#.html, c_#.htm, post_#.html): letters and
    an id, so that links ending in it are the same kind of page whatever their directories."""
    last = key[-1] if key and key[-1] else (key[-2] if len(key) > 1 else "")
    return last if "#" in last and re.search(r"[a-z]", last, re.I) and not last.startswith("<") else None


def _family_regex(paths: list[str]) -> str:
    """One regex for paths sharing a tail shape: the leading words as alternatives (optional when some paths
    have none), the tail generalised."""
    split = [p.split("/")[1:] for p in paths]
    leads, tails = [], []
    for segments in split:
        key = skeleton("/" + "/".join(segments))
        n = len(key) - len(_tail(key))
        leads.append("/".join(segments[:n]))
        tails.append("/" + "/".join(segments[n:]))
    if len(set(leads)) == 1:
        return shape_regex(paths)
    tail = shape_regex(tails)[2:-1]
    words = sorted({lead for lead in leads if lead})
    optional = "?" if "" in leads else ""
    return "^/(?:" + "|".join(escape_regex(w) + "/" for w in words) + ")" + optional + tail + "$"


def _is_feed_path(path: str) -> bool:
    return path.rstrip("/").endswith(("/feed", "/rss", ".xml", "/atom"))


def feed_entries(page: Page) -> list[tuple[str, str | None, str]]:
    """(link, date, title) of each item of an RSS/Atom page."""
    doc = Selector(text=page.text, type="xml")
    doc.remove_namespaces()
    entries = []
    for item in doc.xpath("//item | //entry"):
        link = (item.xpath("link/text()").get() or item.xpath("link/@href").get() or "").strip()
        date = item.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get()
        if link:
            entries.append((urljoin(page.url, link), parse_date(date), clean_text(item.xpath("title/text()").get())))
    return entries


def feed_as_page(page: Page) -> Page:
    """A feed's entries as a page of links (title as link text), for the shape and sampling functions."""
    from html import escape
    body = "".join(f'<p><a href="{escape(link)}">{escape(title or "")}</a></p>' for link, _, title in feed_entries(page))
    return Page(page.url, f"<html><body>{body}</body></html>")


# -- pagination ------------------------------------------------------------------------------------------------

def pagination(page: Page, hosts: list[str]) -> Pagination:
    """How the listing pages on: the first of TRS script, /page/N/, <name>_N.html, rel=next that the page shows."""
    feeds = feed_links(page, hosts)
    if page.is_feed:
        return Pagination("feed", None, "the start page is an RSS/Atom feed", [])
    match = TRS_CREATE.search(page.text)
    if match:
        return Pagination("trs", int(match.group(1)), f"createPageHTML({match.group(1)}, …, \"{match.group(2)}\", "
                          f"\"{match.group(3)}\")", feeds)
    match = TRS_COUNT.search(page.text)
    if match:
        return Pagination("trs", int(match.group(1)), f"countPage = {match.group(1)}", feeds)
    links = [link.url for link, _ in links_of(page, hosts)]
    base = urlsplit(page.url).path
    wp = [int(m.group(2)) for u in links if (m := WP_PAGE.match(urlsplit(u).path))
          and listing_base(base) == m.group(1)]
    if wp:
        return Pagination("wordpress", max(wp), f"links to /page/N/ (up to {max(wp)})", feeds)
    numbered = numbered_pages(page.url, links)
    if numbered:
        base, ext, pages = numbered
        return Pagination("numbered", max(pages), f"links to {base.rsplit('/', 1)[-1]}_N.{ext} (up to {max(pages)})",
                          feeds, base=base, ext=ext)
    if _next_link(page):
        return Pagination("next_link", None, "a rel=next / next link", feeds)
    if feeds:
        return Pagination("none", None, "no pagination; the page links a feed", feeds)
    return Pagination("none", None, "no pagination found", [])


def listing_base(path: str) -> str:
    """The path /page/N/ hangs off: /news/ for /news/, /news/index.html or /news/page/3/."""
    match = WP_PAGE.match(path)
    if match:
        return match.group(1)
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def numbered_pages(url: str, links: list[str]) -> tuple[str, str, list[int]] | None:
    """(directory + name, extension, page numbers linked) of a <name>.html listing linking <name>_N.html pages.

    The name is the page's whole file name first (guangdongstories_7.html links guangdongstories_7_2.html),
    else without a trailing _N (latest_3.html is page 3 of latest.html)."""
    path = urlsplit(url).path
    match = re.match(r"^(.*/)([\w-]+)\.(s?html?)$", path)
    if not match:
        return None
    directory, stem, ext = match.groups()
    names = [stem] + ([re.sub(r"_\d+$", "", stem)] if re.search(r"_\d+$", stem) else [])
    for name in names:
        page = re.compile("^" + re.escape(directory + name) + r"_(\d+)\." + re.escape(ext) + "$")
        numbers = [int(m.group(1)) for u in links if (m := page.match(urlsplit(u).path))]
        if numbers:
            return directory + name, ext, numbers
    return None


def _page_number(url: str, kind: "Pagination") -> int:
    match = re.match("^" + re.escape(kind.base) + r"(?:_(\d+))?\.", urlsplit(url).path)
    return int(match.group(1)) if match and match.group(1) else 1


def feed_links(page: Page, hosts: list[str]) -> list[str]:
    sel = Selector(text=page.text) if not page.is_feed else None
    if sel is None:
        return []
    found = []
    for css in FEED_SELECTORS:
        for href in sel.css(css).getall():
            url = urljoin(page.url, href.strip())
            if host_of(url) in hosts and url not in found and "/comments/" not in url:
                found.append(url)
    return found[:1]


def _next_link(page: Page) -> str | None:
    sel = Selector(text=page.text)
    for css in NEXT_SELECTORS:
        href = sel.css(css).get()
        if href and href.strip():
            return urljoin(page.url, href.strip())
    for a in sel.css("a[href]"):
        text = clean_text(" ".join(a.css("::text").getall())).lower()
        if text in NEXT_TEXTS:
            return urljoin(page.url, a.attrib["href"].strip())
    return None


def next_listing_url(page: Page, kind: Pagination, hosts: list[str], index: int) -> str | None:
    """The URL of listing page `index + 1` (0-based `index` is the page given), as the crawler would page on."""
    if kind.kind == "trs":
        if kind.count is not None and index + 1 >= kind.count:
            return None
        match = TRS_CREATE.search(page.text)
        name, ext = (match.group(2), match.group(3)) if match else ("index", "html")
        return urljoin(page.url, f"{name}_{index + 1}.{ext}")
    if kind.kind == "wordpress":
        candidate = urljoin(page.url, f"{listing_base(urlsplit(page.url).path)}page/{index + 2}/")
        return candidate if candidate in {link.url for link, _ in links_of(page, hosts)} else None
    if kind.kind == "numbered":
        candidate = urljoin(page.url, f"{kind.base}_{_page_number(page.url, kind) + 1}.{kind.ext}")
        if candidate in {link.url for link, _ in links_of(page, hosts)}:
            return candidate
        return _next_link(page)
    if kind.kind == "next_link":
        return _next_link(page)
    return None


# -- listing selectors -----------------------------------------------------------------------------------------

def _stable_classes(element) -> list[str]:
    classes = [c for c in (element.get("class") or "").split() if c]
    return [c for c in classes if c.lower() not in STATE_CLASSES and not re.search(r"\d{3,}", c)
            and re.fullmatch(r"-?[_a-zA-Z][\w-]*", c)]


def _stable_id(element) -> str | None:
    ident = (element.get("id") or "").strip()
    if ident and re.fullmatch(r"[A-Za-z][\w-]*", ident) and not re.search(r"\d{3,}", ident):
        return ident
    return None


def simple_selector(element, with_id: bool = True) -> str:
    tag = element.tag if isinstance(element.tag, str) else "*"
    ident = _stable_id(element) if with_id else None
    if ident:
        return f"{tag}#{ident}"
    return tag + "".join(f".{c}" for c in _stable_classes(element))


def unique_selector(element, root, max_parts: int = 4) -> str | None:
    """A CSS selector matching this element and no other in `root`: its id, or its tag and classes, with those
    of its ancestors prepended until it is unique."""
    parts: list[str] = []
    node = element
    while node is not None and isinstance(node.tag, str) and len(parts) < max_parts:
        parts.insert(0, simple_selector(node))
        css = " ".join(parts)
        matches = compiled_xpath(css)(root)
        if len(matches) == 1 and matches[0] is element:
            return css
        if node.tag in ("body", "html"):
            break
        node = node.getparent()
    return None


def listing_selectors(listings: list[Page], shape: Shape) -> dict:
    """listing_item, listing_link and listing_date for the repeated block holding most article links.

    On each listing page, the block is the deepest element holding at least 70% of the page's own article links
    (those not repeated on every page, e.g. in a "most popular" sidebar); an item is the largest element inside
    it holding one article link. The selectors found are checked on every listing page, as the site spider
    reads them (the first article link of each item): the pair giving the most of each page's own links wins
    (at least 80%); the date selector is kept when it gives a date for 80% of the items of every page."""
    regex = re.compile(shape.pattern)
    wants = [[link for link in links if link.url not in shape.chrome] for links in shape.per_page]
    if not any(wants):
        wants = shape.per_page
    candidates: list[tuple[str, str, list]] = []
    # the pages with the most own links first: a block is clearer where it holds more links
    for page, want in sorted(zip(listings, wants), key=lambda pw: -len(pw[1])):
        if len(want) < 2 and any(len(w) >= 2 for w in wants):
            continue
        for found in _candidates(page, want, regex):
            if found[:2] not in [c[:2] for c in candidates]:
                candidates.append(found)
    best, best_cover = None, 0.0
    for item_css, link_css, items in candidates:
        covers = [_coverage(p, item_css, link_css, regex, want) for p, want in zip(listings, wants) if want]
        cover = min(covers) if covers else 0.0
        if cover > best_cover:
            best, best_cover = (item_css, link_css, items), cover
    if best is None or best_cover < 0.8:
        return {}
    result = {"listing_item": [best[0]], "listing_link": [best[1]]}
    date_css = _listing_date(listings, best[0], best[2])
    if date_css:
        result["listing_date"] = [date_css]
    return result


def _candidates(page: Page, want: list[Link], regex) -> list[tuple[str, str, list]]:
    """(item selector, link selector, item elements) for the block of this page holding most of `want`."""
    tree = page.tree()
    urls = {link.url for link in want}
    if tree is None or not urls:
        return []
    anchors = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        url = urldefrag(urljoin(page.url, href))[0]
        if href and url in urls:
            anchors.append((url, a))
    total = len({u for u, _ in anchors})
    holding: dict = defaultdict(set)
    for url, a in anchors:
        for ancestor in a.iterancestors():
            holding[ancestor].add(url)
    qualified = [e for e, found in holding.items() if len(found) >= 0.7 * total]
    if not qualified:
        return []
    container = max(qualified, key=lambda e: len(list(e.iterancestors())))
    items = []
    for url, a in anchors:
        if container not in set(a.iterancestors()):
            continue
        item = a
        for ancestor in a.iterancestors():
            if ancestor is container or len(holding[ancestor]) != 1:
                break
            item = ancestor
        if item not in items:
            items.append(item)
    if not items:
        return []
    tag = Counter(i.tag for i in items).most_common(1)[0][0]
    same = [i for i in items if i.tag == tag]
    common = set(_stable_classes(same[0]))
    for i in same[1:]:
        common &= set(_stable_classes(i))
    item_simple = tag + "".join(f".{c}" for c in [c for c in _stable_classes(same[0]) if c in common][:2])
    container_css = unique_selector(container, tree) or simple_selector(container)
    item_candidates = [f"{container_css} {item_simple}", item_simple if common else None, f"{container_css} {tag}"]
    # the link: the item's article link with the longest text (the headline, not the picture)
    in_item = [a for _, a in anchors if _inside(a, same[0])]
    a = max(in_item, key=lambda x: len(clean_text(x.text_content())))
    link_candidates = []
    parent = a.getparent()
    if parent is not None and parent is not same[0] and (_stable_classes(parent) or parent.tag in (
            "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b")):
        link_candidates.append(f"{simple_selector(parent, with_id=False)} a::attr(href)")
    link_candidates.append("a::attr(href)")
    return [(i, link, same) for i in dict.fromkeys(filter(None, item_candidates)) for link in link_candidates]


def _inside(element, ancestor) -> bool:
    return element is ancestor or ancestor in set(element.iterancestors())


def _coverage(page: Page, item_css: str, link_css: str, regex, expected: list[Link]) -> float:
    """The share of the page's article links the site spider would read with these selectors (the first article
    link of each item); 0 when the items also give many other links."""
    sel = Selector(text=page.text)
    found = set()
    for item in sel.css(item_css):
        for href in item.css(link_css).getall():
            url = urldefrag(urljoin(page.url, href.strip()))[0]
            if regex.search(urlsplit(url).path):
                found.add(url)
                break
    want = {link.url for link in expected}
    if not want or not found:
        return 0.0
    return len(want & found) / len(want)


def _listing_date(listings: list[Page], item_css: str, items: list) -> str | None:
    """A selector, relative to an item, of an element whose text (or datetime) is a date on 80% of the items of
    every listing page."""
    candidates: Counter = Counter()
    for item in items:
        for element in item.iter():
            if not isinstance(element.tag, str) or element.tag == "a":
                continue
            if element.tag == "time" and parse_date(element.get("datetime")):
                candidates[f"{simple_selector(element, with_id=False)}::attr(datetime)"] += 2
            if element is item:
                own = " ".join(clean_text(t) for t in [item.text] + [c.tail for c in item] if clean_text(t))
                if own and parse_date(own):
                    candidates["::text"] += 1
                continue
            text = clean_text(element.text_content())
            if text and len(text) <= MAX_DATE_CHARS and parse_date(text):
                candidates[f"{simple_selector(element, with_id=False)}::text"] += 1
    for css, _ in candidates.most_common():
        if all(_dates_read(p, item_css, css) >= 0.8 for p in listings):
            return css
    return None


def _dates_read(page: Page, item_css: str, date_css: str) -> float:
    sel = Selector(text=page.text)
    items = sel.css(item_css)
    if not items:
        return 0.0
    ok = 0
    for item in items:
        values = [v for v in item.css(date_css).getall() if v and v.strip()]
        ok += bool(values and parse_date(values[0]))
    return ok / len(items)


# -- article selectors -----------------------------------------------------------------------------------------

@dataclass
class Sample:
    """A fetched article with what its listing said about it."""
    page: Page
    listed_title: str = ""
    listed_date: str | None = None


def _norm(text: str) -> str:
    return clean_text(text).lower().rstrip(".… ")


LISTED_DATE = re.compile(r"[\[(【（]?\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\])】）]?")


def _title_matches(text: str, expected: str) -> bool:
    """The page's text is the listed title (a date printed inside the link aside; a title the listing cut short
    with "..." is a prefix)."""
    raw = clean_text(LISTED_DATE.sub(" ", expected or ""))
    truncated = raw.endswith(("...", "…"))
    text, expected = _norm(text), _norm(raw)
    if not text or not expected or len(text) > 3 * len(expected) + 20:
        return False
    if truncated:
        return len(expected) >= 10 and text.startswith(expected)
    return text == expected


def _expected_title(sample: Sample, tree) -> str:
    if sample.listed_title and len(sample.listed_title.split()) >= 2:
        return sample.listed_title
    title = clean_text(" ".join(tree.xpath("//title//text()")))
    return re.split(r"\s+[|—–-]\s+|_", title)[0] if title else ""


def article_selectors(samples: list[Sample]) -> tuple[dict, list[str]]:
    """(selectors, notes): title, published and body selectors for the sampled articles, and what was left to
    the layered extraction and why.

    A field gets a list of selectors read as the extractor reads them (the first that matches wins) that is
    right on every sample: one selector when one element holds the field on every page, two or three when the
    samples come in a few templates; none when no such list exists."""
    trees = [(s, s.page.tree()) for s in samples]
    trees = [(s, t) for s, t in trees if t is not None]
    notes: list[str] = []
    selectors: dict[str, list[str]] = {}
    if not trees:
        return selectors, ["no article page could be read: every field is left to the layered extraction"]
    # title: an element (or meta) holding the listed title
    right, check = [], []
    for s, tree in trees:
        expected = _expected_title(s, tree)
        found = [css for css in META_TITLE if _title_matches(_first_value(tree, css), expected)]
        for element in tree.iter(*TITLE_TAGS):
            if _title_matches(element.text_content(), expected):
                css = unique_selector(element, tree)
                if css and css not in found:
                    found.append(css)
        right.append(found)
        check.append(lambda css, tree=tree, expected=expected: _title_matches(_first_value(tree, css), expected))
    chosen = _first_match_cover(right, check, trees, visible_first=True)
    if chosen:
        selectors["title"] = chosen
    else:
        notes.append("title: no list of selectors gives the listed title on every sampled article (left to the "
                     "layered extraction)")
    # published: an element (or meta) holding the listed (or URL) date
    right, check = [], []
    for s, tree in trees:
        expected = s.listed_date or date_from_url(s.page.url)
        found = [css for css in META_DATE if _same_day(parse_date(_first_value(tree, css)), expected)]
        for element in tree.iter():
            if not isinstance(element.tag, str) or element.tag in ("html", "body", "head", "script", "style"):
                continue
            if element.tag == "time" and _same_day(parse_date(element.get("datetime")), expected):
                css = unique_selector(element, tree)
                if css:
                    found.append(f"{css}::attr(datetime)")
            text = clean_text(element.text_content())
            if text and len(text) <= MAX_DATE_CHARS and _same_day(parse_date(text), expected):
                if any(_same_day(parse_date(clean_text(c.text_content())), expected) for c in element
                       if isinstance(c.tag, str) and len(clean_text(c.text_content())) <= MAX_DATE_CHARS):
                    continue  # a child holds the date: take the smallest element
                css = unique_selector(element, tree)
                if css and css not in found:
                    found.append(css)
        right.append(found)
        check.append(lambda css, tree=tree, expected=expected: _same_day(parse_date(_first_value(tree, css)),
                                                                         expected))
    chosen = _first_match_cover(right, check, trees, visible_first=False)
    if chosen:
        selectors["published"] = chosen
    else:
        notes.append("published: no element holds the article's date on every sampled article (left to the "
                     "layered extraction, then the listing and URL date)")
    # body: the element holding the most paragraph text
    right, check = [], []
    for s, tree in trees:
        element = _densest(tree)
        css = unique_selector(element, tree) if element is not None else None
        right.append([css] if css else [])
        check.append(lambda css, tree=tree, element=element: _first_element(tree, css) is element)
    chosen = _first_match_cover(right, check, trees, visible_first=True)
    if chosen:
        selectors["body"] = chosen
    else:
        found = sorted({c for r in right for c in r})
        notes.append(f"body: the element holding the text differs between sampled articles ({', '.join(found)}): "
                     "left to the layered extraction")
    notes.append("byline, source, captions: not inferred (the layered extraction reads them)")
    return selectors, notes


MAX_SELECTORS = 3


def _first_match_cover(right: list[list[str]], check: list, trees, visible_first: bool) -> list[str]:
    """The shortest list (at most MAX_SELECTORS) of candidate selectors such that, on every page, the first one
    that matches there gives the right value. `right[i]`: the selectors right on page i; `check[i](css)`: whether
    css gives the right value on page i. A meta selector, when right everywhere, follows the visible one for a
    title and leads for a date."""
    def matches(css, i):
        return bool(_first_value(trees[i][1], css))

    chosen: list[str] = []
    remaining = set(range(len(right)))
    while remaining and len(chosen) < MAX_SELECTORS:
        options = []
        for css in dict.fromkeys(c for i in remaining for c in right[i]):
            covers = {i for i in remaining if css in right[i] or check[i](css)}
            wrong = any(matches(css, i) and not check[i](css) for i in remaining - covers)
            if covers and not wrong:
                options.append((len(covers), css, covers))
        if not options:
            return []
        best = max(options, key=lambda o: (o[0], css_rank(o[1], visible_first)))
        chosen.append(best[1])
        remaining -= best[2]
    if remaining:
        return []
    metas = [c for c in dict.fromkeys(c for r in right for c in r) if c.startswith("meta")
             and c not in chosen and all(check[i](c) for i in range(len(right)))]
    if metas:
        chosen = chosen + metas[:1] if visible_first else metas[:1] + [c for c in chosen if not c.startswith("meta")]
    return chosen


def css_rank(css: str, visible_first: bool) -> tuple:
    """Higher is preferred: visible elements (or meta, for dates), ids, fewer parts, shorter."""
    meta = css.startswith("meta")
    return ((not meta) if visible_first else meta, "#" in css, -css.count(" "), -len(css))


def _first_value(tree, css: str) -> str:
    nodes = compiled_xpath(css)(tree)
    for node in nodes:
        value = clean_text(node if isinstance(node, str) else node.text_content())
        if value:
            return value
    return ""


def _first_element(tree, css: str):
    for node in compiled_xpath(css)(tree):
        if not isinstance(node, str) and clean_text(node.text_content()):
            return node
    return None


def _same_day(found: str | None, expected: str | None) -> bool:
    return bool(found and expected and found[:10] == expected[:10])


def _densest(tree):
    """The element holding the most paragraph text directly (its own text, <p> children, <br>-split text)."""
    best, best_score = None, 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "head", "script", "style", "a", "p"):
            continue
        score = len(clean_text(element.text))
        for child in element:
            if isinstance(child.tag, str) and child.tag == "p":
                text = clean_text(child.text_content())
                score += len(text) if len(text) >= 20 else 0
            score += len(clean_text(child.tail))
        if score > best_score:
            best, best_score = element, score
    return best


def boilerplate_lines(bodies: list[list[str]], titles: list[str] = ()) -> list[str]:
    """Short lines that recur in the extracted text of several sampled articles (at least 2 and half of them)."""
    if len(bodies) < 2:
        return []
    counts = Counter()
    for paragraphs in bodies:
        for line in set(paragraphs):
            counts[line] += 1
    need = max(2, -(-len(bodies) // 2))
    return [line for line, n in counts.most_common() if n >= need and len(line) <= 120 and line not in titles]


# -- naming ----------------------------------------------------------------------------------------------------

GENERIC_LABELS = {"www", "en", "eng", "english", "gov", "cn", "com", "org", "net", "info", "edu", "news", "m"}


def site_key(url: str) -> str:
    """A config key from the host: english.guizhou.gov.cn -> guizhou; 127.0.0.1:8080 -> site-8080."""
    host = host_of(url)
    name, _, port = host.partition(":")
    if re.fullmatch(r"[\d.]+|localhost", name):
        return f"site-{port}" if port else "site"
    labels = [label for label in name.split(".") if label not in GENERIC_LABELS]
    key = re.sub(r"[^a-z0-9_-]", "-", (labels[0] if labels else name.split(".")[0]).lower())
    return key if re.match(r"[a-z]", key) else f"site-{key}"


def site_name(page: Page) -> str:
    sel = Selector(text=page.text)
    for css in ("meta[property='og:site_name']::attr(content)", "meta[name=SiteName]::attr(content)", "title::text"):
        value = clean_text(sel.css(css).get())
        if value:
            return value
    return host_of(page.url)


def language(page: Page) -> str:
    tree = page.tree()
    declared = (tree.get("lang") or "").split("-")[0].lower() if tree is not None else ""
    if declared:
        return declared
    text = clean_text(tree.text_content()) if tree is not None else ""
    return "zh" if len(re.findall(r"[\u4e00-\u9fff]", text)) > 0.3 * max(1, len(text)) else "en"
