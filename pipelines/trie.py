"""A regex that matches any of many words, built as a trie so it stays small and fast (the gazetteers' names in
English and Chinese). Pure."""
from __future__ import annotations

import re
from typing import Any, Iterable


def trie_regex(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex matching any of `words`, longest first, as a trie (a space in a word matches `space`: any run of
    whitespace, unless told otherwise). Where two words match at one place, the longer is tried first, then
    the shorter: as in an alternation of the words sorted longest first, so either finds the same matches."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)
