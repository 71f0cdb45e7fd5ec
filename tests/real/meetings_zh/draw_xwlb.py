"""How xwlb1.json's texts were drawn (run once, 2026-12-07, before any rule ran on them): real Chinese readouts of a
source no earlier set drew from, and of another time (late 2025) than all of them (2016-2020).

Source: the public repository caijing666666/xinwenlianbo, commit f5c4be47893b2a5d099dae7c5c041c3b3523e198, which
keeps the items of CCTV's evening news 新闻联播 (text as cctv.com publishes it, most of it Xinhua's wording) of
2025-10-31 .. 2025-12-11, one JSON file an item (data/news/DATE-N.json: id, date, title, content, sourceUrl); 632
items. Nothing of the repository is committed here (the texts drawn are quoted in xwlb1.json with path and the
file's git blob id); `python -m tests.real.meetings_zh.draw_xwlb GITDIR` redraws them from a git directory of that
repository (the search tool's `fetch`).

Drawn: the items whose title or content names 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会 or 出席 (180); 60 of them at
random (seed 2026120); the text of each is its content's lead: up to the last 。 within the first 360 characters
(the whole content when shorter; the repository's contents are cut at about 900 characters, some mid-character),
its published date the item's date. Items are not otherwise chosen: many name only domestic occasions (出席 a
Chinese meeting) or announce a trip (将访问), as the news does.

xwlb2.json (`--second`) was drawn the same way after xwlb1.json's first run and the changes made on its misses: 60
of the 120 such items xwlb1.json does not hold (seed 2026121), to measure those changes on unseen items of the same
source. xwlb3.json (`--third`) was drawn the same way after xwlb2.json's first run and the changes made on its
misses: the 60 such items left (neither xwlb1's nor xwlb2's), in an order shuffled with seed 2026122.
"""
from __future__ import annotations

import json
import random
import re
import subprocess
import sys

REPOSITORY = "caijing666666/xinwenlianbo"
COMMIT = "f5c4be47893b2a5d099dae7c5c041c3b3523e198"
TRIGGER = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华|拜会|出席")
SEED, COUNT, LEAD = 2026120, 60, 360


def items(gitdir: str) -> list[dict]:
    git = ["git", f"--git-dir={gitdir}"]
    listing = subprocess.run(git + ["ls-tree", "-r", COMMIT, "data/news"], capture_output=True, check=True,
                             text=True).stdout.splitlines()
    out = []
    for line in sorted(listing):
        meta, path = line.split("\t")
        blob = meta.split()[2]
        if not path.endswith(".json"):
            continue
        item = json.loads(subprocess.run(git + ["cat-file", "blob", blob], capture_output=True, check=True).stdout)
        out.append(dict(item, path=path, blob=blob))
    return out


def lead(content: str, longest: int = LEAD) -> str:
    content = content.strip()
    if len(content) <= longest:
        return content
    cut = content[:longest].rfind("。")
    return content[:cut + 1] if cut > 0 else content[:longest]


def draw(gitdir: str, second: bool = False, third: bool = False) -> list[dict]:
    found = [i for i in items(gitdir) if TRIGGER.search((i.get("title") or "") + (i.get("content") or ""))]
    chosen = random.Random(SEED).sample(found, COUNT)
    if second or third:
        first = {i["path"] for i in chosen}
        chosen = random.Random(SEED + 1).sample([i for i in found if i["path"] not in first], COUNT)
    if third:
        taken = first | {i["path"] for i in chosen}
        left = [i for i in found if i["path"] not in taken]
        chosen = random.Random(SEED + 2).sample(left, len(left))
    return [{"source": "新闻联播 item (cctv.com text, via caijing666666/xinwenlianbo)", "repository": REPOSITORY,
             "commit": COMMIT, "path": i["path"], "blob": i["blob"], "url": i.get("sourceUrl"),
             "published": i["date"], "title": i.get("title"), "text": lead(i.get("content") or "")}
            for i in chosen]


if __name__ == "__main__":
    print(json.dumps(draw(sys.argv[1], "--second" in sys.argv, "--third" in sys.argv), ensure_ascii=False, indent=1))
