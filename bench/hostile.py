"""Hostile-page benchmark: how the time to decide one page (decode, extract, tag, sign) grows with the page.

Pages of 5,000 to 40,000 short paragraphs (0.9 to 7.5 MB, the 40,000-paragraph page of issue 20) go through
pipelines/decide.decide, in one process: first as Gazette runs (the taggers and the near-duplicate signature
read at most decide.TAGGED_CHARS of the body), then as baseline with that bound lifted (the taggers read the
whole body, as before issue 20). Printed per size: seconds, and the ratios that matter: time growth against size
growth (1.0 = linear), and bounded / unbounded.

Run: python -m bench.hostile [--sizes 5000,10000,20000,40000]
"""
from __future__ import annotations

import argparse
import time

from crawler import config as config_module
from crawler.demo.generated import PAGE
from pipelines import decide as decide_module

URL = "https://www.fmprc.gov.cn/eng/xw/wjbxw/202405/t20240515_11305672.html"


def page(n: int) -> dict:
    paragraphs = "".join(
        f"<p>Item {i}: the ambassador met the governor of the province in the capital for talks on trade and culture "
        f"between the two sides, in the year of friendship and exchange, paragraph number {i} of the page.</p>\n"
        for i in range(n))
    body = PAGE.format(title="A very long page", date="2024-05-15", paragraphs=paragraphs).encode("utf-8")
    return {"url": URL, "final_url": URL, "status": 200, "headers": {"Content-Type": "text/html; charset=utf-8"},
            "body": body, "hints": {}}


def timed(pages: dict, config, site) -> dict:
    seconds = {}
    for n, item in pages.items():
        started = time.perf_counter()
        decision = decide_module.decide(item, site, config.taggers)
        seconds[n] = time.perf_counter() - started
        assert decision.error is None and decision.record["body"].count("\n\n") == n - 1, decision.error
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,20000,40000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    config = config_module.load()
    site = config.sites["mfa"]
    pages = {n: page(n) for n in sizes}
    decide_module.decide(pages[sizes[0]], site, config.taggers)  # warm: gazetteers and rules loaded once
    bounded = timed(pages, config, site)
    kept = decide_module.TAGGED_CHARS
    decide_module.TAGGED_CHARS = 10 ** 12  # the baseline: taggers read the whole body
    try:
        unbounded = timed(pages, config, site)
    finally:
        decide_module.TAGGED_CHARS = kept
    first = sizes[0]
    print(f"{'paragraphs':>10} {'MB':>5} {'bounded s':>10} {'growth/size':>12} {'unbounded s':>12} "
          f"{'growth/size':>12} {'bounded/unbounded':>18}")
    for n in sizes:
        mb = len(pages[n]["body"]) / 1e6
        size_growth = len(pages[n]["body"]) / len(pages[first]["body"])
        print(f"{n:>10} {mb:>5.1f} {bounded[n]:>10.2f} {bounded[n] / bounded[first] / size_growth:>12.2f} "
              f"{unbounded[n]:>12.2f} {unbounded[n] / unbounded[first] / size_growth:>12.2f} "
              f"{bounded[n] / unbounded[n]:>18.2f}")


if __name__ == "__main__":
    main()
