"""The ministry's real press-conference listings of 2015–2021 (tests/real/listings/: real HTML, byte for byte, with
PROVENANCE.md) paged as the site pages them: an inline script writes the pager (`var countPage = 13`,
pages `default_N.shtml`), and `index_N.html`, the TRS default, does not exist.

Pure: crawler/listing.py reads every real page's count, current page and next page. End to end, on loopback:
`gazette crawl --full` walks all 13 English pages and archives all 500 listed articles; `gazette add-site` on the
English and the Chinese listing proposes `trs` with the right count, pages on to `default_1.shtml` and
`default_2.shtml`, and the table it proposes crawls the Chinese listing the same way. The listed articles kept in
tests/real/ (listings/, mfa-en-2015/, mfa-zh-2015/: 72 English and 27 Chinese) are served as they are, real; at the
other listed addresses the mirror serves a short page this test writes.
"""
from __future__ import annotations

import html
import re
import sqlite3
from urllib.parse import urlsplit

import pytest

from crawler import listing
from crawler.demo.mirror import Mirror

from .support import ROOT, gazette, json_lines, project_config, write_config

REAL = ROOT / "tests" / "real" / "listings"
ARTICLES = {"/mfa_eng/xwfw_665399/s2510_665401/2511_665403/": ROOT / "tests" / "real" / "mfa-en-2015",
            "/web/wjdt_674879/fyrbt_674889/": ROOT / "tests" / "real" / "mfa-zh-2015"}  # tNNNNNNN.html, real
HOST = "www.fmprc.gov.cn"
EN = "/mfa_eng/xwfw_665399/s2510_665401/2511_665403/"
ZH = "/web/wjdt_674879/fyrbt_674889/"
LINK = re.compile(r'<a href="\./(t\d+\.shtml)" target="_blank">([^<]+)</a>')
# written by this test (not real): the stand-in for a listed article whose real page is not kept in the fixtures
STAND_IN = """<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="content_mod">
<h2 class="title">{title}</h2><div class="content"><p>{title}: a page written by the test in place of the real
article {path}, which the fixtures do not keep.</p><p>A second paragraph, so that the page reads as an article.</p>
</div></div></body></html>"""


def listed(directory: str) -> dict[str, str]:
    """path -> title of every article the kept listing pages of this directory link (the English listing links two
    different pages titled "…Regular Press Conference on April 29, 2019")."""
    found = {}
    for page in sorted((REAL / directory.strip("/")).glob("default*.shtml")):
        for href, title in LINK.findall(page.read_text("utf-8")):
            found[directory + href] = title
    return found


@pytest.fixture
def real():
    mirror = Mirror(REAL, hosts=(HOST,))
    for directory in (EN, ZH):
        for path, title in listed(directory).items():
            kept = ARTICLES[directory] / path.rsplit("/", 1)[1].replace(".shtml", ".html")
            if kept.exists():
                mirror.set(path, mirror.rewrite(kept.read_bytes()), content_type="text/html")
            elif not (REAL / path.lstrip("/")).exists():
                mirror.set(path, STAND_IN.format(title=html.escape(title), path=path))
    yield mirror
    mirror.close()


def page(path: str) -> listing.Page:
    return listing.Page(f"https://{HOST}{path}", (REAL / path.lstrip("/")).read_text("utf-8"))


def test_the_real_pager_script_is_read_page_by_page():
    mfa = project_config()["sites"]["mfa"]
    pattern = re.compile(mfa["article_pattern"])
    following, seen, articles = EN + "default.shtml", [], []
    while following:
        seen.append(following)
        current = page(following)
        assert listing.page_count(current, "trs") == (13, None)
        found, fell_back = listing.entries(current, mfa["selectors"], lambda url: bool(pattern.search(urlsplit(url).path)))
        assert not fell_back and len(found) == (40 if len(seen) < 13 else 20)
        articles += [e.url for e in found]
        following = listing.next_url(current, "trs")
        following = following and urlsplit(following).path
    assert seen == [EN + "default.shtml"] + [f"{EN}default_{k}.shtml" for k in range(1, 13)]
    assert len(set(articles)) == 500 == len(listed(EN))
    assert re.search(mfa["listing_pattern"], EN + "default_7.shtml")
    detected = listing.detect(page(ZH + "default.shtml"), [HOST])
    assert (detected.kind, detected.count, detected.base, detected.ext) == ("trs", 67, ZH + "default", "shtml")
    assert urlsplit(listing.next_url(page(ZH + "default_65.shtml"), "trs")).path == ZH + "default_66.shtml"
    assert listing.next_url(page(ZH + "default_66.shtml"), "trs") is None  # currentPage = 66 of 67


def test_full_crawl_walks_all_13_real_pages(real, tmp_path):
    raw = project_config()
    raw["sites"]["mfa"]["start_urls"] = [f"https://{HOST}{EN}default.shtml"]
    config = write_config(tmp_path / "config", {"mfa": real}, raw)
    db = tmp_path / "gazette.db"
    proc = gazette("crawl", "mfa", "--full", "--json", db=db, config=config, timeout=600)
    assert proc.returncode == 0, proc.stderr
    [summary] = json_lines(proc.stdout)
    assert summary["status"] == "ok" and summary["new"] == 500 and summary["failed"] == 0, summary
    pages = [p for p in real.requests if "default" in p]
    assert pages == [EN + "default.shtml"] + [f"{EN}default_{k}.shtml" for k in range(1, 13)]
    assert not any("index" in p for p in real.requests)
    with sqlite3.connect(db) as conn:
        urls = {url for (url,) in conn.execute("select url from articles")}
        real_title = conn.execute("select title from articles where url like '%t1794629.shtml'").fetchone()
    # filed under /eng/ (mirror_paths: /mfa_eng/ pages are the same articles)
    assert {u.replace("/eng/", "/mfa_eng/", 1).split(real.url, 1)[1] for u in urls} == set(listed(EN))
    assert "July 3, 2020" in real_title[0]  # a real article page, archived from the real listing's link
    with sqlite3.connect(db) as conn:
        kept = conn.execute("select count(*) from articles where body not like '%a page written by the test%'")
        assert kept.fetchone()[0] == 3 + len(list(ARTICLES[EN].glob("t*.html")))  # the real pages, all archived


def test_add_site_proposes_the_real_paging_and_its_table_crawls_it(real, tmp_path):
    raw = project_config()
    raw["sites"] = {}
    config = write_config(tmp_path / "config", {}, raw)
    db = tmp_path / "gazette.db"
    run = gazette("add-site", f"{real.url}{EN}default.shtml", "--key", "press", "--json", db=db, config=config)
    assert run.returncode == 0, run.stderr
    english = json_lines(run.stdout)[0]
    assert english["table"]["pagination"] == "trs" and english["evidence"]["page_count"] == 13
    assert [urlsplit(u).path for u in english["evidence"]["listing_pages"]] == [
        EN + "default.shtml", EN + "default_1.shtml", EN + "default_2.shtml"]
    assert re.search(english["table"]["listing_pattern"], EN + "default_12.shtml")
    assert not re.search(english["table"]["listing_pattern"], EN + "index_1.html")

    run = gazette("add-site", f"{real.url}{ZH}default.shtml", "--key", "fyrbt", "--yes", "--json", db=db, config=config)
    assert run.returncode == 0, run.stderr
    chinese = json_lines(run.stdout)[0]
    assert chinese["table"]["pagination"] == "trs" and chinese["evidence"]["page_count"] == 67
    assert [urlsplit(u).path for u in chinese["evidence"]["listing_pages"]] == [
        ZH + "default.shtml", ZH + "default_1.shtml", ZH + "default_2.shtml"]
    real.reset_log()
    crawl = gazette("crawl", "fyrbt", "--full", "--max-pages", "3", "--json", db=db, config=config)
    assert crawl.returncode == 0, crawl.stderr
    [summary] = json_lines(crawl.stdout)
    assert summary["new"] == 45 and summary["failed"] == 0, summary
    assert [p for p in real.requests if "default" in p] == [ZH + "default.shtml", ZH + "default_1.shtml",
                                                            ZH + "default_2.shtml"]
    assert any("stopped after 3 listing pages (max_pages 3)" in e for e in summary["errors"])


def test_the_chinese_site_pages_its_real_listing_by_its_config(real, tmp_path):
    """[sites.mfa-zh] says only `pagination = "trs"` and a listing_pattern taking default_N.shtml: the file name
    and extension come from the real page's script, as for the English site (configuration, not code)."""
    raw = project_config()
    raw["sites"]["mfa-zh"]["start_urls"] = [f"https://{HOST}{ZH}default.shtml"]
    config = write_config(tmp_path / "config", {"mfa-zh": real}, raw)
    proc = gazette("crawl", "mfa-zh", "--full", "--max-pages", "3", "--json", db=tmp_path / "gazette.db",
                   config=config)
    assert proc.returncode == 0, proc.stderr
    [summary] = json_lines(proc.stdout)
    assert summary["new"] == 45 and summary["failed"] == 0, summary
    assert [p for p in real.requests if "default" in p] == [ZH + "default.shtml", ZH + "default_1.shtml",
                                                            ZH + "default_2.shtml"]
    with sqlite3.connect(tmp_path / "gazette.db") as conn:
        listed_dates = dict(conn.execute("select url, listed_published from articles"))
    assert sum(1 for d in listed_dates.values() if d) == 45  # the date beside each link: (2020-07-03)
