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
cpc3.json was drawn afterwards (`--third`, seed 3131), by another engineer, before the rules of the ninth run (RUN.md)
ran on any of it: the two files above had only 17 paragraphs naming a meeting verb (会见, 会晤, 会谈, 通电话, 通话,
访问, 访华) left that are neither cpc1.json's nor cpc2.json's nor hold a SEEN sentence; all 17 are taken (any length).
The rest comes from two other columns the same repository crawled at the same commit, those about foreign affairs
(OTHER below: 国际外交 theory.people.com.cn/GB/136457/ and 重要评论 theory.people.com.cn/GB/409499/, commentary of
2019-2020; the other columns, party building at home, name meetings with foreigners rarely; the paragraphs of 国际外交
the rules were shown to find an event in while changed are in SEEN and left out): paragraphs of at most 300
characters naming a meeting verb, one per article, at random, up to 48.

cpc4.json (`--fourth`) was drawn after cpc3.json's first run and the changes made on its errors, to measure them:
every other paragraph of OTHER naming a meeting verb, of at most 400 characters, not in cpc1..cpc3 nor holding a
SEEN sentence (the paragraphs of those columns left; many are of cpc3.json's articles).
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
MEETING = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华")
OTHER = {  # the repository's two other foreign-affairs columns at COMMIT (WebCrawler/history.json): path: (column, blob)
    "data/cpcnews_gjwj.csv": ("国际外交 theory.people.com.cn/GB/136457/", "0af6635a53574c42b8055b683e6ebdb0cae3ae0e"),
    "data/cpcnews_zypl.csv": ("重要评论 theory.people.com.cn/GB/409499/", "30b0dc7db871269318b64e59b7eaa5d64f87e406"),
}


def paragraphs(body: str) -> list[str]:
    return [p.strip(" \t\u3000\r") for p in body.split("\n") if p.strip(" \t\u3000\r")]


def load(gitdir: str, files: dict = FILES) -> list[dict]:
    rows = []
    for path, (column, blob) in files.items():
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


def _item(r: dict, text: str) -> dict:
    return {"source": "paragraph of cpc.people.com.cn / people.com.cn (via x13-caesar/FMPRC_NLP)",
            "repository": REPOSITORY, "commit": COMMIT, "path": r["path"], "row": r["row"], "column": r["column"],
            "published": r["date"], "title": r["title"], "text": text, "events": None}


def third(gitdir: str, seed: int = 3131, n: int = 48) -> list[dict]:
    """cpc3.json's items: every paragraph of FILES naming a meeting verb that cpc1.json and cpc2.json do not hold and
    no SEEN sentence is in, then up to n paragraphs of OTHER (at most 300 characters, one per article, at random)."""
    from pathlib import Path
    here = Path(__file__).resolve().parent
    used = {re.sub(r"\s", "", item["text"]) for name in ("cpc1", "cpc2")
            for item in json.loads((here / f"{name}.json").read_text("utf-8"))["items"]}
    out = []
    for r in load(gitdir):
        for p in paragraphs(r["body"]):
            key = re.sub(r"\s", "", p)
            if MEETING.search(p) and key not in used and not any(k in key for k in SEEN):
                used.add(key)
                out.append(_item(r, p))
    rows = load(gitdir, OTHER)
    rng = random.Random(seed)
    rng.shuffle(rows)
    drawn = []
    for r in rows:
        candidates = [p for p in paragraphs(r["body"]) if MEETING.search(p) and len(p) <= 300
                      and re.sub(r"\s", "", p) not in used and not any(k in re.sub(r"\s", "", p) for k in SEEN)]
        if candidates and len(drawn) < n:
            text = rng.choice(candidates)
            used.add(re.sub(r"\s", "", text))
            drawn.append(_item(r, text))
    return out + drawn


def fourth(gitdir: str, longest: int = 400) -> list[dict]:
    """cpc4.json's items: every paragraph of OTHER naming a meeting verb, of at most `longest` characters, that
    cpc1..cpc3 do not hold and no SEEN sentence is in (drawn after cpc3.json's first run and the changes made on it)."""
    from pathlib import Path
    here = Path(__file__).resolve().parent
    used = {re.sub(r"\s", "", item["text"]) for name in ("cpc1", "cpc2", "cpc3")
            for item in json.loads((here / f"{name}.json").read_text("utf-8"))["items"]}
    out = []
    for r in load(gitdir, OTHER):
        for p in paragraphs(r["body"]):
            key = re.sub(r"\s", "", p)
            if MEETING.search(p) and len(p) <= longest and key not in used and not any(k in key for k in SEEN):
                used.add(key)
                out.append(_item(r, p))
    return out


if __name__ == "__main__":
    if "--fourth" in sys.argv:
        print(json.dumps(fourth(sys.argv[1]), ensure_ascii=False, indent=1))
        sys.exit(0)
    if "--third" in sys.argv:
        print(json.dumps(third(sys.argv[1]), ensure_ascii=False, indent=1))
        sys.exit(0)
    if "--second" in sys.argv:
        print(json.dumps(second(sys.argv[1]), ensure_ascii=False, indent=1))
        sys.exit(0)
    held, rest = draw(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 60)
    print(json.dumps(rest if "--rest" in sys.argv else held, ensure_ascii=False, indent=1))
