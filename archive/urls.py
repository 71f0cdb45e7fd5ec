"""Every URL an article was seen at (table `article_urls`): as requested, as finally served, and canonical.

A URL recorded for an article stays with it: a later fetch of that URL revises that article instead of making
a second one, and an incremental crawl knows the URL.
"""
from __future__ import annotations

from typing import Iterable

from .store import Archive, utcnow


def record_urls(archive: Archive, article_id: str, urls: Iterable[str], seen_at: str | None = None) -> None:
    """Point each of these URLs at the article (a URL seen again moves its last_seen and follows the article)."""
    seen_at = seen_at or utcnow()
    for url in dict.fromkeys(u for u in urls if u):
        archive.db.execute(
            "insert into article_urls (url, article_id, first_seen, last_seen) values (?, ?, ?, ?) "
            "on conflict(url) do update set article_id = excluded.article_id, "
            "first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)",
            [url, article_id, seen_at, seen_at])


def article_for_url(archive: Archive, *urls: str) -> str | None:
    """The id of the archived article one of these URLs already points to."""
    for url in urls:
        row = archive.db.execute(
            "select u.article_id from article_urls u join articles a on a.id = u.article_id where u.url = ?",
            [url]).fetchone()
        if row:
            return str(row[0])
    return None


def urls_of(archive: Archive, article_id: str) -> list[str]:
    return [r[0] for r in archive.db.execute(
        "select url from article_urls where article_id = ? order by first_seen, url", [article_id])]
