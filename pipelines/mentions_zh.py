"""Countries, provinces, cities and officials named in Chinese text, tagged with the same names and codes as the
English tagger (pipelines/mentions.py), so one place or person is one tag in both languages.

Names: pycountry's zh_CN gettext translations of ISO 3166-1 and ISO 3166-2:CN (Debian iso-codes), with short
province forms derived by a rule (贵州省 -> 贵州), and config/mentions/zh.toml (the short country forms the ministry
writes, the cities' Chinese names, officials' Chinese names mapped to their English ones; sources cited there), and
config/mentions/zh_abroad.toml (foreign states, provinces and cities -> their country, generated from iso-codes' ISO
3166-2 and CLDR's exemplar cities; read by the meeting extractors, never tagged).
Chinese has no spaces, so matching is leftmost-longest over a trie of all names, with no word boundaries.
Pure: data files in, mentions out; read once per config directory.
"""
from __future__ import annotations

import gettext
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .needles import gated
from .trie import trie_regex

CJK = re.compile(r"[\u4e00-\u9fff]")
# A province's official name minus its administrative suffix is how running text names it.
_SUFFIX = re.compile(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")


@dataclass(frozen=True)
class ChineseTagger:
    places: re.Pattern | None
    lookup: dict          # Chinese name -> (kind, display name, code) or None (ignored phrase)
    officials: re.Pattern | None
    english: dict         # official's Chinese name -> English name
    foreign: re.Pattern | None = None                       # foreign leaders' names (zh.toml [foreign])
    foreign_country: dict = field(default_factory=dict)     # foreign leader's Chinese name -> ISO alpha-3
    resolved: tuple = ()  # (character, ISO alpha-3): ambiguous one-character forms the text at hand resolves
    posts: dict = field(default_factory=dict)               # city of a Chinese consulate abroad -> ISO alpha-3
    abroad: re.Pattern | None = None                        # foreign states, provinces, cities (zh_abroad.toml)
    abroad_country: dict = field(default_factory=dict)      # foreign sub-national place -> ISO alpha-3


def has_chinese(text: str) -> bool:
    return bool(text) and CJK.search(text) is not None


def _translations(domain: str):
    import pycountry
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


def _zh(t, value: str | None) -> str | None:
    """The Chinese translation of an ISO name, or None when there is none (gettext returns the name itself, and
    the catalogue's header for an empty string)."""
    if not value:
        return None
    out = t.gettext(value)
    return out if out != value and has_chinese(out) else None


def _countries(english: dict, extra: dict, exclude: set) -> dict:
    """Chinese name -> (kind, display, code), the display name taken from the English tagger's lookup."""
    import pycountry
    t = _translations("iso3166-1")
    display = {code: name for kind, name, code in english.values() if kind == "country"}
    out: dict = {}
    for c in pycountry.countries:
        if c.alpha_3 in exclude or c.alpha_3 not in display:
            continue
        for attr in ("name", "common_name", "official_name"):
            zh = _zh(t, getattr(c, attr, None))
            if zh:
                out[zh] = ("country", display[c.alpha_3], c.alpha_3)
    for code, names in extra.items():
        if code not in display:
            raise ValueError(f"zh.toml: {code} is not a country the English gazetteer knows")
        for n in names:
            out[n] = ("country", display[code], code)
    return out


def _provinces(english: dict, extra: dict) -> dict:
    import pycountry
    t = _translations("iso3166-2")
    display = {code: name for kind, name, code in english.values() if kind == "province"}
    out: dict = {}
    for s in pycountry.subdivisions.get(country_code="CN"):
        zh = _zh(t, s.name)
        if zh and s.code in display:
            out[zh] = ("province", display[s.code], s.code)
            short = _SUFFIX.sub("", zh)
            if len(short) >= 2:
                out[short] = ("province", display[s.code], s.code)
    for code, names in extra.items():
        if code not in display:
            raise ValueError(f"zh.toml: {code} is not a province the English gazetteer knows")
        for n in names:
            out[n] = ("province", display[code], code)
    return out


def _cities(english: dict, extra: dict) -> dict:
    codes = {name: code for kind, name, code in english.values() if kind == "city"}
    out: dict = {}
    for name, zh in extra.items():
        if name not in codes:
            raise ValueError(f"zh.toml: city {name} is not in cities.toml")
        out[zh] = ("city", name, codes[name])
    return out


@lru_cache(maxsize=8)
def build(data_dir: str, english_lookup_items: tuple) -> ChineseTagger:
    """The Chinese tagger of a mentions/ directory; `english_lookup_items` are the English tagger's lookup
    entries (so display names and codes are the same ones)."""
    path = Path(data_dir) / "zh.toml"
    if not path.exists():
        return ChineseTagger(None, {}, None, {})
    with open(path, "rb") as fh:
        cfg = tomllib.load(fh)
    english = {k: v for k, v in english_lookup_items if v is not None}
    countries_cfg = Path(data_dir) / "countries.toml"
    with open(countries_cfg, "rb") as fh:
        exclude = set(tomllib.load(fh).get("settings", {}).get("exclude", []))
    lookup: dict = {}
    lookup.update(_countries(english, cfg.get("countries", {}), exclude))
    lookup.update(_provinces(english, cfg.get("provinces", {})))
    lookup.update(_cities(english, cfg.get("cities", {})))
    for phrase in cfg.get("ignore", {}).get("phrases", []):
        lookup[phrase] = None
    officials = cfg.get("officials", {})
    heads = sorted(cfg.get("titles", {}).get("heads", []), key=len, reverse=True)
    person = None
    if officials:
        title = "(?P<title>" + trie_regex(heads) + ")?" if heads else "(?P<title>)"
        # tried on every run of Chinese text: only where one of the names is (pipelines/needles.py)
        person = gated(re.compile(title + "(?P<name>" + trie_regex(officials) + ")"))
    # a name followed by 尔 is inside a transliterated name (赞登沙特尔 holds 沙特, 埃马纽埃尔 holds 纽埃)
    places = re.compile("(?:" + trie_regex(lookup) + ")(?!尔)") if lookup else None
    foreign, posts = _of_countries(cfg, "foreign", lookup), _of_countries(cfg, "consulates", lookup)
    hand = {name: code for code, names in cfg.get("abroad", {}).items() for name in names}
    abroad = _abroad(Path(data_dir) / "zh_abroad.toml", {**hand, **posts}, lookup)
    # matched with every other place name, longest first, so that 罗马 is not read inside 罗马尼亚
    everything = {**lookup, **abroad}
    return ChineseTagger(places, lookup, person, dict(officials), re.compile(trie_regex(foreign)) if foreign else None,
                         foreign, posts=posts,
                         abroad=re.compile("(?:" + trie_regex(everything) + ")(?!尔)") if abroad else None,
                         abroad_country=abroad)


def _of_countries(cfg: dict, section: str, lookup: dict) -> dict:
    """Name -> ISO alpha-3 of a zh.toml section that lists names by country ([foreign], [consulates]); a code that
    is not a country the gazetteer knows is a configuration error."""
    named = {name: code for code, names in cfg.get(section, {}).items() for name in names}
    for code in set(named.values()):
        if not any(v and v[0] == "country" and v[2] == code for v in lookup.values()):
            raise ValueError(f"zh.toml: [{section}] {code} is not a country the gazetteer knows")
    return named


def _abroad(path: Path, given: dict, lookup: dict) -> dict:
    """Foreign sub-national place (Chinese) -> ISO alpha-3: zh_abroad.toml (generated from iso-codes' ISO 3166-2 and
    CLDR's exemplar cities, sources there) and the consulate cities and hand-kept [abroad] names of zh.toml (`given`);
    not a name the tagger already reads as a country, a Chinese province or city, or an ignored phrase."""
    out = dict(given)
    if path.exists():
        with open(path, "rb") as fh:
            for code, names in tomllib.load(fh).get("abroad", {}).items():
                for name in names:
                    out.setdefault(name, code)
    known = {v[2] for v in lookup.values() if v and v[0] == "country"}   # a territory the gazetteer leaves out: none
    return {name: code for name, code in out.items() if name not in lookup and code in known}


_RUN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")   # Chinese characters and full-width punctuation


def tag(text: str, tagger: ChineseTagger) -> tuple[dict, dict]:
    """({(kind, name, code): count}, {English name: [title, count, first position]}) of the Chinese text. Only the
    runs of Chinese characters are searched (every name is written in them), so English text costs nothing."""
    counts: dict = {}
    people: dict = {}
    if not has_chinese(text):
        return counts, people
    for run in _RUN.finditer(text):
        chunk, offset = run.group(), run.start()
        if tagger.places is not None:
            for m in tagger.places.finditer(chunk):
                hit = tagger.lookup.get(m.group())
                if hit is not None:
                    counts[hit] = counts.get(hit, 0) + 1
        if tagger.officials is not None:
            for m in tagger.officials.finditer(chunk):
                name = tagger.english[m.group("name")]
                rec = people.setdefault(name, [m.group("title") or "", 0, offset + m.start("name")])
                rec[1] += 1
                if not rec[0] and m.group("title"):
                    rec[0] = m.group("title")
    return counts, people


# The ministry's Chinese names a country by one character in "中美", "美方", "中俄双方"; the English names it in full.
# Only the unambiguous characters (巴 is Pakistan, Brazil or Panama; 印 India or Indonesia in older text).
SIDES = {"美": "USA", "俄": "RUS", "日": "JPN", "韩": "KOR", "朝": "PRK", "印": "IND", "澳": "AUS", "英": "GBR",
         "法": "FRA", "德": "DEU", "加": "CAN", "越": "VNM", "菲": "PHL", "哈": "KAZ", "蒙": "MNG", "伊": "IRN",
         "卢": "LUX", "挪": "NOR", "柬": "KHM", "缅": "MMR", "泰": "THA", "斐": "FJI", "葡": "PRT", "荷": "NLD"}
_C = "美俄日韩朝印澳英法德加越菲哈蒙伊卢挪柬缅泰斐葡荷"
_SIDE = re.compile(
    rf"中([{_C}])(?=[关双两合经贸方友战元外建在之间各同共对边])"    # 中美关系, 中韩双方, 中美在, 中印边界
    rf"|([{_C}])中(?=[两关双])"                                 # 印中两国
    rf"|([{_C}])([{_C}])双方"                                   # 美朝双方
    rf"|(?<![执立司合办说做想宪增参追更地多各双对一两几东西南北官军我敌友他己有无正反])([{_C}])方(?![面式法案向针便])")


def sides(text: str, resolved: tuple = ()) -> list[str]:
    """ISO codes of the countries a text names by one character ("中美关系", "美方"), in order, once each;
    `resolved` adds (character, code) pairs for ambiguous characters the text at hand resolves (see `initials`)."""
    if not has_chinese(text):
        return []        # every form holds 中 or 方: a text with no Chinese character is not scanned
    known = dict(SIDES, **dict(resolved))
    out: list[str] = []
    for m in side_pattern(resolved).finditer(text):
        for char in m.groups():
            code = known.get(char) if char else None
            if code and code not in out:
                out.append(code)
    return out


# Characters that begin a country's name but, before 方 or after 中, are words: 西方 (the West), 南方, 多方, 几方,
# 比方, 立方, 土方, 秘方, 古方; 中东, 中亚 (Central Asia), 中拉 (China-Latin America); 中 is China.
_NOT_INITIAL = "中东西南北多几立比土秘古亚拉上下前后大小"


def side_pattern(resolved: tuple = ()) -> re.Pattern:
    """The pattern of `sides`, with the characters of `resolved` ((character, code) pairs) among the initials."""
    # the added characters go into character classes: their order and repeats, and those already there, say nothing
    return _side_pattern("".join(sorted({c for c, _ in resolved} - set(_C))))


@lru_cache(maxsize=512)
def _side_pattern(extra: str) -> re.Pattern:
    if not extra:
        return _SIDE
    c = _C + extra
    return re.compile(
        rf"中([{c}])(?=[关双两合经贸方友战元外建在之间各同共对边])|([{c}])中(?=[两关双])|([{c}])([{c}])双方"
        rf"|(?<![执立司合办说做想宪增参追更地多各双对一两几东西南北官军我敌友他己有无正反])([{c}])方(?![面式法案向针便])")


def initials(tagger: ChineseTagger) -> dict:
    """ISO alpha-3 -> the first characters of the country's Chinese names (PAK: 巴; MDV: 马; RWA: 卢): a text naming
    Pakistan in full, and no other country so written, means Pakistan by 中巴, 巴方; one naming Rwanda means Rwanda,
    not SIDES' Luxembourg, by 中卢."""
    out: dict = {}
    for name, hit in tagger.lookup.items():
        if hit and hit[0] == "country" and name[0] not in _NOT_INITIAL:
            out.setdefault(hit[2], set()).add(name[0])
    return out


_INITIALS_OF: dict = {}


def initials_named(text: str, tagger: ChineseTagger) -> dict:
    """{character: ISO alpha-3, or None when several}: the ambiguous one-character forms (巴, 马, 塞) of the foreign
    countries the text names in full or by a leader's name (巴基斯坦, 伊姆兰·汗: 巴 is Pakistan here)."""
    if tagger.places is None:
        return {}
    forms = _INITIALS_OF.get(id(tagger))
    if forms is None:
        forms = _INITIALS_OF[id(tagger)] = initials(tagger)
    named = [hit[2] for hit in (tagger.lookup.get(m.group()) for m in tagger.places.finditer(text))
             if hit and hit[0] == "country" and hit[2] != "CHN"]               # as a place too: 经停斯里兰卡
    if tagger.foreign is not None:                                             # 伊姆兰·汗: Pakistan
        named += [tagger.foreign_country[m.group()] for m in tagger.foreign.finditer(text)]
    out: dict = {}
    for code in named:
        for char in forms.get(code, ()):
            out[char] = code if out.get(char, code) == code else None
    return out


# Read by the meeting extractors of Chinese text (meetings_zh.py, attended_zh.py): a title after a name or a country,
# a venue after a country, a word putting a place (not a party) after it
TITLE = re.compile(r"总统|总理|首相|外长|外相|主任|国务卿|大臣|部长|秘书长|国王|王储|议长|主席|领导人|首席|大使|特使|外秘|总督|元首"
                   r"|亲王|苏丹|埃米尔|总书记|委员长|代表|天皇|女王|公主|总干事|总裁|行长|院长|参谋长|司令|委员|使节|夫人")
VENUE = re.compile(r"(?:峰会|会议|论坛|年会|世博会|奥运会|会晤)")
PLACE_BEFORE = re.compile(r"(?:在|于|抵达|赴|从|驻|经停|过境|途经)$")


def abroad_named(text: str, tagger: ChineseTagger, places: bool = False) -> list[str]:
    """Countries of the foreign states, provinces and cities a side names as its seat ("维多利亚州州长", "大阪府代表团",
    "休斯敦市长"), once each, in order; not those named as where it happened (在墨尔本) unless `places`, nor a place
    inside a longer name (罗马尼亚). Not a tag: mentions and pairing read countries_named alone."""
    out: list[str] = []
    if tagger.abroad is None:
        return out
    for m in tagger.abroad.finditer(text):
        code = tagger.abroad_country.get(m.group())
        if code and (places or not PLACE_BEFORE.search(text[max(0, m.start() - 2):m.start()])) \
                and text[m.start() - 1:m.start()] not in ("-", "·", "－", "•"):
            out.append(code)
    return list(dict.fromkeys(out))


def post_country(post: str, tagger: ChineseTagger) -> str | None:
    """The country of an envoy's or mission's post (the X of 驻X: "印尼", "长崎", "马赛"): the one country it names,
    else the country of the city of a Chinese consulate (zh.toml [consulates]), else None."""
    named = countries_named(post, tagger)
    if len(named) == 1:
        return named[0]
    return tagger.posts.get(re.sub(r"(?<=.)[市州省]$", "", post))


def countries_named(text: str, tagger: ChineseTagger) -> list[str]:
    """Foreign countries a side names (not those named as where it happened: 在德国)."""
    out: list[str] = []
    if tagger.places is None:
        return out
    for m in tagger.places.finditer(text):
        hit = tagger.lookup.get(m.group())
        place = PLACE_BEFORE.search(text[max(0, m.start() - 2):m.start()]) and not TITLE.match(text, m.end()) \
            or VENUE.match(text, m.end())                     # "二十国集团领导人阿根廷峰会": where, not who
        if hit and hit[0] == "country" and hit[2] != "CHN" and not place \
                and text[m.start() - 1:m.start()] not in ("-", "·", "－", "•"):      # 施奈德-阿曼 is no Oman
            out.append(hit[2])
    if tagger.foreign is not None:                       # "蓬佩奥国务卿": a foreign leader named without a country
        out += [tagger.foreign_country[m.group()] for m in tagger.foreign.finditer(text)]
    out += sides(text, tagger.resolved)
    return list(dict.fromkeys(out))
