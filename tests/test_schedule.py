"""`gazette schedule` for real: the scheduler process against loopback mirrors with schedules of seconds.

Each test starts `python -m crawler schedule` as a process, lets it run real `gazette crawl` children, and
checks the crawl_runs rows, schedule_state and the log it leaves: scheduled runs, SIGTERM during a crawl,
catch-up on restart, a manual crawl refused while a scheduled one runs, a hanging crawl stopped at its time
limit, a crawl process that dies before writing its row, and stale locks.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
import sqlite_utils

from crawler import locks

from .support import ROOT, gazette, project_config

LISTING = "/eng/xw/wjbxw/"


def config_with(mirrored_config, mirrors_by_key, **sites):
    """A config on the mirrors, each site's table updated with the given keys (schedule, politeness)."""
    raw = project_config()
    for key, table in sites.items():
        raw["sites"][key].update(table)
    for key in raw["sites"]:
        if key not in sites:
            raw["sites"][key].pop("schedule", None)
    return mirrored_config(mirrors_by_key, raw)


STARTED: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_scheduler_left_behind():
    """A failing test must not leave its scheduler process running."""
    yield
    while STARTED:
        proc = STARTED.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def start_schedule(db, config, *options):
    env = {**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}
    STARTED.append(subprocess.Popen([sys.executable, "-m", "crawler", "schedule", *options], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    return STARTED[-1]


def stop(proc, sig=signal.SIGTERM, timeout=20):
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def runs(db, where="1", params=()):
    if not db.exists() or not sqlite_utils.Database(db)["crawl_runs"].exists():
        return []
    return list(sqlite_utils.Database(db).query(f"select * from crawl_runs where {where} order by id", params))


def schedule_state(db, site):
    """The site's schedule_state row, or None before the scheduler wrote it."""
    if not db.exists() or not sqlite_utils.Database(db)["schedule_state"].exists():
        return None
    rows = list(sqlite_utils.Database(db).query("select * from schedule_state where site = ?", [site]))
    return rows[0] if rows else None


def wait_for(predicate, timeout, proc=None, what=""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"scheduler exited early ({proc.returncode}): {proc.stderr.read()}")
        time.sleep(0.2)
    if proc is not None and proc.poll() is None:
        proc.kill()
        raise AssertionError(f"timed out waiting for {what}; scheduler log:\n{proc.communicate()[1]}")
    raise AssertionError(f"timed out waiting for {what}")


def slow(mirror, path, delay):
    """Serve the recorded page at `path` only after `delay` seconds."""
    mirror.set(path, mirror.rewrite(mirror.file_for(path).read_bytes()), delay=delay)


def test_scheduled_runs_then_sigterm_during_a_crawl_closes_its_row(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = config_with(mirrored_config, {"mfa": mirror}, mfa={"schedule": {"interval_seconds": 1}})
    proc = start_schedule(db, config, "--grace", "0.5", "--kill-after", "10")
    wait_for(lambda: runs(db, "status = 'ok' and trigger = 'schedule'"), 30, proc, "a scheduled crawl")
    first = runs(db)[0]
    assert first["site"] == "mfa" and first["new"] >= 1 and first["finished"]
    slow(mirror, LISTING, 3)
    before = mirror.count(lambda p: p == LISTING)
    wait_for(lambda: runs(db, "status = 'running'") and mirror.count(lambda p: p == LISTING) > before, 20, proc,
             "a slow crawl in flight")
    code, log = stop(proc)
    assert code == 0, log
    rows = runs(db)
    assert rows and all(r["status"] != "running" and r["finished"] for r in rows)
    assert rows[-1]["status"] == "interrupted" and "shutting down" in rows[-1]["errors"]
    assert {r["trigger"] for r in rows} == {"schedule"}
    text = (db.parent / "logs" / "gazette.log").read_text()
    assert "mfa: crawl started" in text and "mfa: crawl ended" in text and "scheduler stopped" in text
    state = schedule_state(db, "mfa")
    assert state["scheduler_pid"] is None and state["last_finished"]


def test_restart_catches_up_once_and_a_manual_crawl_is_refused_meanwhile(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = config_with(mirrored_config, {"mfa": mirror},
                         mfa={"schedule": {"cron": "0 3 * * mon", "timezone": "Asia/Shanghai"}})
    manual = gazette("crawl", "mfa", db=db, config=config)
    assert manual.returncode == 0, manual.stderr
    # Just crawled: no catch-up; the next run is next Monday 03:00 Shanghai time.
    proc = start_schedule(db, config, "--grace", "1")
    state = wait_for(lambda: (schedule_state(db, "mfa") or {}).get("next_run") and schedule_state(db, "mfa"), 10,
                     proc, "schedule state")
    next_run = dt.datetime.fromisoformat(state["next_run"])
    assert next_run.weekday() == 0 and next_run.hour == 3 and next_run > dt.datetime.now(dt.timezone.utc)
    time.sleep(1.5)
    assert stop(proc)[0] == 0
    assert len(runs(db)) == 1
    # Pretend the last success was 3 weeks ago: three Mondays missed, caught up by one run at start.
    sqlite_utils.Database(db).execute("update crawl_runs set started = ?",
                                      [(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=21)).strftime("%Y-%m-%dT%H:%M:%SZ")])
    slow(mirror, LISTING, 3)
    proc = start_schedule(db, config, "--grace", "10")
    wait_for(lambda: runs(db, "trigger = 'schedule' and status = 'running'"), 15, proc, "the catch-up crawl")
    refused = gazette("crawl", "mfa", db=db, config=config)
    assert refused.returncode == 1 and "already running" in refused.stderr, refused.stderr
    wait_for(lambda: runs(db, "trigger = 'schedule' and status != 'running'"), 20, proc, "the catch-up crawl to end")
    time.sleep(1)
    code, log = stop(proc)
    assert code == 0, log
    scheduled = runs(db, "trigger = 'schedule'")
    assert [r["status"] for r in scheduled] == ["ok"], log
    assert "catch-up run now" in log
    assert len(runs(db)) == 2  # the refused manual crawl left no row


def test_hanging_crawl_stopped_at_its_time_limit_while_another_site_goes_on(mirrors, mirrored_config, db):
    mfa, other = mirrors("mfa"), mirrors("guizhou")
    config = config_with(mirrored_config, {"mfa": mfa, "guizhou": other},
                         mfa={"schedule": {"interval_seconds": 1},
                              "politeness": {"time_limit": 5, "download_timeout": 60, "retry_times": 0}},
                         guizhou={"schedule": {"interval_seconds": 1}})
    slow(mfa, LISTING, 40)  # hangs: longer than time limit + kill-after
    proc = start_schedule(db, config, "--kill-after", "1.5")
    timed_out = wait_for(lambda: runs(db, "site = 'mfa' and status = 'timeout'"), 25, proc, "the time limit")[0]
    assert mfa.count(lambda p: p == LISTING) >= 1  # it did hang on the listing, not before
    assert "time limit of 5 s" in timed_out["errors"] and timed_out["finished"]
    assert timed_out["trigger"] == "schedule"
    # the other site went on meanwhile, and the next mfa run starts as planned
    wait_for(lambda: runs(db, "site = 'guizhou' and status = 'ok'"), 20, proc, "the other site's crawl")
    wait_for(lambda: runs(db, "site = 'mfa' and id > ?", [timed_out["id"]]), 15, proc, "the next mfa run")
    code, log = stop(proc, timeout=30)
    assert code == 0, log
    assert all(r["status"] != "running" for r in runs(db))
    assert "sending SIGINT" in log


def test_crawl_process_dying_before_its_row_gets_one_written_and_status_warns(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = config_with(mirrored_config, {"mfa": mirror}, mfa={"schedule": {"interval_seconds": 1}})
    sites_toml = config / "sites.toml"
    good = sites_toml.read_text()
    proc = start_schedule(db, config)
    wait_for(lambda: schedule_state(db, "mfa"), 10, proc, "the scheduler to start")
    sites_toml.write_text(good + "\n[sites.broken\n")  # edited while running: each crawl child dies at once
    failed = wait_for(lambda: len(runs(db, "status = 'failed'")) >= 3 and runs(db, "status = 'failed'"), 20, proc,
                      "three failed runs")
    assert "config error" in failed[0]["errors"] and failed[0]["trigger"] == "schedule"
    sites_toml.write_text(good)
    status = gazette("status", db=db, config=config)
    assert "next run" in status.stdout and "failed" in status.stdout, status.stdout
    wait_for(lambda: runs(db, "status = 'ok'"), 20, proc, "a good run after the config is fixed")
    assert stop(proc)[0] == 0


def test_stale_lock_of_a_killed_process_is_taken_over(db):
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from crawler.locks import SiteLock; "
                               f"SiteLock({str(db)!r}, 'mfa').acquire(); print('held', flush=True); time.sleep(60)"],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    assert f"pid {holder.pid}" in locks.holder(db, "mfa")
    try:
        locks.SiteLock(db, "mfa").acquire()
        raise AssertionError("lock taken twice")
    except locks.LockHeld as exc:
        assert "already running" in str(exc) and str(holder.pid) in str(exc)
    holder.kill()
    holder.wait()
    assert locks.holder(db, "mfa") is None  # the lock file stays, the lock went with the process
    with locks.SiteLock(db, "mfa"):
        assert f"pid {os.getpid()}" in locks.holder(db, "mfa")


def test_second_scheduler_on_the_same_archive_refuses(mirrors, mirrored_config, db):
    mirror = mirrors("mfa")
    config = config_with(mirrored_config, {"mfa": mirror}, mfa={"schedule": {"cron": "0 3 * * mon"}})
    first = start_schedule(db, config, "--grace", "0")  # its catch-up crawl is stopped at once on SIGTERM
    wait_for(lambda: schedule_state(db, "mfa"), 10, first, "the first scheduler")
    second = subprocess.run([sys.executable, "-m", "crawler", "schedule"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "GAZETTE_DB": str(db), "GAZETTE_CONFIG": str(config)}, timeout=20)
    assert second.returncode == 1 and "another scheduler" in second.stderr
    assert stop(first)[0] == 0


def test_scheduled_crawls_revisit_the_articles_due(mirrors, mirrored_config, db):
    """The scheduler's runs re-check archived articles once their revisit point passes (here after ~2 s)."""
    mirror = mirrors("mfa")
    config = config_with(mirrored_config, {"mfa": mirror},
                         mfa={"schedule": {"interval_seconds": 3},
                              "revisit": {"after_days": [2 / 86400], "max_per_run": 2}})
    proc = start_schedule(db, config, "--grace", "5")
    revisit = wait_for(lambda: runs(db, "trigger = 'revisit' and status != 'running'"), 40, proc, "a revisit run")
    assert stop(proc)[0] == 0
    assert revisit[0]["site"] == "mfa" and revisit[0]["status"] == "ok"
    # at most max_per_run articles re-checked, each found as it was
    assert 1 <= revisit[0]["unchanged"] <= 2 and revisit[0]["failed"] == 0 and revisit[0]["updated"] == 0
    assert runs(db, "trigger = 'schedule' and status = 'ok'")


def test_relative_config_and_archive_from_another_directory(mirrors, mirrored_config, tmp_path):
    """`gazette schedule --config myconf --db my.db` started elsewhere than the source tree: each crawl child
    finds the same config and archive (they were passed on unresolved, and the child ran in the source tree)."""
    config = config_with(mirrored_config, {"mfa": mirrors("mfa")}, mfa={"schedule": {"interval_seconds": 1}})
    work = tmp_path / "elsewhere"
    (work / "myconf").mkdir(parents=True)
    for item in config.iterdir():
        if item.is_file():
            (work / "myconf" / item.name).write_bytes(item.read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in ("GAZETTE_DB", "GAZETTE_CONFIG", "PYTHONPATH")}
    proc = subprocess.Popen([sys.executable, "-m", "crawler", "schedule", "--config", "myconf", "--db", "my.db",
                             "--grace", "1"], cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    STARTED.append(proc)
    db = work / "my.db"
    ok = wait_for(lambda: runs(db, "status != 'running' and trigger = 'schedule'"), 40, proc, "a scheduled crawl")
    assert stop(proc)[0] == 0
    assert ok[0]["status"] == "ok" and ok[0]["new"] >= 1, ok[0]["errors"]
    assert not (ROOT / "my.db").exists() and not (ROOT / "myconf").exists()
