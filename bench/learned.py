"""Learned-boilerplate benchmark: what learning and applying a site's learned lines costs.

On the recorded article pages of every configured site (tests/fixtures/<site>/, the pages its listings link):
- extraction of every page without learned lines (the baseline) and with its site's learned lines, best of 3:
  the ratio is the cost of the larger line set on every page;
- learning one site's set from 50 pages (visible lines of each page, counted; what a crawl does once at its end),
  against extracting those 50 pages once;
- reading a site's set back from an archive (`pipelines.learning.lines_for`, once per archived page), per call.

Run: python -m bench.learned
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from archive import Archive
from archive import learned as store
from crawler import config as config_module
from gazette_data import recorded_pages
from pipelines.extract import extract
from pipelines.learned import as_boilerplate_lines, learn, page_lines
from pipelines.learning import lines_for


def pages_by_site(config) -> dict[str, list[tuple[str, bytes, dict]]]:
    """Per configured site: (URL, page bytes, expected fields) of each recorded page its listings link."""
    found: dict[str, list] = {}
    for key, path, page, want in recorded_pages():
        if key in config.sites and not path.startswith("/web/") and want.get("listed", True):
            found.setdefault(key, []).append((config.sites[key].base_url + path, page.read_bytes(), want))
    return found


def best(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    config = config_module.load()
    sites = pages_by_site(config)
    learned = {key: as_boilerplate_lines(item.line for item in learn(page_lines(body) for _, body, _ in pages))
               for key, pages in sites.items()}
    count = sum(len(p) for p in sites.values())

    def run(with_learned: bool):
        for key, pages in sites.items():
            for url, body, want in pages:
                extract(body, url, config.sites[key], hints={"listed_published": want.get("listed_published")},
                        learned_lines=learned[key] if with_learned else ())

    run(True)  # warm-up (imports, compiled selectors)
    plain = best(3, lambda: run(False))
    with_lines = best(3, lambda: run(True))
    print(f"extraction of {count} pages: {plain / count * 1000:.2f} ms/page without learned lines, "
          f"{with_lines / count * 1000:.2f} ms/page with them (ratio {with_lines / plain:.3f}); "
          f"learned lines per site: {', '.join(f'{k} {len(v) // 2}' for k, v in learned.items())}")

    key, pages = max(sites.items(), key=lambda item: len(item[1]))
    sample = [pages[i % len(pages)] for i in range(50)]
    learning = best(3, lambda: learn(page_lines(body) for _, body, _ in sample))
    extracting = best(3, lambda: [extract(body, url, config.sites[key]) for url, body, _ in sample])
    print(f"learning {key}'s set from 50 pages: {learning * 1000:.0f} ms, "
          f"{learning / extracting:.2f}x extracting those 50 pages once ({extracting * 1000:.0f} ms)")

    with tempfile.TemporaryDirectory() as tmp, Archive(Path(tmp) / "bench.db") as archive:
        store.replace(archive, key, learn(page_lines(body) for _, body, _ in sample))
        calls = 2000
        read = best(3, lambda: [lines_for(archive, key) for _ in range(calls)])
        print(f"reading a site's learned set back: {read / calls * 1e6:.0f} µs per page "
              f"({read / calls / (plain / count) * 100:.1f}% of a page's extraction)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
