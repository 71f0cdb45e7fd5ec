"""Real pages of the ministry (tests/real/, byte for byte from a public Scrapy cache; PROVENANCE.md): no paragraph is
lost, and titles, dates and captions are what the HTML says.

The expected fields (tests/real/expected.json) were read from the HTML, not from Gazette: a plain regex reading of
each page's article container (every <P>, and every <BR>-separated line, as a block), 23 of them compared with the
raw HTML by eye. A page passes only when every block of that reading is in the body, or is a separator line, or
one of the page's real captions; and Gazette's own completeness guard had nothing to put back.
"""
from __future__ import annotations

import pytest

from bench.real_corpus import REAL, article_blocks, pages
from crawler import config as config_module
from pipelines.extract import extract

PAGES = pages()
SITE = config_module.load().sites["mfa"]


def read(page: dict):
    body = (REAL / page["file"]).read_bytes()
    return body, extract(body, page["url"], SITE, hints={"captured": page["fetched_at"]})


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_no_paragraph_is_lost(page):
    body, article = read(page)
    want = page["expected"]
    paragraphs = set(article.paragraphs)
    lost = [block for block in article_blocks(body.decode("utf-8"), want["captions"]) if block not in paragraphs]
    assert lost == [], f"{len(lost)} block(s) of the article container missing from the body"
    assert article.captions == want["captions"]
    assert article.restored == [], "the completeness guard had to put paragraphs back"
    assert len(article.paragraphs) == want["paragraphs"]
    assert (article.paragraphs[0], article.paragraphs[-1]) == (want["first"], want["last"])
    removed = [r for r in article.removed if not r["rule"].startswith("caption")]
    assert [r["rule"] for r in removed] == ["separator line"] * want["separators"]


@pytest.mark.parametrize("page", PAGES, ids=[p["file"] for p in PAGES])
def test_title_and_date_as_the_page_states_them(page):
    _, article = read(page)
    want = page["expected"]
    assert article.title == want["title"]
    assert article.published == want["published"]
    if want["published"] is None:  # nothing states a date: none is made up from a number in the text
        assert "no date found" in article.warnings
