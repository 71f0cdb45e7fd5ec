"""Links of listing pages as add-site reads them: a page's links on the site's hosts, the site's hosts, and a
feed's items as a page of links."""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urldefrag, urljoin, urlsplit

from pipelines.normalise import clean_text

from ..listing import Page, feed_entries


@dataclass
class Link:
    url: str
    text: str


class NotAListing(ValueError):
    """The page is not a news listing (no article links, or it is an article itself)."""


def host_of(url: str) -> str:
    return (urlsplit(url).netloc or "").lower()


def site_hosts(url: str) -> list[str]:
    """The host of the URL (port kept), with its www./bare twin when it is a domain name."""
    host = host_of(url)
    name = host.split(":")[0]
    if re.fullmatch(r"[\d.]+|\[.*\]|localhost", name) or ":" in host:
        return [host]
    twin = name[4:] if name.startswith("www.") else "www." + name
    return [host, twin] if name.count(".") >= 1 else [host]


def links_of(page: Page, hosts: list[str] | None = None) -> list[tuple[Link, object]]:
    """(Link, its <a> element) for every http(s) link of the page on these hosts, in page order."""
    tree = page.tree()
    if tree is None:
        return []
    found = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = urldefrag(urljoin(page.url, href))[0]
        if urlsplit(url).scheme not in ("http", "https"):
            continue
        if hosts is not None and host_of(url) not in hosts:
            continue
        found.append((Link(url, clean_text(a.text_content()) or clean_text(a.get("title"))), a))
    return found



def same_domain(host: str, other: str) -> bool:
    """Both hosts under one registered domain (example.gov.cn, example.com)."""
    def domain(name: str) -> str:
        labels = name.split(":")[0].split(".")
        keep = 3 if len(labels) >= 3 and labels[-2] in ("gov", "com", "org", "edu", "net", "ac") else 2
        return ".".join(labels[-keep:])
    return domain(host) == domain(other) and not re.fullmatch(r"[\d.:]+", host)


def feed_as_page(page: Page) -> Page:
    """A feed's entries as a page of links (title as link text), for the shape and sampling functions."""
    body = "".join(f'<p><a href="{escape(e.url)}">{escape(e.title or "")}</a></p>' for e in feed_entries(page))
    return Page(page.url, f"<html><body>{body}</body></html>")
