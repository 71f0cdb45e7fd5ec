"""The canned queries rewritten to read derived tables answer exactly what their first SQL answered: checked on a
real archive file of generated articles, before and after the articles' mentions and dates change (the triggers
that keep `province_country_years` in step)."""
from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

from archive import Archive
from archive.datasette.serve import load_metadata

# the query as it was before province_country_years (joins every mention of the province to its countries)
OLD_COUNTRIES_BY_PROVINCE_AND_YEAR = """
select p.name as province, p.code as province_code, substr(k.published, 1, 4) as year,
       c.name as country, c.code as country_code, count(distinct k.id) as articles,
       '/-/search?country=' || c.code || '&province=' || p.code
         || '&year=' || substr(k.published, 1, 4) as list
from mentions c
join mentions p on p.article_id = c.article_id and p.kind = 'province'
join article_keys k on k.id = c.article_id
where (:province != '' or :year != '')
  and c.kind = 'country' and c.code != 'CHN'
  and (:province = '' or p.name = :province or p.code = :province)
  and (:year = '' or substr(k.published, 1, 4) = :year)
group by p.code, year, c.code
order by province, year, articles desc, country"""

PROVINCES = [("CN-GZ", "Guizhou"), ("CN-HN", "Hunan"), ("CN-YN", "Yunnan")]
COUNTRIES = [("ALB", "Albania"), ("RUS", "Russia"), ("KEN", "Kenya"), ("CHN", "China"), ("GEO", "Georgia")]
ASKED = [("Guizhou", "2020"), ("CN-GZ", ""), ("", "2021"), ("Hunan", "2019"), ("CN-YN", "2020"), ("", ""),
         ("Narnia", ""), ("", "1999")]


def _mentions(rng: random.Random) -> list[dict]:
    places = rng.sample(PROVINCES, rng.randint(0, 2))
    countries = rng.sample(COUNTRIES, rng.randint(0, 3))
    return ([{"kind": "province", "code": c, "name": n, "count": 1} for c, n in places]
            + [{"kind": "country", "code": c, "name": n, "count": 1} for c, n in countries])


def _article(i: int, rng: random.Random) -> dict:
    published = rng.choice([None, f"{rng.randint(2019, 2021)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"])
    return {"id": f"a{i}", "site": "mfa", "url": f"https://www.fmprc.gov.cn/eng/a{i}.html", "title": f"Article {i}",
            "published": published, "body": f"Text of article {i}.", "content_hash": f"h{i}-{published}",
            "mentions": _mentions(rng)}


def _answers(path) -> list[tuple[list, list]]:
    sql = load_metadata()["databases"]["gazette"]["queries"]["countries_by_province_and_year"]["sql"]
    with sqlite3.connect(path) as conn:
        return [(conn.execute(OLD_COUNTRIES_BY_PROVINCE_AND_YEAR, {"province": p, "year": y}).fetchall(),
                 conn.execute(sql, {"province": p, "year": y}).fetchall()) for p, y in ASKED]


def test_countries_by_province_and_year_answers_as_before(tmp_path):
    rng = random.Random(21)
    path = tmp_path / "gazette.db"
    articles = [_article(i, rng) for i in range(300)]
    with Archive(path) as archive, archive.transaction():
        for record in articles:
            archive.store_article(record)
    answers = _answers(path)
    assert sum(len(old) for old, _ in answers) >= 30                # the sample finds pairs in most asks
    assert all(old == new for old, new in answers), [(a, o, n) for a, (o, n) in zip(ASKED, answers) if o != n]

    # the sites edit: new mentions (written after or without the article's others), new dates, mentions dropped
    with Archive(path) as archive, archive.transaction():
        for record in rng.sample(articles, 120):
            changed = dict(record, mentions=_mentions(rng), body=record["body"] + " Edited.",
                           content_hash=record["content_hash"] + "e")
            if rng.random() < 0.5:
                changed["published"] = rng.choice([None, "2021-05-05", "2019-01-01"])
            archive.store_article(changed)
    answers = _answers(path)
    assert all(old == new for old, new in answers), [(a, o, n) for a, (o, n) in zip(ASKED, answers) if o != n]


def test_countries_by_province_and_year_reads_any_letter_case(tmp_path):
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        archive.store_article(dict(_article(1, random.Random(1)), published="2020-01-01", mentions=[
            {"kind": "province", "code": "CN-GZ", "name": "Guizhou", "count": 1},
            {"kind": "country", "code": "RUS", "name": "Russia", "count": 2}]))
    sql = load_metadata()["databases"]["gazette"]["queries"]["countries_by_province_and_year"]["sql"]
    with sqlite3.connect(path) as conn:
        for asked in ("guizhou", "cn-gz", "Guizhou"):
            rows = conn.execute(sql, {"province": asked, "year": "2020"}).fetchall()
            assert [(r[0], r[3], r[5]) for r in rows] == [("Guizhou", "Russia", 1)], asked


OLD_ARTICLES_NAMING_COUNTRY = """
select a.id as article_id, a.published, a.site, a.title, x.count as times_named,
       (select group_concat(p.name, ', ') from mentions p
         where p.article_id = a.id and p.kind = 'province') as provinces,
       a.url
from (select m.article_id, m.count, k.published from mentions m join article_keys k on k.id = m.article_id
      where m.kind = 'country' and m.code = coalesce(
        (select code from mentions where kind = 'country' and name = :country limit 1), upper(:country))
      order by k.published desc limit 200) x
join articles a on a.id = x.article_id
order by x.published desc"""


def test_articles_naming_country_answers_as_before_sorted_or_walked(tmp_path):
    """Both ways the query finds the latest 200 (sorting a country's articles, or walking every article's date
    newest first when the country is named in many) give the rows the old query gave, in its order."""
    rng = random.Random(8)
    path = tmp_path / "gazette.db"
    with Archive(path) as archive, archive.transaction():
        for i in range(1300):      # more than 200 name Albania: the limit cuts
            record = _article(i, rng)
            day = date(2010, 1, 1) + timedelta(days=(i * 7919) % 5000)    # each a different day, shuffled
            record["published"] = day.isoformat() if i % 50 else None
            record["mentions"] = [m for m in record["mentions"] if m["code"] != "ALB"] + [
                {"kind": "country", "code": "ALB", "name": "Albania", "count": 1 + i % 3}]
            archive.store_article(record)
    sql = load_metadata()["databases"]["gazette"]["queries"]["articles_naming_country"]["sql"]
    assert "100.0 *" in sql
    with sqlite3.connect(path) as conn:
        for way, constant in (("sorted", "1e300 *"), ("walked", "0.0 *")):
            for asked in ("Albania", "alb", "KEN", "Kenya", "Narnia"):
                old = conn.execute(OLD_ARTICLES_NAMING_COUNTRY, {"country": asked}).fetchall()
                new = conn.execute(sql.replace("100.0 *", constant), {"country": asked}).fetchall()
                # the same rows in the same order of dates (undated articles tie: either order is the old one's)
                assert [r[1] for r in new] == [r[1] for r in old] and set(new) == set(old), (way, asked)
        assert len(conn.execute(sql, {"country": "Albania"}).fetchall()) == 200
