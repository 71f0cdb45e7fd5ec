"""How mfa4.json's texts are drawn (2026-12-07, by zh8): a third try at a held-out set of the ministry's OWN Chinese
readouts (draw_mfa2.py's stored web pages gave one page at a ministry address, draw_mfa3.py's repositories none).

Written and committed BEFORE any answer of these queries was read. What zh8 had seen: the one ministry page
draw_mfa2.py found (www.fmprc.gov.cn/web/wjb_673085/zzjg_673183/gats_674693/xgxx_674695/..., a department's 相关信息
page), whose stored copy begins with the site's breadcrumb (首页 > 外交部 > 组织机构 > 香港澳门台湾事务司 > 相关信息) and
ends with the site's chrome (返回顶部 信息提示 您即将离开外交部门户网站,跳转到其他网站,是否继续访问?). The queries below
are written in that page chrome's words, with a meeting verb, to reach the stored pages of www.fmprc.gov.cn and
www.mfa.gov.cn that the topical queries of draw_mfa2.py did not (their answers were reprints); the columns: 部长活动,
重要新闻, 外交部新闻 / 部领导活动, 领导人活动, and the departments' 相关信息 and 工作动态 pages (department heads'
meetings, published by the ministry). Each query's answer (8 pages) is read in rank order.
A page is taken by draw_mfa2.py's rules, unchanged (MINISTRY address, a meeting verb in title or lead, simplified,
dated by page or address to the day, not a page or text any json of tests/real/meetings_zh/ holds, nor mfa2.json's,
nor the china_fm cache's press conferences), once, at its first finding. The text labelled is lead(restore(body)),
the body taken from its first sentence after the page's breadcrumb, headline and date. All are taken when at most 60
(else random.Random(SEED).sample of 60).
"""
from __future__ import annotations

import json
import random
import sys

from pathlib import Path

from tests.real.meetings_zh.draw_mfa2 import MINISTRY, POOL as MFA2, TRIGGER
from tests.real.meetings_zh.draw_pages import restore
from tests.real.meetings_zh.draw_xwlb import lead

SEED, COUNT, FETCHED = 2026137, 60, "2026-12-07"
_CHROME = "返回顶部 信息提示 您即将离开外交部门户网站"
QUERIES = (
    f"首页 > 外交部长 > 部长活动 王毅 会见 {_CHROME}",
    f"首页 > 外交部长 > 部长活动 王毅 同 举行会谈 {_CHROME}",
    f"首页 > 外交部长 > 部长活动 王毅 应约 通电话 {_CHROME}",
    f"首页 > 重要新闻 习近平 会见 {_CHROME}",
    f"首页 > 重要新闻 李克强 会见 总理 {_CHROME}",
    f"首页 > 外交部新闻 副部长 会见 驻华大使 {_CHROME}",
    f"首页 > 外交动态 > 部领导活动 部长助理 会见 {_CHROME}",
    f"首页 > 外交动态 > 领导人活动 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 亚洲司 > 相关信息 司长 会见 驻华大使 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 非洲司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 欧洲司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 欧亚司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 西亚北非司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 北美大洋洲司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 拉丁美洲和加勒比司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 国际司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 军控司 > 相关信息 司长 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 边界与海洋事务司 > 相关信息 磋商 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 条约法律司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 领事司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 政策规划司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 国际经济司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 礼宾司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 新闻司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 香港澳门台湾事务司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 外事管理司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 涉外安全事务司 > 相关信息 会见 {_CHROME}",
    f"首页 > 外交部 > 组织机构 > 翻译司 > 相关信息 会见 {_CHROME}",
)

# Pages of the answers left out, and why (filled while reading the answers):
#   Q1-Q14, Q16, Q17, Q20-Q28: no page at a ministry address but www.fmprc.gov.cn/esp/wjb/zzjg/bmdyzs/ (Q9 r4, Spanish,
#     a department's profile); the rest reprints, announcements, press conferences, encyclopaedias, traditional
#     characters (as draw_mfa2.py's answers).
#   Q18 r4 and Q19 r2: www.mfa.gov.cn/wjb_673085/zzjg_673183/tyfls_674667/xwlb_674669/201504/t20150412_7670328.shtml
#     (中美举行第六轮海洋法和极地事务对话): no meeting verb in title or lead (对话, 交换了意见): left out by the rule.
# (address, the query's number (1-based), its rank in that answer, published, headline, body as stored)
POOL: tuple = (
    ('https://www.mfa.gov.cn/wjb_673085/zzjg_673183/ldmzs_673663/xwlb_673665/201507/t20150720_7647949.shtml', 15, 7,
     '2015-07-20', '外交部副部长张业遂会见乌拉圭离任驻华大使波特利',
     '2015年7月20日,外交部副部长张业遂会见即将离任的乌拉圭驻华大使波特利。\n张业遂对波在担任驻华大使和拉美及加勒比国家驻华使'
     '团长期间,积极推动双边以及中拉关系发展表示赞赏,强调中方将加强中乌全方位交往,拓展各领域交流合作,不断提升双边关系水平。\n'
     '波特利感谢中方在其履职期间提供的大力支持,表示乌方高度重视发展对华关系,她本人将继续积极致力于乌中友好事业。'),
    ('https://www.mfa.gov.cn/web/wjb_673085/zzjg_673183/tyfls_674667/xwlb_674669/201810/t20181030_7670978.shtml', 19, 1,
     '2018-10-30', '外交部条法司司长徐宏出席第73届联大“国际法周”活动',
     '2018年10月22日至27日,外交部条法司司长徐宏率团出席在纽约召开的第73届联大“国际法周”活动。期间,徐宏参与审议联大全会“国际'
     '法院报告”议题、联大六委“国际法委员会报告”议题,并出席各国外交部法律顾问非正式会议,就有关议题阐述了中方立场。\n“国际法周”'
     '活动期间,徐宏分别参加安理会五常国家及金砖国家外交部条法司长(法律顾问)磋商,就共同关心的国际法问题交换了意见。\n徐宏还会见联'
     '合国负责法律事务的副秘书长苏亚雷斯和助理秘书长马蒂亚斯,并会见德国、瑞士、丹麦、以色列、新西兰等国外交部法律顾问(条法司长)'
     '及红十字国际委员会法律顾问,就加强国际法领域的交流与合作交换了看法。'),
    ('https://www.mfa.gov.cn/web/wjb_673085/zzjg_673183/jks_674633/jksxwlb_674635/200504/t20050418_7665837.shtml', 19, 3,
     '2005-04-18', '李肇星外长会见促进《全面禁止核试验条约》生效特别代表拉马克',
     '4月18日,李肇星外长应约会见来华访问的促进《全面禁止核试验条约》(CTBT)生效特别代表、荷兰的拉马克大使。李外长表示,CTBT有'
     '利于防止核武器扩散,维护世界和平与稳定,符合包括中国在内国际社会的共同利益。中国支持条约早日生效,愿与各方一道为此作出努力。'
     '\n拉赞赏中国对条约所持的积极态度,强调了中国批约的重要意义,希中方尽早批约。'),
)


def _held() -> tuple[set[str], list[str]]:
    """Addresses and texts (without spaces) every other set holds (draw_mfa2's page is left out by address)."""
    urls, texts = set(), []
    for path in sorted(Path(__file__).parent.glob("*.json")):
        if path.name == "mfa2.json":  # the combined set these draws make (draw_mfa2, draw_mfa4, draw_mfa5)
            continue
        data = json.loads(path.read_text("utf-8"))
        for item in (data["items"] if isinstance(data, dict) else data):
            if isinstance(item, dict):
                urls.add(item.get("url") or "")
                texts.append((item.get("text") or "").replace(" ", ""))
    return urls, texts


def draw() -> list[dict]:
    urls, held = _held()
    items, seen = [], {row[0] for row in MFA2}
    for url, query, rank, published, title, body in POOL:
        text = lead(restore(body))
        opening = text.replace(" ", "")[10:40]
        if url in urls or url in seen or not MINISTRY.search(url) or not TRIGGER.search(title + text) \
                or any(opening in other for other in held):
            continue
        seen.add(url)
        items.append({"source": "stored web page (search tool, pages corpus)", "url": url, "host": url.split("/")[2],
                      "query": QUERIES[query - 1], "rank": rank, "published": published, "fetched": FETCHED,
                      "title": title, "text": text})
    return items if len(items) <= COUNT else random.Random(SEED).sample(items, COUNT)


if __name__ == "__main__":
    print(json.dumps(draw(), ensure_ascii=False, indent=1))
    print(len(draw()), file=sys.stderr)
