"""The article page's data (templates/row-gazette-articles.html, Datasette's row page of `articles`), one reader
per part. To show something more on the page: add a reader here, merge its result in `article_context`, and
fill a block of the template (see its header)."""
from __future__ import annotations

import json

from definitions.removals import summary

from .cite import citation
from .common import colours, site_info
from .diffs import change_list, versions
from .translation import pair_of
from .provenance import capture_sources


async def _revisions(db, article_id: str) -> list[dict]:
    rows = (await db.execute("select id, seen_at, replaced_at, title, published, body from revisions "
                             "where article_id = ? order by seen_at desc, id desc", [article_id])).rows
    return [dict(r) for r in rows]


async def _urls(db, article_id: str) -> tuple[list[dict], bool]:
    """Every URL the article was seen at, and whether the archive tracks them at all."""
    if not await db.table_exists("article_urls"):
        return [], False
    rows = (await db.execute("select * from article_urls where article_id = ? order by url", [article_id])).rows
    return [dict(u) for u in rows], True


def _captions(article: dict) -> list[str]:
    try:
        return [c for c in json.loads(article.get("captions") or "[]") if c]
    except ValueError:
        return [article["captions"]]


async def _named(db, article_id: str) -> dict[str, list[dict]]:
    """{kind: mentions} of the countries, provinces, cities and officials the article names."""
    named: dict[str, list[dict]] = {}
    for m in (await db.execute("select kind, name, code, count from mentions where article_id = ? "
                               "order by kind, count desc, name", [article_id])).rows:
        named.setdefault(m["kind"], []).append(dict(m))
    return named


async def _capture(db, article: dict) -> dict | None:
    """The capture the current text came from (else the newest good one)."""
    row = (await db.execute(
        "select id, url, final_url, fetched_at, status from captures where id = ? or (article_id = ? and "
        "status = 200) order by (id = ?) desc, fetched_at desc limit 1",
        [article.get("capture_id"), article["id"], article.get("capture_id")])).first()
    return dict(row) if row else None


def _removals(article: dict) -> dict:
    """What extraction left out of the text and why, and what the completeness guard put back
    (pipelines/completeness.py), counted by kind (definitions/removals.py)."""
    try:
        removed = [r for r in json.loads(article.get("removed") or "[]") if isinstance(r, dict)]
        restored = json.loads(article.get("restored") or "[]")
    except ValueError:
        removed, restored = [], []
    return {"removed": removed, "restored": restored, "removed_summary": summary((str(r.get("rule", "")) for r in removed), restored)}


async def article_context(datasette, db, request, article_id: str) -> dict:
    article = (await db.execute("select * from articles where id = ?", [article_id])).first()
    if article is None:
        return {"article": None}
    article = dict(article)
    sites = site_info(datasette)
    capture = await _capture(db, article)
    urls, tracked = await _urls(db, article_id)
    every = await versions(db, article_id)
    version_url = datasette.absolute_url(request, f"/-/article/{article_id}/v/{len(every)}")
    served = (capture or {}).get("final_url") or article["url"]
    site_name = sites.get(article["site"], {}).get("name", article["site"])
    return {"article": article, "revisions": await _revisions(db, article_id),
            "article_urls": urls, "article_urls_tracked": tracked, "captions": _captions(article),
            "named": await _named(db, article_id), "capture": capture,
            "site": {"key": article["site"], **sites.get(article["site"], {"name": article["site"]})},
            "colour": colours(datasette)[article["site"]],
            "archive_url": datasette.absolute_url(request, request.path),
            "changes": change_list(every), "version_count": len(every), "version_url": version_url,
            "cite": citation(article, every[-1], site_name, version_url, served) if every else None,
            "translation": await pair_of(db, article_id), **_removals(article),
            "sources": await capture_sources(db, article_id, every)}
