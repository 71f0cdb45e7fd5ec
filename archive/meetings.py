"""The archive's `meetings` and `meeting_participants` tables: the events pipelines/meetings.py reads from an
article, written with the article in the same transaction (archive/store.py calls `replace_meetings`).

`meetings`: one row per event. `id` is `<article id>-<n>`; `type`; `date_start`, `date_end`, `year`, `month`;
the place (`place_country`, `province`, `province_code`, `city`, `city_code`, `place_source`: `text` or `site`,
and every place named as a JSON list in `places`); `chinese_side` and `foreign_side` (JSON lists of persons);
`countries` (JSON list of the foreign countries' names, for Datasette's array facet) and `country_codes`
(ISO 3166-1 alpha-3); `group_description` and `group_number` (a group of envoys, "of 12 countries");
`sentence`; `article_id` and `site`.

`meeting_participants`: one row per person (`side` chinese or foreign: `name`, `title`, `role`: the role head,
`level`, `body`, `country`, `country_name`) and one per country of a foreign group (`side` group), with the
event's type, date, year, province and city repeated so Datasette facets on them without a join.
The tables are made by archive/schema.py's `_meetings` step.
"""
from __future__ import annotations

import json

import sqlite_utils

MEETING_COLUMNS = ("id", "article_id", "site", "seq", "type", "date_start", "date_end", "year", "month",
                   "place_country", "province", "province_code", "city", "city_code", "place_source", "places",
                   "chinese_side", "foreign_side", "countries", "country_codes", "group_description", "group_number",
                   "sentence")
PARTICIPANT_COLUMNS = ("meeting_id", "article_id", "side", "name", "title", "role", "level", "body", "country",
                       "country_name", "type", "date_start", "year", "province", "province_code", "city")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def rows(article_id: str, site: str | None, events: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """The `meetings` and `meeting_participants` rows of an article's events (dicts of pipelines/meetings.py)."""
    meetings, people = [], []
    for n, e in enumerate(events, 1):
        mid = f"{article_id}-{n}"
        place = e.get("place") or {}
        start = e.get("date_start")
        year = int(start[:4]) if start else None
        group = e.get("group") or {}
        meetings.append((
            mid, article_id, site, n, e["type"], start, e.get("date_end"), year, start[:7] if start else None,
            place.get("country"), place.get("province"), place.get("province_code"), place.get("city"),
            place.get("city_code"), place.get("source"), _dumps(e.get("places") or []),
            _dumps(e.get("chinese") or []), _dumps(e.get("foreign") or []), _dumps(e.get("country_names") or []),
            _dumps(e.get("countries") or []), group.get("description"), group.get("number"), e.get("sentence")))
        common = (e["type"], start, year, place.get("province"), place.get("province_code"), place.get("city"))
        for p in e.get("chinese") or []:
            people.append((mid, article_id, "chinese", p.get("name"), p.get("title"), p.get("role_head"),
                           p.get("level"), p.get("body"), "CHN", "China", *common))
        person_countries = set()
        for p in e.get("foreign") or []:
            person_countries.add(p.get("country"))
            people.append((mid, article_id, "foreign", p.get("name"), p.get("role"), p.get("role_head"),
                           None, None, p.get("country"), p.get("country_name"), *common))
        names = dict(zip(e.get("countries") or [], e.get("country_names") or []))
        for code in e.get("countries") or []:
            if code not in person_countries:
                people.append((mid, article_id, "group", None, group.get("description"), None, None, None, code,
                               names.get(code), *common))
    return meetings, people


def replace_meetings(db: sqlite_utils.Database, article_id: str, site: str | None, events: list[dict]) -> None:
    """The article's rows in `meetings` and `meeting_participants` become exactly these events (run it inside the
    transaction that writes the article)."""
    meetings, people = rows(article_id, site, events)
    db.execute("delete from meeting_participants where article_id = ?", [article_id])
    db.execute("delete from meetings where article_id = ?", [article_id])
    if meetings:
        db.conn.executemany(f"insert into meetings ({', '.join(MEETING_COLUMNS)}) values "
                            f"({', '.join('?' * len(MEETING_COLUMNS))})", meetings)
    if people:
        db.conn.executemany(f"insert into meeting_participants ({', '.join(PARTICIPANT_COLUMNS)}) values "
                            f"({', '.join('?' * len(PARTICIPANT_COLUMNS))})", people)
