"""Every recorded article page under tests/fixtures/<site>/ extracts to exactly its stored expected fields."""
from __future__ import annotations

import pytest

from crawler import config as config_module
from definitions import fields
from pipelines.extract import extract

from .support import expected_pages

CONFIG = config_module.load()
FIELDS = fields.NAMES  # every field of the registry (definitions/fields.py) that a page's expectations give
PAGES = list(expected_pages())


@pytest.mark.parametrize("key,path,page,expected", PAGES, ids=[f"{k}{p}" for k, p, _, _ in PAGES])
def test_fixture_page_extracts_exactly(key, path, page, expected):
    if key not in CONFIG.sites:
        pytest.skip(f"fixture site {key} has no entry in config/sites.toml yet")
    site = CONFIG.sites[key]
    article = extract(page.read_bytes(), site.base_url + path, site,
                      hints={"listed_published": expected.get("listed_published")})
    got = article.fields()
    for name in FIELDS:
        if name in expected:
            assert got[name] == expected[name], f"{name} of {path}"
    assert article.fell_back == (expected.get("layer", "site") != "site")


def test_no_boilerplate_survives_in_any_fixture():
    """The site's own boilerplate lines never reach a body (guards fixtures whose expectations were lax)."""
    for key, path, page, expected in PAGES:
        if key not in CONFIG.sites:
            continue
        site = CONFIG.sites[key]
        article = extract(page.read_bytes(), site.base_url + path, site)
        for paragraph in article.paragraphs:
            assert paragraph not in site.boilerplate.lines, (path, paragraph)
            assert not any(p.search(paragraph) for p in site.boilerplate.patterns), (path, paragraph)
