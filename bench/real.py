"""Real-page benchmark: Gazette and trafilatura on the real corpus (tests/real/: the ministry's pages byte for byte,
with fields read from the HTML), in the same run.

Per extractor: pages fully right (title, date, every paragraph, captions), paragraphs lost per 1,000 (blocks of the
article container, separators and real captions aside, missing from the body), date accuracy (over the pages that
state a date), title accuracy, pages per second. Gazette reads each page as `gazette fetch` would (the ministry's
site rules, the capture date as its only hint); trafilatura with its defaults and metadata.

Run: python -m bench.real [--repeat N] [--cache DIR]
`--cache DIR`: also count paragraphs lost over every article page of a Scrapy HTTP cache (e.g. the 1,500 pages of
cwang23/china_fm's cache, `git archive`d from the commit named in tests/real/PROVENANCE.md), where no expected
fields exist: only the corpus's own reading of each container.
"""
from __future__ import annotations

import argparse
import ast
import datetime as dt
import logging
import re
import sys
import time
from pathlib import Path

from bench.real_corpus import REAL, article_blocks, pages


def gazette(body: bytes, page: dict, site) -> dict:
    from pipelines.extract import ExtractionError, extract
    try:
        article = extract(body, page["url"], site, hints={"captured": page["fetched_at"]})
    except ExtractionError:
        return {"title": None, "published": None, "paragraphs": [], "captions": []}
    return {"title": article.title, "published": article.published, "paragraphs": article.paragraphs,
            "captions": article.captions}


def gazette_unguarded(body: bytes, page: dict, site) -> dict:
    """Gazette with its completeness guard switched off: what the guard costs."""
    import pipelines.extract as ex
    ex.GUARD = False
    try:
        return gazette(body, page, site)
    finally:
        ex.GUARD = True


def trafilatura_default(body: bytes, page: dict, site) -> dict:
    import trafilatura
    doc = trafilatura.bare_extraction(body, url=page["url"], with_metadata=True)
    if doc is None:
        return {"title": None, "published": None, "paragraphs": [], "captions": []}
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    text = doc.get("text") or ""
    return {"title": doc.get("title"), "published": doc.get("date"),
            "paragraphs": [line.strip() for line in text.split("\n") if line.strip()], "captions": []}


EXTRACTORS = {"gazette": gazette, "gazette, no guard": gazette_unguarded, "trafilatura": trafilatura_default}


def score(corpus: list[tuple[bytes, dict]], extractor, site, repeat: int) -> dict:
    from pipelines.normalise import clean_text
    timings, outputs = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        outputs = [extractor(body, page, site) for body, page in corpus]
        timings.append(time.perf_counter() - started)
    right = blocks = lost = dated = dates = titles = 0
    for (body, page), got in zip(corpus, outputs):
        want = page["expected"]
        kept = {clean_text(p) for p in got["paragraphs"]}
        joined = "\n".join(kept)
        wanted = article_blocks(body.decode("utf-8"), want["captions"])
        missing = [b for b in wanted if b not in kept and b not in joined]
        blocks += len(wanted)
        lost += len(missing)
        title_ok = clean_text(got["title"]) == want["title"]
        date_ok = (got["published"] or "")[:10] == (want["published"] or "") if want["published"] else True
        titles += title_ok
        if want["published"]:
            dated += 1
            dates += date_ok
        right += title_ok and date_ok and not missing and got["captions"] == want["captions"]
    return {"pages": len(corpus), "right": right, "lost_per_1000": 1000 * lost / max(blocks, 1), "lost": lost,
            "blocks": blocks, "date": dates / max(dated, 1), "title": titles / len(corpus),
            "pages_per_s": len(corpus) / min(timings)}


def cache_pages(directory: Path) -> list[tuple[bytes, dict]]:
    """(body, page) of every article page (`…/tNNN.shtml`) in a Scrapy filesystem HTTP cache."""
    found = []
    for meta in sorted(directory.rglob("meta")):
        info = ast.literal_eval(meta.read_text("utf-8"))
        if info.get("status") == 200 and re.search(r"/t\d+\.s?html?$", info["url"]):
            fetched = dt.datetime.fromtimestamp(info["timestamp"], dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            found.append(((meta.parent / "response_body").read_bytes(), {"url": info["url"], "fetched_at": fetched}))
    return found


def lost_in_cache(corpus, site) -> None:
    """Paragraphs lost by each extractor over a whole cache (separators aside; the captions each extractor names)."""
    for name, extractor in EXTRACTORS.items():
        blocks = lost = losing = 0
        for body, page in corpus:
            got = extractor(body, page, site)
            kept = set(got["paragraphs"])
            wanted = article_blocks(body.decode("utf-8", "replace"), got["captions"])
            missing = [b for b in wanted if b not in kept]
            blocks, lost, losing = blocks + len(wanted), lost + len(missing), losing + bool(missing)
        print(f"{name:<17} {lost} of {blocks} blocks lost ({1000 * lost / max(blocks, 1):.1f} per 1,000) "
              f"on {losing} of {len(corpus)} pages")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per extractor (speed is the best)")
    parser.add_argument("--cache", type=Path, help="a Scrapy HTTP cache directory: count lost paragraphs over it too")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    from crawler import config as config_module
    site = config_module.load().sites["mfa"]
    corpus = [((REAL / page["file"]).read_bytes(), page) for page in pages()]
    for body, page in corpus[:3]:  # warm-up: imports and first-call costs
        for extractor in EXTRACTORS.values():
            extractor(body, page, site)
    print(f"real corpus: {len(corpus)} pages of the ministry (tests/real/), ratios against trafilatura in this run")
    print(f"{'extractor':<17} {'fully right':>12} {'lost /1000':>11} {'lost':>10} {'date':>6} {'title':>6} "
          f"{'pages/s':>8} {'speed ratio':>12}")
    results = {name: score(corpus, fn, site, args.repeat) for name, fn in EXTRACTORS.items()}
    base = results["trafilatura"]
    for name, r in results.items():
        print(f"{name:<17} {r['right']:>5} of {r['pages']:<4} {r['lost_per_1000']:>11.1f} "
              f"{r['lost']:>4} of {r['blocks']:<4} {r['date']:>6.3f} {r['title']:>6.3f} {r['pages_per_s']:>8.1f} "
              f"{r['pages_per_s'] / base['pages_per_s']:>12.2f}")
    if args.cache:
        cached = cache_pages(args.cache)
        print(f"\n{args.cache}: {len(cached)} article pages (no expected fields: the container's reading only)")
        lost_in_cache(cached, site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
