"""Web archives as a source of old captures: their CDX indexes and their original-bytes (`id_`) replay.

Three kinds of archive, told apart by the URL given to `gazette backfill --archive`:

- the Wayback Machine (default, `https://web.archive.org/`): CDX at /cdx/search/cdx (paged by resume key),
  replay at /web/<timestamp>id_/<url>;
- any pywb collection (`http://host/<coll>/`): CDX at /<coll>/cdx, replay at /<coll>/<timestamp>id_/<url>;
- a Common Crawl index (`https://index.commoncrawl.org/CC-MAIN-2024-10-index`): CDX there (paged), each capture
  read from its WARC file by an HTTP range request (no replay; the index entry is cited).

Every request goes through `Polite`: one request at a time per archive with a delay between them, 429 and 503
answered by waiting the Retry-After the archive asks for (else a growing pause), a few retries on errors.
"""
from __future__ import annotations

import email.utils
import gzip
import io
import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin, urlsplit

WAYBACK = "https://web.archive.org/"
COMMONCRAWL_DATA = "https://data.commoncrawl.org/"
CDX_FIELDS = ("timestamp", "original", "mimetype", "statuscode", "digest", "length")
RETRY_STATUSES = (429, 500, 502, 503, 504)


class ArchiveUnavailable(Exception):
    """The archive did not answer usefully after the retries; the message says what it answered."""


@dataclass
class Response:
    url: str
    status: int
    headers: dict
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Polite:
    """HTTP GETs to one archive, spaced by `delay` seconds (shared by every thread), honouring Retry-After."""

    def __init__(self, user_agent: str, delay: float = 4.0, timeout: float = 60, retries: int = 4,
                 max_wait: float = 600, sleep=None):
        self.user_agent, self.delay, self.timeout, self.retries, self.max_wait = (
            user_agent, delay, timeout, retries, max_wait)
        self.stopped = threading.Event()
        self.sleep = sleep or self.stopped.wait  # a wait for one's turn ends at once when stopped
        self.lock = threading.Lock()
        self.next_at = 0.0
        self.requests = 0
        self.waits: list[float] = []  # every pause an archive asked for (429/503), for the summary and tests
        self.opener = urllib.request.build_opener(_NoRedirect)

    def _turn(self, extra: float = 0.0) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_at)
            self.next_at = start + self.delay + extra
        if start > now:
            self.sleep(start - now)

    def get(self, url: str, headers: dict | None = None) -> Response:
        """The response (any status but 429/5xx, which are retried), or ArchiveUnavailable."""
        last = ""
        for attempt in range(self.retries + 1):
            self._turn()
            if self.stopped.is_set():
                raise ArchiveUnavailable(f"{url}: not fetched (stopped)")
            self.requests += 1
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **(headers or {})})
            try:
                with self.opener.open(request, timeout=self.timeout) as answer:
                    response = Response(answer.geturl(), answer.status, dict(answer.headers.items()), answer.read())
            except urllib.error.HTTPError as error:
                response = Response(url, error.code, dict(error.headers.items()), error.read() or b"")
            except (urllib.error.URLError, OSError, TimeoutError) as error:
                last = f"{type(error).__name__}: {getattr(error, 'reason', error)}"
                self._pause(min(self.max_wait, 2 ** attempt * max(self.delay, 1)))
                continue
            if response.status not in RETRY_STATUSES:
                return response
            last = f"HTTP {response.status}"
            wait = retry_after(response.headers) if response.status in (429, 503) else None
            self._pause(min(self.max_wait, wait if wait is not None else 2 ** attempt * max(self.delay, 1)))
        raise ArchiveUnavailable(f"{url}: {last} after {self.retries + 1} tries")

    def stop(self) -> None:
        """No more requests: every get waiting its turn (or a Retry-After) returns ArchiveUnavailable at once."""
        self.stopped.set()

    def _pause(self, seconds: float) -> None:
        self.waits.append(seconds)
        with self.lock:
            self.next_at = max(self.next_at, time.monotonic() + seconds)


def retry_after(headers: dict) -> float | None:
    """Seconds the Retry-After header asks for (a number or an HTTP date), or None."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


@dataclass
class CdxRow:
    timestamp: str
    original: str
    mimetype: str
    status: int | None
    digest: str
    filename: str | None = None
    offset: int | None = None
    length: int | None = None


@dataclass(frozen=True)
class WebArchive:
    """One archive: its kind (wayback, pywb, commoncrawl), the URL it was named by, its CDX endpoint."""
    kind: str
    url: str
    cdx_url: str

    def replay(self, timestamp: str, original: str, mode: str = "id_") -> str | None:
        """The replay URL of a capture: `id_` the original bytes, '' the archive's page to cite."""
        if self.kind == "commoncrawl":
            return None
        base = self.url + "web/" if self.kind == "wayback" else self.url
        return f"{base}{timestamp}{mode}/{original}"

    def parse_replay(self, url: str) -> tuple[str, str] | None:
        """(timestamp, original URL) of one of this archive's replay URLs, or None."""
        base = self.url + "web/" if self.kind == "wayback" else self.url
        if not url.startswith(base):
            return None
        stamp, _, original = url[len(base):].partition("/")
        digits = "".join(ch for ch in stamp if ch.isdigit())
        return (digits, original) if digits and original else None


def web_archive(url: str | None) -> WebArchive:
    """The archive a `--archive` URL names (default the Wayback Machine); ValueError if it is no http(s) URL."""
    url = url or WAYBACK
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    if parts.netloc == "web.archive.org":
        return WebArchive("wayback", "https://web.archive.org/", "https://web.archive.org/cdx/search/cdx")
    if parts.path.rstrip("/").endswith("-index") or parts.netloc == "index.commoncrawl.org":
        return WebArchive("commoncrawl", url.rstrip("/"), url.rstrip("/"))
    base = url if url.endswith("/") else url + "/"
    if base.endswith("/cdx/"):
        base = base[:-4]
    return WebArchive("pywb", base, base + "cdx")


def query(archive: WebArchive, http: Polite, prefix: str, start: str, end: str,
          page_size: int = 5000) -> list[CdxRow]:
    """Every capture under the URL `prefix` (host/path) between the 14-digit timestamps `start` and `end`."""
    params = {"url": prefix, "matchType": "prefix", "from": start, "to": end, "output": "json"}
    if archive.kind == "wayback":
        return _wayback_rows(archive, http, params, page_size)
    rows: list[CdxRow] = []
    page = 0
    while True:  # pywb answers one page; Common Crawl pages its index
        extra = {"page": page} if archive.kind == "commoncrawl" else {}
        response = http.get(f"{archive.cdx_url}?{urlencode({**params, **extra})}")
        if response.status == 404 or (response.status == 400 and page):
            break  # nothing captured under the prefix (pywb, CC) or past the last page (CC)
        if response.status != 200:
            raise ArchiveUnavailable(f"{archive.cdx_url}: HTTP {response.status} for the index query")
        lines = [json.loads(line) for line in response.body.decode("utf-8", "replace").splitlines() if line.strip()]
        rows += [_row(obj) for obj in lines]
        if archive.kind != "commoncrawl" or not lines:
            break
        page += 1
    return rows


def _wayback_rows(archive: WebArchive, http: Polite, params: dict, page_size: int) -> list[CdxRow]:
    params = {**params, "fl": ",".join(CDX_FIELDS), "collapse": "digest", "limit": page_size,
              "showResumeKey": "true", "filter": "!statuscode:[45]..", }
    rows: list[CdxRow] = []
    key = None
    while True:
        response = http.get(f"{archive.cdx_url}?{urlencode({**params, **({'resumeKey': key} if key else {})})}")
        if response.status != 200:
            raise ArchiveUnavailable(f"{archive.cdx_url}: HTTP {response.status} for the index query")
        table = json.loads(response.body or b"[]")
        key = None
        for values in table[1:]:
            if len(values) == 1:
                key = values[0]  # after an empty row: the resume key of the next page
            elif values:
                obj = dict(zip(table[0], values))
                rows.append(_row({**obj, "url": obj.get("original"), "mime": obj.get("mimetype"),
                                  "status": obj.get("statuscode")}))
        if not key:
            return rows


def _row(obj: dict) -> CdxRow:
    status = obj.get("status") or obj.get("statuscode")
    offset, length = obj.get("offset"), obj.get("length")
    return CdxRow(timestamp=obj["timestamp"], original=obj.get("url") or obj.get("original") or "",
                  mimetype=obj.get("mime") or obj.get("mimetype") or "",
                  status=int(status) if status and str(status).isdigit() else None, digest=obj.get("digest") or "",
                  filename=obj.get("filename"), offset=int(offset) if offset and str(offset).isdigit() else None,
                  length=int(length) if length and str(length).isdigit() else None)


class NotArchived(ArchiveUnavailable):
    """The archive holds no capture where a capture led (its own 404, without Memento-Datetime: a redirect to a
    page it never captured). Not the site's answer: the capture shows no page, and no deletion either."""


def fetch_capture(archive: WebArchive, http: Polite, row: CdxRow, max_hops: int = 5) -> tuple[Response, str, str]:
    """The capture's original bytes: (response, the original URL it ended at, its capture time as 14 digits).
    Redirects inside the archive are followed (a capture that redirected lands on the capture of its target)."""
    if archive.kind == "commoncrawl":
        return _commoncrawl_record(http, row), row.original, row.timestamp
    url, original, stamp = archive.replay(row.timestamp, row.original) or "", row.original, row.timestamp
    for _ in range(max_hops + 1):
        response = http.get(url)
        if response.status not in (301, 302, 303, 307, 308):
            memento = next((v for k, v in response.headers.items() if k.lower() == "memento-datetime"), None)
            if memento:
                stamp = email.utils.parsedate_to_datetime(memento).strftime("%Y%m%d%H%M%S")
            elif response.status == 404:  # the archive's own 404 (a replayed one is a memento, with its datetime)
                raise NotArchived(f"{original}: the archive holds no capture of it" + (
                    f" (where {row.original} redirected)" if original != row.original else ""))
            return response, original, stamp
        location = next((v for k, v in response.headers.items() if k.lower() == "location"), "")
        target = urljoin(url, location)
        parsed = archive.parse_replay(target)
        if parsed is None:  # a Location to the original web: read its capture at the same time
            parsed = (stamp, urljoin(original, location))
        stamp, original = parsed[0], parsed[1]
        url = archive.replay(stamp, original) or ""
    raise ArchiveUnavailable(f"{archive.replay(row.timestamp, row.original)}: more than {max_hops} redirects")


def _commoncrawl_record(http: Polite, row: CdxRow) -> Response:
    from warcio.archiveiterator import ArchiveIterator

    if row.filename is None or row.offset is None or row.length is None:
        raise ArchiveUnavailable(f"{row.original}: the index entry names no WARC record")
    end = row.offset + row.length - 1
    response = http.get(COMMONCRAWL_DATA + quote(row.filename), {"Range": f"bytes={row.offset}-{end}"})
    if response.status not in (200, 206):
        raise ArchiveUnavailable(f"{row.filename}: HTTP {response.status} for the record")
    record = next(iter(ArchiveIterator(io.BytesIO(response.body))))
    body = record.content_stream().read()
    headers = dict(record.http_headers.headers) if record.http_headers else {}
    status = int(record.http_headers.get_statuscode()) if record.http_headers else 200
    return Response(row.original, status, headers, body)


def gunzip_if_needed(body: bytes, headers: dict) -> bytes:
    """urllib does not decode Content-Encoding; replays normally come uncompressed (we do not ask for gzip)."""
    encoding = next((v for k, v in headers.items() if k.lower() == "content-encoding"), "")
    return gzip.decompress(body) if "gzip" in encoding.lower() and body[:2] == b"\x1f\x8b" else body
