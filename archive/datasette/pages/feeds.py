"""Atom feeds: of a search (`/-/search.atom`), of the articles edited and of those gone (`/-/feeds/...`)."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from .common import DATABASE, FEED_SIZE, MARK_CLOSE, MARK_OPEN, archive_url, site_info
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


def atom(title: str, self_url: str, entries: list[dict]) -> bytes:
    """An Atom 1.0 document; each entry: id, title, link, updated, summary, (author)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = self_url
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url)
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


def _atom_response(body: bytes):
    from datasette.utils.asgi import Response
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def search_feed(datasette, db, query: Query, request, labels: dict):
    """The newest FEED_SIZE articles (by publication date) of a search, site, country or province."""
    total = await count_hits(db, query) if query.active else 0
    date_query = Query({**{k: v for k, v in query.filters.items()}, "q": query.text, "order": "date"})
    rowids = await page_rowids(db, date_query, total) if total else []
    if total and len(rowids) < min(total, FEED_SIZE):
        rowids = rowids[:FEED_SIZE]
    rows = await results(db, date_query, rowids[:FEED_SIZE]) if rowids else []
    base = datasette.absolute_url
    entries = [{"id": base(request, archive_url(datasette, r["id"])), "title": r["title"] or "(no title)",
                "link": base(request, archive_url(datasette, r["id"])),
                "updated": _iso(r["last_changed"] or r["first_seen"] or r["published"]),
                "summary": f"{r['published'] or 'undated'} · {r['site']} · "
                           + (r["snippet"] or "").replace(MARK_OPEN, "").replace(MARK_CLOSE, "")}
               for r in rows]
    title = "Gazette: " + query.describe(site_info(datasette), labels)
    return _atom_response(atom(title, base(request, request.full_path), entries))


async def changes_feed(datasette, request):
    """Atom: the latest edits (changes view) or the articles found gone, newest first."""
    db = datasette.get_database(DATABASE)
    base = datasette.absolute_url
    kind = request.url_vars["kind"]
    if kind == "changes":
        rows = (await db.execute(
            "select c.article_id, c.from_version, c.to_version, c.changed_at, c.changed, c.new_title, a.site, "
            "a.published from changes c join articles a on a.id = c.article_id where c.cause = 'refetch' "
            f"order by c.changed_at desc limit {FEED_SIZE}")).rows
        entries = [{"id": base(request, f"/-/changes/{r['article_id']}/{r['from_version']}"),
                    "title": f"Edited ({r['changed']}): {r['new_title'] or '(no title)'}",
                    "link": base(request, f"/-/changes/{r['article_id']}/{r['from_version']}"),
                    "updated": _iso(r["changed_at"]),
                    "summary": f"{r['site']} changed {r['changed']} of this article "
                               f"(version {r['from_version']} to {r['to_version']})."} for r in rows]
        title = "Gazette: articles edited after publication"
    else:
        rows = (await db.execute(
            "select a.id, a.site, a.title, a.published, k.gone_since from article_keys k indexed by "
            "article_keys_gone join articles a on a.rowid = k.rowid where k.gone_since is not null "
            f"order by k.gone_since desc limit {FEED_SIZE}")).rows
        entries = [{"id": base(request, archive_url(datasette, r["id"])) + "#gone-" + r["gone_since"],
                    "title": f"Gone: {r['title'] or '(no title)'}",
                    "link": base(request, archive_url(datasette, r["id"])), "updated": _iso(r["gone_since"]),
                    "summary": f"{r['site']} no longer serves this article (published {r['published']}); "
                               f"the archived copy stays."} for r in rows]
        title = "Gazette: articles gone from their site"
    return _atom_response(atom(title, base(request, request.full_path), entries))
