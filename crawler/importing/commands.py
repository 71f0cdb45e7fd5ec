"""The command-line side of `gazette import` and `gazette backfill`: progress on a terminal, the summary printed
(plain or `--json`), exit codes. The work is importer.py's and crawler/backfill.py's."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from archive import Archive
from pipelines.rules import Config

from ..options import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, emit, fail
from .importer import ON_A_SITE
from .sources import SourceError, iso_time

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar


class Progress:
    """A click progress bar on stderr once the number of captures is known (terminal only)."""

    def __init__(self, label: str, enabled: bool):
        self.label, self.enabled = label, enabled
        self.bar: ProgressBar[int] | None = None

    def planned(self, total: int) -> None:
        if self.enabled and total:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()

    def step(self, *_):
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def summary_lines(summary: dict, what: str) -> str:
    """The plain summary: one line of totals, one per site, the first reasons."""
    totals = (f"{summary['records']} {what} read: {summary['new']} new, {summary['updated']} updated, "
              f"{summary['unchanged']} unchanged, {summary['duplicate']} duplicate, {summary['refused']} refused, "
              f"{summary['gone']} gone, {summary['unreadable']} unreadable, "
              f"{summary['already_archived']} already archived")
    lines = [totals]
    skipped = {k: v for k, v in summary["skipped"].items() if k != "already archived"}
    if skipped:
        lines.append("  not archived: " + ", ".join(f"{v} {k}" for k, v in sorted(skipped.items())))
    # no capture was of a configured site (one "already archived" or read as a listing was: a rerun is no sign of
    # a wrong --config)
    if skipped.get("no configured site") and not any(summary["sites"].values()) \
            and not any(summary["skipped"].get(reason) for reason in ON_A_SITE):
        lines += ["  no page is on a host of a configured site: is --config the config the pages were crawled with?",
                  "  (--other archives pages of any site, read by the generic extractor)"]
    for site, counts in summary["sites"].items():
        lines.append(f"  {site:<10} " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
    lines += [f"  problem: {p}" for p in summary["problems"]]
    lines += [f"  {e}" for e in summary["errors"][:5]]
    if len(summary["errors"]) > 5:
        lines.append(f"  ... and {len(summary['errors']) - 5} more (--json lists them all)")
    return "\n".join(lines)


def run_import(config: Config, db_path: str, files, *, other: bool, as_json: bool, workers: int = 1) -> int:
    from .importer import import_files

    for path in files:
        if not Path(path).exists():
            fail(f"no such file or folder: {path}", EXIT_USAGE)
    progress = Progress("importing", sys.stderr.isatty() and not as_json)
    created, error = not Path(db_path).exists(), None
    with Archive(db_path) as archive:
        try:
            summary = import_files(archive, config, files, other=other, on_planned=progress.planned,
                                   on_capture=progress.step, workers=workers)
        except SourceError as exc:
            error = str(exc)
            empty = not archive.db.execute("select count(*) from captures").fetchone()[0]
        except KeyboardInterrupt:  # what is written stays; the same command skips it and does the rest
            progress.close()
            fail("interrupted; run the same import again to finish it", EXIT_INTERRUPTED)
        finally:
            progress.close()
    if error is not None:
        if created and empty:  # a file that is no WARC leaves no empty archive behind
            remove_archive(db_path)
        fail(error, EXIT_USAGE)
    emit(summary, as_json, summary_lines(summary, "records"))
    return EXIT_FAILED if summary["problems"] or summary["unreadable"] else 0


def remove_archive(db_path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(db_path + suffix).unlink(missing_ok=True)


def run_backfill(config: Config, db_path: str, site_key: str, archive_url: str | None, *, as_json: bool,
                 **options) -> int:
    from ..backfill import backfill
    from ..webarchive import ArchiveUnavailable, web_archive

    config.site(site_key)  # ConfigError (exit 2) for an unknown site
    if options["start_year"] and options["end_year"] and options["start_year"] > options["end_year"]:
        fail("--from is after --to", EXIT_USAGE)
    try:
        wa = web_archive(archive_url)
    except ValueError as exc:
        fail(f"--archive: {exc}", EXIT_USAGE)
    progress = Progress("backfilling", sys.stderr.isatty() and not as_json)
    created, error = not Path(db_path).exists(), None
    with Archive(db_path) as archive:
        try:
            summary = backfill(archive, config, site_key, wa, on_planned=progress.planned, on_capture=progress.step,
                               **options)
        except ArchiveUnavailable as exc:
            error = (f"the archive's index cannot be read: {exc}", EXIT_FAILED)
        except KeyboardInterrupt:  # what is written stays; the same command skips it and does the rest
            error = ("interrupted; run the same backfill again to go on", EXIT_INTERRUPTED)
        finally:
            progress.close()
        empty = not archive.db.execute("select count(*) from captures").fetchone()[0]
    if created and empty:  # a look, a failed run or one that found nothing leaves no empty archive
        remove_archive(db_path)
    if error is not None:
        fail(*error)
    if not summary["index_rows"] and not as_json:  # a collection's name mistyped answers as one without captures
        asked = summary["asked"]
        click.echo(f"the index lists no capture under {', '.join(asked['prefixes'])} from "
                   f"{(iso_time(asked['from']) or '')[:10]} to {(iso_time(asked['to']) or '')[:10]}: is --archive the "
                   f"collection (or index) that holds the site?", err=True)
    if options["dry_run"]:
        report_dry_run(summary, as_json)
        return 0
    line = (f"{site_key} from {summary['archive']}: {summary['index_rows']} captures in the index, "
            f"{summary['article_captures']} of articles, {summary['listing_captures']} of listings read for "
            f"their dates, {summary['requests']} requests\n")
    left = ["  not fetched: " + ", ".join(f"{v} {k}" for k, v in sorted(summary["left_out"].items()))
            ] if summary["left_out"] else []
    if summary["same_as_archived"]:
        left.append(f"  {summary['same_as_archived']} article captures not fetched: the same digest as the capture "
                    f"archived before them")
    if summary["left_for_next_run"]:
        left.append(f"  {summary['left_for_next_run']} article captures left for the next run (--limit)")
    first, *rest = summary_lines(summary, "index rows").split("\n")
    emit(summary, as_json, line + "\n".join([first, *left, *rest]))
    return EXIT_FAILED if summary["unreadable"] else 0


def report_dry_run(summary: dict, as_json: bool) -> None:
    """A backfill's dry run: each capture it would fetch, then (--json) the totals, as a run's summary."""
    for item in summary["planned"]:
        emit(item, as_json, f"would fetch {item['time']} {item['url']}  ({item['replay_url']})")
    if as_json:
        emit({k: v for k, v in summary.items() if k != "planned"}, as_json, "")
    else:
        click.echo(f"{summary['would_fetch']} captures to fetch"
                   + (f" ({summary['left_for_next_run']} more after this run: --limit)"
                      if summary["left_for_next_run"] else "")
                   + f", {summary['already_archived']} already archived"
                   + (f", {summary['same_as_archived']} the same as the capture archived before them"
                      if summary["same_as_archived"] else "")
                   + f": {summary['article_captures']} article captures of {summary['index_rows']} in the index"
                   + (f"; the archive asked to wait {len(summary['waits'])} times" if summary["waits"] else ""),
                   err=True)
