"""Create and migrate the archive's tables with sqlite-utils.

Each migration is a function that moves the archive one version up; `PRAGMA user_version` records the
version reached. Opening an archive made by an older Gazette runs the missing steps in place, each in its
own transaction, so no row is lost. Add a step by appending a function to MIGRATIONS; never edit, rename or move
an old one. Steps are numbered by their place (the version they bring an archive to) and named by their
function (`step_name`); a new article field's step calls `add_article_field`.
"""
from __future__ import annotations

import sqlite3

import sqlite_utils

from definitions import fields  # the article fields' one definition; imports nothing of Gazette


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


# CJK ideographs, kana, hangul: the same ranges as archive/datasette/search.py CJK (kept here: schema steps never change)
_CJK_GLOB = "*[\u2e80-\u9fff\uf900-\ufaff\uac00-\ud7af]*"


# The research interface's upkeep (see _research_interface): month of an article row, and whether it holds CJK text
_MONTH = "coalesce(substr({0}.published, 1, 7), '')"
_CJK = f"({{0}}.title glob '{_CJK_GLOB}' or {{0}}.body glob '{_CJK_GLOB}')"
# the triggers that keep article_keys, article_months and articles_cjk in step with articles
RESEARCH_TRIGGERS = tuple(t.format(month_new=_MONTH.format("new"), month_old=_MONTH.format("old"),
                                       cjk_new=_CJK.format("new")) for t in (
    """create trigger if not exists article_keys_ai after insert on articles begin
      insert or replace into article_keys (rowid, id, site, published, gone_since)
        values (new.rowid, new.id, new.site, new.published, new.gone_since);
      insert into article_months (site, month, articles) values (new.site, {month_new}, 1)
        on conflict (site, month) do update set articles = articles + 1;
      insert into articles_cjk (rowid, title, body) select new.rowid, new.title, new.body
        where {cjk_new};
    end""",
    """create trigger if not exists article_keys_ad after delete on articles begin
      delete from article_keys where rowid = old.rowid;
      update article_months set articles = articles - 1 where site = old.site and month = {month_old};
      delete from articles_cjk where rowid = old.rowid;
    end""",
    """create trigger if not exists article_keys_au after update of id, site, published, gone_since on articles begin
      update article_keys set id = new.id, site = new.site, published = new.published,
        gone_since = new.gone_since where rowid = new.rowid;
    end""",
    """create trigger if not exists article_months_au after update of site, published on articles
      when old.site is not new.site or {month_old} is not {month_new} begin
      update article_months set articles = articles - 1 where site = old.site and month = {month_old};
      insert into article_months (site, month, articles) values (new.site, {month_new}, 1)
        on conflict (site, month) do update set articles = articles + 1;
    end""",
    """create trigger if not exists articles_cjk_au after update of title, body on articles begin
      delete from articles_cjk where rowid = old.rowid;
      insert into articles_cjk (rowid, title, body) select new.rowid, new.title, new.body
        where {cjk_new};
    end;""",
))
# one row per change of an article (version N -> N + 1), saying which fields changed
CHANGES_VIEW = """create view if not exists changes as
    with versions as (
      select article_id, seen_at, replaced_at, cause, title, published, byline, body, captions from revisions
      union all
      select a.id, (select max(replaced_at) from revisions r where r.article_id = a.id), null, null,
             a.title, a.published, a.byline, a.body, a.captions
      from articles a where a.id in (select article_id from revisions)
    ), numbered as (
      select *, row_number() over w as version,
             lead(title) over w as new_title, lead(published) over w as new_published,
             lead(byline) over w as new_byline, lead(body) over w as new_body,
             lead(captions) over w as new_captions
      from versions
      window w as (partition by article_id order by seen_at, replaced_at is null, replaced_at)
    )
    select article_id, version as from_version, version + 1 as to_version, replaced_at as changed_at,
           coalesce(cause, 'refetch') as cause,
           trim(case when title is not new_title then 'title, ' else '' end
             || case when body is not new_body then 'text, ' else '' end
             || case when published is not new_published then 'date, ' else '' end
             || case when byline is not new_byline then 'byline, ' else '' end
             || case when coalesce(captions, '[]') is not coalesce(new_captions, '[]') then 'captions, '
                     else '' end, ', ') as changed,
           title as old_title, new_title
    from numbered where replaced_at is not null"""


def _research_interface(db: sqlite_utils.Database) -> None:
    """What the research interface (archive/datasette/) reads fast at a million articles, kept in step by triggers:

    - index on articles.published (newest first, by date, in a search's hits);
    - article_keys: one narrow row per article (rowid, id, site, published, gone_since), so facets over a search's
      hits read 40 bytes, not the 5 kB article row;
    - article_months: articles per site and month (published; '' when undated), for the home page's counts
      and chart without scanning articles;
    - articles_cjk: FTS5 with the trigram tokenizer (SQLite >= 3.34) over the articles whose title or text holds
      Chinese, Japanese or Korean characters, so 外交部 is found inside a run of characters.
    """
    db.execute("create index if not exists articles_published on articles (published)")
    db.execute("""create table if not exists article_keys (
        rowid integer primary key, id text not null, site text, published text, gone_since text)""")
    db.execute("insert or replace into article_keys (rowid, id, site, published, gone_since) "
               "select rowid, id, site, published, gone_since from articles")
    db.execute("""create table if not exists article_months (
        site text not null, month text not null, articles integer not null, primary key (site, month))
        without rowid""")
    db.execute("delete from article_months")
    db.execute("insert into article_months (site, month, articles) "
               "select site, coalesce(substr(published, 1, 7), ''), count(*) from articles group by 1, 2")
    if sqlite3.sqlite_version_info >= (3, 34, 0):
        db.execute("create virtual table if not exists articles_cjk using fts5 (title, body, tokenize='trigram')")
    else:  # no trigram tokenizer before SQLite 3.34: a plain table, searched with LIKE (search.py TRIGRAM)
        db.execute("create table if not exists articles_cjk (title text, body text)")
    db.execute(f"insert into articles_cjk (rowid, title, body) select rowid, title, body from articles "
               f"where {_CJK.format('articles')}")
    for trigger in RESEARCH_TRIGGERS:   # one by one: executescript would commit
        db.execute(trigger)
    db.execute(CHANGES_VIEW)


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


def _province_months(db: sqlite_utils.Database) -> None:
    """province_months: articles naming each province per month of publication ('' when undated), for the home
    page's per-province charts; kept in step by triggers on mentions (as pipelines/mentions.py tags articles) and
    on a changed publication date."""
    db.execute("""create table if not exists province_months (
        code text not null, name text not null, month text not null, articles integer not null,
        primary key (code, month)) without rowid""")
    db.execute("delete from province_months")
    db.execute("""insert into province_months (code, name, month, articles)
        select m.code, min(m.name), coalesce(substr(k.published, 1, 7), ''), count(*)
        from mentions m join article_keys k on k.id = m.article_id where m.kind = 'province' group by m.code, 3""")
    month = "coalesce(substr({0}, 1, 7), '')"
    for statement in (
        f"""create trigger if not exists province_months_mi after insert on mentions when new.kind = 'province'
        begin
          insert into province_months (code, name, month, articles)
            select new.code, new.name, {month.format('k.published')}, 1 from article_keys k
            where k.id = new.article_id and true
            on conflict (code, month) do update set articles = articles + 1;
        end""",
        f"""create trigger if not exists province_months_md after delete on mentions when old.kind = 'province'
        begin
          update province_months set articles = articles - 1 where code = old.code and month =
            (select {month.format('published')} from article_keys where id = old.article_id);
        end""",
        f"""create trigger if not exists province_months_au after update of published on articles
          when {month.format('old.published')} is not {month.format('new.published')}
        begin
          update province_months set articles = articles - 1 where month = {month.format('old.published')}
            and code in (select code from mentions where article_id = old.id and kind = 'province');
          insert into province_months (code, name, month, articles)
            select code, name, {month.format('new.published')}, 1 from mentions
            where article_id = new.id and kind = 'province' and true
            on conflict (code, month) do update set articles = articles + 1;
        end"""):
        db.execute(statement)


def _cheaper_cjk_check(db: sqlite_utils.Database) -> None:
    """The triggers that keep articles_cjk in step test for Chinese (Japanese, Korean) characters only in text
    that has any non-ASCII character at all: a GLOB over a character range costs ~0.1 ms per kB of text, the
    byte-versus-character length test ~1 µs (a quarter of the write time of an English article otherwise)."""
    def cjk(row: str) -> str:
        return " or ".join(f"(length(cast({row}.{c} as blob)) > length({row}.{c}) and {row}.{c} glob '{_CJK_GLOB}')"
                           for c in ("title", "body"))
    month = "coalesce(substr({0}.published, 1, 7), '')"
    db.execute("drop trigger if exists article_keys_ai")
    db.execute(f"""create trigger article_keys_ai after insert on articles begin
          insert or replace into article_keys (rowid, id, site, published, gone_since)
            values (new.rowid, new.id, new.site, new.published, new.gone_since);
          insert into article_months (site, month, articles) values (new.site, {month.format('new')}, 1)
            on conflict (site, month) do update set articles = articles + 1;
          insert into articles_cjk (rowid, title, body) select new.rowid, new.title, new.body
            where {cjk('new')};
        end""")
    db.execute("drop trigger if exists articles_cjk_au")
    db.execute(f"""create trigger articles_cjk_au after update of title, body on articles begin
          delete from articles_cjk where rowid = old.rowid;
          insert into articles_cjk (rowid, title, body) select new.rowid, new.title, new.body
            where {cjk('new')};
        end""")


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


def _research_pages_at_a_million(db: sqlite_utils.Database) -> None:
    """What the research interface's first pages read at a million articles without scanning (issue 21,
    archive/datasette/pages/):

    - revisions_changed: the sites' edits newest first (`/-/changes`, its feed and per-source counts, the
      `changes` view) from the index alone (a revision's `cause` sits after its text: reading it read the text);
    - the `changes` view, same rows and columns, numbering each version by counting the article's earlier
      revisions instead of numbering every version of every article (a window over the whole archive's text
      before the first row), so `order by changed_at desc limit 20` reads 20 changes;
    - mentions_kind_code: a country's (province's) articles counted from the index and walked newest tagged
      first (the index holds them in rowid order);
    - article_keys_published: a year's articles (`/-/search?year=`) counted and faceted from the narrow keys;
    - meetings_year_date: a year's events newest first (`/-/meetings?year=`); meeting_participants_place and
      _side: visitors to a province, and the participants table's facets, from indexes;
    - capture_years (below)."""
    db.execute("create index if not exists revisions_changed on revisions (replaced_at, cause, article_id)")
    db.execute("create index if not exists article_keys_published on article_keys (published)")
    db.execute("create index if not exists meetings_year_date on meetings (year, date_start)")
    db.execute("create index if not exists mentions_kind_code on mentions (kind, code)")
    db.execute("create index if not exists meeting_participants_place on meeting_participants (province, year)")
    db.execute("create index if not exists meeting_participants_side on meeting_participants (side)")
    before = "(p.seen_at, p.replaced_at, p.id) < (r.seen_at, r.replaced_at, r.id)"
    fields = {"title": "title", "body": "text", "published": "date", "byline": "byline"}
    new = {f: f"case when n.id is null then a.{f} else n.{f} end" for f in (*fields, "captions")}
    differs = " || ".join(f"case when r.{f} is not {new[f]} then '{label}, ' else '' end" for f, label in fields.items())
    db.execute("drop view if exists changes")
    db.execute(f"""create view changes as
        select r.article_id,
               1 + (select count(*) from revisions p where p.article_id = r.article_id and {before}) as from_version,
               2 + (select count(*) from revisions p where p.article_id = r.article_id and {before}) as to_version,
               r.replaced_at as changed_at, coalesce(r.cause, 'refetch') as cause,
               trim({differs} || case when coalesce(r.captions, '[]') is not coalesce({new['captions']}, '[]')
                                      then 'captions, ' else '' end, ', ') as changed,
               r.title as old_title, {new['title']} as new_title
        from revisions r join articles a on a.id = r.article_id
        left join revisions n on n.id = (
            select x.id from revisions x where x.article_id = r.article_id
               and (x.seen_at, x.replaced_at, x.id) > (r.seen_at, r.replaced_at, r.id)
             order by x.seen_at, x.replaced_at, x.id limit 1)
        where r.replaced_at is not null""")
    _capture_years(db)


# the outcomes of a capture that gave an article (archive/datasette/pages/provenance.py STORED; kept here: schema
# steps never change)
_STORED = "('new', 'updated', 'unchanged', 'duplicate')"


def _capture_years(db: sqlite_utils.Database) -> None:
    """capture_years: per site and year of capture, the captures that gave an article, fetched live and imported
    (a `capture_origins` row) apart, for the home page's coverage table (reading every capture took 7 s at a
    million); kept in step by triggers on captures (insert, delete, a changed outcome, site or time) and on
    capture_origins (a capture found imported)."""
    db.execute("""create table if not exists capture_years (site text not null, year text not null,
        live integer not null default 0, past integer not null default 0, primary key (site, year)) without rowid""")
    db.execute("delete from capture_years")
    db.execute(f"""insert into capture_years (site, year, live, past)
        select coalesce(c.site, ''), substr(c.fetched_at, 1, 4), sum(o.capture_id is null), sum(o.capture_id is not null)
        from captures c left join capture_origins o on o.capture_id = c.id
        where c.outcome in {_STORED} and c.fetched_at is not null group by 1, 2""")
    imported = "(select count(*) from capture_origins where capture_id = {0}.id)"
    add = """insert into capture_years (site, year, live, past)
            select coalesce({0}.site, ''), substr({0}.fetched_at, 1, 4), {1} = 0, {1}
            where {0}.outcome in {2} and {0}.fetched_at is not null
            on conflict (site, year) do update set live = live + excluded.live, past = past + excluded.past"""
    remove = """update capture_years set live = live - ({1} = 0), past = past - {1}
            where {0}.outcome in {2} and {0}.fetched_at is not null
              and site = coalesce({0}.site, '') and year = substr({0}.fetched_at, 1, 4)"""
    move = """update capture_years set live = live {1} 1, past = past {2} 1
            where (site, year) = (select coalesce(site, ''), substr(fetched_at, 1, 4) from captures
                                  where id = {0}.capture_id and outcome in {3} and fetched_at is not null)"""
    for name, event, body in (
            ("capture_years_ai", "after insert on captures", add.format("new", imported.format("new"), _STORED)),
            ("capture_years_ad", "after delete on captures", remove.format("old", imported.format("old"), _STORED)),
            ("capture_years_au", "after update of outcome, site, fetched_at on captures",
             remove.format("old", imported.format("old"), _STORED) + ";\n"
             + add.format("new", imported.format("new"), _STORED)),
            ("capture_years_oi", "after insert on capture_origins", move.format("new", "-", "+", _STORED)),
            ("capture_years_od", "after delete on capture_origins", move.format("old", "+", "-", _STORED))):
        db.execute(f"drop trigger if exists {name}")
        db.execute(f"create trigger {name} {event} begin {body}; end")


def _named_reads_at_a_million(db: sqlite_utils.Database) -> None:
    """Reading by country and province at a million articles (issue 21, third pass): mentions_kind_code_article,
    a country's articles from the index alone (the set `/-/search?q=ambassador&country=ALB` checks the words'
    matches against: 0.08 s for Albania's 100,000, 0.28 s reading the mentions' rows); province_country_years,
    per province, year published ('' undated) and country the articles naming both, for "Countries by province
    and year" (the join took 2 s, a year alone 5 s). Triggers on mentions keep it in step (a pair counted when the
    later of its mentions is written, uncounted when the first is deleted), and on a changed date."""
    db.execute("create index if not exists mentions_kind_code_article on mentions (kind, code, article_id)")
    db.execute("""create table if not exists province_country_years (province_code text not null,
        year text not null, country_code text not null, province text not null, country text not null,
        articles integer not null, primary key (province_code, year, country_code)) without rowid""")
    db.execute("delete from province_country_years")
    db.execute("""insert into province_country_years
        select p.code, coalesce(substr(k.published, 1, 4), ''), c.code, min(p.name), min(c.name),
               count(distinct p.article_id)
        from mentions p join mentions c on c.article_id = p.article_id and c.kind = 'country'
        join article_keys k on k.id = p.article_id
        where p.kind = 'province' group by 1, 2, 3""")
    year = "coalesce(substr({0}, 1, 4), '')"
    upsert = ("insert into province_country_years (province_code, year, country_code, province, country, articles) "
              "select {p}.code, {year}, {c}.code, {p}.name, {c}.name, 1 from {rows} and true "
              "on conflict (province_code, year, country_code) do update set articles = articles + 1")
    uncount = ("update province_country_years set articles = articles - 1 where (province_code, year, country_code) "
               "in (select {p}.code, {year}, {c}.code from {rows})")
    # the other side of the mention written or deleted ({0}: new or old), with its article's date
    other = {"country": ("p", "{0}", "mentions p join article_keys k on k.id = p.article_id "
                                     "where p.article_id = {0}.article_id and p.kind = 'province'"),
             "province": ("{0}", "c", "mentions c join article_keys k on k.id = c.article_id "
                                      "where c.article_id = {0}.article_id and c.kind = 'country'")}
    for kind, (p, c, rows) in other.items():
        for name, event, row, body in (("i", "insert", "new", upsert), ("d", "delete", "old", uncount)):
            sql = body.format(p=p.format(row), c=c.format(row), rows=rows.format(row), year=year.format("k.published"))
            db.execute(f"drop trigger if exists province_country_years_{kind[0]}{name}")
            db.execute(f"create trigger province_country_years_{kind[0]}{name} after {event} on mentions "
                       f"when {row}.kind = '{kind}' begin {sql}; end")
    both = ("mentions p join mentions c on c.article_id = p.article_id and c.kind = 'country' "
            "where p.article_id = {0}.id and p.kind = 'province'")
    db.execute("drop trigger if exists province_country_years_au")
    db.execute(f"""create trigger province_country_years_au after update of published on articles
        when {year.format('old.published')} is not {year.format('new.published')}
        begin
          {uncount.format(p='p', c='c', rows=both.format('old'), year=year.format('old.published'))};
          {upsert.format(p='p', c='c', rows=both.format('new'), year=year.format('new.published'))};
        end""")


MIGRATIONS = [_core_tables, _full_text_search, _mentions, _history, _schedule_state, _crawl_discovery,
              _revision_cause, _research_interface, _learned_boilerplate, _credits,
              _meetings, _gone_index, _article_keys_id, _province_months, _cheaper_cjk_check,
              _volatile_lines, _meetings_by_date,
              _removals, _meeting_sources, _translations, _capture_origins, _validators,
              _research_pages_at_a_million, _named_reads_at_a_million]
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
