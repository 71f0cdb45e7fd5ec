"""How mfa2.json's texts are drawn (2026-12-07, by zh8): a fresh held-out set of the ministry's OWN Chinese readouts of
meetings, talks, calls and visits (the columns 部长活动 (wjbzhd), 重要新闻 (zyxw) and 外交部新闻 (wjbxw) of
www.fmprc.gov.cn/web/ and www.mfa.gov.cn/web/): 王毅会见/会谈/通电话, vice-ministers' meetings, and the readouts of 习近平
and 李强 the ministry publishes; of pages no earlier set uses.

Written and committed BEFORE any answer of these queries was read, and before any rule ran on any page they find.
Sources: (1) the stored public web pages of the search tool's `pages` corpus, by the fixed queries of QUERIES, each
returning its nearest stored pages (at most 12), taken in the order returned; (2) public GitHub repositories, by the
exact strings of GITHUB_STRINGS given to the search tool's find_string (10 excerpts each): a file found there is taken
when it is such a readout with a date of its own; (3) ADDED (commit a267b80) after 13 of the 25 queries' answers had been
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

# Pages of the answers left out, and why (filled while reading the answers, 2026-12-07, after a267b80). No answer of
# the 25 queries but one is a page at a ministry address; the rest are reprints, which the rule leaves out whatever
# they hold (most are also in traditional characters, or announcements and press-conference answers, not readouts):
#   Q1 王毅会见 外交部: hotsrq, 163rw, agora0 (RTHK), hk.on.cc (traditional); zaobaoc, whb (announcements); rank 5 (no
#       address); stheadline (the NPC press conference)
#   Q2 王毅同 举行会谈: gicjota1, nanmuxuan, 49.213, ktsf, sputniknews x2, tvb (traditional); xinouzhou (a Japanese
#       paper's report)
#   Q3 王毅同 通电话: adamstore (Korean); i-cable, gicjota1, sputniknews, afdelivr, tkww, cnyes (traditional);
#       wallstreetcn (a reprint of a press-conference answer)
#   Q4 副外长 会见: bg3, big5.cctv, jiuxingjy (traditional); 81783596, 121xx, whb (press conferences); turnnewsapp
#       (traditional); rank 6 (Singapore's minister, no address)
#   Q5 fmprc.gov.cn web wjbzhd: no readout (procurement, law review, lists, a .doc, spam)
#   Q6 外交部长王毅 会见 大使: zaobaoc, 163rw, hk.on.cc, turnnewsapp, whb, 163.com, agora0, rank 7: as Q1 (163.com a
#       commentary)
#   Q7 王毅 会见 外长 北京 钓鱼台: hk.on.cc, turnnewsapp, 881903, mingpaocanada, tvb (traditional); stheadline;
#       jrssaishi (a tag page); rank 2 (no address)
#   Q8 王毅 应约 同 外长 通电话: as Q3, and 881903, hkcd, hk01, stheadline (traditional)
#   Q9 外交部副部长 会见 驻华大使: ahscb, 121xx, tianfucaijing, ep3d (press conferences); bg3, hkej, nanmuxuan
#       (traditional); zhongtouwang 2023-03-28 (a reprint of a ministry readout, credited 外交部网站: not at a ministry
#       address, left out by the rule)
#   Q10 外交部部长助理 会见: rank 4, https://www.fmprc.gov.cn/web/wjb_673085/zzjg_673183/gats_674693/xgxx_674695/201408/
#       t20140808_7678672.shtml, TAKEN (the one page at a ministry address); the rest as Q1 and Q4, and japanese.cri
#       (Japanese)
#   Q11 王毅 出席 开幕式 外交部 部长活动: yahoo hk, fortuneinsight, 163rw, hk.on.cc, 881903, big5.china.com.cn, hk01
#       (traditional or announcements); zaobaoc
#   Q12 习近平 会见 外交部 重要新闻: hbrb, feifmx, news.china.com, rank 5 (a briefing announcing a visit);
#       daydaynews (a press conference); szhgh, shadafang, rank 8 (commentaries, traditional)
#   Q13 李强 会见 总理 外交部 重要新闻: bastillepost, udn, hket (traditional); book79 (an encyclopaedia list); zzrb
#       (announcement); chinadaily 2016 (a government-site reprint); stheadline; crntt (traditional)
#   Q14 习近平 同 总统 通电话 外交部: udn, tkww, yahoo tw x2, hk01, etnet (traditional); chinausfocus 2017 (a reprint
#       of Xinhua); stheadline
#   Q15 王毅 访问 会谈 外长 联合新闻 记者会: stheadline, hotsrq, hk.on.cc, fastread (traditional or press conferences);
#       worldometers (a rewritten copy); rank 6 (no address); livedoor (Japanese); fjsen (the NPC press conference)
#   Q16 王毅 会见 来华访问的: hk.on.cc, mingpao x2, bastillepost, agora0, tvb (traditional); rank 4 (no address);
#       yanjintv 2019 (a reprint of China News Service)
#   Q17 马朝旭 会见: chinanews 2009 (the spokesman's first press conference); the rest Taiwan's former president's
#       visit (reprints, traditional)
#   Q18 孙卫东 会见: sputniknews (traditional); jcfc.or.jp (a Japanese foundation's page); others not the ministry
#       (孙亚夫, 孙武彦, 孟建柱, 孙东生, a wiki, a spam copy)
#   Q19 华春莹 副部长 会见: a news agency's self-report; press conferences; Japanese; traditional
#   Q20 王毅 会见 美国 国务卿: jrssaishi (tag page); nanmuxuan, 881903, tvb (traditional); livedoor (Japanese);
#       zhetiaohe (a question); cacnews (the State Department's statement translated); stnn (announcement)
#   Q21 王毅 会见 俄罗斯 外长 拉夫罗夫: agora0, sputniknews x2 (traditional); ycmb (a spun copy); hollandone, hkhtnews,
#       hk01 (announcements); apdnews 2019-02-27 (a reprint, no ministry address)
#   Q22 王毅 会见 非洲 外长: announcements and press conferences only (881903, apdnews, ygxz, usy7, dotdotnews,
#       baogaosu, hk.on.cc, aastocks)
#   Q23 王毅 会见 欧盟 高级代表: world.people.com.cn 2016 (People's Daily's own report); se.china-embassy.org 2017 (an
#       embassy's page, not the ministry's columns: local1's kind); eeas.europa.eu (the EU's page); golday168,
#       wushan.gov.cn (reprints); agora0, hk01, hkcd (traditional)
#   Q24 外交部 部长活动 会谈: phb7 (a tag page); hbcasj, 163rw, big5 gov.cn, hk01 (traditional); whb (announcement);
#       void.ai (a wiki); weidunews (a tag page)
#   Q25 中华人民共和国外交部 重要新闻 会见: phb7, weidunews (tag pages); ahscb, news.china.com, rank 7 (press
#       conferences); stheadline, hotsrq, todayreview88 (traditional)
# GitHub (GITHUB_STRINGS): wjbzhd, 部长活动, 王毅会见, 王毅同 and zyxw found crawlers' code, URL lists, trending-topic
# lists, SQL dumps of China News Service reprints and news-digest summaries written by their repositories' own
# pipelines (two name a ministry address, www.mfa.gov.cn/wjbzhd/202609/t20260917_12024847.shtml and .../202608/
# t20260825_12010205.shtml, beside a summary of their own: not the ministry's text): no qualifying text.
# REPOSITORIES: 17ayst/www.fmprc.gov.cn (two scripts), x13-caesar/FMPRC_NLP (CPC-site CSVs; data/fmprc_zyjh.csv, 重要
# 讲话 speeches by its name, absent from the snapshot), shawn47/FmprcNewsSeed (a crawler, domain and keyword lists),
# Last-ID/fmprc (results.txt: 67 list pages of 发言人表态, no readout page), twinkletwinklelittlestar70/
# fmprc_gov_speech_crawler (a crawler): no qualifying text.
# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = (
    ('https://www.fmprc.gov.cn/web/wjb_673085/zzjg_673183/gats_674693/xgxx_674695/201408/t20140808_7678672.shtml',
     '外交部部长助理 会见', 4, '2014-08-08', '“香港杯”外交知识竞赛优胜者参访团与外交部官员座谈',
     '2014年8月6日,第八届“香港杯”外交知识竞赛优胜者参访团一行约40人访问外交部。在张业遂副部长会见该团后,港澳台司马占武副'
     '司长与参访团就当前国际形势、中国外交政策、涉港外交工作等进行了交流座谈。外交部发言人、新闻司华春莹副司长简要介绍了外交'
     '部发言人制度及其本人的日常工作,并带领参访团参观了外交部蓝厅;国际司任义生参赞介绍了中国的多边外交及涉港国际合作等情况。'
     '他们三人还分别回答了参访团成员的提问。'),
)


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
