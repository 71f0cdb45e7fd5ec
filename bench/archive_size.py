"""Archive size per article on the recorded fixtures: every fixture article page of every configured site is
archived through the crawl's own write path (pipelines.record.archive_page, no network), then the file is
measured: article text, stored captures (zlib), history tables (URLs, MinHash signatures and bands), and the
whole file after VACUUM, each divided by the number of articles.

Run: python -m bench.archive_size [--keep DIR]
"""
from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from archive import Archive
from crawler import config as config_module
from gazette_data import recorded_pages as expected_pages
from pipelines.record import archive_page


def table_bytes(path: Path) -> dict[str, int]:
    """Bytes of content per table and index (SQLite's dbstat payload: without the free space of partly
    filled pages, which dominates a tiny archive), or {} when this SQLite lacks dbstat."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("select name, sum(payload) from dbstat group by name").fetchall())
    except sqlite3.OperationalError:
        return {}
    finally:
        conn.close()


def fixture_items(config):
    """Each recorded page of a configured site as the page item a spider would hand on (served at the site's
    own URL, HTTP 200, no network)."""
    for site, url_path, page, _ in expected_pages():
        if site not in config.sites:
            continue
        url = config.sites[site].base_url.rstrip("/") + url_path
        content_type = "application/rss+xml" if page.suffix == ".xml" else "text/html"
        yield {"url": url, "final_url": url, "status": 200, "headers": {"Content-Type": content_type},
               "body": page.read_bytes(), "site": site, "hints": {}, "fetched_at": "2026-01-01T00:00:00Z",
               "error": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="directory to keep the archive in")
    args = parser.parse_args()
    config = config_module.load()
    directory = Path(args.keep or tempfile.mkdtemp(prefix="gazette-size-"))
    path = directory / "size.db"
    path.unlink(missing_ok=True)
    statuses: dict[str, int] = {}
    with Archive(path) as archive:
        for item in fixture_items(config):
            result = archive_page(archive, config, item, None)
            statuses[result["status"]] = statuses.get(result["status"], 0) + 1
        db = archive.db
        n = db.execute("select count(*) from articles").fetchone()[0]
        text = db.execute("select sum(length(cast(coalesce(title,'') || coalesce(body,'') as blob))) from articles").fetchone()[0]
        raw = db.execute("select sum(size) from bodies").fetchone()[0]
        packed = db.execute("select sum(length(data)) from bodies").fetchone()[0]
        near = db.execute("select count(*) from near_duplicates").fetchone()[0] // 2
        archive.db.execute("vacuum")
    sizes = table_bytes(path)
    parts = {"article_urls": ("article_urls", "idx_article_urls", "sqlite_autoindex_article_urls"),
             "MinHash signatures": ("minhashes", "sqlite_autoindex_minhashes"),
             "LSH bands": ("minhash_bands",),
             "near_duplicates": ("near_duplicates", "idx_near_duplicates", "sqlite_autoindex_near_duplicates")}
    history = {label: sum(v for k, v in sizes.items() if k.startswith(prefixes)) for label, prefixes in parts.items()}
    fts = sum(v for k, v in sizes.items() if k.startswith("articles_fts"))
    total = path.stat().st_size
    print(f"pages archived: {statuses}; articles: {n}; near-duplicate pairs: {near}")
    print(f"per article: text {text / n:,.0f} B; capture raw {raw / n:,.0f} B, stored (zlib) {packed / n:,.0f} B "
          f"({packed / raw:.0%})")
    if sizes:
        print(f"per article (content bytes): FTS index {fts / n:,.0f} B; "
              + "; ".join(f"{label} {v / n:,.0f} B" for label, v in history.items()))
    print(f"per article: whole file after VACUUM {total / n:,.0f} B ({total:,} B for {n} articles)")


if __name__ == "__main__":
    main()
