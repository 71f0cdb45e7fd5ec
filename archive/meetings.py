"""The archive's `meetings` and `meeting_participants` tables: the events pipelines/meetings reads from an
article, written with the article in the same transaction (archive/store.py calls `replace_meetings`).

`meetings`: one row per event. `id` is `<article id>-<n>`; `type`; `date_start`, `date_end`, `year`, `month`;
the place (`place_country`, `province`, `province_code`, `city`, `city_code`, `place_source`: `text` or `site`,
and every place named as a JSON list in `places`); `chinese_side` and `foreign_side` (JSON lists of persons);
`countries` (JSON list of the foreign countries' names, for Datasette's array facet) and `country_codes`
(ISO 3166-1 alpha-3); `group_description` and `group_number` (a group of envoys, "of 12 countries");
`sentence`; `article_id` and `site`; `source` (`article`, or `press_conference` for a spokesperson's answer) and
`same_as`: the id of the event that reports the same occasion first (the same first day, and the same type and
foreign countries with a person in common when both name persons, or one group of several countries in one
province listed differently by two sites, as a visit or a meeting: `same_occasion`; an article's report before a
press conference's, a visit before a meeting, then the earlier id), null for that first report, so counting `same_as is null` counts each occasion once.

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
    old = [r[0] for r in db.execute("select date_start from meetings where article_id = ?", [article_id]).fetchall()]
    meetings, people = rows(article_id, site, events)
    db.execute("delete from meeting_participants where article_id = ?", [article_id])
    db.execute("delete from meetings where article_id = ?", [article_id])
    if meetings:
        db.conn.executemany(f"insert into meetings ({', '.join(MEETING_COLUMNS)}) values "
                            f"({', '.join('?' * len(MEETING_COLUMNS))})", meetings)
    if people:
        db.conn.executemany(f"insert into meeting_participants ({', '.join(PARTICIPANT_COLUMNS)}) values "
                            f"({', '.join('?' * len(PARTICIPANT_COLUMNS))})", people)
    for day in set(old) | {m[5] for m in meetings}:
        if day:
            link_occasion(db, day)


def _names(chinese_side: str, foreign_side: str) -> set[str]:
    return {(p.get("name") or "").lower() for p in [*json.loads(chinese_side or "[]"), *json.loads(foreign_side or "[]")]
            if p.get("name")}


def _group(row: dict) -> bool:
    """A group of several countries ("envoys of 12 Eurasian countries, including Russia, ..."), in one province."""
    return bool(row["province_code"]) and (len(row["countries"]) >= 2 or (row["group_number"] or 0) >= 2)


def same_occasion(a: dict, b: dict) -> bool:
    """Whether two reports (of different articles, the same first day) tell one occasion:
    - the same type and foreign countries, and a person in common when both name persons (a readout and a press
      conference: "Wang Yi held talks with Zarif");
    - or one group of several countries in one province, told by two sites that list different countries and name
      different people (the ministry lists the 12 countries of the envoys' Guizhou tour, the province 4 of them and
      its own officials), as a visit or a meeting (the province may tell only its governor meeting the envoys): the
      same province, at least half of the shorter list in the other, no foreign person of one missing from the
      other when both name some, and the same number of countries when both say it."""
    if a.get("type") != b.get("type") and {a.get("type"), b.get("type")} != {"visit", "meeting"}:
        return False
    if a["countries"] == b["countries"] and a.get("type") == b.get("type"):
        names_a, names_b = _people(a, "names"), _people(b, "names")
        return not names_a or not names_b or bool(names_a & names_b)
    if not (_group(a) and _group(b)) or a["province_code"] != b["province_code"]:
        return False
    shared = len(set(a["countries"]) & set(b["countries"]))
    if not shared or 2 * shared < min(len(a["countries"]), len(b["countries"])):
        return False
    foreign_a, foreign_b = _people(a, "foreign"), _people(b, "foreign")
    if foreign_a and foreign_b and not foreign_a & foreign_b:
        return False
    return not (a["group_number"] and b["group_number"] and a["group_number"] != b["group_number"])


def _people(report: dict, which: str) -> set[str]:
    """The names a report gives ("names": both sides; "foreign": the foreign side), read from its JSON when first
    asked (most reports of a day are never compared by name)."""
    if which not in report:
        report["names"] = _names(report["chinese_side"], report["foreign_side"])
        report["foreign"] = _names("[]", report["foreign_side"])
    return report[which]


def _report(row) -> dict:
    mid, type_, article, chinese, foreign, codes, province, number, same_as = row
    return {"id": mid, "type": type_, "article": article, "chinese_side": chinese, "foreign_side": foreign,
            "countries": tuple(sorted(json.loads(codes or "[]"))), "province_code": province,
            "group_number": number, "same_as": same_as}


def link_occasion(db: sqlite_utils.Database, date_start: str) -> None:
    """Among the events of one first day, those of different articles that tell one occasion (`same_occasion`)
    point (`same_as`) to its first report: an article's before a press conference's, a visit before a meeting
    (the tour before the meeting it held), then the earlier id."""
    found = db.execute("select id, type, article_id, chinese_side, foreign_side, country_codes, province_code, "
                       "group_number, same_as from meetings where date_start = ? order by "
                       "coalesce(source, 'article') = 'press_conference', type != 'visit', id", [date_start]).fetchall()
    by_countries: dict[tuple, list[dict]] = {}    # the first reports so far, by type and countries (the usual case)
    groups: list[dict] = []                          # and those of a group, in order
    for n, report in enumerate(map(_report, found)):
        key = (report["type"], report["countries"])
        firsts = [next((h for h in heads if h["article"] != report["article"] and same_occasion(report, h)), None)
                  for heads in (by_countries.get(key, []), groups if _group(report) else [])]
        head = min((h for h in firsts if h is not None), key=lambda h: h["n"], default=None)
        if head is None:
            report["n"] = n
            by_countries.setdefault(key, []).append(report)
            if _group(report):
                groups.append(report)
        if (head["id"] if head else None) != report["same_as"]:  # only what changes is written
            db.execute("update meetings set same_as = ? where id = ?", [head["id"] if head else None, report["id"]])


def link_every_occasion(db: sqlite_utils.Database) -> None:
    """`link_occasion` for every first day that more than one article reports."""
    for (day,) in db.execute("select date_start from meetings where date_start is not null "
                             "group by date_start having count(distinct article_id) > 1").fetchall():
        link_occasion(db, day)
