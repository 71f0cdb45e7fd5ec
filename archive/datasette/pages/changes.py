"""`/-/changes`: every edit a site made to an article after Gazette archived it, newest first, each with what
changed and its word-level difference; `?site=` narrows it to one source; `/-/feeds/changes.atom` (same
`?site=`) is its feed. Changes made by Gazette's own re-reading of stored pages (cause `reextract`) are not
edits of the site and are left out here (the article page shows them)."""
from __future__ import annotations

import math
from urllib.parse import urlencode

from .common import DATABASE, closest, colours, site_info
from .diffs import change_list, versions

PAGE_SIZE = 20


async def edits(db, site: str | None, limit: int, offset: int) -> list[dict]:
    """The `changes` view's edits by the sites (newest first) with the article's site, title and date."""
    rows = (await db.execute(
        "select c.article_id, c.from_version, c.to_version, c.changed_at, c.changed, c.new_title, a.site, "
        "a.published, a.title from changes c join articles a on a.id = c.article_id where c.cause = 'refetch'"
        + (" and a.site = :site" if site else "")
        + f" order by c.changed_at desc, c.article_id limit {int(limit)} offset {int(offset)}",
        {"site": site} if site else {}, custom_time_limit=4000)).rows
    return [dict(r) for r in rows]


async def count_edits(db, site: str | None) -> tuple[int, dict[str, int]]:
    """(edits shown, {site: edits}) of every site."""
    rows = (await db.execute(
        "select a.site, count(*) from changes c join articles a on a.id = c.article_id "
        "where c.cause = 'refetch' group by a.site", custom_time_limit=4000)).rows
    per_site = {r[0]: r[1] for r in rows}
    return (per_site.get(site, 0) if site else sum(per_site.values())), per_site


async def changes_page(datasette, request):
    from datasette.utils.asgi import Response

    db = datasette.get_database(DATABASE)
    sites = site_info(datasette)
    site = (request.args.get("site") or "").strip() or None
    try:
        page = max(1, int(request.args.get("page") or 1))
    except ValueError:
        page = 1
    total, per_site = await count_edits(db, site)
    unknown = None
    if site and site not in sites and site not in per_site:
        names = {v.get("name", k): k for k, v in sites.items()}
        unknown = {"value": site, "closest": [(n, names.get(n, n)) for n in closest(site, list(names) + list(sites))]}
    rows = await edits(db, site, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    history: dict[str, list[dict]] = {}
    for r in rows:
        if r["article_id"] not in history:
            history[r["article_id"]] = change_list(await versions(db, r["article_id"]))
        r["change"] = next((c for c in history[r["article_id"]] if c["from"] == r["from_version"]), None)
    last = max(1, math.ceil(total / PAGE_SIZE))

    def link(**changes):
        args = {"site": site, "page": None, **changes}
        return "?" + urlencode({k: v for k, v in args.items() if v})

    html = await datasette.render_template("gazette_changes.html", {
        "rows": rows, "total": total, "site": site, "sites": sites, "per_site": per_site, "unknown": unknown,
        "colours": colours(datasette), "feed": "/-/feeds/changes.atom" + link(),
        "pages": {"page": page, "last": last, "prev": link(page=page - 1) if page > 1 else None,
                  "next": link(page=page + 1) if page < last else None},
        "site_link": lambda key: link(site=key)}, request=request)
    return Response.html(html)
