"""How local5.json's texts are drawn (2026-12-07, second session, by zh5): a fifth held-out set of the kind local1.json
to local4.json hold, the news of China's embassies and consulates abroad and of provincial, city, county and district
leaders' and foreign-affairs offices' meetings with foreigners, of pages no earlier set uses.

Written and committed BEFORE any answer of these queries was read, and before any rule ran on any page they find.
local4's procedure (draw_pages4.py), unchanged: sources (1) the stored public web pages of the search tool's `pages`
corpus, by the queries of QUERIES, written in other words than the four earlier lists' (named consulates and their
posts, named provinces and cities and their expos, other occasions and other titles), never chosen by what any rule
finds, each returning its 8 nearest stored pages; (2) public GitHub repositories, by the exact strings of
GITHUB_STRINGS given to the search tool's find_string (10 excerpts each): a file found there is taken when it is such a
readout with a date of its own. The rules of selection are draw_pages.py's, unchanged: POOL holds every page of those
answers that is
  - a readout of a Chinese embassy, consulate or mission, or of a Chinese provincial, city, prefecture, county or
    district leader or foreign-affairs office, meeting or receiving someone or attending an occasion (national leaders'
    readouts left out),
  - in simplified characters (traditional-character gateways, synonym-spun copies, machine translations left out),
  - dated by the page or its address, its date not mangled by the stored copy,
  - naming 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会 or 出席 in its title or lead,
  - not a page (by address) of local1.json to local4.json, nor of draw_pages3.SEEN or SEEN5 below, nor a text another
    set holds (checked by address and by the text's opening).
Each page is kept with the query that found it, its rank in that answer, its address, its date, its headline as stored
and the body as the stored copy has it from its first sentence, as far as the lead needs. The text labelled is
lead(restore(body)) as draw_pages.py takes it. All such pages are taken when there are at most 60 (else
random.Random(SEED).sample); `python -m tests.real.meetings_zh.draw_pages5` prints the items.

zh5 wrote rules on local4.json's errors (RUN.md, "After the twenty-sixth run (zh5, second session)") before writing
these queries, and had read local1-local4's texts and error lists; the rules are frozen from the commit of this file
until local5's first run.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from tests.real.meetings_zh.draw_pages import OFFICIAL, POOL as LOCAL1, TRIGGER, host, restore
from tests.real.meetings_zh.draw_pages2 import POOL as LOCAL2
from tests.real.meetings_zh.draw_pages3 import POOL as LOCAL3, SEEN
from tests.real.meetings_zh.draw_pages4 import POOL as LOCAL4
from tests.real.meetings_zh.draw_xwlb import lead

SEED, COUNT, FETCHED = 2026135, 60, "2026-12-07"

QUERIES = (
    # China's consulates by their posts (none of the earlier lists names these)
    "驻休斯敦总领事 会见 市长 州长", "驻芝加哥总领事 拜会 州长 议员", "驻温哥华总领事 会见 省长 市长", "驻多伦多总领事 拜会 市长",
    "驻大阪总领事 会见 知事 市长", "驻釜山总领事 拜会 市长 道知事", "驻孟买总领事 会见 首席部长", "驻圣彼得堡总领事 会见 州长",
    "驻汉堡总领事 会见 市长 议长", "驻米兰总领事 会见 大区主席", "驻约翰内斯堡总领事 会见 省长", "驻迪拜总领事 会见 酋长国",
    "驻胡志明市总领事 会见 市委书记", "驻清迈总领事 会见 府尹", "驻珀斯总领事 会见 州长 部长", "驻悉尼总领事 出席 招待会 州长",
    # embassies: other titles and occasions
    "使馆 政务参赞 会见 议员", "使馆 公使衔参赞 拜会 部长", "使馆 武官 会见 国防部 官员", "大使 接见 当地 华侨 官员 出席",
    "大使 出席 独立日 庆典 总统", "大使 出席 中国企业 项目 开工仪式 总理", "大使 出席 抗疫物资 交接 仪式 部长",
    "大使 慰问 地震 灾区 省长 会见", "大使 出席 植树 活动 部长", "大使 视频通话 部长 双方 合作",
    "大使 宴请 议会 友好小组 议员", "临时代办 出席 招待会 外交部 官员",
    # provinces, cities and their occasions in China
    "四川 省长 会见 外国 驻成都 总领事", "山东 省委书记 会见 外国 大使 一行", "浙江 副省长 会见 外国 代表团 友好省州",
    "福建 省长 会见 外国 客人 一行 厦门", "湖北 省委书记 会见 外国 驻武汉 总领事", "湖南 省长 会见 外国 代表团 长沙",
    "河南 省长 会见 外国 大使 郑州", "辽宁 省长 会见 日本 韩国 代表团 沈阳", "吉林 省长 会见 俄罗斯 朝鲜 代表团 长春",
    "内蒙古 自治区 主席 会见 蒙古国 代表团", "海南 省长 会见 外国 大使 海口", "陕西 省长 会见 外国 客人 西安",
    "宁夏 会见 阿拉伯国家 代表团 中阿博览会", "南宁 东盟博览会 会见 外国 部长 自治区", "昆明 南亚博览会 会见 外国 部长 云南",
    "哈尔滨 中俄博览会 会见 俄罗斯 州长 黑龙江", "进博会 上海 市长 会见 外国 代表团", "广交会 广州 市长 会见 外国 客商",
    "青岛 市长 会见 外国 代表团 友好城市", "厦门 市委书记 会见 外国 驻厦门 总领事", "苏州 市长 会见 外国 市长 友好城市",
    "县长 会见 外国 客人 考察 投资",
)

GITHUB_STRINGS = ("总领事拜会", "副省长会见", "市长会见了", "大使出席了", "外事办公室主任")

# Pages the search tool showed zh5 before these queries were written (while the Part A rules were written: two searches
# for a department head's meeting, "外交部亚洲司司长 会见 驻华大使" and "外交部 司长 会见 驻华使馆 公使 交换意见"): left
# out whatever they are.
SEEN5 = (
    "http://news.big5.enorth.com.cn/system/2012/07/28/009724610.shtml", "http://www.epochtimes.com/b5/3/12/21/n434011.htm",
    "http://yzaobao.com/shiju/20221218/129854.html", "https://turnnewsapp.com/choice/298592.html",
    "https://www.todayreview88.com/", "https://exmoo.com/article/241419.html",
    "http://ahscb.com/html/2024-04/02/content_363659.htm", "https://agora0.github.io/2205/rthk/2022/05/25/",
    "https://www.tianfucaijing.com/kuaixun/179553.html", "https://phb7.com/tags-74860-0.html",
    "https://m.ep3d.com/detail/27r3b.html", "http://www.163rw.com/xinxifabu/guowuyuanxinxi/2019-10-21/11596.html",
    "https://phb7.com/tags-95761-0.html", "https://121xx.cn/art/info/119011998",
    "https://tw.bg3.co/a/lu-wai-jiao-bu-fu-bu-chang-xie-feng-hui-jian-mei-xin-ren-zhu-hua-da-shi-bo-en-si-zhao-pian-pu-guang.html",
)

# Pages of the answers left out, and why (besides local1's to local4's own pages, SEEN and SEEN5, left out by draw()):
# (filled in after the answers are read)
# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = ()


def _held() -> list[str]:
    """The texts every other set holds (without spaces), to leave out a page whose text one already holds."""
    out = []
    for path in sorted(Path(__file__).parent.glob("*.json")):
        if path.name == "local5.json":
            continue
        data = json.loads(path.read_text("utf-8"))
        out += [(item.get("text") or "").replace(" ", "") for item in (data["items"] if isinstance(data, dict) else data)]
    return out


def draw() -> list[dict]:
    used = {url for pool in (LOCAL1, LOCAL2, LOCAL3, LOCAL4) for url, *_ in pool}
    held = _held()
    items = []
    for url, query, rank, published, title, body in POOL:
        text = lead(restore(body))
        opening = text.replace(" ", "")[10:40]
        if url in used or url.startswith(SEEN) or url.startswith(SEEN5) or not TRIGGER.search(title + text) \
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
