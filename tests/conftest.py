"""Shared pytest fixtures: loopback mirrors of recorded sites, a config pointed at them, a temporary archive; and the
order of the test files: the longest first, so that with `-n auto --dist loadfile` no long file is left to run alone
at the end (xdist's own order is by number of tests: the one-test scrapyd file, ~30 s, came last)."""
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


# Seconds each of the longer test files took in a full run on the project's 2 cores (load ~4; after the cuts of
# the suite's waits), only to order them: a file missing here counts as short. Stale figures cost a few seconds.
FILE_SECONDS = {
    "test_addsite.py": 150, "test_import.py": 115, "test_faults.py": 95, "test_bad_input.py": 80,
    "test_crawl.py": 71, "test_schedule.py": 70, "test_serve.py": 65, "test_history.py": 48, "test_hostile.py": 42,
    "test_install.py": 40, "test_scrapyd.py": 32, "test_real_listings.py": 31, "test_demo.py": 31,
    "test_fetch.py": 26, "test_check.py": 19, "test_conditional.py": 18, "test_backfill.py": 18,
    "test_learned.py": 17, "test_meetings_archive.py": 16, "test_status.py": 16, "test_big_inputs.py": 15,
    "test_mentions_archive.py": 14, "test_config.py": 13, "test_meetings_real.py": 11,
    "test_meetings_datasette.py": 10, "test_scrapy_project.py": 9, "test_pairing.py": 9, "test_config_dir.py": 7,
}


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):  # pytest-xdist: keep the order below, not its count of tests
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items):
    """The longest files first (a stable sort: each file's tests stay together and in their order)."""
    items.sort(key=lambda item: -FILE_SECONDS.get(item.path.name, 0))
