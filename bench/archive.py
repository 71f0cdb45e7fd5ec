"""Archive benchmark: generated articles written through Archive.store_article, the crawl's own write path.

For each size (default 100,000 and 1,000,000) it builds a fresh archive file, inserts that many generated
articles (one transaction per article, as a crawl commits each page; --batch N groups N per transaction) and
reports: articles per second, file size per article, median latency of a few full-text (FTS5) queries, and
the cost of the dedup lookup (find_duplicate by content_hash, a hit and a miss) and of reading one article.

Run: python -m bench.archive [--sizes 100000,1000000] [--batch 1] [--dir DIR] [--keep]
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

SITES = ("mfa", "guizhou", "hunan", "chongqing", "shenzhen", "guangdong")
TOPICS = ("ambassador", "friendship", "delegation", "cooperation", "province", "consul", "visit", "trade",
          "investment", "exchange", "agreement", "sister", "city", "minister", "governor", "meeting")
PHRASES = ("sister city", "friendship city", "Consul General", "foreign affairs office")
RARE = ("Turkmenistan", "Debrecen", "Liangjiang", "Zhangjiajie", "Vientiane")
QUERIES = ("ambassador", "friendship city", '"sister city"', "Turkmenistan", "cooperation AND governor",
           "invest*")


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(size)}
    return sorted(words) + list(TOPICS)


class Generator:
    """Deterministic article records with a Zipf-like word distribution, ~350 words a body."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.pool = self.rng.choices(self.words, self.weights, k=200_000)

    def sentence(self) -> str:
        start = self.rng.randrange(len(self.pool) - 20)
        words = self.pool[start:start + self.rng.randint(8, 20)]
        if self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(TOPICS))
        if self.rng.random() < 0.05:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(PHRASES))
        if self.rng.random() < 0.002:
            words.insert(0, self.rng.choice(RARE))
        return " ".join(words).capitalize() + "."

    def record(self, n: int) -> dict:
        from pipelines.normalise import article_id, content_hash
        site = SITES[n % len(SITES)]
        url = f"https://{site}.example.gov.cn/news/{2000 + n % 25}/{n:08d}.html"
        body = "\n\n".join(" ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
                           for _ in range(self.rng.randint(4, 9)))
        return {"id": article_id(url), "site": site, "url": url, "content_hash": content_hash(body),
                "title": self.sentence()[:90].rstrip("."), "published": f"{2000 + n % 25}-{1 + n % 12:02d}-"
                f"{1 + n % 28:02d}", "byline": None, "source": "Generated", "body": body, "captions": [],
                "language": "en", "layer": "site"}


def timed(fn, repeat: int) -> float:
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(size: int, directory: Path, batch: int) -> dict:
    from archive import Archive
    path = directory / f"bench-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    archive = Archive(path)
    gen = Generator()
    probe = []
    started = time.perf_counter()
    writing = 0.0
    last_report = started
    n = 0
    while n < size:
        records = [gen.record(i) for i in range(n, min(size, n + batch))]
        t0 = time.perf_counter()
        with archive.transaction():
            for record in records:
                archive.store_article(record, seen_at="2025-01-01T00:00:00Z")
        writing += time.perf_counter() - t0
        if n % max(1, size // 50) < batch and len(probe) < 50:
            probe.append(records[0])
        n += len(records)
        if time.perf_counter() - last_report > 30:
            last_report = time.perf_counter()
            print(f"  ... {n:,} articles, {n / writing:,.0f}/s so far", file=sys.stderr, flush=True)
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_bytes = path.stat().st_size
    result = {"size": size, "articles_per_s": size / writing, "bytes_per_article": size_bytes / size,
              "file_mb": size_bytes / 1e6}
    conn = archive.db.conn
    result["fts_ms"] = {}
    for query in QUERIES:
        def search(q=query):
            conn.execute("select rowid from articles_fts where articles_fts match ? order by rank limit 20",
                         [q]).fetchall()
        result["fts_ms"][query] = timed(search, 7) * 1000
        result.setdefault("fts_hits", {})[query] = conn.execute(
            "select count(*) from articles_fts where articles_fts match ?", [query]).fetchone()[0]
    hits = [timed(lambda r=r: archive.find_duplicate(r["site"], r["content_hash"], "x" * 16), 3) for r in probe]
    misses = [timed(lambda i=i: archive.find_duplicate("mfa", f"{i:064x}", "x" * 16), 3) for i in range(50)]
    reads = [timed(lambda r=r: archive.article(r["id"]), 3) for r in probe]
    result.update(dedup_hit_us=statistics.median(hits) * 1e6, dedup_miss_us=statistics.median(misses) * 1e6,
                  read_us=statistics.median(reads) * 1e6)
    ok = conn.execute("PRAGMA quick_check").fetchone()[0]
    result["quick_check"] = ok
    archive.close()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated article counts")
    parser.add_argument("--batch", type=int, default=1, help="articles per transaction (a crawl commits 1)")
    parser.add_argument("--dir", type=Path, default=None, help="where to write the archive files (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the archive files")
    args = parser.parse_args(argv)
    directory = args.dir or Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    directory.mkdir(parents=True, exist_ok=True)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    results = []
    try:
        for size in sizes:
            print(f"writing {size:,} articles to {directory} ({args.batch} per transaction)...", flush=True)
            r = run(size, directory, args.batch)
            results.append(r)
            print(f"  {r['articles_per_s']:,.0f} articles/s; {r['bytes_per_article']:,.0f} bytes/article "
                  f"({r['file_mb']:,.0f} MB); dedup lookup hit {r['dedup_hit_us']:.0f} µs, miss "
                  f"{r['dedup_miss_us']:.0f} µs; read by id {r['read_us']:.0f} µs; quick_check {r['quick_check']}")
            for query, ms in r["fts_ms"].items():
                print(f"  FTS {query!r:<28} median {ms:7.2f} ms ({r['fts_hits'][query]:,} hits, top 20 by rank)")
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(directory, ignore_errors=True)
    if len(results) > 1:
        a, b = results[0], results[-1]
        print(f"\n{b['size']:,} vs {a['size']:,} articles: write speed x{b['articles_per_s'] / a['articles_per_s']:.2f}, "
              f"FTS median x{statistics.median(b['fts_ms'].values()) / statistics.median(a['fts_ms'].values()):.2f}, "
              f"dedup hit x{b['dedup_hit_us'] / a['dedup_hit_us']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
