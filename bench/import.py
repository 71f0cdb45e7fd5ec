# ruff: noqa: N999  (the module is named as the issue asks: python -m bench.import)
"""WARC import speed (module named as the issue asks: `python -m bench.import`): `gazette import` against plain warcio iteration plus extraction, in the same run.

A WARC is written (warcio) with N response records: the recorded fixture article pages of every configured site,
copied under distinct article URLs with a word changed in each copy so every record is a new article. With
`--real`, instead, each article page of a real Scrapy HTTP cache once, under its own URL: by default the cache the
public repository cwang23/china_fm committed (the 500 English and 1,000 Chinese press conferences of bench.pairing,
2016-2020), read from its mirror or from `--cache DIR`. Those are long, distinct texts of both languages whose
English and Chinese versions pair and align as they are archived, the costliest pages Gazette imports; the copies
of the default corpus are short, alike and mostly not of a kind that pairs. Then, on the same file, in this
process:

- baseline 1: warcio iterates the records and reads each body, and pipelines.extract.extract() runs on it;
- baseline 2: the same with pipelines.decide.decide() (extraction plus mentions, meetings, MinHash: the pure step a
  crawl runs per page);
- import: crawler.importing.importer.import_files() into a fresh archive (index pass, listing dates, capture-time
  order, digest check, decide, the write transaction with the capture and its origin), with decide in this
  process (timed in CPU seconds like the baselines) and in --workers processes (wall clock: the speed a user sees).

Before anything is timed, `decide` runs once, untimed, on the first 64 records: what a long import does once
(patterns compiled, gazetteers read) does not weigh on 1,000 records. Each import starts with none of pairing's
kept alignments and traits (pipelines.translations.forget), as a new process does: the second import of the same
pages would otherwise find the first one's alignments.

It prints records per second of CPU time (this process's; the machine is shared, so wall-clock time says more about
the neighbours) for each and the import's time against each baseline (1.0 = bound by extraction), and the wall
clock of the import in --workers processes against `decide` alone in one (at or under 1.0, the import runs as fast
as the pure step alone does on one core).

Run: python -m bench.import [--pages 400] [--rounds 1] [--workers 2] [--again] [--real [--cache DIR]]
"""
from __future__ import annotations

import argparse
import io
import re
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive import Archive
from bench.archive_size import fixture_items
from crawler import config as config_module
from crawler.importing.importer import import_files
from crawler.importing.sources import scrapy_cache
from pipelines.decide import decide
from pipelines.extract import ExtractionError, extract
from pipelines import translations
from pipelines.rules import OTHER


WARM = 64  # records decided once, untimed, before anything is timed (the default corpus's 63 pages, each once)


def article_pages(config) -> list[dict]:
    return [item for item in fixture_items(config) if item["headers"]["Content-Type"] == "text/html"
            and config.sites[item["site"]].is_article(item["url"])]


def copy_url(url: str, k: int) -> str:
    """The page's URL made distinct for copy k, still an article URL of its site: a number in its last path
    segment grows digits (t20240515_11305672.html -> t20240515_1130567200012.html), else the slug a suffix."""
    changed = re.sub(r"(\d+)(\.s?html?)$", lambda m: f"{m.group(1)}{k:05d}{m.group(2)}", url)
    return changed if changed != url else re.sub(r"/?$", f"-copy-{k}/", url, count=1)


def marked(page: dict, site) -> Callable[[int], bytes]:
    """copy k -> the page's bytes with "Copy k." in its article text, so each copy is a new article, not a
    duplicate of another copy: at the start of the first three paragraphs, or, where those are outside the
    article (its extracted body would not change), before the first body line found as such in the bytes."""
    def in_paragraphs(k: int) -> bytes:
        return re.sub(rb"(<p[^>]*>)", rb"\1Copy %d. " % k, page["body"], count=3)

    body = extract(page["body"], page["url"], site, "text/html").body
    if extract(in_paragraphs(0), page["url"], site, "text/html").body != body:
        return in_paragraphs
    for line in body.split("\n"):
        start = line.strip()[:12].encode()
        if len(start) >= 8 and page["body"].count(start) == 1:
            return lambda k: page["body"].replace(start, b"Copy %d. " % k + start, 1)
    return in_paragraphs


def real_pages(config, cache: str | None) -> list[dict]:
    """The article pages of a Scrapy HTTP cache (bench.pairing's china_fm cache unless `cache` is given), each once,
    in the cache's order, with the time it was fetched."""
    from bench.pairing import cache_dir
    pages = []
    for capture in scrapy_cache(cache_dir(cache)).captures:
        site = config.site_for_url(capture.url)
        if site.key != OTHER and site.is_article(capture.url) and capture.status == 200:
            headers, body = capture.loader()
            pages.append({"url": capture.url, "site": site.key, "body": body, "time": capture.time,
                          "headers": headers})
    return pages


def write_real(path: Path, pages: list[dict]) -> int:
    """A gzipped WARC of the pages as they were captured: one response record each."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in pages:
            http = StatusAndHeaders("200 OK", [*page["headers"].items(), ("Content-Length", str(len(page["body"])))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                page["url"], "response", payload=io.BytesIO(page["body"]), length=len(page["body"]),
                http_headers=http, warc_headers_dict={"WARC-Date": page["time"]}))
    return len(pages)


def write(path: Path, pages: list[dict], total: int, config, again: bool = False) -> int:
    """A gzipped WARC of `total` records cycling through the pages, each copy a distinct URL and article text.
    `again`: then each of them captured a second time, a day later, with only a comment in the page changed (web
    archives hold many such captures of one article: a time stamp, a counter, a sidebar)."""
    copies = [marked(page, config.sites[page["site"]]) for page in pages]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k in range(2 * total if again else total):
            page = pages[k % total % len(pages)]
            body = copies[k % total % len(pages)](k % total)
            if k >= total:
                body = body.replace(b"</body>", b"<!-- captured again -->\n</body>", 1)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            stamp = f"2020-01-0{1 + k // total}T{k % total // 3600 % 24:02d}:{k // 60 % 60:02d}:{k % 60:02d}Z"
            writer.write_record(writer.create_warc_record(
                copy_url(page["url"], k % total), "response", payload=io.BytesIO(body), length=len(body),
                http_headers=http, warc_headers_dict={"WARC-Date": stamp}))
    return 2 * total if again else total


def baseline(path: Path, config, full: bool, limit: int | None = None) -> float:
    """CPU seconds to iterate the WARC with warcio, read every body (or the first `limit`) and extract it (or run
    decide on it)."""
    start = time.process_time()
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            if limit is not None:
                if limit == 0:
                    break
                limit -= 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            site = config.site_for_url(url)
            if full:
                decide({"url": url, "final_url": url, "status": 200, "headers": {"Content-Type": "text/html"},
                        "body": body, "site": site.key, "hints": {}, "fetched_at": "2020-01-01T00:00:00Z",
                        "error": None}, site, config.taggers)
            else:
                try:
                    extract(body, url, site, "text/html")
                except ExtractionError:
                    pass
    return time.process_time() - start


def _children_cpu() -> float:
    """CPU seconds of this process's ended children (the import's workers, once its pool is shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400, help="records in the WARC")
    parser.add_argument("--rounds", type=int, default=1, help="repeat each measurement, keep the fastest")
    parser.add_argument("--workers", type=int, default=2, help="also time the import with decide in N processes")
    parser.add_argument("--real", action="store_true",
                        help="each article page of a real Scrapy HTTP cache once (the china_fm press conferences)")
    parser.add_argument("--cache", help="with --real: the cache folder (default: china_fm's, from its mirror)")
    parser.add_argument("--again", action="store_true",
                        help="each page captured a second time (only a comment changed): re-captures of archived "
                             "articles, which are not tagged or signed again")
    args = parser.parse_args()
    config = config_module.load()
    work = Path(tempfile.mkdtemp(prefix="gazette-bench-import-"))
    warc = work / "pages.warc.gz"
    if args.real:
        pages = real_pages(config, args.cache)
        n = write_real(warc, pages)
        sites = ", ".join(f"{sum(p['site'] == key for p in pages)} {key}" for key in sorted({p["site"] for p in pages}))
        print(f"{n} records (real article pages of a Scrapy cache, each once: {sites}), "
              f"{warc.stat().st_size / 1e6:.1f} MB gzipped")
    else:
        pages = article_pages(config)
        n = write(warc, pages, args.pages, config, args.again)
        print(f"{n} records ({len(pages)} recorded article pages, copied"
              f"{', each captured twice' if args.again else ''}), {warc.stat().st_size / 1e6:.1f} MB gzipped")
    baseline(warc, config, full=True, limit=WARM)  # untimed: patterns compiled, gazetteers read, as in a long run
    extract_s = min(baseline(warc, config, full=False) for _ in range(args.rounds))
    decide_s = min(baseline(warc, config, full=True) for _ in range(args.rounds))
    timed = {}
    for workers in dict.fromkeys((1, args.workers)):
        best, summary = (float("inf"), float("inf"), float("inf")), {}
        for round_ in range(args.rounds):
            db = work / f"import-{workers}-{round_}.db"
            translations.forget()  # each import starts with nothing kept, as a new process does
            with Archive(db) as archive:
                cpu, wall, children = time.process_time(), time.perf_counter(), _children_cpu()
                summary = import_files(archive, config, [warc], workers=workers)
                best = min(best, (time.perf_counter() - wall, time.process_time() - cpu,
                                  _children_cpu() - children))
        timed[workers] = best
    import_s = timed[1][1]
    outcomes = ", ".join(f"{summary[k]} {k}" for k in ("new", "unchanged", "duplicate", "refused", "unreadable")
                         if summary[k])
    print(f"{'warcio + extract()':<34} {n / extract_s:8.0f} records/s  ({extract_s * 1000 / n:.2f} ms each)")
    print(f"{'warcio + decide()':<34} {n / decide_s:8.0f} records/s  ({decide_s * 1000 / n:.2f} ms each)")
    print(f"{'gazette import':<34} {n / import_s:8.0f} records/s  ({import_s * 1000 / n:.2f} ms each; {outcomes})")
    for workers, (wall, cpu, children) in timed.items():
        print(f"  wall clock, decide in {workers} process{'es' if workers > 1 else ''}: {n / wall:6.0f} records/s "
              f"({wall:.1f} s; CPU {(cpu + children) * 1000 / n:.2f} ms a record: this process "
              f"{cpu * 1000 / n:.2f}, its workers {children * 1000 / n:.2f})")
    print(f"import / (warcio + decide):  {import_s / decide_s:.2f}x   "
          f"import / (warcio + extract): {import_s / extract_s:.2f}x")
    for workers, (wall, _, _) in timed.items():
        if workers > 1:   # (wall clock against CPU time: the two are alike on an idle machine)
            print(f"import in {workers} processes (wall clock) / (warcio + decide) in one: {wall / decide_s:.2f}x")


if __name__ == "__main__":
    main()
