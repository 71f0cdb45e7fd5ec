"""Faults and bad input, against the loopback mirror and a real archive file.

A catalogue of bad responses (broken or truncated HTML, missing or wrong charsets, GBK, a BOM, empty, huge and
binary bodies, HTTP errors, a timeout, redirect loops and redirects off the site, a soft 404, pages with no
title or no date) goes through `gazette fetch` in one run, and again listed among the articles of a generated site
in one `gazette crawl`: each page gets either its article or one clear message naming the URL in the run's errors
(an undated page archived gets a warning there), the good pages are archived, and the run's counts add up.
Then the archive file itself: killed writers, concurrent readers, a corrupt, read-only or full file.
"""
from __future__ import annotations

import ctypes
import json
import os
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

from crawler.demo.generated import GeneratedSite

from .support import FIXTURES, ROOT, gazette, json_lines

GOOD_2015 = "/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html"
GOOD_NEW = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
CHINESE = "/web/zyxw/t1638430.shtml"
SOFT_404 = "/web/system/index_17321.shtml"
BAD = "/mfa_eng/wjdt_665385/2649_665393/202012/t2020121{}_99990{}.html"


def recorded(path: str) -> bytes:
    return (FIXTURES / "mfa" / path.lstrip("/")).read_bytes()


def expected(path: str) -> dict:
    return json.loads((FIXTURES / "mfa" / path.lstrip("/")).with_suffix(".expected.json").read_text("utf-8"))


def bad_path(n: int) -> str:
    return f"/mfa_eng/wjdt_665385/2649_665393/202012/t202012{10 + n % 20:02d}_9{n:05d}.html"


def catalogue(mirror, other_mirror) -> dict[str, dict]:
    """path -> {"outcome": "article"|"failed", "error": regex the failure message must match, ...};
    each path is set up on the mirror as the bad response it names."""
    good = recorded(GOOD_2015)
    text = good.decode("utf-8")
    want = expected(GOOD_2015)
    nonascii = text.replace("Vice Foreign Minister Le Yucheng", "Vice Foreign Minister Lé Yùchéng (乐玉成)")
    chinese = recorded(CHINESE).decode("utf-8")
    cases: dict[str, dict] = {}

    def case(name, body=b"", outcome="failed", error=None, body_has=None, published_from_url=False,
             encoding="utf-8", prefix=b"", **route):
        path = bad_path(len(cases) + 1)
        if isinstance(body, str):
            # A sentence of its own keeps each article from being a duplicate of the others.
            body = body.replace('id="News_Body_Txt_A" class="content">',
                                f'id="News_Body_Txt_A" class="content"><p>Fault case {len(cases) + 1}.</p>', 1)
            body = prefix + body.encode(encoding, "xmlcharrefreplace")
        if callable(route.get("headers")):
            route["headers"] = route["headers"](path)
        mirror.set(path, body, **route)
        cases[path] = {"name": name, "outcome": outcome, "error": error, "body_has": body_has,
                       "published_from_url": published_from_url}
        return cases[path]

    # Broken markup: unclosed tags everywhere still yields the article.
    case("broken HTML", re.sub(r"</(div|p|span|ul|li|a)>", "", text), "article", body_has=want["body"][:200])
    # Truncated in the middle of the body: what arrived is archived (the body's start is there).
    cut = text.index("Diplomatic envoys and diplomats from")
    case("truncated HTML", text[:cut + 60], "article", body_has="the Ministry of Foreign Affairs organized")
    case("no charset anywhere", nonascii.replace('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', ""),
         "article", content_type="text/html", body_has="Lé Yùchéng (乐玉成)")
    case("wrong charset (latin-1 declared, UTF-8 sent)", nonascii, "article",
         content_type="text/html; charset=iso-8859-1", body_has="Lé Yùchéng (乐玉成)")
    case("GBK declared", chinese.replace("charset=UTF-8", "charset=gbk"), "article", encoding="gbk",
         content_type="text/html; charset=gbk", body_has=expected(CHINESE)["body"][:40])
    case("GBK sent, UTF-8 declared", chinese, "article", encoding="gbk", content_type="text/html; charset=utf-8",
         body_has=expected(CHINESE)["body"][:40])
    case("UTF-8 with BOM", nonascii, "article", prefix=b"\xef\xbb\xbf", content_type="text/html",
         body_has="Lé Yùchéng (乐玉成)")
    case("empty body", b"", error="empty body")
    case("whitespace body", b"  \n\n  ", error="empty body")
    case("20 MB page", b"<html><body><p>" + b"x" * (20 * 1024 * 1024) + b"</p></body></html>",
         error="too large")
    case("PDF", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", content_type="application/pdf",
         error=r"not an HTML page \(application/pdf\)")
    case("image served as text/html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
         error=r"not an HTML page \(binary content\)")
    case("404", b"<html><body><h1>Not Found</h1></body></html>", status=404, error="HTTP 404")
    case("410", b"<html><body><h1>Gone</h1></body></html>", status=410, error="HTTP 410")
    case("500", b"<html><body><h1>Internal error</h1></body></html>", status=500, error="HTTP 500")
    # a Retry-After beyond what a crawl may wait (GAZETTE_RETRY_AFTER_MAX) is not waited for: recorded as it is
    case("503 with Retry-After", b"<html><body>busy</body></html>", status=503, headers={"Retry-After": "86400"},
         error=r"HTTP 503.*Retry-After: 86400")
    case("timeout", text.encode(), delay=4, error="timed out")
    case("redirect loop", status=302, headers=lambda path: {"Location": path + "?again"}, error="redirect")
    loop = bad_path(len(cases))
    mirror.set(loop + "?again", status=302, headers={"Location": loop})
    other_mirror.set("/elsewhere.html", text)
    case("redirect to another domain", status=301, headers={"Location": other_mirror.url + "/elsewhere.html"},
         error="off the site to another host")
    case("soft 404", recorded(SOFT_404), error="soft 404")
    no_title = re.sub(r"<title>.*?</title>", "", text, flags=re.S)
    no_title = re.sub(r'<div class="title" id="News_Body_Title">.*?</div>', "", no_title, flags=re.S)
    case("no title", no_title, error="no title")
    no_date = re.sub(r'<div class="time">.*?</div>', "", text, flags=re.S)
    case("no date", no_date, "article", published_from_url=True)
    return cases


def test_catalogue_of_bad_responses_through_fetch(mirrors, mirrored_config, db):
    mirror, other = mirrors("mfa"), mirrors(None)
    config = mirrored_config({"mfa": mirror}, download_timeout=2)
    cases = catalogue(mirror, other)
    urls = [mirror.url + GOOD_2015] + [mirror.url + p for p in cases] + [mirror.url + GOOD_NEW]
    proc = gazette("fetch", "--json", *urls, db=db, config=config, timeout=180)
    assert "Traceback" not in proc.stderr, proc.stderr
    results = {r["url"]: r for r in json_lines(proc.stdout)}
    assert proc.returncode == 1  # some URLs failed
    problems = []
    for path, want in cases.items():
        r = results.get(mirror.url + path)
        if r is None:
            problems.append(f"{want['name']}: no result")
            continue
        if want["outcome"] == "article":
            if r["status"] != "new":
                problems.append(f"{want['name']}: {r['status']} {r['error']}")
        elif r["status"] != "failed" or not re.search(want["error"], r["error"] or "", re.I):
            problems.append(f"{want['name']}: {r['status']} {r['error']!r} does not match {want['error']!r}")
    assert not problems, "\n".join(problems)
    # The archive agrees: good pages and readable bad ones archived with the right text, a clear error per
    # failed URL in the run's row, counts that add up, one capture per response that arrived.
    archive = sqlite3.connect(db)
    archive.row_factory = sqlite3.Row
    assert archive.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for good in (GOOD_2015, GOOD_NEW):
        r = results[mirror.url + good]
        assert r["status"] == "new", r
        row = archive.execute("select * from articles where id = ?", [r["article_id"]]).fetchone()
        assert row["body"] == expected(good)["body"]
    for path, want in cases.items():
        r = results[mirror.url + path]
        if want["body_has"]:
            body = archive.execute("select body from articles where id = ?", [r["article_id"]]).fetchone()[0]
            assert want["body_has"] in body, want["name"]
        if want["published_from_url"]:
            assert r["published"] == "2020-12-" + path.split("/t202012")[1][:2], r
    run = archive.execute("select * from crawl_runs").fetchone()
    assert run["status"] == "ok" and run["trigger"] == "fetch"
    statuses = [r["status"] for r in results.values()]
    assert len(statuses) == len(urls)
    for key in ("new", "updated", "unchanged", "duplicate", "failed"):
        assert run[key] == statuses.count(key), key
    errors = [e for e in json.loads(run["errors"]) if ": warning: " not in e]
    failed = [u for u, r in results.items() if r["status"] == "failed"]
    assert len(errors) == len(failed)
    for url in failed:
        assert any(e.startswith(url + ": ") and results[url]["error"] in e for e in errors), url
    assert run["requests"] >= len(urls)
    outcomes = dict(archive.execute("select outcome, count(*) from captures group by outcome").fetchall())
    assert outcomes.get("new") == statuses.count("new")


def test_catalogue_of_bad_responses_inside_a_crawl(mirrors, tmp_path, db):
    """The same catalogue listed among the articles of a generated site: one `gazette crawl` archives every
    good article, names each bad URL with its reason in the run's errors (and the undated page with a warning),
    and its counts add up."""
    mirror, other = mirrors(None), mirrors(None)
    site = GeneratedSite(mirror, 30)
    cases = catalogue(mirror, other)
    site.link(cases)
    config = site.config(tmp_path / "config", download_timeout=1)
    proc = gazette("crawl", "mfa", "--full", "--json", db=db, config=config, timeout=180)
    assert "Traceback" not in proc.stderr, proc.stderr
    # the site's crawl went on (run status ok), and the exit code says pages failed
    assert proc.returncode == 1, proc.stderr
    archive = sqlite3.connect(db)
    archive.row_factory = sqlite3.Row
    assert archive.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    run = archive.execute("select * from crawl_runs").fetchone()
    errors = json.loads(run["errors"])
    articles = {url: article for url, article in archive.execute(
        "select u.url, u.article_id from article_urls u join articles a on a.id = u.article_id")}
    problems = []
    for path, want in cases.items():
        url = mirror.url + path
        mine = [e for e in errors if e.startswith(url + ": ")]
        if want["outcome"] == "article":
            if url not in articles:
                problems.append(f"{want['name']}: not archived ({mine})")
            elif want["body_has"]:
                body = archive.execute("select body from articles where id = ?", [articles[url]]).fetchone()[0]
                if want["body_has"] not in body:
                    problems.append(f"{want['name']}: body lacks {want['body_has'][:40]!r}")
            if want["published_from_url"]:
                published = archive.execute("select published from articles where id = ?",
                                            [articles.get(url)]).fetchone()
                if not published or published[0] != "2020-12-" + path.split("/t202012")[1][:2]:
                    problems.append(f"{want['name']}: published {published and published[0]}")
                if not any(": warning: no date on the page" in e for e in mine):
                    problems.append(f"{want['name']}: no warning in the run's errors ({mine})")
        elif url in articles:
            problems.append(f"{want['name']}: archived, expected {want['error']!r}")
        elif not any(re.search(want["error"], e, re.I) for e in mine):
            problems.append(f"{want['name']}: {mine} does not match {want['error']!r}")
    assert not problems, "\n".join(problems) + "\n" + "\n".join(errors)
    # Every generated article archived, with its text; nothing else besides the readable bad pages.
    for path, title, _ in site.articles:
        assert mirror.url + path in articles, path
    good = sum(1 for want in cases.values() if want["outcome"] == "article")
    assert archive.execute("select count(*) from articles").fetchone()[0] == len(site.articles) + good
    assert archive.execute("select count(*) from articles where title like 'Article %'").fetchone()[0] == \
        len(site.articles)
    # The counts add up: one outcome per listed page, as many requests as the mirrors answered.
    listed = len(site.articles) + len(cases)
    assert run["status"] == "ok"
    assert run["new"] == len(site.articles) + good
    assert run["failed"] == len(cases) - good
    assert run["new"] + run["updated"] + run["unchanged"] + run["duplicate"] + run["failed"] == listed
    assert run["links"] == listed and run["listings"] == -(-listed // 20)
    # Every request the mirrors answered is counted. Now and then Scrapy counts one more than the mirrors saw
    # (seen once in a full-suite run): presumably a request sent on a kept-alive connection the mirror had just
    # dropped (after the timeout or the cancelled 20 MB body), which never reaches it and is retried.
    answered = mirror.count() + other.count()
    assert answered <= run["requests"] <= answered + 2, (run["requests"], mirror.requests, other.requests)
    failed_urls = {e.split(": ", 1)[0] for e in errors if ": warning: " not in e}
    assert failed_urls == {mirror.url + p for p, want in cases.items() if want["outcome"] == "failed"}
    outcomes = dict(archive.execute("select outcome, count(*) from captures group by outcome").fetchall())
    assert outcomes.get("new") == run["new"]


# -- the archive file under faults -------------------------------------------------------------------

def start_gazette(*args, db, config, preexec_fn=None) -> subprocess.Popen:
    env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}
    return subprocess.Popen([sys.executable, "-m", "crawler", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=preexec_fn)


def count(db, sql="select count(*) from captures") -> int:
    if not Path(db).exists():
        return 0  # the crawl has not created the archive yet
    try:
        with closing(sqlite3.connect(db, timeout=30)) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return 0  # created, not yet migrated
        raise


def assert_consistent(db) -> None:
    """No half-written page: every capture has its outcome, every archived outcome its article, every
    article its capture and its full-text row, every capture its body."""
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*) from captures where outcome is null").fetchone()[0] == 0
        assert conn.execute("""select count(*) from captures c where c.outcome in ('new', 'updated', 'unchanged')
                               and not exists (select 1 from articles a where a.id = c.article_id)""").fetchone()[0] == 0
        assert conn.execute("""select count(*) from articles a where not exists
                               (select 1 from captures c where c.id = a.capture_id and c.article_id = a.id)""").fetchone()[0] == 0
        assert conn.execute("select count(*) from captures c where not exists "
                            "(select 1 from bodies b where b.digest = c.digest)").fetchone()[0] == 0
        assert conn.execute("select count(*) from articles_fts").fetchone()[0] == \
            conn.execute("select count(*) from articles").fetchone()[0]
        assert conn.execute("select count(*) from captures where outcome = 'new'").fetchone()[0] == \
            conn.execute("select count(*) from articles").fetchone()[0]


def kill_after(proc: subprocess.Popen, db, captures: int, limit: float = 60) -> int:
    """SIGKILL the process as soon as the archive holds `captures` captures; return how many it held."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if count(db) >= captures:
            break
        time.sleep(0.002)
    assert proc.poll() is None, f"finished before {captures} captures: {proc.stderr.read()}"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    return count(db)


def test_kill_9_mid_crawl_at_several_points_then_recrawl_completes(mirrors, tmp_path, db):
    site = GeneratedSite(mirrors(None), 80)
    config = site.config(tmp_path / "config")
    held = []
    for point in (3, 25, 50):
        proc = start_gazette("crawl", "mfa", "--full", db=db, config=config)
        held.append(kill_after(proc, db, point))
        assert_consistent(db)
        assert count(db, "select count(*) from crawl_runs where status = 'running'") == 1
    assert held == sorted(held) and held[-1] < 80
    # The next crawl (incremental, as the scheduler would start it) closes the dead run and completes it.
    done = gazette("crawl", "mfa", "--json", db=db, config=config)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert_consistent(db)
    with closing(sqlite3.connect(db)) as conn:
        runs = [r[0] for r in conn.execute("select status from crawl_runs order by id")]
        assert runs == ["interrupted"] * 3 + ["ok"]
        assert conn.execute("select count(*), count(distinct url) from articles").fetchone() == (80, 80)
        assert conn.execute("select count(*) from articles where title like 'Article %'").fetchone()[0] == 80


def test_kill_9_mid_fetch_then_fetch_again(mirrors, tmp_path, db):
    site = GeneratedSite(mirrors(None), 40)
    config = site.config(tmp_path / "config")
    proc = start_gazette("fetch", *site.urls(), db=db, config=config)
    kill_after(proc, db, 12)
    assert_consistent(db)
    again = gazette("fetch", "--json", *site.urls(), db=db, config=config)
    assert again.returncode == 0, again.stderr
    statuses = [r["status"] for r in json_lines(again.stdout)]
    assert set(statuses) <= {"new", "unchanged"} and len(statuses) == 40
    assert_consistent(db)
    assert count(db, "select count(*) from articles") == 40
    assert count(db, "select count(*) from crawl_runs where status = 'interrupted'") == 1


def free_port() -> int:
    import socket
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_readers_in_a_loop_while_a_crawl_writes(mirrors, tmp_path, db):
    """Plain sqlite3 readers (threads, each its own connection) and a `gazette serve` process poll the archive
    while `gazette crawl` writes a few hundred articles: no "database is locked" on either side, counts
    never go backwards, and every write is there at the end."""
    site = GeneratedSite(mirrors(None), 240)
    config = site.config(tmp_path / "config")
    first = gazette("fetch", site.urls()[0], db=db, config=config)  # the archive exists before the server starts
    assert first.returncode == 0, first.stderr
    port = free_port()
    server = start_gazette("serve", "--port", str(port), db=db, config=config)
    base = f"http://127.0.0.1:{port}"
    problems: list[str] = []
    seen: dict[str, list[int]] = {}
    stop = threading.Event()

    def sqlite_reader(name: str) -> None:
        counts = seen.setdefault(name, [])
        conn = sqlite3.connect(db)  # default 5 s busy timeout; WAL readers should never need it
        try:
            while not stop.is_set():
                counts.append(conn.execute("select count(*) from articles").fetchone()[0])
                conn.execute("select count(*) from articles_fts where articles_fts match 'ambassador'").fetchone()
                conn.execute("select a.id, c.outcome from articles a join captures c on c.id = a.capture_id "
                             "order by a.rowid desc limit 5").fetchall()
                conn.execute("select status, new from crawl_runs order by id desc limit 1").fetchone()
                time.sleep(0.005)
        except Exception as exc:  # noqa: BLE001 - any reader error is the finding
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
        finally:
            conn.close()

    def datasette_reader() -> None:
        counts = seen.setdefault("datasette", [])
        sql = urllib.parse.quote("select count(*) as n from articles")
        while not stop.is_set():
            for path in (f"/gazette.json?sql={sql}&_shape=array", "/gazette/articles.json?_search=ambassador",
                         "/gazette/crawl_runs.json"):
                try:
                    with urllib.request.urlopen(base + path, timeout=20) as response:
                        text = response.read().decode("utf-8")
                except (urllib.error.URLError, OSError) as exc:
                    text = getattr(exc, "read", lambda: b"")().decode("utf-8", "replace") or str(exc)
                    problems.append(f"datasette {path}: {exc}: {text[:300]}")
                    return
                if "locked" in text:
                    problems.append(f"datasette {path}: {text[:300]}")
                if path.startswith("/gazette.json"):
                    counts.append(json.loads(text)[0]["n"])

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=5):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "gazette serve did not answer within 30 s"
                time.sleep(0.2)
        readers = [threading.Thread(target=sqlite_reader, args=(f"sqlite {n}",)) for n in range(3)]
        readers.append(threading.Thread(target=datasette_reader))
        for reader in readers:
            reader.start()
        crawl = gazette("crawl", "mfa", "--full", "--json", db=db, config=config, timeout=180)
        time.sleep(0.3)  # one more round of reads after the last write
        stop.set()
        for reader in readers:
            reader.join(30)
    finally:
        stop.set()
        server.terminate()
        server.wait(10)
    assert crawl.returncode == 0, crawl.stderr
    assert "locked" not in crawl.stderr + crawl.stdout and "Traceback" not in crawl.stderr, crawl.stderr
    assert not problems, "\n".join(problems)
    with closing(sqlite3.connect(db)) as conn:
        run = conn.execute("select status, new, failed, errors from crawl_runs order by id desc limit 1").fetchone()
        assert run == ("ok", 239, 0, "[]")
        assert conn.execute("select count(*), count(distinct url) from articles").fetchone() == (240, 240)
    assert_consistent(db)
    for name, counts in seen.items():
        assert len(counts) >= 3, (name, counts)  # it really read during the crawl
        assert counts == sorted(counts), f"{name}: a count went backwards"
        assert counts[-1] == 240, (name, counts[-1])
    assert len(set(seen["sqlite 0"])) > 5  # and saw the crawl's writes arrive


def assert_clean_failure(proc, *needles) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    for needle in needles:
        assert re.search(needle, proc.stderr + proc.stdout, re.I), (needle, proc.stderr)


def test_corrupt_archive_is_one_clear_error(mirrors, tmp_path, db):
    site = GeneratedSite(mirrors(None), 5)
    config = site.config(tmp_path / "config")
    db.parent.mkdir(parents=True)
    garbage = os.urandom(64 * 1024)
    db.write_bytes(garbage)
    procs = [start_gazette(*args, db=db, config=config) for args in (("crawl", "mfa"), ("fetch", site.urls()[0]))]
    for proc in procs:  # side by side, each its own process
        out, err = proc.communicate(timeout=120)
        assert_clean_failure(subprocess.CompletedProcess(proc.args, proc.returncode, out, err),
                             r"archive error: .*not a database")
    assert db.read_bytes() == garbage  # left as it was for the user to inspect


def test_read_only_archive_is_one_clear_error_and_loses_nothing(mirrors, tmp_path):
    site = GeneratedSite(mirrors(None), 6)
    directory = Path(tempfile.mkdtemp(prefix="gazette-ro-"))
    try:
        config = site.config(directory / "config")
        db = directory / "gazette.db"
        assert gazette("fetch", *site.urls()[:3], db=db, config=config).returncode == 0
        before = db.read_bytes()
        os.chmod(db, 0o444)
        os.chmod(directory, 0o555)

        def drop():
            # root ignores file modes: drop CAP_DAC_OVERRIDE from the bounding set so gazette (after exec) has not
            if os.getuid() == 0:
                libc = ctypes.CDLL(None, use_errno=True)
                if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
                    os._exit(99)
        procs = [start_gazette(*args, db=db, config=config, preexec_fn=drop)
                 for args in (("crawl", "mfa"), ("fetch", *site.urls()))]
        for proc in procs:  # side by side, each its own process
            out, err = proc.communicate(timeout=120)
            assert_clean_failure(subprocess.CompletedProcess(proc.args, proc.returncode, out, err),
                                 r"archive error: .*(read-?only|unable to open|permission denied)")
        assert db.read_bytes() == before
        os.chmod(directory, 0o755)
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:  # still readable, nothing lost
            assert conn.execute("select count(*) from articles").fetchone()[0] == 3
    finally:
        os.chmod(directory, 0o755)
        shutil.rmtree(directory, ignore_errors=True)


def test_full_disk_stops_cleanly_and_loses_nothing(mirrors, tmp_path, db):
    """A file-size limit (RLIMIT_FSIZE) plays the full disk: SQLite's writes fail with SQLITE_FULL."""
    site = GeneratedSite(mirrors(None), 120)
    config = site.config(tmp_path / "config")
    first = gazette("fetch", *site.urls()[:10], db=db, config=config)
    assert first.returncode == 0, first.stderr
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = conn.execute("select id, body from articles order by id").fetchall()
    limit = db.stat().st_size + 96 * 1024

    def cap():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    proc = start_gazette("crawl", "mfa", "--full", db=db, config=config, preexec_fn=cap)
    out, err = proc.communicate(timeout=120)
    assert_clean_failure(subprocess.CompletedProcess(proc.args, proc.returncode, out, err),
                         r"archive error: .*(full|I/O)")
    assert_consistent(db)
    with closing(sqlite3.connect(db)) as conn:
        after = dict(conn.execute("select id, body from articles").fetchall())
        assert all(after.get(i) == body for i, body in before)
        assert 10 <= len(after) < 120
    # Space again: the next crawl completes, without duplicates.
    done = gazette("crawl", "mfa", db=db, config=config)
    assert done.returncode == 0, done.stderr
    assert_consistent(db)
    assert count(db, "select count(*) from articles") == 120


# -- every command stopped at a random point (issue 20) ----------------------------------------------------

def wait_for(predicate, limit: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + limit
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def stop(proc: subprocess.Popen, sig: int, within: float) -> str:
    """Send `sig`; the process must be gone within `within` seconds, without a traceback; returns its stderr."""
    return stop_all([(proc, sig)], within)[0]


def stop_all(signalled: list[tuple[subprocess.Popen, int]], within: float) -> list[str]:
    """Send each process its signal, all at once; each must be gone within `within` seconds of it, without a
    traceback; returns their stderr."""
    sent = time.monotonic()
    for proc, sig in signalled:
        proc.send_signal(sig)
    errors = []
    for proc, sig in signalled:
        try:
            _, err = proc.communicate(timeout=max(0.1, sent + within - time.monotonic()))
        except subprocess.TimeoutExpired:
            for other, _ in signalled:
                other.kill()
                other.communicate()
            raise AssertionError(f"{proc.args[3:]} still running {within} s after {signal.Signals(sig).name}")
        assert "Traceback" not in err, err
        errors.append(err)
    return errors


@pytest.mark.slow
def test_sigterm_and_sigint_stop_a_hanging_crawl_within_seconds(mirrors, tmp_path, db):
    """Article pages that take a minute to answer: SIGTERM (crawl) and SIGINT (fetch) stop the run within seconds,
    its row closed as interrupted; the next run completes."""
    mirror = mirrors(None)
    site = GeneratedSite(mirror, 30)
    config = site.config(tmp_path / "config", download_timeout=120)
    for path, _, _ in site.articles:
        mirror.routes[path].delay = 60
    # Both at once, each stopped while it waits for an article (its grace, 5 s, runs out side by side): the crawl
    # reads the newest articles first, the fetch is given the five oldest (one request at a time to the host).
    fetched = {p for p, _, _ in site.articles[:5]}
    runs = [(("crawl", "mfa"), signal.SIGTERM), (("fetch", *site.urls()[:5]), signal.SIGINT)]
    procs = [start_gazette(*args, db=db, config=config) for args, _ in runs]
    wait_for(lambda: mirror.count(lambda p: p in fetched) >= 1, what="an article request of the fetch")
    wait_for(lambda: mirror.count(lambda p: "/t2024" in p and p not in fetched) >= 1,
             what="an article request of the crawl")
    stop_all([(proc, sig) for proc, (_, sig) in zip(procs, runs)], within=15)
    assert [proc.returncode for proc in procs] == [1, 1]  # neither run completed
    assert_consistent(db)
    with closing(sqlite3.connect(db)) as conn:
        closed = [status for (status,) in conn.execute("select status from crawl_runs order by id")]
    assert closed == ["interrupted", "interrupted"], closed
    for path, _, _ in site.articles:
        mirror.routes[path].delay = 0
    done = gazette("crawl", "mfa", "--json", db=db, config=config)
    assert done.returncode == 0, done.stderr
    assert_consistent(db)
    assert count(db, "select count(*) from articles") == 30


@pytest.mark.slow
def test_a_crawl_stopped_by_force_after_archiving_pages_exits(mirrors, tmp_path, db):
    """SIGINT once pages were archived (the pipeline's worker thread is running) and a page hangs past the grace:
    the run is stopped by force and the process exits. Before, the worker thread (not a daemon) outlived the
    reactor: the summary was printed, then the process hung for ever and ignored further SIGINT/SIGTERM."""
    mirror = mirrors(None)
    site = GeneratedSite(mirror, 30)
    config = site.config(tmp_path / "config", download_timeout=120, download_delay=0.3)
    proc = start_gazette("crawl", "mfa", db=db, config=config)
    wait_for(lambda: count(db, "select count(*) from articles") >= 2, what="two archived articles")
    for path, _, _ in site.articles:
        mirror.routes[path].delay = 60  # what is still to come hangs: the graceful stop cannot finish
    stop(proc, signal.SIGINT, within=20)
    assert proc.returncode == 1
    assert_consistent(db)
    for path, _, _ in site.articles:
        mirror.routes[path].delay = 0
    # the next crawl without the 0.3 s between requests that let the first be caught mid-way (~9 s of waiting)
    again = gazette("crawl", "mfa", db=db, config=site.config(tmp_path / "config-again", download_timeout=120))
    assert again.returncode == 0
    assert count(db, "select count(*) from articles") == 30
    # the next crawl says in plain words why it walks every listing page: on its summary line, not as a log
    # record ("2026-12-06 21:37:29 [mfa] WARNING: mfa: the last crawl did not finish; ..." on stderr, before)
    assert again.stderr == "", again.stderr
    assert again.stdout.splitlines()[1].strip() == "walked every listing page: the last crawl did not finish"


def archive_with_due_revisits(mirrors, tmp_path, db, n: int = 40):
    """An archive of n fetched articles, all due for a revisit (first seen two days ago), with their config."""
    site = GeneratedSite(mirrors(None), n)
    config = site.config(tmp_path / "config")
    assert gazette("fetch", *site.urls(), db=db, config=config).returncode == 0
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("update articles set first_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days'), "
                     "last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')")
        conn.execute("update captures set fetched_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')")
        conn.commit()
    return site, config


@pytest.mark.slow
def test_kill_and_sigterm_of_revisit_reextract_serve_and_import(mirrors, tmp_path, db):
    """kill -9 and SIGTERM of revisit, reextract, serve (and import, where this Gazette has it) at a random point:
    the archive passes integrity_check and the consistency checks, and the next run completes."""
    import random
    rng = random.Random(20)
    site, config = archive_with_due_revisits(mirrors, tmp_path, db)
    base = count(db)
    for sig in (signal.SIGKILL, signal.SIGTERM):  # revisit: stopped after a random number of re-fetches
        point = base + rng.randint(2, 15)
        proc = start_gazette("revisit", db=db, config=config)
        wait_for(lambda: count(db) >= point or proc.poll() is not None, what=f"{point} captures")
        stop(proc, sig, within=20)
        assert_consistent(db)
        base = count(db)
    assert count(db, "select count(*) from crawl_runs where status = 'running'") <= 1  # the SIGKILLed one
    again = gazette("revisit", "--json", db=db, config=config)
    assert again.returncode == 0, again.stderr
    assert_consistent(db)
    assert count(db, "select count(*) from crawl_runs where status = 'running'") == 0
    assert set(r["status"] for r in json_lines(again.stdout)) <= {"unchanged"}

    for sig in (signal.SIGKILL, signal.SIGTERM):  # reextract: stopped after a random delay
        proc = start_gazette("reextract", db=db, config=config)
        time.sleep(rng.uniform(0.8, 2.5))
        stop(proc, sig, within=20)
        assert_consistent(db)
    done = gazette("reextract", "--json", db=db, config=config)
    assert done.returncode == 0, done.stderr
    assert_consistent(db)

    # serve: two servers of the archive side by side, one killed, one sent SIGTERM, each while answering
    with closing(socket.socket()) as one, closing(socket.socket()) as two:
        one.bind(("127.0.0.1", 0))
        two.bind(("127.0.0.1", 0))
        ports = [one.getsockname()[1], two.getsockname()[1]]
    servers = [start_gazette("serve", "--port", str(port), db=db, config=config) for port in ports]
    for port, server in zip(ports, servers):
        url = f"http://127.0.0.1:{port}/gazette/articles.json?_search=ambassador"
        wait_for(lambda: _answers(url) or server.poll() is not None, what="gazette serve")
    stop_all(list(zip(servers, (signal.SIGKILL, signal.SIGTERM))), within=20)
    assert_consistent(db)
    assert count(db, "select count(*) from articles") == 40

    has_import = gazette("import", "--help", db=db, config=config).returncode == 0
    if not has_import:
        return  # this Gazette has no import command (yet): nothing more to stop
    warc = tmp_path / "captures.warc.gz"
    assert gazette("export-warc", str(warc), db=db, config=config).returncode == 0
    fresh = tmp_path / "imported.db"
    proc = start_gazette("import", str(warc), db=fresh, config=config)
    kill_after(proc, fresh, rng.randint(3, 20))
    assert_consistent(fresh)
    finished = gazette("import", str(warc), db=fresh, config=config)
    assert finished.returncode == 0, finished.stderr
    assert_consistent(fresh)
    assert count(fresh, "select count(*) from articles") == 40


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False
