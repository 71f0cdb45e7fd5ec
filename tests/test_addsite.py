"""`gazette add-site`: four generated sites nobody configured (tests/addsite_sites.py), each on its own loopback
mirror: add-site proposes and appends a table, a full crawl with it archives every listed article with the right
title and date, and a second crawl costs one request per start page plus robots.txt. Also the refusals (exit 2
and 1, config untouched) and the pure inference on small pages."""
from __future__ import annotations

import re
import sqlite3
import tomllib
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
import tomli_w

from crawler import infer
from crawler.demo.mirror import Mirror
from crawler.demo.sites import LOOPBACK_DEFAULTS, read_config

from .addsite_sites import SITES
from .support import ROOT, gazette, json_lines

EXPECTED_KIND = {"trs-createpage": "trs", "trs-countpage": "trs", "chinadaily": "numbered", "wordpress": "wordpress",
                 "next-link": "next_link", "text-next": "next_link", "feed": "feed"}


def config_copy(directory):
    """The project's config with every site kept and politeness delays off (loopback only)."""
    raw = read_config(ROOT / "config")
    raw["defaults"] = {**raw["defaults"], **LOOPBACK_DEFAULTS}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    return directory


@pytest.fixture
def served(request):
    mirror = Mirror()
    site = SITES[request.param](mirror, seed=len(request.param))
    yield request.param, site
    mirror.close()


@pytest.mark.parametrize("served", list(SITES), indirect=True)
def test_add_site_then_crawl(served, tmp_path):
    name, site = served
    config = config_copy(tmp_path / "config")
    before = (config / "sites.toml").read_text(encoding="utf-8")
    db = tmp_path / "gazette.db"
    key = f"gen-{name}"
    run = gazette("add-site", site.start_url, "--key", key, "--yes", "--json", db=db, config=config)
    assert run.returncode == 0, run.stderr
    proposal = json_lines(run.stdout)[0]
    assert proposal["written"] is True
    after = (config / "sites.toml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")), "the table is appended, the file is not rewritten"
    table = tomllib.loads(after)["sites"][key]
    assert set(tomllib.loads(after)["sites"]) == set(tomllib.loads(before)["sites"]) | {key}
    assert table["pagination"] == EXPECTED_KIND[name]
    assert table["hosts"] == [site.mirror.host]
    pattern = re.compile(table["article_pattern"])
    assert all(pattern.search(path) for path, _, _ in site.articles)
    assert not pattern.search("/english/about/") and not pattern.search(site.start_paths[0])
    if name != "feed":
        assert table["selectors"]["listing_item"] and table["selectors"]["listing_date"]
    assert {"title", "published", "body"} <= set(table["selectors"]), "each site has one stable element for each"
    assert len(proposal["preview"]) == 3
    titles = {t for _, t, _ in site.articles}
    assert all(p["title"] in titles and p["first_paragraph"] for p in proposal["preview"])
    if name == "wordpress":
        assert table["feed_urls"] == [site.mirror.url + "/feed/"]

    check = gazette("check", key, db=db, config=config)
    assert check.returncode == 0, check.stdout + check.stderr  # gazette check finds the table fits the site

    site.mirror.reset_log()
    crawl = gazette("crawl", key, "--full", "--json", db=db, config=config)
    assert crawl.returncode == 0, crawl.stderr + crawl.stdout
    summary = json_lines(crawl.stdout)[0]
    assert summary["status"] == "ok" and summary["failed"] == 0, summary
    with sqlite3.connect(db) as conn:
        rows = {url: (title, published) for url, title, published in
                conn.execute("select url, title, published from articles where site = ?", [key])}
        bodies = [body for (body,) in conn.execute("select body from articles where site = ?", [key])]
    # the crawler paged exactly as add-site did, page for page (crawler/listing.py serves both), to the last page
    read = [p for p in site.mirror.requests if p in site.listing_paths]
    assert read == [urlsplit(u).path for u in proposal["evidence"]["listing_pages"]] == site.listing_paths
    expected = {site.mirror.url + path: (title, date) for path, title, date in site.articles}
    assert set(rows) == set(expected)
    for url, (title, date) in expected.items():
        assert rows[url][0] == title
        assert rows[url][1][:10] == date, url
    # lines the generated pages repeat inside the body container were proposed as boilerplate and are gone
    assert all(body and "【Print】" not in body and "Share this:" not in body for body in bodies)

    site.mirror.reset_log()
    again = gazette("crawl", key, "--json", db=db, config=config)
    assert again.returncode == 0, again.stderr
    assert json_lines(again.stdout)[0]["new"] == 0
    assert sorted(site.mirror.requests) == sorted(["/robots.txt"] + site.start_paths)


def test_boilerplate_line_repeated_in_bodies_is_proposed(tmp_path):
    mirror = Mirror()
    try:
        site = SITES["trs-createpage"](mirror, seed=7)
        config = config_copy(tmp_path / "config")
        run = gazette("add-site", site.start_url, "--key", "lingnan", "--json", db=tmp_path / "db", config=config)
        assert run.returncode == 0, run.stderr
        proposal = json_lines(run.stdout)[0]
        assert proposal["written"] is False, "without --yes and no terminal nothing is written"
        assert "lingnan" not in tomllib.loads((config / "sites.toml").read_text())["sites"]
        assert proposal["table"]["boilerplate"]["lines"] == ["【Print】 【Close】"]
        assert all("【Print】" not in p["first_paragraph"] for p in proposal["preview"])
        assert proposal["table"]["selectors"]["body"] == ["div#zoom"]
    finally:
        mirror.close()


def test_refusals_leave_the_config_untouched(tmp_path):
    config = config_copy(tmp_path / "config")
    before = (config / "sites.toml").read_bytes()
    db = tmp_path / "db"
    mirror = Mirror()
    try:
        site = SITES["chinadaily"](mirror, seed=3)
        mirror.set("/empty.html", "<html><body><p>Nothing listed here.</p><a href='/about.html'>About</a></body></html>")
        cases = [
            (["not a url"], 2, "not an http(s) URL"),
            ([mirror.url + "/empty.html"], 2, "not a listing"),
            ([mirror.url + site.articles[0][0]], 2, "not a listing"),
            ([mirror.url + "/missing.html"], 2, "HTTP 404"),
            ([site.start_url, "--key", "mfa"], 2, "already configured"),
            (["http://www.fmprc.gov.cn/eng/xw/zyxw/"], 2, "already belongs to site 'mfa'"),
        ]
        related = "".join(f'<li><a href="/2024-0{k}/0{k}/c_{k}00.htm">Related story number {k} about trade</a></li>'
                          for k in range(1, 5))
        mirror.set("/2024-05/05/c_500.htm", f"<html><body><h1>An article</h1><p>Text.</p><ul>{related}</ul></body></html>")
        cases.append(([mirror.url + "/2024-05/05/c_500.htm"], 2, "has the shape of the article links it holds"))
        mirror.set("/admin/list.html", "<html></html>")
        cases.append(([mirror.url + "/admin/list.html", "--key", "x"], 1, "robots.txt"))
        with _closed_port() as port:
            cases.append(([f"http://127.0.0.1:{port}/news/", "--key", "x"], 1, "cannot reach"))
        # each refusal its own `gazette add-site` process, four side by side: one after another they waited on each
        # other's start-up and network round trips (the closed port's connection is retried)
        with ThreadPoolExecutor(4) as pool:
            runs = list(pool.map(lambda case: gazette("add-site", *case[0], "--yes", db=db, config=config), cases))
        for (args, code, message), run in zip(cases, runs):
            assert run.returncode == code, (args, run.stdout, run.stderr)
            assert message in run.stderr, (args, run.stderr)
        assert (config / "sites.toml").read_bytes() == before
    finally:
        mirror.close()


class _closed_port:
    """A loopback port nobody listens on."""
    def __enter__(self):
        import socket
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        return self.port

    def __exit__(self, *exc):
        return False


# -- pure inference ------------------------------------------------------------------------------------------

def test_shape_generalises_dates_and_ids():
    assert infer.shape_regex(["/news/202403/t20240301_123.html", "/news/202402/t20240229_98765.html"]) == \
        r"^/news/\d{6}/t\d{8}_\d+\.html$"
    assert infer.shape_regex(["/2024-03/01/c_961.htm", "/2023-12/31/c_9999.htm"]) == r"^/\d{4}-\d{2}/\d{2}/c_\d+\.htm$"
    assert infer.shape_regex(["/2024/03/01/a-b-c/", "/2024/02/11/d-e-f/"]) == r"^/\d{4}/\d{2}/\d{2}/[^/]+/$"
    assert infer.shape_regex(["/en/content/post_12.html", "/en/content/post_3456.html"]) == \
        r"^/en/content/post_\d+\.html$"


def test_navigation_on_every_listing_page_is_not_an_article():
    nav = "".join(f'<a href="/section/{n}/item_{n}.html">Section number {n} of the site</a>' for n in range(6))

    def page(n):
        items = "".join(f'<li><a href="/news/2024/c_{n * 10 + k}.html">Story {n} {k} about trade</a></li>'
                        for k in range(4))
        return infer.Page(f"http://x.test/news/list_{n}.html", f"<html><body>{nav}<ul class='l'>{items}</ul></body></html>")

    shape = infer.article_shape([page(1), page(2)], ["x.test"])
    assert shape.pattern == r"^/news/\d{4}/c_\d+\.html$"
    assert shape.rejected_navigation == 6


@pytest.mark.parametrize("html,kind,count", [
    ('<script>createPageHTML(12, 0, "index", "shtml");</script>', "trs", 12),
    ("<script>var countPage = 7//共多少页</script>", "trs", 7),
    ('<a href="/news/page/2/">2</a><a href="/news/page/9/">9</a>', "wordpress", 9),
    ('<a href="/stories_2.html">2</a><a href="/stories_4.html">4</a>', "numbered", 4),
    ('<a rel="next" href="/list?p=2">more</a>', "next_link", None),
    ('<link rel="alternate" type="application/rss+xml" href="/feed/">', "none", None),
])
def test_pagination_kinds(html, kind, count):
    url = "http://x.test/news/" if "page/" in html else "http://x.test/stories.html"
    found = infer.detect(infer.Page(url, f"<html><head></head><body>{html}</body></html>"), ["x.test"])
    assert (found.kind, found.count) == (kind, count)
    if kind == "none":
        assert found.feed_urls == ["http://x.test/feed/"]


def test_site_key_from_host():
    assert infer.site_key("http://english.guizhou.gov.cn/hotnews/") == "guizhou"
    assert infer.site_key("https://www.eguizhou.gov.cn/2023guizhoulatest.html") == "eguizhou"
    assert infer.site_key("http://127.0.0.1:8123/news/") == "site-8123"


def test_home_place_from_the_sites_name_or_host():
    """add-site writes a site's `province` (and `city`) when its name or hosts name exactly one of the gazetteers'."""
    from pipelines.meetings import load

    rules = load()

    def place(name, host):
        return infer.home_place(name, [host], rules.provinces, rules.cities)

    assert place("Guizhou Provincial Government (English)", "www.eguizhou.gov.cn") == ("CN-GZ", None)
    assert place("Hunan Provincial People's Government", "enghunan.gov.cn") == ("CN-HN", None)
    assert place("iChongqing", "www.ichongqing.info") == ("CN-CQ", None)
    assert place("Shenzhen Government Online", "www.sz.gov.cn") == ("CN-GD", "Shenzhen")
    assert place("Ministry of Foreign Affairs of the People's Republic of China", "www.fmprc.gov.cn") is None
    assert place("Hunan and Guizhou news", "news.example.org") is None  # two provinces: none proposed
    assert place("Site", "127.0.0.1:8080") is None


def test_articles_on_another_host_of_the_same_domain():
    items = "".join(f'<li><a href="http://english.x.gov.cn/news/2024-0{k}/01/c_{k}.htm">Governor meets envoy {k} '
                    f'in the capital</a></li>' for k in range(1, 5))
    nav = '<a href="/about.html">About</a><a href="http://www.other.com/2024-01/01/c_9.htm">Elsewhere now</a>'
    page = infer.Page("http://www.x.gov.cn/en/list.html", f"<html><body>{nav}<ul>{items}</ul></body></html>")
    shape = infer.article_shape_on_site([page], infer.site_hosts(page.url))
    assert shape.hosts == ["www.x.gov.cn", "x.gov.cn", "english.x.gov.cn"]
    assert shape.pattern == r"^/news/\d{4}-\d{2}/\d{2}/c_\d+\.htm$"
    with pytest.raises(infer.NotAListing):
        infer.article_shape_on_site([infer.Page("http://www.y.gov.cn/", f"<html><body>{nav}</body></html>")],
                                    ["www.y.gov.cn"])


def test_a_table_that_does_not_load_is_not_written(tmp_path):
    from crawler.addsite import AddSiteError, append_table

    path = config_copy(tmp_path / "config") / "sites.toml"
    before = path.read_bytes()
    with pytest.raises(AddSiteError, match="not written: .*site 'bad': key 'name' must be a str"):
        append_table(path, "bad", '[sites.bad]\nname = 1\nbase_url = "http://b.test"\nhosts = ["b.test"]\n'
                                  'start_urls = ["http://b.test/"]\narticle_pattern = "^/a/"\n')
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["sites.toml"]
    append_table(path, "good", '[sites.good]\nname = "Good"\nbase_url = "http://g.test"\nhosts = ["g.test"]\n'
                               'start_urls = ["http://g.test/"]\narticle_pattern = "^/a/"\n')
    assert path.read_bytes().startswith(before.rstrip(b"\n"))
    assert tomllib.loads(path.read_text())["sites"]["good"]["name"] == "Good"
    assert sorted(p.name for p in path.parent.iterdir()) == ["sites.toml"]


def test_a_feed_as_start_page(tmp_path):
    mirror = Mirror()
    try:
        site = SITES["wordpress"](mirror, seed=11)
        config = config_copy(tmp_path / "config")
        db = tmp_path / "gazette.db"
        run = gazette("add-site", mirror.url + "/feed/", "--key", "dongshan", "--yes", "--json", db=db, config=config)
        assert run.returncode == 0, run.stderr
        proposal = json_lines(run.stdout)[0]
        table = proposal["table"]
        assert (table["pagination"], table["start_urls"]) == ("feed", [mirror.url + "/feed/"])
        assert [p["title"] for p in proposal["preview"]] == [t for _, t, _ in site.articles[:3]]
        assert table["selectors"]["body"] == ["div.entry-content"]
        assert table["article_pattern"] == r"^/\d{4}/\d{2}/\d{2}/[^/]+/$"
        crawl = gazette("crawl", "dongshan", "--full", "--json", db=db, config=config)
        assert crawl.returncode == 0, crawl.stderr
        with sqlite3.connect(db) as conn:
            rows = dict(conn.execute("select url, published from articles where site = 'dongshan'").fetchall())
        assert {url: published[:10] for url, published in rows.items()} == {
            mirror.url + path: date for path, _, date in site.articles[:10]}
    finally:
        mirror.close()


def test_confirmation_on_a_terminal(tmp_path):
    """On a terminal without --yes, the table is shown and appended only after a yes at the prompt."""
    import os
    import pty
    import select
    import subprocess
    import sys
    import time

    mirror = Mirror()
    try:
        site = SITES["trs-countpage"](mirror, seed=5)
        config = config_copy(tmp_path / "config")
        for answer, written in (("n", False), ("y", True)):
            master, slave = pty.openpty()
            env = {**os.environ, "GAZETTE_DB": str(tmp_path / "db"), "GAZETTE_CONFIG": str(config)}
            proc = subprocess.Popen([sys.executable, "-m", "crawler", "add-site", site.start_url, "--key", "beiling"],
                                    cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave)
            os.close(slave)
            output, deadline = b"", time.time() + 120
            while b"[y/N]" not in output and time.time() < deadline:
                if select.select([master], [], [], 1)[0]:
                    output += os.read(master, 4096)
            assert b"Preview (extracted with the table above)" in output and b"[sites.beiling]" in output
            os.write(master, answer.encode() + b"\n")
            assert proc.wait(timeout=60) == 0, output
            try:
                while select.select([master], [], [], 1)[0] and (chunk := os.read(master, 4096)):
                    output += chunk
            except OSError:  # the terminal closed with the process
                pass
            os.close(master)
            assert ("beiling" in tomllib.loads((config / "sites.toml").read_text())["sites"]) is written
            assert (b"appended [sites.beiling]" in output) is written
    finally:
        mirror.close()


def test_menus_are_no_article_shape_and_one_dated_headline_is():
    menu = "".join(f'<a href="/{lang}/">{lang.upper()}</a>' for lang in ("ara", "esp", "rus", "fra", "web", "eng"))
    with pytest.raises(infer.NotAListing):
        infer.article_shape([infer.Page("http://x.test/eng/news/", f"<html><body>{menu}</body></html>")], ["x.test"])
    one = '<ul><li><a href="./202405/t20240522_11309950.html">Li Qiang Meets with Prime Minister of Laos</a></li></ul>'
    shape = infer.article_shape([infer.Page("http://x.test/eng/news/", f"<html><body>{menu}{one}</body></html>")],
                                ["x.test"])
    assert shape.pattern == r"^/eng/news/\d{6}/t\d{8}_\d+\.html$"


def test_article_file_names_of_one_kind_in_other_directories_join_the_pattern():
    links = [f'<li><a href="/eng/xw/{m}/t2024{m[4:]}0{k}_{k}.html">Minister meets envoy number {k}</a></li>'
             for k, m in enumerate(("202405", "202404", "202403"), 1)]
    links.append('<li><a href="/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html">Envoys visit '
                 'Guizhou Province</a></li>')
    page = infer.Page("http://x.test/eng/xw/", f"<html><body><ul>{''.join(links)}</ul></body></html>")
    pattern = re.compile(infer.article_shape([page], ["x.test"]).pattern)
    assert pattern.pattern == r"^/eng/xw/\d{6}/t\d{8}_\d+\.html$|^/mfa_eng/wjdt_\d+/\d+_\d+/\d{6}/t\d{8}_\d+\.html$"


def test_a_start_page_that_redirects_to_another_host(tmp_path):
    """localhost:PORT/old/ redirects to 127.0.0.1:PORT/english/news/: the table starts at the page that answered
    and owns both hosts; its crawl archives every listed article."""
    mirror = Mirror()
    try:
        site = SITES["trs-createpage"](mirror, seed=2)
        mirror.set("/old/", b"", status=301, headers={"Location": site.start_url})
        config = config_copy(tmp_path / "config")
        db = tmp_path / "gazette.db"
        port = mirror.host.split(":")[1]
        run = gazette("add-site", f"http://localhost:{port}/old/", "--key", "moved", "--yes", "--json", db=db,
                      config=config)
        assert run.returncode == 0, run.stderr
        table = json_lines(run.stdout)[0]["table"]
        assert table["start_urls"] == [site.start_url]
        assert set(table["hosts"]) == {mirror.host, f"localhost:{port}"}
        crawl = gazette("crawl", "moved", "--full", "--json", db=db, config=config)
        assert json_lines(crawl.stdout)[0]["new"] == len(site.articles), crawl.stdout + crawl.stderr
    finally:
        mirror.close()


def test_the_table_is_valid_toml_whatever_the_strings():
    from crawler.addsite import render_table

    table = {"name": 'The "Quoted" Site \\ 省政府', "base_url": "http://q.test", "hosts": ["q.test"],
             "start_urls": ["http://q.test/news/"], "article_pattern": r"^/it's/\d+\.html$",
             "listing_pattern": r"^/news/(?:index(?:_\d+)?\.html)?$", "pagination": "trs",
             "revisit": {"after_days": [1, 7, 30], "max_per_run": 50},
             "selectors": {"title": ["h1.t", "meta[property='og:title']::attr(content)"]},
             "boilerplate": {"lines": ["【Print】 【Close】", 'Say "hi"\ttab']}}
    text = render_table("q", table, {"listing_pages": ["http://q.test/news/"], "pagination": "trs (x)"})
    assert tomllib.loads(text)["sites"]["q"] == table
    assert "listing_pattern = '^/news/(?:index(?:_\\d+)?\\.html)?$'" in text, "regexes as literal strings"
