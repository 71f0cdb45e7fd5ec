"""Crawling on two Scrapyd nodes: two real `scrapyd` daemons on loopback, `gazette deploy` (scrapyd-client's egg),
`gazette schedule --scrapyd` (two sites on each, against the recorded-page mirrors), `gazette merge` of the two
shards, compared with a single-machine crawl of the same pages: same articles, revisions and bodies."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from crawler.deploy import placement

from .support import gazette, json_lines, site_mirror, write_config

pytestmark = pytest.mark.slow
SITES = ("mfa", "hunan", "guizhou", "chongqing")  # node 0: guizhou, chongqing; node 1: mfa, hunan


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=120) as response:  # listspiders runs `scrapy list`
        return json.loads(response.read())


@pytest.fixture
def nodes(tmp_path):
    """Two scrapyd daemons, each in its own directory (its eggs, logs and archive shard)."""
    started = []
    for n in range(2):
        home = tmp_path / f"node{n}"
        home.mkdir()
        port = free_port()
        (home / "scrapyd.conf").write_text(f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\n"
                                           "poll_interval = 0.3\nmax_proc = 4\n")
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GAZETTE_DB", "GAZETTE_CONFIG")}
        proc = subprocess.Popen([sys.executable, "-m", "scrapyd"], cwd=home, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        started.append((proc, f"http://127.0.0.1:{port}", home))
    for proc, url, _ in started:
        for _ in range(100):
            try:
                get(url + "/daemonstatus.json")
                break
            except OSError:
                time.sleep(0.1)
    yield [(url, home) for _, url, home in started]
    for proc, _, _ in started:
        proc.terminate()
        proc.wait(10)


def wait_for_jobs(url: str, count: int, timeout: float = 180) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        jobs = get(url + "/listjobs.json?project=gazette")
        if len(jobs["finished"]) >= count and not jobs["pending"] and not jobs["running"]:
            return jobs
        time.sleep(0.1)
    raise AssertionError(f"jobs on {url} did not finish: {jobs}")


def snapshot(db: Path) -> dict:
    """What must agree between archives: each article's text and fields, its revisions, the bodies kept."""
    archive = sqlite_utils.Database(db)
    articles = {r["id"]: (r["site"], r["url"], r["title"], r["published"], r["body"], r["captions"])
                for r in archive.query("select * from articles")}
    revisions = {}
    for r in archive.query("select article_id, title, body from revisions order by article_id, seen_at"):
        revisions.setdefault(r["article_id"], []).append((r["title"], r["body"]))
    bodies = {r["digest"] for r in archive.query("select digest from captures where status = 200")}
    mentions = sorted(tuple(r.values()) for r in archive.query("select article_id, kind, name from mentions"))
    return {"articles": articles, "revisions": revisions, "bodies": bodies, "mentions": mentions}


def served(urls: list[str], base: str) -> tuple[str, bytes]:
    """The first of these URLs that the mirror at `base` answers with a page, and the page."""
    for url in urls:
        if url.startswith(base):
            try:
                with urllib.request.urlopen(url) as response:
                    return url, response.read()
            except urllib.error.HTTPError:
                continue
    raise AssertionError(f"none of {urls} is served by {base}")


def test_two_scrapyd_nodes_shards_merge_like_one_machine(nodes, tmp_path):
    mirrors = {key: site_mirror(key) for key in SITES}
    try:
        config = write_config(tmp_path / "config", mirrors)
        urls = [url for url, _ in nodes]
        assert placement(SITES, urls) == {"guizhou": urls[0], "chongqing": urls[0], "mfa": urls[1],
                                          "hunan": urls[1]}
        deployed = json_lines(gazette("deploy", "--json", *sum((["--target", u] for u in urls), []),
                                      db=tmp_path / "unused.db", config=config).stdout)
        assert [d["spiders"] for d in deployed] == [len(SITES)] * 2
        assert sorted(get(urls[0] + "/listspiders.json?project=gazette")["spiders"]) == sorted(SITES)
        proc = gazette("schedule", "--json", "--scrapyd", ",".join(urls), db=tmp_path / "unused.db", config=config)
        assert proc.returncode == 0, proc.stderr
        jobs = json_lines(proc.stdout)
        assert sorted((j["site"], urls.index(j["node"])) for j in jobs) == [
            ("chongqing", 0), ("guizhou", 0), ("hunan", 1), ("mfa", 1)]
        for url in urls:
            wait_for_jobs(url, 2)
        shards = [home / "gazette-shard.db" for _, home in nodes]
        for shard, keys in zip(shards, (("chongqing", "guizhou"), ("hunan", "mfa"))):
            sites = sqlite_utils.Database(shard).execute("select distinct site from articles order by site")
            assert tuple(r[0] for r in sites) == keys   # each node wrote its own sites to its own shard
        # a later revisit on node 1 finds an edited MFA article: its shard holds a revision
        # (a URL the article was fetched at: an article's canonical URL need not be one the mirror serves)
        seen = [r[0] for r in sqlite_utils.Database(shards[1]).execute(
            "select u.url from articles a join article_urls u on u.article_id = a.id where a.site = 'mfa' "
            "order by a.id, u.url")]
        edited_url, original = served(seen, mirrors["mfa"].url)
        path = edited_url.split(mirrors["mfa"].url, 1)[1]
        mirrors["mfa"].set(path, original.replace(b"</p>", b" (Edited.)</p>", 1))
        assert gazette("fetch", edited_url, db=shards[1], config=config).returncode == 0

        merged = tmp_path / "merged.db"
        first = json_lines(gazette("merge", "--json", *map(str, shards), "--into", str(merged), db=merged).stdout)
        assert sum(r["new"] for r in first) == len(snapshot(merged)["articles"]) > 20
        before = snapshot(merged)
        again = json_lines(gazette("merge", "--json", *map(str, shards), "--into", str(merged), db=merged).stdout)
        assert [(r["new"], r["updated"], r["captures"], r["runs"]) for r in again] == [(0, 0, 0, 0)] * 2
        assert snapshot(merged) == before   # idempotent

        # the same pages crawled on one machine, with the same edit found later
        mirrors["mfa"].set(path, original)
        single = tmp_path / "single.db"
        assert gazette("crawl", "--all", db=single, config=config).returncode == 0
        mirrors["mfa"].set(path, original.replace(b"</p>", b" (Edited.)</p>", 1))
        assert gazette("fetch", edited_url, db=single, config=config).returncode == 0
        alone = snapshot(single)
        assert before == alone
        assert len(alone["revisions"]) == 1
    finally:
        for mirror in mirrors.values():
            mirror.close()
