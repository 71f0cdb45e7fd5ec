"""The archive's write path: captures (raw bodies stored once by digest), articles and revisions.

Every write that belongs together happens in one transaction, so a crash or kill leaves either the whole
record or nothing. The database is in WAL mode with a busy timeout, so Datasette can read while a crawl writes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

import sqlite_utils

from definitions import fields  # the article fields' one definition; imports nothing of Gazette
from definitions.bodies import COMPRESSION, Packed, pack, unpack

from . import meetings, schema, timeline
from .outcomes import Outcome

BUSY_TIMEOUT_MS = 30_000
ARTICLE_FIELDS = fields.NAMES    # the articles table's columns that extraction fills (definitions/fields.py)
JSON_FIELDS = fields.JSON        # lists, stored as JSON text
TRACKED_FIELDS = fields.TRACKED  # a change in these makes a revision
REVISED_FIELDS = fields.REVISED  # what a revision keeps of the version it replaces


class ArchiveError(Exception):
    """The archive file cannot be opened or written; the message says why."""


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables of a SQLite file Gazette never wrote: a database at user_version 0 (Gazette's first migration
    sets 1 in the transaction that makes its tables) that holds tables all the same. Empty for an archive or a
    new, empty file."""
    if conn.execute("PRAGMA user_version").fetchone()[0]:
        return []
    return [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                       "and name not like 'sqlite%' order by name")]


def foreign_message(path: str | os.PathLike, tables: list[str]) -> str:
    shown = ", ".join(tables[:3]) + (f" and {len(tables) - 3} more" if len(tables) > 3 else "")
    return (f"{path} is a SQLite database but not a Gazette archive (it holds other tables: {shown}); "
            f"it was left as it was: give --db a new file or a Gazette archive")


def _refuse_foreign(db: sqlite_utils.Database, path: Path) -> None:
    """Never migrate someone else's database: Gazette's 100-odd tables would land among its own."""
    tables = foreign_tables(db.conn)
    if tables:
        db.conn.close()
        raise _Foreign(foreign_message(path, tables))


class _Foreign(Exception):
    """Raised inside Archive._open for a database Gazette did not write; becomes an ArchiveError."""


def utcnow() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Archive:
    """One archive file. Open it, write through its methods, close it."""

    def __init__(self, path: str | os.PathLike, migrate: bool = True):
        self.path = Path(path)
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._open(migrate)
                return
            except _Foreign as exc:
                raise ArchiveError(str(exc)) from None
            except schema.NewerArchive as exc:
                self.db.conn.close()
                raise ArchiveError(newer_archive_message(self.path, exc.found)) from None
            except sqlite3.OperationalError as exc:
                # Two processes making the same new archive (two Scrapyd jobs on one shard): switching to WAL and
                # the first migration do not wait on the busy timeout. Try again; the other one finishes it.
                if "locked" in str(exc) and time.monotonic() <= deadline:
                    self.db.conn.close()
                    time.sleep(0.2)
                    continue
                raise ArchiveError(f"cannot open archive {self.path}: {exc}") from None
            except sqlite3.DatabaseError as exc:
                if "not a database" in str(exc) or "malformed" in str(exc):
                    raise ArchiveError(f"cannot open archive {self.path}: it is not a Gazette archive "
                                       f"(SQLite says: {exc})") from None
                raise ArchiveError(f"cannot open archive {self.path}: {exc}") from None
            except OSError as exc:
                raise ArchiveError(f"cannot open archive {self.path}: {exc.strerror or exc}") from None

    def _open(self, migrate: bool) -> None:
        _check_parent(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _refuse_foreign(self.db, self.path)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA foreign_keys = ON")
        if migrate:
            schema.migrate(self.db)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def transaction(self) -> "_Transaction":
        """A context manager: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error."""
        return _Transaction(self.db.conn)

    # -- captures -----------------------------------------------------------------------------------

    def store_capture(self, *, run_id: int | None, site: str, url: str, final_url: str | None, status: int | None,
                      headers: dict | None, body: bytes, fetched_at: str | None = None, outcome: str | None = None,
                      error: str | None = None, article_id: str | None = None, packed: Packed | None = None) -> int:
        """Keep a raw response; identical bodies are stored once. Runs inside the caller's transaction if any.
        `packed`: the body already packed (`pack(body)`, done before the transaction, e.g. by `decide`)."""
        digest = packed.digest if packed is not None else hashlib.sha256(body).hexdigest()
        if not self.db.execute("select 1 from bodies where digest = ?", [digest]).fetchone():
            packed = packed if packed is not None else pack(body)
            self._insert("bodies", {"digest": digest, "size": packed.size, "compression": COMPRESSION,
                                    "data": packed.data})
        return self._insert("captures", {
            "run_id": run_id, "site": site, "url": url, "final_url": final_url or url,
            "fetched_at": fetched_at or utcnow(), "status": status,
            "headers": json.dumps(headers or {}, ensure_ascii=False), "digest": digest, "size": len(body),
            "article_id": article_id, "outcome": outcome, "error": error,
        })

    def capture_body(self, digest: str) -> bytes:
        row = self.db.execute("select compression, data from bodies where digest = ?", [digest]).fetchone()
        if row is None:
            raise ArchiveError(f"no stored body with digest {digest}")
        return unpack(row[0], row[1])

    def set_capture_outcome(self, capture_id: int, outcome: str, article_id: str | None = None,
                            error: str | None = None) -> None:
        self._update("captures", capture_id, {"outcome": outcome, "article_id": article_id, "error": error})

    # -- articles -----------------------------------------------------------------------------------

    def article(self, article_id: str) -> dict | None:
        rows = list(self.db.query("select * from articles where id = ?", [article_id]))
        return rows[0] if rows else None

    def find_duplicate(self, site: str, content_hash: str, article_id: str) -> dict | None:
        """Another article of the same site with the same normalised body."""
        rows = list(self.db.query(
            "select * from articles where site = ? and content_hash = ? and id != ? limit 1",
            [site, content_hash, article_id]))
        return rows[0] if rows else None

    def store_article(self, record: dict, *, seen_at: str | None = None, capture_id: int | None = None,
                      refetched: bool = True) -> tuple[Outcome, str]:
        """Insert or update one article; return its outcome (new, updated, unchanged or duplicate) and the id of
        the article that holds the text (for a duplicate, the other article's).

        `record` has id, site, url, content_hash and ARTICLE_FIELDS (captions as a list). A changed title
        or body keeps the old version in `revisions`; an unchanged one only moves last_seen. A body
        already archived under another URL of the same site is a duplicate and is not stored again.
        Call it inside a transaction together with the capture it came from. If `record` has `mentions`
        (dicts with kind, name, code, count), they replace the article's rows in `mentions`; its `meetings`
        (events of pipelines/meetings.py) replace its rows in `meetings` and `meeting_participants`.
        `refetched=False` (re-extraction from a stored capture) leaves last_seen and gone_since alone.
        """
        old = self.article(record["id"]) if refetched and seen_at else None
        if old is not None and seen_at and seen_at < (old["last_seen"] or ""):   # a capture older than what is archived
            return timeline.insert_past_version(self, old, article_values(record), seen_at, capture_id,
                                                listed=record.get("listed_published"))
        outcome, article_id = self._store_article(record, seen_at=seen_at, capture_id=capture_id,
                                                  refetched=refetched)
        if outcome != Outcome.DUPLICATE and "mentions" in record:
            self.replace_mentions(article_id, record["mentions"])
        if outcome != Outcome.DUPLICATE and "meetings" in record:   # who met whom: archive/meetings.py
            meetings.replace_meetings(self.db, article_id, record.get("site"), record["meetings"])
        return outcome, article_id

    def replace_mentions(self, article_id: str, mentions: list[dict]) -> None:
        """The article's `mentions` rows become exactly these (inside the caller's transaction if any)."""
        with self.transaction():
            self.db.execute("delete from mentions where article_id = ?", [article_id])
            self.db.conn.executemany(
                "insert into mentions (article_id, kind, name, code, count) values (?, ?, ?, ?, ?)",
                [(article_id, m["kind"], m["name"], m["code"], m["count"]) for m in mentions])

    def _store_article(self, record: dict, *, seen_at: str | None = None, capture_id: int | None = None,
                       refetched: bool = True) -> tuple[Outcome, str]:
        seen_at = seen_at or utcnow()
        values = article_values(record)
        old = self.article(record["id"])
        if old is None:
            duplicate = record.get("content_hash") and self.find_duplicate(
                record["site"], record["content_hash"], record["id"])
            if duplicate:
                return Outcome.DUPLICATE, duplicate["id"]
            self._insert("articles", {
                "id": record["id"], "site": record["site"], "url": record["url"], **values,
                "content_hash": record.get("content_hash"), "listed_published": record.get("listed_published"),
                "capture_id": capture_id, "first_seen": seen_at, "last_seen": seen_at, "last_changed": seen_at,
                "gone_since": None,
            })
            return Outcome.NEW, record["id"]
        changes = {"last_seen": seen_at, "gone_since": None, "capture_id": capture_id or old["capture_id"]}
        if not refetched:
            del changes["last_seen"], changes["gone_since"]
        if record.get("listed_published") and not old.get("listed_published"):
            changes["listed_published"] = record["listed_published"]
        if any((old[f] or "") != (values[f] or "") for f in TRACKED_FIELDS):
            self._insert("revisions", {
                "article_id": old["id"], "seen_at": old["last_changed"], "replaced_at": seen_at,
                **{f: old[f] for f in REVISED_FIELDS},
                "capture_id": old["capture_id"], "cause": "refetch" if refetched else "reextract",
            })
            self._update("articles", old["id"], {**values, **changes, "last_changed": seen_at,
                                                   "content_hash": record.get("content_hash")})
            return Outcome.UPDATED, old["id"]
        # Same text: take metadata the extractor may have learnt to read better, without a revision. Re-extraction
        # reads the same capture, so its fields replace the old ones even when empty (a byline that was a
        # translator's credit goes); a refetch keeps an old field that today's page no longer yields.
        fields = ARTICLE_FIELDS if not refetched else [f for f in ARTICLE_FIELDS if values[f]]
        self._update("articles", old["id"], {**{f: values[f] for f in fields}, **changes})
        return Outcome.UNCHANGED, old["id"]

    # Plain SQL for the per-page writes: sqlite-utils' insert/update read the table's schema on every call
    # (about 30 statements per archived page); these tables exist (schema.migrate) and values are ready.

    def _insert(self, table: str, row: dict) -> int:
        columns = ", ".join(f"[{c}]" for c in row)
        sql = f"insert into [{table}] ({columns}) values ({', '.join('?' for _ in row)})"
        return self.db.conn.execute(sql, list(row.values())).lastrowid  # type: ignore[return-value]  # an insert: set

    def _update(self, table: str, row_id, values: dict) -> None:
        sets = ", ".join(f"[{c}] = ?" for c in values)
        self.db.conn.execute(f"update [{table}] set {sets} where id = ?", [*values.values(), row_id])

    def mark_gone(self, article_id: str, when: str | None = None) -> bool:
        """Set gone_since on an archived article (its text stays). True if the article exists and was not seen
        after `when` (a page found deleted in an old capture, e.g. an imported one, says nothing of today)."""
        old = self.article(article_id)
        if old is None or (when and when < (old["last_seen"] or "")):
            return False
        if not old["gone_since"]:
            self.db.table("articles").update(article_id, {"gone_since": when or utcnow()})
        return True


def article_values(record: dict) -> dict:
    """The ARTICLE_FIELDS of a record as the articles table holds them (the JSON_FIELDS lists as JSON)."""
    values = {f: record.get(f) for f in ARTICLE_FIELDS}
    for name in JSON_FIELDS:
        values[name] = json.dumps(values[name] or [], ensure_ascii=False)
    return values


def _check_parent(path: Path) -> None:
    """ArchiveError naming the part of the path that is a file where a directory is needed."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            raise ArchiveError(f"cannot create archive {path}: {parent} is a file, not a directory")
    if path.is_dir():
        raise ArchiveError(f"{path} is a directory, not an archive file")


def newer_archive_message(path: Path, found: int) -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version
    try:
        mine = package_version("gazette")
    except PackageNotFoundError:
        mine = "this version"
    return (f"archive {path} was written by a newer Gazette (archive format {found}; Gazette {mine} reads "
            f"formats up to {schema.VERSION}): upgrade Gazette (pip install -U gazette) to open it")


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.outer = False

    def __enter__(self):
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind, value, tb):
        if not self.outer:
            return False
        if kind is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
        return False


def pid_alive(pid: int) -> bool:
    """True while a process with this pid exists (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
