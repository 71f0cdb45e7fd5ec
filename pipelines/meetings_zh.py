"""Who met whom in Chinese text: meetings (会见, 会晤, 拜会, 往见; 同…会面, 同…共同出席 / 共同见证), talks (会谈), calls (通电话,
通话) and visits (访问, 访华)
read from a Chinese article, as events of the same shape as pipelines/meetings.py gives for English ones, so they
fill the same `meetings` table.

Read clause by clause (a clause ends at ，：；。！？), precision first; an event needs all of:
1. Its verb used as a verb: not "会见安排", "访华邀请", "会见记者", "会晤机制", "访日团组", "会晤达成的共识".
2. Both sides named in the verb's own clause, by the shape of the Chinese sentence: "A 同/与/跟 B (举行) 会谈 /
   通话 / 会晤", "A (在…) 会见 B", "A 在会见 B 时"; for a visit "A 访华 / 来华访问 / 对中国进行…访问" (a foreign
   visitor) or "A 访问 X / 对 X 进行…访问 / 访越" (a Chinese visitor, the last party named before the verb; X the
   destination). One side Chinese (an official of config/mentions/zh.toml, 习主席, 国务委员, 中方, 中国驻…大使, a
   Chinese body or post: 全国人大, 最高人民法院, 省委, 党组), the other foreign (a country named, or a person by title
   on evidence: a foreign title or transliterated name, 外国/海外/驻华, an organisation, a foreign country or 两国 in
   the paragraph, a diplomat as host; "部长黄润秋" met by a provincial leader is no foreign party). Who attended
   (X等参加会见, 会见时在座) joins the meeting and is none by itself unless a foreign country is among them. "两国元首 / 双方牵头人 … 通话" and a reference
   ("在会见中", "访问期间" with something done) count when the text pairs China with exactly one country (中美,
   中韩双方, or the one foreign country it names); a reference otherwise only joins an event already read. A clause
   without its subject takes the Chinese party an earlier clause of the sentence names first ("王岐山副主席作为
   特使，已启程赴日出席…", "杨洁篪在访问牙买加后过境华盛顿，期间会见了…"); pair words (中法战略对话) name no side.
   Numbered or collective meetings (第六次…领导人会晤, 集体会晤) are forums, not meetings, but for one counterpart
   ("同莫迪总理举行第二次非正式会晤") and the numbered China-EU summit (with an organisation); a frame without its
   subject ("与希腊总统…会谈时，习近平主席提出") takes the next clause's; ships' port calls no visits.
3. Stated as done or under way: a sentence up to the verb's clause that announces or wishes (将, 拟, 即将, 期待,
   希望, 相信, 同意, 提议, 邀请 but 应…邀请, 明天, 下周, 在即, 首先是; after the verb only what is not content:
   "在通话中同意…" is done), a clause that asks (是否, 问到), a question retold (至于你问…), denies (没有, 未) or
   generalises (多次, 五次, 先后, 连年, 互访, "X、Y等"; or, after a frame, "…通电话时，多次强调") is not read; nor a
   journalist's question (问：, a sentence
   ending in ？); nor an event dated after the article; nor, in a text that announces a visit, what follows the
   announcement undone (no 了, 成果, 已经), nor "此访是…", "这次…会晤…" with nothing done; nor a topic ("关于X访问")
   that is neither dated nor done (nor dated only by the year or month it is in: 今年); an undated visit of a
   country the article announces a visit of is that visit. A visit dated in its own clause before the article
   ("2018年5月李克强总理访日期间"; not "去年…以来首次访菲"), preceded by 日前/前不久, or during which something was
   said (默克尔访华期间表示) is done.
4. Countries: the foreign side's (the visit's destination), ISO alpha-3 through the Chinese gazetteer, foreign
   leaders' names (zh.toml [foreign]: 蓬佩奥 is of the United States) and the one-character forms (美方, 中挪; an
   ambiguous one, 巴 or 马, or 卢 in a text naming Rwanda, is the one country so written that the paragraph, else
   the article, names in full or by a leader); a country after 在 / 驻 / 经停 or before 峰会 / 会晤 is a place
   unless a title follows (在美国国务卿…);
   a person named without a country takes the one country the text pairs with China (or names), none for an
   organisation (联合国秘书长), and the event is dropped when the text names several.
   A party named by a foreign state or city opening it and an office or delegation of it (维多利亚州州长, 大阪府代表团)
   is of that place's country, and so is the host of a consul general by name and title in or going to one (张卫国总领事
   赴保和省拜会…): config/mentions/zh_abroad.toml (iso-codes' ISO 3166-2, CLDR's exemplar cities) and zh.toml [abroad].
5. The date: the nearest date expression before the verb in its own clause, else that of a clause that is only a
   time ("昨天，", "当地时间2019年2月15日，") before it (2019年2月15日, 15日, 昨天, 上周五, 去年4月, 6月, 2018年;
   pipelines/dates_zh.py); a date in a clause of another verb ("昨天我已经介绍过") is that verb's; 日前, 不久前 or no
   expression give none; a visit under way on a named day ("…在访问哈萨克斯坦期间") is dated by the month. A
   sentence that dates nothing before its verb takes the time an earlier sentence of the paragraph stating no event
   set ("2019年，…。…在金奈再次会晤"; dates_zh.opening), and 同年 / 同日 / 当天 point back to the last time set.
6. One occasion, one event, within a paragraph: mentions of the same type and countries join, but a meeting, talks
   or call with another person its clause names (与希腊总统…会谈时…。与希腊总理…会谈时…); a meeting or talks
   with a visit's country, during its visit frame (访埃期间，…会见…) or with a visitor (来华访问的X, 会见来访的X)
   is the visit, and so are a transit visit and talks on the trip in the visit's own sentence (过境X并进行友好访问,
   同…德国总理深入会谈); a visit followed by 后 in its clause takes no fronted date ("在访问牙买加后过境…");
   "分别" with several countries gives one event each, as do several visitors to China, several Chinese officials
   who 分别 met one counterpart, and a list met one after another ("分别会见巴西总统卢拉、总统府首席部长科斯塔");
   a meeting joined to its visit leaves the visit its own date (else the meeting's month).
8. Spoken words: the 我 / 我们 of a Chinese party the paragraph reports speaking ("习近平指出，…。2022年11月我访问泰国",
   "上个月我们在韩国釜山成功举行会晤": with the one country the text pairs) is China, and so is the speaker glad to
   visit ("很高兴…访问巴西": under way in the month of publication); the guest addressed (同你举行会见, 同殿下会面)
   is of the country the text pairs.
9. Occasions apart: a meeting its clause places in China is no part of a visit abroad; a meeting with no country
   (an organisation, 集体会见 envoys) joins no visit of countries; "X访华以来" with a time is a visit done (its own
   occasion beside a visit from China), "访华以来" alone none; a visit "之际" is under way at the time that follows.
7. A reference (访问期间, 会见时，…) may join an earlier paragraph's occasion. Every event has a Chinese party: the
   officials its sentence names, else one described by the post or the pair it gives (最高人民法院院长, 两国元首,
   中缅就…); a visit to China is in China; an occasion none of whose sentences names a Chinese party (美方在会晤中
   表示…) and not in China is no event. Only sentences and clauses holding an event's verb are read, and a
   paragraph with no event is offered to pipelines/attended_zh.py (an envoy's occasion with named foreign guests).
Press conferences and spokesperson's remarks are read like any article, their events' `source` being
`press_conference` (as the English rules mark theirs); measured figures in docs/chinese-record.md, "Meetings in
Chinese". Pure: an article in, event dicts out.
"""
from __future__ import annotations

import dataclasses
import re

from . import attended_zh, dates_zh, foreign_zh, mentions, mentions_zh
from .mentions_zh import PLACE_BEFORE as _PLACE_BEFORE
from .mentions_zh import TITLE as _TITLE
from .mentions_zh import countries_named as _countries
from .needles import gated
from .pairing import kind_of

SPOKEN = ("press", "remarks")     # a press conference or spokesperson's remarks: its events' source is press_conference

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_CLAUSE = re.compile(r"[^，,：:。！？；;\n]+")
_QUESTION = re.compile(r"^\s*(?:问|追问[一二三四五]?|[^\s:：，。（(]{0,24}记者[^\s:：，。]{0,4})[:：]")
_ASKED = re.compile(r"问到|是否|会否|能否|有没有|如果|假如|如有|的话")      # in the verb's clause
_NOT_DONE = re.compile(r"(?<!即)将(?![其之军领士近])|即将(?!(?:离任|卸任|到任|离职|退休)的)|在即|首先是|首站是?|拟|期待|希望|相信|愿意?|准备|筹备|计划|安排|原定|推迟|早日|(?<!仪式，)(?<!仪式,)欢迎(?!仪式|宴会)|方便时"
                       r"|临近|同意(?!大利)|商定|约定|等到|提议|建议|肯定要|将要|就要|要[和同与]|明天|明日|后天|下周|下个?月|明年|(?<!上月)(?<!上个月)月底|(?<!去年)(?<!前年)年底|没有|未(?!来)|不会|从未|尚未|届时|(?<!你)可能|应当|应该")
_CONTENT = re.compile(r"同意(?!大利)|商定|约定|希望|期待|相信|愿意?|欢迎|提议|建议")
_GENERIC = re.compile(r"、[^，、]{1,10}等(?![^，、]{0,6}代表团|[^，、]{0,16}一行|[^，、]{0,30}?驻[^，、]{0,10}?(?:总领事|大使|使节))|集体(?!会见)|多边(?![^，]{0,8}(?:场合|期间))|有关国家|\d+(?:多|余)|(?<![第\d])\d+次|多个|这些"
                      r"|(?<![第一二三四五六七八九十两几多数历屡])(?!一次)[一二三四五六七八九十两几多数历屡]+次|(?<![第一])[两三四五六七八九十几多数]+度会|一直|等方式|先后|一些"
                      r"|不少|许多|很多|各国|多国|部分国家|互访|往来|交往|经常|每年|连年|屡次|频繁|(?<!次)定期|多位|\d+位|(?:通话|会见|会晤|函电)或|[的等]方式")   # "第二十五次定期会晤" is one
_NOUN_AFTER = r"(?!日期|渠道|相关|主办|机制|、|时?达成|以来|团|学者|者|安排|邀请|计划|日程|事宜|问题|费|记录|了?记者|律师|活动(?!时))"
_C1 = "美俄日韩朝印澳英法德加越菲哈蒙伊卢意"
# one-character names of Chinese provinces and cities a local readout writes for its own place ("访汉" Wuhan, "来连出席"
# Dalian, "来湘访问" Hunan): a foreign party coming there comes to China
_LOCAL = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇陕甘陇汉蓉连穗厦杭甬榕邕筑昆"
_TRIGGER = gated(re.compile(
    r"(?<!不)(?P<talks>会见会谈|会谈" + _NOUN_AFTER + r")"
    r"|(?P<call>通电话|通了电话|视频通话|通话" + _NOUN_AFTER + r")"
    r"|(?P<meeting>会见" + _NOUN_AFTER + r"|会晤" + _NOUN_AFTER + r"|拜会" + _NOUN_AFTER + r"|往见" + _NOUN_AFTER
    + r"|会面(?![会时])"
    r"|(?<=官邸)接待|(?<=使馆)接待|(?<=领馆)接待"     # "驻巴西大使…在官邸接待巴西…部长": an envoy's guest
    + r"|共同出席|共同见证|出席(?=了?[^，。]{1,24}?国庆(?:日)?(?:招待会|酒会)))"     # a foreign country's national-day reception
    r"|(?P<china>访华" + _NOUN_AFTER + r"|访华(?=以来)|(?:访问|到访)了?(?:中国|我国)(?!驻)|来华(?:进行)?(?:国事|正式|工作|友好)?(?:访问|出席|参加)|(?:在华|在中国)访问"
    r"|(?<=[一行团人])访[" + _LOCAL + r"](?![问谈])"
    r"|(?:对|到|赴)(?:中国|我国)进行(?:了)?[^，。]{0,10}?访问)"
    r"|(?P<abroad>(?:国事|正式|工作|友好|官方)?访问" + _NOUN_AFTER + r"|访(?=[" + _C1 + r"](?!问|团))"
    r"|赴(?=[^，。]{1,8}?(?:出席|参加)))"))
_DEICTIC = gated(re.compile(r"(?:(?:此次|这次|本次)[^，。]{0,12}?访(?!问团)|此访|此次访问|这次访问|此次访华|这次访华|访问期间|访[^\s，。]{1,4}期间"
                            r"|在(?:此次|这次|[今昨前]天(?:上午|下午|晚上|晚间)?|[\d年月日]{2,11})?(?:会见|会谈|会晤|通话|通电话|会见会谈)[时中]"
                            r"|^(?:会见|会谈|会晤|通话|通电话)[时中](?=$|[，,]))"))     # "会见时，韩正表示…": a readout's own meeting
_MECHANISM = re.compile(r"(?:第[一二三四五六七八九十\d]+[次轮届]|[—－])[^，期间时]{0,12}$")   # "第六次…领导人会晤": a forum, not a meeting
# the party met came on a visit, as another sentence of the paragraph says ("…一行是昨天上午从上海前来苏州访问的",
# "对诗琳通公主一行来访表示欢迎", "澳大利亚维多利亚州代表团来江苏考察访问")
_CAME = re.compile(r"(?:一行|代表团|记者团|访问团|客人)(?:是|于)?[^，。]{0,12}?(?:来访|到访|前来[^，。]{0,8}?访问|来[^，。]{1,6}?(?:考察|友好)?访问)")
_VISITING = re.compile(r"来华(?:进行)?(?:国事|正式|工作)?访问的|访华的|在华访问的|来访的|到访的|来[华" + _LOCAL + r"](?:出席|参加)[^，]*的"
                       r"|来[" + _LOCAL + r"](?:考察|友好)?访问的")
_ONE_CHARACTER_SIDE = re.compile(r"(?<![执立司合办说做想宪增参追更地多各双对一两几东西南北官军我敌友他己有无正反中])"
                                 r"([\u4e00-\u9fff])方(?![面式法案向针便])")
_PARTICIPANTS = re.compile(r"(?:参加|出席|陪同|一同)了?$")       # "X等参加会见": who attended, not who met
_ORGANISATION = re.compile(r"联合国|组织|欧盟|欧方|欧委会|欧洲理事会|欧洲议会|洲议会|拉美议会|东盟|非盟|阿盟|秘书长|世界银行|基金组织|委员会主席"
                           r"|(?:世界|国际)[^，、]{0,10}(?:论坛|银行|基金|联合会|奥委会|委员会|理事会)(?:主席|总裁|行长|会长|创始人)")
# a person named by title alone is foreign only on evidence: a foreign title, a transliterated name, an organisation
_FOREIGN_MARK = re.compile(r"外方|外国|海外|外籍|境外|驻华|外长|外交部长|[·・•]|总统|首相|外相|国务卿|国王|王储|亲王|苏丹|埃米尔|天皇|女王|总督|外秘|大臣")
_WITH = re.compile(r"(同|与|跟)")
_LOCAL_TITLE = re.compile(r"[市州省]长|(?:市|州|省|地区)?(?:议会)?议长|首席部长|市议员|大学校长")   # a host country's local officials
# a Chinese envoy's post abroad: "驻印尼大使", "驻拉瓦格领事馆馆长领事", "驻长崎总领事" (not 驻华: a foreign envoy's)
_POST = re.compile(r"驻(?![华港澳])(?P<post>[\u4e00-\u9fff]{1,10}?)(?:总领事馆|总领馆|领事馆|大使馆|使馆)?(?:特命全权)?"
                   r"(?:大使|副总领事|总领事|馆长|领事|公使|参赞|临时代办|代办)")
_AND = re.compile(r"和")
# a party of a foreign state or city: an office, a body or a delegation of it ("维多利亚州州长", "大阪府知事", "休斯敦市议会",
# "得州代表团"), not a place alone nor its residents
_SEATED = re.compile(r"(?:" + _TITLE.pattern + r"|[市州省府县道]长|知事|议员|议会|政府|代表团|访问团|考察团|一行|官员|市政)")
_OVERSEAS_CHINESE = re.compile(r"华人|华侨|侨胞|侨团|侨界|同乡会|宗亲会|会馆|中资|留学生|学联|孔子学院")
# a consul general by name and title alone, the way his consulate's news writes him ("杨国强总领事在印第安纳州政府")
_CONSUL = re.compile(r"[\u4e00-\u9fff]{2,3}代?总领事(?:夫妇)?(?:在[^，]{1,14}|赴[^，]{1,10}|应约|还)?")
# a provincial governor or a mayor by post and name alone, no place of his own, as a Chinese paper names its own ("省长张中伟在
# 蓉", "副市长王剑侯在市行政会议中心"; not "保和省长卡托", "西雅图市市长…": a foreign one)
_GOVERNOR = re.compile(r"(?:^|(?<=[，,、）)\s]))(?:常务)?副?[省市]长[\u4e00-\u9fff]{2,4}?(?:在[\u4e00-\u9fff]{1,8})?(?:视频|也|还|随后)?$")
_PAIR_SUBJECT = re.compile(r"两国元首|两国领导人|双方牵头人|两国外长|双方|中[" + _C1 + r"](?:两国)?(?:元首|领导人|外长|总理)")
_CHINESE = re.compile(r"中方|中资|中国(?!常?驻)|我国|中共|国家主席|习主席|国家副主席|国务院|国务委员|政协|中央外事"
                      r"|中国常?驻|(?:^|(?<=[，,：:、]))驻(?![华港澳])[^，。、]{1,12}?(?:大使|总领事|使馆|总领馆|领事馆)|外交部(?:副)?部长|副部长|部长助理|外交部长"
                      r"|全国人大|人大常委会|最高人民法院|最高人民检察院|中央军委|中宣部|中联部|国家监委|政治局"
                      r"|[省市县区]委|党组|党委|省人大|省政府|自治区(?:党委|人大|政府|主席)"
                      r"|外办|外事办|外侨办|外事侨务办"       # Chinese bodies and posts (外办: a local foreign-affairs office)
                      r"|人民对外友好协会|[省市区]友协|全国友协"   # China's friendship associations (not 俄中友协, a foreign one)
                      # a department head of the ministry, as its departments' readouts name him ("外交部亚洲司司长刘劲松",
                      # "条法司司长徐宏"; opening its clause: not "越南外交部亚洲司司长", a foreign ministry's)
                      r"|(?:^|(?<=[，,：:、\s]))(?:中国)?(?:外交部)?[\u4e00-\u9fff]{1,6}?司(?:副)?司长")
_ANNOUNCES = re.compile(r"将(?:于|在|对|赴|同|与)?[^，。]{0,20}?(?:访问|访华|出席|会见|会谈)|应[^，。]{1,30}邀请[^。]*将")
_PERFECTIVE = r"(?<![为除])了(?![解不])"      # 了 of a done action, not 了解, 为了, 除了, 了不起
_REACHED = r"(?<![将望待能够以可会要争])达成"     # "又达成新的重要共识": done; not "会达成", "两国元首达成的共识" (earlier)
_VISIT_DONE = re.compile(r"期间[^。]*(?:" + _PERFECTIVE + r"|" + _REACHED + r"|表示|提出|指出|强调)|取得|成果|满意|结束|圆满|成功|已经|" + _REACHED + r"(?!的)")
_REPORTED_QUESTION = re.compile(r"你们?(?:想|刚才)?问|你想了解|你(?:所)?关心")
_REPORTING = r"注意到|表示|认为|指出|赞赏|欢迎|看到|知道|获悉|说"
_TOPIC = re.compile(r"(?:关于|至于|有关)")
_DONE = re.compile(_PERFECTIVE + r"|已经|取得|成果|满意|结束|圆满|成功|" + _REACHED + r"(?!的)|期间[^。]*?(?:表示|提出|指出|强调)")     # a reference to a visit that has happened


def sentences(text: str) -> list[list[str]]:
    """The sentences of each paragraph of a text, without the paragraphs a journalist's question opens (问：,
    路透社记者：): a question is asked throughout its paragraph."""
    out = []
    for paragraph in (text or "").split("\n"):
        if paragraph.strip() and not _QUESTION.match(paragraph.strip()):
            out.append([s.strip() for s in _SENTENCE.findall(paragraph) if s.strip()])
    return out


def _is_chinese(side: str, tagger) -> bool:
    return bool(_CHINESE.search(side) or mentions_zh.tag(side, tagger)[1] or _governor_of(side, tagger))


_PROVINCE_GOVERNOR = re.compile(r"([\u4e00-\u9fff]{2,3}?)省(?:常务)?副?省长")


def _chinese_governors(text: str, tagger) -> list[re.Match]:
    """Where the text names a Chinese province's governor by the province ("辽宁省省长李乐成", "海南省副省长…"; not a
    foreign province's, "河江省省长": the gazetteer's province codes of China, CN-…)."""
    return [m for m in _PROVINCE_GOVERNOR.finditer(text)
            if (tagger.lookup.get(m.group(1)) or ("", "", ""))[2].startswith("CN-")]


def _governor_of(side: str, tagger) -> bool:
    return bool(_chinese_governors(side, tagger))


def _foreign(side: str, tagger, paragraph: str = "", diplomat: bool = False, abroad: bool = False) -> list[str] | None:
    """The countries of a foreign side ([] for a person named by title alone), None when the side is no foreign party.
    A side named by title alone ("部长黄润秋", "先进代表") is foreign only on evidence: a foreign title or name
    (总统, 国务卿, a transliterated name, 海外), an organisation, a foreign country or 两国 in the paragraph, or a
    diplomat on the Chinese side (外交部副部长乐玉成会见了比根特别代表: a foreign envoy); a Chinese envoy abroad
    (`abroad`: 驻长崎总领事) meets the host country's officials by their local titles too (市长, 州长, 议长)."""
    if not side or _is_chinese(side, tagger) and not _countries(side, tagger):
        return None
    if re.fullmatch(r"你|您|阁下|殿下|陛下", side):
        return []                    # "习近平主席同你举行会见": the guest addressed, of the country the text pairs
    countries = _countries(side, tagger)
    if countries:
        return countries
    seat = _seat(side, tagger)
    if seat and not _OVERSEAS_CHINESE.search(side) and not _ORGANISATION.search(side):
        return [seat]                # "会见维多利亚州州长安德鲁斯", "会见大阪府代表团": the country of a foreign state or
        #                              city named as the party's seat (config/mentions/zh_abroad.toml)
    if not (_TITLE.search(side) and len(side) >= 3) and not _ORGANISATION.search(side) \
            and not (abroad and _LOCAL_TITLE.search(side)) \
            and not (re.search(r"州长", side) and _countries(paragraph, tagger)):
        return None                  # "会见世界银行、国际货币基金组织…负责人": an organisation needs no title; "会见维多利亚州
        #                              州长安德鲁斯一行": a foreign state's premier by title, the text naming a foreign country
    foreign = diplomat or _FOREIGN_MARK.search(side) \
        or _ORGANISATION.search(side + re.sub(r"国务院(?:副)?秘书长", "", paragraph)) \
        or re.search(r"两国|两军", paragraph) \
        or _countries(paragraph, tagger) or mentions_zh.sides(paragraph, tagger.resolved)
    return [] if foreign else None


def _consul_abroad(subject: str, tagger) -> list[str]:
    """The country of the one foreign province, state or city a consul general named by name and title is in or goes
    to ("张卫国总领事在北阿古桑省政府", "张卫国总领事赴保和省": config/mentions/zh_abroad.toml), else []."""
    consul = _CONSUL.search(subject)
    if not consul or "在" not in consul.group() and "赴" not in consul.group():
        return []
    where = mentions_zh.abroad_named(consul.group(), tagger, places=True)
    return where if len(where) == 1 else []


def _seat(side: str, tagger) -> str | None:
    """The country of the foreign state or city that opens a side and is followed by an office, body or delegation of
    it ("维多利亚州州长安德鲁斯", "来自大阪府的代表团"); None otherwise, so that a place inside a transliterated name
    ("蒙特利马市长": not 利马; "副总理马哈拉") or after another word ("联合国维也纳办事处") names no country."""
    if tagger.abroad is None:
        return None
    lead = 1 if side.startswith("了") else 0
    lead += 2 if side.startswith("来自", lead) else 0
    m = tagger.abroad.match(side, lead)
    code = tagger.abroad_country.get(m.group()) if m else None
    if code is None:
        return None
    rest = re.sub(r"^(?:新任|前任|时任|代理)", "", side[m.end():])     # "昆士兰州新任州长": the state's, newly in office
    came = "来自" in side[:lead]               # "会见了来自大阪府的代表团": the party from there, cut at 的
    return code if _SEATED.match(rest) or _SEATED.match(re.sub(r"^[市州省府县]?的?", "", rest)) or came and not rest \
        or re.match(r"[市州省府县]长", m.group()[-1] + rest) else None     # "昆士兰州长": 昆士兰州 and 州长 share 州


def _china_pair(paragraph: str, tagger) -> list[str]:
    """The one country the text pairs with China ("中美", "中韩双方", "美方"), else the one foreign country it names
    (not as a place), else []."""
    found = mentions_zh.sides(paragraph, tagger.resolved) or _countries(paragraph, tagger)
    return found if len(found) == 1 else []


def _text_country(side: str, paragraph: str, tagger) -> list[str] | None:
    """The country of a foreign person named without one ("特朗普总统"): the one country the text pairs with China,
    else the one foreign country it names; [] when it names none or the side is an organisation (联合国秘书长);
    None when it names several (which one is the person's cannot be told)."""
    if _ORGANISATION.search(side) or re.search(r"外方|外国|海外|外籍|境外", side):
        return []                    # an organisation, or foreigners of no one country ("海外委员")
    resolved = dict(tagger.resolved)
    if any(m.group(1) not in mentions_zh.SIDES and m.group(1) not in resolved for m in _ONE_CHARACTER_SIDE.finditer(side)):
        return None                  # "巴方": Pakistan, Brazil or Panama, unless the text names one of them in full
    pairs = mentions_zh.sides(paragraph, tagger.resolved)
    if pairs:
        return pairs if len(pairs) == 1 else None
    named = _countries(paragraph, tagger)
    return named if len(named) <= 1 else None


def _bilateral(clause: str, m: re.Match, before: str, tagger, paragraph: str = "", after: str = ""):
    """(countries) of a meeting, talks or call whose two sides the clause names, else None; a frame without its
    subject ("与希腊总统…会谈时，习近平主席提出") takes that of the clause after it."""
    pre, post = clause[:m.start()], clause[m.end():]
    if m.group() == "出席":          # "市人大常委会副主任杜黎明（右四）出席意大利国庆招待会": the host country's, met by a Chinese
        host = re.match(r"了?(?!中国|我)([^，。驻]{1,10}?)(?:驻[^，。]{1,8}?(?:大使馆|使馆|总领事馆|总领馆|领事馆))?"
                        r"(?:[\d一二三四五六七八九十]+周年)?国庆", post)
        countries = _countries(host.group(1), tagger) if host else []
        return countries if countries and _is_chinese(pre or before, tagger) else None
    if m.group() in ("会见", "会晤", "拜会", "往见"):   # "会见并宴请安第斯议会主席…": whom, after the second verb
        post = re.sub(r"^并(?:宴请|设宴招待|设宴款待|款待)(?!了?[，,]|$)", "", post)
    if m.group().startswith("共同") and not _WITH.search(pre) and before:
        pre = re.split(r"[，,]", before.rstrip("，,"))[-1] + pre   # "习近平主席同赞比亚总统…在北京，共同见证签署…"
    w = list(_WITH.finditer(pre)) or list(_AND.finditer(pre))
    if m.group() == "拜会" and not re.sub(r"^了", "", post).strip("，,"):
        w = list(re.finditer(r"向", pre)) or w    # "大使…在总统府向印尼总统苏希洛辞行拜会": whom, after 向
    visitor = re.match(r"了?来华[^，]*?(?:访问|访华|出席[^，]*?|参加[^，]*?)的(?=[^，]{2})", post)
    if visitor and m.group() in ("会见", "会晤", "拜会", "往见"):
        post = post[visitor.end():]  # "会见来华出席…开幕式并访华的布隆迪总统…": whom, after the attributive's 的
    obj = re.split(r"(?<!比利)时|中(?=[，表说指强]|$)|的|并|后", re.sub(r"^了", "", post))[0] \
        if m.group() in ("会见", "会晤", "拜会", "往见", "接待") else ""
    hosts = _foreign(obj, tagger, paragraph) if obj else None
    if obj and (hosts is None or hosts == [] and not _countries(obj, tagger)):
        # "会见了出席夏季达沃斯年会的新加坡副总理": after the 的; "会见了前来参加…非洲国家驻华大使巡讲活动的肯尼亚驻华大使…": the
        # envoys of the countries after the 的, not the occasion of no country before it
        phrase = re.split(r"(?<!比利)时|中(?=[，表说指强]|$)|并|后", re.sub(r"^了", "", post))[0]
        attributive = phrase.rsplit("的", 1)[-1] if "的" in phrase else ""
        tails = ["的".join(phrase.split("的")[i:]) for i in range(1, phrase.count("的") + 1)]
        attributive = next((t for t in tails if _countries(t, tagger)), attributive)   # "…出席会议的X、Y等15个国家的驻华使节"
        named = hosts is None or bool(_countries(attributive, tagger))
        if named and (_foreign(attributive, tagger, paragraph) is not None
                      or attributive and _is_chinese(attributive, tagger)):
            obj = attributive        # "会见到访的中国国务委员兼国防部长魏凤和": the Chinese side after the 的
        elif hosts is None and "和" in obj:   # "会见…海外委员和中方企业家委员": the foreign ones of those met
            obj = next((part for part in obj.split("和") if _foreign(part, tagger, paragraph) is not None), obj)
    if obj:                          # "A（和B）会见 C": C is the other side, whatever joins A and B
        subject, other = pre, obj
    elif w:
        subject, other = pre[:w[-1].start()], pre[w[-1].end():]
    else:
        return None
    before = re.split(_REPORTING, before)[-1]            # "中方注意到，拉夫罗夫外长…": the subject after 注意到
    if not subject or _last_side(subject, tagger) is None and _first_side(before, tagger) == "zh":
        subject = before + subject   # "杨洁篪…过境华盛顿，期间会见了…": the Chinese party of an earlier clause
    if not _is_chinese(subject, tagger) and after and (re.match(r"时$", post) or re.search(r"时$", post)
                                                      and not re.sub(r"^(?:随后|并|还)?在", "", subject.strip())):
        subject = re.split(r"[，,]", after.lstrip("，,"))[0]   # "在会见利比里亚大学校长…时，张越大使…": the next clause's
    mechanism = _MECHANISM.search(pre)
    if mechanism and not (w and not obj and re.search(r"举行|进行", pre[w[-1].end():mechanism.start() + 1])):
        return None                  # "第六次…领导人会晤" a forum; "同莫迪总理举行第二次非正式会晤" a meeting
    if not obj:                      # "A同B在北京举行会谈": B without where and how
        other = re.sub(r"(?:在[^，]{0,12}?)?(?:举行|进行)(?:了?第[^，]*|了?(?:双边|首次|正式)?)$", "", other)
        other = re.sub(r"(?:辞行|到任|离任|告别|礼节性)$", "", other)
    short = re.fullmatch(r"([\u4e00-\u9fff])(大使|总领事)", subject.strip("，, "))
    framed = re.match(r"([\u4e00-\u9fff]{2,3}?)(大使|总领事)(?!馆)", subject.strip("，, ")) if re.search(r"时$", post) else None
    if framed and re.search("驻(?![华港澳])[^，。]{1,10}?" + framed.group(2) + framed.group(1), paragraph):
        short = framed               # "在会见利比里亚大学校长…时，张越大使…": the envoy the paragraph named in full
    if short and re.search("驻(?![华港澳])[^，。]{1,10}?" + short.group(2) + short.group(1)
                           + (r"[\u4e00-\u9fff]" if len(short.group(1)) == 1 else ""), paragraph):
        hosts = _foreign(other, tagger, paragraph, True, True)    # "于总领事同蒙特利马市长柯尔尼耶会谈": the envoy the
        home = _post_country(paragraph, tagger)                   # paragraph named in full ("驻里昂总领事于江"), of his
        return hosts or ([home] if home and hosts == [] else None)   # post's country when the host's is not named
    if not _is_chinese(subject, tagger) and _CONSUL.fullmatch(subject) and obj \
            and (_LOCAL_TITLE.search(other) or "部长" in other and not _is_chinese(other, tagger)) \
            and re.search(r"中国|中方|中[" + _C1 + r"]", paragraph):
        hosts = _foreign(other, tagger, paragraph, True, True)    # "杨国强总领事在印第安纳州政府拜会州长米奇·丹尼尔斯", "何岚菁
        #                                                           总领事拜会南澳州新任矿业和能源部长乔振东" (a state's minister):
        if hosts == []:                                           # China's consul general, in a text of China's
            hosts = _text_country(other, paragraph, tagger)       # the country the text pairs with China, else none
        return hosts or _consul_abroad(subject, tagger) or None
    if not _is_chinese(subject, tagger) and re.fullmatch(r"[\u4e00-\u9fff]{2,3}大使", subject.strip("，, ")) and obj \
            and re.search(r"我馆|我使馆", paragraph):     # "张建国大使往见毛里塔尼亚…部长达伊，我馆…在座": our envoy
        return _foreign(other, tagger, paragraph, True, True) or _text_country(other, paragraph, tagger) or None
    if not _is_chinese(subject, tagger) and re.fullmatch(r"[\u4e00-\u9fff]{2,3}副?主任", subject.strip("，, ")) and obj \
            and re.search(r"(?:省|市|区|州)?(?:外办|外事办|外侨办|外事侨务办)", paragraph):
        # "…法国驻武汉总领事胡建谊…拜访省外办，章笑梅主任会见了胡建谊一行": its director, the guest of the country the
        # paragraph named him with
        name = re.match(r"[\u4e00-\u9fff]{2,3}?(?=一行|$|先生|女士)", other.strip("，, 了"))
        introduced = paragraph[max(0, paragraph.find(name.group()) - 16):paragraph.find(name.group())] if name else ""
        return _foreign(other, tagger, paragraph, True) or (_countries(introduced, tagger)[:1] if name and name.group() in paragraph
                                                           else None) or None
    if not _is_chinese(subject, tagger) and _GOVERNOR.search(subject) and obj \
            and (_countries(other, tagger) or re.search(r"驻华[^，]{0,4}(?:使节|使团|领事)|使节团|领事团", other)):
        subject += "省政府"           # "省长张中伟在蓉会见了泰国公主诗琳通一行": a governor (or mayor) meets a foreign guest
    if _is_chinese(subject, tagger) and (not _countries(_unpaired(subject), tagger) or _first_side(subject, tagger) == "zh"):
        where = _consul_abroad(subject, tagger)     # "张卫国总领事在北阿古桑省政府拜会…省长": a province's government abroad
        hosts = _foreign(other, tagger, paragraph, bool(re.search(r"外交部|外长|外办|大使|总领事|领事|公使|参赞|代办", subject)),
                         bool(_POST.search(subject) or where))
        return where if hosts == [] and where else hosts
    if _is_chinese(other, tagger) and not _countries(other, tagger):
        return _foreign(subject, tagger, paragraph)
    if obj and re.fullmatch(r"[\u4e00-\u9fff]{2,3}(?:视频|也|还|随后|分别)?", subject) and not _countries(subject, tagger):
        return _foreign(other, tagger, paragraph)    # "杨晓渡视频会见联合国…总干事": a name alone meets the foreign side
    return None


def _china_pairs(text: str, tagger) -> list[str]:
    """The countries the text pairs with China by one character ("中印边界问题特别代表": India; not 朝美, 美方)."""
    return mentions_zh.sides(" ".join(re.findall(r"中[\u4e00-\u9fff]{1,3}", text)), tagger.resolved)


def _first_side(text: str, tagger) -> str | None:
    """"zh" or "foreign": which side the text names first, as its subject ("杨洁篪国务委员在访问牙买加后…": China);
    places (在德国, 经停肯尼亚) and pair words (中法) name no side."""
    text = _unpaired(text)
    chinese = [m.start() for m in _CHINESE.finditer(text)] + [p[2] for p in mentions_zh.tag(text, tagger)[1].values()]
    foreign = [m.start() for m in tagger.places.finditer(text) if (tagger.lookup.get(m.group()) or ("",))[0] == "country"
               and tagger.lookup[m.group()][2] != "CHN" and not _PLACE_BEFORE.search(text[max(0, m.start() - 2):m.start()])]
    if tagger.foreign is not None:
        foreign += [m.start() for m in tagger.foreign.finditer(text)]
    if not chinese and not foreign:
        return None
    return "zh" if min(chinese or [len(text)]) < min(foreign or [len(text)]) else "foreign"


def _unpaired(text: str) -> str:
    """The text without the one-character country of its pair words ("中法战略对话" names both sides, so it says
    nothing of who the subject is)."""
    return re.sub(r"(?<=中)[\u4e00-\u9fff](?=[关双两合经贸友战元外建之间各共对]|方(?![面式法案向针便]))", "", text)


def _last_side(text: str, tagger) -> str | None:
    """"zh" or "foreign": which side the text names last ("日方高度赞赏习近平主席" names China last)."""
    foreign = [m.end() for m in tagger.places.finditer(text) if (tagger.lookup.get(m.group()) or ("", "", ""))[0]
               == "country" and tagger.lookup[m.group()][2] != "CHN"]
    foreign += [m.end() for m in mentions_zh.side_pattern(tagger.resolved).finditer(text)]
    if tagger.foreign is not None:
        foreign += [m.end() for m in tagger.foreign.finditer(text)]
    chinese = [m.end() for m in _CHINESE.finditer(text)
               if not any(0 <= m.start() - f <= 6 for f in foreign)]     # "越南国家主席" is Vietnam's
    chinese += [p[2] + 1 for p in mentions_zh.tag(text, tagger)[1].values()]
    chinese += [m.end() for m in _chinese_governors(text, tagger)]
    if not chinese:
        return "foreign" if foreign else None
    return "zh" if max(chinese) >= max(foreign or [-1]) else "foreign"


def _visit(clause: str, m: re.Match, before: str, tagger, paragraph: str = ""):
    """(countries) of a visit the clause states with its visitor (and, abroad, its destination), else None."""
    pre, post = clause[:m.start()], clause[m.end():]
    visitor = pre or before
    if m.lastgroup == "abroad" and not _last_side(_visitor_part(pre, tagger), tagger):
        visitor = before + pre       # "王岐山副主席作为习近平主席特使，已启程赴日出席…": the visitor of an earlier clause;
        #                              "李强…抵达卢萨卡，开始对赞比亚进行正式访问": the destination is no subject
    if re.search(r"(?:舰|船|编队|舰艇)[^，]{0,8}$", visitor):
        return None                  # a warship's or hospital ship's port call
    if m.lastgroup == "abroad" and post.startswith("的") and re.search(r"来[" + _LOCAL + r"]$", pre):
        return None                  # "会见了来湘访问的X": X's visit, read with the meeting, not one of who met X
    if m.lastgroup == "china":       # "X应张德江委员长邀请开始访华": the inviter is no visitor
        if re.match(r"(?:并|随即|随后)?开始$", pre) and before:
            visitor = re.split(r"[，,]", before.rstrip("，,"))[-1] + pre   # "马克龙…抵达北京，开始对中国进行…访问"
        elif re.search(r"应[^，。]{0,40}?邀请[，,]$", before) and not _last_side(_visitor_part(pre, tagger), tagger):
            visitor = before + pre   # "拉姆古兰应温家宝总理邀请，于七月九日开始到中国进行正式访问": the subject before
        return _foreign(re.sub(r"应[^，。]{0,40}?邀请", "", visitor), tagger, paragraph)
    visitor = re.split(r"注意到|表示|认为|指出|赞赏|欢迎|看到|知道|说", visitor)[-1]   # "中方注意到文在寅总统访美"
    speaker = re.fullmatch(r"[^，]{0,12}?我|" + _GLAD, visitor.lstrip("，,")) \
        and _speaker_is_chinese(paragraph, paragraph.find(clause), tagger)
    if not speaker and _last_side(_visitor_part(visitor, tagger), tagger) != "zh":
        return None                  # "习近平指出，…。2022年11月我访问泰国": the speaker's 我 a Chinese visitor
    target = re.search(r"(?:对|赴|前往|到)([^，]{1,20}?)进行[^，]*$", pre)        # "对俄罗斯进行", "赴日本进行访问"
    ended = re.search(r"对([^，的]{1,12})的[^，的]{0,4}$", pre)     # "结束…对韩国的国事访问后回到北京"
    destination = target.group(1) if target else ended.group(1) if ended \
        else re.split(r"时|期间|并|后|过境|，", post)[0] if post else ""
    if re.match(r"了?(?:中国|我国)?驻[^，。]{1,10}?(?:大使馆|使馆|总领事馆|总领馆|领事馆)", post):
        return None                  # "…率江苏省卫生代表团访问了中国驻圭亚那大使馆": China's own mission, no visit abroad
    if m.group() == "访" or m.group() == "赴" and re.match(r"[" + _C1 + r"](?:出席|参加)", post):
        destination = mentions_zh.SIDES.get(post[:1], "")          # "访越", "赴日出席"
        return [destination] if destination else None
    if m.group() == "赴":
        if re.search(r"(?:出席|参加)[^，。]*(?:峰会|会议|论坛|年会|大会|理事会)", post):
            return None              # "赴俄罗斯出席上海合作组织…理事会第二十四次会议": a forum of many, no visit
        destination = re.split(r"出席|参加", post)[0]
    countries = [c for c in _countries(destination, tagger)]
    if not countries and len(destination) == 1:      # "对尼进行国事访问": 尼 the one country so written the text names
        countries = [code for char, code in tagger.resolved if char == destination]
    return countries or None


def _visitor_part(text: str, tagger) -> str:
    """What comes before a visit's destination ("李强…抵达卢萨卡，开始对赞比亚进行": not "对赞比亚进行"); from the last
    对 when nothing before the first names a side ("也是对习近平主席在去年…之际对法国进行历史性国事访问的回访": 对 of
    回访, Xi the visitor)."""
    before = re.sub(r"(?:对|赴|前往|到)[^，]*$", "", text)
    if _last_side(before, tagger) is None and re.fullmatch(r"[^，]{0,3}", before):
        later = _unpaired(re.sub(r"(?:对|赴|前往|到)[^，对赴]*$", "", text))     # "中法建交" names no side
        return later if _last_side(later, tagger) == "zh" else before
    return before


_CHINA = {"country": "CHN", "province": None, "province_code": None, "city": None, "city_code": None, "source": "text"}


def _place(text: str, tagger) -> dict:
    """Where an event happened: the first country, province or city named after 在 / 于 before its verb
    ("杨洁篪在德国慕尼黑出席…期间会见…": Germany), {} when none is."""
    for m in tagger.places.finditer(text):
        hit = tagger.lookup.get(m.group())
        if not hit or not re.search(r"[在于赴][^，]{0,6}$", text[:m.start()]) or _TITLE.match(text, m.end()):
            continue
        if hit[0] == "country":
            return {"country": hit[2], "province": None, "province_code": None, "city": None, "city_code": None,
                    "source": "text"}
        return {"country": "CHN", "province": hit[1] if hit[0] == "province" else None,
                "province_code": hit[2] if hit[0] == "province" else None, "city": hit[1] if hit[0] == "city" else None,
                "city_code": hit[2] if hit[0] == "city" else None, "source": "text"}
    return {}


_SPEAKER = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}\s*[:：]")    # "赵立坚：" a spokesperson's answer: who speaks, not who met


def _event(kind: str, start: str | None, countries: list[str], sentence: str, tagger, place: dict) -> dict:
    speaker = _SPEAKER.match(sentence)
    _, people = mentions_zh.tag(sentence[speaker.end():] if speaker else sentence, tagger)
    chinese = [{"name": name, "title": title or None, "role_head": None, "level": "national", "body": None}
               for name, (title, _, _) in sorted(people.items(), key=lambda kv: kv[1][2])]
    if not chinese:                  # "最高人民法院院长周强": an official no list names, described by post
        chinese = _described_chinese(sentence, tagger)
    return {"article_id": None, "seq": 0, "type": kind, "date_start": start, "date_end": start, "place": place,
            "places": [place] if place else [], "chinese": chinese, "foreign": [], "group": None, "countries": list(countries),
            "country_names": [], "sentence": sentence}


def _described_chinese(sentence: str, tagger) -> list[dict]:
    """The Chinese side of a sentence whose officials no list names, described: by the post it gives
    ("最高人民法院院长", "省委书记", "中国政府叙问题特使"), else by the pair that includes China ("两国元首",
    "中美元首", "双方牵头人", "印中两国", "中缅就…达成"); [] when the sentence names neither."""
    for m in _CHINESE.finditer(sentence):
        post = re.match(r"[^，。、；：\s“”（）()和与同在都了的向为给]{0,16}?(?:" + _TITLE.pattern + r"|书记|常委|委员|省长|市长|院士)",
                        sentence[m.start():])
        if m.group() in ("中方", "中国", "我国") and not post or _countries(sentence[max(0, m.start() - 6):m.start()], tagger):
            continue                 # the country, not a person's post; "越南国家主席" is Vietnam's
        title = post.group() if post else m.group()
        if sentence.startswith("夫人", m.start() + len(title)):
            title += "夫人"             # "驻英国大使夫人": the envoy's wife, not the envoy
        level = "provincial" if re.search(r"[省市县区]委|省|自治区", title) else "national"
        return [_described(title, level, sentence)]
    minister = attended_zh.MINISTER.search(sentence)
    if minister and re.search(r"中国(?:驻[^，。、]{1,8}?)?(?:大使馆|使馆|总领事馆|总领馆)", sentence):
        return [_described(minister.group(), "national", sentence)]      # "李松公使代表田学军大使" of 中国使馆
    short = re.match(r"([\u4e00-\u9fff])(大使|总领事)(?=同|与|在|会见|拜会)", sentence)
    if short:                        # "于总领事同蒙特利马市长柯尔尼耶会谈": the envoy the paragraph named in full
        return [_described(short.group(), "national", sentence)]
    consul = re.match(r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[^，]{0,4}，(" + _CONSUL.pattern + r")(?=拜会|会见)", sentence)
    if consul:                       # "2010年5月27日，杨国强总领事在印第安纳州政府拜会州长…": the consul general, by post
        return [_described("总领事", "national", sentence)]
    envoy = re.match(r"(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[^，]{0,4}，[\u4e00-\u9fff]{2,3}大使(?=拜会|会见|往见)", sentence)
    if envoy and re.search(r"我馆|我使馆", sentence):   # "3月2日，张建国大使往见…部长，我馆经济商务参赞…在座": ours
        return [_described("大使", "national", sentence)]
    province = next(iter(_chinese_governors(sentence, tagger)), None)
    if province:                     # "辽宁省省长李乐成率省友好经贸代表团访问俄罗斯": a Chinese province's governor
        return [_described(province.group(), "provincial", sentence)]
    governor = re.search(_GOVERNOR.pattern.rstrip("$") + r"(?=会见|会晤|会谈|拜会)", sentence)
    if governor:                     # "省长张中伟在蓉会见了泰国公主诗琳通一行": the governor, by post
        post = re.search(r"(?:常务)?副?[省市]长", governor.group())
        return [_described(post.group() if post else "省长", "provincial", sentence)]
    pair = _PAIR_SUBJECT.search(sentence) or re.search(r"中方|[\u4e00-\u9fff]中两国|中[\u4e00-\u9fff](?:两国|双方)|中[\u4e00-\u9fff](?=就|共同|一致|边界)", sentence)
    return [_described(pair.group(), "national", sentence)] if pair else []


def _described(title: str, level: str, sentence: str) -> dict:
    return {"name": None, "title": title, "role_head": None, "level": level, "body": None, "described": True,
            "sentence": sentence}


_THIS_IS = re.compile(r"[这此](?:是|系)[^。]*?访")
_THIS_OCCASION = re.compile(r"(?:这次|此次|本次)[^，。]{0,30}?(?:会见|会谈|会晤|通话)")


def _undone_visit(sentence: str) -> bool:
    """A sentence about a visit not yet made: "此访是…", "这是…首次访华" with nothing done."""
    m = _DEICTIC.search(sentence) or _THIS_IS.search(sentence)
    if m and "访" in m.group() and not _DONE.search(sentence[m.end():]) and not _PAST.search(sentence[:m.start()]):
        return True
    m = _THIS_OCCASION.search(sentence)    # "这次赴美…举行会晤，这是…"
    return bool(m and not _DONE.search(sentence[m.end():]))


_GLAD = r"(?:很|非常|十分)?(?:高兴|荣幸)[^，]*"     # "很高兴再次访问美丽的法兰西共和国": the speaker's own visit
_PAST = re.compile(r"日前|前不久|不久前|刚刚|上周|上个?月|去年|前些天")   # "日前，习近平主席对意大利…进行国事访问，…此访…"
_NOMINAL_BEFORE = re.compile(r"(?:关于|介绍了?|发布了?|落实)[^，]{0,16}$")


def _date(clause: str, m: re.Match, sentence: str, offset: int, published):
    """The event's date: the nearest date expression before its verb in the sentence; only in its own clause when
    the verb is a noun of another verb ("介绍了此次会晤的成果", "会晤的情况")."""
    if clause[m.end():m.end() + 1] == "的" or _NOMINAL_BEFORE.search(clause[:m.start()]):
        return dates_zh.nearest(clause, m.start(), published, len(clause))
    return dates_zh.fronted(sentence, offset, offset + len(clause), offset + m.start(), published)


_PRESENT_AT = re.compile(r"时在[座场]")
_COMMA = re.compile(r"[，,]")


def _read_clause(clause, before, sentence, offset, paragraph, published, tagger, announces):
    """The events (kind, date, countries, deictic) a clause states."""
    # the clause with what leads to it in its sentence ("访问期间，王毅外长将同…"); a frame ("访问期间，") with all of it
    rest = sentence[:offset + len(clause)] if not _DEICTIC.search(clause) else sentence
    verb = _TRIGGER.search(clause)
    if verb and verb.group() in ("会见", "会谈", "会见会谈") and (_PARTICIPANTS.search(clause[:verb.start()])
                                                             or _PRESENT_AT.match(clause[verb.end():])):
        # "土库曼斯坦驻华大使…等参加会见": who attended a meeting told elsewhere; an event when a foreign country is among them
        countries = _countries(sentence[:offset + verb.start()], tagger)
        return [(verb.lastgroup, None, countries or None, False)]      # none: joins the meeting the paragraph told
    cut = offset + (verb.start() if verb else len(clause))
    following = _COMMA.split(sentence[offset + len(clause):].lstrip("，,"), 1)[0]
    if clause.endswith("时") and re.match(r"(?:曾|都|也)?(?:多次|先后|反复|一再|屡次)", following):
        return []                    # "在与外国领导人…通电话时，多次强调": calls counted, none in particular
    generic = clause
    if verb and re.search(r"(?:分别|先后)(?:在[^，]{1,10}?)?$", clause[:verb.start()]) and "、" in clause[verb.end():]:
        generic = re.sub(r"等国(?=[^，]{0,12}(?:驻|大使|总领事|领事|外长|代表|领导人))", "国",
                         re.sub(r"先后(?=(?:在[^，]{1,10}?)?$)", "", clause[:verb.start()]) + clause[verb.start():])
        #                             "先后会见了新加坡、…、英国等国驻渝蓉总领事": those listed, one by one (not generic)
    if verb and verb.group() == "会见" and re.search(r"、[^，、]{1,10}等$", clause[:verb.start()]) \
            and not _WITH.search(clause[:verb.start()]):
        generic = clause[verb.start():]      # "刚果（金）外长通巴、国际合作部长曼乔洛等会见中方专家组": who met, one meeting
    if _NOT_DONE.search(rest[:cut]) or _GENERIC.search(generic) or _ASKED.search(clause) \
            or any(not _CONTENT.fullmatch(w.group()) for w in _NOT_DONE.finditer(rest[cut:])):
        return []                    # after the verb, what was agreed or wished is what the event said (在通话中同意…)
    if "邀请" in rest and not re.search(r"应[^，。]{0,40}邀请", rest):
        return []                    # "邀请马杜罗总统访华": an invitation; "应…邀请…访问" is a visit
    out = []
    for m in _TRIGGER.finditer(clause):
        if clause.startswith("以来", m.end()) and not dates_zh.mentions(clause[:m.start()]):
            continue                 # "去年阮富仲总书记访华以来": a visit of that time, done; "访华以来" alone none
        if m.group().startswith("会面") and not re.search(r"[同与跟][^，]{2,14}$", clause[:m.start()]):
            continue                 # "同殿下会面" a meeting; "会面" alone ("首次会面", "见面会") none
        if m.group() == "共同见证" and (len(_TRIGGER.findall(sentence)) > 1 or not _WITH.search(
                (re.split(r"[，,]", before.rstrip("，,"))[-1] if before else "") + clause[:m.start()])):
            continue                 # "同赞比亚总统…在北京，共同见证签署…" a meeting; "两国元首在会谈后共同见证" the talks'
        out += _trigger_events(m, clause, before, sentence, offset, paragraph, published, tagger, announces)
    return _of_the_visit(out, sentence, offset, clause)


def _trigger_events(m, clause, before, sentence, offset, paragraph, published, tagger, announces):
    """The events (none, one, or one per visitor) the trigger `m` of a clause states."""
    kind = m.lastgroup
    deictic = _DEICTIC.search(clause)
    visiting = False                 # a meeting with a visitor: the visit, under way that month
    if kind in ("china", "abroad"):
        countries = _visit(clause, m, before, tagger, paragraph)
        if kind == "china" and countries and len(countries) > 1:    # "沙特国王和以色列总理访华期间": two visits
            return [("visit", _date(clause, m, sentence, offset, published), [code], False) for code in countries]
        kind = "visit"
        # "会见来华出席…并进行国事访问的尼日利亚总统": the verb of a visitor met, under way that month
        visiting = any(v.start() <= m.start() < v.end() for v in _VISITING.finditer(clause))
    else:
        countries = _meeting_countries(m, clause, before, sentence, offset, paragraph, tagger)
        if countries is not None and _VISITING.search(clause) and "驻" not in clause[m.end():]:
            kind = "visit"           # "同来华访问的意大利外长举行会谈", "会见来访的X": talks of a visit (not a resident
            visiting = True          # envoy's tour: "会见了来湘出席…的…驻华使节")
    if countries == []:
        after = clause[m.end():m.end() + 24] if m.group() in ("会见", "会晤") else ""   # "会见X": X after
        side = clause[max(0, m.start() - 16):m.start()] + "，" + after                    # the counterpart
        countries = _text_country(side, paragraph, tagger)
        pre = clause[:m.start()]
        met = (re.split(r"同|与|跟", pre)[-1] if re.search(r"同|与|跟", pre) else after).rsplit("的", 1)[-1]
        if re.search(r"(?:岛国|国家|各国|诸国|多国)(?:的)?(?:领导人|元首|外长|代表)", met):
            countries = None     # "同建交岛国领导人举行会晤": leaders of a kind of country, none in particular
        elif countries == [] and not _ORGANISATION.search(side):
            post = _post_country(sentence[:offset + m.start()], tagger)
            countries = [post] if post else countries   # "驻长崎总领事…拜会市长…": a mayor of the post's country
    if kind == "meeting" and m.group() == "会见" and countries is not None and _CAME.search(paragraph) \
            and "驻" not in clause[m.end():]:
        kind = "visit"               # "会见了…代表团。韦达德总书记一行是昨天上午从上海前来苏州访问的": the visit the
        visiting = True              # paragraph tells (not a resident envoy's tour: "会见了美国驻华大使洪博培一行。…来湘访问")
    undone = not _DONE.search(sentence[offset + m.end():])
    if undone and _REPORTED_QUESTION.search(sentence[:offset + m.start()]):
        return []                # "至于你问…会晤时会达成什么样的新共识": the question retold, nothing done
    if re.search(r"关于[^，]*$", clause[:m.start()]) and re.search(r"的[^，]{0,8}吹风会", clause[m.end():]):
        return []                # "举行了关于习近平主席…进行国事访问…的吹风会": a briefing before the trip
    if _TOPIC.match(clause) and not (_DONE.search(clause[m.end():]) or dates_zh.mentions(clause[:m.start()])):
        return []                # "关于习主席访问葡萄牙，…": a topic, done or not
    when = _framed_date(_date(clause, m, sentence, offset, published), clause, sentence, offset, published)
    past = _past(when, clause[:m.start()], sentence[:offset], published)
    if kind == "visit" and deictic and not past and not _VISIT_DONE.search(sentence[offset + m.end():]):
        return []                # "此次施泰因迈尔总统访华再次体现了…": said before or after, it does not say
    today = published and when == published.isoformat()
    if kind == "visit" and undone and "正在" not in clause and _ANNOUNCES.search(paragraph) \
            and (not when or len(when) < 10 and published and published.isoformat().startswith(when)):
        return []                # "…对中国进行国事访问。访问期间，…将…": the programme is announced; "今年" no less
    if undone and not (kind == "visit" and past) and (announces or kind == "visit" and deictic) \
            and not (countries is not None and ("正在" in clause or today)):
        return []                # in a text that announces a visit, or "此访" undone: the announced one
    if countries is None and deictic:
        # "在通话中，两国元首…": a call of the one country the text pairs with China; "此访": joins, or is dropped
        visitor = re.split(r"注意到|表示|认为|指出|赞赏|欢迎|看到|知道|说|就", clause[:m.start()] or before)[-1]
        if kind == "visit" and re.sub(r"[在于，此次这]", "", visitor) and _last_side(visitor, tagger) != "zh":
            own = _countries(visitor, tagger)
            if len(own) == 1 and _china_pair(paragraph, tagger) == own \
                    and (not re.search(r"访问[^，]", clause) or re.match(r"取得(?:了|的)", clause[m.end():])):
                return [(kind, _date(clause, m, sentence, offset, published), own, True)]
            return []            # "蓬佩奥在访问德国期间": a visit of others; "中巴双方对伊姆兰·汗总理此次访问…"
        pair = _china_pair(paragraph, tagger) if _is_chinese(paragraph, tagger) or _described_chinese(sentence, tagger) else []
        return [(kind, _date(clause, m, sentence, offset, published), pair or None, True)]
    if countries is None:
        return []
    return [(kind, _when(kind, m, clause, sentence, offset, paragraph, published, tagger, visiting), countries, False)]


def _when(kind, m, clause, sentence, offset, paragraph, published, tagger, visiting) -> str | None:
    """The date of the event the trigger `m` of a clause states (of `_trigger_events`): the clause's own, or the
    frame's; for a visit met, ended, welcomed or under way ("期间", "之际"), the month it was under way."""
    after = kind == "visit" and re.match(r"[^，]{0,12}?后", clause[m.end():]) \
        and not dates_zh.mentions(clause[:m.start()])
    # "当地时间9月12日，杨洁篪在访问牙买加后过境华盛顿": the fronted date is that of what follows the visit
    when = None if after else _date(clause, m, sentence, offset, published)
    when = _framed_date(when, clause, sentence, offset, published)
    if visiting and when is None and re.search(r"(?:会见|会谈|会晤|拜会|宴请)[^，]*$", clause[:m.start()]):
        # "4月18日，李肇星外长应约会见来华访问的…拉马克大使": the visitor met that day, his visit under way that month
        when = dates_zh.fronted(sentence, offset, offset + len(clause), offset + m.start(), published)
    ended = kind == "visit" and re.search(r"结束[^，]*$", clause[:m.start()])
    if ended:                        # "11月1日晚，…结束…对韩国的国事访问后回到北京": under way that month
        when = dates_zh.fronted(sentence, offset, offset + len(clause), offset + m.start(), published)
    welcome = kind == "visit" and clause.startswith("欢迎") and re.search(r"仪式[，,]$", sentence[:offset])
    if welcome:                      # "习近平25日上午…举行仪式，欢迎X对我国进行国事访问": under way that month
        when = dates_zh.nearest(sentence, offset, published)
    # "5日会见来华出席…的印度总理莫迪": the visit was under way that month, its first day not stated
    during = kind == "visit" and clause.endswith(("期间", "之际"))   # "2013年9月7日，习近平主席在访问哈萨克斯坦期间，…"
    if during and when is None and clause.endswith("之际"):
        # "在…对塔吉克斯坦进行国事访问之际，当地时间7月5日，…": under way at the time the sentence then gives
        following = _COMMA.split(sentence[offset + len(clause):].lstrip("，,"), 1)[0]
        when = dates_zh.nearest(following, 0, published, len(following)) if dates_zh.mentions(following) else None
    if kind == "visit" and m.lastgroup == "abroad" and re.fullmatch(_GLAD, clause[:m.start()]) and published \
            and _speaker_is_chinese(paragraph, paragraph.find(clause), tagger):
        when = published.isoformat()[:7]     # "习近平指出，很高兴…访问巴西": his visit, under way as he speaks
    return when[:7] if (visiting or during or ended or welcome) and when else when


def _post_country(text: str, tagger) -> str | None:
    """The country a Chinese envoy the text names last serves in ("驻印尼大使", "驻长崎总领事": the city of a consulate,
    config/mentions/zh.toml [consulates]), None when it names none or a post unknown."""
    posts = [m.group("post") for m in _POST.finditer(text)]
    return mentions_zh.post_country(posts[-1], tagger) if posts else None


def _framed_date(when, clause: str, sentence: str, offset: int, published):
    """The date of a clause that continues the one before it, when it gives none: "今年6月…赴日本出席…峰会，期间同安倍
    首相举行会晤" (during what the earlier clause told), "马克龙12月3日抵达北京，开始对中国进行…国事访问" (begun on
    arriving)."""
    if when is None and offset and re.match(r"期间|(?:并|随即|随后)?开始", clause):
        return dates_zh.fronted(sentence, 0, offset, offset, published)
    return when


def _meeting_countries(m, clause, before, sentence, offset, paragraph, tagger):
    """The foreign countries of a meeting, talks or call trigger `m` (an empty list: a side with no country, e.g.
    the EU; None: no foreign side found)."""
    countries = _bilateral(clause, m, before, tagger, paragraph, sentence[offset + len(clause):])
    pair = _PAIR_SUBJECT.search(clause[:m.start()] or before)
    two = pair and re.match(r"两国|中", pair.group())     # "两国领导人成功举行第二次非正式会晤": of two, numbered or not
    if countries is None and pair and (two or not _MECHANISM.search(clause[:m.start()])):
        # "中美元首在G20峰会期间实现会晤": the pair names its country, whatever else the text pairs with China
        countries = mentions_zh.sides(pair.group(), tagger.resolved) if pair.group().startswith("中") else []
        if pair.group().startswith("两国"):      # "中印关系保持发展势头，两国领导人…会晤": the pair its sentence named
            countries = _china_pairs(sentence[:offset + m.start()], tagger)
        countries = countries if len(countries) == 1 else _china_pair(paragraph, tagger) or None
    if countries is None and re.match(r"[^，]{0,8}?我们(?!双方)", clause[:m.start()]) and m.group() in ("会晤", "会谈", "会见") \
            and _speaker_is_chinese(paragraph, paragraph.find(sentence) + offset, tagger):
        countries = _china_pair(paragraph, tagger) or None     # "习近平指出，上个月我们在韩国釜山成功举行会晤"
    if countries is None and _MECHANISM.search(clause[:m.start()]) and "—" not in clause \
            and len(_china_pairs(clause[:m.start()], tagger)) == 1:
        countries = _china_pairs(clause[:m.start()], tagger)      # "中印边界问题特别代表第20次会晤": two countries
    if countries is None and m.group() == "会晤" and re.search(r"第[一二三四五六七八九十\d]+[次届]", clause[:m.start()]) \
            and re.search(r"中(?:国[-—－]?)?欧(?:盟)?领导人$", clause[:m.start()]) \
            and not re.match(r"[^，]{0,3}的", clause[m.end():]):      # not "来华出席第二十次中欧领导人会晤的图斯克"
        countries = []           # "第二十一次中国-欧盟领导人会晤": the China-EU summit, with an organisation
    return countries


def _speaker(paragraph: str, upto: int, tagger) -> str | None:
    """The sentence of the last one the paragraph reports speaking before `upto` ("习近平指出，…") when a Chinese
    party, so that his 我 / 我们 is China ("2022年11月我访问泰国", "上个月我们在韩国釜山成功举行会晤"); else None."""
    said = list(re.finditer(r"([^，。；！？“”]{1,24}?)(?:指出|表示|强调|说)[，,：:]", paragraph[:max(upto, 0)]))
    if not said or _first_side(said[-1].group(1), tagger) != "zh":
        return None
    return next(m.group().strip() for m in _SENTENCE.finditer(paragraph) if m.end() > said[-1].start(1))


def _speaker_is_chinese(paragraph: str, upto: int, tagger) -> bool:
    return _speaker(paragraph, upto, tagger) is not None


def _past(when, pre: str, lead: str, published) -> bool:
    """Whether a date of the event's own clause ("2018年5月李克强总理访日期间") or of a time alone before it
    ("2018年10月，安倍访华期间") is before the article (not "去年12月上任后首次访华", "去年…以来首次访菲")."""
    if not (when and published and when < published.isoformat()[:len(when)]) or re.search(r"后|以来|上任|就任", pre):
        return False
    return bool(dates_zh.mentions(pre)) or len(lead) <= 16 and bool(dates_zh.mentions(lead)) \
        and lead.rstrip().endswith(("，", ","))


def _of_the_visit(out, sentence, offset, clause):
    """A meeting or talks framed by a visit ("访埃期间，王毅会见了塞西总统") is that visit."""
    frame = re.search(r"访问期间|访[^\s，。]{1,4}期间", sentence[:offset])
    if frame and not re.search(r"访问期间|访[^\s，。]{1,4}期间", sentence[:frame.start()] + clause):
        out = [("visit", start, countries, deictic) if kind in ("meeting", "talks") else (kind, start, countries, deictic)
               for kind, start, countries, deictic in out]       # "访埃期间，王毅会见了塞西总统": the visit
    return out


def _join(events: list[dict], kind, start, countries, deictic, sentence, tagger, place: dict, first: int = 0,
          who: frozenset = frozenset(), officials: frozenset = frozenset()) -> None:
    """Add an event, or join it to the one it repeats (same type and countries; a meeting of a visit's country);
    not a meeting, talks or call with another person its own clause names (`who`: "与希腊总统帕夫洛普洛斯会谈时，…。
    与希腊总理米佐塔基斯会谈时，…": two talks)."""
    for n, e in enumerate(events):
        if n < first and not deictic and not (start and len(start) == 10 and e["date_start"] == start):
            continue                 # an earlier paragraph's occasion: by a reference ("会见时，…") or the same day
        if kind == e["type"] == "visit" and not deictic and "以来" in sentence + e["sentence"] \
                and ((place or {}).get("country") == "CHN") != (e["place"].get("country") == "CHN"):
            continue                 # a visit to China a period runs from and one from China ("去年10月杜特尔特总统访华
            #                          以来…。李克强总理最近访菲期间…"): two
        visit_at, meeting_at = (place or {}, e["place"]) if kind == "visit" else (e["place"], place or {})
        if "visit" in (kind, e["type"]) and kind != e["type"] and meeting_at.get("country") == "CHN" \
                and visit_at.get("country") != "CHN":
            continue                 # a meeting in China is no part of a visit abroad ("…对老挝进行正式友好访问…。…
            #                          习近平总书记在北京亲切会见总书记同志": two occasions)
        if who and e.get("who") and not any(a in b or b in a for a in who for b in e["who"]) \
                and kind == e["type"] and kind != "visit" and not deictic:
            continue                 # another person met ("安倍晋三", "安倍": one)
        if officials and e.get("officials") and not officials & e["officials"] and countries is not None \
                and kind == e["type"] and kind != "visit" and not deictic:
            continue                 # "李强…会见法国总统马克龙。…习近平主席同总统先生举行会晤": another official's meeting
        same_kind = e["type"] == kind or "visit" in (e["type"], kind) and kind != "call" and e["type"] != "call"
        same_countries = (countries is None or set(countries) == set(e["countries"])
                          or countries and set(countries) <= set(e["countries"]) and e["type"] == "visit"
                          or not e["countries"] and e["type"] == "visit" and deictic)
        same_day = start is None or e["date_start"] is None or e["date_start"].startswith(start) \
            or start.startswith(e["date_start"])          # "2019" of a name and "2019-10-08": one occasion
        if same_kind and same_countries and same_day:
            if not e["chinese"]:         # "…参加会见。省委常委孙大海…会见时在座": the Chinese side of the occasion
                e["chinese"] = _event(kind, start, [], sentence, tagger, place)["chinese"]
            if (kind == "visit") != (e["type"] == "visit"):
                # a meeting of a visit: the visit keeps its own date, else the month of the meeting that shows it
                # under way ("会见来华进行国事访问的泰国国王…。今天（11月14日）上午，习近平主席同国王陛下举行会晤")
                visit, meeting = (start, e["date_start"]) if kind == "visit" else (e["date_start"], start)
                start = e["date_start"] = visit or (meeting[:7] if meeting else None)
            if kind == "visit" and e["type"] != "visit":
                e["type"] = "visit"
            e["date_start"] = e["date_end"] = max(e["date_start"] or "", start or "", key=len) or None
            e["countries"] = list(dict.fromkeys(e["countries"] + (countries or [])))
            return
    if countries is None:
        return                      # a reference to an occasion the text has not named
    events.append(dict(_event(kind, start, countries, sentence, tagger, place), who=who, officials=officials))


def extract(article, gazetteers: mentions.Tagger | None = None) -> list[dict]:
    """The events a Chinese article describes, in order (see the module docstring); `gazetteers` those of a loaded
    config (`config.taggers.mentions`), the shipped ones when None."""
    if (article.get("language") or "") != "zh":
        return []
    tagger = (mentions.load() if gazetteers is None else gazetteers).chinese
    if tagger is None or tagger.places is None:
        return []
    published = dates_zh.published_date(article.get("published"))
    # relative days (今天, 昨天) are of the day a dateline opening the text gives ("本报6月7日讯…今天晚上", on a page of 06-08)
    published = dates_zh.dateline(article.get("body") or "", published) or published
    events: list[dict] = []
    paragraphs = sentences(article.get("body") or "")
    whole = mentions_zh.initials_named("".join("".join(p) for p in paragraphs), tagger)
    readings: dict[tuple, mentions_zh.ChineseTagger] = {}    # one gazetteer for each way of resolving them
    for sents in paragraphs:
        # 中巴, 巴方 read as the one country so written the paragraph (else the article) names in full
        here = dict(whole, **mentions_zh.initials_named("".join(sents), tagger))
        resolved = tuple((c, code) for c, code in here.items() if code)
        reading = readings.get(resolved) or readings.setdefault(resolved, dataclasses.replace(tagger, resolved=resolved))
        _paragraph(sents, published, reading, events)      # one occasion is joined within its paragraph
    # a visit the text announces ("应…邀请，X将于…访华") is not also done where the text mentions it undated
    announced = {code for sents in paragraphs for s in sents if _ANNOUNCES.search(s) for code in _countries(s, tagger)}
    events = [e for e in events if not (e["type"] == "visit" and e["date_start"] is None
                                        and set(e["countries"]) & announced)]
    # an occasion whose Chinese party no sentence of it names, not in China ("美方在会晤中表示…"): none
    events = [e for e in events if e["chinese"] or e["place"].get("country") == "CHN"]
    return _finish(events, article, tagger)


_TRANSIT = re.compile(r"过境([^，]{1,12}?)并(?:进行)?[^，]{0,6}访问")


def _paragraph(sents: list[str], published, tagger, events: list[dict]) -> list[dict]:
    """Add to `events` (the article's so far) those of one paragraph."""
    paragraph = "".join(sents)
    announced = _ANNOUNCES.search(paragraph)
    first = len(events)
    seen = 0
    context = anchor = None              # the time an earlier sentence without an event set ("2019年，…。"); of any
    for sentence in sents:
        if sentence.rstrip().endswith(("？", "?")) or not _TRIGGER.search(sentence):   # a question: "…吗？"
            seen += len(sentence)        # a question, or no verb of an event (most sentences): nothing to read
            context = _span_opening(sentence, published) or context
            anchor = context or anchor
            continue
        trip = None                      # the visit an earlier clause of the sentence stated: its trip
        for c in _CLAUSE.finditer(sentence):
            transit = _TRANSIT.match(c.group())
            if trip is not None and transit:     # "…对阿联酋、…进行国事访问，过境毛里求斯并进行友好访问": the trip's
                events[trip]["countries"] = list(dict.fromkeys(events[trip]["countries"] + _countries(transit.group(1), tagger)))
                continue
            verb = _TRIGGER.search(c.group())
            if not verb:
                continue                 # a clause states an event only through its own verb
            before = sentence[:c.start()]
            # an announcement before the clause, or a sentence about a visit not yet made ("此访是…")
            announces = bool(announced and announced.start() < seen + c.start()) or _undone_visit(sentence)
            place = _place(c.group()[:verb.start()], tagger)
            if place.get("country") != "CHN" and any(t.lastgroup == "china" for t in _TRIGGER.finditer(c.group())):
                place = dict(_CHINA)     # "访华", "来华访问", "对中国进行国事访问": in China
            for kind, start, countries, deictic in _read_clause(c.group(), before, sentence, c.start(), paragraph,
                                                                published, tagger, announces):
                start = _in_context(start, deictic, context, anchor, sentence[:c.start() + verb.start()],
                                    bool(re.match(r"[中时]", c.group()[verb.end():])))
                if start and published and start[:10] > published.isoformat()[:len(start[:10])]:
                    continue             # dated after the article: announced, not done
                if trip is not None and countries and not deictic and kind in ("talks", "meeting") \
                        and re.match(r"同|与", c.group()) and not re.search(r"期间|后|时", c.group()):
                    # "…对意大利、摩纳哥、法国进行国事访问，同3国领导人以及…德国总理深入会谈": on the trip
                    events[trip]["countries"] = list(dict.fromkeys(events[trip]["countries"] + countries))
                    continue
                one_by_one = "分别" in c.group() or re.search(r"先后(?:在[^，]{1,10}?)?(?:会见|会晤|拜会)", c.group())
                split = [[code] for code in countries] if countries and one_by_one else [countries]
                days = re.search(r"\d+日?(?:至|到|—|-|－|–)\d+日", sentence[:c.start() + verb.start()])
                tour = days and kind != "visit" and re.search(r"(?:访问|走访|赴|前往)[^，。]*，", sentence[days.end():c.start()])
                if start and len(start) == 10 and days and (len(split) > 1 or tour):
                    start = start[:7]    # "1月6日至16日，…先后会见了…", "7月19日至21日，…访问乌汶府，会见…": on which day, not said
                who = frozenset(p["name"] for p in foreign_zh.foreign_side(c.group(), countries or [], {}, tagger)
                                if p["name"]) if len(split) == 1 else frozenset()
                officials = frozenset(mentions_zh.tag(c.group(), tagger)[1])      # the Chinese officials it names
                met = _each_met(c.group(), verb) if len(split) == 1 and countries is not None and not deictic else []
                if len(met) > 1:         # "分别会见巴西总统卢拉、总统府首席部长科斯塔": two meetings, one country
                    for person in met:
                        _join(events, kind, start, countries, deictic, sentence, tagger, place, first,
                              frozenset([person]), officials)
                    continue
                for part in split:       # "同伊朗外长、意大利外长分别通电话": two calls
                    _join(events, kind, start, part, deictic, sentence, tagger, place, first, who, officials)
                bare = re.fullmatch(r"([\u4e00-\u9fff]{2,3}?)(?:还|也|又|随后|在[^，]{1,8})?", c.group()[:verb.start()].strip())
                post = _introduced(bare.group(1), paragraph[:seen + c.start()], tagger) if bare else None
                if bare and post and len(events) > first and not events[-1]["chinese"]:
                    # "外交部条法司司长徐宏率团出席…。…徐宏还会见…": the name the paragraph gave a Chinese post before
                    named_in = next((s for s in sents if post + bare.group(1) in s), sentence)   # where he was named
                    events[-1]["chinese"] = [_described(post, "provincial" if re.search(r"[省市县区州]", post) else "national",
                                                        named_in)]
                speaker = _speaker(paragraph, seen + c.start(), tagger) if "我" in c.group()[:verb.start()] else None
                if speaker and len(events) > first and not events[-1]["chinese"]:
                    events[-1]["chinese"] = [dict(p, sentence=speaker)          # his 我, named where he speaks
                                             for p in _event(kind, start, [], speaker, tagger, place)["chinese"]]
                if len(split) == 1 and countries and "分别" in c.group() \
                        and len(_TRIGGER.findall(c.group())) == 1 and not re.search(r"(?:会谈|会见|会晤|通话)[、和]", c.group()):
                    _each(events, kind, start, countries, sentence, c.group(), tagger, place)
                if kind == "visit" and countries and not deictic and trip is None:
                    trip = next((n for n in range(len(events) - 1, first - 1, -1) if events[n]["type"] == "visit"
                                 and set(countries) <= set(events[n]["countries"])), None)
        seen += len(sentence)
        anchor = _span_opening(sentence, published) or anchor       # "6月19日，王毅会见X。同日，…": its day
        context = None                   # "…会见X。习近平主席同莫迪总理…会晤": another occasion, its time not said
    told = next((n for n, s in enumerate(sents) if any(e["sentence"] == s for e in events[first:])), len(sents))
    # the sentences before the first that told an event: "…驻智利大使牛清报参加，…20余名议员出席。…。去年博里奇总统…访华"
    attended = attended_zh.occasion(sents[:told], published, tagger) if told else None
    if attended:                         # an envoy's occasion with named foreign guests: a meeting
        _join(events, "meeting", attended[0], attended[1], False, attended[2], tagger, _place(attended[2], tagger), first)
        if len(events) > first:
            events[-1]["guests"] = attended_zh.guests(attended[2])      # whom the envoy met, as written
            events[-1]["corps"] = attended_zh.corps(attended[2])        # or the envoys counted ("160多个国家的…外交官")
    return events


def _span_opening(sentence: str, published) -> str | None:
    """The time a sentence's first clause sets for the sentences after it: its date, or the month of a span of days
    ("2018年10月22日至27日，…率团出席…。…还会见…": on which day, not said)."""
    when = dates_zh.opening(sentence, published)
    first = dates_zh.first_clause(sentence)
    return when[:7] if when and len(when) == 10 and re.search(r"\d日?(?:至|到|—|-|－|–)\d{1,2}日", first) else when


def _introduced(name: str, before: str, tagger) -> str | None:
    """The Chinese post the text before gave a name alone at its first mention ("外交部条法司司长徐宏率团…": 外交部条法司司长),
    None when it gave none or a foreign one."""
    at = before.find(name)
    if at < 0:
        return None
    post = re.split(r"[，,。；;：:、（）()“”]", before[:at])[-1].strip()
    return post if post and _is_chinese(post, tagger) and not _countries(post, tagger) else None


def _each_met(clause: str, verb: re.Match) -> list[str]:
    """Those a Chinese official "分别会见" (会晤, 拜会) one after another, as the clause lists them ("分别会见巴西总统卢拉、总统府首席部长
    科斯塔", "分别会见世界银行、国际货币基金组织、联合国贸易和发展会议负责人"); [] unless 分别 comes before a 会见 or
    会晤 whose object is a list of two or more (a list of countries is split by country already)."""
    if verb.group() not in ("会见", "会晤", "拜会", "往见") or "分别" not in clause[:verb.start()]:
        return []
    listed = re.split(r"时|并|后|期间", re.sub(r"^了", "", clause[verb.end():]))[0].rsplit("的", 1)[-1]
    items = [item for item in listed.split("、") if item]
    return items if len(items) > 1 else []


def _each(events: list[dict], kind, start, countries, sentence: str, clause: str, tagger, place: dict) -> None:
    """"习近平主席、李克强总理分别…同新西兰总理阿德恩举行了会晤": one event for each Chinese official named before
    分别 (the first already added), each with its own official; not "…分别同阿尔维总统举行会谈、会见" (which was which
    is not said)."""
    _, people = mentions_zh.tag(clause[:clause.index("分别")], tagger)
    if len(people) < 2 or not events or events[-1]["countries"] != list(countries) or events[-1]["type"] != kind:
        return
    own = [p for p in events[-1]["chinese"] if p.get("name") in people]
    if len(own) < 2:
        return
    events[-1]["chinese"] = own[:1]
    for person in own[1:]:
        events.append(dict(_event(kind, start, countries, sentence, tagger, place), chinese=[person]))


def _in_context(start, deictic, context, anchor, lead: str, frame: bool = False):
    """An event's date, given the time the paragraph set before its sentence: an event its own sentence leaves
    undated before its verb is of the time a sentence stating no event set (`context`: "2019年，…。…习近平主席同
    莫迪总理在金奈再次会晤"); 同年 / 同日 / 当天 point back to the last time set (`anchor`, "6月19日，王毅会见X。同日，
    …"); not a reference (此次会晤, 访问期间, 在中美元首通话中), nor an event said undated (日前)."""
    anaphor = list(dates_zh.ANAPHOR.finditer(lead))
    if anaphor and anchor:
        return dates_zh.anaphoric(anchor, anaphor[-1].group())
    if context and start is None and not deictic and not dates_zh.mentions(lead) and not frame \
            and not re.search(r"此次|这次|本次|上次|此前|曾", lead):
        return context
    return start


_COUNTRY_NAMES: dict = {}      # id of a gazetteer's lookup -> (that lookup, {ISO alpha-3: the country's name})


def _country_names(tagger) -> dict:
    """{ISO alpha-3: name} of the gazetteer's countries, read once for each gazetteer."""
    cached = _COUNTRY_NAMES.get(id(tagger.lookup))
    if cached is None or cached[0] is not tagger.lookup:
        names = {code: name for kind, name, code in (v for v in tagger.lookup.values() if v) if kind == "country"}
        cached = _COUNTRY_NAMES[id(tagger.lookup)] = (tagger.lookup, names)
    return cached[1]


def _finish(events: list[dict], article, tagger) -> list[dict]:
    names = _country_names(tagger)
    spoken = bool(article.get("title")) and kind_of(article["title"]) in SPOKEN
    for n, e in enumerate(events, 1):
        e.pop("who", None)
        e.pop("officials", None)
        e["article_id"], e["seq"] = article.get("id"), n
        e["source"] = "press_conference" if spoken else "article"
        e["country_names"] = [names.get(c, c) for c in e["countries"]]
        e["foreign"] = foreign_zh.foreign_side(e["sentence"], e["countries"], names, tagger)   # who, as it says
        guests = e.pop("guests", None)
        if not e["foreign"] and guests:      # an envoy's occasion: its guests by post and name, as written
            code = e["countries"][0] if len(e["countries"]) == 1 else None
            e["foreign"] = [{"name": name, "role": role, "role_head": None, "country": code,
                             "country_name": names.get(code, code) if code else None} for role, name in guests]
        met = None if e["foreign"] or e["countries"] else foreign_zh.met_phrase(e["sentence"])
        met = None if met is None or _is_chinese(met, tagger) else met      # "会见…中国国务委员…": the Chinese side
        corps = e.pop("corps", None)
        met = met or (None if e["foreign"] or e["countries"] else corps)
        if e["countries"] or met:
            e["group"] = {"description": met, "countries": list(e["countries"]), "number": None}
    return events
