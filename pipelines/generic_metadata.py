"""trafilatura's metadata of a page (title, date by htmldate, author), read only for the fields asked for.

`trafilatura.metadata.extract_metadata` reads every field it knows (site name, categories, tags, licence, URL...)
and copies the whole tree for the author: on the 181-page benchmark, where it is asked on the ~50 pages whose
title or date no other layer gave, it was a fifth of the generic layer's time, a third of that for fields Gazette
never reads. `metadata` takes extract_metadata's own steps for title, date and author only, each only when asked
for; the values are extract_metadata's (tests/test_extract_layers.py compares them on every recorded page). The
author is read last, on the tree itself: extract_author prunes a copy of the tree because extract_metadata's later
steps (the URL, the date) need it unpruned; neither step changes the tree, so the order does not change a value.
Pure function; pipelines/extract.py asks it for a page's missing fields.
"""
from __future__ import annotations

FIELDS = ("title", "date", "author")
# what `metadata` uses of trafilatura.metadata's own namespace: with a trafilatura that lacks one (an older or newer
# release than the one tested), extract_metadata itself is asked
STEPS = ("load_html", "examine_meta", "extract_meta_json", "extract_title", "extract_url", "find_date",
         "set_date_params", "extract_metainfo", "prune_unwanted_nodes", "AUTHOR_DISCARD_XPATHS", "AUTHOR_XPATHS",
         "normalize_authors")


def metadata(text: str, url: str, wanted: frozenset[str] | set[str] = frozenset(FIELDS)) -> dict:
    """{field: value} of the `wanted` fields (title, date, author) as trafilatura's extract_metadata(text,
    default_url=url) gives them (None each when trafilatura cannot read the page)."""
    from trafilatura import metadata as tm  # the import costs ~0.3 s per process

    from .htmlparse import trafilatura
    trafilatura()  # the deep-page parser set before it parses

    if not all(hasattr(tm, step) for step in STEPS):
        whole = tm.extract_metadata(text, default_url=url)
        return {name: getattr(whole, name) for name in FIELDS if name in wanted}
    tree = tm.load_html(text)
    if tree is None:
        return dict.fromkeys(name for name in FIELDS if name in wanted)
    doc = tm.examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None
    try:
        doc = tm.extract_meta_json(tree, doc)
    except Exception:  # noqa: BLE001 - as extract_metadata: bugs in trafilatura's JSON-LD reading
        pass
    if "title" in wanted and not doc.title:
        doc.title = tm.extract_title(tree)
    if "date" in wanted:
        doc.url = doc.url or tm.extract_url(tree, url)
        doc.date = tm.find_date(tree, **{**tm.set_date_params(True), "url": doc.url})
    if "author" in wanted and not doc.author:
        doc.author = _author(tree)
    doc.clean_and_trim()
    return {name: getattr(doc, name) for name in FIELDS if name in wanted}


def _author(tree) -> str | None:
    """extract_author's reading on the tree itself, not a copy (nothing reads the tree after it)."""
    from trafilatura import metadata as tm

    author = tm.extract_metainfo(tm.prune_unwanted_nodes(tree, tm.AUTHOR_DISCARD_XPATHS), tm.AUTHOR_XPATHS,
                                 len_limit=120)
    return tm.normalize_authors(None, author) if author else author
