"""The listing selectors add-site proposes: listing_item, listing_link and listing_date for the repeated block
holding most article links, checked on every listing page as the site spider reads them (crawler/listing.py)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urldefrag, urljoin, urlsplit

from pipelines.normalise import clean_text, parse_date

from ..listing import Page, entries, item_date
from .css import simple_selector, stable_classes, unique_selector
from .links import Link
from .shape import Shape

MAX_DATE_CHARS = 80


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
    common = set(stable_classes(same[0]))
    for i in same[1:]:
        common &= set(stable_classes(i))
    item_simple = tag + "".join(f".{c}" for c in [c for c in stable_classes(same[0]) if c in common][:2])
    container_css = unique_selector(container, tree) or simple_selector(container)
    item_candidates = [f"{container_css} {item_simple}", item_simple if common else None, f"{container_css} {tag}"]
    # the link: the item's article link with the longest text (the headline, not the picture)
    in_item = [a for _, a in anchors if _inside(a, same[0])]
    a = max(in_item, key=lambda x: len(clean_text(x.text_content())))
    link_candidates = []
    parent = a.getparent()
    if parent is not None and parent is not same[0] and (stable_classes(parent) or parent.tag in (
            "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b")):
        link_candidates.append(f"{simple_selector(parent, with_id=False)} a::attr(href)")
    link_candidates.append("a::attr(href)")
    return [(i, link, same) for i in dict.fromkeys(filter(None, item_candidates)) for link in link_candidates]


def _inside(element, ancestor) -> bool:
    return element is ancestor or ancestor in set(element.iterancestors())


def _coverage(page: Page, item_css: str, link_css: str, regex, expected: list[Link]) -> float:
    """The share of the page's article links the site spider reads with these selectors (crawler/listing.py's
    `entries`: the first article link of each item); 0 when the items give none."""
    def wanted(url: str) -> bool:
        return bool(regex.search(urlsplit(url).path))

    found, fell_back = entries(page, {"listing_item": [item_css], "listing_link": [link_css]}, wanted)
    want = {link.url for link in expected}
    if not want or not found or fell_back:
        return 0.0
    return len(want & {e.url for e in found}) / len(want)


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
    """The share of the page's items whose date the crawler reads with this selector (crawler/listing.py)."""
    items = page.sel.css(item_css)
    if not items:
        return 0.0
    return sum(1 for item in items if item_date(item, [date_css])) / len(items)

