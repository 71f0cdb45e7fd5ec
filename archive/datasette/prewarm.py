"""Reading the archive's keys and indexes into the operating system's page cache as the server starts, in a
process of its own at low priority (readahead.py), so that first pages after a cold start do not wait on the
disk one page at a time, while the server's own reads wait behind at most a batch of the read-ahead's.

The first pages of `gazette serve` read narrow structures scattered over the file (at a million articles, a
7 GB file): the article keys, the mentions' keys, the date and country indexes, the word index's sizes, the
Chinese texts, the meetings, and the word index itself (phrases, rare words: their words' lists and positions).
Read cold page by page as a search needs them these cost 0.5-4 s a page; read ahead, ~2 GB in ~8 s at a
million articles on an otherwise quiet disk (the keys and indexes, ~700 MB, first, in ~2-3 s; then the word
index's 1.4 GB in smaller batches), at the lowest best-effort I/O level and CPU priority. A missing structure
(an older archive) is skipped; an archive under SMALL is left to the operating system (read whole in well under
a second). Nothing is held in the server's memory; the server answers meanwhile.
"""
from __future__ import annotations

import atexit
import os
import subprocess
import sys
from pathlib import Path

READAHEAD = Path(__file__).with_name("readahead.py")
SMALL = 64 * 1024 * 1024
_started: dict[str, subprocess.Popen[bytes]] = {}     # file -> its read-ahead, one per file and process

# (what it serves, a table with all its indexes, one index, NAME:only or NAME:interior: readahead.roots), most
# needed first
HOT = (
    ("every search's matches: id, site, date, gone", "article_keys"),
    ("facets: each match's countries and provinces", "sqlite_autoindex_mentions_1"),
    ("the way to any article's row (a row then costs one read, not three)", "articles:interior"),
    ("relevance: each article's length in words", "articles_fts_docsize"),
    ("the word index's directory of terms", "articles_fts_idx"),
    ("the way to the word index's pages", "articles_fts_data:interior"),
    ("Chinese terms: the texts (two characters, LIKE)", "articles_cjk_content"),
    ("Chinese terms: the trigram index", "articles_cjk_data"),
    ("Chinese terms: the trigram index's directory", "articles_cjk_idx"),
    ("words narrowed to a country or province: its articles' rowids, merged with the words'", "named_articles"),
    ("a country or province asked for: its articles", "mentions_kind_code_article"),
    ("a country or province asked for: its names", "mentions_kind_code"),
    ("a country's or province's newest mentions: their articles (times named)", "mentions:only"),
    ("an article by its id (article pages, feeds, changes)", "sqlite_autoindex_articles_1"),
    ("newest first by publication date", "articles_published"),
    ("counts per source and month (home, facets)", "article_months"),
    ("counts per province and month (home)", "province_months"),
    ("captures per year (home)", "capture_years"),
    ("countries by province and year", "province_country_years"),
    ("the sites' edits, newest first", "revisions_changed"),
    ("an article's versions", "idx_revisions_article_id"),
    ("the way to a version's row", "revisions:interior"),
    ("the way to a capture's row", "captures:interior"),
    ("translation pairs", "translations"),
    ("the meetings and their indexes", "meetings"),
    ("who met whom, and their indexes", "meeting_participants"),
)
# then, in smaller batches (readahead.LATER_BATCH)
LATER = (
    ("words, phrases, prefixes: the word index's lists and positions (~1.4 GB at a million)", "articles_fts_data"),
)


def start(path: str | Path | None, small: int = SMALL) -> subprocess.Popen[bytes] | None:
    """Start reading ahead the archive at `path`, once per file in this process (None, missing or smaller than
    `small`: nothing to read); the process, stopped when this one exits if it has not finished by then.
    With GAZETTE_READAHEAD_LOG set (bench/serve.py), what was read and how long it took go to that file."""
    if not path or not Path(path).is_file() or Path(path).stat().st_size < small:
        return None
    key = str(Path(path).resolve())
    if key in _started:
        return _started[key]
    log = os.environ.get("GAZETTE_READAHEAD_LOG")
    command = [sys.executable, "-I", str(READAHEAD), *(["-v"] if log else []), key, *(name for _, name in HOT),
               "--later", *(name for _, name in LATER)]
    with open(log or os.devnull, "a") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
    _started[key] = process
    atexit.register(stop, process)
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    """End the read-ahead if it still runs (the server stopping)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
