"""Pages fully right: every recorded fixture page and its template mutations (tests/mutations.py), extracted and
compared field by field with the page's expected fields (all of title, published, byline, source, translator,
editor, body, captions, language that the expectation names).

Run: python -m bench.mutations [-v]   (-v lists each page that is not fully right and the fields that differ)
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("title", "published", "byline", "source", "translator", "editor", "body", "captions", "language")


def wrong_fields(extract, page: bytes, url: str, site, expected: dict) -> list[str]:
    from pipelines.extract import ExtractionError
    try:
        got = extract(page, url, site, hints={"listed_published": expected.get("listed_published")}).fields()
    except ExtractionError as exc:
        return [f"no article ({exc})"]
    return [name for name in FIELDS if name in expected and got.get(name) != expected[name]]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import logging
    logging.disable(logging.WARNING)
    from crawler import config as config_module
    from pipelines.extract import extract
    from tests.mutations import MUTATIONS
    from tests.support import expected_pages
    config = config_module.load()
    right, total = Counter(), Counter()
    for key, path, page_file, expected in expected_pages():
        if key not in config.sites:
            continue
        site = config.sites[key]
        url = site.base_url + path
        original = page_file.read_bytes()
        variants = [("original", original)] + [(name, fn(original, expected)) for name, fn in MUTATIONS.items()]
        for name, page in variants:
            if page is None:
                continue
            wrong = wrong_fields(extract, page, url, site, expected)
            total[name] += 1
            right[name] += not wrong
            if wrong and args.verbose:
                print(f"  {name:<18} {key}{path}: {', '.join(wrong)}")
    print(f"{'variant':<18} {'right':>6} {'pages':>6}")
    for name in total:
        print(f"{name:<18} {right[name]:>6} {total[name]:>6}")
    print(f"{'all':<18} {sum(right.values()):>6} {sum(total.values()):>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
