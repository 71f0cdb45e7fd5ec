"""Re-extraction: rerun extraction over the stored captures, without the network.

For every archived article the latest capture it was extracted from is extracted again with the current
config and code; the article changes (with a revision) only where the output changed. Captures that gave
no article before (e.g. a selector missed the body) are tried again and may become new articles.
Last seen and gone_since stay as they were: nothing was fetched. Each capture goes through the same two steps
as a fetched page: `decide` (pure) and `apply` (one short transaction). Each configured site's learned
boilerplate is relearned from its archive first (pipelines/learning.py) and dropped from every page.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Callable, Iterable

from archive import Archive
from archive.outcomes import Outcome
from archive.reextraction import candidates
from archive.store import utcnow

from .decide import decide
from .learning import lines_for, refresh
from .record import apply
from .rules import Config

COUNTED = (Outcome.NEW, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.DUPLICATE, Outcome.FAILED, Outcome.NO_ARTICLE)


def reextract_one(archive: Archive, config: Config, row: dict, now: str | None = None,
                  learned: dict[str, frozenset[str]] | None = None, errors: list[str] | None = None) -> Outcome:
    """Re-extract one capture row; return new, updated, unchanged, duplicate, failed (an article's capture
    gives no article any more: it keeps its text) or no_article (a capture that never gave one still does not).
    `learned`: site key -> learned boilerplate lines (read from the archive when not given); why an article's
    capture failed is appended to `errors`."""
    site = config.sites.get(row["site"]) or config.site_for_url(row["url"])
    page = {"url": row["url"], "final_url": row["final_url"] or row["url"], "status": row["status"],
            "headers": json.loads(row["headers"] or "{}"), "body": archive.capture_body(row["digest"]),
            "error": None, "fetched_at": row["fetched_at"],
            "hints": {"listed_published": row["listed_published"]} if row["listed_published"] else {}}
    lines = (learned or {}).get(site.key)
    if lines is None:
        lines = lines_for(archive, site.key) if site.key in config.sites else frozenset()
    decision = decide(page, site, config.taggers, learned_lines=lines, fetched_now=False)
    if decision.error is not None:  # nothing is written: an archived article keeps its text
        if row["article_id"] and errors is not None:
            errors.append(f"{row['url']}: {decision.error}")
        return Outcome.FAILED if row["article_id"] else Outcome.NO_ARTICLE
    seen_at = (now or utcnow()) if row["article_id"] else row["fetched_at"]
    result = apply(archive, decision, page, capture_id=row["capture_id"], article=row["article_id"],
                   seen_at=seen_at, refetched=False)
    return result["status"]


def reextract(archive: Archive, config: Config, sites: Iterable[str] | None = None,
              rows: list[dict] | None = None, on_row: Callable[[dict, str], None] | None = None) -> dict:
    """Re-extract every candidate capture (or `rows`); return counts by outcome, the changed article ids and
    why each failed article's capture gave no article (`errors`)."""
    rows = candidates(archive, sites) if rows is None else rows
    counts: Counter = Counter()
    changed: list[str] = []
    errors: list[str] = []
    now = utcnow()
    learned = {}
    for key in dict.fromkeys(row["site"] for row in rows):
        if key in config.sites:
            refresh(archive, key)
            learned[key] = lines_for(archive, key)
    for row in rows:
        status = reextract_one(archive, config, row, now, learned, errors)
        counts[status] += 1
        if status in (Outcome.NEW, Outcome.UPDATED):
            changed.append(row["article_id"] or row["url"])
        if on_row:
            on_row(row, status)
    return {"captures": len(rows), **{str(k): counts.get(k, 0) for k in COUNTED}, "changed": changed, "errors": errors}
