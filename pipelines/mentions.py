"""Tag the countries, Chinese province-level divisions, cities and titled officials an article names.

`tag(text)` is a pure function: text in, a list of `Mention(kind, name, code, count)` out, one per distinct
place or person, ordered by kind (country, province, city, official) then by first appearance.

Places come from data, not code: countries from pycountry (ISO 3166-1 alpha-3 codes) plus the aliases,
demonyms and "ignore" phrases in config/mentions/countries.toml; provinces (ISO 3166-2:CN codes) and
cities (GB/T 2260 codes) from config/mentions/provinces.toml and cities.toml.  All place names of all
kinds are compiled into one case-sensitive regular expression (a character trie, so the engine never tries
hundreds of alternatives at each position) with word boundaries; at each position the longest name wins,
so "Guinea-Bissau", "Papua New Guinea" and "Inner Mongolia" are never also "Guinea" or "Mongolia", and an
ignore phrase ("Shanghai Cooperation Organization", "State of Georgia") swallows the name inside it.
One expression for all kinds (rather than one per kind) is what lets a name of one kind shadow a shorter
name of another.  Officials (config/mentions/officials.toml) are a second pass with a few strict patterns.

The data files are read once per config directory and cached.  No Scrapy, no SQLite here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gazette_data import default_config

from . import mentions_zh
from .chars import replacer
from .lookbehind import Behind
from .trie import trie_regex

KINDS = ("country", "province", "city", "official")
DEFAULT_CONFIG = default_config()  # the shipped config/ (its mentions/ is the fallback data)

# Curly quotes become straight ones before matching (same length, so offsets do not move).
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_straight = replacer(_QUOTES)   # text.translate(_QUOTES), faster (chars.py)

# One pinyin syllable (tone marks already absent in these English texts); used to check given names.
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
             r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ui"
             r"|un|uo|ue|a|e|i|o|u|v)")
_GIVEN_NAME = re.compile(rf"(?:{_SYLLABLE}){{1,2}}", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    kind: str      # country | province | city | official
    name: str      # display name of the place, or the official's name
    code: str      # ISO 3166-1 alpha-3, ISO 3166-2:CN, GB/T 2260 city code, or the official's title
    count: int     # how many times the text names it


@dataclass(frozen=True)
class Tagger:
    places: re.Pattern
    lookup: dict                     # normalised matched text -> (kind, name, code) or None (ignored)
    officials: tuple                 # compiled patterns with groups "title" and "name" (the last two: "Ambassador")
    chinese: mentions_zh.ChineseTagger | None = None   # the same names in Chinese (config/mentions/zh.toml)
    # a surname, a space and a capitalised word: every match of the first two `officials` holds one, so a text
    # without is not searched for them; None: always searched
    chinese_names: re.Pattern | None = None
    # `places` and `officials` as `tag` runs them: those opening with a look-behind split (lookbehind.py, same matches)
    scans: tuple = ()


def _norm(s: str) -> str:
    return " ".join(_straight(s).split())


def _iso_names(country) -> list[str]:
    names = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if value and "," not in value and "(" not in value:
            names.append(value)
    return names


def _plurals(demonym: str) -> list[str]:
    return [demonym, demonym + "s"] if demonym[-1] in "ni" else [demonym]


def _load_toml(path: Path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def _places(data_dir: Path) -> dict:
    import pycountry

    lookup: dict = {}
    cfg = _load_toml(data_dir / "countries.toml")
    exclude = set(cfg.get("settings", {}).get("exclude", []))
    extra = cfg.get("countries", {})
    # pycountry first, then the explicit aliases (which win over an ISO name they share).
    for country in pycountry.countries:
        code = country.alpha_3
        if code in exclude:
            continue
        entry = extra.get(code, {})
        display = entry.get("name") or getattr(country, "common_name", None) or country.name
        for n in _iso_names(country):
            lookup[_norm(n)] = ("country", display, code)
    for code, entry in extra.items():
        known = pycountry.countries.get(alpha_3=code)
        if known is None:
            raise ValueError(f"countries.toml: {code} is not an ISO 3166-1 alpha-3 code")
        display = entry.get("name") or getattr(known, "common_name", None) or known.name
        for n in entry.get("aliases", []):
            lookup[_norm(n)] = ("country", display, code)
        for d in entry.get("demonyms", []):
            for n in _plurals(d):
                lookup[_norm(n)] = ("country", display, code)

    prov = _load_toml(data_dir / "provinces.toml")
    iso_cn = {s.code for s in pycountry.subdivisions.get(country_code="CN")}
    for code, entry in prov.get("provinces", {}).items():
        if code not in iso_cn:
            raise ValueError(f"provinces.toml: {code} is not an ISO 3166-2:CN code")
        for n in [entry["name"], *entry.get("aliases", [])]:
            lookup[_norm(n)] = ("province", entry["name"], code)

    cities = _load_toml(data_dir / "cities.toml")
    for name, entry in cities.get("cities", {}).items():
        for n in [name, *entry.get("aliases", [])]:
            lookup[_norm(n)] = ("city", name, entry["code"])

    for cfg_ in (cfg, prov, cities):
        for phrase in cfg_.get("ignore", {}).get("phrases", []):
            lookup[_norm(phrase)] = None
    return lookup


def _official_patterns(cfg: dict, lookup: dict) -> tuple:
    """The officials' four patterns, from officials.toml (`cfg`) and the places of `lookup`."""
    def any_of(words) -> str:   # tried at every word of every text: a trie, one literal space for a space
        return trie_regex(words, space=r"\ ")

    surnames = _surnames(cfg)
    chinese = rf"(?P<name>(?:{surnames}) [A-Z][a-z]{{1,11}})(?=(?:'s)?(?![\w'-]))"
    place = "(?:" + any_of({v[1] for v in lookup.values() if v and v[0] in ("province", "city")}) + ")"
    heads = any_of({w.lower() for w in cfg["titles"]})   # (read case-blind, so one branch per spelling)
    title_before = (rf"(?P<title>(?:{place} (?:Provincial |Municipal |City )?)?(?i:{heads})"
                    rf"(?: of the (?:CPC )?{place} (?:Provincial|Municipal) (?:Party )?Committee"
                    rf"| of {place}(?: Province| City)?)?"
                    rf"|Head of (?:the )?[\w' ]{{3,40}}? [Dd]epartment)")
    starts = any_of({w.lower() for w in cfg["clause_starts"]})
    clause = rf"(?P<title>(?i:{starts})\b[^,.;:()\n]{{0,90}})"
    # A headline in title case ("... to China Anila Bitri Visits Hunan") must not lend the name a verb.
    stop = "|".join(map(re.escape, cfg.get("name_stop_words", [])))
    token = rf"(?!(?:{stop})\b)[A-Z][\w-]+" if stop else r"[A-Z][\w-]+"
    foreign = rf"(?P<name>{token}(?: {token}){{1,2}})(?=(?:'s)?(?![\w'-]))"
    ambassador = r"(?P<title>(?:(?!The )[A-Z][a-z]+ )?Ambassador(?: of (?:the )?[A-Z][\w' ]{2,40}?)? to China)"
    return (
        re.compile(rf"(?<![\w'-]){title_before} {chinese}"),
        re.compile(rf"(?<![\w'-]){chinese}, (?:the )?{clause}(?=[,.;:()\n]|$)"),
        re.compile(rf"{ambassador},? {foreign}"),
        re.compile(rf"(?<![\w'-]){foreign}, (?:the )?{ambassador}"),
    )


def _surnames(cfg: dict) -> str:
    """The surnames of officials.toml as one pattern (a trie, one literal space for a space)."""
    return trie_regex(cfg["surnames"], space=r"\ ")


def _chinese_names(cfg: dict) -> re.Pattern:
    """What every Chinese name of the officials' first two patterns begins with: a surname, a space, a capital and a
    small letter."""
    return re.compile(rf"(?:{_surnames(cfg)}) [A-Z][a-z]")


@lru_cache(maxsize=8)
def _tagger(data_dir: str) -> Tagger:
    path = Path(data_dir)
    lookup = _places(path)
    regex = re.compile(r"(?<![\w])(?:" + trie_regex([k for k in lookup]) + r")(?![\w])")
    chinese = mentions_zh.build(str(path), tuple(lookup.items()))
    cfg = _load_toml(path / "officials.toml")
    officials = _official_patterns(cfg, lookup)
    return Tagger(places=regex, lookup=lookup, officials=officials, chinese=chinese,
                  chinese_names=_chinese_names(cfg), scans=tuple(_scan(p) for p in (regex, *officials)))


def _scan(pattern: re.Pattern):
    """The pattern split at its opening look-behind (lookbehind.Behind: the same matches, found faster), or itself."""
    try:
        return Behind(pattern)
    except ValueError:
        return pattern


def load(config_dir: str | Path | None = None) -> Tagger:
    """The cached tagger for a config directory (the one holding sites.toml); falls back to the
    shipped config's mentions/ when that directory has no mentions/ data."""
    return _load(str(config_dir) if config_dir else None)


@lru_cache(maxsize=8)
def _load(config_dir: str | None) -> Tagger:  # once per directory: called for every article
    data_dir = Path(config_dir) / "mentions" if config_dir else None
    if data_dir is None or not (data_dir / "countries.toml").exists():
        data_dir = DEFAULT_CONFIG / "mentions"
    return _tagger(str(data_dir.resolve()))


def _valid_given(name: str) -> bool:
    given = name.split(" ", 1)[1]
    return _GIVEN_NAME.fullmatch(given) is not None


def tag(text: str, tagger: Tagger | None = None) -> list[Mention]:
    """Every country, province, city and titled official `text` names, with counts (by the gazetteers of a loaded
    config, `config.taggers.mentions`; the shipped ones when None)."""
    if not text:
        return []
    tagger = load() if tagger is None else tagger
    text = _straight(text)
    counts: dict = {}
    places, *officials = tagger.scans or (tagger.places, *tagger.officials)
    for m in places.finditer(text):
        hit = tagger.lookup.get(_norm(m.group()))
        if hit is not None:
            counts[hit] = counts.get(hit, 0) + 1

    people: dict = {}     # name -> [title, count, first position]
    seen_spans: set = set()
    ambassador = "Ambassador" in text   # the last two patterns need the word: most texts skip their scan
    named = tagger.chinese_names is None or tagger.chinese_names.search(text) is not None   # the first two, a name
    for i, pattern in enumerate(officials):
        if (i >= 2 and not ambassador) or (i < 2 and not named):
            continue
        for m in pattern.finditer(text):
            name = _norm(m.group("name"))
            if i < 2 and not _valid_given(name):
                continue
            span = m.span("name")
            if span in seen_spans:
                continue
            seen_spans.add(span)
            rec = people.setdefault(name, [_norm(m.group("title")), 0, span[0]])
            rec[1] += 1
            rec[2] = min(rec[2], span[0])

    if tagger.chinese is not None and mentions_zh.has_chinese(text):   # Chinese text: the same tags
        zh_counts, zh_people = mentions_zh.tag(text, tagger.chinese)
        for hit, n in zh_counts.items():
            counts[hit] = counts.get(hit, 0) + n
        for name, (title, n, first) in zh_people.items():
            rec = people.setdefault(name, [title, 0, first])
            rec[1] += n
            rec[2] = min(rec[2], first)

    out = [Mention(kind, name, code, n) for (kind, name, code), n in counts.items()]
    out.sort(key=lambda x: KINDS.index(x.kind))   # stable: first appearance within a kind
    out += [Mention("official", name, title, n)
            for name, (title, n, _) in sorted(people.items(), key=lambda kv: kv[1][2])]
    return out
