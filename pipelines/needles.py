"""A regular expression tried only on text that could hold a match: the literal words one of which every match of
the pattern must contain ("met", "meets", "received" for r"\\b(?:met|meets)\\b|\\breceived\\s+"; a Chinese character
counts as a word), read off the pattern itself, are looked for first (one alternation of plain strings, which re
scans for fast), many times cheaper than running the pattern at every position of a sentence that has none of them.
A pattern whose matches need no such word (or too many of them to be worth it) runs as it is. `gated` wraps a
compiled pattern; what it finds is always the pattern's own result. Worth it for a pattern that is slow to fail (one
opening with a look-behind, a word boundary or a class); a pattern opening with a rare literal is fast already."""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

try:
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # a Python whose re keeps them elsewhere (READ_ON leaves it out)
    C = _parser = None

# The Pythons whose re parser gives the trees read here (re._parser is private): on another, every pattern runs as
# it is (slower, never wrong)
READ_ON = ((3, 11), (3, 12), (3, 13))

# Past these, the words are not worth looking for: many short needles cost more than the pattern they spare.
MAX_NEEDLES = 60
MIN_LENGTH = 3
_RARE = 5           # a word this long is taken as rare as any longer one
_PRODUCT = 64       # at most this many strings while spelling out a run of literals ("[Mm]eeting" is two)


def parse_tree(pattern: str, flags: int = 0) -> Any:
    """re's parse tree of the pattern (its items are (C.op, value) pairs), or None on a Python not in READ_ON or for
    a pattern re refuses."""
    if sys.version_info[:2] not in READ_ON:
        return None
    try:
        return _parser.parse(pattern, flags)
    except re.error:
        return None


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` contains, or None when there is no useful such set
    (case-insensitive parts give none)."""
    if flags & re.IGNORECASE:
        return None
    tree = parse_tree(pattern, flags)
    if tree is None or tree.state.flags & re.IGNORECASE:
        return None
    found = _required(list(tree))
    if not found:
        return None
    found = _innermost(found)
    if len(found) > MAX_NEEDLES or min(map(_weight, found)) < MIN_LENGTH:
        return None
    return frozenset(found)


def _innermost(found: set[str]) -> set[str]:
    """The words holding no other of them: wherever a word holding another is, the shorter is too ("会" wherever
    "会见" is), so looking for the longer adds nothing."""
    return {n for n in found if not any(o != n and o in n for o in found)}


def _weight(needle: str) -> int:
    """How rare a string is, in letters: a Chinese character (anything past ASCII) is as rare as a short word."""
    return sum(1 if ch < "\x80" else MIN_LENGTH for ch in needle)


def _exact(item: tuple) -> set[str] | None:
    """The finite set of strings a node matches when it is spelt out by literals only (else None)."""
    op, av = item
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        chars = set()
        for kind, value in av:
            if kind is not C.LITERAL:
                return None
            chars.add(chr(value))
        return chars if len(chars) <= 4 else None
    if op is C.SUBPATTERN:
        _group, add_flags, _del, sub = av
        return None if add_flags & re.IGNORECASE else _exact_seq(list(sub))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            e = _exact_seq(list(branch))
            if e is None:
                return None
            out |= e
        return out if len(out) <= _PRODUCT else None
    return None


_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _exact_seq(items: list) -> set[str] | None:
    out = {""}
    for item in items:
        if item[0] in (C.AT, C.ASSERT_NOT):
            continue        # a word boundary, an anchor or a negative look-around takes no character
        e = _exact(item)    # (a look-ahead that must see something is left to _required, which reads it)
        if e is None:
            return None
        out = {a + b for a in out for b in e}
        if len(out) > _PRODUCT:
            return None
    return out


def _required(items: list) -> set[str] | None:
    """Strings one of which a match of the sequence `items` contains: the best of its runs of literals and of what
    its parts require."""
    best: set[str] | None = None
    run: set[str] = {""}

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and "" not in candidate and (best is None or _better(candidate, best)):
            best = candidate

    for item in items:
        op, av = item
        if op in _ZERO_WIDTH:
            consider(_required_one(item))   # what a look-ahead sees; the run of literals goes on past it
            continue
        e = _exact(item)
        if e is not None and len(run) * len(e) <= _PRODUCT:
            run = {a + b for a in run for b in e}
            continue
        consider(run)
        run = {""}
        if e is not None:
            run = e
            continue
        consider(_required_one(item))
    consider(run)
    return best


def _required_one(item: tuple) -> set[str] | None:
    op, av = item
    if op is C.SUBPATTERN:
        _group, add_flags, _del, sub = av
        return None if add_flags & re.IGNORECASE else _required(list(sub))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            r = _required(list(branch))
            if not r:
                return None
            out |= r
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _required(list(sub)) if low >= 1 else None
    if op is C.ATOMIC_GROUP:
        return _required(list(av))
    if op is C.ASSERT:
        return _required(list(av[1]))   # what a look-ahead or look-behind sees is in the text too
    return None     # a negative look-around, a class, a back-reference: nothing required


def _better(a: set[str], b: set[str]) -> bool:
    """Longer strings are rarer words ("phone" rather than "the"); of as long ones, fewer are sooner looked for."""
    return _rank(a) > _rank(b)


def _rank(strings: set[str]) -> tuple[int, int, int]:
    shortest = min(map(_weight, strings))
    return min(shortest, _RARE), -len(strings), shortest


class Gated:
    """A compiled pattern that first looks for its needles in the whole string (a match lies inside it)."""

    def __init__(self, compiled: Any, needles: frozenset[str]) -> None:
        self.compiled = compiled
        self.needles = needles
        # the words as one alternation of literals: re scans for their first characters, in C
        self._look = re.compile("|".join(re.escape(n) for n in sorted(needles)))

    # (each method looks for the needles itself, not through a helper: one Python call less for every use, and these
    # are called tens of thousands of times a second)
    def search(self, string: str, *args: int) -> Any:
        return self.compiled.search(string, *args) if self._look.search(string) is not None else None

    def match(self, string: str, *args: int) -> Any:
        return self.compiled.match(string, *args) if self._look.search(string) is not None else None

    def fullmatch(self, string: str, *args: int) -> Any:
        return self.compiled.fullmatch(string, *args) if self._look.search(string) is not None else None

    def finditer(self, string: str, *args: int) -> Iterator[Any]:
        return self.compiled.finditer(string, *args) if self._look.search(string) is not None else iter(())

    def findall(self, string: str, *args: int) -> list:
        return self.compiled.findall(string, *args) if self._look.search(string) is not None else []

    def __getattr__(self, name: str) -> Any:       # .pattern, .groups, .flags ...: the compiled pattern's
        return getattr(self.compiled, name)


def look_for_any(patterns: list) -> re.Pattern | None:
    """One alternation of the needles of all `patterns` (gated ones): a text it does not find is matched by none
    of them. None when one of them is not gated (it may match anywhere)."""
    if not all(isinstance(p, Gated) for p in patterns):
        return None
    found = _innermost({n for p in patterns for n in p.needles})
    return re.compile("|".join(re.escape(n) for n in sorted(found)))


def gated(pattern: Any) -> Any:
    """`pattern` (compiled by re or regex) behind a look for its needles, or `pattern` itself when it has none."""
    found = needles(pattern.pattern, pattern.flags & (re.IGNORECASE | re.VERBOSE | re.MULTILINE | re.DOTALL))
    return pattern if found is None else Gated(pattern, found)
