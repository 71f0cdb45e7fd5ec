"""Archive one fetched page: decide what it means (pipelines/decide.py, pure), then apply that in one short
write transaction. Every way in shares this: crawl, one-off fetch, revisit (through the item pipeline),
re-extraction from stored captures (pipelines/reextract.py) and tests.

`archive_page` returns one result dict per page: url, status (new, updated, unchanged, duplicate, failed),
article_id, site, title, published, error, layer, fell_back, warnings, gone, near_duplicates.
"""
from __future__ import annotations

from archive import Archive, near_duplicates, urls
from archive import volatile as volatile_store
from archive.outcomes import Outcome

from .charset import decode
from .decide import Decision, content_type, decide, same_text, tagged
from .learning import lines_for
from .nonarticle import suspect_reasons
from .normalise import article_id
from .rules import Config
from .similarity import Signature
from .taggers import Taggers
from .translations import pair_new as _pair_new
from .volatile import stable_hash, volatile_change


def archive_page(archive: Archive, config: Config, page: dict, run_id: int | None) -> dict:
    """Capture, extract and archive one fetched page (a dict made by crawler/pages.py), dropping the boilerplate
    learned from the site's archive too."""
    site = page_site(config, page)
    if page.get("not_modified"):
        return not_modified(archive, site, page)
    learned = lines_for(archive, site.key) if site.key in config.sites else frozenset()
    known = known_text(archive, site, page)
    decision = decide(page, site, config.taggers, learned_lines=learned, known=known)
    return apply(archive, decision, page, run_id=run_id)


def page_site(config: Config, page: dict):
    """The site a page item belongs to (`other` for a URL of no configured site)."""
    return config.sites.get(page["site"]) or config.site_for_url(page["url"])


def known_text(archive: Archive, site, page: dict) -> dict | None:
    """What the archive holds for the page's article (title, published, content_hash), so `decide` can skip
    tagging and signing a text it already tagged and signed; None for a page not archived yet."""
    canonical = site.canonical(page["url"])
    found = urls.article_for_url(archive, page["url"], page.get("final_url") or page["url"], canonical)
    row = archive.db.execute("select title, published, content_hash from articles where id = ?",
                             [found or article_id(canonical)]).fetchone()
    return {"title": row[0], "published": row[1], "content_hash": row[2]} if row else None


def apply(archive: Archive, decision: Decision, page: dict, *, run_id: int | None = None,
          capture_id: int | None = None, article: str | None = None, seen_at: str | None = None,
          refetched: bool = True, pair: bool = True) -> dict:
    """Write what `decide` found, in one transaction: the capture (when the page was just fetched, `refetched`),
    then the article with its URLs, mentions and near-duplicate links, or the failure (marking a known article
    gone); then pair a new or changed English or Chinese article with its counterpart (`pair=False`: the caller
    pairs it, with the others of its batch: `to_pair`, `pair_new`). `article` is the id the page is already
    archived under, if the caller knows it; `capture_id` the stored capture it was read from (re-extraction)."""
    site = decision.site
    seen_at = seen_at or page["fetched_at"]
    result = failed_result(page["url"], site.key, decision.error)
    with archive.transaction():
        if refetched and page["status"] is not None:
            # Of another host's answer only its URL and status are kept (never its headers or body).
            off_site = decision.off_site
            capture_id = archive.store_capture(
                run_id=run_id, site=site.key, url=page["url"], final_url=page["final_url"], status=page["status"],
                headers={} if off_site else page["headers"], body=b"" if off_site else page["body"],
                fetched_at=page["fetched_at"], packed=None if off_site else decision.packed)
        result["capture_id"] = capture_id
        # A URL already recorded for an article (e.g. archived as a duplicate of another URL) stays with it.
        known = archive.article(article or urls.article_for_url(archive, *decision.urls)
                                or article_id(decision.canonical))
        if decision.error is not None:
            return refused(archive, decision, page, known, capture_id, result)
        if decision.unchanged_text and not same_text(known, decision.article):
            decision = tagged(decision, page)  # `known` was read before another capture of the article was written
        record = dict(decision.record or {})
        templates = volatile_store.templates(archive, site.key)
        if templates:  # the site's volatile lines stay out of its content hashes
            record["content_hash"] = stable_hash(record.get("body"), templates)
        if known:
            record.update(id=known["id"], url=known["url"])
            suspect = not_replaced(archive, known, record, page, site.key) if refetched else None
            if suspect:
                result.update(error=suspect, article_id=known["id"])
                if capture_id:
                    archive.set_capture_outcome(capture_id, Outcome.SUSPECT, known["id"], suspect)
                return result
        status, stored_id = archive.store_article(record, seen_at=seen_at, capture_id=capture_id,
                                                  refetched=refetched)
        urls.record_urls(archive, stored_id, decision.urls, page["fetched_at"])
        result["near_duplicates"] = link_near_duplicates(archive, stored_id, site.key, decision.signature, status,
                                                         decision.unchanged_text)
        if capture_id and (refetched or article is None):  # a re-read capture keeps the outcome it had when fetched
            archive.set_capture_outcome(capture_id, status, stored_id)
    if pair and to_pair(decision, status):
        result["translation"] = bool(pair_new(archive, [stored_id], seen_at, decision.taggers))
    found = decision.article
    assert found is not None  # no error: decide extracted an article
    result.update(status=status, article_id=stored_id, title=found.title, published=found.published,
                  layer=found.layer, fell_back=found.fell_back, warnings=found.warnings, removed=found.removed,
                  restored=found.restored)
    return result


def refused(archive: Archive, decision: Decision, page: dict, known: dict | None, capture_id: int | None,
            result: dict) -> dict:
    """A page that gave no article: its capture's outcome, and a known article marked gone when the page says it
    was deleted (inside apply's transaction)."""
    gone = decision.gone and known is not None and archive.mark_gone(known["id"], page["fetched_at"])
    if gone and known is not None:
        urls.record_urls(archive, known["id"], decision.urls, page["fetched_at"])
        result["error"] += "; archived article marked gone"
    result.update(article_id=known["id"] if known else None, gone=gone)
    if capture_id:
        archive.set_capture_outcome(capture_id, Outcome.GONE if decision.gone else Outcome.FAILED,
                                    result["article_id"], result["error"])
    return result


def not_replaced(archive: Archive, known: dict, record: dict, page: dict, site: str) -> str | None:
    """For a new version of an archived article: why it must not replace the record (it looks like no article:
    pipelines/nonarticle.py), or None. A change only in time-stamp lines (pipelines/volatile.py) is learned for
    the site and leaves the record's text as it was (the capture keeps the new lines)."""
    changed = volatile_change(known["body"], record.get("body"))
    if changed and (record.get("title") or "") == (known["title"] or ""):
        volatile_store.learn(archive, site, changed, known["id"])
        record["body"] = known["body"]
        record["content_hash"] = stable_hash(record["body"], volatile_store.templates(archive, site))
    if (record.get("title") or "") == (known["title"] or "") and (record.get("body") or "") == (known["body"] or ""):
        return None
    shared = archive.db.execute("select count(*) from articles where site = ? and title = ? and id != ?",
                                [site, record.get("title"), known["id"]]).fetchone()[0]
    html, _ = decode(page["body"], content_type(page))
    reasons = suspect_reasons(known, record, html, shared)
    if not reasons:
        return None
    return ("suspect: this version looks like no article (" + "; ".join(reasons) +
            "); kept as a suspect capture, the archived article is unchanged")

def to_pair(decision: Decision, status: str) -> bool:
    """Whether an article `apply` stored with this status is paired (pipelines/translations.py): a new or changed
    English or Chinese text."""
    language = decision.record.get("language") if decision.record else None
    return status in (Outcome.NEW, Outcome.UPDATED) and language in ("en", "zh")


def pair_new(archive: Archive, article_ids: list[str], now: str, taggers: Taggers | None) -> set[str]:
    """Pair articles just archived with their counterparts in the other language (pipelines/translations.py); the
    ids paired. A failure here is a warning of the pairing, never a lost article: the articles are already stored,
    what the pairing wrote is undone (by its own transaction, or within the caller's by a savepoint: an import's
    batch), and `gazette pair` recomputes. Its reading and scoring hold no write lock of their own."""
    conn = archive.db.conn
    within = conn.in_transaction
    if within:
        conn.execute("savepoint pairing")
    try:
        paired = _pair_new(archive, article_ids, now=now, tagger=taggers.mentions if taggers else None)
    except Exception:   # noqa: BLE001  (pairing is advisory: the pages were archived)
        if within:
            conn.execute("rollback to pairing")
        paired = set()
    if within:
        conn.execute("release pairing")
    return paired


def not_modified(archive: Archive, site, page: dict) -> dict:
    """A 304 to the validators of the archived copy: the article is unchanged and still there (last_seen moves,
    gone_since clears); nothing is downloaded, extracted or stored."""
    canonical = site.canonical(page["url"])
    found = urls.article_for_url(archive, page["url"], page["final_url"], canonical)
    if found is None:
        return failed_result(page["url"], site.key, "HTTP 304 Not Modified, but no archived copy of this URL")
    with archive.transaction():
        archive.db.execute("update articles set last_seen = max(last_seen, ?), gone_since = null where id = ?",
                           [page["fetched_at"], found])
    row = archive.article(found)
    assert row is not None  # found just above, in this transaction's archive
    result = failed_result(page["url"], site.key, None, found)
    result.update(status=Outcome.UNCHANGED, title=row["title"], published=row["published"], layer=row["layer"])
    return result


def failed_result(url: str, site: str, error: str | None, article_id: str | None = None) -> dict:
    """The result of a page that gave no article (apply fills in the rest when one is stored)."""
    return {"url": url, "status": Outcome.FAILED, "article_id": article_id, "site": site, "title": None,
            "published": None, "error": error, "layer": None, "fell_back": False, "warnings": [], "gone": False,
            "near_duplicates": [], "removed": [], "restored": []}


def link_near_duplicates(archive: Archive, article: str, site: str, signature: Signature | None,
                         status: Outcome, unchanged_text: bool = False) -> list[str]:
    """Store the article's MinHash when its text is new or changed (or was never signed); return the ids of the
    near-duplicates it is linked to. `unchanged_text`: the page was not signed, the archive's signature stands."""
    if status == Outcome.DUPLICATE or unchanged_text or (
            status == Outcome.UNCHANGED and near_duplicates.has_signature(archive, article)):
        return [row["other_id"] for row in near_duplicates.near_duplicates_of(archive, article)]
    if signature is None:
        near_duplicates.forget_signature(archive, article)
        return []
    found = near_duplicates.store_signature(archive, article, site, signature.method, signature.values,
                                           signature.band_keys)
    return [other for other, _ in found]
