"""The one lxml HTML parser every page is read with: `huge_tree`, so a page nested deeper than libxml2's default
limit (~255 levels) is read whole instead of cut off at that depth; its elements are all lxml.html's HtmlElement. `trafilatura()` imports trafilatura (the generic
extraction layer) when a page first needs it and gives it the same setting, since it keeps a parser of its own."""
from __future__ import annotations

from types import ModuleType

from lxml import etree
from lxml import html as lxml_html

HTML_PARSER = lxml_html.HTMLParser(huge_tree=True)
# lxml.html picks each element's class (forms, inputs, labels...) in a Python callback, called for every element
# Python touches: ~6% of deciding a page. Nothing here uses the form classes, so every element is an HtmlElement,
# chosen in C.
HTML_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity))


def document(text: str) -> lxml_html.HtmlElement:
    """The page's tree (raises lxml's ParserError/ValueError like document_fromstring)."""
    return lxml_html.document_fromstring(text, parser=HTML_PARSER)


def trafilatura() -> ModuleType:
    """The trafilatura module, imported on first use (about 0.3 s and 15 MB per process, which a crawl of sites
    whose selectors match never needs) with its parser set to read deep pages whole too."""
    import trafilatura as module
    import trafilatura.utils as utils

    if not getattr(utils, "_gazette_huge_tree", False):
        utils.HTML_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                                 remove_comments=True, remove_pis=True, huge_tree=True)
        utils._gazette_huge_tree = True  # type: ignore[attr-defined]
    return module
