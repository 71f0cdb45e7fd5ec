"""Draws the twelfth held-aside set of real meetings labels (tests/real/meetings/heldout12/) from the ministry's
English press conferences of June and July 2026 that the public repository suki547-mimi/english-catti committed as
`data/mfa_articles.json` (its scraper's question/answer pairs of each conference: the journalist's question and the
spokesperson's answer, each answer's paragraphs joined by spaces). Nothing here runs the meetings extractor:
paragraphs are chosen by the plain word patterns of bench.meetings_sample.

Each conference becomes one stored text (texts/catti-<date>.txt): its title, then one paragraph per turn, in order,
"<outlet>: <question>" and "<spokesperson>: <answer>", as the source holds them (nothing edited). How: the
conferences sorted by date and shuffled with random.Random(SEED); in that order, from each conference the paragraphs
that hold a meeting word (MEETING_WORD), at most PER_PAGE of them chosen with the same generator, until WANT
(stratum "word", ids h12000...); then the same order again with random.Random(SEED + 1): answer paragraphs with a
meeting verb and a day word, at most PER_PAGE_DATED per conference and not already chosen, until WANT_DATED
(stratum "dated", ids h12d000...). Label skeletons (events unfilled) are written for a person to fill by reading.
Run once (2026-12-07):

  python -m bench.meetings_sample_catti --mirror /work/.mirror/suki547-mimi+english-catti/repo
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
from pathlib import Path

from bench.meetings_sample import DAY_WORD, MEETING_VERB, MEETING_WORD

REPO = "suki547-mimi/english-catti"
COMMIT = "6181195e11054caac5b4ab2ac47eaf737e36def4"
PATH = "data/mfa_articles.json"
SEED = 20261208
PER_PAGE = 3
WANT = 48
PER_PAGE_DATED = 2
WANT_DATED = 32


def conferences(mirror: str) -> list[dict]:
    raw = subprocess.run(["git", f"--git-dir={mirror}", "show", f"{COMMIT}:{PATH}"], capture_output=True,
                         check=True).stdout
    return json.loads(raw)


def turns(conf: dict) -> list[tuple[str, str]]:
    """(turn, paragraph) of a conference, in the source's order."""
    out = []
    for p in conf["en_pairs"]:
        out.append(("question", f"{p['questioner']}: {p['question']}"))
        out.append(("answer", f"{p['spokesperson']}: {p['answer']}" if p["spokesperson"] else p["answer"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", required=True, help="the bare git directory of suki547-mimi/english-catti")
    ap.add_argument("--out", default="tests/real/meetings")
    a = ap.parse_args()
    out = Path(a.out)
    (out / "heldout12").mkdir(parents=True, exist_ok=True)
    confs = sorted(conferences(a.mirror), key=lambda c: c["date"])
    labels: dict[str, dict] = {}
    paras: dict[str, list[tuple[str, str]]] = {}
    for c in confs:
        name = f"catti-{c['date']}"
        paras[name] = turns(c)
        text = c["en_title"].strip() + "\n\n" + "\n\n".join(t for _, t in paras[name]) + "\n"
        (out / "texts" / f"{name}.txt").write_text(text, "utf-8")
        labels[name] = {"page": f"texts/{name}.txt", "body": "page", "url": c["en_url"],
                        "title": c["en_title"].strip(), "kind": "press_conference", "published": c["date"],
                        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "paragraphs": []}
    order = list(labels)
    rng = random.Random(SEED)
    rng.shuffle(order)
    counts = {}
    for dated, want, per_page, prefix, gen in ((False, WANT, PER_PAGE, "h12", rng),
                                              (True, WANT_DATED, PER_PAGE_DATED, "h12d", random.Random(SEED + 1))):
        total = 0
        for name in order:
            if total >= want:
                break
            taken = {p["index"] for p in labels[name]["paragraphs"]}
            hits = [i for i, (turn, p) in enumerate(paras[name]) if i not in taken and (
                turn == "answer" and MEETING_VERB.search(p) and DAY_WORD.search(p) if dated else MEETING_WORD.search(p))]
            chosen = sorted(gen.sample(hits, min(per_page, len(hits))))
            labels[name]["paragraphs"] += [
                {"id": f"{prefix}{total + k:03d}", "index": i, "turn": paras[name][i][0], "text": paras[name][i][1],
                 "events": None} for k, i in enumerate(chosen)]
            total += len(chosen)
        counts["dated" if dated else "word"] = total
    kept = 0
    for name, label in labels.items():
        if not label["paragraphs"]:
            (out / "texts" / f"{name}.txt").unlink()
            continue
        label["paragraphs"].sort(key=lambda p: p["index"])
        (out / "heldout12" / f"{name}.json").write_text(json.dumps(label, ensure_ascii=False, indent=1) + "\n",
                                                        "utf-8")
        kept += 1
    print(f"{kept} conferences, {counts['word']} paragraphs of the word stratum, {counts['dated']} of the dated one")


if __name__ == "__main__":
    main()
