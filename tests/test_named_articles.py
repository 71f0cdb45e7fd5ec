"""named_articles (per country, province or city, the rowids of the articles naming it: archive/schema_research.py)
holds exactly what the mentions say, on real archive files, through every write of mentions (a new article, a
changed page, a re-extraction, a merge, an article or mention deleted) and after the migration of an archive made
before it; and a search narrowed to a country, province or city (the word index's matches merged with it,
pages/query.py) finds the articles a plain query over the mentions finds."""
from __future__ import annotations

import random
import sqlite3

import sqlite_utils

from archive import Archive, schema
from archive.datasette.pages.query import Query, _hits_sql
from archive.merge import merge

# what named_articles must hold, read from the mentions without it
PLAIN = """select distinct m.kind, m.code, a.rowid from mentions m join articles a on a.id = m.article_id
           where m.kind in ('country', 'province', 'city') and m.code is not null order by 1, 2, 3"""
KEPT = "select kind, code, article from named_articles order by 1, 2, 3"

PLACES = [("province", "CN-GZ", "Guizhou"), ("province", "CN-GZ", "贵州"), ("province", "CN-HN", "Hunan"),
          ("country", "ALB", "Albania"), ("country", "ALB", "阿尔巴尼亚"), ("country", "KEN", "Kenya"),
          ("country", "RUS", "Russia"), ("city", "CN-GZ-GY", "Guiyang"), ("official", None, "Wang Yi")]
WORDS = ["ambassador", "friendship", "trade", "delegation", "visit", "governor"]


def _mentions(rng: random.Random) -> list[dict]:
    # one code under two names (English and Chinese) in one article happens: 贵州 and Guizhou
    return [{"kind": kind, "code": code, "name": name, "count": rng.randint(1, 3)}
            for kind, code, name in rng.sample(PLACES, rng.randint(0, 4))]


def _article(i: int, rng: random.Random, site: str = "mfa") -> dict:
    body = " ".join(rng.sample(WORDS, rng.randint(1, 3))) + f" in article {i}."
    return {"id": f"{site}{i}", "site": site, "url": f"https://example.gov.cn/{site}/{i}.html", "title": f"Article {i}",
            "published": f"{rng.randint(2019, 2021)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "body": body,
            "content_hash": f"h{site}{i}-{body}", "mentions": _mentions(rng)}


def _same(path) -> bool:
    with sqlite3.connect(path) as conn:
        kept, plain = conn.execute(KEPT).fetchall(), conn.execute(PLAIN).fetchall()
    assert kept == plain, (set(kept) ^ set(plain))
    return len(kept) > 0


def _stored(path, records, **options) -> None:
    with Archive(path) as archive, archive.transaction():
        for record in records:
            archive.store_article(record, **options)


def test_named_articles_follow_every_write_of_mentions(tmp_path):
    rng = random.Random(21)
    path, shard = tmp_path / "gazette.db", tmp_path / "shard.db"
    articles = [_article(i, rng) for i in range(200)]
    _stored(path, articles)
    assert _same(path)
    # a changed page (new mentions, some gone), a re-extraction (refetched=False: `gazette reextract`)
    _stored(path, [dict(r, mentions=_mentions(rng), body=r["body"] + " Edited.") for r in rng.sample(articles, 60)],
            seen_at="2030-01-01T00:00:00Z")
    _stored(path, [dict(r, mentions=_mentions(rng)) for r in rng.sample(articles, 60)], refetched=False)
    assert _same(path)
    # a merge: a shard's new articles, and its newer version of articles both have
    _stored(shard, [_article(i, rng, "hunan") for i in range(40)]
            + [dict(r, mentions=_mentions(rng), body=r["body"] + " Later.") for r in articles[:30]],
            seen_at="2031-01-01T00:00:00Z")
    merge(path, [shard])
    assert _same(path)
    # deleted by hand: an article before its mentions, mentions before their article, one name of a code of two
    with sqlite3.connect(path) as conn:
        conn.execute("delete from articles where id in ('mfa1', 'mfa2', 'mfa3')")
        conn.execute("delete from mentions where article_id in ('mfa2', 'mfa4', 'mfa5')")
        conn.execute("delete from articles where id in ('mfa4', 'mfa5')")
        conn.execute("delete from mentions where name in ('贵州', 'Albania') and article_id like 'mfa1_'")
        conn.execute("update mentions set code = 'GEO', name = 'Georgia' where code = 'KEN' and article_id like 'hunan%'")
    assert _same(path)
    # an article archived after mentions of it were written (orphans) gains its rows
    with sqlite3.connect(path) as conn:
        conn.execute("insert into mentions (article_id, kind, name, code, count) values ('late', 'country', 'Kenya', 'KEN', 1)")
        conn.execute("insert into articles (id, site, url, title, body) values ('late', 'mfa', 'https://x/late', 'Late', 'visit')")
    assert _same(path)


def test_an_archive_of_the_previous_step_gains_named_articles(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    schema.migrate(old, upto=schema.MIGRATIONS.index(schema._named_article_rowids))
    rng = random.Random(5)
    for i in range(50):
        record = _article(i, rng)
        old["articles"].insert({k: v for k, v in record.items() if k != "mentions"})
        old["mentions"].insert_all([dict(m, article_id=record["id"]) for m in record["mentions"]])
    assert "named_articles" not in old.table_names()
    old.conn.close()
    with Archive(path) as archive:
        assert schema.version(archive.db) == schema.VERSION
    assert _same(path)


# a narrowed search's matches as a plain query finds them: every word in the text, the named codes in the mentions
ASKED = [{"q": "ambassador", "country": "ALB"}, {"q": "ambassador trade", "province": "CN-GZ"},
         {"q": "friendship OR governor", "country": "KEN", "province": "CN-HN"}, {"q": "visit", "city": "CN-GZ-GY"},
         {"q": "ambassador -trade", "country": "RUS", "year": "2020"}, {"q": "delegation", "country": "ALB",
                                                                        "site": "hunan"},
         {"q": "ambassador", "country": "NOR"}, {"q": "trade", "official": "Wang Yi"},
         # no words: the first place named drives (its named_articles), the others are checked
         {"country": "ALB"}, {"country": "KEN", "year": "2021"}, {"province": "CN-GZ", "country": "RUS"},
         {"city": "CN-GZ-GY", "site": "hunan"}, {"official": "Wang Yi", "province": "CN-HN"}]


def _plain(conn, asked: dict) -> set[int]:
    rows = conn.execute("select rowid, id, site, published, body from articles").fetchall()
    named = {(r[0], r[1], r[2]) for r in conn.execute("select article_id, kind, coalesce(code, name) from mentions")}
    words = asked.get("q", "").split()
    found = set()
    for rowid, article_id, site, published, body in rows:
        text = body.split()
        if "OR" in words:
            ok = any(w in text for w in words if w != "OR")
        else:
            ok = all((w[1:] not in text) if w.startswith("-") else (w in text) for w in words)    # none: all
        for kind in ("country", "province", "city"):
            ok = ok and (kind not in asked or (article_id, kind, asked[kind]) in named)
        ok = ok and ("official" not in asked or (article_id, "official", asked["official"]) in named)
        ok = ok and asked.get("site", site) == site and (published or "").startswith(asked.get("year", ""))
        if ok:
            found.add(rowid)
    return found


def test_a_narrowed_search_finds_what_a_plain_query_finds(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "gazette.db"
    _stored(path, [_article(i, rng) for i in range(300)] + [_article(i, rng, "hunan") for i in range(100)])
    with sqlite3.connect(path) as conn:
        conn.row_factory = None
        for asked in ASKED:
            query = Query(asked)
            sql, params = _hits_sql(query, -1)
            assert ("named_articles" in sql) == (set(asked) - {"q", "official", "site", "year"} != set()), asked
            found = [r[0] for r in conn.execute(sql, params).fetchall()]
            assert found == sorted(found, reverse=True), asked          # most recently archived first
            assert set(found) == _plain(conn, asked), asked
            limited = [r[0] for r in conn.execute(*_hits_sql(query, 5, before=found[3] if len(found) > 3 else None))]
            assert limited == [r for r in found if len(found) <= 3 or r < found[3]][:5], asked
        assert sum(len(_plain(conn, a)) for a in ASKED) > 100     # the sample finds matches for most asks
