"""The article selectors add-site proposes: title, date and body selectors as a first-match list (one per
template seen, at most three) right on every sampled article, else nothing (the layered extraction reads the
field); and boilerplate lines repeated across the sampled articles' extracted text."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipelines.normalise import clean_text, date_from_url, parse_date

from ..listing import Page
from .css import css_rank, first_element, first_value, unique_selector

META_TITLE = ("meta[name=ArticleTitle]::attr(content)", "meta[property='og:title']::attr(content)")
META_DATE = ("meta[name=PubDate]::attr(content)", "meta[property='article:published_time']::attr(content)",
             "meta[name=publishdate]::attr(content)", "meta[itemprop=datePublished]::attr(content)")
TITLE_TAGS = ("h1", "h2", "h3", "h4", "div", "span", "p", "td", "strong", "b", "header")
MAX_DATE_CHARS = 80


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
    for name, candidates, visible_first, why in FIELDS:
        right, check = candidates(trees)
        chosen = _first_match_cover(right, check, trees, visible_first=visible_first)
        if chosen:
            selectors[name] = chosen
        else:
            notes.append(why(right))
    notes.append("byline, source, captions: not inferred (the layered extraction reads them)")
    return selectors, notes


def _title_candidates(trees) -> tuple[list[list[str]], list]:
    """Per sample: the selectors (meta or element) holding the listed title, and a check of any selector."""
    right, check = [], []
    for s, tree in trees:
        expected = _expected_title(s, tree)
        found = [css for css in META_TITLE if _title_matches(first_value(tree, css), expected)]
        for element in tree.iter(*TITLE_TAGS):
            if _title_matches(element.text_content(), expected):
                css = unique_selector(element, tree)
                if css and css not in found:
                    found.append(css)
        right.append(found)
        check.append(lambda css, tree=tree, expected=expected: _title_matches(first_value(tree, css), expected))
    return right, check


def _date_candidates(trees) -> tuple[list[list[str]], list]:
    """Per sample: the selectors (meta, time element, smallest element) holding the listed (or URL) date."""
    right, check = [], []
    for s, tree in trees:
        expected = s.listed_date or date_from_url(s.page.url)
        found = [css for css in META_DATE if _same_day(parse_date(first_value(tree, css)), expected)]
        for element in tree.iter():
            if not isinstance(element.tag, str) or element.tag in ("html", "body", "head", "script", "style"):
                continue
            found += [css for css in _date_selectors(element, tree, expected) if css not in found]
        right.append(found)
        check.append(lambda css, tree=tree, expected=expected: _same_day(parse_date(first_value(tree, css)),
                                                                         expected))
    return right, check


def _date_selectors(element, tree, expected: str | None) -> list[str]:
    """Selectors for this element when it holds the expected date (its datetime, or its text when no child of
    it holds the date: the smallest element is taken)."""
    found = []
    if element.tag == "time" and _same_day(parse_date(element.get("datetime")), expected):
        css = unique_selector(element, tree)
        if css:
            found.append(f"{css}::attr(datetime)")
    text = clean_text(element.text_content())
    held = text and len(text) <= MAX_DATE_CHARS and _same_day(parse_date(text), expected)
    if held and not any(_same_day(parse_date(clean_text(c.text_content())), expected) for c in element
                        if isinstance(c.tag, str) and len(clean_text(c.text_content())) <= MAX_DATE_CHARS):
        css = unique_selector(element, tree)
        if css:
            found.append(css)
    return found


def _body_candidates(trees) -> tuple[list[list[str]], list]:
    """Per sample: the element holding the most paragraph text."""
    right, check = [], []
    for s, tree in trees:
        element = _densest(tree)
        css = unique_selector(element, tree) if element is not None else None
        right.append([css] if css else [])
        check.append(lambda css, tree=tree, element=element: first_element(tree, css) is element)
    return right, check


def _body_note(right: list[list[str]]) -> str:
    found = sorted({c for r in right for c in r})
    return (f"body: the element holding the text differs between sampled articles ({', '.join(found)}): "
            "left to the layered extraction")


FIELDS = (
    ("title", _title_candidates, True, lambda right: "title: no list of selectors gives the listed title on every "
     "sampled article (left to the layered extraction)"),
    ("published", _date_candidates, False, lambda right: "published: no element holds the article's date on every "
     "sampled article (left to the layered extraction, then the listing and URL date)"),
    ("body", _body_candidates, True, _body_note),
)
MAX_SELECTORS = 3


def _first_match_cover(right: list[list[str]], check: list, trees, visible_first: bool) -> list[str]:
    """The shortest list (at most MAX_SELECTORS) of candidate selectors such that, on every page, the first one
    that matches there gives the right value. `right[i]`: the selectors right on page i; `check[i](css)`: whether
    css gives the right value on page i. A meta selector, when right everywhere, follows the visible one for a
    title and leads for a date."""
    def matches(css, i):
        return bool(first_value(trees[i][1], css))

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

