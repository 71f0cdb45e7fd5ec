"""Read captures out of files other tools made: WARC (warcio), WACZ (the WACZ spec's ZIP: WARCs under archive/),
and Scrapy HTTP-cache folders (FilesystemCacheStorage: one folder per request with `meta`, `response_headers`,
`response_body`).

Reading is in two steps so an import can order captures by capture time whatever file they are in, without
holding every body in memory: `captures(path)` lists what a file holds (URL, time, status, content type, record id,
where in the file), and each Capture's `load()` reads its headers and body later, checking the WARC payload digest.
"""
from __future__ import annotations

import ast
import functools
import datetime as dt
import gzip
import shutil
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.warc import ARTICLE_HEADER


class SourceError(Exception):
    """The file cannot be read as any capture format Gazette knows (a usage error: the message says why)."""


class CaptureError(Exception):
    """One capture cannot be read (truncated, bad digest); the import counts it as failed and goes on."""


class CaptureRefused(CaptureError):
    """A capture that shows no page of the site, for good (a redirect to a page the web archive never captured):
    counted refused, like a crawl's refusal, not unreadable (to be tried again)."""


@dataclass
class Capture:
    """One HTTP response in a file: what is known without reading its body."""
    kind: str  # warc, wacz, scrapy-cache, web-archive
    source: str  # the file (for a WACZ, file#member), or the archive's replay URL for a backfill
    record: str  # unique id: WARC-Record-ID, scrapy-cache:<fingerprint>@<time>, the archive capture URL
    url: str
    time: str | None  # capture time, ISO 8601 UTC to the second; None when the record gives none (not imported)
    status: int | None
    media: str  # Content-Type as sent
    order: tuple = ()  # tie-breaker for captures of the same second: file, then position in it
    warc_type: str = "response"  # or revisit (the body is another record's, found by payload digest)
    payload_digest: str | None = None
    replay_url: str | None = None  # a web archive's page to cite
    final_url: str | None = None  # where a web archive's replay of the capture ended (after redirects)
    gazette_article: bool = False  # exported by Gazette from a capture it archived as an article (archive/warc.py)
    loader: Callable[[], tuple[dict, bytes]] | None = field(default=None, repr=False)

    def load(self) -> tuple[dict, bytes]:
        """(headers, body) as the server sent them, the body decoded of any transfer or content encoding."""
        if self.loader is None:
            raise CaptureError("no body in this record")
        return self.loader()


@dataclass
class Reading:
    """What a file holds: its captures, how many records it has in all, why reading stopped early, if it did, and
    the records that are no capture, by reason (a WARC's request, warcinfo and metadata records, a cache entry
    without its body), so that a summary adds up to the records read."""
    captures: list[Capture]
    records: int
    problem: str | None = None
    left: Counter[str] = field(default_factory=Counter)


def iso_time(value: str | float | None) -> str | None:
    """A WARC-Date (with or without fractions of a second), a 14-digit archive timestamp or a Unix time, as
    ISO 8601 UTC to the second (the form the archive's times have)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        moment = dt.datetime.fromtimestamp(value, dt.UTC)
    elif value.isdigit():
        moment = dt.datetime.strptime(value.ljust(14, "0")[:14], "%Y%m%d%H%M%S")
    else:
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def open_source(path: Path, workdir: Path) -> tuple[str, Reading]:
    """(kind, what it holds) for a WARC, WACZ or Scrapy cache folder; SourceError if it is none of them."""
    if not path.exists():
        raise SourceError(f"no such file or folder: {path}")
    if path.is_dir():
        return "scrapy-cache", scrapy_cache(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK\x03\x04"):
        return "wacz", wacz(path, workdir)
    if head.startswith(b"\x1f\x8b") and _gunzipped_head(path) not in (None, b"WARC/"):
        raise SourceError(f"{path}: a gzipped file that is not a WARC (nor a WACZ or Scrapy cache folder)")
    if head.startswith((b"\x1f\x8b", b"WARC/")):
        return "warc", warc(path)
    raise SourceError(f"{path}: not a WARC, WACZ or Scrapy cache folder")


def _gunzipped_head(path: Path) -> bytes | None:
    """The first five bytes a gzipped file holds, or None if they cannot be read (damage: warc() says where)."""
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(5)
    except (OSError, EOFError, zlib.error):
        return None


# -- WARC -------------------------------------------------------------------------------------------------------

def warc(path: Path, kind: str = "warc", source: str | None = None, file_index: int = 0) -> Reading:
    """The response and revisit records of a WARC (gzipped or not). A truncated or damaged file keeps the records
    read before the damage; `problem` says where it stopped."""
    found: list[Capture] = []
    records = 0
    problem = None
    left: Counter[str] = Counter()
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh)
        record = None
        try:
            for record in iterator:
                records += 1
                if not record.rec_type:  # no WARC-Type: what follows a damaged header is no record either
                    problem = f"{source or path}: record {records} has no WARC-Type (damaged); reading stopped"
                    left["record without WARC-Type"] += 1
                    break
                if record.rec_type not in ("response", "revisit"):
                    left[f"{record.rec_type} record"] += 1
                    continue
                found.append(_warc_capture(record, iterator.get_record_offset(), path, kind,
                                           source or str(path), file_index))
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            problem = f"{source or path}: unreadable after {records} records ({type(exc).__name__}: {exc})"
        if problem is None and record is not None and _cut_off(record):  # the file ends inside its last record
            problem = f"{source or path}: truncated: the file ends inside record {records} ({record.rec_type})"
            if found and found[-1].order[-1] == iterator.get_record_offset():
                found.pop()
                left["cut off by the end of the file"] += 1
        elif problem is None and iterator.offset < path.stat().st_size:  # bytes left that make no record
            problem = (f"{source or path}: truncated: {path.stat().st_size - iterator.offset} bytes after record "
                       f"{records} are no complete record")
    return Reading(found, records, problem, left)


def _cut_off(record) -> bool:
    """The record has fewer bytes than its Content-Length (after the iterator read to its end)."""
    try:
        record.raw_stream.read()
    except (EOFError, zlib.error, OSError, ValueError):
        return True
    return getattr(record.raw_stream, "limit", 0) > 0


def _warc_capture(record, offset: int, path: Path, kind: str, source: str, file_index: int) -> Capture:
    headers = record.rec_headers
    http = record.http_headers
    status = None
    media = ""
    if http is not None:
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            status = None
        media = http.get_header("Content-Type") or ""
    return Capture(
        kind=kind, source=source, record=headers.get_header("WARC-Record-ID") or f"{source}@{offset}",
        url=headers.get_header("WARC-Target-URI") or "", time=iso_time(headers.get_header("WARC-Date")),
        status=status, media=media, order=(file_index, offset), warc_type=record.rec_type,
        payload_digest=headers.get_header("WARC-Payload-Digest"),
        gazette_article=bool(headers.get_header(ARTICLE_HEADER)),
        loader=lambda: read_warc_record(path, offset))


def read_warc_record(path: Path, offset: int) -> tuple[dict, bytes]:
    """The HTTP headers and decoded body of the record at `offset`, its payload digest checked."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        try:
            record = next(iter(ArchiveIterator(fh, check_digests=True)))
            body = record.content_stream().read()
        except (StopIteration, ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
            raise CaptureError(f"record cut off or damaged ({type(exc).__name__}: {exc})") from None
        if record.digest_checker.passed is False:
            raise CaptureError("; ".join(record.digest_checker.problems) or "digest does not match")
        headers: dict[str, str] = {}
        if record.http_headers is not None:
            for name, value in record.http_headers.headers:
                if name.lower() in ("content-encoding", "transfer-encoding", "content-length"):
                    continue  # the body is decoded
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
        if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record's Content-Length says
            raise CaptureError("record cut off (the file ends inside it)")
    return headers, body


# -- WACZ -------------------------------------------------------------------------------------------------------

def wacz(path: Path, workdir: Path) -> Reading:
    """The WARCs of a WACZ (archive/*.warc[.gz], per the WACZ 1.1 spec), copied out to `workdir` to be read."""
    try:
        bundle = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SourceError(f"{path}: not a readable WACZ ({exc})") from None
    with bundle:
        members = sorted(n for n in bundle.namelist()
                         if n.startswith("archive/") and n.endswith((".warc", ".warc.gz")))
        if not members:
            raise SourceError(f"{path}: a ZIP without WARC files under archive/ (not a WACZ)")
        readings = []
        for index, member in enumerate(members):
            target = Path(tempfile.mkdtemp(dir=workdir)) / Path(member).name
            with bundle.open(member) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            readings.append(warc(target, "wacz", f"{path}#{member}", index))
    problems = [r.problem for r in readings if r.problem]
    return Reading([c for r in readings for c in r.captures], sum(r.records for r in readings),
                   "; ".join(problems) or None, sum((r.left for r in readings), Counter()))


# -- Scrapy HTTP cache -------------------------------------------------------------------------------------------

def scrapy_cache(folder: Path) -> Reading:
    """The entries of a Scrapy FilesystemCacheStorage folder (any depth: the cache dir, a spider's folder)."""
    metas = sorted(folder.rglob("meta"))
    if not metas:
        files = [f for f in folder.rglob("*") if f.name.endswith((".warc", ".warc.gz", ".wacz"))]
        hint = (f"; it holds {len(files)} WARC or WACZ files: name them (gazette import {folder}/*.warc.gz ...)"
                if files else "")
        raise SourceError(f"{folder}: a folder without Scrapy cache entries (no */meta files){hint}")
    found = []
    left: Counter[str] = Counter()
    for index, meta_path in enumerate(metas):
        entry = meta_path.parent
        if not (entry / "response_body").is_file():
            left["cache entry without its body"] += 1
            continue
        try:
            meta = ast.literal_eval(meta_path.read_text(encoding="utf-8"))
        except (ValueError, SyntaxError, UnicodeDecodeError):
            left["unreadable cache entry"] += 1
            continue
        time = iso_time(meta.get("timestamp"))
        headers = _cache_headers(entry / "response_headers")
        found.append(Capture(
            kind="scrapy-cache", source=str(folder), record=f"scrapy-cache:{entry.name}@{meta.get('timestamp')}",
            url=meta.get("response_url") or meta.get("url") or "", time=time, status=meta.get("status"),
            media=next((v for k, v in headers.items() if k.lower() == "content-type"), ""),
            order=(0, index), loader=functools.partial(_cache_entry, entry)))
    return Reading(found, len(metas), left=left)


def _cache_headers(path: Path) -> dict:
    headers: dict[str, str] = {}
    if not path.is_file():
        return headers
    for line in path.read_bytes().decode("latin-1").splitlines():
        name, sep, value = line.partition(":")
        if sep and not name.startswith("HTTP/"):
            name, value = name.strip(), value.strip()
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _cache_entry(entry: Path) -> tuple[dict, bytes]:
    headers = _cache_headers(entry / "response_headers")
    body = (entry / "response_body").read_bytes()
    encoding = next((v.lower() for k, v in headers.items() if k.lower() == "content-encoding"), "")
    try:
        if "gzip" in encoding:
            body = gzip.decompress(body)
        elif "deflate" in encoding:
            body = zlib.decompress(body, -zlib.MAX_WBITS if body[:1] != b"\x78" else zlib.MAX_WBITS)
    except (OSError, zlib.error, EOFError) as exc:
        raise CaptureError(f"body cannot be decompressed ({exc})") from None
    return {k: v for k, v in headers.items() if k.lower() not in ("content-encoding", "content-length")}, body


def iter_all(readings: list[Reading]) -> Iterator[Capture]:
    for reading in readings:
        yield from reading.captures
