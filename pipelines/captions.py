"""Photo captions, taken out of an article container only on evidence. Pure functions over an lxml tree.

A block of the container is a caption when
  * markup says so: the site's caption selectors (config/sites.toml), `figcaption`, an element whose class names a
    caption (`wp-caption-text`, `img_title`...); or
  * it is short, attached to an image inside the same figure-like block, and reads like a caption:
      - text beside an image in one element (`<p align=center><img><br>Caption</p>`, `<td><img><br>Caption</td>`);
      - the text block of an element that holds only an image block and that text block
        (`<div><p><img></p><p>Caption</p></div>`);
      - a centred paragraph right after an image-only block (`<p align=center><img></p><p align=center>Caption</p>`).
    Reading like a caption: not a question, not a line of dialogue ("Q: …", "A: …", "CCTV: …"), not a separator.
A plain paragraph that merely follows a picture is text: the ministry's press conferences put the spokesperson's
photo in an image-only `<P>` right before a question (issue 19: about 300 real paragraphs were lost that way).
Separators (`***`, `※※※`, `———`) are never captions: `is_separator` names them for the boilerplate step.
"""
from __future__ import annotations

import re

from lxml import html as lxml_html

from . import boilerplate as bp
from .normalise import clean_text

MARKUP = ("figcaption", "[class*=caption]", "[class*=Caption]")
CENTRED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
CJK = re.compile(r"[\u4e00-\u9fff]")
CAPTION_MAX = 300         # reading weight: a longer block beside an image is text, not a caption
MARKUP_CAPTION_MAX = 400  # nor a longer block in caption markup
SEPARATOR = re.compile(r"^[\s*＊※•·●○◆◇■□★☆#=~_\-—–―─━.…。、]{3,}$")
QUESTION = re.compile(r"[?？]\s*[\"”’)）]?$")
DIALOGUE = re.compile(r"^(?:Q|A|问|答)\s*[:：]|^[A-Z][\w.'’&\- ]{0,40}[:：]\s+\S.{20,}|^[\u4e00-\u9fff]{2,12}[:：]\S.{15,}")
FIGURE_TAGS = ("p", "div", "figure", "td", "center", "span", "font", "section", "li")


def is_separator(text: str) -> bool:
    """A line of stars, reference marks or dashes between parts of an article (`***`, `※※※※※※`, `———`)."""
    return bool(SEPARATOR.match(text))


def reads_like_caption(text: str, limit: int = CAPTION_MAX) -> bool:
    """Short, and neither a question, a line of dialogue, nor a separator."""
    return (bool(text) and weight(text) <= limit and not is_separator(text) and not QUESTION.search(text)
            and not DIALOGUE.match(text))


def weight(text: str) -> int:
    """Length as reading weight: a Chinese character says about as much as three Latin letters."""
    return len(text) + 2 * len(CJK.findall(text))


def take_captions(container, site_selectors=(), markup_only: bool = False) -> tuple[list[tuple[str, str]], str]:
    """The captions of the container in page order, each once, as (evidence, text), their elements removed from
    the container; and the layer they came from (`site`, `cms` for caption markup, `text` for a caption found
    beside an image). `markup_only` (a whole page of unknown markup): caption markup only."""
    chosen: dict = {}
    for rule, selectors in (("site", site_selectors), ("cms", MARKUP)):
        for css in selectors:
            for element in bp.compiled_xpath(css)(container):
                if isinstance(element, lxml_html.HtmlElement) and element is not container:
                    chosen.setdefault(element, rule)
    if not markup_only:
        pictured = _holding_images(container)  # every other element is passed over: evidence needs an image
        for element in container.iter(*FIGURE_TAGS):
            if element in pictured and element is not container and element not in chosen:
                for caption in _beside_image(element, container):
                    chosen.setdefault(caption, "text")
    found: list[tuple[str, str]] = []
    texts: set[str] = set()
    rules = set()
    order = {element: i for i, element in enumerate(container.iter())} if chosen else {}
    for element in sorted(chosen, key=lambda e: order.get(e, 0)):
        if element.getparent() is None or not _inside(element, container):
            continue
        text = _caption_text(element)
        rule = chosen[element]
        if not text or is_separator(text) or weight(text) > (CAPTION_MAX if rule == "text" else MARKUP_CAPTION_MAX):
            continue
        if rule == "text" and not reads_like_caption(text):
            continue
        if text not in texts:
            texts.add(text)
            found.append((EVIDENCE[rule], text))
            rules.add(rule)
        _drop_text(element)
    layer = "site" if "site" in rules else "cms" if "cms" in rules else "text"
    return found, layer


EVIDENCE = {"site": "caption (the site's caption markup)", "cms": "caption (caption markup)",
            "text": "caption (short line beside a photo)"}


def _holding_images(container) -> set:
    """The elements of the container that hold an image: the only ones `_beside_image` can find a caption by (each
    of its three cases needs an image inside the element), found from the page's few images up."""
    holding = set()
    for image in container.iter("img"):
        for ancestor in image.iterancestors():
            if ancestor is container or ancestor in holding:
                break
            holding.add(ancestor)
    return holding


def _beside_image(element, container) -> list:
    """The caption elements `element` shows to be attached to an image (see the module docstring); only an element
    holding an image can show one."""
    if _image_only(element):
        following = element.getnext()
        if (following is not None and following.tag in ("p", "div", "center", "span", "font")
                and not (element.tail or "").strip() and following.find(".//img") is None
                and not _has_blocks(following) and _centred(following)):
            return [following]
        return []
    if element.find(".//img") is not None and not _has_blocks(element) and clean_text(element.text_content()):
        return [element]  # image and text in one element
    children = [c for c in element if isinstance(c.tag, str)]
    if (len(children) == 2 and element.tag in ("div", "figure", "td", "center", "section")
            and not clean_text(element.text or "") and not any(clean_text(c.tail or "") for c in children)):
        image, text = children
        if _image_only(image) and image.tag in ("p", "div", "span", "a", "img", "center") and text.find(
                ".//img") is None and not _has_blocks(text) and len(container) > 2:
            return [text]
    return []


def _caption_text(element) -> str:
    return clean_text(element.text_content())


def _drop_text(element) -> None:
    """Remove the caption: the whole element, or only its text when it also holds the image."""
    if element.find(".//img") is None:
        element.drop_tree()
        return
    for node in element.iter():
        node.text = None
        if node is not element:
            node.tail = None


def _inside(element, container) -> bool:
    node = element
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


def _centred(element) -> bool:
    return (element.tag == "center" or (element.get("align") or "").lower() == "center"
            or bool(CENTRED.search(element.get("style") or "")))


BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "tr", "td",
          "th", "section", "article", "figure", "figcaption", "pre", "header", "footer", "dl", "dt", "dd",
          "center", "hr", "tbody", "thead", "main", "aside", "nav"}


def _has_blocks(element) -> bool:
    return any(isinstance(e.tag, str) and e.tag in BLOCKS for e in element.iterdescendants())


def _image_only(element) -> bool:
    return (element.tag == "img" or element.find(".//img") is not None) and not clean_text(element.text_content())
