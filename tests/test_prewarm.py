"""The server's start-up read-ahead (archive/datasette/prewarm.py, readahead.py) on real SQLite files: every
structure it names exists in an archive of the current schema (a renamed index would otherwise be skipped
silently and first pages read cold), the pages it finds for a b-tree are exactly those SQLite's own dbstat counts,
a damaged page ends its branch without an error, and the process it starts reads and ends."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from archive import Archive
from archive.datasette import prewarm, readahead


def _archive(path):
    with Archive(path) as archive, archive.transaction():
        archive.store_article({"id": "a1", "site": "mfa", "url": "https://www.fmprc.gov.cn/eng/a1.html",
                               "title": "Envoys visit Guizhou", "published": "2020-12-18", "body": "卢森堡 text.",
                               "content_hash": "h1", "mentions": [
                                   {"kind": "country", "code": "LUX", "name": "Luxembourg", "count": 1}]})
    return path


def _deep_file(path):
    """A SQLite file of 512-byte pages whose table, index and WITHOUT ROWID table are three levels deep or more."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("pragma page_size = 512")
        conn.execute("create table t (id integer primary key, name text, n int)")
        conn.execute("create index t_name on t (name, n)")
        conn.execute("create table w (k text primary key, v int) without rowid")
        conn.executemany("insert into t (name, n) values (?, ?)", ((f"name {i * 7919 % 20011}", i)
                                                                   for i in range(20_000)))
        conn.execute("insert into w select name || id, n from t")
        conn.commit()
    return path


def _dbstat(path, name, kind="%") -> set[int]:
    with closing(sqlite3.connect(path)) as conn:
        try:
            return {r[0] for r in conn.execute("select pageno from dbstat where name = ? and pagetype like ?",
                                               [name, kind])}
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table to compare with (SQLITE_ENABLE_DBSTAT_VTAB)")


def test_every_structure_read_ahead_exists_in_a_fresh_archive(tmp_path):
    path = _archive(tmp_path / "gazette.db")
    asked = [name for _, name in prewarm.HOT + prewarm.LATER]
    found = readahead.roots(str(path), asked)
    names = {name + (":interior" if interior else "") for name, _, interior in found}
    assert [name for name in asked if name.removesuffix(":only") not in names] == []
    assert {"meetings_date", "meeting_participants_name", "article_keys_id"} <= names     # a table's indexes too
    assert "articles" not in names and "captures" not in names      # the biggest tables themselves are not read
    assert "idx_mentions_code" not in names                          # mentions:only, not with every index


def test_the_pages_found_are_those_sqlite_counts(tmp_path):
    path = _deep_file(tmp_path / "deep.db")
    file = readahead.File(str(path))
    try:
        assert file.page_size == 512
        for name, root, _ in readahead.roots(str(path), ["t", "w", "sqlite_master"]) + [("sqlite_schema", 1, 0)]:
            pages = readahead.tree_pages(file, root)
            assert len(pages) == len(set(pages))
            assert set(pages) == _dbstat(path, "sqlite_schema" if name == "sqlite_schema" else name), name
        for name, root, interior in readahead.roots(str(path), ["t:interior", "t_name:interior", "w:interior"]):
            assert interior and set(readahead.tree_pages(file, root, interior)) == _dbstat(path, name, "internal")
        assert [(n, i) for n, _, i in readahead.roots(str(path), ["t:only", "t"])] == [
            ("t", False), ("t", False), ("t_name", False)]      # the table alone, then with its index
        with closing(sqlite3.connect(path)) as conn:
            depth = conn.execute("select max(length(path) - length(replace(path, '/', ''))) from dbstat "
                                 "where name = 't'").fetchone()[0]
        assert depth >= 2       # root, interior, leaves: a level below the root's children is walked
    finally:
        file.close()


def test_a_damaged_page_ends_its_branch(tmp_path):
    path = _deep_file(tmp_path / "deep.db")
    damaged = tmp_path / "damaged.db"
    shutil.copy(path, damaged)
    root = readahead.roots(str(path), ["t"])[0][1]
    with open(damaged, "r+b") as f:         # the table's root: an interior page pointing far past the file's end
        f.seek((root - 1) * 512 + 8)
        f.write(b"\xff\xff\xff\xf0")
        f.seek((root - 1) * 512 + 12)
        f.write(b"\x01\xff" * 4)
    file = readahead.File(str(damaged))
    try:
        pages = readahead.tree_pages(file, root)
    finally:
        file.close()
    assert pages and all(1 <= p <= file.pages for p in pages)
    assert len(pages) < len(_dbstat(path, "t"))


def test_the_read_ahead_process_reads_and_ends(tmp_path, monkeypatch):
    path = _archive(tmp_path / "gazette.db")
    log = tmp_path / "readahead.log"
    monkeypatch.setattr(prewarm, "_started", {})
    monkeypatch.setenv("GAZETTE_READAHEAD_LOG", str(log))
    assert prewarm.start(None) is None and prewarm.start(tmp_path / "missing.db") is None
    assert prewarm.start(path) is None                  # under SMALL: left to the operating system
    process = prewarm.start(path, small=0)
    assert prewarm.start(path, small=0) is process      # once per file
    assert process.wait(20) == 0
    text = log.read_text()
    assert "article_keys " in text and "articles_fts_data" in text and " pages (" in text
    not_sqlite = tmp_path / "not.db"
    not_sqlite.write_bytes(b"not a database" * 100)
    run = subprocess.run([sys.executable, str(readahead.__file__), str(not_sqlite), "article_keys"],
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 1 and run.stderr.startswith("readahead: ") and "Traceback" not in run.stderr
    for text in (b"", b"SQLite format 3\0" + b"\0" * 84):       # empty; a header with no page size
        not_sqlite.write_bytes(text)
        run = subprocess.run([sys.executable, str(readahead.__file__), str(not_sqlite), "t"], capture_output=True,
                             text=True, timeout=30)
        assert run.returncode == 1 and "not a SQLite database" in run.stderr, text
    usage = subprocess.run([sys.executable, str(readahead.__file__)], capture_output=True, text=True, timeout=30)
    assert usage.returncode == 2
