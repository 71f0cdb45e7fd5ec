"""MinHash signatures of article bodies, to find the same story republished by another site.

A body becomes a set of word 4-grams (lower case, letters and digits only); its MinHash has NUM_PERM 32-bit
values, split into BANDS bands for locality-sensitive hashing: `sign` gives both, as plain values, for
archive/near_duplicates.py to keep and look up (it compares stored signatures itself).
With 64 values in 16 bands of 4, pairs with Jaccard similarity about 0.5 or more become candidates.

The values are those of datasketch's MinHash (2.x, scheme "affine32": SHA-1 → 32 bits, MurmurHash3 finalizer,
odd affine permutations mod 2^32, seeded), computed here with numpy in one vectorised step: importing
datasketch pulls in scipy (about 0.6 s per process) and it draws its permutations again for every MinHash.
tests/test_similarity.py checks that the values are identical to datasketch's.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import struct
from typing import Any, Iterable
from dataclasses import dataclass

NUM_PERM = 64
BANDS = 16
SHINGLE = 4
SEED = 1
METHOD = f"minhash{NUM_PERM}-w{SHINGLE}-b{BANDS}"
WORD = re.compile(r"[^\W_]+", re.UNICODE)
ASCII_WORD = re.compile(rb"[^\W_]+")  # on ASCII text the same runs as WORD: letters and digits
CHUNK = 4096  # shingles hashed at a time (4096 x 64 x 4 bytes = 1 MB of products)
MIN_WORDS = 20  # shorter bodies say too little to call anything a near-duplicate
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's 32-bit finalizer
_PERMUTATIONS = None


def shingles(text: str | None) -> set[bytes]:
    words = WORD.findall((text or "").lower())
    if len(words) < SHINGLE:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def _permutations() -> tuple[Any, Any]:
    """(a, b) of the NUM_PERM affine permutations, drawn once as datasketch draws them for SEED."""
    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        import numpy as np

        gen = np.random.RandomState(SEED)
        a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
        _PERMUTATIONS = (a, b)
    return _PERMUTATIONS


def minhash(values: Iterable[bytes]) -> list[int]:
    """The NUM_PERM MinHash values of a set of byte strings (datasketch-compatible, see the module doc), computed
    CHUNK values at a time so a very long body never holds more than CHUNK x NUM_PERM products in memory."""
    import numpy as np

    a, b = _permutations()
    values = iter(values)
    found = None
    sha1 = hashlib.sha1
    while digests := b"".join([sha1(v).digest() for v in itertools.islice(values, CHUNK)]):
        # a repeated value changes no minimum; a value's 32 bits are the first 4 bytes of its 20-byte SHA-1, read
        # little-endian: every fifth 32-bit word of the digests joined
        hv = np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32)
        s1, m1, s2, m2, s3 = _FMIX32
        hv = hv ^ (hv >> np.uint32(s1))
        hv = hv * np.uint32(m1)
        hv = hv ^ (hv >> np.uint32(s2))
        hv = hv * np.uint32(m2)
        hv = hv ^ (hv >> np.uint32(s3))
        least = (hv[:, None] * a + b).min(axis=0)
        found = least if found is None else np.minimum(found, least)
    return [0xFFFFFFFF] * NUM_PERM if found is None else [int(v) for v in found]


def signature(body: str | None) -> list[int] | None:
    """The body's MinHash values, or None when the body is too short to compare."""
    encoded = _encoded_words(body or "")
    if len(encoded) < MIN_WORDS:
        return None
    # each run of SHINGLE words (joined as bytes: the same bytes as the words joined, encoded): the words zipped
    # with themselves shifted by 1, 2, ... SHINGLE - 1
    return minhash(map(b" ".join, zip(*(encoded[i:] for i in range(SHINGLE)))))


def _encoded_words(body: str) -> list[bytes]:
    """The body's words (WORD), lower case, each encoded as UTF-8. An ASCII text's are found in its bytes (the same
    words), not encoded one by one."""
    text = body.lower()
    if text.isascii():
        return ASCII_WORD.findall(text.encode("ascii"))
    return [word.encode("utf-8") for word in WORD.findall(text)]


@dataclass(frozen=True)
class Signature:
    """What the archive keeps of a body to find its near-duplicates: the method's name, its MinHash values and
    one LSH key per band."""
    method: str
    values: list[int]
    band_keys: list[int]


def sign(body: str | None) -> Signature | None:
    """The body's signature and band keys, or None when the body is too short to compare."""
    values = signature(body)
    return None if values is None else Signature(METHOD, values, band_keys(values, BANDS))


def band_keys(values: list[int], bands: int) -> list[int]:
    """One signed 64-bit key per band: the band number and its rows, hashed."""
    rows = len(values) // bands
    keys = []
    for band in range(bands):
        chunk = struct.pack(f"<I{rows}I", band, *values[band * rows:(band + 1) * rows])
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return keys
