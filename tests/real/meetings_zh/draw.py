"""How fresh.json's texts were drawn (run once, 2026-12-06, before the rules of pipelines/meetings_zh.py were
rewritten and before any rule ran on them): from the Chinese press conferences of the Scrapy cache committed by
cwang23/china_fm (commit 5048bc2) that no other set of this folder uses, shuffled with seed 6120, one paragraph at
random from each of the first N pages that has a paragraph of at most 300 characters naming 会见, 会晤, 会谈,
通电话, 通话, 访问, 访华 or 出席. The body is Gazette's own extraction (pipelines/extract with the mfa-zh config).

fresh2.json was drawn the same way (seed 2412, 60 pages) after fresh.json's run, from pages no earlier set uses;
fresh3.json (seed 3131, 60 pages) after fresh2.json's run and the changes that followed it, likewise;
fresh4.json (seed 4447, 60 pages) after fresh3.json's run, before the next round of rule changes, likewise.

Run: python -m tests.real.meetings_zh.draw CACHE_DIR [N [SEED]]   (CACHE_DIR: the cache's chinafm/ directory,
extracted with `git archive`); prints the unlabelled items as JSON. The events were then written by hand, reading
each text. Each seed excludes the pages of the sets drawn before it (EXCLUDED).
"""
from __future__ import annotations

import ast
import json
import random
import re
import sys
from pathlib import Path

from crawler import config as config_module
from pipelines.extract import ExtractionError, extract

HERE = Path(__file__).resolve().parent
SETS = ("labels", "heldout", "test", "test2", "test3")
TRIGGER = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华|出席")
SEED = 6120


EXCLUDED = {SEED: SETS, 2412: SETS + ("fresh",), 3131: SETS + ("fresh", "fresh2"),
            4447: SETS + ("fresh", "fresh2", "fresh3")}   # seed: the sets it avoids


def used_urls(seed: int = SEED) -> set[str]:
    sets = EXCLUDED.get(seed, SETS + ("fresh", "fresh2", "fresh3"))
    return {item.get("url") for name in sets for item in json.loads((HERE / f"{name}.json").read_text("utf-8"))["items"]}


def draw(cache: Path, n: int, seed: int = SEED) -> list[dict]:
    config = config_module.load()
    used = used_urls(seed)
    metas = []
    for meta in sorted(cache.glob("*/*/meta")):
        info = ast.literal_eval(meta.read_text())
        if info.get("status") == 200 and re.search(r"/web/.*/t\d+\.shtml$", info["url"]) and info["url"] not in used:
            metas.append((meta, info["url"]))
    rng = random.Random(seed)
    rng.shuffle(metas)
    out = []
    for meta, url in metas:
        try:
            art = extract((meta.parent / "response_body").read_bytes(), url, config.site_for_url(url))
        except ExtractionError:
            continue
        fields = art.fields()
        paragraphs = [p.strip() for p in (fields.get("body") or "").split("\n") if p.strip()]
        candidates = [p for p in paragraphs if TRIGGER.search(p) and len(p) <= 300]
        if not candidates:
            continue
        out.append({"source": "press conference paragraph", "url": url, "published": (fields.get("published") or "")[:10],
                    "title": fields.get("title"), "cache_folder": str(meta.parent).split("httpcache/")[-1].join(
                        ["chinafm_scraper/.scrapy/httpcache/", ""]), "text": rng.choice(candidates), "events": None})
        if len(out) >= n:
            break
    return out


if __name__ == "__main__":
    print(json.dumps(draw(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 50,
                          int(sys.argv[3]) if len(sys.argv) > 3 else SEED), ensure_ascii=False, indent=1))
