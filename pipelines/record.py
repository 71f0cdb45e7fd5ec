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
from .decide import Decision, content_type, decide
from .learning import lines_for
from .nonarticle import suspect_reasons
from .normalise import article_id
from .rules import Config
from .similarity import BANDS, METHOD
from .volatile import stable_hash, volatile_change


def archive_page(archive: Archive, config: Config, page: dict, run_id: int | None) -> dict:
    """Capture, extract and archive one fetched page (a dict made by crawler/pages.py), dropping the boilerplate
    learned from the site's archive too."""
    site = config.sites.get(page["site"]) or config.site_for_url(page["url"])
    learned = lines_for(archive, site.key) if site.key in config.sites else frozenset()
    return apply(archive, decide(page, site, config.directory, learned_lines=learned), page, run_id=run_id)


def apply(archive: Archive, decision: Decision, page: dict, *, run_id: int | None = None,
          capture_id: int | None = None, article: str | None = None, seen_at: str | None = None,
          refetched: bool = True) -> dict:
    """Write what `decide` found, in one transaction: the capture (when the page was just fetched, `refetched`),
    then the article with its URLs, mentions and near-duplicate links, or the failure (marking a known article
    gone). `article` is the id the page is already archived under, if the caller knows it; `capture_id` the
    stored capture it was read from (re-extraction)."""
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
                fetched_at=page["fetched_at"])
        # A URL already recorded for an article (e.g. archived as a duplicate of another URL) stays with it.
        known = archive.article(article or urls.article_for_url(archive, *decision.urls)
                                or article_id(decision.canonical))
        if decision.error is not None:
            gone = decision.gone and known is not None
            if gone:
                archive.mark_gone(known["id"], page["fetched_at"])
                urls.record_urls(archive, known["id"], decision.urls, page["fetched_at"])
                result["error"] += "; archived article marked gone"
            result.update(article_id=known["id"] if known else None, gone=gone)
            if capture_id:
                archive.set_capture_outcome(capture_id, Outcome.GONE if decision.gone else Outcome.FAILED,
                                            result["article_id"], result["error"])
            return result
        record = dict(decision.record)
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
        result["near_duplicates"] = link_near_duplicates(archive, stored_id, site.key, decision.signature, status)
        if capture_id and (refetched or article is None):  # a re-read capture keeps the outcome it had when fetched
            archive.set_capture_outcome(capture_id, status, stored_id)
    found = decision.article
    result.update(status=status, article_id=stored_id, title=found.title, published=found.published,
                  layer=found.layer, fell_back=found.fell_back, warnings=found.warnings)
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


def failed_result(url: str, site: str, error: str | None, article_id: str | None = None) -> dict:
    """The result of a page that gave no article (apply fills in the rest when one is stored)."""
    return {"url": url, "status": Outcome.FAILED, "article_id": article_id, "site": site, "title": None,
            "published": None, "error": error, "layer": None, "fell_back": False, "warnings": [], "gone": False,
            "near_duplicates": []}


def link_near_duplicates(archive: Archive, article: str, site: str, signature: list[int] | None,
                         status: Outcome) -> list[str]:
    """Store the article's MinHash when its text is new or changed (or was never signed); return the ids of the
    near-duplicates it is linked to."""
    if status == Outcome.DUPLICATE or (status == Outcome.UNCHANGED and near_duplicates.has_signature(archive, article)):
        return [row["other_id"] for row in near_duplicates.near_duplicates_of(archive, article)]
    if signature is None:
        near_duplicates.forget_signature(archive, article)
        return []
    found = near_duplicates.store_signature(archive, article, site, METHOD, signature, BANDS)
    return [other for other, _ in found]
