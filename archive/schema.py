"""Create and migrate the archive's tables with sqlite-utils.

Each migration is a function that moves the archive one version up; `PRAGMA user_version` records the
version reached. Opening an archive made by an older Gazette runs the missing steps in place, each in its
own transaction, so no row is lost. Add a step by appending a function to MIGRATIONS; never edit, rename or move
an old one. Steps are numbered by their place (the version they bring an archive to) and named by their
function (`step_name`); a new article field's step calls `add_article_field`. The research interface's steps
(its keys, counts and indexes, with the SQL of their triggers and views) are in archive/schema_research.py.
"""
from __future__ import annotations

import sqlite3

import sqlite_utils

from definitions import fields  # the article fields' one definition; imports nothing of Gazette

from .schema_research import (_cheaper_cjk_check, _mention_deletes_by_article, _named_article_rowids,
                              _named_reads_at_a_million, _province_months, _research_interface,
                              _research_pages_at_a_million)


def add_article_field(db: sqlite_utils.Database, name: str) -> None:
    """The migration step of a new article field: its column in `articles` (and in `revisions` when each version
    keeps it), of the type the registry gives (definitions/fields.py). A no-op for a column already there."""
    field = fields.BY_NAME[name]
    for table in ("articles", "revisions") if field.revised else ("articles",):
        if name not in db.table(table).columns_dict:
            db.execute(f"alter table {table} add column [{name}] {field.sql}")


def _core_tables(db: sqlite_utils.Database) -> None:
    db.table("articles").create({
        "id": str, "site": str, "url": str, "title": str, "published": str, "byline": str, "source": str,
        "body": str, "captions": str, "language": str, "layer": str, "content_hash": str,
        "listed_published": str, "capture_id": int,
        "first_seen": str, "last_seen": str, "last_changed": str, "gone_since": str,
    }, pk="id", if_not_exists=True)
    db.table("articles").create_index(["site", "published"], if_not_exists=True)
    db.table("articles").create_index(["content_hash"], if_not_exists=True)
    db.table("articles").create_index(["url"], if_not_exists=True)
    db.table("revisions").create({
        "id": int, "article_id": str, "seen_at": str, "replaced_at": str, "title": str, "published": str,
        "byline": str, "body": str, "captions": str, "layer": str, "capture_id": int,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True)
    db.table("revisions").create_index(["article_id"], if_not_exists=True)
    db.table("bodies").create({"digest": str, "size": int, "compression": str, "data": bytes},
                        pk="digest", if_not_exists=True)
    db.table("crawl_runs").create({
        "id": int, "site": str, "trigger": str, "started": str, "finished": str, "status": str,
        "requests": int, "new": int, "updated": int, "unchanged": int, "duplicate": int, "failed": int,
        "gone": int, "fell_back": int, "errors": str, "pid": int,
    }, pk="id", if_not_exists=True)
    db.table("crawl_runs").create_index(["site", "started"], if_not_exists=True)
    db.table("captures").create({
        "id": int, "run_id": int, "site": str, "url": str, "final_url": str, "fetched_at": str, "status": int,
        "headers": str, "digest": str, "size": int, "article_id": str, "outcome": str, "error": str,
    }, pk="id", foreign_keys=[("digest", "bodies", "digest"), ("run_id", "crawl_runs", "id")],
        if_not_exists=True)
    db.table("captures").create_index(["url"], if_not_exists=True)
    db.table("captures").create_index(["article_id"], if_not_exists=True)


def _full_text_search(db: sqlite_utils.Database) -> None:
    db.table("articles").enable_fts(["title", "body"], fts_version="FTS5", create_triggers=True,
                              tokenize="porter", replace=True)


def _mentions(db: sqlite_utils.Database) -> None:
    """Who is named in each article (pipelines/mentions.py): countries, provinces, cities, officials."""
    db.table("mentions").create({"article_id": str, "kind": str, "name": str, "code": str, "count": int},
                          pk=("article_id", "kind", "name"), foreign_keys=[("article_id", "articles", "id")],
                          if_not_exists=True)
    db.table("mentions").create_index(["kind", "name"], if_not_exists=True)
    db.table("mentions").create_index(["code"], if_not_exists=True)


def _history(db: sqlite_utils.Database) -> None:
    """Every URL seen for an article (archive/urls.py), MinHash signatures, LSH bands and near-duplicate links
    (archive/near_duplicates.py).

    article_urls is backfilled from the captures and articles already archived."""
    db.table("article_urls").create({"url": str, "article_id": str, "first_seen": str, "last_seen": str},
                              pk="url", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True)
    db.table("article_urls").create_index(["article_id"], if_not_exists=True)
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
    db.table("minhashes").create({"article_id": str, "site": str, "method": str, "signature": bytes},
                           pk="article_id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True)
    # One row per LSH band of each signature: articles sharing a (band, key) are near-duplicate candidates.
    db.execute("create table if not exists minhash_bands (band_key integer not null, article_id text not null,"
               " primary key (band_key, article_id)) without rowid")
    db.execute("create index if not exists minhash_bands_article on minhash_bands (article_id)")
    db.table("near_duplicates").create({"article_id": str, "other_id": str, "similarity": float, "method": str,
                                  "found": str},
                                 pk=("article_id", "other_id"),
                                 foreign_keys=[("article_id", "articles", "id"), ("other_id", "articles", "id")],
                                 if_not_exists=True)
    db.table("near_duplicates").create_index(["other_id"], if_not_exists=True)


def _schedule_state(db: sqlite_utils.Database) -> None:
    """What `gazette schedule` plans per site (next run) and did last, for `gazette status` (archive/scheduling.py)."""
    db.table("schedule_state").create({
        "site": str, "schedule": str, "next_run": str, "last_started": str, "last_finished": str,
        "last_outcome": str, "scheduler_pid": int, "updated": str,
    }, pk="site", if_not_exists=True)


def _crawl_discovery(db: sqlite_utils.Database) -> None:
    """What a site crawl discovered (crawler/spiders/site.py): listing pages read, article links found on them,
    known articles not requested again. `gazette status` warns when listings found no articles."""
    for column in ("listings", "links", "skipped"):
        if column not in db.table("crawl_runs").columns_dict:
            db.table("crawl_runs").add_column(column, int, not_null_default=0)



def _revision_cause(db: sqlite_utils.Database) -> None:
    """Why a revision was made: `refetch` (the site's page changed) or `reextract` (Gazette's extraction did)."""
    if "cause" not in db.table("revisions").columns_dict:
        db.table("revisions").add_column("cause", str)
    db.execute("update revisions set cause = 'refetch' where cause is null")


def _learned_boilerplate(db: sqlite_utils.Database) -> None:
    """Lines learned as boilerplate from each site's archived pages (pipelines/learned.py): on `pages` of the
    `seen_in` latest pages sampled, as of `updated`."""
    db.table("learned_boilerplate").create({"site": str, "line": str, "pages": int, "seen_in": int, "updated": str},
                                     pk=("site", "line"), if_not_exists=True)


def _credits(db: sqlite_utils.Database) -> None:
    """Credit lines are fields (pipelines/extract.py): who translated the article and who edited it, as the page
    credits them (`Translator: …`, `Editor: …`); null when it does not."""
    for column in ("translator", "editor"):
        if column not in db.table("articles").columns_dict:
            db.table("articles").add_column(column, str)


def _meetings(db: sqlite_utils.Database) -> None:
    """Who met whom, as events (pipelines/meetings.py, written by archive/meetings.py with the article): `meetings`,
    one row per meeting, visit, talks, call or signing; `meeting_participants`, one row per person or per country
    of a foreign group, with the event's type, date, year, province and city repeated for facets. An archive made
    before this step gets its events from `gazette reextract`."""
    db.execute("""create table if not exists meetings (
        id text primary key, article_id text not null references articles(id), site text, seq integer,
        type text, date_start text, date_end text, year integer, month text,
        place_country text, province text, province_code text, city text, city_code text, place_source text,
        places text, chinese_side text, foreign_side text, countries text, country_codes text,
        group_description text, group_number integer, sentence text)""")
    db.execute("create index if not exists meetings_article on meetings (article_id)")
    db.execute("create index if not exists meetings_province_year on meetings (province, year)")
    db.execute("create index if not exists meetings_month on meetings (month, province)")
    db.execute("""create table if not exists meeting_participants (
        id integer primary key, meeting_id text not null references meetings(id),
        article_id text not null references articles(id), side text, name text, title text, role text,
        level text, body text, country text, country_name text, type text, date_start text, year integer,
        province text, province_code text, city text)""")
    db.execute("create index if not exists meeting_participants_meeting on meeting_participants (meeting_id)")
    db.execute("create index if not exists meeting_participants_article on meeting_participants (article_id)")
    db.execute("create index if not exists meeting_participants_country on meeting_participants "
               "(country_name, province, year)")


def _gone_index(db: sqlite_utils.Database) -> None:
    """Articles gone from their site, newest first, without reading every article: a partial index on
    article_keys.gone_since (the research interface's gone feed, filter and count)."""
    db.execute("create index if not exists article_keys_gone on article_keys (gone_since) "
               "where gone_since is not null")


def _article_keys_id(db: sqlite_utils.Database) -> None:
    """article_keys by article id: the research interface's lists of articles naming a country or province go
    from mentions (by article id) to the articles without reading every article's key."""
    db.execute("create index if not exists article_keys_id on article_keys (id)")


def _volatile_lines(db: sqlite_utils.Database) -> None:
    """Per site, the templates of lines that change on every capture (archive/volatile.py)."""
    db.execute("""create table if not exists volatile_lines (site text not null, template text not null,
                  article_id text, learned text, seen integer not null default 1, primary key (site, template))""")


def _meetings_by_date(db: sqlite_utils.Database) -> None:
    """Events newest first without sorting them all: the meetings page pages and facets the most recent events
    of a filter through meetings_date; an official's events are found by name through meeting_participants_name
    (archive/datasette/pages/meeting_reads.py)."""
    db.execute("create index if not exists meetings_date on meetings (date_start)")
    db.execute("create index if not exists meeting_participants_name on meeting_participants (name)")


def _removals(db: sqlite_utils.Database) -> None:
    """What extraction left out of each article's text and why (pipelines/completeness.py): articles.removed, a
    JSON list of {"rule", "text"}; articles.restored, a JSON list of the paragraphs the completeness guard put back
    (extraction had dropped them for no named reason). crawl_runs counts both per run."""
    for column in ("removed", "restored"):
        if column not in db.table("articles").columns_dict:
            db.table("articles").add_column(column, str)
        if column not in db.table("crawl_runs").columns_dict:
            db.table("crawl_runs").add_column(column, int, not_null_default=0)


def _meeting_sources(db: sqlite_utils.Database) -> None:
    """Press conferences as a source of events (issue 26): `meetings.source` (article or press_conference) and
    `meetings.same_as` (the id of the event that first reported the same occasion, from a readout before a press
    conference; null for that first report), `meeting_participants.sentence` (the sentence naming the person) and
    `described` (1 for a side described, not named: "Chinese officials", "New Zealand diplomats"). An archive
    made before this step gets press-conference events from `gazette reextract`."""
    for column, kind in (("source", str), ("same_as", str)):
        if column not in db.table("meetings").columns_dict:
            db.table("meetings").add_column(column, kind)
    db.execute("update meetings set source = 'article' where source is null")
    for column, kind in (("sentence", str), ("described", int)):  # type: ignore[assignment]
        if column not in db.table("meeting_participants").columns_dict:
            db.table("meeting_participants").add_column(column, kind)
    db.execute("create index if not exists meetings_occasion on meetings (type, date_start, country_codes)")


def _translations(db: sqlite_utils.Database) -> None:
    """English articles paired with their Chinese originals, with what the English omits (archive/translations.py)."""
    from . import translations
    translations.create(db)


def _capture_origins(db: sqlite_utils.Database) -> None:
    """Where each capture came from when it was not fetched live (archive/origins.py): `capture_origins`, one row per
    imported capture (kind `warc`, `wacz`, `scrapy-cache` or `web-archive`, the file or archive it came from, the
    record in it, the archive's replay URL to cite, the WARC payload digest); `imports`, one row per `gazette
    import` or `gazette backfill` run with its counts; `backfill_cursors`, per site and archive, the span of
    capture times already worked through. A capture with no origin row was fetched live by a crawl."""
    db.execute("""create table if not exists imports (
        id integer primary key, kind text not null, source text, started text, finished text, status text,
        counts text)""")
    db.execute("""create table if not exists capture_origins (
        capture_id integer primary key references captures(id), kind text not null, source text,
        record text not null, replay_url text, payload_digest text, import_id integer references imports(id))""")
    db.execute("create unique index if not exists capture_origins_record on capture_origins (record)")
    db.execute("create index if not exists capture_origins_payload on capture_origins (payload_digest)")
    db.execute("create index if not exists captures_article_time on captures (article_id, fetched_at)")
    db.execute("create index if not exists captures_time_digest on captures (fetched_at, digest)")
    db.execute("""create table if not exists backfill_cursors (
        site text not null, archive text not null, covered_from text, done_through text, updated text,
        primary key (site, archive))""")


def _validators(db: sqlite_utils.Database) -> None:
    """Conditional requests (archive/validators.py): each listing page's validators (ETag, Last-Modified) with the
    article links and next page read from it, so a 304 replays them; validators a site was caught sending for
    changed content (validator_faults); each run's bytes downloaded."""
    db.execute("""create table if not exists listing_validators (
        url text primary key, site text, etag text, last_modified text, digest text, entries text,
        next_url text, seen_at text)""")
    db.execute("""create table if not exists validator_faults (
        site text not null, kind text not null, value text not null, seen_at text,
        primary key (site, kind, value)) without rowid""")
    if "bytes" not in db.table("crawl_runs").columns_dict:
        db.table("crawl_runs").add_column("bytes", int, not_null_default=0)


def _import_pid(db: sqlite_utils.Database) -> None:
    """The process of each import or backfill run (`imports.pid`), so a run whose process was killed is closed as
    `interrupted` by the next one (archive/origins.py), as crawl runs are."""
    if "pid" not in db.table("imports").columns_dict:
        db.table("imports").add_column("pid", int)


def _occasions_of_groups(db: sqlite_utils.Database) -> None:
    """One occasion told by two sites that list a group's countries differently (the envoys' Guizhou tour: the
    ministry's 12 countries, the province's 4): `meetings.same_as` linked again by archive/meetings.py's rules, day by day (≈ 0.1 ms a row)."""
    from . import meetings
    if "same_as" in db.table("meetings").columns_dict:
        meetings.link_every_occasion(db)


MIGRATIONS = [_core_tables, _full_text_search, _mentions, _history, _schedule_state, _crawl_discovery,
              _revision_cause, _research_interface, _learned_boilerplate, _credits,
              _meetings, _gone_index, _article_keys_id, _province_months, _cheaper_cjk_check,
              _volatile_lines, _meetings_by_date,
              _removals, _meeting_sources, _translations, _capture_origins, _validators,
              _research_pages_at_a_million, _named_reads_at_a_million, _import_pid,
              _occasions_of_groups, _named_article_rowids, _mention_deletes_by_article]
VERSION = len(MIGRATIONS)


def step_name(number: int) -> str:
    """Migration `number` (1-based: the user_version it brings an archive to) by number and name, e.g.
    `010 credits` (its function's name; tests/test_fields.py holds the names so no step is renamed or moved)."""
    return f"{number:03d} {MIGRATIONS[number - 1].__name__.lstrip('_')}"


class NewerArchive(Exception):
    """The archive was written by a newer Gazette (its schema version is beyond VERSION)."""

    def __init__(self, found: int):
        super().__init__(found)
        self.found = found


def version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, upto: int = VERSION) -> int:
    """Run the migrations the archive lacks, up to `upto`; return the version reached."""
    current = version(db)
    if current > VERSION:
        raise NewerArchive(current)
    for number in range(current, upto):
        with db.atomic():
            if version(db) > number:  # another process ran this step meanwhile
                continue
            try:
                MIGRATIONS[number](db)
            except sqlite3.Error as exc:  # which step failed, for the one-line error (the step is rolled back)
                raise type(exc)(f"migration {step_name(number + 1)}: {exc}") from exc
            db.execute(f"PRAGMA user_version = {number + 1}")
    return max(current, upto)
