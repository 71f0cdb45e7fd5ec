"""Places for the meetings extractor: the countries, provinces and cities a text names (config/mentions/) and the
places abroad of config/meetings.toml, and where a trigger sentence puts its event ("in", "at", "to", "visited",
a landmark), else the site's default place."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..needles import gated
from .config import Rules
from .person import Person
from .triggers import Trigger


@dataclass
class Place:
    kind: str            # country | province | city
    name: str
    code: str
    start: int
    end: int
    abroad: bool = False  # a place abroad of config/meetings.toml [foreign_places] (kind country, code its country's)


_CACHE: dict[tuple[int, str], list[Place]] = {}


def places_in(text: str, rules: Rules) -> list[Place]:
    """Countries, provinces and cities (config/mentions/) and places abroad (config/meetings.toml) in `text`
    (the same sentence is read several times per article: the answers are kept for the last few thousand texts;
    the places are never changed by their readers)."""
    key = (id(rules), text)
    found = _CACHE.get(key)
    if found is None:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        found = _CACHE[key] = _places_in(text, rules)
    return list(found)


def _places_in(text: str, rules: Rules) -> list[Place]:
    abroad = list(rules.foreign_places.finditer(text)) if rules.foreign_places is not None else []
    out = []
    for m in rules.tagger.places.finditer(text):
        # a longer place abroad wins over a name inside it ("Vietnam's Lao Cai Province" is not Laos)
        if any(f.start() <= m.start() and m.end() <= f.end() and f.end() - f.start() > m.end() - m.start()
               for f in abroad):
            continue
        abroad = [f for f in abroad if f.end() <= m.start() or f.start() >= m.end()]
        hit = rules.tagger.lookup.get(" ".join(m.group().split()))
        if hit is not None:
            kind, name, code = hit
            out.append(Place(kind, name, code, m.start(), m.end()))
    for m in abroad:
        name = " ".join(m.group().split())
        out.append(Place("country", name, rules.foreign_place_codes[name], m.start(), m.end(), abroad=True))
    out.sort(key=lambda p: p.start)
    return out


# A country as the topic: "a foreign ministers' meeting on the Iranian nuclear issue", "the Berlin Conference on
# Libya", "exchanged views on the Afghan issue"
_TOPIC = re.compile(r"\b(?:on|about|regarding|concerning)\s+(?:the\s+)?$|"
                    # "exchanged views on the current situation in Afghanistan": the topic's place
                    r"\b(?:situation|crisis|conflict|developments?|tensions?|war)\s+in\s+(?:the\s+)?$|"
                    r"\b(?:Envoy|Representative|Coordinator)\s+(?:for|on)\s+(?:the\s+)?$|"
                    r"\bsidelines\s+of\s+(?:the\s+)?(?:(?!(?:in|at)\s)[\w-]+\s+){0,3}$")   # "on the sidelines of the G20 Buenos Aires Summit"


_TIME = re.compile(r"\s+time\b")


def is_time_zone(text: str, p: Place) -> bool:
    """"On the night of April 13 Beijing time": a clock, not a place."""
    return _TIME.match(text[p.end:p.end + 6]) is not None


# The country that hosts a named occasion is not a party to it ("the Global Convergence for Growth Summit hosted by
# France", as the host of an SCO meeting in Bishkek is none): its parties are those the text names as such
HOST = re.compile(r"\b(?:[Ss]ummit|[Mm]eeting|[Cc]onference|[Ff]orum|[Ss]ession|[Dd]ialogue)\s+(?:co-)?hosted\s+by\s+"
                   r"(?:the\s+)?$")
HOST = gated(HOST)     # (only where "hosted" is: needles.py)


_ISSUE = re.compile(r"\s+(?:issue|crisis|question|conflict)\b")
_FRIENDSHIP_BODY = re.compile(r"-(?:China|Chinese)(?:\s+[A-Z][\w-]*){0,2}\s+(?:Association|Society|Chamber|Council|"
                              r"Federation|Foundation|Committee|Group|Club)\b")
_CHINA_DASH = re.compile(r"(?:China|Chinese)-$")
_DASH_CHINA = re.compile(r"-(?:China|Chinese)\b")
_WORD_DASH = re.compile(r"\w-$")
_DASH_CAPITAL = re.compile(r"-[A-Z]")


def is_compound(text: str, p: Place) -> bool:
    """"China-Laos Railway", "Albania-China relations": a country in a compound with China names no party; nor
    does a country as the topic ("on the Iranian nuclear issue") or in the name of the occasion beside which two
    sides met ("on the sidelines of the G20 Buenos Aires Summit")."""
    if _TOPIC.search(text[max(0, p.start - 50):p.start]) or HOST.search(text[max(0, p.start - 60):p.start]):
        return True
    if _ISSUE.match(text[p.end:p.end + 12]):
        return True     # "a comprehensive settlement of the Ukraine issue": the topic, not a party
    before, after = text[max(0, p.start - 8):p.start], text[p.end:p.end + 8]
    if _FRIENDSHIP_BODY.match(text[p.end:p.end + 60]):
        return False            # "the Japan-China Friendship Association": a body of that country
    return bool(_CHINA_DASH.search(before) or _DASH_CHINA.match(after)
                or (after.startswith("-") and _WORD_DASH.search(before) is None and p.kind == "country"
                    and _DASH_CAPITAL.match(after) and "China" in text[p.end:p.end + 20]))


# The seat of several diplomats named with their countries: "the consul generals of ROK, Germany, Japan, Australia and
# France to Shenyang" (Changchun's page of August 17, 2020: the consulates are in Shenyang, the meeting is not)
# ("the Republic of Philippines": a country's long name, "of" inside it)
_COUNTRY_LIST = r"(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*)*"
_SEAT = re.compile(r"\b(?:[Aa]mbassadors|[Ee]nvoys|[Cc]onsuls?[\s-]+[Gg]enerals?|[Cc]onsul[\s-]+[Gg]enerals|"
                   r"[Cc]onsulates?(?:[\s-]+[Gg]eneral)?)\s+of\s+" + _COUNTRY_LIST
                   + r"(?:(?:,\s+|,?\s+and\s+)" + _COUNTRY_LIST + r")*\s+(?:to|in)\s+(?:the\s+)?$")


# the news agency's "east China's Zhejiang Province", "south China's Hainan Province": the province, in China
_CHINA_REGION = (r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?\s+"
                 r"China['\u2019]s\s+)")
_PLACE_LEAD = re.compile(r"(?:\b(?:in|at|to|visited|visit|visiting|toured|tour|inspected)\s+(?:the\s+)?"
                         r"(?:(?:[Ww]estern|[Ee]astern|[Nn]orthern|[Ss]outhern|[Cc]entral|[Gg]reater)\s+)?"   # "in Western Sydney"
                         r"(?:(?:city|province|capital)\s+of\s+)?" + _CHINA_REGION + r"?)$")     # "in the city of Guiyang"


def place_of(sentence: str, trigger: Trigger, persons: list[Person], rules: Rules) -> tuple[dict, list]:
    """Where the trigger sentence puts the event: the first place after "in", "at", "to", "visited" (after the
    verb, else before it), outside persons' titles; all such places in order as `places`."""
    masked = [(p.start, p.end) for p in persons]
    from .triggers import clause_span, closed_relatives
    first, last = clause_span(sentence, trigger, who_ends=False) if trigger.end else (0, len(sentence))
    masked += closed_relatives(sentence, trigger) if trigger.end else []
    cands: list[Place] = []
    for p in places_in(sentence, rules):
        if any(a <= p.start < b for a, b in masked) or is_compound(sentence, p) or not first <= p.start < last \
                or is_time_zone(sentence, p):
            continue
        if p.kind == "country" and p.code == "CHN":
            continue
        if re.search(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul(?:[\s-]+[Gg]eneral)?)\s+(?:to|in)\s+(?:the\s+)?$",
                     sentence[max(0, p.start - 30):p.start]) or _SEAT.search(sentence[max(0, p.start - 160):p.start]):
            continue    # "Chinese ambassador to Nigeria", "the Japanese Consul-General in Guangzhou": a title, not where
        if p.kind == "country" and re.search(r"\bvisiting\s+(?:the\s+)?$", sentence[max(0, p.start - 14):p.start]) \
                and re.match(r"\s+[A-Z]", sentence[p.end:p.end + 2]):
            continue    # "held talks with visiting US Assistant Secretary of State ...": the guest's country, not where
        lead = _PLACE_LEAD.search(sentence[max(0, p.start - 40):p.start]) or (
            p.kind in ("country", "province") and re.search(r"\bin\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2},\s+"
                                              # "in Springfield, the capital of Illinois", "in Bandar Seri
                                              # Begawan, Brunei" (a capital of three words)
                                              r"(?:the\s+(?:state\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?|"
                                              # "in Wuzhen, east China's Zhejiang Province"
                                              + _CHINA_REGION + r")?$",
                                              sentence[max(0, p.start - 60):p.start]))
        listed = re.search(r"(?:,|\band)\s+$", sentence[max(0, p.start - 6):p.start])
        if lead or (listed and cands and sentence[cands[-1].end:p.start].count(" ") <= 2):
            # a place named inside a foreign body ("Japan's Osaka Prefecture") is where the counterpart is from
            if re.match(r"'s\s", sentence[p.end:p.end + 3]):
                continue
            cands.append(p)
    if not cands and rules.landmarks is not None:
        mark = next((m for m in rules.landmarks.finditer(sentence)
                     # "at the Great Hall of the People", "held talks in the Great Hall of the People"
                     if re.search(r"\b(?:at|in|inside)\s+(?:the\s+)?$", sentence[max(0, m.start() - 12):m.start()])),
                    None)
        if mark is not None:
            code = rules.landmark_codes[mark.group()]
            return ({"country": "CHN", "province": rules.provinces.get(code), "province_code": code, "city": None,
                     "city_code": None, "source": "text"}, [{"kind": "landmark", "name": mark.group(), "code": code}])
    if not cands:
        here = dateline_here(sentence, trigger, rules)
        if here is not None:
            return here
        if trigger.type == "visit" and (re.search(r"\b(?:visit|visiting|visited|trip|tour)\s+(?:(?:to|in)\s+)?China\b",
                                                   sentence[trigger.start:])
                                         or re.search(r"\bin\s+China\s+$", sentence[:trigger.start])
                                         # "visited the embassies of Kazakhstan, Kyrgyzstan and Latvia in China"
                                         or re.search(r"\bin\s+China\b(?!['\u2019]s)", sentence[trigger.start:last])):
            return {"country": "CHN", "province": None, "province_code": None, "city": None, "city_code": None,
                    "source": "text"}, [{"kind": "country", "name": "China", "code": "CHN"}]
        if re.search(r"\bwho\s+(?:is|are|was|were)\s+(?:now\s+)?in\s+China\b(?!['\u2019]s)", sentence[trigger.end:]):
            # "met with ... Charles Michel and ... Ursula von der Leyen who are in China for the 24th China-EU Summit",
            # as "who was in Kunming for the Expo" places a meeting in Kunming
            return {"country": "CHN", "province": None, "province_code": None, "city": None, "city_code": None,
                    "source": "text"}, [{"kind": "country", "name": "China", "code": "CHN"}]
        return {}, []
    after = [p for p in cands if p.start >= trigger.start]
    chosen = (after or cands)[0]
    # "arrived in Guiyang ... for a five-day visit to Guizhou": the destination is what the visit is to
    dest = [p for p in cands if re.search(r"\b(?:visit|tour|trip)\s+(?:to|of)\s+(?:the\s+)?$",
                                          sentence[max(0, p.start - 20):p.start])]
    if dest:
        chosen = dest[0]
    # "visited Changsha and Zhangjiajie": several cities of one province are a visit to the province
    listed_cities = [p for p in (after or cands) if p.kind == "city"]
    if chosen.kind == "city" and trigger.type == "visit" and len(listed_cities) > 1:
        provs = {rules.cities.get(p.name, (None, None))[1] for p in listed_cities}
        if len(provs) == 1 and None not in provs:
            code = provs.pop()
            chosen = Place("province", rules.provinces[code], code, chosen.start, chosen.end)
    ordered = after or cands
    places = [{"kind": p.kind, "name": p.name, "code": p.code} for p in ordered]
    return place_dict(chosen, rules, "text"), places


# A news agency's dateline before the sentence's text: "BEIJING - ", "MOSCOW -- ", "WASHINGTON, Feb. 8 (Xinhua) -- ",
# "BOAO, Hainan - " (the city in capitals, then a date or province, the agency, a dash or colon)
_DATELINE = re.compile(r"(?:^|\s)(?P<city>[A-Z]{3,}(?:[ .'-][A-Z]{2,})*)(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|"
                       r"[A-Z][a-z]+))?\s*(?:\([A-Za-z ]+\))?\s*(?:--|\u2014|-|:)\s")


def dateline_here(sentence: str, trigger: Trigger, rules: Rules, dateline: str = "") -> tuple[dict, list] | None:
    """"BEIJING - Chinese Vice President Xi Jinping met here Tuesday with ...": "here" after the verb is the
    dateline's city (a city of the gazetteers or abroad), the dateline opening the sentence or given as the sentence
    before it ("WASHINGTON, Feb. 8 (Xinhua) --", which the text reads as a sentence of its own); None when there is
    no such dateline or no "here"."""
    if not trigger.end or not re.search(r"\bhere\b", sentence[trigger.start:]):
        return None
    m = _DATELINE.search(sentence[:trigger.start]) or _DATELINE.search(dateline + " ")
    if m is None:
        return None
    found = places_in(m.group("city").title(), rules)
    if not found or (found[0].kind == "country" and found[0].code == "CHN" and not found[0].abroad):
        return None
    p = found[0]
    return place_dict(p, rules, "text"), [{"kind": p.kind, "name": p.name, "code": p.code}]


def place_dict(p: Place, rules: Rules, source: str) -> dict:
    if p.kind == "country":
        return {"country": p.code, "province": None, "province_code": None, "city": None, "city_code": None,
                "source": source}
    if p.kind == "province":
        return {"country": "CHN", "province": p.name, "province_code": p.code, "city": None, "city_code": None,
                "source": source}
    code, prov = rules.cities.get(p.name, (p.code, None))
    return {"country": "CHN", "province": rules.provinces.get(prov), "province_code": prov, "city": p.name,
            "city_code": code, "source": source}


def site_place(site: str | None, rules: Rules) -> dict:
    prov, city = rules.site_places.get(site or "", (None, None))
    if not prov:
        return {}
    code = rules.cities.get(city, (None, None))[0] if city else None
    return {"country": "CHN", "province": rules.provinces.get(prov), "province_code": prov, "city": city,
            "city_code": code, "source": "site"}
