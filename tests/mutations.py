"""Template mutations: a recorded page transformed in ways that keep its meaning, for testing extraction on markup
it was not written for. Pure functions over page bytes (lxml); each takes the page and its expected fields
(to find the body container and the captions) and returns new page bytes, or None when it does not apply.

- `rename_classes`: every class and id renamed (the site's and the CMS's selectors stop matching)
- `wrap_in_divs`, `wrap_in_table`: the body container wrapped in extra <div>s, or in a layout table
- `paragraphs_to_br`: the body's plain <p>s turned into text separated by <br><br>
- `captions_centred`: each caption moved into a centred paragraph (align=center / text-align:center)
- `footer_inside`, `cookie_inside`: a copyright footer at the end / a cookie notice at the start of the body container
- `gbk_meta_only`: no charset but a <meta> declaring GBK, the bytes encoded GBK (what GBK lacks as numeric entities)
"""
from __future__ import annotations

import hashlib
import re

from lxml import etree
from lxml import html as lxml_html

SPACE = re.compile(r"[\s\u00a0\u3000]+")


def _text(element) -> str:
    return SPACE.sub(" ", element.text_content()).strip()


def _parse(page: bytes):
    return lxml_html.document_fromstring(page.decode(_encoding(page), errors="replace"))


def _encoding(page: bytes) -> str:
    match = re.search(rb"charset=[\"']?([\w-]+)", page[:4096], re.I)
    name = match.group(1).decode("ascii").lower() if match else "utf-8"
    return "gb18030" if name in ("gbk", "gb2312", "gb18030") else name


def _serialise(tree, encoding: str = "utf-8") -> bytes:
    return lxml_html.tostring(tree, encoding=encoding, doctype="<!DOCTYPE html>", method="html")


def _with_utf8(tree) -> bytes:
    """Serialise as UTF-8, declaring it (the original charset declaration may have been another one)."""
    for meta in tree.iter("meta"):
        if meta.get("charset") or "charset" in (meta.get("content") or "").lower():
            meta.getparent().remove(meta)
    head = tree.find("head")
    if head is None:
        head = tree.makeelement("head", {})
        tree.insert(0, head)
    head.insert(0, tree.makeelement("meta", {"charset": "utf-8"}))
    return _serialise(tree)


def container(tree, expected: dict):
    """The smallest element holding the first and the last paragraph of the expected body."""
    paragraphs = [p for p in (expected.get("body") or "").split("\n\n") if p.strip()]
    if not paragraphs:
        return None
    first, last = paragraphs[0][:40], paragraphs[-1][-40:]
    best = None
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "head", "title", "meta", "script", "style"):
            continue
        text = _text(element)
        if first in text and last in text:
            best = element  # iter() is depth first: the last match is the deepest holding both
    return best


def rename_classes(page: bytes, expected: dict) -> bytes | None:
    tree = _parse(page)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("class", "id"):
            if element.get(attribute):
                names = element.get(attribute).split()
                element.set(attribute, " ".join("m" + hashlib.sha1(n.encode()).hexdigest()[:6] for n in names))
    return _with_utf8(tree)


def _wrap(page: bytes, expected: dict, make) -> bytes | None:
    tree = _parse(page)
    body = container(tree, expected)
    if body is None or body.getparent() is None:
        return None
    outer, inner = make(tree)
    parent = body.getparent()
    parent.replace(body, outer)
    inner.append(body)
    return _with_utf8(tree)


def wrap_in_divs(page: bytes, expected: dict) -> bytes | None:
    def make(tree):
        outer = tree.makeelement("div", {"class": "wrap-outer"})
        middle = etree.SubElement(outer, "div", {"class": "wrap-middle"})
        inner = etree.SubElement(middle, "div")
        return outer, inner
    return _wrap(page, expected, make)


def wrap_in_table(page: bytes, expected: dict) -> bytes | None:
    def make(tree):
        table = tree.makeelement("table", {"width": "100%", "border": "0", "cellpadding": "0"})
        row = etree.SubElement(etree.SubElement(table, "tbody"), "tr")
        etree.SubElement(row, "td", {"width": "10"}).text = " "
        cell = etree.SubElement(row, "td", {"valign": "top"})
        return table, cell
    return _wrap(page, expected, make)


def _captions(expected: dict) -> list[str]:
    return [c for c in expected.get("captions") or [] if c]


def paragraphs_to_br(page: bytes, expected: dict) -> bytes | None:
    """Every plain paragraph of the body (no image, not a caption) becomes its text followed by <br><br>."""
    tree = _parse(page)
    body = container(tree, expected)
    if body is None:
        return None
    captions = _captions(expected)
    changed = False
    for p in list(body.iter("p")):
        text = _text(p)
        if not text or p.find(".//img") is not None or any(c in text or text in c for c in captions):
            continue
        if p.getparent() is None:
            continue
        _unwrap_into_breaks(p)
        changed = True
    return _with_utf8(tree) if changed else None


def _unwrap_into_breaks(p) -> None:
    parent = p.getparent()
    index = parent.index(p)
    previous = p.getprevious()
    leading = p.text or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + leading
    else:
        parent.text = (parent.text or "") + leading
    children = list(p)
    tail = p.tail or ""
    parent.remove(p)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    first_break = parent.makeelement("br", {})
    second_break = parent.makeelement("br", {})
    parent.insert(index + len(children), first_break)
    parent.insert(index + len(children) + 1, second_break)
    second_break.tail = tail


CENTRED_STYLES = ({"align": "center"}, {"style": "text-align: center;"}, {"style": "text-align:center"})


def captions_centred(page: bytes, expected: dict) -> bytes | None:
    """Each caption's element (the smallest holding exactly its text) becomes a centred <p>, after the figure
    when it was a figure's caption."""
    tree = _parse(page)
    body = container(tree, expected)
    captions = _captions(expected)
    if body is None or not captions:
        return None
    moved = 0
    for n, caption in enumerate(captions):
        holders = [e for e in tree.iter() if isinstance(e.tag, str) and e.tag not in ("html", "body")
                   and _text(e) == caption]
        for holder in holders[-1:] if holders else []:
            if holder.getparent() is None:
                continue
            centred = tree.makeelement("p", dict(CENTRED_STYLES[n % len(CENTRED_STYLES)]))
            centred.text = caption
            figure = next((a for a in holder.iterancestors() if a.tag == "figure"), None)
            anchor = figure if figure is not None else holder
            anchor.addnext(centred)
            centred.tail, anchor.tail = anchor.tail, None
            holder.drop_tree() if holder is not anchor else anchor.getparent().remove(anchor)
            moved += 1
    return _with_utf8(tree) if moved else None


FOOTER = ('<div class="site-bottom"><p>Copyright © 2024 {name}. All Rights Reserved.</p>'
          '<p>京ICP备06038296号-1 &nbsp; 京公网安备 11010102001234号</p></div>')
COOKIE = ('<div class="notice-bar"><p>We use cookies to give you the best experience on our website. By continuing to '
          'browse our site you agree to our use of cookies.</p><a href="#">I Agree</a></div>')


def footer_inside(page: bytes, expected: dict) -> bytes | None:
    tree = _parse(page)
    body = container(tree, expected)
    if body is None:
        return None
    name = _text(tree.find(".//title")) if tree.find(".//title") is not None else "the site"
    body.append(lxml_html.fragment_fromstring(FOOTER.format(name=name.split("_")[-1][:60] or "the site")))
    return _with_utf8(tree)


def cookie_inside(page: bytes, expected: dict) -> bytes | None:
    tree = _parse(page)
    body = container(tree, expected)
    if body is None:
        return None
    notice = lxml_html.fragment_fromstring(COOKIE)
    notice.tail, body.text = body.text, None
    body.insert(0, notice)
    return _with_utf8(tree)


def gbk_meta_only(page: bytes, expected: dict) -> bytes | None:
    """The charset declared only in <meta http-equiv> as GBK and the bytes encoded GBK."""
    tree = _parse(page)
    for meta in list(tree.iter("meta")):
        if meta.get("charset") or "charset" in (meta.get("content") or "").lower():
            meta.getparent().remove(meta)
    text = lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>", method="html")
    # added as text: libxml2's HTML serialiser drops a Content-Type <meta> it did not write itself
    text = re.sub(r"<head[^>]*>", lambda m: m.group(0) + '\n<meta http-equiv="Content-Type" content="text/html; '
                  'charset=gbk">', text, count=1)
    return text.encode("gbk", errors="xmlcharrefreplace")


MUTATIONS = {f.__name__: f for f in (rename_classes, wrap_in_divs, wrap_in_table, paragraphs_to_br,
                                     captions_centred, footer_inside, cookie_inside, gbk_meta_only)}
