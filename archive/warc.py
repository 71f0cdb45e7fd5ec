"""Write the archive's captures as a standard WARC file (warcio), so other archiving tools can read them.

Each capture becomes a `response` record: WARC-Target-URI is the URL that served the body (the final URL after
redirects), WARC-Date when it was fetched, the HTTP status line and headers as received, and the body as
stored. Scrapy hands over bodies already decoded, so Content-Encoding and Transfer-Encoding are dropped and
Content-Length is set to the stored size. The requested URL, when it differs, is kept in the
WARC-Gazette-Requested-URI header.
"""
from __future__ import annotations

import errno
import io
import json
import os
from http import HTTPStatus
from pathlib import Path
from typing import Callable

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .outcomes import STORED
from .store import Archive, utcnow

DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


ARTICLE_HEADER = "WARC-Gazette-Article-Id"  # on a response that Gazette archived as an article


def captures(archive: Archive, site: str | None = None) -> list[dict]:
    where, params = ("where site = ?", [site]) if site else ("", [])
    return list(archive.db.query(
        f"select id, site, url, final_url, fetched_at, status, headers, digest, article_id, outcome from captures "
        f"{where} order by id",
        params))


def export_warc(archive: Archive, out: str | Path, site: str | None = None,
                on_record: Callable[[dict], None] | None = None, rows: list[dict] | None = None) -> int:
    """Write the captures (of `site`, or all) to `out` (gzipped per record when it ends in .gz); return the
    number of response records written."""
    rows = captures(archive, site) if rows is None else rows
    out = Path(out)
    for parent in reversed(out.parents):
        if parent.exists() and not parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, f"{parent} is a file, not a folder", str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside OUT under a temporary name and renamed when complete: a full disk, a kill or an error
    # never leaves a partial WARC under OUT (an older OUT stays as it was).
    part = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        written = _write(archive, part, out.name, site, rows, on_record)
        os.replace(part, out)
    except OSError as exc:
        if exc.filename == str(part):
            exc.filename = str(out)  # the error is about OUT; the temporary name would only puzzle
        raise
    finally:
        if part.exists():
            part.unlink()
    return written


def _write(archive: Archive, path: Path, name: str, site: str | None, rows: list[dict],
           on_record: Callable[[dict], None] | None) -> int:
    written = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=name.endswith(".gz"))
        info = writer.create_warcinfo_record(name, {
            "software": "Gazette", "format": "WARC File Format 1.1", "created": utcnow(),
            "description": f"captures of site {site}" if site else "all captures"})
        writer.write_record(info)
        for row in rows:
            writer.write_record(_response(writer, row, archive.capture_body(row["digest"])))
            written += 1
            if on_record:
                on_record(row)
        fh.flush()
        os.fsync(fh.fileno())
    return written


def _response(writer: WARCWriter, row: dict, body: bytes):
    headers = [(k, v) for k, v in json.loads(row["headers"] or "{}").items() if k.lower() not in DROPPED_HEADERS]
    headers.append(("Content-Length", str(len(body))))
    try:
        reason = HTTPStatus(row["status"]).phrase
    except ValueError:
        reason = ""
    http_headers = StatusAndHeaders(f"{row['status']} {reason}".strip(), headers, protocol="HTTP/1.1")
    target = row["final_url"] or row["url"]
    warc_headers = {"WARC-Date": row["fetched_at"]}
    if row["url"] != target:
        warc_headers["WARC-Gazette-Requested-URI"] = row["url"]
    if row.get("article_id") and row.get("outcome") in STORED:
        # the capture made (or confirmed) this article: `gazette import` takes it back as one, whatever the URL
        warc_headers[ARTICLE_HEADER] = row["article_id"]
    return writer.create_warc_record(target, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=http_headers, warc_headers_dict=warc_headers)
