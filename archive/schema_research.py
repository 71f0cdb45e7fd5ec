"""The archive's steps for the research interface (archive/datasette/): the keys, counts and indexes its pages
read fast at a million articles, kept in step with the articles, mentions and captures by triggers.

These are steps of archive/schema.py's MIGRATIONS (listed there in their place, never edited, renamed or moved);
the SQL they create is kept here as data beside them.
"""
from __future__ import annotations

import sqlite3

import sqlite_utils


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


# the named kinds whose articles named_articles keeps by code (an official is asked for by name: not kept)
NAMED_BY_CODE = "('country', 'province', 'city')"


def _named_article_rowids(db: sqlite_utils.Database) -> None:
    """named_articles: per country, province or city (kind, code), the rowids of the articles naming it, in rowid
    order (issue 21, fourth pass). Words narrowed to a country (`/-/search?q=ambassador&country=ALB`) then merge
    two lists already in rowid order, the word index's and this one's (a compound INTERSECT): at a million,
    `ambassador`'s 358,626 matches against Albania's 100,000 articles in ~45 ms, where building the set of
    Albania's rowids (a text-key lookup per mention) and checking each match against it took ~220 ms.

    Triggers keep it in step with every write of `mentions` (a fetch, a crawl, an import, a merge, a
    re-extraction: each replaces an article's mentions) and with an article inserted or deleted, whichever comes
    first; an article named under two names of one code (English and Chinese) is one row, gone with the last."""
    db.execute("""create table if not exists named_articles (kind text not null, code text not null,
        article integer not null, primary key (kind, code, article)) without rowid""")
    db.execute("delete from named_articles")
    db.execute(f"""insert or ignore into named_articles (kind, code, article)
        select m.kind, m.code, a.rowid from mentions m join articles a on a.id = m.article_id
        where m.kind in {NAMED_BY_CODE} and m.code is not null order by 1, 2, 3""")
    add = (f"insert or ignore into named_articles (kind, code, article) select {{0}}.kind, {{0}}.code, a.rowid "
           f"from articles a where a.id = {{0}}.article_id and {{0}}.kind in {NAMED_BY_CODE} and {{0}}.code is not null")
    # the last mention of that code in that article gone
    remove = ("delete from named_articles where kind = {0}.kind and code = {0}.code "
              "and article = (select rowid from articles where id = {0}.article_id) and not exists "
              "(select 1 from mentions where article_id = {0}.article_id and kind = {0}.kind and code = {0}.code)")
    for name, event, body in (
            ("named_articles_mi", "after insert on mentions", add.format("new")),
            ("named_articles_md", "after delete on mentions", remove.format("old")),
            ("named_articles_mu", "after update of article_id, kind, code on mentions",
             remove.format("old") + ";\n" + add.format("new")),
            ("named_articles_ai", "after insert on articles",
             f"insert or ignore into named_articles (kind, code, article) select kind, code, new.rowid from "
             f"mentions where article_id = new.id and kind in {NAMED_BY_CODE} and code is not null"),
            ("named_articles_ad", "after delete on articles",
             "delete from named_articles where (kind, code, article) in "
             "(select kind, code, old.rowid from mentions where article_id = old.id)")):
        db.execute(f"drop trigger if exists {name}")
        db.execute(f"create trigger {name} {event} begin {body}; end")


def _mention_deletes_by_article(db: sqlite_utils.Database) -> None:
    """The triggers that uncount province_country_years as a mention is deleted look the article's other
    mentions up by article (its key), not by kind: SQLite chose the (kind, code, article_id) index and read every
    mention of the kind, 0.2-0.6 s per mention deleted at a million articles (each changed page's mentions are
    replaced), 0.5 ms now. Same counts."""
    year = "coalesce(substr(k.published, 1, 4), '')"
    for kind, other, side in (("country", "province", "p.code, {year}, old.code"),
                              ("province", "country", "old.code, {year}, p.code")):
        db.execute(f"drop trigger if exists province_country_years_{kind[0]}d")
        db.execute(f"""create trigger province_country_years_{kind[0]}d after delete on mentions
            when old.kind = '{kind}' begin
              update province_country_years set articles = articles - 1
                where (province_code, year, country_code) in (select {side.format(year=year)} from mentions p
                  join article_keys k on k.id = p.article_id where p.article_id = old.article_id
                  and +p.kind = '{other}');
            end""")
