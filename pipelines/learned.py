"""Boilerplate learned from a site's own pages: short lines that recur on many of them are navigation, footer or
widget text (menus, "About Us | Contact Us", a copyright or licence line, a promo link), not article text.

Pure functions, no archive. `page_lines` turns a page into its visible text lines; `learn` counts, over a sample
of the site's pages, on how many pages each line appears and keeps a line as boilerplate when

- the sample holds at least MIN_SAMPLE pages (too few pages teach nothing), and the line is on at least
  MIN_SHARE (30%) of them and on at least MIN_PAGES pages;
- it is short: at most MAX_CHARS characters and MAX_WORDS words;
- it is not a sentence: a line of SENTENCE_WORDS (2) words or more ending in `.`, `!`, `?` or a closing quote is
  article text even when it recurs (a standard closing sentence: "The two sides agreed to keep close contact.");
- it is not a credit or a date line (`Translator: …`, `Source: …`, `This article is from …`, `By …`,
  `(Photo provided to …)`, `Updated: …`, `2020-04-03 Download Print`): those carry fields and captions the
  extractor reads; lines with digits only differ from page to page anyway.

The sample is the site's latest SAMPLE (50) archived article pages (their latest captures): the archive gets
cleaner as a site is crawled, and a redesign is learned from the new pages first.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from .charset import decode
from .tree import BLOCK_TAGS, parse
from .normalise import clean_text
from .page_text import DATE_TEXT

SAMPLE = 50          # the latest pages of the site looked at
MIN_SHARE = 0.3      # a line on at least this share of the sampled pages ...
MIN_PAGES = 3        # ... and on at least this many of them
MIN_SAMPLE = 5       # fewer pages than this: nothing is learned
MAX_CHARS = 80       # only short lines
MAX_WORDS = 12
SENTENCE_WORDS = 2   # a line of this many words ending like a sentence is text ("Thank you."), not boilerplate

SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)]?$")
CREDIT = re.compile(
    r"^[(\[（【]?\s*(this article is from|translator|translated by|editor|edited by|chinese source|source|by|"
    r"author|reporter|writer|photo|photos|image|date|updated|published|release time|time)\b", re.I)
# a line that starts with a date as extraction reads one ("2020-04-03 Download Print", "15 July 2015",
# "Wednesday, 15 July 2015", "2015年7月15日"): the articles of one day share it; it is the page's date, not boilerplate
DATE_LINE = re.compile(rf"^(?:[A-Z][a-z]+day,?\s+)?{DATE_TEXT}")
BULLET = re.compile(r"^[-•*·]\s+")


@dataclass(frozen=True)
class Learned:
    """A learned boilerplate line: on `pages` of the `seen_in` pages sampled."""
    line: str
    pages: int
    seen_in: int


def page_lines(body: bytes, content_type: str | None = None) -> list[str]:
    """The visible text lines of an HTML page (split at block elements and <br>; scripts, styles, comments out),
    each whitespace-normalised, empty ones dropped."""
    if not body or not body.strip():
        return []
    text, _ = decode(body, content_type)
    tree = parse(text)
    if tree is None:
        return []
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return [line for line in (clean_text(raw) for raw in tree.text_content().split("\n")) if line]


def candidate(line: str) -> bool:
    """Could this line be boilerplate at all (short, not a sentence, not a credit or date line)?"""
    words = line.split()
    if not words or len(line) > MAX_CHARS or len(words) > MAX_WORDS:
        return False
    if len(words) >= SENTENCE_WORDS and SENTENCE_END.search(line):
        return False
    line = BULLET.sub("", line)
    return not (CREDIT.search(line) or DATE_LINE.search(line))


def learn(pages: Iterable[Iterable[str]], *, min_share: float = MIN_SHARE, min_pages: int = MIN_PAGES,
          min_sample: int = MIN_SAMPLE) -> list[Learned]:
    """The boilerplate lines of a sample of one site's pages (each page given as its text lines), most frequent
    first. A line counts once per page."""
    counts: Counter[str] = Counter()
    sampled = 0
    for lines in pages:
        sampled += 1
        counts.update({clean_text(line) for line in lines} - {""})
    if sampled < min_sample:
        return []
    needed = max(min_pages, min_share * sampled)
    found = [Learned(line, n, sampled) for line, n in counts.items() if n >= needed and candidate(line)]
    return sorted(found, key=lambda item: (-item.pages, item.line))


def as_boilerplate_lines(lines: Iterable[str]) -> frozenset[str]:
    """The learned lines as extract() takes them (`learned_lines`): each also with a list bullet, the way the
    generic extractor (trafilatura) writes a menu item."""
    lines = [clean_text(line) for line in lines]
    return frozenset(lines) | frozenset(f"- {line}" for line in lines)
