"""CSS selectors for elements add-site found: stable classes and ids, the shortest unique selector, and reading
a selector's first value as the extractor reads it."""
from __future__ import annotations

import re

from pipelines.boilerplate import compiled_xpath
from pipelines.normalise import clean_text

STATE_CLASSES = {"active", "current", "cur", "on", "hover", "selected", "first", "last", "odd", "even", "clearfix",
                 "fl", "fr", "left", "right", "hide", "show", "hidden", "visible", "clear", "cf", "new", "hot", "top"}


def stable_classes(element) -> list[str]:
    classes = [c for c in (element.get("class") or "").split() if c]
    return [c for c in classes if c.lower() not in STATE_CLASSES and not re.search(r"\d{3,}", c)
            and re.fullmatch(r"-?[_a-zA-Z][\w-]*", c)]




def _stable_id(element) -> str | None:
    ident = (element.get("id") or "").strip()
    if ident and re.fullmatch(r"[A-Za-z][\w-]*", ident) and not re.search(r"\d{3,}", ident):
        return ident
    return None




def simple_selector(element, with_id: bool = True) -> str:
    tag = element.tag if isinstance(element.tag, str) else "*"
    ident = _stable_id(element) if with_id else None
    if ident:
        return f"{tag}#{ident}"
    return tag + "".join(f".{c}" for c in stable_classes(element))


def unique_selector(element, root, max_parts: int = 4) -> str | None:
    """A CSS selector matching this element and no other in `root`: its id, or its tag and classes, with those
    of its ancestors prepended until it is unique."""
    parts: list[str] = []
    node = element
    while node is not None and isinstance(node.tag, str) and len(parts) < max_parts:
        parts.insert(0, simple_selector(node))
        css = " ".join(parts)
        matches = compiled_xpath(css)(root)
        if len(matches) == 1 and matches[0] is element:
            return css
        if node.tag in ("body", "html"):
            break
        node = node.getparent()
    return None



def css_rank(css: str, visible_first: bool) -> tuple:
    """Higher is preferred: visible elements (or meta, for dates), ids, fewer parts, shorter."""
    meta = css.startswith("meta")
    return ((not meta) if visible_first else meta, "#" in css, -css.count(" "), -len(css))


def first_value(tree, css: str) -> str:
    nodes = compiled_xpath(css)(tree)
    for node in nodes:
        value = clean_text(node if isinstance(node, str) else node.text_content())
        if value:
            return value
    return ""


def first_element(tree, css: str):
    for node in compiled_xpath(css)(tree):
        if not isinstance(node, str) and clean_text(node.text_content()):
            return node
    return None

