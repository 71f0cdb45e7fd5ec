"""What `python -m bench.serve --tag-mentions` adds to a generated archive (bench/archive.py holds English articles
only) so that every page of the research interface has its real load, each step only when the archive has none
of it yet:

- mentions: two countries and one province named per article (by rowid), as real articles name them;
- meetings: one visit or meeting per 10 articles, with 400 officials each under two spellings;
- history: an edit by the site for 1 article in 50 (a second edit for 1 in 250), written through
  Archive.store_article as a recrawl writes it (a revision, the FTS and key triggers), 1 in 100 gone;
- Chinese: 1 Chinese article per 50 English (20,000 at a million; site `mfa-zh`, a vocabulary of real
  foreign-affairs words), through store_article, so the trigram index (`articles_cjk`) holds them;
- translations: 1 English article in 200 (5,000 at a million) paired with a Chinese one, with an alignment;
- captures: one per article (a crawl's response: status, headers, outcome), 1 in 10 imported from a WARC file
  (a `capture_origins` row), as `gazette crawl` and `gazette import` leave them.
"""
from __future__ import annotations

import json
import random
import sqlite3
import time
from pathlib import Path

COUNTRIES = [("Albania", "ALB"), ("Kenya", "KEN"), ("Russia", "RUS"), ("Germany", "DEU"), ("Brazil", "BRA"),
             ("Laos", "LAO"), ("Singapore", "SGP"), ("France", "FRA"), ("Zambia", "ZMB"), ("Hungary", "HUN"),
             ("Thailand", "THA"), ("Cambodia", "KHM"), ("Benin", "BEN"), ("Georgia", "GEO"), ("Peru", "PER"),
             ("Serbia", "SRB"), ("Egypt", "EGY"), ("Japan", "JPN"), ("Chile", "CHL"), ("Nepal", "NPL")]
PROVINCES = [("Guizhou", "CN-GZ"), ("Hunan", "CN-HN"), ("Chongqing", "CN-CQ"), ("Guangdong", "CN-GD"),
             ("Zhejiang", "CN-ZJ"), ("Yunnan", "CN-YN"), ("Sichuan", "CN-SC"), ("Hainan", "CN-HI")]
ZH_WORDS = ("外交部", "发言人", "卢森堡", "大使", "会见", "合作", "友好城市", "省长", "代表团", "访问", "贵州", "湖南",
            "重庆", "广东", "阿尔巴尼亚", "肯尼亚", "俄罗斯", "德国", "总领事", "经贸", "投资", "交流", "协议", "一带一路",
            "记者", "问", "答", "我们", "关系", "发展", "中方", "双方", "表示", "国际", "和平", "人民", "会谈", "签署")
CHINESE = 50        # one Chinese article per this many English
TRANSLATIONS = 200  # one English article in this many has a Chinese original


def _values(rows) -> str:
    """SQL VALUES tuples (index, name, code) of (name, code) pairs."""
    return ", ".join(f"({i}, '{n}', '{c}')" for i, (n, c) in enumerate(rows))


def _empty(conn, table: str, where: str = "") -> bool:
    return not conn.execute(f"select count(*) from (select 1 from {table} {where} limit 1)").fetchone()[0]


def _name_tables(conn) -> None:
    """Temporary tables c (k, name, code) of COUNTRIES and p of PROVINCES, numbered from 0, to join articles to."""
    conn.execute("create temp table c (k, name, code)")
    conn.execute(f"insert into c values {_values(COUNTRIES)}")
    conn.execute("create temp table p (k, name, code)")
    conn.execute(f"insert into p values {_values(PROVINCES)}")


def tag_mentions(path: Path) -> None:
    """Two countries and one province per article (chosen by rowid), when the archive has no mentions yet."""
    conn = sqlite3.connect(path)
    if not _empty(conn, "mentions"):
        return
    started = time.perf_counter()
    with conn:
        _name_tables(conn)
        for step, offset in ((1, 0), (7, 3)):
            conn.execute(f"insert or ignore into mentions (article_id, kind, name, code, count) "
                         f"select a.id, 'country', c.name, c.code, 1 from articles a "
                         f"join c on c.k = (a.rowid * {step} + {offset}) % {len(COUNTRIES)}")
        conn.execute(f"insert or ignore into mentions (article_id, kind, name, code, count) "
                     f"select a.id, 'province', p.name, p.code, 1 from articles a "
                     f"join p on p.k = a.rowid % {len(PROVINCES)}")
    n = conn.execute("select count(*) from mentions").fetchone()[0]
    conn.close()
    print(f"tagged {n:,} synthetic mentions in {time.perf_counter() - started:.0f} s", flush=True)


def tag_meetings(path: Path) -> None:
    """One visit or meeting per 10 articles (one of 8 provinces, the year of the article's date (10 of the 25 years), a
    foreign country and one of 400 officials, each under two spellings), when the archive has no meetings yet: the
    meetings page's load."""
    conn = sqlite3.connect(path)
    if not _empty(conn, "meetings"):
        return
    started = time.perf_counter()
    with conn:
        _name_tables(conn)
        conn.execute("""insert into meetings (id, article_id, site, seq, type, date_start, date_end, year, month,
                place_country, province, province_code, city, places, source, chinese_side, foreign_side, countries,
                country_codes, sentence)
            select a.id || '-1', a.id, a.site, 1, case a.rowid % 3 when 0 then 'visit' else 'meeting' end,
                   substr(a.published, 1, 10), substr(a.published, 1, 10), cast(substr(a.published, 1, 4) as int),
                   substr(a.published, 1, 7), 'CHN', p.name, p.code, 'City ' || (a.rowid / 10 % 97), '[]', 'article',
                   json_array(json_object('name', case a.rowid / 10 % 2 when 0 then 'Shen' else 'Chen' end
                              || ' Official' || (a.rowid / 10 % 400), 'title', 'Governor')),
                   json_array(json_object('name', null, 'role', 'Ambassador', 'country_name', c.name)),
                   json_array(c.name), json_array(c.code), 'A synthetic meeting of the benchmark.'
            from articles a join p on p.k = a.rowid / 10 % 8 join c on c.k = a.rowid % 13
            where a.rowid % 10 = a.rowid / 10 % 10 and a.published is not null""")
        conn.execute("""insert into meeting_participants (meeting_id, article_id, side, name, title, country,
                country_name, type, date_start, year, province, province_code)
            select m.id, m.article_id, 'chinese', json_extract(m.chinese_side, '$[0].name'), 'Governor', 'CHN',
                   'China', m.type, m.date_start, m.year, m.province, m.province_code from meetings m
            union all
            select m.id, m.article_id, 'foreign', null, 'Ambassador', json_extract(m.country_codes, '$[0]'),
                   json_extract(m.countries, '$[0]'), m.type, m.date_start, m.year, m.province, m.province_code
            from meetings m""")
    n = conn.execute("select count(*) from meetings").fetchone()[0]
    conn.close()
    print(f"wrote {n:,} synthetic meetings in {time.perf_counter() - started:.0f} s", flush=True)


def _record(row: dict) -> dict:
    """An archived article as a record store_article takes (JSON lists back to lists)."""
    record = dict(row)
    for key, value in row.items():
        if isinstance(value, str) and value[:1] == "[" and value[-1:] == "]":
            try:
                record[key] = json.loads(value)
            except ValueError:
                pass
    return record


def tag_history(path: Path) -> None:
    """Edits by the sites (1 article in 50; a second edit for 1 in 250) through store_article, and 1 in 100 gone,
    when the archive has no revisions yet."""
    from archive import Archive

    archive = Archive(path, migrate=False)  # bench.serve migrated it first, unless it times an older checkout
    if not _empty(archive.db.conn, "revisions"):
        archive.close()
        return
    started = time.perf_counter()
    ids = [r[0] for r in archive.db.execute("select id from articles where rowid % 50 = 7 and language = 'en'")]
    edits = 0
    for rounds, when in ((ids, "2025-03-01T08:00:00Z"), (ids[::5], "2025-06-01T08:00:00Z")):
        for start in range(0, len(rounds), 1000):
            with archive.transaction():
                for n, article_id in enumerate(rounds[start:start + 1000]):
                    record = _record(archive.article(article_id))
                    paragraphs = record["body"].split("\n\n")
                    paragraphs[(start + n) % len(paragraphs)] += " The spokesperson added a correction."
                    record["body"] = "\n\n".join(paragraphs)
                    if (start + n) % 4 == 0:
                        record["title"] = (record["title"] or "") + " (updated)"
                    archive.store_article(record, seen_at=f"{when[:14]}{(start + n) % 60:02d}:00Z")
                    edits += 1
    with archive.transaction():
        archive.db.execute("update articles set gone_since = '2025-0' || (1 + rowid % 9) || '-15T10:00:00Z' "
                           "where rowid % 100 = 11")
    archive.close()
    print(f"wrote {edits:,} synthetic edits and marked 1% gone in {time.perf_counter() - started:.0f} s", flush=True)


def _chinese_body(rng: random.Random) -> str:
    return "\n\n".join("".join(rng.choice(ZH_WORDS) + ("，" if rng.random() < 0.2 else "")
                               for _ in range(rng.randint(20, 60))) + "。" for _ in range(rng.randint(4, 9)))


def tag_chinese(path: Path) -> None:
    """One Chinese article per CHINESE English ones through store_article and pairs of an English and a Chinese
    one (1 English article in TRANSLATIONS), when the archive has no Chinese article yet."""
    from archive import Archive
    from pipelines.normalise import article_id, content_hash

    archive = Archive(path, migrate=False)  # bench.serve migrated it first, unless it times an older checkout
    if not _empty(archive.db.conn, "articles", "where language = 'zh'"):
        archive.close()
        return
    started = time.perf_counter()
    rng = random.Random(11)
    zh_ids: list[str] = []
    wanted = max(100, archive.db.execute("select count(*) from article_keys").fetchone()[0] // CHINESE)
    for start in range(0, wanted, 1000):
        with archive.transaction():
            for n in range(start, min(wanted, start + 1000)):
                url = f"https://www.mfa.example.gov.cn/web/fyrbt/{2000 + n % 25}/{n:08d}.shtml"
                body = _chinese_body(rng)
                record = {"id": article_id(url), "site": "mfa-zh", "url": url, "content_hash": content_hash(body),
                          "title": "".join(rng.choice(ZH_WORDS) for _ in range(6)),
                          "published": f"{2000 + n % 25}-{1 + n % 12:02d}-{1 + n % 28:02d}", "byline": None,
                          "source": None, "body": body, "captions": [], "language": "zh", "layer": "site"}
                archive.store_article(record, seen_at="2025-01-01T00:00:00Z")
                zh_ids.append(record["id"])
    english = archive.db.execute(f"select id, published, body from articles where language = 'en' and rowid % {TRANSLATIONS} = 3"
                                 f" limit {len(zh_ids)}").fetchall()
    with archive.transaction():
        for n, (en_id, published, en_body) in enumerate(english):
            zh_id = zh_ids[n % len(zh_ids)]
            zh_body = archive.db.execute("select body from articles where id = ?", [zh_id]).fetchone()[0]
            en_n, zh_n = len(en_body.split("\n\n")), len(zh_body.split("\n\n"))
            rows = [[i, i if i < en_n else None] for i in range(zh_n)]
            archive.db.execute(
                "insert or ignore into translations (english_id, chinese_id, score, method, paired_at, published, "
                "kind, zh_paragraphs, en_paragraphs, zh_unmatched, en_unmatched, zh_answers, omitted_answers, "
                "omitted_chars, alignment) values (?, ?, 0.9, 'bench', '2025-01-01T00:00:00Z', ?, 'press', ?, ?, ?, "
                "?, 0, 0, ?, ?)",
                [en_id, zh_id, (published or "")[:10] or None, zh_n, en_n, max(0, zh_n - en_n), max(0, en_n - zh_n),
                 n % 997, json.dumps(rows)])
    archive.close()
    print(f"wrote {len(zh_ids):,} synthetic Chinese articles and {len(english):,} pairs in "
          f"{time.perf_counter() - started:.0f} s", flush=True)


HEADERS = json.dumps({"Content-Type": "text/html; charset=utf-8", "Server": "nginx", "Cache-Control": "max-age=600",
                      "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT", "ETag": '"5f3a-61c2b0d8e5a40"',
                      "Vary": "Accept-Encoding", "X-Frame-Options": "SAMEORIGIN", "Content-Language": "en",
                      "Strict-Transport-Security": "max-age=31536000", "Accept-Ranges": "bytes"})


def tag_captures(path: Path) -> None:
    """One capture per article (outcome new, fetched when the article was first seen, a typical set of headers),
    1 in 10 of them imported (a capture_origins row of kind warc), when the archive has no captures yet."""
    conn = sqlite3.connect(path)
    if not _empty(conn, "captures"):
        conn.close()
        return
    started = time.perf_counter()
    with conn:
        conn.execute("""insert into captures (site, url, final_url, fetched_at, status, headers, digest, size,
                article_id, outcome)
            select site, url, url, case when rowid % 10 = 0 then '20' || (10 + rowid % 15) || '-06-01T00:00:00Z'
                                       else first_seen end,
                   200, ?, printf('%064x', rowid), 20000 + rowid % 5000, id, 'new' from articles order by rowid""",
                     [HEADERS])
        conn.execute("insert into imports (id, kind, source, started, finished, status, counts) values "
                     "(1, 'warc', 'bench.warc.gz', '2025-01-01T00:00:00Z', '2025-01-01T01:00:00Z', 'ok', '{}')")
        conn.execute("""insert into capture_origins (capture_id, kind, source, record, payload_digest, import_id)
            select id, 'warc', 'bench.warc.gz', 'urn:uuid:' || id, digest, 1 from captures where id % 10 = 0""")
    n = conn.execute("select count(*) from captures").fetchone()[0]
    conn.close()
    print(f"wrote {n:,} synthetic captures in {time.perf_counter() - started:.0f} s", flush=True)
