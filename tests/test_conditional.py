"""Conditional requests (crawler/conditional.py): real crawls and revisits over loopback against a generated
TRS site whose server honours validators, ignores them, sends weak ETags or one constant ETag."""
from __future__ import annotations

import sqlite_utils

from crawler.demo.generated import LISTING, GeneratedSite
from crawler.demo.mirror import Mirror
from crawler.demo.sites import read_config, write_config

from .support import gazette, json_lines
from .test_history import age

ARTICLES = 30  # two listing pages


def setup(tmp_path, validators: str | None):
    mirror = Mirror(validators=validators)
    site = GeneratedSite(mirror, ARTICLES)
    raw = read_config()
    raw["sites"]["mfa"]["start_urls"] = ["https://www.fmprc.gov.cn" + LISTING]
    raw["sites"]["mfa"]["revisit"] = {"after_days": [1], "max_per_run": 100}
    config = write_config(tmp_path / "config", {"mfa": mirror}, raw)
    return mirror, site, config


def crawl(db, config, *args):
    proc = gazette("crawl", "mfa", "--json", *args, db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    return json_lines(proc.stdout)[0]


def revisit(db, config):
    proc = gazette("revisit", "--json", db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    run = sqlite_utils.Database(db).execute(
        "select bytes, unchanged, updated from crawl_runs where trigger = 'revisit' order by id desc").fetchone()
    return json_lines(proc.stdout), run


def article_requests(mirror) -> int:
    return mirror.count(lambda p: "/t2024" in p)


def test_unchanged_recrawl_and_revisit_download_no_bodies(tmp_path):
    db = tmp_path / "gazette.db"
    mirror, site, config = setup(tmp_path, "etag")
    try:
        first = crawl(db, config, "--full")
        assert first["new"] == ARTICLES and first["bytes"] > ARTICLES * 1000
        mirror.reset_log()
        again = crawl(db, config, "--full")   # every listing page asked again: all answer 304
        assert again["new"] == 0 and again["status"] == "ok"
        assert article_requests(mirror) == 0 and mirror.not_modified == 2
        assert again["bytes"] < 1500, again   # robots.txt and two 304s' headers
        # the site publishes 3 articles: the first listing page changes (200), the second still answers 304
        site.add(3)
        mirror.reset_log()
        more = crawl(db, config)
        assert more["new"] == 3 and article_requests(mirror) == 3
        # a revisit a day later: every article answers 304, counted unchanged, no body downloaded or stored
        age(db, 2)
        mirror.reset_log()
        before = mirror.not_modified
        captures = sqlite_utils.Database(db)["captures"].count
        results, run = revisit(db, config)
        assert [r["status"] for r in results] == ["unchanged"] * (ARTICLES + 3)
        assert mirror.not_modified - before == ARTICLES + 3
        assert run[0] < 250 * (ARTICLES + 3) and run[1] == ARTICLES + 3
        assert sqlite_utils.Database(db)["captures"].count == captures
        last_seen = sqlite_utils.Database(db).execute("select min(last_seen) from articles").fetchone()[0]
        assert last_seen > sqlite_utils.Database(db).execute("select max(first_seen) from articles").fetchone()[0]
    finally:
        mirror.close()


def edited_revisit(tmp_path, validators: str) -> tuple[list[dict], Mirror]:
    """Crawl, edit one article on the server, revisit a day later: the edit must be found."""
    db = tmp_path / "gazette.db"
    mirror, site, config = setup(tmp_path, validators)
    crawl(db, config, "--full")
    path = site.articles[5][0]
    body = mirror.routes[path].body.replace(b"</p>", b" An added sentence.</p>", 1)
    mirror.set(path, body)
    age(db, 2)
    results, _ = revisit(db, config)
    return results, mirror


def test_constant_etag_is_not_trusted(tmp_path):
    results, mirror = edited_revisit(tmp_path, "constant")
    try:
        # the ETag (seen on different bodies) is not sent, else the edited page would answer 304 too; the
        # Last-Modified dates still follow the content, so the other pages answer 304
        assert sorted(r["status"] for r in results) == ["unchanged"] * (ARTICLES - 1) + ["updated"]
        assert mirror.not_modified == ARTICLES - 1
    finally:
        mirror.close()


def test_weak_etags_are_honoured(tmp_path):
    results, mirror = edited_revisit(tmp_path, "weak")
    try:
        assert sorted(r["status"] for r in results) == ["unchanged"] * (ARTICLES - 1) + ["updated"]
        assert mirror.not_modified == ARTICLES - 1
    finally:
        mirror.close()


def test_server_ignoring_validators_still_works(tmp_path):
    results, mirror = edited_revisit(tmp_path, "ignore")
    try:
        assert sorted(r["status"] for r in results) == ["unchanged"] * (ARTICLES - 1) + ["updated"]
        assert mirror.not_modified == 0
    finally:
        mirror.close()
