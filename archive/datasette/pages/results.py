"""The rows of one page of search results (title, snippet with marked words) and the facet counts over the hits."""
from __future__ import annotations

import math
import re

from .common import FACET_CAP, MARK_CLOSE, MARK_OPEN, PAGE_SIZE
from .query import Query, _hits_sql, named_in


def _python_snippet(text: str, terms: list[str], width: int = 120, prefixes: frozenset[str] = frozenset()) -> str:
    """A passage around the first term found, terms marked (a prefix's whole word)."""
    lowered = text.lower()
    positions = [(lowered.find(t.lower()), t) for t in terms if t and lowered.find(t.lower()) >= 0]
    if not positions:
        return text[:2 * width] + ("…" if len(text) > 2 * width else "")
    start = max(0, min(p for p, _ in positions) - width)
    piece = text[start:start + 2 * width]
    for _, term in positions:
        pattern = re.escape(term) + (r"\w*" if term in prefixes else "")
        piece = re.sub(pattern, lambda m: MARK_OPEN + m.group(0) + MARK_CLOSE, piece, flags=re.I)
    return ("…" if start else "") + piece + ("…" if start + 2 * width < len(text) else "")


async def results(db, query: Query, rowids: list[int]) -> list[dict]:
    if not rowids:
        return []
    marks = ",".join(str(int(r)) for r in rowids)
    rows = {r["rowid"]: dict(r) for r in (await db.execute(
        f"select rowid, id, site, published, title, url, gone_since, first_seen, last_changed, "
        f"substr(body, 1, 600) as lead from articles where rowid in ({marks})")).rows}
    marked = {}
    terms = [t for g in query.search.groups for t in g]
    prefixed = any(t.prefix for t in terms)
    if query.search.match and not prefixed:
        # one statement for the page: FTS5 reads the query's doclists (a prefix's merged) once, not once a row
        marked = {r["rowid"]: r for r in (await db.execute(
            "select rowid, highlight(articles_fts, 0, :o, :c) as title, snippet(articles_fts, 1, :o, :c, '…', 28) "
            f"as snippet from articles_fts where articles_fts match :sq and rowid in ({marks})",
            {"o": MARK_OPEN, "c": MARK_CLOSE, "sq": query.search.match})).rows}
    out = []
    for rowid in rowids:
        row = rows.get(rowid)
        if row is None:
            continue
        row["snippet"] = None
        if query.search.match and not prefixed:
            found = marked.get(rowid)
            if found:
                row["title_marked"], row["snippet"] = found["title"], found["snippet"]
        elif query.text:
            # Chinese, exclusions alone, or a prefix (FTS5's snippet of a prefix reads its merged doclist: 35 ms
            # an article): the passage is found here
            texts, prefixes = [t.text for t in terms], frozenset(t.text for t in terms if t.prefix)
            body = (await db.execute("select body from articles where rowid = ?", [rowid])).first()[0] or ""
            row["snippet"] = _python_snippet(body, texts, prefixes=prefixes)
            row["title_marked"] = _python_snippet(row["title"] or "", texts, width=200, prefixes=prefixes)
        if row["snippet"] is None:
            lead = (row["lead"] or "").split("\n\n")[0]
            row["snippet"] = lead[:240] + ("…" if len(lead) > 240 else "")
        out.append(row)
    return out


FACET_PARTS = {
    "site": "select 'site' as facet, site as value, site as label, count(*) as n from hits group by site",
    "year": ("select 'year', substr(published, 1, 4), substr(published, 1, 4), count(*) from hits "
             "where published is not null group by 2"),
    # countries and provinces in one pass: one step into the mentions key (article_id, kind, name) per hit, the
    # kinds told apart there ("+": not a second step per kind); CROSS JOIN keeps the hits outside (SQLite would
    # otherwise scan every mention of the kind); the key holds the name, so no mention row is read
    "named": ("select m.kind, m.name, m.name, count(*) from hits h cross join mentions m on m.article_id = h.id "
              "where +m.kind in ({kinds}) and not (m.kind = 'country' and m.name = 'China') group by m.kind, m.name"),
    "month": ("select 'month', site, substr(published, 1, 7), count(*) from hits "
              "where published is not null group by 2, 3"),
}


NAMED_FACETS = ("country", "province")


def _facet_union(query: Query) -> str:
    """The facet statements over a CTE named `hits`, as one UNION ALL (rows: facet, value, label, count)."""
    kinds = [k for k in NAMED_FACETS if k not in query.filters]
    wanted = [name for name in FACET_PARTS if name not in query.filters and (name != "named" or kinds)]
    return " union all ".join(
        f"select * from ({FACET_PARTS[name].format(kinds=', '.join(repr(k) for k in kinds))})" for name in wanted)


def _facet_rows(query: Query, rows) -> dict:
    names = [n for n in FACET_PARTS if n not in ("month", "named")] + list(NAMED_FACETS)
    out: dict[str, list] = {name: [] for name in names if name not in query.filters}
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
    from datasette.database import QueryInterrupted

    hits, params = _hits_sql(query, FACET_CAP)
    sql = f"with hits as materialized ({hits}) " + _facet_union(query)
    try:
        rows = (await db.execute(sql, params, custom_time_limit=3000)).rows
    except QueryInterrupted:    # e.g. an archive read from a cold disk: the results without their counts
        return {"facets": {}, "months": [], "facets_unfinished": True}
    return _facet_rows(query, rows)


def gathered_once(query: Query) -> bool:
    """Words narrowed to a country, province or year: the matches are few enough to gather once for the count,
    the page and the facets together (words_narrowed), rather than walk the word's matches three times at once
    (three statements of 0.25 s each for `ambassador` in Hunan's 2020 at a million)."""
    return bool(query.search.match and (named_in(query.filters) or "year" in query.filters))


async def words_narrowed(db, query: Query) -> tuple[int, list[int], dict]:
    """Words with a country, province or year: (total, the page's rowids in the order asked, facets) from one
    statement, so the matches are gathered once (the word index driving, query._hits_sql). Best match first
    ranks every match (a year's are at most a year's articles)."""
    relevance = query.order == "relevance"
    hits, params = _hits_sql(query, -1, rank=relevance)
    offset = (query.page - 1) * PAGE_SIZE
    order = "rank, rowid desc" if relevance else "published desc, rowid desc"
    sql = (f"with every as materialized ({hits}), "
           f"hits as materialized (select * from every order by rowid desc limit {FACET_CAP}) "
           f"select 'total', count(*), null, null from every union all "
           f"select 'page', rowid, n, null from (select rowid, row_number() over (order by {order}) as n "
           f"from every order by {order} limit {PAGE_SIZE} offset {offset}) union all "
           + _facet_union(query))
    rows = (await db.execute(sql, params, custom_time_limit=4000)).rows
    total = next(r[1] for r in rows if r[0] == "total")
    page = sorted((r[2], r[1]) for r in rows if r[0] == "page")
    return total, [rowid for _, rowid in page], _facet_rows(query, rows)


def pages_of(query: Query, total: int) -> dict:
    last = max(1, math.ceil(total / PAGE_SIZE))
    return {"page": query.page, "last": last,
            "prev": query.link(page=query.page - 1 if query.page > 2 else None) if query.page > 1 else None,
            "next": query.link(page=query.page + 1) if query.page < last else None}
