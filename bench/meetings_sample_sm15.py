"""Draws the fifteenth held-aside set of real meetings labels (tests/real/meetings/heldout15/) from stored public
pages (the `search` tool's corpus `pages`) of China's state media in English: Xinhua dispatches as People's Daily
Online, China Daily, China.org.cn, CRI and CGTN publish them, and the Global Times (tests/real/meetings/heldout15/
PLAN.md: the queries, the hosts, every candidate taken). Nothing here runs the meetings extractor.

Input: `heldout15-sources.json` (stored text name -> address, query and rank) and the stored texts
`texts/sm15-<host>-<page>.txt`, each the tool's excerpt unchanged. A text's paragraphs are its non-empty lines
(stripped); its title is its first paragraph without the tool's leading "date YYYY-MM-DD"; `published` is that date,
else a full date in the address (/2023/0415/, /2016-01/07/, /200007/12/, /20191106/, /2020-05-25/), else the first
date line among its first paragraphs ("Updated: 2012-12-21", "12:50, August 18, 2011", "Xinhua, October 11, 2013",
"Published: Oct 28, 2023"), else none.

Draw: the texts sorted by name and shuffled with random.Random(SEED); taken in that order until TEXTS (all, if
fewer); the first PER_TEXT paragraphs of each taken text are labelled (ids h15-<n>-<index>), every one of them, the
readout convention of heldout2/ (kind `readout`: the labelled paragraphs, joined, are the body the benchmark gives the
extractor). Label skeletons (events unfilled) are written for a person to fill by reading. A second search round's
texts (`"round": 2` in the sources) are drawn apart, with `--round 2` (random.Random(SEED + 2), ids h15b-...), leaving
the first round's labels untouched. Each round run once (2026-12-07):

  python -m bench.meetings_sample_sm15
  python -m bench.meetings_sample_sm15 --round 2
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from datetime import datetime
from pathlib import Path

SEED = 20261216
TEXTS = 40
PER_TEXT = 6
TOOL_DATE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2}) ")
ADDRESS_DATES = (re.compile(r"/(\d{4})/(\d{2})(\d{2})/"), re.compile(r"/(\d{4})-(\d{2})/(\d{2})/"),
                 re.compile(r"/(\d{4})(\d{2})/(\d{2})/"), re.compile(r"/(\d{4})(\d{2})(\d{2})/"),
                 re.compile(r"/(\d{4})-(\d{2})-(\d{2})/"))
LINE_DATES = ((re.compile(r"\b(\d{4}-\d{2}-\d{2})\b"), "%Y-%m-%d"),
              (re.compile(r"\b([A-Z][a-z]+ \d{1,2}, \d{4})\b"), "%B %d, %Y"),
              (re.compile(r"\b([A-Z][a-z]{2} \d{1,2}, \d{4})\b"), "%b %d, %Y"))


def paragraphs(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def title(paras: list[str]) -> str:
    return TOOL_DATE.sub("", paras[0]).strip() if paras else ""


def published(text: str, url: str, paras: list[str]) -> str | None:
    m = TOOL_DATE.match(text)
    if m:
        return m.group(1)
    for pattern in ADDRESS_DATES:
        a = pattern.search(url)
        if a:
            try:
                return datetime(int(a.group(1)), int(a.group(2)), int(a.group(3))).date().isoformat()
            except ValueError:
                continue
    for line in paras[:PER_TEXT]:
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
    sources = json.loads((out / "heldout15-sources.json").read_text("utf-8"))
    order = sorted(n for n in sources if sources[n].get("round", 1) == a.round)
    random.Random(SEED if a.round == 1 else SEED + a.round).shuffle(order)
    prefix = "h15" if a.round == 1 else f"h15{'abcdefgh'[a.round - 1]}"
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
        (out / "heldout15" / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                        "utf-8")
    print(f"{min(TEXTS, len(order))} texts, {total} labelled paragraphs")


if __name__ == "__main__":
    main()
