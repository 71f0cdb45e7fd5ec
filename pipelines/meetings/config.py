"""The meetings extractor's rules, loaded once per config directory: config/meetings.toml (site places, press
conference titles, role heads, foreign roles and portfolios, levels, places abroad, landmarks) and the gazetteers of
config/mentions/ (countries, provinces, cities, Chinese surnames), compiled into one frozen `Rules`."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from gazette_data import default_config

from .. import mentions
from ..trie import trie_regex
from ..needles import gated

DEFAULT_CONFIG = default_config()  # the shipped config/ (meetings.toml, mentions/), also in a non-editable install

_UNNAMED_CN = r"(?P<title>(?:Executive\s+)?(?:Vice\s+)?(?:Governor|Mayor|Party\s+Secretary))\s+of\s+(?:the\s+)?" \
              r"(?P<place>{places})(?:\s+(?:Province|Municipality|City))?"
@dataclass(frozen=True)
class Rules:
    tagger: mentions.Tagger
    site_places: dict                 # site key -> (province code, city name or None)
    skip_titles: re.Pattern | None
    press_titles: re.Pattern | None    # titles of press conferences (their answers are read)
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
    chinese_lower_title: re.Pattern    # "Yang Jiechi, member of the Political Bureau ..."
    landmarks: re.Pattern | None       # "the Great Hall of the People"
    landmark_codes: dict               # landmark -> province code
    surnames: frozenset
    foreign_persons: dict              # name -> alpha-3 ("Trump": USA)
    known_foreign: re.Pattern | None   # those names, whole or after Mr./Ms.
    chinese_leaders: tuple = ()        # ((title, surname, name, from, to), ...): "President Xi" -> Xi Jinping
    chinese_name_list: re.Pattern | None = None  # "Yu Zhengsheng, Liu Yunshan, Wang Qishan and Zhang Gaoli"
    # a surname, a space and a capitalised word: every match of the four patterns of Chinese names above holds one,
    # so a sentence without (most) is not searched for them (persons.py); None: always searched
    chinese_names: re.Pattern | None = None
    # known_foreign's names alone (opening with them, re scans for their first letters): a text without one is not
    # searched for known_foreign, which tries its optional "Mr." and its look-behind at every position
    known_foreign_names: re.Pattern | None = None


def _load_toml(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


SitePlaces = tuple[tuple[str, tuple[str | None, str | None]], ...]  # ((site key, (province code, city)), ...)


def shipped_site_places() -> SitePlaces:
    """The `province` and `city` of the shipped sites.toml's sites: the places of `load()` without a config (tests,
    benchmarks); a loaded config passes its own sites' (pipelines/taggers.py)."""
    tables = _load_toml(DEFAULT_CONFIG / "sites.toml").get("sites", {})
    return tuple((key, (t.get("province"), t.get("city"))) for key, t in tables.items() if t.get("province"))


@lru_cache(maxsize=8)
def load(config_dir: str | None = None, site_places: SitePlaces | None = None) -> Rules:
    """The rules for a config directory (its meetings.toml and mentions/; the project's own when absent), with the
    sites' default places (their sites.toml `province` and `city`; the shipped sites' when None)."""
    directory = Path(config_dir) if config_dir else DEFAULT_CONFIG
    path = directory / "meetings.toml"
    if not path.exists():
        path = DEFAULT_CONFIG / "meetings.toml"
    cfg = _load_toml(path)
    if "sites" in cfg:
        raise ValueError(f"{path}: [sites] has moved: a site's default place is its `province` and `city` in "
                         "sites.toml")
    tagger = mentions.load(config_dir)
    mentions_dir = directory / "mentions" if (directory / "mentions" / "countries.toml").exists() \
        else DEFAULT_CONFIG / "mentions"
    prov = _load_toml(mentions_dir / "provinces.toml")["provinces"]
    cities = _load_toml(mentions_dir / "cities.toml")["cities"]
    provinces = {code: entry["name"] for code, entry in prov.items()}
    sites = dict(shipped_site_places() if site_places is None else site_places)
    for key, (province, _) in sites.items():
        if province not in provinces:
            raise ValueError(f"site '{key}': province = {province!r} is not a code of {mentions_dir}/provinces.toml")
    country_names = {hit[2]: hit[1] for hit in tagger.lookup.values() if hit and hit[0] == "country"}
    surnames = _load_toml(mentions_dir / "officials.toml")["surnames"]
    surname_regex = trie_regex(surnames)
    return Rules(
        **_role_patterns(cfg), **_place_patterns(cfg, provinces, cities, set(country_names)),
        chinese_long_title=gated(_long_title(surname_regex)),
        chinese_envoy=gated(_envoy(surname_regex)),
        chinese_lower_title=_lower_title(surname_regex),
        chinese_name_list=_name_list(surname_regex),
        chinese_names=re.compile(r"(?:" + surname_regex + r")\s[A-Z][a-z]"),
        surnames=frozenset(surnames),
        tagger=tagger, site_places=sites,
        provinces=provinces, province_names={v: k for k, v in provinces.items()},
        cities={name: (e["code"], e["province"]) for name, e in cities.items()},
        country_names=country_names,
        foreign_persons=dict(cfg.get("foreign_persons", {})),
        known_foreign=_known_foreign(cfg.get("foreign_persons", {})),
        known_foreign_names=_known_foreign_names(cfg.get("foreign_persons", {})),
        chinese_leaders=_leaders(cfg.get("chinese_leaders", [])))


def _role_patterns(cfg: dict) -> dict:
    """The Rules read from meetings.toml's [articles], [press_conferences], [roles] and [levels], compiled."""
    skip = cfg.get("articles", {}).get("skip_titles", [])
    press = cfg.get("press_conferences", {}).get("titles", [])
    heads = sorted(cfg["roles"]["heads"], key=len, reverse=True)
    foreign = sorted(cfg["roles"]["foreign"], key=len, reverse=True)
    levels = tuple((lvl, tuple(words)) for lvl, words in cfg["levels"].items())
    return dict(
        skip_titles=re.compile("|".join(skip), re.IGNORECASE) if skip else None,
        press_titles=re.compile("|".join(press), re.IGNORECASE) if press else None,
        heads=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])", re.IGNORECASE),
        foreign_roles=gated(re.compile(r"(?<![\w-])(?:" + "|".join(f"[{h[0]}{h[0].lower()}]" + re.escape(h[1:])
                                                                   for h in foreign) + r")(?![\w-])")),
        portfolio=frozenset(cfg["roles"].get("portfolio", [])),
        levels=levels,
        level_patterns=tuple((lvl, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])",
                                              re.IGNORECASE)) for lvl, words in levels))


def _place_patterns(cfg: dict, provinces: dict, cities: dict, iso: set) -> dict:
    """The Rules about places: China's provinces and cities in titles, [foreign_places] (checked against the
    gazetteer's country codes `iso`) and [landmarks], compiled."""
    names = "|".join(sorted((re.escape(n) for n in [*provinces.values(), *cities]), key=len, reverse=True))
    abroad = {" ".join(k.split()): v for k, v in cfg.get("foreign_places", {}).items()}
    landmarks = dict(cfg.get("landmarks", {}))
    for name, code in abroad.items():
        if code not in iso:
            raise ValueError(f"meetings.toml: [foreign_places] {name} = {code}: not a country code of the gazetteer")
    return dict(
        foreign_places=re.compile(r"(?<![\w-])(?:" + trie_regex(abroad) + r")(?![\w-])") if abroad else None,
        foreign_place_codes=abroad,
        landmarks=gated(re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(landmarks, key=len, reverse=True))
                                   + r")(?![\w-])")) if landmarks else None,
        landmark_codes=landmarks,
        unnamed_title=gated(re.compile(_UNNAMED_CN.format(places=names))),
        place_title=gated(re.compile(r"(?P<place>" + names + r")\s+(?P<title>(?:Executive\s+)?(?:Vice\s+)?(?:Governor|Mayor))"
                                     r"\b(?!\s+[A-Z][a-z]+ [A-Z][a-z]+)")),
        chinese_places=frozenset([*provinces.values(), *cities]))


def _leaders(entries: list[dict]) -> tuple:
    return tuple((x["title"], x["surname"], x["name"], date.fromisoformat(x["from"]),
                  date.fromisoformat(x["to"]) if x.get("to") else None) for x in entries)


def leader_name(title: str, surname: str, day, rules: Rules) -> str | None:
    """The full name of the Chinese leader a title and surname alone name on a day ("President Xi": Xi Jinping),
    from config/meetings.toml [[chinese_leaders]]; None when none or several hold it."""
    if day is None:
        return None
    found = {name for t, s, name, a, b in rules.chinese_leaders
             if t == title and s == surname and a <= day and (b is None or day <= b)}
    return found.pop() if len(found) == 1 else None


def _known_foreign_names(names: dict) -> re.Pattern | None:
    """What every match of _known_foreign holds: one of the names, then no letter, digit or hyphen."""
    return re.compile(r"(?:" + trie_regex(names) + r")(?![\w-])") if names else None


def _known_foreign(names: dict) -> re.Pattern | None:
    if not names:
        return None
    alternatives = trie_regex(names)
    return re.compile(r"(?:(?P<hon>\b(?:Mr|Ms|Mrs|Madam)\.?\s+|\bcounterpart\s+))?(?<![\w-])(?P<name>" + alternatives
                      + r")(?![\w-])")


def _long_title(surnames: str) -> re.Pattern:
    """"Director of the Office of the Central Foreign Affairs Commission Wang Yi"."""
    return re.compile(
        r"(?P<title>(?:(?:Deputy|Vice|Executive)\s+)?(?:Director|Head|Minister|Chairman|Chairwoman|President|"
        r"Secretary|Member|Director-General|Party\s+Secretary|Special\s+Representative|Special\s+Envoy)\s+"
        r"(?:of|on|for)\s+(?:the\s+)?(?:(?:[A-Z][\w'-]*|of|and|the|for|on)\s+){1,12}?)"
        r"(?P<name>(?:" + surnames + r")\s[A-Z][a-z]{1,11})(?![\w-])")


def _envoy(surnames: str) -> re.Pattern:
    """"Chinese Ambassador to Zambia Du Xiaohui"."""
    return re.compile(
        r"(?P<title>(?:Chinese\s+)?(?:Ambassador|Consul\s+General|Consul)\s+(?:to|in)\s+(?:the\s+)?"
        r"(?:[A-Z][\w'-]*\s+){1,4}?)(?P<name>(?:" + surnames + r")\s[A-Z][a-z]{1,11})(?![\w-])")


def _name_list(surnames: str) -> re.Pattern:
    """"Yu Zhengsheng, Liu Yunshan, Wang Qishan and Zhang Gaoli were present": two or more Chinese names without
    titles, joined by commas and "and", three or more joined by commas, or two or more before "and others" (each name is checked for a given name in
    pinyin where it is used)."""
    name = r"(?:" + surnames + r")\s[A-Z][a-z]{1,11}(?![\w-])"
    return re.compile(r"(?<![\w-])" + name + r"(?:,\s+" + name + r")*,?\s+and\s+" + name + r"|(?<![\w-])" + name
                      + r"(?:,\s+" + name + r"){2,}|(?<![\w-])" + name + r"(?:,\s+" + name + r")+(?=,?\s+and\s+others\b)")


def _lower_title(surnames: str) -> re.Pattern:
    """"Yang Jiechi, member of the Political Bureau of the CPC Central Committee and director of ...": a Chinese
    name with its title after it in lower case, as the ministry's press conferences write it."""
    return re.compile(
        # (the news agency's "Wang Huning, a member of the Standing Committee of the Political Bureau ...")
        r"(?<![\w-])(?P<name>(?:" + surnames + r")\s[A-Z][a-z]{1,11}),\s+(?:(?:also\s+)?an?\s+)?"
        r"(?P<title>(?:member|director|head|minister|"
        r"vice\s+premier|premier|state\s+councilor|vice\s+president|president|chairman|vice\s+chairman|"
        r"(?:deputy\s+|party\s+)?secretary|(?:vice\s+)?governor|(?:vice\s+)?mayor)\b"
        r"[^,;.]{0,160})")


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
