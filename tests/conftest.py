"""Shared pytest fixtures: loopback mirrors of recorded sites, a config pointed at them, a temporary archive."""
from __future__ import annotations

import pytest

from crawler.demo.mirror import Mirror

from .support import site_mirror, write_config


@pytest.fixture
def mirrors():
    """Factory: mirrors("mfa") starts a loopback mirror of tests/fixtures/mfa; all are closed after the test."""
    started: list[Mirror] = []

    def start(key: str | None = None) -> Mirror:
        mirror = site_mirror(key) if key else Mirror()
        started.append(mirror)
        return mirror

    yield start
    for mirror in started:
        mirror.close()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "archive" / "gazette.db"


@pytest.fixture
def mirrored_config(tmp_path):
    """Factory: mirrored_config({"mfa": mirror}, **defaults) writes a config dir and returns its path."""
    def make(sites: dict, raw: dict | None = None, **defaults):
        return write_config(tmp_path / "config", sites, raw, **defaults)
    return make
