"""pipelines/similarity.py computes datasketch's MinHash values itself (numpy, no scipy import): they must be
exactly datasketch's, so signatures stored by either stay comparable."""
from __future__ import annotations

import random

import pytest

from pipelines import similarity

WORDS = "ambassador province delegation cooperation friendship city governor exchange trade visit".split()


def bodies():
    rng = random.Random(7)
    yield " ".join(rng.choice(WORDS) for _ in range(25))
    yield " ".join(rng.choice(WORDS) for _ in range(2000))
    yield "Lé Yùchéng (乐玉成) met the envoys; " * 10 + "一带一路 cooperation " * 20


def test_signature_is_datasketchs_minhash():
    datasketch = pytest.importorskip("datasketch")
    if not hasattr(datasketch.MinHash(num_perm=2), "scheme"):
        pytest.skip("datasketch < 2 (legacy scheme only)")
    for body in bodies():
        want = datasketch.MinHash(num_perm=similarity.NUM_PERM, seed=similarity.SEED, scheme="affine32")
        want.update_batch(sorted(similarity.shingles(body)))
        assert similarity.signature(body) == [int(v) for v in want.hashvalues]


def test_short_bodies_have_no_signature():
    assert similarity.signature("too short to compare") is None
    assert similarity.signature(None) is None
