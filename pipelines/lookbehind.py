"""A pattern that opens with a negative look-behind of one character (`(?<![\\w'-])Name|Other`), run as fast as
one that opens with its words: re finds where to try a pattern by its first characters only when it opens with them,
so the look-behind made it try the whole pattern at every position of a text. `Behind` searches for the rest of
the pattern (which opens with the words: re skips to their first letters) and tests the look-behind itself where
that finds a match; its matches are the pattern's own, in the same order (see `finditer`)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

try:
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # (then no pattern is split: each runs as it is)
    _parser = None

# "(?<!" one character class or escape ")": what is looked behind, and the rest
_OPENING = re.compile(r"\(\?<!(\[(?:\\.|[^\]\\])+\]|\\[wWdDsS])\)")


class Behind:
    """`pattern` (compiled by re) read as a look-behind and the rest; ValueError when it does not open with one,
or may match an empty string."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        opening = _OPENING.match(pattern.pattern)
        if opening is None or pattern.flags & re.VERBOSE:
            raise ValueError(f"no look-behind of one character opens {pattern.pattern[:40]!r}")
        self._behind = re.compile(opening.group(1), pattern.flags)
        self._rest = re.compile(pattern.pattern[opening.end():], pattern.flags)
        if _parser is None or _parser.parse(self._rest.pattern, self._rest.flags).getwidth()[0] == 0:
            raise ValueError("a pattern that may match an empty string is run as it is")  # (finditer's own rule)

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
