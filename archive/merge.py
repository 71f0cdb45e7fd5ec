"""Fold archive shards into the archive readers use (`gazette merge SHARD... --into ARCHIVE`).

A shard is a whole archive written by one Scrapyd node (crawler/deploy.py). Merging copies, in short
transactions of BATCH rows each (Datasette and crawls keep reading and writing between them):
  1. its run rows (matched by site, trigger, start and pid) and captures with their bodies (matched by URL,
     fetch time and digest), so every capture is kept once, with where it came from when it was not fetched live
     (`capture_origins`: the file, record, replay link, and its import run, matched by kind, source and start;
     an import run with no capture merged is left out);
  2. its articles, by article id. An article only the shard has is copied with its revisions, URLs, mentions,
     meetings and MinHash. An article both have gets the versions of both (the current text and every
     revision), in the order they were first seen, consecutive equal texts made one: the newest becomes the
     current text, the others revisions; first_seen is the earlier, last_seen the later; gone_since follows
     the side that saw the page last;
  3. its English-Chinese pairs (`translations`), where neither article is paired in the archive already;
  4. what it learned of its sites: learned boilerplate (the newest set per site), volatile line templates (the
     union) and backfill cursors (spans joined when they meet), so the merged archive re-extracts and backfills
     as a single machine's would; and the occasions its meetings tell are linked with the archive's (`same_as`).
Merging a shard a second time finds everything already there and changes nothing.
"""
from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from definitions import fields  # the article fields' one definition; imports nothing of Gazette

from . import meetings, near_duplicates
from .store import Archive, ArchiveError

BATCH = 200
VERSION_FIELDS = fields.REVISED  # what each version keeps (definitions/fields.py)


def merge_shard(archive: Archive, shard_path: str | Path) -> dict:
    """Merge one shard; return counts: runs, captures, and articles `new` (only the shard had it), `updated` (its
    texts, in the order first seen, are not the archive's: the shard brought a text), `earlier` (the same texts,
    but the shard saw one of them first: first_seen, last_changed or a revision's date moved back) and
    `unchanged` (the same texts on the same dates; last_seen or gone_since may follow the shard)."""
    shard = _open(shard_path)
    try:
        counts: dict = {"shard": str(shard_path), "runs": 0, "captures": 0, "new": 0, "updated": 0, "earlier": 0,
                         "unchanged": 0}
        runs = _merge_runs(archive, shard, counts)
        captures = _merge_captures(archive, shard, runs, counts, _ImportRuns(archive, shard))
        ids = [r[0] for r in shard.execute("select id from articles order by id")]
        for start in range(0, len(ids), BATCH):
            with archive.transaction():
                for article_id in ids[start:start + BATCH]:
                    counts[_merge_article(archive, shard, article_id, captures)] += 1
        _merge_translations(archive, shard)
        _merge_site_knowledge(archive, shard)
        return counts
    finally:
        shard.close()


def _open(path) -> sqlite3.Connection:
    if not Path(path).is_file():
        raise ArchiveError(f"no shard at {path}")
    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        conn.execute("select 1 from articles limit 1")
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot read shard {path}: {exc}") from None
    return conn


def _rows(db, sql: str, params) -> list:
    """Rows by column name, from the shard's connection or the archive's sqlite-utils Database."""
    return list(db.query(sql, params)) if hasattr(db, "query") else db.execute(sql, params).fetchall()


def _columns(db, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"pragma table_info([{table}])")]


def _insert(archive: Archive, table: str, row: dict, columns: list[str], keep_id: bool = False) -> int | None:
    """Insert the row's values of these columns (a new rowid unless `keep_id`)."""
    row = dict(row)
    values = {c: row[c] for c in columns if c in row and (keep_id or c != "id")}
    sql = f"insert into [{table}] ({', '.join(f'[{c}]' for c in values)}) values ({', '.join('?' * len(values))})"
    return archive.db.conn.execute(sql, list(values.values())).lastrowid


def _merge_runs(archive: Archive, shard, counts) -> dict[int, int]:
    mapping, columns = {}, _columns(archive.db, "crawl_runs")
    with archive.transaction():
        for row in shard.execute("select * from crawl_runs order by id"):
            found = archive.db.execute(
                "select id from crawl_runs where site = ? and trigger = ? and started = ? and pid is ?",
                [row["site"], row["trigger"], row["started"], row["pid"]]).fetchone()
            if found:
                mapping[row["id"]] = found[0]
                continue
            mapping[row["id"]] = _insert(archive, "crawl_runs", row, columns)
            counts["runs"] += 1
    return mapping


def _merge_translations(archive: Archive, shard) -> None:
    """The shard's English-Chinese pairs, where neither article is paired in the archive already (the archive's
    own pairing stands; `gazette pair` recomputes both)."""
    if not _has_table(shard, "translations"):
        return
    columns = _columns(archive.db, "translations")
    rows = shard.execute("select * from translations order by english_id").fetchall()
    for start in range(0, len(rows), BATCH):
        with archive.transaction():
            for row in map(dict, rows[start:start + BATCH]):
                values = {c: row[c] for c in columns if c in row}
                archive.db.execute(f"insert or ignore into translations ({', '.join(f'[{c}]' for c in values)}) "
                                   f"values ({', '.join('?' * len(values))})", list(values.values()))


def _has_table(shard, table: str) -> bool:
    """Whether the shard has this table (a shard written by an older Gazette may not)."""
    return shard.execute("select 1 from sqlite_master where type = 'table' and name = ?", [table]).fetchone() \
        is not None


class _ImportRuns:
    """The shard's import runs (`imports`), each merged (matched by kind, source and start) only when a capture
    it gave is: a run none of whose captures comes into the archive (none left, or all there already) is left
    out, so every merged run has a capture to show for it."""

    def __init__(self, archive: Archive, shard) -> None:
        self.archive, self.shard = archive, shard
        self.mapping: dict[int, int | None] = {}
        self.columns = _columns(archive.db, "imports") if _has_table(shard, "imports") else []

    def archive_id(self, shard_id: int | None) -> int | None:
        """The archive's id of the shard's run `shard_id` (inside the caller's transaction)."""
        if shard_id is None or not self.columns:
            return None
        if shard_id not in self.mapping:
            self.mapping[shard_id] = self._merge(shard_id)
        return self.mapping[shard_id]

    def _merge(self, shard_id: int) -> int | None:
        row = self.shard.execute("select * from imports where id = ?", [shard_id]).fetchone()
        if row is None:
            return None
        found = self.archive.db.execute("select id from imports where kind = ? and source is ? and started is ?",
                                        [row["kind"], row["source"], row["started"]]).fetchone()
        return found[0] if found else _insert(self.archive, "imports", row, self.columns)


def _copy_origin(archive: Archive, shard, shard_capture: int, capture_id: int | None, imports: _ImportRuns) -> None:
    """Where a capture came from when it was not fetched live (a WARC, a Scrapy cache, a web archive)."""
    row = shard.execute("select * from capture_origins where capture_id = ?", [shard_capture]).fetchone()
    if row is None:
        return
    archive.db.execute(
        "insert or ignore into capture_origins (capture_id, kind, source, record, replay_url, payload_digest, "
        "import_id) values (?, ?, ?, ?, ?, ?, ?)",
        [capture_id, row["kind"], row["source"], row["record"], row["replay_url"], row["payload_digest"],
         imports.archive_id(row["import_id"])])


def _merge_captures(archive: Archive, shard, runs: dict[int, int], counts, imports: _ImportRuns) -> dict[int, int]:
    mapping, columns = {}, _columns(archive.db, "captures")
    origins = _has_table(shard, "capture_origins")
    ids = [r[0] for r in shard.execute("select id from captures order by id")]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        rows = shard.execute(f"select * from captures where id in ({','.join('?' * len(chunk))}) order by id", chunk)
        with archive.transaction():
            for row in rows.fetchall():
                found = archive.db.execute(
                    "select id from captures where url = ? and fetched_at = ? and digest is ?",
                    [row["url"], row["fetched_at"], row["digest"]]).fetchone()
                if found:
                    mapping[row["id"]] = found[0]
                    continue
                body = shard.execute("select * from bodies where digest = ?", [row["digest"]]).fetchone()
                if body is not None:
                    archive.db.execute("insert or ignore into bodies (digest, size, compression, data) "
                                       "values (?, ?, ?, ?)", [body["digest"], body["size"], body["compression"],
                                                               body["data"]])
                values = dict(row)
                values["run_id"] = runs.get(row["run_id"])
                mapping[row["id"]] = _insert(archive, "captures", values, columns)
                if origins:
                    _copy_origin(archive, shard, row["id"], mapping[row["id"]], imports)
                counts["captures"] += 1
    return mapping


def _versions(db, article: dict, captures: dict[int, int] | None) -> list[dict]:
    """Every version of an article on one side, oldest first: its revisions (their capture ids mapped by
    `captures`, the shard's to the archive's), then its current text (`article`, ids already the archive's)."""
    def capture(value):
        return captures.get(value) if captures is not None and value is not None else value
    found = [{**{f: r[f] for f in VERSION_FIELDS}, "seen_at": r["seen_at"], "capture_id": capture(r["capture_id"]),
              "cause": r["cause"], "current": None}
             for r in _rows(db, "select * from revisions where article_id = ? order by seen_at, id", [article["id"]])]
    found.append({**{f: article[f] for f in VERSION_FIELDS}, "seen_at": article["last_changed"],
                  "capture_id": article["capture_id"], "cause": None, "current": article})
    return found


def _combined(ours: list[dict], theirs: list[dict]) -> list[dict]:
    """Both sides' versions in the order first seen; a version equal in text to the one before is dropped."""
    merged: list[dict] = []
    for version in sorted(ours + theirs, key=lambda v: (v["seen_at"] or "", v["current"] is not None)):
        if merged and (merged[-1]["title"], merged[-1]["body"]) == (version["title"], version["body"]):
            if version["current"] is not None:  # the later sighting of the same text keeps its full row
                merged[-1] = {**version, "seen_at": merged[-1]["seen_at"]}
            continue
        merged.append(version)
    return merged


def _merge_article(archive: Archive, shard, article_id: str, captures: dict[int, int]) -> str:
    theirs = dict(shard.execute("select * from articles where id = ?", [article_id]).fetchone())
    theirs["capture_id"] = captures.get(theirs["capture_id"]) if theirs["capture_id"] else None
    ours = archive.article(article_id)
    if ours is None:
        _insert(archive, "articles", theirs, _columns(archive.db, "articles"), keep_id=True)
        _copy_revisions(archive, article_id, _versions(shard, theirs, captures)[:-1])
        _copy_related(archive, shard, theirs)
        return "new"
    _copy_urls(archive, shard, article_id)
    shard_versions = _versions(shard, theirs, captures)
    our_versions = _versions(archive.db, ours, None)
    combined = _combined(our_versions, shard_versions)
    changes = {"first_seen": min(ours["first_seen"], theirs["first_seen"]),
               "last_seen": max(ours["last_seen"] or "", theirs["last_seen"] or "") or None}
    saw_last = theirs if (theirs["gone_since"] or theirs["last_seen"] or "") > (ours["gone_since"] or ours["last_seen"]
                                                                              or "") else ours
    changes["gone_since"] = saw_last["gone_since"]
    newest, before = combined[-1], _combined(our_versions, [])
    if [(v["seen_at"], v["title"], v["body"]) for v in combined] == \
            [(v["seen_at"], v["title"], v["body"]) for v in before]:
        _update(archive, article_id, changes)
        return "unchanged"
    current = newest["current"] or ours
    fields = {k: current[k] for k in current if k not in ("id", "first_seen", "last_seen", "gone_since")}
    fields["last_changed"] = newest["seen_at"]
    _update(archive, article_id, {**fields, **changes})
    archive.db.execute("delete from revisions where article_id = ?", [article_id])
    _copy_revisions(archive, article_id, combined[:-1], combined)
    if current is theirs:
        _copy_related(archive, shard, theirs)
    same_texts = [(v["title"], v["body"]) for v in combined] == [(v["title"], v["body"]) for v in before]
    return "earlier" if same_texts else "updated"


def _copy_revisions(archive: Archive, article_id: str, versions: list[dict],
                    sequence: list | None = None):
    sequence = sequence or versions + [None]
    for n, version in enumerate(versions):
        following = sequence[n + 1] if n + 1 < len(sequence) else None
        replaced = following["seen_at"] if following else None
        archive.db.execute(
            f"insert into revisions (article_id, seen_at, replaced_at, {', '.join(VERSION_FIELDS)}, capture_id, cause)"
            f" values (?, ?, ?, {', '.join('?' for _ in VERSION_FIELDS)}, ?, ?)",
            [article_id, version["seen_at"], replaced, *(version[f] for f in VERSION_FIELDS), version["capture_id"],
             version["cause"] or "refetch"])


def _update(archive: Archive, article_id: str, values: dict) -> None:
    sets = ", ".join(f"[{c}] = ?" for c in values)
    archive.db.execute(f"update articles set {sets} where id = ?", [*values.values(), article_id])


def _copy_related(archive: Archive, shard, article: dict) -> None:
    """The shard's URLs, mentions, meetings and MinHash of an article whose current text comes from it."""
    article_id = article["id"]
    _copy_urls(archive, shard, article_id)
    mentions = [dict(r) for r in shard.execute("select * from mentions where article_id = ?", [article_id])]
    archive.replace_mentions(article_id, mentions)
    _copy_meetings(archive, shard, article_id)
    row = shard.execute("select * from minhashes where article_id = ?", [article_id]).fetchone()
    if row is None:
        near_duplicates.forget_signature(archive, article_id)
        return
    values = struct.unpack(f"<{len(row['signature']) // 4}I", row["signature"])
    keys = [r[0] for r in shard.execute("select band_key from minhash_bands where article_id = ?", [article_id])]
    near_duplicates.store_signature(archive, article_id, row["site"], row["method"], values, keys)


def _copy_urls(archive: Archive, shard, article_id: str) -> None:
    for row in shard.execute("select * from article_urls where article_id = ?", [article_id]):
        archive.db.execute("insert into article_urls (url, article_id, first_seen, last_seen) values (?, ?, ?, ?) "
                           "on conflict(url) do update set article_id = excluded.article_id, "
                           "first_seen = min(first_seen, excluded.first_seen), "
                           "last_seen = max(last_seen, excluded.last_seen)",
                           [row["url"], article_id, row["first_seen"], row["last_seen"]])


def _copy_meetings(archive: Archive, shard, article_id: str) -> None:
    """The article's rows of `meetings` and `meeting_participants` become the shard's, and the occasions they
    tell are linked again with the archive's other reports (another site, crawled by another node)."""
    db = archive.db
    days = {r[0] for r in db.execute("select date_start from meetings where article_id = ?", [article_id])}
    days |= {r[0] for r in shard.execute("select date_start from meetings where article_id = ?", [article_id])}
    db.execute("delete from meeting_participants where article_id = ?", [article_id])
    db.execute("delete from meetings where article_id = ?", [article_id])
    for table in ("meetings", "meeting_participants"):
        columns = [c for c in _columns(db, table) if c != "id" or table == "meetings"]
        for row in map(dict, shard.execute(f"select * from [{table}] where article_id = ?", [article_id])):
            values = {c: row[c] for c in columns if c in row}
            db.execute(f"insert into [{table}] ({', '.join(f'[{c}]' for c in values)}) "
                       f"values ({', '.join('?' * len(values))})", list(values.values()))
    for day in days:
        if day:
            meetings.link_occasion(db, day)


def _merge_site_knowledge(archive: Archive, shard) -> None:
    """What the shard learned of its sites, so the merged archive reads and crawls as a single machine's would:
    each site's learned boilerplate (the newest set: it is learned whole from the site's latest pages), the
    volatile line templates (both archives' union), and the backfill cursors (per site and web archive, the two
    spans worked through joined when they overlap or touch, else the one reaching later)."""
    db = archive.db
    with archive.transaction():
        if _has_table(shard, "learned_boilerplate"):
            for site, updated in shard.execute("select site, max(updated) from learned_boilerplate group by site"):
                ours = db.execute("select max(updated) from learned_boilerplate where site = ?", [site]).fetchone()[0]
                if ours is None or (updated or "") > ours:
                    db.execute("delete from learned_boilerplate where site = ?", [site])
                    db.conn.executemany("insert into learned_boilerplate (site, line, pages, seen_in, updated) "
                                        "values (?, ?, ?, ?, ?)", [tuple(r) for r in shard.execute(
                                            "select site, line, pages, seen_in, updated from learned_boilerplate "
                                            "where site = ?", [site])])
        if _has_table(shard, "volatile_lines"):
            db.conn.executemany(
                "insert into volatile_lines (site, template, article_id, learned, seen) values (?, ?, ?, ?, ?) "
                "on conflict (site, template) do update set seen = max(seen, excluded.seen), "
                "learned = min(learned, excluded.learned)",
                [tuple(r) for r in shard.execute("select site, template, article_id, learned, seen from volatile_lines")])
        if _has_table(shard, "backfill_cursors"):
            for row in shard.execute("select site, archive, covered_from, done_through, updated from backfill_cursors"):
                _merge_cursor(db, *row)


def _merge_cursor(db, site: str, archive_url: str, covered_from: str, done_through: str, updated: str) -> None:
    ours = db.execute("select covered_from, done_through from backfill_cursors where site = ? and archive = ?",
                      [site, archive_url]).fetchone()
    if ours is not None:
        if ours[0] <= done_through and covered_from <= ours[1]:        # one span worked through: joined
            covered_from, done_through = min(ours[0], covered_from), max(ours[1], done_through)
        elif ours[1] >= done_through:
            return                                                       # apart: the one reaching later stays
    db.execute("insert into backfill_cursors (site, archive, covered_from, done_through, updated) "
               "values (?, ?, ?, ?, ?) on conflict (site, archive) do update set covered_from = excluded.covered_from, "
               "done_through = excluded.done_through, updated = max(updated, excluded.updated)",
               [site, archive_url, covered_from, done_through, updated])


def merge(archive_path: str | Path, shards: list[str | Path]) -> list[dict]:
    """Merge each shard into the archive at `archive_path` (made if missing); one count dict per shard. Every shard
    is opened first: one that is no archive is said (ArchiveError) before any is merged."""
    for shard in shards:
        _open(shard).close()
    with Archive(archive_path) as archive:
        try:
            return [merge_shard(archive, shard) for shard in shards]
        except sqlite3.Error as exc:  # the batch in progress was rolled back; batches before it stay merged
            raise ArchiveError(f"merge into {archive_path} stopped: {exc}") from None

