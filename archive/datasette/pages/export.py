"""`/-/search.csv` and `/-/search.json`: every hit of a search, in the order the user chose (best match or newest
first), streamed in batches, with the text, a snippet, the countries and provinces named. Dates stay ISO 8601;
the CSV starts with a UTF-8 byte order mark so that Excel opens Chinese text intact."""
from __future__ import annotations

import csv
import io
import json
import re

from .common import MARK_CLOSE, MARK_OPEN, archive_url, site_info
from .query import Query, _hits_sql
from .results import results

EXPORT_COLUMNS = ("id", "published", "site", "source", "title", "url", "archive_url", "gone_since", "first_seen",
                  "countries", "provinces", "snippet", "text")
BATCH = 200


async def ordered_rowids(db, query: Query) -> list[int]:
    """Every hit's rowid in the page's order: by FTS5 rank for best match, else newest published first."""
    if not query.active:
        return []
    if query.order == "relevance" and query.search.match:
        hits, params = _hits_sql(query, -1, rank=True)
        sql = f"select rowid from ({hits}) order by rank, rowid desc"
    else:
        hits, params = _hits_sql(query, -1)
        sql = f"select rowid from ({hits}) order by published desc, rowid desc"
    return [r[0] for r in (await db.execute(sql, params, custom_time_limit=20000)).rows]


async def named(db, ids: list[str]) -> dict[tuple[str, str], str]:
    """{(article id, country|province): "A; B"} of the articles' mentions."""
    rows = (await db.execute(
        f"select article_id, kind, group_concat(name, '; ') from (select article_id, kind, name from mentions "
        f"where article_id in ({', '.join('?' * len(ids))}) and kind in ('country', 'province') "
        f"and not (kind = 'country' and code = 'CHN') order by article_id, kind, count desc, name) "
        f"group by article_id, kind", ids)).rows
    return {(r[0], r[1]): r[2] for r in rows}


async def records(datasette, db, request, query: Query, rowids: list[int]) -> list[dict]:
    rows = await results(db, query, rowids)
    ids = [r["id"] for r in rows]
    bodies = {r[0]: r[1] for r in (await db.execute(
        f"select id, body from articles where id in ({', '.join('?' * len(ids))})", ids)).rows}
    names = await named(db, ids)
    sites = site_info(datasette)
    return [{"id": r["id"], "published": r["published"], "site": r["site"],
             "source": sites.get(r["site"], {}).get("name", r["site"]), "title": r["title"], "url": r["url"],
             "archive_url": datasette.absolute_url(request, archive_url(datasette, r["id"])),
             "gone_since": r["gone_since"], "first_seen": r["first_seen"],
             "countries": names.get((r["id"], "country"), ""), "provinces": names.get((r["id"], "province"), ""),
             "snippet": (r["snippet"] or "").replace(MARK_OPEN, "").replace(MARK_CLOSE, ""),
             "text": bodies.get(r["id"]) or ""} for r in rows]


async def export(datasette, db, query: Query, fmt: str, request):
    """Every hit, in the page's order, streamed in batches."""
    from datasette.utils.asgi import AsgiStream

    async def stream(writer):
        rowids = await ordered_rowids(db, query)
        if fmt == "json":
            await writer.write("[")
        else:
            buffer = io.StringIO()
            buffer.write("\ufeff")
            csv.writer(buffer).writerow(EXPORT_COLUMNS)
            await writer.write(buffer.getvalue())
        for start in range(0, len(rowids), BATCH):
            buffer = io.StringIO()
            out = csv.writer(buffer)
            for n, record in enumerate(await records(datasette, db, request, query, rowids[start:start + BATCH])):
                if fmt == "json":
                    buffer.write(("" if start == 0 and n == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
                else:
                    out.writerow([record[c] for c in EXPORT_COLUMNS])
            await writer.write(buffer.getvalue())
        if fmt == "json":
            await writer.write("]\n")

    content_type = "application/json; charset=utf-8" if fmt == "json" else "text/csv; charset=utf-8"
    name = re.sub(r"[^A-Za-z0-9]+", "-", query.text or "articles").strip("-")[:40] or "articles"
    return AsgiStream(stream, content_type=content_type,
                      headers={"content-disposition": f'attachment; filename="gazette-{name}.{fmt}"'})
