"""Draws the eighteenth held-aside set of real meetings labels (tests/real/meetings/heldout18/) from stored public
pages (the `search` tool's corpus `pages`) of China's state media in English, the genre of heldout15/ and heldout17/,
fresh texts (tests/real/meetings/heldout18/PLAN.md: the queries, the hosts, the exclusions, every candidate taken).
Nothing here runs the meetings extractor.

Input: `heldout18-sources.json` (stored text name -> address, query, rank and, for a second search round, "round")
and the stored texts `texts/sm18-<host>-<page>.txt`, each the tool's excerpt unchanged. The draw is heldout17's
(bench.meetings_sample_sm17.draw, imported, not copied): the texts of the round sorted by name and shuffled with
random.Random(SEED) (SEED + 2 for a second round); taken in that order until 45 (all, if fewer); the first 6
paragraphs (non-empty lines) of each taken text are labelled (ids h18-<n>-<index>, h18b-... for a second round),
every one of them, kind `readout`; title and `published` read as bench.meetings_sample_sm15 reads them. Label
skeletons (events unfilled) are written for a person to fill by reading. Run once per round (2026-12-07):

  python -m bench.meetings_sample_sm18
"""
from __future__ import annotations

import argparse
from pathlib import Path

from bench.meetings_sample_sm17 import draw

SEED = 20261219


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="tests/real/meetings")
    ap.add_argument("--round", type=int, default=1, help="the search round whose texts are drawn (PLAN.md)")
    a = ap.parse_args()
    taken, total = draw(Path(a.out), "heldout18", SEED, a.round)
    print(f"{taken} texts, {total} labelled paragraphs")


if __name__ == "__main__":
    main()
