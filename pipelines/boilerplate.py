"""Strip boilerplate: blocks removed from the page tree by CSS, and lines dropped from the text by exact
match or pattern (language bars, print/close/share links, "Eyesight Protection", cookie banners, ICP lines,
breadcrumbs). What to strip comes from config ([defaults.boilerplate] and each site's [boilerplate])."""
from __future__ import annotations

import re
from functools import lru_cache

import regex
from lxml import etree
from lxml import html as lxml_html
from parsel.csstranslator import css2xpath

from .needles import needles
from .normalise import clean_text
from .rules import Boilerplate, TimedPattern


# A step's one test of an id or a class, as cssselect writes it (`*[@id = 'V']`, `div[@class and contains(concat(' ',
# normalize-space(@class), ' '), ' V ')]`, `*[@class and contains(@class, 'V')]`), the step ending there: read from the
# element's attribute instead (`*/@id[. = 'V']/..`: the elements whose id is V), the same elements found two to
# five times faster by libxml2, which then compares the few attributes only, not a string made for every element.
ATTRIBUTE_TESTS = (
    (re.compile(r"\[@id = ('[^']*')\](?=/|$)"), r"/@id[. = \1]/.."),
    (re.compile(r"\[@class and contains\(concat\(' ', normalize-space\(@class\), ' '\), ('[^']*')\)\](?=/|$)"),
     r"/@class[contains(concat(' ', normalize-space(.), ' '), \1)]/.."),
    (re.compile(r"\[@class and contains\(@class, ('[^']*')\)\](?=/|$)"), r"/@class[contains(., \1)]/.."),
)


def xpath_of(css: str) -> str:
    """The XPath of a CSS selector: cssselect's (parsel's css2xpath), each lone id or class test of a step read from
    the attribute (ATTRIBUTE_TESTS)."""
    xpath = css2xpath(css)
    for test, attribute_first in ATTRIBUTE_TESTS:
        xpath = test.sub(attribute_first, xpath)
    return xpath


@lru_cache(maxsize=512)
def compiled_xpath(css: str) -> etree.XPath:
    """The selector compiled once (a page's boilerplate runs dozens of selectors)."""
    return etree.XPath(xpath_of(css))


SIMPLE_SELECTOR = re.compile(r"^([a-zA-Z][\w-]*)?((?:[.#][\w-]+)*)$")


@lru_cache(maxsize=64)
def _removal_plan(selectors: tuple[str, ...]):
    """Simple selectors (`tag`, `.class`, `#id`, `tag.class#id`) indexed for one pass over the page in Python;
    the others (descendant, attribute...) as one compiled XPath union."""
    by_tag: dict = {}
    by_class: dict = {}
    by_id: dict = {}
    others: list = []
    for css in dict.fromkeys(selectors):
        match = SIMPLE_SELECTOR.match(css.strip())
        if not match or not (match.group(1) or match.group(2)):
            others.append(css)
            continue
        parts = re.findall(r"[.#][\w-]+", match.group(2) or "")
        rule = (match.group(1).lower() if match.group(1) else None,
                frozenset(p[1:] for p in parts if p[0] == "."), next((p[1:] for p in parts if p[0] == "#"), None))
        if rule[2]:
            by_id.setdefault(rule[2], []).append(rule)
        elif rule[1]:
            by_class.setdefault(min(rule[1]), []).append(rule)
        else:
            by_tag.setdefault(rule[0], []).append(rule)
    union = etree.XPath(" | ".join(xpath_of(css) for css in others)) if others else None
    return by_tag, by_class, by_id, union


def remove_blocks(tree: lxml_html.HtmlElement, selectors: tuple[str, ...]) -> list[tuple[object, object]]:
    """Remove every element matching one of the CSS selectors (in place), keeping the text that follows it.
    Returns (former parent, element) of each element removed, so that what left an article's container can be
    recorded with its reason (pipelines/completeness.py)."""
    if not selectors:
        return []
    by_tag, by_class, by_id, union = _removal_plan(tuple(selectors))
    doomed = []
    for element in tree.iter(etree.Element):  # elements only (no comments, processing instructions, entities)
        names = element.get("class")
        ident = element.get("id")
        if not names and not ident:  # most elements: only a rule of their tag alone (tag, no class, no id) names them
            if element.tag in by_tag:
                doomed.append(element)
            continue
        tag = element.tag
        names = names.split() if names else ()
        candidates = by_tag.get(tag, [])
        if ident and ident in by_id:
            candidates = candidates + by_id[ident]
        for name in names:
            if name in by_class:
                candidates = candidates + by_class[name]
        if not candidates:  # most elements: no rule names their tag, id or any of their classes
            continue
        classes = frozenset(names)
        for rule_tag, rule_classes, rule_id in candidates:
            if ((rule_tag is None or rule_tag == tag) and rule_classes <= classes
                    and (rule_id is None or rule_id == ident)):
                doomed.append(element)
                break
    if union is not None:
        doomed += [e for e in union(tree) if isinstance(e, etree._Element)]
    dropped = []
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
            dropped.append((parent, element))
    return dropped


PATTERN_MAX_CHARS = 400  # a line longer than this is text, whatever it contains: patterns are not tried on it


@lru_cache(maxsize=64)
def _one_pattern(patterns: tuple) -> TimedPattern | None:
    """The boilerplate patterns as one alternation, compiled once: one scan of a line instead of one per pattern
    (time-bounded, as each pattern is: pipelines/rules.TimedPattern)."""
    if not patterns:
        return None
    try:
        return TimedPattern("|".join(f"(?:{p.pattern})" for p in patterns))
    except (re.error, regex.error):  # e.g. a pattern with its own global flags "(?i)...": they cannot be joined
        return None


@lru_cache(maxsize=64)
def _words(patterns: tuple) -> re.Pattern | None:
    """The words one of which every match of one of the patterns holds (needles.py), as one alternation of plain
    strings: a line holding none matches no pattern, so is not searched (most lines: the joined patterns try every
    position of a line, ~40 us for 300 characters, where this scan takes a few). None when a pattern needs no such
    word: every line is searched."""
    words: set[str] = set()
    for p in patterns:
        found = needles(p.pattern, p.flags)
        if found is None:
            return None
        words |= found
    return re.compile("|".join(re.escape(w) for w in sorted(words))) if words else None


_PLANS: dict[int, tuple] = {}   # id of a site's patterns -> (those patterns, their joined pattern, their words)


def _plan(patterns: tuple) -> tuple:
    """(the patterns joined, or None when their flags differ; their words, _words) for a site's patterns, made once
    per tuple and found by its identity (the entry holds the tuple, so no other object takes its id): the lru_caches
    above hash every pattern of the tuple, at every line of every page."""
    entry = _PLANS.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        if len(_PLANS) > 64:
            _PLANS.clear()
        joined = _one_pattern(patterns) if len({p.flags for p in patterns}) == 1 else None
        entry = _PLANS[id(patterns)] = (patterns, joined, _words(patterns) if joined is not None else None)
    return entry[1], entry[2]


def is_boilerplate(line: str, boilerplate: Boilerplate, cleaned: bool = False) -> bool:
    """The line is empty, one of the boilerplate lines, or (up to PATTERN_MAX_CHARS long) matches a pattern."""
    line = line if cleaned else clean_text(line)
    if not line:
        return True
    if line in boilerplate.lines:
        return True
    if len(line) > PATTERN_MAX_CHARS:
        return False
    pattern, words = _plan(boilerplate.patterns)
    if pattern is None:
        return any(p.search(line) for p in boilerplate.patterns)
    if words is not None and words.search(line) is None:
        return False    # none of the words every match holds: the search would find nothing
    return bool(pattern.search(line))


def reason(line: str, boilerplate: Boilerplate, learned: frozenset[str] = frozenset()) -> str | None:
    """Why a (whitespace-normalised) line is boilerplate, in plain words, or None when it is not."""
    if not line:
        return None
    if line in learned:
        return "learned boilerplate (a line on most of the site's pages)"
    if line in boilerplate.lines:
        return "boilerplate line"
    if is_boilerplate(line, boilerplate, cleaned=True):
        return "boilerplate line (pattern)"
    return None


def keep_lines(lines: list[str], boilerplate: Boilerplate, cleaned: bool = False) -> list[str]:
    """The lines that are not boilerplate (`cleaned`: the lines are already whitespace-normalised)."""
    return [line for line in lines if not is_boilerplate(line, boilerplate, cleaned)]


def is_soft_404(url: str, text: str, boilerplate: Boilerplate) -> bool:
    """True when the URL or the page text carries one of the site's "page deleted" markers."""
    return any(marker in url or marker in text for marker in boilerplate.soft_404)
