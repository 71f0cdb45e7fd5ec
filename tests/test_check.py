"""`gazette check`: the recorded sites as they are fit their config (exit 0); the same site after a redesign
(its classes and ids renamed) does not, and the report says why (exit 1). Real Scrapy over loopback mirrors."""
from __future__ import annotations

from .support import FIXTURES, gazette, json_lines, taken_down

# Guizhou's template with its classes and ids renamed: listing items, headline, body container, captions.
RENAMED = {"tw3_01_2": "latest-item", 'class="article-tit"': 'class="headline"', 'id="Zoom"': 'id="content"',
           "TRS_Editor": "rich-text", "TRS_UEDITOR": "rich-text-2", "img_title": "photo-note",
           'class="article-con"': 'class="story"'}


def renamed(path) -> bytes:
    """The page with Guizhou's classes and ids renamed (bytes: some recorded pages are GBK)."""
    page = path.read_bytes()
    for old, new in RENAMED.items():
        page = page.replace(old.encode(), new.encode())
    return page


def test_the_recorded_sites_fit_their_config(mirrors, mirrored_config, db):
    sites = {key: mirrors(key) for key in ("guizhou", "mfa", "guangdong")}
    cfg = mirrored_config(sites)
    proc = gazette("check", "--json", "guizhou", "mfa", "guangdong", db=db, config=cfg)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    reports = {r["site"]: r for r in json_lines(proc.stdout)}
    assert list(reports) == ["guizhou", "mfa", "guangdong"] and all(r["ok"] and not r["problems"]
                                                                    for r in reports.values())
    guizhou = reports["guizhou"]
    [listing] = guizhou["listings"]
    assert listing["links"] == 3 and listing["dated"] == 3 and not listing["fell_back"]
    assert listing["selectors"]["listing_item"][0] == {"selector": "div.tw3_01_2", "matches": 3}
    assert listing["pagination"]["kind"] == "numbered" and listing["pagination"]["follows"]
    assert listing["pagination"]["next"] == sites["guizhou"].url + "/2023guizhoulatest_2.html"
    assert listing["pagination"]["count"] == 3  # the highest page the numbered pager links
    assert len(guizhou["articles"]) == 2 and all(a["fields"]["title"] and a["fields"]["body"]
                                                 for a in guizhou["articles"])
    own = [a for a in guizhou["articles"] if not a["fell_back"]]
    assert own and all(a["fields"]["body"] == "site" and a["fields"]["title"] == "site" for a in own)
    assert "Home" in {c["line"] for c in guizhou["learned_candidates"]}
    # MFA: six start pages, the speeches column's div items found, the press conferences' photo pages not taken
    mfa = reports["mfa"]
    assert len(mfa["listings"]) == 6 and all(listing["links"] >= 1 for listing in mfa["listings"])
    assert not any("/fyrbt/mn/" in link for listing in mfa["listings"] for link in listing["sample"])
    # nothing archived, requests only for start pages, robots.txt and a few articles
    assert not db.exists()
    assert sites["guizhou"].requests[0] == "/robots.txt" and len(sites["guizhou"].requests) == 1 + 1 + 2


def test_a_changed_template_no_longer_fits_and_the_report_says_why(mirrors, mirrored_config, db):
    mirror = mirrors("guizhou")
    for page in [p for p in (FIXTURES / "guizhou").rglob("*.htm*")]:
        mirror.set("/" + str(page.relative_to(FIXTURES / "guizhou")), mirror.rewrite(renamed(page)))
    cfg = mirrored_config({"guizhou": mirror})
    proc = gazette("check", "--json", "--articles", "3", "guizhou", db=db, config=cfg)
    assert proc.returncode == 1, proc.stderr
    [report] = json_lines(proc.stdout)
    assert not report["ok"]
    problems = " | ".join(report["problems"])
    assert "listing items match nothing" in problems and "most articles fell back (3 of 3)" in problems
    [listing] = report["listings"]
    assert all(row["matches"] == 0 for row in listing["selectors"]["listing_item"])
    assert listing["links"] >= 3  # found by article_pattern instead
    for article in report["articles"]:
        assert article["fell_back"] and article["layer"] == "generic"
        assert all(r["matches"] == 0 for r in article["selectors"]["body"])
    plain = gazette("check", "guizhou", db=db, config=cfg)
    assert plain.returncode == 1 and "config no longer fits" in plain.stdout
    assert "problem: most articles fell back" in plain.stdout and "Traceback" not in plain.stderr


def test_usage_errors(db):
    assert gazette("check", db=db).returncode == 2
    proc = gazette("check", "nowhere", db=db)
    assert proc.returncode == 2 and "unknown site 'nowhere'" in proc.stderr
    assert gazette("check", "--all", "mfa", db=db).returncode == 2


def test_an_unreadable_start_page_and_an_undated_article_are_problems(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    mirror.set("/eng/xw/zyxw/", "<html><body>Not here</body></html>", status=404)
    # a speech whose page, listing entry and URL (an older t<id> shape) carry no date
    recorded = "eng/xw/zyjh/202405/t20240516_11305890.html"
    page = (FIXTURES / "mfa" / recorded).read_text("utf-8")
    mirror.set("/eng/xw/zyjh/t1800001.html", page.replace("2024-05-16 21:10", "").replace(
        "Updated: May 16, 2024 21:10", ""))
    listing = (FIXTURES / "mfa/eng/xw/zyjh/index.html").read_text("utf-8")
    listing = listing.replace('<div class="date">2024-05-16</div>', "").replace(
        "./202405/t20240516_11305890.html", "./t1800001.html")
    mirror.set("/eng/xw/zyjh/", mirror.rewrite(listing.encode()))
    cfg = mirrored_config({"mfa": mirror})
    proc = gazette("check", "--json", "mfa", db=db, config=cfg)
    assert proc.returncode == 1, proc.stderr
    [report] = json_lines(proc.stdout)
    assert report["problems"] == [
        f"start page {mirror.url}/eng/xw/zyxw/ could not be read: HTTP 404",
        f"article {mirror.url}/eng/xw/zyjh/t1800001.html: no date found (page, listing or URL)"]


def test_a_site_that_cannot_be_reached_is_not_called_a_config_that_no_longer_fits(mirrors, mirrored_config, db):
    down = mirrors("hunan")
    with taken_down(down):
        proc = gazette("check", "hunan", db=db, config=mirrored_config({"hunan": down}, retry_times=0))
    assert proc.returncode == 1 and "hunan: the site could not be reached" in proc.stdout
    assert "config no longer fits" not in proc.stdout and "Traceback" not in proc.stderr
