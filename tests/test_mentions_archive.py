"""The `mentions` table end to end: `gazette fetch` over the loopback mirror writes each article's mentions,
a changed page replaces them, and an older archive gains the table by migration without losing rows."""
from __future__ import annotations

import sqlite_utils

from archive import Archive, schema

from .support import FIXTURES, gazette, json_lines

ENVOYS = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"
ALBANIA = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
EURASIAN = {"RUS", "ARM", "AZE", "GEO", "TKM", "KGZ", "KAZ", "MDA", "TJK", "BLR", "UZB", "UKR"}


def rows(db, article_id, kind=None):
    sql = "select kind, name, code, count from mentions where article_id = ?"
    args = [article_id]
    if kind:
        sql += " and kind = ?"
        args.append(kind)
    return {(r["kind"], r["code"]): r["count"] for r in sqlite_utils.Database(db).query(sql, args)}


def test_fetch_writes_mentions(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", "--json", mirror.url + ENVOYS, mirror.url + ALBANIA, db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    envoys, albania = (r["article_id"] for r in json_lines(proc.stdout))

    countries = rows(db, envoys, "country")
    assert countries == {**{("country", c): 1 for c in EURASIAN}, ("country", "CHN"): 7}
    assert rows(db, envoys, "province") == {("province", "CN-GZ"): 12}     # and no Shanghai (SCO)
    assert rows(db, envoys, "city") == {("city", "520100"): 1, ("city", "520300"): 2}
    officials = {r["name"]: r["code"] for r in sqlite_utils.Database(db).query(
        "select name, code from mentions where article_id = ? and kind = 'official'", [envoys])}
    assert officials["Le Yucheng"] == "Vice Foreign Minister"

    assert rows(db, albania, "country") == {("country", "ALB"): 7, ("country", "CHN"): 9}
    assert rows(db, albania, "province") == {("province", c): 1 for c in ("CN-BJ", "CN-GZ", "CN-HN", "CN-ZJ", "CN-CQ")}

    # the researchers' question, one query: which countries' envoys toured Guizhou in 2020?
    found = {r["code"] for r in sqlite_utils.Database(db).query("""
        select distinct c.code from mentions c
        join mentions p on p.article_id = c.article_id and p.kind = 'province' and p.code = 'CN-GZ'
        join articles a on a.id = c.article_id
        where c.kind = 'country' and c.code != 'CHN' and substr(a.published, 1, 4) = '2020'""")}
    assert found == EURASIAN


def test_changed_page_replaces_mentions(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    url = mirror.url + ENVOYS
    first = json_lines(gazette("fetch", "--json", url, db=db, config=config).stdout)[0]
    assert ("country", "GEO") in rows(db, first["article_id"])
    page = (FIXTURES / "mfa" / ENVOYS.lstrip("/")).read_text("utf-8")
    mirror.set(ENVOYS, page.replace("Azerbaijan, Georgia, ", "Azerbaijan, "))
    again = json_lines(gazette("fetch", "--json", url, db=db, config=config).stdout)[0]
    assert again["status"] == "updated"
    after = rows(db, first["article_id"], "country")
    assert ("country", "GEO") not in after and len(after) == 12
    assert sqlite_utils.Database(db)["mentions"].count == len(rows(db, first["article_id"]))


def test_older_archive_gains_mentions_table(db):
    db.parent.mkdir(parents=True)
    old = sqlite_utils.Database(db)
    schema.migrate(old, upto=schema.MIGRATIONS.index(schema._mentions))
    old["articles"].insert({"id": "a1", "site": "mfa", "url": "http://x/a1", "title": "Russia", "body": "Hi"})
    old.conn.close()
    with Archive(db) as archive:
        assert schema.version(archive.db) == schema.VERSION
        assert archive.db["articles"].count == 1
        assert "mentions" in archive.db.table_names()
        with archive.transaction():
            archive.replace_mentions("a1", [{"kind": "country", "name": "Russia", "code": "RUS", "count": 1}])
        assert archive.db["mentions"].count == 1
