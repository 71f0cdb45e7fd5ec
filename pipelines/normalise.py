"""Normalise what extraction finds: whitespace, dates (to ISO 8601), bylines, titles, URLs and ids."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
TRACKING = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "spm", "from", "share",
            "isappinstalled", "fbclid", "gclid", "sharefrom", "wxshare", "scene")
NUMERIC_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)(?:\s*日)?"
    r"(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
WORD_DATE = re.compile(
    r"\b(\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s*(?:19|20)\d\d|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*,\s*(?:19|20)\d\d)\b"
    r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
URL_DATE = re.compile(r"/t((?:19|20)\d{6})_|/((?:19|20)\d\d)/(\d\d)/(\d\d)/|/((?:19|20)\d\d)-(\d\d)/(\d\d)/")
BYLINE_PREFIX = re.compile(r"^(by|author|reporter|writer|editor|translator|作者|记者)\s*[:：]?\s+", re.I)
SOURCE_PREFIX = re.compile(r"^(source|来源|this article is from|from)\s*[:：]?\s*", re.I)
# A <title> is "Headline<sep>Site name" (or the other way round): the separators sites use.
TITLE_SEPARATORS = re.compile(r"\s*(?:--+|\||_|｜|—|–)\s*|\s+-\s+")
# Words that make a title segment the site's name rather than part of the headline.
SITE_WORDS = re.compile(
    r"ministry of foreign affairs|people'?’?s government|provincial government|municipal government|"
    r"government online|official website|foreign affairs office|\bportal\b|china ?daily|"
    r"\bgov\.cn\b|people'?’?s republic of china$|^(english|home|homepage)$", re.I)


def clean_text(text: str | None) -> str:
    """The text with every run of whitespace (SPACE) one space, none at either end."""
    if not text:
        return ""
    if "\u200b" in text or "\ufeff" in text:   # the two of SPACE that are not whitespace to str.split
        return SPACE.sub(" ", text).strip()
    return " ".join(text.split())  # str.split's whitespace is the regular expressions' \s (twice as fast)


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
    if match and match.group(1).split()[0][:3].lower().strip(".").lstrip("0") in MONTHS + tuple(
            str(d) for d in range(1, 32)):
        words, hour, minute, second = match.groups()
        month = next(w for w in re.findall(r"[A-Za-z]+", words))[:3].lower()
        numbers = re.findall(r"\d+", words)
        year = next((int(n) for n in numbers if len(n) == 4), None)
        day = next((int(n) for n in numbers if len(n) <= 2), None)
        if month not in MONTHS or year is None or day is None:
            return None
        try:
            date = dt.date(year, MONTHS.index(month) + 1, day)
        except ValueError:
            return None
        if hour is None:
            return date.isoformat()
        return f"{date.isoformat()}T{int(hour):02d}:{minute}:{second or '00'}"
    return None


MONTH_NAME = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
              r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "…Regular Press Conference on June13, 2018", "…Daily Briefing Online on February 7, 2020", "…Remarks on Sept. 3",
# "…Press Conference on September 13": the date a press event's headline names (year optional)
HEADLINE_DATE = re.compile(
    r"\b(?:Press Conference|Briefing|Remarks|Online|Statement|Meeting)\s+on\s+" + MONTH_NAME +
    r"\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:\s*,?\s*((?:19|20)\d\d)\b)?", re.I)


def headline_date(title: str | None) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of the date a press event's headline names ("…Press Conference on June13, 2018",
    "…on Sept. 3", "…on September 13"); None when it names none. Nothing else in a headline counts."""
    match = HEADLINE_DATE.search(clean_text(title))
    if not match:
        return None
    month = MONTHS.index(match.group(1)[:3].lower()) + 1
    day, year = int(match.group(2)), int(match.group(3)) if match.group(3) else None
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so February 29 passes without a year
    except ValueError:
        return None
    return month, day, year


def with_year(month: int, day: int, anchor: str, before: bool = False) -> str | None:
    """The date of `month`/`day` in the year that puts it nearest the ISO date `anchor` (a listing's or URL's
    date); `before`: the latest such date not after the anchor (the day the page was captured)."""
    try:
        base = dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if before:
        candidates = [c for c in candidates if c <= base + dt.timedelta(days=1)]
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - base).days)).isoformat()


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
    """The source's name: no "Source:" label, no Chinese "（…供稿）" (contributed by …) wrapping."""
    text = SOURCE_PREFIX.sub("", clean_text(text)).strip(" :：")
    text = re.sub(r"^[（(](.*?)(?:供稿)?[）)]$", r"\1", text).strip()
    return text or None


def clean_title(text: str | None, from_page_title: bool = False, site_names: tuple[str, ...] = ()) -> str | None:
    """Whitespace-normalised title without a site-name suffix or prefix ("Headline_Ministry of Foreign
    Affairs...", "Headline--Guizhou Provincial People's Government", "Headline | ichongqing").

    A segment after (or before) a separator is dropped when it names the site: one of `site_names` (the
    configured name, og:site_name...), or words only a site name has (SITE_WORDS). A page's <title>
    (`from_page_title`) also loses a trailing segment after its last "_", the TRS-CMS way of appending the
    site name, whatever it says."""
    text = clean_text(text)
    if not text:
        return None
    names = [_squash(n) for n in site_names if n and len(_squash(n)) >= 4]
    parts = TITLE_SEPARATORS.split(text)
    separators = TITLE_SEPARATORS.findall(text)
    if len(parts) < 2:
        return text

    def site_like(segment: str) -> bool:
        squashed = _squash(segment)
        if not squashed:
            return True
        return bool(SITE_WORDS.search(segment.strip())) or any(
            squashed in name or name in squashed for name in names if len(squashed) >= 4)

    while len(parts) > 1 and site_like(parts[-1]):
        parts.pop()
        separators.pop()
    while len(parts) > 1 and site_like(parts[0]):
        parts.pop(0)
        separators.pop(0)
    if from_page_title and len(parts) > 1 and separators[-1].strip() == "_":
        parts.pop()
        separators.pop()
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:]):
        rebuilt += separator + part
    return clean_text(rebuilt) or text


def _squash(text: str) -> str:
    """Lower-case letters and digits only, for comparing a title segment with a site name."""
    text = re.sub(r"\(.*?\)", "", text or "")
    return re.sub(r"[^0-9a-z]", "", text.lower())


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
    text = clean_text((body or "").lower())  # (SPACE's runs one space, none at either end: clean_text's rule)
    return hashlib.sha1(text.encode("utf-8")).hexdigest() if text else None
