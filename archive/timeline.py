"""An article's history with a capture older than what is archived: put the version it shows at its capture time.

A crawl sees an article's versions in order, so archive/store.py only ever appends: the old text goes to
`revisions`, the new one becomes the article. An imported or backfilled capture (a WARC from 2016, a Wayback
capture of 2019) may be older than the article's last sighting. Its text is then placed where it belongs in the
article's versions (the `revisions` rows, each [seen_at, replaced_at), then the article itself from
last_changed), never over the current text:

- the same text as the version in effect at that time: nothing changes (a sighting);
- before the first version: the first version starts earlier when the text is the same, else the capture's text
  becomes the first version;
- a different text while another version was in effect: that version ends at the capture; the capture's text
  lasts until the next capture of the article (which saw the old version again, so a copy of it follows), or
  until the next version, which starts earlier when it has the capture's text.

So `revisions` stays ordered by capture time whatever the order captures are imported in, and the chain stays
contiguous (each version's replaced_at is the next one's seen_at; the article's last_changed the last replaced_at).
"""
from __future__ import annotations

from definitions import fields  # the article fields' one definition; imports nothing of Gazette

from .outcomes import Outcome

REVISION_FIELDS = fields.REVISED  # what each version keeps (definitions/fields.py)


def insert_past_version(archive, old: dict, values: dict, seen_at: str, capture_id: int | None,
                        listed: str | None = None) -> tuple[Outcome, str]:
    """Place `values` (article fields, as articles holds them) seen at `seen_at` in the history of article `old`;
    return (unchanged or updated, the article id). A listed date (`listed`) the article lacks is kept, as
    store_article keeps one. Runs inside the caller's transaction."""
    article = old["id"]
    if listed and not old.get("listed_published"):
        archive.db.execute("update articles set listed_published = ? where id = ?", [listed, article])
    versions = _versions(archive, old)
    before = [v for v in versions if v["seen_at"] <= seen_at]
    if seen_at < (old["first_seen"] or seen_at):
        archive.db.execute("update articles set first_seen = ? where id = ?", [seen_at, article])
    if not before:  # older than every version
        first = versions[0]
        if _same(first, values):
            _move_start(archive, old, first, seen_at)
            return Outcome.UNCHANGED, article
        _add_revision(archive, article, values, seen_at, first["seen_at"], capture_id)
        return Outcome.UPDATED, article
    current = before[-1]
    if _same(current, values):
        return Outcome.UNCHANGED, article
    end = current["replaced_at"]
    seen_again = _next_sighting(archive, article, seen_at, end)
    if current["id"] is None and seen_again is None:
        seen_again = old["last_seen"]
    _set_end(archive, old, current, seen_at)
    if seen_again is not None:  # the version in effect was seen again after this capture: it came back
        _add_revision(archive, article, values, seen_at, seen_again, capture_id)
        if current["id"] is None:
            archive.db.execute("update articles set last_changed = ? where id = ?", [seen_again, article])
        else:
            _add_revision(archive, article, current, seen_again, end, current["capture_id"])
        return Outcome.UPDATED, article
    following = next(v for v in versions if v["seen_at"] == end)
    if _same(following, values):
        _move_start(archive, old, following, seen_at)
    else:
        _add_revision(archive, article, values, seen_at, end, capture_id)
    return Outcome.UPDATED, article


def _versions(archive, old: dict) -> list[dict]:
    """The article's versions in time order: its revisions, then itself (id None, replaced_at None)."""
    rows = list(archive.db.query(
        "select id, seen_at, replaced_at, capture_id, " + ", ".join(REVISION_FIELDS) +
        " from revisions where article_id = ? order by seen_at, id", [old["id"]]))
    current = {"id": None, "seen_at": old["last_changed"], "replaced_at": None, "capture_id": old["capture_id"],
               **{f: old[f] for f in REVISION_FIELDS}}
    return rows + [current]


def _same(version: dict, values: dict) -> bool:
    return all((version[f] or "") == (values[f] or "") for f in ("title", "body"))


def _next_sighting(archive, article: str, after: str, before: str | None) -> str | None:
    """When the article was next captured after `after` (and before `before`, the end of the version then)."""
    sql = ("select min(fetched_at) from captures where article_id = ? and fetched_at > ? and outcome in "
           "('new', 'updated', 'unchanged', 'duplicate')")
    params = [article, after]
    if before is not None:
        sql += " and fetched_at < ?"
        params.append(before)
    return archive.db.execute(sql, params).fetchone()[0]


def _set_end(archive, old: dict, version: dict, when: str) -> None:
    """The version in effect ends at `when`; the current text becomes a revision ending there."""
    if version["id"] is not None:
        archive.db.execute("update revisions set replaced_at = ? where id = ?", [when, version["id"]])
    else:
        _add_revision(archive, old["id"], version, version["seen_at"], when, version["capture_id"])


def _move_start(archive, old: dict, version: dict, when: str) -> None:
    """A version starts earlier (at `when`); the one before it, if any, ends there."""
    if version["id"] is None:
        archive.db.execute("update articles set last_changed = ? where id = ?", [when, old["id"]])
    else:
        archive.db.execute("update revisions set seen_at = ? where id = ?", [when, version["id"]])
    archive.db.execute("update revisions set replaced_at = ? where article_id = ? and replaced_at = ?",
                       [when, old["id"], version["seen_at"]])


def _add_revision(archive, article: str, fields: dict, seen_at: str, replaced_at: str, capture_id) -> None:
    archive.db.execute(
        "insert into revisions (article_id, seen_at, replaced_at, " + ", ".join(REVISION_FIELDS) +
        ", capture_id, cause) values (?, ?, ?, " + ", ".join("?" for _ in REVISION_FIELDS) + ", ?, 'refetch')",
        [article, seen_at, replaced_at, *[fields[f] for f in REVISION_FIELDS], capture_id])
