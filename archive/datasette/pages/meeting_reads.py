"""Every read of the `meetings` and `meeting_participants` tables for the meetings pages, in one place: the
columns the pages rely on are named here and nowhere else, so a change of the tables (archive/meetings.py,
pipelines/meetings.py) is an edit of this module only.

An *event* is one row of `meetings`, or several rows that report the same event (EVENT_KEY): a visit on the same
first day to the same place (a tour reported by the ministry and by the province, which may name different
countries of the group), or a meeting, talks, call or signing on the same day and place with the same countries. Lists, counts and
facets are of events.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .people import person_key

# the columns of `meetings` the pages read (JSON lists: PEOPLE_COLUMNS, countries)
EVENT_COLUMNS = ("id", "article_id", "site", "type", "date_start", "date_end", "year", "province", "province_code",
                 "city", "chinese_side", "foreign_side", "countries", "country_codes", "group_description",
                 "group_number", "sentence")
PEOPLE_COLUMNS = {"chinese": "chinese_side", "foreign": "foreign_side"}   # each a JSON list of {name, title/role}
EVENT_KEY = ("case when m.date_start is null then m.id else m.date_start || '|' || coalesce(m.province, '') || '|' "
             "|| coalesce(m.city, '') || '|' || m.type || '|' || case when m.type = 'visit' then '' "
             "else coalesce(m.country_codes, '') end end")
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

    def where(self) -> tuple[str, dict]:
        clauses, params = [], {}
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
    """{province name: its code} of the provinces events took place in."""
    rows = (await db.execute("select distinct province, province_code from meetings where province is not null")).rows
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

async def count_events(db, f: EventFilter) -> int:
    where, params = f.where()
    sql = f"select count(distinct {EVENT_KEY}) from meetings m{where}"
    return (await db.execute(sql, params, custom_time_limit=4000)).rows[0][0]


async def event_page(db, f: EventFilter, limit: int, offset: int) -> list[list[str]]:
    """The ids of the rows of each event on the page, newest first (undated last)."""
    where, params = f.where()
    sql = (f"select group_concat(m.id, ' ') from meetings m{where} group by {EVENT_KEY} "
           f"order by max(m.date_start) is null, max(m.date_start) desc, min(m.id) limit {int(limit)} "
           f"offset {int(offset)}")
    return [r[0].split(" ") for r in (await db.execute(sql, params, custom_time_limit=4000)).rows]


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


async def facet_counts(db, f: EventFilter) -> dict[str, list[tuple[str, int]]]:
    """Events per type, year, province and foreign country among the filtered events."""
    where, params = f.where()
    parts = {
        "type": f"select m.type, count(distinct {EVENT_KEY}) from meetings m{where} group by 1",
        "year": f"select m.year, count(distinct {EVENT_KEY}) from meetings m{where} group by 1",
        "province": f"select m.province, count(distinct {EVENT_KEY}) from meetings m{where} group by 1",
        "country": (f"select p.country_name, count(distinct {EVENT_KEY}) from meetings m "
                    f"join meeting_participants p on p.meeting_id = m.id{where or ' where 1'} "
                    f"and p.country_name is not null and p.country_name != 'China' group by 1"),
    }
    sql = " union all ".join(f"select '{k}', * from ({v})" for k, v in parts.items())
    out: dict[str, list[tuple[str, int]]] = {k: [] for k in parts}
    for kind, value, n in (await db.execute(sql, params, custom_time_limit=4000)).rows:
        if value is not None:
            out[kind].append((str(value), n))
    return out


async def people_of(db, f: EventFilter, limit: int = 5000) -> dict[str, int]:
    """{spelling: events} of the named participants of the filtered events (the most recent `limit` rows)."""
    where, params = f.where()
    sql = (f"select p.name, count(distinct p.meeting_id) from (select m.id from meetings m{where} "
           f"order by m.date_start desc limit {int(limit)}) e join meeting_participants p on p.meeting_id = e.id "
           f"where p.name is not null and p.side in ('chinese', 'foreign') group by p.name")
    return {r[0]: r[1] for r in (await db.execute(sql, params, custom_time_limit=4000)).rows}


async def titles_of(db, names: list[str]) -> dict[str, int]:
    """{title: events} under which these spellings of one person appear."""
    marks = ", ".join("?" * len(names)) or "null"
    rows = (await db.execute(
        f"select title, count(distinct meeting_id) from meeting_participants where name in ({marks}) "
        f"and title is not null group by title order by 2 desc", names)).rows
    return {r[0]: r[1] for r in rows}


async def home_choices(db) -> dict:
    """For the home page's envoy question: the provinces and years events took place in, and the province and
    year with the most visits (the example)."""
    rows = (await db.execute(
        "select province, year, count(*) from meetings where type = 'visit' and province is not null "
        "and year is not null group by province, year", custom_time_limit=2000)).rows
    provinces = sorted({r[0] for r in rows})
    years = sorted({r[1] for r in rows}, reverse=True)
    best = max(rows, key=lambda r: (r[2], r[1]), default=None)
    return {"meeting_provinces": provinces, "meeting_years": years,
            "envoy_example": {"province": best[0], "year": best[1]} if best else None}
