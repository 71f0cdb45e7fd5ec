"""The search page's request (`Query`: text, filters, order, page) and the SQL that finds, counts and pages its
matches over `article_keys`, the FTS index and the mentions."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from archive.datasette.search import Search, scan_sql, scanned

from .common import PAGE_SIZE, RANK_CAP, closest


# -- search -----------------------------------------------------------------------------------------------

SORTED = 20_000     # at most this many matches are sorted by date; more are found walking the date index
PROBED = 2_000      # a walk down the date index asks the words' indexes about each article, if it passes this few
NAMED = ("country", "province", "city", "official")     # kinds of mentions a list can be narrowed to
NAMED_KEY = {"official": "name"}                        # the column that names one (an official's code is a title)
FILTERS = ("site", "year", *NAMED, "gone")


def named_in(filters) -> list[str]:
    """The kinds of mention (country, province, city, official) a request is narrowed to."""
    return [kind for kind in NAMED if kind in filters]


def named_condition(kind: str, alias: str = "k") -> str:
    """The condition on article_keys `alias` that its article names the `kind` asked for (:kind, a code or an
    official's name): a country's, province's or city's articles are a range of named_articles (their rowids),
    an official's are found by name in the mentions (their article ids, through article_keys_id)."""
    if kind in NAMED_KEY:
        return (f"{alias}.id in (select article_id from mentions where kind = :{kind}_kind "
                f"and {NAMED_KEY[kind]} = :{kind})")
    return f"+{alias}.rowid in (select article from named_articles where kind = :{kind}_kind and code = :{kind})"


class Query:
    """The search page's request: text, filters, order, page."""

    def __init__(self, args):
        self.text = (args.get("q") or "").strip()
        self.search = Search(self.text)
        self.filters = {k: (args.get(k) or "").strip() for k in FILTERS if (args.get(k) or "").strip()}
        self.unknown: list[tuple[str, str, list[str]]] = []    # (filter, value as given, closest known names)
        order = args.get("order") or ""
        self.order = order if order in ("relevance", "date") else ("relevance" if self.text else "date")
        if not self.search.match or named_in(self.filters):
            self.order = "date"      # relevance needs the word index to drive: words alone
        try:
            self.page = max(1, int(args.get("page") or 1))
        except ValueError:
            self.page = 1

    @property
    def active(self) -> bool:
        return bool(self.text or self.filters)

    def conditions(self, alias: str = "k", probe: bool = False) -> tuple[list[str], dict]:
        """SQL conditions on article_keys `alias` (rowid, id, site, published, gone_since) and their parameters.
        `probe`: the words are asked of their indexes for each article (Search.probe), not built into a set."""
        where, params = [], {}
        if self.text and probe:
            clause, p = self.search.probe(f"{alias}.rowid")
            where.append(clause)
            params.update(p)
        elif self.text:
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
            # the code (mention_labels turns a name into it)
            where.append(named_condition(kind, alias))
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

    def describe(self, site_names: dict, labels: dict | None = None, subject: bool = True) -> str:
        """What is listed, in words: "Articles matching ambassador, naming Albania" (without `subject`: "matching
        ambassador, naming Albania", to follow a count: "7 articles matching ...")."""
        parts = []
        if self.text and not self.search.empty:
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
        if not subject:
            return ", ".join(parts)
        return "Articles " + ", ".join(parts) if parts else "All articles"


HIT_COLUMNS = "k.rowid, k.id, k.site, k.published, k.gone_since"   # what _hits_sql selects of article_keys


def _hits_sql(query: Query, limit: int, before: int | None = None, rank: bool = False) -> tuple[str, dict]:
    """SQL selecting matching article_keys rows (rowid, id, site, published, gone_since; with `rank`, the FTS5
    rank too), most recently archived first (rowid descending), at most `limit`, optionally only rowids below
    `before` (keyset paging). The rank is computed only for the rows the limit lets through.

    What drives, in this order of preference (each plan below):
    - words of the word index with a country, province or city: both lists of rowids merged (`_words_and_places`);
    - words of the word index: FTS5 walks its doclists newest first, cheaply (`_words`);
    - a country, province or city without words: its range of named_articles (`_place`);
    - an official: its mentions, newest tagged first (`_official`);
    - Chinese or exclusions with words, no filter: the terms' lists merged (Search.newest_rowids);
    - else every key newest first, or the articles gone from their site (`_keys`).
    Other words (Chinese, exclusions) and other places named are sets (`+k.rowid`: checked, never looped over
    for each article)."""
    where, params = query.conditions("k")
    if before is not None:
        where.append(f"k.rowid < {int(before)}")
    named = named_in(query.filters)
    by_code = [kind for kind in named if kind not in NAMED_KEY]
    if query.search.match and by_code and not rank:
        return _words_and_places(where[1:], by_code, limit), params      # where[0]: the words
    if query.search.match:
        return _words(where[1:], named[0] if named else None, limit, rank), params
    if by_code:
        return _place(where, by_code[0], limit), params
    if named:
        return _official(where, named[0], limit), params
    flat = query.search.newest_rowids(limit) if query.text and not query.filters and before is None else None
    if flat:
        # Chinese or exclusions with words, no filter: the terms' lists merged newest first, up to the limit
        sets, params = flat
        return (f"select {HIT_COLUMNS} from ({sets}) s join article_keys k on k.rowid = s.hit "
                "order by k.rowid desc"), params
    return _keys(where, query.filters.get("gone") == "1" and not query.text, limit), params


def _words_and_places(other: list[str], by_code: list[str], limit: int) -> str:
    """The word index's matches and each named country's (province's, city's) articles (named_articles), both
    lists in rowid order, merged by a compound INTERSECT that reads each once, newest first (its ORDER BY kept by
    the LIMIT: SQLite drops a subquery's bare ORDER BY and then intersects through a temporary index), instead of
    each match looked up in a set of the country's rowids (at a million, `ambassador` in 358,000 articles and
    Albania in 100,000: 0.05 s, against 0.2 s). The merge drives (CROSS JOIN), one key per match, so the rows come
    out in its order: no sort of the matches again. `other`: the conditions but the words."""
    lists = " intersect ".join(["select rowid as hit from articles_fts where articles_fts match :sq"] + [
        f"select article from named_articles where kind = :{kind}_kind and code = :{kind}" for kind in by_code])
    other = [w for w in other if w not in [named_condition(kind) for kind in by_code]]
    return (f"select {HIT_COLUMNS} from ({lists} order by 1 desc limit -1) s cross join article_keys k "
            "on k.rowid = s.hit" + (" where " + " and ".join(other) if other else "") + f" limit {int(limit)}")


def _words(other: list[str], kind: str | None, limit: int, rank: bool) -> str:
    """The word index drives, newest first; an official (or, ranked, a place) named too is a set of rowids from
    the mentions. `other`: the conditions but the words; `kind`: the first kind of mention asked for."""
    if kind is not None:
        other = [w for w in other if w != named_condition(kind)]
        other.insert(0, f"+f.rowid in (select n.rowid from mentions m cross join article_keys n "
                        f"on n.id = m.article_id where m.kind = :{kind}_kind and m.{NAMED_KEY.get(kind, 'code')} "
                        f"= :{kind})")
    return (f"select {HIT_COLUMNS}" + (", f.rank" if rank else "") + " from articles_fts f "
            "join article_keys k on k.rowid = f.rowid where articles_fts match :sq"
            + "".join(f" and {w}" for w in other) + f" order by f.rowid desc limit {int(limit)}")


def _place(where: list[str], kind: str, limit: int) -> str:
    """Walk the country's (province's, city's) articles newest archived first (named_articles holds their rowids
    in order), the other conditions checked on each article's key (by rowid)."""
    other = [w for w in where if w != named_condition(kind)]
    return (f"select {HIT_COLUMNS} from named_articles n cross join article_keys k on k.rowid = n.article "
            f"where n.kind = :{kind}_kind and n.code = :{kind}" + "".join(f" and {w}" for w in other)
            + f" order by n.article desc limit {int(limit)}")


def _official(where: list[str], kind: str, limit: int) -> str:
    """Walk the mentions of the official's name newest first (mentions are written as articles are stored), the
    other conditions checked on each article's key; a negative `limit`: all of them, in no order."""
    other = [w for w in where if w != named_condition(kind)]
    return (f"select {HIT_COLUMNS} from mentions m cross join article_keys k on k.id = m.article_id "
            f"where m.kind = :{kind}_kind and m.{NAMED_KEY.get(kind, 'code')} = :{kind}"
            + "".join(f" and {w}" for w in other)
            + (f" order by m.rowid desc limit {int(limit)}" if limit >= 0 else ""))


def _keys(where: list[str], gone: bool, limit: int) -> str:
    """Every article's key newest archived first, the conditions checked on each; the articles gone from their
    site (`gone`, a small share): their partial index, sorted, not every key walked."""
    return (f"select {HIT_COLUMNS} from article_keys k" + (" indexed by article_keys_gone" if gone else "")
            + (" where " + " and ".join(where) if where else "") + f" order by k.rowid desc limit {int(limit)}")


async def count_hits(db, query: Query) -> int:
    if not query.active:
        return (await db.execute("select coalesce(sum(articles), 0) from article_months")).rows[0][0]
    if set(query.filters) <= {"site"} and not query.text:
        return (await db.execute("select coalesce(sum(articles), 0) from article_months where site = :site",
                                 {"site": query.filters["site"]})).rows[0][0]
    if query.search.match and not query.filters:
        return (await db.execute("select count(*) from articles_fts where articles_fts match :sq",
                                 {"sq": query.search.match})).rows[0][0]
    if query.text and not query.filters and not query.search.empty:
        # Chinese or exclusions alone: the terms' sets of rowids combined, not every article checked against them
        sets, params, complement = query.search.rowid_sets()
        found = (await db.execute(f"select count(*) from ({sets})", params, custom_time_limit=4000)).rows[0][0]
        if not complement:
            return found
        return (await db.execute("select coalesce(sum(articles), 0) from article_months")).rows[0][0] - found
    where, params = query.conditions("k")
    named = named_in(query.filters)
    if named and len(query.filters) == 1 and not query.text:
        # one row of named_articles per article and code, whatever names it was tagged under
        table, key = ("mentions", NAMED_KEY[named[0]]) if named[0] in NAMED_KEY else ("named_articles", "code")
        return (await db.execute(f"select count(*) from {table} where kind = ? and {key} = ?",
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
    where, params = query.conditions("k", probe=await _probed(db, query, total, offset))
    if query.order == "relevance" and query.search.match:
        hits, params = _hits_sql(query, RANK_CAP, rank=True)
        sql = f"select rowid from ({hits}) order by rank, rowid desc limit {PAGE_SIZE} offset {offset}"
        return [r[0] for r in (await db.execute(sql, params)).rows]
    # newest published first: walk the published index when the matches are many, sort them when fewer than
    # SORTED (their keys are narrow: 20,000 sort in ~30 ms; a walk past a few hundred thousand newer articles
    # to reach matches all published long ago, e.g. the articles gone from their site, took 3 s)
    if (total or 0) > SORTED:
        if "y0" in params:      # a year: the walk starts at its end, not at the newest article
            where.append("a.published >= :y0 and a.published < :y1")
        sql = ("select a.rowid from articles a indexed by articles_published "
               "join article_keys k on k.rowid = a.rowid"
               + (" where " + " and ".join(where) if where else "")
               + f" order by a.published desc, a.rowid desc limit {PAGE_SIZE} offset {offset}")
    else:
        hits, params = _hits_sql(query, max(total or 0, 1))
        sql = (f"select rowid from ({hits}) order by published desc, rowid desc "
               f"limit {PAGE_SIZE} offset {offset}")
    return [r[0] for r in (await db.execute(sql, params, custom_time_limit=4000)).rows]

async def _probed(db, query: Query, total: int | None, offset: int) -> bool:
    """Whether the walk down the date index (more than SORTED matches, newest first) asks the words' indexes
    about each article it passes rather than building the set of every match: when it should pass at most
    PROBED articles to fill the page (the matches spread evenly: page end x articles / matches). A first page of
    `ambassador OR 卢森堡` then checks ~60 articles (5 ms) instead of building a set of 378,000 (0.1-0.2 s)."""
    if not query.text or (total or 0) <= SORTED or named_in(query.filters) or query.order != "date":
        return False
    articles = (await db.execute("select coalesce(sum(articles), 0) from article_months")).rows[0][0]
    return (offset + PAGE_SIZE) * articles <= PROBED * (total or 1)


async def scan_once(db, query: Query) -> None:
    """The Chinese terms too short for the trigram index (`大使`) read every Chinese article: once per page, their
    rowids kept in query.search.known, not once in each of the count, the page and the facets."""
    for term in {t for c in query.search.clauses for t in c.terms if scanned(t)}:
        sql, params = scan_sql(term)
        rows = (await db.execute(sql, params, custom_time_limit=4000)).rows
        query.search.known[term.text] = "[" + ",".join(str(r[0]) for r in rows) + "]"


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
        if row is None:
            row = await _named_alike(db, query, kind, value)
        if row:
            query.filters[kind] = row[NAMED_KEY.get(kind, "code")]
        labels[kind] = row["name"] if row else None
    return labels


TAGGED = ("country", "province", "city")    # kinds whose mentions carry one English name in articles of every language


async def named_words(db, query: Query) -> dict | None:
    """{kind, code, name} when what was typed is, whole, the name of a country, province or city the archive tags
    (as typed or capitalised): its articles in every language are then one link away, where the words find only
    those that spell it so ("Luxembourg" finds no Chinese article; country=LUX finds those that say 卢森堡)."""
    clauses = query.search.clauses
    if len(clauses) != 1 or clauses[0].negated or len(clauses[0].terms) != 1 or named_in(query.filters):
        return None
    term = clauses[0].terms[0]
    if term.prefix or term.cjk:
        return None
    for kind in TAGGED:
        for name in dict.fromkeys((term.text, term.text.title())):
            row = (await db.execute("select code, name from mentions where kind = ? and name = ? limit 1",
                                    [kind, name])).first()
            if row and row["code"]:
                return {"kind": kind, "code": row["code"], "name": row["name"]}
    return None


async def _named_alike(db, query: Query, kind: str, value: str):
    """The mention whose name is the value in other letter case; None (the value noted as unknown in
    query.unknown, with the closest names) when there is none."""
    # the distinct names by skipping from one to the next in the (kind, name) index: ~200 steps, not the 2,000,000
    # country mentions of a million articles read (0.2-0.4 s)
    names = [r[0] for r in (await db.execute(
        "with recursive known(name) as (select min(name) from mentions where kind = :kind "
        "union all select (select min(name) from mentions where kind = :kind and name > known.name) from known "
        "where known.name is not null) select name from known where name is not null",
        {"kind": kind}, custom_time_limit=2000)).rows]
    same = next((n for n in names if n.lower() == value.lower()), None)
    if same is not None:
        return (await db.execute("select code, name from mentions where kind = ? and name = ? limit 1",
                                 [kind, same])).first()
    query.unknown.append((kind, value, closest(value, names)))
    return None


def unknown_site(query: Query, sites: dict) -> None:
    """A site filter naming no configured site is noted in query.unknown with the closest names."""
    site = query.filters.get("site")
    if site and site not in sites:
        names = {v.get("name", k): k for k, v in sites.items()}
        near = closest(site, list(names) + list(sites))
        query.unknown.append(("source", site, list(dict.fromkeys(names.get(n, n) for n in near))))
