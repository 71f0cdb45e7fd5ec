"""`gazette backfill SITE`: a site's history from a web archive, archived as a crawl would have archived it.

1. Discover: the archive's CDX index is asked for every capture under the site's hosts and sections (the first
   path segment of its start pages and mirror paths) between --from and --to (crawler/webarchive.py).
2. Keep the captures of article URLs (the site's `article_pattern`; answered 2xx or a redirect) and of its listings
   (for listed dates); per URL, a capture whose digest repeats the one before it is dropped (collapse by digest).
3. Skip what is archived already (its replay URL is a record in `capture_origins`): a second run fetches nothing
   it fetched before; `--limit` bounds the captures fetched in one run.
4. Fetch each capture's original bytes (`id_` replay) politely and archive it through crawler/importing
   (decide, apply, capture-time order), its replay URL kept to cite.

A cursor per site and archive (`backfill_cursors`) remembers the span of capture times worked through, so the
next run asks the index only for what is newer (unless --from reaches further back).
"""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from archive import Archive, origins
from pipelines.rules import Config, Site

from .importing.importer import Run, archive_captures, is_listing, listing_dates
from .importing.sources import Capture, CaptureError, CaptureRefused, iso_time
from .webarchive import (
    ArchiveUnavailable,
    CdxRow,
    NotArchived,
    Polite,
    WebArchive,
    fetch_capture,
    gunzip_if_needed,
    query,
)

DEFAULT_DELAY = 4.0  # seconds between requests to one archive (the Wayback Machine asks for about 15 a minute)
DEFAULT_CONCURRENCY = 1
BATCH = 100


def prefixes(site: Site) -> list[str]:
    """host/section prefixes to ask the index for: each host without www. (with its port, if any), each first path
    segment of the site's start pages and mirror paths (the whole host when a start page sits at its root)."""
    sections = set()
    for url in site.start_urls + site.feed_urls:
        first = urlsplit(url).path.lstrip("/").split("/")[0]
        sections.add("" if not first or "." in first else first + "/")
    for pair in site.mirror_paths:
        sections.update(p.strip("/") + "/" for p in pair if p.strip("/"))
    if "" in sections:
        sections = {""}
    # a host's port is kept: an archive's index keys a capture of host:8080 by its port (SURT `host:8080)/`)
    hosts = sorted({h.removeprefix("www.") for h in site.hosts})
    return [f"{host}/{section}" for host in hosts for section in sorted(sections)]


def stamp(year: int | None, end: bool) -> str:
    if year is None:
        return dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S") if end else "19960101000000"
    return f"{year}1231235959" if end else f"{year}0101000000"


def discover(site: Site, rows: list[CdxRow]) -> tuple[list[CdxRow], list[CdxRow], dict]:
    """(article captures, listing captures) among the index rows, collapsed by digest per URL, in time order;
    and how many rows were left out, by reason."""
    left: dict[str, int] = {}
    articles: list[CdxRow] = []
    listings: list[CdxRow] = []
    last_digest: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: (r.timestamp, r.original)):
        url = plain_url(row.original)
        row.original = url
        canonical = site.canonical(url)
        if not site.owns(url):
            reason = "not on the site's hosts"
        elif row.mimetype in ("warc/revisit", "unk") or row.status is None and row.mimetype.startswith("warc"):
            reason = "revisit in the index"
        elif row.status is not None and not (200 <= row.status < 400):
            reason = f"HTTP {row.status} in the index"
        elif site.is_article(url):
            reason = None
        elif is_listing(site, url) and row.status == 200:
            reason = "listing"
        else:
            reason = "not an article page"
        if reason in (None, "listing") and row.digest and last_digest.get(canonical) == row.digest:
            reason = "same digest as the capture before"
        if reason in (None, "listing"):
            last_digest[canonical] = row.digest
            (articles if reason is None else listings).append(row)
        else:
            left[reason] = left.get(reason, 0) + 1
    return articles, listings, left


def collapse_with_archived(archive: Archive, todo: list, left: dict) -> list:
    """Drop a capture whose digest repeats that of the capture of its URL archived just before it (the index may
    have been asked from the cursor on, so that capture was not among the rows collapsed by `discover`)."""
    urls = sorted({c.url for c, _ in todo})
    archived: dict[str, list] = {}
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        for url, when, digest in archive.db.execute(
                "select c.url, c.fetched_at, o.payload_digest from capture_origins o join captures c on "
                f"c.id = o.capture_id where c.url in ({','.join('?' * len(chunk))})", chunk):
            archived.setdefault(url, []).append((when, digest, None))
    kept = []
    for url in urls:
        timeline = sorted(archived.get(url, []) + [(c.time, c.payload_digest, (c, row)) for c, row in todo
                                                    if c.url == url], key=lambda item: (item[0], item[2] is not None))
        for before, (when, digest, item) in zip([None] + timeline, timeline):
            if item is None:
                continue
            if before is not None and digest and before[1] == digest:
                left["same digest as the capture before"] = left.get("same digest as the capture before", 0) + 1
            else:
                kept.append(item)
    return sorted(kept, key=lambda item: (item[0].time, item[0].url))


def latest_per_year(site: Site, rows: list[CdxRow]) -> list[CdxRow]:
    """Of each listing page, the last capture of each year: enough for the dates it lists (a listing is captured
    far more often than its articles), oldest first."""
    kept: dict[tuple[str, str], CdxRow] = {}
    for row in rows:
        kept[(site.canonical(row.original), row.timestamp[:4])] = row
    return sorted(kept.values(), key=lambda r: r.timestamp)


def plain_url(url: str) -> str:
    """An index's original URL without a default port (http://host:80/)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if (parts.scheme, netloc.rsplit(":", 1)[-1]) in (("http", "80"), ("https", "443")):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def to_capture(wa: WebArchive, row: CdxRow) -> Capture:
    record = wa.replay(row.timestamp, row.original) or f"{wa.url}#{row.filename}@{row.offset}"
    redirect = row.status is not None and 300 <= row.status < 400  # status and type known once followed
    return Capture(kind="web-archive", source=wa.url, record=record, url=row.original,
                   time=iso_time(row.timestamp), status=None if redirect else row.status,
                   media="" if redirect else row.mimetype,
                   payload_digest=f"sha1:{row.digest}" if row.digest else None,
                   replay_url=wa.replay(row.timestamp, row.original, "") or wa.cdx_url)


@dataclass
class Plan:
    """What one run will do, decided from the index before anything is fetched."""
    summary: dict                           # the index rows and article captures counted (every one once)
    captures: list[tuple[Capture, CdxRow]]  # the article captures to fetch, oldest first (at most --limit)
    listings: list[CdxRow]                  # the listing captures to read for listed dates
    done: CdxRow | None                     # the last article capture the run works through (where its cursor ends)
    begin: str                              # the capture time the index was asked from (the cursor's end, or start)
    saved: dict | None                      # the site's cursor before the run


def plan(archive: Archive, site: Site, wa: WebArchive, http: Polite, start: str, end: str,
         limit: int | None) -> Plan:
    """Read the index from the cursor (or `start`) to `end` and decide what to fetch: the article captures not
    archived yet and not repeating the capture archived before them, oldest first, at most `limit`."""
    saved = origins.cursor(archive, site.key, wa.url)
    begin = start
    if saved and saved["covered_from"] <= start <= saved["done_through"] < end:
        begin = saved["done_through"]
    asked = prefixes(site)
    rows = [row for prefix in asked for row in query(wa, http, prefix, begin, end)]
    articles, listings, left = discover(site, rows)
    read = latest_per_year(site, listings)
    if len(read) < len(listings):  # every index row is counted once: kept, or left out with its reason
        left["listing captured again the same year"] = len(listings) - len(read)
    pairs = [(to_capture(wa, row), row) for row in articles]
    known = origins.known_records(archive, [c.record for c, _ in pairs])
    todo = [(c, row) for c, row in pairs if c.record not in known]
    collapsed: dict[str, int] = {}  # article captures, not index rows left out: counted apart so both add up
    todo = collapse_with_archived(archive, todo, collapsed)
    limited = limit is not None and len(todo) > limit
    later = len(todo) - limit if limit is not None and limited else 0
    todo = todo[:limit] if limited else todo
    summary = {"site": site.key, "archive": wa.url, "index_rows": len(rows), "article_captures": len(articles),
               "listing_captures": len(read), "left_out": left, "already_archived": len(known),
               "same_as_archived": sum(collapsed.values()), "left_for_next_run": later,
               "asked": {"prefixes": asked, "from": begin, "to": end}}
    done = todo[-1][1] if limited else (articles[-1] if articles else None)
    return Plan(summary, todo, read, done, begin, saved)


def backfill(archive: Archive, config: Config, site_key: str, wa: WebArchive, *, start_year: int | None = None,
             end_year: int | None = None, limit: int | None = None, dry_run: bool = False,
             delay: float = DEFAULT_DELAY, concurrency: int = DEFAULT_CONCURRENCY, on_planned=None,
             on_capture=None) -> dict:
    """Backfill one site from one archive; return the summary (the import's, plus what the index gave, what
    was fetched and the pauses the archive asked for; with `dry_run`, nothing fetched: `dry_run_summary`)."""
    site = config.site(site_key)
    http = Polite(config.defaults.get("user_agent", "Gazette"), delay=delay)
    start = stamp(start_year, False)
    planned = plan(archive, site, wa, http, start, stamp(end_year, True), limit)
    if dry_run:
        return dry_run_summary(planned, http)
    run = Run()
    run.records = planned.summary["index_rows"]
    run.skipped["already archived"] = planned.summary["already_archived"]
    import_id = origins.start_import(archive, "web-archive", f"{wa.url} {site.key}")
    status = "interrupted"
    try:
        fetch_and_archive(archive, config, site, wa, http, planned, run, import_id, limit=limit,
                          concurrency=concurrency, on_planned=on_planned, on_capture=on_capture)
        status = "ok"
        unreadable = any(counts.get("unreadable") for counts in run.sites.values())  # tried again next time
        if not unreadable and planned.done is not None:
            _advance_cursor(archive, site, wa, start, planned.begin, planned.saved, planned.done.timestamp)
    finally:
        origins.finish_import(archive, import_id, status, run.summary())
    return {**planned.summary, **run.summary(), "requests": http.requests, "waits": http.waits,
            "already_archived": run.skipped.get("already archived", 0)}


def dry_run_summary(planned: Plan, http: Polite) -> dict:
    """A dry run's summary: the real run's totals, as far as they are known before anything is fetched (every
    index row and article capture counted once, `would_fetch` where the real run counts what it fetched by
    outcome; the same per site), and the captures it would fetch (`planned`: time, URL, replay link)."""
    summary, would = planned.summary, len(planned.captures)
    not_fetched = {k: summary[k] for k in ("already_archived", "same_as_archived", "left_for_next_run")}
    return {**summary, "dry_run": True, "records": summary["index_rows"], "would_fetch": would,
            "skipped": {"already archived": summary["already_archived"]},
            "sites": {summary["site"]: {"would_fetch": would, **not_fetched}}, "problems": [], "errors": [],
            "requests": http.requests, "waits": http.waits,
            "planned": [{"time": c.time, "url": c.url, "replay_url": c.replay_url} for c, _ in planned.captures]}


def fetch_and_archive(archive: Archive, config: Config, site: Site, wa: WebArchive, http: Polite, planned: Plan,
                      run: Run, import_id: int | None, *, limit: int | None, concurrency: int, on_planned,
                      on_capture) -> None:
    """Fetch the planned captures (and the listings, for their dates) and archive them in batches."""
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency))
    try:
        listings = planned.listings[: limit or None] if planned.captures else []
        hints = read_listings(config, site, wa, http, pool, listings)
        if on_planned:
            on_planned(len(planned.captures))
        for first in range(0, len(planned.captures), BATCH):
            batch = planned.captures[first:first + BATCH]
            for capture, row in batch:
                capture.loader = _loader(pool.submit(_fetch, wa, http, row), capture)
            archive_captures(archive, config, [c for c, _ in batch], run, import_id=import_id, hints=hints,
                             on_capture=on_capture)
    except BaseException:  # Ctrl-C, an error: the fetches queued (a batch, at --delay each) are not waited for
        http.stop()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def read_listings(config: Config, site: Site, wa: WebArchive, http: Polite, pool, rows: list[CdxRow]) -> dict:
    """canonical article URL -> listed date, from the listing captures (earliest listing first)."""
    hints: dict[str, str] = {}
    captures = [to_capture(wa, row) for row in rows]
    for capture, row in zip(captures, rows):
        capture.loader = _loader(pool.submit(_fetch, wa, http, row), capture)
    for capture in captures:
        for url, date in listing_dates(config, site, capture).items():
            hints.setdefault(url, date)
    return hints


def _fetch(wa: WebArchive, http: Polite, row: CdxRow) -> tuple[dict, bytes, str, int]:
    """(headers, body, the original URL it ended at, status) of one capture's original bytes."""
    response, original, _ = fetch_capture(wa, http, row)
    headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "transfer-encoding")}
    body = gunzip_if_needed(response.body, headers)
    headers = {k: v for k, v in headers.items() if k.lower() != "content-encoding"}
    return headers, body, original, response.status


def _loader(future, capture: Capture):
    def load() -> tuple[dict, bytes]:
        try:
            headers, body, original, status = future.result()
        except NotArchived as exc:
            raise CaptureRefused(str(exc)) from None
        except ArchiveUnavailable as exc:
            raise CaptureError(str(exc)) from None
        capture.final_url, capture.status = original, status
        return headers, body
    return load


def _advance_cursor(archive: Archive, site: Site, wa: WebArchive, start: str, begin: str, saved: dict | None,
                    done: str) -> None:
    """Every article capture from the run's start up to `done` is archived (or refused for good)."""
    if saved is not None and begin != start:   # this run went on from the saved cursor
        origins.save_cursor(archive, site.key, wa.url, saved["covered_from"], max(done, saved["done_through"]))
    else:
        origins.save_cursor(archive, site.key, wa.url, start, done)
