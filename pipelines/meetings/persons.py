"""Persons for the meetings extractor: the titled persons a sentence names (`persons_in`), on the Chinese side
(title and name, "name, title,", provincial leaders, envoys, chief executives, officials by title alone) and the
foreign side (roles tied to a country, heads of international organisations), with level and body."""
from __future__ import annotations

import re

from .. import mentions
from .config import Rules
from ..needles import gated
from .person import Person
from .places import is_compound, places_in




# gated (needles.py): a pattern below runs only on a sentence holding one of the words its matches need
_CHIEF_EXECUTIVE = gated(re.compile(r"(?P<title>(?:Hong\s+Kong|Macao|Macau)(?:\s+SAR|\s+Special\s+Administrative\s+Region)?"
                                    r"\s+Chief\s+Executive|Chief\s+Executive\s+of\s+(?:the\s+)?(?:Hong\s+Kong|Macao|Macau)"
                                    r"(?:\s+SAR|\s+Special\s+Administrative\s+Region)?)"
                                    r"\s+(?P<name>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){1,2})(?![\w-])"))
_PLACE_WORDS = {"Province", "Prefecture", "City", "County", "Region", "State", "District", "Oblast", "Municipality",
                "Republic", "Kingdom", "Island", "Islands", "Government", "Parliament", "Council", "Assembly"}
# "instructions of", "on behalf of", "greetings from": someone named, not there ("a visit from X": there)
# ... and "he has brought a message to Iranian President Mohammad Khatami": the one written to, not there
_EXCLUDE_BEFORE = re.compile(r"(?:\b(?:of|behalf\s+of|(?:greetings|regards|message|letter|congratulations|wishes)\s+"
                             r"from)\s+(?:Comrade\s+)?|\bComrade\s+|"
                             r"\b(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:message|letter)\s+to\s+)$")
_EXCLUDE_AFTER = re.compile(r"^(?:'s)?\s+(?:Thought|as\s+the\s+core)\b|^'s\s+(?i:special\s+)?(?i:envoy|representative)\b|"
                            # "General Secretary Xi Jinping's important exposition on ...": his words, not him
                            r"^(?:'s|\u2019s)\s+(?:important\s+)?(?:expositions?|instructions?|directives?|speech(?:es)?|"
                            r"remarks|thoughts?|teachings)\b|"
                            # "first conveyed Chinese President Xi Jinping's message to Trump": his message, not him
                            r"^(?:'s|\u2019s)\s+(?:(?:oral|written|verbal|congratulatory|personal)\s+)?(?:message|letter|"
                            r"greetings|regards|best\s+wishes)\b")
_FOREIGN_NAME = re.compile(r"(?:,\s+|\s+)(?P<name>(?:(?!(?:In|On|At|And|With|To|For|Of|The|His|Her|Their|During|"
                           r"Visits|Meets|Met)\b)"
                           # a news agency's bare weekday after the name ("Philip Hammond Wednesday, saying"), not a
                           # first name ("Minister of Information Sunday Dare")
                           r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+[A-Z]))(?:(?:Dr|Mr|Ms|Mrs|Hon|H\.E)\.\s)?(?:[A-Z]\.\s)?[A-ZÀ-ÖØ-Þ][\w'çşğüöéèáíóúñãõâêôàìòùäëïøåæ-]+\s?"
                           r"(?:(?:bin|bint|al|el|de|da|van|von|der|den|du|dos|das|di|la|le)\s(?:(?:der|den|de|la|le)\s)?(?=[A-Z])|"
                           r"(?<=\s)(?:al|el)-(?=[A-Z]))?){1,5})")     # "Abdel Fattah al-Sisi"
_LEADERS = gated(re.compile(r"(?P<title>(?:[A-Z][a-z]+\s+)?(?:provincial|municipal|city|Provincial|Municipal)\s+leaders)\s+"
                            r"(?P<names>[A-Z][a-z]+ [A-Z][a-z]+(?:,\s+(?:and\s+)?[A-Z][a-z]+ [A-Z][a-z]+)*)"))
_ORG_ROLE = gated(re.compile(r"(?P<role>Secretary-General|Secretary General|Director-General|Director General|President|"
                             r"Permanent Representative|Special Representative|High Representative|Special Envoy|Chairperson|Commissioner)"
                             r"\s+of\s+"
                             r"(?:the\s+)?(?P<org>(?:[A-Z][\w-]*\s+)*?(?:Organization|Organisation|Union|Bank|Fund|Forum|"
                             r"Association|Council|Secretariat|Nations|Institute|Agency|Commission))"))
# "Denis Pasler, Governor of ...", "Yves Rossier, former Swiss ambassador": a name just before a role
_W = r"[A-Z][\w'çşğüöéèáíóúñãõâêôàìòùäëïøåæ-]+"
_NAME_BEFORE = re.compile(r"(?P<name>(?:(?<=Mr\.\s)|(?<=Ms\.\s)|(?<=Mrs\.\s)|(?<=Dr\.\s))" + _W +   # "Ms. Stirling, Vice ..."
                          r"|(?:" + _W + r"\s|[A-Z]\.\s){1,3}?" + _W + r")"
                          r"(?:\s+(?:MP|MLA|MLC|MSP|MEP|QC|KC|OBE|CBE|MBE|JP))?"       # "Hon. Nathan Rees MP, Premier ..."
                          # "Fukuda Yasuo, the President of the Boao Forum for Asia and the former Prime Minister of
                          # Japan": a second role of the same person, after "the <first role> and"
                          r",\s+(?:the\s+[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|for|the)){0,10}\s+and\s+(?:the\s+)?|the\s+)?"
                          r"(?:(?:former|then|new|outgoing|incoming|visiting)\s+)?"
                          r"(?:(?!(?:The|And|Of)\s)[A-Z][a-z]+\s+){0,2}$")    # "NAME, the Metro Mayor of ..."
_DELEGATION_HEAD = gated(re.compile(r"\b(?:[Tt]he\s+)?(?:head|leader)\s+of\s+the\s+delegation\b"))


def valid_chinese(name: str) -> bool:
    parts = name.split(" ", 1)
    return len(parts) == 2 and mentions._GIVEN_NAME.fullmatch(parts[1]) is not None


def _chinese_name(rules: Rules, name: str) -> bool:
    """A Chinese name: a Chinese surname and a pinyin given name ("Brian Kenner" is none, though "Kenner" reads as
    pinyin)."""
    return valid_chinese(name) and name.split(" ", 1)[0] in rules.surnames


_MUNICIPALITIES = {"CN-BJ", "CN-SH", "CN-TJ", "CN-CQ"}


def level_of(title: str, rules: Rules) -> str | None:
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


def site_level(site: str | None, rules: Rules) -> str:
    prov, city = rules.site_places.get(site or "", (None, None))
    if city or prov in _MUNICIPALITIES:
        return "municipal"
    return "provincial" if prov else "national"


def chinese_place(text: str, rules: Rules) -> tuple[str | None, str | None]:
    """(province code, city name) named in a title."""
    for p in places_in(text, rules):
        if p.kind == "province":
            return p.code, None
        if p.kind == "city":
            return rules.cities.get(p.name, (None, None))[1], p.name
    return None, None


def body_of(title: str, level: str | None, province: str | None, city: str | None, rules: Rules) -> str | None:
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
    if m is None:
        return 0
    first = re.match(r"[A-Za-z][a-z]+", rest[m.end():])
    lower = first is not None and first.group().islower()   # "minister of foreign affairs"
    if not first or first.group().capitalize() not in rules.portfolio:
        return 0
    pos = end = m.end() + first.end()
    while True:
        tok = re.match(r"(?:,\s+|,?\s+and\s+|\s+)([a-z][a-z]+)" if lower else
                       r"(?:,\s+|,?\s+and\s+|\s+)([A-Z][a-z]+)", rest[pos:])
        if not tok or tok.group(1).capitalize() not in rules.portfolio:
            return end
        pos = end = pos + tok.end()


_LOWER_TITLE_HINT = re.compile(r",\s+(?:(?:also\s+)?an?\s+)?(?:member|director|head|minister|vice|premier|state|president|"
                               r"chairman|secretary|deputy|"
                               r"governor|mayor)\b")


class _Found:
    """The persons found in one text so far, and the spans already taken (a span is read once)."""

    def __init__(self, text: str):
        self.text = text
        self.found: list[Person] = []
        self.taken: list[tuple[int, int]] = []
        self._sole: list[str] | None = None
        self._named: bool | None = None

    def named(self, rules: Rules) -> bool:
        """The text may name a Chinese person as the patterns of Chinese names do (rules.chinese_names)."""
        if self._named is None:
            self._named = rules.chinese_names is None or rules.chinese_names.search(self.text) is not None
        return self._named

    def sole(self, rules: Rules) -> list[str]:
        """The foreign countries the text names as parties (not in a compound, see is_compound), sorted: read when
        a role or a bracketed title first needs them (most sentences have neither), then kept for the others."""
        if self._sole is None:
            self._sole = sorted({p.code for p in places_in(self.text, rules) if p.kind == "country"
                                 and p.code != "CHN" and not is_compound(self.text, p)})
        return self._sole

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.taken)

    def add(self, p: Person) -> None:
        before, after = self.text[:p.start], self.text[p.end:]
        self.taken.append((p.start, p.end))
        who = before.rfind(", who ")
        if who >= 0 and "," not in before[who + 6:]:
            return      # "..., who accompanied President Lula on his state visit": not at this occasion
        if _EXCLUDE_BEFORE.search(before) or _EXCLUDE_AFTER.search(after):
            return      # "instructions of", "on behalf of", "Xi Jinping Thought"
        self.found.append(p)


# A photo caption's position marks after a name ("Zhang Dejiang (R), chairman of ...", "(2nd L)", "(front, C)"):
# read as blanks of the same length (the comma after one moved before them), so that spans stay the sentence's
_PHOTO_MARK = re.compile(r"\s\((?:(?:\d(?:st|nd|rd|th)\s+|front,?\s+|back,?\s+)?[RLC]|front|back|center|centre)\)"
                         r"(?:(,)|(?=\s))")


def persons_in(text: str, rules: Rules, *, unnamed: bool = True) -> list[Person]:
    """The titled persons a sentence names, in order: Chinese officials (title and name, "name, title,"),
    provincial leaders listed by name, foreign persons whose role names a country ("the Ambassador of Brazil to
    China", "Albanian Foreign Minister Igli Hasani", "Malaysia's Minister of ..."), heads of international
    organisations; with `unnamed`, also Chinese officials by title alone ("Governor of Guangdong Province")."""
    f = _Found(_PHOTO_MARK.sub(lambda m: (m.group(1) or "").ljust(len(m.group())), text) if "(" in text else text)
    _officials(f, rules)
    _bracketed_titles(f, rules)
    _chinese_special(f, rules)
    _leaders(f, rules)
    _org_roles(f, rules)
    _met_lower_roles(f, rules)
    _foreign_roles(f, rules)
    _lower_roles(f, rules)
    _known_foreign(f, rules)
    _delegation_heads(f, rules)
    _generic_titles(f, rules)
    _bare_leaders(f, rules)
    _honorific_chinese(f, rules)
    _name_lists(f, rules)
    if unnamed:
        _unnamed_chinese(f, rules)
    f.found.sort(key=lambda p: p.start)
    for p in f.found:
        _title_before_verb(text, p)
    return f.found


# "Guo Kailang, vice governor of Hunan Province met in Changsha with Mr. Morgan": a title ends before a verb
_VERB_IN_TITLE = re.compile(r"\s+(?:met|meets|held|visited|received|signed|attended|toured|paid)\b")


def _title_before_verb(text: str, p: Person) -> None:
    if not p.title:
        return
    m = _VERB_IN_TITLE.search(p.title)
    if m is None:
        return
    at = text.find(p.title, p.start)
    p.title = p.title[:m.start()]
    if at != -1 and at + len(p.title) < p.end and p.name and text.find(p.name, p.start) < at:
        p.end = at + len(p.title)       # the name came first: the person's span ends with the cut title


def _officials(f: _Found, rules: Rules) -> None:
    """The shapes of pipelines/mentions.py: ambassadors, title + Chinese name, "name, title,"."""
    # (as mentions.tag runs them: split at their look-behinds, the same matches)
    title_before, name_title, amb_before, amb_after = rules.tagger.scans[1:] or rules.tagger.officials
    ambassador = "Ambassador" in f.text     # the ambassadors' patterns need the word (as in mentions.tag)
    names = rules.tagger.chinese_names      # and the others a Chinese name's first letters (as in mentions.tag)
    named = names is None or names.search(f.text) is not None
    for pattern, shape in ((amb_before, "amb"), (amb_after, "amb"), (title_before, "cn"), (name_title, "cn")):
        if (shape == "amb" and not ambassador) or (shape == "cn" and not named):
            continue
        for m in pattern.finditer(f.text):
            a, b = m.span()
            if not f.free(a, b):
                continue
            name = " ".join(m.group("name").split())
            title = " ".join(m.group("title").split()).rstrip(" ,")
            if shape == "cn":
                if valid_chinese(name):     # a Chinese ambassador abroad is still the Chinese side
                    prov, city = chinese_place(title, rules)
                    f.add(Person("chinese", name, title, level=level_of(title, rules), start=a, end=b,
                                 province=prov, city=city))
                continue
            country = next((p.code for p in places_in(title, rules) if p.kind == "country"), None)
            if country not in (None, "CHN"):
                if pattern is amb_before:
                    name, b = _long_name(f.text, name, b, rules)
                f.add(Person("foreign", name, title, country=country, start=a, end=b))


# The ambassadors' pattern stops a name at three words; in a list of envoys ("Ambassador of Ghana to China Winfred
# Nii Okai Hammond, Ambassador of ...") the name goes on to the comma: more capitalized words, a particle ("dos",
# "bin"), an initial ("Balumuene Nkuna F.,")
_NAME_TAIL = re.compile(r"(?:\s(?:(?:bin|bint|al|el|de|da|do|dos|das|di|du|van|von|der|den|la|le)\s)?"
                        r"[A-Z\u00c0-\u00de][\w'\u00c0-\u024f-]+|\s[A-Z]\.)+(?=\s*[,;])")


def _long_name(text: str, name: str, end: int, rules: Rules) -> tuple[str, int]:
    """The name of an ambassador's list item, to its comma (see _NAME_TAIL); else the name as the pattern read it."""
    m = _NAME_TAIL.match(text, end)
    if m is None:
        return name, end
    tail = " ".join(m.group().split())
    words = tail.rstrip(".").split()
    if places_in(tail, rules) or _VERB_IN_TITLE.search(" " + tail.lower()) or len(name.split()) + len(words) > 6 \
            or rules.heads.search(tail):
        return name, end
    return f"{name} {tail}", m.end()


# The state media's titles in lower case for the chairmen of the NPC Standing Committee and of the CPPCC and for the
# foreign minister: "China's top legislator Zhao Leji met with ...", "Chinese top political advisor Wang Yang"
# ... and "Top Chinese legislator Wu Bangguo", "Chinese top political advisor Jia Qinglin", "Top political advisor Jia
# Qinglin" (a Chinese name: a leader's title in the agency's words)
_TOP_TITLE = gated(re.compile(r"\b(?P<title>(?:(?:China's|China\u2019s|Chinese)\s+top|[Tt]op\s+Chinese|(?<![\w'-])[Tt]op)\s+"
                              r"(?:legislator|political\s+advis[eo]r|diplomat))\s+(?P<name>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)"
                              r"(?![\w-])"))


def _chinese_special(f: _Found, rules: Rules) -> None:
    """Chinese envoys abroad, Hong Kong's and Macao's chief executives, long titles ("Director of the Office of
    the Central Foreign Affairs Commission Wang Yi")."""
    text = f.text
    named = f.named(rules)      # (without, the rules' patterns of Chinese names find none: not searched)
    for m in rules.chinese_envoy.finditer(text) if named else ():
        if f.free(*m.span()) and valid_chinese(m.group("name")):
            title = " ".join(m.group("title").split())
            f.add(Person("chinese", m.group("name"), title, level="national", start=m.start(), end=m.end()))
    for m in rules.chinese_lower_title.finditer(text) if named and _LOWER_TITLE_HINT.search(text) else ():
        if f.free(*m.span()) and valid_chinese(m.group("name")):
            title = " ".join(m.group("title").split())
            f.add(Person("chinese", m.group("name"), title, level=level_of(title, rules), start=m.start(),
                         end=m.end()))
    for m in _TOP_TITLE.finditer(text):
        if f.free(*m.span()) and valid_chinese(m.group("name")) and m.group("name").split()[0] in rules.surnames:
            title = " ".join(m.group("title").split())
            f.add(Person("chinese", m.group("name"), title, level="national", start=m.start(), end=m.end()))
    for m in _CHIEF_EXECUTIVE.finditer(text):
        if f.free(*m.span()):
            title = " ".join(m.group("title").split())
            code = "CN-HK" if "Hong Kong" in title else "CN-MO"
            f.add(Person("chinese", m.group("name"), title, level="provincial", start=m.start(), end=m.end(),
                         province=code))
    for m in rules.chinese_long_title.finditer(text) if named else ():
        name = m.group("name")
        if f.free(*m.span()) and valid_chinese(name):
            title = " ".join(m.group("title").split())
            prov, city = chinese_place(title, rules)
            f.add(Person("chinese", name, title, level=level_of(title, rules), start=m.start(), end=m.end(),
                         province=prov, city=city))


def _leaders(f: _Found, rules: Rules) -> None:
    """"provincial leaders Li Bingjun, Wu Qiang and Lu Yongzheng"."""
    text = f.text
    for m in _LEADERS.finditer(text):
        title = m.group("title")[:-1]  # leaders -> leader
        level = "municipal" if re.search(r"municipal|city", title, re.IGNORECASE) else "provincial"
        prov, city = chinese_place(title, rules)
        pos = m.start("names")
        for n in re.split(r",\s+(?:and\s+)?", m.group("names")):
            at = text.index(n, pos)
            pos = at + len(n)
            if valid_chinese(n) and f.free(at, pos):
                f.add(Person("chinese", n, title, level=level, start=at, end=pos, province=prov, city=city))


# "UN Secretary-General Antonio Guterres", "WHO Director-General Dr. Tedros": an organisation's head, its acronym first
_ACRONYM_ROLE = gated(re.compile(r"\b(?P<role>(?:UN|WHO|WTO|IMF|IAEA|ASEAN|SCO|AU|EU|OECD|UNESCO|UNICEF|UNDP|FAO|ILO|NATO|OSCE|"
                                 r"ICRC|IOC|CICA|APEC|G20)\s+(?:Secretary-General|Secretary\s+General|Director-General|"
                                 r"Director\s+General|President|Chairperson|Chairman|High\s+Representative))"
                                 r"\s+(?:Dr\.\s+)?(?P<name>[A-Z][\w'\u00c0-\u024f-]+(?:\s+[A-Z][\w'\u00c0-\u024f-]+){0,2})"))


def _org_roles(f: _Found, rules: Rules) -> None:
    """Heads of international organisations ("Secretary-General of the Shanghai Cooperation Organization NAME",
    "UN Secretary-General Antonio Guterres")."""
    text = f.text
    for m in _ACRONYM_ROLE.finditer(text):
        if f.free(*m.span()) and not places_in(m.group("name"), rules):
            f.add(Person("foreign", m.group("name"), " ".join(m.group("role").split()), None, start=m.start(),
                         end=m.end()))
    for m in _ORG_ROLE.finditer(text):
        if not f.free(*m.span()):
            continue
        name, start, end = None, m.start(), m.end()
        role = f"{m.group('role')} of the {m.group('org')}"
        tail = re.match(r"\s+to\s+China\b", text[end:])
        if tail:
            end, role = end + tail.end(), role + " to China"
        nm = _FOREIGN_NAME.match(text[end:])
        before = _NAME_BEFORE.search(text[:start])
        if nm and not re.match(r"\s*,?\s*(?:and|in|on|at|to)\b", text[end:]):
            name, end = nm.group("name").strip(), end + nm.end()
        elif before and not _chinese_name(rules, before.group("name")) and not places_in(before.group("name"), rules):
            name, start = before.group("name"), before.start("name")
        if name:
            name = _HONORIFIC.sub("", name) or None      # "Dr. Thomas Wagner"
        # "Former Mayor of Switzerland Zurich and President of Sino-Swiss Friendship Association Dr. Thomas Wagner":
        # the first role gives the person's country
        first = re.search(r"\bof\s+(?:the\s+)?(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+and\s+$",
                          text[max(0, start - 60):start])
        country = None
        if first is not None:
            at = next((p for p in places_in(first.group("place"), rules) if p.start == 0 and p.kind == "country"), None)
            country = at.code if at is not None and at.code != "CHN" else None
        f.add(Person("foreign", name, role, country, start=start, end=end))


def _foreign_roles(f: _Found, rules: Rules) -> None:
    """Foreign roles with a country before ("Albanian", "Malaysia's") or after ("of Brazil"), or the one foreign
    country the sentence names; "Lao Deputy Prime Minister and Foreign Minister NAME" is one person."""
    text = f.text
    country_spans = [p for p in places_in(text, rules) if p.kind == "country" and p.code != "CHN"]
    roles = list(rules.foreign_roles.finditer(text))
    carry = None
    for m in roles:
        a, b = m.span()
        if not f.free(a, b):
            continue
        country, start = None, a
        for p in country_spans:
            if re.fullmatch(r"(?:'s)?\s+", text[p.end:a]):
                country, start = p.code, p.start
        if carry is not None and carry[0] == a:
            country, start = country or carry[1], carry[2]
        carry = None
        country, end = _role_extent(text, m, country, country_spans, rules)
        if country is None and m.group() == "Premier":
            continue        # "Premier Li", "the Premier": China's; "Premier of New South Wales": a foreign one
        # "German Vice Chancellor and Federal Minister of Finance Olaf Scholz": one person, two roles
        joined = re.match(r"\s+and\s+", text[end:])
        nxt = next((r for r in roles if joined and r.start() >= end + joined.end() and re.fullmatch(
            r"(?:[A-Z][a-z]+\s+){0,2}", text[end + joined.end():r.start()])), None)
        if nxt is not None:
            carry = (nxt.start(), country, start)
            continue
        name, start_name, name_end = _role_name(text, start, end, rules, of_country=country is not None and bool(
            re.search(r"\bof\s+(?:the\s+)?\S+", text[a:end])))
        if name:
            name = re.sub(r"(?:'s|\u2019s)$", "", _POSTNOMINAL.sub("", _HONORIFIC.sub("", name))) or None
        if name and len(name.split()) == 1 and name in rules.surnames:
            continue        # "President Xi": a Chinese leader by surname, not a foreign person
        if name and rules.heads.match(re.sub(r"^(Vice|Deputy)-", r"\1 ", name)) and \
                valid_chinese(" ".join(name.split()[-2:])) and name.split()[-2] in rules.surnames:
            continue        # "special envoy, Vice President Wang Qishan" ("Vice-Premier Liu He"): a Chinese official
        if country is None and name:
            country = rules.foreign_persons.get(name) or rules.foreign_persons.get(name.split()[-1])
        if country is None:
            country = _sole_country(text, a, name, f.sole(rules), rules)
            if country is None:
                continue
        role = re.sub(r"^(?:[Tt]he)\s+", "", text[start:end]).strip()
        f.add(Person("foreign", name, role, country=country, start=min(start, start_name), end=name_end))


# "Marshall Louis M. Alferez, the consul general of the Philippines in Guangzhou, expressed ...": a diplomat's role
# in lower case after the name, its country after "of"
_LOWER_ROLE = gated(re.compile(r"(?<![\w'-])(?P<name>(?:[A-Z][\w'\u00c0-\u024f-]+\s|[A-Z]\.\s){1,4}[A-Z][\w'\u00c0-\u024f-]+),\s+"
                               r"the\s+(?P<role>(?:deputy\s+)?consul[\s-]+general|consul|ambassador)\s+of\s+(?:the\s+)?"))


def _lower_roles(f: _Found, rules: Rules) -> None:
    """A foreign diplomat named before a role in lower case with its country (see _LOWER_ROLE)."""
    text = f.text
    for m in _LOWER_ROLE.finditer(text):
        country = next((p for p in places_in(text[m.end():], rules) if p.start == 0 and p.kind == "country"), None)
        name = m.group("name")
        if country is None or country.code == "CHN" or _chinese_name(rules, " ".join(name.split()[-2:])) or places_in(
                name, rules) or not f.free(m.start(), m.end() + country.end):
            continue
        role = f"{m.group('role')} of {text[m.end():m.end() + country.end]}"
        f.add(Person("foreign", name, role, country=country.code, start=m.start(), end=m.end() + country.end))


# A news agency's formula: "met with Márta Mátrai, deputy of the speaker of the Hungarian National Assembly",
# "meets with L. Enkh-Amgalan, deputy chairman of the State Great Hural (Parliament) of Mongolia", "The delegation was
# led by Sergei Mironov, the Russian party's chairman": the met or leading person named before a role in lower case
# whose words name a foreign country
_MET_LOWER_ROLE = gated(re.compile(r"\b(?:met\s+with|meets\s+with|met|meets|held\s+talks\s+with|holds\s+talks\s+with|"
                                   r"received|(?:led|headed)\s+by)\s+(?P<name>(?:[A-Z]\.\s|[A-Z][\w'\u00c0-\u024f-]+\s){1,3}"
                                   r"[A-Z][\w'\u00c0-\u024f-]+),\s+(?P<role>(?:an?\s+|the\s+)?(?:[a-z]|[A-Z][a-z]+\s+[a-z])"
                                   r"[^,.;]{0,120})"))
_ROLE_WORD = re.compile(r"\b(?:deputy|vice|chairman|chairwoman|chair|president|speaker|minister|member|head|leader|"
                        r"secretary|director|governor|mayor|ambassador|envoy|senator|commissioner|king|queen|prince|"
                        r"chief|general|premier|chancellor)\b")


# The news agency's role before the name, between commas: "met with the new top US negotiator on the six-party talks,
# Christopher Hill, in Beijing on Thursday"
_MET_ROLE_THEN_NAME = gated(re.compile(r"\b(?:met\s+with|meets\s+with|met|meets|held\s+talks\s+with|holds\s+talks\s+with)"
                                       r"\s+(?P<role>the\s+(?:[a-z][\w-]*\s+|[A-Z]{2,4}\s+|U\.S\.\s+){1,4}"
                                       r"[a-z][\w\s-]{0,60}?),\s+(?P<name>(?:[A-Z][\w'-]+\s){1,2}[A-Z][\w'-]+),"))


def _met_lower_roles(f: _Found, rules: Rules) -> None:
    """A foreign person met or leading, named before a lower-case role that names a foreign country (_MET_LOWER_ROLE),
    or after such a role between commas (_MET_ROLE_THEN_NAME)."""
    text = f.text
    for m in _MET_ROLE_THEN_NAME.finditer(text):
        role, name = m.group("role"), m.group("name")
        a, b = m.start("role"), m.end("name")
        if not (_ROLE_WORD.search(role) or re.search(r"\bnegotiator\b", role)) or not f.free(a, b) or places_in(name, rules) or (
                valid_chinese(" ".join(name.split()[:2])) and name.split()[0] in rules.surnames):
            continue
        country = next((p.code for p in places_in(role, rules) if p.kind == "country"), None)
        if country is not None and country != "CHN":
            f.add(Person("foreign", name, role, country=country, start=a, end=b))
    for m in _MET_LOWER_ROLE.finditer(text):
        role = re.split(r"\s+(?:who|which|in|at|on|during)\s+", m.group("role"))[0]
        name = m.group("name")
        a, b = m.start("name"), m.start("role") + len(role)
        if not _ROLE_WORD.search(role) or not f.free(a, b) or places_in(name, rules) or (
                valid_chinese(" ".join(name.split()[:2])) and name.split()[0] in rules.surnames):
            continue
        country = next((p.code for p in places_in(role, rules) if p.kind == "country"), None)
        if country is None or country == "CHN":
            continue
        f.add(Person("foreign", name, role, country=country, start=a, end=b))


_ORG_WORD = re.compile(r"\b(?:Chamber|Association|Office|Department|University|Committee|Council|Commerce|Company|"
                       r"Corporation|Institute|Foundation|Society|Agency|Authority|Board|Bureau|Commission|Center|"
                       r"Centre|College|School|Ministry|Parliament|Assembly|Senate|Party|Federation|Union|Club)\b")
# An honorific before a name is no part of it ("Councillor Abid Latif Chohan", "Cllr Ms. Blake", "Hon. John Aquilina")
_POSTNOMINAL = re.compile(r"\s+(?:MP|MLA|MLC|MSP|MEP|QC|KC|OBE|CBE|MBE|JP)$")
_HONORIFIC = re.compile(r"^(?:(?:Dr|Mr|Ms|Mrs|Hon|Rt\.?\s+Hon|Cllr)\.?\s+|Councillor\s+|Sir\s+(?=\w+\s))+")


def _role_extent(text: str, m: re.Match, country: str | None, country_spans: list, rules: Rules
                 ) -> tuple[str | None, int]:
    """A role's country and where the role ends: "of Brazil to China", a portfolio ("Minister of Investment,
    Trade and Industry"), "of the National Assembly of Vietnam", "Consul General of France in Wuhan"."""
    b = end = m.end()
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
        # "Former Mayor of Switzerland Zurich and President of ...": a city abroad of that country after it
        city = next((p for p in country_spans if p.abroad and p.code == country and p.start == end + 1
                     and text[end] == " "), None)
        if city is not None:
            end = city.end
    elif m.group().lower().endswith(("minister", "secretary")) and _portfolio(rest, rules):
        end = b + _portfolio(rest, rules)
    else:
        body = re.match(r"\s+of\s+the\s+(?:[A-Z][\w'-]*\s+){1,5}of\s+(?:the\s+)?", rest)
        at_body = next((p for p in country_spans if body and p.start == b + body.end()), None)
        if at_body is not None:
            country, end = at_body.code, at_body.end
    # a portfolio after "for": "Assistant Secretary of State for East Asian and Pacific Affairs Daniel Kritenbrink"
    portfolio = re.match(r"\s+for\s+(?:[A-Z][\w'-]*\s+(?:and\s+)?){1,5}(?:Affairs|Issues|Policy)\b", text[end:])
    if portfolio:
        end += portfolio.end()
    tail = re.match(r"\s+in\s+(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)", text[end:])
    if tail and "Consul" in m.group():
        known_place = next((p for p in places_in(tail.group("place"), rules) if p.start == 0), None)
        if known_place is not None:
            end += tail.start("place") + known_place.end
        elif not re.match(r"\s+in\s+[A-Z][\w'-]+\s+[A-Z]", text[end:]):
            end += tail.end()
    return country, end


# A legislature's one-word name ending a role before the name: not the name's first word
_LEGISLATURES = {"Duma", "Knesset", "Bundestag", "Bundesrat", "Sejm", "Seimas", "Saeima", "Rada", "Storting",
                 "Riksdag", "Folketing", "Eduskunta", "Majlis", "Hural", "Khural", "Senate", "Parliament", "Congress"}


def _role_name(text: str, start: int, end: int, rules: Rules, *, of_country: bool = False
               ) -> tuple[str | None, int, int]:
    """The name after a role ("Foreign Minister Igli Hasani"), else just before it ("Denis Pasler, Governor of
    ..."): (name, where the person starts, where the person ends)."""
    nm = _FOREIGN_NAME.match(text[end:])
    if nm and _ORG_WORD.search(nm.group("name")):
        nm = None       # "Vice President of California Chamber of Commerce": a body, no name
    if nm and nm.group().startswith(",") and _NAME_BEFORE.search(text[:start]):
        nm = None       # "Hon. Nathan Rees MP, Premier of ..., Hon. Joseph Tripodi MP, ...": the name before is his
    if nm and not re.match(r"\s*,?\s*(?:and|in|on|at|to)\b", text[end:]):
        candidate = nm.group("name").strip()
        first = candidate.split(" ", 1)
        if first[0] in _LEGISLATURES and len(first) > 1 and len(first[1].split()) >= 2:
            candidate = first[1]    # "Deputy Chairman of the Russian State Duma Alexander Babakov": the body's end
        if re.match(r"General\s+[A-Z]", candidate) and re.search(r"Secretary\s*$", text[:end]):
            candidate = candidate[len("General"):].strip()   # "Secretary General Hiroshi Moriyama": one role
        bare = re.sub(r"\s+[IVX]{1,4}$", "", candidate)      # "King Felipe VI": a regnal number is no place
        # a place in the name is no name ("Vice President of California ..."), unless it is only the surname of a
        # name of two words or more ("Chilean President Ricardo Lagos": Lagos is also a city of Nigeria)
        spots = places_in(bare, rules)
        if spots and len(bare.split()) >= 2 and all(sp.start == bare.rindex(" ") + 1 and sp.end == len(bare)
                                                    for sp in spots) and bare.split()[0][0].isupper():
            spots = []
        if not spots and candidate.split()[0] not in _PLACE_WORDS and not rules.heads.fullmatch(
                candidate.split()[0]) and candidate not in ("General", "Generals"):
            # "Special Representative of US President and ...": a role, no name; "Secretary General": one role
            return candidate, start, end + nm.end()
    second = _SECOND_TITLE.match(text, end)
    if second and any(p.start == 0 and p.end == len(second.group("place"))
                      for p in places_in(second.group("place"), rules)):
        # "Indonesia's presidential envoy and Coordinator for Cooperation with China Luhut Binsar Pandjaitan": a
        # second title, ending with a place, before the name
        nm = _FOREIGN_NAME.match(text[second.end():])
        if nm and not places_in(nm.group("name"), rules) and not _chinese_name(rules, " ".join(nm.group("name").split()[:2])):
            return nm.group("name").strip(), start, second.end() + nm.end()
    before = _NAME_BEFORE.search(text[:start])
    # a name in pinyin is a foreign person's when the role after it is "of" a foreign country ("Wu Zuodong, the
    # Honorary Senior Minister of Singapore")
    if before and (of_country or not _chinese_name(rules, before.group("name"))) and \
            not places_in(before.group("name"), rules):
        return before.group("name"), before.start("name"), end
    return None, start, end


_SECOND_TITLE = re.compile(r"\s+and\s+[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|for|with|of|on|the|and)){0,8}?"
                           r"\s+(?P<place>[A-Z][a-z]+)(?=\s+[A-Z])")


def _sole_country(text: str, a: int, name: str | None, sole: list[str], rules: Rules) -> str | None:
    """"Fukuoka Mayor Soichiro Takashima", "led by Governor Erkinjon Turdimov": a role of a foreign-looking person
    whose country is the one foreign country the sentence names."""
    lead = re.search(r"([A-Z][\w'-]+)\s+$", text[:a])
    foreign_lead = lead is None or lead.group(1) not in rules.chinese_places
    chinese_name = bool(name and valid_chinese(name) and name.split()[0] in rules.surnames)
    if len(sole) == 1 and name and not chinese_name and foreign_lead and \
            not (lead and lead.group(1) in ("Chinese", "China")):
        return sole[0]
    return None


# "a Dominican delegation led by Jose Ramon Peralta, administrative minister of the Presidency": the head of a
# delegation named by its country's adjective is of that country, whatever his role
# (or "the delegation of US congressional assistants headed by Paul C. Bergson": the country after "of")
# ... with the head's title before the name ("a U.S. congressional delegation led by Representative Adam Smith in
# Beijing", "a delegation of US lawmakers led by Republican Senator from Montana Steve Daines on Monday", "a Canadian
# delegation led by Speaker of the Senate of the Federal Parliament of Canada (FPC) Daniel Hays Monday afternoon")
_LED_TITLE = (r"(?P<pre>(?:(?:Republican|Democratic|Democrat)\s+)?(?:Representative|Senator|Congressman|Congresswoman|"
              r"Speaker|Chairman|Chairwoman|President|Governor|Mayor)\b(?:\s+(?:of|from|the|for|" + _W +
              r"|\([A-Z]{2,8}\)))*\s+)?")
_LED_BY = gated(re.compile(r"\b(?:(?P<adj>[A-Z][a-z]+|U\.S\.|US|U\.K\.|UK)\s+(?:[a-z-]+\s+){0,3}delegation|delegation\s+of\s+(?:the\s+)?"
                           r"(?P<of>[A-Z][\w.]*)\s+(?:[a-z-]+\s+){0,3})\s*(?:led|headed)\s+by\s+(?:Mr\.\s+|Ms\.\s+|Dr\.\s+)?"
                           + _LED_TITLE +
                           r"(?P<name>(?:" + _W + r"\s+|[A-Z]\.\s+){1,3}" + _W + r")(?P<title>,\s+(?:[a-z][\w'-]*\s+){1,4}of\s+(?:the\s+)?"
                           r"(?:[A-Z][\w'-]*\s*){1,4})?(?=[,.;]|\s+(?:and|to|in|on|at)\b|"
                           r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|$)"))


def _delegation_heads(f: _Found, rules: Rules) -> None:
    """The named head of a delegation told by its country (see _LED_BY)."""
    text = f.text
    for m in _LED_BY.finditer(text):
        name = m.group("name")
        a, b = m.start("name"), m.end()
        lead = m.group("adj") or m.group("of")
        country = next((p.code for p in places_in(lead, rules) if p.start == 0 and p.kind == "country"), None)
        if country is None or country == "CHN" or not f.free(a, b) or places_in(name, rules) or \
                _chinese_name(rules, " ".join(name.split()[:2])):
            continue
        title = (m.group("title") or "").lstrip(", ").strip() or (m.group("pre") or "").strip() or \
            "head of the delegation"
        f.add(Person("foreign", name, title, country=country, start=a, end=b))


# "Liu Guiping(Deputy Mayor of Chongqing) met Mr. Andrej Fistravec.", "Mr. Andrej Fistravec(Mayor of Maribor,
# Slovenia) led a delegation": a title in brackets right after the name, with or without a space before them
_BRACKETED = re.compile(r"(?<![\w'-])(?P<name>" + _W + r"(?:\s" + _W + r"){1,3})\s?\((?P<title>[^()]{4,200})\)")


def _bracketed_titles(f: _Found, rules: Rules) -> None:
    """A person named before a bracketed title with a head noun (see _BRACKETED): foreign when the title names a
    foreign country (or the one foreign country of the sentence, for a foreign-looking name), Chinese when the name
    is a Chinese one and the title names no foreign country."""
    text = f.text
    for m in _BRACKETED.finditer(text) if "(" in text else ():    # (most sentences have no bracket: not scanned)
        title = " ".join(m.group("title").split())
        if not _TITLE_HEAD.search(title):
            continue
        words = m.group("name").split()
        while words and (_TITLE_HEAD.fullmatch(words[0]) or words[0] in ("Mr", "Ms", "Mrs", "Dr") or places_in(
                words[0], rules) or words[0] in ("The", "On", "In", "At", "From")):
            words = words[1:]           # "Chongqing Mayor Liu Guiping(...)": the name is after the title words
        if len(words) < 2:
            continue
        name = " ".join(words)
        a, b = m.end("name") - len(name), m.end()
        if not f.free(a, b):
            continue
        country = next((p.code for p in places_in(title, rules) if p.kind == "country" and p.code != "CHN"), None)
        chinese = valid_chinese(name) and words[0] in rules.surnames
        if country is None and not chinese:
            country = _sole_country(text, a, name, f.sole(rules), rules)
        if country is not None:
            f.add(Person("foreign", name, title, country=country, start=a, end=b))
        elif chinese:
            prov, city = chinese_place(title, rules)
            f.add(Person("chinese", name, title, level=level_of(title, rules), start=a, end=b, province=prov,
                         city=city))


def _known_foreign(f: _Found, rules: Rules) -> None:
    """Foreign leaders of config/meetings.toml [foreign_persons] named without a role: a full name anywhere
    ("Mohammad Javad Zarif"), a surname after "Mr." or "Ms." ("Mr. Patrushev")."""
    if rules.known_foreign is None or (rules.known_foreign_names is not None
                                       and rules.known_foreign_names.search(f.text) is None):
        return
    for m in rules.known_foreign.finditer(f.text):
        name = m.group("name")
        if f.free(*m.span()) and (" " in name or m.group("hon")):
            f.add(Person("foreign", name, None, country=rules.foreign_persons[name], start=m.start(), end=m.end()))


def _unnamed_chinese(f: _Found, rules: Rules) -> None:
    """Chinese officials by title alone: "Governor of Guangdong Province", "Guangdong Governor"."""
    text = f.text
    for m in rules.unnamed_title.finditer(text):
        if not f.free(*m.span()) or re.match(r"\s+[A-Z][a-z]+ [A-Z][a-z]+", text[m.end():]):
            continue
        title = " ".join(m.group().split())
        prov, city = chinese_place(title, rules)
        f.add(Person("chinese", None, title, level=level_of(title, rules), start=m.start(), end=m.end(),
                     province=prov, city=city))
    for m in rules.place_title.finditer(text):
        if f.free(*m.span()) and text[m.end():m.end() + 1] != "'":
            title = " ".join(m.group().split())
            prov, city = chinese_place(title, rules)
            f.add(Person("chinese", None, title, level=level_of(title, rules), start=m.start(), end=m.end(),
                         province=prov, city=city))


# Titles outside the gazetteers: a run of title words with a head noun just before a name. "External Security
# Commissioner of the Chinese Foreign Ministry Cheng Guoping" (a Chinese name: the Chinese side), "First Deputy
# Adviser on National Security Council of Afghanistan Atiqullah Noshir" (a country ends the title: that country).
_HEADS = (r"Minister|Premier|Commissioner|Envoy|Representative|Director|Ambassador|Consul|Secretary|Chairman|Chairwoman|"
          r"Chairperson|President|Adviser|Advisor|Counselor|Councilor|Chief|Head|Governor|Mayor|Commander|"
          r"Coordinator|Negotiator|Spokesperson|Administrator|Senator|Assemblymember|Assemblyman|Assemblywoman|"
          r"Congressman|Congresswoman|Lawmaker|Legislator|Speaker")
_TITLE_HEAD = re.compile(r"\b(?:" + _HEADS + r")s?\b")
# "California Assemblymember Evan Low", "Russian Presidential Envoy for Afghanistan Zamir Kabulov": a place abroad
# (or a country) just before the title words; the region an envoy is for is part of the title
_TITLE_AFTER_PLACE = re.compile(r"\s+(?P<title>(?:[A-Z][\w'-]*\s+){0,3}?(?:" + _HEADS + r")"
                                r"(?:\s+(?:for|on)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,2}?[A-Z][\w'-]*)?)"
                                r"(?P<name>(?:\s+[A-Z][\w'-]+){2,3})(?=\s+[a-z]|\s*[,.;:]|$)")
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w'-]*|of|on|for|to|the|and|affairs|issues?)\s+){1,20}$")
# "Huang Qiang, Deputy Secretary of the CPC Sichuan Provincial Committee and Governor of ..., met": the title after
_TITLE_AFTER = re.compile(r",\s+(?P<title>(?:[A-Z][\w'-]*|of|on|for|to|the|and)(?:\s+(?:[A-Z][\w'-]*|of|on|for|to|"
                          r"the|and)){1,24}),")
_CN_NAME = re.compile(r"(?<![\w-])(?=(?P<name>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)(?![\w-]))")   # overlapping
_FOREIGN_AFTER = re.compile(r"\s+(?P<name>(?:[A-Z][\w'-]+\s){1,3}?[A-Z][\w'-]+)(?=\s+[a-z]|\s*[,.;:]|$)")


def _title_start(text: str, run_start: int, end: int, f: _Found) -> int | None:
    """Where a title run begins: at a capitalized word after the last span already read, else None."""
    for m in re.finditer(r"(?<![\w'-])[A-Z]", text[run_start:end]):
        a = run_start + m.start()
        if f.free(a, end) and not re.match(r"(?:And|The|Of|On|For|To|In|At)\b", text[a:end]):
            return a
    return None


_OF_TO_END = re.compile(r"\b(?:of|to)\s+(?:the\s+)?$")


def _generic_titles(f: _Found, rules: Rules) -> None:
    text = f.text
    # read once for the titles before the names and after them; only names with a Chinese surname are read (not
    # sought in a text without, f.named)
    names = list(_CN_NAME.finditer(text)) if f.named(rules) else []
    for m in names:
        name, end = m.group("name"), m.start() + len(m.group("name"))
        if name.split()[0] not in rules.surnames or not valid_chinese(name) or not f.free(m.start(), end):
            continue
        run = _TITLE_RUN.search(text[:m.start()])
        if run is None:
            continue
        a = _title_start(text, run.start(), m.start(), f)
        if a is None:
            continue
        title = text[a:m.start()].strip()
        if not _TITLE_HEAD.search(title) or re.search(r"\b(?:and|of|on|for|to|the)$", title):
            continue
        foreign = [p for p in places_in(title, rules) if p.kind == "country" and p.code != "CHN"]
        if foreign and not re.search(r"\b(?:Chinese|China's|China)\b", title):
            continue
        prov, city = chinese_place(title, rules)
        f.add(Person("chinese", name, title, level=level_of(title, rules), start=a, end=end, province=prov,
                     city=city))
    for m in names:
        name, end = m.group("name"), m.start() + len(m.group("name"))
        after = _TITLE_AFTER.match(text, end)
        if after is None or name.split()[0] not in rules.surnames or not valid_chinese(name) or \
                not f.free(m.start(), after.end("title")) or not re.search(r"(?:^|[,;:]\s+|\band\s+)$",
                                                                          text[:m.start()]):
            continue
        title = after.group("title")
        if not _TITLE_HEAD.search(title) or re.search(r"\b(?:and|of|on|for|to|the)$", title) or [
                p for p in places_in(title, rules) if p.kind == "country" and p.code != "CHN"]:
            continue
        prov, city = chinese_place(title, rules)
        f.add(Person("chinese", name, title, level=level_of(title, rules), start=m.start(), end=after.end("title"),
                     province=prov, city=city))
    for p in places_in(text, rules):
        if p.kind != "country" or p.code == "CHN" or not _OF_TO_END.search(text[:p.start]):
            continue
        nm = _FOREIGN_AFTER.match(text, p.end)
        run = _TITLE_RUN.search(text[:p.start])
        if nm is None or run is None or places_in(nm.group("name"), rules) or \
                nm.group("name").split()[0] in _PLACE_WORDS or _chinese_name(rules, " ".join(nm.group("name").split()[:2])):
            continue
        a = _title_start(text, run.start(), p.start, f)
        if a is None or not f.free(a, nm.end()) or not _TITLE_HEAD.search(text[a:p.start]):
            continue
        f.add(Person("foreign", nm.group("name"), text[a:p.end], country=p.code, start=a, end=nm.end()))
    for p in places_in(text, rules):
        if p.kind != "country" or p.code == "CHN":
            continue
        tm = _TITLE_AFTER_PLACE.match(text, p.end)
        if tm is None or not f.free(p.start, tm.end()):
            continue
        name = tm.group("name").strip()
        if places_in(name, rules) or _chinese_name(rules, " ".join(name.split()[:2])):
            continue
        f.add(Person("foreign", name, text[p.start:tm.end("title")], country=p.code, start=p.start, end=tm.end()))


# "Consul General Zheng Xiyuan and his wife Ms. Li Fanghui visited York": a Chinese name after an honorific
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Ms|Mrs|Madam|Madame)\.?\s+(?P<name>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)(?![\w-])")


def _honorific_chinese(f: _Found, rules: Rules) -> None:
    """A Chinese name after "Mr."/"Ms."/"Madam" that no other pattern read: a person of the Chinese side, untitled."""
    for m in _HONORIFIC_NAME.finditer(f.text) if f.named(rules) else ():
        name = m.group("name")
        if _chinese_name(rules, name) and f.free(m.start("name"), m.end("name")):
            f.add(Person("chinese", name, None, start=m.start("name"), end=m.end("name")))


def _bare_leaders(f: _Found, rules: Rules) -> None:
    """A Chinese leader of config/meetings.toml [[chinese_leaders]] named without a title ("This morning, Wang Yi
    met with him")."""
    for name in {entry[2] for entry in rules.chinese_leaders}:
        if name not in f.text:
            continue  # (most sentences: the pattern, which opens with a look-behind, would try every position)
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", f.text):
            if f.free(*m.span()):
                f.add(Person("chinese", name, None, level="national", start=m.start(), end=m.end()))


_LISTED_NAME = re.compile(r"[A-Z][a-z]+\s[A-Z][a-z]{1,11}(?![\w-])")


def _name_lists(f: _Found, rules: Rules) -> None:
    """Chinese names listed without titles, two or more ("Yu Zhengsheng, Liu Yunshan, Wang Qishan and Zhang Gaoli
    were present", "Wang Huning, Liu Yandong, ... and others also attended"): each a surname and a given name in
    pinyin; a list with a name that is not is no list of Chinese names."""
    if rules.chinese_name_list is None:
        return
    for m in rules.chinese_name_list.finditer(f.text) if f.named(rules) else ():
        names = [(n.group(), m.start() + n.start(), m.start() + n.end()) for n in _LISTED_NAME.finditer(m.group())]
        if len(names) < 2 or not all(valid_chinese(n) for n, _, _ in names):
            continue
        for name, a, b in names:
            if f.free(a, b):
                f.add(Person("chinese", name, None, start=a, end=b))
    # one name alone, the subject of a sentence saying it was there: "Feng Fei was present at the meeting."
    one = _ONE_PRESENT.match(f.text)
    if one is not None and valid_chinese(one.group("name")) and one.group("name").split()[0] in rules.surnames \
            and f.free(one.start("name"), one.end("name")):
        f.add(Person("chinese", one.group("name"), None, start=one.start("name"), end=one.end("name")))


_ONE_PRESENT = re.compile(r"(?P<name>[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?)\s+was\s+(?:also\s+)?present\b")
