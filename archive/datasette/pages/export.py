"""`/-/search.csv` and `/-/search.json`: every hit of a search, streamed in batches."""
from __future__ import annotations

import csv
import io
import json
import re

from .common import archive_url
from .query import Query, _hits_sql, named_in


EXPORT_COLUMNS = ("id", "published", "site", "title", "url", "archive_url", "gone_since", "first_seen")


async def export(datasette, db, query: Query, fmt: str, request):
    """Every hit, most recently archived first, streamed in batches (keyset on rowid)."""
    from datasette.utils.asgi import AsgiStream

    base = datasette.absolute_url

    async def stream(writer):
        last = None
        first = True
        if fmt == "json":
            await writer.write("[")
        else:
            buffer = io.StringIO()
            csv.writer(buffer).writerow(EXPORT_COLUMNS)
            await writer.write(buffer.getvalue())
        if not query.active:
            return await writer.write("]" if fmt == "json" else "")
        named = bool(named_in(query.filters))
        offset = 0
        while True:
            hits, params = _hits_sql(query, 2000, before=None if named else last)
            if named:
                hits += f" offset {offset}"
                offset += 2000
            rows = (await db.execute(
                f"select a.rowid, a.id, a.published, a.site, a.title, a.url, a.gone_since, a.first_seen "
                f"from ({hits}) h join articles a on a.rowid = h.rowid order by h.rowid desc", params,
                custom_time_limit=10000)).rows
            if not rows:
                break
            buffer = io.StringIO()
            out = csv.writer(buffer)
            for r in rows:
                record = {"id": r["id"], "published": r["published"], "site": r["site"], "title": r["title"],
                          "url": r["url"], "archive_url": base(request, archive_url(datasette, r["id"])),
                          "gone_since": r["gone_since"], "first_seen": r["first_seen"]}
                if fmt == "json":
                    buffer.write(("" if first else ",\n") + json.dumps(record, ensure_ascii=False))
                else:
                    out.writerow([record[c] for c in EXPORT_COLUMNS])
                first = False
            await writer.write(buffer.getvalue())
            last = rows[-1]["rowid"]
        if fmt == "json":
            await writer.write("]\n")

    content_type = "application/json; charset=utf-8" if fmt == "json" else "text/csv; charset=utf-8"
    name = re.sub(r"[^A-Za-z0-9]+", "-", query.text or "articles").strip("-")[:40] or "articles"
    return AsgiStream(stream, content_type=content_type,
                      headers={"content-disposition": f'attachment; filename="gazette-{name}.{fmt}"'})
