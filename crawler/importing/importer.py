"""`gazette import`: archive the captures of WARC, WACZ and Scrapy-cache files through the crawl's own steps.

Every article capture goes through `decide` (pipelines/decide.py: the same refusals, extraction and dedup as a
crawl) and `apply` (pipelines/record.py: the same write), in capture-time order across all the files given, with
its origin (kind, file, record id) written in the same transaction (archive/origins.py). An article capture older
than what the archive holds takes its place in the article's history (archive/timeline.py), so revisions are in
capture-time order whatever order files are imported in.

What is archived: HTML responses whose URL is an article of a configured site (its `article_pattern`), or any
HTML page of no configured site with `other`. Listing pages of a site (its `listing_pattern`, start pages, feeds)
are read for the dates they list, as a crawl does. Revisit records take the body of the record they repeat (by
payload digest, in the files or the archive). A record already archived (same record id, or the same URL, time
and body) is skipped, so importing a file twice changes nothing and a rerun after a crash finishes the job.
"""
from __future__ import annotations

import hashlib
import json
import signal
import tempfile
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from archive import Archive, origins
from archive.outcomes import Outcome
from pipelines.learning import lines_for, refresh
from pipelines.record import apply, known_text, pair_new, to_pair
from pipelines.rules import OTHER, Config, Site

from .deciding import Deciding, Job
from .sources import Capture, CaptureError, CaptureRefused, Reading, open_source

HTML_MEDIA = ("text/html", "application/xhtml+xml")
PER_SITE = ("new", "updated", "unchanged", "duplicate", "refused", "gone", "unreadable")
MAX_ERRORS = 200
# captures decided, then written in one transaction (~3.5 ms of write each: the lock is held for ~0.5 s). Fewer,
# larger transactions cost less: each commit flushes the full-text index's new segment (0.4 ms a record at 32)
BATCH = 128
LAST_BATCH = 32  # the last few batches are smaller: the workers wait for nothing while the last one is written
# captures handed to the workers, not yet written, while a batch is written: two large batches, or as many of the
# last small ones (counted in batches, the small ones left the workers idle: this process took most of their
# captures back while it waited for the last large batch, and then wrote it with little left for them)
AHEAD = 2 * BATCH
POOLED_FROM = 128  # articles: fewer are decided in this process alone (starting the workers costs ~0.3 s)


class Run:
    """The counts of one import or backfill: records read, captures skipped and why, outcomes per site."""

    def __init__(self):
        self.records = 0
        self.skipped: Counter = Counter()
        self.sites: dict[str, Counter] = {}
        self.errors: list[str] = []
        self.problems: list[str] = []

    def count(self, site: str, outcome: str) -> None:
        self.sites.setdefault(site, Counter())[outcome] += 1

    def error(self, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)

    def summary(self) -> dict:
        totals: Counter[str] = Counter()
        for counts in self.sites.values():
            totals.update(counts)
        return {"records": self.records, **{k: totals.get(k, 0) for k in PER_SITE},
                "already_archived": self.skipped.get("already archived", 0),
                "skipped": dict(self.skipped),
                "sites": {site: {k: c.get(k, 0) for k in PER_SITE} for site, c in sorted(self.sites.items())},
                "problems": self.problems, "errors": self.errors}


def import_files(archive: Archive, config: Config, paths: Iterable[str | Path], *, other: bool = False,
                 on_planned: Callable[[int], None] | None = None,
                 on_capture: Callable[[Capture, str], None] | None = None, workers: int = 1) -> dict:
    """Import these files and folders; return the summary (Run.summary). `on_planned(n)` is told how many
    captures will be archived, `on_capture(capture, outcome)` after each. SourceError for a path that is no
    capture file (before anything is written)."""
    run = Run()
    with tempfile.TemporaryDirectory(prefix="gazette-import-") as workdir:
        readings: list[tuple[str, Path, Reading]] = []
        for path in paths:
            path = Path(path).absolute()
            kind, reading = open_source(path, Path(workdir))
            readings.append((kind, path, reading))
        import_id = origins.start_import(archive, readings[0][0] if len(readings) == 1 else "files",
                                         "; ".join(str(p) for _, p, _ in readings))
        status = "interrupted"
        try:
            for index, (_, _, reading) in enumerate(readings):
                run.records += reading.records
                run.skipped.update(reading.left)
                if reading.problem:
                    run.problems.append(reading.problem)
                for capture in reading.captures:
                    capture.order = (index, *capture.order)
            captures = [c for _, _, r in readings for c in r.captures]
            archive_captures(archive, config, captures, run, import_id=import_id, other=other,
                             on_planned=on_planned, on_capture=on_capture, workers=workers)
            status = "failed" if run.problems else "ok"
        finally:
            origins.finish_import(archive, import_id, status, run.summary())
    return run.summary()


def archive_captures(archive: Archive, config: Config, captures: list[Capture], run: Run, *,
                     import_id: int | None, other: bool = False, hints: dict | None = None,
                     on_planned: Callable[[int], None] | None = None,
                     on_capture: Callable[[Capture, str], None] | None = None, workers: int = 1) -> None:
    """Archive the article captures among these (in capture-time order), after reading the listings among
    them for listed dates; count everything in `run`. Shared by `gazette import` and `gazette backfill`."""
    articles, listings = plan(archive, config, captures, run, other)
    hints = dict(hints or {})
    for capture, site in listings:
        hints.update({k: v for k, v in listing_dates(config, site, capture).items() if k not in hints})
    by_digest = {c.payload_digest: c for c in captures if c.warc_type == "response" and c.payload_digest}
    learned = {key: lines_for(archive, key) for key in {s.key for _, s in articles} if key in config.sites}
    if on_planned:
        on_planned(len(articles))
    with Deciding(config, learned, workers if len(articles) >= POOLED_FROM else 1) as deciding:
        batches = in_batches(articles)
        ahead: deque[tuple[list, list]] = deque()  # (batch, its captures handed to `decide`), oldest first
        # without workers a batch is read and decided here, when handed over: one at a time, each written before
        # the next is read (a backfill's are fetched then, at --delay each: none is held unwritten meanwhile)
        most = AHEAD if deciding.pool is not None else 1

        def top_up() -> None:
            while not ahead or sum(len(batch) for batch, _ in ahead) < most:
                batch = next(batches, None)
                if batch is None:
                    return
                ahead.append((batch, submit(deciding, archive, batch, run, hints, by_digest)))

        top_up()
        while ahead:
            batch, pending = ahead.popleft()
            deciding.finish(jobs(pending), [job for _, later in ahead for job in jobs(later)])
            prepared = [item if isinstance(item, str) else (*item[:3], deciding.decision(item[3], item[1]))
                        for item in pending]
            if deciding.pool is not None:
                top_up()  # the next batches are decided while this one is written: the workers never wait for pages
            with uninterrupted():  # a batch committed is a batch counted: Ctrl-C waits for both
                with archive.transaction():  # one write transaction per batch: decide ran before it, outside
                    written = [write(archive, item, import_id) if isinstance(item, tuple) else (item, None, None)
                               for item in prepared]
                    pair_batch(archive, config, [(item[2]["fetched_at"], paired) for item, (_, _, paired)
                                                 in zip(prepared, written) if paired and isinstance(item, tuple)])
                for (capture, site), item, (outcome, error, _) in zip(batch, prepared, written):
                    if isinstance(item, tuple):  # counted once its batch is committed: a rolled back one is not
                        run.count(site.key, outcome)
                        if error:
                            run.error(error)
            if on_capture:
                for (capture, _), (outcome, _, _) in zip(batch, written):
                    on_capture(capture, outcome)
            top_up()
        # as after a crawl: each site's boilerplate, relearned from its latest pages (their lines read in the pool)
        for key in learned:
            counts = run.sites.get(key, Counter())
            if counts.get("new") or counts.get("updated"):
                refresh(archive, key, deciding.map)


def in_batches(items: list) -> Iterator[list]:
    """The items in batches of BATCH, but those of the last 2 * BATCH in batches of LAST_BATCH."""
    start = 0
    while start < len(items):
        size = BATCH if len(items) - start > 2 * BATCH else LAST_BATCH
        yield items[start:start + size]
        start += size


@contextmanager
def uninterrupted() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done, then act as they would have. Around a batch's write and
    its counting: a Ctrl-C that came during the commit stopped the import between the two, and the interrupted
    run's counts then missed a batch it had written. (Only the main thread can set handlers; elsewhere a no-op.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.signal(sig, lambda number, _frame: caught.append(number))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        if caught:
            signal.raise_signal(caught[0])


def submit(deciding: Deciding, archive: Archive, batch: list, run: Run, hints: dict, by_digest: dict) -> list:
    """Per capture of the batch: (capture, site, page, its `decide` job), or "unreadable" / "refused" / "already"."""
    out: list = []
    for capture, site in batch:
        page = read(archive, capture, site, run, hints, by_digest)
        if isinstance(page, str):
            out.append(page)
            continue
        known = known_text(archive, site, page)  # an unchanged text is not tagged or signed again
        out.append((capture, site, page, deciding.decide(page, site, known)))
    return out


def jobs(submitted: list) -> list[Job]:
    return [item[3] for item in submitted if isinstance(item, tuple)]


def plan(archive: Archive, config: Config, captures: list[Capture], run: Run,
         other: bool) -> tuple[list[tuple[Capture, Site]], list[tuple[Capture, Site]]]:
    """(article captures to archive in capture-time order, listing captures to read), each with its site;
    what is left out is counted in run.skipped by reason."""
    articles, listings = [], []
    seen: set = set()
    known = origins.known_records(archive, [c.record for c in captures])
    for capture in captures:
        site = config.site_for_url(capture.url)
        reason = skip_reason(capture, site, other)
        if reason is None and (capture.record in seen or (capture.url, capture.time, capture.payload_digest) in seen):
            reason = "repeated record"
        seen.update((capture.record, (capture.url, capture.time, capture.payload_digest)))
        if reason == "listing":  # read for the dates it lists, not archived (as in a crawl)
            listings.append((capture, site))
            run.skipped["listing"] += 1
        elif reason is None and capture.record in known:
            run.skipped["already archived"] += 1
        elif reason is None:
            articles.append((capture, site))
        else:
            run.skipped[reason] += 1
    articles.sort(key=lambda item: (item[0].time or "", item[0].order))
    return articles, listings


# the reasons to leave a capture out that skip_reason (and plan, read) give only to a capture of a configured site
# (or of any site with `other`)
ON_A_SITE = ("not HTML", "redirect", "listing", "not an article page", "repeated record", "already archived")


def skip_reason(capture: Capture, site: Site, other: bool) -> str | None:
    """Why a capture is not archived as an article page (None: it is), or "listing" for a listing to read."""
    if urlsplit(capture.url).scheme not in ("http", "https"):
        return "not a web page"
    if capture.time is None:
        return "no capture time"  # a WARC record without its WARC-Date: its place among the revisions is unknown
    if site.key == OTHER and not other:
        return "no configured site"
    media = (capture.media or "").split(";")[0].strip().lower()
    if capture.warc_type == "response" and media not in HTML_MEDIA + ("",):  # no type: decide sniffs the body
        return "not HTML"
    if capture.status is not None and 300 <= capture.status < 400:
        return "redirect"
    if site.key == OTHER or site.is_article(capture.url) or capture.gazette_article:
        return None  # (a page `gazette fetch` archived outside the article pattern comes back from its export too)
    if is_listing(site, capture.url) and capture.status == 200 and capture.warc_type == "response":
        return "listing"
    return "not an article page"


def is_listing(site: Site, url: str) -> bool:
    starts = {site.canonical(u) for u in site.start_urls + site.feed_urls}
    return site.canonical(url) in starts or bool(site.listing_pattern and site.listing_pattern.search(urlsplit(url).path))


def listing_dates(config: Config, site: Site, capture: Capture) -> dict[str, str]:
    """canonical article URL -> listed date, read from a listing capture by the crawl's own listing code
    (crawler/listing.py)."""
    from scrapy.http import HtmlResponse

    from .. import listing

    try:
        headers, body = capture.load()
    except CaptureError:
        return {}
    page = listing.Page(capture.url, HtmlResponse(url=capture.url, body=body, headers=headers).text)

    def wanted(url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https") and site.owns(url) and site.is_article(url)

    found = listing.feed_entries(page) if page.is_feed else listing.entries(page, site.selectors, wanted)[0]
    return {site.canonical(e.url): e.date for e in found if e.date and wanted(e.url)}


def read(archive: Archive, capture: Capture, site: Site, run: Run, hints: dict, by_digest: dict) -> dict | str:
    """One capture as the page dict decide takes, or "unreadable", "refused" or "already" (archived before)."""
    try:
        headers, body = load(archive, capture, by_digest)
    except CaptureError as exc:  # refused for good (CaptureRefused), or unreadable: tried again next time
        outcome = "refused" if isinstance(exc, CaptureRefused) else "unreadable"
        run.count(site.key, outcome)
        run.error(f"{capture.url} ({capture.time}, {capture.source}): {exc}")
        return outcome
    assert capture.time is not None  # plan() leaves out a capture with no time
    if origins.same_capture(archive, capture.url, capture.time, hashlib.sha256(body).hexdigest()):
        run.skipped["already archived"] += 1
        return "already"
    listed = hints.get(site.canonical(capture.url)) if hints else None
    return {"url": capture.url, "final_url": capture.final_url or capture.url,
            "status": capture.status or 200, "headers": headers, "body": body, "site": site.key,
            "hints": {"listed_published": listed} if listed else {}, "fetched_at": capture.time, "error": None}


def write(archive: Archive, prepared: tuple, import_id: int | None) -> tuple[str, str | None, str | None]:
    """Apply a decided capture and note its origin (inside the caller's transaction); return its outcome (new,
    updated, unchanged, duplicate, refused or gone), for a refused or gone page what to report, and the id of an
    article to pair (`pair_batch` pairs those of a batch at once, after its last)."""
    capture, site, page, decision = prepared
    result = apply(archive, decision, page, pair=False)
    if result.get("capture_id"):
        origins.record_origin(archive, result["capture_id"], kind=capture.kind, source=capture.source,
                              record=capture.record, replay_url=capture.replay_url,
                              payload_digest=capture.payload_digest, import_id=import_id)
    if result["status"] == Outcome.FAILED:
        return "gone" if result["gone"] else "refused", f"{capture.url} ({capture.time}): {result['error']}", None
    return str(result["status"]), None, result["article_id"] if to_pair(decision, result["status"]) else None


def pair_batch(archive: Archive, config: Config, written: list[tuple[str, str]]) -> None:
    """Pair the articles a batch wrote ((capture time, article id) each) at once, inside its transaction: what
    pairing each as it was written would settle (pipelines/translations.py), reading the neighbourhood they share
    once. Their pairs are dated by the batch's latest capture."""
    if written:
        pair_new(archive, [article for _, article in written], max(when for when, _ in written), config.taggers)


def load(archive: Archive, capture: Capture, by_digest: dict) -> tuple[dict, bytes]:
    """A capture's headers and body; a revisit record's body is that of the record it repeats."""
    if capture.warc_type != "revisit":
        return capture.load()
    original = by_digest.get(capture.payload_digest)
    if original is not None:
        headers, body = original.load()
    else:
        row = origins.capture_by_payload(archive, capture.payload_digest or "")
        if row is None:
            raise CaptureError(f"revisit of a record found neither in the files nor in the archive "
                               f"(payload digest {capture.payload_digest})")
        headers, body = json.loads(row["headers"] or "{}"), archive.capture_body(row["digest"])
    try:
        own, _ = capture.load()
    except CaptureError:
        own = {}
    return (own or headers), body
