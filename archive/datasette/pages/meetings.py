"""`/-/meetings`: who met whom, one readable row per event, filtered by province, country, year, kind and official,
with facets, CSV/JSON/Atom (`/-/meetings.csv` ...); `/-/official/<key>`: every event of one person, by year, with
the spellings merged under their key (people.py). The tables are read only through meeting_reads.py.
"""
from __future__ import annotations

import asyncio
import csv
import io
import json
import math
from urllib.parse import urlencode

from datasette.utils import tilde_decode, tilde_encode

from . import meeting_reads as reads
from .common import DATABASE, FEED_SIZE, archive_url, closest, colours, plain_date, site_info
from .feeds import _iso, feed_response
from .people import display_name, person_key

PAGE_SIZE = 25
OFFICIAL_SIZE = 100     # an official's page shows the newest this many events (the meetings page has them all)
FILTERS = ("province", "country", "year", "type", "official")
TYPE_WORDS = {"visit": "visit", "meeting": "meeting", "talks": "talks", "call": "call (phone or video)",
              "signing": "signing"}


class MeetingQuery:
    """The meetings page's request: filters as typed, resolved to stored values (or a note naming the closest)."""

    def __init__(self, args):
        self.args = {k: (args.get(k) or "").strip() for k in FILTERS if (args.get(k) or "").strip()}
        try:
            self.page = max(1, int(args.get("page") or 1))
        except ValueError:
            self.page = 1
        self.filter = reads.EventFilter()
        self.unknown: list[tuple[str, str, list[str]]] = []     # (filter, value, closest names)
        self.official: dict | None = None

    async def resolve(self, db) -> None:
        a, f = self.args, self.filter
        if "province" in a:
            known = await reads.provinces(db)
            by_lower = {k.lower(): k for k in known} | {(v or "").lower(): k for k, v in known.items() if v}
            f.province = by_lower.get(a["province"].lower())
            if f.province is None:
                self.unknown.append(("province", a["province"], closest(a["province"], list(known))))
        if "country" in a:
            countries = await reads.countries(db)
            f.country = {k.lower(): k for k in countries}.get(a["country"].lower())
            if f.country is None:
                self.unknown.append(("country", a["country"], closest(a["country"], countries)))
        if "year" in a:
            f.year = int(a["year"]) if a["year"].isdigit() else None
            if f.year is None:
                self.unknown.append(("year", a["year"], []))
        if "type" in a:
            types = await reads.types(db)
            f.type = a["type"].lower() if a["type"].lower() in types else None
            if f.type is None:
                self.unknown.append(("type", a["type"], closest(a["type"], types)))
        if "official" in a:
            await self._resolve_official(db, a["official"])
        self.filter.nothing = bool(self.unknown)  # "no province Guizhu": 0 events, never every event

    async def _resolve_official(self, db, value: str) -> None:
        people = await reads.spellings(db)
        key = value if value in people else person_key(value)
        if key in people:
            self.official = {"key": key, "href": official_href(key), "spellings": people[key],
                             "name": display_name(people[key])}
            self.filter.names = list(people[key])
        else:
            names = {display_name(v): k for k, v in people.items()}
            self.unknown.append(("official", value, closest(value, list(names))))
            self.filter.names = []

    def link(self, **changes) -> str:
        args = {**self.args, **changes}
        args.setdefault("page", None)
        if "page" not in changes:
            args["page"] = None
        return "?" + urlencode({k: v for k, v in args.items() if v not in (None, "")})

    def describe(self, total: int = 2) -> str:
        a, parts = self.args, []
        noun = TYPE_WORDS.get(a["type"].lower(), a["type"]).split(" ")[0] if "type" in a else "event"
        parts.append(noun if total == 1 or noun == "talks" else noun + "s")
        if self.official:
            parts.append(f"with {self.official['name']}")
        if "country" in a:
            parts.append(f"with people of {self.filter.country or a['country']}")
        if "province" in a:
            parts.append(f"in {self.filter.province or a['province']}")
        if "year" in a:
            parts.append(f"in {a['year']}")
        text = " ".join(parts)
        return text[0].upper() + text[1:]


def _facets(query: MeetingQuery, counts: dict, people: dict[str, int]) -> dict:
    out = {}
    for kind, values in counts.items():
        if kind in query.args:
            continue
        ordered = sorted(values, key=(lambda v: v[0]) if kind == "year" else (lambda v: (-v[1], v[0])),
                         reverse=kind == "year")
        out[kind] = [{"label": TYPE_WORDS.get(v, v) if kind == "type" else v, "count": n,
                      "href": query.link(**{kind: v})} for v, n in ordered[:20]]
    if "official" not in query.args:
        merged: dict[str, dict[str, int]] = {}
        for name, n in people.items():
            key = person_key(name)
            if key:
                merged.setdefault(key, {})[name] = n
        top = sorted(merged.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:15]
        out["official"] = [{"label": display_name(v), "count": sum(v.values()), "href": official_href(k),
                            "variants": sorted(v)} for k, v in top]
    return out


def readable(event: dict) -> dict:
    """An event's words for the page and the exports: when, where, who met whom."""
    start, end = event.get("date_start"), event.get("date_end")
    when = plain_date(start) if start else "date not given"
    if end and end != start:
        when += " to " + plain_date(end)
    where = ", ".join(p for p in (event.get("city"), event.get("province")) if p) or "place not given"
    foreign = [p for p in event["foreign"] if p.get("name") or p.get("role")]
    group = event.get("group_description")
    return {**event, "when": when, "where": where, "foreign_people": foreign, "group": group,
            "type_words": TYPE_WORDS.get(event.get("type") or "", event.get("type") or "event"),
            "press_conference": event.get("source") == "press_conference",
            "people_keys": {p.get("name"): tilde_encode(person_key(p.get("name"))) for p in event["chinese"] + foreign
                            if p.get("name")}}


def official_href(key: str) -> str:
    """The address of a person's page; a key of Chinese characters ("阿瑟伯恩", a foreign name as a Chinese
    readout writes it) tilde-encoded, as Datasette routes it."""
    return "/-/official/" + tilde_encode(key)


async def meetings_page(datasette, request):
    from datasette.utils.asgi import Response

    db = datasette.get_database(DATABASE)
    query = MeetingQuery(request.args)
    await query.resolve(db)
    fmt = request.url_vars.get("format")
    if fmt in ("csv", "json"):
        return await export(datasette, request, db, query, fmt)
    if fmt == "atom":
        return await feed(datasette, request, db, query)
    f = query.filter
    (total, exact), (counts, sampled), groups = await asyncio.gather(
        reads.count_events(db, f), reads.facet_counts(db, f),
        reads.event_page(db, f, PAGE_SIZE, (query.page - 1) * PAGE_SIZE))
    people = dict(counts.pop("person"))
    events = [readable(e) for e in await reads.event_rows(db, groups)]
    last = max(1, math.ceil(total / PAGE_SIZE))
    sites = site_info(datasette)
    exports = {k: f"/-/meetings.{k}" + query.link() for k in ("csv", "json", "atom")}
    page = await datasette.render_template("gazette_meetings.html", {
        "query": query, "total": total, "exact": exact, "exact_limit": reads.EXACT_COUNT, "sampled": sampled,
        "facet_cap": reads.FACET_CAP, "events": events, "facets": _facets(query, counts, people),
        "sites": sites, "colours": colours(datasette), "exports": exports, "description": query.describe(total),
        "pages": {"page": query.page, "last": last,
                  "prev": query.link(page=query.page - 1) if query.page > 1 else None,
                  "next": query.link(page=query.page + 1) if query.page < last else None},
        "filters_active": [(k, v, query.link(**{k: None})) for k, v in query.args.items()],
    }, request=request)
    return Response.html(page)


async def official_page(datasette, request):
    """Every event of one person (all spellings merged under the key), by year, newest first."""
    from datasette.utils.asgi import NotFound, Response

    db = datasette.get_database(DATABASE)
    key = tilde_decode(request.url_vars["key"])
    people = await reads.spellings(db)
    if key not in people:
        raise NotFound("No official of that name in the meetings")
    spellings = people[key]
    f = reads.EventFilter(names=list(spellings))
    (total, exact), groups = await asyncio.gather(reads.count_events(db, f),
                                                  reads.event_page(db, f, OFFICIAL_SIZE, 0))
    events = [readable(e) for e in await reads.event_rows(db, groups)]
    years: dict[str, list[dict]] = {}
    for e in events:
        years.setdefault(str(e.get("year") or "year not given"), []).append(e)
    page = await datasette.render_template("gazette_official.html", {
        "key": key, "name": display_name(spellings), "spellings": sorted(spellings.items(), key=lambda s: -s[1]),
        "titles": await reads.titles_of(db, list(spellings)), "years": years, "total": total, "exact": exact,
        "shown": len(events),
        "sites": site_info(datasette), "colours": colours(datasette), "meetings_link": "/-/meetings?"
        + urlencode({"official": key})}, request=request)
    return Response.html(page)


EXPORT_COLUMNS = ("date_start", "date_end", "type", "province", "city", "chinese_side", "foreign_side", "countries",
                  "group", "sentence", "articles", "archive_urls")


def _person(p: dict) -> str:
    name, title = p.get("name"), p.get("title") or p.get("role")
    country = p.get("country_name")
    words = ", ".join(x for x in (name, title) if x)
    return words + (f" ({country})" if country and country != "China" else "")


def export_record(datasette, request, event: dict) -> dict:
    base = datasette.absolute_url
    return {"date_start": event.get("date_start"), "date_end": event.get("date_end"), "type": event.get("type"),
            "province": event.get("province"), "city": event.get("city"),
            "chinese_side": [_person(p) for p in event["chinese"]],
            "foreign_side": [_person(p) for p in event["foreign"] if p.get("name") or p.get("role")],
            "countries": event["country_names"], "group": event.get("group_description"),
            "sentence": event.get("sentence"), "articles": [a["url"] for a in event["articles"]],
            "archive_urls": [base(request, archive_url(datasette, a["id"])) for a in event["articles"]]}


async def export(datasette, request, db, query: MeetingQuery, fmt: str):
    """Every event matching (at most 100,000), ISO dates, lists joined by "; " in CSV (UTF-8 with a BOM)."""
    from datasette.utils.asgi import Response

    groups = await reads.event_page(db, query.filter, 100_000, 0)
    records = []
    for start in range(0, len(groups), 500):
        records += [export_record(datasette, request, e) for e in await reads.event_rows(db, groups[start:start + 500])]
    name = "gazette-meetings"
    if fmt == "json":
        body = json.dumps(records, ensure_ascii=False, indent=1)
        return Response(body, content_type="application/json; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="{name}.json"'})
    buffer = io.StringIO()
    buffer.write("\ufeff")
    out = csv.writer(buffer)
    out.writerow(EXPORT_COLUMNS)
    for r in records:
        out.writerow(["; ".join(r[c]) if isinstance(r[c], list) else r[c] for c in EXPORT_COLUMNS])
    return Response(buffer.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})


async def feed(datasette, request, db, query: MeetingQuery):
    base = datasette.absolute_url
    sites = site_info(datasette)
    events = [readable(e) for e in await reads.event_rows(db, await reads.event_page(db, query.filter, FEED_SIZE, 0))]
    entries = []
    for e in events:
        first = e["articles"][0] if e["articles"] else None
        link = base(request, archive_url(datasette, first["id"])) if first else base(request, "/-/meetings")
        source = sites.get(first["site"], {}).get("name", first["site"]) if first else ""
        entries.append({"id": link + "#" + e["id"], "title": f"{e['when']}, {e['where']}: {e['type_words']}",
                        "link": link, "updated": _iso(e.get("date_start")),
                        "summary": f"{e.get('sentence') or ''} ({source})"})
    return await feed_response(datasette, request, "Gazette: " + query.describe(), entries,
                               html_url=base(request, "/-/meetings" + query.link()))
