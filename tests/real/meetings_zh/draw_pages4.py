"""How local4.json's texts are drawn (2026-12-07, by zh7): a fourth held-out set of the kind local1.json, local2.json and
local3.json hold, the news of China's embassies and consulates abroad and of provincial, city, county and district
leaders' and foreign-affairs offices' meetings with foreigners, of pages no earlier set uses.

Written and committed BEFORE any answer of these queries was read, and before any rule ran on any page they find.
Sources: (1) the stored public web pages of the search tool's `pages` corpus (as draw_pages.py to draw_pages3.py), by
the queries of QUERIES, written to reach such news in other words than the earlier lists' (other ministries, other
occasions, border provinces, other kinds of local office), never chosen by what any rule finds, each returning its 8
nearest stored pages; (2) public GitHub repositories, by the exact strings of GITHUB_STRINGS given to the search tool's
find_string (10 excerpts each): a file found there is taken when it is such a readout with a date of its own.
The rules of selection are draw_pages.py's, unchanged: POOL holds every page of those answers that is
  - a readout of a Chinese embassy, consulate or mission, or of a Chinese provincial, city, prefecture, county or
    district leader or foreign-affairs office, meeting or receiving someone or attending an occasion (national leaders'
    readouts left out),
  - in simplified characters (traditional-character gateways, synonym-spun copies, machine translations left out),
  - dated by the page or its address, its date not mangled by the stored copy,
  - naming 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会 or 出席 in its title or lead,
  - not a page (by address) of local1.json, local2.json or local3.json, nor of draw_pages3.SEEN, nor a text another set
    holds (checked by address and by the text's opening).
Each page is kept with the query that found it, its rank in that answer, its address, its date, its headline as stored
and the body as the stored copy has it from its first sentence, as far as the lead needs. The text labelled is
lead(restore(body)) as draw_pages.py takes it. All such pages are taken when there are at most 60 (else
random.Random(SEED).sample); `python -m tests.real.meetings_zh.draw_pages4` prints the items.

zh7 wrote no rule before drawing these (the rules are those of local3's first run, 6c46a5a); zh7 had read local3's
texts and its error analysis in RUN.md.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from tests.real.meetings_zh.draw_pages import OFFICIAL, POOL as LOCAL1, TRIGGER, host, restore
from tests.real.meetings_zh.draw_pages2 import POOL as LOCAL2
from tests.real.meetings_zh.draw_pages3 import POOL as LOCAL3, SEEN
from tests.real.meetings_zh.draw_xwlb import lead

SEED, COUNT, FETCHED = 2026134, 60, "2026-12-07"

QUERIES = (
    "驻 使馆 临时代办 会见 外交部 司长", "大使 会见 司法部长 使馆", "大使 会见 内政部长 警务 合作 使馆",
    "大使 会见 能源部长 矿业部长 使馆", "大使 会见 交通部长 基础设施 使馆", "大使 会见 旅游部长 文化部长 使馆",
    "大使 会见 财政部长 央行行长 使馆", "大使 会见 外交部长 使馆 双方 交换意见", "大使 会见 武装部队 总司令 武官 使馆",
    "大使 会见 省长 州长 地方 合作 使馆", "大使 会见 大学 校长 孔子学院 使馆", "大使 会见 商会 会长 企业家 使馆",
    "大使 会见 媒体 总编 主编 使馆", "大使 会见 智库 学者 使馆", "大使 会见 友好协会 主席 使馆",
    "总领事 会见 市议员 州议员 总领馆", "总领事 会见 大学 校长 总领馆", "总领事 会见 警察局长 领事保护 总领馆",
    "总领事 会见 港务局 机场 总领馆", "总领事 会见 商会 主席 总领馆 经贸", "领事馆 馆长 会见 省督 省长",
    "大使 夫人 出席 慈善 义卖 使馆", "大使 出席 中国电影节 开幕式 文化部长", "大使 出席 汉语桥 中文比赛 颁奖 教育部",
    "大使 出席 医疗队 捐赠 仪式 卫生部长", "大使 出席 奖学金 颁发 仪式 部长", "大使 出席 物资 捐赠 交接 仪式 政府官员",
    "总领事 出席 友好城市 结好 周年 庆祝活动 市长", "使馆 举办 春节 招待会 议员 部长 出席", "大使 在 官邸 宴请 议员 部长",
    "外事侨务办 主任 会见 外国 驻华使馆 一行", "市外办 主任 会见 国外 友好城市 代表团", "省委副书记 会见 外国 大使 一行",
    "常务副省长 会见 外国 代表团 一行", "副市长 会见 外国 驻 总领事 一行", "市长 会见 外国 大学 校长 代表团",
    "市委书记 会见 外国 政党 代表团", "省委书记 会见 越南 老挝 省委书记 代表团", "边境 州 会见 缅甸 老挝 越南 省 代表团",
    "黑龙江 会见 俄罗斯 州长 代表团", "新疆 会见 哈萨克斯坦 代表团 自治区", "广西 会见 越南 省委书记 代表团",
    "云南 会见 外国 驻昆明 总领事", "市长 会见 日本 县知事 友好", "省长 会见 韩国 道知事 友好",
    "市长 会见 德国 市长 友城 代表团", "市委书记 会见 非洲 国家 代表团 一行", "区长 会见 外国 商会 代表团",
    "开发区 主任 会见 外国 企业 代表团", "副州长 会见 外国 驻华 领事 一行",
)

GITHUB_STRINGS = ("总领事会见", "大使会见", "外办主任", "大使馆 会见", "会见了来访的")

# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = ()


def _held() -> list[str]:
    """The texts every other set holds (without spaces), to leave out a page whose text one already holds."""
    out = []
    for path in sorted(Path(__file__).parent.glob("*.json")):
        if path.name == "local4.json":
            continue
        data = json.loads(path.read_text("utf-8"))
        out += [(item.get("text") or "").replace(" ", "") for item in (data["items"] if isinstance(data, dict) else data)]
    return out


def draw() -> list[dict]:
    used = {url for url, *_ in LOCAL1} | {url for url, *_ in LOCAL2} | {url for url, *_ in LOCAL3}
    held = _held()
    items = []
    for url, query, rank, published, title, body in POOL:
        text = lead(restore(body))
        opening = text.replace(" ", "")[10:40]
        if url in used or url.startswith(SEEN) or not TRIGGER.search(title + text) \
                or any(opening in other for other in held):
            continue
        items.append({"source": "stored web page (search tool, pages corpus)" if url.startswith("http")
                      else "public GitHub repository", "url": url, "host": host(url),
                      "stratum": "official site" if OFFICIAL.search(host(url)) else "reprint",
                      "query": query, "rank": rank, "published": published, "fetched": FETCHED, "title": title,
                      "text": text})
    return items if len(items) <= COUNT else random.Random(SEED).sample(items, COUNT)


if __name__ == "__main__":
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
    print(len(draw()), file=sys.stderr)
