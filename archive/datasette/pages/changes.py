"""`/-/changes`: every edit a site made to an article after Gazette archived it, newest first, each with what
changed and its word-level difference; `?site=` narrows it to one source; `/-/feeds/changes.atom` (same
`?site=`) is its feed. Changes made by Gazette's own re-reading of stored pages (cause `reextract`) are not
edits of the site and are left out here (the article page shows them)."""
from __future__ import annotations

import math
from urllib.parse import urlencode

from .common import DATABASE, closest, colours, site_info
from .diffs import change_list, describe_change, versions

PAGE_SIZE = 20


async def edits(db, site: str | None, limit: int, offset: int) -> list[dict]:
    """The edits by the sites, newest first, with the article's site, title and date, what changed and the two
    versions (`old`, `new`: diffs.versions' dicts).

    The revisions are walked newest first through revisions_changed (replaced_at, cause, article_id: no revision's
    text is read to choose them); only the page's articles have their versions read and compared. The `changes`
    view gives the same rows but numbers every version of every article to do so."""
    rows = (await db.execute(
        "select r.id, r.article_id, r.replaced_at from revisions r indexed by revisions_changed"
        + (" join article_keys k on k.id = r.article_id" if site else "")
        + " where r.cause = 'refetch'" + (" and k.site = :site" if site else "")
        + f" order by r.replaced_at desc, r.article_id limit {int(limit)} offset {int(offset)}",
        {"site": site} if site else {}, custom_time_limit=4000)).rows
    ids = sorted({r["article_id"] for r in rows})
    articles = {r["id"]: dict(r) for r in (await db.execute(
        f"select id, site, published, title from articles where id in ({', '.join('?' * len(ids))})", ids)).rows}
    history = {i: await versions(db, i) for i in ids}
    out = []
    for r in rows:
        article, chain = articles.get(r["article_id"]), history.get(r["article_id"], [])
        at = next((n for n, v in enumerate(chain) if v.get("id") == r["id"]), None)
        if article is None or at is None or at + 1 >= len(chain):
            continue
        old, new = chain[at], chain[at + 1]
        out.append({"article_id": r["article_id"], "from_version": old["version"], "to_version": new["version"],
                    "changed_at": r["replaced_at"], "changed": ", ".join(describe_change(old, new)),
                    "new_title": new.get("title"), "site": article["site"], "published": article["published"],
                    "title": article["title"], "old": old, "new": new})
    return out


async def count_edits(db, site: str | None) -> tuple[int, dict[str, int]]:
    """(edits shown, {site: edits}) of every site, from revisions_changed and article_keys_id (no text read)."""
    rows = (await db.execute(
        "select k.site, count(*) from revisions r indexed by revisions_changed join article_keys k "
        "on k.id = r.article_id where r.cause = 'refetch' group by k.site", custom_time_limit=4000)).rows
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
    for r in rows:
        r["change"] = change_list([r["old"], r["new"]])[0]
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
