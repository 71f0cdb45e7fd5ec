"""`gazette serve` end to end: a real server process over an archive filled by real `gazette fetch` runs of the
recorded fixtures (one article then changed, one gone), checked over HTTP (HTML and .json) and in headless
Chromium. One server for the whole module."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import pytest
import sqlite_utils

from .support import ROOT, expected_pages, gazette, json_lines, project_config, site_mirror, write_config

ARTICLE_NEW = "/eng/xw/wjbxw/202405/t20240515_11305672.html"          # fetched again, changed -> revision
ARTICLE_2015 = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"  # then 404 -> gone
HOSTILE = "/eng/xw/wjbxw/202405/t20240516_99999999.html"
HOSTILE_HTML = "&lt;script&gt;alert('x')&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
CHANGE_FROM, CHANGE_TO = "at the end of his tenure", "at the end of his tenure in Beijing, CORRECTED"
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
        second = gazette("fetch", "--json", mfa.url + ARTICLE_NEW, mfa.url + ARTICLE_2015, mfa.url + HOSTILE,
                         db=db, config=config)
        assert json_lines(second.stdout)[0]["status"] == "updated", second.stdout + second.stderr

        port = free_port()
        env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}
        process = subprocess.Popen([sys.executable, "-m", "crawler", "serve", "--port", str(port)], cwd=ROOT,
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        srv = Server(f"http://127.0.0.1:{port}", db)
        deadline = time.monotonic() + 30
        while True:
            try:
                if srv.get("/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, process.stdout.read()
            assert time.monotonic() < deadline, "gazette serve did not answer within 30 s"
            time.sleep(0.2)
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


def test_first_page_introduces_the_archive(server):
    html = server.html("/")
    assert "<h1>Gazette</h1>" in html
    assert 'name="_search"' in html and 'action="/gazette/articles"' in html
    for link in ("/gazette/search", "/gazette/latest_per_site", "/gazette/crawl_health", "/-/dashboards/term-over-time"):
        assert f'href="{link}"' in html
    status, headers, _ = server.get("/")
    assert headers["X-Robots-Tag"] == "noindex, nofollow"


def test_robots_txt_disallows_everything(server):
    status, _, text = server.get("/robots.txt")
    assert status == 200
    assert "User-agent: *" in text and "Disallow: /" in text.splitlines()


def test_writes_are_refused(server):
    before = archived(server, "select count(*) as n from articles")[0]["n"]
    for path in ("/gazette/articles", "/gazette/articles/-/insert", "/gazette/search", "/gazette",
                 "/-/messages"):
        status, _, text = server.get(path, method="POST", data=b"{}")
        assert status == 405, (path, status)
        assert "read-only" in text
    # arbitrary SQL is read only: a write statement is refused and the row stays
    status, _, text = server.get("/gazette.json?sql=" + urllib.request.quote("delete from articles"))
    assert status == 400 and "Statement must be a SELECT" in text
    assert archived(server, "select count(*) as n from articles")[0]["n"] == before
    assert server.json("/-/databases.json")[0]["is_mutable"] is True     # not immutable: crawls write meanwhile


def test_search_facets_and_newest_first(server):
    data = server.json("/gazette/articles.json?_search=ambassador&_extra=facet_results&_shape=objects")
    rows = data["rows"]
    want = archived(server, "select a.id from articles a join articles_fts f on f.rowid = a.rowid "
                            "where articles_fts match 'ambassador'")
    assert rows and {r["id"] for r in rows} == {w["id"] for w in want}
    dates = [r["published"] for r in rows if r["published"]]
    assert dates == sorted(dates, reverse=True)
    facets = data["facet_results"]
    assert {"site", "language", "year"} <= set(facets)
    counts = {f["value"]: f["count"] for f in facets["site"]["results"]}
    assert sum(counts.values()) == len(rows) and "mfa" in counts
    years = {f["value"]: f["count"] for f in facets["year"]["results"]}
    assert "2024" in years
    # the year facet filters
    narrowed = server.json("/gazette/articles.json?_search=ambassador&published__startswith=2024&_shape=objects")
    assert len(narrowed["rows"]) == years["2024"] and all(r["published"].startswith("2024") for r in narrowed["rows"])
    html = server.html("/gazette/articles?_search=ambassador")
    assert "Sun Weidong Meets with Albanian Ambassador" in html
    assert 'published__startswith=2024' in html                     # year facet link on the page


def test_full_text_search_query_highlights(server):
    rows = server.json("/gazette/search.json?q=ambassador&_shape=array")
    assert rows and all("\u27e6" in (r["snippet"] or "") + (r["title"] or "") for r in rows)
    html = server.html("/gazette/search?q=ambassador")
    assert "<mark>Ambassador</mark>" in html or "<mark>ambassador</mark>" in html
    assert server.json("/gazette/search.json?q=&_shape=array") == []      # empty search: no error, no rows


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


def test_changed_gone_and_crawl_health(server):
    changed = server.json("/gazette/changed_after_publication.json?site=&_shape=array")
    assert len(changed) == 1 and changed[0]["differs_in"] == "body" and changed[0]["site"] == "mfa"
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


def test_article_row_page(server):
    article = archived(server, "select * from articles where url like ?", ("%" + ARTICLE_NEW,))[0]
    html = server.html(f"/gazette/articles/{article['id']}")
    paragraphs = article["body"].split("\n\n")
    assert len(paragraphs) > 2
    for paragraph in paragraphs[:3]:
        assert f"<p>{paragraph.replace(chr(39), '&#39;')}</p>" in html
    assert "CORRECTED" in paragraphs[0]
    assert f'<a href="{article["url"]}" rel="nofollow noopener noreferrer">' in html
    assert '<h2 id="revisions">Revisions</h2>' in html and "1 earlier version of this article" in html
    revision = archived(server, "select * from revisions where article_id = ?", (article["id"],))[0]
    assert revision["seen_at"] in html and "CORRECTED" not in revision["body"]
    assert '<h2 id="urls">URLs</h2>' in html
    data = server.json(f"/gazette/articles/{article['id']}.json?_shape=objects")
    assert data["rows"][0]["body"] == article["body"]


def test_no_raw_article_html(server):
    row = archived(server, "select id, body from articles where body like '%<script>%'")[0]
    assert "<script>alert('x')</script>" in row["body"]
    for path in (f"/gazette/articles/{row['id']}", "/gazette/articles?_search=alert", "/gazette/search?q=alert"):
        html = server.html(path)
        assert "&lt;script&gt;" in html and "<script>alert" not in html, path     # (search marks "alert")
        assert "<img src=x" not in html and "&lt;img" in html, path


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install -y chromium)")
def test_search_page_in_headless_chromium(server, tmp_path):
    def dump(path: str) -> str:
        with tempfile.TemporaryDirectory(dir=tmp_path) as profile:
            proc = subprocess.run(
                [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                 "--virtual-time-budget=8000", "--dump-dom", server.base + path],
                capture_output=True, text=True, timeout=90)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc.stdout

    dom = dump("/gazette/articles?_search=ambassador")
    assert "Sun Weidong Meets with Albanian Ambassador" in dom
    assert 'class="rows-and-columns"' in dom and "year" in dom
    dom = dump("/gazette/search?q=ambassador")
    assert "<mark>" in dom
    dom = dump("/-/dashboards/term-over-time?term=ambassador")
    assert 'class="marks"' in dom                                    # the Vega-Lite chart was drawn


def test_metadata_describes_tables_and_lists_every_canned_query(server):
    data = server.json("/gazette.json")
    queries = {q["name"] for q in data["queries"]}
    assert {"latest_per_site", "search", "term_by_month", "changed_after_publication", "gone_from_site",
            "crawl_health"} <= queries
    assert "articles_naming_country" in queries                      # the mentions block (issue 8)
    html = server.html("/gazette/articles")
    assert "One record per article, newest first." in html
    metadata = server.json("/-/metadata.json")["databases"]["gazette"]["tables"]
    for table in ("articles", "revisions", "crawl_runs", "captures"):
        columns = {c for c in sqlite_utils.Database(server.db)[table].columns_dict}
        assert columns <= set(metadata[table]["columns"]), (table, columns - set(metadata[table]["columns"]))
