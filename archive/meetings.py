"""The archive's `meetings` and `meeting_participants` tables: the events pipelines/meetings reads from an
article, written with the article in the same transaction (archive/store.py calls `replace_meetings`).

`meetings`: one row per event. `id` is `<article id>-<n>`; `type`; `date_start`, `date_end`, `year`, `month`;
the place (`place_country`, `province`, `province_code`, `city`, `city_code`, `place_source`: `text` or `site`,
and every place named as a JSON list in `places`); `chinese_side` and `foreign_side` (JSON lists of persons);
`countries` (JSON list of the foreign countries' names, for Datasette's array facet) and `country_codes`
(ISO 3166-1 alpha-3); `group_description` and `group_number` (a group of envoys, "of 12 countries");
`sentence`; `article_id` and `site`; `source` (`article`, or `press_conference` for a spokesperson's answer) and
`same_as`: the id of the event that reports the same occasion first (same type, first day and foreign countries,
and a person in common when both name persons; an article's report before a press conference's, then the
earlier id), null for that first report, so counting `same_as is null` counts each occasion once.

`meeting_participants`: one row per person (`side` chinese or foreign: `name`, `title`, `role`: the role head,
`level`, `body`, `country`, `country_name`, `sentence`: the sentence that names the person, `described`: 1 for a
side described, not named) and one per country of a foreign group (`side` group), with the event's type, date,
year, province and city repeated so Datasette facets on them without a join.
The tables are made by archive/schema.py's `_meetings` and `_meeting_sources` steps.
"""
from __future__ import annotations

import json

import sqlite_utils

MEETING_COLUMNS = ("id", "article_id", "site", "seq", "type", "date_start", "date_end", "year", "month",
                   "place_country", "province", "province_code", "city", "city_code", "place_source", "places",
                   "chinese_side", "foreign_side", "countries", "country_codes", "group_description", "group_number",
                   "sentence", "source")
PARTICIPANT_COLUMNS = ("meeting_id", "article_id", "side", "name", "title", "role", "level", "body", "country",
                       "country_name", "type", "date_start", "year", "province", "province_code", "city",
                       "sentence", "described")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def rows(article_id: str, site: str | None, events: list[dict]) -> tuple[list[tuple], list[tuple]]:
    """The `meetings` and `meeting_participants` rows of an article's events (dicts of pipelines/meetings)."""
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
            _dumps(e.get("countries") or []), group.get("description"), group.get("number"), e.get("sentence"),
            e.get("source") or "article"))
        people += _participants(mid, article_id, e, (e["type"], start, year, place.get("province"),
                                                     place.get("province_code"), place.get("city")))
    return meetings, people


def _participants(mid: str, article_id: str, e: dict, common: tuple) -> list[tuple]:
    people = []
    for p in e.get("chinese") or []:
        people.append((mid, article_id, "chinese", p.get("name"), p.get("title"), p.get("role_head"),
                       p.get("level"), p.get("body"), "CHN", "China", *common, p.get("sentence"),
                       int(bool(p.get("described")))))
    person_countries = set()
    for p in e.get("foreign") or []:
        person_countries.add(p.get("country"))
        people.append((mid, article_id, "foreign", p.get("name"), p.get("role"), p.get("role_head"),
                       None, None, p.get("country"), p.get("country_name"), *common, p.get("sentence"),
                       int(bool(p.get("described")))))
    group = e.get("group") or {}
    names = dict(zip(e.get("countries") or [], e.get("country_names") or []))
    for code in e.get("countries") or []:
        if code not in person_countries:
            people.append((mid, article_id, "group", None, group.get("description"), None, None, None, code,
                           names.get(code), *common, e.get("sentence"), 0))
    return people


def replace_meetings(db: sqlite_utils.Database, article_id: str, site: str | None, events: list[dict]) -> None:
    """The article's rows in `meetings` and `meeting_participants` become exactly these events (run it inside the
    transaction that writes the article); `same_as` is set again for every occasion they or the old rows share
    with other articles."""
    old = [tuple(r) for r in db.execute("select type, date_start, country_codes from meetings where article_id = ?",
                                        [article_id]).fetchall()]
    meetings, people = rows(article_id, site, events)
    db.execute("delete from meeting_participants where article_id = ?", [article_id])
    db.execute("delete from meetings where article_id = ?", [article_id])
    if meetings:
        db.conn.executemany(f"insert into meetings ({', '.join(MEETING_COLUMNS)}) values "
                            f"({', '.join('?' * len(MEETING_COLUMNS))})", meetings)
    if people:
        db.conn.executemany(f"insert into meeting_participants ({', '.join(PARTICIPANT_COLUMNS)}) values "
                            f"({', '.join('?' * len(PARTICIPANT_COLUMNS))})", people)
    keys = set(old) | {(m[4], m[5], m[19]) for m in meetings}
    for key in keys:
        if key[1]:
            link_occasion(db, *key)


def _names(chinese_side: str, foreign_side: str) -> set[str]:
    return {(p.get("name") or "").lower() for p in [*json.loads(chinese_side or "[]"), *json.loads(foreign_side or "[]")]
            if p.get("name")}


def link_occasion(db: sqlite_utils.Database, type_: str, date_start: str, country_codes: str) -> None:
    """Among the events of one type, first day and set of foreign countries, those of different articles that
    share a named person (or where one names nobody) are one occasion: each points (`same_as`) to its first
    report, an article's before a press conference's, then the earlier id."""
    found = db.execute("select id, article_id, chinese_side, foreign_side, same_as from meetings where type = ? and "
                       "date_start = ? and country_codes = ? order by coalesce(source, 'article') = "
                       "'press_conference', id", [type_, date_start, country_codes]).fetchall()
    heads: list[tuple[str, str, set[str]]] = []
    for mid, article, chinese, foreign, same_as in found:
        names = _names(chinese, foreign)
        head = next((h for h in heads if h[1] != article and (not names or not h[2] or names & h[2])), None)
        if head is None:
            heads.append((mid, article, names))
        if (head[0] if head else None) != same_as:  # only what changes is written
            db.execute("update meetings set same_as = ? where id = ?", [head[0] if head else None, mid])
