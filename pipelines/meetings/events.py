"""Events for the meetings extractor: the `Event` an article's sentences build, what it is written out as
(`Event.as_dict`), and the tests a trigger sentence must pass to open one: a counterpart (`counterpart`) and a
Chinese party or a place in China (`chinese_party`), with the sides it names but does not name persons of
(`described_sides`: "Chinese officials", "New Zealand diplomats")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..needles import gated
from .config import Rules, role_head
from .person import Person
from .places import HOST as _HOST, Place, is_compound, is_time_zone, places_in
from .triggers import HELD_OCCASION, Trigger, clause_span

PARTICIPATION = re.compile(r"\b(?:attended|attend|attends|attending|(?<=The\s)(?:consultations?|talks|meeting)\s+(?:was|were)\s+held\s+between|took\s+part|take\s+part|participated|were\s+present|"
                            r"was\s+present|joined|accompanied|accompanying|included|including|met|visited|toured|"
                            # a readout's "In a meeting with Aren B. Palik, vice president of the Federated States of
                            # Micronesia (FSM), Ding called for ...": another leader of the occasion
                            r"(?<=[Ii]n\s)(?:a|the|his|her)\s+meeting\s+with|"
                            r"held\s+talks|were\s+received|was\s+received)\b")
GROUP = re.compile(r"(?:[Dd]iplomatic\s+envoys|[Ee]nvoys|[Dd]iplomats|[Cc]onsuls\s+general|[Cc]onsular\s+"
                    r"(?:corps|officials)|[Dd]iplomatic\s+corps|[Aa]mbassadors|[Dd]elegation|[Oo]fficials|"
                    r"[Rr]epresentatives|[Bb]usiness\s+(?:leaders|people)|[Gg]uests|[Jj]ournalists|[Ss]tudents|"
                    r"[Ee]xperts|[Ee]ntrepreneurs|[Cc]ity|[Pp]refecture|[Rr]egion|[Mm]inistry|[Gg]overnment|[Mm]ission)")
NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
COUNT = re.compile(r"\b(?:of|from)\s+(?:more\s+than\s+|over\s+|nearly\s+|about\s+|some\s+)?(?P<n>\d+|"
                    + "|".join(NUMBERS) + r")\s+(?:[A-Z][\w-]*\s+)*(?:countries|nations)\b", re.IGNORECASE)
BACKREF = re.compile(r"\bthe\s+(meeting|visit|tour|talks|call|signing|trip|conference|activities)\b")
BACKREF_TYPE = {"meeting": "meeting", "conference": "meeting", "visit": "visit", "tour": "visit", "trip": "visit",
                 "talks": "talks", "call": "call", "signing": "signing"}
ENVOYS = re.compile(r"\b(?:[Dd]iplomatic\s+(?:envoys|delegations?)|[Ee]nvoys|[Aa]mbassadors|[Dd]iplomats|[Cc]onsuls[\s-]+general|"
                     r"[Cc]onsular\s+(?:corps|officials)|[Dd]iplomatic\s+corps|[Ff]oreign\s+(?:guests|delegation)s?)\b")
VISITORS = re.compile(r"\b(?:the|this|that)\s+(?:visiting\s+|foreign\s+)?(?:delegation|envoys|diplomats|guests|group|"
                       r"consuls\s+general|ambassadors|diplomatic\s+corps|visitors)\b|\b(?:them|him|her)\b")
_DELEGATION_FROM = re.compile(r"\bdelegation\s+(?:from|of)\s+(?:the\s+)?(?P<place>[A-Z][\w' -]+?)(?:\s+Province)?\s+to\b")
# each run only on a text with one of the words its matches need (needles.py): most sentences have none
PARTICIPATION, GROUP, BACKREF, _DELEGATION_FROM = (gated(p) for p in (PARTICIPATION, GROUP, BACKREF, _DELEGATION_FROM))


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
    second: Trigger | None = None            # the second verb of its sentence ("... and B held talks")
    inherit: Event | None = None
    pronoun_of: Event | None = None
    source: str = "article"                    # article | press_conference

    def add_person(self, p: Person) -> None:
        for q in self.persons:
            if q.side != p.side:
                continue
            # a surname and the full name ("Sisi", "Abdel Fattah al-Sisi") are one person
            if p.name and q.name and (p.name == q.name or q.name.endswith((" " + p.name, "-" + p.name))
                                      or p.name.endswith((" " + q.name, "-" + q.name))):
                if p.name.endswith((" " + q.name, "-" + q.name)):
                    q.name = p.name       # the full name, with the sentence that gives it
                    q.sentence = p.sentence or q.sentence
                if q.country is None and p.country is not None and q.side == "foreign":
                    q.country = p.country     # "Fukuda Yasuo, the President of ... and the former Prime Minister of Japan"
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
                         "body": p.body, "described": p.described, "sentence": p.sentence}
                        for p in self.persons if p.side == "chinese"],
            "foreign": [{"name": p.name, "role": p.title, "role_head": role_head(p.title, rules), "country": p.country,
                         "country_name": rules.country_names.get(p.country) if p.country else None,
                         "described": p.described, "sentence": p.sentence}
                        for p in self.persons if p.side == "foreign"],
            "group": group,
            "countries": list(self.countries),
            "country_names": names,
            "sentence": self.sentence,
            "source": self.source,
        }


def group_phrase(sentence: str, trigger_start: int, rules: Rules) -> str | None:
    """The foreign group a trigger sentence names, as written ("Diplomatic envoys and diplomats of 12 Eurasian
    countries", "a delegation of Cambodian provincial officials"), or None when its group is not foreign."""
    for g in GROUP.finditer(sentence):
        stops = [m.start() for m in re.finditer(r",\s+(?!(?:and\s+)?[A-Z])|,?\s+including\b|\s(?:in|on|at)\s|"
                                                 r"\s+to\s+visit\b", sentence[g.end():])]
        end = g.end() + (min(stops) if stops else len(sentence) - g.end())
        if g.start() <= trigger_start < end:
            end = trigger_start
        phrase = sentence[g.start():end].strip(" ,.")
        foreign = [p for p in places_in(phrase, rules) if p.kind == "country" and p.code != "CHN"]
        if foreign or ENVOYS.search(phrase) or COUNT.search(phrase):
            return phrase
    return None


# "the biggest US oil company ExxonMobil": a country naming a company's, a firm's or a newspaper's is no party
_COMPANY = re.compile(r"(?:'s)?\s+(?:[a-z][\w-]*\s+){0,2}(?:company|companies|firms?|corporations?|enterprises?|carmakers?|"
                      r"airlines?|investors?|media|newspapers?|outlets?|brands?|businesses|retailers?|banks?)\b")


_SUMMIT = re.compile(r"\b(?P<parties>(?:[A-Z][\w]*-){1,5}[A-Z][\w]*)\s+(?:[A-Z][\w']*\s+){0,4}$")


def summit_parties(sentence: str, trigger: Trigger, rules: Rules) -> list[str]:
    """The countries of a meeting named after them: "The eighth China-Japan-ROK Leaders' Meeting was held ..."."""
    occasion = occasion_parties(sentence, trigger, rules)
    if occasion is not None:
        return occasion[1]
    if trigger.strong:
        return []
    m = _SUMMIT.search(sentence[:trigger.start])
    if m is None:
        return []
    codes = []
    for part in m.group("parties").split("-"):
        code = next((p.code for p in places_in(part, rules) if p.kind == "country" and p.code != "CHN"), None)
        if code and code not in codes:
            codes.append(code)
    return codes


# An occasion named after its parties, one of them China: "the China-EU Summit", "a China-Arab video conference",
# "the telephone call between the heads of China-US trade talks". Not "the China-India boundary", "China-US
# relations": the compound must name an occasion.
_OCCASION = re.compile(r"\b(?P<parties>(?:[A-Z][\w]*-){1,5}[A-Z][\w]*)\s+(?:[\w'()+-]+\s+){0,3}?"
                       r"(?:[Ss]ummit|[Mm]eeting|[Tt]alks|[Cc]onference|[Dd]ialogue|[Cc]onsultations?|"
                       r"(?:video|phone|telephone)\s+(?:call|conversation|link))\b")
_OCCASION = gated(_OCCASION)
# "the Fourth Meeting of China-DPRK Joint Committee on Border Issues": the parties after the occasion's noun
_OCCASION_OF = re.compile(r"\b(?:[Ss]ummit|[Mm]eeting|[Ss]ession|[Rr]ound|[Dd]ialogue)\s+of\s+(?:the\s+)?"
                          r"(?P<parties>(?:[A-Z][\w]*-){1,5}[A-Z][\w]*)\s+(?:[A-Z][\w'()+-]*\s+){0,3}?"
                          r"(?:[Cc]ommittee|[Cc]ommission|[Dd]ialogue|[Cc]onsultations?|[Tt]alks|[Mm]echanism|[Ss]ummit|"
                          r"[Ff]orum|[Cc]ouncil)\b")
# Foreign countries named as a group: "Pacific island countries", "Arab states", "17 CEECs", "20 African
# countries".
_COUNTRY_GROUP = re.compile(r"\b(?:\d+\s+)?[A-Z][\w-]*(?:\s+[Ii]sland)?\s+(?:countries|states|nations)\b|"
                            r"\b\d+\s+(?:countries|nations|[A-Z]{2,}s)\b")


def occasion_parties(sentence: str, trigger: Trigger, rules: Rules) -> tuple[str, list[str]] | None:
    """An occasion named after China and another party next to the trigger (inside its words, or for an occasion
    told as a noun, within a few words of it), as written, with the other parties that are countries."""
    a, b = clause_span(sentence, trigger)
    lo, hi = (trigger.start, trigger.end) if trigger.strong else (max(a, trigger.start - 60), min(b, trigger.end + 60))
    for m in [*_OCCASION.finditer(sentence, a, b), *_OCCASION_OF.finditer(sentence, a, b)]:
        if m.end() < lo or m.start() > hi:
            continue
        parts = m.group("parties").split("-")
        if not {"China", "Chinese"} & set(parts) or len(parts) < 2:
            continue
        codes = []
        for part in parts:
            code = next((p.code for p in places_in(part, rules) if p.kind == "country" and p.code != "CHN"), None)
            if code and code not in codes:
                codes.append(code)
        return m.group("parties"), codes
    return None


def country_group(sentence: str, trigger: Trigger) -> bool:
    """The trigger's clause names foreign countries as a group ("from China and Pacific island countries")."""
    a, b = clause_span(sentence, trigger)
    return bool(_COUNTRY_GROUP.search(sentence, a, b))


# A group named by its acronym ("BRICS", "PIF", "SCO", "G20"), not a Chinese body or a disease
_GROUP_ACRONYM = re.compile(r"\b(?!(?:COVID|CPC|NPC|CPPCC|PRC|PLA|SARS|CCTV|CGTN)\b)(?:[A-Z]{2,}\d*|G\d+)\b")


def counterpart(sentence: str, trigger: Trigger, persons: list[Person], rules: Rules) -> bool:
    """Whether the trigger sentence names a second party: a foreign country or person, two Chinese officials,
    a delegation from another Chinese place, or "the A-B ..." of two places."""
    countries = [p for p in places_in(sentence, rules) if p.kind == "country" and p.code != "CHN"
                 and not is_compound(sentence, p) and not _COMPANY.match(sentence, p.end)]
    if countries or any(p.side == "foreign" for p in persons) or summit_parties(sentence, trigger, rules):
        return True
    if occasion_parties(sentence, trigger, rules) or country_group(sentence, trigger):
        return True
    if any(p.kind == "country" and p.code != "CHN" and _HOST.search(sentence[max(0, p.start - 60):p.start])
           for p in places_in(sentence, rules)):
        return True     # "the Global Convergence for Growth Summit hosted by France": its parties are abroad
    held = HELD_OCCASION.search(sentence)
    if held and trigger.type in ("meeting", "call") and _GROUP_ACRONYM.search(
            sentence, max(0, held.start() - 60), held.end()):
        return True     # "the Extraordinary Meeting of BRICS Foreign Ministers ... was held": the group's members
    if re.match(r"attended\b", sentence[trigger.start:]) and re.search(
            r"\b(?:of\s+(?:the\s+)?)?[A-Z]{2,}\b|\b(?:G|BRICS|SCO)\d*\b", sentence[trigger.start:trigger.end + 40]):
        return True     # "attended the Formal Meeting of the BRICS Ministers": its parties are the group's
    if sum(1 for p in persons if p.side == "chinese" and not _BUSINESS.search(p.title or "")
           and not _BUSINESS.search(sentence[max(0, p.start - 25):p.start])) >= 2 and \
            trigger.type in ("meeting", "talks", "call"):
        return True
    if re.search(r"\bdelegation\s+from\b", sentence) and trigger.type == "visit":
        return True
    if _from_chinese_place(sentence, trigger, rules):
        return True     # "met in Changsha with a delegation ... from Shannan City, Tibet Autonomous Region"
    if ENVOYS.search(sentence):
        return True
    pair = re.search(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b", sentence)
    if pair:
        kinds = [rules.tagger.lookup.get(x) for x in pair.groups()]
        if all(k and k[0] in ("province", "city") for k in kinds):
            return True
    return False


# A head of a business is no second official: "Chia Tai Group board chairman Xie Guomin", "vice-chairwoman and
# secretary general of the North American Chinese Investment Council"
_BUSINESS = re.compile(r"\b(?:Group|Company|Co\.|Corporation|Corp\.|Ltd|Limited|Enterprises?|Holdings|"
                       r"Investment\s+(?:Council|Association)|Chamber\s+of\s+Commerce)\b|\b(?:CEO|board\s+chairman)\b")
_DELEGATION_OF = re.compile(r"\bdelegations?\b[^.;]{0,100}?\bfrom\s+")


def _from_chinese_place(sentence: str, trigger: Trigger, rules: Rules) -> bool:
    """Whether the trigger's object is a delegation from a Chinese province or city (a second Chinese side): the
    first place named within 50 characters after its "from" is a Chinese province or city."""
    m = _DELEGATION_OF.search(sentence, trigger.end)
    if m is None or m.start() - trigger.end > 60:
        return False
    found = places_in(sentence, rules)
    after = [p for p in found if m.end() <= p.start < m.end() + 50]
    if not after or after[0].kind not in ("province", "city"):
        return False

    def province(p: Place) -> str | None:
        return p.code if p.kind == "province" else rules.cities.get(p.name, (None, None))[1]
    # not a delegation from the host's own province ("met in Changsha with a delegation ... from Changsha")
    home = {province(p) for p in found if p.start < m.start() and p.kind in ("province", "city")}
    return province(after[0]) not in home


def is_tour_continuation(event: Event, start: date | None, end: date | None, trigger: Trigger) -> bool:
    if event.type != "visit" or trigger.type != "visit" or start is None or event.date_start is None:
        return False
    return event.date_start <= start and (end or start) <= (event.date_end or event.date_start)


def from_delegation(sentence: str, rules: Rules) -> str | None:
    m = _DELEGATION_FROM.search(sentence)
    if m:
        code = rules.province_names.get(m.group("place").strip())
        return code
    return None


# A Chinese party described, not named: "Chinese officials", "China's Ministry of Commerce", "the Chinese side".
_CHINESE_WORDS = re.compile(r"\b(?:China|Chinese|CPC|Beijing)\b(?![-\u2013]\w)(?!\s+time\b)")   # not "Beijing time"
_SIDE_NOUNS = r"(?:officials?|diplomats?|leaders?|delegations?|side|experts?|ambassadors?|embassy|government|" \
              r"team|teams|counterparts?|presidents?|premier|ministers?|foreign\s+ministers?|heads?\s+of\s+state|" \
              r"authorities|envoys?|consulates?(?:-|\s)general|consuls?\s+general|working\s+group|negotiators)"
_DESCRIBED = re.compile(r"\b(?P<desc>(?:[A-Z][\w'-]*\s+){1,3}?" + _SIDE_NOUNS + r")\b")


TITLE_SURNAME = re.compile(r"\b(?:President|Premier|Vice\s+Premier|Vice\s+President|State\s+Councilor|Chairman|"
                            r"Councilor|Foreign\s+Minister|Vice\s+Foreign\s+Minister|Minister)\s+(?P<surname>[A-Z][a-z]+)\b"
                            r"(?!\s+[A-Z][a-z])")


def chinese_party(sentence: str, trigger: Trigger, persons: list[Person], rules: Rules) -> str | None:
    """The Chinese party of the trigger's clause, as written: a Chinese person's name or title, "President Xi",
    China or a Chinese body, or a place in China ("Wuhan and Los Angeles held a video conference", "visited
    Shaanxi Province"); None when it has none. "China-India boundary" and "Chinese students" in a clause of their
    own ("a school in Rome where many Chinese students study") are not one."""
    a, b = clause_span(sentence, trigger)
    person = next((p for p in persons if p.side == "chinese" and a <= p.start < b), None)
    if person is not None:
        return person.name or person.title
    clause = sentence[a:b]
    occasion = occasion_parties(sentence, trigger, rules)
    if occasion is not None:
        return occasion[0]          # "the China-EU Summit": China is a party
    for m in TITLE_SURNAME.finditer(clause):
        if m.group("surname") in rules.surnames:
            return m.group()        # "President Xi", "Premier Li", "State Councilor Wang"
    for m in _CHINESE_WORDS.finditer(clause):
        if not re.match(r"-", clause[m.end():m.end() + 1]) and not re.search(r"-$", clause[:m.start()]):
            return m.group()
    # "the Taiwan authorities", "Taiwan leader Tsai Ing-wen": the other side of a dispute, no Chinese party
    return next((p.name for p in places_in(clause, rules) if p.kind in ("province", "city")
                 and not is_time_zone(clause, p) and not (
        p.name == "Taiwan" and re.match(r"\s+(?:authorities|leader|leadership|region's\s+leader|DPP)\b",
                                        clause[p.end:]))), None)


def described_sides(sentence: str, trigger: Trigger, persons: list[Person], rules: Rules) -> list[Person]:
    """The sides a trigger's clause describes without naming a person: "Chinese officials" (Chinese side),
    "New Zealand diplomats", "his US counterpart" (foreign side, with the country), unless that side has a
    named or titled person in the clause."""
    a, b = clause_span(sentence, trigger)
    sides = {p.side for p in persons if a <= p.start < b}
    out: list[Person] = []
    for m in _DESCRIBED.finditer(sentence, a, b):
        desc = m.group("desc")
        lead = desc.split()[0]
        if lead in ("Chinese", "China's", "China"):
            side, country = "chinese", None
        else:
            country = next((p.code for p in places_in(desc, rules) if p.kind == "country" and p.code != "CHN"
                            and p.start == 0), None)
            if country is None:
                continue
            side = "foreign"
        if side in sides or any(q.side == side for q in out):
            continue
        out.append(Person(side, None, desc, country=country, start=m.start(), end=m.end(), described=True,
                          sentence=sentence))
    return out
