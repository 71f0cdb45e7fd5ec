"""How cctv1.json's texts were drawn (run once, 2026-12-07, before any rule ran on them): real Chinese readouts of a
source no earlier set drew from, and of years (2021-2024) no earlier set covers (the ministry's pages 2015-2021 were
press conferences and activities of 2016-2020; the 新闻联播 sets, late 2025).

Source: the public repository china-data/xwlb, commit 710ba229765c537beb474d9eb272fbc097981bc0, which keeps the
item lists of CCTV's evening news 新闻联播 as tv.cctv.com publishes them, one JSON file a day (assets/YEAR/DATE.json:
videoList, each item's video_title, pub_date, video_url and video_detail.content, the item's text as HTML
paragraphs). Nothing of the repository is committed here (the texts drawn are quoted in cctv1.json with path, the
file's git blob id and the item's number); `python -m tests.real.meetings_zh.draw_cctv GITDIR` redraws them from a
git directory of that repository (the search tool's `fetch`).

Drawn: the items of 2021-01-01 .. 2024-12-31 whose title or lead names 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会
or 出席 (the trigger words of draw_xwlb.py); 60 of them at random (seed 2026127). The text of each is its content's
lead as draw_xwlb.py takes it (paragraphs joined, tags dropped, the boilerplate "央视网消息（新闻联播）：" dropped; up
to the last 。 within the first 360 characters), its published date the item's pub_date. Unlike draw_xwlb.py the
trigger must be in the title or the lead (the text labelled), not anywhere in the item: the repository's contents are
whole, and most items naming 出席 deep in the text name a domestic occasion.

cctv2.json (`--second`) was drawn the same way after cctv1.json's first run and the changes made on its errors: 60 of
the items neither cctv1.json holds nor repeat one of its texts (seed 2026128), to measure those changes on unseen
items of the same source. cctv3.json (`--third`) likewise after cctv2.json's first run and the changes made on its
misses: 60 of the items neither set holds nor repeats (seed 2026129).
"""
from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys

from tests.real.meetings_zh.draw_xwlb import lead  # an item's opening, cut at a full stop: as xwlb's

REPOSITORY = "china-data/xwlb"
COMMIT = "710ba229765c537beb474d9eb272fbc097981bc0"
TRIGGER = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华|拜会|出席")
YEARS = ("2021", "2022", "2023", "2024")
SEED, COUNT = 2026127, 60
BOILERPLATE = re.compile(r"^央视网消息（新闻联播）：")


def text_of(content: str) -> str:
    paragraphs = re.split(r"</p>|<br\s*/?>", content or "")
    out = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in paragraphs]
    return BOILERPLATE.sub("", "".join(p for p in out if p))


def items(gitdir: str) -> list[dict]:
    git = ["git", f"--git-dir={gitdir}"]
    out = []
    for year in YEARS:
        listing = subprocess.run(git + ["ls-tree", COMMIT, f"assets/{year}/"], capture_output=True, check=True,
                                 text=True).stdout.splitlines()
        for line in sorted(listing):
            meta, path = line.split("\t")
            blob = meta.split()[2]
            if not path.endswith(".json"):
                continue
            day = json.loads(subprocess.run(git + ["cat-file", "blob", blob], capture_output=True, check=True).stdout)
            for video in day.get("videoList") or []:
                detail = video.get("video_detail") or {}
                text = lead(text_of(detail.get("content") or ""))
                title = re.sub(r"^\[视频\]", "", video.get("video_title") or "")
                if text:
                    out.append({"path": path, "blob": blob, "num": video.get("num"), "url": video.get("video_url"),
                                "published": (video.get("pub_date") or "")[:10], "title": title, "text": text})
    return out


def draw(gitdir: str, second: bool = False, third: bool = False) -> list[dict]:
    found = [i for i in items(gitdir) if TRIGGER.search(i["title"] + i["text"])]
    chosen = random.Random(SEED).sample(found, COUNT)
    taken: set = set()
    for n in range(1, 1 + (2 if third else 1 if second else 0)):   # cctv2.json, cctv3.json: none of the sets before
        taken |= {(i["path"], i["num"]) for i in chosen} | {i["text"] for i in chosen}
        left = [i for i in found if (i["path"], i["num"]) not in taken and i["text"] not in taken]
        chosen = random.Random(SEED + n).sample(left, COUNT)
    return [{"source": "新闻联播 item (tv.cctv.com text, via china-data/xwlb)", "repository": REPOSITORY,
             "commit": COMMIT, **i} for i in chosen]


if __name__ == "__main__":
    print(json.dumps(draw(sys.argv[1], "--second" in sys.argv, "--third" in sys.argv), ensure_ascii=False, indent=1))
