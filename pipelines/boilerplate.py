"""Strip boilerplate: blocks removed from the page tree by CSS, and lines dropped from the text by exact
match or pattern (language bars, print/close/share links, "Eyesight Protection", cookie banners, ICP lines,
breadcrumbs). What to strip comes from config ([defaults.boilerplate] and each site's [boilerplate])."""
from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html
from parsel.csstranslator import css2xpath

from .rules import Boilerplate

from .normalise import clean_text


@lru_cache(maxsize=512)
def compiled_xpath(css: str) -> etree.XPath:
    """The selector compiled once (a page's boilerplate runs dozens of selectors)."""
    return etree.XPath(css2xpath(css))


def remove_blocks(tree: lxml_html.HtmlElement, selectors: tuple[str, ...]) -> None:
    """Remove every element matching one of the CSS selectors (in place), keeping the text that follows it."""
    for css in selectors:
        for element in compiled_xpath(css)(tree):
            if element.getparent() is not None:
                element.drop_tree()


def is_boilerplate(line: str, boilerplate: Boilerplate) -> bool:
    line = clean_text(line)
    if not line:
        return True
    if line in boilerplate.lines:
        return True
    return any(p.search(line) for p in boilerplate.patterns)


def keep_lines(lines: list[str], boilerplate: Boilerplate) -> list[str]:
    return [line for line in lines if not is_boilerplate(line, boilerplate)]


def is_soft_404(url: str, text: str, boilerplate: Boilerplate) -> bool:
    """True when the URL or the page text carries one of the site's "page deleted" markers."""
    return any(marker in url or marker in text for marker in boilerplate.soft_404)
