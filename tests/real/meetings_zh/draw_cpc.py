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

cpc2.json was drawn the same way afterwards (seed 2525, `--second`), after cpc1.json's first run and the rule changes
made on its errors: from the paragraphs of the same articles that are not cpc1.json's and in which no version of the
rules had been shown to find an event while the rules were changed (the sentences printed while checking them are in
SEEN below, by their first 20 characters; a paragraph holding one is left out), one per article, up to 60.
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


def draw(gitdir: str, n: int = 60, seed: int = SEED, exclude: set[str] = frozenset()) -> tuple[list[dict], list[dict]]:
    rows = [r for r in load(gitdir) if ARTICLE.search(r["title"] + r["body"])]
    rng = random.Random(seed)
    rng.shuffle(rows)
    seen: set[str] = set(exclude)
    out = []
    for r in rows:
        candidates = [p for p in paragraphs(r["body"]) if TRIGGER.search(p) and len(p) <= 300
                      and re.sub(r"\s", "", p) not in seen and not any(k in re.sub(r"\s", "", p) for k in SEEN)]
        if not candidates:
            continue
        text = rng.choice(candidates)
        seen.add(re.sub(r"\s", "", text))
        out.append({"source": "readout paragraph (cpc.people.com.cn, via x13-caesar/FMPRC_NLP)",
                    "repository": REPOSITORY, "commit": COMMIT, "path": r["path"], "row": r["row"],
                    "column": r["column"], "published": r["date"], "title": r["title"], "text": text, "events": None})
    return out[:n], out[n:]


SEEN = {  # the sentences of these two files that the rules were shown to find events in while changed on cpc1.json
    '今年4月，习近平主席同班达里总统通话，就',
    '会前，省委书记、省军区党委第一书记许达哲',
    '据新华社伊斯兰堡12月1日电（记者蒋超）',
    '新华社北京12月1日电11月30日，最高',
    '新华社北京12月4日电12月4日，中共中',
    '新华社北京12月4日电国家副主席王岐山4',
    '新华社北京12月8日电国务院总理李克强1',
    '新华社北京12月8日电（记者朱超）中共中',
    '本报北京12月1日电12月1日，国务委员',
    '王毅表示，去年10月习近平主席对尼泊尔进',
    '胡春华表示，今年以来，习近平主席同欧盟领'}


def second(gitdir: str) -> list[dict]:
    """cpc2.json's items: as cpc1.json, seed 2525, without cpc1.json's paragraphs and those in SEEN."""
    from pathlib import Path
    first = json.loads((Path(__file__).resolve().parent / "cpc1.json").read_text("utf-8"))["items"]
    held, _ = draw(gitdir, 60, 2525, {re.sub(r"\s", "", item["text"]) for item in first})
    return held


if __name__ == "__main__":
    if "--second" in sys.argv:
        print(json.dumps(second(sys.argv[1]), ensure_ascii=False, indent=1))
        sys.exit(0)
    held, rest = draw(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 60)
    print(json.dumps(rest if "--rest" in sys.argv else held, ensure_ascii=False, indent=1))
