"""Where captures came from when they were not fetched live, and the bookkeeping of imports and backfills.

Tables (schema step `_capture_origins`): `capture_origins` (one row per imported capture: kind `warc`, `wacz`,
`scrapy-cache` or `web-archive`, the file or archive, the record in it, the replay URL to cite, the WARC payload
digest), `imports` (one row per `gazette import` / `gazette backfill` run, with its counts) and
`backfill_cursors` (per site and web archive, the span of capture times already worked through). A capture
without an origin row was fetched live.
"""
from __future__ import annotations

import json
import os

from .store import Archive, pid_alive, utcnow

KINDS = {"warc": "WARC file", "wacz": "WACZ file", "scrapy-cache": "Scrapy cache", "web-archive": "web archive"}


def start_import(archive: Archive, kind: str, source: str) -> int | None:
    """Open this process's import run (status `running`), closing first the runs left `running` by a process
    that is gone (killed, crashed) as `interrupted`."""
    with archive.transaction():
        for run_id, pid in archive.db.execute("select id, pid from imports where status = 'running'").fetchall():
            if not (pid and pid_alive(pid) and pid != os.getpid()):
                archive.db.execute("update imports set status = 'interrupted' where id = ?", [run_id])
        return archive.db.execute("insert into imports (kind, source, started, status, counts, pid) "
                                  "values (?, ?, ?, 'running', '{}', ?)",
                                  [kind, source, utcnow(), os.getpid()]).lastrowid


def finish_import(archive: Archive, import_id: int | None, status: str, counts: dict) -> None:
    with archive.transaction():
        archive.db.execute("update imports set finished = ?, status = ?, counts = ? where id = ?",
                           [utcnow(), status, json.dumps(counts, ensure_ascii=False), import_id])


def known_records(archive: Archive, records: list[str]) -> set[str]:
    """Those of these record ids (WARC-Record-ID, cache entry, archive capture) already archived."""
    found: set[str] = set()
    for start in range(0, len(records), 500):
        chunk = records[start:start + 500]
        found.update(r[0] for r in archive.db.execute(
            f"select record from capture_origins where record in ({','.join('?' * len(chunk))})", chunk))
    return found


def same_capture(archive: Archive, url: str, fetched_at: str, digest: str) -> int | None:
    """A capture already archived with this URL, time and body (e.g. Gazette's own export-warc read back)."""
    row = archive.db.execute("select id from captures indexed by captures_time_digest where fetched_at = ? "
                             "and digest = ? and (url = ? or final_url = ?) limit 1",
                             [fetched_at, digest, url, url]).fetchone()
    return row[0] if row else None


def record_origin(archive: Archive, capture_id: int, *, kind: str, source: str, record: str,
                  replay_url: str | None = None, payload_digest: str | None = None,
                  import_id: int | None = None) -> None:
    """Note where a capture came from (inside the caller's transaction)."""
    archive.db.execute(
        "insert or ignore into capture_origins (capture_id, kind, source, record, replay_url, payload_digest, "
        "import_id) values (?, ?, ?, ?, ?, ?, ?)",
        [capture_id, kind, source, record, replay_url, payload_digest, import_id])


def capture_by_payload(archive: Archive, payload_digest: str) -> dict | None:
    """The archived capture whose WARC payload digest this is (what a revisit record refers to)."""
    rows = list(archive.db.query(
        "select c.* from capture_origins o join captures c on c.id = o.capture_id where o.payload_digest = ? "
        "order by c.fetched_at limit 1", [payload_digest]))
    return rows[0] if rows else None


def origins_of(archive_db, capture_ids: list[int]) -> dict[int, dict]:
    """capture id -> its origin row (kind, source, record, replay_url); live captures are absent."""
    ids = [i for i in capture_ids if i is not None]
    if not ids:
        return {}
    rows = archive_db.execute(
        f"select capture_id, kind, source, record, replay_url from capture_origins "
        f"where capture_id in ({','.join('?' * len(ids))})", ids).fetchall()
    return {r[0]: {"kind": r[1], "source": r[2], "record": r[3], "replay_url": r[4]} for r in rows}


# -- backfill cursors ---------------------------------------------------------------------------------------

def cursor(archive: Archive, site: str, archive_url: str) -> dict | None:
    rows = list(archive.db.query("select * from backfill_cursors where site = ? and archive = ?",
                                 [site, archive_url]))
    return rows[0] if rows else None


def save_cursor(archive: Archive, site: str, archive_url: str, covered_from: str, done_through: str) -> None:
    with archive.transaction():
        archive.db.execute(
            "insert into backfill_cursors (site, archive, covered_from, done_through, updated) values (?, ?, ?, ?, ?) "
            "on conflict (site, archive) do update set covered_from = excluded.covered_from, "
            "done_through = excluded.done_through, updated = excluded.updated",
            [site, archive_url, covered_from, done_through, utcnow()])
