"""The completeness guard: no text block of an article leaves its body without a named reason. Pure functions.

Extraction records every block it takes out of the article's container as a `Removal` (the rule, in plain words,
and the text): a boilerplate block or line, learned boilerplate, a separator, a credit line, a caption with its
evidence, a related-links box, a repeated line, the headline or a date line above the text. After extraction,
`guard` compares the body with the text blocks of the container the body came from (for trafilatura's reading of
a whole page, with `conservative_reading`: the long paragraphs that share a parent with the body's own); a block
that is neither in the body nor removed by a named rule is put back in its place, and listed as restored, so the
article is flagged (a warning in the run, a count in `gazette check` and on the article page).
"""
from __future__ import annotations

from dataclasses import dataclass

from .normalise import clean_text

LEFT_OUT = "left out by the generic extractor (trafilatura) between paragraphs it kept"
CONSERVATIVE_MIN = 120   # a paragraph of at least this many characters beside the body's own is article text
LINKS_MAX = 0.3          # unless more than this share of it is link text


@dataclass(frozen=True)
class Removal:
    rule: str
    text: str

    def as_dict(self) -> dict:
        return {"rule": self.rule, "text": self.text}


def guard(reference: list[str], paragraphs: list[str], removed: list[Removal]) -> tuple[list[str], list[str]]:
    """(the body's paragraphs with every block of `reference` lost for no named reason put back in page order,
    the blocks put back)."""
    kept = set(paragraphs)
    gone = {r.text for r in removed}
    joined = None
    lost_at: dict[int, list[str]] = {}
    restored: list[str] = []
    cursor = 0
    position: dict = {}
    for index, paragraph in enumerate(paragraphs):
        position.setdefault(paragraph, []).append(index)
    for block in reference:  # whitespace-normalised already (tree.text_blocks, conservative_reading)
        if not block or block in gone:
            continue
        if block in kept:
            later = [i for i in position[block] if i >= cursor]
            cursor = (later[0] if later else position[block][-1]) + 1
            continue
        if joined is None:
            joined = "\n".join(paragraphs)
        if _covered(block, joined, gone):
            continue
        lost_at.setdefault(cursor, []).append(block)
        restored.append(block)
    if not restored:
        return paragraphs, []
    result: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        result.extend(lost_at.get(index, ()))
        result.append(paragraph)
    result.extend(lost_at.get(len(paragraphs), ()))
    return result, restored


def _covered(block: str, joined: str, gone: set[str]) -> bool:
    """The block is in the body after all (split or merged differently), is part of a removal that spans several
    blocks (a caption of two lines), or is made of removed text and body text."""
    if block in joined or any(block in text for text in gone):
        return True
    rest = block
    for text in gone:
        if text and text in rest:
            rest = rest.replace(text, " ")
    rest = clean_text(rest)
    return not rest or rest in joined or len(rest) <= 3


def dropped_inside(dropped, container, blocks) -> list[Removal]:
    """The blocks (`blocks(element)`: its text blocks) the boilerplate selectors took out of the body's container
    (`dropped`: (former parent, element) pairs from boilerplate.remove_blocks), as removals."""
    if container is None:
        return []
    removals = []
    for parent, element in dropped:
        node = parent
        while node is not None and node is not container:
            node = node.getparent()
        if node is None:
            continue
        for text in blocks(element):
            removals.append(Removal("boilerplate block (the site's or the default boilerplate selectors)", text))
    return removals


def in_page_order(removed: list[Removal], reference: list[str]) -> list[Removal]:
    """Removals in the order their text stands in the container (unknown ones last)."""
    order = {text: i for i, text in reversed(list(enumerate(reference)))}
    return sorted(removed, key=lambda r: order.get(r.text, len(order)))


def conservative_reading(tree, paragraphs: list[str]) -> list[str]:
    """A cautious whole-page reading to check a generic extractor against: under every parent that holds at least
    two of the body's paragraphs (as `<p>` children), the body's own paragraphs and any long `<p>` (at least
    CONSERVATIVE_MIN characters, mostly not links, no image) that stands BETWEEN two of them: a paragraph dropped
    from the middle of the article. (Long paragraphs before or after the article are as often comments, teasers
    or other stories: taking them cost the 181-page benchmark 0.01 of F1 and won no recall.)"""
    if not paragraphs:
        return []
    wanted = set(paragraphs)
    body = tree.find("body")
    counted: dict = {}
    for p in (body if body is not None else tree).iter("p"):
        parent = p.getparent()
        if parent is not None and clean_text(p.text_content()) in wanted:
            counted[parent] = counted.get(parent, 0) + 1
    reading: list[str] = []
    for parent, n in counted.items():
        if n < 2:
            continue
        children = [(c, clean_text(c.text_content())) for c in parent if c.tag == "p"]
        inside = [i for i, (_, text) in enumerate(children) if text in wanted]
        for i, (p, text) in enumerate(children):
            if text in wanted or (inside[0] < i < inside[-1] and _prose(p, text)):
                reading.append(text)
    return reading


def _prose(p, text: str) -> bool:
    if len(text) < CONSERVATIVE_MIN or p.find(".//img") is not None:
        return False
    links = sum(len(clean_text(a.text_content())) for a in p.iter("a"))
    return links <= LINKS_MAX * len(text)
