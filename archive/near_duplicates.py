"""Near-duplicate articles across sites: MinHash signatures, their LSH band keys, and the links found.

- `minhashes` + `minhash_bands`: one signature per article and its band keys; articles sharing a band key are
  candidates, so finding them is a few index look-ups, not an in-memory index.
- `near_duplicates`: pairs (both directions) whose estimated Jaccard similarity reaches the threshold.
The signatures and their band keys come in as plain values (pipelines/similarity.py computes them); this module
stores them, looks candidates up by band key and estimates their similarity from the stored values.
"""
from __future__ import annotations

import struct
from operator import eq
from typing import Any, Sequence

from .store import Archive, utcnow

NEAR_DUPLICATE_THRESHOLD = 0.5
MAX_LINKS = 20  # most similar kept per article: a family of near-identical notices must not grow quadratically


def has_signature(archive: Archive, article_id: str) -> bool:
    return archive.db.execute("select 1 from minhashes where article_id = ?", [article_id]).fetchone() is not None


def store_signature(archive: Archive, article_id: str, site: str, method: str, hashvalues: Sequence[int],
                    keys: Sequence[int]) -> list[tuple[str, float]]:
    """Keep the article's signature and band keys, link it to its near-duplicates; return (other_id, similarity).

    `hashvalues` is the MinHash's sequence of 32-bit values, `keys` its LSH band keys (signed 64-bit integers);
    articles sharing a key are candidates. Replaces what was stored for the article before (its text changed)."""
    values = [int(v) & 0xFFFFFFFF for v in hashvalues]
    blob = struct.pack(f"<{len(values)}I", *values)
    db = archive.db
    with archive.transaction():
        forget_signature(archive, article_id)
        db.execute("insert into minhashes (article_id, site, method, signature) values (?, ?, ?, ?)",
                   [article_id, site, method, blob])
        db.conn.executemany("insert or ignore into minhash_bands (band_key, article_id) values (?, ?)",
                       [(k, article_id) for k in keys])
        marks = ",".join("?" * len(keys))
        candidates = db.execute(
            f"select article_id, signature from minhashes where method = ? and article_id in (select article_id "
            f"from minhash_bands where band_key in ({marks}) and article_id != ?)", [method, *keys, article_id])
        mine = struct.unpack(f"<{len(values)}I", blob)
        found = [(other, similarity) for other, theirs in candidates
                 if (similarity := _share_equal(mine, theirs)) >= NEAR_DUPLICATE_THRESHOLD]
        found = sorted(found, key=lambda f: (-f[1], f[0]))[:MAX_LINKS]
        now = utcnow()
        db.conn.executemany(
            "insert or replace into near_duplicates (article_id, other_id, similarity, method, found)"
            " values (?, ?, ?, ?, ?)",
            [(a, b, round(similarity, 4), method, now) for other, similarity in found
             for a, b in ((article_id, other), (other, article_id))])
    return found


def forget_signature(archive: Archive, article_id: str) -> None:
    db = archive.db
    db.execute("delete from minhash_bands where article_id = ?", [article_id])
    db.execute("delete from minhashes where article_id = ?", [article_id])
    db.execute("delete from near_duplicates where article_id = ? or other_id = ?", [article_id, article_id])


def near_duplicates_of(archive: Archive, article_id: str) -> list[dict[str, Any]]:
    return list(archive.db.query(
        "select other_id, similarity, method from near_duplicates where article_id = ? order by similarity desc",
        [article_id]))


def _share_equal(values: tuple[int, ...], packed: bytes) -> float:
    """The share of equal values between an unpacked signature and a packed one (0 when their lengths differ)."""
    if len(packed) != 4 * len(values) or not values:
        return 0.0
    return float(sum(map(eq, values, struct.unpack(f"<{len(values)}I", packed)))) / len(values)
