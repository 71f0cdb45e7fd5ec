"""Who met whom, as events: meetings, visits or tours, talks, calls and signings read from an article's text.

`extract(article)` is a pure function: an article (a mapping with `title`, `body`, `published`, `site`, `id`,
`language`) in, a list of event dicts out (see `Event.as_dict`). Rules over sentences, no model; English only.

1. The body is split into sentences. A sentence with an event verb outside reported speech and future or
   past-perfect phrasing is a trigger: "met with", "received", "held talks / consultations", "co-chaired",
   "held a phone call / video meeting", "spoke on the phone", "signed an agreement", "attended the signing
   ceremony", "visited", "toured", "led a delegation to", "organized envoys to visit", "for a five-day visit to",
   "During his visit to X ...", "held a ... meeting" between two named parties, a delegation's or a province's
   event abroad. The first verb gives the type; at the same place a call wins ("held video talks").
2. A trigger with a date of its own ("On March 21", "From December 15 to 17", "on May 12 and 13", "On the
   morning of the 26th", "on Thursday", resolved against the publication date; "a five-day visit" gives the
   end) and a counterpart (a foreign country, place or person, envoys, or a second Chinese side) opens an
   event. A trigger without a date, or a dated visit inside the current visit's days, is folded into the
   current event: one row per occasion, so a tour over several days and places is one event (start and end
   date; place = where it went, the first destination named, all of them in `places`; several cities of one
   province: the province), and the meetings, talks and site visits during it join it. A dated "met with the
   delegation" inside a tour is an event of its own with the tour's counterpart. With no event open yet, an
   undated "met with", "held talks", "visited" or "signed" opens one, dated by the sentence just before if
   that sentence has a date, never from a vague past ("Last year, ... paid a state visit").
3. Every sentence from an event's trigger to the next event belongs to it: its titled persons are the
   event's participants (not those "on behalf of", "greetings from", "instructions of" someone, in a ", who
   ..." clause, nor "Xi Jinping Thought"); a bare name takes the title it has elsewhere in the article; its
   countries are those of the trigger sentence, of the foreign persons, and of the sentences saying who
   attended, joined, accompanied or took part. A sentence naming "the visit" or "the meeting" ("attended the
   meeting or accompanied the visit") also adds its persons to the event of that type.
4. Place: the province-level division and city (codes of config/mentions/) after "in", "at", "to",
   "visited" in the trigger sentence, outside the persons' titles ("the Consul General of France in Wuhan"),
   or a landmark ("at the Great Hall of the People"); abroad, the country (pycountry, or a city or region of
   config/meetings.toml [foreign_places]); during a trip abroad, the counterpart's country; else the site's
   default from config/meetings.toml (`place_source` = "site").

Countries, provinces, cities and Chinese name shapes come from pipelines/mentions.py and config/mentions/;
role heads, foreign roles and portfolios, levels, places abroad, landmarks and site defaults from
config/meetings.toml. No Scrapy, no SQLite.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from gazette_data import default_config

from . import mentions

TYPES = ("meeting", "visit", "talks", "call", "signing")
DEFAULT_CONFIG = default_config()  # the shipped config/ (meetings.toml, mentions/), also in a non-editable install

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

# ---------------------------------------------------------------------------------------------- sentences

_ABBREVIATIONS = {"Co", "Ltd", "No", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Inc", "Corp", "Gov", "Prof", "U.S",
                  "U.K", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "vs", "etc"}
_SENTENCE_END = re.compile(r"""(?<=[.!?])["')\]]?\s+(?=["(\[]?[A-Z0-9])""")


def sentences(body: str) -> list[str]:
    """The body's sentences, paragraph by paragraph (an abbreviation such as "Co." or "No." ends none)."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", body or ""):
        para = " ".join(para.split())
        start = 0
        for m in _SENTENCE_END.finditer(para):
            before = para[start:m.start()].rstrip(".!?\"')]")
            last = before.rsplit(" ", 1)[-1]
            if last in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last):
                continue
            out.append(para[start:m.start()].strip())
            start = m.end()
        if para[start:].strip():
            out.append(para[start:].strip())
    return out


# ---------------------------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DATE_PATTERNS = [
    # March 30 to April 2, 2020 / December 15 to 17, 2020 / May 12 and 13 / between March 3 and 5
    ("range", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}(?:,\s*(?P<y1>\d{{4}}))?"
                         rf"\s*(?:to|-|and|through|till|until)\s*(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}}){_ORD}\b"
                         rf"(?:,?\s*(?P<y2>\d{{4}}))?")),
    # 15 to 17 December 2020
    ("range", re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORD}\s*(?:to|-|and)\s*(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH})"
                         rf"(?:,?\s*(?P<y2>\d{{4}}))?")),
    ("single", re.compile(rf"\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}\b(?:,\s*(?P<y1>\d{{4}}))?")),
    ("single", re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>{_MONTH})(?:,?\s*(?P<y1>\d{{4}}))?")),
    # From the 25th to the 27th
    ("days", re.compile(r"\bthe (?P<d1>\d{1,2})(?:st|nd|rd|th)\s*(?:to|-|and|through|till|until)\s*(?:the )?"
                        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)\b")),
    # On the morning of the 26th / on the 26th
    ("days", re.compile(r"\bthe (?:(?:morning|afternoon|evening|night) of the )?(?P<d1>\d{1,2})(?:st|nd|rd|th)\b")),
    ("weekday", re.compile(r"\b(?:[Oo]n|[Ll]ast|[Tt]his) (?:the (?:morning|afternoon|evening) of )?"
                           r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
]


def _month(text: str) -> int:
    return _MONTHS[text.rstrip(".").lower()]


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: date) -> int:
    """The year of a month and day written without one: the publication's, or the one before when that would
    put the event more than two months after publication (a January article about December)."""
    candidate = _safe(published.year, month, day)
    if candidate is not None and candidate > published + timedelta(days=62):
        return published.year - 1
    return published.year


def _month_for_day(day: int, published: date) -> tuple[int, int]:
    """(year, month) of a day written alone ("the 26th"): the publication's month, or the month before when the
    day is after publication."""
    if day <= published.day + 1:
        return published.year, published.month
    first = published.replace(day=1) - timedelta(days=1)
    return first.year, first.month


def resolve_date(text: str, published: date | None) -> tuple[date | None, date | None, tuple[int, int] | None]:
    """The first date or span `text` states, resolved against `published`: (start, end, span in text).
    Days and months without a year take the publication's; a day alone takes its month."""
    best = None
    for kind, pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    if best is None:
        return None, None, None
    kind, m = best
    g = m.groupdict()
    if kind == "weekday":
        if published is None:
            return None, None, None
        back = (published.weekday() - _WEEKDAYS.index(g["w"].lower())) % 7
        d = published - timedelta(days=back)
        return d, d, m.span()
    if kind == "days":
        if published is None:
            return None, None, None
        d1 = int(g["d1"])
        y, mo = _month_for_day(int(g.get("d2") or d1), published)
        start = _safe(y, mo, d1)
        end = _safe(y, mo, int(g["d2"])) if g.get("d2") else start
        return start, end, m.span()
    m1 = g.get("m1") or g.get("m2")
    m2 = g.get("m2") or m1
    mo1, mo2 = _month(m1), _month(m2)
    d1 = int(g["d1"])
    d2 = int(g["d2"]) if g.get("d2") else d1
    year = g.get("y1") or g.get("y2")
    if year:
        y1 = int(g.get("y1") or g.get("y2"))
    elif published is not None:
        y1 = _year_for(mo1, d1, published)
    else:
        return None, None, None
    if kind == "single":
        d = _safe(y1, mo1, d1)
        return d, d, m.span()
    if not g.get("m2") and d2 < d1:       # "March 30 to 2" does not occur; "30 to 2 April" handled by m2
        mo2 = mo1 % 12 + 1
    y2 = y1 + 1 if mo2 < mo1 else y1
    if g.get("y2") and g.get("y1"):
        y2 = int(g["y2"])
    start, end = _safe(y1, mo1, d1), _safe(y2, mo2, d2)
    if start and end and end < start:
        end = start
    return start, end, m.span()


# ---------------------------------------------------------------------------------------------- triggers

_REPORTED = re.compile(r"\b(?:said|says|say|noted|notes|stressed|hoped|hopes|believed?|believes|pointed out|added|"
                       r"according to|expressed|recalled|looked forward|look forward|welcomes?|thanked)\b")
_NOT_NOW = re.compile(r"\b(?:will|would|to be|plans? to|planned to|upcoming|had|has|have|once|expected to|"
                      r"invited to|looking forward to)\s+(?:\w+\s+)?$")
_TRIGGERS = [
    ("call", True, re.compile(r"\b(?:held|had|made|holds|hold)\s+(?:a\s+|an\s+)?(?:phone|telephone|video|virtual|online)\s+"
                              r"(?:call|conversation|talks|meeting|conference|summit)s?\b|"
                              r"\b(?:spoke|speaks|talked|talks)\s+(?:on|over)\s+the\s+(?:phone|telephone)\b")),
    ("call", False, re.compile(r"\b(?:phone|telephone)\s+(?:call|conversation|talks)\b|"
                               r"\bvideo\s+(?:call|link|meeting|conference|talks)\b|"
                               r"\b(?:online|virtual|cloud)\s+(?:meeting|talks|conference|signing)\b|"
                               r"\bspoke\s+(?:with|to)\b.{0,80}\bby\s+(?:phone|telephone)\b")),
    ("signing", True, re.compile(r"\b(?:attended|witnessed|held|hosted)\s+(?:the\s+|a\s+)?signing\s+ceremony\b|"
                                 r"\bwitnessed\s+the\s+signing\b|(?<!were )(?<!was )(?<!been )(?<!be )\bsigned\s+(?:a|an|the|new|two|three|four|"
                                 r"five|several|\d+|cooperation|friendly|friendship|sister|memorand|agreements?|"
                                 r"letters?|MoUs?|contracts?)\b|\bsigned\s+on\s+behalf\b")),
    ("talks", True, re.compile(r"\b(?:held|hold|holds|had)\s+(?:\w+\s+)?(?:talks|consultations?)\b|"
                               r"\bco-chaired\b.{0,60}?\b(?:consultations?|talks|dialogue)\b")),
    ("meeting", True, re.compile(r"\bco-chaired\b.{0,80}?\b(?:[Mm]eeting|[Ss]ummit|[Cc]onference|[Ss]ession|"
                                 r"[Cc]ommission|[Cc]ommittee|[Cc]ouncil)\b|"
                                 r"\b(?:held|hosted|gave|had)\s+(?:a\s+)?(?:working\s+|welcome\s+|state\s+)?"
                                 r"(?:lunch|dinner|breakfast|luncheon|banquet)\s+(?:with|for|in\s+honou?r\s+of)\b")),
    ("meeting", True, re.compile(r"(?<!were )(?<!was )(?<!been )(?<!be )\bmet\b(?!\s+(?:the\s+)?(?:needs|demands|requirements|targets?|standards?|goals?|expectations))|"
                                 r"\breceived\s+(?:a\s+|the\s+)?(?:visiting\s+|foreign\s+)?"
                                 r"(?:delegation|ambassador|consul|envoy|guests|diplomat|[A-Z][a-z])|"
                                 r"\bmeets\s+with\b|\bpaid\s+a\s+courtesy\s+call\b|"
                                 r"\breceived\s+a\s+(?:courtesy\s+)?(?:visit|call)\s+from\b")),
    ("meeting", False, re.compile(r"\b(?:held|hold|holds)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,4}?"
                                  r"(?:meeting|conference|dialogue|consultations?|exchange\s+meeting)\b|"
                                  r"\b(?:meeting|conference|dialogue)\s+(?:was|were)\s+held\b|"
                                  r"\bConference\s+was\s+held\b")),
    ("visit", True, re.compile(r"^During\s+(?:his|her|their|its|the|a)\s+(?:[\w-]+\s+){0,2}(?:visit|tour|trip)\s+to\b|"
                               r"\b[Tt]our\s+(?:was\s+)?(?:launched|kicked\s+off|began|started)\b|"
                               r"(?<!had )(?<!have )(?<!has )\bvisited\b|\btoured\b|"
                               r"\bpaid\s+(?:a|an)\s+(?:\w+\s+)?visit\b|\bon\s+an?\s+(?:\w+\s+){0,2}visit\s+to\b|"
                               r"\bled\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}delegation\b.{0,60}?\bto\b|"
                               r"\b(?:organized|organised|invited)\b.{0,120}?\bto\s+visit\b|"
                               r"\bvisits\s+(?=[A-Z])|\bwere\s+on\s+a\s+(?:\w+\s+)?tour\b")),
    ("visit", True, re.compile(r"\bfor\s+an?\s+(?:[\w-]+\s+){0,3}(?:visit|tour|trip)\s+to\b|"
                               r"\barrived\s+in\b.{0,80}?\b(?:visit|tour)\b")),
    # a delegation's or a province's event abroad is a visit there (checked: the place must be abroad)
    ("visit", False, re.compile(r"\bdelegation\s+(?:held|hosted|attended|took\s+part)\b|"
                                r"\b(?:held|hosted|staged|organized|organised)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,5}?"
                                r"(?:event|conference|forum|fair|exhibition|week|seminar|roadshow|symposium|promotion)s?\b")),
]
_DAYS = re.compile(r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)-day\s+(?:[\w-]+\s+){0,2}"
                   r"(?:visit|tour|trip|stay|mission)\b")
_VAGUE_TIME = re.compile(r"\b(?:[Ll]ast|[Pp]ast|[Pp]revious|[Ee]arlier|[Nn]ext|[Cc]oming)\s+(?:year|month|week|years|months|"
                         r"decades?)\b|\b(?:first|second|third|fourth)\s+(?:quarter|half)\b|\bthis\s+year\b|\b[Ii]n\s+(?:19|20)\d\d\b|\bago\b|\b[Ss]ince\b|\b[Oo]nce\b|\b[Ee]very\b")
# A meeting noun ("held a meeting") is an event only between two parties: "A and B held ...", "the A-B ...".
_TWO_PARTIES = re.compile(r"\band\b.{1,80}?\b(?:held|hold|holds)\b|\b[A-Z][a-z]+-[A-Z][a-z]+\b")
_NOT_MEETING = re.compile(r"\b(?:chaired|chairs|presided over|presides over|organizing committee|"
                          r"organising committee|working meeting|work meeting|executive meeting|"
                          r"standing committee meeting|press conference)\b", re.I)


@dataclass
class Trigger:
    type: str
    strong: bool
    start: int
    end: int


_ANY_VERB = re.compile(r"\b(?:met|meets|received|visit\w*|toured|tour|talks|signed|phone|telephone|video|online|"
                       r"virtual|cloud|spoke|meeting|conference|Conference|dialogue|consultations?|delegation|"
                       r"courtesy|arrived|During|lunch|dinner|breakfast|luncheon|banquet|[Tt]our|signing|co-chaired|events?|forums?|fairs?|exhibitions?|week|seminars?|roadshows?|symposiums?|"
                       r"promotions?|trip)\b")


def find_trigger(sentence: str) -> Trigger | None:
    """The sentence's first event verb outside reported speech and future or past-perfect phrasing."""
    if not _ANY_VERB.search(sentence):
        return None
    found = []
    for type_, strong, pattern in _TRIGGERS:
        for m in pattern.finditer(sentence):
            before = sentence[:m.start()]
            if _REPORTED.search(before) or _NOT_NOW.search(before):
                continue
            if type_ == "meeting" and not strong and (_NOT_MEETING.search(sentence)
                                                      or not _TWO_PARTIES.search(sentence)):
                continue
            found.append(Trigger(type_, strong, m.start(), m.end()))
            break
    if not found:
        return None
    # The first verb wins ("held talks ..., and the two sides signed agreements" is talks); at the same place a
    # call wins ("held video talks"); "via video link" only says how the verb's occasion was held.
    order = {"call": 0, "signing": 1, "talks": 2, "meeting": 3, "visit": 4}
    found.sort(key=lambda t: (t.start, order[t.type]))
    strong = [t for t in found if t.strong]
    first = found[0]
    if first.type == "call" and not first.strong:
        return strong[0] if strong else None
    if first.type in ("meeting", "talks"):
        near = [t for t in found if t.type == "call" and 0 <= t.start - first.end < 40]
        if near:
            return Trigger("call", True, first.start, near[0].end)
    return first


# ---------------------------------------------------------------------------------------------- data

@dataclass(frozen=True)
class Rules:
    tagger: object
    site_places: dict                 # site key -> (province code, city name or None)
    skip_titles: re.Pattern | None
    heads: re.Pattern                  # role heads, longest first
    foreign_roles: re.Pattern
    portfolio: frozenset
    levels: tuple                     # ((level, (words...)), ...)
    provinces: dict                   # code -> name
    province_names: dict              # name -> code
    cities: dict                      # name -> (code, province code)
    country_names: dict               # alpha-3 -> display name
    unnamed_title: re.Pattern         # "Governor of Guangdong Province"
    place_title: re.Pattern           # "Guangdong Governor"
    chinese_places: frozenset
    level_patterns: tuple             # ((level, compiled words), ...)
    foreign_places: re.Pattern | None  # places abroad of [foreign_places]
    foreign_place_codes: dict          # their name -> alpha-3
    chinese_long_title: re.Pattern     # "Director of the Office of the Central Foreign Affairs Commission Wang Yi"
    chinese_envoy: re.Pattern          # "Chinese Ambassador to Zambia Du Xiaohui"
    landmarks: re.Pattern | None       # "the Great Hall of the People"
    landmark_codes: dict               # landmark -> province code
    surnames: frozenset


def _load_toml(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=8)
def load(config_dir: str | None = None) -> Rules:
    """The rules for a config directory (its meetings.toml and mentions/; the project's own when absent)."""
    directory = Path(config_dir) if config_dir else DEFAULT_CONFIG
    path = directory / "meetings.toml"
    if not path.exists():
        path = DEFAULT_CONFIG / "meetings.toml"
    cfg = _load_toml(path)
    tagger = mentions.load(config_dir)
    mentions_dir = directory / "mentions" if (directory / "mentions" / "countries.toml").exists() \
        else DEFAULT_CONFIG / "mentions"
    prov = _load_toml(mentions_dir / "provinces.toml")["provinces"]
    cities = _load_toml(mentions_dir / "cities.toml")["cities"]
    provinces = {code: entry["name"] for code, entry in prov.items()}
    sites = {key: (v.get("province"), v.get("city")) for key, v in cfg.get("sites", {}).items()}
    skip = cfg.get("articles", {}).get("skip_titles", [])
    heads = sorted(cfg["roles"]["heads"], key=len, reverse=True)
    foreign = sorted(cfg["roles"]["foreign"], key=len, reverse=True)
    country_names = {}
    for hit in tagger.lookup.values():
        if hit and hit[0] == "country":
            country_names[hit[2]] = hit[1]
    names = "|".join(sorted((re.escape(n) for n in [*provinces.values(), *cities]), key=len, reverse=True))
    abroad = {" ".join(k.split()): v for k, v in cfg.get("foreign_places", {}).items()}
    landmarks = dict(cfg.get("landmarks", {}))
    iso = set(country_names)
    for name, code in abroad.items():
        if code not in iso:
            raise ValueError(f"meetings.toml: [foreign_places] {name} = {code}: not a country code of the gazetteer")
    surnames = mentions._trie_regex(_load_toml(mentions_dir / "officials.toml")["surnames"])
    levels = tuple((lvl, tuple(words)) for lvl, words in cfg["levels"].items())
    return Rules(
        foreign_places=re.compile(r"(?<![\w-])(?:" + mentions._trie_regex(abroad) + r")(?![\w-])") if abroad else None,
        foreign_place_codes=abroad,
        chinese_long_title=re.compile(
            r"(?P<title>(?:(?:Deputy|Vice|Executive)\s+)?(?:Director|Head|Minister|Chairman|Chairwoman|President|"
            r"Secretary|Member|Director-General|Party\s+Secretary|Special\s+Representative|Special\s+Envoy)\s+"
            r"(?:of|on|for)\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*|of|and|the|for|on)\s+){1,12}?)"
            r"(?P<name>(?:" + surnames + r")\s[A-Z][a-z]{1,11})(?![\w-])"),
        chinese_envoy=re.compile(
            r"(?P<title>(?:Chinese\s+)?(?:Ambassador|Consul\s+General|Consul)\s+(?:to|in)\s+(?:the\s+)?"
            r"(?:[A-Z][\w'-]*\s+){1,4}?)(?P<name>(?:" + surnames + r")\s[A-Z][a-z]{1,11})(?![\w-])"),
        landmarks=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(landmarks, key=len, reverse=True))
                             + r")(?![\w-])") if landmarks else None,
        landmark_codes=landmarks,
        surnames=frozenset(_load_toml(mentions_dir / "officials.toml")["surnames"]),
        unnamed_title=re.compile(_UNNAMED_CN.format(places=names)),
        place_title=re.compile(r"(?P<place>" + names + r")\s+(?P<title>(?:Executive\s+)?(?:Vice\s+)?(?:Governor|Mayor))"
                               r"\b(?!\s+[A-Z][a-z]+ [A-Z][a-z]+)"),
        chinese_places=frozenset([*provinces.values(), *cities]),
        level_patterns=tuple((lvl, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])",
                                              re.I)) for lvl, words in levels),
        tagger=tagger, site_places=sites,
        skip_titles=re.compile("|".join(skip), re.I) if skip else None,
        heads=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])", re.I),
        foreign_roles=re.compile(r"(?<![\w-])(?:" + "|".join(f"[{h[0]}{h[0].lower()}]" + re.escape(h[1:])
                                                             for h in foreign) + r")(?![\w-])"),
        portfolio=frozenset(cfg["roles"].get("portfolio", [])),
        levels=levels,
        provinces=provinces, province_names={v: k for k, v in provinces.items()},
        cities={name: (e["code"], e["province"]) for name, e in cities.items()},
        country_names=country_names)


def role_head(title: str | None, rules: Rules | None = None) -> str | None:
    """A title's head: the last role head it contains, lower case ("Member of the Political Bureau ... and
    Foreign Minister" -> "foreign minister"); the title itself, lower case, when it has none."""
    if not title:
        return None
    rules = rules or load()
    heads = [m.group().lower() for m in rules.heads.finditer(title)]
    if not heads:
        return " ".join(title.lower().split())
    head = heads[-1]
    return {"delegation head": "head of the delegation", "secretary general": "secretary-general"}.get(head, head)


# ---------------------------------------------------------------------------------------------- places

@dataclass
class Place:
    kind: str            # country | province | city
    name: str
    code: str
    start: int
    end: int
    abroad: bool = False  # a place abroad of config/meetings.toml [foreign_places] (kind country, code its country's)


def places_in(text: str, rules: Rules) -> list[Place]:
    """Countries, provinces and cities (config/mentions/) and places abroad (config/meetings.toml) in `text`."""
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


def _is_compound(text: str, p: Place) -> bool:
    """"China-Laos Railway", "Albania-China relations": a country in a compound with China names no party."""
    before, after = text[max(0, p.start - 8):p.start], text[p.end:p.end + 8]
    if re.match(r"-(?:China|Chinese)(?:\s+[A-Z][\w-]*){0,2}\s+(?:Association|Society|Chamber|Council|Federation|"
                r"Foundation|Committee|Group|Club)\b", text[p.end:p.end + 60]):
        return False            # "the Japan-China Friendship Association": a body of that country
    return bool(re.search(r"(?:China|Chinese)-$", before) or re.match(r"-(?:China|Chinese)\b", after)
                or (after.startswith("-") and re.search(r"\w-$", before) is None and p.kind == "country"
                    and re.match(r"-[A-Z]", after) and "China" in text[p.end:p.end + 20]))


_PLACE_LEAD = re.compile(r"(?:\b(?:in|at|to|visited|visit|visiting|toured|tour|inspected)\s+(?:the\s+)?"
                         r"(?:(?:western|eastern|northern|southern|central)\s+)?)$")


# ---------------------------------------------------------------------------------------------- persons

@dataclass
class Person:
    side: str                  # chinese | foreign
    name: str | None
    title: str | None
    country: str | None = None  # alpha-3 for the foreign side
    level: str | None = None
    body: str | None = None
    start: int = 0
    end: int = 0
    province: str | None = None  # code of a province named in a Chinese title
    city: str | None = None


_CHIEF_EXECUTIVE = re.compile(r"(?P<title>(?:Hong\s+Kong|Macao|Macau)(?:\s+SAR|\s+Special\s+Administrative\s+Region)?"
                              r"\s+Chief\s+Executive|Chief\s+Executive\s+of\s+(?:the\s+)?(?:Hong\s+Kong|Macao|Macau)"
                              r"(?:\s+SAR|\s+Special\s+Administrative\s+Region)?)"
                              r"\s+(?P<name>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){1,2})(?![\w-])")
_PLACE_WORDS = {"Province", "Prefecture", "City", "County", "Region", "State", "District", "Oblast", "Municipality",
                "Republic", "Kingdom", "Island", "Islands", "Government", "Parliament", "Council", "Assembly"}
# "instructions of", "on behalf of", "greetings from": someone named, not there ("a visit from X": there)
_EXCLUDE_BEFORE = re.compile(r"(?:\b(?:of|behalf\s+of|(?:greetings|regards|message|letter|congratulations|wishes)\s+"
                             r"from)\s+(?:Comrade\s+)?|\bComrade\s+)$")
_EXCLUDE_AFTER = re.compile(r"^(?:'s)?\s+(?:Thought|as\s+the\s+core)\b")
_FOREIGN_NAME = re.compile(r"(?:,\s+|\s+)(?P<name>(?:(?!(?:In|On|At|And|With|To|For|Of|The|His|Her|Their|During|"
                           r"Visits|Meets|Met)\b)[A-Z][\w'çşğüöéèáíóúñãõâêôàìòùäëïøåæ-]+\s?"
                           r"(?:(?:bin|bint|al|el|de|da|van|von|der|den|du|dos|das|di|la|le)\s(?=[A-Z]))?){1,5})")
_LEADERS = re.compile(r"(?P<title>(?:[A-Z][a-z]+\s+)?(?:provincial|municipal|city|Provincial|Municipal)\s+leaders)\s+"
                      r"(?P<names>[A-Z][a-z]+ [A-Z][a-z]+(?:,\s+(?:and\s+)?[A-Z][a-z]+ [A-Z][a-z]+)*)")
_UNNAMED_CN = r"(?P<title>(?:Executive\s+)?(?:Vice\s+)?(?:Governor|Mayor|Party\s+Secretary))\s+of\s+(?:the\s+)?" \
              r"(?P<place>{places})(?:\s+(?:Province|Municipality|City))?"
_ORG_ROLE = re.compile(r"(?P<role>Secretary-General|Secretary General|Director-General|Director General|"
                       r"Permanent Representative|Special Representative|Special Envoy|Chairperson|Commissioner)\s+of\s+"
                       r"(?:the\s+)?(?P<org>(?:[A-Z][\w-]*\s+)*?(?:Organization|Organisation|Union|Bank|Fund|Forum|"
                       r"Association|Council|Secretariat|Nations|Institute|Agency))")
# "Denis Pasler, Governor of ...", "Yves Rossier, former Swiss ambassador": a name just before a role
_NAME_BEFORE = re.compile(r"(?P<name>(?:[A-Z][\w'çşğüöéèáíóúñãõâêôàìòùäëïøåæ-]+\s){1,3}?[A-Z][\w'çşğüöéèáíóúñãõâêôàìòùäëïøåæ-]+)"
                          r",\s+(?:the\s+)?(?:(?:former|then|new|outgoing|incoming|visiting)\s+)?$")
_DELEGATION_HEAD = re.compile(r"\b(?:[Tt]he\s+)?(?:head|leader)\s+of\s+the\s+delegation\b")


def _valid_chinese(name: str) -> bool:
    parts = name.split(" ", 1)
    return len(parts) == 2 and mentions._GIVEN_NAME.fullmatch(parts[1]) is not None


_MUNICIPALITIES = {"CN-BJ", "CN-SH", "CN-TJ", "CN-CQ"}


def _level(title: str, rules: Rules) -> str | None:
    """national, provincial or municipal from the title's words, else from the place it names."""
    for level, pattern in rules.level_patterns:
        if pattern.search(title):
            return level
    for p in places_in(title, rules):
        if p.kind == "province":
            return "municipal" if p.code in _MUNICIPALITIES else "provincial"
        if p.kind == "city":
            return "municipal"
    return None


def _site_level(site: str | None, rules: Rules) -> str:
    prov, city = rules.site_places.get(site or "", (None, None))
    if city or prov in _MUNICIPALITIES:
        return "municipal"
    return "provincial" if prov else "national"


def _chinese_place(text: str, rules: Rules) -> tuple[str | None, str | None]:
    """(province code, city name) named in a title."""
    for p in places_in(text, rules):
        if p.kind == "province":
            return p.code, None
        if p.kind == "city":
            return rules.cities.get(p.name, (None, None))[1], p.name
    return None, None


def _body(title: str, level: str | None, province: str | None, city: str | None, rules: Rules) -> str | None:
    low = title.lower()
    pname = rules.provinces.get(province) if province else None
    if "foreign minister" in low or "spokesperson" in low:
        return "Ministry of Foreign Affairs"
    if re.search(r"party|committee|secretary", low) and level == "provincial" and pname:
        return f"CPC {pname} Provincial Committee"
    if re.search(r"party|committee|secretary", low) and level == "municipal" and city:
        return f"CPC {city} Municipal Committee"
    if level == "provincial" and pname:
        return f"{pname} Provincial People's Government"
    if level == "municipal" and (city or pname):
        return f"{city or pname} Municipal People's Government"
    if level == "national" and "state council" in low:
        return "State Council"
    return None


def _portfolio(rest: str, rules: Rules) -> int:
    """How much of `rest` (" of Investment, Trade and Industry and his ...") is a minister's portfolio."""
    m = re.match(r"\s+(?:of|for)\s+(?:the\s+)?", rest)
    first = re.match(r"[A-Z][a-z]+", rest[m.end():]) if m else None
    if not first or first.group() not in rules.portfolio:
        return 0
    pos = end = m.end() + first.end()
    while True:
        tok = re.match(r"(?:,\s+|,?\s+and\s+|\s+)([A-Z][a-z]+)", rest[pos:])
        if not tok or tok.group(1) not in rules.portfolio:
            return end
        pos = end = pos + tok.end()


def persons_in(text: str, rules: Rules, *, unnamed: bool = True) -> list[Person]:
    """The titled persons a sentence names, in order: Chinese officials (title and name, "name, title,"),
    provincial leaders listed by name, foreign persons whose role names a country ("the Ambassador of Brazil to
    China", "Albanian Foreign Minister Igli Hasani", "Malaysia's Minister of ..."), heads of international
    organisations; with `unnamed`, also Chinese officials by title alone ("Governor of Guangdong Province")."""
    found: list[Person] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(p: Person) -> None:
        before, after = text[:p.start], text[p.end:]
        who = before.rfind(", who ")
        if who >= 0 and "," not in before[who + 6:]:
            # "..., who accompanied President Lula on his state visit": not at this occasion
            taken.append((p.start, p.end))
            return
        if _EXCLUDE_BEFORE.search(before) or _EXCLUDE_AFTER.search(after):
            taken.append((p.start, p.end))
            return
        taken.append((p.start, p.end))
        found.append(p)

    title_before, name_title, amb_before, amb_after = rules.tagger.officials
    for pattern, shape in ((amb_before, "amb"), (amb_after, "amb"), (title_before, "cn"), (name_title, "cn")):
        for m in pattern.finditer(text):
            a, b = m.span()
            if not free(a, b):
                continue
            name = " ".join(m.group("name").split())
            title = " ".join(m.group("title").split()).rstrip(" ,")
            if shape == "cn":
                if not _valid_chinese(name):
                    continue
                if m.group("title").lower().startswith(("ambassador", "consul")):
                    # a Chinese ambassador abroad is still the Chinese side
                    pass
                level = _level(title, rules)
                prov, city = _chinese_place(title, rules)
                add(Person("chinese", name, title, level=level, start=a, end=b, province=prov, city=city))
            else:
                country = next((p.code for p in places_in(title, rules) if p.kind == "country"), None)
                if country in (None, "CHN"):
                    continue
                add(Person("foreign", name, title, country=country, start=a, end=b))
    for m in rules.chinese_envoy.finditer(text):
        if free(*m.span()) and _valid_chinese(m.group("name")):
            title = " ".join(m.group("title").split())
            add(Person("chinese", m.group("name"), title, level="national", start=m.start(), end=m.end()))
    for m in _CHIEF_EXECUTIVE.finditer(text):
        if free(*m.span()):
            title = " ".join(m.group("title").split())
            code = "CN-HK" if "Hong Kong" in title else "CN-MO"
            add(Person("chinese", m.group("name"), title, level="provincial", start=m.start(), end=m.end(), province=code))
    for m in rules.chinese_long_title.finditer(text):
        name = m.group("name")
        if free(*m.span()) and _valid_chinese(name):
            title = " ".join(m.group("title").split())
            prov, city = _chinese_place(title, rules)
            add(Person("chinese", name, title, level=_level(title, rules), start=m.start(), end=m.end(),
                       province=prov, city=city))
    for m in _LEADERS.finditer(text):
        title = m.group("title")[:-1]  # leaders -> leader
        level = "municipal" if re.search(r"municipal|city", title, re.I) else "provincial"
        prov, city = _chinese_place(title, rules)
        pos = m.start("names")
        for n in re.split(r",\s+(?:and\s+)?", m.group("names")):
            at = text.index(n, pos)
            pos = at + len(n)
            if _valid_chinese(n) and free(at, pos):
                add(Person("chinese", n, title, level=level, start=at, end=pos, province=prov, city=city))
    for m in _ORG_ROLE.finditer(text):
        if free(*m.span()):
            name, start, end = None, m.start(), m.end()
            role = f"{m.group('role')} of the {m.group('org')}"
            tail = re.match(r"\s+to\s+China\b", text[end:])
            if tail:
                end, role = end + tail.end(), role + " to China"
            nm = _FOREIGN_NAME.match(text[end:])
            before = _NAME_BEFORE.search(text[:start])
            if nm and not re.match(r"\s*,?\s*(?:and|in|on|at|to)\b", text[end:]):
                name, end = nm.group("name").strip(), end + nm.end()
            elif before and not _valid_chinese(before.group("name")) and not places_in(before.group("name"), rules):
                name, start = before.group("name"), before.start("name")
            add(Person("foreign", name, role, None, start=start, end=end))
    # foreign roles with a country before ("Albanian", "Malaysia's") or after ("of Brazil")
    country_spans = [p for p in places_in(text, rules) if p.kind == "country" and p.code != "CHN"]
    sole = sorted({p.code for p in country_spans if not _is_compound(text, p)})
    chinese_places = rules.chinese_places
    roles = list(rules.foreign_roles.finditer(text))
    carry = None          # "Lao Deputy Prime Minister and Foreign Minister NAME": one person, two roles
    for m in roles:
        a, b = m.span()
        if not free(a, b):
            continue
        country, start = None, a
        for p in country_spans:
            if re.fullmatch(r"(?:'s)?\s+", text[p.end:a]):
                country, start = p.code, p.start
        if carry is not None and carry[0] == a:
            country, start = country or carry[1], carry[2]
        carry = None
        end = b
        rest = text[b:]
        of = re.match(r"\s+of\s+(?:the\s+)?", rest)
        at_of = next((p for p in country_spans if of and p.start == b + of.end()), None)
        if at_of is not None:
            country, end = at_of.code, at_of.end
            tail = re.match(r"(?:'s\s+(?:[A-Z][\w-]*\s+){0,3}(?:Region|Province|State|Prefecture|County|Oblast|City)"
                            r"|\s+(?:Prefecture|Province|Region|County|State|Oblast|Krai|City)\b"
                            r"|\s+to\s+China|\s+to\s+the\s+People's\s+Republic\s+of\s+China)", text[end:])
            if tail:
                end += tail.end()
        elif m.group().endswith(("Minister", "Secretary")) and _portfolio(rest, rules):
            # "Minister of Investment, Trade and Industry": a portfolio, not a place
            end = b + _portfolio(rest, rules)
        else:
            # "Vice Chairman of the National Assembly of Vietnam": a body of a country
            body = re.match(r"\s+of\s+the\s+(?:[A-Z][\w'-]*\s+){1,5}of\s+(?:the\s+)?", rest)
            at_body = next((p for p in country_spans if body and p.start == b + body.end()), None)
            if at_body is not None:
                country, end = at_body.code, at_body.end
        # "Consul General of France in Wuhan": the city belongs to the role
        tail = re.match(r"\s+in\s+(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", text[end:])
        if tail and "Consul" in m.group():
            known_place = next((p for p in places_in(tail.group("place"), rules) if p.start == 0), None)
            if known_place is not None:
                end += tail.start("place") + known_place.end
            elif not re.match(r"\s+in\s+[A-Z][\w'-]+\s+[A-Z]", text[end:]):
                end += tail.end()
        joined = re.match(r"\s+and\s+", text[end:])
        if joined and any(r.start() == end + joined.end() for r in roles):
            carry = (end + joined.end(), country, start)
            continue
        name, role_end = None, end
        nm = _FOREIGN_NAME.match(text[end:])
        if nm and not re.match(r"\s*,?\s*(?:and|in|on|at|to)\b", text[end:]):
            candidate = nm.group("name").strip()
            if not places_in(candidate, rules) and candidate.split()[0] not in _PLACE_WORDS:
                name, end = candidate, end + nm.end()
        if name is None:
            # "Denis Pasler, Governor of Russia's Sverdlovsk Region"
            before = _NAME_BEFORE.search(text[:start])
            if before and not _valid_chinese(before.group("name")) and not places_in(before.group("name"), rules):
                name, start_name = before.group("name"), before.start("name")
            else:
                start_name = start
        else:
            start_name = start
        if country is None:
            # "Fukuoka Mayor Soichiro Takashima", "led by Governor Erkinjon Turdimov": a role of a foreign-looking
            # person whose country is the one foreign country the sentence names
            lead = re.search(r"([A-Z][\w'-]+)\s+$", text[:a])
            foreign_lead = lead is None or lead.group(1) not in chinese_places
            if len(sole) == 1 and name and not _valid_chinese(name) and foreign_lead and \
                    not (lead and lead.group(1) in ("Chinese", "China")):
                country = sole[0]
            else:
                continue
        role = text[start:role_end]
        role = re.sub(r"^(?:[Tt]he)\s+", "", role).strip()
        add(Person("foreign", name, role, country=country, start=min(start, start_name), end=end))
    if unnamed:
        for m in rules.unnamed_title.finditer(text):
            if not free(*m.span()):
                continue
            after = text[m.end():]
            if re.match(r"\s+[A-Z][a-z]+ [A-Z][a-z]+", after):
                continue
            title = " ".join(m.group().split())
            level = _level(title, rules)
            prov, city = _chinese_place(title, rules)
            add(Person("chinese", None, title, level=level, start=m.start(), end=m.end(), province=prov, city=city))
        for m in rules.place_title.finditer(text):
            if free(*m.span()) and text[m.end():m.end() + 1] != "'":
                title = " ".join(m.group().split())
                prov, city = _chinese_place(title, rules)
                add(Person("chinese", None, title, level=_level(title, rules), start=m.start(), end=m.end(),
                           province=prov, city=city))
    found.sort(key=lambda p: p.start)
    return found


# ---------------------------------------------------------------------------------------------- events

_PARTICIPATION = re.compile(r"\b(?:attended|attend|attends|took\s+part|take\s+part|participated|were\s+present|"
                            r"was\s+present|joined|accompanied|accompanying|included|including|met|visited|toured|"
                            r"held\s+talks|were\s+received|was\s+received)\b")
_GROUP = re.compile(r"(?:[Dd]iplomatic\s+envoys|[Ee]nvoys|[Dd]iplomats|[Cc]onsuls\s+general|[Cc]onsular\s+"
                    r"(?:corps|officials)|[Dd]iplomatic\s+corps|[Aa]mbassadors|[Dd]elegation|[Oo]fficials|"
                    r"[Rr]epresentatives|[Bb]usiness\s+(?:leaders|people)|[Gg]uests|[Jj]ournalists|[Ss]tudents|"
                    r"[Ee]xperts|[Ee]ntrepreneurs|[Cc]ity|[Pp]refecture|[Rr]egion|[Mm]inistry|[Gg]overnment|[Mm]ission)")
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                       "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                       .split())}
_COUNT = re.compile(r"\b(?:of|from)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+|some\s+)?(?P<n>\d+|"
                    + "|".join(_NUMBERS) + r")\s+(?:[A-Z][\w-]*\s+)*(?:countries|nations)\b", re.I)
_BACKREF = re.compile(r"\bthe\s+(meeting|visit|tour|talks|call|signing|trip|conference|activities)\b")
_BACKREF_TYPE = {"meeting": "meeting", "conference": "meeting", "visit": "visit", "tour": "visit", "trip": "visit",
                 "talks": "talks", "call": "call", "signing": "signing"}
_ENVOYS = re.compile(r"\b(?:[Dd]iplomatic\s+envoys|[Ee]nvoys|[Aa]mbassadors|[Dd]iplomats|[Cc]onsuls[\s-]+general|"
                     r"[Cc]onsular\s+(?:corps|officials)|[Dd]iplomatic\s+corps|[Ff]oreign\s+(?:guests|delegation)s?)\b")
_VISITORS = re.compile(r"\b(?:the|this|that)\s+(?:visiting\s+|foreign\s+)?(?:delegation|envoys|diplomats|guests|group|"
                       r"consuls\s+general|ambassadors|diplomatic\s+corps|visitors)\b|\b(?:them|him|her)\b")
_DELEGATION_FROM = re.compile(r"\bdelegation\s+(?:from|of)\s+(?:the\s+)?(?P<place>[A-Z][\w' -]+?)(?:\s+Province)?\s+to\b")


@dataclass
class Event:
    type: str
    date_start: date | None
    date_end: date | None
    sentence: str
    trigger_sentence_index: int
    place: dict = field(default_factory=dict)
    places: list = field(default_factory=list)
    persons: list = field(default_factory=list)
    countries: list = field(default_factory=list)    # alpha-3, in order found
    group_description: str | None = None
    group_number: int | None = None
    visitors_foreign: bool = False
    trigger_start: int = 0
    inherit: "Event | None" = None
    pronoun_of: "Event | None" = None

    def add_person(self, p: Person) -> None:
        for q in self.persons:
            if q.side != p.side:
                continue
            if p.name and q.name and (p.name == q.name or q.name.endswith(" " + p.name)
                                      or p.name.endswith(" " + q.name)):
                if p.name.endswith(" " + q.name):
                    q.name = p.name
                return
            if p.name is None and q.name is None and p.country == q.country and \
                    role_head(p.title) == role_head(q.title):
                return
            if p.name is None and q.name is not None and p.country == q.country and \
                    role_head(p.title) == role_head(q.title):
                return
            if q.name is None and p.name is not None and p.country == q.country and \
                    role_head(p.title) == role_head(q.title):
                q.name = p.name
                return
        self.persons.append(p)

    def add_country(self, code: str | None) -> None:
        if code and code != "CHN" and code not in self.countries:
            self.countries.append(code)

    def as_dict(self, article_id: str | None, seq: int, rules: Rules) -> dict:
        names = [rules.country_names.get(c, c) for c in self.countries]
        person_countries = {p.country for p in self.persons if p.side == "foreign"}
        uncovered = [c for c in self.countries if c not in person_countries]
        group = None
        if self.group_description or self.group_number or uncovered:
            group = {"description": self.group_description, "countries": list(self.countries),
                     "number": self.group_number}
        return {
            "article_id": article_id, "seq": seq, "type": self.type,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": (self.date_end or self.date_start).isoformat() if self.date_start else None,
            "place": self.place,
            "places": self.places,
            "chinese": [{"name": p.name, "title": p.title, "role_head": role_head(p.title, rules), "level": p.level,
                         "body": p.body} for p in self.persons if p.side == "chinese"],
            "foreign": [{"name": p.name, "role": p.title, "role_head": role_head(p.title, rules), "country": p.country,
                         "country_name": rules.country_names.get(p.country) if p.country else None}
                        for p in self.persons if p.side == "foreign"],
            "group": group,
            "countries": list(self.countries),
            "country_names": names,
            "sentence": self.sentence,
        }


def _group_phrase(sentence: str, trigger_start: int, rules: Rules) -> str | None:
    """The foreign group a trigger sentence names, as written ("Diplomatic envoys and diplomats of 12 Eurasian
    countries", "a delegation of Cambodian provincial officials"), or None when its group is not foreign."""
    for g in _GROUP.finditer(sentence):
        stops = [m.start() for m in re.finditer(r",\s+(?!(?:and\s+)?[A-Z])|,?\s+including\b|\s(?:in|on|at)\s|"
                                                 r"\s+to\s+visit\b", sentence[g.end():])]
        end = g.end() + (min(stops) if stops else len(sentence) - g.end())
        if g.start() <= trigger_start < end:
            end = trigger_start
        phrase = sentence[g.start():end].strip(" ,.")
        foreign = [p for p in places_in(phrase, rules) if p.kind == "country" and p.code != "CHN"]
        if foreign or _ENVOYS.search(phrase) or _COUNT.search(phrase):
            return phrase
    return None


def _published(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _place_of(sentence: str, trigger: Trigger, persons: list[Person], rules: Rules) -> tuple[dict, list]:
    """Where the trigger sentence puts the event: the first place after "in", "at", "to", "visited" (after the
    verb, else before it), outside persons' titles; all such places in order as `places`."""
    masked = [(p.start, p.end) for p in persons]
    cands = []
    for p in places_in(sentence, rules):
        if any(a <= p.start < b for a, b in masked) or _is_compound(sentence, p):
            continue
        if p.kind == "country" and p.code == "CHN":
            continue
        lead = _PLACE_LEAD.search(sentence[max(0, p.start - 40):p.start]) or (
            p.kind == "country" and re.search(r"\bin\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?,\s+$",
                                              sentence[max(0, p.start - 40):p.start]))
        listed = re.search(r"(?:,|\band)\s+$", sentence[max(0, p.start - 6):p.start])
        if lead or (listed and cands and sentence[cands[-1].end:p.start].count(" ") <= 2):
            # a place named inside a foreign body ("Japan's Osaka Prefecture") is where the counterpart is from
            if re.match(r"'s\s", sentence[p.end:p.end + 3]):
                continue
            cands.append(p)
    if not cands and rules.landmarks is not None:
        mark = next((m for m in rules.landmarks.finditer(sentence)
                     if re.search(r"\bat\s+(?:the\s+)?$", sentence[max(0, m.start() - 8):m.start()])), None)
        if mark is not None:
            code = rules.landmark_codes[mark.group()]
            return ({"country": "CHN", "province": rules.provinces.get(code), "province_code": code, "city": None,
                     "city_code": None, "source": "text"}, [{"kind": "landmark", "name": mark.group(), "code": code}])
    if not cands:
        return {}, []
    after = [p for p in cands if p.start >= trigger.start]
    chosen = (after or cands)[0]
    # "arrived in Guiyang ... for a five-day visit to Guizhou": the destination is what the visit is to
    dest = [p for p in cands if re.search(r"\b(?:visit|tour|trip)\s+(?:to|of)\s+(?:the\s+)?$",
                                          sentence[max(0, p.start - 20):p.start])]
    if dest:
        chosen = dest[0]
    # "visited Changsha and Zhangjiajie": several cities of one province are a visit to the province
    listed = [p for p in (after or cands) if p.kind == "city"]
    if chosen.kind == "city" and trigger.type == "visit" and len(listed) > 1:
        provs = {rules.cities.get(p.name, (None, None))[1] for p in listed}
        if len(provs) == 1 and None not in provs:
            code = provs.pop()
            chosen = Place("province", rules.provinces[code], code, chosen.start, chosen.end)
    ordered = after or cands
    places = [{"kind": p.kind, "name": p.name, "code": p.code} for p in ordered]
    return _place_dict(chosen, rules, "text"), places


def _place_dict(p: Place, rules: Rules, source: str) -> dict:
    if p.kind == "country":
        return {"country": p.code, "province": None, "province_code": None, "city": None, "city_code": None,
                "source": source}
    if p.kind == "province":
        return {"country": "CHN", "province": p.name, "province_code": p.code, "city": None, "city_code": None,
                "source": source}
    code, prov = rules.cities.get(p.name, (p.code, None))
    return {"country": "CHN", "province": rules.provinces.get(prov), "province_code": prov, "city": p.name,
            "city_code": code, "source": source}


def _site_place(site: str | None, rules: Rules) -> dict:
    prov, city = rules.site_places.get(site or "", (None, None))
    if not prov:
        return {}
    code = rules.cities.get(city, (None, None))[0] if city else None
    return {"country": "CHN", "province": rules.provinces.get(prov), "province_code": prov, "city": city,
            "city_code": code, "source": "site"}


def _counterpart(sentence: str, trigger: Trigger, persons: list[Person], rules: Rules) -> bool:
    """Whether the trigger sentence names a second party: a foreign country or person, two Chinese officials,
    a delegation from another Chinese place, or "the A-B ..." of two places."""
    countries = [p for p in places_in(sentence, rules) if p.kind == "country" and p.code != "CHN"
                 and not _is_compound(sentence, p)]
    if countries or any(p.side == "foreign" for p in persons):
        return True
    if sum(1 for p in persons if p.side == "chinese") >= 2 and trigger.type in ("meeting", "talks", "call"):
        return True
    if re.search(r"\bdelegation\s+from\b", sentence) and trigger.type == "visit":
        return True
    if _ENVOYS.search(sentence):
        return True
    pair = re.search(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b", sentence)
    if pair:
        kinds = [rules.tagger.lookup.get(x) for x in pair.groups()]
        if all(k and k[0] in ("province", "city") for k in kinds):
            return True
    return False


def _is_tour_continuation(event: Event, start: date | None, end: date | None, trigger: Trigger) -> bool:
    if event.type != "visit" or trigger.type != "visit" or start is None or event.date_start is None:
        return False
    return event.date_start <= start and (end or start) <= (event.date_end or event.date_start)


def extract(article, config_dir: str | Path | None = None) -> list[dict]:
    """The events an article describes (see the module docstring), in order of their trigger sentences."""
    rules = load(str(config_dir) if config_dir else None)
    if (article.get("language") or "en") != "en":
        return []
    title = article.get("title") or ""
    if rules.skip_titles and rules.skip_titles.search(title):
        return []
    published = _published(article.get("published"))
    site = article.get("site")
    body = (article.get("body") or "").translate(_QUOTES)
    sents = sentences(body)
    triggers = [find_trigger(s) for s in sents]
    if not any(triggers):
        return []
    # Titles of Chinese officials anywhere in the article, so a bare name later ("Yuan Jiajun said") is known.
    known: dict[str, Person] = {}
    per_sentence = []
    for s in sents:
        ps = persons_in(s, rules)
        per_sentence.append(ps)
        home = _from_delegation(s, rules)     # "Governor Yuan Jiajun led a delegation from Zhejiang Province to ..."
        for p in ps:
            if p.side == "chinese" and p.province is None and home:
                p.province = home
            if p.side == "chinese" and p.name and p.name not in known:
                known[p.name] = p
    name_re = None
    if known:
        name_re = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True))
                             + r")(?![\w-])")

    events: list[Event] = []
    owner: list[int | None] = []       # sentence index -> event index
    for i, s in enumerate(sents):
        trig = triggers[i]
        current = events[-1] if events else None
        if trig is not None:
            start, end, _ = resolve_date(s, published)
            opens = False
            inherit = context = None
            if start is not None and not (current and _is_tour_continuation(current, start, end, trig)):
                opens = _counterpart(s, trig, per_sentence[i], rules)
                if not opens and current is not None and _VISITORS.search(s[trig.start:]):
                    # "Governor Mao Weiming met with the delegation in Changsha on September 15": the
                    # counterpart is the current visit's
                    opens, inherit = True, current
            elif current is None and trig.strong and trig.type != "call" and not _VAGUE_TIME.search(s) and (
                    per_sentence[i] or _ENVOYS.search(s) or re.search(r"\bdelegation\b", s)):
                # an undated event needs someone in it ("Foreign tourists ... visited Chongqing": no)
                opens = _counterpart(s, trig, per_sentence[i], rules)
                start = end = None
                context = None
                # "The expo opened in Changsha on June 29. Vice President Han Zheng ... met with ...": the day
                # (and place) of the sentence just before
                for j in (i - 1, i - 2):
                    if j >= 0 and triggers[j] is None:
                        start, end, _ = resolve_date(sents[j], published)
                        if start is not None:
                            context = j
                            break
            place, places = _place_of(s, trig, per_sentence[i], rules) if opens else ({}, [])
            if opens and not place and start is not None and context is not None:
                place, places = _place_of(sents[context], Trigger(trig.type, True, 0, 0), per_sentence[context], rules)
            if opens and trig.type == "visit" and not trig.strong and place.get("country") in (None, "CHN"):
                opens = False       # an event held at home is no visit
            if opens:
                subject = re.search(r"(?:^|[,;]\s+|\band\s+)(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\s+$", s[:trig.start])
                if subject and _valid_chinese(subject.group("name")) and subject.group("name").split()[0] in \
                        rules.surnames and not any(p.name == subject.group("name") for p in per_sentence[i]) and \
                        subject.group("name") not in known:
                    # "Mao Weiming held talks with ...": a Chinese name the article gives no title
                    a = subject.start("name")
                    per_sentence[i].append(Person("chinese", subject.group("name"), None, start=a,
                                                  end=a + len(subject.group("name"))))
                days = _DAYS.search(s)
                if days and start is not None and (end is None or end == start):
                    n = days.group("n")
                    n = int(n) if n.isdigit() else _NUMBERS[n]
                    end = start + timedelta(days=max(0, n - 1))
                if not place and current is not None and current.place.get("country") not in (None, "CHN"):
                    # during a trip abroad, "In Hanoi on June 26, ... met with Vietnamese Prime Minister ...":
                    # the country of the counterpart, else the trip's
                    abroad = {x.code for x in places_in(s, rules) if x.kind == "country" and x.code != "CHN"}
                    abroad |= {x.country for x in per_sentence[i] if x.side == "foreign" and x.country}
                    if len(abroad) == 1:
                        place = {"country": abroad.pop(), "province": None, "province_code": None, "city": None,
                                 "city_code": None, "source": "text"}
                    else:
                        place = dict(current.place)
                if not place:
                    place = _site_place(site, rules)
                ev = Event(trig.type, start, end, s, i, place=place, places=places, trigger_start=trig.start)
                ev.inherit = inherit
                if current is not None and re.match(r"(?:(?:In|At|On)\s[^,]{1,60},\s+)?(?:[Hh]e|[Ss]he)\s", s):
                    ev.pronoun_of = current      # "he held talks": the previous event's first named Chinese person
                if trig.type == "visit":
                    subject = s[:trig.start]
                    ev.visitors_foreign = bool([p for p in places_in(subject, rules)
                                                if p.kind == "country" and p.code != "CHN"]) or \
                        any(p.side == "foreign" and p.start < trig.start for p in per_sentence[i])
                events.append(ev)
                owner.append(len(events) - 1)
                continue
        owner.append(len(events) - 1 if events else None)

    for idx, ev in enumerate(events):
        span = [i for i, o in enumerate(owner) if o == idx]
        if ev.pronoun_of is not None:
            lead = next((x for x in ev.pronoun_of.persons if x.side == "chinese" and x.name), None)
            if lead is not None:
                ev.add_person(Person("chinese", lead.name, lead.title, level=lead.level, province=lead.province,
                                     city=lead.city))
        if ev.inherit is not None:
            for p in ev.inherit.persons:
                if p.side == "foreign":
                    ev.add_person(p)
            for c in ev.inherit.countries:
                ev.add_country(c)
            ev.group_number = ev.inherit.group_number
            ev.group_description = ev.inherit.group_description
        for i in span:
            s = sents[i]
            is_trigger = i == ev.trigger_sentence_index
            participation = is_trigger or _PARTICIPATION.search(s)
            persons = list(per_sentence[i]) if is_trigger else [p for p in per_sentence[i] if p.name or p.side == "foreign"]
            for p in persons:
                ev.add_person(p)
                if p.side == "foreign":
                    ev.add_country(p.country)
            if name_re:
                for m in name_re.finditer(s):
                    if any(p.start <= m.start() < p.end for p in per_sentence[i]):
                        continue
                    if _EXCLUDE_BEFORE.search(s[:m.start()]) or _EXCLUDE_AFTER.search(s[m.end():]):
                        continue
                    k = known[m.group()]
                    ev.add_person(Person("chinese", k.name, k.title, level=k.level, province=k.province,
                                         city=k.city))
            if participation:
                for p in places_in(s, rules):
                    if p.abroad and (not is_trigger or (ev.type != "visit" and ev.place.get("country") == p.code)):
                        continue     # "met ... in Geneva": where, not who
                    if p.kind == "country" and not _is_compound(s, p) and not any(
                            q.start <= p.start < q.end and q.side == "chinese" for q in per_sentence[i]):
                        if is_trigger or _GROUP.search(s):
                            ev.add_country(p.code)
                if is_trigger and ev.group_description is None:
                    ev.group_description = _group_phrase(s, ev.trigger_start, rules)
                c = _COUNT.search(s)
                if c and ev.group_number is None:
                    n = c.group("n").lower()
                    ev.group_number = int(n) if n.isdigit() else _NUMBERS.get(n)
            if _DELEGATION_HEAD.search(s) and ev.visitors_foreign and len(ev.countries) == 1:
                ev.add_person(Person("foreign", None, "head of the delegation", country=ev.countries[0]))
        # "... attended the meeting or accompanied the visit": persons of a later sentence join the earlier
        # event of the type it names.
    for i, s in enumerate(sents):
        o = owner[i]
        if o is None or i == events[o].trigger_sentence_index:
            continue
        for m in _BACKREF.finditer(s):
            t = _BACKREF_TYPE.get(m.group(1))
            if not t or events[o].type == t:
                continue
            target = next((e for e in reversed(events[:o]) if e.type == t), None)
            if target is None or not _PARTICIPATION.search(s):
                continue
            for p in per_sentence[i]:
                if p.name:
                    target.add_person(p)

    out = []
    for seq, ev in enumerate(events, 1):
        prov = ev.place.get("province_code")
        for p in ev.persons:
            if p.side == "chinese":
                if p.level is None:
                    p.level = (_level(p.title, rules) if p.title else None) or _site_level(site, rules)
                p.body = _body(p.title or "", p.level, p.province or _from_delegation(ev.sentence, rules)
                               or prov, p.city, rules)
        out.append(ev.as_dict(article.get("id"), seq, rules))
    return out


def _from_delegation(sentence: str, rules: Rules) -> str | None:
    m = _DELEGATION_FROM.search(sentence)
    if m:
        code = rules.province_names.get(m.group("place").strip())
        return code
    return None
