"""Every read of the `meetings` and `meeting_participants` tables for the meetings pages, in one place: the
columns the pages rely on are named here and nowhere else, so a change of the tables (archive/meetings.py,
pipelines/meetings.py) is an edit of this module only.

An *event* is one occasion: a row of `meetings` and the rows that report the same occasion after it, which point to
it by `same_as` (archive/meetings.py decides which rows those are: the same type, first day and foreign countries,
from different articles, with a person in common). Lists, counts and facets are of events.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .people import person_key

# the columns of `meetings` the pages read (JSON lists: PEOPLE_COLUMNS, countries)
EVENT_COLUMNS = ("id", "article_id", "site", "type", "date_start", "date_end", "year", "province", "province_code",
                 "city", "chinese_side", "foreign_side", "countries", "country_codes", "group_description",
                 "group_number", "sentence", "source")
PEOPLE_COLUMNS = {"chinese": "chinese_side", "foreign": "foreign_side"}   # each a JSON list of {name, title/role}
EVENT_KEY = "coalesce(m.same_as, m.id)"     # the occasion a row reports (its rows share their first day)
NAMED_SIDES = ("chinese", "foreign")          # participants' sides that name a person (not 'group')


@dataclass
class EventFilter:
    """The filters of the meetings page, already resolved to stored values (None: not filtered)."""
    province: str | None = None
    country: str | None = None
    year: int | None = None
    type: str | None = None
    names: list[str] | None = None              # every spelling of the official asked for
    sites: list[str] = field(default_factory=list)
    nothing: bool = False                        # a filter value no event holds: nothing matches

    def where(self) -> tuple[str, dict]:
        clauses: list[str] = ["0"] if self.nothing else []
        params: dict[str, object] = {}
        if self.province:
            clauses.append("m.province = :province")
            params["province"] = self.province
        if self.year is not None:
            clauses.append("m.year = :year")
            params["year"] = self.year
        if self.type:
            clauses.append("m.type = :type")
            params["type"] = self.type
        if self.country:
            clauses.append("m.id in (select meeting_id from meeting_participants where country_name = :country)")
            params["country"] = self.country
        if self.names is not None:
            marks = ", ".join(f":n{i}" for i in range(len(self.names))) or "null"
            clauses.append(f"m.id in (select meeting_id from meeting_participants where name in ({marks}))")
            params.update({f"n{i}": n for i, n in enumerate(self.names)})
        return (" where " + " and ".join(clauses)) if clauses else "", params


# -- the values a filter can take ----------------------------------------------------------------------

async def provinces(db) -> dict[str, str]:
    """{province name: its code} of the provinces events took place in: one step down meetings_province_year per
    province (not every event's row)."""
    rows = (await db.execute(
        "with recursive p(name) as (select min(province) from meetings union all "
        "select (select min(province) from meetings where province > p.name) from p where p.name is not null) "
        "select name, (select province_code from meetings where province = p.name and province_code is not null "
        "limit 1) from p where name is not null")).rows
    return {r[0]: r[1] for r in rows}


async def countries(db) -> list[str]:
    rows = (await db.execute("select distinct country_name from meeting_participants "
                             "where country_name is not null")).rows
    return [r[0] for r in rows]


async def types(db) -> list[str]:
    return [r[0] for r in (await db.execute("select distinct type from meetings where type is not null")).rows]


_NAMES: dict = {}


async def spellings(db) -> dict[str, dict[str, int]]:
    """{person key: {spelling: events}} of every named participant (cached until the table grows)."""
    top = (await db.execute("select max(id) from meeting_participants")).rows[0][0]
    if _NAMES.get("top") != top:
        rows = (await db.execute(
            "select name, count(distinct meeting_id) from meeting_participants where name is not null "
            "and side in ('chinese', 'foreign') group by name", custom_time_limit=4000)).rows
        by_key: dict[str, dict[str, int]] = {}
        for name, n in rows:
            key = person_key(name)
            if key:
                by_key.setdefault(key, {})[name] = n
        _NAMES.clear()
        _NAMES.update(top=top, by_key=by_key)
    return _NAMES["by_key"]


# -- events --------------------------------------------------------------------------------------------

EXACT_COUNT = 3_000   # above this many rows, the count is of rows (reports), not of distinct events


async def count_events(db, f: EventFilter) -> tuple[int, bool]:
    """(events, exact): distinct events when the filter has at most EXACT_COUNT rows, else its rows (an event
    reported by two sites then counts twice, and the count says "about")."""
    where, params = f.where()
    rows = (await db.execute(f"select count(*) from meetings m{where}", params, custom_time_limit=4000)).rows[0][0]
    if rows > EXACT_COUNT:
        return rows, False
    sql = f"select count(distinct {EVENT_KEY}) from meetings m{where}"
    return (await db.execute(sql, params, custom_time_limit=4000)).rows[0][0], True


def _grouped(source: str, where: str, limit: int, offset: int) -> str:
    return (f"select group_concat(m.id, ' '), max(m.date_start), {EVENT_KEY} from {source} m{where} "
            f"group by {EVENT_KEY} "
            f"order by max(m.date_start) is null, max(m.date_start) desc, min(m.id) "
            f"limit {int(limit)} offset {int(offset)}")


DAY_ROWS = 20_000     # at most this many rows of the days from the page's last day on are grouped here


def _event_ids(ids, event: str) -> list[str]:
    """An event's row ids, the row the others point to first (its fields are shown), then the others by id."""
    return ([event] if event in ids else []) + sorted(i for i in ids if i != event)


def _events(rows) -> list[list]:
    """Rows (id, first day, event) grouped into events [[row ids], day, smallest id], newest day first, then
    smallest id (undated last): the order of _grouped."""
    events: dict[str, list] = {}
    for row_id, day, event in rows:
        entry = events.setdefault(event, [[], None, row_id, event])
        entry[0].append(row_id)
        entry[1] = day if entry[1] is None or (day is not None and day > entry[1]) else entry[1]
        entry[2] = min(entry[2], row_id)
    ordered = sorted(events.values(), key=lambda e: e[2])         # smallest id first among the same day,
    ordered.sort(key=lambda e: e[1] or "", reverse=True)          # newest day first (stable), undated last
    for entry in ordered:
        entry[0] = _event_ids(entry[0], entry[3])
    return ordered


async def event_page(db, f: EventFilter, limit: int, offset: int) -> list[list[str]]:
    """The ids of the rows of each event on the page, newest first (undated last).

    The rows of one event share their first day, so grouping only the newest rows of the filter (through the
    meetings_date or meetings_year_date index: a few times more than the page needs, reading only id, day and
    event) gives the right page when its last event is newer than the oldest day among those rows, or when they
    are all the rows. When the page's last event is on that oldest day (many events a day), every row of the
    days from that one on is grouped (at most DAY_ROWS; each of those days is then whole); otherwise every row
    is grouped (_grouped)."""
    where, params = f.where()
    cap = (offset + limit) * 4 + 50
    select = f"select m.id, m.date_start, {EVENT_KEY} from meetings m{where}"
    recent = (await db.execute(f"{select} order by m.date_start desc limit {cap}", params)).rows
    ordered = _events(recent)[:offset + limit]
    days = [r[1] for r in recent if r[1] is not None]
    cutoff = min(days) if days else None
    exact = len(recent) < cap or len(days) < len(recent) or (
        len(ordered) == offset + limit and ordered[-1][1] is not None and ordered[-1][1] > cutoff)
    if not exact and len(ordered) == offset + limit and ordered[-1][1] is not None:
        since = (await db.execute(f"{select}{' and' if where else ' where'} m.date_start >= :page_day "
                                  f"order by m.date_start desc limit {DAY_ROWS + 1}",
                                  {**params, "page_day": ordered[-1][1]})).rows
        if len(since) <= DAY_ROWS:
            return [e[0] for e in _events(since)[offset:offset + limit]]
    if not exact:
        rows = (await db.execute(_grouped("meetings", where, offset + limit, 0), params,
                                 custom_time_limit=4000)).rows
        return [_event_ids(r[0].split(" "), r[2]) for r in rows[offset:]]
    return [e[0] for e in ordered[offset:]]


def _people(value) -> list[dict]:
    try:
        people = json.loads(value or "[]")
    except ValueError:
        return []
    return [p for p in people if isinstance(p, dict)]


async def event_rows(db, groups: list[list[str]]) -> list[dict]:
    """Each event's fields (from its first row) with every article reporting it (id, site, title, published, url)."""
    ids = [i for g in groups for i in g]
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = {r["id"]: dict(r) for r in (await db.execute(
        f"select {', '.join(EVENT_COLUMNS)} from meetings where id in ({marks})", ids)).rows}
    article_ids = sorted({rows[i]["article_id"] for i in ids if i in rows})
    articles = {r["id"]: dict(r) for r in (await db.execute(
        f"select id, site, title, published, url from articles where id in ({', '.join('?' * len(article_ids))})",
        article_ids)).rows}
    out = []
    for group in groups:
        first = rows.get(group[0])
        if first is None:
            continue
        event = dict(first)
        for side, column in PEOPLE_COLUMNS.items():
            event[side] = _people(first[column])
        try:
            event["country_names"] = [c for c in json.loads(first["countries"] or "[]") if c]
        except ValueError:
            event["country_names"] = []
        event["articles"] = [articles[rows[i]["article_id"]] for i in group
                             if i in rows and rows[i]["article_id"] in articles]
        out.append(event)
    return out


FACET_CAP = 2000    # facets and the people named count over at most this many of the newest rows of a filter


async def facet_counts(db, f: EventFilter) -> tuple[dict[str, list[tuple[str, int]]], bool]:
    """(events per type, year, province, foreign country and person named, whether counted over a sample) among
    the newest FACET_CAP rows of the filter, in one statement."""
    where, params = f.where()
    recent = (f"with recent as materialized (select m.id, m.type, m.year, m.province, {EVENT_KEY} as event "
              f"from meetings m{where} order by m.date_start desc limit {FACET_CAP}), "
              f"people as materialized (select r.event, p.name, p.side, p.country_name from recent r "
              f"join meeting_participants p on p.meeting_id = r.id) ")
    parts = {
        "type": "select type, count(distinct event) from recent group by 1",
        "year": "select year, count(distinct event) from recent group by 1",
        "province": "select province, count(distinct event) from recent group by 1",
        "country": ("select country_name, count(distinct event) from people where country_name is not null "
                    "and country_name != 'China' group by 1"),
        "person": ("select name, count(distinct event) from people where name is not null "
                   "and side in ('chinese', 'foreign') group by 1"),
        "rows": "select 'rows', count(*) from recent",
    }
    sql = recent + " union all ".join(f"select '{k}', * from ({v})" for k, v in parts.items())
    out: dict[str, list[tuple[str, int]]] = {k: [] for k in parts}
    for kind, value, n in (await db.execute(sql, params, custom_time_limit=4000)).rows:
        if value is not None:
            out[kind].append((str(value), n))
    sampled = out.pop("rows")[0][1] >= FACET_CAP
    return out, sampled


async def titles_of(db, names: list[str]) -> dict[str, int]:
    """{title: events} under which these spellings of one person appear."""
    marks = ", ".join("?" * len(names)) or "null"
    rows = (await db.execute(
        f"select title, count(distinct meeting_id) from meeting_participants where name in ({marks}) "
        f"and title is not null group by title order by 2 desc", names)).rows
    return {r[0]: r[1] for r in rows}


async def home_choices(db) -> dict:
    """For the home page's envoy question: the provinces and years events took place in, and the province and
    year with the most events (the example), read off the meetings_province_year index alone."""
    rows = (await db.execute(
        "select province, year, count(*) from meetings where province is not null and year is not null "
        "group by province, year", custom_time_limit=2000)).rows
    provinces = sorted({r[0] for r in rows})
    years = sorted({r[1] for r in rows}, reverse=True)
    best = max(rows, key=lambda r: (r[2], r[1]), default=None)
    return {"meeting_provinces": provinces, "meeting_years": years,
            "envoy_example": {"province": best[0], "year": best[1]} if best else None}
