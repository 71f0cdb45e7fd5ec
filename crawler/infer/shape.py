"""The article URL pattern of a listing: the most common shape among its links, generalised into a regex.

Date parts become `\\d{4}`, `\\d{2}`…, ids `\\d+`, varying slugs `[^/]+`. Links present on every listing page
(menus, sidebars) do not vote; shapes differing only by leading path words, or ending in the same distinctive
file name (`t#_#.html`, `c_#.htm`), become one pattern; one- or two-word links beside headlines are not articles.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..listing import WP_PAGE, Page
from .links import Link, NotAListing, host_of, links_of, same_domain

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}$", re.IGNORECASE)
Group = tuple[tuple, dict[str, Link]]  # (path skeleton, links of that skeleton by URL)


@dataclass
class Shape:
    pattern: str
    links: list[Link]  # article links of the start page in page order, each once
    per_page: list[list[Link]]  # the same for every listing page
    examples: list[str]
    rejected_navigation: int = 0  # links present on every listing page, not of the article shape
    chrome: set = field(default_factory=set)  # links present on every listing page (sidebars, menus)
    hosts: list[str] = field(default_factory=list)  # the hosts the article links were found on


def _segment_class(segment: str) -> str:
    if SLUG.match(segment) and re.search(r"[a-z]{2}", segment, re.IGNORECASE):
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
    chrome = _chrome(per_page)
    listing_urls = {p.url for p in listings}
    groups = _grouped(per_page, chrome | listing_urls)
    if not groups or not _enough(max(groups.items(), key=_score)):
        groups = _grouped(per_page, listing_urls)
    best = max(groups.items(), key=_score) if groups else None
    if best is None or not _enough(best):
        found = len(best[1]) if best and _score(best) else 0
        raise NotAListing(f"no article links found (no link shape occurs 3 times among headline links; best: {found})")
    family = _family(groups, best)
    members = _members(family)
    pattern = _pattern(members)
    shaped = _shaped(per_page, re.compile(pattern))
    return Shape(pattern=pattern, links=shaped[0], per_page=shaped, examples=[link.url for link in members][:3],
                 rejected_navigation=len(chrome - set().union(*[set(v) for v in family.values()])), chrome=chrome)


def _chrome(per_page: list[list[tuple[Link, object]]]) -> set[str]:
    """Links present on every listing page, when there are several."""
    seen_on: Counter = Counter()
    for links in per_page:
        for url in {link.url for link, _ in links}:
            seen_on[url] += 1
    return {u for u, n in seen_on.items() if len(per_page) > 1 and n == len(per_page)}


def _grouped(per_page, exclude: set) -> dict[tuple, dict[str, Link]]:
    """The pages' links by path skeleton (the longest anchor text of each URL), leaving out `exclude`, queries,
    the root, /page/N/ and feeds."""
    groups: dict[tuple, dict[str, Link]] = defaultdict(dict)
    for links in per_page:
        for link, _ in links:
            if link.url in exclude:
                continue
            path = urlsplit(link.url).path or "/"
            if urlsplit(link.url).query or path == "/" or WP_PAGE.match(path) or _is_feed_path(path):
                continue
            entry = groups[skeleton(path)].setdefault(link.url, link)
            if len(link.text) > len(entry.text):
                groups[skeleton(path)][link.url] = link
    return groups


def _headline(links: dict[str, Link]) -> float:
    return sum(len(link.text.split()) >= 3 for link in links.values()) / len(links)


def _marked(key: tuple) -> bool:
    return any("#" in c or c == "<slug>" for c in key)


def _score(item: Group) -> float:
    key, links = item
    if not _marked(key) and _headline(links) < 0.5:
        return 0.0  # /about/, /ara/, /esp/: menus, not articles
    return len(links) * (0.25 + _headline(links)) * (1.5 if _marked(key) else 1.0)


def _enough(item: Group) -> bool:
    """3 links of the shape, or fewer when they carry ids or dates and every one reads as a headline."""
    key, links = item
    return _score(item) > 0 and (len(links) >= 3 or _marked(key) and _headline(links) == 1.0)


def _family(groups: dict[tuple, dict[str, Link]], best: Group) -> dict[tuple, dict[str, Link]]:
    """The best shape with the shapes differing only by leading words or sharing its distinctive file name."""
    key, links = best
    last = _last(key)
    return {k: v for k, v in groups.items()
            if _marked(_tail(key)) and (_tail(k) == _tail(key) or last and _last(k) == last)} or {key: links}


def _members(family: dict[tuple, dict[str, Link]]) -> list[Link]:
    members = [link for v in family.values() for link in v.values()]
    if any(len(link.text.split()) >= 4 for link in members):
        # headlines beside one- or two-word links of the same shape (a spokesperson's photo page, "Mao Ning"):
        # the short ones are not articles
        members = [link for link in members if len(link.text.split()) >= 3 or not link.text]
    return members


def _pattern(members: list[Link]) -> str:
    by_tail: dict[tuple, list[str]] = defaultdict(list)
    for link in members:
        path = urlsplit(link.url).path
        by_tail[_tail(skeleton(path))].append(path)
    return "|".join(_family_regex(paths) for paths in sorted(by_tail.values(), key=len, reverse=True))


def _shaped(per_page, regex) -> list[list[Link]]:
    """Each page's links matching the pattern, in page order, each once (with its longest anchor text)."""
    shaped = []
    for page_links in per_page:
        ordered: dict[str, Link] = {}
        for link, _ in page_links:
            longer = link.url not in ordered or len(link.text) > len(ordered[link.url].text)
            if longer and regex.search(urlsplit(link.url).path):
                ordered[link.url] = link
        shaped.append(list(ordered.values()))
    return shaped


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
    return last if "#" in last and re.search(r"[a-z]", last, re.IGNORECASE) and not last.startswith("<") else None


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

