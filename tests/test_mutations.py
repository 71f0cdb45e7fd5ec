"""Template mutations: every recorded fixture page, transformed in ways that keep its meaning (tests/mutations.py),
extracts to the same expected fields as the page itself (the layer may differ: a renamed class is a fallback).

`python -m tests.test_mutations [-v]` prints how many pages, recorded and mutated, come out fully right (every
expected field equal), per mutation; -v names each page that does not and its wrong fields.
"""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler import config as config_module
from definitions import fields
from pipelines.charset import decode
from pipelines.extract import ExtractionError, extract

from . import mutations
from .support import expected_pages

CONFIG = config_module.load()
FIELDS = tuple(n for n in fields.NAMES if n not in ("layer", "removed", "restored"))  # what a reader sees
CASES = [(key, path, page, expected, name) for key, path, page, expected in expected_pages() if key in CONFIG.sites
         for name in mutations.MUTATIONS]


@pytest.mark.parametrize("key,path,page,expected,mutation", CASES,
                         ids=[f"{m}:{k}{p}" for k, p, _, _, m in CASES])
def test_mutated_page_gives_the_expected_fields(key, path, page, expected, mutation):
    mutated = mutations.MUTATIONS[mutation](page.read_bytes(), expected)
    if mutated is None:
        pytest.skip(f"{mutation} does not apply (nothing of it on this page)")
    site = CONFIG.sites[key]
    article = extract(mutated, site.base_url + path, site, hints={"listed_published": expected.get("listed_published")})
    got = article.fields()
    for name in FIELDS:
        if name in expected:
            assert got[name] == expected[name], f"{name} of {mutation}({path})"


def _page(key_path: str) -> tuple[bytes, dict]:
    key, path, page, expected = next(p for p in expected_pages() if p[0] + p[1] == key_path)
    return page.read_bytes(), expected


def test_mutations_change_what_they_say():
    """Each mutation really changes the markup it names (a no-op would make the test above pass vacuously)."""
    page, expected = _page("hunan/hneng/imgnews/202004/t20200403_1234567.html")
    renamed = mutations.rename_classes(page, expected).decode()
    assert 'class="TRS_Editor"' not in renamed and 'id="zoom"' not in renamed and 'class="article-title"' not in renamed
    assert 'class="TRS_Editor"' in page.decode()
    broken = mutations.paragraphs_to_br(page, expected).decode()
    assert broken.count("<br><br>") >= 8 and "text-indent: 2em" not in broken
    centred = mutations.captions_centred(page, expected).decode()
    assert 'class="pic_txt"' not in centred and '<p align="center">Xu Dazhe' in centred
    for name in ("footer_inside", "cookie_inside"):
        tree = lxml_html.document_fromstring(getattr(mutations, name)(page, expected).decode())
        body = mutations.container(tree, expected)
        assert "Copyright ©" in body.text_content() or "use of cookies" in body.text_content()
    gbk = mutations.gbk_meta_only(page, expected)
    assert b"charset=gbk" in gbk and b"utf-8" not in gbk.lower()
    assert decode(gbk)[0].count("Xu Dazhe") == decode(page)[0].count("Xu Dazhe")
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    table = mutations.wrap_in_table(page, expected).decode()
    assert table.count("<td") == page.decode().count("<td") + 2


def wrong_fields(page: bytes, url: str, site, expected: dict) -> list[str]:
    """The expected fields the page does not give (or why it gives no article)."""
    try:
        got = extract(page, url, site, hints={"listed_published": expected.get("listed_published")}).fields()
    except ExtractionError as exc:
        return [f"no article ({exc})"]
    return [name for name in FIELDS if name in expected and got.get(name) != expected[name]]


def report(verbose: bool = False) -> tuple[int, int]:
    """Print pages fully right per variant (the recorded page and each mutation); return (right, total)."""
    from collections import Counter
    right, total = Counter(), Counter()
    for key, path, page_file, expected in expected_pages():
        if key not in CONFIG.sites:
            continue
        site = CONFIG.sites[key]
        original = page_file.read_bytes()
        variants = [("original", original)] + [(n, f(original, expected)) for n, f in mutations.MUTATIONS.items()]
        for name, page in variants:
            if page is None:
                continue
            wrong = wrong_fields(page, site.base_url + path, site, expected)
            total[name] += 1
            right[name] += not wrong
            if wrong and verbose:
                print(f"  {name:<18} {key}{path}: {', '.join(wrong)}")
    print(f"{'variant':<18} {'right':>6} {'pages':>6}")
    for name in total:
        print(f"{name:<18} {right[name]:>6} {total[name]:>6}")
    print(f"{'all':<18} {sum(right.values()):>6} {sum(total.values()):>6}")
    return sum(right.values()), sum(total.values())


if __name__ == "__main__":
    import logging
    import sys
    logging.disable(logging.WARNING)
    report("-v" in sys.argv[1:])
