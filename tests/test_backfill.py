"""`gazette backfill` against a real pywb (`wb-manager` collection of warcio-written WARCs of the recorded MFA pages
at two times, `wayback` serving CDX and id_ replay on loopback), behind a proxy whose CDX answers 429 first.

Faults played: the index answers 429 (Retry-After: 1) then 200; a capture that is the site's page-deleted page
(soft 404); a capture redirecting off the site; a capture whose digest repeats the one before (collapsed)."""
from __future__ import annotations

import re

import pytest
import sqlite_utils

from .archives import FaultProxy, Pywb, pywb_venv, write_warc
from .support import FIXTURES, gazette, json_lines

pytestmark = pytest.mark.slow

SITE = "https://www.fmprc.gov.cn"
EDITED = "/eng/xw/wjbxw/202405/t20240515_11305672.html"
SAME = "/eng/xw/wjbxw/202405/t20240509_11301123.html"
DELETED = "/eng/xw/wjbxw/202404/t20240410_11279901.html"
MOVED = "/eng/xw/wjbxw/202401/t20240112_11222001.html"
LISTING = "/eng/xw/wjbxw/"
T1, T2 = "2019-03-01T08:00:00Z", "2021-05-01T08:00:00Z"


def page(path: str) -> bytes:
    path = path + "index.html" if path.endswith("/") else path
    return (FIXTURES / "mfa" / path.lstrip("/")).read_bytes()


@pytest.fixture
def pywb(tmp_path):
    venv = pywb_venv()
    if venv is None:
        pytest.skip("pywb is not installed (.ci/run puts it in .venv-pywb; or set GAZETTE_PYWB_VENV)")
    soft_404 = page("/web/system/index_17321.shtml")
    first = write_warc(tmp_path / "2019.warc.gz", [
        {"url": SITE + p, "date": T1, "body": page(p)} for p in (LISTING, EDITED, SAME, DELETED, MOVED)] + [
        {"url": SITE + "/eng/images/logo.png", "date": T1, "body": b"\x89PNG\r\n",
         "headers": [("Content-Type", "image/png")]}])
    second = write_warc(tmp_path / "2021.warc.gz", [
        {"url": SITE + EDITED, "date": T2, "body": page(EDITED).replace(b"Sun Weidong", b"Sun Weidong (edited)")},
        {"url": SITE + SAME, "date": T2, "body": page(SAME)},
        {"url": SITE + DELETED, "date": T2, "body": soft_404},
        {"url": SITE + MOVED, "date": T2, "body": b"", "status": 302,
         "headers": [("Location", "https://www.example.com/moved.html"), ("Content-Type", "text/html")]},
        {"url": "https://www.example.com/moved.html", "date": T2,
         "body": b"<html><head><title>Elsewhere</title></head><body><p>Not the ministry.</p></body></html>"}])
    server = Pywb(venv, tmp_path / "pywb", [first, second])
    proxy = FaultProxy(f"http://127.0.0.1:{server.port}", fault_path="/coll/cdx", too_many=1, retry_after="1")
    yield proxy
    proxy.close()
    server.close()


OUTCOMES = ("new", "updated", "unchanged", "duplicate", "refused", "gone", "unreadable")


def added_up(summary: dict) -> bool:
    """Every index row counted once: an article capture, a listing capture, or left out by reason; every article
    capture once: archived already, the same digest as the one archived before it, fetched (by outcome; a dry
    run's `would_fetch`), or left for the next run."""
    fetched = summary["would_fetch"] if summary.get("dry_run") else sum(summary[k] for k in OUTCOMES)
    return (summary["index_rows"] == summary["article_captures"] + summary["listing_captures"]
            + sum(summary["left_out"].values())
            and summary["article_captures"] == summary["already_archived"] + summary["same_as_archived"] + fetched
            + summary["left_for_next_run"])


def replays(proxy) -> list[str]:
    return [p for p in proxy.requests if "id_/" in p]


def test_backfill_from_pywb_archives_every_capture_in_time_order_and_fetches_once(pywb, tmp_path):
    archive_url = pywb.url + "/coll/"
    db = tmp_path / "g.db"
    dry = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--dry-run", "--json", db=db)
    assert dry.returncode == 0, dry.stderr
    *planned, totals = json_lines(dry.stdout)
    # after the captures it would fetch, the totals, as the real run's summary gives them: what it would fetch,
    # skip, per site
    assert totals["dry_run"] and totals["would_fetch"] == len(planned) == 7 and added_up(totals)
    assert totals["sites"] == {"mfa": {"would_fetch": 7, "already_archived": 0, "same_as_archived": 0,
                                       "left_for_next_run": 0}}
    assert (totals["records"], totals["skipped"], totals["waits"]) == (totals["index_rows"], {"already archived": 0},
                                                                        [1.0])
    # every article capture but the 2021 one of SAME, whose digest repeats its 2019 capture
    assert sorted((p["time"], p["url"].removeprefix(SITE)) for p in planned) == sorted(
        [(T1, p) for p in (EDITED, SAME, DELETED, MOVED)] + [(T2, p) for p in (EDITED, DELETED, MOVED)])
    assert all(p["replay_url"].startswith(archive_url) for p in planned) and not replays(pywb)
    # the index's first answer was 429 (Retry-After: 1): waited as asked, then read
    assert pywb.requests[0].startswith("/coll/cdx") and pywb.requests[1] == pywb.requests[0]
    plain = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--dry-run", db=db)
    assert plain.returncode == 0 and "would fetch 2019-03-01T08:00:00Z" in plain.stdout
    assert not db.exists()  # a dry run into no archive leaves none (`gazette status`, `serve` would see it empty)
    assert "7 captures to fetch, 0 already archived: 7 article captures of " in plain.stderr, plain.stderr
    limited = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--dry-run", "--limit", "2", db=db)
    assert "2 captures to fetch (5 more after this run: --limit)" in limited.stderr, limited.stderr

    pywb.too_many = 1  # and once more: the run's summary says how long the archive asked it to wait
    first = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--limit", "3", "--json", db=db)
    assert first.returncode == 0, first.stderr
    assert json_lines(first.stdout)[0]["new"] == 3 and json_lines(first.stdout)[0]["waits"] == [1.0]
    assert json_lines(first.stdout)[0]["left_for_next_run"] == len(planned) - 3  # said, not only in the next run
    assert added_up(json_lines(first.stdout)[0])
    fetched_first = {p.split("id_/")[0] for p in replays(pywb)}
    ahead = json_lines(gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--dry-run", "--json",
                               db=db).stdout)[-1]
    second = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--json", db=db)
    assert second.returncode == 0, second.stderr
    summary = json_lines(second.stdout)[0]
    # the dry run's totals have the real run's shape (its outcomes, known once fetched, as `would_fetch`) and
    # foretold it: as many fetched as it would fetch, the same skipped, per site too
    assert set(ahead) - {"dry_run", "would_fetch"} == set(summary) - set(OUTCOMES) and added_up(ahead)
    assert ahead["would_fetch"] == sum(summary[k] for k in OUTCOMES) == 4
    assert {k: ahead[k] for k in ("records", "skipped", "already_archived", "left_for_next_run")} == \
        {k: summary[k] for k in ("records", "skipped", "already_archived", "left_for_next_run")}
    assert ahead["sites"]["mfa"] == {"would_fetch": 4, "already_archived": 3, "same_as_archived": 0,
                                     "left_for_next_run": 0}
    assert summary["already_archived"] == 3
    # the fourth 2019 capture (left by --limit 3), the edit, the capture redirecting off the site, the soft 404
    assert (summary["new"], summary["updated"], summary["refused"], summary["gone"]) == (1, 1, 1, 1)

    archive = sqlite_utils.Database(db)
    rows = list(archive.query(
        "select c.url, c.fetched_at, c.outcome, c.error, o.kind, o.replay_url from captures c "
        "join capture_origins o on o.capture_id = c.id order by c.fetched_at, c.url"))
    assert sorted((r["fetched_at"], r["url"].removeprefix(SITE)) for r in rows) == sorted(
        (p["time"], p["url"].removeprefix(SITE)) for p in planned)  # every article capture archived
    assert all(r["kind"] == "web-archive" and r["replay_url"].startswith(archive_url) for r in rows)
    moved = next(r for r in rows if r["url"].endswith(MOVED) and r["fetched_at"] == T2)
    assert moved["outcome"] == "failed" and "redirected off the site" in moved["error"]
    deleted = next(r for r in rows if r["url"].endswith(DELETED) and r["fetched_at"] == T2)
    assert deleted["outcome"] == "gone" and "soft 404" in deleted["error"]
    # revisions in capture-time order; the soft 404 marks the article gone from its capture time
    [edited] = list(archive.query("select * from articles where url = ?", [SITE + EDITED]))
    assert "Sun Weidong (edited)" in edited["body"] and (edited["first_seen"], edited["last_changed"]) == (T1, T2)
    [revision] = list(archive.query("select * from revisions where article_id = ?", [edited["id"]]))
    assert (revision["seen_at"], revision["replaced_at"]) == (T1, T2) and "(edited)" not in revision["body"]
    [gone] = list(archive.query("select gone_since from articles where url = ?", [SITE + DELETED]))
    assert gone["gone_since"] == T2
    [listed] = list(archive.query("select listed_published from articles where url = ?", [SITE + SAME]))
    assert listed["listed_published"] == "2024-05-09"  # from the 2019 capture of the listing

    # a third run fetches nothing: its cursor asks the index only from the last capture time worked through,
    # and the captures found there are archived already
    pywb.requests.clear()
    third = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--json", db=db)
    assert third.returncode == 0 and json_lines(third.stdout)[0]["already_archived"] == 3
    assert replays(pywb) == [] and all("from=20210501080000" in p for p in pywb.requests)
    # and without the cursor, the whole index read again, still nothing is fetched again
    archive.execute("delete from backfill_cursors")
    archive.conn.commit()
    fourth = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--json", db=db)
    assert fourth.returncode == 0 and json_lines(fourth.stdout)[0]["already_archived"] == 7
    assert replays(pywb) == [] and fetched_first
    # every index row is counted once: an article or listing capture, or left out with its reason; and the plain
    # summary says what was left out, not only the totals
    rows = json_lines(fourth.stdout)[0]
    assert added_up(rows)
    archive.execute("delete from backfill_cursors")
    archive.conn.commit()
    plain = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", db=db)
    assert plain.returncode == 0 and "not fetched: " in plain.stdout
    assert "1 same digest as the capture before" in plain.stdout and "1 of listings read" in plain.stdout
    # a collection's name mistyped: pywb answers its index as one holding nothing; the run says what to check
    typo = gazette("backfill", "mfa", "--archive", pywb.url + "/col/", "--delay", "0", db=tmp_path / "typo.db")
    assert typo.returncode == 0 and "0 captures in the index" in typo.stdout
    assert "the index lists no capture under fmprc.gov.cn/eng/" in typo.stderr and "--archive" in typo.stderr
    assert re.search(r"from 1996-01-01 to \d{4}-\d\d-\d\d:", typo.stderr), typo.stderr   # days, not time stamps
    assert not (tmp_path / "typo.db").exists()


def test_ctrl_c_stops_a_backfill_at_once_and_the_next_run_goes_on(pywb, tmp_path):
    """The captures of a batch are queued for fetching at --delay each (100 at 4 s: minutes); Ctrl-C does not wait
    for them: the run stops within a request, says how to go on, and the same command then archives them all."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .support import ROOT

    archive_url, db = pywb.url + "/coll/", tmp_path / "g.db"
    command = [sys.executable, "-m", "crawler", "backfill", "mfa", "--archive", archive_url, "--delay", "2"]
    # as from a terminal: SIGINT not ignored (a shell starts background jobs, such as a CI run, with it ignored)
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "GAZETTE_DB": str(db)}, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 90
    while not replays(pywb) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    assert replays(pywb) and process.poll() is None, "the backfill ended before it could be stopped"
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C on a terminal: the whole process group
    started = time.monotonic()
    _, err = process.communicate(timeout=120)
    stopped_in = time.monotonic() - started
    assert process.returncode == 130 and "Traceback" not in err, err
    assert "run the same backfill again" in err and stopped_in < 5, (stopped_in, err)
    again = gazette("backfill", "mfa", "--archive", archive_url, "--delay", "0", "--json", db=db)
    assert again.returncode == 0, again.stderr
    archived = sqlite_utils.Database(db).execute("select count(*) from capture_origins").fetchone()[0]
    assert archived == 7  # every article capture but the one whose digest repeats (as in the test above)


def test_a_redirect_to_a_page_the_archive_never_captured_is_no_deletion(tmp_path):
    """An article captured in 2019, then in 2020 answering a redirect to a page the archive holds no capture of:
    the archive's own 404 (no Memento-Datetime) is not the site's. The 2020 capture is refused (shows no page),
    the article is not marked gone, and the run's cursor moves on (nothing to try again)."""
    venv = pywb_venv()
    if venv is None:
        pytest.skip("pywb is not installed (.ci/run puts it in .venv-pywb; or set GAZETTE_PYWB_VENV)")
    warc = write_warc(tmp_path / "a.warc.gz", [
        {"url": SITE + EDITED, "date": T1, "body": page(EDITED)},
        {"url": SITE + EDITED, "date": T2, "body": b"", "status": 302,
         "headers": [("Location", SITE + "/eng/xw/wjbxw/202405/t20240515_1.html"), ("Content-Type", "text/html")]}])
    server = Pywb(venv, tmp_path / "pywb", [warc])
    try:
        db = tmp_path / "g.db"
        run = gazette("backfill", "mfa", "--archive", server.url, "--delay", "0", "--json", db=db)
    finally:
        server.close()
    summary = json_lines(run.stdout)[0]
    assert run.returncode == 0 and (summary["new"], summary["refused"], summary["gone"]) == (1, 1, 0), run.stdout
    assert "the archive holds no capture of it" in summary["errors"][0]
    archive = sqlite_utils.Database(db)
    assert [r["gone_since"] for r in archive.query("select gone_since from articles")] == [None]
    assert archive["backfill_cursors"].count == 1
