"""Reads for incremental crawls: which article URLs the archive already knows.

A URL is known when an article is archived under it (its canonical URL, or any URL recorded in
`article_urls`), or when a capture of it ended for good: stored, a duplicate of another article, gone (404 or
soft 404), or a 2xx page without an article. Transient failures (5xx, timeouts) are not known: the next crawl
tries them again.
"""
from __future__ import annotations

from typing import Iterable

from .outcomes import SETTLED, Outcome
from .store import Archive

SETTLED_SQL = ", ".join(f"'{o}'" for o in SETTLED)
CHUNK = 400


def known_urls(archive: Archive, urls: Iterable[str]) -> set[str]:
    """The subset of `urls` (canonical or as requested) that the archive already knows."""
    urls = list(dict.fromkeys(u for u in urls if u))
    found: set[str] = set()
    for start in range(0, len(urls), CHUNK):
        chunk = urls[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        queries = [f"select url from articles where url in ({marks})",
                   f"select url from captures where url in ({marks}) and (outcome in "
                   f"({SETTLED_SQL}) or (outcome = '{Outcome.FAILED}' and status between 200 and 299))",
                   f"select url from article_urls where url in ({marks})"]
        for query in queries:
            found.update(row[0] for row in archive.db.execute(query, chunk).fetchall())
    return found
