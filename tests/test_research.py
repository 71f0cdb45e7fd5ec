"""The research interface's foundations on real SQLite files: the search rules of archive/datasette/search.py
against FTS5 (porter words and trigram substrings), the tables the `_research_interface` migration keeps in step
with `articles` by triggers (article_keys, article_months, articles_cjk), and the `changes` view (one row per
change, saying what truly changed)."""
from __future__ import annotations

import asyncio
import json
import re
import sqlite3

import pytest

from archive import Archive
from archive.datasette.pages import month_chart, nice_step, word_diff
from archive.datasette.search import Search, fts5_query, is_cjk, parse

TEXTS = {
    "a1": ("China-Africa Cooperation Forum", "The China-Africa forum met. COVID-19 delayed it."),
    "a2": ("Envoy meets U.S. delegation", "President Xi's envoy met the U.S. delegation in Beijing."),
    "a3": ("Côte d'Ivoire ambassador visits Hunan", "The ambassadors of Côte d'Ivoire visited Changsha."),
    "a4": ("外交部发言人答记者问", "外交部发言人就中非合作回答了记者的提问。"),
    "a5": ("Sister city ties", "Hunan and its sister city signed an investment agreement."),
    "a6": ("Africa and China", "Africa, then China: not the phrase."),
    "a7": ("Hunan and Luxembourg", "Hunan signed with Luxembourg (卢森堡) an agreement on investment."),
    "a8": ("Hunan governor meets African envoys", "Hunan welcomed envoys of Africa; Wang Yi spoke."),
    "a9": ("湖南省与卢森堡", "湖南省外事办公室与卢森堡代表团会谈。"),
    "a10": ("Yi meets Wang", "Mr Yi greeted Ms Wang: both words, not the phrase."),
}


def record(aid: str, title: str, body: str, published: str = "2024-05-01", site: str = "mfa") -> dict:
    return {"id": aid, "site": site, "url": f"https://www.fmprc.gov.cn/eng/{aid}.html", "title": title,
            "published": published, "body": body, "content_hash": f"h-{aid}-{len(body)}-{title}"}


@pytest.fixture()
def archive(tmp_path):
    path = tmp_path / "gazette.db"
    with Archive(path) as a, a.transaction():
        for n, (aid, (title, body)) in enumerate(TEXTS.items()):
            a.store_article(record(aid, title, body, published=f"202{n % 3}-0{n % 9 + 1}-01",
                                   site=("mfa", "hunan")[n % 2]), seen_at="2024-06-01T00:00:00Z")
    conn = sqlite3.connect(path)
    yield path, conn
    conn.close()


def found(conn, text: str) -> set[str]:
    clause, params = Search(text).where("a.rowid")
    return {r[0] for r in conn.execute(f"select a.id from articles a where {clause}", params)}


def probed(conn, text: str) -> set[str]:
    """The articles found asking each index about one article at a time (Search.probe: the first pages' walk)."""
    clause, params = Search(text).probe("a.rowid")
    return {r[0] for r in conn.execute(f"select a.id from articles a where {clause}", params)}


@pytest.mark.parametrize("text,want", [
    ("China-Africa", {"a1"}),                  # a phrase of its parts: not a6, where the words are apart
    ("COVID-19", {"a1"}),
    ("U.S.", {"a2"}),
    ("Xi's", {"a2"}),
    ("Côte d'Ivoire", {"a3"}),
    ("cote", {"a3"}),                          # accents ignored
    ("ambassador", {"a3"}),                    # porter: ambassadors too
    ('"sister city"', {"a5"}),
    ("sister OR U.S.", {"a2", "a5"}),
    ("invest*", {"a5", "a7"}),
    ("Africa China", {"a1", "a6"}),            # every word, anywhere
    ("外交", {"a4"}),                           # two characters: LIKE over the CJK table
    ("外交部发言人", {"a4"}),                    # three or more: trigram MATCH
    ("中非合作 OR ambassador", {"a3", "a4"}),   # each term in its own index: Chinese and English both found
    ('"', set()), ("OR", set()), ("—", set()), ("", set()),
])
def test_search_finds_what_people_type(archive, text, want):
    _, conn = archive
    assert found(conn, text) == want
    assert probed(conn, text) == want
    if not Search(text).empty:           # the count the search page shows, from the terms' sets, agrees
        assert counted(conn, text) == len(want)


def words(aid: str) -> list[str]:
    title, body = TEXTS[aid]
    return re.findall(r"\w+", (title + " " + body).lower())


def has(aid: str, word: str) -> bool:
    """The word (or a phrase of words) in the article, computed from the text without any index."""
    tokens, wanted = words(aid), word.lower().split()
    return any(tokens[i:i + len(wanted)] == wanted for i in range(len(tokens)))


def starts(aid: str, stem: str) -> bool:
    return any(t.startswith(stem.lower()) for t in words(aid))


def holds(aid: str, text: str) -> bool:
    return text in "".join(TEXTS[aid])


# one test per operator: the articles found through the indexes equal those an oracle reads off the texts
OPERATORS = [
    ("Hunan Africa", lambda a: has(a, "hunan") and has(a, "africa")),                     # AND implied
    ("Hunan AND Africa", lambda a: has(a, "hunan") and has(a, "africa")),                 # AND spelled out
    ("Hunan -Africa", lambda a: has(a, "hunan") and not has(a, "africa")),                # minus
    ("Hunan NOT Africa", lambda a: has(a, "hunan") and not has(a, "africa")),             # NOT
    ("-Africa", lambda a: not has(a, "africa")),                                          # exclusion alone
    ("Hunan OR Africa", lambda a: has(a, "hunan") or has(a, "africa")),                   # OR
    ('"Wang Yi"', lambda a: has(a, "wang yi")),                                          # phrase
    ("“Wang Yi”", lambda a: has(a, "wang yi")),                            # phrase in typographic quotes
    ("-「sister city」 Hunan", lambda a: has(a, "hunan") and not has(a, "sister city")),  # Chinese quotes
    ('Hunan -"sister city"', lambda a: has(a, "hunan") and not has(a, "sister city")),    # minus phrase
    ("invest*", lambda a: starts(a, "invest")),                                          # prefix
    ("卢森堡", lambda a: holds(a, "卢森堡")),                                              # Chinese, trigram
    ("外交", lambda a: holds(a, "外交")),                                                  # Chinese, two characters
    ("Hunan OR 卢森堡", lambda a: has(a, "hunan") or holds(a, "卢森堡")),                   # OR across scripts
    ('"Wang Yi" OR 卢森堡', lambda a: has(a, "wang yi") or holds(a, "卢森堡")),
    ("Hunan 卢森堡", lambda a: has(a, "hunan") and holds(a, "卢森堡")),                      # AND across scripts
    ("Hunan -卢森堡", lambda a: has(a, "hunan") and not holds(a, "卢森堡")),                 # minus Chinese
    ("卢森堡 NOT Hunan", lambda a: holds(a, "卢森堡") and not has(a, "hunan")),              # NOT English in Chinese
    ("NOT Hunan OR Africa", lambda a: not (has(a, "hunan") or has(a, "africa"))),         # NOT of an OR group
    ("Hunan Africa OR Luxembourg", lambda a: has(a, "hunan") and (has(a, "africa") or has(a, "luxembourg"))),
]


@pytest.mark.parametrize("text,oracle", OPERATORS, ids=[t for t, _ in OPERATORS])
def test_each_operator_finds_what_the_texts_hold(archive, text, oracle):
    _, conn = archive
    want = {aid for aid in TEXTS if oracle(aid)}
    assert want, text                        # every case has an answer to find
    assert found(conn, text) == want
    assert probed(conn, text) == want           # each article asked of the indexes alone
    assert counted(conn, text) == len(want)     # the search page's count, from the terms' sets of rowids
    flat = Search(text).newest_rowids(100)
    if flat:     # the newest matches the facets count, merged from the terms' lists in one flat compound
        sql, params = flat
        rows = conn.execute(f"select s.hit, a.id from ({sql}) s join articles a on a.rowid = s.hit", params).fetchall()
        assert {aid for _, aid in rows} == want and [r for r, _ in rows] == sorted((r for r, _ in rows), reverse=True)
        newest = conn.execute(f"select hit from ({Search(text).newest_rowids(1)[0]})", params).fetchall()
        assert newest == [(max(r for r, _ in rows),)]
    else:        # a later clause of several terms, or exclusions alone: not one flat compound
        clauses = Search(text).clauses
        assert all(c.negated for c in clauses) or any(len(c.terms) > 1 for c in clauses[1:] if not c.negated)


def counted(conn, text: str) -> int:
    sets, params, complement = Search(text).rowid_sets()
    n = conn.execute(f"select count(*) from ({sets})", params).fetchone()[0]
    return conn.execute("select count(*) from articles").fetchone()[0] - n if complement else n


def test_queries_are_always_valid_fts5(archive):
    _, conn = archive
    hostile = ['"unterminated', "a AND", "NOT", "NEAR(a b)", "title:x", "^start", "-minus", "(((", "a) OR (b",
               "x*y*", "**", "'", "a\"b", "AND OR NOT", "\\", "%_%"]
    for text in hostile:
        query = fts5_query(text)
        if query:
            conn.execute("select count(*) from articles_fts where articles_fts match ?", [query]).fetchone()
        found(conn, text)                       # never an SQL or FTS5 syntax error


def test_parse_keeps_phrases_or_and_prefixes():
    assert parse('"sister city" OR twin* Hunan') == [[parse('"sister city"')[0][0], parse("twin*")[0][0]],
                                                     parse("Hunan")[0]]
    assert fts5_query('"sister city" OR twin* Hunan') == '("sister city" OR "twin"*) AND "Hunan"'
    assert fts5_query('say "hi"') == '"say" AND "hi"'
    assert fts5_query('a"b') == '"a""b"'
    assert is_cjk("外交") and not is_cjk("Côte d'Ivoire")


def test_derived_tables_stay_in_step(archive):
    path, conn = archive

    def derived_agree():
        keys = conn.execute("select rowid, id, site, published, gone_since from article_keys order by rowid").fetchall()
        assert keys == conn.execute("select rowid, id, site, published, gone_since from articles order by rowid").fetchall()
        months = conn.execute("select site, month, articles from article_months where articles > 0 "
                              "order by site, month").fetchall()
        assert months == conn.execute("select site, coalesce(substr(published, 1, 7), ''), count(*) from articles "
                                      "group by 1, 2 order by 1, 2").fetchall()
        cjk = {r[0] for r in conn.execute("select rowid from articles_cjk")}
        assert cjk == {rowid for rowid, text in conn.execute("select rowid, title || body from articles")
                       if is_cjk(text)}

    derived_agree()
    with Archive(path) as a, a.transaction():
        a.store_article(record("a5", "Sister city ties", "Hunan's sister city 外交 agreement.", published="2019-01-01",
                               site="hunan"), seen_at="2024-07-01T00:00:00Z")     # moved month, now holds CJK
        a.mark_gone("a2", "2024-07-02T00:00:00Z")
    conn.commit()
    derived_agree()
    assert found(conn, "外交") == {"a4", "a5"}
    conn.execute("delete from articles where id = 'a4'")
    conn.commit()
    derived_agree()
    assert found(conn, "外交") == {"a5"}


def test_changes_view_says_what_truly_changed(tmp_path):
    path = tmp_path / "gazette.db"
    versions = [("Title one", "Body one."), ("Title two", "Body one."), ("Title two", "Body two."),
                ("Title two", "Body three.")]                  # the last also moves the date
    with Archive(path) as a:
        for n, (title, body) in enumerate(versions):
            with a.transaction():
                a.store_article(record("x", title, body, published="2024-01-0" + ("1" if n < 3 else "2")),
                                seen_at=f"2024-02-0{n + 1}T00:00:00Z")
    conn = sqlite3.connect(path)
    rows = conn.execute("select from_version, to_version, changed, changed_at from changes "
                        "where article_id = 'x' order by from_version").fetchall()
    assert rows == [(1, 2, "title", "2024-02-02T00:00:00Z"), (2, 3, "text", "2024-02-03T00:00:00Z"),
                    (3, 4, "text, date", "2024-02-04T00:00:00Z")]


def test_word_diff_marks_words_and_escapes():
    html = str(word_diff("He met <b>them</b> on Monday.", "He met <b>them</b> on Tuesday, CORRECTED."))
    assert html == "<p>He met &lt;b&gt;them&lt;/b&gt; on <del>Monday</del><ins>Tuesday, CORRECTED</ins>.</p>"


def test_month_chart_time_axis_and_whole_ticks():
    assert [nice_step(n) for n in (1, 5, 7, 23, 180, 4000)] == [1, 1, 2, 5, 50, 1000]
    svg = str(month_chart([{"site": "mfa", "month": "2020-01", "articles": 3},
                           {"site": "hunan", "month": "2020-12", "articles": 1},
                           {"site": "mfa", "month": "2021-02", "articles": 2}], {"mfa": "#111111", "hunan": "#222222"}))
    xs = sorted(float(x) for x in re.findall(r'<rect x="([\d.]+)"', svg))
    step = (xs[-1] - xs[0]) / 13                     # 2020-01 .. 2021-02: 13 months apart, gaps kept
    assert abs((xs[1] - xs[0]) - 11 * step) < 0.01
    assert 'fill="#111111"' in svg and 'fill="#222222"' in svg


def test_province_months_stay_in_step(tmp_path):
    path = tmp_path / "gazette.db"

    def tagged(aid, published, provinces):
        return {**record(aid, f"Title {aid}", f"Body {aid} {published}", published=published),
                "mentions": [{"kind": "province", "name": n, "code": c, "count": 1} for n, c in provinces] +
                            [{"kind": "country", "name": "Albania", "code": "ALB", "count": 1}]}

    gz, hn = ("Guizhou", "CN-GZ"), ("Hunan", "CN-HN")
    with Archive(path) as a, a.transaction():
        a.store_article(tagged("p1", "2024-01-05", [gz, hn]), seen_at="2024-02-01T00:00:00Z")
        a.store_article(tagged("p2", "2024-01-20", [gz]), seen_at="2024-02-01T00:00:00Z")
        a.store_article(tagged("p3", "2023-12-31", [hn]), seen_at="2024-02-01T00:00:00Z")
    conn = sqlite3.connect(path)

    def agree():
        have = conn.execute("select code, month, articles from province_months where articles > 0 "
                            "order by 1, 2").fetchall()
        want = conn.execute("select m.code, substr(a.published, 1, 7), count(*) from mentions m join articles a "
                            "on a.id = m.article_id where m.kind = 'province' group by 1, 2 order by 1, 2").fetchall()
        assert have == want and have
        return have

    assert agree() == [("CN-GZ", "2024-01", 2), ("CN-HN", "2023-12", 1), ("CN-HN", "2024-01", 1)]
    with Archive(path) as a, a.transaction():                       # re-tagged, and a date that moves
        a.store_article({**tagged("p1", "2024-03-01", [hn]), "body": "Body p1 changed"},
                        seen_at="2024-03-02T00:00:00Z")
    conn.commit()
    assert agree() == [("CN-GZ", "2024-01", 1), ("CN-HN", "2023-12", 1), ("CN-HN", "2024-03", 1)]


def test_chinese_found_by_like_where_sqlite_has_no_trigram(archive, monkeypatch):
    """Before SQLite 3.34 articles_cjk is a plain table and every Chinese term is a LIKE: the same articles."""
    from archive.datasette import search
    _, conn = archive
    with_trigram = {text: found(conn, text) for text in ("外交", "外交部发言人", "中非合作 OR ambassador")}
    monkeypatch.setattr(search, "TRIGRAM", False)
    assert "match" not in Search("外交部发言人").where("a.rowid")[0]
    assert {text: found(conn, text) for text in with_trigram} == with_trigram


def test_month_chart_within_one_year_still_names_it():
    svg = str(month_chart([{"site": "mfa", "month": "2024-03", "articles": 2},
                           {"site": "mfa", "month": "2024-07", "articles": 1}], {"mfa": "#000"}))
    assert ">2024</text>" in svg  # the months are labelled Mar..Jul; without the year they are unreadable
    months = re.findall(r'fill="#555">(\w+)</text>', svg)
    assert months == ["Mar", "Apr", "May", "Jun", "Jul"], months   # names: a number under a bar read as its count


def test_officials_spelled_two_ways_are_one_person_and_others_stay_apart():
    from archive.datasette.pages.people import person_key

    assert person_key("Shen Yiqin") == person_key("Chen Yiqin") == person_key("Governor Shen Yi-qin") \
        == person_key("H.E. Chen  Yiqin")
    assert person_key("Le Yucheng") == person_key("Vice Foreign Minister Le Yucheng") == person_key("Yue Yucheng")
    assert person_key("Wang Yi") != person_key("Wang Yu")                   # another given name: another person
    assert person_key("Chen Min") != person_key("Shan Min")                 # two surnames, not two readings of one
    assert person_key("Li Qiang") != person_key("Liqiang")                  # the surname is its own part
    assert person_key("谌贻琴") == "谌贻琴" and person_key("") == "" and person_key("Governor") == ""


def test_json_cells_read_as_lines_never_raw_json():
    """Datasette's table pages show stored JSON (headers, alignments, removals, people) as lines of words."""
    from archive.datasette.plugin import json_list_cell

    assert str(json_list_cell('{"Content-Length": "329", "Server": "BaseHTTP"}')) == \
        "Content-Length: 329<br>Server: BaseHTTP"
    assert str(json_list_cell("[[0, 0], [1, null]]")) == "0 and 0<br>1 and none"
    assert str(json_list_cell('[{"rule": "separator", "text": "※※※"}]')) == "※※※ (separator)"
    assert json_list_cell("plain words [not json]") is None
    # a run's many long warnings: the first two, the rest folded (the crawl health rows were a screen tall)
    warnings = [f"http://127.0.0.1:1/page-{n}.html: warning: fields not from the selectors of the site: title" for n in range(6)]
    cell = str(json_list_cell(json.dumps(warnings)))
    assert cell.startswith(f"{warnings[0]}<br>{warnings[1]}<details><summary>and 4 more</summary>{warnings[2]}<br>")
    assert all(w in cell for w in warnings)
    people = json.dumps(["Wang Yi", "Li Qiang", "Han Zheng", "Zhao Leji", "Cai Qi"])      # short lines: all shown
    assert str(json_list_cell(people)) == "Wang Yi<br>Li Qiang<br>Han Zheng<br>Zhao Leji<br>Cai Qi"


def test_capture_years_agree_with_the_captures(tmp_path):
    """The home page's coverage table reads capture_years, kept by triggers: after captures are stored, given
    outcomes, found imported, moved and deleted, it holds what counting the captures gives."""
    from archive.origins import record_origin

    def direct(conn):
        return sorted(conn.execute(
            "select coalesce(c.site, ''), substr(c.fetched_at, 1, 4), sum(o.capture_id is null), "
            "sum(o.capture_id is not null) from captures c left join capture_origins o on o.capture_id = c.id "
            "where c.outcome in ('new', 'updated', 'unchanged', 'duplicate') and c.fetched_at is not null "
            "group by 1, 2").fetchall())

    def kept(conn):
        return sorted(conn.execute("select site, year, live, past from capture_years where live or past").fetchall())

    path = tmp_path / "gazette.db"
    with Archive(path) as a, a.transaction():
        ids = [a.store_capture(run_id=None, site=site, url=f"https://x/{n}", final_url=None, status=200,
                               headers={}, body=f"page {n}".encode(), fetched_at=f"20{18 + n % 3}-01-01T00:00:00Z",
                               outcome=outcome)
               for n, (site, outcome) in enumerate([("mfa", "new"), ("mfa", None), ("hunan", "new"),
                                                     ("hunan", "failed"), ("mfa", "unchanged"), ("mfa", "new")])]
        a.set_capture_outcome(ids[1], "updated", None)             # an outcome given after the capture
        a.set_capture_outcome(ids[2], "gone", None)                # one that no longer gave an article
        record_origin(a, ids[0], kind="warc", source="a.warc", record="r0")
        record_origin(a, ids[3], kind="warc", source="a.warc", record="r3")   # imported, gave no article
        a.set_capture_outcome(ids[3], "new", None)
    conn = sqlite3.connect(path)
    assert kept(conn) == direct(conn) and sum(r[3] for r in kept(conn)) == 2
    conn.execute("update captures set fetched_at = '2024-05-05T00:00:00Z', site = 'hunan' where id = ?", [ids[5]])
    conn.execute("delete from capture_origins where capture_id = ?", [ids[0]])
    conn.execute("delete from captures where id = ?", [ids[4]])
    conn.commit()
    assert kept(conn) == direct(conn)


@pytest.mark.parametrize("text", [t for t, _ in OPERATORS])
def test_newest_first_pages_alike_sorted_walked_or_probed(archive, text, monkeypatch):
    """The search page's newest-first page is the same whether the matches are sorted, found walking the date
    index against the set of matches, or walking it asking the indexes about each article (page_rowids)."""
    from datasette.app import Datasette

    from archive.datasette.pages import query as query_module

    path, _ = archive
    db = Datasette([str(path)]).get_database()
    ask = query_module.Query({"q": text, "order": "date"})
    total = asyncio.run(query_module.count_hits(db, ask))

    def page(sorted_up_to: int, probed: int) -> list[int]:
        monkeypatch.setattr(query_module, "SORTED", sorted_up_to)
        monkeypatch.setattr(query_module, "PROBED", probed)
        return asyncio.run(query_module.page_rowids(db, ask, total))
    sorted_page = page(20_000, 2_000)
    assert sorted_page and sorted_page == page(0, 0) == page(0, 10 ** 9)
