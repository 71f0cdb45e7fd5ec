"""Normalise what extraction finds: whitespace, dates (to ISO 8601), bylines, titles, URLs and ids."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from dateutil import parser as dateparser
from w3lib.url import canonicalize_url, url_query_cleaner

SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
TRACKING = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "spm", "from", "share",
            "isappinstalled", "fbclid", "gclid", "sharefrom", "wxshare", "scene")
NUMERIC_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?"
    r"(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
WORD_DATE = re.compile(
    r"\b(\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s*(?:19|20)\d\d|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*,\s*(?:19|20)\d\d)\b")
URL_DATE = re.compile(r"/t((?:19|20)\d{6})_|/((?:19|20)\d\d)/(\d\d)/(\d\d)/|/((?:19|20)\d\d)-(\d\d)/(\d\d)/")
BYLINE_PREFIX = re.compile(r"^(by|author|reporter|writer|editor|translator|作者|记者)\s*[:：]?\s+", re.I)
SOURCE_PREFIX = re.compile(r"^(source|来源|this article is from|from)\s*[:：]?\s*", re.I)
TITLE_SEPARATORS = re.compile(r"\s+[|—–-]\s+|_|\s+\|\s*")


def clean_text(text: str | None) -> str:
    return SPACE.sub(" ", text or "").strip()


def parse_date(text: str | None) -> str | None:
    """The first date in `text` as ISO 8601 (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] when a time is given)."""
    text = clean_text(text)
    if not text:
        return None
    match = NUMERIC_DATE.search(text)
    if match:
        year, month, day, hour, minute, second = match.groups()
        try:
            date = dt.date(int(year), int(month), int(day))
        except ValueError:
            return None
        if hour is None:
            return date.isoformat()
        return f"{date.isoformat()}T{int(hour):02d}:{minute}" + (f":{second}" if second else ":00")
    match = WORD_DATE.search(text)
    if match:
        try:
            return dateparser.parse(match.group(1).replace(",", ", ")).date().isoformat()
        except (ValueError, OverflowError):
            return None
    return None


def date_from_url(url: str) -> str | None:
    """The date a TRS or WordPress URL carries (a hint only: migrated articles carry the migration date)."""
    match = URL_DATE.search(url)
    if not match:
        return None
    groups = [g for g in match.groups() if g]
    text = groups[0] if len(groups) == 1 else "".join(groups)
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def clean_byline(text: str | None) -> str | None:
    text = clean_text(text)
    text = text.split("|")[0].strip()
    text = BYLINE_PREFIX.sub("", text).strip(" :：,")
    return text or None


def clean_source(text: str | None) -> str | None:
    text = SOURCE_PREFIX.sub("", clean_text(text)).strip(" :：")
    return text or None


def clean_title(text: str | None, from_page_title: bool = False) -> str | None:
    """Whitespace-normalised title; a <title> loses its site-name suffix (the longest part is kept)."""
    text = clean_text(text)
    if from_page_title and text:
        parts = [p.strip() for p in TITLE_SEPARATORS.split(text) if p.strip()]
        text = max(parts, key=len) if parts else text
    return text or None


def canonical_url(url: str, base_url: str | None = None, hosts: tuple[str, ...] = (),
                  mirror_paths: tuple[tuple[str, str], ...] = ()) -> str:
    """One URL per article: the site's own scheme and host, no fragment or tracking parameters,
    no trailing index.html, and a mirror path prefix mapped to its canonical one."""
    url = url_query_cleaner(url.strip(), TRACKING, remove=True, keep_fragments=False)
    url = canonicalize_url(url)
    parts = urlsplit(url)
    scheme, netloc = parts.scheme.lower(), parts.netloc.lower()
    if base_url and netloc in hosts:
        base = urlsplit(base_url)
        scheme, netloc = base.scheme, base.netloc.lower()
    path = re.sub(r"/index\.s?html?$", "/", parts.path) or "/"
    for canonical, mirror in mirror_paths:
        if path.startswith(mirror):
            path = canonical + path[len(mirror):]
            break
    return urlunsplit((scheme, netloc, path, parts.query, ""))


def article_id(canonical: str) -> str:
    """A stable id: the first 16 hex digits of the SHA-1 of the canonical URL."""
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:16]


def content_hash(body: str | None) -> str | None:
    """Hash of the normalised body (case and whitespace ignored), to find the same text under two URLs."""
    text = SPACE.sub(" ", (body or "").lower()).strip()
    return hashlib.sha1(text.encode("utf-8")).hexdigest() if text else None
