"""Which stored captures `gazette reextract` reads again: per article the latest capture it came from, and the
latest response of each URL that never gave an article."""
from __future__ import annotations

from .outcomes import STORED, Outcome
from .store import Archive

STORED_SQL = ", ".join(f"'{o}'" for o in STORED)


def candidates(archive: Archive, sites=None) -> list[dict]:
    """Every capture to re-extract: archived articles first, then captures that gave none."""
    return latest_article_captures(archive, sites) + unextracted_captures(archive, sites)


def _site_filter(column: str, sites) -> tuple[str, list]:
    sites = list(sites or [])
    if not sites:
        return "", []
    return f" and {column} in ({','.join('?' * len(sites))})", sites


def latest_article_captures(archive: Archive, sites=None) -> list[dict]:
    """Per archived article, the latest successful capture it was extracted from (without the body): latest by
    capture time, since an imported capture may be older than the captures archived before it."""
    where, params = _site_filter("a.site", sites)
    return list(archive.db.query(f"""
        select a.id as article_id, a.site, a.listed_published, c.id as capture_id, c.url, c.final_url,
               c.status, c.headers, c.digest, c.fetched_at
        from articles a join captures c on c.id = coalesce(
            (select x.id from captures x where x.article_id = a.id and x.status between 200 and 299
                and x.outcome in ({STORED_SQL}) order by x.fetched_at desc, x.id desc limit 1), a.capture_id)
        where 1 = 1 {where} order by a.site, a.id""", params))


def unextracted_captures(archive: Archive, sites=None) -> list[dict]:
    """The latest successful response of each URL that never became an article (extraction found none)."""
    where, params = _site_filter("c.site", sites)
    return list(archive.db.query(f"""
        select null as article_id, c.site, null as listed_published, c.id as capture_id, c.url, c.final_url,
               c.status, c.headers, c.digest, c.fetched_at
        from captures c
        where c.id in (select max(id) from captures where status between 200 and 299 group by url)
          and c.outcome = '{Outcome.FAILED}' and c.article_id is null
          and not exists (select 1 from article_urls u where u.url = c.url) {where}
        order by c.site, c.id""", params))
