"""Layered article extraction: HTML bytes + URL + site rules in, article fields out. Pure functions.

The body comes from the first layer that finds one (`layer`):
  1. `site`    - the site's own CSS selectors (config/sites.toml);
  2. `trs`     - the containers common to TRS-CMS government sites (#News_Body_Txt_A, TRS_Editor, TRS_UEDITOR,
                 trs_editor_view);
  3. `generic` - the page's densest paragraph container, else trafilatura (for a page of no configured site
                 pipelines/generic.py decides when).
Every other field is found on its own, from the first layer that has it (`field_layers` says which):
  `site` (the site's selectors), `cms` (TRS meta and ids, og/article meta), `text` (patterns of the page text
  around the article: "By NAME|Mar 23,2023", "Date: …", "Updated: …", "2020-04-03 Download Print Comment",
  end-of-article credit lines, a press conference's date in its title, the on-page headline), `generic`
  (trafilatura's metadata: <title>, htmldate), and for `published` also `listing` (the listing's date) and `url`.
In every layer captions are kept apart from the body only on evidence (pipelines/captions.py; on a page of no
configured site only caption markup and photo credits), credit lines (`This article is from …`, `Translator: …`,
`Chinese source: …`, `Editor: …`, `Source: …` in its many forms) leave the body for their fields, separator lines
are dropped, and `learned_lines` adds boilerplate lines to drop. Every block that leaves the body is recorded with
its rule (`removed`), and the completeness guard (pipelines/completeness.py) puts back any block of the body's
container lost for no named rule (`restored`).

A configured site's page whose body needed layer 2 or 3 is `fell_back`; fields that its selectors should have
given but a later layer gave are named in `warnings`, so a changed template shows in the crawl health report.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

from lxml import etree
from lxml import html as lxml_html

from . import boilerplate as bp
from . import fields as registry
from . import generic
from .captions import is_separator, take_captions
from .charset import decode
from .htmlparse import document, trafilatura
from .completeness import LEFT_OUT, Removal, conservative_reading, dropped_inside, guard, in_page_order
from .normalise import (clean_byline, clean_source, clean_text, clean_title, date_from_url, headline_date,
                        parse_date)
from .page_dates import date_from_headline, markup_date
from .rules import OTHER, Boilerplate, Site

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "tr",
              "td", "th", "section", "article", "figure", "figcaption", "pre", "header", "footer", "dl", "dt",
              "dd", "center", "br", "hr", "tbody", "thead", "main", "aside", "nav"}
INLINE_TAGS = {"font", "span", "strong", "b", "em", "i", "u", "sup", "sub", "small", "big", "strike", "s",
               "abbr", "cite", "q", "mark", "label", "br", "img"}
FIELDS = registry.READ  # the fields found one by one, layer by layer (pipelines/fields.py)
# CMS markers: what TRS-CMS pages (and WordPress/og metadata) carry whatever the template.
CMS = {
    "title": ("meta[name=ArticleTitle]::attr(content)", "#News_Body_Title::text", "meta[name=title]::attr(content)",
              "meta[property='og:title']::attr(content)"),
    "published": ("meta[name=PubDate]::attr(content)", "meta[name=pubdate]::attr(content)", "#News_Body_Time::text",
                  "meta[name=firstpublishedtime]::attr(content)",
                  "meta[property='article:published_time']::attr(content)",
                  "meta[name=PublishDate]::attr(content)", "meta[name=publishdate]::attr(content)"),
    "source": ("meta[name=ContentSource]::attr(content)", "#News_Body_source::text"),
    "byline": ("meta[name=Author]::attr(content)", "meta[name=author]::attr(content)"),
}
SITE_NAMES = ("meta[name=SiteName]::attr(content)", "meta[property='og:site_name']::attr(content)")
TRS_BODY = ("#News_Body_Txt_A", "div[class*=TRS_UEDITOR]", "div[class*=TRS_Editor]", ".trs_editor_view",
            "[class*=TRS_Editor]", "[class*=TRS_UEDITOR]")
HIDDEN = re.compile(r"display\s*:\s*none", re.I)
CAPTION_MAX = 300        # a line ending in a photo credit longer than this is text, not a caption
PHOTO_CREDIT = re.compile(r"^\(?\s*(Photos?|Photo provided|Image|图)\s*(/|by\b|provided\b|:|：|courtesy\b)", re.I)
ENDS_WITH_CREDIT = re.compile(
    r"\((?:Photos?|Image|iChongqing|Xinhua|CFP|IC|VCG|Hunan Daily|China Daily)\s*/[^()]{1,60}\)$"
    r"|\(Photos? (?:provided (?:to|by)|by|courtesy of|courtesy)[^()]{1,60}\)$", re.I)
# End-of-article credit lines: (field, pattern); the value is group 1 (may be empty).
CREDITS = (
    ("source", re.compile(r"^This (?:article|story|report) (?:is|was) (?:from|by|originally published by)\s*"
                          r"(?:the\s+)?(.*?)\s*(?:[\[(]?\s*(?:https?://)?www\.[^\s\])]*\s*[\])]?\s*)?\.?$", re.I)),
    ("translator", re.compile(r"^(?:Translators?|Translated by)\s*[:：]?\s*(.*)$", re.I)),
    ("chinese_source", re.compile(r"^Chinese source\s*[:：]\s*(.*)$", re.I)),
    ("editor", re.compile(r"^(?:Editors?|Edited by|Chief editor|Responsible editor|Executive editor)\s*[:：]\s*(.*)$"
                          r"|^Edited by\s+(.*)$", re.I)),
    # "Source: Shenzhen Daily", "Source:Shenzhen Daily", "Sources | …", "(Source: …)", "Article source: …", "From: …",
    # "来源：…", "Source: X | Updated: …" (the source only), "Reprinted from …", "Originally published in …"
    ("source", re.compile(r"^[(（]?\s*(?:(?:Article |News |Content )?Sources?|From|Via|来源|稿源|文章来源|Quelle)"
                          r"\s*[:：|]\s*(.+?)\s*(?=\s\||\|\s|\s{2}|\s(?:Updated|Date|Time|Writer|Author|"
                          r"Editor|Translator|Font|Published)\b\s*[:：]|[)）]?\.?$)", re.I)),
    ("source", re.compile(r"^(?:Reprinted|Republished|Reproduced) (?:from|with permission from)\s+(?:the\s+)?(.+?)\.?$"
                          r"|^Originally (?:published|appeared) (?:in|by|on)\s+(?:the\s+)?(.+?)\.?$", re.I)),
)
CREDIT_MAX = 160
LABELS = r"(?:Updated|Date|Time|Source|Editors?|Writer|Author|Reporter|Font|Size|Translators?|Chinese|Print|Share)\b"
NAME = rf"(?!{LABELS})[A-Z][\w'’.\-]*(?:\s+(?!{LABELS})[A-Z][\w'’.\-]*){{0,3}}"
NAMES = rf"{NAME}(?:\s*(?:,|&|\band\b)\s*{NAME})*"
DATE_TEXT = (r"(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"  # 2020-12-26, 2020/12/18, 2020年12月26日
             r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*(?:19|20)\d\d"           # July 15, 2024 / Mar 23,2023
             r"|\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d)"                   # 15 July 2015
             r"(?:,?\s+\d{1,2}:\d\d(?::\d\d)?)?")                             # 18:58[:20]
BYLINE_DATE = re.compile(rf"^By\s+({NAMES})\s*\|\s*({DATE_TEXT})$")
BYLINE_ONLY = re.compile(rf"^(?:By|Written by)\s+({NAMES})$")
BYLINE_LABEL = re.compile(rf"(?:^|\s|\|)(?:Writer|Author|Reporter|Written by)\s*[:：]\s*({NAMES})", re.I)
DATE_LABEL = re.compile(rf"(?:^|\s|\|)(?:Date|Updated|Update time|Time|Published|Publish(?:ed)? time|Release time|"
                        rf"Released|Posted|发布时间|日期|时间)\s*(?:on)?\s*[:：]\s*({DATE_TEXT})", re.I)
DATE_LINE = re.compile(rf"^({DATE_TEXT})(?:\s+(?:Download|Print|Comment|Share|Close|Font|A\+|A-|A)\b.*)?$")
DATE_AT_END = re.compile(rf"(?:^|\s)({DATE_TEXT})$")
SOURCE_LABEL = re.compile(r"(?:^|\s|\|)(?:Sources?|From|来源|稿源)\s*[:：]\s*(.+?)\s*(?=\||\s(?:Updated|Date|Time|Writer|"
                          r"Author|Editor|Font|Size|Published)\s*[:：]|\s{2}|\s(?:19|20)\d\d[-/.年]|$)", re.I)
TRANSLATOR_LABEL = re.compile(rf"(?:^|\s|\|)Translators?\s*[:：]\s*({NAMES})")
EDITOR_LABEL = re.compile(rf"(?:^|\s|\|)Editors?\s*[:：]\s*({NAMES})")
AGENCIES = re.compile(r"^(?:CGTN|Xinhua|China Daily|Chinadaily|CCTV|CNS|China News Service|People'?s Daily|"
                      r"Global Times|Hunan Daily|Guizhou Daily|Shenzhen Daily|Chongqing Daily|iChongqing|GDToday|"
                      r"Nanfang Daily|hunantoday|Hunan Today)(?:\.com)?(?:\.cn)?$", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_BODY_CHARS = 40
DENSE_MIN_CHARS = 200
GUARD = True  # the completeness guard; bench.extraction switches it off to measure what it costs
LINES_AROUND = 3  # the text layer reads the lines of the body container's ancestor this many levels up


class ExtractionError(Exception):
    """The page holds no article (empty, not HTML, no text)."""


@dataclass
class Article:
    title: str | None
    published: str | None
    byline: str | None
    source: str | None
    body: str
    captions: list[str]
    language: str | None
    layer: str
    fell_back: bool
    encoding: str
    warnings: list[str] = field(default_factory=list)
    translator: str | None = None
    editor: str | None = None
    field_layers: dict = field(default_factory=dict)  # field -> site | cms | text | generic | listing | url
    removed: list[dict] = field(default_factory=list)  # what left the body and why: {"rule", "text"}, page order
    restored: list[str] = field(default_factory=list)  # blocks the completeness guard put back (none lost: [])

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def fields(self) -> dict:
        return asdict(self)


def extract(body: bytes, url: str, site: Site, content_type: str | None = None,
            hints: dict | None = None, *, learned_lines: Iterable[str] | None = ()) -> Article:
    """Extract one article from a page. Raises ExtractionError when there is no article to be had.

    `learned_lines`: extra boilerplate lines to drop (e.g. lines learned from the site's own archive), on top of
    the site's and the defaults' boilerplate."""
    hints = hints or {}
    if not body or not body.strip():
        raise ExtractionError("empty body")
    text, encoding = decode(body, content_type)
    if "\x00" in text[:2048]:
        raise ExtractionError("binary content, not HTML")
    tree = parse(text)
    if tree is None:
        raise ExtractionError("no HTML content")
    boilerplate = site.boilerplate
    learned = frozenset(clean_text(line) for line in learned_lines or ()) - {""}
    if learned:
        boilerplate = boilerplate.merged(Boilerplate(lines=learned))
    names = _site_names(tree, site)
    sel = site.selectors
    # Fields from the site's selectors and the CMS markers, read before any block is removed (a site's
    # selector may point into a block its boilerplate removes, e.g. a credits box).
    found: dict[str, tuple[str, str]] = {}
    for name in FIELDS:
        value = _field(tree, name, sel.get(name, ()), names)
        if value:
            found[name] = (value, "site")
        elif name in CMS:
            value = _field(tree, name, CMS[name], names)
            if value:
                found[name] = (value, "cms")
    site_captions = tuple(sel.get("captions", ()))
    dropped = bp.remove_blocks(tree, boilerplate.remove)

    warnings: list[str] = []
    layers = (["site"] if sel.get("body") else []) + ["trs", "generic"]
    result = None
    for layer in layers:
        result = _body_layer(layer, tree, text, url, site, boilerplate, site_captions, learned)
        if result and result.paragraphs:
            break
        warnings.append(f"layer {layer} found no article")
        result = None
    if result is None:
        raise ExtractionError("no article text found by any extraction layer")

    _later_layers(found, result, tree, text, url, hints, names, site.key != OTHER)
    if "title" not in found:
        raise ExtractionError("no title found (the page has article text but no title)")

    paragraphs = result.paragraphs
    title = found["title"][0]
    removed = dropped_inside(dropped, result.container, _blocks) + result.removed
    while paragraphs and (paragraphs[0] == title or _metadata_line(paragraphs[0])):
        rule = "headline repeated above the text" if paragraphs[0] == title else "date line or byline above the text"
        removed.append(Removal(rule, paragraphs[0]))
        paragraphs = paragraphs[1:]  # the title repeated, a date or byline line above the text
    reference, fixed = _guarded(result, tree, paragraphs, removed, warnings) if GUARD else (result.reference, None)
    paragraphs, restored = fixed if fixed else (paragraphs, [])
    if not found.get("published"):
        warnings.append("no date found")
    elif found["published"][1] in ("listing", "url"):
        warnings.append("no date on the page; used the listing or URL date")
    field_layers = {name: layer for name, (_, layer) in found.items()}
    if result.captions:
        field_layers["captions"] = result.caption_layer
    fell = [f"{name} ({layer})" for name, layer in field_layers.items()
            if site.key != OTHER and sel.get(name) and layer != "site"]
    if fell:
        warnings.append("fields not from the site's selectors: " + ", ".join(fell))
    body_text = "\n\n".join(paragraphs)
    values = {name: found[name][0] if name in found else None for name in FIELDS}  # published_year: a layer only
    return Article(
        **values, body=body_text, captions=result.captions, language=_language(tree, body_text, site),
        layer=result.layer, fell_back=site.key != OTHER and result.layer != layers[0], encoding=encoding,
        warnings=[w for w in warnings if not w.startswith(f"layer {result.layer}")],
        field_layers=field_layers,
        removed=[r.as_dict() for r in in_page_order(removed, reference)], restored=restored,
    )


def _guarded(result: "_Body", tree, paragraphs: list[str], removed: list[Removal], warnings: list[str]):
    """The completeness guard (pipelines/completeness.py): (the blocks checked, None or (paragraphs with every
    block lost for no named reason put back, the blocks put back)). Checked against trafilatura's reading of a
    whole page, a long paragraph it left out between two it kept is recorded as a removal and the page flagged,
    but not put back: putting such paragraphs back cost the 181-page benchmark 0.007 of F1 and won no recall."""
    if result.container is not None:
        fixed, put_back = guard(result.reference, paragraphs, removed)
        if put_back:
            warnings.append(f"{len(put_back)} paragraph(s) put back that extraction had dropped for no named reason")
            return result.reference, (fixed, put_back)
        return result.reference, None
    reference = conservative_reading(tree, paragraphs)
    _, missed = guard(reference, paragraphs, removed)
    removed += [Removal(LEFT_OUT, text) for text in missed]
    if missed:
        warnings.append(f"{len(missed)} paragraph(s) between the article's own that the generic extractor left out "
                        "(recorded with the article, not put back)")
    return reference, None


def _later_layers(found: dict, result: "_Body", tree, text: str, url: str, hints: dict, names,
                  configured: bool = False) -> None:
    """Fill `found` (field -> (value, layer)) with what the site's selectors and the CMS markers did not give:
    the text layer (the on-page headline, the body's credit lines, patterns of the lines around the article, a
    press conference's date in its title), then the listing's date, then the generic metadata and the URL's date."""
    if "title" not in found:
        headline = _headline(tree, names)
        if headline:
            found["title"] = (headline, "text")
    text_values = dict(result.credits)
    if any(n not in found and n not in text_values for n in FIELDS):
        lines = _lines_around(result.container, tree, found.get("title", (None,))[0])
        for name, value in _text_fields(lines, found, names).items():
            text_values.setdefault(name, value)
    for name, value in text_values.items():
        if name not in found and value:
            found[name] = (value, "text")
    named = headline_date(found["title"][0]) if "title" in found else None
    if "published" not in found and named:
        date_from_headline(found, named, hints, url, result.container)
    if "published" not in found and hints.get("listed_published"):
        found["published"] = (hints["listed_published"], "listing")
    if "published" not in found and result.metadata is None and date_from_url(url):
        found["published"] = (date_from_url(url), "url")  # before asking trafilatura, whose htmldate reads it too
    if "title" not in found or "published" not in found or (result.metadata and "byline" not in found):
        meta = result.metadata if result.metadata is not None else _generic_metadata(text, url)
        guessed = parse_date(meta.get("date"))
        if guessed and configured and "published" not in found:
            guessed = markup_date(text, url)  # a configured site's page: no date from a number in its prose
        if guessed and named and (int(guessed[5:7]), int(guessed[8:10])) != named[:2]:
            guessed = None  # htmldate's guess contradicts the headline's own date: an unrelated number
        for name, value in (("title", clean_title(meta.get("title"), True, names)),
                            ("published", guessed),
                            ("byline", _byline(meta.get("author")))):
            if name not in found and value:
                found[name] = (value, "generic")
    if "published" not in found and date_from_url(url):
        found["published"] = (date_from_url(url), "url")


def parse(text: str) -> lxml_html.HtmlElement | None:
    try:
        tree = document(text)
    except (etree.ParserError, ValueError):
        return None
    for element in tree.xpath("//script|//style|//noscript|//comment()"):
        if element.getparent() is not None:
            element.drop_tree() if hasattr(element, "drop_tree") else element.getparent().remove(element)
    return tree


def first(tree, selectors, clean=clean_text) -> str | None:
    """The first non-empty value any of the CSS selectors yields (text of all matched nodes joined)."""
    for css in selectors:
        nodes = bp.compiled_xpath(css)(tree)
        if not nodes:
            continue
        values = [n if isinstance(n, str) else n.text_content() for n in nodes]
        value = clean(" ".join(v for v in values if v and v.strip()))
        if value:
            return value
    return None


# -- fields ------------------------------------------------------------------------------------------------

def _field(tree, name: str, selectors, names: tuple[str, ...]) -> str | None:
    if not selectors:
        return None
    cleaner = registry.BY_NAME[name].cleaner or ""  # every field of FIELDS names one (tests/test_fields.py)
    if cleaner == "title":
        return first(tree, selectors, lambda t: clean_title(t, False, names))
    if cleaner == "date":
        return _date(tree, selectors)
    return first(tree, selectors, CLEANERS[cleaner])


def _site_names(tree, site: Site) -> tuple[str, ...]:
    """What the site calls itself: the configured name, SiteName/og:site_name, the host's own label."""
    names = [site.name] if site.key != OTHER else []
    names += [n for n in (first(tree, (css,)) for css in SITE_NAMES) if n]
    for host in site.hosts:
        label = host.split(".")[-3] if host.count(".") >= 2 else host.split(".")[0]
        names.append(label)
    return tuple(names)


def _byline(text: str | None) -> str | None:
    value = clean_byline(text)
    return None if value and AGENCIES.match(value) else value


def _person(text: str | None) -> str | None:
    value = clean_byline(text)
    return value or None


def _date(tree, selectors) -> str | None:
    for css in selectors:
        value = parse_date(first(tree, (css,)))
        if value:
            return value
    return None


# How a field's value is cleaned, by the `cleaner` its registry entry names (pipelines/fields.py); `title` and
# `date` are read by _field itself (a title needs the site's names, a date is tried selector by selector).
CLEANERS = {"source": clean_source, "byline": _byline, "person": _person}
READERS = ("title", "date", *CLEANERS)


def _generic_metadata(text: str, url: str) -> dict:
    """trafilatura's metadata (title from <title>/og, date by htmldate, author), asked only when needed."""
    from trafilatura.metadata import extract_metadata  # the import costs ~0.3 s per process
    trafilatura()  # the deep-page parser set before it parses

    try:
        meta = extract_metadata(text, default_url=url)
    except Exception:  # noqa: BLE001 - trafilatura's metadata is a last resort and must not fail a page
        return {}
    if meta is None:
        return {}
    data = meta if isinstance(meta, dict) else meta.as_dict()
    return {k: data.get(k) for k in ("title", "date", "author")}


def _lines_around(container, tree, title: str | None) -> list[str]:
    """The text lines of the page near the article: the body container's ancestor LINES_AROUND levels up, or
    higher until it holds the title (the whole page when there is no container)."""
    region = container
    if region is None:
        region = tree.find("body") if tree.find("body") is not None else tree
    else:
        for level in range(LINES_AROUND + 5):
            parent = region.getparent()
            if parent is None or region.tag in ("body", "html") or parent.tag == "html":
                break
            if level >= LINES_AROUND and (not title or title in clean_text(region.text_content())):
                break
            region = parent
    return _blocks(region, visible_only=True, skip=container)


def _text_fields(lines: list[str], found: dict, names: tuple[str, ...]) -> dict:
    """Fields read from the page's text lines by pattern."""
    values: dict[str, str | None] = {}
    title = found.get("title", (None,))[0]
    after_title = title is None
    for line in lines:
        if len(line) > 200:
            continue
        if title and not after_title and (line == title or title in line):
            after_title = True
            continue
        match = BYLINE_DATE.match(line)
        if match:
            _set_byline(values, match.group(1))
            values.setdefault("published", parse_date(match.group(2)))
            continue
        match = BYLINE_ONLY.match(line)
        if match:
            _set_byline(values, match.group(1))
            continue
        if "|" in line:  # "By NAME | chinadaily.com.cn | Updated: …": each part on its own
            for segment in (clean_text(part) for part in line.split("|")):
                match = BYLINE_ONLY.match(segment)
                if match:
                    _set_byline(values, match.group(1))
                elif AGENCIES.match(segment):
                    values.setdefault("source", segment)
        for name, pattern in (("byline", BYLINE_LABEL), ("translator", TRANSLATOR_LABEL),
                              ("editor", EDITOR_LABEL)):
            match = pattern.search(line)
            if match and name == "byline":
                _set_byline(values, match.group(1))
            elif match:
                values.setdefault(name, clean_text(match.group(1)))
        match = DATE_LABEL.search(line)
        if match and parse_date(match.group(1)):
            values.setdefault("published", parse_date(match.group(1)))
        elif after_title:
            match = DATE_LINE.match(line) or (DATE_AT_END.search(line) if len(line) <= 100 else None)
            if match and parse_date(match.group(1)):
                values.setdefault("published", parse_date(match.group(1)))
        match = SOURCE_LABEL.search(line)
        if match and _plausible_source(match.group(1)):
            values.setdefault("source", clean_source(match.group(1)))
        credit = _credit(line)
        if credit and credit[1]:
            key = "source" if credit[0] == "chinese_source" else credit[0]
            values.setdefault(key, credit[1])
    return {k: v for k, v in values.items() if v}


def _headline(tree, names: tuple[str, ...]) -> str | None:
    """The on-page headline: the first h1-h3 that the page's <title> names (the <title> holds it, or it holds
    the <title> without its site suffix); with no <title>, the page's only h1."""
    page_title = clean_text(first(tree, ("title::text",)))
    stripped = clean_title(page_title, True, names) if page_title else None
    for heading in tree.iter("h1", "h2", "h3"):
        text = clean_text(heading.text_content())
        if len(text) < 8:
            continue
        if not page_title:
            h1s = tree.findall(".//h1")
            return text if heading.tag == "h1" and len(h1s) == 1 else None
        if text in page_title or (stripped and len(stripped) >= 8 and stripped in text):
            return clean_title(text, False, names)
    if not page_title:
        return None
    body = tree.find("body")
    for element in (body if body is not None else tree).iter("div", "p", "td", "span", "strong", "b", "font", "h4"):
        text = clean_text(element.text_content())
        if 8 <= len(text) <= 300 and (text == stripped or (page_title.startswith(text) and len(text) >= 0.5 * len(
                stripped or page_title))):
            return clean_title(text, False, names)
    return None


def _metadata_line(line: str) -> bool:
    """A line that only says when, by whom or from where (a date line, a byline, "Source: …")."""
    if len(line) > 100:
        return False
    return bool(DATE_LINE.match(line) or BYLINE_DATE.match(line) or BYLINE_ONLY.match(line)
                or DATE_LABEL.match(line) or (SOURCE_LABEL.match(line) and len(line) <= 60))


def _plausible_source(text: str) -> bool:
    """A source is a name: not empty, not a date, not a sentence."""
    value = clean_source(text)
    if not value:
        return False
    return len(value) <= 80 and not re.match(rf"^{DATE_TEXT}", value) and not value.endswith(":")


def _set_byline(values: dict, names: str) -> None:
    names = clean_text(names)
    if AGENCIES.match(names):
        values.setdefault("source", names)
    else:
        values.setdefault("byline", names)


def _credit(line: str) -> tuple[str, str | None] | None:
    if len(line) > CREDIT_MAX:
        return None
    for name, pattern in CREDITS:
        match = pattern.match(line)
        if match:
            value = clean_text(next((g for g in match.groups() if g is not None), "")).strip(" .;,")
            if value and name in ("source", "chinese_source") and not _plausible_source(value):
                return None
            return name, value or None
    return None


# -- the body -------------------------------------------------------------------------------------------------

@dataclass
class _Body:
    layer: str
    container: object
    paragraphs: list[str]
    captions: list[str]
    caption_layer: str = "text"
    credits: dict = field(default_factory=dict)
    metadata: dict | None = None
    removed: list = field(default_factory=list)    # Removal of each block taken out, with its rule
    reference: list = field(default_factory=list)  # the container's text blocks before anything was taken out


def _body_layer(layer, tree, text, url, site: Site, boilerplate: Boilerplate, site_captions,
                learned: frozenset = frozenset()) -> _Body | None:
    removed: list[Removal] = []
    unknown = layer == "generic" and site.key == OTHER  # a page of no configured site (pipelines/generic.py)
    if layer == "site":
        container = _first_element(tree, site.selectors.get("body", ()))
    elif layer == "trs":
        container = _first_element(tree, TRS_BODY)
    else:
        container = generic.densest(tree, _densest) if unknown else _densest(tree)
    if container is None:
        return _trafilatura(tree, text, url, boilerplate, learned) if layer == "generic" else None
    reference = _blocks(container)  # what the completeness guard checks the body against
    if layer == "generic":
        removed += _drop_link_lists(container)
    found, caption_layer = take_captions(container, site_captions, markup_only=unknown)
    removed += [Removal(rule, caption) for rule, caption in found]
    captions = [caption for _, caption in found]
    blocks = _blocks(container) if removed else reference  # nothing taken out of the tree: the same blocks
    paragraphs, credits, dropped = _paragraphs(blocks, captions, boilerplate, learned)
    if layer == "generic" and not generic.enough(paragraphs, unknown):
        # the densest reading failed: trafilatura reads a fresh tree (captions and link lists left this one)
        fresh = parse(text)
        if fresh is None:
            return None
        bp.remove_blocks(fresh, boilerplate.remove)
        return _trafilatura(fresh, text, url, boilerplate, learned)
    return _Body(layer, container, paragraphs, captions, caption_layer, credits, None, removed + dropped, reference)


def _trafilatura(tree, text: str, url: str, boilerplate: Boilerplate, learned: frozenset = frozenset()) -> _Body | None:
    doc = trafilatura().bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True, deduplicate=False)
    if doc is None:
        return None
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    lines = [clean_text(line) for line in (doc.get("text") or "").split("\n")]
    # captions by the page's markup (centred, next to an image, figcaption) that trafilatura kept as text
    body = tree.find("body")
    marked = {caption: rule for rule, caption in take_captions(body if body is not None else tree, (),
                                                                markup_only=True)[0]}
    captions: list[str] = [line for line in lines if line in marked]
    removed = [Removal(marked[line], line) for line in captions]
    paragraphs, credits, dropped = _paragraphs([line for line in lines if line not in marked], captions,
                                               boilerplate, learned)
    if not paragraphs:
        return None
    return _Body("generic", None, paragraphs, captions, "text", credits,
                 {k: doc.get(k) for k in ("title", "date", "author")}, removed + dropped)


def _first_element(tree, selectors):
    for css in selectors:
        for element in bp.compiled_xpath(css)(tree):
            if isinstance(element, lxml_html.HtmlElement) and element.text_content().strip():
                return element
    return None


def _densest(tree):
    """The element holding the most paragraph text of its own (text in <p>, inline markup and text between
    <br>s, not in links or nested blocks); an element whose paragraphs sit one level down in their own
    blocks gets half of theirs. None when no element holds DENSE_MIN_CHARS."""
    own: dict = {}
    body = tree.find("body")
    for element in (body if body is not None else tree).iter():
        if not isinstance(element.tag, str) or element.tag in ("a", "head", "title", "select", "option"):
            continue
        score = len((element.text or "").strip())
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("p", "center") or tag in INLINE_TAGS:
                score += len(child.text_content().strip()) - sum(len(a.text_content()) for a in child.iter("a"))
            score += len((child.tail or "").strip())
        if score:
            own[element] = score
    best, best_score = None, 0.0
    for element, score in own.items():
        total = score + 0.5 * sum(own.get(child, 0) for child in element)
        if total > best_score:
            best, best_score = element, total
    return best if best_score >= DENSE_MIN_CHARS else None


def _drop_link_lists(container) -> list[Removal]:
    """Remove lists and boxes inside the container that are (almost) only links: share bars, related news."""
    removed = []
    for element in list(container.iter("ul", "ol", "div", "table", "section")):
        if element is container or element.getparent() is None:
            continue
        text = len(clean_text(element.text_content()))
        links = sum(len(clean_text(a.text_content())) for a in element.iter("a"))
        if text and links >= 0.8 * text:
            removed += [Removal("related-links box (a list that is almost only links)", t) for t in _blocks(element)]
            element.drop_tree()
    return removed


def _paragraphs(blocks: Iterable[str], captions: list[str], boilerplate: Boilerplate,
                learned: frozenset = frozenset()) -> tuple[list[str], dict, list[Removal]]:
    """Body paragraphs from text blocks: boilerplate lines and separators dropped, repeats dropped, photo credits
    to captions, end-of-article credit lines to their fields; and a Removal for each line taken out. No
    paragraphs when what is left is too short to be an article."""
    removed: list[Removal] = []
    lines = _dedupe([t for t in (clean_text(b) for b in blocks) if t], removed)
    # Credit lines first, from the end (some sites' boilerplate also names them, e.g. "^Translator:"),
    # skipping the boilerplate that follows them (footers).
    credits: dict[str, str] = {}
    while lines:
        credit = _credit(lines[-1])
        why = None if credit else bp.reason(lines[-1], boilerplate, learned)
        if credit is None and why is None:
            break
        line = lines.pop()
        removed.append(Removal(why or f"credit line ({credit[0].replace('_', ' ') if credit else ''})", line))
        if credit and credit[1]:
            credits[credit[0]] = credit[1]  # popped from the end: the first line of a kind wins
    result = []
    for line in lines:
        why = bp.reason(line, boilerplate, learned) or ("separator line" if is_separator(line) else None)
        if why:
            removed.append(Removal(why, line))
            credit = _credit(line)  # a source line the site's boilerplate drops still names the source
            if credit and credit[1]:
                credits.setdefault(credit[0], credit[1])
        elif line in captions:
            continue
        elif PHOTO_CREDIT.match(line) or (len(line) <= CAPTION_MAX and ENDS_WITH_CREDIT.search(line)):
            captions.append(line)
            removed.append(Removal("caption (photo credit)", line))
        else:
            result.append(line)
    if "source" not in credits and credits.get("chinese_source"):
        credits["source"] = credits["chinese_source"]
    credits.pop("chinese_source", None)
    if sum(len(p) for p in result) < MIN_BODY_CHARS:
        return [], credits, removed
    return result, credits, removed


def _blocks(element, visible_only: bool = False, skip=None) -> list[str]:
    """Text of an element split into paragraphs at block elements and <br> (without elements hidden by an
    inline `display:none` when `visible_only`)."""
    out: list[str] = []
    current: list[str] = []

    def flush():
        text = clean_text("".join(current))
        if text:
            out.append(text)
        current.clear()

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if node is skip and node is not element:
            flush()
            return
        if visible_only and tag and HIDDEN.search(node.get("style") or ""):
            return
        block = tag.lower() in BLOCK_TAGS
        if block:
            flush()
        elif visible_only:
            current.append(" ")  # lines for patterns: "<span>Source: X</span><span>Writer: Y</span>" apart
        if tag and node.text:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()
        elif visible_only:
            current.append(" ")

    walk(element)
    flush()
    return out


def _dedupe(lines: list[str], removed: list[Removal]) -> list[str]:
    """Drop a paragraph repeated immediately after itself (pages that print a caption or line twice)."""
    result: list[str] = []
    for line in lines:
        if not result or result[-1] != line:
            result.append(line)
        else:
            removed.append(Removal("repeated line (the same line twice in a row)", line))
    return result


def _language(tree, body: str, site: Site) -> str | None:
    if body and len(CJK.findall(body)) > 0.3 * len(body):
        return "zh"
    declared = (tree.get("lang") or "").split("-")[0].lower() or None
    return site.language or declared or "en"
