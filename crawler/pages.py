"""What a spider hands to the item pipelines: one fetched page (or one failed fetch), as a plain dict.

Keys: url (as requested), final_url, status, headers, body (bytes), site (key), hints (from the listing,
e.g. listed_published), fetched_at, error (why the fetch failed, or None), not_modified (a 304 answering the
validators Gazette sent: the archived page is still the page; crawler/conditional.py).
"""
from __future__ import annotations

from archive.store import utcnow

HOST_NOT_FOUND = "host name not found"   # a DNS failure, as the reasons say it (`gazette crawl` reads it)


def page_item(response, site: str, hints: dict | None = None) -> dict:
    request_url = response.request.meta.get("redirect_urls", [response.url])[0] if response.request else response.url
    return {
        "url": request_url, "final_url": response.url, "status": response.status,
        "headers": {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
        "body": response.body, "site": site, "hints": hints or {}, "fetched_at": utcnow(), "error": None,
        "not_modified": response.status == 304 and response.request is not None
                        and bool(response.request.meta.get("validators_sent")),
    }


def failed_item(failure, site: str, hints: dict | None = None) -> dict:
    request = getattr(failure, "request", None)
    url = request.url if request is not None else ""
    return {
        "url": url, "final_url": url, "status": None, "headers": {}, "body": b"", "site": site,
        "hints": hints or {}, "fetched_at": utcnow(), "error": describe_failure(failure),
    }


def describe_failure(failure) -> str:
    """A short, clear reason for a failed download."""
    value = failure.value
    name = type(value).__name__
    text = str(value).strip()
    if "robots.txt" in text:
        return "forbidden by robots.txt"
    if "max redirections" in text.lower() or "redirect" in name.lower():
        return f"redirect loop or too many redirections ({text})"
    if "TimeoutError" in name or "timeout" in text.lower():
        return f"timed out ({text or name})"
    if "maxsize" in text.lower() or "max size" in text.lower() or "Cancelled" in name:
        return f"response too large or cancelled ({text or name})"
    if "DNSLookupError" in name or "CannotResolveHost" in name:  # Twisted's; Scrapy 2.13+ raises its own
        return f"{HOST_NOT_FOUND} ({text})"
    if "ConnectionRefused" in name:
        return "connection refused"
    return f"{name}: {text}" if text else name
