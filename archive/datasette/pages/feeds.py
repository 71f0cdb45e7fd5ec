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


STYLESHEET = "/-/feed.xsl"   # makes a feed a readable page in a browser (feed readers ignore it)


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
    return (b'<?xml version="1.0" encoding="utf-8"?>\n'
            + f'<?xml-stylesheet type="text/xsl" href="{STYLESHEET}"?>\n'.encode()
            + ET.tostring(feed, encoding="utf-8"))


def atom_response(body: bytes):
    from datasette.utils.asgi import Response
    return Response(body, content_type="application/atom+xml; charset=utf-8")


async def feed_stylesheet(datasette, request):
    """The XSLT that shows any of Gazette's feeds as a page: its title, what a feed is, its entries as links."""
    from datasette.utils.asgi import Response

    return Response(FEED_XSL, content_type="text/xsl; charset=utf-8", headers={"cache-control": "max-age=3600"})


FEED_XSL = """<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom">
<xsl:output method="html" encoding="utf-8"/>
<xsl:template match="/a:feed">
<html><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="a:title"/></title>
<style>body{font-family:system-ui,sans-serif;max-width:46em;margin:1em auto;padding:0 1em;line-height:1.45}
.note{background:#f6f8fa;border:1px solid #e1e4e8;padding:.6em .9em}li{margin:.7em 0}.when{color:#555;font-size:.9em}
code{overflow-wrap:anywhere}</style></head><body>
<p><a href="/">Gazette</a></p>
<h1><xsl:value-of select="a:title"/></h1>
<p class="note">This is a feed: copy its address (<code><xsl:value-of select="a:link[@rel='self']/@href"/></code>)
into a feed reader to be told of new entries.<xsl:if test="a:link[@rel='alternate']"> The same list as a page:
<a href="{a:link[@rel='alternate']/@href}">open it</a>.</xsl:if></p>
<ol><xsl:for-each select="a:entry"><li><a href="{a:link/@href}"><xsl:value-of select="a:title"/></a>
<div class="when"><xsl:value-of select="substring(a:updated, 1, 10)"/></div>
<div><xsl:value-of select="a:summary"/></div></li></xsl:for-each></ol>
<xsl:if test="not(a:entry)"><p>Nothing yet.</p></xsl:if>
</body></html>
</xsl:template>
</xsl:stylesheet>
"""


async def search_feed(datasette, db, query: Query, request, labels: dict):
    """The newest FEED_SIZE articles (by publication date) of a search, site, country or province."""
    total = await count_hits(db, query) if query.active else 0
    date_query = Query({**{k: v for k, v in query.filters.items()}, "q": query.text, "order": "date"})
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
    return atom_response(atom(title, base(request, request.full_path), entries,
                              html_url=base(request, "/-/search" + query.link())))


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
    return atom_response(atom(title, base(request, request.full_path), entries, html_url=base(request, html)))
