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


def draw(out: Path, name: str, seed: int, round_: int = 1, texts: int = TEXTS) -> tuple[int, int]:
    """Draws set `name` (tests/real/meetings/<name>/) from `<name>-sources.json` and the stored texts as the module
    docstring says, with `seed` (seed + round for a later round) and ids `h<n>-...` from the set's number; returns
    the texts taken and the paragraphs labelled. heldout18/ (bench.meetings_sample_sm18) is drawn by this too."""
    sources = json.loads((out / f"{name}-sources.json").read_text("utf-8"))
    order = sorted(n for n in sources if sources[n].get("round", 1) == round_)
    random.Random(seed if round_ == 1 else seed + round_).shuffle(order)
    number = name.removeprefix("heldout")
    prefix = f"h{number}" if round_ == 1 else f"h{number}{'abcdefgh'[round_ - 1]}"
    (out / name).mkdir(exist_ok=True)
    total = 0
    for n, text_name in enumerate(order[:texts]):
        text = (out / "texts" / f"{text_name}.txt").read_text("utf-8")
        url = sources[text_name]["url"]
        paras = paragraphs(text)
        label = {"page": f"texts/{text_name}.txt", "url": url, "title": title(paras), "kind": "readout",
                 "published": published(text, url, paras),
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                 "paragraphs": [{"id": f"{prefix}-{n:02d}-{i}", "index": i, "turn": None, "text": p, "events": None}
                                for i, p in enumerate(paras[:PER_TEXT])]}
        total += len(label["paragraphs"])
        (out / name / f"{text_name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                       "utf-8")
    return min(texts, len(order)), total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="tests/real/meetings")
    ap.add_argument("--round", type=int, default=1, help="the search round whose texts are drawn (PLAN.md)")
    a = ap.parse_args()
    taken, total = draw(Path(a.out), "heldout17", SEED, a.round)
    print(f"{taken} texts, {total} labelled paragraphs")


if __name__ == "__main__":
    main()
