"""A page's tree read as text: the parsed document without scripts and styles (`parse`), the text blocks of an
element (`text_blocks`: paragraphs split at block elements and <br>), and the first value CSS selectors yield
(`first`). Pure functions, shared by extraction's layers (pipelines/extract.py, body.py, page_text.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

from . import boilerplate as bp
from .htmlparse import document
from .normalise import clean_text

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "tr",
              "td", "th", "section", "article", "figure", "figcaption", "pre", "header", "footer", "dl", "dt",
              "dd", "center", "br", "hr", "tbody", "thead", "main", "aside", "nav"}
HIDDEN = re.compile(r"display\s*:\s*none", re.I)


def parse(text: str) -> lxml_html.HtmlElement | None:
    try:
        tree = document(text)
    except (etree.ParserError, ValueError):
        return None
    # one walk in lxml for the four kinds (an XPath union walks the tree once for each), in page order as before
    for element in list(tree.iter(etree.Comment, "script", "style", "noscript")):
        if element.getparent() is not None:
            element.drop_tree() if hasattr(element, "drop_tree") else element.getparent().remove(element)
    return tree


# `meta[name=X]::attr(A)`, `meta[property='og:x']::attr(A)`: a selector that matches only a <meta> whose name
# (property) is X, as cssselect translates it (`descendant-or-self::meta[@name = 'X']/@A`)
# (no backslash: an escaped value is left to cssselect)
META_SELECTOR = re.compile(r"""^meta\[(name|property)=(?:'([^'\\]*)'|"([^"\\]*)"|([^\W\d][\w-]*))\]::attr\(([\w-]+)\)$""")


@lru_cache(maxsize=512)
def meta_key(css: str) -> tuple[str, str, str] | None:
    """(name or property, its value, the attribute read) of a meta selector: the <meta> it matches must have the
    first two (a key of meta_keys); None when the selector is not of that form."""
    match = META_SELECTOR.match(css)
    if match is None:
        return None
    return match.group(1), next(value for value in match.group(2, 3, 4) if value is not None), match.group(5)


def meta_keys(tree) -> dict[tuple[str, str], list]:
    """(name, value) and (property, value) -> the page's <meta> elements that have it, in page order."""
    found: dict[tuple[str, str], list] = {}
    for meta in tree.iter("meta"):
        for attr in ("name", "property"):
            if (value := meta.get(attr)) is not None:
                found.setdefault((attr, value), []).append(meta)
    return found


def first(tree, selectors, clean=clean_text, metas: dict | None = None) -> str | None:
    """The first non-empty value any of the CSS selectors yields (text of all matched nodes joined). `metas`:
    the page's meta_keys, when the caller has them (read from this tree, no element removed since): a meta
    selector is answered from them, as its XPath would (the attribute of each such <meta> that has it, in page
    order), without that XPath's walk of the whole tree (most of a page's CMS and site-name selectors)."""
    for css in selectors:
        if metas is not None and (key := meta_key(css)) is not None:
            nodes = [v for meta in metas.get(key[:2], ()) if (v := meta.get(key[2])) is not None]
        else:
            nodes = bp.compiled_xpath(css)(tree)
        if not nodes:
            continue
        values = [n if isinstance(n, str) else n.text_content() for n in nodes]
        value = clean(" ".join(v for v in values if v and v.strip()))
        if value:
            return value
    return None


def text_blocks(element, visible_only: bool = False, skip=None) -> list[str]:
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
