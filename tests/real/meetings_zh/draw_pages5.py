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
#   Q1: scdaily x4 (a Guinean honorary consul's diary; traditional), fraudsandswindlers (traditional), houston emb-japan (Japanese), sopanbar (fiction): none
#   Q2: fengdujob (no readout); chicago.china-consulate 2018-12-19 (local2's text); usachinanews 57645 2024 (no meeting verb in title or lead: 举行离任招待会); chinaqw 2016-01-28 (no meeting verb in title or lead); usachinanews 14585 (no date of its own); kangaizheng (an explainer)
#   Q3: shzq (an explainer); tvmedium 新春招待会 (no date of its own: 2月9日 only); mingpaocanada, nbnewpower, mingpao.library.ubc, h1.com.hk (traditional); edmontonchina (a forum copy, no date of its own)
#   Q4: tvmedium x2 (no date of its own); blog.jackjia (no date of its own); zgydyl (日前, no date of its own); ebzows (traditional); women11 (spam-injected copy)
#   Q5: Japanese pages only
#   Q6: Japanese pages only
#   Q7: cbook (a book); ischool, rlvainechzfbn (traditional); gdfao post_1321432 (no date of its own); cfjyjj (no readout, no date of its own); aoweibang 3490292 (no date of its own)
#   Q8: niigata jpn (Japanese); radiometro (Russian); big5.sputniknews, mkcnfr (traditional); st-petersburg emb-japan (Japanese); mfa 2026-01-22 罗世雄 (local3's page); russian.dbw (no readout)
#   Q9: hinabian.pwv.one (no date of its own); news.cntv, boronfuelsource (traditional), johnnytowncar (national: 李克强); hamburg.china-consulate 2020-01-24 (a speech, not a readout); hamburg emb-japan (Japanese); bremische-buergerschaft (German); blog.sciencenet 2016 (no meeting verb in title or lead)
#   Q10: chinahisu, nbnewpower, hk1.crntt, ptzyk, m.latitude-buildinganddevelopment, 49.213 (traditional)
#   Q11: m.nanfei8.com ShowInfo 77561, 37473, 76768, 78938, 75642 (no date of their own: neither the page's copy nor its address dates them); shoudashu (fiction); big5 gov.cn (traditional)
#   Q12: xiaoshuotop, jykxzz (no readout); 58.215.244.94 (a copy dated before its dateline's event, no foreign party); fao.sz.gov.cn post_1427369 and post_1427368 (no date of their own); zgcsjs (a notice); etnet (traditional)
#   Q13: jxjtwl (fiction); cn.sggp (traditional, Vietnam's party); zh.dantocmiennui, zh.vietnamplus, cn.dangcongsan (Vietnamese papers' translations: no Chinese party's readout); vovworld (Japanese)
#   Q14: chiangmainews, northernsistercity x3 (Thai); wiki.ccget (an encyclopaedia); fx361 2017 (a feature, no readout); ptzyk (traditional)
#   Q15: aoweibang 3490292, rank.aoweibang LgRnyo and LXQbqr (no date of their own); xuehua.us, hkcd (traditional); dwqgbh (a speech)
#   Q16: aoweibang 3490292 (no date of its own); huarenyizhan (a forum copy, no date of its own); xhgmw 2014/0723 (the article's second page, no lead; dated 2011 by its copy); m.163 KLJPCLS1 (no date of its own); sydneytoday (taken under Q15)
#   Q17, Q18: dictionaries and glossaries only
#   Q19: zhizhiguan, baike.baidu.hk, 32h.pingguodj (explainers); aderss (traditional); rcs.laoying, tjp.laoying, rank 5 (spam-injected copies); ftxiaoshuo (fiction)
#   Q20: big5.chinataiwan, big5 gov.cn, ptzyk x2, m.youngorbeijing, destroybadbreath, yogviha, nbnewpower (traditional)
#   Q21: no readout (speeches of the US embassy and AIT, traditional, explainers)
#   Q22: gobysa (a spam-injected copy); 22324.cn, drigene (traditional); jx.3863784 (a spam copy; national: 李克强); m.mofcom 202407 (no meeting verb in title or lead: 主持召开…座谈会); bjtitle (national press conference); rank 8 (a synonym-spun copy)
#   Q23: cn.apdnews, shadafang (no date of their own); zhongyishudian x2, big5.xinhuanet, ppfocus (traditional); chubun (dated by a month's issue only)
#   Q24: niigata jpn x3, japanese.china.org.cn, china-embassy.or.jp jpn, big5.news.cn jp (Japanese); jnocnews 2024-01-31 (no meeting verb in title or lead: 慰问, 看望)
#   Q25: Japanese and Taiwanese pages only
#   Q26: bjgthy (a spun commentary), news.gscn, yexian114, yidaiyilu (national), dentiste-levallois-perret, hotsrq, shangrongsuo (traditional), jrssaishi (no readout)
#   Q27: wmzd.szvf x2 (spun text), topvintageporn, afdelivr (traditional), voa.pangea-cms (national: 吴邦国), taronews (Taiwan), rmrb.online 1998 (no meeting verb in title or lead); mfa 2008-03-26 李长华 (local1's text)
#   Q28: dictionaries, fiction (feiwenwang1, zpzgbw), a memoir (shdbkk), artikeldigital (an encyclopaedia), nakedoat, epochtimes (traditional)
#   Q29: ischool, mdsl88, tjtfjx (traditional); rank 6 (no address); cbgc.scol 3571612 (no date of its own)
#   Q30: jsszyb, ytfushui, nakedbustytits (traditional); china-data.org (Japanese); vxz.us (an English summary page); yybnet 201712 (dated by the month alone); jxxfw (a paper's abstract); nongzhifu (no readout)
#   Q31: zjrb 2008-11-27 (its copy lacks the opening sentence; no meeting verb in what it has); soolun (a paper's abstract; Taiwan); ft.newdu 201705 (dated by the month alone)
#   Q32: fengdujob x3, jrssaishi (no readout); rank 4 (no address; an overseas Chinese association's news)
#   Q33: 19mhn34f, zhetiaohe, hb.ifeng, ijianli, fengdujob (headlines only, no text); eaex (no date of its own; no foreign party); bid.caigoupt (a masked copy of a national announcement)
#   Q34: video.rednet 2017 (no meeting verb in title or lead: 座谈); xiezuofangchengshi (a speech); sdlsmy, big5.cctv (traditional); zhijiangrongmei 14544620 (no date of its own)
#   Q35: fengdujob (no readout); hnrzz 5802 (no date of its own); ccnjf, dzsdc (traditional); zwxw 2940 (no date of its own); yqwtd (a spam-injected copy of a provincial office's page)
#   Q36: m.fx361 2020 (a paper); xianglinexpo (no readout); web-tv.tokyo (Japanese); jswenzuo 6274, freewechat 2651482528 and 2651482136 (no date of their own); pitbosspatrol (Korean)
#   Q37: afdelivr, 2de18, m.nakedoat, big5 gov.cn (traditional); jp.changchun.gov.cn (Japanese)
#   Q38: zhetiaohe, tmsjy (no readout); big5 gov.cn, huiyingmeng (traditional); korean.cri (Korean); guanhai (an appointment, no meeting)
#   Q39: japanese.china.org.cn (Japanese); sznianjian (a yearbook entry, no date of its own); tiantiansz x3, zhetiaohe (no readout); 13672467021.cn (traditional)
#   Q40: rank 1 (no address); bbs.shangbaolishi (a forum copy dated ten months after); m.yybnet shanxi 201905 (dated by the month alone); ttnews.xyz (no date of its own); m.lurdlur (traditional; Taiwan)
#   Q41: fjjgj, m.hbcasj, petawa, zydgw, athelone, feifmx (traditional); meipian (a personal post, no readout, no date of its own); huzhu.gov.cn 2025-08-27 (a Xinhua feature, no readout)
#   Q42: carbonclientele, loankeen, ischool, m.fraudsandswindlers, victorzhang, zgkjsz (traditional)
#   Q43: paper.wenweipo, carvingitup, 888zrbet, shxpbj (traditional); asean-china-center 2016-06 (dated by the month alone); appkp.ccwb 2022-11-19 (national: 张春贤 opens the expo); m.163 CDQCFT0A (national ministry's event, no date of its own); cn.chinadaily 2022-11-21 (a bilingual explainer)
#   Q44: iruorou, m.52ireland, internet-edition (spun or spam copies); unclezhai (no readout); sputniknews.cn x2 (a Russian agency's reports: national leaders, Putin, 唐家璇); big5 gov.cn (traditional); tianzhishui 2015 (national: 汪洋)
#   Q45: markspestcontrol, ucmanga, ccbczpx, udn (traditional); kgp6o.xmbxxkj (a synonym-spun copy); shuanjiao (a feature); ccpitxian (no date of its own; no meeting)
#   Q46: rank 1 (no address; fiction); news.dayoo, cvworld, qikan (features, no readout); bbaike (no readout); big5.cantonfair, m.huierstamping (traditional)
#   Q47: rank 1 (no address); rixinpaint, munidelun, hxbike (traditional); 414w 2024-11-02, cn.office369 2025-07-19, qingdaonews 2019-01-31 (features on sister cities, no meeting verb in title or lead)
#   Q48: m.folksfolks (a speech); fengdujob x3, gdxinbao, 35331.cn (no readout)
#   Q49: dsknw (Korean); jszsyz 6830 (no date of its own); getaca, juduo (traditional); akbankbankingcenter (Japanese); fengdujob (no readout)
#   Q50: no readout of a foreign meeting (fiction: gxiaozhuo, biquba, 23xstxt, jiahuixuan, shucv; qingdaonews 2004-05-12 a domestic county's event; tynews.floppy-demo (traditional, Taiwan); damoshentu (traditional))
# GitHub (GITHUB_STRINGS): 总领事拜会 and 市长会见了 found nothing; 副省长会见 one file (a provincial land bureau's headline list: a
# domestic meeting, no text); 大使出席了 one (a game's script); 外事办公室主任 seven (officials' career data, personnel lists,
# a school's page, a quiz's SQL dump): no qualifying text.
# POOL holds the 59 pages of the answers taken as such readouts; draw() leaves out 9 of them: 6 pages (and texts) local1,
# local2 or local3 hold (wtoca 5047, sydneytoday, finance.sina 2004, news.sina 2005, zjkadi 2011, changsha.baogaosu
# 66900065: the earlier sets' pages, found again) and 3 with no meeting verb in their headline or lead as the lead is cut
# (nanfei8 62689, news.sohu 2011-02-24, cbgc.scol 195300): 50 items.
# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = (
    ('http://www.usachinanews.com/archives/24808', '驻芝加哥总领事 拜会 州长 议员', 5, '2016-07-26', '中国驻芝加哥总领事洪磊到任拜会伊利诺伊州州长劳纳', '7月25日,洪磊总领事在芝加哥拜会伊利诺伊州州长劳纳。\n洪磊总领事表示,很高兴能在抵达芝加哥履新后第一个工作日拜会劳纳州长,这充分体现了州长对发展伊州同中国关系的重视。洪磊总领事赞赏劳纳州长长期以来重视对华关系和贸易投资合作,为伊州和中国关系发展做出了积极贡献。'),
    ('https://www.mfa.gov.cn/zwbd_673032/gzhd_673042/202507/t20250729_11678824.shtml', '驻芝加哥总领事 拜会 州长 议员', 6, '2025-07-29', '驻芝加哥总领事王保东出席芝加哥中国城夏令会开幕式', '2025年7月26日,驻芝加哥总领事王保东出席由芝城华埠基金会和芝加哥华埠特别活动委员会联合举办的第46届芝加哥中国城夏令会开幕式。芝加哥多个侨团负责人和有关政要参加。\n王总领事在致辞中积极评价夏令会为助力芝加哥中国城发展和华人社区繁荣、促进中美两国人民友谊发挥的积极作用。'),
    ('http://ca.china-embassy.gov.cn/lsyw/qwgz/201503/t20150312_4888697.htm', '驻温哥华总领事 会见 省长 市长', 5, '2015-03-12', '中国驻加拿大使馆派员赴东部省区现场办公并慰问侨胞', '3月7日至9日,中国驻加拿大使馆派领事小组赴爱德华王子岛、新斯科舍省两地现场受理护照、旅行证及健在证申请,受到当地侨胞和留学生的普遍欢迎。\n期间,还专程赴爱德华王子岛省慰问侨胞,并参加了该省华人协会新春联谊会。联谊会气氛热烈,爱德华王子岛省省督、省长均受邀出席。'),
    ('http://caibao.3news.cn/guoji/2023/0101/91528.html', '驻多伦多总领事 拜会 市长', 2, '2023-01-01', '', '中国驻多伦多总领事韩涛于2022年12月31日离任回国。\n韩涛在致领区各界的辞别信中表示,自己任中国驻多伦多总领事4年多来,中加关系跌宕起伏,世纪疫情复杂严峻。大家勠力同心、共克时艰,推动领区对华交流与合作,增进两国人民的相互了解和友谊。临别之际,他真诚希望大家坚定信心,勇毅前行,继续推动双边关系早日重回正轨,为两国人民带来更多福祉。\n近日,韩涛分别会见当地政、商、侨、学等各界代表并话别。他充分肯定大家在各领域为推动中加友好交流合作所作的不懈努力,希望各界人士继续致力于促进中加友好,推动两国关系早复正轨。'),
    ('http://toronto.china-consulate.gov.cn/chn/dfjl/201604/t20160416_7073896.htm', '驻多伦多总领事 拜会 市长', 3, '2016-04-16', '多伦多市市长庄德利成功访华', '2016年4月7日至14日,加拿大安大略省多伦多市市长庄德利(John Tory)率领工商代表团访问上海、重庆和香港等3个城市,取得丰硕成果。\n访华期间,庄德利市长会见了上海市市长杨雄、重庆市市长黄奇帆和香港商务及经济发展局局长苏锦梁,分别就经贸合作、城市发展、教育等问题进行交流,并出席了多伦多市与重庆市结好30周年纪念活动,与重庆市签署建立姐妹城市关系30周年战略合作备忘录。'),
    ('https://www.mfa.gov.cn/gjhdq_676201/gj_676203/yz_676205/1206_677220/1206x2_677240/202509/t20250928_11719269.shtml', '驻孟买总领事 会见 首席部长', 1, '2025-09-28', '', '2025年9月25日,驻孟买总领馆在孟买泰姬陵酒店举办庆祝中华人民共和国成立76周年招待会。\n驻孟买总领事秦杰在主旨讲话中表示,中国共产党通过伟大的自我革命领导中国人民取得巨大发展成就。中印领导人近期在上合天津峰会会晤,为两国关系发展指明方向,期待双方加强合作必定会为两国人民带来更多福祉。秦总领事着重宣介习近平减贫思想和全球治理倡议。\n马邦政府代表、礼宾长麦斯卡尔在致辞中表示,两国领导人会晤成果丰硕,中印合作潜力巨大,马邦愿进一步加强对华合作。\n领区各界人士、领团成员、中资机构和华侨华人代表等300余人出席。'),
    ('https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/yz_676205/1206_677220/1206x2_677240/201809/t20180926_8010164.shtml', '驻孟买总领事 会见 首席部长', 3, '2018-09-26', '驻孟买总领事唐国才会见印度马哈拉施特拉邦旅游和就业保障部长', '2018年9月25日,驻孟买总领事唐国才会见印度马哈拉施特拉邦(马邦)旅游和就业保障部长拉瓦尔(Jayakumar Jitendrasinh Rawal)。马邦内务、规划和财政部副部长凯萨卡(Deepak Vasantrao Kesarkar)等在座。\n唐总领事赞赏马邦政府和拉瓦尔部长重视对华合作的积极立场,表示中印同为文明古国,文化旅游资源丰富。宝莱坞电影在中国很受欢迎,双方优势互补。'),
    ('http://stpetersburg.chineseconsulate.org/zlgxw/202405/t20240517_11306492.htm', '驻圣彼得堡总领事 会见 州长', 1, '2024-05-17', '', '5月17日,罗占辉总领事夫妇访问“皇村”国家自然保护区博物馆,并与馆长奥莉加·塔拉特诺娃举行工作会谈。会谈中,双方就叶卡捷琳娜宫“中国厅”修复、两国博物馆深化交流合作、“中俄文化年”框架下文化活动组织等问题进行深入沟通和交流。\n驻圣彼得堡总领馆文化领事宋振佳,随员徐嘉良等参加活动。'),
    ('http://www.chinaqw.com/hdfw/2014/12-09/29079.shtml', '驻米兰总领事 会见 大区主席', 3, '2014-12-09', '中国驻米兰总领事廖菊华举行离任招待会(图)', '中国侨网12月9日电 据意大利欧联通讯社报道,11月6日晚,中国驻米兰总领事廖菊华举行离任招待会,感谢意大利各界、华人华侨对总领馆和对她本人的工作支持。中国驻米兰总领馆黄永跃副总领事、领馆工作人员,米兰地区政要、世博会有关负责人、多国驻米兰领事机构代表、各界友好,以及华人华侨、留学生代表逾200余人应邀出席了招待会。\n廖菊华表示,随着中意战略合作伙伴关系的不断深入,特别是今年中意两国总理互访,有力促进了中意两国的交流与合作,将中意关系带入了一个崭新的历史发展时期。'),
    ('http://associmi.com/huarenhuaqiao/20150828/73.html', '驻米兰总领事 会见 大区主席', 7, '2015-08-28', '', '2015年8月24日晚8点,意大利北部14个兄弟姐妹侨团共同在米兰新希尔美食城,举办欢迎招待会,欢迎李卓彬副主席率中国侨联代表团访问米兰。中国驻米兰总领馆黄永跃副总领事和各兄弟姐妹侨团的侨领200多人出席了当晚的座谈和欢迎招待会。\n米兰华侨华人企业家联谊会徐建平会长主持了晚间的欢迎招待会。'),
    ('http://nanfei8.com/huarenzixun/nanfeishilingguan/2019-02-22/62689.html', '驻约翰内斯堡总领事 会见 省长', 7, '2019-02-22', '', '2019年2月20日,驻德班总领事费明星欢迎德班市长古梅德到总领馆做客,德班市议员卡翁达等10名市政官员和丁巧副总领事参加。\n费陪同古一行在总领馆院内设置的中国改革开放40周年发展成就图片展前驻足观看,古等对中国改革开放取得的成就赞叹不已,纷纷表示南非应充分学习和借鉴中国经济社会发展和治国理政经验。\n费向古等介绍了总领馆近期举办的中国春节活动及庆祝改革开放40周年图片展暨建馆20周年开放日活动情况,感谢德班市政府20年来对总领馆和侨社的支持,表示在中南关系新的“黄金收获期”,德班与中国城市尤其是友城广州的合作前景美好,中国总领馆愿积极提供相关协助。\n古欢迎费到德班任职,表示德班区位优势明显,发展潜力巨大,但目前面临高失业率等问题。她的团队愿与中国总领馆保持密切联系,积极寻求与中国伙伴城市在智能城市、农产品加工、旅游和职业技能培训等领域的合作机会,并愿为此于2019年下半年专程访华。'),
    ('http://www.wtoca.com/as/22/5047', '驻迪拜总领事 会见 酋长国', 1, '2023-10-30', '驻迪拜总领馆举行新馆启用仪式', '10月26日,驻迪拜总领馆举行新馆启用仪式,外交部部长助理徐飞洪、驻阿大使张益明、驻迪拜总领事李旭航致辞,迪拜外办主任马克图姆亲王及领区各酋长国王室成员、驻迪外交使节、各界人士和中资机构、华侨华人等近200人出席。\n徐飞洪指出,建设永久性馆舍象征着中阿关系广阔美好的前景,期待深化友谊、推进合作,共同开创中阿全面战略伙伴关系美好未来。'),
    ('http://news.enorth.com.cn/system/2012/01/06/008445594.shtml', '驻胡志明市总领事 会见 市委书记', 2, '2012-01-06', '', '2012年1月3日,驻胡志明市总领事翟雷鸣拜会了市友好组织联合会主席黎兴国。\n翟雷鸣总领事高度评价和赞赏胡市友联会为促进越南与包括中国在内的各国发展友好合作特别是为促进各国人民之间的了解和友谊所作的积极贡献,中国总领馆愿与友联会继续通力合作,为增进中越两国人民的传统友谊、推动两国全面合作,促进共同发展多做工作。\n黎兴国主席热烈欢迎翟总领事履新,对越中关系不断取得新进展表示高兴,强调胡市友联会愿一如既往地积极配合中国总领馆继续致力于越中友好大业。'),
    ('http://vietchina.org/shhd/2025/0714/15463.html', '驻胡志明市总领事 会见 市委书记', 8, '2025-07-14', '越南中国总商会拜访中国驻胡志明市总领馆', '2025年7月11日下午,越南中国总商会孙风雷会长率团拜访中国驻胡志明市总领馆徐州副总领事。越南中国总商会章林、卢仁政、程少红、副秘书长石诗慈、常俊兰等一同出席。\n孙风雷会长对总领馆长期以来对商会工作的关心支持表示由衷的感谢,并介绍了总商会近期工作进展。'),
    ('http://khonkaen.china-consulate.gov.cn/zlgdt/201612/t20161201_5434412.htm', '驻清迈总领事 会见 府尹', 8, '2016-12-01', '四川省外事侨务办公室主任穆新海访问呵叻府', '2016年11月25日至26日,四川省外事侨务办公室主任穆新海率政府代表团对泰国呵叻府进行了正式访问。\n呵叻府府尹威晨委托副府尹穆拉塔提同穆新海进行了会谈,就双方省府建设、正式缔结友好关系等进行了深入交流,一致同意以结好为契机,大力加强商务、教育、中医、文化等领域合作。\n其后,慕新海赴大城府会见了正在参加全国府尹会议的威晨府尹。威晨热烈欢迎四川代表团到访,表示泰国东北部对发展同中国的合作意愿强烈,呵川结好是该府在中国驻孔敬总领馆推动下作出的战略选择,将为双方往来搭建坚实的平台,为务实合作创造先机。'),
    ('https://www.outputnews.com/2013/huanqiu/news_2013_12_05_1417083', '驻珀斯总领事 会见 州长 部长', 1, '2013-12-05', '驻珀斯总领事黄亲国拜会西澳州长巴奈特', '2013年12月4日,驻珀斯总领事黄亲国拜会了西澳州长科林·巴奈特。\n黄总领事首先积极评价了近年来中国与西澳在经贸、人文等领域的交流与合作取得的成效,感谢州长长期以来对推进中国与西澳在经贸等领域的务实合作做出的努力。'),
    ('https://sydneytoday.com/content-1023497567823014', '驻珀斯总领事 会见 州长 部长', 8, '2023-10-19', '驻珀斯总领馆举办庆祝中华人民共和国成立74周年招待会(组图)', '2023年10月18日,驻珀斯总领馆举办庆祝中华人民共和国成立74周年招待会。\n龙定斌总领事和西澳州州长库克分别致辞,州地方发展部长庞奇、下议院长罗伯茨、前州长麦高文、巴奈特、自由党领袖梅塔姆以及西澳工商、教育、友协、侨团、领团、中资机构等240余人出席。\n龙总领事介绍新中国成立74年来光辉成就和经济发展光明前景,赞赏中澳及中西澳合作成果,表示愿与各界一道,为中西澳关系发展贡献更多力量。'),
    ('http://sydney.jinriaozhou.com/content-1468121', '驻悉尼总领事 出席 招待会 州长', 4, '2016-07-25', '悉尼与广州建立姐妹城市30周年庆祝纪念晚宴', '记者吴景亮报导 澳洲广东侨团总会24日在悉尼唐人街皇冠海鲜酒家举行盛大纪念晚宴,庆祝澳洲悉尼市与中国广州市建立姐妹城市30週年。中国驻悉尼总领事馆童学军副总领事和悉尼市Linda Scott市议员应邀出席了晚宴。\n广东侨团总会余威达担任晚宴主持。他表示,原定出席晚宴的主礼嘉宾,当年签下姐妹城市协议的悉尼市市长Doug  Sutherland因身体不适临时不能出席,甚為遗憾。'),
    ('http://www.aoweibang.com/view/35450580/', '驻悉尼总领事 出席 招待会 州长', 5, '2016-04-17', '李华新总领事向新州政要辞行', '近日,李华新总领事分别拜会新州州督赫尔利、州长贝尔德、州反对党领袖弗利、悉尼市长摩尔、该市郭耀文市议员,以及澳大利亚外交贸易部驻新州办公室主任皮戈特,向他们辞行。\n李总领事感谢新州政府、工党、悉尼市政府以及外交贸易部驻新州办公室在其任内对总领馆及他本人的支持和帮助。李表示,2014年11月习近平主席对澳进行成功国事访问特别是到访悉尼,这是我任内最值得自豪和最难忘的经历。'),
    ('https://www.xkb.com.au/index.php/news/shehui/2020/0117/253080', '驻悉尼总领事 出席 招待会 州长', 8, '2020-01-17', '驻悉尼总领馆举办2020年春节招待会', '2020年1月16日晚,中国驻悉尼总领馆举办2020年春节招待会,中国驻悉尼总领事顾小杰,新南威尔士州州长代表、州技能和高等教育部长杰夫·李(Jeoff Lee),新州反对党工党领袖代表、影阁职业教育部长兼助理多元文化部长吉哈德·迪布(Jihad Dib),新州政、商、教育等各界人士,华人华侨和中国留学生代表共400余人出席了当晚的活动。\n顾小杰在致辞中首先向现场嘉宾和旅居新州侨胞致以新春祝福。'),
    ('http://finance.sina.com.cn/roll/20041020/05201091245.shtml', '大使 出席 中国企业 项目 开工仪式 总理', 4, '2004-10-20', '', '10月16日,中国政府援助苏里南外交部办公楼项目开工仪式在苏首都外交部办公楼项目施工场址内举行。出席开工仪式的苏方人员有苏总统费内希恩、副总统阿杜加、外交部长莱文斯、贸工部长杨进华、教育部长桑德里曼以及部分驻苏使节、国际组织代表和苏国会议员等。出席该仪式的还有,苏外交部和其它有关部门的官员以及外交部办公楼项目苏方咨询和监理SUNECON公司的代表等总计300多人。我驻苏大使陈京华、经商参赞胡明等使馆人员以及中资企业代表出席了开工仪式。'),
    ('http://cn.wlchinahf.com/news/sf61179.html', '大使 出席 抗疫物资 交接 仪式 部长', 1, '2021-03-27', '中国新冠疫苗运抵马尔代夫并举办交接仪式', '当地时间3月25日,中国政府援助马尔代夫新冠疫苗交接仪式在马尔代夫外交部举行。中国驻马尔代夫大使张利忠、马外交部长沙希德、卫生部长纳西姆等出席仪式。\n张利忠在交接仪式上致辞,宣布中国政府向马尔代夫援助的第一批中国国药新冠疫苗已于3月24日晚顺利抵达马尔代夫,第二批疫苗和部分防疫物资也将于近期运达。'),
    ('http://news.sohu.com/20110224/n279501519.shtml', '大使 慰问 地震 灾区 省长 会见', 5, '2011-02-24', '中国驻新大使走访地震灾区 表示中方愿提供帮助', '据外交部网站消息,2月23日,中国驻新西兰大使徐建国在基督城机场重新开放后,第一时间赶赴基督城地震灾区,使馆教育处参赞王胜刚、领侨处负责人姜殿昌、科技处负责人王满达等随同。\n期间,徐建国在路易·艾黎中文学校看望了基督城华人华侨和留学生代表,代表中国政府表示亲切慰问,听取了灾情介绍,并强调使馆将坚持以人为本,竭诚为大家提供服务。\n随后,徐建国分别约见了基督城市长帕克、坎特伯雷大区警察总指挥克利夫和新外交贸易部副秘书长西德等,了解地震灾情,要求新方采取一些必要措施,加强对华人华侨的救援力度,提出只要有百分之一的希望,就要尽百分之百的努力,确保其生命和财产的安全。'),
    ('https://cbgc.scol.com.cn/news/195300', '四川 省长 会见 外国 驻成都 总领事', 2, '2019-11-14', '', '本报讯(记者 袁婧)11月13日,来自韩国、波兰、瑞士、巴基斯坦等13个国家的外国驻蓉、驻渝领事机构的领事官员开启了为期3天的外国领团市州行。此行,外国领团将走进宜宾、泸州,实地感受川南地区发展新活力、开放新态势。\n初到宜宾,外国领团先后参观了宜宾临港大学城、宜宾临港新区、宜宾智能终端产业园以及宜宾港。“临港大学城已有不少高校,目前留学生的数量有多少?”“这些智能终端产品最终会销往哪些国家和地区?”……领事官员们一边询问,一边认真记录。\n坐在智轨电车模拟驾驶舱里,刚刚履新不久的瑞士驻成都总领事高凯琳体验了一把当“司机”的感觉。她表示,很高兴看到宜宾充满青春活力的临港大学城以及新的发展理念和产业形态,“瑞士以创新闻名,我们很乐意为两地的合作牵线搭桥。”'),
    ('http://news.sina.com.cn/c/2005-04-13/06565633445s.shtml', '四川 省长 会见 外国 驻成都 总领事', 3, '2005-04-13', '四川省省长张中伟会见泰国公主诗琳通', '(四川日报记者孙琳本报记者赖晓莉)昨日,省长张中伟在蓉会见了泰国公主诗琳通一行。张中伟首先代表四川省人民政府对诗琳通公主一行来访表示欢迎,对泰国驻成都领事办公室开馆表示祝贺。'),
    ('https://m.pouringspot.com/10462/c105962/2023/4/12/408d117961d04b12bb6b21df7705279f.shtml', '四川 省长 会见 外国 驻成都 总领事', 4, '2023-04-12', '黄强会见法国驻华大使白玉堂', '4月12日,省委副书记、省长黄强在成都会见法国驻华大使白玉堂一行。\n黄强对白玉堂大使在马克龙总统访华后即来川访问表示欢迎,并简要介绍四川经济社会发展情况。他说,四川与法国长期保持着良好的交流合作关系。'),
    ('http://zjrb.zjol.com.cn/html/2006-04/19/content_74486.htm', '浙江 副省长 会见 外国 代表团 友好省州', 2, '2006-04-19', '', '本报杭州4月18日讯(记者 余勤 袁艳) 省委书记、省人大常委会主任习近平今天下午在省人民大会堂会见了瑞典乌普萨拉省省长安德斯·比约克一行。\n浙江省和乌普萨拉省于2000年9月建立友好省关系。\n习近平对比约克一行的来访表示欢迎,并向客人们介绍了我省经济社会发展情况。他说,两省友好关系的基础在于加深相互了解,在了解中寻求合作机会,以推动双方在经济、文化、教育等领域的交流与合作。\n比约克说,近年来乌普萨拉省与浙江省在医疗、教育等方面开展了富有成效的交流与合作,相信今后两省人民之间的交往会更密切。\n省委常委、秘书长李强,副省长钟山等参加会见。\n又讯 省委副书记、省长吕祖善18日晚在杭州西子宾馆会见了瑞典乌普萨拉省省长安德斯·比约克一行。'),
    ('https://zjnews.zjol.com.cn/gaoceng_developments/cj/newest/201809/t20180917_8290581.shtml', '浙江 副省长 会见 外国 代表团 友好省州', 3, '2018-09-17', '车俊会见德国石荷州友好代表团一行', '浙江在线9月17日讯(浙江在线记者 王国锋)17日下午,省委书记、省人大常委会主任车俊在杭州会见了由德国石荷州州长君特率领的石荷州友好代表团一行。\n车俊对石荷州友好代表团来访表示欢迎。他说,浙江与石荷州结好32年来,双方友好关系不断拓展,合作交流持续深化,取得了丰硕的成果。'),
    ('http://web.zjjh.com/NewsDetail.aspx?id=1274', '浙江 副省长 会见 外国 代表团 友好省州', 4, '2007-04-21', '', '4月20日晚,、省人民对外友好协会会长梁平波在杭州会见了以俄中友协副主席、莫斯科航空学院院长马特维延科为团长的俄中友协代表团一行。\n梁平波对代表团的来访表示欢迎,并简要介绍了我省经济社会发展情况。他说,近年来,我省与俄罗斯开展了形式多样的互利合作和友好往来。今年是俄罗斯“中国年”,代表团在此时访问浙江,必将进一步加深双方的友谊。'),
    ('http://zjnews.zjol.com.cn/05zjnews/system/2007/06/07/008509058.shtml', '浙江 副省长 会见 外国 代表团 友好省州', 6, '2007-06-07', '吕祖善会见澳大利亚西澳州总理艾伦·卡朋特一行', '浙江在线6月7日宁波讯 今天,省委副书记、省长吕祖善在宁波会见了澳大利亚西澳州总理艾伦·卡朋特一行。西澳州与我省是友好省州,艾伦·卡朋特一行此次是应我省邀请前来参加第九届浙洽会、第六届消博会的。\n吕祖善对艾伦·卡朋特一行表示欢迎,并介绍了我省经济社会发展概况。'),
    ('http://zjrb.zjol.com.cn/html/2015-08/29/content_2905587.htm?div=-1', '浙江 副省长 会见 外国 代表团 友好省州', 7, '2015-08-29', '友好往来', '8月28日,省人大常委会副主任程渭山在杭州会见密克罗尼西亚联邦波纳佩州议会议长费尔南多·斯基廉姆一行。\n程渭山对客人到访表示欢迎,并介绍我省经济社会发展情况。他说,浙江一直十分重视与贵国的合作交流,我省与波纳佩州在1999年建立友好省州关系以来,双方一直保持着高层往来和友好合作。'),
    ('http://fuzhou.baogaosu.com/xinwen/%E8%8B%8F%E6%A0%91%E6%9E%97%E4%BC%9A%E8%A7%81%E5%A4%96%E5%9B%BD%E9%A9%BB%E5%8D%8E%E9%A2%86%E4%BA%8B%E5%9B%A2/37488033', '福建 省长 会见 外国 客人 一行 厦门', 2, '2015-09-08', '苏树林会见外国驻华领事团', '本报讯 7日晚,省长苏树林在厦门会见了由希腊驻广州总领事康斯坦丁·卡其武斯为团长,来自25个国家驻广州、上海、厦门总领事馆的总领事、领事等组成的外国驻华领事团一行。\n苏树林对领事团来厦出席本次投洽会活动表示欢迎,对各国领事馆长期以来给予福建对外交流工作的支持表示感谢,并向大家介绍了福建省情。'),
    ('http://zjkadi.com/wap/2011-06/29/content_5026610.htm', '福建 省长 会见 外国 客人 一行 厦门', 5, '2011-06-29', '省领导昨会见我国驻外使节团一行', '东南网-福建日报6月29日讯(记者 郑昭)27日晚,副省长洪捷序在福州会见了到访的我国驻外使节团一行。\n洪捷序首先代表省政府对使节团一行来闽考察指导表示欢迎,并对各位驻外使节对福建外事工作长期以来的支持表示衷心感谢。'),
    ('http://dzb.hxnews.com/2012-07/01/content_53497.htm', '福建 省长 会见 外国 客人 一行 厦门', 7, '2012-07-01', '', '本报讯 7月1日起,省长苏树林率领福建省代表团访问香港、澳门。在为期四天的时间里,代表团将拜会香港、澳门特别行政区行政长官和中央政府驻港、驻澳联络办公室负责人,看望闽籍社团和福建乡亲,与知名企业负责人座谈,同大家共叙乡情友情,共商加强闽港、闽澳交流合作大计。'),
    ('http://webadmin.fohb.gov.cn/info/2022-11/20221102163100_899.html', '湖北 省委书记 会见 外国 驻武汉 总领事', 4, '2022-11-02', '', '11月1日上午,新任法国驻武汉总领事胡建谊(Jean-Yves ROUX)拜访省外办,章笑梅主任会见了胡建谊一行。\n章笑梅对胡建谊总领事的到访表示欢迎,并祝贺其来鄂履新。'),
    ('https://changsha.baogaosu.com/xinwen/%25E9%25A9%25BB%25E6%25B8%25AF%25E6%25BE%25B3%25E9%25A2%2586%25E4%25BA%258B%25E8%25B5%25B0%25E8%25BF%259B%25E6%25B9%2596%25E5%258D%2597%25E7%2582%25B9%25E8%25B5%259E%25E5%2585%25B6%25E5%258F%2591%25E5%25B1%2595/66900065', '湖南 省长 会见 外国 代表团 长沙', 4, '2018-05-11', '21国驻港澳领事走进湖南 点赞其发展活力及历史底蕴', '中新网长沙5月10日电(刘着之 刘铁梁)5月10日,由外交部驻澳门特别行政区特派员公署和澳门特区政府组织的驻港澳领团正式开始对湖南的参观访问。三天时间里,领团一行将零距离感受湖南的历史人文、产业发展、自然风光及新农村建设等情况。\n本次系驻澳门公署领团首次走进湖南,成员包括孟加拉国、智利、莫桑比克、秘鲁、津巴布韦、伊朗、安哥拉、尼泊尔、印度尼西亚、蒙古国、南非、以色列、尼日利亚、韩国、哈萨克斯坦、缅甸、尼日尔、斯洛文尼亚、罗马尼亚、匈牙利、澳大利亚等21个国家的驻港澳总领事、名誉领事及代表等。\n湖南省人民政府副省长何报翔向领团一行介绍了湖南省情。'),
    ('http://www.gov.cn/gzdt/2013-10/27/content_2516131.htm', '湖南 省长 会见 外国 代表团 长沙', 6, '2013-10-27', '杜家毫会见15国驻华使节 加强各领域全方位合作', '26日下午,湖南省委副书记、省长杜家毫在长沙会见了来湘出席世界休闲农业与乡村旅游城市(城区)联盟第一次峰会的斯洛文尼亚、乌拉圭、哥斯达黎加等15个国家的驻华使节。\n杜家毫欢迎各位驻华使节来湘访问。'),
    ('http://wqb.hunan.gov.cn/wqb/xxgk/gzdt/zhyw/202012/t20201223_14058162.html', '湖南 省长 会见 外国 代表团 长沙', 7, '2020-12-23', '', '12月22日晚上,省委副书记、代省长毛伟明在长沙会见了奥地利驻华大使石迪福一行。\n毛伟明欢迎石迪福一行来湘访问。他说,湖南历史悠久,区位优越,风光秀丽,人文荟萃,是中国重要的农业大省、制造业大省、文化大省、旅游大省。'),
    ('https://www.cpaffc.org.cn/index/news/detail/id/4309/lang/1.html', '河南 省长 会见 外国 大使 郑州', 7, '2017-03-29', '“驻华大使对话中原——第十九届非洲国家驻华大使巡讲”活动在河南成功举办', '3月29日下午,由中国人民对外友好协会(以下简称“全国友协”)主办,河南省人民政府外事侨务办公室、河南省人民对外友好协会承办的“驻华大使对话中原——第十九届非洲国家驻华大使巡讲”活动在河南省成功举办。\n来自赞比亚、纳米比亚、津巴布韦、埃塞俄比亚和南非等5个非洲国家驻华使节、全国友协领导、河南省工信委等相关部门、部分省辖市外侨部门负责人和涉外企业负责人及部分媒体代表共200余人参会。河南省政府副省长王铁会见非洲5国驻华使节及全国友协代表团一行。河南省政府副省长徐光、全国友协副秘书长韩光明、全国友协亚非部副巡视员唐瑞敏出席巡讲活动,徐光副省长和唐瑞敏副巡视员分别在巡讲活动上致辞。'),
    ('http://zhengzhou.baogaosu.com/xinwen/%E4%BC%9A%E8%A7%81%E9%A6%99%E6%B8%AF%E7%89%B9%E5%8C%BA%E6%94%BF%E5%BA%9C%E9%A9%BB%E6%AD%A6%E6%B1%89%E7%BB%8F%E6%B5%8E%E8%B4%B8%E6%98%93/65743774/', '河南 省长 会见 外国 大使 郑州', 8, '2018-03-22', '何金平副省长会见香港特区政府驻武汉经济贸易办事处主任冯浩贤', '3月21日,河南省人民政府副省长何金平在郑州会见了香港特区政府驻武汉经济贸易办事处主任冯浩贤一行。\n何金平副省长对冯浩贤主任率团访豫表示欢迎,并简要介绍我省经济社会发展情况及豫港交流情况。'),
    ('https://ln.cri.cn/chinanews/20180512/84a4834f-81c8-d637-66e5-c0ffd4c0736c.html', '辽宁 省长 会见 日本 韩国 代表团 沈阳', 7, '2018-05-12', '唐一军率辽宁省代表团出访日本取得丰硕成果', '5月11日,以省委副书记、省长唐一军为团长的辽宁省代表团圆满结束了在日本为期3天的友好访问,回到沈阳。\n日本是世界第三大经济体,发达的制造业是国民经济的主要支柱,科研、航天、制造业、教育水平均居世界前列,同辽宁经济互补性强,合作潜力巨大。此次出访,是在中日和平友好条约缔结40周年的大背景下展开的。\n3天时间里,唐一军率领代表团带着深化拓展与日本务实合作的愿望,紧锣密鼓、昼夜兼程,先后在东京、北海道等地,密集开展登门拜会、商务洽谈、举办推介会等活动,充分利用茶歇、餐会等一切时机,与日本政界高层、工商界人士广泛接触,实现了加深了解、达成共识、增进友谊、促进合作的目的。'),
    ('http://cnews.chinadaily.com.cn/2016-06/08/content_25647886.htm', '吉林 省长 会见 俄罗斯 朝鲜 代表团 长春', 1, '2016-06-08', '巴音朝鲁会见俄罗斯客人', '本报6月7日讯(记者曹梦南)今天晚上,省委书记巴音朝鲁在长春会见了由州长什波尔特率领的俄罗斯哈巴罗夫斯克边疆区政府代表团。\n巴音朝鲁欢迎什波尔特一行的到来。在简要回顾了近年来两省区的友好交往后,巴音朝鲁说,吉林是重要的老工业基地、商品粮基地,长期以来,国家对包括吉林在内的东北地区发展高度重视。'),
    ('http://changchun.baogaosu.com/xinwen/%E4%BF%8A%E6%B5%B7%E9%9F%A9%E4%BF%8A%E4%BC%9A%E8%A7%81%E5%87%BA%E5%B8%AD%E5%9B%BE%E4%BB%AC%E6%B1%9F%E8%AE%BA%E5%9D%9B/109036991/', '吉林 省长 会见 俄罗斯 朝鲜 代表团 长春', 3, '2022-09-02', '景俊海韩俊会见出席“图们江论坛2022”开幕式重要嘉宾', '9月2日,省委书记、省人大常委会主任景俊海,省委副书记、省长韩俊在延边会见全国人大常委会原副委员长、中国图们江区域合作开发专家组组长蒋正华等出席“图们江论坛2022”开幕式的重要嘉宾。景海、韩俊向蒋正华等嘉宾表示热烈欢迎,向各位嘉宾对长吉图开发开放先导区建设的关心支持表示衷心感谢。'),
    ('http://changchun.baogaosu.com/xinwen/%E6%9C%9D%E9%B2%81%E4%BC%9A%E8%A7%81%E5%87%BA%E5%B8%AD%E4%B8%AD%E6%97%A5%E9%9F%A9%E4%BA%BA%E6%96%87%E4%BA%A4%E6%B5%81%E8%AE%BA%E5%9D%9B/37179056/', '吉林 省长 会见 俄罗斯 朝鲜 代表团 长春', 8, '2015-08-31', '巴音朝鲁会见出席中日韩人文交流论坛嘉宾', '本报8月30日讯(记者曹梦南)今天晚上,省委书记巴音朝鲁在长春会见了来我省出席中日韩人文交流论坛的主要嘉宾。\n巴音朝鲁代表省委、省政府,对各位嘉宾来我省出席第二届“中日韩人文交流论坛”和第十届中国—东北亚博览会表示欢迎。'),
    ('http://inews.nmgnews.com.cn/system/2014/08/12/011515668.shtml', '内蒙古 自治区 主席 会见 蒙古国 代表团', 1, '2014-08-12', '', '8月11日下午,自治区党委书记王君在呼和浩特会见了前来我区进行友好访问的蒙古国外交部长鲁·宝勒德一行,双方就进一步加强交流合作事宜深入交换了意见。\n鲁·宝勒德高度评价内蒙古自治区经济社会发展取得的成绩。他说,内蒙古自治区是蒙古国的毗邻地区,在中蒙两国友好交往中具有重要地位。近年来,蒙古国与内蒙古自治区经贸往来日益频繁,各领域交流合作不断深入,双方合作成效明显、前景广阔。今年是中蒙两国建交65周年,也是“中蒙友好交流年”,双方正在开展一系列友好交流活动。前不久内蒙古自治区代表团访问蒙古国,就进一步加强双方交流合作达成了广泛共识,内蒙古自治区对这些合作事项高度重视,迅速落实,已取得阶段性成效。'),
    ('http://szb.northnews.cn/nmgrb/html/2023-10/07/content_44111_217660.htm', '内蒙古 自治区 主席 会见 蒙古国 代表团', 4, '2023-10-07', '孙绍骋率团访问蒙古国', '本报10月6日讯 (记者 白丹)围绕深入落实习近平总书记有关重要指示精神,落实中蒙两国元首达成的重要共识,10月1日至5日,自治区党委书记、人大常委会主任孙绍骋率团出访蒙古国。\n五天来,孙绍骋会见蒙古国政要,出席投资经贸活动,看望商会和企业代表,考察援助项目情况,加强与各方面的交流,推动各领域合作走深走实。\n孙绍骋分别同蒙古国总理奥云额尔登、副总理兼经济发展部部长呼日勒巴特尔、总统办公厅主任索德巴特尔、外交部部长巴特策策格、教育科学部部长恩赫阿木格朗、法律内务部部长尼亚木巴特尔、口岸复兴委员会主席图勒嘎、工商会会长恩和图布新等会见会谈,进行了坦诚、深入的交流。'),
    ('http://chinarong.cn/gupiaorumen/2020081218683.html', '海南 省长 会见 外国 大使 海口', 7, '2020-08-12', '37个国家驻华使节集中访琼考察海南自贸港建设', '新华社海口8月12日电(记者陈碧琪)海南自贸港建设受到国际社会的广泛关注,8月12日至15日,来自37个国家的驻华大使以及驻穗、驻沪领事馆官员,集中访琼,考察海南自贸港建设的相关优惠政策及特色产业发展情况。\n“这是《海南自由贸易港建设总体方案》发布以来,海南省举办的首场重大经济政策推介交流活动,也是海南建省以来,规模最大、层次最高的一次驻华使节集中到访。”海南省外事办公室主任王胜介绍说。\n海南省持续推动与各国的友好交流与务实合作。今年6月24日,海南省外事办公室与波兰共和国卢布斯卡省举行视频会议,在“云端”就“后疫情时代”加强两省友好交往、共享海南自贸港建设发展新机遇进行交流会谈;7月以来,荷兰驻广州总领事毕肯思、丹麦驻广州总领事安雅、新西兰驻广州总领事沈立陆续访琼。'),
    ('https://m.yybnet.net/xian/news/201605/4251979.html', '陕西 省长 会见 外国 客人 西安', 3, '2016-05-22', '上官吉庆会见 法国驻华大使顾山一行', '本报讯(记者 吕华)5月14日下午,市长上官吉庆会见法国驻华大使顾山一行。\n上官吉庆首先感谢顾山为促进法国与西安交流合作所做出的努力,并介绍了西安的基本情况。'),
    ('http://news.sina.com.cn/c/2004-09-10/10253637623s.shtml', '陕西 省长 会见 外国 客人 西安', 4, '2004-09-10', '圣卢西亚总督在我市访问', '本报讯 (记者朱彦实习生谢辉)9月8日,圣卢西亚总督皮尔莱特·路易茜抵达我省进行访问。皮尔莱特·路易茜是应我国政府邀请,从9月5日至14日对我国进行正式访问。9月8日,副省长洪峰,西安市副市长黄省身前往机场迎接。\n随后总督一行先后参观了南门城墙、碑林。当晚,省长贾治邦会见并宴请皮尔莱特·路易茜一行。'),
    ('http://xian.baogaosu.com/xinwen/%E9%99%95%E8%A5%BF%E6%9D%A5%E4%BA%86%E5%A4%96%E4%BA%A4%E9%83%A8%E9%95%BF%E7%8E%8B%E6%AF%85%E4%BA%86%E8%A7%A3%E4%B8%AD%E5%9B%BD%E8%A6%81/48378525/', '陕西 省长 会见 外国 客人 西安', 6, '2016-07-06', '世界,陕西来了!外交部长王毅:了解中国要去陕西', '外交部与陕西省共同举办的“陕西全球推介活动”昨日在京举行,外交部部长王毅,省委书记、省人大常委会主任娄勤俭致辞,省委副书记、省长胡和平作主旨推介演讲\n昨日,外交部迎来陕西日。由外交部与陕西省共同举办的“陕西全球推介活动”在北京向世界发出强有力的讯号:世界,陕西来了!\n外交部部长王毅,省委书记、省人大常委会主任娄勤俭出席推介会并致辞,省委副书记、省长胡和平作主旨推介演讲。来自全世界134个国家的219位外交官和国际组织代表,17家世界五百强企业及商会代表,以及100余家中外新闻媒体参加。'),
    ('http://covid-19.chinadaily.com.cn/dfpd/gx/2015-01/26/content_19405395.htm', '南宁 东盟博览会 会见 外国 部长 自治区', 2, '2015-01-26', '', '23日,广西壮族自治区主席陈武在南宁会见了柬埔寨、缅甸、老挝、泰国、越南等5个在南宁设有领事馆的东盟国家驻南宁总领事。会见中,5国总领事表示,将推动与广西的双边、多边合作,共同办好第12届中国-东盟博览会。\n陈武在会见时说,在过去的2014年,广西与东盟各国的合作不断进步发展,在经济贸易、双向投资、农业、教育、文化交流等领域都取得了显著成绩。'),
    ('http://chinanews.com.cn/cj/kong/news/2007/10-28/1061309.shtml', '南宁 东盟博览会 会见 外国 部长 自治区', 4, '2007-10-28', '', '中新网南宁10月28日电(记者 陆畅)“非常高兴又来到南宁,每次来到南宁都发现有新的变化,城市绿化越来越漂亮,街道国际化水准也更高了。”二十七日晚,东盟秘书长王景荣在会见中共广西壮族自治区党委书记刘奇葆时说,中国—东盟博览会不仅仅使广西受益,而且极大地推动了广西与东盟、中国与东盟的友好经贸易合作。\n王景荣率团在此间会见中共广西壮族自治区委员会书记刘奇葆时作上述表示。会见中,王景荣与刘奇葆一行就推进泛北部湾经济合作、共同举办好中国—东盟博览会等交换了意见。'),
    ('http://chinanews.com.cn/expo/news/2009/04-10/1639843.shtml', '进博会 上海 市长 会见 外国 代表团', 5, '2009-04-10', '', '昨天上午,上海市市长韩正在衡山宾馆会见了韩国首尔特别市市长吴世勋率领的代表团一行,对客人来访表示热烈欢迎。\n韩正向韩国客人介绍了上海经济发展的最新情况。'),
    ('http://taiwan.cn/xwzx/la/201108/t20110811_1957741.htm', '广交会 广州 市长 会见 外国 客商', 5, '2011-08-11', '', '“2011广东(广州)台湾名品博览会”即将于8月11日在中国进出口商品交易会琶洲展馆开幕。参展的台湾厂商达900多家,展品达4万多种。\n10日晚,广州市委、市政府在东方宾馆举办盛大欢迎宴会,欢迎前来参加“2011广东(广州)台湾名品博览会”的各方来宾。\n中国国务院台湾事务办公室、中国商务部、中国贸促会有关官员,以及广州市委副书记、市长万庆良等出席了宴会。应邀出席宴会的还有台北世界贸易中心董事长王志刚等台湾嘉宾,以及在广州的台商代表近900人。'),
    ('https://qingdaonews.com/content/2004-10/18/content_3773463.htm', '青岛 市长 会见 外国 代表团 友好城市', 5, '2004-10-18', '', '本报讯 为庆祝青岛市与日本下关市缔结友好城市25周年,应我市邀请,下关市市长江岛洁、下关市议会议长小浜俊昭率该市友好访问团、公务员代表团、青年代表团、港湾代表团及市民代表团等一行270人,于昨日下午乘坐“理想之国”号班轮由下关抵青访问。市人大常委会副主任马论业、副市长于冲参加了我市在青岛港码头举行的欢迎仪式。\n昨日下午4时许,从日本下关市驶来的“理想之国”号班轮缓缓驶进青岛港大港2号码头。'),
    ('http://www.xm.gov.cn/xmyw/202411/t20241130_2904210.htm', '厦门 市委书记 会见 外国 驻厦门 总领事', 5, '2024-11-30', '市领导会见阿拉伯国家驻华使节团', '昨日,市长伍斌会见阿拉伯国家驻华使节团一行。\n受市委书记崔永辉委托,伍斌代表市委、市政府对各位驻华使节访问厦门表示欢迎,并介绍了厦门经济社会高质量发展情况。'),
    ('https://www.investxiamen.org.cn/detail/4187.html', '厦门 市委书记 会见 外国 驻厦门 总领事', 8, '2021-07-14', '市领导会见驻华使节团', '7月13日,省委常委、市委书记赵龙会见了前来厦门市访问的22国驻华使节团。中国政府欧洲事务特别代表吴红波、市长黄文辉参加会见。\n赵龙向驻华使节团访问厦门表示欢迎,并介绍了厦门市情,特别是改革开放40多年来所取得的发展成就。'),
    ('http://www.szweitang.cn/news/guona/2018/0314/2799.html', '苏州 市长 会见 外国 市长 友好城市', 3, '2018-03-14', '', '名城苏州网讯 今天,苏州与比利时西弗兰德省签署建立友好城市关系协议书。副市长聂飙会见了来访的西弗兰德省省长卡尔一行。\n西弗兰德省是比利时西部的沿海省份,下辖64个城镇,总人口约115万。聂飙希望双方在经贸、科技、教育、旅游、文化等方面深入开展合作交流,造福两地市民。'),
    ('https://www.szocea.com/xwzx/html/?418.html', '苏州 市长 会见 外国 市长 友好城市', 5, '2013-09-26', '苏州市侨商代表参加国庆招待会', '9月23日晚,苏州市人民政府在吴宫泛太平洋酒店举行庆祝国庆64周年招待会。市委副书记、市长周乃翔,市人大常委会主任杜国玲,副市长徐明,市政协副主席金海龙等领导出席招待会。\n周乃翔在致辞中代表市委、市政府向全市人民和各界友人致以节日的祝贺,向所有关心支持苏州经济社会发展的外国友人、港澳台同胞和海外侨胞表示衷心感谢。'),
)


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
