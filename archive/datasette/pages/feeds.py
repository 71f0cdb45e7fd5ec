"""Atom feeds: of a search (`/-/search.atom`), of the articles edited and of those gone (`/-/feeds/...`)."""
from __future__ import annotations

import re
from urllib.parse import quote
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from .common import DATABASE, FEED_SIZE, MARK_CLOSE, MARK_OPEN, archive_url, plain_date, site_info
from .query import Query, count_hits, page_rowids
from .results import results


ATOM = "http://www.w3.org/2005/Atom"


def _iso(value: str | None) -> str:
    """An RFC 3339 timestamp for Atom from an ISO date or date-time (UTC assumed)."""
    if not value:
        return "1970-01-01T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value + "T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value + "-01T00:00:00Z"
    if re.fullmatch(r"\d{4}", value):
        return value + "-01-01T00:00:00Z"
    value = value.replace(" ", "T")
    return value if re.search(r"(Z|[+-]\d{2}:\d{2})$", value) else value + "Z"


def atom(title: str, self_url: str, entries: list[dict], html_url: str | None = None) -> bytes:
    """An Atom 1.0 document; each entry: id, title, link, updated, summary, (author). `html_url`: the page
    showing the same list (a link rel=alternate)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
    if html_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=html_url)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max(
        (e["updated"] for e in entries), default=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Gazette archive"
    for e in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = e["id"]
        ET.SubElement(entry, f"{{{ATOM}}}title").text = e["title"]
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=e["link"])
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = e["updated"]
        if e.get("summary"):
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = e["summary"]
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def wants_page(request) -> bool:
    """A browser opening the feed (it asks for HTML first); feed readers ask for Atom, XML or anything."""
    accept = (request.headers.get("accept") or "").lower() if request is not None else ""
    return accept.startswith("text/html") or accept.startswith("application/xhtml")


async def feed_response(datasette, request, title: str, entries: list[dict], html_url: str | None = None):
    """The Atom document; to a browser, the same entries as a readable page that says how to subscribe."""
    from datasette.utils.asgi import Response

    self_url = datasette.absolute_url(request, request.full_path)
    if wants_page(request):
        page = await datasette.render_template("gazette_feed.html", {
            "title": title, "entries": entries, "self_url": self_url, "html_url": html_url}, request=request)
        return Response.html(page)
    return Response(atom(title, self_url, entries, html_url=html_url),
                    content_type="application/atom+xml; charset=utf-8")


async def search_feed(datasette, db, query: Query, request, labels: dict):
    """The newest FEED_SIZE articles (by publication date) of a search, site, country or province."""
    total = await count_hits(db, query) if query.active else 0
    date_query = Query({**{k: v for k, v in query.filters.items()}, "q": query.text, "order": "date"})
    date_query.search.known.update(query.search.known)
    rowids = await page_rowids(db, date_query, total) if total else []
    rows = await results(db, date_query, rowids[:FEED_SIZE]) if rowids else []
    base = datasette.absolute_url
    sites = site_info(datasette)
    entries = [{"id": base(request, archive_url(datasette, r["id"])), "title": r["title"] or "(no title)",
                "link": base(request, archive_url(datasette, r["id"])),
                "updated": _iso(r["last_changed"] or r["first_seen"] or r["published"]),
                "summary": f"{plain_date(r['published']) if r['published'] else 'undated'} · "
                           f"{sites.get(r['site'], {}).get('name', r['site'])} · "
                           + (r["snippet"] or "").replace(MARK_OPEN, "").replace(MARK_CLOSE, "")}
               for r in rows]
    title = "Gazette: " + query.describe(sites, labels)
    return await feed_response(datasette, request, title, entries, html_url=base(request, "/-/search" + query.link()))


async def changes_feed(datasette, request):
    """Atom: the latest edits by the sites (of one site with ?site=) or the articles found gone, newest first."""
    from .changes import edits

    db = datasette.get_database(DATABASE)
    base = datasette.absolute_url
    sites = site_info(datasette)
    site = (request.args.get("site") or "").strip() or None
    name = sites.get(site, {}).get("name", site) if site else None
    if request.url_vars["kind"] == "changes":
        entries = [{"id": base(request, f"/-/changes/{r['article_id']}/{r['from_version']}"),
                    "title": f"Edited ({r['changed']}): {r['new_title'] or '(no title)'}",
                    "link": base(request, f"/-/changes/{r['article_id']}/{r['from_version']}"),
                    "updated": _iso(r["changed_at"]),
                    "summary": f"{sites.get(r['site'], {}).get('name', r['site'])} changed {r['changed']} of this "
                               f"article (version {r['from_version']} to {r['to_version']})."}
                   for r in await edits(db, site, FEED_SIZE, 0)]
        title = "Gazette: articles edited after publication" + (f" by {name}" if name else "")
        html = "/-/changes" + (f"?site={quote(site)}" if site else "")
    else:
        rows = (await db.execute(
            "select a.id, a.site, a.title, a.published, k.gone_since from article_keys k indexed by "
            "article_keys_gone join articles a on a.rowid = k.rowid where k.gone_since is not null"
            + (" and k.site = :site" if site else "") + f" order by k.gone_since desc limit {FEED_SIZE}",
            {"site": site} if site else {})).rows
        entries = [{"id": base(request, archive_url(datasette, r["id"])) + "#gone-" + r["gone_since"],
                    "title": f"Gone: {r['title'] or '(no title)'}",
                    "link": base(request, archive_url(datasette, r["id"])), "updated": _iso(r["gone_since"]),
                    "summary": f"{sites.get(r['site'], {}).get('name', r['site'])} no longer serves this article "
                               f"(published {plain_date(r['published'])}; missing since "
                               f"{plain_date(r['gone_since'], utc=True)}); the archived copy stays."} for r in rows]
        title = "Gazette: articles gone from their site" + (f" ({name})" if name else "")
        html = "/-/search?gone=1" + (f"&site={quote(site)}" if site else "")
    return await feed_response(datasette, request, title, entries, html_url=base(request, html))
