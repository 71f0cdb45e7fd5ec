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

# Pages of the answers left out, and why (besides local1's, local2's and local3's own pages and SEEN, left out by draw()):
#   Q1-2: dictionaries only
#   Q3: gcs.gov.mo (traditional, Macao); littlewolfcopper 2007 (traditional); xtnichuang, qzpnc, 49.213 (national: 王小洪, 孟建柱); tw.news.yahoo (Taiwan)
#   Q4: chinaminingtj (an association, not a local government or mission); gymcjnpx, big5 gov.cn (traditional, national); baogaosu hangzhou (national ministry)
#   Q5: aoweibang (a copy of the mfa page ranked 1, taken once); argchina.com 2019-05-13 邹肖力 (no date of its own); big5 gov.cn, chnrailway, ctcns, rank 7 (national ministers)
#   Q6: baogaosu nanchang 2015 (a national bureau's envoy), drsvyma, tyjgjz, atec (traditional; national ministry), sr-wines, usy7 x3 (national ministry's event; spam-injected copies)
#   Q7: no readout (exchange-rate tag pages)
#   Q8: phb7, tw.bg3 (traditional), tianfucaijing, whb, ahscb, woolmarket, zgxbrmw, turnnewsapp: national press conferences and ministers
#   Q9: aderss.com (traditional); dictionaries, an explainer
#   Q10: ecjnews (traditional); aoweibang LgRnyo (no date); mfa 2026-01-22 罗世雄 (local3's page); Japanese pages (fukuoka consulate jpn, pref.kagoshima, niigata jpn)
#   Q11: m.cjzxxx.com, oice.cdu.edu.cn 1316 and 1209, fundacionclec (no date of their own); duizhangqz (spam-injected copy)
#   Q12: Japanese pages (cccj, cri japanese, big5 xinhuanet jp, jp.china-embassy jpn); dxzy.org (no date); cbook (a book); cq.cri.cn 2018 (a federation of commerce, not a local government or office); 928516 (traditional)
#   Q13: no readout (a profile, a news agency's children's club)
#   Q14: no readout (explainers, traditional, a university's visitors from the ministry: leenjixie, spam domain)
#   Q15: Japanese pages
#   Q16: no readout (dictionaries, explainers, a consul general's welcome page)
#   Q17: gjjl.ntu.edu.cn 2015 (a university receiving the US consul general: not a local government or office); medan 2014-04-16 (no meeting verb in title or lead: kept out by the rule); niigata jpn, hxjww, asahi-u (Japanese); habitationmahault (traditional, a blog); ht-lamp (fiction)
#   Q18: no readout (explainers, traditional)
#   Q19: lt.china-office 2008 (a national readout, Hong Kong's official); Hong Kong pages (traditional, Hong Kong's own officials)
#   Q20: cbook (a book); cq.cri.cn (as Q12); ptzyk (traditional); fao.wenzhou 2024 (local3's page); fx361 2018 (photo captions, no lead); akbank (Japanese); hanwen360 (dictionary)
#   Q21: no readout (dictionaries, a book, an article of history)
#   Q22: m.geyaocha (traditional copy of cfenews' text); news.sohu 2009-12-06 (no meeting verb in title or lead: 参加, 参与); ptzyk (traditional); pdcec 2014 (national: the foreign minister's charity sale); japanese.china.org.cn (Japanese)
#   Q23: fzwolfree, urin79 (spam-injected copies of a national bureau's report); mfa 2018-08-07 (a speech, not a readout); panopticimage (traditional); duonaovod (no date of its own); n4z.xmbxxkj (a synonym-spun copy: 东说念主)
#   Q24: fraudsandswindlers, bow-and-arrow, rank 4, wenfengfk, bao228, m.yhaog (traditional); edu.china.com.cn (national); hanzigong.wineast (a copy dated six months after its 5月5日)
#   Q25: 211.88.39.37 2025-06 (dated by the month alone); itaiwannews 2014 (no Chinese mission or local government party); dog0769 (traditional); mt.mofcom 2025 (dated by the year alone); richbox (a copy dated two months after); imsilkroad 2024 (a national commission's delegation); bjtitle 2022 (no meeting verb in title or lead)
#   Q26: ntdtv 2012 (Taiwan's office); jiangsulong 2019 (the article's second page, no lead); lidatool, hanxinmy, rank 5, senqingzn (traditional); news.china.com 2019-04-27, 119tjxf 2020-07-17 (no meeting verb in title or lead)
#   Q27: littleproxima (no date of its own); cna.com.tw, 49.213 (traditional, Taiwan); cnjpetr, info.51.ca (presenting credentials: no date of their own; 51.ca no date); xghqws (a memoir); js.chinalh 2023 (no meeting verb in title or lead)
#   Q28: nagasaki 2025-03-13 (local3's page); glosyeuropyichin 2021, capg 2018 (no meeting verb in title or lead); qingdao emb-japan (Japan's consulate); fensifuwu (no date of its own); big5.cri (traditional); 211.88.39.63 (local3's page)
#   Q29: big5 gov.cn x3, modaily, ericfola, nakedoat (traditional); javascriptjump (spam mirror)
#   Q30: no readout (Taiwan, Japanese, dictionaries)
#   Q31: ptzyk, 92880, nakedoat x2 (traditional); denpasar 2016 (a national readout); drbdp (an explainer); lawyers.org.cn (a feature, no readout); ahscb (national press conference)
#   Q32: www-997799, big5.cri (traditional); qbook (a book); fao.hangzhou 2023-05-25 (no meeting verb in title or lead); gzfao post_136686 and post_135613 (no date of their own); wsb.changzhou 2013 (local3's page)
#   Q33: ixoko, mdsl88, ischool (traditional); haboluoneia (national); sc.gov.cn 2013 and zjkadi 2011 (local3's pages); stheadline (Hong Kong's government)
#   Q34: news.sohu 2007 (Macao's chief executive); heb.hebei 2013, sc.gov.cn 2013 (local3's pages); nakedoat, mdsl88 (traditional); ximalaya (Hong Kong's government); news.sina 2005-09-08 (SEEN)
#   Q35: fao.wenzhou 2024, nagasaki 2025 (local3's pages); akbank, lwhongsheng (Japanese); afdelivr, ischool (traditional)
#   Q36: gjjl.ntu 2015, shanghai.baogaosu 2016, rank 3 (no address), dept.whut, cice.gxnu 2024, hmt.pku 2008 (universities' readouts, not a local government or office; pku: Hong Kong); shfjr (no date of its own); global.bfsu (Japanese)
#   Q37: rank 1 (no address, traditional), 17338, boronfuelsource (traditional); kankan (Japanese); fx361 2020 (national: the International Department); xpykjsws, zifengtower (spun commentary)
#   Q38: cn.sggp, vietnam.vnanet x2, cn.nhandan, zh.vietnamplus (Vietnamese or Lao parties only); zhangpeijun, big5 gov.cn (traditional); vietnam.vn (Japanese)
#   Q39: udn x2, hk.crntt (traditional); cn.nhandan, zh.vietnamplus (no Chinese party); ynpaffc x2, vietnam.vn (Japanese)
#   Q40: big5 gov.cn, heilongjiang.big5.dbw x4 (traditional)
#   Q41: news.ltn, shuohk, singpao (traditional)
#   Q42: vietnam.vnanet x2, vovworld (the Vietnamese news agency's and radio's Chinese translations); d26o9sc8 (traditional)
#   Q43: kunming.baogaosu 2019 (no date of its own); ynci 2016 (a feature, no readout); m.163 (a national ministry's event); yfao x2 (memoirs); cbook (a book); news.cri.cn 2023-01-17 (no meeting verb in title or lead: 旁听)
#   Q44: expydoc (SEEN); chn-consulate-fukuoka jpn x2 (Japanese); cpaffc 2018 (a national body); shnagasaki 2008 (dated before the visit it tells)
#   Q45: Japanese and Korean pages only
#   Q46: akbank, lwhongsheng, saaoao, jp.xinhuanet, expydoc (Japanese; expydoc SEEN); tw.city.yokohama (Japan's city, traditional); chinanews.nz 2025 (a video page, no meeting told)
#   Q47: 881903, njpanjin, ccbczpx, big5.enorth (traditional); scio.gov.cn (no date of its own); johnnytowncar 2011 (national: 孙家正)
#   Q48: akbank x2, shnagasaki (Japanese); cma.org.hk x2 (Hong Kong's association receiving mainland cities); ww2.acm.org.mo (traditional, Macao)
#   Q49: no readout with a meeting verb of a local government's foreign meeting (policy papers; domestic delegations: mypowerpixel, jhkaozuowen, suregao (traditional), c5799, jmsqjq, soliao; sydy 2020: no meeting verb in title or lead)
#   Q50: cbook (a book); ahscb (national press conference); ischool (traditional); fao.wenzhou 2024 (local3's page); akbank (Japanese); stheadline (Hong Kong); bbs.shangbaolishi (a forum copy dated ten months after)
# GitHub (GITHUB_STRINGS): 总领事会见 and 大使馆 会见 found nothing; 大使会见 four files (a Java parser's test naming a
# Malaysia embassy page's title only, two game scripts, a mock web page); 外办主任 ten (national readouts of 王毅, a
# university's SQL dump with a Guangdong foreign-affairs office's event dated only by the dump's insert time, lists);
# 会见了来访的 ten (NLP examples): no qualifying text.
# (address, the query that found it, its rank in that answer, published, headline, body as stored)
POOL: tuple = (
    ('https://blog.saye.eu.org/zwbd_673032/wshd_673034/202409/t20240912_11489572.shtml', '大使 会见 内政部长 警务 合作 使馆', 6, '2024-09-11', '驻莫桑比克大使王贺军拜会莫内政部部长龙达', '2024年9月11日,驻莫桑比克大使王贺军拜会莫桑比克内政部部长龙达,就双边警务合作交换意见,莫国家刑事调查总局局长雷戈等在座。\n王大使表示,中莫传统友谊深厚,长期以来中方积极同莫方开展警务领域合作,为实现莫社会长治久安发挥重要作用。当前,越来越多中国企业和公民在莫投资兴业,希莫方采取切实措施,维护好在莫中资机构及中国公民人身财产安全,营造良好治安环境,服务双边关系发展大局。'),
    ('http://www.pairstudents.com/html/guoji/20200430/22479.html', '大使 会见 能源部长 矿业部长 使馆', 1, '2020-04-30', '驻蒙古国大使柴文睿会见蒙古国能源部长', '人民网乌兰巴托4月28日电(记者 霍文)中国驻蒙古国大使柴文睿28日到任拜会蒙古国能源部长达瓦苏荣,就双方能源领域合作事宜交换意见,能源部政策规划司长恩赫太旺等在座。\n达瓦苏荣祝贺柴文睿大使履新并表示,中蒙两国在能源领域合作潜力巨大,近年来实施了多个重大合作项目,中方承办企业认真负责,在蒙古国塑造了良好形象。但受新冠肺炎疫情影响,两国合作项目停工,希望两国携手做好疫情防控的同时,推动两国合作项目复工。'),
    ('http://adelaide.china-consulate.gov.cn/jmhz_5/202206/t20220623_10708676.htm', '大使 会见 能源部长 矿业部长 使馆', 6, '2022-06-23', '何岚菁总领事拜会南澳州新任矿业和能源部长、 基础设施和交通部长乔振东', '6月22日,何岚菁总领事拜会南澳州新任矿业和能源部长、基础设施和交通部长乔振东,就进一步加强中国和南澳在能源和矿产等领域合作进行交流,矿业和能源部首席执行官黑瑟斯(Paul Heithersay)、幕僚长拉布罗波罗斯(Peter Labropoulos)等在座,何江川副总领事等陪同会见。\n何总领事祝贺乔振东部长履新,重点介绍了中国与南澳在矿产领域合作的情况,希南澳州政府为中国能矿企业在南澳投资经营提供更加适宜的环境和便利,并期待以中澳建交50周年为契机与州政府一道共同推进中南澳经贸领域务实合作和友好交流,造福双方人民。'),
    ('https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/dyz_681240/1206_681242/1206x2_681262/201906/t20190628_9376356.shtml', '大使 会见 交通部长 基础设施 使馆', 1, '2019-06-28', '驻悉尼总领事顾小杰会见新南威尔士州交通和道路部长康斯坦斯', '2019年6月26日,驻悉尼总领事顾小杰会见澳大利亚新南威尔士州交通和道路部长康斯坦斯。\n康斯坦斯介绍了新州政府未来几年推动公共交通和道路改造等基础设施建设情况,表示新州政府重视发展对华合作,愿继续同中方保持密切沟通,推动双方企业在基建等领域探讨并开展更多互利合作。'),
    ('https://www.mfa.gov.cn/gjhdq_676201/gj_676203/fz_677316/1206_678722/1206x2_678742/202412/t20241218_11496156.shtml', '大使 会见 交通部长 基础设施 使馆', 6, '2024-09-26', '驻乍得使馆临时代办秦昊拜会乍交通、民航与国家气象部部长法蒂梅', '2024年9月25日,驻乍得使馆临时代办秦昊应约拜会乍得交通、民航与国家气象部部长法蒂梅。\n秦代办表示,多年来中国企业在乍承接了诸多基础设施建设项目,交通领域合作成果尤为丰硕。在刚刚结束的中非合作论坛北京峰会上,习近平主席与穆罕默德总统实现历史性会晤,一致决定将中乍关系提升为战略伙伴关系,并为双方进一步深化合作指明了方向。中方愿通过分享经验、鼓励投资、开展培训等方式助力乍交通事业发展。'),
    ('http://sinoustimes.com/contents/22/23962.html', '大使 会见 省长 州长 地方 合作 使馆', 2, '2018-02-28', '张平总领事访问圣地亚哥', '2月23日至24日,张平总领事访问圣地亚哥,期间,拜会了圣地亚哥郡郡政委员罗伯茨,与圣地亚哥市国际关系委员会执行主任乔·戴、市经济发展局主任埃里克·考德韦尔、市国际事务局主任德妮斯·加西亚等座谈。张总赞赏罗伯茨郡政委员和圣郡、市政府重视并积极推动对华友好交流合作,表示总领馆愿与圣各界共同努力,进一步拓展深化双方在经贸投资、科技创新、教育、文化、旅游等领域的合作。'),
    ('https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/nmz_680924/1206_680974/1206x2_680994/201905/t20190501_9368629.shtml', '大使 会见 省长 州长 地方 合作 使馆', 4, '2019-05-01', '驻巴西大使杨万明会见巴西巴拉那州州长马萨', '2019年4月29日,驻巴西大使杨万明会见巴西巴拉那州州长马萨。该州民办主任、基建物流厅长、规划厅长等在座。\n马萨愉快忆及其本月访华之旅,表示通过此访,其进一步看到了同中国开展合作的巨大机遇和光明前景。巴拉那州愿始终向中方敞开合作大门,推动双方不断深化贸易、基础设施、农牧业、文化、旅游等领域交流合作,更好造福双方人民。'),
    ('https://is.tongji.edu.cn/isen/eb/15/c10498a125717/page.htm', '大使 会见 大学 校长 孔子学院 使馆', 4, '2012-09-28', '驻德大使史明德走访汉诺威孔子学院', '2012年9月25日,新任驻德大使史明德走访了我校承办的汉诺威孔子学院。史大使参观了孔子学院的硬件设施和办学条件,与孔子学院德国合作方汉诺威中国中心理事会成员会谈,听取了汉诺威孔子学院的工作汇报,并同参加“汉语桥”夏令营的德国中学生代表和孔院学员就汉语学习、中国经验等进行了交流。\n史大使在肯定汉诺威孔子学院的办学工作经验和所取得成绩的同时,也和在座人士一起回顾和梳理了中德交往历史与现状以及国际形势,希望中德双方能够一起为中德关系的发展、传达正确的中国形象继续努力。'),
    ('https://www.csust.edu.cn/gjjlc/info/1014/1481.htm', '大使 会见 大学 校长 孔子学院 使馆', 5, '2016-10-27', '我国驻利比里亚大使亲临孔子学院指导工作', '蒙罗维亚时间10月27日,中国驻利比里亚大使张越先生访问利比里亚大学,并亲临利比里亚大学孔子学院指导工作。\n当天上午11点整,张越大使抵达利比里亚大学。张越大使在利比里亚大学副校长Julius S. Nelsen、孔子学院中方院长黄柏青博士、外方院长助理Dexter、中方教师明皓老师等陪同下查看了孔子学院和我国驻利比里亚防暴队、利比里亚武术协会联合举办的武术和文艺表演场地,并就如何做好演出作了重要指示。随后,在会见利比里亚大学校长Emmet A. Dennis时,张越大使充分肯定了孔子学院工作在中利两国文化交流中所起的重要作用,表示坚定支持利比里亚大学孔子学院发展,并愿积极推动在利比里亚大学建立中文系及中文专业。'),
    ('https://oiec.bnu.edu.cn/xzzx/xwdt2/bcb2058e8a3e4f7798e80a3f9865c317.htm', '大使 会见 大学 校长 孔子学院 使馆', 6, '2022-04-29', '中国驻英国大使馆郑泽光大使访问曼彻斯特大学并听取曼大孔子学院工作汇报', '4月27日中午,中国驻英国大使馆郑泽光大使莅临曼彻斯特大学访问。\n系列活动第一场是中外学生座谈会。在会上,郑大使回顾了五十年来中英关系的巨大成就,也肯定了曼彻斯特大学孔子学院在促进中英文化交流方面的重要作用。\n曼大孔子学院中方院长张会老师代表孔子学院发言,向大使及在座人员汇报了曼大孔子学院的工作成绩。'),
    ('https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/yz_676205/1206_676932/1206x2_676952/202407/t20240724_11459320.shtml', '总领事 会见 大学 校长 总领馆', 2, '2024-07-22', '驻孔敬总领事刘红梅访问乌汶府', '2024年7月19日至21日,驻孔敬总领事刘红梅访问乌汶府,会见乌汶大学校长楚笛楠,与乌汶华侨公学及乌汶第二华侨学校座谈,看望当地华侨华人。\n刘总领事听取乌汶大学介绍学校发展和国际合作情况,赞赏学校具有国际视野,与中国高校开展机制化合作成果显著,总领馆愿与学校加强在学术等各领域务实合作。校方表示将在总领馆支持下继续提高中文教学与国际合作水平。'),
    ('http://www.tjql.org.cn/system/2021/04/06/030004608.shtml', '总领事 会见 商会 主席 总领馆 经贸', 4, '2021-04-06', '肖业文副总领事访问新西兰天津总商会', '2021年4月1日上午,中华人民共和国驻奥克兰总领事馆肖业文副总领事、寇萌君商务领事专程访问新西兰天津总商会。新西兰天津总商会王津原会长携总商会部分理事会成员参与会见。\n肖业文副总领事首先转达阮平总领事对天津总商会的问候,此行是为了走访在新西兰的华人企业,与工商业界的华人华侨交流沟通,了解在疫情背景下华商企业经营的实际困难。'),
    ('http://cfenews.com/news/2023/0512/141054.html', '大使 夫人 出席 慈善 义卖 使馆', 2, '2023-05-12', '驻日本大使吴江浩和夫人丁玥出席日本亚妇会慈善义卖活动', '人民网东京5月12日电(记者朱玥颖)近日,中国驻日本大使吴江浩和夫人丁玥应邀出席日本亚洲妇女友好会(简称“亚妇会”)在明治纪念馆举办的“2023亚洲盛典慈善义卖活动”。日本皇室常陆宫妃华子、外相夫人林裕子、亚妇会会长高村治子、副会长中曾根真理子、浦上圣子及亚太地区21个国家驻日大使夫妇或代表出席,日各界友好人士及普通市民约3千余人到场奉献爱心。使馆公参张沛霖、参赞张箭伟、聂佳等陪同参加。\n吴大使夫妇与常陆宫妃华子和日方嘉宾亲切交谈,并陪同参观中国展台。'),
    ('https://www.mfa.gov.cn/web/gjhdq_676201/gj_676203/oz_678770/1206_679282/1206x2_679302/200612/t20061204_9341315.shtml', '大使 夫人 出席 慈善 义卖 使馆', 5, '2006-12-04', '', '2006年12月3日,一年一度的驻捷克使团慈善义卖活动在捷首都布拉格希尔顿饭店举行。我驻捷大使霍玉珍率使馆女外交官及外交官夫人参加义卖,并接受了来捷访问的我国电视台记者的联合采访。\n此次义卖活动由“驻捷克使节夫人协会”发起,共约50个驻捷使团参加。上午9时,捷总统夫人克劳索娃亲临义卖现场,并到各国展台前参观购物。当来到我国展台时,克与我馆人员一一握手,并在霍大使陪同下选购中国商品。'),
    ('http://cz.china-embassy.gov.cn/chn/zxdt/201311/t20131125_2671615.htm', '大使 夫人 出席 慈善 义卖 使馆', 6, '2013-11-25', '驻捷克使馆参加2013年驻捷使团圣诞慈善义卖', '2013年11月24日,一年一度的驻捷克使团圣诞慈善义卖活动在捷首都布拉格希尔顿饭店举行,大使夫人孙丽萍率使馆妇女小组参加,使馆部分男同胞积极参与。\n为圆满完成此次义卖活动,我馆妇女小组提前谋划、认真筹备、精心布展、热情服务,为各界朋友准备了扬名中外的瓷器、茶叶和精美的丝绸、珍珠及其他中国传统工艺品,吸引了众多购物者,展台前人头攒动,顾客络绎不绝。专程出席义卖开幕式的捷总统夫人泽曼诺娃亦亲临我馆展台,并在大使夫人的陪同下饶有兴致地驻足选购,对我商品大为赞赏。'),
    ('https://www-legaldaily-com-cn.webvpn.imac.edu.cn/international/content/2024-11/04/content_9079123.html', '大使 出席 中国电影节 开幕式 文化部长', 2, '2024-11-04', '', '法治网驻俄罗斯记者 史天昊\n记者自中国驻白俄罗斯大使馆获悉,当地时间11月1日,“白俄罗斯中国电影日”开幕式在白俄罗斯首都明斯克胜利影院举行。中国驻白俄罗斯大使张汶川、中国国家电影局常务副局长毛羽、白俄罗斯文化部第一副部长格罗马达出席开幕式并致辞。白俄罗斯社会各界代表、在白华侨华人、留学生等近200人参加开幕仪式。'),
    ('http://nz.haiwainet.cn/n/2016/1010/c3541582-30390829.html', '大使 出席 中国电影节 开幕式 文化部长', 8, '2016-10-10', '中国驻新西兰大使出席2016中国新西兰电影展', '海外网新西兰10月10日电 近日,由广东省新闻出版广电局主办的2016中国(广东)新西兰电影展开幕式暨首映式在惠灵顿派拉蒙影院隆重举行。中国驻新西兰大使王鲁彤、广东省新闻出版广电局局长白洁、新西兰民族事务部长代表、国会议员梅丽莎·李、电影委员会总裁戴夫·吉布森以及来自惠灵顿各界人士和华人华侨400多人出席了开幕式。'),
    ('https://www.fmprc.gov.cn/web/gjhdq_676201/gj_676203/bmz_679954/1206_680204/1206x2_680224/202304/t20230417_11060338.shtml', '大使 出席 医疗队 捐赠 仪式 卫生部长', 4, '2023-04-14', '驻多米尼克大使林先江出席援多医疗设备捐赠仪式', '2023年4月14日,驻多米尼克大使林先江与多卫生部长拉维尔共同出席援多医疗设备捐赠仪式。林大使和援多医疗队刘琼队长分别代表使馆和广东省卫健委向中多友谊医院捐赠了救护车和医疗器械,多卫生部常秘怀克等出席。\n林大使表示,今年是中国派遣援外医疗队60周年,派遣援多医疗队15周年。先后有32名医生来多,以高尚医德和高超医术救死扶伤,受到多各界高度赞誉。'),
    ('https://www.mfa.gov.cn/gjhdq_676201/gj_676203/yz_676205/1206_676788/1206x2_676808/200501/t20050105_7989558.shtml', '大使 出席 物资 捐赠 交接 仪式 政府官员', 5, '2005-01-05', '驻缅甸大使李进军代表中国政府向缅甸政府捐赠20万美元救灾款', '2005年1月5日,李进军大使代表中国政府向缅甸政府捐赠20万美元救灾援助款,用于帮助缅甸政府开展对印度洋地震海啸灾民的救援工作。缅甸社会福利与救济安置部部长盛他少将代表缅甸政府接受了捐款,他代表缅甸政府和人民对中方的慷慨捐赠表示衷心感谢,并介绍了缅受灾情况。我馆郁伯仁参赞、唐海参赞、缅甸社会福利与救济安置部副部长觉敏准将、移民与人口部副部长吴貌昂等出席了捐赠仪式。'),
    ('https://news.cri.cn/20160716/acebb141-1f80-b9c4-72e2-5c37c93d3f94.html', '总领事 出席 友好城市 结好 周年 庆祝活动 市长', 6, '2016-07-16', '美国国际姐妹城协会成立60周年庆祝招待会举行', '国际在线报道(记者吕晓红、赵新宇):中国驻美国使馆15日在馆内与华盛顿市政府共同举办了庆祝美国国际姐妹城协会成立60周年招待会。中国驻美使馆公使李克新、华盛顿市市长鲍泽(女)、美国务院助卿帮办理查森、美国国际姐妹城协会会长阚玛丽、中国人民对外友好协会副会长谢元,来自美国各地和世界五大洲数十国代表等400多人出席。\n李克新表示,中国政府高度重视友城关系,自1973年对外结成首对友城以来,迄今已与134个国家建立了2315对友好省州/城市关系,其中中美之间有258对,北京市和华盛顿市1984年结好至今。'),
    ('https://www.gov.cn/yaowen/liebiao/202402/content_6931220.htm', '使馆 举办 春节 招待会 议员 部长 出席', 6, '2024-02-10', '互致新春祝福 共期龙年和平与繁荣——我驻外使馆举办庆祝农历新年活动', '新华社北京2月10日电 综合新华社驻外记者报道:为庆祝农历龙年新年,我驻外使馆举办丰富多彩的新春招待会活动,同各界人士欢聚一堂,共庆新春,互致祝福,共期龙年和平与繁荣。\n中国常驻联合国代表团举行新春招待会,现场花团锦簇,张灯结彩。多位联合国高官以及各国常驻联合国代表等300多人欢聚一堂。联大主席弗朗西斯出席招待会并表示,联大通过决议将春节(农历新年)确定为联合国假日,是对中国为联合国和多边主义事业作出重要贡献的高度认可。'),
    ('http://haerbin.baogaosu.com/xinwen/%E5%9B%9B%E5%B8%82%E5%A4%96%E5%8A%9E%E4%B8%BB%E4%BB%BB%E5%BA%A7%E8%B0%88%E4%BC%9A%E5%9C%A8%E9%95%BF%E6%98%A5%E5%8F%AC%E5%BC%80/50391187', '市外办 主任 会见 国外 友好城市 代表团', 4, '2016-09-13', '东北四市外办主任座谈会在长春召开达成多项重要共识', '由长春市主办的东北四城市外办主任座谈会于9月10日在长春市召开,沈阳、长春、哈尔滨、大连四市外办主任携秘书处处长出席会议。\n会上,四城市外办主任介绍各自近年来的特色工作,面对面分享交流了工作经验,还介绍了各自下一步的工作设想。'),
    ('http://lanzhou.baogaosu.com/xinwen/%E4%B8%AD%E5%9B%BD%E5%89%8D%E5%A4%96%E4%BA%A4%E5%AE%98%E8%81%94%E8%B0%8A%E4%BC%9A%E4%BC%9A%E9%95%BF%E5%90%89%E4%BD%A9%E5%AE%9A/27806168', '省委副书记 会见 外国 大使 一行', 8, '2014-12-23', '中国前外交官联谊会会长吉佩定一行来我省调研', '12月18-21日,中国前外交官联谊会会长吉佩定一行来我省就丝绸之路经济带黄金段建设进行调研。\n副省长夏红民19日在兰州会见考察小组一行。夏红民代表省政府对考察小组表示欢迎,并对大家长期以来对甘肃外事工作的指导帮助表示衷心感谢。'),
    ('http://daily.cnnb.com.cn/nbrb/html/2016-01/29/content_931970.htm?div=-1', '副市长 会见 外国 驻 总领事 一行', 3, '2016-01-29', '市领导会见越南客人', '本报讯(记者黄合)昨日下午,副市长王剑侯在市行政会议中心会见越南新任驻上海总领事阮青梅一行,双方围绕经贸、文化、旅游等方面合作以及建立友好城市进行沟通交流。\n据悉,此次是阮青梅自2015年4月上任以来的首次公务访甬,主要了解宁波近期经济社会发展情况,考察宁波港、保税区进口商品展示交易中心,并与市旅游局及相关旅行社进行座谈。'),
    ('http://news.jsw.com.cn/zjnews/2014-04/13/content_3038978.htm', '副市长 会见 外国 驻 总领事 一行', 8, '2014-04-13', '8国驻沪总领事来镇江考察', '金山网讯 昨天,以厄瓜多尔驻沪总领事孔嘉铭先生为团长的外国驻沪总领事考察团来镇考察访问。\n此次考察团由8个国家驻沪总领事组成,如此高规格、大规模的考察团到我市访问尚属首次。\n副市长王常生会见了考察团。他向来宾介绍了镇江的地理位置、区域优势和社会经济发展情况。'),
    ('https://news.sohu.com/08/00/news205170008.shtml', '市委书记 会见 外国 政党 代表团', 3, '2002-12-23', '王珉会见毛里塔尼亚民主社会共和党总书记', '本报讯 昨天上午,省委常委、副省长、苏州市委书记王珉在苏州会见了以总书记鲁莱德·乌尔德·韦达德为团长的毛里塔尼亚民主社会共和党代表团。\n韦达德总书记一行是昨天上午从上海前来苏州访问的,中联部副部长马文普陪同来访。'),
    ('https://heilongjiang.dbw.cn/system/2005/06/18/050060584.shtml', '黑龙江 会见 俄罗斯 州长 代表团', 5, '2005-06-18', '', '东北网6月18日电 17日,副省长王利民在哈尔滨会见了以俄罗斯阿穆尔州副州长果尔捷耶夫为团长的俄罗斯阿穆尔州政府经贸代表团一行。\n王利民说,阿穆尔州与黑龙江是非常好的近邻,欢迎你们来参加哈洽会,对你们在哈洽会上取得的成绩表示由衷的祝贺。'),
    ('https://hlj.cri.cn/2023-08-04/2e4e49d5-c9e2-df85-227e-393fd8faeef4.html', '黑龙江 会见 俄罗斯 州长 代表团', 7, '2023-08-04', '', '8月3日下午,黑龙江省委副书记、省长梁惠玲在哈尔滨会见俄罗斯驻哈尔滨总领事林尼克一行。\n梁惠玲对林尼克来哈尔滨履新表示欢迎。'),
    ('https://wxredian.com/art?id=3b6de92a95e905ee05d753e5e7d258ad', '黑龙江 会见 俄罗斯 州长 代表团', 8, '2024-11-20', '梁惠玲会见俄罗斯堪察加边区州长索洛多夫一行', '19日晚,省委副书记、省长梁惠玲在哈尔滨会见俄罗斯堪察加边区州长索洛多夫一行。\n梁惠玲代表黑龙江省人民政府对索洛多夫一行表示欢迎。'),
    ('https://app.bjtitle.com/8816/newshow.php?did=db6ca09d214a4889b782c5c05b57e16f&newsid=6426694&typeid=91', '新疆 会见 哈萨克斯坦 代表团 自治区', 1, '2023-10-20', '总统来华出席重要活动后,专程到新疆与马兴瑞再次会面', '10月18日下午,哈萨克斯坦总统托卡耶夫在结束出席第三届“一带一路”国际合作高峰论坛后,专程到访新疆,共商深化友好交流和务实合作。\n新疆维吾尔自治区党委书记马兴瑞、自治区主席艾尔肯·吐尼亚孜在乌鲁木齐与托卡耶夫举行工作会谈。\n前一天,10月17日,国家主席习近平在人民大会堂会见托卡耶夫;国务院总理李强在钓鱼台国宾馆会见了托卡耶夫。\n另外,今年3月底,马兴瑞率中国新疆友好交流访问团出访哈萨克斯坦,并在阿斯塔纳会见哈萨克斯坦总统托卡耶夫。'),
    ('http://news.ts.cn/system/2018/11/23/035475736.shtml', '新疆 会见 哈萨克斯坦 代表团 自治区', 3, '2018-11-23', '陈全国会见哈萨克斯坦东哈州州长阿赫梅托夫', '天山网讯(新疆日报记者姚彤报道)11月22日下午,自治区党委书记陈全国在乌鲁木齐会见了哈萨克斯坦东哈州州长阿赫梅托夫一行。\n陈全国代表自治区党委和政府对阿赫梅托夫表示欢迎。'),
    ('http://www.chinadaily.com.cn/dfpd/2012-09/07/content_15744068.htm', '新疆 会见 哈萨克斯坦 代表团 自治区', 5, '2012-09-07', '', '9月7日上午,新疆维吾尔自治区政协主席艾斯海提·克里木拜会见哈萨克斯坦著名人民作家,吉尔吉斯共和人民作家,前议会议员,《友谊桥》出版社顾问穆合塔尔·沙只诺夫一行。\n艾斯海提·克里木拜对穆合塔尔·沙哈诺夫一行的到来表示欢迎,并介绍了第二届中国-亚欧博览会的情况。'),
    ('https://fao.xinjiang.gov.cn/xjwqb/wsdt/202111/3bc3bbc4367845dc915c26a1e012fe27.shtml', '新疆 会见 哈萨克斯坦 代表团 自治区', 6, '2021-11-26', '我区举行在哈新疆籍侨胞和留学生代表视频交流会', '11月19日,中国新疆与哈萨克斯坦新疆籍侨胞和留学生代表视频交流会在乌鲁木齐召开。\n此次视频交流会由新疆海外联谊会和中国驻哈萨克斯坦大使馆共同举办,自治区政协主席努尔兰·阿不都满金和中国驻哈大使张霄出席会议并讲话。在哈萨克斯坦的新疆籍侨胞和留学生代表与在新疆的亲人通过视频相聚一堂,共叙思念之情、共话新疆发展变化。'),
    ('https://0756tong.com/NewsList.asp?ID=42234', '新疆 会见 哈萨克斯坦 代表团 自治区', 8, '2025-04-03', '', '本报北京4月2日电 (记者王莉)新疆维吾尔自治区3月31日在北京举办有关国家驻华使节交流会,来自43个国家和国际组织的70位驻华外交官共同出席。与会嘉宾们在会上交流自己参访中国新疆的见闻体会,共话中国新疆经济社会发展和人权保障成就。\n上海合作组织秘书长叶尔梅克巴耶夫表示,新疆同上合组织大家庭中的多个国家接壤,乌鲁木齐国际陆港区、喀什经济开发区等平台正成为区域合作的“加速器”。'),
    ('https://gx.cri.cn/2023-02-22/10e53dec-f9d7-459b-2a94-a0748dcb916b.html', '广西 会见 越南 省委书记 代表团', 3, '2023-02-22', '', '2月22日,2023年中国广西与越南边境四省党委书记新春会晤活动以视频连线方式举行,广西壮族自治区党委书记、自治区人大常委会主任刘宁与越南河江省委书记邓国庆、谅山省委书记阮国团、广宁省委常务副书记吴皇银,高平省委常务副书记赵庭黎进行工作会谈,共叙友好情谊,共谋合作发展。中共中央对外联络部副部长陈洲在南宁会场出席会议并致辞,越共中央对外部常务副部长阮氏黄云、中国驻越南大使熊波、越南驻华大使范星梅进行视频致辞。'),
    ('https://www.gov.cn/gzdt/2010-09/11/content_1700637.htm', '广西 会见 越南 省委书记 代表团', 5, '2010-09-11', '', '9月10日下午,广西壮族自治区主席马飚在越南河内拜会越南国会主席阮富仲。\n马飚首先感谢阮富仲主席在百忙之中会见广西代表团,并向他转达了郭声琨书记的亲切问候。\n马飚介绍了广西代表团访越主要活动以及已经取得的主要成果。他指出,贵国总理阮晋勇、副总理阮善仁在分别会见广西代表团时都提出要进一步增进两国人民友谊,推进越南与广西经贸合作。'),
    ('http://yqb.gxzf.gov.cn/zwdt123/ywdt_1/t18924764.shtml', '广西 会见 越南 省委书记 代表团', 6, '2024-09-02', '刘宁率广西代表团访问越南', '8月26—30日,自治区党委书记、自治区人大常委会主任刘宁率广西代表团访问越南,从地方层面贯彻落实习近平总书记同越南党和国家领导人达成的重要共识,落实中越联合声明精神,深化与越南各领域交流和务实合作,助推共建“一带一路”倡议和“两廊一圈”框架对接合作,服务进一步加强两国全面战略合作伙伴关系、构建具有战略意义的中越命运共同体。\n访问期间,越共中央总书记、国家主席苏林接见了广西代表团。越南政府总理范明政与代表团进行了工作会谈。越共中央政治局委员、胡志明市委书记阮文年,越南副总理、外交部长裴青山分别会见了代表团。'),
    ('http://nanning.baogaosu.com/xinwen/%E5%B9%BF%E8%A5%BF%E4%BB%A3%E8%A1%A8%E5%9B%A2%E8%AE%BF%E9%97%AE%E8%B6%8A%E5%8D%97%E6%B7%B1%E5%8C%96%E4%BA%A4%E6%B5%81%E5%90%88%E4%BD%9C/39895160/', '广西 会见 越南 省委书记 代表团', 7, '2015-11-09', '彭清华率广西代表团访问越南 深化交流合作 促进共同发展', '为落实中越两党两国领导人达成的重要共识,服务国家周边外交战略,11月4日至6日,在中共中央总书记、国家主席习近平对越南进行国事访问之际,彭清华率领广西代表团在越开展一系列会见、会谈、签约活动,并参加中央代表团访越的相关活动。'),
    ('https://m.kunming.cn/news/c/2021-06-11/13254568.shtml', '云南 会见 外国 驻昆明 总领事', 7, '2021-06-11', '女性驻华使节代表团访昆', '昆明信息港讯(昆明日报 首席记者贾献培) 6月10日,市委、市政府举行欢迎晚宴,宴请来昆访问的女性驻华使节代表团。\n省委常委、市委书记程连元出席欢迎晚宴并致辞。'),
    ('http://you.kantsuu.com/200911/20091122165404_165808.shtml', '市长 会见 日本 县知事 友好', 4, '2009-11-22', '夏德仁会见日本市长会会长', '昨天晚上,市委书记夏德仁在香格里拉大饭店会见了来连出席第五届北京——东京论坛(大连)的日本长冈市市长、全国市长会会长森民夫时说,中日两国城市间的合作是促进中日友好合作与交流的基础。大连愿意与日本各个城市加强合作,在中日合作中努力培育新的增长点。市委常委、秘书长姚家凯参加会见。'),
    ('https://www.mfa.gov.cn/web/zwbd_673032/wshd_673034/202107/t20210717_9172169.shtml', '市长 会见 日本 县知事 友好', 7, '2021-07-16', '驻日本大使孔铉佑会见宫城县知事村井嘉浩', '2021年7月16日,驻日本大使孔铉佑会见宫城县知事村井嘉浩。\n孔大使积极评价宫城县长期积极开展对华交流合作,表示地方交往是中日关系重要财富,希望宫城县以明年中日邦交正常化50周年为契机,拓展各领域对华务实合作和人文交流,为推动中日关系沿着正确方向前进发挥积极作用。'),
    ('http://nanjing.baogaosu.com/xinwen/%E6%9D%A8%E5%B2%B3%E4%BC%9A%E8%A7%81%E4%B8%AD%E9%9D%9E%E5%90%88%E4%BD%9C%E8%AE%BA%E5%9D%9B%E9%87%8D%E8%A6%81%E5%98%89%E5%AE%BE/49104632/', '市委书记 会见 非洲 国家 代表团 一行', 3, '2016-07-31', '杨岳会见中非合作论坛重要嘉宾', '中非合作论坛约翰内斯堡峰会成果落实协调人会议29日在北京举行,根据外交部安排,由40多个国家的外长、部长、驻华大使等90多位重要嘉宾组成的访问团,在南非国际关系与合作部部长马沙巴内的率领下于30日抵达苏州参观访问。当晚,省委常委、副省长杨岳在苏州会见了访问团一行。'),
    ('https://littleproxima.com/cn/lthy/8049.html', '市委书记 会见 非洲 国家 代表团 一行', 4, '2015-06-17', '强卫会见非洲驻华大使巡讲团', '6月15日,江西省委书记强卫在南昌会见了前来参加第十四届非洲国家驻华大使巡讲活动的肯尼亚驻华大使迈克·金扬久伊、纳米比亚驻华大使阿贝德、赞比亚驻华大使姆瓦佩以及加纳驻华大使馆副大使安克拉哈、埃塞俄比亚驻华使馆公参阿弗沃克·雷格斯等非洲国家驻华使节。\n副省长谢茹参加会见。'),
    ('http://lyrb.lyd.com.cn/html/2011-04/09/content_730845.htm', '区长 会见 外国 商会 代表团', 2, '2011-04-09', '', '本报讯 (记者 李松战)昨晚,我市举行欢迎宴会,欢迎参加第29届中国洛阳牡丹文化节投资贸易洽谈会的中外客商。\n应邀参加宴会的中外客商共580多人,其中境外客商分别来自美国、加拿大、法国、巴西、格鲁吉亚、伊朗、巴基斯坦、孟加拉国、斯里兰卡、哈萨克斯坦、蒙古、日本、韩国、新加坡、菲律宾、泰国、马来西亚、印度尼西亚等20多个国家和地区,国内客商分别来自北京、上海、广东、福建、浙江、江苏、山东、山西、香港、台湾等地。\n出席欢迎宴会的主要来宾有:中央政府驻香港联络办副主任周俊明,香港特别行政区驻北京办事处主任曹万泰,巴西圣马特乌斯市副市长皮诺奇·马奥,韩国驻武汉总领事馆领事全成镇,新加坡怡和轩俱乐部主席林清如,全国政协委员、香港汉生堂药业有限公司董事长李嘉音,美国维州华商联合会会长朱天活等。'),
    ('http://newstar.superlife.ca/2002/06/27/%e7%a4%be%e5%8c%ba%e6%b6%88%e6%81%af%ef%bc%9a%e9%87%8d%e5%ba%86%e5%b8%82%e9%95%bf%e5%8c%85%e5%8f%99%e5%ae%9a%e5%b0%86%e6%9d%a5%e8%ae%bf%e5%8a%a0%e6%8b%bf%e5%a4%a7/', '区长 会见 外国 商会 代表团', 3, '2002-06-27', '社区消息:重庆市长包叙定将来访加拿大', '【本报讯】应加拿大多伦多市市长拉斯曼先生的邀请,重庆市市长包叙定率团将于近日访问加拿大。加拿大国庆节7月1日晚上,大多伦多侨界将举行晚宴,欢迎包叙定市长访问。\n包叙定此行的目的,旨在进一步推动重庆和加拿大在经济、贸易、科技、教育及文化领域的交流和合作,巩固和发展与友好城市的友好合作关系。访问期间,代表团将广泛接触加拿大工商界高层人士,并通过中国驻外使领馆及有影响的贸易组织和社会团体,宣传重庆,介绍西部大开发的有关情况,促进更多的外商来重庆洽谈合作,投资发展。\n现在,包叙定市长正在美国西雅图进行访问,他是应西雅图市市长尼可尔斯先生的邀请出访的。'),
    ('http://news.fjsen.com/2013-10/11/content_12715977.htm', '副州长 会见 外国 驻华 领事 一行', 5, '2013-10-11', '', '中国驻旧金山总领事袁南生(右)在晚宴上与旧金山市长李孟贤(中)及其夫人交谈。当地时间10月8日晚,中国驻旧金山总领事袁南生在官邸设宴,为即将再度访问中国的旧金山市长李孟贤饯行。继今年四月首次以旧金山市长身份成功访华后,李孟贤将于10月13日率领一个由政府官员、企业领袖、教育专家等六十余名旧金山湾区各界人士组成的代表团访问中国北京、上海两座城市,以进一步推动与中国在经贸、教育等方面的交流与合作。'),
)


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
