"""Reads for incremental crawls: which article URLs the archive already knows, and a run's discovery counts.

A URL is known when an article is archived under it (its canonical URL, or any URL recorded in
`article_urls`), or when a capture of it ended for good: stored, a duplicate of another article, gone (404 or
soft 404), or a 2xx page without an article. Transient failures (5xx, timeouts) are not known: the next crawl
tries them again.
"""
from __future__ import annotations

from typing import Iterable

from .store import Archive

SETTLED_OUTCOMES = ("new", "updated", "unchanged", "duplicate", "gone")
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
                   f"({','.join(repr(o) for o in SETTLED_OUTCOMES)}) or (outcome = 'failed' and status between 200 and 299))",
                   f"select url from article_urls where url in ({marks})"]
        for query in queries:
            found.update(row[0] for row in archive.db.execute(query, chunk).fetchall())
    return found


def record_discovery(archive: Archive, run_id: int, counts: dict) -> None:
    """Store a run's discovery counts (listings read, article links found, known links skipped)."""
    with archive.transaction():
        archive.db["crawl_runs"].update(run_id, {k: int(counts.get(k, 0)) for k in ("listings", "links", "skipped")})
