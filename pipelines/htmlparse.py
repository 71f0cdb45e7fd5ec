"""The one lxml HTML parser every page is read with: `huge_tree`, so a page nested deeper than libxml2's default
limit (~255 levels) is read whole instead of cut off at that depth. Importing this module also gives
trafilatura (the generic extraction layer) the same setting, since it keeps a parser of its own."""
from __future__ import annotations

from lxml import html as lxml_html

HTML_PARSER = lxml_html.HTMLParser(huge_tree=True)


def document(text: str) -> lxml_html.HtmlElement:
    """The page's tree (raises lxml's ParserError/ValueError like document_fromstring)."""
    return lxml_html.document_fromstring(text, parser=HTML_PARSER)


def _trafilatura_huge_tree() -> None:
    try:
        import trafilatura.utils as utils
    except ImportError:  # pragma: no cover - trafilatura is a dependency
        return
    utils.HTML_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                             remove_comments=True, remove_pis=True, huge_tree=True)


_trafilatura_huge_tree()
