"""Gazette's own pages in Datasette (routes registered by plugins/gazette_datasette.py).

- `/`: the home page: what the archive holds per site (full name, web address, articles, first and last date,
  last crawl and its health), a chart of articles per month per site, the questions to start from;
- `/-/search`: one search (archive/datasette/search.py) with compact results, facets, relevance or date order,
  the total, paging; `/-/search.csv`, `/-/search.json`: every hit; `/-/search.atom`: the newest 50 as a feed;
- `/-/changes/<article id>/<n>`: the word-level difference between version n and n + 1 of an article;
- `/-/feeds/changes.atom`, `/-/feeds/gone.atom`: articles edited, articles gone from their site;
- `/-/capture/<capture id>`: an archived response as it was served, under a Content-Security-Policy that runs
  no script and loads nothing (shown on the article page inside a sandboxed iframe).

Speed at a million articles: counts come from `article_months` and the FTS index, facets read the narrow
`article_keys` table over at most FACET_CAP hits, relevance ranks at most RANK_CAP hits (the most recently
archived), dates come from the `articles_published` index.
"""
from __future__ import annotations

import asyncio
import csv
import difflib
import io
import json
import math
import re
import zlib
from datetime import datetime, timezone
from urllib.parse import urlencode
from xml.etree import ElementTree as ET

from markupsafe import Markup, escape

from .search import Search

DATABASE = "gazette"
PAGE_SIZE = 20
RANK_CAP = 20_000        # relevance order ranks the most recently archived matches, at most this many
FACET_CAP = 10_000       # facet counts are over at most this many matches (the most recently archived)
FEED_SIZE = 50
MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"
# one colour per site, everywhere (chart, badges, table): Tableau 10, in the order the sites are configured
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
OTHER_COLOUR = "#8c8c8c"
CAPTURE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
               "form-action 'none'; frame-ancestors 'self'; sandbox")


# -- sites ------------------------------------------------------------------------------------------------

def site_info(datasette) -> dict:
    """{site key: {"name", "url"}} from the plugin config `gazette.sites` (set by `gazette serve` from the config)."""
    config = datasette.plugin_config("gazette") or {}
    return dict(config.get("sites") or {})


class Colours(dict):
    """A fixed colour per site, the same on every page: configured sites in config order, any other site key
    (e.g. `other`, pages of no configured site) grey."""

    def __missing__(self, key):
        return OTHER_COLOUR

    def get(self, key, default=None):
        return self[key]


def colours(datasette, keys=()) -> Colours:
    return Colours({key: PALETTE[i % len(PALETTE)] for i, key in enumerate(site_info(datasette))})


def archive_url(datasette, article_id: str) -> str:
    return datasette.urls.row(DATABASE, "articles", article_id)


# -- search -----------------------------------------------------------------------------------------------

NAMED = ("country", "province", "city", "official")     # kinds of mentions a list can be narrowed to
NAMED_KEY = {"official": "name"}                        # the column that names one (an official's code is a title)
FILTERS = ("site", "year", *NAMED, "gone")


def named_in(filters) -> list[str]:
    """The kinds of mention (country, province, city, official) a request is narrowed to."""
    return [kind for kind in NAMED if kind in filters]


class Query:
    """The search page's request: text, filters, order, page."""

    def __init__(self, args):
        self.text = (args.get("q") or "").strip()
        self.search = Search(self.text)
        self.filters = {k: (args.get(k) or "").strip() for k in FILTERS if (args.get(k) or "").strip()}
        order = args.get("order") or ""
        self.order = order if order in ("relevance", "date") else ("relevance" if self.text else "date")
        if self.search.cjk or self.search.empty or named_in(self.filters):
            self.order = "date"      # relevance needs the word index to drive: words alone
        try:
            self.page = max(1, int(args.get("page") or 1))
        except ValueError:
            self.page = 1

    @property
    def active(self) -> bool:
        return bool(self.text or self.filters)

    def conditions(self, alias: str = "k") -> tuple[list[str], dict]:
        """SQL conditions on article_keys `alias` (rowid, id, site, published, gone_since) and their parameters."""
        where, params = [], {}
        if self.text:
            # with a country or province, the words are a set each article is checked against ("+": never a
            # list SQLite loops over for each article)
            clause, p = self.search.where(("+" if named_in(self.filters) else "") + f"{alias}.rowid")
            where.append(clause)
            params.update(p)
        f = self.filters
        if "site" in f:
            where.append(f"{alias}.site = :site")
            params["site"] = f["site"]
        if "year" in f and re.fullmatch(r"\d{4}", f["year"]):
            where.append(f"{alias}.published >= :y0 and {alias}.published < :y1")
            params.update(y0=f["year"], y1=str(int(f["year"]) + 1))
        elif "year" in f:
            where.append("0")
        for kind in named_in(f):
            # the code (mention_labels turns a name into it); article_keys_id finds the articles
            where.append(f"{alias}.id in (select article_id from mentions where kind = :{kind}_kind "
                         f"and {NAMED_KEY.get(kind, 'code')} = :{kind})")
            params.update({f"{kind}_kind": kind, kind: f[kind]})
        if f.get("gone") == "1":
            where.append(f"{alias}.gone_since is not null")
        return where, params

    def link(self, **changes) -> str:
        """The search page URL with these arguments changed (None removes one); the page resets unless given."""
        args = {"q": self.text, **self.filters, "order": self.order if self.text else None}
        changes.setdefault("page", None)
        args.update(changes)
        return "?" + urlencode({k: v for k, v in args.items() if v not in (None, "")})

    def describe(self, site_names: dict, labels: dict | None = None) -> str:
        parts = []
        if self.text:
            parts.append(f"matching {self.search.describe()}")
        f = self.filters
        if "site" in f:
            parts.append(f"from {site_names.get(f['site'], {}).get('name', f['site'])}")
        if "year" in f:
            parts.append(f"published in {f['year']}")
        for kind in named_in(f):
            parts.append(f"naming {(labels or {}).get(kind) or f[kind]}")
        if f.get("gone") == "1":
            parts.append("gone from their site")
        return "Articles " + ", ".join(parts) if parts else "All articles"


def _hits_sql(query: Query, limit: int, before: int | None = None, rank: bool = False) -> tuple[str, dict]:
    """SQL selecting matching article_keys rows (rowid, id, site, published, gone_since; with `rank`, the FTS5
    rank too), most recently archived first (rowid descending), at most `limit`, optionally only rowids below
    `before` (keyset paging). The rank is computed only for the rows the limit lets through.

    Words alone: the word index drives (FTS5 walks its doclists newest first). A country or province named: its
    mentions drive, through article_keys_id (`+k.rowid` keeps SQLite from scanning every key in rowid order
    instead), and the words, if any, are a set the rows are checked against."""
    where, params = query.conditions("k")
    if before is not None:
        where.append(f"k.rowid < {int(before)}")
    named = bool(named_in(query.filters))
    columns = "k.rowid, k.id, k.site, k.published, k.gone_since"
    if query.search.match and not named:
        sql = (f"select {columns}" + (", f.rank" if rank else "") + " from articles_fts f "
               "join article_keys k on k.rowid = f.rowid where articles_fts match :sq"
               + "".join(f" and {w}" for w in where[1:]) + f" order by f.rowid desc limit {int(limit)}")
        return sql, params
    if named:
        # walk the mentions of the country (or province) newest first (mentions are written as articles are
        # stored), check the other conditions on each article's key
        kind = named_in(query.filters)[0]
        key = NAMED_KEY.get(kind, "code")
        drive = f"k.id in (select article_id from mentions where kind = :{kind}_kind and {key} = :{kind})"
        other = [w for w in where if w != drive]
        sql = (f"select {columns} from mentions m cross join article_keys k on k.id = m.article_id "
               f"where m.kind = :{kind}_kind and m.{key} = :{kind}" + "".join(f" and {w}" for w in other)
               + (f" order by m.rowid desc limit {int(limit)}" if limit >= 0 else ""))
        return sql, params
    sql = (f"select {columns} from article_keys k" + (" where " + " and ".join(where) if where else "")
           + f" order by k.rowid desc limit {int(limit)}")
    return sql, params


async def count_hits(db, query: Query) -> int:
    if not query.active:
        return (await db.execute("select coalesce(sum(articles), 0) from article_months")).rows[0][0]
    if set(query.filters) <= {"site"} and not query.text:
        return (await db.execute("select coalesce(sum(articles), 0) from article_months where site = :site",
                                 {"site": query.filters["site"]})).rows[0][0]
    if query.search.match and not query.filters:
        return (await db.execute("select count(*) from articles_fts where articles_fts match :sq",
                                 {"sq": query.search.match})).rows[0][0]
    where, params = query.conditions("k")
    named = named_in(query.filters)
    if named and len(query.filters) == 1 and not query.text:
        return (await db.execute(f"select count(*) from mentions where kind = ? and {NAMED_KEY.get(named[0], 'code')} = ?",
                                 [named[0], query.filters[named[0]]])).rows[0][0]
    if named:
        hits, params = _hits_sql(query, -1)
        sql = f"select count(*) from ({hits})"
    elif query.search.match:
        sql = ("select count(*) from articles_fts f join article_keys k on k.rowid = f.rowid "
               "where articles_fts match :sq" + "".join(f" and {w}" for w in where[1:]))
    else:
        sql = "select count(*) from article_keys k where " + " and ".join(where)
    return (await db.execute(sql, params, custom_time_limit=4000)).rows[0][0]


async def page_rowids(db, query: Query, total: int | None) -> list[int]:
    """The rowids of the page's articles; `total` (the count) chooses the plan for the date order."""
    offset = (query.page - 1) * PAGE_SIZE
    where, params = query.conditions("k")
    if query.order == "relevance" and query.search.match:
        hits, params = _hits_sql(query, RANK_CAP, rank=True)
        sql = f"select rowid from ({hits}) order by rank, rowid desc limit {PAGE_SIZE} offset {offset}"
        return [r[0] for r in (await db.execute(sql, params)).rows]
    # newest published first: walk the published index when the matches are many, sort them when few
    if total > 2000:
        sql = ("select a.rowid from articles a indexed by articles_published "
               "join article_keys k on k.rowid = a.rowid"
               + (" where " + " and ".join(where) if where else "")
               + f" order by a.published desc, a.rowid desc limit {PAGE_SIZE} offset {offset}")
    else:
        hits, params = _hits_sql(query, max(total, 1))
        sql = (f"select rowid from ({hits}) order by published desc, rowid desc "
               f"limit {PAGE_SIZE} offset {offset}")
    return [r[0] for r in (await db.execute(sql, params, custom_time_limit=4000)).rows]


def _python_snippet(text: str, terms: list[str], width: int = 120) -> str:
    lowered = text.lower()
    positions = [(lowered.find(t.lower()), t) for t in terms if t and lowered.find(t.lower()) >= 0]
    if not positions:
        return text[:2 * width] + ("…" if len(text) > 2 * width else "")
    start = max(0, min(p for p, _ in positions) - width)
    piece = text[start:start + 2 * width]
    for _, term in positions:
        piece = re.sub(re.escape(term), lambda m: MARK_OPEN + m.group(0) + MARK_CLOSE, piece, flags=re.I)
    return ("…" if start else "") + piece + ("…" if start + 2 * width < len(text) else "")


async def results(db, query: Query, rowids: list[int]) -> list[dict]:
    if not rowids:
        return []
    marks = ",".join(str(int(r)) for r in rowids)
    rows = {r["rowid"]: dict(r) for r in (await db.execute(
        f"select rowid, id, site, published, title, url, gone_since, first_seen, last_changed, "
        f"substr(body, 1, 600) as lead from articles where rowid in ({marks})")).rows}
    out = []
    for rowid in rowids:
        row = rows.get(rowid)
        if row is None:
            continue
        row["snippet"] = None
        if query.search.match:
            found = (await db.execute(
                "select highlight(articles_fts, 0, :o, :c) as title, snippet(articles_fts, 1, :o, :c, '…', 28) "
                "as snippet from articles_fts where articles_fts match :sq and rowid = :r",
                {"o": MARK_OPEN, "c": MARK_CLOSE, "sq": query.search.match, "r": rowid})).first()
            if found:
                row["title_marked"], row["snippet"] = found["title"], found["snippet"]
        elif query.text:
            terms = [t.text for g in query.search.groups for t in g]
            body = (await db.execute("select body from articles where rowid = ?", [rowid])).first()[0] or ""
            row["snippet"] = _python_snippet(body, terms)
            row["title_marked"] = _python_snippet(row["title"] or "", terms, width=200)
        if row["snippet"] is None:
            lead = (row["lead"] or "").split("\n\n")[0]
            row["snippet"] = lead[:240] + ("…" if len(lead) > 240 else "")
        out.append(row)
    return out


FACET_PARTS = {
    "site": "select 'site' as facet, site as value, site as label, count(*) as n from hits group by site",
    "year": ("select 'year', substr(published, 1, 4), substr(published, 1, 4), count(*) from hits "
             "where published is not null group by 2"),
    # CROSS JOIN keeps the hits outside: SQLite would otherwise scan every mention of the kind;
    # by name: the mentions key (article_id, kind, name) holds it, so no mention row is read
    "country": ("select 'country', m.name, m.name, count(*) from hits h cross join mentions m "
                "on m.article_id = h.id and m.kind = 'country' where m.name != 'China' group by m.name"),
    "province": ("select 'province', m.name, m.name, count(*) from hits h cross join mentions m "
                 "on m.article_id = h.id and m.kind = 'province' group by m.name"),
    "month": ("select 'month', site, substr(published, 1, 7), count(*) from hits "
              "where published is not null group by 2, 3"),
}


def _facet_union(query: Query) -> str:
    """The facet statements over a CTE named `hits`, as one UNION ALL (rows: facet, value, label, count)."""
    wanted = [name for name in FACET_PARTS if name not in query.filters]
    return " union all ".join(f"select * from ({FACET_PARTS[name]})" for name in wanted)


def _facet_rows(query: Query, rows) -> dict:
    out = {name: [] for name in FACET_PARTS if name not in query.filters and name != "month"}
    months = []
    for row in rows:
        if row[0] == "month":
            months.append({"site": row[1], "month": row[2], "articles": row[3]})
        elif row[0] in out:
            out[row[0]].append({"value": row[1], "label": row[2], "count": row[3],
                                "href": query.link(**{row[0]: row[1]})})
    for name, values in out.items():
        if name == "year":
            values.sort(key=lambda v: v["value"] or "", reverse=True)
            del values[30:]
        else:
            values.sort(key=lambda v: (-v["count"], v["label"] or ""))
            del values[15 if name in ("country", "province") else 50:]
    return {"facets": out, "months": months}


async def facets(db, query: Query) -> dict:
    """Counts by site, year, country and province named over the hits (at most FACET_CAP, the most recently
    archived), in one statement: the hits are found once (a materialized CTE)."""
    hits, params = _hits_sql(query, FACET_CAP)
    sql = f"with hits as materialized ({hits}) " + _facet_union(query)
    return _facet_rows(query, (await db.execute(sql, params, custom_time_limit=3000)).rows)


async def named_and_words(db, query: Query) -> tuple[int, list[int], dict]:
    """Words and a country or province together: (total, the page's rowids newest first, facets) from one
    statement, so the words' matches are gathered once and the mentions walked once."""
    hits, params = _hits_sql(query, -1)
    hits = hits.replace("select k.rowid,", "select m.rowid as mention, k.rowid,", 1)
    offset = (query.page - 1) * PAGE_SIZE
    sql = (f"with every as materialized ({hits}), "
           f"hits as materialized (select * from every order by mention desc limit {FACET_CAP}) "
           f"select 'total', count(*), null, null from every union all "
           f"select 'page', rowid, published, null from (select rowid, published from every "
           f"order by published desc, rowid desc limit {PAGE_SIZE} offset {offset}) union all "
           + _facet_union(query))
    rows = (await db.execute(sql, params, custom_time_limit=4000)).rows
    total = next(r[1] for r in rows if r[0] == "total")
    page = sorted(((r[2] or "", r[1]) for r in rows if r[0] == "page"), reverse=True)
    return total, [rowid for _, rowid in page], _facet_rows(query, rows)


def pages_of(query: Query, total: int) -> dict:
    last = max(1, math.ceil(total / PAGE_SIZE))
    return {"page": query.page, "last": last,
            "prev": query.link(page=query.page - 1 if query.page > 2 else None) if query.page > 1 else None,
            "next": query.link(page=query.page + 1) if query.page < last else None}


async def mention_labels(db, query: Query) -> dict:
    """The names of the country and province asked for (ALB -> Albania); a name given becomes its code in
    query.filters (Albania -> ALB), so the archive is searched by code."""
    labels = {}
    for kind in named_in(query.filters):
        value = query.filters[kind]
        row = None
        if kind not in NAMED_KEY:
            row = (await db.execute("select code, name from mentions where kind = ? and code = ? limit 1",
                                    [kind, value.upper() if kind == "country" else value])).first()
        row = row or (await db.execute("select code, name from mentions where kind = ? and name = ? limit 1",
                                       [kind, value])).first()
        if row:
            query.filters[kind] = row[NAMED_KEY.get(kind, "code")]
        labels[kind] = row["name"] if row else None
    return labels


async def search_page(datasette, request):
    from datasette.utils.asgi import Response

    fmt = request.url_vars.get("format")
    db = datasette.get_database(DATABASE)
    query = Query(request.args)
    labels = await mention_labels(db, query)
    if fmt in ("csv", "json"):
        return await export(datasette, db, query, fmt, request)
    if fmt == "atom":
        return await search_feed(datasette, db, query, request, labels)
    sites = site_info(datasette)
    context = {"query": query, "sites": sites, "results": [], "total": None, "facets": {}, "sampled": False,
               "description": query.describe(sites, labels), "page_size": PAGE_SIZE, "rank_cap": RANK_CAP,
               "facet_cap": FACET_CAP, "error": None}
    if query.active:
        # the count, the page and the facets are independent statements: Datasette's SQL threads run them at once
        # (SQLite lets go of the GIL while it works); only the date order needs the count to choose its plan
        if query.search.match and named_in(query.filters):
            total, rowids, facet_counts = await named_and_words(db, query)
        elif query.order == "relevance":
            total, rowids, facet_counts = await asyncio.gather(
                count_hits(db, query), page_rowids(db, query, None), facets(db, query))
        else:
            total, facet_counts = await asyncio.gather(count_hits(db, query), facets(db, query))
            rowids = await page_rowids(db, query, total)
        facet_counts["sampled"] = total > FACET_CAP
        context.update(total=total, results=await results(db, query, rowids), pages=pages_of(query, total),
                       **facet_counts)
        context["colours"] = colours(datasette, [r["site"] for r in context["results"]] + list(sites))
        context["chart"] = month_chart(context.pop("months"), context["colours"], height=180) \
            if context.get("months") else None
        context["exports"] = {fmt: "/-/search." + fmt + query.link(order=None)
                              for fmt in ("csv", "json", "atom")}
        names = {"site": "source", "gone": "gone from their site"}
        context["filters_active"] = [(names.get(k, k), (labels.get(k) or v) if k != "site" else
                                      sites.get(v, {}).get("name", v), query.link(**{k: None}))
                                     for k, v in query.filters.items()]
        # a country or province drives the search through its mentions, newest tagged first
        context["sample_basis"] = "tagged" if named_in(query.filters) else "archived"
    page = await datasette.render_template("gazette_search.html", context, request=request)
    return Response.html(page)


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


# -- Atom feeds ----------------------------------------------------------------------------------------

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


# -- revisions and word-level differences ---------------------------------------------------------------

WORD = re.compile(r"\s+|\w+|[^\w\s]")      # runs of space, words, single punctuation marks


def word_diff(old: str | None, new: str | None) -> Markup:
    """HTML of the text with deleted words in <del> and inserted words in <ins> (escaped)."""
    a, b = WORD.findall(old or ""), WORD.findall(new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(str(escape("".join(a[i1:i2]))))
        if op in ("delete", "replace"):
            out.append("<del>" + str(escape("".join(a[i1:i2]))) + "</del>")
        if op in ("insert", "replace"):
            out.append("<ins>" + str(escape("".join(b[j1:j2]))) + "</ins>")
    text = "".join(out)
    return Markup("\n".join(f"<p>{p}</p>" for p in re.split(r"\n\s*\n", text) if p.strip()))


def only_changes(diff: Markup, context: int = 1) -> Markup:
    """The paragraphs of a diff that hold a change, with `context` paragraphs around; … for the rest."""
    paragraphs = re.findall(r"<p>.*?</p>", str(diff), flags=re.S)
    changed = [i for i, p in enumerate(paragraphs) if "<del>" in p or "<ins>" in p]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    out, gap = [], False
    for i, p in enumerate(paragraphs):
        if i in keep:
            out.append(p)
            gap = False
        elif not gap:
            out.append('<p class="gazette-gap">…</p>')
            gap = True
    return Markup("\n".join(out))


async def versions(db, article_id: str) -> list[dict]:
    """Every version of an article, oldest first, numbered from 1; the last is the current text."""
    revisions = (await db.execute(
        "select seen_at, replaced_at, cause, title, published, byline, body, captions from revisions "
        "where article_id = ? order by seen_at, replaced_at, id", [article_id])).rows
    current = (await db.execute("select title, published, byline, body, captions, first_seen, last_changed "
                                "from articles where id = ?", [article_id])).first()
    out = [dict(r) for r in revisions]
    if current is not None:
        out.append({**dict(current), "seen_at": out[-1]["replaced_at"] if out else current["first_seen"],
                    "replaced_at": None, "cause": None})
    for n, v in enumerate(out, 1):
        v["version"] = n
    return out


def describe_change(old: dict, new: dict) -> list[str]:
    changed = []
    for field, label in (("title", "title"), ("body", "text"), ("published", "date"), ("byline", "byline")):
        if (old.get(field) or None) != (new.get(field) or None):
            changed.append(label)
    if (old.get("captions") or "[]") != (new.get("captions") or "[]"):
        changed.append("captions")
    return changed


def change_list(all_versions: list[dict]) -> list[dict]:
    """One entry per change (version N -> N + 1): when, why, what changed, the word-level diff."""
    out = []
    for old, new in zip(all_versions, all_versions[1:]):
        out.append({"from": old["version"], "to": new["version"], "at": old["replaced_at"],
                    "cause": old.get("cause") or "refetch", "changed": describe_change(old, new),
                    "title_diff": word_diff(old.get("title"), new.get("title")),
                    "body_diff": word_diff(old.get("body"), new.get("body")),
                    "old": old, "new": new})
    return out


async def change_page(datasette, request):
    from datasette.utils.asgi import NotFound, Response

    db = datasette.get_database(DATABASE)
    article_id = request.url_vars["article_id"]
    n = int(request.url_vars["version"])
    article = (await db.execute("select id, site, title, url, published from articles where id = ?",
                                [article_id])).first()
    if article is None:
        raise NotFound("No such article")
    changes = change_list(await versions(db, article_id))
    change = next((c for c in changes if c["from"] == n), None)
    if change is None:
        raise NotFound(f"This article has no version {n + 1}")
    page = await datasette.render_template("gazette_change.html", {
        "article": dict(article), "change": change, "changes": changes,
        "article_url": archive_url(datasette, article_id), "database": DATABASE}, request=request)
    return Response.html(page)


# -- the archived capture, rendered safely -------------------------------------------------------------

async def capture_page(datasette, request):
    """The raw body of a capture as it was served, with a CSP that forbids scripts and every request."""
    from datasette.utils.asgi import NotFound, Response

    db = datasette.get_database(DATABASE)
    row = (await db.execute(
        "select c.url, c.headers, b.compression, b.data from captures c join bodies b on b.digest = c.digest "
        "where c.id = ?", [int(request.url_vars["capture_id"])])).first()
    if row is None:
        raise NotFound("No such capture")
    body = zlib.decompress(row["data"]) if row["compression"] == "zlib" else row["data"]
    content_type = "text/html"
    try:
        headers = {k.lower(): v for k, v in (json.loads(row["headers"] or "{}") or {}).items()}
        declared = headers.get("content-type")
        declared = declared[0] if isinstance(declared, list) else declared
        charset = re.search(r"charset=([\w-]+)", declared or "", re.I)
        if charset:
            content_type += f"; charset={charset.group(1)}"
    except (ValueError, AttributeError):
        pass
    return Response(body, content_type=content_type, headers={
        "content-security-policy": CAPTURE_CSP, "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer", "cache-control": "private, max-age=3600"})


# -- home page ------------------------------------------------------------------------------------------

def _month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def months_label(indexes) -> list[str]:
    return [f"{i // 12}-{i % 12 + 1:02d}" for i in indexes]


def nice_step(top: int, ticks: int = 5) -> int:
    """A whole-number tick step (1, 2, 5 × 10^k) giving about `ticks` ticks up to `top`."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** int(math.floor(math.log10(raw)))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return int(m * power)
    return int(10 * power)


def month_chart(rows: list[dict], colour: dict, width: int = 880, height: int = 260) -> Markup:
    """An SVG of articles per month, stacked by site, on a true time axis (every month, empty ones included),
    with whole-number count ticks. rows: {site, month (YYYY-MM), articles}."""
    rows = [r for r in rows if re.fullmatch(r"\d{4}-\d{2}", r["month"] or "") and r["articles"] > 0]
    if not rows:
        return Markup('<p class="gazette-empty">No dated articles yet.</p>')
    first = min(_month_index(r["month"]) for r in rows)
    last = max(_month_index(r["month"]) for r in rows)
    months = last - first + 1
    stacks: dict[int, list[tuple[str, int]]] = {}
    for r in sorted(rows, key=lambda r: list(colour).index(r["site"]) if r["site"] in colour else 99):
        stacks.setdefault(_month_index(r["month"]) - first, []).append((r["site"], r["articles"]))
    top = max(sum(n for _, n in s) for s in stacks.values())
    step = nice_step(top)
    top_tick = step * math.ceil(top / step)
    left, right, upper, lower = 48, 10, 10, 28
    plot_w, plot_h = width - left - right, height - upper - lower
    bar_w = plot_w / months
    parts = [f'<svg class="gazette-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-label="Articles per month and site" xmlns="http://www.w3.org/2000/svg">']
    for value in range(0, top_tick + 1, step):
        y = upper + plot_h - value / top_tick * plot_h
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{value:,}</text>')
    for i, stack in stacks.items():
        y = upper + plot_h
        for site, n in stack:
            h = n / top_tick * plot_h
            y -= h
            month = first + i
            label = f"{month // 12}-{month % 12 + 1:02d}"
            parts.append(f'<rect x="{left + i * bar_w:.2f}" y="{y:.2f}" width="{max(bar_w - (1 if bar_w > 3 else 0), 0.6):.2f}" '
                         f'height="{h:.2f}" fill="{colour.get(site, "#999")}"><title>{escape(site)}, {label}: '
                         f'{n:,} article{"s" if n != 1 else ""}</title></rect>')
    years = range(first // 12, last // 12 + 2)
    year_step = max(1, math.ceil(len(years) / 12))
    labelled = False
    for year in years:
        if year % year_step:
            continue
        x = left + (year * 12 - first) * bar_w
        if left - 1 <= x <= width - right + 1:
            labelled = True
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{upper + plot_h}" y2="{upper + plot_h + 5}" '
                         f'stroke="#333"/><text x="{x:.1f}" y="{height - 8}" text-anchor="middle" '
                         f'font-size="11">{year}</text>')
    if not labelled:  # every month within one year, none starting it: name the year at the left
        parts.append(f'<text x="{left}" y="{height - 8}" text-anchor="start" font-size="11">{first // 12}</text>')
    if months <= 24:   # a short span: label the months too
        for i in range(months):
            month = first + i
            x = left + (i + 0.5) * bar_w
            parts.append(f'<text x="{x:.1f}" y="{upper + plot_h + 12}" text-anchor="middle" font-size="9" '
                         f'fill="#555">{month % 12 + 1}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{upper + plot_h}" y2="{upper + plot_h}" '
                 f'stroke="#333"/></svg>')
    return Markup("".join(parts))


def sparkline(counts: dict[str, int], first: int, last: int, colour: str = "#4e79a7", width: int = 260,
              height: int = 24) -> Markup:
    """A small SVG of counts per month (YYYY-MM keys) on the shared time axis first..last (month indexes)."""
    months = max(1, last - first + 1)
    top = max(counts.values(), default=0) or 1
    bar = width / months
    parts = [f'<svg class="gazette-spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'role="img" xmlns="http://www.w3.org/2000/svg"><line x1="0" x2="{width}" y1="{height - 0.5}" '
             f'y2="{height - 0.5}" stroke="#ccc"/>']
    for month, n in sorted(counts.items()):
        if not re.fullmatch(r"\d{4}-\d{2}", month) or n <= 0:
            continue
        h = max(1.0, n / top * (height - 2))
        parts.append(f'<rect x="{(_month_index(month) - first) * bar:.2f}" y="{height - h:.2f}" '
                     f'width="{max(bar - (0.5 if bar > 2 else 0), 0.6):.2f}" height="{h:.2f}" fill="{colour}">'
                     f'<title>{month}: {n:,} article{"s" if n != 1 else ""}</title></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))


async def province_rows(db, first: int | None, last: int | None) -> list[dict]:
    """Per province named: its articles (per month, from province_months) as a sparkline on the home page's axis."""
    rows = (await db.execute("select code, name, month, articles from province_months where articles > 0")).rows
    by_code: dict[str, dict] = {}
    for r in rows:
        entry = by_code.setdefault(r["code"], {"code": r["code"], "name": r["name"], "months": {}, "total": 0})
        entry["months"][r["month"]] = entry["months"].get(r["month"], 0) + r["articles"]
        entry["total"] += r["articles"]
    out = sorted(by_code.values(), key=lambda e: (-e["total"], e["name"]))
    for e in out:
        dated = [m for m in e["months"] if re.fullmatch(r"\d{4}-\d{2}", m)]
        lo = first if first is not None else min((_month_index(m) for m in dated), default=0)
        hi = last if last is not None else max((_month_index(m) for m in dated), default=0)
        e["spark"] = sparkline(e["months"], lo, hi)
        e["peak"] = max(e["months"].values(), default=0)
    return out


async def home_page(datasette, request):
    from datasette.utils.asgi import Response

    from archive import health

    db = datasette.get_database(DATABASE)
    sites = site_info(datasette)
    months = [dict(r) for r in (await db.execute(
        "select site, month, articles from article_months where articles > 0 order by site, month")).rows]
    keys = list(sites) + sorted({m["site"] for m in months} - set(sites))
    colour = colours(datasette, keys)
    rows = []
    for key in keys:
        count = sum(m["articles"] for m in months if m["site"] == key)
        dates = (await db.execute(
            "select (select min(published) from articles where site = :s and published is not null) as first, "
            "(select max(published) from articles where site = :s) as last", {"s": key})).first()
        runs = [dict(r) for r in (await db.execute(
            "select * from crawl_runs where site = ? order by started desc, id desc "
            "limit 10", [key])).rows]
        for run in runs:
            try:
                run["errors"] = json.loads(run.get("errors") or "[]")
            except ValueError:
                run["errors"] = []
            for k in health.COUNT_KEYS:
                run[k] = run.get(k) or 0
        warnings = [w for w in (check(runs) for check in health.CHECKS) if w]
        info = sites.get(key, {})
        rows.append({"key": key, "name": info.get("name") or key, "url": info.get("url"), "articles": count,
                     "first": (dates["first"] or "")[:10], "last": (dates["last"] or "")[:10], "colour": colour[key],
                     "last_run": runs[0] if runs else None, "warnings": warnings})
    total = sum(r["articles"] for r in rows)
    gone = (await db.execute("select count(*) from article_keys indexed by article_keys_gone "
                             "where gone_since is not null")).rows[0][0]
    dated = [_month_index(m["month"]) for m in months if re.fullmatch(r"\d{4}-\d{2}", m["month"] or "")]
    provinces = await province_rows(db, min(dated, default=None), max(dated, default=None))
    from . import provenance  # where the copies came from: live or imported, per year (issue 23)

    coverage = await provenance.coverage(db, keys)
    page = await datasette.render_template("gazette_home.html", {
        "coverage": coverage, "names": {r["key"]: r["name"] for r in rows},
        "sites": rows, "total": total, "gone": gone, "chart": month_chart(months, colour), "provinces": provinces,
        "span": (min(months_label(dated)), max(months_label(dated))) if dated else None,
        "metadata": datasette.metadata()}, request=request)
    return Response.html(page)


def prepare_environment(env) -> None:
    env.filters["word_diff"] = word_diff
    env.filters["only_changes"] = only_changes
