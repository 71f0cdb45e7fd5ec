"""Volatile lines: lines of an article that change on every capture ("Updated: 2026-12-06 10:12", "Visits:
1234 · 2026-12-06") while the article does not. Pure functions; the per-site learned set is archive/volatile.py's.

A line's `template` is the line with its digits masked, for a short line that holds a date or time. When a
refetched article differs from the archived text only in such lines, each changed pair having the same
template, the change is volatile: the templates are learned for the site, no revision is made, and from then on
lines of those templates are left out of the site's content hashes (they stay in the captures).
"""
from __future__ import annotations

import re

from .normalise import content_hash

VOLATILE_MAX = 120  # a longer line is text, not a time stamp
TIMESTAMP = re.compile(r"\d{1,2}:\d{2}|\b(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*(?:19|20)\d\d"
                       r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}", re.I)
DIGITS = re.compile(r"\d+")


def template(line: str) -> str | None:
    """The line with digits masked when it is a short line holding a date or time; else None."""
    line = line.strip()
    if not line or len(line) > VOLATILE_MAX or not TIMESTAMP.search(line):
        return None
    return DIGITS.sub("#", line)


def volatile_change(old_body: str | None, new_body: str | None) -> list[str] | None:
    """The templates of the lines that changed, when every changed line is a time-stamp line of the same
    template as the line it replaces (and nothing else changed); else None."""
    old, new = (old_body or "").split("\n\n"), (new_body or "").split("\n\n")
    if len(old) != len(new) or old == new:
        return None
    found = []
    for before, after in zip(old, new):
        if before == after:
            continue
        mask = template(after)
        if mask is None or mask != template(before):
            return None
        found.append(mask)
    return found


def stable_hash(body: str | None, templates: frozenset[str]) -> str | None:
    """The content hash of the body without its lines of these templates."""
    if not templates or not body:
        return content_hash(body)
    return content_hash("\n\n".join(p for p in body.split("\n\n") if template(p) not in templates))
