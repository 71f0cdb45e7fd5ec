"""Re-extraction: rerun extraction over the stored captures, without the network.

For every archived article the latest capture it was extracted from is extracted again with the current
config and code; the article changes (with a revision) only where the output changed. Captures that gave
no article before (e.g. a selector missed the body) are tried again and may become new articles.
Last seen and gone_since stay as they were: nothing was fetched.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Callable, Iterable

from archive import Archive, history
from archive.store import utcnow
from .rules import Config

from .extract import ExtractionError, extract
from .record import refusal, article_record, link_near_duplicates


def candidates(archive: Archive, sites: Iterable[str] | None = None) -> list[dict]:
    return history.latest_article_captures(archive, sites) + history.unextracted_captures(archive, sites)


def reextract_one(archive: Archive, config: Config, row: dict, now: str | None = None) -> str:
    """Re-extract one capture row; return new, updated, unchanged, duplicate, failed (an article's capture
    gives no article any more: it keeps its text) or no_article (a capture that never gave one still does not)."""
    site = config.sites.get(row["site"]) or config.site_for_url(row["url"])
    headers = json.loads(row["headers"] or "{}")
    page = {"url": row["url"], "final_url": row["final_url"] or row["url"], "status": row["status"],
            "headers": headers, "body": archive.capture_body(row["digest"]), "error": None,
            "hints": {"listed_published": row["listed_published"]} if row["listed_published"] else {}}
    lost = "failed" if row["article_id"] else "no_article"
    error, _ = refusal(page, site)
    if error:
        return lost
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    try:
        article = extract(page["body"], page["final_url"], site, content_type, page["hints"])
    except ExtractionError:
        return lost
    canonical = site.canonical(row["url"])
    record = article_record(article, canonical, site, page["hints"], config)
    if row["article_id"]:
        record["id"] = row["article_id"]
    with archive.transaction():
        seen_at = (now or utcnow()) if row["article_id"] else row["fetched_at"]
        status = archive.store_article(record, seen_at=seen_at, capture_id=row["capture_id"], refetched=False)
        if status == "duplicate":
            record["id"] = archive.find_duplicate(site.key, record["content_hash"], record["id"])["id"]
        if not row["article_id"]:
            history.record_urls(archive, record["id"], [row["url"], row["final_url"], canonical], row["fetched_at"])
        link_near_duplicates(archive, record, status)
    return status


def reextract(archive: Archive, config: Config, sites: Iterable[str] | None = None,
              rows: list[dict] | None = None, on_row: Callable[[dict, str], None] | None = None) -> dict:
    """Re-extract every candidate capture (or `rows`); return counts by outcome and the changed article ids."""
    rows = candidates(archive, sites) if rows is None else rows
    counts: Counter = Counter()
    changed: list[str] = []
    now = utcnow()
    for row in rows:
        status = reextract_one(archive, config, row, now)
        counts[status] += 1
        if status in ("new", "updated"):
            changed.append(row["article_id"] or row["url"])
        if on_row:
            on_row(row, status)
    return {"captures": len(rows), **{k: counts.get(k, 0) for k in ("new", "updated", "unchanged", "duplicate",
                                                                       "failed", "no_article")}, "changed": changed}
