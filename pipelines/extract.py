"""Layered article extraction: HTML bytes + URL + site config in, article fields out.

Layers, first that succeeds wins:
  1. `site`    - the site's own CSS selectors from config/sites.toml;
  2. `trs`     - the markers common to TRS-CMS government sites (ArticleTitle/PubDate meta, #News_Body_*,
                 TRS_Editor / TRS_UEDITOR / trs_editor_view containers);
  3. `generic` - trafilatura, for any other page.
A configured site's page that needed layer 2 or 3 is reported as `fell_back`, so a changed template shows
up in the crawl health report instead of as silently empty records. Pure functions: no Scrapy, no SQLite.
"""
from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass, field

from lxml import etree
from lxml import html as lxml_html

from .rules import OTHER, Site

from . import boilerplate as bp
from .charset import decode
from .normalise import (clean_byline, clean_source, clean_text, clean_title, date_from_url, parse_date)

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "tr",
              "td", "th", "section", "article", "figure", "figcaption", "pre", "header", "footer", "dl", "dt",
              "dd", "center", "br", "hr", "tbody", "thead", "main", "aside"}
TRS_TITLE = ("meta[name=ArticleTitle]::attr(content)", "#News_Body_Title::text", "meta[name=title]::attr(content)")
TRS_DATE = ("meta[name=PubDate]::attr(content)", "meta[name=pubdate]::attr(content)", "#News_Body_Time::text",
            "meta[name=firstpublishedtime]::attr(content)")
TRS_SOURCE = ("meta[name=ContentSource]::attr(content)", "#News_Body_source::text")
TRS_BYLINE = ("meta[name=Author]::attr(content)", "meta[name=author]::attr(content)")
TRS_BODY = ("#News_Body_Txt_A", "div[class*=TRS_UEDITOR]", "div[class*=TRS_Editor]", ".trs_editor_view",
            "[class*=TRS_Editor]", "[class*=TRS_UEDITOR]")
GENERIC_CAPTIONS = ("figcaption", "[class*=caption]", "p:has(img)")
PHOTO_CREDIT = re.compile(r"^\(?\s*(Photos?|Photo provided|Image|图)\s*(/|by\b|provided\b|:|：|courtesy\b)", re.I)
CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_BODY_CHARS = 40


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

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def fields(self) -> dict:
        return asdict(self)


def extract(body: bytes, url: str, site: Site, content_type: str | None = None,
            hints: dict | None = None) -> Article:
    """Extract one article from a page. Raises ExtractionError when there is no article to be had."""
    hints = hints or {}
    if not body or not body.strip():
        raise ExtractionError("empty body")
    text, encoding = decode(body, content_type)
    if "\x00" in text[:2048]:
        raise ExtractionError("binary content, not HTML")
    tree = parse(text)
    if tree is None:
        raise ExtractionError("no HTML content")
    cleaned = copy.deepcopy(tree)
    bp.remove_blocks(cleaned, site.boilerplate.remove)
    warnings: list[str] = []
    result = None
    layers = []
    if site.selectors.get("body"):
        layers.append(("site", _site_layer))
    layers += [("trs", _trs_layer), ("generic", _generic_layer)]
    untitled = False
    for name, layer in layers:
        result = layer(tree, cleaned, text, url, site)
        if result and result["paragraphs"] and result["paragraphs"][0] == result["title"]:
            result["paragraphs"] = result["paragraphs"][1:]  # the title repeated as the body's first line
        if result and result["paragraphs"] and result["title"]:
            break
        untitled = untitled or bool(result and result["paragraphs"])
        warnings.append(f"layer {name} found no article")
        result = None
    if result is None:
        if untitled:
            raise ExtractionError("no title found (the page has article text but no title)")
        raise ExtractionError("no article text found by any extraction layer")
    published = result.get("published") or hints.get("listed_published") or date_from_url(url)
    if not result.get("published"):
        warnings.append("no date on the page; used the listing or URL date" if published else "no date found")
    body_text = "\n\n".join(result["paragraphs"])
    return Article(
        title=result["title"], published=published, byline=result.get("byline"), source=result.get("source"),
        body=body_text, captions=result["captions"], language=_language(tree, body_text, site),
        layer=name, fell_back=site.key != OTHER and name != layers[0][0], encoding=encoding,
        warnings=[w for w in warnings if not w.startswith(f"layer {name}")],
    )


def parse(text: str) -> lxml_html.HtmlElement | None:
    try:
        tree = lxml_html.document_fromstring(text)
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


def _site_layer(tree, cleaned, text, url, site: Site) -> dict | None:
    sel = site.selectors
    container = _first_element(cleaned, sel.get("body", ()))
    if container is None:
        return None
    captions = _captions(container, tuple(sel.get("captions", ())) + GENERIC_CAPTIONS)
    return {
        "title": first(tree, sel.get("title", ()), lambda t: clean_title(t)) or first(tree, TRS_TITLE),
        "published": _date(tree, sel.get("published", ())) or _date(tree, TRS_DATE),
        "byline": first(tree, sel.get("byline", ()), clean_byline),
        "source": first(tree, sel.get("source", ()), clean_source),
        "paragraphs": _paragraphs(container, captions, site),
        "captions": captions,
    }


def _trs_layer(tree, cleaned, text, url, site: Site) -> dict | None:
    container = _first_element(cleaned, TRS_BODY)
    if container is None:
        return None
    captions = _captions(container, GENERIC_CAPTIONS)
    title = first(tree, TRS_TITLE, clean_title) or first(tree, ("title::text",), lambda t: clean_title(t, True))
    return {
        "title": title, "published": _date(tree, TRS_DATE + (".time::text",)),
        "byline": first(tree, TRS_BYLINE, clean_byline), "source": first(tree, TRS_SOURCE, clean_source),
        "paragraphs": _paragraphs(container, captions, site), "captions": captions,
    }


def _generic_layer(tree, cleaned, text, url, site: Site) -> dict | None:
    import trafilatura  # only when a page needs it: the import costs ~0.15 s per process

    doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True, deduplicate=False)
    if doc is None:
        return None
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    lines = [clean_text(line) for line in (doc.get("text") or "").split("\n")]
    paragraphs = _dedupe(bp.keep_lines(lines, site.boilerplate))
    if sum(len(p) for p in paragraphs) < MIN_BODY_CHARS:
        return None
    title = first(tree, TRS_TITLE, clean_title) or clean_title(doc.get("title"))
    return {
        "title": title, "published": _date(tree, TRS_DATE) or parse_date(doc.get("date")),
        "byline": clean_byline(doc.get("author")), "source": first(tree, TRS_SOURCE, clean_source),
        "paragraphs": paragraphs, "captions": [],
    }


def _first_element(tree, selectors):
    for css in selectors:
        for element in bp.compiled_xpath(css)(tree):
            if isinstance(element, lxml_html.HtmlElement) and clean_text(element.text_content()):
                return element
    return None


def _date(tree, selectors) -> str | None:
    for css in selectors:
        value = parse_date(first(tree, (css,)))
        if value:
            return value
    return None


def _captions(container, selectors) -> list[str]:
    """Caption texts in page order (each once); their elements are removed from the container."""
    found: list[str] = []
    for css in selectors:
        for element in bp.compiled_xpath(css)(container):
            if not isinstance(element, lxml_html.HtmlElement) or element is container:
                continue
            text = clean_text(element.text_content())
            if text and len(text) < 400:
                if text not in found:
                    found.append(text)
                if element.getparent() is not None:
                    element.drop_tree()
    return found


def _paragraphs(container, captions: list[str], site: Site) -> list[str]:
    blocks = _dedupe(bp.keep_lines(_blocks(container), site.boilerplate))
    result = []
    for block in blocks:
        if block in captions:
            continue
        if PHOTO_CREDIT.match(block):
            captions.append(block)
            continue
        result.append(block)
    if sum(len(p) for p in result) < MIN_BODY_CHARS:
        return []
    return result


def _blocks(element) -> list[str]:
    """Text of an element split into paragraphs at block elements and <br>."""
    out: list[str] = []
    current: list[str] = []

    def flush():
        text = clean_text("".join(current))
        if text:
            out.append(text)
        current.clear()

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag.lower() in BLOCK_TAGS
        if block:
            flush()
        if tag and node.text:
            current.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(element)
    flush()
    return out


def _dedupe(lines: list[str]) -> list[str]:
    """Drop a paragraph repeated immediately after itself (pages that print a caption or line twice)."""
    result: list[str] = []
    for line in lines:
        if not result or result[-1] != line:
            result.append(line)
    return result


def _language(tree, body: str, site: Site) -> str | None:
    if body and len(CJK.findall(body)) > 0.3 * len(body):
        return "zh"
    declared = (tree.get("lang") or "").split("-")[0].lower() or None
    return site.language or declared or "en"
