"""Occasions China's envoys attend or host abroad, in Chinese text: "出席 at a ceremony with named foreign
participants is a meeting", as every label set since fresh3.json has it ("驻伊朗大使夫人封捷在官邸举办…茶会。伊文旅部
副部长马赫穆迪扬…应邀出席"; "…与摩总统夫人加琳娜共同出席…仪式"). pipelines/meetings_zh.py reads a paragraph here
only when none of its own verbs gave an event in it.

A paragraph states such an occasion when all of these hold: one of its sentences (the first that does) names China's
envoy, embassy or consulate (驻X大使, 驻X大使夫人, 驻X总领事, (中国)驻X使馆, 我驻X大使 opening a clause or an item of a list, "…、驻古晋
总领事夫人高翠莲等出席"; not 驻华) attending, holding or giving at it (出席, 参加, 举办, 举行, 捐赠, 转交, 慰问; not of a
meeting); that sentence, else the paragraph's first, is dated; the paragraph names a foreign person taking part: a
transliterated name (帕特里夏·埃德温; not a school or firm so named, "安娜玛丽·贾沃伊中学"), a foreign title (总统,
女王, 亲王, 第一夫人), a title right after a foreign country (津巴布韦新闻媒体部部长), or, among those a clause says
attended (…等出席, 应邀出席, 应邀主讲), one by post or courtesy with no Chinese mark ("伊文旅部副部长马赫穆迪扬",
"宋卡府府尹扎禄瓦", "杰夫斯女士"; not 驻…, 中资, 华侨, an overseas Chinese body: 广东同乡会, 中巴工商外贸联合总会); nothing in the envoy's sentence is announced, wished, asked
or counted (将, 希望, 多次); and the occasion is no forum of many (峰会, 论坛, 会议, 大会). Its countries are the
foreign ones the paragraph names, else none; its date that of the dated sentence (pipelines/dates_zh.py). Pure."""
from __future__ import annotations

import re

from . import dates_zh
from .needles import gated
from .mentions_zh import PLACE_BEFORE, TITLE, countries_named, post_country

_ENVOY = gated(re.compile(r"(?:(?:^|(?<=[，,：:、）)\s])|(?<=我谨代表)|(?<=我代表))(?:中国|中华人民共和国|我)?驻(?![华港澳])[^，。、]{1,12}?(?:大使|总领事|使馆|总领馆|领事馆)"
                          r"|(?:^|(?<=[，,：:、）)]))[\u4e00-\u9fff]{2,3}(?:公使|参赞)代表[\u4e00-\u9fff]{2,3}(?:大使|总领事)"
                          r"|(?:^|(?<=[，,：:、）)]))[\u4e00-\u9fff]{2,3}(?:大使|总领事)代表中国(?:政府)?)[^。]{0,80}?"
                          r"(?:出席|参加|举办|举行|捐赠|转交|慰问)(?!会见|会谈|会晤)"))
# "李松公使代表田学军大使…参加": the mission's minister for its head, Chinese when the paragraph names 中国使馆 / 中国驻;
# "李进军大使代表中国政府向缅甸政府捐赠…": an envoy acting for China's government
MINISTER = re.compile(r"[\u4e00-\u9fff]{2,3}(?:公使|参赞)代表[\u4e00-\u9fff]{2,3}(?:大使|总领事)")
_MISSION = re.compile(r"中国(?:驻[^，。、]{1,8}?)?(?:大使馆|使馆|总领事馆|总领馆|领事馆)")
# the consular corps of a Chinese city at a Chinese body's occasion ("25个国家驻重庆、成都总领事馆的领事官员…出席了联谊会"),
# and the diplomatic corps in Beijing ("160多个国家的驻华高级外交官出席", "190余名驻华大使、国际组织驻华代表和外交官应邀
# 出席"): foreign envoys counted, their countries unnamed, one meeting (the convention settled 2026-12-07: cpc2.json
# text 17, cctv1.json text 23, local1.json text 5; xwlb3.json text 7 relabelled to it)
_CORPS = gated(re.compile(r"(?:\d+余?(?:名|位)|多名|多位|\d+多?个国家(?:和地区)?)[^，。中我]{0,4}?"
                          r"驻(?![华港澳])[^，。]{1,8}?(?:总领事馆|领事馆|总领馆)[^。]{0,60}?(?:出席|参加)"
                          r"|(?:\d+余?多?(?:名|位)|\d+余?多?个国家(?:和地区)?的)[^，。中我]{0,4}?驻华[^，。]{0,4}?(?:大使|使节|外交官)"
                          r"[^。]{0,40}?(?:出席|参加)"))
# guests from foreign countries the clause names, at an occasion held in China ("贵州省与周边国家市长交流会22日晚在此间举行，
# 来自越南、马来西亚、马尔代夫等5个国家的部分省市行政主官出席"): officials of those countries
_FROM = re.compile(r"来自(?P<countries>[^，。；]{2,40}?)等?(?:\d+|[两三四五六七八九十]+)?个?(?:国家|国)(?:和地区)?的[^，。]{0,16}?"
                   r"(?:官员|主官|代表|市长|省长|州长|议员|部长|外交官|使节)[^，。]{0,8}?(?:出席|参加)")
_NOT_DONE = re.compile(r"将(?![其之军领士近使所])|即将|拟|期待|希望|如果|是否|多次|每年|经常|定期|方便时|[？?]")
_FORUM = gated(re.compile(r"峰会|论坛|(?<!国)会议(?![员厅室楼]|中心)|大会|年会|博览会|世博会|奥运会|联大|研讨会|外长会"))
_SEP = "·・•∙\u0387\u2027"
_NAMED = re.compile(rf"[\u4e00-\u9fff]{{1,8}}[{_SEP}][\u4e00-\u9fff]+")
_INSTITUTION = re.compile(r"中学|小学|学校|大学|学院|公司|集团|基金|剧院|医院|中心|协会")
_FOREIGN_TITLE = re.compile(r"总统|首相|国王|女王|王储|亲王|公主|苏丹|埃米尔|天皇|总督|第一夫人|大臣|外秘")
# who a clause says attended ("…、…等出席活动", "…应邀出席", "…应邀主讲") or spoke in turn ("圣托马斯大学校长佩拉诺、…分别
# 致辞"): its items, the one named first at least; a place's dignitaries by post ("…皮克林市政要…300余人出席")
_ATTENDED = re.compile(r"([^。；：]{4,160}?)(?:等|及其他人士)?(?:[\d近余多百十]+人)?(?:应邀)?(?:出席|参加|主讲|分别致辞)")
_POST = re.compile(TITLE.pattern + r"|议员|校长|市长|州长|省长|府尹|会长|局长|董事长|教授|法师|警长|设计师|执行官|政要|女士|先生")
# overseas Chinese bodies too: a hometown or clan association, a body named China first (中巴工商外贸联合总会); China's
# students abroad and its returned scholars' association ("欧美同学会代表团3位教授…，在斯留学生代表也应邀出席")
_CHINESE_MARK = re.compile(r"驻|中国|中资|中方|使馆|领馆|华侨|华人|华商|侨|我|大使夫人|总领事夫人|领事夫人|孔子学院|^夫人"
                           r"|留学生|留学人员|同学会"     # China's students abroad, 欧美同学会 (returned scholars)
                           r"|同乡会|宗亲会|会馆|^中[^国，、]{1,2}(?:工商|经贸|商会|商贸)"
                           r"|^[\u4e00-\u9fff]{2,3}(?:大使|公使|总领事|参赞|领事)$")   # "张汉晖大使": the mission's own


def occasion(sents: list[str], published, tagger) -> tuple[str | None, list[str], str] | None:
    """(date, countries, the paragraph) of the occasion the paragraph states, else None."""
    paragraph = "".join(sents)
    if _FORUM.search(paragraph):
        return None
    found = None
    for n, sentence in enumerate(sents):  # the first sentence of the envoy's occasion stated as done and dated
        envoy = _ENVOY.search(sentence) or _CORPS.search(sentence) or _guests_from(sentence, tagger)
        if envoy and MINISTER.match(envoy.group()) and not _MISSION.search(paragraph):
            envoy = None             # "李松公使代表田学军大使": China's only when the paragraph names China's mission
        if not envoy or _NOT_DONE.search(re.sub(r"“[^”]*”", "", sentence)):     # not "…“希望天使基金”…"
            continue
        when = dates_zh.fronted(sentence, 0, len(sentence), envoy.end(), published)
        if not when and re.search(r"当天|当日", sentence):    # "…出席了当天的仪式": the day an earlier sentence opens with
            when = next(filter(None, (dates_zh.opening(s, published) for s in reversed(sents[:n]))), None)
        tonight = re.match(r"了?(?:今晚|今天|今日|当晚)(?:的)", sentence[envoy.end():])
        if not when and tonight:     # "欢迎大家出席今晚的招待会": the envoy's words on the day of the occasion
            when = dates_zh.nearest(tonight.group(), 0, published)
        if not when and sentence is not sents[0]:    # the nearest earlier sentence opening with a date, else the first
            when = next(filter(None, (dates_zh.opening(s, published) for s in reversed(sents[1:n]))), None) \
                or dates_zh.fronted(sents[0], 0, len(sents[0]), len(sents[0]), published)
        if when and re.search(r"先后于?[^，。]{0,8}日[和、][^，。]{0,8}日", sentence[envoy.start():envoy.end()]):
            when = when[:7]          # "大使…先后于27日和28日…举行国庆招待会": two days, the month
        if when or re.search(r"日前|近日|前不久|不久前", sents[0][:envoy.start() if sentence is sents[0] else None]):
            found = when, sentence     # "…总领馆日前在馆内举办…招待会": done, the text gives no date
            break
    if not found:
        return None
    when, sentence = found
    titled = any(re.match(r"[^，、。和及]{0,10}?(?:" + TITLE.pattern + ")", paragraph[m.end():])
                 and not PLACE_BEFORE.search(paragraph[max(0, m.start() - 2):m.start()])
                 for m in tagger.places.finditer(paragraph)
                 if (tagger.lookup.get(m.group()) or ("",))[0] == "country" and tagger.lookup[m.group()][2] != "CHN")
    if not (_named(paragraph) or _FOREIGN_TITLE.search(paragraph) or titled or _foreign_attendee(paragraph)
            or _CORPS.search(sentence) or _guests_from(sentence, tagger)):
        return None
    countries = countries_named(paragraph, tagger) or _post(sentence, tagger)
    return when, countries, paragraph     # the occasion and its guests: the paragraph


def _post(sentence: str, tagger) -> list[str]:
    """The country of the post of the envoy or mission holding the occasion when the paragraph names no foreign
    country ("驻马赛总领事馆隆重举办…": France, config/mentions/zh.toml [consulates]), else []."""
    m = re.search(r"驻(?![华港澳])([\u4e00-\u9fff]{1,8}?)(?:总领事馆|总领馆|领事馆|大使馆|使馆|总领事|大使)", sentence)
    if not m:
        return []
    code = post_country(m.group(1), tagger)
    return [code] if code else []


def _guests_from(sentence: str, tagger) -> re.Match | None:
    """The clause of guests from named foreign countries at an occasion held in China (_FROM), else None."""
    m = _FROM.search(sentence)
    return m if m and countries_named(m.group("countries"), tagger) and "举行" in sentence[:m.start()] else None


def corps(paragraph: str) -> str | None:
    """The envoys a paragraph counts at an occasion, as written ("160多个国家的驻华高级外交官"), else None."""
    m = _CORPS.search(paragraph)
    return re.split(r"[，,]|应邀|(?:出席|参加)(?!.*(?:出席|参加))", m.group())[0] if m else None


def _foreign_attendee(paragraph: str) -> bool:
    """Whether a clause of those who attended names one by post or courtesy with no Chinese mark ("伊文旅部副部长
    马赫穆迪扬和20多位…应邀出席"; not "驻津巴布韦大使夫人王薇参赞…出席" alone)."""
    return bool(guests(paragraph))


def guests(paragraph: str) -> list[tuple[str | None, str | None]]:
    """(role, name) of each guest a clause of those who attended names by post or courtesy, with no Chinese mark, as
    written: "伊文旅部副部长马赫穆迪扬" is ("伊文旅部副部长", "马赫穆迪扬"), "杰夫斯女士" (None, "杰夫斯"), a post
    without a name ("…负责人") the post alone."""
    out: list[tuple[str | None, str | None]] = []
    for m in _ATTENDED.finditer(paragraph):
        for item in re.split(r"、|和|及|以及|，|,", m.group(1)):
            item = item.strip()
            posts = list(_POST.finditer(item))
            if len(item) < 3 or not posts or _CHINESE_MARK.search(item) or item.endswith("们"):
                continue             # not "女士们、先生们": the audience addressed
            courtesy = posts[-1].group() in ("女士", "先生") and posts[-1].end() == len(item)
            post = posts[-2] if courtesy and len(posts) > 1 else posts[-1]
            if courtesy and len(posts) == 1:
                out.append((None, item[:post.start()][-6:] or None))
                continue
            role, name = item[:post.end()], item[post.end():(posts[-1].start() if courtesy else len(item))]
            out.append((role.rsplit("的", 1)[-1][-12:], name if 2 <= len(name) <= 12 else None))
    return out


def _named(paragraph: str) -> bool:
    """Whether the paragraph names a person by a transliterated name ("帕特里夏·埃德温"), not a school, firm or
    body so named ("安娜玛丽·贾沃伊中学")."""
    return any(not _INSTITUTION.search(m.group()) for m in _NAMED.finditer(paragraph))
