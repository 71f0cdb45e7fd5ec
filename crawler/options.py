"""What every `gazette` command shares: --db and --config (the config loaded, exit 2 on a config error), --json, the
exit codes, one-line failures on stderr, results on stdout with control characters escaped, and the archive a
read-only command opens. crawler/cli.py and the command modules it loads (pair.py, scale.py, importing/commands.py)
all take these from here.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import NoReturn

import click


from . import config as config_module
from .terminal import printable, printable_json

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def common_options(func):
    """--db and --config on every command; loads the config (exit 2 on a config error)."""
    @click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="GAZETTE_DB",
                  default="data/gazette.db", show_default=True,
                  help="Archive file (SQLite). Env: GAZETTE_DB.")
    @click.option("--config", "config_dir", type=click.Path(file_okay=False), envvar="GAZETTE_CONFIG",
                  default=None, help="Directory holding sites.toml. Env: GAZETTE_CONFIG. "
                                     "[default: ./config if it has a sites.toml, else the config shipped with Gazette]")
    @functools.wraps(func)
    def wrapper(db_path, config_dir, **kwargs):
        # a bad config, an unknown site or an unusable archive is one line: the command group (crawler/cli.py)
        # turns those errors into their message and exit code for every command
        return func(config=config_module.load(config_dir), db_path=db_path, **kwargs)
    return wrapper


def archive_needed(func):
    """For commands that only read an archive: none at --db is one line and exit 2, and none is created."""
    @functools.wraps(func)
    def wrapper(config, db_path, **kwargs):
        if not Path(db_path).is_file():
            from .demo.run import DEFAULT_DB as demo  # what `gazette demo` left, if it ran here
            also = f"; the demo's is --db {demo}" if demo.is_file() and Path(db_path) != demo else ""
            fail(f"no archive at {db_path} (gazette crawl or gazette fetch makes one; --db or GAZETTE_DB "
                 f"chooses another{also})", EXIT_USAGE)
        return func(config=config, db_path=db_path, **kwargs)
    return wrapper


def json_option(func):
    return click.option("--json", "as_json", is_flag=True, help="One JSON object per line, for scripts.")(func)


def fail(message: str, code: int) -> NoReturn:
    say(f"gazette: {message}")
    sys.exit(code)


def say(message: str) -> None:
    """A message on stderr, control characters escaped."""
    click.echo(printable(message), err=True)


def emit(obj: dict, as_json: bool, line: str) -> None:
    """One result on stdout: a JSON line, or the plain line; control characters (from pages, headers, URLs)
    escaped either way, so nothing a page holds reaches the terminal raw."""
    click.echo(printable_json(obj) if as_json else printable(line))


def opened_archive(db_path: str):
    """Open the archive (the command's @archive_needed made sure it exists)."""
    from archive import Archive

    return Archive(db_path)


class Year(click.IntRange):
    """A year of the web's life: '20x5' is "not a valid year", not click's "not a valid integer range"."""
    name = "year"


YEAR = Year(1991, 2100)
