"""The kinds of text extraction takes out of an article's body, and how many of each, in plain words.

Extraction names a rule for every block it removes (pipelines/completeness.py `Removal`); `gazette check` and the
article page (archive/datasette/pages/article.py) count them by kind with `summary`. Imports nothing of Gazette.
"""
from __future__ import annotations

from typing import Iterable

KINDS = {  # kind: (one, many), in the order the article page lists them
    "boilerplate": ("line removed as boilerplate", "lines removed as boilerplate"),
    "separator": ("separator line", "separator lines"),
    "caption": ("caption", "captions"),
    "credit": ("credit line", "credit lines"),
    "links": ("related-links box", "related-links boxes"),
    "repeat": ("repeated line", "repeated lines"),
    "heading": ("headline or date line above the text", "headline or date lines above the text"),
    "left out": ("paragraph the generic extractor left out", "paragraphs the generic extractor left out"),
}
PREFIXES = (("left out", "left out"), ("caption", "caption"), ("credit", "credit"), ("separator", "separator"),
            ("related", "links"), ("repeated", "repeat"), ("headline", "heading"), ("date line", "heading"),
            ("byline", "heading"))  # a rule's first words: its kind (any other rule is boilerplate)


def kind_of(rule: str) -> str:
    """The kind of a removal rule, for counting (see KINDS)."""
    for prefix, kind in PREFIXES:
        if rule.startswith(prefix):
            return kind
    return "boilerplate"


def summary(rules: Iterable[str], restored: list[str] | None = None) -> str:
    """What extraction removed (the rule of each removal), in plain words: "2 lines removed as boilerplate,
    1 caption"; then how many paragraphs the completeness guard put back (`restored`)."""
    counts: dict[str, int] = {}
    for rule in rules:
        kind = kind_of(rule)
        counts[kind] = counts.get(kind, 0) + 1
    parts = []
    for kind, (one, many) in KINDS.items():
        n = counts.get(kind, 0)
        if n:
            parts.append(f"{n} {one if n == 1 else many}")
    text = ", ".join(parts)
    if restored:
        n = len(restored)
        text = (text + "; " if text else "") + (f"{n} paragraph{'s' if n != 1 else ''} put back that extraction "
                                                 f"had dropped for no named reason")
    return text
