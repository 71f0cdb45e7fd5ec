"""How cpc1.json's texts were drawn (run once, 2026-12-06, before any rule ran on them): real Chinese readouts that
are NOT press conferences and not from the cwang23/china_fm cache, the source of every earlier set.

Source: the public repository x13-caesar/FMPRC_NLP ("New China Newspeak"), commit
71195eeb49a8cd629a8121874a2d2b27f796316d (2020-12-11), files data/cpcnews_gcdt.csv (高层动态, national leaders'
activities, cpc.people.com.cn/GB/64093/64094/, 200 articles of 2020-11-28 .. 2020-12-09) and data/cpcnews_ldhd.csv
(领导活动, provincial leaders' activities, cpc.people.com.cn/GB/64093/117005/, 200 articles of 2020-11-25 ..
2020-12-09): columns title, date, body; the bodies are Xinhua / People's Daily / provincial papers' text as that
project's scraper kept it (the <p> text nodes joined, one paragraph a line). Nothing of the files is committed here
(the paragraphs drawn are quoted in cpc1.json); `python -m tests.real.meetings_zh.draw_cpc GITDIR` redraws them from
a git directory of that repository (the search tool's `fetch`), checking the two blobs first.

Drawn: the articles whose title or body names 会见, 会晤, 会谈, 通电话, 通话, 访问 or 访华; one paragraph of at most
300 characters naming one of those or 出席, at random (seed 1212), from each; a paragraph already drawn (the same
readout filed twice) (the same text but for spaces) is skipped; the first N (60) articles after shuffling make the held-out set, the rest are
development text (printed with --rest).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import subprocess
import sys

COMMIT = "71195eeb49a8cd629a8121874a2d2b27f796316d"
REPOSITORY = "x13-caesar/FMPRC_NLP"
FILES = {  # path: (column, git blob id)
    "data/cpcnews_gcdt.csv": ("高层动态 cpc.people.com.cn/GB/64093/64094/", "2e92cfeeffab6003f69bd69ddfdf1da0ac93b926"),
    "data/cpcnews_ldhd.csv": ("领导活动 cpc.people.com.cn/GB/64093/117005/", "3e7f35af067b6a849c8c9c10bbbd519b196f199e"),
}
ARTICLE = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华")
TRIGGER = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华|出席")
SEED = 1212


def paragraphs(body: str) -> list[str]:
    return [p.strip(" \t\u3000\r") for p in body.split("\n") if p.strip(" \t\u3000\r")]


def load(gitdir: str) -> list[dict]:
    rows = []
    for path, (column, blob) in FILES.items():
        data = subprocess.run(["git", "--git-dir", gitdir, "show", f"{COMMIT}:{path}"], capture_output=True,
                              check=True).stdout
        got = subprocess.run(["git", "hash-object", "--stdin"], input=data, capture_output=True, check=True)
        assert got.stdout.decode().strip() == blob, f"{path}: not the blob {blob}"
        for n, row in enumerate(csv.DictReader(io.StringIO(data.decode("utf-8")))):
            rows.append({"path": path, "row": n, "column": column, "sha256": hashlib.sha256(data).hexdigest(), **row})
    return rows


def draw(gitdir: str, n: int = 60, seed: int = SEED) -> tuple[list[dict], list[dict]]:
    rows = [r for r in load(gitdir) if ARTICLE.search(r["title"] + r["body"])]
    rng = random.Random(seed)
    rng.shuffle(rows)
    seen: set[str] = set()
    out = []
    for r in rows:
        candidates = [p for p in paragraphs(r["body"]) if TRIGGER.search(p) and len(p) <= 300
                      and re.sub(r"\s", "", p) not in seen]
        if not candidates:
            continue
        text = rng.choice(candidates)
        seen.add(re.sub(r"\s", "", text))
        out.append({"source": "readout paragraph (cpc.people.com.cn, via x13-caesar/FMPRC_NLP)",
                    "repository": REPOSITORY, "commit": COMMIT, "path": r["path"], "row": r["row"],
                    "column": r["column"], "published": r["date"], "title": r["title"], "text": text, "events": None})
    return out[:n], out[n:]


if __name__ == "__main__":
    held, rest = draw(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 60)
    print(json.dumps(rest if "--rest" in sys.argv else held, ensure_ascii=False, indent=1))
