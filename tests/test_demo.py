"""`gazette demo` as a user runs it: a subprocess started from another directory, with the user's config, builds the
demo archive from the recorded pages (every site that has them archived, one revision, one gone article), serves
it, answers on the address it printed, and stops on SIGINT leaving no child behind. A taken port and a real archive
are refused with one line."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

import gazette_data
from crawler.demo.sites import read_config


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def user_env() -> dict:
    return {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG")}


def demo(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler", "demo", *args], cwd=cwd, env=user_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def processes_naming(text: str) -> list[str]:
    """Command lines of running processes that contain `text` (the demo's children name its archive)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if text in cmdline:
                found.append(f"{proc.name}: {cmdline}")
    return found


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8", errors="replace")


UNRECORDED = '''
[sites.unrecorded]
name = "A site with no recorded pages"
base_url = "https://unrecorded.example.org"
hosts = ["unrecorded.example.org"]
start_urls = ["https://unrecorded.example.org/news/"]
article_pattern = '/t\\d+\\.html$'
'''


def test_demo_builds_serves_and_stops(tmp_path):
    # the user's config (--config): the shipped one plus a site that has no recorded pages, which is left out
    config = tmp_path / "my-config"
    shutil.copytree(gazette_data.default_config(), config)
    with open(config / "sites.toml", "a", encoding="utf-8") as toml:
        toml.write(UNRECORDED)
    port = free_port()
    db = tmp_path / "demo.db"
    proc = demo("--port", str(port), "--db", str(db), "--config", str(config), "--json", cwd=tmp_path)
    steps: list[dict] = []
    try:
        for line in proc.stdout:  # the demo prints its steps, then serves until stopped
            steps.append(json.loads(line))
            if steps[-1]["step"] == "serve":
                break
        else:
            raise AssertionError(f"the demo ended early: {proc.wait()} {proc.stderr.read()[-3000:]}")
        by_step = {}
        for step in steps:
            by_step.setdefault(step["step"], []).append(step)
        serve = by_step["serve"][0]

        # every configured site with recorded pages was mirrored and crawled, each run ok
        sites = [k for k in read_config()["sites"] if (gazette_data.fixtures() / k).is_dir()]
        assert sorted(by_step["mirrors"][0]["sites"]) == sorted(sites)
        assert by_step["mirrors"][0]["skipped"] == ["unrecorded"]
        first = {s["site"]: s for s in by_step["crawl"]}
        assert sorted(first) == sorted(sites) and all(s["status"] == "ok" for s in first.values())
        assert all(s["status"] == "ok" for s in by_step["recrawl"])
        assert sorted(s["site"] for s in by_step["recrawl"] if s.get("trigger") == "revisit") == sorted(sites)

        # the archive it built: every site's articles, the edit as one revision, the deletion as one gone article
        edited, deleted = by_step["changes"][0]["edited"], by_step["changes"][0]["deleted"]
        with closing(sqlite3.connect(db)) as conn:
            per_site = dict(conn.execute("select site, count(*) from articles group by site"))
            fetched = by_step["fetch"][0]["new"]        # the recorded pages no listing links, fetched one by one
            assert per_site == {key: first[key]["new"] + fetched.get(key, 0) for key in sites} and all(per_site.values())
            # the English press conference of 2020-07-03 beside its Chinese original (issue 24)
            pairs = conn.execute("select e.title, z.title from translations t join articles e on e.id = t.english_id "
                                 "join articles z on z.id = t.chinese_id").fetchall()
            assert ("Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on July 3, 2020",
                    "2020年7月3日外交部发言人赵立坚主持例行记者会") in pairs
            revisions = conn.execute(
                "select a.id, a.body, r.body from revisions r join articles a on a.id = r.article_id").fetchall()
            gone = conn.execute("select id, url from articles where gone_since is not null").fetchall()
            edited_id = conn.execute("select article_id from article_urls where url = ?", [edited]).fetchone()[0]
            deleted_id = conn.execute("select article_id from article_urls where url = ?", [deleted]).fetchone()[0]
        assert len(revisions) == 1 and revisions[0][0] == edited_id
        current, earlier = revisions[0][1], revisions[0][2]
        assert len(earlier) > len(current) and current.split("\n\n")[0] in earlier  # a paragraph was cut
        assert [row[0] for row in gone] == [deleted_id]
        summary = dict(by_step["archive"][0])
        assert summary.pop("seconds") > 0
        assert summary == {"step": "archive", "db": str(db), "articles": per_site, "revisions": 1, "gone": 1}

        # it serves the demo archive at the address it printed, and every link it suggests answers
        assert serve["url"] == f"http://127.0.0.1:{port}/"
        assert serve["tries"]["article_with_history"].endswith(f"/gazette/articles/{edited_id}")
        assert serve["tries"]["gone_article"].endswith(f"/gazette/articles/{deleted_id}")
        for url in serve["tries"].values():
            assert get(url)[0] == 200, url
        status, body = get(f"http://127.0.0.1:{port}/gazette/articles.json?_shape=array&id={edited_id}")
        assert status == 200 and json.loads(body)[0]["id"] == edited_id
        assert processes_naming(str(db)), "the demo serves through a `gazette serve` child"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert code == 0, proc.stderr.read()[-3000:]
    assert processes_naming(str(db)) == []  # no crawl or serve child left
    with pytest.raises(ConnectionRefusedError):  # nothing answers on the Datasette port any more
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_demo_refuses_a_taken_port_in_one_line(tmp_path):
    with closing(socket.socket()) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = demo("--port", str(port), cwd=tmp_path)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.strip().count("\n") == 0 and f"port {port}" in err and "--port" in err and "Traceback" not in err
    assert not (tmp_path / "data" / "demo.db").exists()  # refused before crawling anything


@pytest.mark.parametrize("rows", [
    ["https://www.fmprc.gov.cn/eng/xw/wjbxw/t1.html"],
    ["http://127.0.0.1:8000/news/t1.html"],  # a site a user added on loopback and crawled
    [],  # an archive with no article yet (a first crawl without the network)
])
def test_demo_never_touches_a_real_archive(tmp_path, rows):
    real = tmp_path / "gazette.db"
    with closing(sqlite3.connect(real)) as conn:
        conn.execute("create table articles (id text, url text)")
        conn.executemany("insert into articles values ('a', ?)", [(url,) for url in rows])
        conn.commit()
    before = real.read_bytes()
    proc = demo("--port", str(free_port()), "--db", str(real), cwd=tmp_path)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "not an archive made by gazette demo" in err and "Traceback" not in err
    assert real.read_bytes() == before
