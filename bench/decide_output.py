"""Does a speed change leave `decide` saying the same? Record its whole output on a fixed set of pages, then compare
two records: `python -m bench.decide_output before.pkl` on the old code, the same with `after.pkl` on the new, then
`python -m bench.decide_output --compare before.pkl after.pkl` (exit 1 and the first differences when they differ).

The pages: the recorded fixtures' article pages (bench.import's default corpus, each once), the real press
conferences of the china_fm cache (bench.pairing's, or `--cache DIR`) and the pages of the extraction benchmark
(`--data DIR`, read as pages of no configured site). For each: the refusal, the whole record (fields, mentions,
meetings), the MinHash values and band keys, and the digest of the packed body.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import pickle
import sys
from pathlib import Path

from bench.extraction import DEFAULT_DATA, benchmark_pages
from crawler import config as config_module
from pipelines.decide import decide


def outputs(cache: str | None, data: Path) -> dict[str, tuple]:
    """url -> what decide says of the page."""
    corpus = importlib.import_module("bench.import")  # (a module named as its issue asks: `import` is a keyword)
    config = config_module.load()
    pages = [(p["url"], p["body"], config.sites[p["site"]]) for p in corpus.article_pages(config)]
    pages += [(p["url"], p["body"], config.sites[p["site"]]) for p in corpus.real_pages(config, cache)]
    pages += [(url, body, site) for body, url, site, _ in benchmark_pages(data, config)]
    found = {}
    for url, body, site in pages:
        d = decide({"url": url, "final_url": url, "status": 200, "headers": {"Content-Type": "text/html"},
                    "body": body, "site": site.key, "hints": {}, "fetched_at": "2020-01-01T00:00:00Z",
                    "error": None}, site, config.taggers)
        signature = (d.signature.method, list(d.signature.values), list(d.signature.band_keys)) if d.signature else None
        packed = hashlib.sha256(d.packed.data).hexdigest() if d.packed else None
        found[url] = (d.error, d.gone, json.dumps(d.record, sort_keys=True, default=str), signature, packed)
    return found


def compare(before: dict, after: dict) -> list[str]:
    """The URLs whose output differs (or that one side lacks)."""
    return [u for u in before if before[u] != after.get(u)] + [u for u in after if u not in before]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="OUT.pkl, or with --compare: BEFORE.pkl AFTER.pkl")
    parser.add_argument("--compare", action="store_true", help="compare two records instead of making one")
    parser.add_argument("--cache", help="the china_fm cache folder (default: from its mirror)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="article-extraction-benchmark directory")
    args = parser.parse_args()
    if not args.compare:
        found = outputs(args.cache, args.data)
        args.files[0].write_bytes(pickle.dumps(found))
        print(f"{len(found)} pages recorded in {args.files[0]}")
        return 0
    before, after = (pickle.loads(path.read_bytes()) for path in args.files[:2])
    differ = compare(before, after)
    print(f"{len(before)} pages; {len(differ)} differ")
    for url in differ[:10]:
        print(f"  {url}")
        for part, (old, new) in enumerate(zip(before.get(url, ()), after.get(url, ()))):
            if old != new:
                print(f"    part {part}: {str(old)[:300]}\n    now:    {str(new)[:300]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
