"""Draws the sixteenth held-aside set of real meetings labels (tests/real/meetings/heldout16/) from stored public
pages (the `search` tool's corpus `pages`) of issue 26's own kinds of text: the ministry's English activity readouts
and Chinese provincial and city governments' (and their foreign affairs offices') English news of meetings with
foreign sides (tests/real/meetings/heldout16/PLAN.md: the queries, the hosts, every candidate taken). Nothing here
runs the meetings extractor.

Input: `heldout16-sources.json` (stored text name -> address, query, rank and round) and the stored texts
`texts/h16-<host>-<page>.txt`, each the tool's excerpt unchanged. A text's paragraphs are its non-empty lines
(stripped); its title is its first paragraph; `published` is a full date in the address (/2019/7/5/, /2020-01/17/,
t20191224_, content-20171122...), else the first date line among its paragraphs ("2018-08-28 10:35:06",
"Date: 2022-11-23", "Updated: May 21, 2024"), else none.

Draw: the texts sorted by name and shuffled with random.Random(SEED); taken in that order until TEXTS (all, if
fewer); every paragraph of each taken text is labelled (PER_TEXT None; PLAN.md) (ids h16-<n>-<index>), every one of them, the
readout convention of heldout2/ (kind `readout`). Label skeletons (events unfilled) are written for a person to fill by
reading. The second search round's texts (`"round": 2`) are drawn apart, with `--round 2` (random.Random(SEED + 2),
ids h16b-...). Each round run once (2026-12-07):

  python -m bench.meetings_sample_h16
  python -m bench.meetings_sample_h16 --round 2
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from datetime import datetime
from pathlib import Path

SEED = 20261217
TEXTS = 30
PER_TEXT = None  # every paragraph (PLAN.md: changed from 4 before the draw)
ADDRESS_DATES = (re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})/"), re.compile(r"/(\d{4})-(\d{2})/(\d{2})/"),
                 re.compile(r"/t(\d{4})(\d{2})(\d{2})_"), re.compile(r"content-(\d{4})(\d{2})(\d{2})\d{6}"))
LINE_DATES = ((re.compile(r"\b(\d{4}-\d{2}-\d{2})\b"), "%Y-%m-%d"),
              (re.compile(r"\b([A-Z][a-z]+ \d{1,2}, \d{4})\b"), "%B %d, %Y"),
              (re.compile(r"\b([A-Z][a-z]{2} \d{1,2}, \d{4})\b"), "%b %d, %Y"))


def paragraphs(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def published(url: str, paras: list[str]) -> str | None:
    for pattern in ADDRESS_DATES:
        a = pattern.search(url)
        if a:
            try:
                return datetime(int(a.group(1)), int(a.group(2)), int(a.group(3))).date().isoformat()
            except ValueError:
                continue
    for line in paras:
        for pattern, fmt in LINE_DATES:
            d = pattern.search(line)
            if d:
                try:
                    return datetime.strptime(d.group(1), fmt).date().isoformat()
                except ValueError:
                    continue
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="tests/real/meetings")
    ap.add_argument("--round", type=int, default=1, help="the search round whose texts are drawn (PLAN.md)")
    a = ap.parse_args()
    out = Path(a.out)
    sources = json.loads((out / "heldout16-sources.json").read_text("utf-8"))
    order = sorted(n for n in sources if sources[n].get("round", 1) == a.round)
    random.Random(SEED if a.round == 1 else SEED + a.round).shuffle(order)
    prefix = "h16" if a.round == 1 else f"h16{'abcdefgh'[a.round - 1]}"
    total = 0
    for n, name in enumerate(order[:TEXTS]):
        text = (out / "texts" / f"{name}.txt").read_text("utf-8")
        url = sources[name]["url"]
        paras = paragraphs(text)
        label = {"page": f"texts/{name}.txt", "url": url, "title": paras[0] if paras else "", "kind": "readout",
                 "published": published(url, paras),
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                 "paragraphs": [{"id": f"{prefix}-{n:02d}-{i}", "index": i, "turn": None, "text": p, "events": None}
                                for i, p in enumerate(paras[:PER_TEXT])]}
        total += len(label["paragraphs"])
        (out / "heldout16" / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                        "utf-8")
    print(f"{min(TEXTS, len(order))} texts, {total} labelled paragraphs")


if __name__ == "__main__":
    main()
