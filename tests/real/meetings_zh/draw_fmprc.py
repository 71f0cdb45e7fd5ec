"""How fmprc1.json's ministry texts were drawn (run once, 2026-12-06, before any rule ran on them): real pages of the
Ministry of Foreign Affairs' Chinese site (2015-2021 template: #News_Body_Title, #News_Body_Time, #News_Body_Txt_A),
from a source no earlier set uses.

Source: the public repository boan-anbo/fmprccrawler, commit 07eb8582b91c39b789fde809f8716055ec37d31c, which keeps 52
pages of www.fmprc.gov.cn byte for byte as its crawler saved them (folders zyxw/, 重要新闻, 2019-02, and frhd/, 驻外
使节夫人活动 (the activities of the wives of China's envoys and of embassy women's groups), 2019-12 .. 2020-07; each file
named "date - article id - title.html"). Nothing of the repository is committed here (the paragraphs are quoted in
fmprc1.json with path, paragraph number and the file's SHA-256); `python -m tests.real.meetings_zh.draw_fmprc GITDIR`
redraws them from a git directory of that repository (the search tool's `fetch`).

Drawn: every paragraph (<p> of #News_Body_Txt_A, its text stripped) of every page that names 会见, 会晤, 会谈, 通电话,
通话, 访问, 访华, 拜会, 会面 or 出席, of at most 400 characters; no randomness. Non-event paragraphs are kept (most
name 出席 at a charity or school event). The 3 paragraphs of the two pages labels.json already holds (SEEN_PAGES:
they reached it by another way) are left out: 45 paragraphs of 40 pages.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

import lxml.html

REPOSITORY = "boan-anbo/fmprccrawler"
COMMIT = "07eb8582b91c39b789fde809f8716055ec37d31c"
SEEN_PAGES = ("frhd/2020-07-24 - 1800399", "zyxw/2019-02-16 - 1638430")  # in labels.json (items 41 and 40)
TRIGGER = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华|拜会|会面|出席")


def pages(gitdir: str) -> list[tuple[str, bytes]]:
    git = ["git", f"--git-dir={gitdir}"]
    names = subprocess.run(git + ["ls-tree", "-r", "--name-only", "-z", COMMIT], capture_output=True,
                           check=True).stdout.decode().split("\0")
    return [(n, subprocess.run(git + ["show", f"{COMMIT}:{n}"], capture_output=True, check=True).stdout)
            for n in sorted(names) if n.endswith(".html")]


def draw(gitdir: str, longest: int = 400) -> list[dict]:
    items = []
    for path, raw in pages(gitdir):
        if path.startswith(SEEN_PAGES):
            continue
        doc = lxml.html.fromstring(raw)
        title = doc.xpath('//*[@id="News_Body_Title"]')[0].text_content().strip()
        published = doc.xpath('//*[@id="News_Body_Time"]')[0].text_content().strip()
        article = path.split(" - ")[1]
        paragraphs = [p.text_content().strip() for p in doc.xpath('//*[@id="News_Body_Txt_A"]//p')]
        for n, text in enumerate(paragraphs):
            if text and len(text) <= longest and TRIGGER.search(text):
                items.append({"source": "ministry page (www.fmprc.gov.cn, via boan-anbo/fmprccrawler)",
                              "repository": REPOSITORY, "commit": COMMIT, "path": path, "paragraph": n,
                              "file_sha256": hashlib.sha256(raw).hexdigest(),
                              "url": f"https://www.fmprc.gov.cn/web/ (article t{article})",
                              "published": published, "title": title, "text": text})
    return items


if __name__ == "__main__":
    print(json.dumps(draw(sys.argv[1]), ensure_ascii=False, indent=1))
