"""Learned boilerplate, applied: relearn a site's boilerplate from its latest archived pages (after its crawl and
before `gazette reextract`), and read the learned set back for extraction. The rule itself is pure, in
pipelines/learned.py; the table is archive/learned.py's."""
from __future__ import annotations

from archive import Archive
from archive import learned as store

from .learned import SAMPLE, Learned, as_boilerplate_lines, learn, page_lines


def refresh(archive: Archive, site: str) -> list[Learned]:
    """Learn the site's boilerplate from its latest SAMPLE archived pages and store it (replacing the old set)."""
    found = learn(page_lines(body, content_type) for body, content_type in store.latest_pages(archive, site, SAMPLE))
    store.replace(archive, site, found)
    return found


def lines_for(archive: Archive, site: str) -> frozenset[str]:
    """The site's learned lines as extract() takes them (`learned_lines`)."""
    return as_boilerplate_lines(store.lines(archive, site))
