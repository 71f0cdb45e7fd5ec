"""Create and migrate the archive's tables with sqlite-utils.

Each migration is a function that moves the archive one version up; `PRAGMA user_version` records the
version reached. Opening an archive made by an older Gazette runs the missing steps in place, each in its
own transaction, so no row is lost. Add a step by appending a function to MIGRATIONS; never edit an old one.
"""
from __future__ import annotations

import sqlite_utils


def _core_tables(db: sqlite_utils.Database) -> None:
    db["articles"].create({
        "id": str, "site": str, "url": str, "title": str, "published": str, "byline": str, "source": str,
        "body": str, "captions": str, "language": str, "layer": str, "content_hash": str,
        "listed_published": str, "capture_id": int,
        "first_seen": str, "last_seen": str, "last_changed": str, "gone_since": str,
    }, pk="id", if_not_exists=True)
    db["articles"].create_index(["site", "published"], if_not_exists=True)
    db["articles"].create_index(["content_hash"], if_not_exists=True)
    db["articles"].create_index(["url"], if_not_exists=True)
    db["revisions"].create({
        "id": int, "article_id": str, "seen_at": str, "replaced_at": str, "title": str, "published": str,
        "byline": str, "body": str, "captions": str, "layer": str, "capture_id": int,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True)
    db["revisions"].create_index(["article_id"], if_not_exists=True)
    db["bodies"].create({"digest": str, "size": int, "compression": str, "data": bytes},
                        pk="digest", if_not_exists=True)
    db["crawl_runs"].create({
        "id": int, "site": str, "trigger": str, "started": str, "finished": str, "status": str,
        "requests": int, "new": int, "updated": int, "unchanged": int, "duplicate": int, "failed": int,
        "gone": int, "fell_back": int, "errors": str, "pid": int,
    }, pk="id", if_not_exists=True)
    db["crawl_runs"].create_index(["site", "started"], if_not_exists=True)
    db["captures"].create({
        "id": int, "run_id": int, "site": str, "url": str, "final_url": str, "fetched_at": str, "status": int,
        "headers": str, "digest": str, "size": int, "article_id": str, "outcome": str, "error": str,
    }, pk="id", foreign_keys=[("digest", "bodies", "digest"), ("run_id", "crawl_runs", "id")],
        if_not_exists=True)
    db["captures"].create_index(["url"], if_not_exists=True)
    db["captures"].create_index(["article_id"], if_not_exists=True)


def _full_text_search(db: sqlite_utils.Database) -> None:
    db["articles"].enable_fts(["title", "body"], fts_version="FTS5", create_triggers=True,
                              tokenize="porter", replace=True)


def _mentions(db: sqlite_utils.Database) -> None:
    """Who is named in each article (pipelines/mentions.py): countries, provinces, cities, officials."""
    db["mentions"].create({"article_id": str, "kind": str, "name": str, "code": str, "count": int},
                          pk=("article_id", "kind", "name"), foreign_keys=[("article_id", "articles", "id")],
                          if_not_exists=True)
    db["mentions"].create_index(["kind", "name"], if_not_exists=True)
    db["mentions"].create_index(["code"], if_not_exists=True)


def _history(db: sqlite_utils.Database) -> None:
    """Every URL seen for an article (archive/urls.py), MinHash signatures, LSH bands and near-duplicate links
    (archive/near_duplicates.py).

    article_urls is backfilled from the captures and articles already archived."""
    db["article_urls"].create({"url": str, "article_id": str, "first_seen": str, "last_seen": str},
                              pk="url", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True)
    db["article_urls"].create_index(["article_id"], if_not_exists=True)
    db.execute("""
        insert or ignore into article_urls (url, article_id, first_seen, last_seen)
        select url, article_id, min(seen), max(seen) from (
            select url, article_id, fetched_at as seen from captures
             where article_id is not null and article_id in (select id from articles)
            union all
            select final_url, article_id, fetched_at from captures
             where article_id is not null and final_url is not null and article_id in (select id from articles)
            union all
            select url, id, first_seen from articles
            union all
            select url, id, last_seen from articles
        ) group by url""")
    db["minhashes"].create({"article_id": str, "site": str, "method": str, "signature": bytes},
                           pk="article_id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True)
    # One row per LSH band of each signature: articles sharing a (band, key) are near-duplicate candidates.
    db.execute("create table if not exists minhash_bands (band_key integer not null, article_id text not null,"
               " primary key (band_key, article_id)) without rowid")
    db.execute("create index if not exists minhash_bands_article on minhash_bands (article_id)")
    db["near_duplicates"].create({"article_id": str, "other_id": str, "similarity": float, "method": str,
                                  "found": str},
                                 pk=("article_id", "other_id"),
                                 foreign_keys=[("article_id", "articles", "id"), ("other_id", "articles", "id")],
                                 if_not_exists=True)
    db["near_duplicates"].create_index(["other_id"], if_not_exists=True)


def _schedule_state(db: sqlite_utils.Database) -> None:
    """What `gazette schedule` plans per site (next run) and did last, for `gazette status` (archive/scheduling.py)."""
    db["schedule_state"].create({
        "site": str, "schedule": str, "next_run": str, "last_started": str, "last_finished": str,
        "last_outcome": str, "scheduler_pid": int, "updated": str,
    }, pk="site", if_not_exists=True)


def _crawl_discovery(db: sqlite_utils.Database) -> None:
    """What a site crawl discovered (crawler/spiders/site.py): listing pages read, article links found on them,
    known articles not requested again. `gazette status` warns when listings found no articles."""
    for column in ("listings", "links", "skipped"):
        if column not in db["crawl_runs"].columns_dict:
            db["crawl_runs"].add_column(column, int, not_null_default=0)



def _revision_cause(db: sqlite_utils.Database) -> None:
    """Why a revision was made: `refetch` (the site's page changed) or `reextract` (Gazette's extraction did)."""
    if "cause" not in db["revisions"].columns_dict:
        db["revisions"].add_column("cause", str)
    db.execute("update revisions set cause = 'refetch' where cause is null")


MIGRATIONS = [_core_tables, _full_text_search, _mentions, _history, _schedule_state, _crawl_discovery,
              _revision_cause]
VERSION = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, upto: int = VERSION) -> int:
    """Run the migrations the archive lacks, up to `upto`; return the version reached."""
    current = version(db)
    if current > VERSION:
        raise RuntimeError(f"archive is version {current}, newer than this Gazette (version {VERSION}); upgrade Gazette")
    for number in range(current, upto):
        with db.atomic():
            MIGRATIONS[number](db)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return max(current, upto)
