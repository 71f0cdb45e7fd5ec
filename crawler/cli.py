"""The `gazette` command line (also `python -m crawler`).

Every command takes --db PATH (env GAZETTE_DB, default data/gazette.db) and --config DIR (env GAZETTE_CONFIG,
else ./config if it has a sites.toml, else the shipped config: gazette_data.config_dir). Exit status: 0 when
everything asked for succeeded, 1 when some URL, page or site failed, 2 for a usage or configuration error (see
docs/reliability.md); the Gazette group below applies that rule to every command, never a traceback.
"""
from __future__ import annotations

import signal
import os
import sys

import click

from archive.store import ArchiveError

from . import config as config_module
from .config import ConfigError, UnknownSite
from .options import (EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, YEAR, archive_needed, common_options, emit, fail,
                      json_option, opened_archive, say)
from .pages import HOST_NOT_FOUND



class Gazette(click.Group):
    """The command group, with the one error rule of every command (also those added later): bad input is one
    line and exit 2 (click's usage errors, ConfigError), a failure one line and exit 1 (ArchiveError, an OS error
    such as a full disk or an unwritable place, or an unexpected error, named as such), never a traceback."""

    def resolve_command(self, ctx, args):
        name = args[0] if args else None
        if name in GUESSED and self.get_command(ctx, name) is None:
            raise click.UsageError(f"No such command '{name}'; did you mean 'gazette {GUESSED[name]}'?", ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        # SIGTERM as Ctrl-C until a command installs its own handling (crawls, serve, schedule do): a command
        # stopped so unwinds (a transaction rolls back, export-warc removes its temporary file) and says so.
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _interrupt)
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except UnknownSite as exc:  # a typo on the command line, not a broken config
            fail(str(exc), EXIT_USAGE)
        except ConfigError as exc:
            fail(f"config error: {exc}", EXIT_USAGE)
        except ArchiveError as exc:
            fail(f"archive error: {exc}", EXIT_FAILED)
        except KeyboardInterrupt:
            fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:  # `gazette status --json | head`: the reader has all it wanted
            sys.stderr.close()
            os._exit(0)
        except OSError as exc:
            where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
            fail(f"cannot use{where}: {exc.strerror or exc}", EXIT_FAILED)
        except Exception as exc:  # a bug: one line, not a traceback (GAZETTE_DEBUG=1 shows it)
            if os.environ.get("GAZETTE_DEBUG"):
                raise
            fail(f"unexpected error ({type(exc).__name__}: {exc}); rerun with GAZETTE_DEBUG=1 for details "
                 f"and report it", EXIT_FAILED)


# words a researcher may type for a command that has another name: the error names the command to use
GUESSED = {
    "browse": "serve", "open": "serve", "web": "serve", "ui": "serve", "search": "serve",
    "health": "status", "info": "status", "stats": "status", "list": "sites",
    "get": "fetch", "download": "fetch", "add": "add-site", "run": "crawl", "update": "crawl",
    "export": "export-warc", "warc": "export-warc", "wayback": "backfill", "history": "backfill",
    "translate": "pair", "cron": "schedule",
}


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@click.group(cls=Gazette, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gazette")
def cli():
    """Gazette: an archive of the English news of China's Ministry of Foreign Affairs and provincial
    governments. Crawl the configured sites, fetch single articles, and browse the archive in Datasette.

    Start with `gazette demo` for a first look without the network (recorded pages, crawled and served),
    `gazette sites` to see what is configured, `gazette fetch URL` to archive one article, `gazette crawl --all`
    to bring every site up to date.
    """


@cli.command()
@common_options
@json_option
def sites(config, db_path, as_json):
    """List the configured sites (key, name, start pages, schedule)."""
    for site in config.sites.values():
        obj = {"key": site.key, "name": site.name, "start_urls": list(site.start_urls), "schedule": site.schedule}
        sched = site.schedule.get("cron") or (f"every {site.schedule['interval_minutes']} min"
                                               if "interval_minutes" in site.schedule else "not scheduled")
        emit(obj, as_json, f"{site.key:<12} {site.name}\n{'':<12} schedule: {sched}; start: {', '.join(site.start_urls)}")


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@common_options
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
def fetch(config, db_path, urls, as_json, verbose):
    """Fetch, extract and archive these article URLs now.

    Prints one line per URL: its status (new, updated, unchanged, duplicate, failed), the article id, the
    site, the date and the title, or the reason it failed. A URL of no configured site is extracted by the
    generic layer and filed under site `other`.
    """
    from pipelines.record import failed_result

    from .runner import run_fetch  # imports Scrapy: only when needed
    from .urls import UrlError, request_url

    try:  # the URL as it is requested and archived (IDN host in punycode, path percent-encoded, tabs dropped)
        wanted = list(dict.fromkeys(request_url(url) for url in urls))
    except UrlError as exc:
        fail(str(exc), EXIT_USAGE)
    results = run_fetch(config, db_path, wanted, log_level="INFO" if verbose else "WARNING")
    seen = {r["url"] for r in results}
    for url in wanted:
        if url not in seen and url.split("#")[0] not in seen:  # Scrapy requests a URL without its fragment
            results.append(failed_result(url, config.site_for_url(url).key, "no response (request dropped)"))
    failed = False
    for r in results:
        obj = {k: r.get(k) for k in ("url", "status", "article_id", "site", "title", "published", "error",
                                     "layer", "fell_back", "removed", "restored")}
        if r["status"] == "failed":
            failed = True
            line = f"failed     {r['site']:<10} {r['url']}: {r['error']}"
        else:
            note = (f" [a template the site's selectors do not know: read by the {r['layer']} extractor]"
                    if r.get("fell_back") else "")
            if r.get("restored"):
                note += f" [{len(r['restored'])} paragraph(s) put back that extraction had dropped]"
            line = f"{r['status']:<10} {r['site']:<10} {r['article_id']} {r['published'] or '-':<10} {r['title']}{note}"
        emit(obj, as_json, line)
    sys.exit(EXIT_FAILED if failed else 0)


@cli.command()
@common_options
@click.option("--grace", type=click.FloatRange(min=0), default=60, show_default=True,
              help="After SIGINT/SIGTERM, seconds running crawls may take to finish before they are stopped.")
@click.option("--kill-after", type=click.FloatRange(min=0), default=30, show_default=True,
              help="Seconds a crawl asked to stop (time limit or shutdown) has before it is killed.")
@click.option("--log-file", type=click.Path(dir_okay=False), default=None,
              help="Rotating log file. [default: logs/gazette.log beside the archive]")
@click.option("--scrapyd", metavar="URL,URL...", default=None,
              help="Instead: start each site's crawl once on one of these Scrapyd nodes (see gazette deploy).")
@click.option("--shard", default="gazette-shard.db", show_default=True,
              help="With --scrapyd: the archive shard each node writes (a path on the node).")
@click.option("--full", is_flag=True, help="With --scrapyd: walk every listing page.")
@json_option
def schedule(config, db_path, grace, kill_after, log_file, scrapyd, shard, full, as_json):
    """Run the scheduler in the foreground until SIGINT/SIGTERM.

    One job per site with a `schedule` in sites.toml (cron fields with day names, or an interval); each run
    is `gazette crawl SITE --revisit` in its own process, stopped at the site's politeness.time_limit. A site whose
    last successful crawl is older than its schedule runs once at start. Logs go to stderr and to a
    size-capped rotating file.

    With --scrapyd URL,URL...: start every site's crawl once on a Scrapyd node instead (each site always on the
    same node for the same list), each node writing its own shard; `gazette merge` folds the shards together.
    """
    if scrapyd:  # sites placed on nodes, stable by site key (crawler/deploy.py)
        from .scale import place_on_nodes
        sys.exit(place_on_nodes(config, scrapyd, shard, full, as_json))
    from .scheduler import run_schedule

    sys.exit(run_schedule(config, db_path, grace=grace, kill_after=kill_after, log_file=log_file))


@cli.command()
@common_options
@archive_needed
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve(config, db_path, host, port):
    """Browse and search the archive in Datasette (read-only): a home page per source, one search (/-/search)
    with facets, CSV/JSON export and Atom feeds, citable article pages with what changed, canned queries."""
    from archive.datasette.serve import PortTaken, serve as run_serve, site_names  # imports Datasette: when needed

    try:
        run_serve(db_path, host=host, port=port, sites=site_names(config))
    except PortTaken as exc:
        fail(str(exc), EXIT_FAILED)


def _progress(length: int, label: str):
    """A click progress bar on stderr when it is a terminal, else a no-op with the same interface."""
    if sys.stderr.isatty() and length:
        return click.progressbar(length=length, label=label, file=sys.stderr)
    return _NoProgress()


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, n):
        pass


@cli.command()
@click.argument("site_keys", nargs=-1, metavar="[SITE]...")
@common_options
@archive_needed
@json_option
def reextract(config, db_path, site_keys, as_json):
    """Rerun extraction over the stored captures (all sites, or these), without the network.

    Each article is extracted again from the latest capture it came from; it changes, with a revision, only
    where the output changed. Captures that gave no article before are tried again. Prints a summary:
    captures, new, updated, unchanged, duplicate, failed (an article's capture no longer extracts: it keeps
    its text; the first reasons are printed; exit 1) and no_article. A progress bar shows on a terminal.
    """
    from archive.reextraction import candidates
    from pipelines.reextract import reextract as run

    for key in site_keys:
        if key != config_module.OTHER:
            config.site(key)
    with opened_archive(db_path) as archive:
        rows = candidates(archive, site_keys)
        with _progress(len(rows), "re-extracting") as bar:
            summary = run(archive, config, rows=rows, on_row=lambda row, status: bar.update(1))
    line = (f"{summary['captures']} captures: {summary['new']} new, {summary['updated']} updated, "
            f"{summary['unchanged']} unchanged, {summary['duplicate']} duplicate, {summary['failed']} failed, "
            f"{summary['no_article']} still no article")
    for error in summary["errors"][:5] if not as_json else ():
        line += f"\n  failed: {error}"
    if len(summary["errors"]) > 5 and not as_json:
        line += f"\n  ... and {len(summary['errors']) - 5} more (--json lists them all)"
    emit(summary, as_json, line)
    sys.exit(EXIT_FAILED if summary["failed"] else 0)


@cli.command("export-warc")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--site", "site_key", default=None, help="Only this site's captures.")
@common_options
@archive_needed
@json_option
def export_warc(config, db_path, out, site_key, as_json):
    """Write the archived captures as WARC response records to OUT (gzipped per record if it ends in .gz).

    Other archiving tools (warcio, pywb, ...) read the file. OUT's folder is made if missing; an existing OUT
    is replaced once the new file is complete. A progress bar shows on a terminal.
    """
    from archive.warc import captures, export_warc as run

    if site_key and site_key != config_module.OTHER:
        config.site(site_key)
    with opened_archive(db_path) as archive:
        rows = captures(archive, site_key)
        with _progress(len(rows), "writing WARC") as bar:
            written = run(archive, out, site=site_key, rows=rows, on_record=lambda row: bar.update(1))
    emit({"out": out, "records": written, "site": site_key}, as_json, f"{written} captures written to {out}")


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--other", is_flag=True, help="Also archive HTML pages of no configured site (generic extraction).")
@click.option("--workers", type=click.IntRange(1, 32), default=None,
              help="Extract pages in N processes, this one included (default: one per core, at most 4; 1 for "
                   "fewer than 128 pages).")
@common_options
@json_option
def import_(config, db_path, files, other, workers, as_json):
    """Archive the pages in WARC or WACZ files, or Scrapy HTTP-cache folders (FILE...), as a crawl would have.

    Every HTML response whose URL is an article of a configured site goes through the crawl's extraction,
    refusals and dedup, in capture-time order; its capture time and origin (file, record) are kept. Importing
    the same file again changes nothing; rerun after an interruption to finish. Prints a summary (records read;
    articles new, updated, unchanged, duplicate, refused, gone; per site). Exit 1 if a file is damaged, 2 if a
    path is missing or no capture file; Ctrl-C stops it (exit 130) and the same command finishes it.
    """
    from .importing.commands import run_import

    workers = workers or min(4, os.cpu_count() or 1)
    sys.exit(run_import(config, db_path, files, other=other, workers=workers, as_json=as_json))


@cli.command()
@click.argument("site_key", metavar="SITE")
@click.option("--from", "start_year", type=YEAR, help="First year of captures, e.g. 2015. [default: all]")
@click.option("--to", "end_year", type=YEAR, help="Last year of captures, e.g. 2020. [default: now]")
@click.option("--archive", "archive_url", metavar="URL", help="A pywb collection (http://host/COLL/) or a Common "
              "Crawl index (https://index.commoncrawl.org/CC-MAIN-2024-10-index). [default: the Wayback Machine]")
@click.option("--limit", type=click.IntRange(min=1), help="Fetch at most N captures in this run.")
@click.option("--dry-run", is_flag=True, help="Only list the captures it would fetch (the index is still read).")
@click.option("--delay", type=click.FloatRange(min=0), default=4.0, show_default=True,
              help="Seconds between two requests to the archive.")
@click.option("--concurrency", type=click.IntRange(1, 8), default=1, show_default=True,
              help="Requests to the archive at a time (each still waits its turn of --delay).")
@common_options
@json_option
def backfill(config, db_path, site_key, start_year, end_year, archive_url, limit, dry_run, delay, concurrency,
             as_json):
    """Archive a site's past from a web archive: every capture of its article pages the archive's index lists
    (the Wayback Machine by default), oldest first, as a crawl would have archived them, each with its replay
    link. Politely: one request at a time, --delay apart, waiting when the archive answers 429 (Retry-After).
    A second run fetches only captures not archived yet. Exit 1 if some capture could not be fetched or the
    archive's index cannot be read; Ctrl-C stops it (exit 130) and the same command goes on.
    """
    from .importing.commands import run_backfill

    sys.exit(run_backfill(config, db_path, site_key, archive_url, start_year=start_year, end_year=end_year,
                          limit=limit, dry_run=dry_run, delay=delay, concurrency=concurrency, as_json=as_json))


@cli.command()
@click.argument("site_keys", nargs=-1, metavar="[SITE]...")
@common_options
@archive_needed
@json_option
@click.option("--dry-run", is_flag=True, help="Only list the URLs due for a re-check.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
def revisit(config, db_path, site_keys, as_json, dry_run, verbose):
    """Re-check archived articles due for a revisit (all sites, or these) for silent edits or deletions.

    A site's `revisit = { after_days = [1, 7, 30], max_per_run = 50 }` sets when: N days after an article
    was first seen, at most max_per_run per run. Prints one line per URL like `gazette fetch`.
    """
    from .revisit import due, run_revisit

    if dry_run:
        found = due(config, db_path, list(site_keys))
        for key, rows in found.items():
            for row in rows:
                emit({"site": key, **row}, as_json,
                     f"due        {key:<10} {row['article_id']} day {row['checkpoint']:g} {row['url']}")
        if not found and not as_json:
            say("gazette: no archived article is due for a revisit")
        return
    _, results = run_revisit(config, db_path, list(site_keys), log_level="INFO" if verbose else "WARNING")
    if not results and not as_json:
        say("gazette: no archived article is due for a revisit")
    failed = False
    for r in results:
        failed = failed or r["status"] == "failed"
        obj = {k: r.get(k) for k in ("url", "status", "article_id", "site", "title", "published", "error")}
        line = (f"failed     {r['site']:<10} {r['url']}: {r['error']}" if r["status"] == "failed" else
                f"{r['status']:<10} {r['site']:<10} {r['article_id']} {r['published'] or '-':<10} {r['title']}")
        emit(obj, as_json, line)
    sys.exit(EXIT_FAILED if failed else 0)


@cli.command()
@click.argument("site_keys", nargs=-1, metavar="[SITE]...")
@click.option("--all", "all_sites", is_flag=True, help="Crawl every configured site.")
@click.option("--full", is_flag=True, help="Walk every listing page (default: stop at the first page with nothing new).")
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Read at most N listing pages per start page.")
@common_options
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
@click.option("--trigger", default="crawl", hidden=True, help="crawl_runs.trigger (the scheduler passes 'schedule').")
@click.option("--revisit", is_flag=True,
              help="After each site's crawl, re-check its archived articles due for a revisit (sites.toml `revisit`).")
def crawl(config, db_path, site_keys, all_sites, full, max_pages, as_json, verbose, trigger, revisit):
    """Crawl these sites (or --all) now: discover new articles on their listings and archive them.

    Incremental: listings are read newest first and paging stops at the first listing page whose articles
    are all archived; archived articles are not requested again. Prints one line per site (status, run id,
    counts); running counts go to stderr on a terminal. Exit 1 if any site's crawl failed or any page failed
    (the run's errors, in `gazette status` and crawl_runs, say which and why).
    """
    if all_sites == bool(site_keys):
        fail("name the sites to crawl (see gazette sites) or give --all, not both" if site_keys
             else "name the sites to crawl (see gazette sites) or give --all", EXIT_USAGE)
    keys = list(config.sites) if all_sites else list(dict.fromkeys(site_keys))
    for key in keys:
        config.site(key)
    from .locks import lock_sites  # one crawl per site at a time, also against `gazette schedule`
    held, refused = lock_sites(db_path, keys)
    for message in refused:
        say(f"gazette: {message}; not crawling it now")
    if not held:
        sys.exit(EXIT_FAILED)
    from .runner import run_crawl, summary_line  # imports Scrapy: only when needed

    summaries = run_crawl(config, db_path, [k for k in keys if k in held], full=full, max_pages=max_pages,
                          log_level="INFO" if verbose else "WARNING", progress=sys.stderr.isatty(),
                          trigger=trigger, revisit=revisit)
    for s in summaries:
        emit(s, as_json, summary_line(s))
    if not as_json and summaries and all(s["status"] == "failed" and s.get("errors")
                                         and any(HOST_NOT_FOUND in e for e in s["errors"]) for s in summaries):
        say("gazette: no site's host name could be found: is this machine offline? "
            "(gazette demo shows Gazette without the network)")
    ok = all(s["status"] == "ok" and not s["failed"] for s in summaries)
    sys.exit(0 if ok and not refused else EXIT_FAILED)


@cli.command()
@click.argument("site_keys", nargs=-1, metavar="SITE...")
@click.option("--all", "all_sites", is_flag=True, help="Check every configured site.")
@click.option("--articles", type=click.IntRange(min=1), default=2, show_default=True,
              help="Articles to read from each start page.")
@common_options
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
def check(config, db_path, site_keys, all_sites, articles, as_json, verbose):
    """Does the site's config still fit the live site? Reads its start pages and a few articles (robots.txt,
    the site's politeness; nothing is archived) and reports per listing selector what it matched, the
    article links and the pagination found, per article the layer that gave each field and the selectors
    that matched, and the boilerplate lines recurring on the pages read.

    Exit 1 when the config no longer fits: a start page cannot be read, listing items or links match
    nothing, an article gives no article or no date, most articles fall back to the CMS markers or the
    generic extractor.
    """
    if all_sites == bool(site_keys):
        fail("name the sites to check or give --all (not both)", EXIT_USAGE)
    keys = list(config.sites) if all_sites else list(dict.fromkeys(site_keys))
    for key in keys:
        config.site(key)
    from .check import report_lines, run_check  # imports Scrapy: only when needed

    reports = run_check(config, db_path, keys, articles=articles, log_level="INFO" if verbose else "WARNING")
    for report in reports:
        emit(report, as_json, report_lines(report))
    sys.exit(0 if all(r["ok"] for r in reports) else EXIT_FAILED)


@cli.command()
@common_options
@archive_needed
@json_option
def status(config, db_path, as_json):
    """Per site: the last crawl, its counts and warnings (nothing found, most articles fell back, failures), and
    the article captures imported from WARC files or web archives."""
    from archive.health import human_bytes, status_report

    for s in status_report(db_path, list(config.sites)):
        run = s["last_run"]
        if run:
            line = (f"{s['site']:<10} {s['articles']} articles; last run {run['run_id']} {run['status']} "
                    f"{run['started']}: {run['requests']} requests, {run['new']} new, {run['updated']} updated, "
                    f"{run['unchanged']} unchanged, {run['gone']} gone, {run['failed']} failed, "
                    f"{run['fell_back']} fell back, {human_bytes(run.get('bytes') or 0)} downloaded")
        else:
            line = f"{s['site']:<10} {s['articles']} articles; never crawled"
        if s.get("imported"):
            past = s["imported"]
            years = past["from"] if past["from"] == past["to"] else f"{past['from']}–{past['to']}"
            line += f"\n{'':<10} imported: {past['captures']} article captures of {years} (import, backfill)"
        if s.get("scheduler"):
            line += (f"\n{'':<10} next run {s['next_run']}" if s["next_run"] else
                     f"\n{'':<10} next run: none (gazette schedule is not running)")
        learned = s.get("learned_boilerplate") or []
        if learned:
            shown = ", ".join(repr(r["line"]) for r in learned[:4]) + (", ..." if len(learned) > 4 else "")
            line += (f"\n{'':<10} learned boilerplate: {len(learned)} lines from its latest "
                     f"{learned[0]['seen_in']} pages ({shown})")
        line += "".join(f"\n{'':<10} warning: {w}" for w in s["warnings"] if w != "never crawled")
        emit(s, as_json, line)


@cli.command()
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the demo archive's Datasette.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address Datasette listens on.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="data/demo.db", show_default=True,
              help="The demo archive, rebuilt on every run (GAZETTE_DB is not read: never your real archive).")
@click.option("--config", "config_dir", type=click.Path(file_okay=False), envvar="GAZETTE_CONFIG", default=None,
              help="Directory holding sites.toml (its sites with recorded pages are demoed). Env: GAZETTE_CONFIG.")
@json_option
def demo(port, host, db_path, config_dir, as_json):
    """Show Gazette end to end without the network, in under a minute.

    Serves the recorded pages of every configured site on loopback at the sites' own paths, crawls them into
    a demo archive (data/demo.db) with the normal crawler, edits one article and deletes another on that
    demo server and crawls again with revisits (so the archive has a revision and a gone article), then opens
    it with `gazette serve` and prints what to try first. Ctrl-C stops everything. Exit 1 if the port is taken,
    2 if --db is a file the demo did not make.
    """
    try:
        config_module.load(config_dir)
    except ConfigError as exc:
        fail(f"config error: {exc}", EXIT_USAGE)
    from crawler.demo.run import DemoError, NotDemoArchive, run_demo

    try:
        sys.exit(run_demo(db_path, host=host, port=port, config=config_dir, as_json=as_json))
    except NotDemoArchive as exc:
        fail(str(exc), EXIT_USAGE)
    except DemoError as exc:
        fail(str(exc), EXIT_FAILED)


@cli.command("add-site")
@click.argument("url")
@click.option("--key", help="Key of the new [sites.KEY] table. [default: from the host name]")
@click.option("--name", help="Human name of the site. [default: the listing page's site name or title]")
@click.option("--yes", is_flag=True, help="Append the table to sites.toml without asking.")
@common_options
@json_option
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO) on stderr.")
def add_site(config, db_path, url, key, name, yes, as_json, verbose):
    """Propose a [sites.KEY] table for a news site from the URL of one of its listing pages.

    Fetches the listing (robots.txt obeyed, the config's politeness), its next pages, a feed it links and a few
    articles, and infers the hosts, the article URL pattern, the pagination and its page count, the listing
    item/link/date selectors, title/date/body selectors where one stable element holds them, and boilerplate
    lines repeated across the articles. Prints the table, a preview of three articles extracted with it (title,
    date, first paragraph, the layer that gave each field) and what it could not infer. With --yes (or a yes at
    the prompt on a terminal) appends the table to the config's sites.toml, validated as any hand-written entry,
    by an atomic replace. Exit 2: not a URL, not a listing, no article links, key or host already configured;
    exit 1: the site cannot be reached.
    """
    from .addsite import AddSiteError, add_site as run_add_site

    try:
        sys.exit(run_add_site(config, url, key=key, name=name, yes=yes, as_json=as_json, verbose=verbose))
    except AddSiteError as exc:
        fail(str(exc), exc.code)


from .scale import deploy, merge  # noqa: E402 - scale-out commands (README: Crawling on several machines)

cli.add_command(deploy)
cli.add_command(merge)


def main():
    """The `gazette` command. Click's own usage errors (an unknown option, a value out of range) are one line
    too, naming the command and its --help, exit 2 (click prints usage, a hint and the error on four)."""
    try:
        code = cli.main(prog_name="gazette", standalone_mode=False)
    except click.UsageError as exc:
        if "\n" in exc.format_message():      # `gazette` alone: its help (click's NoArgsIsHelpError)
            click.echo(exc.format_message(), err=True)
            sys.exit(EXIT_USAGE)
        where = exc.ctx.command_path if exc.ctx else "gazette"
        say(f"{where}: {exc.format_message()} (see {where} --help)")
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        say("gazette: aborted")
        sys.exit(EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else 0)


from .pair import pair as _pair_command  # noqa: E402  (gazette pair: English articles and their Chinese originals)

cli.add_command(_pair_command)
