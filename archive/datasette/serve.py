"""`gazette serve`: Datasette on the archive, read-only, with the project's metadata, templates and plugin.

The archive is always served under the database name `gazette` (the metadata's canned queries and links use
it), whatever the file is called. Datasette opens it with `?mode=ro` (not immutable: crawls write while it
serves); archive/datasette/plugin.py refuses every request that is not GET/HEAD; datasette-block-robots
answers /robots.txt with `Disallow: /`.
"""
from __future__ import annotations

import json
import re
import socket
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import yaml

from archive.datasette import DATABASE as DATABASE_NAME
from archive.store import Archive, ArchiveError

DATASETTE_DIR = Path(__file__).resolve().parent  # metadata, templates, plugins and static files sit beside this module
METADATA = DATASETTE_DIR / "metadata.yml"
# No query can take the server's memory far: SQLite refuses to build any string or blob longer than CELL_LIMIT
# (`select zeroblob(100000000)` is an error, not 100 MB), and a result stops with a clear error once its cells
# pass RESULT_BUDGET bytes (1,000 rows of 10 MB each would otherwise all be held, then encoded as JSON).
CELL_LIMIT = 16 * 1024 * 1024
RESULT_BUDGET = 48 * 1024 * 1024
SETTINGS = {
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 500,
    "truncate_cells_html": 400,
    "default_page_size": 50,
    "allow_download": False,       # the whole archive stays where it is; rows and queries export as JSON/CSV
    "suggest_facets": False,       # suggestions cost a group-by per column on every table page (~1.4 s at 1M)
}


def load_metadata() -> dict:
    """The project's Datasette metadata (archive/datasette/metadata.yml), with the `articles` table's field columns
    described from the field registry (definitions/fields.py); metadata.yml describes only the other columns."""
    from definitions import fields

    metadata = yaml.safe_load(METADATA.read_text("utf-8"))
    table = metadata["databases"][DATABASE_NAME]["tables"]["articles"]
    table["columns"] = {**(table.get("columns") or {}), **fields.descriptions()}
    return metadata


def chart_colours(metadata: dict, sites: dict, provinces: list[str]) -> dict:
    """The dashboards' charts coloured as Gazette's pages are: each site its colour and short name (in the legend
    and on the axis, not its key: config `short_name`, else its name), each province its colour (archive/datasette/pages/common.py); bars on a month
    axis as wide as the month; legends below the chart, so that on a phone the bars keep the width.
    `provinces`: those the archive's events name (the legend lists only these)."""
    from archive.datasette.pages.common import OTHER_COLOUR, PALETTE, province_colour

    keys = list(sites) + ["other"]
    names = {k: (sites.get(k) or {}).get("short_name") or (sites.get(k) or {}).get("name", k) for k in keys}
    pairs = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in names.items())
    label = "{" + pairs + "}[datum.label] || datum.label"
    places = [p for p in provinces if p] + ["abroad or unknown"]
    for dashboard in ((metadata.get("plugins") or {}).get("datasette-dashboards") or {}).values():
        for chart in (dashboard.get("charts") or {}).values():
            display = chart.get("display") or {}
            encoding = display.get("encoding") or {}
            if (encoding.get("x") or {}).get("timeUnit") and isinstance(display.get("mark"), dict):
                display["mark"].setdefault("timeUnitBandSize", 0.9)
            for channel in ("color", "y"):
                spec = encoding.get(channel) or {}
                if spec.get("field") == "site":
                    if channel == "color":
                        spec["scale"] = {"domain": keys, "range": [PALETTE[i % len(PALETTE)] for i in range(len(sites))]
                                         + [OTHER_COLOUR]}
                        spec["legend"] = {"labelExpr": label, "orient": "bottom", "columns": 2}
                    else:
                        spec["axis"] = {**(spec.get("axis") or {}), "labelExpr": label}
                if spec.get("field") == "province" and channel == "color":
                    spec["scale"] = {"domain": places, "range": [province_colour(p) for p in places]}
                    spec["legend"] = {"orient": "bottom", "columns": 3}
    return metadata


def event_provinces(path: Path) -> list[str]:
    """The provinces the archive's events took place in (for the charts' legends); [] before any."""
    import sqlite3

    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return [r[0] for r in conn.execute("select distinct province from meetings where province is not null "
                                               "order by province")]
    except sqlite3.Error:
        return []


async def _bounded_execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None,
                           log_sql_errors=True):
    """Datasette's execute (0.65), fetching rows in small batches and stopping at RESULT_BUDGET (the archive
    database's `execute`)."""
    from datasette.database import QueryInterrupted, Results
    from datasette.tracer import trace
    from datasette.utils import sqlite_timelimit

    page_size = page_size or self.ds.page_size

    sql = site_facet_from_months(sql, params) or sql if self.name == DATABASE_NAME else sql

    def run(conn):
        time_limit_ms = self.ds.sql_time_limit_ms
        if custom_time_limit and custom_time_limit < time_limit_ms:
            time_limit_ms = custom_time_limit
        with sqlite_timelimit(conn, time_limit_ms):
            try:
                cursor = conn.cursor()
                cursor.execute(sql, params if params is not None else {})
                limit = self.ds.max_returned_rows
                if limit == page_size:
                    limit += 1
                wanted = limit + 1 if (limit and truncate) else None
                rows = bounded_rows(cursor, wanted)
                truncated = bool(wanted) and len(rows) > limit
                rows = rows[:limit] if wanted else rows
            except (sqlite3.OperationalError, sqlite3.DatabaseError) as e:
                if e.args == ("interrupted",):
                    raise QueryInterrupted(e, sql, params)
                if log_sql_errors:
                    sys.stderr.write(f"ERROR: sql = {sql!r}: {e}\n")
                    sys.stderr.flush()
                raise
        return Results(rows, truncated, cursor.description)

    with trace("sql", database=self.name, sql=sql.strip(), params=params):
        return await self.execute_fn(run)


COUNTED = 10_000

# Datasette's facet by site over the whole articles table (`/gazette/articles?_facet=site`): a group-by of every
# article (0.5-0.8 s at a million on the shared machine), answered from article_months (articles per site and
# month, kept by triggers), the same counts
SITE_FACET = re.compile(r"\s*select \[?site\]? as value, count\(\*\) as count from \(\s*select [^()]*? from "
                        r"\[?articles\]?\s*\)\s*where \[?site\]? is not null\s*group by \[?site\]? "
                        r"order by count desc, value limit (\d+)\s*", re.I)


def site_facet_from_months(sql: str, params) -> str | None:
    """The statement answering Datasette's unfiltered site facet from article_months; None for any other."""
    found = SITE_FACET.fullmatch(sql)
    if not found or params:
        return None
    return ("select site as value, sum(articles) as count from article_months group by site having count > 0 "
            f"order by count desc, value limit {int(found.group(1))}")


async def _cheap_table_counts(self, limit=10):
    """Counts of the archive database's tables, `articles` from article_months, full-text internals uncounted."""
    names = await self.table_names()
    fts = {n for n in names if n.endswith("_fts") or n == "articles_cjk"}
    skip = {n for n in names if n == "bodies" or n in fts
            or any(n.endswith(s) and n[: -len(s)] in fts for s in self.UNCOUNTED_SUFFIXES)}
    counts = {}
    for name in names:
        if name in skip:
            counts[name] = None
        elif name == "articles" and "article_months" in names:
            counts[name] = (await self.execute(
                "select coalesce(sum(articles), 0) from article_months")).rows[0][0]
        else:
            try:
                n = (await self.execute(f"select count(*) from (select 1 from [{name}] limit {COUNTED + 1})",
                                        custom_time_limit=limit)).rows[0][0]
                counts[name] = n if n <= COUNTED else None     # "Many rows"
            except Exception:  # interrupted, or a table SQLite cannot read: no count, as Datasette does
                counts[name] = None
    return counts


def archive_database_class():
    """Datasette's Database for the archive, with table counts that never walk a big table.

    Datasette counts every table (`select count(*)`, 5-10 ms limit each) for the index and database pages, but a
    count is one SQLite step that no time limit interrupts: at a million articles the full-text index's data
    table alone takes ~0.4 s. Here `articles` is counted from `article_months` (kept in step by triggers), the
    internal tables of the full-text indexes and the raw bodies are not counted (shown without a count), and
    every other table up to COUNTED rows (a bigger one has "many rows": a count of the million captures or the
    millions of mentions is one step of ~0.1-0.3 s each, that no time limit stops)."""
    from datasette.database import Database

    class ArchiveDatabase(Database):
        UNCOUNTED_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")

        def connect(self, write=False):
            conn = super().connect(write=write)
            conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, CELL_LIMIT)
            return conn

        execute = _bounded_execute
        table_counts = _cheap_table_counts

    return ArchiveDatabase


def bounded_rows(cursor, wanted: int | None) -> list:
    """Up to `wanted` rows (all when None), raising sqlite3.OperationalError once their cells pass RESULT_BUDGET."""
    rows: list = []
    size = 0
    while wanted is None or len(rows) < wanted:
        batch = cursor.fetchmany(16 if wanted is None else min(16, wanted - len(rows)))
        if not batch:
            break
        for row in batch:
            size += sum(len(v) for v in row if isinstance(v, (str, bytes)))
        if size > RESULT_BUDGET:
            raise sqlite3.OperationalError(
                f"the result is larger than {RESULT_BUDGET // (1024 * 1024)} MB: ask for fewer rows (limit) or "
                f"leave out the long columns (body, data)")
        rows.extend(batch)
    return rows


def site_names(config) -> dict:
    """{site key: {"name", "short_name", "url"}} of a loaded config, for the home page, badges and the cite block
    (the name) and the charts' legends and axes (the short name, "" when the config gives none: chart_colours
    then takes the name)."""
    return {key: {"name": site.name, "short_name": site.short_name, "url": site.base_url}
            for key, site in config.sites.items()}


def register_plugin() -> None:
    """Gazette's plugin, registered by the `datasette` entry point of an installed Gazette; registered here when
    the installed metadata predates the entry point (or the code runs from a checkout that is not installed).
    Its templates/ beside it come with it."""
    from datasette.plugins import pm

    from archive.datasette import plugin

    if not pm.is_registered(plugin) and pm.get_plugin("gazette") is None:
        pm.register(plugin, name="gazette")
    _markdown_without_cells(pm)


def _markdown_without_cells(pm) -> None:
    """datasette-render-markdown (installed with datasette-dashboards) reads its configuration for every cell of
    every table and query (~25 µs a cell: 0.2 s of a canned query's 1,000 rows of 7 columns); Gazette renders no
    column as Markdown, so its render_cell is left out. Its other hooks (the dashboards' `render_markdown`) stay."""
    import types

    name = next((n for n, p in pm.list_name_plugin() if getattr(p, "__name__", "") == "datasette_render_markdown"),
                None)
    markdown = pm.get_plugin(name) if name else None
    if markdown is None or not hasattr(markdown, "render_cell"):
        return
    kept = {name: getattr(markdown, name) for name in dir(markdown)
            if name != "render_cell" and pm.parse_hookimpl_opts(markdown, name) is not None}
    pm.unregister(markdown)
    shim = types.ModuleType("datasette_render_markdown_without_cells")
    shim.__dict__.update(kept)
    pm.register(shim, name=name)


def build(db_path: str | Path, sites: dict | None = None):
    """A configured Datasette instance serving the archive read-only (raises ArchiveError if it is missing).

    `sites` ({key: {"name", "url"}}, see site_names) names the sites on the pages."""
    from datasette.app import Datasette

    path = Path(db_path)
    if not path.is_file():
        raise ArchiveError(f"no archive at {path}: archive something first (gazette fetch URL or gazette crawl)")
    check_archive(path)
    try:
        Archive(path).close()  # brings an older archive's schema up to date before serving it read-only
    except ArchiveError as exc:  # e.g. a read-only copy: serve it as it is
        print(f"gazette serve: warning: {exc}; serving the archive as it is", file=sys.stderr)
    metadata = chart_colours(load_metadata(), sites or {}, event_provinces(path))
    metadata.setdefault("plugins", {})["gazette"] = {"sites": sites or {}}
    register_plugin()
    ds = Datasette(metadata=metadata, settings=SETTINGS)
    ds.remove_database("_memory")
    ds.add_database(archive_database_class()(ds, path=str(path.resolve()), is_mutable=True), name=DATABASE_NAME)
    return ds


def check_archive(path: Path) -> None:
    """ArchiveError unless `path` is a Gazette archive this Gazette can read (checked read-only, before serving):
    not a SQLite file, a SQLite file without the archive's tables, or one written by a newer Gazette."""
    import sqlite3
    from contextlib import closing

    from archive import schema
    from archive.store import foreign_message, foreign_tables, newer_archive_message

    try:
        with closing(sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)) as conn:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            foreign = foreign_tables(conn)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open archive {path}: it is not a Gazette archive (SQLite says: {exc})") \
            from None
    if found > schema.VERSION:
        raise ArchiveError(newer_archive_message(path, found))
    if foreign:
        raise ArchiveError(foreign_message(path, foreign))
    if found and "articles" not in tables:
        raise ArchiveError(f"{path} is a SQLite database but not a Gazette archive (it has no articles table)")


class PortTaken(Exception):
    """Nothing can listen on the address asked for; the message says what to do."""


def check_port(host: str, port: int) -> None:
    """PortTaken if nothing can listen on host:port (found out before anything starts)."""
    with closing(socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise PortTaken(f"port {port} on {host} is taken ({exc.strerror}); "
                            f"stop what uses it or choose another with --port") from None


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, sites: dict | None = None) -> None:
    """Build the instance and serve it with uvicorn until interrupted (PortTaken first if the port is taken)."""
    import uvicorn

    check_port(host, port)
    if Path(db_path).is_file():     # reading ahead while Datasette loads (~1 s); the plugin's start-up would too
        from archive.datasette import prewarm
        prewarm.start(db_path)
    ds = build(db_path, sites)
    print(f"Gazette archive {Path(db_path)} read-only at http://{host}:{port}/ (Ctrl-C stops)", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
