"""Is this page an article at all? Pure checks for pages that answer 200 but are not the article asked for.

A known article that later redirects to the home page (by HTTP or a meta refresh), answers 200 "Page Not
Found", or serves a listing or portal page must never replace the archived record. Two kinds of evidence:

- `not_an_article(...)`, from the page alone: it was redirected (or refreshes) to a page that is no article
  (not matching the site's article pattern; for a page of no configured site, the site's root or an index
  page), or its title says the page is not found. Such a page means the article is gone.
- `suspect_reasons(old, new, html)`, from comparing a new version of a known article with the archived one: the
  text lost most of its length and vocabulary at once, most of its paragraphs are link texts of the page (a
  listing or home page), or its title is the title of other, different articles of the site (a portal's
  welcome text). Such a capture is kept as `suspect`, and the archived record stays as it was.

No phrase list of a test: the rules read structure (URLs, links, length, vocabulary); the not-found phrases are
the generic ones servers and CMSs use, in English and Chinese.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from w3lib.html import get_meta_refresh

from .normalise import clean_text
from .rules import Site

NOT_FOUND = re.compile(  # strong phrases only: a headline can say "removed" or "missing", rarely "page not found"
    r"^\W*(?:(?:http\s*)?error\s*)?(?:404|410)\s*(?:$|[-:|\u2013\u2014]|error|not\s+found|page)"
    r"|\b(?:page|file|article|document|url|resource)s?\s+(?:you\s+\w+(?:\s+\w+)?\s+)?"
    r"(?:was\s+|is\s+|could\s+not\s+be\s+|cannot\s+be\s+|can'?t\s+be\s+)?(?:not\s+(?:be\s+)?found|does\s*n[o']?t\s+exist"
    r"|no\s+longer\s+(?:exists?|available))"
    r"|\b(?:page|article|file|document|content)\s+(?:you\s+requested\s+)?(?:has\s+been|had\s+been|was)\s+(?:removed|deleted)"
    r"|^\W*(?:not\s+found|page\s+not\s+found|file\s+not\s+found)\W*$"
    r"|页面不存在|页面未找到|找不到(?:该|此|您)?(?:页面|网页|文章)|访问的页面不存在|(?:信息|文章|内容|稿件)已(?:被)?删除|(?:网页|页面)已(?:被)?删除",
    re.I)
NOT_FOUND_TITLE_MAX = 80   # a longer title is a headline, whatever words it holds
SHORT_BODY = 600           # a body this short may be an error page's text
INDEX_PATH = re.compile(r"^/?(?:[\w-]+/)?(?:index|default|home|main)(?:_\d+)?\.\w+$|^/?$", re.I)
LOST_LENGTH = 0.4          # the new text is under 40% of the old one's length ...
KEPT_VOCABULARY = 0.4      # ... and holds under 40% of its distinct words
LINK_PARAGRAPHS = 0.5      # half the paragraphs or more are the texts of the page's links
SHARED_TITLE_ARTICLES = 2  # the title is the title of at least this many other articles of the site
WORD = re.compile(r"\w+", re.U)


def not_an_article(url: str, final_url: str, text: str, site: Site) -> str | None:
    """Why the page served for `url` is no article (from the page alone), or None. `text` is the decoded page."""
    moved = redirect_target(url, final_url, text)
    if moved and not is_article_url(moved, site):
        return f"redirected to {moved}, which is not an article page (the site's home or a listing page)"
    title = page_title(text)
    if title and len(title) <= NOT_FOUND_TITLE_MAX and NOT_FOUND.search(title):
        return f"soft 404: the page's title says it is not found ({title!r})"
    return None


def redirect_target(url: str, final_url: str, text: str) -> str | None:
    """Where the page moved to: the final URL after HTTP redirects or a meta refresh Scrapy followed, else a
    meta refresh in the page itself; None when it did not move (or only its scheme, host or fragment changed)."""
    target = final_url if final_url and _path(final_url) != _path(url) else None
    if target is None:
        try:
            _, refreshed = get_meta_refresh(text[:8192], final_url or url)
        except (ValueError, TypeError):
            refreshed = None
        if refreshed and _path(refreshed) != _path(final_url or url):
            target = refreshed
    return target


def is_article_url(url: str, site: Site) -> bool:
    """An article page of this site: its article pattern for a configured site, else any page that is not the
    site's root or an index page."""
    if site.article_pattern is not None:
        return site.is_article(url)
    return not INDEX_PATH.match(urlsplit(url).path or "/")


def page_title(text: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", text[:65536], re.I | re.S)
    return clean_text(re.sub(r"<[^>]+>", " ", match.group(1))) if match else None


def suspect_reasons(old: dict, new: dict, html: str, shared_title: int = 0) -> list[str]:
    """Why the new version (`new`: title, body) of an archived article (`old`) looks like no article: empty
    when it looks like an edit. `html` is the new page's decoded text; `shared_title` how many other articles of
    the site have the new title."""
    reasons = []
    old_body, new_body = old.get("body") or "", new.get("body") or ""
    if old_body and len(new_body) < LOST_LENGTH * len(old_body):
        old_words, new_words = set(WORD.findall(old_body.lower())), set(WORD.findall(new_body.lower()))
        kept = len(old_words & new_words) / max(1, len(old_words))
        if kept < KEPT_VOCABULARY:
            reasons.append(f"the text lost {1 - len(new_body) / len(old_body):.0%} of its length and "
                           f"{1 - kept:.0%} of its vocabulary at once")
    share = link_share(new_body, html)
    if share >= LINK_PARAGRAPHS:
        reasons.append(f"{share:.0%} of its paragraphs are link texts (a listing or home page)")
    if shared_title >= SHARED_TITLE_ARTICLES and (new.get("title") or "") != (old.get("title") or ""):
        reasons.append(f"its title {new.get('title')!r} is the title of {shared_title} other articles of the site")
    if len(new_body) <= SHORT_BODY and NOT_FOUND.search(new_body):
        reasons.append("its text says the page is not found")
    return reasons


def link_share(body: str, html: str) -> float:
    """The share of the body's paragraphs that are the text of one of the page's links."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    if not paragraphs:
        return 0.0
    anchors = {clean_text(re.sub(r"<[^>]+>", " ", a)) for a in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.I | re.S)}
    anchors.discard("")
    return sum(1 for p in paragraphs if clean_text(p) in anchors) / len(paragraphs)


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + ("?" + parts.query if parts.query else "")
