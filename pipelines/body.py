"""The body layers of extraction: the article's container found by the site's selectors (`site`), the TRS-CMS
markers (`trs`) or as the page's densest paragraph container, else trafilatura (`generic`); its paragraphs with
boilerplate lines, separators, repeats, captions and credit lines taken out, each removal recorded with its rule
(pipelines/completeness.py). Pure functions; pipelines/extract.py tries the layers in order."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from lxml import etree
from lxml import html as lxml_html

from . import boilerplate as bp
from . import generic
from .captions import is_separator, take_captions
from .completeness import Removal
from .normalise import clean_text
from .htmlparse import trafilatura
from .page_text import credit_line
from .rules import OTHER, Boilerplate, Site
from .tree import parse, text_blocks

INLINE_TAGS = {"font", "span", "strong", "b", "em", "i", "u", "sup", "sub", "small", "big", "strike", "s",
               "abbr", "cite", "q", "mark", "label", "br", "img"}
TRS_BODY = ("#News_Body_Txt_A", "div[class*=TRS_UEDITOR]", "div[class*=TRS_Editor]", ".trs_editor_view",
            "[class*=TRS_Editor]", "[class*=TRS_UEDITOR]")
TRS_CLASSES = ("TRS_UEDITOR", "TRS_Editor", "trs_editor_view")  # in the class of any element TRS_BODY matches
CAPTION_MAX = 300        # a line ending in a photo credit longer than this is text, not a caption
PHOTO_CREDIT = re.compile(r"^\(?\s*(Photos?|Photo provided|Image|图)\s*(/|by\b|provided\b|:|：|courtesy\b)", re.I)
ENDS_WITH_CREDIT = re.compile(
    r"\((?:Photos?|Image|iChongqing|Xinhua|CFP|IC|VCG|Hunan Daily|China Daily)\s*/[^()]{1,60}\)$"
    r"|\(Photos? (?:provided (?:to|by)|by|courtesy of|courtesy)[^()]{1,60}\)$", re.I)
MIN_BODY_CHARS = 40
DENSE_MIN_CHARS = 200


@dataclass
class Body:
    layer: str
    container: object
    paragraphs: list[str]
    captions: list[str]
    caption_layer: str = "text"
    credits: dict = field(default_factory=dict)
    metadata: dict | None = None
    removed: list = field(default_factory=list)    # Removal of each block taken out, with its rule
    reference: list = field(default_factory=list)  # the container's text blocks before anything was taken out


def body_layer(layer, tree, text, url, site: Site, boilerplate: Boilerplate, site_captions,
                learned: frozenset = frozenset()) -> Body | None:
    removed: list[Removal] = []
    unknown = layer == "generic" and site.key == OTHER  # a page of no configured site (pipelines/generic.py)
    if layer == "site":
        container = _first_element(tree, site.selectors.get("body", ()))
    elif layer == "trs":
        container = _first_element(tree, TRS_BODY) if trs_marked(tree) else None
    else:
        container = generic.densest(tree, densest) if unknown else densest(tree)
    if container is None:
        return _trafilatura(tree, text, url, boilerplate, learned) if layer == "generic" else None
    reference = text_blocks(container)  # what the completeness guard checks the body against
    if layer == "generic":
        removed += _drop_link_lists(container)
    found, caption_layer = take_captions(container, site_captions, markup_only=unknown)
    removed += [Removal(rule, caption) for rule, caption in found]
    captions = [caption for _, caption in found]
    blocks = text_blocks(container) if removed else reference  # nothing taken out of the tree: the same blocks
    paragraphs, credits, dropped = _paragraphs(blocks, captions, boilerplate, learned)
    if layer == "generic" and not generic.enough(paragraphs, unknown):
        # the densest reading failed: trafilatura reads a fresh tree (captions and link lists left this one)
        fresh = parse(text)
        if fresh is None:
            return None
        bp.remove_blocks(fresh, boilerplate.remove)
        return _trafilatura(fresh, text, url, boilerplate, learned)
    return Body(layer, container, paragraphs, captions, caption_layer, credits, None, removed + dropped, reference)


def _trafilatura(tree, text: str, url: str, boilerplate: Boilerplate, learned: frozenset = frozenset()) -> Body | None:
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
    return Body("generic", None, paragraphs, captions, "text", credits,
                 {k: doc.get(k) for k in ("title", "date", "author")}, removed + dropped)


def trs_marked(tree) -> bool:
    """Whether any element could match a TRS_BODY selector (its id News_Body_Txt_A, a TRS class in its class):
    a page without one, as most pages of no configured site are, is passed over in one walk of its elements
    instead of six XPath walks (a walk of lxml's elements in Python takes half the time of one XPath walk that
    tests each element's attributes)."""
    for element in tree.iter(etree.Element):
        classes = element.get("class")
        if classes and any(name in classes for name in TRS_CLASSES) or element.get("id") == "News_Body_Txt_A":
            return True
    return False


def _first_element(tree, selectors):
    for css in selectors:
        for element in bp.compiled_xpath(css)(tree):
            if isinstance(element, lxml_html.HtmlElement) and element.text_content().strip():
                return element
    return None


def densest(tree):
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
            removed += [Removal("related-links box (a list that is almost only links)", t) for t in text_blocks(element)]
            element.drop_tree()
    return removed


def _paragraphs(blocks: Iterable[str], captions: list[str], boilerplate: Boilerplate,
                learned: frozenset = frozenset()) -> tuple[list[str], dict, list[Removal]]:
    """Body paragraphs from text blocks: boilerplate lines and separators dropped, repeats dropped, photo credits
    to captions, end-of-article credit lines to their fields; and a Removal for each line taken out. No
    paragraphs when what is left is too short to be an article. `blocks` are cleaned already (clean_text: text_blocks
    and the trafilatura layer give them so), not cleaned again."""
    removed: list[Removal] = []
    lines = _dedupe([b for b in blocks if b], removed)
    # Credit lines first, from the end (some sites' boilerplate also names them, e.g. "^Translator:"),
    # skipping the boilerplate that follows them (footers).
    credits: dict[str, str] = {}
    while lines:
        credit = credit_line(lines[-1])
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
            credit = credit_line(line)  # a source line the site's boilerplate drops still names the source
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


def _dedupe(lines: list[str], removed: list[Removal]) -> list[str]:
    """Drop a paragraph repeated immediately after itself (pages that print a caption or line twice)."""
    result: list[str] = []
    for line in lines:
        if not result or result[-1] != line:
            result.append(line)
        else:
            removed.append(Removal("repeated line (the same line twice in a row)", line))
    return result
