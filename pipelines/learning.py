"""Learned boilerplate, applied: relearn a site's boilerplate from its latest archived pages (after its crawl and
before `gazette reextract`), and read the learned set back for extraction. The rule itself is pure, in
pipelines/learned.py; the table is archive/learned.py's."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from archive import Archive
from archive import learned as store

from .learned import SAMPLE, Learned, as_boilerplate_lines, learn, page_lines


def refresh(archive: Archive, site: str, map_: Callable[..., Iterable[list[str]]] = map) -> list[Learned]:
    """Learn the site's boilerplate from its latest SAMPLE archived pages and store it (replacing the old set).
    `map_` reads the pages' lines (`map_(page_lines, bodies, content_types)`; an import's spreads them over its
    processes)."""
    pages = list(store.latest_pages(archive, site, SAMPLE))
    found = learn(map_(page_lines, [body for body, _ in pages], [content_type for _, content_type in pages]))
    store.replace(archive, site, found)
    return found


def lines_for(archive: Archive, site: str) -> frozenset[str]:
    """The site's learned lines as extract() takes them (`learned_lines`)."""
    return as_boilerplate_lines(store.lines(archive, site))
