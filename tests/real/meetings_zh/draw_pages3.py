"""How local3.json's texts are drawn (2026-12-07, by zh6): a third held-out set of the kind local1.json and local2.json
hold, the news of China's embassies and consulates abroad and of provincial, city and district leaders' and
foreign-affairs offices' meetings with foreigners, of pages no earlier set uses.

Written and committed BEFORE any answer of these queries was read, and before any rule ran on any page they find.
Source: the stored public web pages of the search tool's `pages` corpus (as draw_pages.py and draw_pages2.py). The
queries of QUERIES were written to reach such news in other words than draw_pages.py's and draw_pages2.py's (so that
other pages come up), and never chosen by what any rule finds; each returns its 8 nearest stored pages. The rules of
selection are draw_pages.py's, unchanged: POOL holds every page of those answers that is
  - a readout of a Chinese embassy, consulate or mission, or of a Chinese provincial, city, prefecture or district
    leader or foreign-affairs office, meeting or receiving someone or attending an occasion (national leaders'
    readouts left out),
  - in simplified characters (traditional-character gateways, synonym-spun copies, machine translations left out),
  - dated by the page or its address, its date not mangled by the stored copy,
  - naming 会见, 会晤, 会谈, 通电话, 通话, 访问, 访华, 拜会 or 出席 in its title or lead,
  - not a page (by address) of local1.json or local2.json, nor one of SEEN (the pages the search tool showed zh6 while
    the foreign-places gazetteer was written and wired, 2026-12-07: their texts were read during development), nor a
    text another set holds (checked by address and by the text's opening).
Each page is kept with the query that found it, its rank in that answer, its address, its date, its headline as stored
and the body as the stored copy has it from its first sentence, as far as the lead needs. The text labelled is
lead(restore(body)) as draw_pages.py takes it. All such pages are taken when there are at most 60 (else
random.Random(SEED).sample); `python -m tests.real.meetings_zh.draw_pages3` prints the items. If the queries give fewer
than 30 such pages, a second list (QUERIES2) is written, committed before its answers are read, in the same spirit.
"""
from __future__ import annotations

import json
import random
import sys

from tests.real.meetings_zh.draw_pages import OFFICIAL, POOL as LOCAL1, TRIGGER, host, restore
from tests.real.meetings_zh.draw_pages2 import POOL as LOCAL2
from tests.real.meetings_zh.draw_xwlb import lead

SEED, COUNT, FETCHED = 2026132, 60, "2026-12-07"

QUERIES = (
    "总领事 会见 市长 双方 友好城市 交流 总领馆 新闻", "总领事 拜会 省长 总领馆 领区 合作", "总领事 会见 州议会 议长 总领馆",
    "大使 会见 国民议会 议长 使馆 新闻", "大使 拜会 副总统 使馆 双边关系", "大使 会见 国防部长 使馆", "大使 会见 经济部长 驻 使馆 务实合作",
    "大使 会见 教育部长 使馆 留学生", "大使 会见 卫生部长 使馆 医疗队", "大使 会见 农业部长 使馆 合作 项目",
    "大使 向 总统 递交国书 使馆", "新任大使 拜会 外交部礼宾司 递交国书副本", "总领事 到任 拜会 市长 领区",
    "大使 会见 执政党 总书记 使馆 交流", "大使 会见 反对党 领袖 使馆", "大使 会见 议员 友好小组 主席 使馆",
    "总领事 出席 华侨华人 春节联欢 市长 出席", "总领馆 举办 中秋 招待会 市长 议员 出席", "使馆 举办 国庆 招待会 外长 出席 大使 致辞 各界",
    "大使 出席 中资企业 项目 竣工 仪式 总统 出席", "大使 出席 援建 项目 交接 仪式 部长", "总领事 出席 孔子学院 活动 市长 出席",
    "外办 主任 会见 外国 驻华 大使馆 参赞 一行", "外事办公室 主任 会见 外国 总领事 一行 双方 交流", "外办 副主任 会见 外国 驻 总领馆 领事 一行",
    "省委书记 会见 外国 驻华大使 省委 外事", "省长 会见 外国 州长 友好省州 一行", "副省长 会见 外国 副州长 代表团 友好交流",
    "市委书记 会见 外国 友城 市长 一行 市委", "市长 会见 外国 姐妹城市 代表团 市政府", "副市长 会见 外国 友好城市 议员 代表团",
    "区委书记 会见 外国 代表团 区 外事", "州委书记 会见 外国 驻华 总领事 州 外事", "自治区 主席 会见 外国 大使 一行",
    "省人大常委会 主任 会见 外国 议会 代表团", "省政协 主席 会见 外国 代表团 一行", "市人大 主任 会见 外国 市议会 代表团",
    "省长 视频会见 外国 州长 省政府", "市长 视频 会谈 友好城市 市长", "省委书记 会见 外国 企业 代表团 一行 投资",
    "外国 驻华大使 访问 省 副省长 会见 外办", "外国 总领事 来 市 访问 市长 会见 外办", "外国 代表团 来访 市委书记 会见 友好城市 结好",
    "大使馆 新闻 大使 会见 首席部长", "总领馆 新闻 总领事 会见 县长 市长 领区", "总领事 会见 州务卿 州长 总领馆",
    "大使 会见 国王 使馆 新闻", "大使 会见 总理府 部长 使馆 新闻 中方", "大使 辞行 拜会 议长 总理 使馆",
    "驻 大使 应约 会见 外交部 常秘 使馆",
)

# Pages the search tool showed zh6 (by address) while the gazetteer was being written and wired: never drawn.
SEEN = (
    "https://expydoc.com/doc/7650214", "http://www.pref.osaka.lg.jp/koho/ugoki/201609.html",
    "http://kuniohiramatsuosaka.blogspot.jp/2009/06/20096-5.html", "http://es18.nameserver.ne.jp/entry/cpa/2006/03/acp/1.html",
    "https://nikkeyshimbun.jp/?p=134100", "https://www.city.osaka.lg.jp/contents/wdu210/mayor/text/text100129.html",
    "https://nikkeyshimbun.jp/2019/190817-71colonia.html", "https://news.ntv.co.jp/category/society/ni47b58d88378d48c584864cc34209de8d",
    "http://nakedoat.com/govweb/xinwen/2014-05/12/content_2677752.htm", "http://news.sina.com.cn/o/2007-11-21/101112943342s.shtml",
    "http://you.kantsuu.com/201008/20100805103847_183306.shtml", "http://epaper.bjnews.com.cn/html/2012-02/19/content_318442.htm",
    "http://hefei.baogaosu.com/xinwen/", "https://www.pref.akita.lg.jp/pages/archive/44665",
    "https://news.sina.com.cn/c/2005-09-08/08236890659s.shtml",
    "https://www.mfa.gov.cn/web/zwbd_673032/wshd_673034/202501/t20250117_11537436.shtml",
    "https://tripcoinc.com/gdywdt/gdyw/content/post_2585434.html",
    "https://www.fmprc.gov.cn/web/gjhdq_676201/gj_676203/dyz_681240/1206_681242/1206x2_681262/202208/t20220808_10736904.shtml",
    "https://www.zhaozhishi.net/news/shanghaixinwen/2008-04-03/123.html", "http://zjrb.zjol.com.cn/html/2007-12/11/content_1871190.htm",
    "http://zjnews.zjol.com.cn/system/2012/09/04/018784098.shtml", "http://news.bandao.cn/news_html/201304/20130425/news_20130425_2139871.shtml",
    "https://www.fohb.gov.cn/info/2011-03/20110321164124_2620.html", "https://staging.reportify.cn/news/1169192541577416704",
    "https://app.kyeonggi.com/article/200006220101604", "https://jjang0u.com/board/view/pes/15169405/1",
    "http://www.cpanelgratis.com/content/201905/21/c_78800.html", "https://japanese.gg.go.kr/blog/daily-news/3483",
    "http://www.ccinnews.com/news/articleView.html?idxno=3628", "https://www.bilezu.com/html/802982656.html",
    "https://china2au.com/html/aozhouxinwen/20230402/1628363.html", "https://ozchinese.com/",
    "http://hot1.ffsy56.com/newsdetail1739567.html", "https://www.ctdsb.net/c1679_202303/1698859.html",
    "http://www.yusrgfq.cn/c/2019-04-25/2334620.shtml", "https://jxxfw.com/periodical/cba0a14289a0f567d5b945703f7bd83a.html",
    "https://liveinmelbourne.vic.gov.au/zh-cn/news-events/news/2020/1884184", "http://xdkb.net/rd/385532",
    "https://www.mfa.gov.cn/gjhdq_676201/gj_676203/bmz_679954/1206_680426/1206x2_680446/202402/t20240206_11241350.shtml",
    "https://ptzyk.com/hqhr/2014/09-24/19226.shtml", "http://zgydyl.org.cn/Home/News/view/id/11261",
    "http://ccbay.netfirms.com/index.php/ccnews/community/item/7563-2018", "http://ccnews.ca/index.php/ccnews/community/item/7563-2018",
    "http://www.edmontonchina.com/forum.php", "https://www.chinaqw.com/hdfw/2025/07-09/395163.shtml", "https://blog.jackjia.com/?p=45248",
    "https://tw.news.yahoo.com/",
)

# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = ()


def draw() -> list[dict]:
    used = {url for url, *_ in LOCAL1} | {url for url, *_ in LOCAL2}
    items = []
    for url, query, rank, published, title, body in POOL:
        text = lead(restore(body))
        if url in used or url.startswith(SEEN) or not TRIGGER.search(title + text):
            continue
        items.append({"source": "stored web page (search tool, pages corpus)", "url": url, "host": host(url),
                      "stratum": "official site" if OFFICIAL.search(host(url)) else "reprint",
                      "query": query, "rank": rank, "published": published, "fetched": FETCHED, "title": title,
                      "text": text})
    return items if len(items) <= COUNT else random.Random(SEED).sample(items, COUNT)


if __name__ == "__main__":
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
    print(len(draw()), file=sys.stderr)
