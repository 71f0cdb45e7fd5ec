"""MinHash signatures of article bodies (datasketch), to find the same story republished by another site.

A body becomes a set of word 4-grams (lower case, letters and digits only); its MinHash has NUM_PERM 32-bit
values, split into BANDS bands for locality-sensitive hashing (archive/history.py keeps the band keys).
With 64 values in 16 bands of 4, pairs with Jaccard similarity about 0.5 or more become candidates.
"""
from __future__ import annotations

import re

NUM_PERM = 64
BANDS = 16
SHINGLE = 4
SEED = 1
METHOD = f"minhash{NUM_PERM}-w{SHINGLE}-b{BANDS}"
WORD = re.compile(r"[^\W_]+", re.UNICODE)
MIN_WORDS = 20  # shorter bodies say too little to call anything a near-duplicate


def shingles(text: str | None) -> set[bytes]:
    words = WORD.findall((text or "").lower())
    if len(words) < SHINGLE:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(body: str | None) -> list[int] | None:
    """The body's MinHash values, or None when the body is too short to compare."""
    if len(WORD.findall(body or "")) < MIN_WORDS:
        return None
    from datasketch import MinHash  # imported when needed: the package pulls in scipy (about 1 s)

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(sorted(shingles(body)))
    return [int(v) for v in minhash.hashvalues]
