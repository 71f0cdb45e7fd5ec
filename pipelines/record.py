"""Turn one fetched page into archive records: capture, extraction, article, outcome.

`archive_page` is what every way in shares (crawl, one-off fetch, tests): it decides whether the page is an
article, a failure or a deleted page, extracts it, and writes the capture and the article in one transaction.
It returns one result dict per page: url, status (new, updated, unchanged, duplicate, failed), article_id,
site, title, published, error, layer, fell_back.
"""
from __future__ import annotations

from archive import Archive
from archive import history

from .boilerplate import is_soft_404
from .charset import decode
from .extract import ExtractionError, extract
from .mentions import tag
from .normalise import article_id, content_hash
from .rules import OTHER, Config, Site
from .similarity import METHOD, BANDS, signature

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
GONE_STATUSES = (404, 410)


def archive_page(archive: Archive, config: Config, page: dict, run_id: int | None) -> dict:
    site = config.sites.get(page["site"]) or config.site_for_url(page["url"])
    canonical = site.canonical(page["url"])
    final_canonical = site.canonical(page["final_url"] or page["url"])
    seen_urls = [page["url"], page["final_url"], canonical, final_canonical]
    result = failed_result(page["url"], site.key, None)
    # A URL already recorded for an article (e.g. archived as a duplicate of another URL) stays with it.
    known_id = history.article_for_url(archive, canonical, final_canonical) or article_id(canonical)
    known = archive.article(known_id)
    with archive.transaction():
        capture_id = None
        if page["status"] is not None:
            capture_id = archive.store_capture(
                run_id=run_id, site=site.key, url=page["url"], final_url=page["final_url"], status=page["status"],
                headers=page["headers"], body=page["body"], fetched_at=page["fetched_at"])
        error, gone = refusal(page, site)
        if error is None:
            try:
                article = extract(page["body"], page["final_url"], site, _content_type(page), page.get("hints"))
            except ExtractionError as exc:
                error = f"no article: {exc}"
        if error is not None:
            if gone and known:
                archive.mark_gone(known["id"], page["fetched_at"])
                history.record_urls(archive, known["id"], seen_urls, page["fetched_at"])
                error += "; archived article marked gone"
            result.update(error=error, article_id=known["id"] if known else None, gone=bool(gone and known))
            if capture_id:
                archive.set_capture_outcome(capture_id, "gone" if gone else "failed", result["article_id"], error)
            return result
        record = article_record(article, canonical, site, page.get("hints"), config)
        if known:
            record.update(id=known["id"], url=known["url"])
        status = archive.store_article(record, seen_at=page["fetched_at"], capture_id=capture_id)
        if status == "duplicate":
            record["id"] = archive.find_duplicate(site.key, record["content_hash"], record["id"])["id"]
        history.record_urls(archive, record["id"], seen_urls, page["fetched_at"])
        result["near_duplicates"] = link_near_duplicates(archive, record, status)
        if capture_id:
            archive.set_capture_outcome(capture_id, status, record["id"])
    result.update(status=status, article_id=record["id"], title=article.title, published=article.published,
                  layer=article.layer, fell_back=article.fell_back, warnings=article.warnings)
    return result


def failed_result(url: str, site: str, error: str | None, article_id: str | None = None) -> dict:
    """The result of a page that gave no article (archive_page fills in the rest when one is stored)."""
    return {"url": url, "status": "failed", "article_id": article_id, "site": site, "title": None,
            "published": None, "error": error, "layer": None, "fell_back": False, "warnings": [], "gone": False}


def article_record(article, canonical: str, site: Site, hints: dict | None, config: Config) -> dict:
    """What store_article takes: the extracted fields, the canonical URL and id, content hash, mentions."""
    record = {"id": article_id(canonical), "site": site.key, "url": canonical,
              "content_hash": content_hash(article.body),
              "listed_published": (hints or {}).get("listed_published"),
              **{k: v for k, v in article.fields().items() if k in (
                  "title", "published", "byline", "source", "body", "captions", "language", "layer")}}
    record["mentions"] = article_mentions(record.get("title"), record.get("body"), config)
    return record


def link_near_duplicates(archive: Archive, record: dict, status: str) -> list[str]:
    """(Re)compute the article's MinHash when its text is new or changed (or was never signed); return the
    ids of the near-duplicates it is linked to."""
    if status == "duplicate" or (status == "unchanged" and history.has_signature(archive, record["id"])):
        return [row["other_id"] for row in history.near_duplicates_of(archive, record["id"])]
    values = signature(record.get("body"))
    if values is None:
        history.forget_signature(archive, record["id"])
        return []
    found = history.store_signature(archive, record["id"], record["site"], METHOD, values, BANDS)
    return [other for other, _ in found]


def article_mentions(title: str | None, body: str | None, config: Config) -> list[dict]:
    """The places and officials the article names, as rows for the archive's `mentions` table."""
    text = f"{title or ''}\n\n{body or ''}"
    return [vars(m) for m in tag(text, config.path.parent)]


def _content_type(page: dict) -> str | None:
    return _header(page, "content-type")


def _header(page: dict, name: str) -> str | None:
    headers = {k.lower(): v for k, v in (page.get("headers") or {}).items()}
    return headers.get(name)


def refusal(page: dict, site: Site) -> tuple[str | None, bool]:
    """(why this response is not an article page, whether it means the page is gone)."""
    if page.get("error"):
        return page["error"], False
    status = page["status"]
    if status in GONE_STATUSES:
        return f"HTTP {status}: page not found", True
    if status >= 400:
        retry_after = _header(page, "retry-after")
        return (f"HTTP {status}: server error" if status >= 500 else f"HTTP {status}") + (
            f" (Retry-After: {retry_after})" if retry_after else ""), False
    if site.key != OTHER and page.get("final_url") and not site.owns(page["final_url"]):
        return f"redirected off the site to another host: {page['final_url']}", False
    media = (_content_type(page) or "").split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        return f"not an HTML page ({media})", False
    if not page["body"] or not page["body"].strip():
        return "empty body", False
    head = page["body"][:4096]
    if b"\x00" in head or head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        return "not an HTML page (binary content)", False
    text, _ = decode(page["body"][:200_000], _content_type(page))
    if is_soft_404(page["final_url"], text, site.boilerplate):
        return "soft 404: the site's page-deleted page", True
    return None, False
