"""An article's URLs, near-duplicate links and revisit schedule in the archive (tables from schema._history).

- `article_urls`: every URL seen (as requested, as finally served, and canonical) points to its article.
- `minhashes` + `minhash_bands`: one MinHash signature per article and its LSH band keys; articles sharing a
  band key are near-duplicate candidates, so finding them is a few index look-ups, not an in-memory index.
- `near_duplicates`: pairs (both directions) whose estimated Jaccard similarity reaches the threshold.
- `due_for_revisit`: the article URLs of a site whose next re-check (after N days) has come.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import struct

from .store import Archive, utcnow

NEAR_DUPLICATE_THRESHOLD = 0.5
MAX_LINKS = 20  # most similar kept per article: a family of near-identical notices must not grow quadratically


# -- URLs ------------------------------------------------------------------------------------------------

def record_urls(archive: Archive, article_id: str, urls, seen_at: str | None = None) -> None:
    """Point each of these URLs at the article (a URL seen again moves its last_seen and follows the article)."""
    seen_at = seen_at or utcnow()
    for url in dict.fromkeys(u for u in urls if u):
        archive.db.execute(
            "insert into article_urls (url, article_id, first_seen, last_seen) values (?, ?, ?, ?) "
            "on conflict(url) do update set article_id = excluded.article_id, "
            "last_seen = max(last_seen, excluded.last_seen)", [url, article_id, seen_at, seen_at])


def article_for_url(archive: Archive, *urls: str) -> str | None:
    """The id of the archived article one of these URLs already points to."""
    for url in urls:
        row = archive.db.execute(
            "select u.article_id from article_urls u join articles a on a.id = u.article_id where u.url = ?",
            [url]).fetchone()
        if row:
            return row[0]
    return None


def urls_of(archive: Archive, article_id: str) -> list[str]:
    return [r[0] for r in archive.db.execute(
        "select url from article_urls where article_id = ? order by first_seen, url", [article_id])]


# -- near-duplicates -------------------------------------------------------------------------------------

def has_signature(archive: Archive, article_id: str) -> bool:
    return archive.db.execute("select 1 from minhashes where article_id = ?", [article_id]).fetchone() is not None


def store_signature(archive: Archive, article_id: str, site: str, method: str, hashvalues,
                    bands: int) -> list[tuple[str, float]]:
    """Keep the article's signature and band keys, link it to its near-duplicates; return (other_id, similarity).

    `hashvalues` is the MinHash's sequence of 32-bit values; `bands` divides it into LSH bands. Replaces what
    was stored for the article before (its text changed)."""
    values = [int(v) & 0xFFFFFFFF for v in hashvalues]
    if len(values) % bands:
        raise ValueError(f"{len(values)} hash values do not split into {bands} bands")
    blob = struct.pack(f"<{len(values)}I", *values)
    keys = band_keys(values, bands)
    db = archive.db
    with archive.transaction():
        forget_signature(archive, article_id)
        db.execute("insert into minhashes (article_id, site, method, signature) values (?, ?, ?, ?)",
                   [article_id, site, method, blob])
        db.conn.executemany("insert or ignore into minhash_bands (band_key, article_id) values (?, ?)",
                       [(k, article_id) for k in keys])
        marks = ",".join("?" * len(keys))
        candidates = [r[0] for r in db.execute(
            f"select distinct article_id from minhash_bands where band_key in ({marks}) and article_id != ?",
            [*keys, article_id])]
        found = []
        now = utcnow()
        for other in candidates:
            row = db.execute("select method, signature from minhashes where article_id = ?", [other]).fetchone()
            if row is None or row[0] != method:
                continue
            similarity = jaccard(blob, row[1])
            if similarity >= NEAR_DUPLICATE_THRESHOLD:
                found.append((other, similarity))
        found = sorted(found, key=lambda f: (-f[1], f[0]))[:MAX_LINKS]
        for other, similarity in found:
            for a, b in ((article_id, other), (other, article_id)):
                db.execute("insert or replace into near_duplicates (article_id, other_id, similarity, method, found)"
                           " values (?, ?, ?, ?, ?)", [a, b, round(similarity, 4), method, now])
    return found


def forget_signature(archive: Archive, article_id: str) -> None:
    db = archive.db
    db.execute("delete from minhash_bands where article_id = ?", [article_id])
    db.execute("delete from minhashes where article_id = ?", [article_id])
    db.execute("delete from near_duplicates where article_id = ? or other_id = ?", [article_id, article_id])


def near_duplicates_of(archive: Archive, article_id: str) -> list[dict]:
    return list(archive.db.query(
        "select other_id, similarity, method from near_duplicates where article_id = ? order by similarity desc",
        [article_id]))


def band_keys(values: list[int], bands: int) -> list[int]:
    """One signed 64-bit key per band: the band number and its rows, hashed."""
    rows = len(values) // bands
    keys = []
    for band in range(bands):
        chunk = struct.pack(f"<I{rows}I", band, *values[band * rows:(band + 1) * rows])
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return keys


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two packed signatures: the share of equal hash values."""
    if len(a) != len(b) or not a:
        return 0.0
    n = len(a) // 4
    x, y = struct.unpack(f"<{n}I", a), struct.unpack(f"<{n}I", b)
    return sum(1 for p, q in zip(x, y) if p == q) / n


# -- revisits --------------------------------------------------------------------------------------------

def due_for_revisit(archive: Archive, site: str, after_days, limit: int, now: str | None = None) -> list[dict]:
    """Articles of `site` whose latest passed check point (first_seen + N days, N in after_days) has not been
    checked since: the URL to request (the last one that served the article: a site's canonical form of a
    URL is not always served), article id, the check point and when it was last fetched.

    Gone articles are included (a re-check finds out if they came back). The longest-waiting come first,
    at most `limit`."""
    days = sorted({float(d) for d in after_days}, reverse=True)
    if not days or limit <= 0:
        return []
    now = now or utcnow()
    case = " ".join(f"when julianday(:now) - julianday(a.first_seen) >= {d!r} then {d!r}" for d in days)
    sql = f"""
        select id as article_id, coalesce(served, url) as url, first_seen, last_checked, checkpoint,
               strftime('%Y-%m-%dT%H:%M:%SZ', julianday(first_seen) + checkpoint) as due_since
        from (
            select a.id, a.url, a.first_seen, (case {case} end) as checkpoint,
                   (select c.final_url from captures c where c.article_id = a.id and c.status between 200 and 299
                     order by c.outcome = 'duplicate', c.id desc limit 1) as served,
                   max(a.last_seen, coalesce((select max(c.fetched_at) from captures c
                                               where c.article_id = a.id), '')) as last_checked
            from articles a where a.site = :site
        )
        where checkpoint is not null and julianday(last_checked) < julianday(first_seen) + checkpoint
        order by julianday(first_seen) + checkpoint, id
        limit :limit"""
    return list(archive.db.query(sql, {"now": now, "site": site, "limit": int(limit)}))


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- re-extraction ---------------------------------------------------------------------------------------

def _site_filter(column: str, sites) -> tuple[str, list]:
    sites = list(sites or [])
    if not sites:
        return "", []
    return f" and {column} in ({','.join('?' * len(sites))})", sites


def latest_article_captures(archive: Archive, sites=None) -> list[dict]:
    """Per archived article, the latest successful capture it was extracted from (without the body)."""
    where, params = _site_filter("a.site", sites)
    return list(archive.db.query(f"""
        select a.id as article_id, a.site, a.listed_published, c.id as capture_id, c.url, c.final_url,
               c.status, c.headers, c.digest, c.fetched_at
        from articles a join captures c on c.id = coalesce(
            (select max(x.id) from captures x where x.article_id = a.id and x.status between 200 and 299
                and x.outcome in ('new', 'updated', 'unchanged', 'duplicate')), a.capture_id)
        where 1 = 1 {where} order by a.site, a.id""", params))


def unextracted_captures(archive: Archive, sites=None) -> list[dict]:
    """The latest successful response of each URL that never became an article (extraction found none)."""
    where, params = _site_filter("c.site", sites)
    return list(archive.db.query(f"""
        select null as article_id, c.site, null as listed_published, c.id as capture_id, c.url, c.final_url,
               c.status, c.headers, c.digest, c.fetched_at
        from captures c
        where c.id in (select max(id) from captures where status between 200 and 299 group by url)
          and c.outcome = 'failed' and c.article_id is null
          and not exists (select 1 from article_urls u where u.url = c.url) {where}
        order by c.site, c.id""", params))
