"""Decide what one fetched page means, without touching the archive: the pure half of archiving a page.

`decide(page, site, taggers)` reads a response (URL, final URL, status, headers, raw body, listing hints) and
returns a `Decision`: either why it is no article (an error, and whether that means the page is gone), or the
article record ready to store (extracted fields, canonical URL and id, content hash, the places and officials
it names) with the MinHash signature of its body, and the raw body packed as the archive keeps it. Everything
slow (decoding, extraction, tagging, hashing, compressing) happens here, outside any write transaction;
`pipelines/record.py` then applies the decision in a short one.
Crawl, one-off fetch, revisit and re-extraction all go through this one step.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Iterable

from definitions.bodies import Packed, pack

from .boilerplate import is_soft_404
from .charset import decode
from .extract import Article, ExtractionError, extract
from .meetings import extract as meetings
from .meetings_zh import extract as meetings_zh
from .mentions import tag
from .nonarticle import not_an_article
from .normalise import article_id, content_hash
from .rules import OTHER, Site
from .similarity import Signature, sign
from .taggers import SHIPPED, Taggers

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
GONE_STATUSES = (404, 410)
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")
# The taggers (mentions, meetings) and the near-duplicate signature read at most this much of a body: real
# articles are far shorter, and a pathological page (40,000 paragraphs) then costs what its first part costs.
TAGGED_CHARS = 200_000
OFF_SITE = "redirected off the site to another host"


@dataclass
class Decision:
    """What a page means. `error` is None exactly when `record` holds an article."""
    site: Site
    urls: tuple[str, ...]  # as requested, as served, and both canonical: every URL the page is known by
    canonical: str
    error: str | None = None
    gone: bool = False  # the error means the page was deleted (404, 410, the site's page-deleted page)
    off_site: bool = False  # the answer came from another host: only its URL and status are kept
    article: Article | None = None
    record: dict | None = None  # what Archive.store_article takes
    signature: Signature | None = None  # MinHash and band keys of the body; None when too short (or unchanged_text)
    unchanged_text: bool = False  # the archived article has this title, date and body: not tagged or signed again
    taggers: Taggers | None = None  # what the page was tagged with; pairing it after it is stored reads the same
    packed: Packed | None = None  # the raw body as the archive stores it (fetched pages but those of another host)


def decide(page: dict, site: Site, taggers: Taggers | None = None, *,
           learned_lines: Iterable[str] = (), fetched_now: bool = True, known: dict | None = None) -> Decision:
    """Refuse the page (error, gone) or extract its article. `taggers`: the loaded config's gazetteers and meeting
    rules (`config.taggers`; the shipped ones when None);
    `learned_lines` are the boilerplate lines learned from the site's archive (pipelines/learning.py).
    `fetched_now=False` (a stored capture read again) skips the check that the page was served by one of the
    site's hosts: it was when it was archived, and the site's `hosts` may have changed since. `known` (title,
    published, content_hash of the archived article) lets an unchanged text skip the mention and meeting
    tagging and the MinHash, which the archive already holds for it (record.mentions/meetings left out)."""
    canonical = site.canonical(page["url"])
    final = page.get("final_url") or page["url"]
    urls = tuple(dict.fromkeys(u for u in (page["url"], final, canonical,
                                           site.canonical(final) if final != page["url"] else canonical) if u))
    decision = Decision(site=site, urls=urls, canonical=canonical, taggers=taggers or SHIPPED)
    try:
        error, gone, decoded = refusal(page, site, check_host=fetched_now)
        decision.off_site = bool(error and error.startswith(OFF_SITE))
        if error is None:
            hints = {**(page.get("hints") or {}), "captured": page.get("fetched_at")}  # the year of "…on May 5"
            decision.article = extract(page["body"], final, site, content_type(page), hints,
                                       learned_lines=learned_lines, decoded=decoded)
            same = same_text(known, decision.article)
            decision.record = article_record(decision.article, canonical, site, page.get("hints"), taggers,
                                             tagged=not same)
            decision.signature = None if same else sign((decision.record.get("body") or "")[:TAGGED_CHARS])
            decision.unchanged_text = same
    except ExtractionError as exc:
        error, gone = f"no article: {exc}", False
    except Exception as exc:
        error, gone = f"could not read the page ({type(exc).__name__}: {str(exc)[:300]})", False
    if error is not None:
        decision.error, decision.gone = error, gone
        decision.article = decision.record = decision.signature = None
    if fetched_now and not decision.off_site and page.get("status") is not None:
        decision.packed = pack(page["body"])  # compressed here, outside the write transaction
    return decision


def same_text(known: dict | None, article: Article | None) -> bool:
    """The archived article (`known`: its title, published, content_hash) has exactly this text."""
    return known is not None and article is not None and known.get("content_hash") == content_hash(article.body) and \
        (known.get("title"), known.get("published")) == (article.title, article.published)


def tagged(decision: Decision, page: dict) -> Decision:
    """The decision with the tagging and signature an unchanged text skipped: for when the archive's text changed
    between reading `known` and writing (another capture of the article written in between)."""
    if not decision.unchanged_text or decision.article is None:
        return decision
    record = article_record(decision.article, decision.canonical, decision.site, page.get("hints"),
                            decision.taggers)
    return dataclasses.replace(decision, record=record, unchanged_text=False,
                               signature=sign((record.get("body") or "")[:TAGGED_CHARS]))


def article_record(article: Article, canonical: str, site: Site, hints: dict | None,
                   taggers: Taggers | None, tagged: bool = True) -> dict:
    """What Archive.store_article takes: the extracted fields, the canonical URL and id, content hash, mentions,
    meetings (not when `tagged` is False: the archive keeps the ones it has)."""
    fields = article.fields()
    record = {**fields, "id": article_id(canonical), "site": site.key, "url": canonical,
              "content_hash": content_hash(article.body),
              "listed_published": (hints or {}).get("listed_published")}
    if not tagged:
        return record
    body = (record.get("body") or "")[:TAGGED_CHARS]
    text = f"{record.get('title') or ''}\n\n{body}"
    taggers = taggers or SHIPPED
    record["mentions"] = [vars(m) for m in tag(text, taggers.mentions)]
    record["meetings"] = (meetings({**record, "body": body}, taggers.meetings)          # who met whom: meetings/,
                          or meetings_zh({**record, "body": body}, taggers.mentions))   # in Chinese: meetings_zh.py
    return record


def refusal(page: dict, site: Site, check_host: bool = True) -> tuple[str | None, bool, tuple[str, str] | None]:
    """(why this response is not an article page, whether it means the page is gone, the page's (text, encoding)
    when it was decoded to be read: extraction reads the same). `check_host`: refuse a page a configured site's
    request was redirected to on another host."""
    error, gone = _refused_unread(page, site, check_host)
    if error is not None:
        return error, gone, None
    decoded = decode(page["body"], content_type(page))
    text = decoded[0][:200_000]
    if is_soft_404(page.get("final_url") or page["url"], text, site.boilerplate):
        return "soft 404: the site's page-deleted page", True, decoded
    moved = not_an_article(page["url"], page.get("final_url") or page["url"], text, site)
    return moved, bool(moved), decoded


def _refused_unread(page: dict, site: Site, check_host: bool) -> tuple[str | None, bool]:
    """What refuses a page before its text is read: an error, a status, a host, a media type, an empty or binary
    body."""
    if page.get("error"):
        return page["error"], False
    status = page["status"]
    if status in GONE_STATUSES:
        return f"HTTP {status}: page not found", True
    if status >= 400:
        retry_after = header(page, "retry-after")
        return (f"HTTP {status}: server error" if status >= 500 else f"HTTP {status}") + (
            f" (Retry-After: {retry_after})" if retry_after else ""), False
    if check_host and site.key != OTHER and page.get("final_url") and not site.owns(page["final_url"]):
        return f"{OFF_SITE}: {page['final_url']}", False
    media = (content_type(page) or "").split(";")[0].strip().lower()
    if media not in HTML_TYPES:
        return f"not an HTML page ({media})", False
    if not page["body"] or not page["body"].strip():
        return "empty body", False
    head = page["body"][:4096]
    if b"\x00" in head or head.startswith(BINARY_MAGIC):
        return "not an HTML page (binary content)", False
    return None, False


def content_type(page: dict) -> str | None:
    return header(page, "content-type")


def header(page: dict, name: str) -> str | None:
    headers = {k.lower(): v for k, v in (page.get("headers") or {}).items()}
    return headers.get(name)
