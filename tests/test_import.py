"""`gazette import`: WARCs written with warcio from the pages a real crawl fetched give the archive the crawl gave;
order of import does not matter; importing twice changes nothing; WACZ (made by py-wacz) and a real Scrapy
HTTP-cache folder are read; a truncated WARC, a record with a bad digest and a revisit record are handled."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
import sqlite_utils

from .archives import get, pywb_venv, write_warc
from .support import FIXTURES, ROOT, gazette, json_lines, site_mirror, write_config

EDITED = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
D1, D2 = "2024-06-01T08:00:00Z", "2024-07-01T08:00:00Z"
ARTICLE_COLUMNS = ("id", "site", "url", "title", "published", "byline", "source", "translator", "editor", "body",
                   "captions", "language", "layer", "content_hash", "listed_published", "gone_since")


def snapshot(db) -> dict:
    """What must be equal between two archives of the same pages: articles, revisions, bodies, mentions."""
    archive = sqlite_utils.Database(db)
    return {
        "articles": [tuple(r[c] for c in ARTICLE_COLUMNS) for r in archive.query(
            f"select {', '.join(ARTICLE_COLUMNS)} from articles order by id")],
        "revisions": [tuple(r.values()) for r in archive.query(
            "select article_id, title, body, published, byline, captions, layer from revisions "
            "order by article_id, seen_at")],
        "bodies": sorted(r["digest"] for r in archive.query("select digest from captures where outcome != 'failed'")),
        "mentions": [tuple(r.values()) for r in archive.query(
            "select article_id, kind, name, code, count from mentions order by 1, 2, 3")],
    }


def times(db) -> list[tuple]:
    archive = sqlite_utils.Database(db)
    return ([tuple(r.values()) for r in archive.query(
        "select id, first_seen, last_seen, last_changed from articles order by id")] +
        [tuple(r.values()) for r in archive.query(
            "select article_id, seen_at, replaced_at from revisions order by article_id, seen_at")])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A real crawl of the MFA mirror, then one article edited and fetched again; and two WARCs of the same
    responses (every page the crawl requested at D1, the edited article at D2), written with warcio. Made once
    for the module: the tests only read it (the imports need no server: the WARCs hold the pages)."""
    tmp_path = tmp_path_factory.mktemp("crawled")
    mirror = site_mirror("mfa")
    try:
        config = write_config(tmp_path / "config", {"mfa": mirror})
        db = tmp_path / "crawl.db"
        assert gazette("crawl", "mfa", db=db, config=config).returncode == 0
        paths = [p for p in dict.fromkeys(mirror.requests) if not p.endswith("robots.txt")]
        first = write_warc(tmp_path / "first.warc.gz", [
            {"url": mirror.url + p, "date": D1, **dict(zip(("status", "headers", "body"), get(mirror.url + p)))}
            for p in paths])
        page = (FIXTURES / "mfa" / EDITED.lstrip("/")).read_bytes()
        mirror.set(EDITED, page.replace(b"Sun Weidong", b"Sun Weidong (edited)"))
        assert gazette("fetch", mirror.url + EDITED, db=db, config=config).returncode == 0
        status, headers, body = get(mirror.url + EDITED)
        second = write_warc(tmp_path / "second.warc.gz", [
            {"url": mirror.url + EDITED, "date": D2, "status": status, "headers": headers, "body": body}])
    finally:
        mirror.close()
    return {"db": db, "config": config, "first": first, "second": second, "pages": len(paths)}


@pytest.fixture(scope="module")
def imported(crawled, tmp_path_factory):
    """The two WARCs imported into fresh archives, once for the module: `first` (the first WARC alone) and `both`
    (then the second); with each import's summary. Tests that change an archive change a copy (`copy_of`)."""
    tmp = tmp_path_factory.mktemp("imported")
    first, both = tmp / "first.db", tmp / "both.db"
    one = gazette("import", "--json", str(crawled["first"]), db=first, config=crawled["config"])
    assert one.returncode == 0, one.stderr
    copy_of(first, both)
    two = gazette("import", "--json", str(crawled["second"]), db=both, config=crawled["config"])
    assert two.returncode == 0, two.stderr
    return {"first": first, "both": both, "one": json_lines(one.stdout)[0], "two": json_lines(two.stdout)[0]}


def copy_of(db: Path, to: Path) -> Path:
    """A copy of the archive `db` at `to` (SQLite's backup: whatever its write-ahead log still holds comes along)."""
    to.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(db)) as source, closing(sqlite3.connect(to)) as target:
        source.backup(target)
    return to


def test_import_gives_the_archive_a_crawl_gives(crawled, imported, tmp_path):
    db, config = copy_of(imported["both"], tmp_path / "import.db"), crawled["config"]
    summary = imported["one"]  # `gazette import --json` of the first WARC into a fresh archive
    assert summary["records"] == crawled["pages"]  # one response record per page the crawl requested
    assert summary["new"] >= 5 and summary["refused"] == 0 and summary["unreadable"] == 0
    assert summary["skipped"]["listing"] >= 3  # the listings were read for their dates, not archived
    two = imported["two"]  # then of the second WARC
    assert two["updated"] == 1 and two["sites"]["mfa"]["updated"] == 1
    assert snapshot(db) == snapshot(crawled["db"])
    # gazette status tells a source's imported captures (it was never crawled into this archive)
    status = {s["site"]: s for s in json_lines(gazette("status", "--json", db=db, config=config).stdout)}
    mfa = summary["sites"]["mfa"]
    assert status["mfa"]["last_run"] is None and status["mfa"]["imported"] == {
        "captures": mfa["new"] + mfa["duplicate"] + mfa["unchanged"] + mfa["updated"] + two["updated"],
        "from": D1[:4], "to": D2[:4]}
    assert "imported: " in gazette("status", db=db, config=config).stdout
    archive = sqlite_utils.Database(db)
    origins = list(archive.query("select o.kind, o.source, o.record, c.fetched_at from capture_origins o "
                                 "join captures c on c.id = o.capture_id order by c.id"))
    assert origins and all(o["kind"] == "warc" and o["record"].startswith("<urn:uuid:") for o in origins)
    assert {o["fetched_at"] for o in origins} == {D1, D2}  # capture time, not import time
    assert origins[-1]["source"] == str(crawled["second"])
    # importing the same files again changes nothing
    before = snapshot(db), times(db)
    again = json_lines(gazette("import", "--json", str(crawled["first"]), str(crawled["second"]), db=db,
                               config=config).stdout)[0]
    assert again["new"] == again["updated"] == again["unchanged"] == 0
    assert again["already_archived"] == summary["new"] + 1
    assert (snapshot(db), times(db)) == before


def test_revisions_follow_capture_time_not_import_order(crawled, imported, tmp_path):
    forward, backward = imported["both"], tmp_path / "backward.db"  # forward: first, then second
    config = crawled["config"]
    for name in ("second", "first"):
        assert gazette("import", str(crawled[name]), db=backward, config=config).returncode == 0
    assert snapshot(backward) == snapshot(forward)
    assert times(backward) == times(forward)
    archive = sqlite_utils.Database(backward)
    [article] = list(archive.query("select * from articles where body like '%Sun Weidong (edited)%'"))
    assert (article["first_seen"], article["last_changed"], article["last_seen"]) == (D1, D2, D2)
    [revision] = list(archive.query("select * from revisions where article_id = ?", [article["id"]]))
    assert (revision["seen_at"], revision["replaced_at"]) == (D1, D2) and "(edited)" not in revision["body"]
    # revisits watch what was fetched live: articles known only from imported captures are never due
    due = gazette("revisit", "--dry-run", "--json", db=backward, config=config)
    assert due.returncode == 0 and json_lines(due.stdout) == []
    # re-extraction reads each article's latest capture by capture time (the 2024-06 one was imported last)
    before = snapshot(backward)
    assert gazette("reextract", db=backward, config=config).returncode == 0
    assert snapshot(backward) == before


def test_wacz_made_by_py_wacz_imports_like_its_warc(crawled, imported, tmp_path):
    venv = pywb_venv()
    if venv is None:
        pytest.skip("py-wacz is not installed (.ci/run puts it in .venv-pywb; or set GAZETTE_PYWB_VENV)")
    wacz = tmp_path / "first.wacz"
    subprocess.run([str(venv / "bin" / "wacz"), "create", "-o", str(wacz), str(crawled["first"])], check=True,
                   capture_output=True, timeout=120)
    from_warc, from_wacz = imported["first"], tmp_path / "wacz.db"
    proc = gazette("import", "--json", str(wacz), db=from_wacz, config=crawled["config"])
    assert proc.returncode == 0, proc.stderr
    assert json_lines(proc.stdout)[0]["new"] >= 5
    assert snapshot(from_wacz) == snapshot(from_warc)
    kinds = {r["kind"] for r in sqlite_utils.Database(from_wacz).query("select kind from capture_origins")}
    assert kinds == {"wacz"}


def test_truncated_warc_keeps_what_precedes_and_the_full_file_completes_it(crawled, imported, tmp_path):
    data = crawled["first"].read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    db, config = tmp_path / "cut.db", crawled["config"]
    proc = gazette("import", "--json", str(cut), db=db, config=config)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    summary = json_lines(proc.stdout)[0]
    assert summary["problems"] or summary["unreadable"]
    partial = summary["new"]
    assert partial >= 1
    whole = json_lines(gazette("import", "--json", str(crawled["first"]), db=db, config=config).stdout)[0]
    assert whole["already_archived"] == partial and whole["new"] >= 1
    assert snapshot(db) == snapshot(imported["first"])  # the first WARC imported whole at once


def test_bad_digest_is_counted_and_a_revisit_is_resolved(mirrors, mirrored_config, tmp_path):
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    good, bad = "/eng/xw/wjbxw/202405/t20240509_11301123.html", EDITED
    first = {"url": mirror.url + good, "date": D1, "body": get(mirror.url + good)[2]}
    records = [first, {"url": mirror.url + bad, "date": D1, "body": get(mirror.url + bad)[2]},
               {"url": mirror.url + good, "date": D2, "revisit_of": first}]
    warc = write_warc(tmp_path / "plain.warc", records, gzip=False)
    data = warc.read_bytes()
    spot = data.index(b"Sun Weidong")
    warc.write_bytes(data[:spot] + b"Sun Weidonk" + data[spot + len(b"Sun Weidong"):])  # same length, wrong digest
    db = tmp_path / "g.db"
    proc = gazette("import", "--json", str(warc), db=db, config=config)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    summary = json_lines(proc.stdout)[0]
    assert (summary["new"], summary["unchanged"], summary["unreadable"]) == (1, 1, 1)
    assert any("payload digest failed" in e for e in summary["errors"])
    archive = sqlite_utils.Database(db)
    [row] = list(archive.query("select * from articles"))
    assert row["url"].endswith(good) and (row["first_seen"], row["last_seen"]) == (D1, D2)  # the revisit moved it


def test_a_record_without_its_capture_time_is_counted_not_archived(mirrors, mirrored_config, tmp_path):
    """A WARC record must carry its WARC-Date; one that does not has no place among an article's revisions, so it
    is left out and counted (it once went on with no capture time), and the file's other records are archived."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    good, undated = "/eng/xw/wjbxw/202405/t20240509_11301123.html", EDITED
    warc = write_warc(tmp_path / "plain.warc", [{"url": mirror.url + good, "date": D1, "body": get(mirror.url + good)[2]},
                                               {"url": mirror.url + undated, "date": D2,
                                                "body": get(mirror.url + undated)[2]}], gzip=False)
    data = warc.read_bytes()
    assert data.count(f"WARC-Date: {D2}\r\n".encode()) == 1
    warc.write_bytes(data.replace(f"WARC-Date: {D2}\r\n".encode(), b""))
    db = tmp_path / "g.db"
    proc = gazette("import", "--json", str(warc), db=db, config=config)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    summary = json_lines(proc.stdout)[0]
    assert (summary["new"], summary["skipped"].get("no capture time")) == (1, 1)
    assert [r["url"] for r in sqlite_utils.Database(db).query("select url from articles")] == [mirror.url + good]


def test_a_text_back_to_an_earlier_one_in_the_same_batch_is_tagged_anew(mirrors, mirrored_config, tmp_path):
    """An import tells decide what the archive holds for each capture's article, so an unchanged text is not tagged
    again; captures are decided a batch at a time, so a later capture in the batch can return to a text the archive
    no longer holds by the time it is written (A, then B, then A again). It must be tagged then: its article ends
    with A's mentions, not B's."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    url = mirror.url + "/eng/xw/wjbxw/202405/t20240509_11301123.html"
    text_a = get(url)[2]
    text_b = text_a.replace(b"<p", b"<p>Luxembourg sent a delegation.</p><p", 1)
    db = tmp_path / "g.db"
    first = write_warc(tmp_path / "first.warc", [{"url": url, "date": D1, "body": text_a}])
    second = write_warc(tmp_path / "second.warc", [{"url": url, "date": D2, "body": text_b},
                                                   {"url": url, "date": "2024-08-01T08:00:00Z", "body": text_a}])
    assert gazette("import", str(first), db=db, config=config).returncode == 0
    names = lambda: {r["name"] for r in sqlite_utils.Database(db).query("select name from mentions")}  # noqa: E731
    before = names()
    assert "Luxembourg" not in before
    summary = json_lines(gazette("import", "--json", str(second), db=db, config=config).stdout)[0]
    assert summary["updated"] == 2
    assert names() == before
    [body] = [r["body"] for r in sqlite_utils.Database(db).query("select body from articles")]
    assert "Luxembourg" not in body


SCRAPY_CACHE = FIXTURES / "scrapy-cache"


def test_real_scrapy_cache_folder_imports(tmp_path):
    """A subset of a real scraper's committed Scrapy HTTP cache (see tests/fixtures/scrapy-cache/PROVENANCE.md)."""
    expected = json.loads((SCRAPY_CACHE / "import-expected.json").read_text("utf-8"))
    folder = tmp_path / "httpcache"
    shutil.copytree(SCRAPY_CACHE / "chinafm", folder)
    db = tmp_path / "g.db"
    proc = gazette("import", "--json", str(folder), db=db)  # the shipped config: the ministry's real hosts
    assert proc.returncode == 0, proc.stderr
    summary = json_lines(proc.stdout)[0]
    assert summary["records"] == expected["entries"]
    assert summary["new"] == len(expected["articles"])
    archive = sqlite_utils.Database(db)
    for want in expected["articles"]:
        [row] = list(archive.query("select a.* from articles a join article_urls u on u.article_id = a.id "
                                   "where u.url = ?", [want["url"]]))
        assert row["title"] == want["title"] and row["published"] == want["published"]
        assert want["first_words"] in row["body"] and row["first_seen"] == want["captured"]
        assert row["site"] == want["site"]
    kinds = {r["kind"] for r in archive.query("select kind from capture_origins")}
    assert kinds == {"scrapy-cache"}
    # the error page is no article; the 2018-2020 listing is read for its dates (the site's listing_pattern)
    assert summary["skipped"] == {"not an article page": 1, "listing": 1}


def children(pid: int) -> list[int]:
    """The ids of a running process's child processes (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if f"\nPPid:\t{pid}\n" in text:
            found.append(int(status.parent.name))
    return found


def copies_warc(mirror, path: Path, n: int = 240, gzip: bool = True) -> Path:
    """A WARC of n distinct article captures: three recorded ministry pages, each copy with its own URL and text."""
    pages = [get(mirror.url + p)[2] for p in (EDITED, "/eng/xw/wjbxw/202405/t20240509_11301123.html",
                                              "/eng/xw/wjbxw/202404/t20240410_11279901.html")]
    return write_warc(path, [{"url": f"{mirror.url}/eng/xw/wjbxw/202405/t20240515_{9_000_000 + k}.html",
                              "date": f"2024-06-01T08:{k // 60:02d}:{k % 60:02d}Z",
                              "body": pages[k % 3].replace(b"<p>", b"<p>Copy %d. " % k, 1)} for k in range(n)],
                      gzip=gzip)


def test_pages_decided_in_worker_processes_give_the_archive_one_process_gives(mirrors, mirrored_config, tmp_path):
    """With --workers, the pages are decided in worker processes and, while it would wait for them, in the
    importing process too (pages no worker has started): the archive is the one a single process makes."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    warc = copies_warc(mirror, tmp_path / "big.warc.gz")
    one, three = tmp_path / "one.db", tmp_path / "three.db"
    assert gazette("import", "--workers", "1", str(warc), db=one, config=config).returncode == 0
    assert gazette("import", "--workers", "3", str(warc), db=three, config=config).returncode == 0
    assert snapshot(one) == snapshot(three) and times(one) == times(three)
    assert sqlite_utils.Database(three).execute("select count(*) from articles").fetchone()[0] >= 200
    # the site's boilerplate, relearned at the end from the pages' lines read in the pool, is the same too
    learned = [sorted(sqlite_utils.Database(db).execute("select line, pages, seen_in from learned_boilerplate"))
               for db in (one, three)]
    assert learned[0] == learned[1] and learned[0]


def test_a_damaged_record_among_pages_decided_by_workers_is_counted_as_in_one_process(mirrors, mirrored_config,
                                                                                     tmp_path):
    """With workers, a record whose body fails its digest is counted unreadable, with the same error, and the
    others archived, as in one process."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    warc = copies_warc(mirror, tmp_path / "big.warc", gzip=False)
    data = warc.read_bytes()
    spot = data.index(b"Copy 150. ")
    warc.write_bytes(data[:spot] + b"Copx 150. " + data[spot + 10:])  # same length, wrong digest
    summaries = {}
    for workers in ("1", "2"):
        db = tmp_path / f"{workers}.db"
        proc = gazette("import", "--json", "--workers", workers, str(warc), db=db, config=config)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        summaries[workers] = json_lines(proc.stdout)[0]
        assert summaries[workers]["unreadable"] == 1 and summaries[workers]["new"] == 239
        assert [e for e in summaries[workers]["errors"] if "payload digest failed" in e and "9000150" in e]
    assert summaries["1"]["errors"] == summaries["2"]["errors"]
    assert snapshot(tmp_path / "1.db") == snapshot(tmp_path / "2.db")


def test_an_archives_own_export_read_back_with_workers_changes_nothing(mirrors, mirrored_config, tmp_path):
    """The captures of `gazette export-warc`, imported back into the archive they came from, come under new
    record ids: each is known by its URL, time and body when read, and skipped as already archived."""
    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    warc, db, out = copies_warc(mirror, tmp_path / "big.warc.gz"), tmp_path / "g.db", tmp_path / "export.warc.gz"
    assert gazette("import", "--workers", "2", str(warc), db=db, config=config).returncode == 0
    assert gazette("export-warc", str(out), db=db, config=config).returncode == 0
    before = snapshot(db), times(db), sqlite_utils.Database(db).execute(
        "select count(*) from captures").fetchone()[0]
    proc = gazette("import", "--json", "--workers", "2", str(out), db=db, config=config)
    assert proc.returncode == 0, proc.stderr
    summary = json_lines(proc.stdout)[0]
    assert summary["already_archived"] == 240 and summary["new"] == summary["updated"] == summary["unchanged"] == 0
    assert (snapshot(db), times(db), sqlite_utils.Database(db).execute(
        "select count(*) from captures").fetchone()[0]) == before


def test_a_killed_import_is_finished_by_running_it_again(mirrors, mirrored_config, tmp_path):
    """SIGKILL in the middle of an import of 240 records, then the same command again: the archive equals one
    imported in a single run."""
    import os
    import signal
    import sys
    import time

    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    warc = copies_warc(mirror, tmp_path / "big.warc.gz")
    killed, whole = tmp_path / "killed.db", tmp_path / "whole.db"
    env = {**os.environ, "GAZETTE_DB": str(killed), "GAZETTE_CONFIG": str(config)}
    process = subprocess.Popen([sys.executable, "-m", "crawler", "import", str(warc)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    count = 0
    while time.monotonic() < deadline and process.poll() is None:
        try:
            count = sqlite_utils.Database(killed).execute("select count(*) from capture_origins").fetchone()[0]
        except sqlite3.Error:  # the archive is being created
            count = 0
        if count >= 32:
            break
        time.sleep(0.05)
    workers = children(process.pid)   # the extraction processes (one per core by default)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL, "the import ended before it could be killed"
    assert 32 <= count < 240
    deadline = time.monotonic() + 10   # its workers do not outlive it
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")], "import workers outlived the import"
    again = gazette("import", "--json", str(warc), db=killed, config=config)
    assert again.returncode == 0, again.stderr
    summary = json_lines(again.stdout)[0]
    assert summary["already_archived"] >= 32 and summary["already_archived"] + summary["new"] + summary[
        "duplicate"] == 240
    # the killed run's row, left `running` by a process that is gone, was closed by the next one
    runs = [r["status"] for r in sqlite_utils.Database(killed).query("select status from imports order by id")]
    assert runs == ["interrupted", "ok"]
    assert gazette("import", str(warc), db=whole, config=config).returncode == 0
    assert snapshot(killed) == snapshot(whole) and times(killed) == times(whole)


def test_a_signal_during_a_batch_write_waits_for_its_commit_and_count():
    """Ctrl-C or SIGTERM during a batch's write (crawler/importing/importer.py `uninterrupted`) takes effect once the
    batch is committed and counted: the block runs to its end, then the signal acts as it would have (the
    interrupted run's counts are then what it wrote; a signal during the commit used to skip the counting). In a
    process of its own, whose main thread this is."""
    import sys
    script = """
import os, signal, time
from crawler.importing.importer import uninterrupted
signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal (a background shell ignores SIGINT)
done = []
try:
    with uninterrupted():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        done.append("after the signal")
except KeyboardInterrupt:
    print("interrupted after", done, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.stdout.strip() == "interrupted after ['after the signal'] True", out.stdout + out.stderr


def test_ctrl_c_stops_an_import_in_one_line_and_the_next_run_finishes_it(mirrors, mirrored_config, tmp_path):
    """Ctrl-C at a terminal signals the whole process group, the worker processes too: the import stops with one
    line and exit 130, no traceback from any process, no worker left; the same command then completes the archive."""
    import os
    import signal
    import sys
    import time

    mirror = mirrors("mfa")
    config = mirrored_config({"mfa": mirror})
    warc = copies_warc(mirror, tmp_path / "big.warc.gz", 400)
    stopped, whole = tmp_path / "stopped.db", tmp_path / "whole.db"
    env = {**os.environ, "GAZETTE_DB": str(stopped), "GAZETTE_CONFIG": str(config)}
    # as from a terminal: SIGINT not ignored (a shell starts background jobs, such as a CI run, with it ignored,
    # and Python then leaves it so)
    process = subprocess.Popen([sys.executable, "-m", "crawler", "import", "--workers", "3", str(warc)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline, count = time.monotonic() + 120, 0
    while time.monotonic() < deadline and process.poll() is None and count < 32:
        try:
            count = sqlite_utils.Database(stopped).execute("select count(*) from capture_origins").fetchone()[0]
        except sqlite3.Error:  # the archive is being created
            pass
        time.sleep(0.05)
    workers = children(process.pid)
    for pid in workers:  # a worker takes no Ctrl-C of its own: it is the importing process's to stop them
        os.kill(pid, signal.SIGINT)
    time.sleep(0.3)
    assert count >= 32 and workers and process.poll() is None, "the import ended before it could be stopped"
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()
    assert err.decode().strip() == "gazette: interrupted; run the same import again to finish it", err.decode()
    imports = list(sqlite_utils.Database(stopped).query("select status, counts from imports"))
    assert [i["status"] for i in imports] == ["interrupted"]
    written = sqlite_utils.Database(stopped).execute("select count(*) from capture_origins").fetchone()[0]
    counts = json.loads(imports[0]["counts"])  # what the interrupted run says it archived is what it wrote
    assert counts["new"] + counts["duplicate"] + counts["unchanged"] + counts["updated"] == written
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")], "import workers outlived the import"
    assert gazette("import", str(warc), db=stopped, config=config).returncode == 0
    assert gazette("import", str(warc), db=whole, config=config).returncode == 0
    assert snapshot(stopped) == snapshot(whole) and times(stopped) == times(whole)


def test_gazettes_own_export_comes_back_whole_whatever_the_article_pattern(crawled, tmp_path):
    """A page `gazette fetch` archived outside its site's article pattern is in the export, marked as an article
    (WARC-Gazette-Article-Id), and `gazette import` takes it back; a WARC of other origin is still held to the
    pattern."""
    import tomllib

    import tomli_w

    out = tmp_path / "export.warc.gz"
    assert gazette("export-warc", str(out), db=crawled["db"], config=crawled["config"]).returncode == 0
    raw = tomllib.loads((crawled["config"] / "sites.toml").read_text("utf-8"))
    raw["sites"]["mfa"]["article_pattern"] = "^/no-article-matches-this$"
    narrow = tmp_path / "narrow"
    narrow.mkdir()
    (narrow / "sites.toml").write_text(tomli_w.dumps(raw), "utf-8")
    back = json_lines(gazette("import", "--json", str(out), db=tmp_path / "back.db", config=narrow).stdout)[0]
    archived = sqlite_utils.Database(crawled["db"]).execute("select count(*) from articles").fetchone()[0]
    assert back["new"] == archived and archived >= 5
    foreign = json_lines(gazette("import", "--json", str(crawled["first"]), db=tmp_path / "foreign.db",
                                 config=narrow).stdout)[0]
    assert foreign["new"] == 0 and foreign["skipped"]["not an article page"] >= 5


def test_a_file_that_is_no_warc_is_one_line_and_leaves_no_archive(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a web archive\n")
    db = tmp_path / "new.db"
    proc = gazette("import", str(text), db=db)
    assert proc.returncode == 2 and "not a WARC, WACZ or Scrapy cache folder" in proc.stderr
    assert "Traceback" not in proc.stderr and not db.exists()


def test_a_file_of_no_configured_site_says_what_to_check(tmp_path):
    """Pages whose hosts no configured site has (a WARC crawled with another config, or of the demo's loopback
    server) are counted, and the summary says what to check rather than only '0 new'."""
    page = b"<html><head><title>A page</title></head><body><p>" + b"Some text of a page. " * 30 + b"</p></body></html>"
    warc = write_warc(tmp_path / "other.warc", [{"url": "http://pages.example.org/a.html", "date": D1, "body": page}])
    proc = gazette("import", str(warc), db=tmp_path / "g.db")
    assert proc.returncode == 0 and "1 no configured site" in proc.stdout
    assert "is --config the config the pages were crawled with?" in proc.stdout and "--other" in proc.stdout
    other = gazette("import", "--other", str(warc), db=tmp_path / "g.db")
    assert "1 new" in other.stdout and "--config" not in other.stdout


def test_a_rerun_of_a_file_with_pages_of_a_configured_site_does_not_blame_the_config(tmp_path):
    """Imported again, a colleague's WARC with an article of a configured site and a page of another site has
    nothing new: the summary says the article is archived already, not that no page is on a configured host."""
    article = (FIXTURES / "mfa" / EDITED.lstrip("/")).read_bytes()
    page = b"<html><head><title>A page</title></head><body><p>" + b"Some text of a page. " * 30 + b"</p></body></html>"
    warc = write_warc(tmp_path / "colleague.warc", [{"url": "https://www.fmprc.gov.cn" + EDITED, "date": D1,
                                                     "body": article},
                                                    {"url": "http://pages.example.org/a.html", "date": D1,
                                                     "body": page}])
    first = gazette("import", str(warc), db=tmp_path / "g.db")
    assert first.returncode == 0 and "1 new" in first.stdout and "--config" not in first.stdout
    again = gazette("import", str(warc), db=tmp_path / "g.db")
    assert again.returncode == 0 and "1 already archived" in again.stdout and "1 no configured site" in again.stdout
    assert "--config" not in again.stdout, again.stdout


def test_the_summary_adds_up_to_the_records_read(tmp_path):
    """Every record read is counted somewhere: a WARC's request and warcinfo records (wget, Heritrix and
    Browsertrix write one request per response), a Scrapy cache entry without its body, and a record cut off by
    the end of a truncated file are each counted as left out, by reason."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    article = (FIXTURES / "mfa" / EDITED.lstrip("/")).read_bytes()
    path = tmp_path / "wget.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "Wget/1.21"}))
        for url in ("https://www.fmprc.gov.cn" + EDITED, "http://pages.example.org/a.html"):
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0,
                                                          http_headers=request,
                                                          warc_headers_dict={"WARC-Date": D1}))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(article),
                                                          length=len(article), http_headers=http,
                                                          warc_headers_dict={"WARC-Date": D1}))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[:-200])
    cache = tmp_path / "httpcache"
    shutil.copytree(SCRAPY_CACHE / "chinafm", cache)
    next(cache.rglob("response_body")).unlink()

    def added_up(summary: dict) -> int:
        return sum(summary[k] for k in ("new", "updated", "unchanged", "duplicate", "refused", "gone",
                                        "unreadable")) + sum(summary["skipped"].values())

    for source in (path, cut, cache):
        summary = json_lines(gazette("import", "--json", str(source), db=tmp_path / "g.db").stdout)[0]
        assert summary["records"] == added_up(summary), (source.name, summary)
    assert summary["skipped"]["cache entry without its body"] == 1


def test_the_importing_process_runs_what_no_worker_has_started():
    """While it waits for a batch, the importing process runs the batch's calls that no worker has started: with
    the one worker busy, it runs them all but those already handed to that worker's queue (the pool hands a worker
    up to 1 + EXTRA_QUEUED_CALLS calls: the busy one and the next, or, once the worker took the busy one, the next
    two), and those are the first ones."""
    import os
    import time
    from concurrent.futures.process import EXTRA_QUEUED_CALLS

    from crawler.config import load
    from crawler.importing.deciding import Deciding, Job

    with Deciding(load(), {}, workers=2) as deciding:
        busy = Job(deciding.pool, time.sleep, 1.0)
        quick = [Job(deciding.pool, os.getpid) for _ in range(6)]
        deciding.finish(quick)
        pids = [job.result() for job in quick]
        assert busy.result() is None
    here = pids.count(os.getpid())
    assert here >= len(quick) - (1 + EXTRA_QUEUED_CALLS), pids
    assert pids[len(quick) - here:] == [os.getpid()] * here, pids  # the worker's were the first handed over


def _tagger_state(_):
    """In an import worker: whether its config's gazetteers and meeting rules were compiled before it started."""
    from crawler.importing.deciding import _STARTED

    taggers = vars(_STARTED["config"].taggers)
    return _STARTED["worker"], "mentions" in taggers and "meetings" in taggers


def test_workers_start_with_the_gazetteers_compiled():
    """The gazetteers and meeting rules are compiled once, in the importing process, before its workers start: a
    worker inherits them, not compiling its own (~0.3 s of CPU each, 3% of a 1,000-record import)."""
    from crawler.config import load
    from crawler.importing.deciding import Deciding, Job

    with Deciding(load(), {}, workers=2) as deciding:
        assert Job(deciding.pool, _tagger_state, 0).result() == (True, True)  # (run by the worker: never taken back)


def test_without_workers_each_batch_is_written_before_the_next_is_read(tmp_path):
    """A backfill reads its captures in the importing process, each fetched from the web archive when read (at
    --delay apart: 4 s by default); a batch is written before the next is read, so an interruption loses at most
    one batch of fetches, not two."""
    from archive import Archive
    from crawler.config import load
    from crawler.importing.importer import BATCH, Run, archive_captures, in_batches
    from crawler.importing.sources import Capture

    config = load()
    body = (FIXTURES / "mfa" / EDITED.lstrip("/")).read_bytes()
    written_when_read: list[int] = []
    with Archive(str(tmp_path / "g.db")) as archive:
        def loader(n: int):
            def load():
                written_when_read.append(archive.db.execute("select count(*) from captures").fetchone()[0])
                return {"Content-Type": "text/html; charset=utf-8"}, body.replace(b"Sun Weidong", f"Sun {n}".encode())
            return load

        captures = [Capture(kind="web-archive", source="test", record=f"r{n}",
                            url=f"https://www.fmprc.gov.cn/eng/xw/wjbxw/202405/t20240515_{11305000 + n}.html",
                            time=f"2020-01-01T00:{n // 60:02d}:{n % 60:02d}Z", status=200, media="text/html",
                            loader=loader(n)) for n in range(BATCH + 1)]
        run = Run()
        archive_captures(archive, config, captures, run, import_id=None)
    assert run.sites["mfa"]["new"] == BATCH + 1
    starts = [0]
    for batch in in_batches(captures):
        starts.append(starts[-1] + len(batch))
    assert len(starts) > 2
    for start in starts[1:-1]:  # each batch was in the archive when the next one's first capture was read
        assert written_when_read[start] == start


def test_a_gzipped_file_that_is_no_warc_is_a_usage_error_and_a_damaged_header_a_problem(tmp_path):
    """A .gz that holds no WARC (notes, a tarball) is said like any file that is no capture file (exit 2, no
    archive made), not read as a WARC damaged from its first byte (exit 1, 0 records, an empty archive); a WARC
    whose first record has no WARC-Type is damaged (exit 1), not a file of one record of type None (exit 0)."""
    import gzip
    import tarfile

    notes = tmp_path / "notes.txt.gz"
    notes.write_bytes(gzip.compress(b"not a web archive\n"))
    tarball = tmp_path / "pages.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(FIXTURES / "mfa" / EDITED.lstrip("/"), arcname="page.html")
    db = tmp_path / "new.db"
    for path in (notes, tarball):
        proc = gazette("import", str(path), db=db)
        assert proc.returncode == 2 and "a gzipped file that is not a WARC" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr and not db.exists()
    folder = tmp_path / "warcs"  # a folder of WARCs is not read as one: the error names what it holds
    folder.mkdir()
    write_warc(folder / "a.warc.gz", [{"url": "https://www.fmprc.gov.cn" + EDITED, "date": D1, "body": b"x"}])
    proc = gazette("import", str(folder), db=db)
    assert proc.returncode == 2 and "it holds 1 WARC or WACZ files: name them" in proc.stderr, proc.stderr
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(b"WARC/1.0\r\nnot a header\r\n\r\n")
    proc = gazette("import", "--json", str(damaged), db=db)
    summary = json_lines(proc.stdout)[0]
    assert proc.returncode == 1 and "has no WARC-Type" in summary["problems"][0], proc.stdout
