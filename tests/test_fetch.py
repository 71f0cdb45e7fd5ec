"""`gazette fetch` end to end: a real Scrapy fetch from a loopback mirror into a temporary archive."""
from __future__ import annotations

import json

import sqlite_utils

from .support import FIXTURES, gazette, json_lines

ARTICLE_2015 = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"
ARTICLE_NEW = "/eng/xw/wjbxw/202405/t20240515_11305672.html"


def expected(path):
    return json.loads((FIXTURES / "mfa" / path.lstrip("/")).with_suffix(".expected.json").read_text("utf-8"))


def test_fetch_archives_both_mfa_templates(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", "--json", mirror.url + ARTICLE_2015, mirror.url + ARTICLE_NEW, db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    results = json_lines(proc.stdout)
    assert [r["status"] for r in results] == ["new", "new"]
    assert {r["site"] for r in results} == {"mfa"}
    assert set(results[0]) >= {"url", "status", "article_id", "site", "title", "published", "error"}
    archive = sqlite_utils.Database(db)
    for result, path in zip(results, (ARTICLE_2015, ARTICLE_NEW)):
        row = archive["articles"].get(result["article_id"])
        want = expected(path)
        assert row["title"] == want["title"] == result["title"]
        assert row["body"] == want["body"]
        assert row["published"] == want["published"] == result["published"]
        assert json.loads(row["captions"]) == want["captions"]
        assert row["layer"] == "site" and row["gone_since"] is None
        assert "Suggest to a friend" not in row["body"] and "Print" not in row["body"].split("\n\n")
    run = list(archive.query("select * from crawl_runs"))
    assert len(run) == 1 and run[0]["trigger"] == "fetch" and run[0]["status"] == "ok"
    assert run[0]["new"] == 2 and run[0]["failed"] == 0 and run[0]["requests"] >= 2
    captures = list(archive.query("select url, status, outcome, headers from captures order by id"))
    assert [c["outcome"] for c in captures] == ["new", "new"] and all(c["status"] == 200 for c in captures)
    assert "robots.txt" in " ".join(mirror.requests)
    # full-text search finds the article by a body word
    hits = list(archive.query("select rowid from articles_fts where articles_fts match 'Turkmenistan'"))
    assert len(hits) == 1


def test_refetch_unchanged_then_updated_keeps_revision(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    url = mirror.url + ARTICLE_2015
    first = json_lines(gazette("fetch", "--json", url, db=db, config=config).stdout)[0]
    again = gazette("fetch", "--json", url, db=db, config=config)
    assert again.returncode == 0 and json_lines(again.stdout)[0]["status"] == "unchanged"
    page = (FIXTURES / "mfa" / ARTICLE_2015.lstrip("/")).read_text("utf-8")
    mirror.set(ARTICLE_2015, page.replace("Vice Foreign Minister Le Yucheng were present",
                                          "Vice Foreign Minister Le Yucheng was present"))
    changed = json_lines(gazette("fetch", "--json", url, db=db, config=config).stdout)[0]
    assert changed["status"] == "updated" and changed["article_id"] == first["article_id"]
    archive = sqlite_utils.Database(db)
    row = archive["articles"].get(first["article_id"])
    assert "Le Yucheng was present" in row["body"]
    revisions = list(archive.query("select * from revisions where article_id = ?", [first["article_id"]]))
    assert len(revisions) == 1 and "Le Yucheng were present" in revisions[0]["body"]
    assert row["last_changed"] >= revisions[0]["seen_at"]
    assert archive["articles"].count == 1


def test_bad_responses_fail_clearly_and_touch_nothing(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror}, download_timeout=1)
    url = mirror.url + ARTICLE_2015
    assert gazette("fetch", url, db=db, config=config).returncode == 0
    before = sqlite_utils.Database(db)["articles"].rows
    before = list(before)
    mirror.set("/eng/missing.html", "<html><body>nothing</body></html>", status=404)
    mirror.set("/eng/broken.html", "<html><body>oops</body></html>", status=500)
    mirror.set("/eng/report.pdf", b"%PDF-1.4 binary", content_type="application/pdf")
    mirror.set("/eng/empty.html", b"")
    mirror.set("/eng/slow.html", "<html><body><p>late</p></body></html>", delay=3)
    bad = ["/eng/missing.html", "/eng/broken.html", "/eng/report.pdf", "/eng/empty.html", "/eng/slow.html"]
    proc = gazette("fetch", "--json", *[mirror.url + p for p in bad], db=db, config=config)
    assert proc.returncode == 1
    results = {r["url"].replace(mirror.url, ""): r for r in json_lines(proc.stdout)}
    assert all(r["status"] == "failed" for r in results.values())
    assert "404" in results["/eng/missing.html"]["error"]
    assert "500" in results["/eng/broken.html"]["error"]
    assert "not an HTML page" in results["/eng/report.pdf"]["error"]
    assert "empty" in results["/eng/empty.html"]["error"]
    assert "timed out" in results["/eng/slow.html"]["error"]
    archive = sqlite_utils.Database(db)
    assert list(archive["articles"].rows) == before
    run = list(archive.query("select * from crawl_runs order by id desc limit 1"))[0]
    assert run["failed"] == 5 and run["status"] == "failed"
    assert all(p in run["errors"] for p in bad)


def test_page_of_no_configured_site_goes_through_generic_layer(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    other = mirrors()  # a host no site owns
    paragraphs = [f"Paragraph {i} of a provincial news story about a friendship city agreement signed between "
                  f"Changsha and a partner city, with details of trade, culture and education exchanges." for i in range(6)]
    other.set("/news/story.html", "<html><head><title>Friendship city agreement signed | Example News</title>"
              "</head><body><nav><a href='/'>Home</a></nav><article><h1>Friendship city agreement signed</h1>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article><footer>Copyright © Example</footer></body></html>")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", "--json", other.url + "/news/story.html", db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    result = json_lines(proc.stdout)[0]
    assert result["site"] == "other" and result["status"] == "new" and result["layer"] == "generic"
    row = sqlite_utils.Database(db)["articles"].get(result["article_id"])
    assert row["body"] == "\n\n".join(paragraphs) and row["title"] == "Friendship city agreement signed"


def test_malformed_url_is_a_usage_error(db):
    proc = gazette("fetch", "not a url", db=db)
    assert proc.returncode == 2 and "not an http(s) URL" in proc.stderr and "Traceback" not in proc.stderr
    assert not db.exists()


def test_plain_output_is_one_line_per_url(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", mirror.url + ARTICLE_NEW, mirror.url + "/eng/none.html", db=db, config=config)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1 and len(lines) == 2
    assert lines[0].startswith("new") and "Sun Weidong" in lines[0]
    assert lines[1].startswith("failed") and "404" in lines[1]


def test_urls_of_several_sites_get_a_run_row_each(mirrors, mirrored_config, db):
    mfa, hunan = mirrors("mfa"), mirrors("hunan")
    config = mirrored_config({"mfa": mfa, "hunan": hunan})
    hunan_page = "/hneng/imgnews/202004/t20200403_1234567.html"
    proc = gazette("fetch", "--json", mfa.url + ARTICLE_NEW, hunan.url + hunan_page, mfa.url + ARTICLE_2015,
                   db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    results = json_lines(proc.stdout)
    assert [r["site"] for r in results] == ["mfa", "hunan", "mfa"]  # in the order given
    runs = {r["site"]: r for r in sqlite_utils.Database(db).query("select * from crawl_runs")}
    assert set(runs) == {"mfa", "hunan"}
    assert runs["mfa"]["new"] == 2 and runs["hunan"]["new"] == 1
    assert all(r["trigger"] == "fetch" and r["status"] == "ok" for r in runs.values())


def test_fetching_a_listing_page_says_so_in_one_line(mirrors, mirrored_config, db):
    """A listing page given to fetch is no article: one result line says so and exit 1; nothing else is printed
    (trafilatura's own 'WARNING: discarding data: URL' log line came out on stderr without -v)."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    proc = gazette("fetch", mirror.url + "/eng/xw/zyjh/index.html", db=db, config=config)
    assert proc.returncode == 1
    assert proc.stdout.startswith("failed") and "no article" in proc.stdout and len(proc.stdout.splitlines()) == 1
    assert proc.stderr == "", proc.stderr
