"""How long each page holds the archive's write lock: the two-step write path against the old one-step path.

Every recorded fixture article page (and, to weigh the generic layer, each page again under a site whose selectors
match nothing) is archived twice into fresh archives in this process: once as Gazette does now (pure `decide`
outside any transaction, then `apply` in one short BEGIN IMMEDIATE transaction) and once as the baseline did
(extraction, tagging and MinHash inside the transaction). It prints per page the time the write lock is held
and the ratio between the two; while the lock is held, another crawl or fetch cannot write.

Run: python -m bench.write_path [--rounds 3]
"""
from __future__ import annotations

import argparse
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path

from archive import Archive
from bench.archive_size import fixture_items
from crawler import config as config_module
from pipelines.decide import decide
from pipelines.record import apply


def pages(config) -> list[tuple[str, object, dict]]:
    """(layer, site rules, page item) for each fixture article: as configured, then with selectors that miss."""
    found = []
    for item in fixture_items(config):
        if item["headers"]["Content-Type"] != "text/html":
            continue
        site = config.sites[item["site"]]
        found.append(("site", site, item))
        found.append(("generic", dataclasses.replace(site, selectors={}), item))
    return found


def run(path: Path, work, config, inside: bool) -> dict[str, list[float]]:
    held: dict[str, list[float]] = {"site": [], "generic": []}
    with Archive(path) as archive:
        for kind, site, item in work:
            if inside:  # baseline: everything under the write lock
                t0 = time.perf_counter()
                with archive.transaction():
                    apply(archive, decide(item, site, config.taggers), item)
                held[kind].append(time.perf_counter() - t0)
            else:
                decision = decide(item, site, config.taggers)
                t0 = time.perf_counter()
                apply(archive, decision, item)
                held[kind].append(time.perf_counter() - t0)
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    config = config_module.load()
    work = pages(config)
    results = {True: {"site": [], "generic": []}, False: {"site": [], "generic": []}}
    with tempfile.TemporaryDirectory(prefix="gazette-write-") as tmp:
        for n in range(args.rounds):
            for inside in (True, False):
                held = run(Path(tmp) / f"{n}-{inside}.db", work, config, inside)
                for kind, times in held.items():
                    results[inside][kind].extend(times)
    print(f"{len(work) // 2} fixture pages x 2 layers x {args.rounds} rounds; write lock held per page (median):")
    for kind in ("site", "generic"):
        before = statistics.median(results[True][kind]) * 1000
        after = statistics.median(results[False][kind]) * 1000
        print(f"  {kind:<8} layer: one-step {before:6.2f} ms   two-step {after:6.2f} ms   "
              f"ratio {after / before:.2f}x")


if __name__ == "__main__":
    main()
