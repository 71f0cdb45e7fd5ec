"""One record per article with its history, end to end over loopback mirrors: URL variants and content
duplicates resolve to one article with every URL kept, a provincial reprint is linked as a near-duplicate,
revisits and refetches keep revisions and set/clear gone_since, reextract follows a selector change without
the network, and export-warc writes captures warcio reads back."""
from __future__ import annotations

import json
import re

import tomllib

import sqlite_utils
import tomli_w
from warcio.archiveiterator import ArchiveIterator

from archive import Archive, revisits
from archive import urls as url_records
from crawler import config as config_module
from pipelines.record import archive_page

from .support import FIXTURES, gazette, json_lines, project_config

ARTICLE_2015 = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"
ALIAS_2015 = "/eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"
ARTICLE_NEW = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
GUIZHOU_ARTICLE = "/2020-12/21/c_6731205.htm"
GUIZHOU_REPRINT = "/2020-12/22/c_6731300.htm"


def fixture(site: str, path: str) -> str:
    return (FIXTURES / site / path.lstrip("/")).read_text("utf-8")


def rows(db, sql, params=()):
    return list(sqlite_utils.Database(db).query(sql, params))


def fetch(db, config, *urls):
    proc = gazette("fetch", "--json", *urls, db=db, config=config)
    assert proc.returncode in (0, 1), proc.stderr
    return json_lines(proc.stdout)


def edit_config(directory, change) -> None:
    path = directory / "sites.toml"
    raw = tomllib.loads(path.read_text("utf-8"))
    change(raw)
    path.write_text(tomli_w.dumps(raw), "utf-8")


def age(db, days: float) -> None:
    """Move every timestamp of the archive `days` into the past, as if that much time had gone by."""
    db_ = sqlite_utils.Database(db)
    for table, columns in (("articles", ("first_seen", "last_seen", "last_changed")),
                           ("captures", ("fetched_at",)), ("article_urls", ("first_seen", "last_seen"))):
        for column in columns:
            db_.execute(f"update {table} set {column} = strftime('%Y-%m-%dT%H:%M:%SZ', julianday({column}) - ?)"
                        f" where {column} is not null", [days])
    db_.conn.commit()


def test_url_variants_and_same_body_are_one_article_with_every_url_kept(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    port = mirror.host.split(":")[1]
    config = mirrored_config({"mfa": mirror})
    # the same site answers under a second host name
    edit_config(config, lambda raw: raw["sites"]["mfa"]["hosts"].append(f"localhost:{port}"))
    page = fixture("mfa", ARTICLE_2015)
    mirror.set(ALIAS_2015, page)                                  # the /eng/ mirror path of the /mfa_eng/ page
    mirror.set("/eng/zxxx/copy_696980.html", page)                # same body, unrelated URL: a content duplicate
    mirror.set("/eng/old/t20201218.html", status=301, headers={"Location": mirror.url + ARTICLE_2015})
    new_page = fixture("mfa", ARTICLE_NEW)
    mirror.set("/eng/zt/visit/index.html", new_page)              # a directory page and its index.html
    mirror.set("/mfa_eng/zt/visit/", new_page)
    variants = [mirror.url + ARTICLE_2015,
                f"http://localhost:{port}{ALIAS_2015}?utm_source=wechat&utm_medium=share",
                mirror.url + "/eng/zxxx/copy_696980.html",
                mirror.url + "/eng/old/t20201218.html",
                mirror.url + "/eng/zt/visit/index.html?from=timeline",
                mirror.url + "/mfa_eng/zt/visit/"]
    results = fetch(db, config, variants[0]) + fetch(db, config, *variants[1:])
    # the redirect lands on the article's own URL: the same record, unchanged (not a duplicate of it)
    assert [r["status"] for r in results[:4]] == ["new", "unchanged", "duplicate", "unchanged"]
    assert sorted(r["status"] for r in results[4:]) == ["new", "unchanged"]
    first = results[0]["article_id"]
    assert {r["article_id"] for r in results[:4]} == {first}
    assert results[4]["article_id"] == results[5]["article_id"] != first
    assert len(rows(db, "select id from articles")) == 2
    article = rows(db, "select * from articles where id = ?", [first])[0]
    assert article["url"] == mirror.url + ALIAS_2015                # canonical: /eng/, site scheme and host
    urls = {r["url"] for r in rows(db, "select url from article_urls where article_id = ?", [first])}
    assert set(variants[:4]) - {variants[1]} <= urls
    assert mirror.url + ALIAS_2015 in urls and mirror.url + ARTICLE_2015 in urls   # canonical + redirect target
    visit = {r["url"] for r in rows(db, "select url from article_urls where article_id = ?", [results[4]["article_id"]])}
    assert mirror.url + "/eng/zt/visit/" in visit and mirror.url + "/mfa_eng/zt/visit/" in visit
    assert rows(db, "select url from articles where id = ?", [results[4]["article_id"]])[0]["url"] == mirror.url + "/eng/zt/visit/"


def test_https_and_www_variants_resolve_to_one_article(tmp_path):
    """Pages handed to the pipeline as a crawl would (no network: loopback cannot serve https or www.)."""
    config = config_module.load()
    body = fixture("mfa", ARTICLE_2015).encode("utf-8")
    urls = ["https://www.fmprc.gov.cn/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html",
            "http://fmprc.gov.cn/eng/wjdt_665385/2649_665393/202012/t20201218_696980.html#top",
            "http://www.mfa.gov.cn/eng/wjdt_665385/2649_665393/202012/t20201218_696980.html?utm_campaign=x"]
    with Archive(tmp_path / "a.db") as archive:
        results = [archive_page(archive, config, {
            "url": url, "final_url": url, "status": 200, "headers": {"Content-Type": "text/html"}, "body": body,
            "site": "mfa", "hints": {}, "fetched_at": "2026-01-01T00:00:00Z", "error": None}, None) for url in urls]
        assert [r["status"] for r in results] == ["new", "unchanged", "unchanged"]
        assert len({r["article_id"] for r in results}) == 1
        assert archive.article(results[0]["article_id"])["url"] == (
            "https://www.fmprc.gov.cn/eng/wjdt_665385/2649_665393/202012/t20201218_696980.html")
        assert set(urls) <= set(url_records.urls_of(archive, results[0]["article_id"]))


def test_provincial_reprint_of_ministry_article_is_a_linked_near_duplicate(mirrors, mirrored_config, db):
    mfa, guizhou = mirrors("mfa"), mirrors("guizhou")
    config = mirrored_config({"mfa": mfa, "guizhou": guizhou})
    ministry = json.loads((FIXTURES / "mfa" / ARTICLE_2015.lstrip("/")).with_suffix(".expected.json").read_text("utf-8"))
    paragraphs = ministry["body"].split("\n\n")
    # Guizhou's page carries the ministry's text with its own lead and without the last paragraph
    carried = ["(Source: Ministry of Foreign Affairs) Guizhou welcomed the Eurasian envoys last week."] + paragraphs[:-1]
    page = fixture("guizhou", GUIZHOU_ARTICLE)
    page = re.sub(r'(<div class="TRS_Editor">).*?(</div>)', lambda m: m.group(1) + "".join(
        f"<p>{p}</p>" for p in carried) + m.group(2), page, count=1, flags=re.S)
    guizhou.set(GUIZHOU_REPRINT, page)
    results = fetch(db, config, mfa.url + ARTICLE_2015, guizhou.url + GUIZHOU_REPRINT, guizhou.url + GUIZHOU_ARTICLE)
    assert [r["status"] for r in results] == ["new", "new", "new"]
    ministry_id, reprint_id, own_id = (r["article_id"] for r in results)
    assert len(rows(db, "select id from articles")) == 3
    links = rows(db, "select * from near_duplicates order by article_id")
    assert {(k["article_id"], k["other_id"]) for k in links} == {(ministry_id, reprint_id), (reprint_id, ministry_id)}
    assert all(0.5 <= k["similarity"] < 1 and k["method"].startswith("minhash") for k in links)
    # Guizhou's own report of the same tour (its own words) is not a near-duplicate
    assert not rows(db, "select * from near_duplicates where article_id = ?", [own_id])
    assert len(rows(db, "select * from minhashes")) == 3


def test_revisit_keeps_revision_marks_gone_and_clears_it(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    raw = project_config()
    raw["sites"]["mfa"]["revisit"] = {"after_days": [1, 7, 30], "max_per_run": 2}
    config = mirrored_config({"mfa": mirror}, raw)
    url_a, url_b = mirror.url + ARTICLE_2015, mirror.url + ARTICLE_NEW
    first = fetch(db, config, url_a, url_b)
    assert [r["status"] for r in first] == ["new", "new"]
    nothing = gazette("revisit", "--json", "--dry-run", db=db, config=config)
    assert nothing.returncode == 0 and nothing.stdout == ""          # nothing is a day old yet
    age(db, 2)
    # the ministry silently edits the article; the revisit finds it
    page = fixture("mfa", ARTICLE_2015)
    mirror.set(ARTICLE_2015, page.replace("Le Yucheng were present", "Le Yucheng was present"))
    mirror.set(ALIAS_2015, page.replace("Le Yucheng were present", "Le Yucheng was present"))
    mirror.set(ARTICLE_NEW, fixture("mfa", ARTICLE_NEW).replace("at the end of his tenure", "as his tenure ended"))
    mirror.reset_log()
    proc = gazette("revisit", "--json", db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    assert [r["status"] for r in json_lines(proc.stdout)] == ["updated", "updated"]
    assert mirror.count(lambda p: p.endswith(".html")) == 2
    again = gazette("revisit", "--json", db=db, config=config)
    assert again.returncode == 0 and again.stdout == ""               # both checked since their day-1 point
    for result in first:
        revisions = rows(db, "select * from revisions where article_id = ?", [result["article_id"]])
        assert len(revisions) == 1
    assert "Le Yucheng were present" in rows(db, "select body from revisions")[0]["body"] or \
        "Le Yucheng were present" in rows(db, "select body from revisions")[1]["body"]
    assert {r["cause"] for r in rows(db, "select cause from revisions")} == {"refetch"}
    runs = rows(db, "select trigger, status from crawl_runs where trigger = 'revisit'")
    assert runs == [{"trigger": "revisit", "status": "ok"}]
    # a week later the page is gone (404): gone_since set, text kept
    age(db, 6)
    mirror.set(ARTICLE_2015, "<html><body>Not Found</body></html>", status=404)
    mirror.set(ALIAS_2015, "<html><body>Not Found</body></html>", status=404)
    gone = json_lines(gazette("revisit", "--json", db=db, config=config).stdout)
    gone_id = first[0]["article_id"]
    assert sorted(r["status"] for r in gone) == ["failed", "unchanged"]
    assert [r["article_id"] for r in gone if "marked gone" in (r["error"] or "")] == [gone_id]
    article = rows(db, "select * from articles where id = ?", [gone_id])[0]
    assert article["gone_since"] and "Le Yucheng was present" in article["body"]
    run = rows(db, "select * from crawl_runs where trigger = 'revisit' order by id desc limit 1")[0]
    assert (run["gone"], run["failed"], run["unchanged"], run["status"]) == (1, 0, 1, "ok")  # a deletion found
    # it comes back: a refetch clears gone_since
    mirror.forget(ARTICLE_2015)
    mirror.forget(ALIAS_2015)
    back = fetch(db, config, url_a)
    assert back[0]["status"] == "updated"   # the original text is back: the edit becomes a revision too
    article = rows(db, "select * from articles where id = ?", [gone_id])[0]
    assert article["gone_since"] is None and "Le Yucheng were present" in article["body"]


def test_due_for_revisit_follows_check_points(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        with archive.transaction():
            for i, (first_seen, last_seen) in enumerate([
                    ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),   # 10 days old, never rechecked: day 7 due
                    ("2026-01-01T00:00:00Z", "2026-01-09T00:00:00Z"),   # rechecked after day 7: not due
                    ("2026-01-10T12:00:00Z", "2026-01-10T12:00:00Z"),   # half a day old: not due
                    ("2025-11-01T00:00:00Z", "2025-11-20T00:00:00Z")]):  # 71 days, last check before day 30: due
                archive.db["articles"].insert({"id": f"a{i}", "site": "mfa", "url": f"http://x/{i}",
                                               "first_seen": first_seen, "last_seen": last_seen})
        due = revisits.due_for_revisit(archive, "mfa", [1, 7, 30], 10, now="2026-01-11T00:00:00Z")
        assert [(r["article_id"], r["checkpoint"]) for r in due] == [("a3", 30), ("a0", 7)]
        assert len(revisits.due_for_revisit(archive, "mfa", [1, 7, 30], 1, now="2026-01-11T00:00:00Z")) == 1
        assert revisits.due_for_revisit(archive, "hunan", [1], 10, now="2026-01-11T00:00:00Z") == []


def test_reextract_after_selector_change_revises_without_network(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    raw = project_config()
    # the first config's boilerplate wrongly drops the closing paragraph of the 2024 article
    raw["sites"]["mfa"]["boilerplate"]["patterns"].append("^The two sides also exchanged views")
    config = mirrored_config({"mfa": mirror}, raw)
    first = fetch(db, config, mirror.url + ARTICLE_2015, mirror.url + ARTICLE_NEW)
    changed_id = first[1]["article_id"]
    before = rows(db, "select body, last_seen from articles where id = ?", [changed_id])[0]
    assert "exchanged views" not in before["body"]
    mirror.close()                                                    # no network from here on
    edit_config(config, lambda raw: raw["sites"]["mfa"]["boilerplate"]["patterns"].remove(
        "^The two sides also exchanged views"))
    proc = gazette("reextract", "--json", db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    summary = json_lines(proc.stdout)[0]
    assert summary["captures"] == 2 and summary["updated"] == 1 and summary["unchanged"] == 1
    assert summary["changed"] == [changed_id]
    after = rows(db, "select body, last_seen, gone_since from articles where id = ?", [changed_id])[0]
    assert "The two sides also exchanged views" in after["body"] and after["last_seen"] == before["last_seen"]
    revisions = rows(db, "select article_id, body, cause from revisions")
    assert [r["article_id"] for r in revisions] == [changed_id] and revisions[0]["body"] == before["body"]
    assert revisions[0]["cause"] == "reextract"
    again = json_lines(gazette("reextract", "--json", "mfa", db=db, config=config).stdout)[0]
    assert again["updated"] == 0 and again["unchanged"] == 2
    assert gazette("reextract", "nosuchsite", db=db, config=config).returncode == 2
    # the site moves to another host: its stored captures are still its own (they were served by it)
    edit_config(config, lambda raw: raw["sites"]["mfa"].update(hosts=["new.example.org"], feed_urls=[],
                                                                  start_urls=["http://new.example.org/eng/"]))
    moved = json_lines(gazette("reextract", "--json", "mfa", db=db, config=config).stdout)[0]
    assert moved["unchanged"] == 2 and moved["failed"] == 0 and moved["errors"] == []
    # a capture that no longer gives an article says why
    edit_config(config, lambda raw: raw["sites"]["mfa"]["boilerplate"]["soft_404"].append("Ministry of Foreign"))
    proc = gazette("reextract", "mfa", db=db, config=config)
    assert proc.returncode == 1 and proc.stdout.count("failed: http") == 2 and "soft 404" in proc.stdout


def test_export_warc_reads_back_with_warcio(mirrors, mirrored_config, db, tmp_path):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    mirror.set("/eng/missing.html", "<html><body>gone</body></html>", status=404)
    fetch(db, config, mirror.url + ARTICLE_2015, mirror.url + ARTICLE_NEW, mirror.url + "/eng/missing.html")
    out = tmp_path / "out" / "mfa.warc.gz"
    proc = gazette("export-warc", "--json", "--site", "mfa", str(out), db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    assert json_lines(proc.stdout)[0]["records"] == 3
    captures = rows(db, "select url, status, digest from captures order by id")
    with Archive(db) as archive:
        bodies = {c["url"]: archive.capture_body(c["digest"]) for c in captures}
    with open(out, "rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                    r.http_headers.get_statuscode() if r.http_headers else None, r.content_stream().read())
                   for r in ArchiveIterator(fh)]
    assert records[0][0] == "warcinfo"
    responses = [r for r in records if r[0] == "response"]
    assert [(u, int(s)) for _, u, s, _ in responses] == [(c["url"], c["status"]) for c in captures]
    assert all(body == bodies[url] for _, url, _, body in responses)
    assert gazette("export-warc", str(tmp_path / "x.warc.gz"), db=tmp_path / "none.db", config=config).returncode == 2


def test_crawl_revisit_rechecks_due_articles_after_the_crawl(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    raw = project_config()
    raw["sites"]["mfa"]["revisit"] = {"after_days": [1, 7], "max_per_run": 3}
    config = mirrored_config({"mfa": mirror}, raw)
    first = json_lines(gazette("crawl", "--json", "mfa", db=db, config=config).stdout)
    assert [s["status"] for s in first] == ["ok"] and first[0]["new"] >= 6
    quiet = json_lines(gazette("crawl", "--json", "--revisit", "mfa", db=db, config=config).stdout)
    assert [s.get("trigger") for s in quiet] == [None]               # nothing is due yet: no revisit run
    age(db, 2)
    due = json_lines(gazette("revisit", "--dry-run", "--json", "mfa", db=db, config=config).stdout)
    assert len(due) == 3
    edited = due[0]["url"].replace(mirror.url, "")                    # the URL that served it, not the canonical
    page = fixture("mfa", edited)
    words = re.findall(r"<p>[^<]{40,}", page)[0]
    mirror.set(edited, page.replace(words, words + " (corrected)"))
    mirror.reset_log()
    proc = gazette("crawl", "--json", "--revisit", "mfa", db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    crawl, revisit = json_lines(proc.stdout)
    assert crawl["status"] == "ok" and "trigger" not in crawl
    assert revisit["trigger"] == "revisit" and revisit["status"] == "ok"
    assert revisit["updated"] == 1 and revisit["unchanged"] == 2
    assert rows(db, "select trigger from crawl_runs where id = ?", [revisit["run_id"]])[0]["trigger"] == "revisit"
    assert len(rows(db, "select * from revisions where article_id = ?", [due[0]["article_id"]])) == 1
    assert len(json_lines(gazette("revisit", "--dry-run", "--json", "mfa", db=db, config=config).stdout)) == 3


def test_migration_backfills_article_urls_from_an_older_archive(tmp_path):
    from archive import schema

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    upto = schema.MIGRATIONS.index(schema._history)
    schema.migrate(old, upto=upto)
    old["articles"].insert({"id": "a1", "site": "mfa", "url": "https://www.fmprc.gov.cn/eng/a.html",
                            "first_seen": "2025-01-01T00:00:00Z", "last_seen": "2025-03-01T00:00:00Z"})
    old["bodies"].insert({"digest": "d", "size": 0, "compression": "zlib", "data": b""})
    for i, (url, final, when) in enumerate([
            ("http://fmprc.gov.cn/mfa_eng/a.html", "https://www.fmprc.gov.cn/mfa_eng/a.html", "2025-01-01T00:00:00Z"),
            ("http://fmprc.gov.cn/mfa_eng/a.html", "https://www.fmprc.gov.cn/mfa_eng/a.html", "2025-02-01T00:00:00Z")]):
        old["captures"].insert({"id": i + 1, "site": "mfa", "url": url, "final_url": final, "fetched_at": when,
                                "status": 200, "digest": "d", "article_id": "a1", "outcome": "new"})
    old.conn.commit()
    old.conn.close()
    with Archive(path) as archive:
        got = {r["url"]: (r["article_id"], r["first_seen"], r["last_seen"])
               for r in archive.db.query("select * from article_urls")}
    assert got == {
        "https://www.fmprc.gov.cn/eng/a.html": ("a1", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z"),
        "http://fmprc.gov.cn/mfa_eng/a.html": ("a1", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
        "https://www.fmprc.gov.cn/mfa_eng/a.html": ("a1", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")}


def test_a_url_archived_as_a_duplicate_stays_with_its_article_when_it_changes(mirrors, mirrored_config, db):
    """The copy URL came first; the article's own URL was then a duplicate of it. When the page at the
    article's own URL changes, that is a revision of the one record, not a second article."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    page = fixture("mfa", ARTICLE_2015)
    mirror.set("/eng/zxxx/copy_696980.html", page)
    first = fetch(db, config, mirror.url + "/eng/zxxx/copy_696980.html")[0]
    second = fetch(db, config, mirror.url + ARTICLE_2015)[0]
    assert (first["status"], second["status"]) == ("new", "duplicate")
    assert second["article_id"] == first["article_id"]
    mirror.set(ARTICLE_2015, page.replace("were present at related activities", "was present at related activities"))
    changed = fetch(db, config, mirror.url + ARTICLE_2015)[0]
    assert changed["status"] == "updated" and changed["article_id"] == first["article_id"]
    assert len(rows(db, "select id from articles")) == 1
    revision = rows(db, "select body, cause from revisions where article_id = ?", [first["article_id"]])
    assert len(revision) == 1 and "were present" in revision[0]["body"] and revision[0]["cause"] == "refetch"
    # The copy still serves the old text: it is the same record, so the latest fetch wins and both texts stay.
    again = fetch(db, config, mirror.url + "/eng/zxxx/copy_696980.html")[0]
    assert again["article_id"] == first["article_id"] and again["status"] == "updated"
    assert len(rows(db, "select id from revisions where article_id = ?", [first["article_id"]])) == 2
