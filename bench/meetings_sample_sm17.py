"""Draws the seventeenth held-aside set of real meetings labels (tests/real/meetings/heldout17/) from stored public
pages (the `search` tool's corpus `pages`) of China's state media in English, the genre of heldout15/, fresh texts
(tests/real/meetings/heldout17/PLAN.md: the queries, the hosts, the exclusions, every candidate taken). Nothing here
runs the meetings extractor.

Input: `heldout17-sources.json` (stored text name -> address, query, rank and, for a second search round, "round")
and the stored texts `texts/sm17-<host>-<page>.txt`, each the tool's excerpt unchanged. Paragraphs, title and
`published` are read as bench.meetings_sample_sm15 reads them (non-empty lines; the first line without the tool's
"date YYYY-MM-DD"; that date, else a full date in the address, else the first date line among the first paragraphs).

Draw: the texts of the round sorted by name and shuffled with random.Random(SEED) (SEED + 2 for a second round);
taken in that order until TEXTS (all, if fewer); the first PER_TEXT paragraphs of each taken text are labelled (ids
h17-<n>-<index>, h17b-... for a second round), every one of them (kind `readout`: the labelled paragraphs, joined,
are the body the benchmark gives the extractor). Label skeletons (events unfilled) are written for a person to fill
by reading. Run once per round (2026-12-07):

  python -m bench.meetings_sample_sm17
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

from bench.meetings_sample_sm15 import PER_TEXT, paragraphs, published, title

SEED = 20261218
TEXTS = 45


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="tests/real/meetings")
    ap.add_argument("--round", type=int, default=1, help="the search round whose texts are drawn (PLAN.md)")
    a = ap.parse_args()
    out = Path(a.out)
    sources = json.loads((out / "heldout17-sources.json").read_text("utf-8"))
    order = sorted(n for n in sources if sources[n].get("round", 1) == a.round)
    random.Random(SEED if a.round == 1 else SEED + a.round).shuffle(order)
    prefix = "h17" if a.round == 1 else f"h17{'abcdefgh'[a.round - 1]}"
    (out / "heldout17").mkdir(exist_ok=True)
    total = 0
    for n, name in enumerate(order[:TEXTS]):
        text = (out / "texts" / f"{name}.txt").read_text("utf-8")
        url = sources[name]["url"]
        paras = paragraphs(text)
        label = {"page": f"texts/{name}.txt", "url": url, "title": title(paras), "kind": "readout",
                 "published": published(text, url, paras),
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                 "paragraphs": [{"id": f"{prefix}-{n:02d}-{i}", "index": i, "turn": None, "text": p, "events": None}
                                for i, p in enumerate(paras[:PER_TEXT])]}
        total += len(label["paragraphs"])
        (out / "heldout17" / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                        "utf-8")
    print(f"{min(TEXTS, len(order))} texts, {total} labelled paragraphs")


if __name__ == "__main__":
    main()
