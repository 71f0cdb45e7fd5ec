"""A pattern that opens with a negative look-behind of one character (`(?<![\\w'-])Name|Other`), run as fast as
one that opens with its words: re finds where to try a pattern by its first characters only when it opens with them,
so the look-behind made it try the whole pattern at every position of a text. `Behind` searches for the rest of
the pattern (which opens with the words: re skips to their first letters) and tests the look-behind itself where
that finds a match; its matches are the pattern's own, in the same order (see `finditer`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .needles import C, parse_tree  # (re's private parser, read only where needles.py reads it)

# "(?<!" one character class or escape ")": what is looked behind, and the rest
_OPENING = re.compile(r"\(\?<!(\[(?:\\.|[^\]\\])+\]|\\[wWdDsS])\)")


class Behind:
    """`pattern` (compiled by re) read as a look-behind and the rest; ValueError when it does not open with one
    (or one opens only the first of its alternatives), may match an empty string, or its rest opens with nothing re
    could skip to (a class of any letter is something, an optional group or a look-ahead nothing: the split would be
    slower)."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        opening = _OPENING.match(pattern.pattern)
        if opening is None or pattern.flags & re.VERBOSE:
            raise ValueError(f"no look-behind of one character opens {pattern.pattern[:40]!r}")
        self._behind = re.compile(opening.group(1), pattern.flags)
        self._rest = re.compile(pattern.pattern[opening.end():], pattern.flags)
        whole, tree = parse_tree(pattern.pattern, pattern.flags), parse_tree(self._rest.pattern, self._rest.flags)
        if whole is None or tree is None:
            raise ValueError("no re parser to read the pattern with")
        if list(whole)[0][0] is not C.ASSERT_NOT:
            # (`(?<!x)a|b`: the look-behind is the first alternative's alone, not the whole pattern's)
            raise ValueError("the look-behind does not govern the whole pattern")
        if tree.getwidth()[0] == 0:
            raise ValueError("a pattern that may match an empty string is run as it is")  # (finditer's own rule)
        if not _opens_with_characters(list(tree), self._rest.flags):
            raise ValueError("the rest does not open with characters re could skip to: no faster split")

    def finditer(self, text: str) -> Iterator[Any]:
        """What `pattern.finditer(text)` finds: the rest's first match from `pos` on is where the pattern could
        first match (before it, the rest matches nowhere); where the character before it is one the look-behind
        refuses, the pattern fails there too (the look-behind is zero-width: it changes no alternative the rest
        takes) and is tried from the next position; else the pattern matches there, as the rest did."""
        pos, search, behind = 0, self._rest.search, self._behind.match
        while (m := search(text, pos)) is not None:
            start = m.start()
            if start > 0 and behind(text, start - 1) is not None:
                pos = start + 1
                continue
            yield m
            pos = m.end()       # (never an empty match: see __init__)


def _opens_with_characters(items: list, flags: int) -> bool:
    """The pattern opens with a character, a class or alternatives that each open with a character, case-sensitive:
    what re finds the places to try it by (its compiler's charset prefix), skipping the rest of the text."""
    while items and items[0][0] is C.SUBPATTERN:
        _group, add_flags, _del, sub = items[0][1]
        flags |= add_flags
        items = list(sub)
    if not items or flags & re.IGNORECASE:
        return False
    op, av = items[0]
    if op is C.BRANCH:
        return all(branch and list(branch)[0][0] is C.LITERAL for branch in av[1])
    return op in (C.LITERAL, C.IN)
