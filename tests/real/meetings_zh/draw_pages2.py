"""How local2.json's texts were drawn (2026-12-07, by zh5, before any rule ran on them): a second set of the kind
local1.json holds, the news of China's embassies and consulates abroad and of provincial and city leaders' and
foreign-affairs offices' meetings with foreigners, of pages no earlier set uses (not 新闻联播, not local1's pages: its
addresses are excluded here, and so is any page whose text another set already holds).

Source: the stored public web pages of the search tool's `pages` corpus (as draw_pages.py). The queries of QUERIES were
written before any of their answers was read, to reach such news in other words than draw_pages.py's (so that other
pages come up), and never chosen by what any rule finds; each returns its 8 nearest stored pages (the first query was
typed once to see the tool's answer format, before the others were written; it is kept as written). The rules of
selection are draw_pages.py's, unchanged: POOL holds every page of those answers that is
  - a readout of a Chinese embassy, consulate or mission, or of a Chinese provincial, city or district leader or
    foreign-affairs office, meeting or receiving someone or attending an occasion (national leaders' readouts left out),
  - in simplified characters (traditional-character gateways, synonym-spun copies, machine translations left out),
  - dated by the page or its address, its date not mangled by the stored copy,
  - naming 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会 or 出席 in its title or lead,
  - not a page (by address) of local1.json and not a text another set holds.
Each page is kept with the query that found it, its rank in that answer, its address, its date, its headline as
stored and the body as the stored copy has it from its first sentence, as far as the lead needs. The text labelled
is lead(restore(body)) as draw_pages.py takes it. All such pages are taken when there are at most 60 (else
random.Random(SEED).sample); `python -m tests.real.meetings_zh.draw_pages2` prints the items.
Fetched through the search tool on 2026-12-07 (the `fetched` of each item)."""
from __future__ import annotations

import json
import random
import sys

from tests.real.meetings_zh.draw_pages import OFFICIAL, POOL as LOCAL1, TRIGGER, host, restore
from tests.real.meetings_zh.draw_xwlb import lead

SEED, COUNT, FETCHED = 2026131, 60, "2026-12-07"

QUERIES = (
    "总领事会见 市长 双方就 交流合作 交换意见 总领馆", "大使会见 议长 使馆 双方就双边关系 交换意见",
    "大使拜会 外交部长 递交国书副本 使馆", "总领事到任拜会 州长 总领馆新闻", "总领事会见 省长 总领馆 双方就 合作",
    "副省长会见 驻华大使 一行 省外办", "市长会见 外国 驻沪总领事 一行 外办", "外办主任会见 驻华使馆 参赞 一行",
    "省委书记会见 外国 代表团 一行 省委 外事", "市委书记会见 友好城市 市长 代表团 一行", "大使出席 国庆招待会 使馆 外长 出席",
    "总领事出席 开幕式 市长 出席 总领馆", "大使会见 总统 使馆 双边关系", "大使会见 总理 驻 使馆 新闻", "大使会见 外长 驻 大使馆 双方",
    "大使辞行拜会 总统 使馆", "大使 应约会见 部长 使馆新闻 合作", "总领事 会见 议员 总领馆 中美", "总领事 拜会 市长 日本 总领馆",
    "大使 会见 非洲 部长 使馆 援助", "大使 会见 拉美 外长 使馆", "大使 会见 中亚 部长 使馆", "大使 会见 东南亚 部长 使馆 合作",
    "大使 会见 欧洲 议员 使馆", "外事办公室 副主任 会见 外国 驻华 使馆 官员", "市外办 会见 外国 驻 总领事馆 领事",
    "省政府 副省长 会见 外国 客人 省 外办 新闻", "副市长 会见 外国 友好城市 代表团 市外办", "省长 会见 外国 大使 一行 省政府 新闻",
    "州长 会见 中国 总领事 总领馆", "总领事 出席 州议会 活动 议员 总领馆", "使馆 举办 招待会 外国 官员 出席 大使 致辞",
    "大使 出席 捐赠 仪式 部长 出席", "总领馆 举办 招待会 州长 市长 出席", "外交部 驻外报道 大使 会见", "驻 大使 视频会见 部长",
    "驻 总领事 视频会见 州长", "大使 与 外长 通电话 使馆", "市委书记 会见 驻华大使 一行 市委", "区委书记 会见 外国 总领事",
)

# A second round, written after the first round's answers had been read and gave 26 such pages (fewer than the 30 aimed
# at), before any answer of these was read, in the same spirit (other words for the same kind of news); no rule had run
# on any page of either round.
QUERIES2 = (
    "总领事 拜会 州长 总领馆 双方就 合作 交换意见", "总领事 会见 市长 总领馆 新闻 友好交流", "大使 拜会 议长 使馆 立法机构 交流",
    "大使 会见 部长 使馆 双方就 合作 交换意见 驻", "省委书记 会见 总领事 一行 省委", "省长 会见 外国 总领事 一行",
    "市长 会见 外国 大使 一行 市政府", "外办主任 会见 外国 总领事 一行 外事办公室", "副省长 会见 外国 代表团 一行 友好省州",
    "总领馆 举办 国庆招待会 州长 出席 总领事 致辞", "使馆 举办 新春招待会 部长 出席 大使 致辞", "大使 出席 开馆仪式 部长 出席 使馆",
    "总领事 出席 活动 市长 出席 致辞 总领馆新闻", "大使 辞行 拜会 部长 使馆 新闻", "市委书记 会见 外国 市长 一行 友好城市 代表团",
)

# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = ()


def draw() -> list[dict]:
    used = {url for url, *_ in LOCAL1}
    items = []
    for url, query, rank, published, title, body in POOL:
        text = lead(restore(body))
        if url in used or not TRIGGER.search(title + text):
            continue
        items.append({"source": "stored web page (search tool, pages corpus)", "url": url, "host": host(url),
                      "stratum": "official site" if OFFICIAL.search(host(url)) else "reprint",
                      "query": query, "rank": rank, "published": published, "fetched": FETCHED, "title": title,
                      "text": text})
    return items if len(items) <= COUNT else random.Random(SEED).sample(items, COUNT)


if __name__ == "__main__":
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
    print(len(draw()), file=sys.stderr)
