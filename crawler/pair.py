"""`gazette pair`: recompute which English articles translate which Chinese ones (pipelines/translations.py)."""
from __future__ import annotations

import sys
from datetime import UTC, date, datetime

import click

from .options import (
    EXIT_USAGE,
    opened_archive,
    archive_needed,
    common_options,
    emit,
    fail,
    json_option,
)


def _progress_line(n: int, total: int) -> None:
    click.echo(f"\raligning pairs: {n} of {total}", err=True, nl=n == total)


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        fail(f"--since must be a date like 2020-05-01, not {value!r}", EXIT_USAGE)


@click.command()
@click.option("--site", "site_key", default=None, metavar="SITE",
              help="Only articles of this site (and their candidates in the other language).")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only articles published on or after this day.")
@common_options
@archive_needed
@json_option
def pair(config, db_path, site_key, since, as_json):
    """Pair each English article with its Chinese original, and the reverse, and align the two.

    Candidates are Chinese articles of the same kind (press conference, spokesperson's remarks, meeting,
    speech) published within 2 days; they are scored by what survives translation (numbers and dates, the
    countries, provinces, cities and officials named, the question-and-answer turns). Only confident pairs
    are kept (see docs/chinese-record.md). The pairs of the chosen articles are
    replaced; articles are also paired as they are archived, so this is for recomputing. The names compared
    are those tagged when each article was archived (after a gazetteer change, `gazette reextract` first).
    Prints how many English and Chinese articles were read and how many pairs were kept.
    """
    since = _since(since)
    if site_key:
        config.site(site_key)
    from pipelines import translations

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with opened_archive(db_path) as archive:
        summary = translations.pair(archive, site=site_key, since=since, tagger=config.taggers.mentions, now=now,
                                    progress=_progress_line if sys.stderr.isatty() and not as_json else None)
    emit(summary, as_json, f"{summary['english']} English and {summary['chinese']} Chinese articles read: "
                           f"{summary['pairs']} pair{'' if summary['pairs'] == 1 else 's'} kept")
    sys.exit(0)
