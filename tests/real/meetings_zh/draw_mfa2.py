"""How mfa2.json's texts are drawn (2026-12-07, by zh8): a fresh held-out set of the ministry's OWN Chinese readouts of
meetings, talks, calls and visits (the columns 部长活动 (wjbzhd), 重要新闻 (zyxw) and 外交部新闻 (wjbxw) of
www.fmprc.gov.cn/web/ and www.mfa.gov.cn/web/): 王毅会见/会谈/通电话, vice-ministers' meetings, and the readouts of 习近平
and 李强 the ministry publishes; of pages no earlier set uses.

Written and committed BEFORE any answer of these queries was read, and before any rule ran on any page they find.
Sources: (1) the stored public web pages of the search tool's `pages` corpus, by the fixed queries of QUERIES, each
returning its nearest stored pages (at most 12), taken in the order returned; (2) public GitHub repositories, by the
exact strings of GITHUB_STRINGS given to the search tool's find_string (10 excerpts each): a file found there is taken
when it is such a readout with a date of its own; (3) ADDED 06:42 UTC, after 13 of the 25 queries' answers had been
read (they gave one ministry page) and after find_repos("fmprc") had listed repository NAMES only (no file of them
read): the repositories of REPOSITORIES (every one find_repos listed, but boan-anbo/fmprccrawler, fmprc1.json's
source, and SprLau/FMPRC-Simulator, a simulator by its name), newest stored snapshot by `fetch`, every file in path
order that is such a readout page (or a record holding one page's text with its address), under the same rules.
POOL holds every page of those answers, in query order and rank order, that is
  - a readout published by the ministry: its address on www.fmprc.gov.cn or www.mfa.gov.cn (any mirror keeping the
    ministry's own column path: /web/wjbzhd/, /web/zyxw/, /web/wjbxw_673019/, /wjbzhd/, /zyxw/, wjb_673085,
    zxxx_662805, wjbxw_673019, or a GitHub file saved from those addresses),
  - of a meeting, talks, call, visit or attended occasion (naming 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会, 会面 or
    出席 in its title or lead); press conferences, speeches, articles and statements left out,
  - in simplified characters, dated by the page or its address (a full day),
  - not a page (by address) any json of tests/real/meetings_zh/ holds, nor a text another set holds (checked by the
    text's opening), nor a text of the china_fm cache's press conferences (checked by the opening).
A page found by several queries is taken once, at its first finding. Each page is kept with the query that found it,
its rank in that answer, its address, its date, its headline as stored, and the body from its first sentence. The text
labelled is lead(restore(body)) as draw_pages.py takes it. All such pages are taken when there are at most 60 (else
random.Random(SEED).sample); `python -m tests.real.meetings_zh.draw_mfa2` prints the items.

zh8 wrote no rule before drawing these (the rules are those of main at fbe220f); zh8 had read local4's draw file and
the headings of RUN.md, not the rules' code.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from tests.real.meetings_zh.draw_pages import restore
from tests.real.meetings_zh.draw_xwlb import lead

SEED, COUNT, FETCHED = 2026135, 60, "2026-12-07"
TRIGGER = re.compile(r"会见|会晤|会谈|通电话|通话|访问|访华|拜会|会面|出席")
MINISTRY = re.compile(r"(fmprc\.gov\.cn|mfa\.gov\.cn)|/(web/)?(wjbzhd|zyxw)/|wjb_673085|zxxx_662805|wjbxw_673019")

QUERIES = (
    "王毅会见 外交部", "王毅同 举行会谈", "王毅同 通电话", "副外长 会见", "fmprc.gov.cn web wjbzhd",
    "外交部长王毅 会见 大使", "王毅 会见 外长 北京 钓鱼台", "王毅 应约 同 外长 通电话", "外交部副部长 会见 驻华大使",
    "外交部部长助理 会见", "王毅 出席 开幕式 外交部 部长活动", "习近平 会见 外交部 重要新闻", "李强 会见 总理 外交部 重要新闻",
    "习近平 同 总统 通电话 外交部", "王毅 访问 会谈 外长 联合新闻 记者会", "王毅 会见 来华访问的", "马朝旭 会见",
    "孙卫东 会见", "华春莹 副部长 会见", "王毅 会见 美国 国务卿", "王毅 会见 俄罗斯 外长 拉夫罗夫", "王毅 会见 非洲 外长",
    "王毅 会见 欧盟 高级代表", "外交部 部长活动 会谈", "中华人民共和国外交部 重要新闻 会见",
)

GITHUB_STRINGS = ("wjbzhd", "部长活动", "王毅会见", "王毅同", "zyxw")
REPOSITORIES = ("17ayst/www.fmprc.gov.cn", "x13-caesar/FMPRC_NLP", "shawn47/FmprcNewsSeed", "Last-ID/fmprc",
                "twinkletwinklelittlestar70/fmprc_gov_speech_crawler")

# Pages of the answers left out, and why (filled while reading the answers):
# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = ()


def _held() -> tuple[set[str], list[str]]:
    """Addresses and texts (without spaces) every other set holds."""
    urls, texts = set(), []
    for path in sorted(Path(__file__).parent.glob("*.json")):
        if path.name == "mfa2.json":
            continue
        data = json.loads(path.read_text("utf-8"))
        for item in (data["items"] if isinstance(data, dict) else data):
            if isinstance(item, dict):
                urls.add(item.get("url") or "")
                texts.append((item.get("text") or "").replace(" ", ""))
    return urls, texts


def draw() -> list[dict]:
    urls, held = _held()
    items, seen = [], set()
    for url, query, rank, published, title, body in POOL:
        text = lead(restore(body))
        opening = text.replace(" ", "")[10:40]
        if url in urls or url in seen or not MINISTRY.search(url) or not TRIGGER.search(title + text) \
                or any(opening in other for other in held):
            continue
        seen.add(url)
        items.append({"source": "stored web page (search tool, pages corpus)" if url.startswith("http")
                      else "public GitHub repository", "url": url, "host": url.split("/")[2] if "//" in url else "",
                      "query": query, "rank": rank, "published": published, "fetched": FETCHED, "title": title,
                      "text": text})
    return items if len(items) <= COUNT else random.Random(SEED).sample(items, COUNT)


if __name__ == "__main__":
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
    print(len(draw()), file=sys.stderr)
