"""Draws the fourteenth held-aside set of real meetings labels (tests/real/meetings/heldout14/) from stored public
pages (the `search` tool's corpus `pages`) of the ministry's English regular press conferences of 2024-2025, as the
ministry and its embassies and consulates publish them, and two of the ministry's readouts of 2024-2025
(tests/real/meetings/heldout14/PLAN.md: the queries, the criteria, every candidate taken). Nothing here runs the meetings
extractor: paragraphs are chosen by the plain word patterns of bench.meetings_sample.

Input: `heldout14-sources.json` (first `heldout14/sources.json`, moved after the draw so that the
benchmark reads only label files there) (stored text name -> address) and the stored texts `texts/pc14-<date>.txt` (press
conferences) and `texts/rd14-<date>-<page id>.txt` (readouts), each the tool's text unchanged. A text's paragraphs are
its blocks between blank lines after the page's furniture, headline and date line (the block holding the headline, and
a date or "Updated:" line right after it). A press conference paragraph is a journalist's `question` when it opens with
an outlet's name and a colon, an `answer` when it opens with the spokesperson's name (or continues the turn before),
`opening` before the first question.

Press conferences: sorted by name and shuffled with random.Random(SEED); stratum "dated" (ids h14d000...): in that
order every paragraph that is not a question with a meeting verb and a day word (MEETING_VERB, DAY_WORD); stratum
"word" (ids h14000...): the same order, random.Random(SEED + 1), up to PER_PAGE more paragraphs per conference with a
meeting word, until WANT paragraphs in all. Readouts: every paragraph (ids h14r...), the readout convention of
heldout2/. Label skeletons (events unfilled) are written for a person to fill by reading. Run once (2026-12-07):

  python -m bench.meetings_sample_pc14
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

from bench.meetings_sample import DAY_WORD, MEETING_VERB, MEETING_WORD

SEED = 20261214
PER_PAGE = 2
WANT = 50
DATE_LINE = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}|Updated: .*)$")
TURN = re.compile(r"^([A-Z][^:.,\n]{1,45}): ")
SPOKESPERSONS = {"Lin Jian", "Mao Ning", "Guo Jiakun", "Wang Wenbin"}


def paragraphs(text: str) -> tuple[str, list[str]]:
    """(headline, paragraphs) of a stored text."""
    blocks = [b.strip() for b in text.split("\n\n")]
    head = next(i for i, b in enumerate(blocks) if "Regular Press Conference on" in b or "\nUpdated:" in b
                or b.startswith("Updated:"))
    lines = blocks[head].split("\n")
    headline = next((ln for ln in lines if "Regular Press Conference on" in ln), None)
    if headline is None:  # a readout: the line before "Updated:"
        k = next(i for i, ln in enumerate(lines) if ln.startswith("Updated:"))
        headline = lines[k - 1]
    start = head + 1
    if start < len(blocks) and DATE_LINE.match(blocks[start]):
        start += 1
    return headline.strip(), [b for b in blocks[start:] if b]


def turns(paras: list[str]) -> list[str]:
    out, asked, last = [], False, "opening"
    for p in paras:
        m = TURN.match(p)
        if m and m.group(1) not in SPOKESPERSONS:
            asked, last = True, "question"
        elif m:
            last = "answer" if asked else "opening"
        out.append(last)
    return out


def published(headline: str, text: str) -> str:
    m = re.search(r"(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}", text)
    if m:
        return m.group(1)
    from datetime import datetime
    m2 = re.search(r"on (\w+ \d{1,2}, \d{4})", headline) or re.search(r"Updated: (\w+ \d{1,2}, \d{4})", text)
    assert m2, headline
    return datetime.strptime(m2.group(1), "%B %d, %Y").date().isoformat()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="tests/real/meetings")
    a = ap.parse_args()
    out = Path(a.out)
    sources = json.loads((out / "heldout14-sources.json").read_text("utf-8"))
    labels: dict[str, dict] = {}
    paras: dict[str, list[tuple[str, str]]] = {}
    for name, url in sorted(sources.items()):
        text = (out / "texts" / f"{name}.txt").read_text("utf-8")
        headline, ps = paragraphs(text)
        conference = name.startswith("pc14-")
        label = {"page": f"texts/{name}.txt", "url": url, "title": headline,
                 "kind": "press_conference" if conference else "readout", "published": published(headline, text),
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "paragraphs": []}
        if conference:
            label = {"page": label["page"], "body": "page", **{k: v for k, v in label.items() if k != "page"}}
            paras[name] = list(zip(turns(ps), ps))
        else:
            label["paragraphs"] = [{"id": f"h14r-{name[5:15]}-{i}", "index": i, "turn": None, "text": p,
                                    "events": None} for i, p in enumerate(ps)]
        labels[name] = label
    order = sorted(paras)
    random.Random(SEED).shuffle(order)
    total = 0
    for dated, prefix, gen in ((True, "h14d", None), (False, "h14", random.Random(SEED + 1))):
        n = 0
        for name in order:
            if not dated and total >= WANT:
                break
            taken = {p["index"] for p in labels[name]["paragraphs"]}
            hits = [i for i, (turn, p) in enumerate(paras[name]) if i not in taken and (
                turn != "question" and MEETING_VERB.search(p) and DAY_WORD.search(p) if dated else
                MEETING_WORD.search(p))]
            chosen = hits if gen is None else sorted(gen.sample(hits, min(PER_PAGE, len(hits), WANT - total)))
            labels[name]["paragraphs"] += [
                {"id": f"{prefix}{n + k:03d}", "index": i, "turn": paras[name][i][0], "text": paras[name][i][1],
                 "events": None} for k, i in enumerate(chosen)]
            n += len(chosen)
            total += len(chosen)
        print(f"stratum {'dated' if dated else 'word'}: {n} paragraphs")
    kept = 0
    for name, label in labels.items():
        if not label["paragraphs"]:
            continue
        label["paragraphs"].sort(key=lambda p: p["index"])
        (out / "heldout14" / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                        "utf-8")
        kept += 1
    print(f"{kept} texts with labelled paragraphs")


if __name__ == "__main__":
    main()
