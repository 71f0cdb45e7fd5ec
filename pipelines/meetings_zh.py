"""Who met whom in Chinese text: meetings (会见, 会晤), talks (会谈), calls (通电话, 通话) and visits (访问, 访华;
出席 with a named foreign party) read from a Chinese article, as events of the same shape as pipelines/meetings.py
gives for English ones, so they fill the same `meetings` table.

Rules over sentences (split at 。！？；), no model:
1. A sentence is skipped when it asks (问：, ？), announces (将于, 将同, 即将, 拟), or generalises (多次, 一些, 经常).
2. Its trigger gives the type: a visit (访问, 访华, 来访, 国事访问, "访问X期间") wins over a call, a call over talks, talks
   over a meeting (a meeting or talks during a visit are part of the visit, as in English); 出席 counts only when
   a foreign country is named in the sentence or the one before.
3. The date: "2019年2月15日", "2月15日至17日", "15日" (the publication's month), 今天/今日, 昨天/昨日, 前天, "今年5月"
   (a month), "2018年" (a year), else the date of the sentence just before when it has one, else none.
4. Countries: those pipelines/mentions.py tags in the sentence (and in the dated sentence before it, when that gave
   the date), and the one-character forms 中美, 美方, 中韩 ...; a country named only as where it happened (在德国,
   赴X) is the place, not a party, unless it is the destination of a visit. Chinese officials: those of
   config/mentions/zh.toml named in the sentence (English names, as the English rules write them).
5. An undated trigger after an event of the same text joins it; a dated one opens a new event.
Press conferences and spokesperson's remarks (by their headline) are not read: on their paragraphs the rules were
measured right for only about 1 event in 10 on unseen text (README), too few for the archive's `meetings` table;
readouts (会见, 会谈 in the headline) are. Pure: an article (title, body, published, language, id) in, event dicts
out. Chinese only.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import mentions, mentions_zh
from .pairing import kind_of

NOT_READ = ("press", "remarks")   # kinds of article whose Chinese meetings are not stored (see extract)

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_QUESTION = re.compile(r"^\s*(?:问|追问[一二三四五]?|[^\s:：，。（(]{0,24}记者[^\s:：，。]{0,4})[:：]|[？?]\s*$")
_FUTURE = re.compile(r"即将|拟|临近|期待|希望|届时|尽快|一定(?:能够|会)|将(?![其之军领士近])|如有(?:进一步|这方面的)?消息")
_THIS = re.compile(r"此访|此次|这次|本次")
_ASKED = re.compile(r"是否|会否|能否|问到|你提到的|未曾|并未|没有|从未|不曾|不能|无法")     # asked, or denied
_GENERIC = re.compile(r"\d+(?:多|余)?次|近\d+|多次|多批|很多|许多|大批|不少|一些|经常|有时|历次|或者|如果|的话|可以去|访问的|来访的|访华的|有关活动|各地|人次|欢迎|上述")
# a Chinese party: an official (zh.toml), China, the Chinese side, an embassy, a visit to China, a "中X" pair
_CHINESE_PARTY = re.compile(r"中方|中国|我国|中共|国家主席|国务院|国务委员|外交部|(?<!国)驻[^，。]{1,12}?(?:大使|使馆|总领)"
                            r"|访华|来华|中[美俄日韩朝印澳英法德加越菲哈蒙伊卢非欧]|[美俄日韩朝印澳英法德加越菲哈蒙伊卢]中(?=[两关双])")
_TYPES = (  # first match wins
    ("visit", re.compile(r"(?:国事|正式|工作|友好)?访问(?!团|学者)|访华|来华|来访|(?<!发)出访")),
    ("call", re.compile(r"通电话|视频通话|通话(?![费量记])")),
    ("talks", re.compile(r"(?<!六方)会谈")),            # 六方会谈 is the Six-Party Talks, a forum
    ("meeting", re.compile(r"会见|会晤|见面")),
    ("attend", re.compile(r"出席")),
)
_VISIT_TO = re.compile(r"(?:访问|对)([\u4e00-\u9fff（）()]{2,12}?)(?:进行|期间|时|，|。|$)")
_PLACE_BEFORE = re.compile(r"(?:在|赴|于|抵达)$")
_YMD = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:(?:至|到|-|—)(?:(\d{1,2})月)?(\d{1,2})日)?")
_DAY = re.compile(r"(?<![月\d])(\d{1,2})日")
_MONTH = re.compile(r"(?:(\d{4})年|今年)(\d{1,2})月(?!\d{0,2}日)")
_YEAR = re.compile(r"(\d{4})年(?!\d{0,2}月|以来|起)")
NEAR = 3                # sentences around a trigger searched for its countries when it names none
_THIS_YEAR = re.compile(r"年内")             # "今年" mostly qualifies something else ("今年首位")
_RELATIVE = {"今天": 0, "今日": 0, "当天": 0, "昨天": -1, "昨日": -1, "前天": -2}
_LAST_MONTH = re.compile(r"上个?月")
_LAST_YEAR_MONTH = re.compile(r"去年(\d{1,2})月")


def sentences(text: str) -> list[str]:
    """The sentences of a text, without the paragraphs a journalist's question opens (问：, 路透社记者：): a
    question is asked throughout its paragraph, not only in its first sentence."""
    out: list[str] = []
    for paragraph in (text or "").split("\n"):
        if _QUESTION.match(paragraph.strip()):
            continue
        out += [s.strip() for s in _SENTENCE.findall(paragraph) if s.strip()]
    return out


def _published(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def resolve_date(sentence: str, published: date | None) -> tuple[str | None, str | None]:
    """(start, end) of the date the sentence states: YYYY-MM-DD (YYYY-MM, YYYY when that is all it says)."""
    m = _YMD.search(sentence)
    if m:
        year = int(m.group(1)) if m.group(1) else (published.year if published else None)
        if year is None:
            return None, None
        try:
            start = date(year, int(m.group(2)), int(m.group(3)))
            if not m.group(1) and published and start > published + timedelta(days=31):
                start = start.replace(year=year - 1)     # "12月30日" in a January article: last year
            end = date(start.year, int(m.group(4) or m.group(2)), int(m.group(5))) if m.group(5) else start
        except ValueError:
            return None, None
        return start.isoformat(), end.isoformat()
    for word, shift in _RELATIVE.items():
        if word in sentence and published:
            day = (published + timedelta(days=shift)).isoformat()
            return day, day
    m = _DAY.search(sentence)
    if m and published:
        try:
            on = published.replace(day=int(m.group(1)))
        except ValueError:
            return None, None
        return on.isoformat(), on.isoformat()
    m = _LAST_YEAR_MONTH.search(sentence)
    if m and published:
        return f"{published.year - 1:04d}-{int(m.group(1)):02d}", f"{published.year - 1:04d}-{int(m.group(1)):02d}"
    if published and _LAST_MONTH.search(sentence):
        month = f"{published.year - (published.month == 1):04d}-{(published.month - 2) % 12 + 1:02d}"
        return month, month
    m = _MONTH.search(sentence)
    if m and (m.group(1) or published):
        month = f"{int(m.group(1) or (published.year if published else 0)):04d}-{int(m.group(2)):02d}"
        return month, month
    m = _YEAR.search(sentence)
    if m:
        return m.group(1), m.group(1)
    if published and _THIS_YEAR.search(sentence):
        return str(published.year), str(published.year)
    return None, None


def trigger(sentence: str) -> tuple[str | None, str | None]:
    """(the event type a sentence states or None, why it was set aside: "announced" (it announces an event: what
    follows it undated belongs to the announcement), "expected" (future or wished, no event word), "asked",
    "generic", or None)."""
    kind = next((name for name, pattern in _TYPES if pattern.search(sentence)), None)
    if _FUTURE.search(sentence):
        return None, "announced" if kind else "expected"
    if _QUESTION.search(sentence) or _ASKED.search(sentence):
        return None, "asked"
    if _GENERIC.search(sentence):
        return None, "generic"
    return kind, None


def _parties(sentence: str, tagger, kind: str) -> tuple[list[str], dict | None]:
    """(foreign countries taking part, the place) named in the sentence."""
    destination = _VISIT_TO.search(sentence) if kind == "visit" else None
    countries, place = [], None
    spans = [(m.start(), m.group()) for m in tagger.places.finditer(sentence)] if tagger.places else []
    for start, text in spans:
        hit = tagger.lookup.get(text)
        if not hit:
            continue
        where = _PLACE_BEFORE.search(sentence[max(0, start - 2):start])
        is_destination = destination is not None and text in destination.group(1)
        if hit[0] == "country" and hit[2] != "CHN":
            if where and not is_destination:
                place = place or {"country": hit[2], "province": None, "province_code": None, "city": None,
                                  "city_code": None, "source": "text"}
            elif hit[2] not in countries:
                countries.append(hit[2])
        elif hit[0] in ("province", "city") and place is None:
            place = {"country": "CHN", "province": hit[1] if hit[0] == "province" else None,
                     "province_code": hit[2] if hit[0] == "province" else None,
                     "city": hit[1] if hit[0] == "city" else None, "city_code": hit[2] if hit[0] == "city" else None,
                     "source": "text"}
    for code in mentions_zh.sides(sentence):
        if code not in countries:
            countries.append(code)
    return countries, place


def _chinese(sentence: str, tagger) -> list[dict]:
    _, people = mentions_zh.tag(sentence, tagger)
    return [{"name": name, "title": title or None, "role_head": None, "level": "national", "body": None}
            for name, (title, _, _) in sorted(people.items(), key=lambda kv: kv[1][2])]


def _countries_near(sents: list[str], i: int, tagger, kind: str) -> list[str]:
    """The countries of the nearest sentence around sentence i (before first) that names some, within NEAR, for a
    trigger that names none ("在通话中，两国元首……" then "……包括美方在内")."""
    for j in [k for d in range(1, NEAR + 1) for k in (i - d, i + d)]:
        # a sentence with an event word of its own speaks of its own occasion ("两国领导人新加坡会晤")
        if 0 <= j < len(sents) and not any(pattern.search(sents[j]) for _, pattern in _TYPES):
            found, _ = _parties(sents[j], tagger, kind)
            if found:
                return found
    return []


def _event(article, kind, start, end, place, countries, sentence, tagger) -> dict:
    return {"article_id": article.get("id"), "seq": 0, "type": kind, "date_start": start, "date_end": end,
            "place": place or {}, "places": [place] if place else [], "chinese": _chinese(sentence, tagger),
            "foreign": [], "group": None, "countries": countries, "country_names": [], "sentence": sentence}


def extract(article, gazetteers: mentions.Tagger | None = None) -> list[dict]:
    """The events a Chinese article describes, in order (see the module docstring); `gazetteers` those of a loaded
    config (`config.taggers.mentions`), the shipped ones when None."""
    if (article.get("language") or "") != "zh":
        return []
    if article.get("title") and kind_of(article["title"]) in NOT_READ:
        return []       # press conferences and remarks: too loose for these rules (README: figures)
    tagger = (mentions.load() if gazetteers is None else gazetteers).chinese
    if tagger is None or tagger.places is None:
        return []
    published = _published(article.get("published"))
    events: list[dict] = []
    dated: tuple = (None, None, "")          # the last date stated, and its sentence
    announced = False                        # the sentences since the last date belong to an announcement
    sents = sentences(article.get("body") or "")
    # in a text that announces a visit, "this visit" (此访, 此次访问) undated is the announced one
    announces = any(trigger(s)[1] == "announced" for s in sents)
    for i, s in enumerate(sents):
        kind, set_aside = trigger(s)
        start, end = resolve_date(s, published)
        if set_aside or kind is None:
            if set_aside == "announced":
                dated, announced = (None, None, ""), True
            elif start and not set_aside:
                dated, announced = (start, end, s), False
            continue
        if start is None and (announced or (announces and _THIS.search(s))):
            continue
        around = " ".join(sents[max(0, i - 1):i + 2])
        if not (_CHINESE_PARTY.search(around) or mentions_zh.tag(around, tagger)[1]):
            continue
        countries, place = _parties(s, tagger, kind)
        if start is None and dated[0]:
            start, end = dated[0], dated[1]
            countries += [c for c in _parties(dated[2], tagger, kind)[0] if c not in countries]
        countries = countries or _countries_near(sents, i, tagger, kind)
        if kind == "attend":
            if not countries:
                continue
            kind = "meeting"
        # one occasion, one event: a second sentence of the same date (a visit's meetings are the visit's)
        same = next((e for e in events if e["date_start"] == start and (e["type"] == kind or "visit" in (
            e["type"], kind))), None) if start else None
        if start is None and events and events[-1]["type"] in (kind, "visit"):
            same = events[-1]                # an undated mention joins the event before it
        if same is not None:                 # ... as does a second sentence about the same occasion
            same["countries"] += [c for c in countries if c not in same["countries"]]
            continue
        events.append(_event(article, kind, start, end, place, countries, s, tagger))
        if start:
            dated, announced = (start, end, s), False
    return _finish(events, tagger)


def _finish(events: list[dict], tagger) -> list[dict]:
    names = {code: name for kind, name, code in (v for v in tagger.lookup.values() if v) if kind == "country"}
    for n, e in enumerate(events, 1):
        e["seq"] = n
        e["country_names"] = [names.get(c, c) for c in e["countries"]]
        if e["countries"]:
            e["group"] = {"description": None, "countries": list(e["countries"]), "number": None}
    return events
