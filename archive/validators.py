"""Validators for conditional requests (crawler/conditional.py): what to send as If-None-Match/If-Modified-Since.

An article's validators are the ETag and Last-Modified of the capture its archived text came from
(`articles.capture_id`), and only for the URL that capture was requested or served at: a 304 then means exactly
"the page the archive holds is still the page". A listing page has no capture: its validators are kept in
`listing_validators` with the article links and the next page read from it, so a 304 replays them.

A server whose validators do not follow the content is found from the archive's own history: an ETag seen on
pages with different bodies (a constant ETag), or a URL whose body changed while its Last-Modified did not. Such
a site's ETags (or dates) are not sent; its pages are then downloaded every time, as without validators.
"""
from __future__ import annotations

import json

from .store import Archive, utcnow

RECENT = 5000  # captures read per site to judge its validators


def header(headers: dict | None, name: str) -> str | None:
    """A header's value from a headers dict of any key case."""
    name = name.lower()
    for key, value in (headers or {}).items():
        if key.lower() == name and value:
            return value
    return None


def article_validators(archive: Archive, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of the capture the article archived under `url` holds, when `url` fetched it."""
    row = archive.db.execute(
        "select c.headers from article_urls u join articles a on a.id = u.article_id "
        "join captures c on c.id = a.capture_id where u.url = ? and c.status between 200 and 299 "
        "and (c.url = ? or c.final_url = ?)", [url, url, url]).fetchone()
    if row is None:
        return None, None
    headers = json.loads(row[0] or "{}")
    return header(headers, "etag"), header(headers, "last-modified")


def listing(archive: Archive, url: str) -> dict | None:
    """A listing page's stored state: etag, last_modified, entries [(link, listed date)], next_url."""
    rows = list(archive.db.query("select * from listing_validators where url = ?", [url]))
    if not rows:
        return None
    row = rows[0]
    return {**row, "entries": [tuple(e) for e in json.loads(row["entries"] or "[]")]}


def remember_listing(archive: Archive, url: str, site: str, headers: dict, digest: str,
                     entries: list[tuple[str, str | None]], next_url: str | None) -> None:
    """Keep a listing page's validators with what was read from it (nothing when it sent no validator)."""
    etag, modified = header(headers, "etag"), header(headers, "last-modified")
    old = listing(archive, url)
    with archive.transaction():
        if old and old["digest"] != digest:  # the page changed: were its validators the same?
            for kind, value in (("etag", etag), ("date", modified)):
                if value and value == old["etag" if kind == "etag" else "last_modified"]:
                    archive.db.execute("insert or ignore into validator_faults (site, kind, value, seen_at) "
                                       "values (?, ?, ?, ?)", [site, kind, value, utcnow()])
        if not etag and not modified:
            archive.db.execute("delete from listing_validators where url = ?", [url])
            return
        archive.db.execute(
            "insert or replace into listing_validators (url, site, etag, last_modified, digest, entries, next_url,"
            " seen_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [url, site, etag, modified, digest, json.dumps(entries, ensure_ascii=False), next_url, utcnow()])


def unreliable(archive: Archive, site: str) -> tuple[set[str], bool]:
    """(ETags of this site seen on different bodies, whether its Last-Modified once stayed while a body changed)."""
    etag = ("coalesce(json_extract(headers, '$.Etag'), json_extract(headers, '$.ETag'), "
            "json_extract(headers, '$.etag'))")
    modified = ("coalesce(json_extract(headers, '$.Last-Modified'), json_extract(headers, '$.last-modified'))")
    recent = (f"select url, {etag} as etag, {modified} as modified, digest from captures "
              f"where site = :site and status between 200 and 299 order by id desc limit {RECENT}")
    seen = f"""select url, etag, modified, digest from ({recent})
               union all select url, etag, last_modified, digest from listing_validators where site = :site"""
    etags = {r[0] for r in archive.db.execute(
        f"select etag from ({seen}) where etag is not null group by etag having count(distinct digest) > 1",
        {"site": site})}
    faults = list(archive.db.execute("select kind, value from validator_faults where site = ?", [site]))
    etags |= {value for kind, value in faults if kind == "etag"}
    stale_dates = any(kind == "date" for kind, _ in faults) or archive.db.execute(
        f"select 1 from ({seen}) where modified is not null group by url, modified "
        f"having count(distinct digest) > 1 limit 1", {"site": site}).fetchone() is not None
    return etags, stale_dates
