"""`gazette serve` end to end: a real server process over an archive filled by real `gazette fetch` runs of the
recorded fixtures (one article then changed, one gone, one with awkward words and Chinese text, one whose capture
carries a script), checked over HTTP (HTML, .json, .csv, Atom) and in headless Chromium. One server for the
whole module."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import unicodedata
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlencode
from xml.etree import ElementTree

import pytest
import sqlite_utils

from archive.datasette.pages.common import plain_date

from .support import ROOT, expected_pages, gazette, json_lines, project_config, site_mirror, write_config

ARTICLE_NEW = "/eng/xw/wjbxw/202405/t20240515_11305672.html"          # fetched again, changed -> revision
ARTICLE_2015 = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"  # then 404 -> gone
HOSTILE = "/eng/xw/wjbxw/202405/t20240516_99999999.html"
HOSTILE_HTML = "&lt;script&gt;alert('x')&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
CHANGE_FROM, CHANGE_TO = "at the end of his tenure", "at the end of his tenure in Beijing, CORRECTED"
WORDS = "/eng/xw/wjbxw/202405/t20240517_99999998.html"      # awkward words and Chinese text
WORDS_TEXT = ("with the U.S. delegation, President Xi's envoy to Côte d'Ivoire, the 外交部发言人 and the "
              "外交 spokesperson")
SCRIPTED = "/eng/xw/wjbxw/202405/t20240518_99999997.html"    # its capture carries a script
SEARCH_WORDS = ("China-Africa", "COVID-19", "U.S.", "Xi's", "Côte d'Ivoire", "外交")
ATOM = "{http://www.w3.org/2005/Atom}"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, base: str, db):
        self.base, self.db = base, db

    def get(self, path: str, method: str = "GET", data: bytes | None = None):
        """(status, headers, text) of a request; HTTP errors are returned, not raised."""
        request = urllib.request.Request(self.base + path, method=method, data=data)
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers, exc.read().decode("utf-8", "replace")

    def html(self, path: str) -> str:
        status, _, text = self.get(path)
        assert status == 200, (path, status, text[:500])
        return text

    def json(self, path: str):
        return json.loads(self.html(path))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    db = tmp / "archive" / "gazette.db"
    sites = [key for key in project_config()["sites"] if any(expected_pages(key))]
    mirrors = {key: site_mirror(key) for key in sites}
    process = None
    try:
        config = write_config(tmp / "config", mirrors)
        urls = [mirrors[key].url + path for key in sites for _, path, _, _ in expected_pages(key)]
        first = gazette("fetch", "--json", *urls, db=db, config=config, timeout=300)
        assert first.returncode in (0, 1), first.stderr
        assert sum(r["status"] == "new" for r in json_lines(first.stdout)) >= len(sites), first.stdout
        mfa = mirrors["mfa"]
        page = mfa.file_for(ARTICLE_NEW).read_text("utf-8")
        assert CHANGE_FROM in page
        mfa.set(ARTICLE_NEW, page.replace(CHANGE_FROM, CHANGE_TO))
        mfa.set(ARTICLE_2015, "<html><body><h1>404 Not Found</h1></body></html>", status=404)
        # an article whose text holds markup-like characters: they must show as text, never as HTML
        mfa.set(HOSTILE, page.replace(CHANGE_FROM, HOSTILE_HTML))
        mfa.set(WORDS, page.replace(CHANGE_FROM, WORDS_TEXT).replace("Albanian Ambassador", "Ivorian Envoy"))
        mfa.set(SCRIPTED, page.replace("</head>", "<script>document.title = 'SCRIPT RAN'</script>"
                                                  f"<link rel=stylesheet href='{mfa.url}/beacon.css'></head>")
                .replace("Albanian Ambassador", "Scripted Page Ambassador"))
        second = gazette("fetch", "--json", mfa.url + ARTICLE_NEW, mfa.url + ARTICLE_2015, mfa.url + HOSTILE,
                         mfa.url + WORDS, mfa.url + SCRIPTED, db=db, config=config)
        assert json_lines(second.stdout)[0]["status"] == "updated", second.stdout + second.stderr

        port = free_port()
        env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}
        process = subprocess.Popen([sys.executable, "-m", "crawler", "serve", "--port", str(port)], cwd=ROOT,
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        srv = Server(f"http://127.0.0.1:{port}", db)
        srv.mfa, srv.config = mfa, config
        wait_answering(srv, process)
        yield srv
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        for mirror in mirrors.values():
            mirror.close()


def archived(server, sql, params=()):
    return list(sqlite_utils.Database(server.db).query(sql, params))


def normalised(text: str) -> str:
    """Lower case, accents dropped, every run of non-alphanumerics one space: how the word index sees text."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " " + " ".join(re.findall(r"[^\W_]+", text)) + " "


def expected_ids(server, words: str) -> set[str]:
    """The articles whose title or text hold `words`, found without SQLite's full-text index: Chinese as a
    substring, other words as a run of whole words."""
    rows = archived(server, "select id, title, body from articles")
    if re.search(r"[\u4e00-\u9fff]", words):
        return {r["id"] for r in rows if words in (r["title"] or "") + "\n" + (r["body"] or "")}
    needle = normalised(words)
    return {r["id"] for r in rows if needle in normalised(r["title"]) or needle in normalised(r["body"])}


def search_export(server, query: str, fmt: str = "json", **filters) -> list:
    args = "&".join(f"{k}={quote(str(v))}" for k, v in {"q": query, **filters}.items())
    status, headers, text = server.get(f"/-/search.{fmt}?{args}")
    assert status == 200, text[:500]
    if fmt == "csv":
        assert text.startswith("\ufeff"), "a CSV for Excel starts with a UTF-8 byte order mark"
        return list(csv.DictReader(io.StringIO(text[1:])))
    return json.loads(text)


def search_total(html: str) -> int:
    found = re.search(r'<p class="gazette-total"><strong>([\d,]+)</strong>', html)
    assert found, html[:2000]
    return int(found.group(1).replace(",", ""))


def atom_entries(text: str):
    feed = ElementTree.fromstring(text.encode("utf-8"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text and feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for child in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{child}").text, child
        assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}link").get("href").startswith(server_base_of(feed))
    return feed, entries


def server_base_of(feed) -> str:
    return re.match(r"https?://[^/]+", feed.find(f"{ATOM}id").text).group(0)


def test_first_page_introduces_the_archive(server):
    html = server.html("/")
    assert "<h1>Gazette</h1>" in html
    assert 'action="/-/search"' in html and 'name="q"' in html
    articles = archived(server, "select site, count(*) as n, min(published) as first, max(published) as last "
                                "from articles group by site")
    for row in articles:                    # per site: its full name, address, count, first and last date
        name = read_config_site_name(server, row["site"])
        assert name in html, name
        assert f'<td class="n" data-label="Articles">{row["n"]:,}</td>' in html
        assert plain_date(row["first"][:10]) in html and plain_date(row["last"][:10]) in html
    assert html.count("working") + html.count("needs attention") >= len(articles)   # health per site
    assert '<svg class="gazette-chart"' in html and "<rect " in html
    for link in ("/-/meetings", "/-/changes", "/-/search?country=ALB", "/-/feeds/changes.atom"):
        assert f'href="{link}' in html
    provinces = archived(server, "select m.code, m.name, count(*) as n from mentions m join articles a "
                                 "on a.id = m.article_id where m.kind = 'province' group by m.code")
    assert provinces
    for p in provinces:                      # per province: its articles, with a chart on the same time axis
        assert re.search(rf'href="/-/search\?province={p["code"]}">{p["name"]}</a></td><td class="n" '
                         rf'data-label="Articles">{p["n"]}</td>',
                         html), p
    assert html.count('<svg class="gazette-spark"') == len(provinces)
    for jargon in ("SQL", "FTS", "sqlite", "canned", "JSON API"):
        assert jargon not in html, jargon
    status, headers, _ = server.get("/")
    assert headers["X-Robots-Tag"] == "noindex, nofollow"


def read_config_site_name(server, key: str) -> str:
    """The site's full name as the config gives it, HTML-escaped as the pages print it."""
    import tomllib

    from markupsafe import escape
    return str(escape(tomllib.loads((server.config / "sites.toml").read_text("utf-8"))["sites"][key]["name"]))


def test_home_chart_is_a_time_axis_with_whole_numbers(server):
    html = server.html("/")
    start = html.index('<svg class="gazette-chart"')
    chart = html[start:html.index("</svg>", start)]
    ticks = [int(t.replace(",", "")) for t in re.findall(r'text-anchor="end" font-size="\d+">([\d,]+)</text>', chart)]
    assert ticks[0] == 0 and len(ticks) >= 2 and len(set(b - a for a, b in zip(ticks, ticks[1:]))) == 1
    months = archived(server, "select distinct substr(published, 1, 7) as m from articles where published is not null")
    years = sorted({m["m"][:4] for m in months})
    first, last = min(m["m"] for m in months), max(m["m"] for m in months)
    span = (int(last[:4]) * 12 + int(last[5:7])) - (int(first[:4]) * 12 + int(first[5:7])) + 1
    xs = [float(x) for x in re.findall(r'<rect x="([\d.]+)"', chart)]
    widths = {round(float(w), 1) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', chart)}
    assert len(widths) == 1                                  # every month the same width, empty months kept
    step = (max(xs) - min(xs)) / (span - 1)
    assert all(abs((x - min(xs)) / step - round((x - min(xs)) / step)) < 0.01 for x in xs)
    assert years[-1] in chart
    # one colour per site, the same in the chart, the legend and the search page
    pairs = {(site, fill) for fill, site in re.findall(r'fill="(#[0-9a-f]{6})"><title>(\w+),', chart)}
    assert len(pairs) == len({site for site, _ in pairs})
    search = server.html("/-/search?q=ambassador")
    for site, fill in pairs:
        assert f'background: {fill}">{read_config_site_name(server, site)}' in search or site not in search


def test_robots_txt_disallows_everything(server):
    status, _, text = server.get("/robots.txt")
    assert status == 200
    assert "User-agent: *" in text and "Disallow: /" in text.splitlines()


def test_writes_are_refused(server):
    before = archived(server, "select count(*) as n from articles")[0]["n"]
    for path in ("/gazette/articles", "/gazette/articles/-/insert", "/gazette/search", "/gazette",
                 "/-/messages", "/-/search"):
        status, _, text = server.get(path, method="POST", data=b"{}")
        assert status == 405, (path, status)
        assert "read-only" in text
    # arbitrary SQL is read only: a write statement is refused and the row stays
    status, _, text = server.get("/gazette.json?sql=" + urllib.request.quote("delete from articles"))
    assert status == 400 and "Statement must be a SELECT" in text
    assert archived(server, "select count(*) as n from articles")[0]["n"] == before
    assert server.json("/-/databases.json")[0]["is_mutable"] is True     # not immutable: crawls write meanwhile


@pytest.mark.parametrize("words", SEARCH_WORDS)
def test_search_page_finds_what_people_type(server, words):
    want = expected_ids(server, words)
    assert want, f"the archive should hold {words!r}"
    status, _, html = server.get("/-/search?q=" + quote(words))
    assert status == 200, html[:500]
    assert "error" not in html.lower() or "gazette-error" not in html
    assert search_total(html) == len(want)
    assert {r["id"] for r in search_export(server, words)} == want
    # the articles table's own search agrees
    table = server.json(f"/gazette/articles.json?_search={quote(words)}&_shape=objects&_size=max")
    assert {r["id"] for r in table["rows"]} == want and table["filtered_table_rows_count"] == len(want)
    # no other search entry point with other rules: the canned search query (words only) is gone
    assert server.get(f"/gazette/search?q={quote(words)}")[0] == 404


def test_search_keeps_phrases_or_and_prefixes(server):
    phrase = expected_ids(server, "sister city")
    assert phrase and {r["id"] for r in search_export(server, '"sister city"')} == phrase
    either = expected_ids(server, "Kenya") | expected_ids(server, "Albania")
    assert {r["id"] for r in search_export(server, "Kenya OR Albania")} == either
    both = expected_ids(server, "Kenya") & expected_ids(server, "friendship")
    assert {r["id"] for r in search_export(server, "Kenya friendship")} == both
    prefix = {r["id"] for r in archived(server, "select id, body from articles") if re.search(r"\bambassador", (r["body"] or "").lower())}
    assert prefix <= {r["id"] for r in search_export(server, "ambass*")}
    for nothing in ('"', "OR", "—", "( )", "*"):
        status, _, html = server.get("/-/search?q=" + quote(nothing))
        assert status == 200 and search_total(html) == 0, nothing


def test_search_results_facets_order_paging_export(server):
    want = {r["id"] for r in archived(server, "select a.id from articles a join articles_fts f on f.rowid = a.rowid "
                                              "where articles_fts match 'china'")}    # as the index stems it
    html = server.html("/-/search?q=China")
    assert search_total(html) == len(want) > 20
    items = re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', html)
    assert len(items) == 20 and set(items) <= want
    assert "<mark>" in html and 'class="snippet"' in html
    for facet in ("Source", "Year published", "Country named", "Province named"):
        assert f"<h3>{facet}</h3>" in html, facet
    sites = archived(server, "select a.site, count(*) as n from articles a join articles_fts f on f.rowid = a.rowid "
                             "where articles_fts match 'china' group by a.site")
    for row in sites:
        assert f'href="?q=China&amp;order=relevance&amp;site={row["site"]}"' in html
    narrowed = server.html("/-/search?q=China&site=mfa")
    assert search_total(narrowed) == {r["site"]: r["n"] for r in sites}["mfa"]
    page2 = server.html("/-/search?q=China&page=2")
    items2 = re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', page2)
    assert items2 and not set(items2) & set(items) and len(items) + len(items2) == min(len(want), 40)
    by_date = server.html("/-/search?q=China&order=date")
    ids = re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', by_date)
    published = {r["id"]: r["published"] for r in archived(server, "select id, published from articles")}
    dates = [published[i] for i in ids]
    assert dates == sorted(dates, reverse=True)
    rows = search_export(server, "China", fmt="csv")
    assert {r["id"] for r in rows} == want and all(r["archive_url"].endswith("/gazette/articles/" + r["id"]) for r in rows)
    gone = archived(server, "select id from articles where gone_since is not null")
    gone_html = server.html("/-/search?gone=1")
    assert search_total(gone_html) == len(gone) and 'class="gazette-gone-badge"' in gone_html


def test_search_with_words_and_names(server):
    want = {r["id"] for r in archived(server, "select a.id from articles a join articles_fts f on f.rowid = a.rowid "
                                              "where articles_fts match 'china' and a.id in (select article_id "
                                              "from mentions where kind = 'country' and code = 'ALB')")}
    assert len(want) >= 2
    for country in ("ALB", "Albania"):                      # a code or a name
        html = server.html(f"/-/search?q=China&country={country}")
        assert search_total(html) == len(want) and "naming Albania" in html
        # the count reads as one sentence, the subject not repeated ("7 articles — Articles matching" before)
        assert re.search(r"<strong>[\d,]+</strong> articles matching China, naming Albania\.", html)
        assert "— Articles" not in html
        ids = re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', html)
        assert set(ids) == want
        published = {r["id"]: r["published"] for r in archived(server, "select id, published from articles")}
        assert [published[i] for i in ids] == sorted((published[i] for i in ids), reverse=True)
        assert "<h3>Province named</h3>" in html and "<h3>Country named</h3>" not in html
    assert {r["id"] for r in search_export(server, "China", country="ALB")} == want
    # a name in other letters' case is the country; a misspelt one is said, with the closest names archived
    assert search_total(server.html("/-/search?q=China&country=albania")) == len(want)
    misspelt = server.html("/-/search?q=China&country=Albnia")
    assert "No country “Albnia” is named in the archive; did you mean" in misspelt
    assert re.search(r"did you mean <a href=\"[^\"]*country=Albania[^\"]*\">Albania</a>", misspelt), misspelt[misspelt.find("No country"):][:300]
    province = {r["article_id"] for r in archived(server, "select article_id from mentions where kind = 'province' "
                                                          "and name = 'Guizhou'")}
    assert {r["id"] for r in search_export(server, "", province="Guizhou")} == province


def test_a_name_typed_leads_to_its_articles_in_every_language(server):
    """"Luxembourg" typed finds the articles that spell it; the Chinese readout that says 卢森堡 is tagged Luxembourg
    too, and the page links to every article naming the country, whatever its language."""
    tagged = {r["article_id"] for r in archived(server, "select article_id from mentions where kind = 'country' "
                                                        "and code = 'LUX'")}
    spelt = {r["id"] for r in search_export(server, "Luxembourg")}
    assert tagged - spelt, "the fixture holds an article naming Luxembourg only in Chinese"
    for typed in ("Luxembourg", "luxembourg", '"Luxembourg"'):
        html = server.html("/-/search?" + urlencode({"q": typed}))
        link = re.search(r'<p class="gazette-named"><a href="([^"]+)">Every article naming Luxembourg</a>', html)
        assert link, typed
        assert link.group(1).replace("&amp;", "&") == "?country=LUX"
    assert {r["id"] for r in search_export(server, "", country="LUX")} == tagged
    for typed in ("Luxembourg ambassador", "Luxemb*", "-Luxembourg", "卢森堡", "Narnia"):   # not a name, whole
        assert 'class="gazette-named"' not in server.html("/-/search?" + urlencode({"q": typed})), typed


def test_search_with_words_and_a_year(server):
    """Words and a year are gathered once for the count, the page and the facets: the same articles as the word
    index and the dates say, best match first in the index's rank order, or newest first."""
    year = archived(server, "select substr(a.published, 1, 4) as y, count(*) as n from articles a join articles_fts f "
                            "on f.rowid = a.rowid where articles_fts match 'china' group by y order by n desc")[0]["y"]
    ranked = [r["id"] for r in archived(server, "select a.id from articles_fts f join articles a on a.rowid = f.rowid "
                                                "where articles_fts match 'china' and substr(a.published, 1, 4) = ? "
                                                "order by f.rank, a.rowid desc", [year])]
    assert len(ranked) >= 2
    html = server.html(f"/-/search?q=China&year={year}")
    assert search_total(html) == len(ranked) and f"articles matching China, published in {year}." in html
    assert re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', html) == ranked[:20]
    assert "<h3>Year published</h3>" not in html and "<h3>Source</h3>" in html
    newest = server.html(f"/-/search?q=China&year={year}&order=date")
    ids = re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', newest)
    published = {r["id"]: r["published"] for r in archived(server, "select id, published from articles")}
    assert set(ids) <= set(ranked) and [published[i] for i in ids] == sorted((published[i] for i in ids), reverse=True)


def test_search_feeds_are_atom(server):
    albania = {r["article_id"] for r in archived(server, "select article_id from mentions where code = 'ALB'")}
    assert albania
    status, headers, text = server.get("/-/search.atom?country=ALB")
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
    feed, entries = atom_entries(text)
    assert "Albania" in feed.find(f"{ATOM}title").text
    assert {e.find(f"{ATOM}link").get("href").rsplit("/", 1)[1] for e in entries} == albania
    for path in ("/-/search.atom?q=ambassador", "/-/search.atom?site=hunan", "/-/search.atom?province=Guizhou"):
        _, entries = atom_entries(server.get(path)[2])
        assert entries, path
    _, edits = atom_entries(server.get("/-/feeds/changes.atom")[2])
    changed = archived(server, "select article_id from revisions")
    assert [e.find(f"{ATOM}link").get("href").split("/")[-2] for e in edits] == [changed[0]["article_id"]]
    assert "text" in edits[0].find(f"{ATOM}title").text
    _, deletions = atom_entries(server.get("/-/feeds/gone.atom")[2])
    gone = archived(server, "select id from articles where gone_since is not null")
    assert [e.find(f"{ATOM}link").get("href").rsplit("/", 1)[1] for e in deletions] == [g["id"] for g in gone]


def test_articles_table_opens_compact(server):
    html = server.html("/gazette/articles")
    assert '<table class="gazette-list gazette-stack">' in html
    total = archived(server, "select count(*) as n from articles")[0]["n"]
    assert f'<p class="gazette-count"><strong>{total}</strong> articles' in html    # counted without a scan
    titles = archived(server, "select id, title from articles order by published desc limit 3")
    for row in titles:
        assert f'href="/gazette/articles/{row["id"]}">' in html
    assert "<details class=\"gazette-columns\"><summary>What the columns mean</summary>" in html
    assert "dl.column-descriptions { display: none; }" in html
    gone = archived(server, "select id from articles where gone_since is not null")[0]["id"]
    assert re.search(rf'href="/gazette/articles/{gone}">[^<]*</a>\s*<span class="gazette-gone-badge">', html)
    assert "suggested-facets" not in html
    full = server.html("/gazette/articles?_col=title&_col=body")
    assert 'class="rows-and-columns"' in full                  # choosing columns shows the full table


def test_latest_per_site_and_term_by_month(server):
    rows = server.json("/gazette/latest_per_site.json?per_site=2&_shape=array")
    by_site = {}
    for r in rows:
        by_site.setdefault(r["site"], []).append(r["published"])
    sites = {r["site"] for r in archived(server, "select distinct site from articles")}
    assert set(by_site) == sites and all(len(v) <= 2 for v in by_site.values())
    assert all(v == sorted(v, reverse=True) for v in by_site.values())
    months = server.json("/gazette/term_by_month.json?term=ambassador&_shape=array")
    mfa_may = archived(server, "select count(*) as n from articles a join articles_fts f on f.rowid = a.rowid "
                               "where articles_fts match 'ambassador' and a.site = 'mfa' and a.published like '2024-05%'")
    assert {"month": "2024-05", "site": "mfa", "articles": mfa_may[0]["n"]} in months and mfa_may[0]["n"] >= 1
    total = archived(server, "select count(*) as n from articles_fts where articles_fts match 'ambassador'")[0]["n"]
    assert sum(m["articles"] for m in months) == total
    covid = server.json("/gazette/term_by_month.json?term=COVID-19&_shape=array")     # was "no such column: 19"
    assert sum(m["articles"] for m in covid) == len(expected_ids(server, "COVID-19"))
    # the same rules as the search page: Chinese, and operators across scripts
    for term in ("外交", "COVID-19 OR 外交", "ambassador -Albania"):
        chart = server.json(f"/gazette/term_by_month.json?term={quote(term)}&_shape=array")
        assert sum(m["articles"] for m in chart) == search_total(server.html("/-/search?q=" + quote(term))), term


def test_changed_gone_and_crawl_health(server):
    changed = server.json("/gazette/changed_after_publication.json?site=&_shape=array")
    assert len(changed) == 1 and changed[0]["differs_in"] == "text" and changed[0]["site"] == "mfa"
    assert (changed[0]["from_version"], changed[0]["to_version"]) == (1, 2)
    view = server.json("/gazette/changes.json?_shape=array")
    assert [(v["article_id"], v["from_version"], v["changed"]) for v in view] == [(changed[0]["article_id"], 1, "text")]
    gone = server.json("/gazette/gone_from_site.json?site=&_shape=array")
    gone_id = archived(server, "select article_id from captures where url like ? and article_id is not null",
                       ("%" + ARTICLE_2015,))[0]["article_id"]
    assert [g["article_id"] for g in gone] == [gone_id] and gone[0]["gone_since"]
    health = server.json("/gazette/crawl_health.json?_shape=array")
    assert {h["site"] for h in health} >= {"mfa"}
    assert sorted(h["run"] for h in health) == [r["id"] for r in archived(server, "select id from crawl_runs order by id")]
    last = [h for h in health if h["site"] == "mfa"][0]        # the second fetch: one change, one page gone
    assert last["status"] == "ok" and last["updated"] == 1 and last["gone"] == 1 and last["warnings"] == 1
    assert "marked gone" in last["errors"]
    html = server.html("/gazette/changed_after_publication?site=")
    assert f'href="/gazette/articles/{changed[0]["article_id"]}"' in html   # article_id opens the article
    assert f'href="/-/changes/{changed[0]["article_id"]}/1"' in html         # and the difference


def test_article_row_page(server):
    article = archived(server, "select * from articles where url like ?", ("%" + ARTICLE_NEW,))[0]
    html = server.html(f"/gazette/articles/{article['id']}")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith(article["title"].replace("'", "&#39;")) and "gazette: articles" not in title
    paragraphs = article["body"].split("\n\n")
    assert len(paragraphs) > 2
    for paragraph in paragraphs[:3]:
        assert f"<p>{paragraph.replace(chr(39), '&#39;')}</p>" in html
    assert "CORRECTED" in paragraphs[0]
    cite = html[html.index('<section class="gazette-cite"'):html.index("</section>")]
    assert f'<a href="{article["url"]}" rel="nofollow noopener noreferrer">' in cite
    assert f'{server.base}/gazette/articles/{article["id"]}' in cite
    assert read_config_site_name(server, "mfa") in cite and article["published"] in cite
    capture = archived(server, "select fetched_at from captures where id = ?", (article["capture_id"],))[0]
    assert capture["fetched_at"] in cite
    assert '<h2 id="revisions">Revisions</h2>' in html and "1 earlier version of this article" in html
    # said at the top, as a deletion is, not only in the Revisions far below
    banner = re.search(r'<p class="gazette-edited">([^<]*)<a href="#revisions">', html)
    assert banner and "Edited by its site after it was first archived: 1 change," in banner.group(1)
    assert html.index('class="gazette-edited"') < html.index('class="gazette-body"')
    assert "tenure<ins> in Beijing, CORRECTED</ins>." in html.replace("\n", "")
    assert f'href="/-/changes/{article["id"]}/1"' in html
    for code in ("ALB",):
        assert f'href="/-/search?country={code}"' in html
    assert re.search(r'href="/-/search\?province=CN-\w+"', html)
    official = archived(server, "select name from mentions where article_id = ? and kind = 'official'",
                        (article["id"],))[0]["name"]
    assert f'href="/-/search?official={quote(official)}"' in html.replace("%20", "%20")
    naming = {r["article_id"] for r in archived(server, "select article_id from mentions where kind = 'official' "
                                                        "and name = ?", (official,))}
    listed = server.html(f"/-/search?official={quote(official)}")
    assert search_total(listed) == len(naming) and f"naming {official}" in listed
    captions = json.loads(article["captions"] or "[]")
    if captions:
        assert f"<li>{captions[0]}</li>" in html and '["' not in html.split('<h2 id="captions">')[1][:300]
    assert '<iframe class="gazette-capture" sandbox=""' in html
    data = server.json(f"/gazette/articles/{article['id']}.json?_shape=objects")
    assert data["rows"][0]["body"] == article["body"]


def test_change_page(server):
    article = archived(server, "select * from articles where url like ?", ("%" + ARTICLE_NEW,))[0]
    html = server.html(f"/-/changes/{article['id']}/1")
    assert "Version 1 → 2" in html and "<strong>text</strong>" in html
    assert "tenure<ins> in Beijing, CORRECTED</ins>." in html.replace("\n", "")
    # when, in Beijing time and words like the article page's history (it said "2026-12-06 18:49 UTC")
    from archive.datasette.pages.common import plain_date
    at = archived(server, "select replaced_at from revisions where article_id = ? order by seen_at desc",
                  (article["id"],))[0]["replaced_at"]   # when the change was seen (seen_at: the old text's first
    # sighting, the same minute only when both fetches are: a slow machine crossed a minute between them)
    assert f"Changed {plain_date(at, utc=True)}" in html and " UTC" not in html
    assert server.get(f"/-/changes/{article['id']}/2")[0] == 404          # no version 3
    assert server.get("/-/changes/0000000000000000/1")[0] == 404


def test_capture_is_served_without_scripts_or_requests(server):
    row = archived(server, "select c.id from captures c where c.url like ? and c.status = 200", ("%" + SCRIPTED,))[0]
    status, headers, text = server.get(f"/-/capture/{row['id']}")
    assert status == 200 and "document.title = 'SCRIPT RAN'" in text        # as it was served
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy and "script-src" not in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    for wrong in ("abc", "99999999", "9" * 40):  # no capture's number: said in plain words, not "Database not found"
        status, _, text = server.get(f"/-/capture/{wrong}")
        assert status == 404 and "No capture is numbered" in text and "Database not found" not in text, wrong


def test_no_raw_article_html(server):
    row = archived(server, "select id, body from articles where body like '%<script>%'")[0]
    assert "<script>alert('x')</script>" in row["body"]
    table = server.html("/gazette/articles?_search=alert&_col=title&_col=body")   # the full table shows the body
    for path in (f"/gazette/articles/{row['id']}", "/-/search?q=alert"):
        html = server.html(path)
        assert "&lt;script&gt;" in html and "<script>alert" not in html, path     # (search marks "alert")
        assert "<img src=x" not in html and "&lt;img" in html, path
    assert "&lt;script&gt;" in table and "<script>alert" not in table and "<img src=x" not in table


def chromium(server, tmp_path, path: str, screenshot: str | None = None) -> str:
    with tempfile.TemporaryDirectory(dir=tmp_path) as profile:
        extra = [f"--screenshot={screenshot}", "--window-size=1280,1600"] if screenshot else ["--dump-dom"]
        proc = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--virtual-time-budget=8000", *extra, server.base + path],
            capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")


@needs_chromium
@pytest.mark.parametrize("words", SEARCH_WORDS)
def test_search_page_in_headless_chromium(server, tmp_path, words):
    dom = chromium(server, tmp_path, "/-/search?q=" + quote(words))
    want = expected_ids(server, words)
    found = set(re.findall(r'<a class="title" href="/gazette/articles/(\w+)">', dom))
    assert found == want, (words, found, want)
    assert "<mark>" in dom
    assert "no such column" not in dom and "syntax error" not in dom


@needs_chromium
def test_article_and_home_pages_in_headless_chromium(server, tmp_path):
    article = archived(server, "select * from articles where url like ?", ("%" + ARTICLE_NEW,))[0]
    dom = chromium(server, tmp_path, f"/gazette/articles/{article['id']}")
    assert re.search(r"<title>Vice Foreign Minister Sun Weidong Meets with Albanian Ambassador", dom)
    assert 'class="gazette-cite"' in dom and "<ins> in Beijing, CORRECTED</ins>" in dom
    dom = chromium(server, tmp_path, "/")
    assert "What the archive holds" in dom and 'class="gazette-chart"' in dom
    dom = chromium(server, tmp_path, "/gazette/articles?_search=ambassador")
    assert "Sun Weidong Meets with Albanian Ambassador" in dom and 'class="gazette-list gazette-stack"' in dom
    dom = chromium(server, tmp_path, "/-/dashboards/term-over-time?term=COVID-19")
    assert 'class="marks"' in dom                                    # the Vega-Lite chart was drawn
    # its legend and axis name each source by its short name: the full names, cut to fit, read alike
    import tomllib
    sites = tomllib.loads((server.config / "sites.toml").read_text("utf-8"))["sites"]
    assert sites["mfa"]["short_name"] in dom and sites["mfa"]["name"] not in dom


def test_chart_legends_use_each_sites_short_name_else_its_name():
    from archive.datasette.serve import chart_colours, load_metadata
    sites = {"mfa": {"name": "Ministry of Foreign Affairs of the People's Republic of China (English)",
                     "short_name": "MFA (English)"},
             "mfa-zh": {"name": "Ministry of Foreign Affairs of the People's Republic of China (Chinese)",
                        "short_name": "MFA (Chinese)"},
             "hunan": {"name": "Hunan"}}
    specs = [enc for d in chart_colours(load_metadata(), sites, [])["plugins"]["datasette-dashboards"].values()
             for c in d["charts"].values() for enc in ((c.get("display") or {}).get("encoding") or {}).values()
             if isinstance(enc, dict) and enc.get("field") == "site"]
    labels = [(spec.get("legend") or spec.get("axis") or {}).get("labelExpr", "") for spec in specs]
    assert labels and all('"mfa": "MFA (English)"' in x and '"mfa-zh": "MFA (Chinese)"' in x
                          and '"hunan": "Hunan"' in x for x in labels), labels


@needs_chromium
def test_capture_runs_no_script_and_loads_nothing_in_chromium(server, tmp_path):
    row = archived(server, "select c.id from captures c where c.url like ? and c.status = 200", ("%" + SCRIPTED,))[0]
    server.mfa.reset_log()
    dom = chromium(server, tmp_path, f"/-/capture/{row['id']}")
    assert "Scripted Page Ambassador" in dom
    assert "<title>SCRIPT RAN</title>" not in dom
    assert server.mfa.count(lambda p: "beacon" in p) == 0                 # no request left the archive


def test_metadata_describes_tables_and_lists_every_canned_query(server):
    data = server.json("/gazette.json")
    queries = {q["name"] for q in data["queries"]}
    assert {"latest_per_site", "term_by_month", "changed_after_publication", "gone_from_site",
            "crawl_health"} <= queries
    assert "articles_naming_country" in queries                      # the mentions block (issue 8)
    html = server.html("/gazette/articles")
    assert "One record per article, newest first." in html
    hidden = {t["name"] for t in data["tables"] if t["hidden"]}
    assert {"article_keys", "article_months", "articles_cjk"} <= hidden     # derived, not for reading
    metadata = server.json("/-/metadata.json")["databases"]["gazette"]["tables"]
    for table in ("articles", "revisions", "crawl_runs", "captures"):
        columns = {c for c in sqlite_utils.Database(server.db)[table].columns_dict}
        assert columns <= set(metadata[table]["columns"]), (table, columns - set(metadata[table]["columns"]))


def test_a_second_serve_on_a_taken_port_is_one_clear_line(server):
    port = server.base.rsplit(":", 1)[1]
    proc = gazette("serve", "--port", port, db=server.db, config=server.config, timeout=60)
    assert proc.returncode == 1 and f"port {port}" in proc.stderr and "--port" in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr and "read-only at" not in proc.stdout


def test_cite_block_names_the_url_that_served_the_copy(server):
    """The 2015 article was served at /mfa_eng/…; Gazette files it under /eng/… (mirror_paths): the citation
    gives the address that really answered, and says under which one the article is filed."""
    article = archived(server, "select * from articles where url like ?", ("%t20201218_696980.html",))[0]
    assert "/eng/" in article["url"] and "/mfa_eng/" not in article["url"]
    cite = server.html(f"/gazette/articles/{article['id']}")
    cite = cite[cite.index('<section class="gazette-cite"'):cite.index("</section>")]
    assert f'<a href="{server.mfa.url}{ARTICLE_2015}" rel="nofollow noopener noreferrer">' in cite
    assert f"Gazette files the article under {article['url']}" in cite


def test_search_page_words_read_right(server):
    text = server.html("/-/search?q=U.S.")
    assert "U.S.." not in text and "U.S." in text
    beyond = server.html("/-/search?q=ambassador&page=99")
    assert "There is no page 99" in beyond and "Page 99 of" not in beyond


# -- every page type at 1280 and 390 px in Chromium: no sideways scrolling, no SQL, no raw JSON ----------

SQL_SHOWN = re.compile(r"\bselect\b[\s\S]{0,200}\bfrom\b|\bcreate view\b", re.I)
RAW_JSON = re.compile(r'\[\{"|\["[^"\]]+",\s*"|\{"name":')
SQL_WORD = re.compile(r".{0,20}\bSQL\b.{0,20}")
# Datasette's own words for its tables: its sort line and its JSON export options (a table page says it in words)
DATASETTE_WORDS = re.compile(r"This data as|Advanced export|JSON shape|sorted by \S+( descending)?")
CUT_TEXT = """() => [...document.querySelectorAll('body *')]
  .filter(e => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim().slice(0, 60))"""  # text a reader cannot see whole (no hover on a phone)


def page_types(server) -> dict[str, str]:
    """One address of every kind of page a researcher reaches (Gazette's and Datasette's)."""
    changed = archived(server, "select id from articles where url like ?", ("%" + ARTICLE_NEW,))[0]["id"]
    gone = archived(server, "select id from articles where gone_since is not null")[0]["id"]
    official = archived(server, "select name from meeting_participants where name is not null and side = 'chinese'")
    from archive.datasette.pages.people import person_key
    return {
        "home": "/", "search": "/-/search?q=ambassador", "search, operators": "/-/search?q=" + quote("Hunan -Africa"),
        "search, unknown country": "/-/search?country=Narnia", "taken down": "/-/search?gone=1",
        "meetings": "/-/meetings", "meetings of a province": "/-/meetings?province=Guizhou&type=visit",
        "official": "/-/official/" + person_key(official[0]["name"]) if official else "/-/meetings",
        "changes": "/-/changes", "difference": f"/-/changes/{changed}/1", "article": f"/gazette/articles/{changed}",
        "gone article": f"/gazette/articles/{gone}", "version": f"/-/article/{changed}/v/1",
        "feed": "/-/feeds/changes.atom", "country feed": "/-/search.atom?country=ALB",
        "database": "/gazette", "articles table": "/gazette/articles", "meetings table": "/gazette/meetings",
        "visitors by year": "/gazette/foreign_visitors_by_year?province=Guizhou&year=",
        "meetings chart": "/-/dashboards/meetings-over-time", "term chart": "/-/dashboards/term-over-time?term=外交",
        "crawl health": "/gazette/crawl_health",
    }


@needs_chromium
def test_every_page_fits_a_phone_and_shows_no_sql_or_json(server, tmp_path):
    sync_playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'").sync_playwright

    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in page_types(server).items():
                found = len(problems)
                response = page.goto(server.base + path)
                assert response.status == 200, (name, path, response.status)
                scroll = page.evaluate("document.documentElement.scrollWidth")
                text = page.evaluate("document.body.innerText")
                if scroll > width:
                    problems.append(f"{name} ({path}) is {scroll} px wide at {width} px")
                if SQL_SHOWN.search(text):
                    problems.append(f"{name} ({path}) shows SQL: {SQL_SHOWN.search(text).group(0)[:80]}")
                if SQL_WORD.search(text) or SQL_SHOWN.search(page.title()):   # "Custom SQL query", "Run SQL"
                    problems.append(f"{name} ({path}) speaks SQL: {page.title()[:80]!r}, "
                                    f"{[m.group(0) for m in SQL_WORD.finditer(text)][:3]}")
                cut = page.evaluate(CUT_TEXT)
                if cut:  # e.g. the two ministry sources, both "Ministry of Foreign Affairs of the P…" on the home page
                    problems.append(f"{name} ({path}) cuts text with an ellipsis: {cut[:3]}")
                if RAW_JSON.search(text):
                    problems.append(f"{name} ({path}) shows raw JSON: {RAW_JSON.search(text).group(0)}")
                if DATASETTE_WORDS.search(text + page.title()):
                    problems.append(f"{name} ({path}) says {DATASETTE_WORDS.search(text + page.title()).group(0)!r}")
                if name.endswith("table") and "as a spreadsheet (CSV)" not in text:
                    problems.append(f"{name} ({path}) offers no spreadsheet (CSV)")
                if len(problems) > found:  # a picture of each page at fault (of every page: half the test's time)
                    slug = re.sub(r"\W+", "-", name)
                    page.screenshot(path=str(tmp_path / f"{slug}-{width}.png"), full_page=True)
                    problems.append(f"  (screenshot: {tmp_path / f'{slug}-{width}.png'})")
        browser.close()
    assert not problems, "\n".join(problems)


@needs_chromium
def test_month_charts_can_be_read_on_a_phone(server):
    """The articles-per-month charts (home page, search) are drawn 880 wide; shrunk to a phone's width their
    year and count labels were 4 px high. On a phone they keep a readable width and scroll sideways in their
    own box (the page itself does not)."""
    sync_playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'").sync_playwright
    smallest = """() => [...document.querySelectorAll('svg.gazette-chart text')]
      .map(t => t.getBoundingClientRect().height).reduce((a, b) => Math.min(a, b), 99)"""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 390, "height": 900})
        for path in ("/", "/-/search?q=ambassador"):
            page.goto(server.base + path)
            assert page.evaluate("document.querySelectorAll('svg.gazette-chart text').length"), path
            assert page.evaluate(smallest) >= 9, (path, page.evaluate(smallest))
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        browser.close()


def wait_answering(server, process, seconds: float = 30) -> None:
    """Until `gazette serve` (`process`) answers; fails with its output if it exits or does not answer in time."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if server.get("/-/versions.json")[0] == 200:
                return
        except OSError:
            pass
        assert process.poll() is None, process.stdout.read() if process.stdout else "gazette serve exited"
        assert time.monotonic() < deadline, f"gazette serve did not answer within {seconds:g} s"
        time.sleep(0.2)


@contextlib.contextmanager
def served(db):
    """`gazette serve` of this archive file on a free port, stopped after."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "crawler", "serve", "--db", str(db), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        server = Server(f"http://127.0.0.1:{port}", db)
        wait_answering(server, process)
        yield server
    finally:
        process.terminate()
        process.wait(10)


def test_home_page_names_imported_sources_without_alarm(tmp_path):
    """Sources whose articles were all imported (gazette import, --other) said "not collected yet", in the
    warning colour, beside their articles; the pages of no configured site were the bare key "other"."""
    from archive import Archive
    from archive.origins import record_origin
    db = tmp_path / "gazette.db"
    with Archive(db) as archive:
        for site, url in (("mfa", "https://www.fmprc.gov.cn/eng/x1.html"), ("other", "https://example.org/a.html")):
            with archive.transaction():
                capture = archive.store_capture(run_id=None, site=site, url=url, final_url=None, status=200,
                                                headers={}, body=url.encode(), fetched_at="2019-05-01T00:00:00Z",
                                                outcome="new")
                archive.store_article({"id": site, "site": site, "url": url, "title": "Envoy visits Guizhou",
                                       "published": "2019-05-01", "body": "The envoy visited.", "captions": [],
                                       "language": "en", "layer": "site", "content_hash": site},
                                      seen_at="2019-05-01T00:00:00Z", capture_id=capture)
                record_origin(archive, capture, kind="warc", source="a.warc", record=f"<urn:{site}>")
    with served(db) as server:
        home = server.html("/")
    sources = home[home.index('class="gazette-sites'):home.index("</table>", home.index('class="gazette-sites'))]
    rows = {key: row for row in sources.split("<tr>") for key in ("search?site=mfa\"", "search?site=other\"")
            if key in row}
    assert len(rows) == 2, sources
    for row in rows.values():
        assert "imported, not crawled" in row and "not collected yet" not in row, row
    assert "Other sites (generic extraction)" in rows["search?site=other\""]


def test_home_page_last_collected_is_the_last_run_that_ended_well(tmp_path):
    """A crawl that failed (run offline, a site down) collected nothing: "Last collected" showed its time as if it
    had. It shows the last run that ended well, and the failed attempt beside it, with its time."""
    from archive import Archive, runs
    db = tmp_path / "gazette.db"
    with Archive(db) as archive:
        good = runs.start_run(archive, "mfa", "crawl")
        runs.finish_run(archive, good, "ok", {"new": 3}, [])
        bad = runs.start_run(archive, "mfa", "crawl")
        runs.finish_run(archive, bad, "failed", {}, ["site mfa failed: no start page could be read"])
        only_bad = runs.start_run(archive, "hunan", "crawl")
        runs.finish_run(archive, only_bad, "failed", {}, ["site hunan failed: no start page could be read"])
        finished = {r["id"]: r["finished"] for r in archive.db.query("select id, finished from crawl_runs")}
    with served(db) as server:
        home = server.html("/")
    sources = home[home.index('class="gazette-sites'):home.index("</table>", home.index('class="gazette-sites'))]
    cells = {key: re.search(r'data-label="Last collected">([\s\S]*?)</td>', row).group(1)
             for row in sources.split("<tr>") for key in ("mfa", "hunan") if f'search?site={key}"' in row}
    assert plain_time_of(finished[good]) in cells["mfa"] and plain_time_of(finished[bad]) in cells["mfa"]
    assert not cells["mfa"].startswith("—")
    assert cells["mfa"].index(plain_time_of(finished[good])) < cells["mfa"].index("last attempt failed")
    assert cells["hunan"].startswith("—") and "last attempt failed" in cells["hunan"]


def plain_time_of(stamp: str) -> str:
    """A time stamp as the pages print it (the `plain_time` filter)."""
    return str(plain_date(stamp, utc=True))


@needs_chromium
def test_home_sources_table_has_no_blank_lines(tmp_path):
    """Datasette's cells keep white space (pre-wrap): the template's line breaks around "needs attention", its
    "why" and "not collected yet" became blank lines, a source's row three times as tall as what it holds (every
    row of a first crawl that failed, e.g. run without the network)."""
    sync_playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'").sync_playwright
    from archive import Archive, runs
    db = tmp_path / "gazette.db"
    with Archive(db) as archive:
        run_id = runs.start_run(archive, "mfa", "crawl")
        runs.finish_run(archive, run_id, "failed", {}, ["site mfa failed: no start page could be read"])
    excess = """() => [...document.querySelectorAll('table.gazette-sites tbody tr')].map(tr => {
        const held = Math.max(...[...tr.cells].map(td => [...td.children]
            .reduce((sum, e) => sum + e.getBoundingClientRect().height, 0) || 24));
        return Math.round(tr.getBoundingClientRect().height - held - 12); })"""
    with served(db) as server:
        assert "needs attention" in server.html("/") and "not collected yet" in server.html("/")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.base + "/")
            found = page.evaluate(excess)
            browser.close()
    assert found and max(found) <= 12, found  # an inline box is 7 px shorter than its 24 px line


def test_home_page_answers_the_questions_in_two_clicks(server):
    home = server.html("/")
    for link in ("/-/meetings?province=", "/-/meetings\"", "/-/changes\"", "/-/search?gone=1", "/-/search?country="):
        assert link.replace('"', "") in home, link
    visits = re.search(r'href="(/-/meetings\?province=[^"]+year=\d{4})"', home)
    assert visits, "the envoy question is one link on the home page"
    page = server.html(visits.group(1).replace("&amp;", "&"))
    assert "Countries taking part" in page and "class=\"gazette-events\"" in page
    meetings = server.html("/-/meetings")
    first_official = re.search(r'href="(/-/official/[^"]+)"', meetings)
    assert first_official, "a name on the meetings page opens the official's page"
    official = server.html(first_official.group(1))
    assert "events in the archive" in official
    for page in (meetings, official):  # every list of events says they are read by rules, and how well
        assert "not checked by a person" in page and "before you count or cite it" in page
    changes = server.html("/-/changes")
    assert "<ins>" in changes and "/-/feeds/changes.atom" in changes
    gone = server.html("/-/search?gone=1")
    assert "gone from its site since" in gone


def _sides(page: str) -> list[tuple[str, str | None]]:
    """(Chinese side, foreign side or None when the page shows no such line) of every event of a page, as text."""
    out = []
    for item in re.findall(r"<li>([\s\S]*?)</li>", page.split('class="gazette-events"', 1)[-1].split("</ol>")[0]):
        sides = dict(re.findall(r'<span class="side">(\w+) side:</span>([\s\S]*?)</div>', item))
        words = {k: " ".join(re.sub(r"<[^>]+>", " ", v).split()) for k, v in sides.items()}
        if words:
            out.append((words.get("Chinese"), words.get("Foreign")))
    return out


def test_every_event_says_whom_it_met_or_shows_no_foreign_line(server):
    """An event names who met whom: a foreign side shown is never empty ("Foreign side:" with nothing after it
    was shown for the Chinese readouts, whose extractor gave countries but no persons); its people as the
    sentence names them, else its group, else its countries; two Chinese parties show no foreign line."""
    rows = archived(server, "select m.id, m.foreign_side, m.countries, m.group_description, a.language from meetings m "
                            "join articles a on a.id = m.article_id where m.same_as is null")
    pages, shown = 1 + len(rows) // 25, []
    for n in range(1, pages + 1):
        shown += _sides(server.html(f"/-/meetings?page={n}"))
    assert len(shown) == len(rows) and all(chinese for chinese, _ in shown)
    assert all(foreign is None or foreign.strip() for _, foreign in shown), shown
    nothing = [r for r in rows if r["foreign_side"] == "[]" and r["countries"] == "[]" and not r["group_description"]]
    assert sum(foreign is None for _, foreign in shown) == len(nothing)
    # the Chinese readout of Yang Jiechi in Munich (tests/fixtures/mfa-zh, real): whom he met, with a page of his own
    munich = server.html("/-/meetings?country=Luxembourg")
    assert _sides(munich) == [("Yang Jiechi , 中央外事工作委员会办公室主任", "阿瑟伯恩 , 外交大臣 (Luxembourg)")]
    href = re.search(r'href="(/-/official/[^"]+)">阿瑟伯恩<', munich).group(1)
    assert "阿瑟伯恩" in server.html(href) and "Foreign side" in server.html(href)
    official = server.html("/-/official/yang-jiechi")
    assert [f for _, f in _sides(official)] == ["阿瑟伯恩 , 外交大臣 (Luxembourg)"]
    assert any(foreign and "(no person named)" in foreign for _, foreign in shown)     # a country alone: named so


def test_feed_is_a_page_in_a_browser_and_atom_for_readers(server):
    status, headers, text = server.get("/-/feeds/changes.atom")
    assert status == 200 and headers["content-type"].startswith("application/atom+xml")
    ElementTree.fromstring(text.encode("utf-8"))
    request = urllib.request.Request(server.base + "/-/feeds/changes.atom",
                                     headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    with urllib.request.urlopen(request, timeout=20) as response:
        page = response.read().decode("utf-8")
    assert "This is a feed" in page and "<feed" not in page


def test_article_page_dates_read_in_words(server):
    """The tab title, the cite block and its citation line gave the date as stored (2024-05-20T20:30:00, and
    Gazette's capture times as 2026-12-06T18:49:02Z), unlike the rest of the page and the version page."""
    from archive.datasette.pages.common import plain_date
    row = archived(server, "select id, published from articles where published like '____-__-__T%' limit 1")[0]
    html = server.html(f"/gazette/articles/{row['id']}")
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    cite = html[html.index('id="cite"'):html.index("</section>", html.index('id="cite"'))]
    assert plain_date(row["published"][:10]) in title and plain_date(row["published"][:10]) in cite
    iso = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
    shown = re.sub(r"<[^>]+>", "", cite)  # what a reader sees (the exact times stay in <time datetime=...>)
    assert not iso.search(title) and not iso.search(shown), (title, iso.findall(shown))
    assert f'<time datetime="{row["published"]}">' in cite


def test_versions_are_citable(server):
    changed = archived(server, "select id from articles where url like ?", ("%" + ARTICLE_NEW,))[0]["id"]
    article = server.html(f"/gazette/articles/{changed}")
    for tag in ("citation_title", "citation_date", "citation_publisher", "citation_public_url"):
        assert f'name="{tag}"' in article, tag
    assert f"/-/article/{changed}/v/2" in article
    first = server.html(f"/-/article/{changed}/v/1")
    assert CHANGE_FROM in first and CHANGE_TO not in first
    ris = server.html(f"/-/article/{changed}/v/1.ris")
    assert ris.startswith("TY  - NEWS") and f"/-/article/{changed}/v/1" in ris and ris.rstrip().endswith("ER  -")
    bib = server.html(f"/-/article/{changed}/v/2.bib")
    assert bib.startswith("@online{") and f"/-/article/{changed}/v/2" in bib
    assert server.get(f"/-/article/{changed}/v/9")[0] == 404


def test_meetings_page_filters_facets_and_exports(server):
    page = server.html("/-/meetings?country=Narnia")
    assert "No country “Narnia”" in page
    rows = server.json("/-/meetings.json")
    # a value no event holds matches nothing (it once listed every event under "41 events with people of Narnia")
    for unknown in ("country=Narnia", "province=Guizhu", "year=abc", "type=dinner"):
        assert server.json(f"/-/meetings.json?{unknown}") == [], unknown
    assert rows
    assert rows and all(isinstance(r["countries"], list) for r in rows)
    assert [r["date_start"] or "" for r in rows] == sorted((r["date_start"] or "" for r in rows), reverse=True) \
        or any(r["date_start"] is None for r in rows)
    status, _, text = server.get("/-/meetings.csv")
    assert status == 200 and text.startswith("\ufeffdate_start,")


def test_exports_follow_the_order_chosen_and_carry_text_and_places(server):
    published = {r["id"]: r["published"] or "" for r in archived(server, "select id, published from articles")}
    by_date = search_export(server, "China", order="date")
    assert [published[r["id"]] for r in by_date] == sorted((published[r["id"]] for r in by_date), reverse=True)
    ranked = [r[0] for r in sqlite_utils.Database(server.db).execute(
        "select a.id from articles_fts f join articles a on a.rowid = f.rowid where articles_fts match 'china' "
        "order by f.rank, a.rowid desc").fetchall()]
    assert [r["id"] for r in search_export(server, "China", order="relevance")] == ranked
    bodies = {r["id"]: r["body"] for r in archived(server, "select id, body from articles")}
    named = {r["article_id"]: r["names"] for r in archived(
        server, "select article_id, group_concat(name, '; ') as names from mentions where kind = 'country' "
                "and code != 'CHN' group by article_id")}
    rows = search_export(server, "Albania", fmt="csv", order="date")
    assert rows and all(r["text"] == bodies[r["id"]] for r in rows)
    assert all(set(filter(None, r["countries"].split("; "))) == set(filter(None, (named.get(r["id"]) or "").split("; ")))
               for r in rows)
    assert any("Albania" in r["countries"] for r in rows) and all(r["snippet"] for r in rows)


def test_where_each_version_came_from_keeps_the_current_texts_source_among_many_captures(tmp_path):
    """An article captured more often than the page lists (a colleague's daily WARC, then another file): the
    captures that only repeat the row before them (same version, same source) are folded, so the latest capture,
    the current text's source, is on the page; before, the page listed the first 50 and the newest version had
    no source at all."""
    import asyncio

    from datasette.app import Datasette

    from archive.datasette.pages.diffs import versions
    from archive.datasette.pages.provenance import SHOWN, capture_sources

    from .archives import write_warc

    path = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
    page = (ROOT / "tests" / "fixtures" / "mfa" / path.lstrip("/")).read_bytes()
    url = "https://www.fmprc.gov.cn" + path
    daily = [{"url": url, "date": f"2019-{1 + n // 28:02d}-{1 + n % 28:02d}T08:00:00Z",
              "body": page if n < 30 else page.replace(b"Sun Weidong", b"Sun Weidong (edited)")}
             for n in range(SHOWN + 5)]
    db = tmp_path / "g.db"
    assert gazette("import", str(write_warc(tmp_path / "daily-2019.warc.gz", daily)), db=db).returncode == 0
    later = [{"url": url, "date": "2021-06-01T08:00:00Z", "body": page}]
    assert gazette("import", str(write_warc(tmp_path / "colleague-2021.warc.gz", later)), db=db).returncode == 0
    article_id = sqlite_utils.Database(db).execute("select id from articles").fetchone()[0]

    async def sources():
        database = Datasette([str(db)]).get_database()
        return await capture_sources(database, article_id, await versions(database, article_id))

    found = asyncio.run(sources())
    rows = [(r["captured"][:10], r["shown"], r["source"]) for r in found["rows"]]
    assert found["total"] == SHOWN + 6
    assert rows == [("2019-01-01", "version 1", "WARC file daily-2019.warc.gz"),
                    ("2019-02-03", "version 2", "WARC file daily-2019.warc.gz"),
                    ("2021-06-01", "version 3", "WARC file colleague-2021.warc.gz")]
    assert found["note"].startswith(f"3 of {SHOWN + 6} captures")
