"""The boilerplate learned from each site's archived pages (table `learned_boilerplate`): what to sample, and the
learned set read and replaced. What counts as boilerplate is decided in pipelines/learned.py (pure)."""
from __future__ import annotations

import json
from typing import Any, Iterator

from .store import Archive, utcnow


def latest_pages(archive: Archive, site: str, limit: int) -> Iterator[tuple[bytes, str | None]]:
    """(raw body, content type) of the latest capture of each of the site's `limit` latest articles (newest
    published first, then newest first seen)."""
    rows = archive.db.execute(
        "select c.digest, c.headers from articles a join captures c on c.id = a.capture_id "
        "where a.site = ? and c.digest is not null "
        "order by a.published is null, a.published desc, a.first_seen desc limit ?", [site, limit]).fetchall()
    for digest, headers in rows:
        content_type = next((v for k, v in json.loads(headers or "{}").items() if k.lower() == "content-type"), None)
        yield archive.capture_body(digest), content_type


def replace(archive: Archive, site: str, learned: list[Any], when: str | None = None) -> None:
    """The site's learned set becomes `learned` (items with line, pages, seen_in), in one transaction."""
    when = when or utcnow()
    with archive.transaction():
        archive.db.execute("delete from learned_boilerplate where site = ?", [site])
        archive.db.conn.executemany(
            "insert into learned_boilerplate (site, line, pages, seen_in, updated) values (?, ?, ?, ?, ?)",
            [(site, item.line, item.pages, item.seen_in, when) for item in learned])


def lines(archive: Archive, site: str) -> frozenset[str]:
    """The site's learned boilerplate lines (empty when none were learned yet)."""
    return frozenset(row[0] for row in archive.db.execute(
        "select line from learned_boilerplate where site = ?", [site]))


def rows(archive: Archive, site: str) -> list[dict[str, Any]]:
    """The site's learned lines with their counts, most frequent first (for `gazette status`)."""
    cursor = archive.db.execute(
        "select line, pages, seen_in, updated from learned_boilerplate where site = ? order by pages desc, line",
        [site])
    return [dict(zip(("line", "pages", "seen_in", "updated"), row)) for row in cursor]
