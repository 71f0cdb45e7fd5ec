"""Which archived articles are due for a re-check (`gazette revisit`, `gazette crawl --revisit`).

An article is re-checked N days after it was first seen, for each N of the site's `revisit.after_days`; a
check point passes once a fetch of it happened after that moment.
"""
from __future__ import annotations

from typing import Any, Iterable

from .store import Archive, utcnow


def due_for_revisit(archive: Archive, site: str, after_days: Iterable[int], limit: int, now: str | None = None) -> list[dict[str, Any]]:
    """Articles of `site` whose latest passed check point (first_seen + N days, N in after_days) has not been
    checked since: the URL to request (the last one that served the article: a site's canonical form of a
    URL is not always served), article id, the check point and when it was last fetched.

    Gone articles are included (a re-check finds out if they came back). Articles known only from imported or
    backfilled captures (capture_origins) are not: revisits watch what was fetched live, and years of history
    brought in at once would crowd it out. The longest-waiting come first, at most `limit`."""
    days = sorted({float(d) for d in after_days}, reverse=True)
    if not days or limit <= 0:
        return []
    now = now or utcnow()
    case = " ".join(f"when julianday(:now) - julianday(a.first_seen) >= {d!r} then {d!r}" for d in days)
    sql = f"""
        select id as article_id, coalesce(served, url) as url, first_seen, last_checked, checkpoint,
               strftime('%Y-%m-%dT%H:%M:%SZ', julianday(first_seen) + checkpoint) as due_since
        from (
            select a.id, a.url, a.first_seen, (case {case} end) as checkpoint,
                   (select c.final_url from captures c where c.article_id = a.id and c.status between 200 and 299
                     order by c.outcome = 'duplicate', c.id desc limit 1) as served,
                   max(a.last_seen, coalesce((select max(c.fetched_at) from captures c
                                               where c.article_id = a.id), '')) as last_checked
            from articles a where a.site = :site
              and not (exists (select 1 from captures c join capture_origins o on o.capture_id = c.id
                               where c.article_id = a.id)
                       and not exists (select 1 from captures c where c.article_id = a.id and not exists
                                       (select 1 from capture_origins o where o.capture_id = c.id)))
        )
        where checkpoint is not null and julianday(last_checked) < julianday(first_seen) + checkpoint
        order by julianday(first_seen) + checkpoint, id
        limit :limit"""
    return list(archive.db.query(sql, {"now": now, "site": site, "limit": int(limit)}))
