"""`gazette crawl` end to end: real Scrapy crawls of each site's loopback mirror into a temporary archive."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from urllib.parse import urlsplit

import sqlite_utils

from crawler import config as config_module
from pipelines.normalise import article_id

from .support import FIXTURES, ROOT, expected_pages, gazette, json_lines, project_config, taken_down

SITES = ["mfa", "guizhou", "hunan", "chongqing", "shenzhen", "guangdong"]
FIELDS = ("title", "published", "byline", "body", "captions")


def english_pages(site):
    """The recorded article pages the site's English listings link (MFA's Chinese /web/ pages are not, nor the
    pages of other templates and eras recorded for extraction only, marked `"listed": false`)."""
    return [(path, want) for _, path, _, want in expected_pages(site)
            if not path.startswith("/web/") and want.get("listed", True)]


def article_path(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def start_paths(site: str) -> list[str]:
    table = project_config()["sites"][site]
    return [urlsplit(u).path for u in table["start_urls"] + table.get("feed_urls", [])]


def is_listing(site: str, path: str) -> bool:
    """A start page or a further listing page of the site (its listing_pattern)."""
    pattern = project_config()["sites"][site].get("listing_pattern")
    return path in start_paths(site) or bool(pattern and re.search(pattern, path))


def last_run(db):
    return list(sqlite_utils.Database(db).query("select * from crawl_runs order by id desc limit 1"))[0]


def test_full_then_incremental_crawl_of_every_site(mirrors, mirrored_config, db):
    """All six sites in one process (one crawler each), then again: the second crawl only reads start pages."""
    sites = {site: mirrors(site) for site in SITES}
    cfg_dir = mirrored_config(sites)
    proc = gazette("crawl", "--json", "--full", "--all", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    summaries = {s["site"]: s for s in json_lines(proc.stdout)}
    assert list(summaries) == SITES
    config = config_module.load(cfg_dir)
    archive = sqlite_utils.Database(db)
    for site, mirror in sites.items():
        summary, pages = summaries[site], english_pages(site)
        assert summary["status"] == "ok" and summary["failed"] == 0, summary
        assert summary["new"] == len(pages) >= 6, site
        assert set(summary) == {"site", "run_id", "status", "requests", "new", "updated", "unchanged", "duplicate",
                                "failed", "gone", "fell_back", "removed", "restored", "bytes", "errors"}
        # every article requested once, stored once, with its expected fields
        articles = [p for p in mirror.requests if p != "/robots.txt" and not is_listing(site, p)]
        assert len(articles) == len(set(articles)) == len(pages), site
        assert summary["requests"] == len(mirror.requests), site
        assert archive.execute("select count(*) from articles where site = ?", [site]).fetchone()[0] == len(pages)
        for path, want in pages:
            row = archive["articles"].get(article_id(config.sites[site].canonical(mirror.url + article_path(path))))
            got = {**row, "captions": json.loads(row["captions"])}
            for name in FIELDS:
                if name in want:
                    assert got[name] == want[name], f"{name} of {site} {path}"
            assert row["layer"] == want.get("layer", "site")
            if want.get("listed_published"):  # the day listed (a feed lists the time too)
                assert row["listed_published"][:10] == want["listed_published"]
        assert summary["fell_back"] == sum(1 for _, want in pages if want.get("layer", "site") != "site")
        mirror.reset_log()

    # unchanged sites: one request per start page, plus robots.txt
    again = gazette("crawl", "--json", *SITES, db=db, config=cfg_dir)
    assert again.returncode == 0, again.stderr
    for summary in json_lines(again.stdout):
        site = summary["site"]
        assert sorted(sites[site].requests) == sorted(["/robots.txt"] + start_paths(site)), site
        assert summary["new"] == 0 and summary["requests"] == len(start_paths(site)) + 1
    assert archive["articles"].count == sum(len(english_pages(s)) for s in SITES)


GD_NEW = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{date} 10:00"><title>{title}</title></head><body>
<div class="article"><h3 class="article-title">{title}</h3><div class="article-content"><div class="TRS_UEDITOR">
<p>{title}: the Foreign Affairs Office of Guangdong Provincial People's Government received the delegation and
both sides discussed cooperation in trade, education and culture between their friendship cities.</p>
<p>The two sides agreed to keep close contact and to hold more exchanges in the coming year.</p>
</div></div></div></body></html>"""


def test_new_articles_cost_their_requests_and_the_listing_pages_before_them(mirrors, mirrored_config, db):
    mirror = mirrors("guangdong")
    cfg_dir = mirrored_config({"guangdong": mirror})
    assert gazette("crawl", "guangdong", db=db, config=cfg_dir).returncode == 0
    new = [("/2024-05/28/c_4420001.htm", "Guangdong Meets Consul General of Chile", "2024-05-28"),
           ("/2024-05/30/c_4420777.htm", "Friendship City Delegation from Osaka Visits Guangzhou", "2024-05-30")]
    for path, title, date in new:
        mirror.set(path, GD_NEW.format(title=title, date=date))
    listing = (FIXTURES / "guangdong/guangdongstories_7.html").read_text("utf-8")
    items = "".join(f'<div class="mb10 tw3_01_2"><span class="tw3_01_2_t"><h4><a href="{p}">{t}</a></h4><b>{d}</b>'
                    '</span></div>\n' for p, t, d in reversed(new))
    listing = listing.replace('<div class="left-liebiao">\n', '<div class="left-liebiao">\n' + items, 1)
    mirror.set("/guangdongstories_7.html", mirror.rewrite(listing.encode("utf-8")))  # its links onto the mirror
    mirror.reset_log()
    proc = gazette("crawl", "--json", "guangdong", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    [summary] = json_lines(proc.stdout)
    assert summary["new"] == 2 and summary["unchanged"] == 0
    # the 2 new articles + page 1 (had new ones) + page 2 (all archived: paging stops there) + robots.txt
    assert sorted(mirror.requests) == sorted(["/robots.txt", "/guangdongstories_7.html", "/guangdongstories_7_2.html"]
                                             + [p for p, _, _ in new])
    rows = {r["title"]: r for r in sqlite_utils.Database(db)["articles"].rows_where("site = 'guangdong'")}
    assert rows["Guangdong Meets Consul General of Chile"]["published"] == "2024-05-28T10:00:00"


def test_max_pages_bounds_listing_depth(mirrors, mirrored_config, db):
    mirror = mirrors("shenzhen")
    cfg_dir = mirrored_config({"shenzhen": mirror})
    proc = gazette("crawl", "--json", "--full", "--max-pages", "1", "shenzhen", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    assert not any("index_1" in p for p in mirror.requests)
    assert json_lines(proc.stdout)[0]["new"] == 2  # the first listing page holds two articles


def test_changed_selectors_fall_back_and_the_run_records_it(mirrors, mirrored_config, db):
    mirror = mirrors("guizhou")
    raw = project_config()
    raw["sites"]["guizhou"]["selectors"].update(title=["h1.renamed::text"], body=["div.renamed-body"],
                                                listing_item=["ul.renamed li"])
    cfg_dir = mirrored_config({"guizhou": mirror}, raw=raw)
    proc = gazette("crawl", "--json", "--full", "guizhou", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    [summary] = json_lines(proc.stdout)
    pages = english_pages("guizhou")
    assert summary["new"] == len(pages) and summary["fell_back"] == len(pages)
    assert any("listing selectors no longer fit" in e for e in summary["errors"])
    archive = sqlite_utils.Database(db)
    layers = {r["layer"] for r in archive["articles"].rows}
    assert layers <= {"trs", "generic"} and "trs" in layers
    bodies = {r["title"]: r["body"] for r in archive["articles"].rows}
    for _, want in pages:  # the text still arrives, without the site's boilerplate
        assert want["body"].split("\n\n")[0] in bodies[want["title"]]
        assert "Eyesight Protection" not in bodies[want["title"]]
    status = json_lines(gazette("status", "--json", db=db, config=cfg_dir).stdout)[0]
    assert any("most articles fell back" in w for w in status["warnings"])


def test_failing_sites_fail_their_own_runs_while_all_goes_on(mirrors, mirrored_config, db):
    ok = mirrors("mfa")
    broken = mirrors("hunan")
    for path in start_paths("hunan"):
        broken.set(path, "<html><body>Internal error</body></html>", status=503)
    looping = mirrors("guangdong")
    looping.set("/guangdongstories_7.html", b"", status=302, headers={"Location": "/guangdongstories_7_1.html"})
    looping.set("/guangdongstories_7_1.html", b"", status=302, headers={"Location": "/guangdongstories_7.html"})
    slow = mirrors("shenzhen")
    slow.set("/en_szgov/news/latest/index.html", "<html></html>", delay=2.5)
    down = mirrors("guizhou")
    held = taken_down(down)  # nothing listens on its port any more
    cfg_dir = mirrored_config({"mfa": ok, "hunan": broken, "guangdong": looping, "shenzhen": slow,
                               "guizhou": down}, download_timeout=1, retry_times=0)
    proc = gazette("crawl", "--json", "--all", db=db, config=cfg_dir)
    assert proc.returncode == 1
    summaries = {s["site"]: s for s in json_lines(proc.stdout)}
    assert summaries["mfa"]["status"] == "ok" and summaries["mfa"]["new"] == len(english_pages("mfa"))
    for site, words in {"hunan": "HTTP 503", "guangdong": "redirect", "shenzhen": "timed out",
                        "guizhou": "connection refused"}.items():
        assert summaries[site]["status"] == "failed", site
        assert any(words in e for e in summaries[site]["errors"]), (site, summaries[site]["errors"])
        assert summaries[site]["errors"][0].startswith(f"site {site} failed: no start page could be read")
    rows = {r["site"]: r for r in sqlite_utils.Database(db).query("select * from crawl_runs")}
    assert {r["status"] for s, r in rows.items() if s != "mfa"} == {"failed"} and rows["mfa"]["status"] == "ok"
    plain = gazette("crawl", "guizhou", db=db, config=cfg_dir)
    held.close()
    assert plain.returncode == 1 and "connection refused" in plain.stdout and "Traceback" not in plain.stderr


def test_soft_404_of_a_listed_article_is_recorded_once(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    cfg_dir = mirrored_config({"mfa": mirror})
    deleted = "/eng/xw/wjbxw/202405/t20240512_11303000.html"
    mirror.set(deleted, b"", status=302, headers={"Location": "/web/system/index_17321.shtml"})
    listing = (FIXTURES / "mfa/eng/xw/wjbxw/index.html").read_text("utf-8")
    mirror.set("/eng/xw/wjbxw/", listing.replace(
        '<ul class="list1">\n', '<ul class="list1">\n<li><a href="./202405/t20240512_11303000.html">Deleted</a>'
        '<span>2024-05-12</span></li>\n', 1))
    proc = gazette("crawl", "--json", "mfa", db=db, config=cfg_dir)
    [summary] = json_lines(proc.stdout)
    assert proc.returncode == 1 and summary["status"] == "ok" and summary["failed"] == 1  # a page failed: exit 1
    assert any(deleted in e and "soft 404" in e for e in summary["errors"])
    assert sqlite_utils.Database(db)["articles"].count == len(english_pages("mfa"))
    mirror.reset_log()
    assert gazette("crawl", "mfa", db=db, config=cfg_dir).returncode == 0
    assert deleted not in mirror.requests and len(mirror.requests) == len(start_paths("mfa")) + 1


def test_sigterm_closes_the_run_as_interrupted(mirrors, mirrored_config, db):
    mirror = mirrors("hunan")
    for path, _ in english_pages("hunan"):
        mirror.set(path, (FIXTURES / "hunan" / path.lstrip("/")).read_bytes(), delay=1.0,
                   content_type="text/html; charset=utf-8")
    cfg_dir = mirrored_config({"hunan": mirror})
    env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(cfg_dir)}
    child = subprocess.Popen([sys.executable, "-m", "crawler", "crawl", "--json", "--full", "hunan"], cwd=ROOT,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 20
    while time.time() < deadline and not any("/2020" in p for p in mirror.requests):
        time.sleep(0.1)
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 1, err
    [summary] = json_lines(out)
    assert summary["status"] == "interrupted"
    assert last_run(db)["status"] == "interrupted" and last_run(db)["finished"]


def test_usage_errors(db):
    assert gazette("crawl", db=db).returncode == 2
    proc = gazette("crawl", "nowhere", db=db)
    assert proc.returncode == 2 and "unknown site 'nowhere'" in proc.stderr
    # a typo is the researcher's, not the config's ("config error: unknown site ..."), and the likely key is named
    typo = gazette("crawl", "mfa_zh", db=db)
    assert typo.returncode == 2 and typo.stderr.strip().splitlines() == [
        "gazette: unknown site 'mfa_zh' (did you mean 'mfa-zh'? configured: chongqing, guangdong, guizhou, hunan, "
        "mfa, mfa-zh, shenzhen)"], typo.stderr
    assert gazette("crawl", "--all", "mfa", db=db).returncode == 2


def test_site_rules_from_the_newer_evidence():
    """MFA: both hosts, spokesperson photo pages are not articles; China Daily-built article shapes."""
    config = config_module.load()
    mfa, guizhou, guangdong = config.sites["mfa"], config.sites["guizhou"], config.sites["guangdong"]
    press = "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/202405/t20240517_11306001.html"
    assert mfa.owns(press) and mfa.is_article(press)
    assert mfa.canonical(press) == "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202405/t20240517_11306001.html"
    for photos in ("mn", "lj", "gjk"):
        assert not mfa.is_article(f"https://www.fmprc.gov.cn/eng/xw/fyrbt/{photos}/202403/t20240301_11251001.html")
    assert guizhou.is_article("https://www.eguizhou.gov.cn/guiyang/2019-11/15/c_6287754.htm")
    assert guizhou.is_article("https://www.eguizhou.gov.cn/2020-12/21/c_6731205.htm")
    assert not guizhou.is_article("https://www.eguizhou.gov.cn/2023guizhoulatest_2.html")
    assert guangdong.is_article("http://en.gdfao.gov.cn/2024-05/20/c_4416802.htm")
    assert guangdong.is_article("http://en.gdfao.gov.cn/GDFAO/function/content/post_164505.html")


def test_numbered_pages_follow_the_linked_next_page_and_stop_at_the_last(mirrors, mirrored_config, db):
    """Guangdong starts at guangdongstories_7 (no guangdongstories_8 linked): its '>' link leads to _7_2, then
    _7_3 is the linked next page; the last page links no further page. A next page off listing_pattern is not
    followed."""
    mirror = mirrors("guangdong")
    cfg_dir = mirrored_config({"guangdong": mirror})
    proc = gazette("crawl", "--json", "--full", "guangdong", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    listings = [p for p in mirror.requests if is_listing("guangdong", p)]
    assert listings == ["/guangdongstories_7.html", "/guangdongstories_7_2.html", "/guangdongstories_7_3.html"]
    raw = project_config()
    raw["sites"]["guangdong"]["listing_pattern"] = r"^/guangdongstories_7\.html$"
    mirror.reset_log()
    cfg_dir = mirrored_config({"guangdong": mirror}, raw=raw)
    fresh = db.with_name("other.db")
    assert gazette("crawl", "--json", "--full", "guangdong", db=fresh, config=cfg_dir).returncode == 0
    assert [p for p in mirror.requests if "guangdongstories" in p] == ["/guangdongstories_7.html"]


# -- bounds on listings (issue 20 item 9) ------------------------------------------------------------------------

def listing_site(mirror, pagination: str) -> dict:
    """A config of one site `endless` on this mirror: articles /news/N.html, listings /list*.html."""
    raw = project_config()
    raw["sites"] = {"endless": {"name": "Endless", "base_url": "http://example.test", "hosts": ["example.test"],
                                "start_urls": ["http://example.test/list.html"], "article_pattern": r"^/news/\d+\.html$",
                                "listing_pattern": r"^/list(_\d+)?\.html$", "pagination": pagination}}
    return raw


ARTICLE = ("<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{title}: the foreign affairs office "
           "received the delegation and both sides discussed trade and culture.</p></body></html>")


def test_endless_pagination_stops_at_the_default_bound_and_says_so(mirrors, mirrored_config, db):
    from crawler.spiders.site import DEFAULT_MAX_PAGES
    mirror = mirrors()
    mirror.set("/news/1.html", ARTICLE.format(title="Delegation of a friendship city visits the province"))
    for n in range(1, DEFAULT_MAX_PAGES + 20):  # pages on and on: list.html, list_2.html, list_3.html ...
        path = "/list.html" if n == 1 else f"/list_{n}.html"
        mirror.set(path, f'<html><body><ul><li><a href="/news/1.html">Delegation visits</a></li></ul>'
                         f'<div class="pages"><a href="/list_{n + 1}.html">{n + 1}</a></div></body></html>')
    cfg_dir = mirrored_config({"endless": mirror}, raw=listing_site(mirror, "numbered"))
    proc = gazette("crawl", "--full", "endless", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    assert mirror.count(lambda p: p.startswith("/list")) == DEFAULT_MAX_PAGES
    assert f"stopped after {DEFAULT_MAX_PAGES} listing pages (the default bound" in proc.stdout, proc.stdout
    assert "--max-pages" in proc.stdout


def test_a_page_count_of_5000_digits_is_no_page_count(mirrors, mirrored_config, db):
    mirror = mirrors()
    count = "9" * 5000
    titles = {n: f"Provincial governor meets the consul general number {n}" for n in range(1, 7)}
    for n, title in titles.items():
        mirror.set(f"/news/{n}.html", ARTICLE.format(title=title))
    for page, numbers in ((0, (1, 2, 3)), (1, (4, 5, 6))):
        items = "".join(f'<li><a href="/news/{n}.html">{titles[n]}</a></li>' for n in numbers)
        following = '<a href="list_1.html">Next</a>' if page == 0 else ""
        mirror.set("/list.html" if page == 0 else "/list_1.html",
                   f"<html><body><ul>{items}</ul><script>var countPage = {count}; var currentPage = {page};</script>"
                   f"{following}</body></html>")
    cfg_dir = mirrored_config({"endless": mirror}, raw=listing_site(mirror, "trs"))
    proc = gazette("crawl", "--full", "--json", "endless", db=db, config=cfg_dir)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    [summary] = json_lines(proc.stdout)
    assert summary["status"] == "ok" and summary["new"] == 6, summary  # both pages read, by the Next link
    assert any("page count a number of 5,000 digits in the pager script ignored" in e for e in summary["errors"])
    cfg_dir = mirrored_config({}, raw=listing_site(mirror, "trs"))  # add-site: the host belongs to no site yet
    run = gazette("add-site", mirror.url + "/list.html", "--key", "counted", "--json", db=db, config=cfg_dir)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    proposal = json_lines(run.stdout)[0]
    assert proposal["table"]["pagination"] == "trs" and proposal["evidence"]["page_count"] is None
    assert any("5,000 digits" in line for line in proposal["not_inferred"])


def test_listing_markup_the_selectors_do_not_fit_falls_back_pages_on_and_warns(mirrors, mirrored_config, db):
    """Issue 19 item 6: listing items and the next-page selector match nothing on a redesigned listing: the links
    matching article_pattern are taken (not those of the "most read" box beside them), the listing's own numbered
    links page on, and the run, `gazette status` and `gazette check` say the selectors no longer fit."""
    mirror = mirrors()
    for n in range(1, 10):
        mirror.set(f"/news/2024/n{n}.html", ARTICLE.format(title=f"Provincial delegation visits partner city {n}"))
    mirror.set("/news/2019/n900.html", ARTICLE.format(title="An old story everybody reads"))
    box = '<aside class="box"><h3>Most read</h3><a href="/news/2019/n900.html">An old story everybody reads</a></aside>'
    pager = "".join(f'<a href="/news/{"list" if k == 1 else f"list_{k}"}.html">{k}</a>' for k in range(1, 4))
    for page in range(1, 4):
        cards = "".join(f'<div class="card"><a href="/news/2024/n{n}.html">Provincial delegation visits partner '
                        f"city {n}</a></div>" for n in range(3 * page - 2, 3 * page + 1))
        mirror.set("/news/list.html" if page == 1 else f"/news/list_{page}.html",
                   f'<html><body><nav><a href="/news/2024/n1.html">Top story</a></nav>{box}<main>{cards}</main>'
                   f'<div class="pages">{pager}</div></body></html>')
    raw = project_config()
    raw["sites"] = {"redesigned": {
        "name": "Redesigned", "base_url": "http://example.test", "hosts": ["example.test"],
        "start_urls": ["http://example.test/news/list.html"], "article_pattern": r"^/news/\d{4}/n\d+\.html$",
        "listing_pattern": r"^/news/list(_\d+)?\.html$", "pagination": "next_link",
        "selectors": {"listing_item": ["ul.news-list li"], "listing_link": ["a::attr(href)"],
                      "next_page": ["a.next-page::attr(href)"]}}}
    cfg_dir = mirrored_config({"redesigned": mirror}, raw=raw)
    proc = gazette("crawl", "--full", "--json", "redesigned", db=db, config=cfg_dir)
    assert proc.returncode == 0, proc.stderr
    [summary] = json_lines(proc.stdout)
    assert summary["new"] == 9, summary
    assert [p for p in mirror.requests if p.startswith("/news/list")] == [
        "/news/list.html", "/news/list_2.html", "/news/list_3.html"]
    assert "/news/2019/n900.html" not in mirror.requests
    unfit = [e for e in summary["errors"] if "the listing selectors no longer fit" in e]
    assert len(unfit) == 3 and "listing_item matched nothing" in unfit[0]
    status = gazette("status", "--json", db=db, config=cfg_dir)
    [site] = json_lines(status.stdout)
    assert any("listing selectors no longer fit 3 listing page(s)" in w for w in site["warnings"]), site
    check = gazette("check", "--json", "redesigned", db=db, config=cfg_dir)
    assert check.returncode == 1
    [report] = json_lines(check.stdout)
    assert any("listing items match nothing" in p for p in report["problems"])
    assert report["listings"][0]["pagination"]["next"] == mirror.url + "/news/list_2.html"
