"""The `meetings` tables end to end: `gazette fetch` over the loopback mirror writes each article's events and
participants with the article, a changed page replaces them, `gazette reextract` fills them, and an older
archive gains the tables by migration."""
from __future__ import annotations

import sqlite_utils

from archive import Archive, schema

from .support import FIXTURES, gazette, json_lines
from .test_named_articles import KEPT, PLAIN

ENVOYS = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"
ALBANIA = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
EURASIAN = {"RUS", "ARM", "AZE", "GEO", "TKM", "KGZ", "KAZ", "MDA", "TJK", "BLR", "UZB", "UKR"}


def meetings(db, article_id):
    return list(sqlite_utils.Database(db).query("select * from meetings where article_id = ? order by seq",
                                                [article_id]))


def participants(db, article_id, side=None):
    sql = "select * from meeting_participants where article_id = ?"
    return [r for r in sqlite_utils.Database(db).query(sql, [article_id]) if side is None or r["side"] == side]


def test_fetch_writes_meetings(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", "--json", mirror.url + ENVOYS, mirror.url + ALBANIA, db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    envoys, albania = (r["article_id"] for r in json_lines(proc.stdout))

    (tour,) = meetings(db, envoys)
    assert (tour["type"], tour["date_start"], tour["date_end"], tour["year"], tour["month"]) == (
        "visit", "2020-12-15", "2020-12-17", 2020, "2020-12")
    assert (tour["province"], tour["province_code"], tour["place_source"]) == ("Guizhou", "CN-GZ", "text")
    assert tour["id"] == f"{envoys}-1" and tour["site"] == "mfa"
    assert set(sqlite_utils.Database(db).execute(
        "select value from json_each(?)", [tour["country_codes"]]).fetchall()) == {(c,) for c in EURASIAN}
    group = participants(db, envoys, "group")
    assert {r["country"] for r in group} == EURASIAN and {r["province"] for r in group} == {"Guizhou"}
    chinese = {r["name"]: (r["role"], r["level"]) for r in participants(db, envoys, "chinese")}
    assert chinese == {"Le Yucheng": ("vice foreign minister", "national"),
                       "Lu Yongzheng": ("head", "provincial")}

    (meeting,) = meetings(db, albania)
    assert (meeting["type"], meeting["date_start"], meeting["province_code"]) == ("meeting", "2024-05-15", "CN-BJ")
    (ambassador,) = participants(db, albania, "foreign")
    assert (ambassador["name"], ambassador["country"], ambassador["country_name"], ambassador["role"]) == (
        "Ylljet Aliçka", "ALB", "Albania", "ambassador")

    # the researchers' question, one query: which countries' envoys visited Guizhou in 2020?
    found = {r["country"] for r in sqlite_utils.Database(db).query(
        "select distinct country from meeting_participants where side != 'chinese' and type = 'visit' "
        "and province = 'Guizhou' and year = 2020 and country is not null")}
    assert found == EURASIAN


def test_changed_page_replaces_meetings(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    url = mirror.url + ENVOYS
    first = json_lines(gazette("fetch", "--json", url, db=db, config=config).stdout)[0]
    assert "GEO" in {r["country"] for r in participants(db, first["article_id"])}
    page = (FIXTURES / "mfa" / ENVOYS.lstrip("/")).read_text("utf-8")
    mirror.set(ENVOYS, page.replace("Azerbaijan, Georgia, ", "Azerbaijan, ").replace("December 15 to 17",
                                                                                   "December 14 to 17"))
    again = json_lines(gazette("fetch", "--json", url, db=db, config=config).stdout)[0]
    assert again["status"] == "updated"
    (tour,) = meetings(db, first["article_id"])
    assert tour["date_start"] == "2020-12-14"
    countries = {r["country"] for r in participants(db, first["article_id"], "group")}
    assert "GEO" not in countries and len(countries) == 11
    whole = sqlite_utils.Database(db)
    assert whole["meetings"].count == 1
    assert whole["meeting_participants"].count == len(participants(db, first["article_id"]))


def test_reextract_fills_meetings_of_an_archive_that_had_none(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", "--json", mirror.url + ALBANIA, db=db, config=config)
    article = json_lines(proc.stdout)[0]["article_id"]
    whole = sqlite_utils.Database(db)
    with whole.conn:
        whole.execute("delete from meeting_participants")
        whole.execute("delete from meetings")
        whole.execute("delete from named_articles")     # written again as re-extraction writes the mentions
    whole.conn.close()
    proc = gazette("reextract", "--json", db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    (meeting,) = meetings(db, article)
    assert meeting["type"] == "meeting" and meeting["date_start"] == "2024-05-15"
    assert {r["name"] for r in participants(db, article)} == {"Sun Weidong", "Ylljet Aliçka"}
    # the mentions it wrote again are in named_articles (the countries' article rowids the search merges with)
    kept = sqlite_utils.Database(db).execute(KEPT).fetchall()
    assert kept == sqlite_utils.Database(db).execute(PLAIN).fetchall() and ("country", "ALB") in {r[:2] for r in kept}


def test_older_archive_gains_meetings_tables(db):
    db.parent.mkdir(parents=True)
    old = sqlite_utils.Database(db)
    schema.migrate(old, upto=schema.MIGRATIONS.index(schema._meetings))
    old["articles"].insert({"id": "a1", "site": "mfa", "url": "http://x/a1", "title": "Russia", "body": "Hi"})
    old.conn.close()
    with Archive(db) as archive:
        assert schema.version(archive.db) == schema.VERSION
        assert archive.db["articles"].count == 1
        assert {"meetings", "meeting_participants"} <= set(archive.db.table_names())
