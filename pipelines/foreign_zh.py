"""The foreign side of a Chinese event, as its own sentence names it: who the Chinese party met, so that an event of
pipelines/meetings_zh.py says who met whom, not only with which country.

Precision first; only the event's sentence is read, and only persons of the event's countries:
1. a foreign leader the gazetteer names (config/mentions/zh.toml [foreign]: 蓬佩奥 is of the United States), with
   the title that follows the name ("莫迪总理") or precedes it after the country ("美国国务卿蓬佩奥");
2. a person given by country, title and name, in that order ("卢森堡外交大臣阿瑟伯恩", "印度外长苏杰生通电话"):
   the name is the run of characters after the title up to a word that ends it (时, 通, 举行, 在, 就, 、, ...),
   at most 6 characters (12 with a ·), else the person keeps the title alone ("会见卢森堡外交大臣"); a country
   after 驻 is where an envoy serves ("中国驻塔吉克斯坦大使" is China's);
3. the head or officer of an organisation ("联合国秘书长古特雷斯", "欧洲理事会主席米歇尔"), the organisation in the
   title and no country.
An event with no foreign person these rules read and no country is described by whom its verb met, as the sentence
says it (`met_phrase`: "会见了参联会主席纳迪姆、陆军参谋长巴杰瓦", "会见外方代表团团长时": after the last 的, up to the
clause's end), unless that is the Chinese side.
Names stay as the sentence writes them (Chinese characters); the country is the event's. Pure.
"""
from __future__ import annotations

import re

from .mentions_zh import PLACE_BEFORE, TITLE

# a title: a few characters of office ending in a title word ("外交大臣", "最高法院首席大法官", "驻华大使"), not the
# first words of a body ("联邦议院数字议程委员会") nor a count of countries ("3国领导人")
_TITLE_END = r"(?:" + TITLE.pattern + r"|法官|顾问|助理)"
_ROLE = re.compile(r"(?![\d一二三四五六七八九十两几多]+国)(?P<role>[^，。、；：\s“”（）()和与同在的]{0,8}?" + _TITLE_END
                   + r"(?:[^，。、；：\s“”（）()和与同在的]{0,3}?" + _TITLE_END + r")?(?:夫人)?)(?!会(?![谈见晤])|团|部|处|局)")
# what ends a name: a verb, adverb or particle that follows it, a form of address, or punctuation
_STOP = (r"时|通|举行|会谈|会见|会晤|在|就|等|及|和|与|同|一行|夫妇|进行|的|表示|说|率|访|来华|出席|共同|分别|正在|深入|都|也"
         r"|还|已|曾|将|均|亦|兼|邀请|再次|首次|明确|先生|女士|阁下|[，。、；：！？\s（(“”]")
_NAME = re.compile(r"(?!" + _STOP + r")(?P<name>[\u4e00-\u9fff·・]{2,12}?)(?=" + _STOP + r"|$)")
_NOT_A_NAME = re.compile(TITLE.pattern + r"|" + _STOP + r"|国家|政府|部|局|司|委|助理|顾问|事务|一行|代表团")
# an organisation whose head or officer the sentence names ("联合国秘书长古特雷斯"): its name is the person's role
_ORGANISATION = re.compile(r"联合国(?:[^，。、；：\s“”（）()和与同在的]{0,10}?(?:办事处|办公室|署|机构))?|欧洲理事会|欧盟委员会|欧委会"
                           r"|欧洲议会|欧盟|东盟|非盟|阿盟|世卫组织|世界卫生组织|世贸组织|世界贸易组织|国际货币基金组织"
                           r"|世界银行|世界经济论坛|国际奥委会|亚投行|新开发银行")


def foreign_side(sentence: str, countries: list[str], country_names: dict, tagger) -> list[dict]:
    """The foreign persons the sentence names, of the event's `countries` (alpha-3) or of an organisation, in
    order; [] when none."""
    found: dict[int, dict] = {}
    if tagger.foreign is not None:
        for m in tagger.foreign.finditer(sentence):
            code = tagger.foreign_country.get(m.group())
            if code in countries:
                after = _ROLE.match(sentence, m.end())
                role = after.group("role") if after and len(after.group("role")) <= 4 else None
                found[m.start()] = _person(m.group(), role or _role_before(sentence, m.start()), code, country_names)
    for m in tagger.places.finditer(sentence):
        hit = tagger.lookup.get(m.group())
        if hit and hit[0] == "country" and hit[2] in countries and not PLACE_BEFORE.search(sentence[max(0, m.start() - 2):m.start()]):
            _titled(sentence, m, hit[2], country_names, found)      # not "中国驻塔吉克斯坦大使": China's envoy
    for m in _ORGANISATION.finditer(sentence):
        if m.start() not in found:
            _titled(sentence, m, None, country_names, found)
    return list(dict((p["name"] or (p["role"] or "") + (p["country"] or ""), p)
                     for _, p in sorted(found.items())).values())


def _titled(sentence: str, m: re.Match, code: str | None, country_names: dict, found: dict) -> None:
    """Add the person a country or organisation (`m`) introduces by title and name, or by title alone."""
    role = _ROLE.match(sentence, m.end())
    if not role:
        return
    at = role.end("role")
    if any(at <= start < at + 13 for start in found):
        return                       # "美国国务卿蓬佩奥": the leader the gazetteer names, read already
    name = _NAME.match(sentence, at)
    if name and (_NOT_A_NAME.search(name.group("name")) or len(name.group("name").replace("·", "")) > 6
                 and "·" not in name.group("name")):
        name = None
    title = role.group("role") if code else m.group() + role.group("role")
    found[m.start()] = _person(name.group("name") if name else None, title, code, country_names)


def _role_before(sentence: str, start: int) -> str | None:
    """The title just before a leader's name ("美国国务卿蓬佩奥": 国务卿), None when none is."""
    m = re.search(r"(?:" + TITLE.pattern + r")$", sentence[max(0, start - 8):start])
    return m.group() if m else None


def _person(name: str | None, role: str | None, code: str | None, country_names: dict) -> dict:
    return {"name": name, "role": role, "role_head": None, "country": code,
            "country_name": country_names.get(code, code) if code else None}


_MET = re.compile(r"(?:会见|会晤|拜会)了?(?![中时的会达])")


def met_phrase(sentence: str) -> str | None:
    """Whom a meeting verb met, as the sentence writes it ("比根特别代表", "在华外国商协会代表团一行"), None when the
    verb has no object in its clause ("…等参加会见。")."""
    for m in _MET.finditer(sentence):
        phrase = re.split(r"[，。；：;,]|时|并|后|期间|就", sentence[m.end():])[0].rsplit("的", 1)[-1].strip()
        if 2 <= len(phrase) <= 30:
            return phrase
    # "同中美洲议会议长加西亚举行会谈": whom talks, a meeting or a call were with, after 同 / 与
    pair = re.search(r"[同与]([^，。；同与]{2,30}?)(?:在[^，。；]{1,12}?)?(?:举行|进行)?了?(?:会谈|会晤|会面|通电话|视频通话|通话)",
                     sentence)
    return pair.group(1) if pair else None
