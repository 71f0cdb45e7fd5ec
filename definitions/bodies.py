"""How the archive keeps a raw response body: its SHA-256, its size and its bytes compressed with zlib (the
`bodies` table). One definition for both sides: `decide` (pipelines/decide.py) packs a fetched page's body
before the write transaction, or in an import's worker process, and the archive (archive/store.py) stores and
reads it. Imports nothing of Gazette.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass

COMPRESSION = "zlib"


@dataclass(frozen=True)
class Packed:
    """A raw body as the `bodies` table keeps it."""
    digest: str  # SHA-256 of the raw body, hex
    size: int  # of the raw body
    data: bytes  # compressed with COMPRESSION


def pack(body: bytes) -> Packed:
    return Packed(hashlib.sha256(body).hexdigest(), len(body), zlib.compress(body, 6))


def unpack(compression: str | None, data: bytes) -> bytes:
    """The raw body of a `bodies` row (its `compression` and `data`)."""
    return zlib.decompress(data) if compression == COMPRESSION else data
