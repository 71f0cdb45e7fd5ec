"""The meetings part of the Datasette metadata against a real Datasette on a real archive file: the tables'
facets, the canned query answering "which countries' envoys visited Guizhou in 2020" in one page, and the chart
of events per month and province."""
from __future__ import annotations

import asyncio
import sqlite3
import json
from pathlib import Path

import sqlite_utils
from datasette.app import Datasette

from archive import Archive
from archive.datasette.serve import load_metadata
from pipelines.meetings import extract

LABELS = Path(__file__).resolve().parent / "fixtures" / "meetings" / "labels"
ARTICLES = [   # labelled articles (their text as labelled), each archived through store_article
    "guizhou_hotnews_202012_t20201221_6731205",         # envoys of 12 Eurasian countries tour Guizhou, Dec 2020
    "guizhou_hotnews_202011_t20201110_6690418",         # Guizhou's governor meets the Swiss ambassador, Nov 2020
    "guizhou_hotnews_201911_t20191115_6287754",         # a Cambodian delegation in Qiandongnan, 2019
    "hunan_hneng_News_Localnews_202003_t20200318_1228011",   # a video meeting with Russia's Ulyanovsk: a call
    "hunan_hneng_News_Localnews_202004_t20200410_1239012",   # Hunan's vice governor meets France's consul general
]


def build(tmp_path) -> Path:
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        for name in ARTICLES:
            art = json.loads((LABELS / f"{name}.json").read_text("utf-8"))["article"]
            record = {**art, "id": name[-16:], "url": f"https://example.org/{name}.html", "content_hash": name}
            record["meetings"] = extract(record)
            assert record["meetings"], name
            archive.store_article(record)
    return path


def get(ds, path):
    async def run():
        return await ds.client.get(path)
    response = asyncio.run(run())
    assert response.status_code == 200, (path, response.text[:500])
    return response


def test_meetings_tables_faceted(tmp_path):
    ds = Datasette([str(build(tmp_path))], metadata=load_metadata())
    data = get(ds, "/gazette/meetings.json?_extra=facet_results").json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    assert {"type", "province", "year"} <= set(facets)
    assert {f["value"] for f in facets["type"]["results"]} == {"visit", "meeting", "call"}
    assert {f["value"]: f["count"] for f in facets["province"]["results"]} == {"Guizhou": 3, "Hunan": 2}
    countries = get(ds, "/gazette/meetings.json?_facet_array=countries&_extra=facet_results").json()["facet_results"]
    countries = countries.get("results", countries)    # not a default facet (a scan of every event): asked for
    assert "Switzerland" in {f["value"] for f in countries["countries"]["results"]}
    people = get(ds, "/gazette/meeting_participants.json?_extra=facet_results").json()["facet_results"]
    people = people.get("results", people)
    assert {"side", "country_name", "province", "year"} <= set(people)
    html = get(ds, "/gazette/meetings?province=Guizhou&year=2020").text
    assert "Diplomatic envoys and diplomats of 12 Eurasian countries" in html
    # each event links to its article (a foreign key, shown by the article's title)
    assert 'href="/gazette/articles/20201221_6731205"' in html and "Diplomatic Envoys of Eurasian Countries Visit" in html


def test_foreign_visitors_to_guizhou_in_2020_in_one_page(tmp_path):
    ds = Datasette([str(build(tmp_path))], metadata=load_metadata())
    rows = get(ds, "/gazette/foreign_visitors_by_year.json?province=Guizhou&year=2020&_shape=array").json()
    assert {r["country"] for r in rows} == {"Russia", "Kazakhstan", "Belarus", "Uzbekistan", "Switzerland"}
    swiss = next(r for r in rows if r["country_code"] == "CHE")
    assert (swiss["events"], swiss["first_day"], swiss["types"]) == (1, "2020-11-09", "meeting")
    assert "Ambassador of Switzerland to China" in swiss["persons"]
    russia = next(r for r in rows if r["country_code"] == "RUS")
    assert (russia["first_day"], russia["last_day"]) == ("2020-12-15", "2020-12-17")
    # by code, every year; a call (the Ulyanovsk video meeting) is no visit to Hunan
    rows = get(ds, "/gazette/foreign_visitors_by_year.json?province=cn-gz&year=&_shape=array").json()
    assert {(r["year"], r["country_code"]) for r in rows} >= {(2019, "KHM"), (2020, "CHE")}
    rows = get(ds, "/gazette/foreign_visitors_by_year.json?province=Hunan&year=&_shape=array").json()
    assert [r["country_code"] for r in rows] == ["FRA"]
    page = get(ds, "/gazette/foreign_visitors_by_year?province=Guizhou&year=2020").text
    assert "Kazakhstan" in page and "Switzerland" in page
    rows = get(ds, "/gazette/foreign_visitors_by_year.json?province=Guizhou&year=2020&_shape=array").json()
    for article in next(r for r in rows if r["country_code"] == "RUS")["article_ids"].split(","):
        assert f'<a href="/gazette/articles/{article}">{article}</a>' in page     # each opens its article


def test_meetings_per_month_and_province_chart(tmp_path):
    ds = Datasette([str(build(tmp_path))], metadata=load_metadata())
    dashboards = load_metadata()["plugins"]["datasette-dashboards"]
    chart = dashboards["meetings-over-time"]["charts"]["per-month"]
    rows = get(ds, "/gazette.json?_shape=array&sql=" + _quote(chart["query"])).json()
    assert {(r["month"], r["province"], r["events"]) for r in rows} == {
        ("2019-11", "Guizhou", 1), ("2020-11", "Guizhou", 1), ("2020-12", "Guizhou", 1),
        ("2020-03", "Hunan", 1), ("2020-04", "Hunan", 1)}
    assert "Meetings per month and province" in get(ds, "/-/dashboards/meetings-over-time").text


def _quote(sql: str) -> str:
    from urllib.parse import quote
    return quote(sql)


def test_a_tour_reported_by_the_ministry_and_the_province_counts_once(tmp_path):
    """The envoys' Guizhou tour of December 2020 is in the MFA's article and in Guizhou's: one visit, two articles."""
    path = build(tmp_path)
    name = "mfa_mfa_eng_wjdt_665385_2649_665393_202012_t20201218_696980"
    art = json.loads((LABELS / f"{name}.json").read_text("utf-8"))["article"]
    record = {**art, "id": name[-16:], "url": f"https://example.org/{name}.html", "content_hash": name}
    record["meetings"] = extract(record)
    with Archive(path) as archive, archive.transaction():
        archive.store_article(record)
    ds = Datasette([str(path)], metadata=load_metadata())
    rows = get(ds, "/gazette/foreign_visitors_by_year.json?province=Guizhou&year=2020&_shape=array").json()
    russia = next(r for r in rows if r["country_code"] == "RUS")
    assert russia["events"] == 1 and len(russia["article_ids"].split(",")) == 2, russia
    # one row on the meetings page too: the ministry lists 12 countries, the province 4 of them ("including Russia,
    # Kazakhstan, Belarus and Uzbekistan"), each its own officials; the province's row points to the ministry's
    tour = sqlite_utils.Database(path).execute(
        "select id, article_id, same_as, country_codes from meetings where date_start = '2020-12-15' order by id"
    ).fetchall()
    assert len(tour) == 2 and len({r[3] for r in tour}) == 2
    assert sorted(r[2] is None for r in tour) == [False, True]
    assert next(r[2] for r in tour if r[2]) == next(r[0] for r in tour if r[2] is None)
    # an archive linked by the earlier rule (same countries only) is linked again by its migration step
    from archive import schema
    with sqlite3.connect(path) as conn:
        conn.execute("update meetings set same_as = null")
        conn.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema._occasions_of_groups)}")
    with Archive(path):
        pass
    assert sqlite_utils.Database(path).execute("select count(*) from meetings where date_start = '2020-12-15' "
                                               "and same_as is null").fetchone()[0] == 1


def _report(countries, province="CN-GZ", number=None, foreign=(), names=(), type_="visit"):
    return {"type": type_, "countries": tuple(sorted(countries)), "province_code": province, "group_number": number,
            "chinese_side": json.dumps([{"name": n} for n in names]),
            "foreign_side": json.dumps([{"name": n} for n in foreign])}


EURASIA = ("RUS", "ARM", "AZE", "GEO", "TKM", "KGZ", "KAZ", "MDA", "TJK", "BLR", "UZB", "UKR")


def test_a_group_listed_differently_is_one_occasion_only_when_the_lists_agree():
    """archive/meetings.same_occasion on the two reports of the envoys' tour (the ministry's countries, Guizhou's
    four and its number, 12; a meeting with them too) and on what must stay apart: another province, lists that share less than half of the
    shorter one, another number of countries, other foreign persons named, a single country."""
    from archive.meetings import same_occasion
    ministry = _report(EURASIA, names={"wang yi"})
    province = _report(("RUS", "KAZ", "BLR", "UZB"), number=12, names={"li bingjun"})
    assert same_occasion(ministry, province) and same_occasion(province, ministry)
    # the province may tell only its governor meeting the envoys: a meeting of the tour; never talks or a call
    governor = _report(("RUS", "KAZ", "BLR", "UZB"), number=12, names={"shen yiqin"}, type_="meeting")
    assert same_occasion(ministry, governor)
    assert not same_occasion(ministry, {**governor, "type": "talks"})
    assert not same_occasion(_report(("RUS",)), _report(("RUS",), type_="meeting"))     # a country alone: the type
    assert not same_occasion(ministry, _report(("RUS", "KAZ", "BLR", "UZB"), province="CN-HN"))
    assert not same_occasion(province, _report(("RUS", "FRA", "DEU", "ITA", "ESP")))
    assert not same_occasion(province, _report(("RUS", "KAZ", "BLR"), number=10))
    assert not same_occasion(_report(("RUS", "KAZ"), foreign={"lavrov"}), _report(("RUS", "KAZ", "BLR"),
                                                                                   foreign={"tokayev"}))
    assert not same_occasion(_report(("RUS",), number=None), _report(("RUS", "KAZ")))
    # the same countries still need a person in common when both name some (a readout and a press conference)
    assert not same_occasion(_report(("IRN",), None, names={"wang yi"}), _report(("IRN",), None, names={"li"}))
