"""Reading the archive's keys and indexes into the operating system's page cache as the server starts, in a
background thread, so that a first search after a while does not wait on the disk.

The first pages of `gazette serve` read narrow structures scattered over the file (at a million articles, a
7 GB file): the article keys, the mentions' key, the date and country indexes, the word index's document sizes,
the meetings. Read cold, page by page as a search needs them, these cost 1–3 s; read in one sweep each they take
a few seconds once (≈ 400 MB at a million articles), then every first page answers as a warm one does. Each
structure is counted through (a COUNT that visits every page of its b-tree), most needed first; a missing one
(an older archive) is skipped. The server answers meanwhile; nothing is held in the server's own memory.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

# (what it serves, a statement visiting every page of one b-tree), most needed first
HOT = (
    ("article keys", "select count(*) from article_keys not indexed"),
    ("mentions by article", "select count(*) from mentions indexed by sqlite_autoindex_mentions_1 "
                            "where article_id > ''"),
    ("articles by date", "select count(*) from articles indexed by articles_published where published > ''"),
    ("keys by date", "select count(*) from article_keys indexed by article_keys_published where published > ''"),
    ("keys by id", "select count(*) from article_keys indexed by article_keys_id where id > ''"),
    ("mentions by country", "select count(*) from mentions indexed by mentions_kind_code where kind > ''"),
    ("articles by country", "select count(*) from mentions indexed by mentions_kind_code_article where kind > ''"),
    ("word index sizes", "select count(*) from articles_fts_docsize"),
    ("meetings", "select count(*) from meetings not indexed"),
    ("meetings by date", "select count(*) from meetings indexed by meetings_date where date_start > ''"),
    ("meetings by year", "select count(*) from meetings indexed by meetings_year_date where year > 0"),
    ("participants", "select count(*) from meeting_participants not indexed"),
    ("edits", "select count(*) from revisions indexed by revisions_changed where replaced_at > ''"),
    # a Chinese term of two characters is looked for in every Chinese text (LIKE): their whole text
    ("Chinese texts", "select sum(length(c0) + length(c1)) from articles_cjk_content"),
)


def sweep(path: Path, statements=HOT) -> list[tuple[str, float]]:
    """Visit every page of each structure once; (name, seconds) of those read (missing ones skipped)."""
    done = []
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)) as conn:
        conn.execute("pragma cache_size = 64")      # the pages go to the OS cache, not to this connection
        for name, sql in statements:
            started = time.perf_counter()
            try:
                conn.execute(sql).fetchone()
            except sqlite3.Error:                   # an archive without it (older, or not migrated)
                continue
            done.append((name, time.perf_counter() - started))
    return done


def start(path: str | Path | None) -> threading.Thread | None:
    """Sweep the archive at `path` in a daemon thread (None: an in-memory database, nothing to read)."""
    if not path or not Path(path).is_file():
        return None
    thread = threading.Thread(target=sweep, args=(Path(path),), name="gazette-prewarm", daemon=True)
    thread.start()
    return thread
