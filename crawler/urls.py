"""URLs a user types, checked and written the way they are requested: the one rule for `gazette fetch` and
anything else that takes a URL on the command line.

`request_url` refuses what is no http(s) URL (a broken IPv6 host, a port beyond 65535, no host) with a
one-line reason, and returns the URL as Scrapy will request and Gazette archive it (w3lib's safe_url_string:
scheme and host lower-cased, an IDN host in punycode, the path percent-encoded, tabs and newlines dropped), so
what is reported is the URL that was archived.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from w3lib.url import safe_url_string


class UrlError(ValueError):
    """Not a URL Gazette can fetch; the message says why."""


def request_url(url: str) -> str:
    typed = url
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port
    except ValueError as exc:
        raise UrlError(f"not a URL: {typed!r} ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UrlError(f"not an http(s) URL: {typed!r}")
    try:
        safe = safe_url_string(url)
        check = urlsplit(safe)
        check.port
    except (ValueError, UnicodeError) as exc:
        raise UrlError(f"not a URL: {typed!r} ({exc})") from None
    if " " in urlsplit(safe).netloc or not check.hostname:
        raise UrlError(f"not an http(s) URL: {typed!r}")
    return safe
