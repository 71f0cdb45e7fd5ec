"""Bad configuration and bad command-line input (issue 20, items 1, 8, 13): one line naming what is wrong, exit 2
for bad input and 1 for a failure, never a traceback, and no archive created by a command that only reads.
Configs are written by the tests; every command runs as a subprocess."""
from __future__ import annotations

import ctypes
import json
import os
import resource
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest
import tomli_w

from crawler.demo.generated import LISTING, GeneratedSite

from .support import ROOT, gazette, json_lines, read_config

BAD_CONFIGS = [  # (where: "defaults" or a site table path, key, value, what the message names)
    ("defaults", "download_delay", float("inf"), "download_delay"),
    ("defaults", "download_timeout", float("nan"), "download_timeout"),
    ("defaults", "concurrent_requests_per_domain", 0, "concurrent_requests_per_domain"),
    ("defaults", "autothrottle", "yes", "autothrottle"),
    ("defaults", "retry_times", True, "retry_times"),
    ("defaults", "user_agent", "Gazette\r\nX-Evil: 1", "user_agent"),
    ("politeness", "time_limit", -1, "time_limit"),
    ("politeness", "download_maxsize", 0, "download_maxsize"),
    ("site", "article_pattern", "^/(a|a)*$", "article_pattern"),
    ("site", "article_pattern", "^/(eng", "article_pattern"),
    ("site", "max_pages", True, "max_pages"),
    ("site", "short_name", 7, "short_name"),
    ("selectors", "title", ["div[[["], "selectors.title"),
    ("boilerplate", "remove", ["p:nth-child(x)"], "boilerplate.remove"),
    ("boilerplate", "patterns", ["(Share|Print)", "^(\\w|\\w)+$"], "boilerplate.patterns"),
    ("schedule", "cron", "61 * * * mon", "schedule.cron"),
    ("schedule", "cron", "0 6 * * funday", "schedule.cron"),
    ("schedule", "jitter_seconds", 10 ** 12, "schedule.jitter_seconds"),
    ("revisit", "after_days", [float("inf")], "revisit.after_days"),
]


def one_line_error(proc, code: int, *needles: str) -> str:
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


@pytest.mark.parametrize("where,key,value,named", BAD_CONFIGS, ids=[f"{c[1]}={c[2]!r}"[:40] for c in BAD_CONFIGS])
def test_bad_setting_is_refused_at_load(tmp_path, where, key, value, named):
    raw = read_config()
    raw["sites"] = {"mfa": raw["sites"]["mfa"]}
    table = raw["sites"]["mfa"]
    if where == "defaults":
        raw["defaults"][key] = value
    elif where == "site":
        table[key] = value
    else:
        table.setdefault(where, {})[key] = value
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    db = tmp_path / "gazette.db"
    for command in (("sites",), ("crawl", "mfa")) if key == "article_pattern" else (("sites",),):
        proc = gazette(*command, db=db, config=directory, timeout=60)
        place = "[defaults]" if where == "defaults" else "site 'mfa'"
        one_line_error(proc, 2, str(directory / "sites.toml"), place, f"'{named}'")
    assert not db.exists()


def test_a_crawl_that_finds_no_host_asks_whether_the_machine_is_offline(tmp_path):
    """Run without the network, every site fails on its host name: the crawl says each site's reason and then, once,
    the likely cause (a new user offline read 'failed' for every site and nothing more)."""
    raw = read_config()
    table = dict(raw["sites"]["mfa"], base_url="http://gazette-offline.invalid",
                 hosts=["gazette-offline.invalid"], start_urls=["http://gazette-offline.invalid/eng/"])
    table.pop("feed_urls", None)
    raw["sites"] = {"mfa": table}
    raw["defaults"].update(download_delay=0, retry_times=0)
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "sites.toml").write_text(tomli_w.dumps(raw), encoding="utf-8")
    proc = gazette("crawl", "mfa", db=tmp_path / "gazette.db", config=directory, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "host name not found" in proc.stdout
    assert proc.stderr.count("is this machine offline?") == 1, proc.stderr
    as_json = gazette("crawl", "mfa", "--json", db=tmp_path / "gazette.db", config=directory, timeout=120)
    assert "offline" not in as_json.stderr and json_lines(as_json.stdout)[0]["status"] == "failed"


def parallel(commands, db) -> list:
    """Run these gazette commands side by side (each its own process); their results in order."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:
        return list(pool.map(lambda command: gazette(*command, db=db, timeout=60), commands))


def test_bad_urls_and_missing_archives(tmp_path):
    db = tmp_path / "typo.db"
    bad_urls = (("http://[::1", "Invalid IPv6 URL"), ("http://127.0.0.1:99999/", "Port out of range"),
                ("ftp://example.org/x", "not an http(s) URL"))
    for proc, (_, why) in zip(parallel([("fetch", url) for url, _ in bad_urls], db=db), bad_urls):
        one_line_error(proc, 2, why)
    # One rule for every command that reads an archive: none there is one line, exit 2, and none is created.
    out = tmp_path / "out.warc"
    commands = [("status",), ("serve", "--port", "0"), ("export-warc", str(out)), ("reextract",),
                ("revisit", "--dry-run"), ("revisit",), ("status", "--json")]
    for proc in parallel(commands, db=db):
        one_line_error(proc, 2, f"no archive at {db}")
    assert not db.exists() and not out.exists()
    blocker = tmp_path / "f.txt"
    blocker.write_text("a file")
    one_line_error(gazette("fetch", "http://127.0.0.1:9/x", db=blocker / "a.db"), 1,
                   f"{blocker} is a file, not a directory")


def test_no_archive_names_the_demos_when_there_is_one(tmp_path):
    """After `gazette demo`, `gazette serve` (its default archive) said only that there was none."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "demo.db").write_bytes(b"")
    env = {**os.environ, "GAZETTE_CONFIG": str(ROOT / "config")}
    env.pop("GAZETTE_DB", None)
    for cwd, said in ((tmp_path, True), (tmp_path / "data", False)):
        proc = subprocess.run([sys.executable, "-m", "crawler", "status"], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=60)
        line = one_line_error(proc, 2, "no archive at data/gazette.db")
        assert ("the demo's is --db data/demo.db" in line) is said, line


def test_newer_or_foreign_archive_is_one_clear_error(tmp_path):
    newer = tmp_path / "newer.db"
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("create table articles (id text)")
        conn.execute("PRAGMA user_version = 999")
    commands = [("status",), ("fetch", "http://127.0.0.1:9/x"), ("serve", "--port", "0"),
                ("export-warc", str(tmp_path / "o.warc")), ("reextract",)]
    for proc in parallel(commands, db=newer):
        one_line_error(proc, 1, "newer Gazette", "upgrade")
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 100)
    for proc in parallel([("serve", "--port", "0"), ("status",)], db=text):
        one_line_error(proc, 1, "not a Gazette archive")
    assert text.read_text().startswith("not a database")


def test_someone_elses_sqlite_database_is_refused_and_left_as_it_was(tmp_path):
    """--db naming a researcher's own SQLite file (not an archive): every command refuses it in one line, and the
    file keeps its tables alone (before, even `gazette status` added Gazette's 100-odd tables to it)."""
    notes = tmp_path / "notes.db"
    with closing(sqlite3.connect(notes)) as conn:
        conn.execute("create table people (name text)")
        conn.execute("insert into people values ('Wang Yi')")
        conn.commit()
    before = notes.read_bytes()
    commands = [("status",), ("fetch", "http://127.0.0.1:9/x"), ("serve", "--port", "0"), ("crawl", "--all"),
                ("export-warc", str(tmp_path / "o.warc")), ("reextract",)]
    for proc in parallel(commands, db=notes):
        one_line_error(proc, 1, "not a Gazette archive", "people")
    assert notes.read_bytes() == before
    assert not (tmp_path / "o.warc").exists()


def drop_dac_override():
    """root ignores file modes: drop CAP_DAC_OVERRIDE from the bounding set so the command (after exec) has not."""
    if os.getuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(24, 1, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, CAP_DAC_OVERRIDE
            os._exit(99)


def run(*args, db, preexec_fn=None, config=None):
    env = {**os.environ, "GAZETTE_DB": str(db), **({"GAZETTE_CONFIG": str(config)} if config else {})}
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, preexec_fn=preexec_fn)


def test_export_warc_never_leaves_a_partial_file(mirrors, tmp_path, db):
    site = GeneratedSite(mirrors(None), 20)
    config = site.config(tmp_path / "config")
    assert gazette("fetch", *site.urls(), db=db, config=config).returncode == 0
    full = tmp_path / "full"
    full.mkdir()
    out = full / "captures.warc"

    def small_disk():  # a file-size limit plays the full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    os.chmod(readonly, 0o555)
    try:  # the three refused exports side by side, each its own process
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(3) as pool:
            small, denied, under_file = list(pool.map(lambda call: call(), [
                lambda: run("export-warc", str(out), db=db, preexec_fn=small_disk),
                lambda: run("export-warc", str(readonly / "x.warc"), db=db, preexec_fn=drop_dac_override),
                lambda: run("export-warc", str(blocker / "x.warc"), db=db)]))
        one_line_error(small, 1)
        assert list(full.iterdir()) == []  # neither OUT nor a temporary file is left
        line = one_line_error(denied, 1, "ermission denied", str(readonly / "x.warc"))
        assert ".part" not in line, line  # OUT is named, not the temporary file written beside it
        assert list(readonly.iterdir()) == []
    finally:
        os.chmod(readonly, 0o755)
    # OUT under a file is named as such (it said "cannot use /etc/passwd: File exists")
    one_line_error(under_file, 1, f"cannot use {blocker / 'x.warc'}: {blocker} is a file, not a folder")
    done = gazette("export-warc", str(out), db=db, config=config)
    assert done.returncode == 0 and out.stat().st_size > 0 and list(full.iterdir()) == [out]


def test_unwritable_places_for_schedule(mirrors, mirrored_config, tmp_path):
    config = mirrored_config({"mfa": mirrors("mfa")})
    db = tmp_path / "gazette.db"
    one_line_error(gazette("schedule", "--log-file", "/proc/gazette/x.log", db=db, config=config, timeout=30), 1,
                   "/proc/gazette")
    one_line_error(gazette("schedule", db="/proc/gazette.db", config=config, timeout=30), 1, "/proc")


def test_start_page_that_is_json_or_pdf_fails_the_site(mirrors, tmp_path, db):
    for body, kind in ((json.dumps({"news": []}), "application/json"), (b"%PDF-1.4\n%\xe2\xe3\n", "application/pdf")):
        mirror = mirrors(None)
        site = GeneratedSite(mirror, 2)
        config = site.config(tmp_path / kind.replace("/", "-"))
        mirror.set(LISTING, body, content_type=kind)
        proc = gazette("crawl", "mfa", "--json", db=db, config=config)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        summary = json.loads(proc.stdout.splitlines()[-1])
        assert summary["status"] == "failed"
        assert any(f"not an HTML listing page ({kind})" in e for e in summary["errors"]), summary["errors"]


@pytest.mark.parametrize("args, named", [
    (("crawl", "--max-pages", "-3", "mfa"), "--max-pages"),
    (("serve", "--port", "99999"), "--port"),
    (("backfill", "mfa", "--from", "3000"), "--from"),
    (("crawl", "--nope"), "--nope"),
    (("fetch",), "URLS"),
    (("frobnicate",), "frobnicate"),
    (("backfill", "mfa", "--from", "20x5"), "'20x5' is not a valid year"),
    (("browse",), "No such command 'browse'; did you mean 'gazette serve'?"),   # words a researcher guesses
    (("health",), "did you mean 'gazette status'?"),
])
def test_click_usage_errors_are_one_line_naming_the_command(tmp_path, args, named):
    """What click itself refuses (an option out of range, unknown, missing) is one line like Gazette's own, with the
    command to ask for help: not click's usage, hint and error on four lines."""
    proc = gazette(*args, db=tmp_path / "none.db")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and lines[0].startswith("gazette") and "--help" in lines[0], lines
    assert "Traceback" not in proc.stderr and not (tmp_path / "none.db").exists()
