"""Which Chinese article an English one translates: what survives translation, compared.

An article's `Traits` are what a translator keeps: its kind (press conference, spokesperson's remarks, meeting
readout, speech), its date, the numbers it states (Arabic digits and English month names, so "May 13" and
"5月13日" agree), the countries, provinces, cities and officials it names (pipelines/mentions.py tags both
languages with the same names), and its question-and-answer turns (问/答, Q/A). `score(english, chinese)` is a
number from 0 to 1; `choose(...)` keeps, for each English article, the best Chinese candidate of the same kind
within ±2 days when it is confident: above THRESHOLD, clear of the runner-up by MARGIN, and the English article is
that Chinese article's best too. Pure: articles (dicts) in, pairs out; the archive side is archive/translations.py.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from definitions.pairs import MARGIN, THRESHOLD  # kept pairs: also told on the side-by-side page

from . import mentions

WINDOW_DAYS = 2
METHOD = "traits-v1"

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], 1)}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")

# Kinds, by the title first (the ministry's headlines are formulaic), then the first paragraph.
KINDS = (
    ("press", re.compile(r"记者会|Press Conference", re.IGNORECASE)),
    ("remarks", re.compile(r"答记者问|发表谈话|发言人.*(?:表态|谈话)|Spokesperson.*(?:Remarks|Answers|Comments)|"
                           r"Daily Briefing", re.IGNORECASE)),
    ("meeting", re.compile(r"会见|会谈|通电话|视频通话|举行.*磋商|\bMeets?\b|\bHolds? Talks\b|\bTalks\b|"
                           r"Phone Call|Video Call|\bMeeting\b", re.IGNORECASE)),
    ("speech", re.compile(r"讲话|致辞|演讲|发言|\bSpeech\b|\bRemarks\b|\bAddress\b|Statement", re.IGNORECASE)),
)
_QUESTION = re.compile(r"^\s*(?:问[:：]|Q\s*[:：]|[A-Z][\w .'&-]{1,40}?[:：]\s*\S.*\?\s*$)")
_ANSWER = re.compile(r"^\s*(?:答[:：]|A\s*[:：])")


@dataclass(frozen=True)
class Traits:
    id: str
    language: str
    kind: str
    day: date | None
    numbers: Counter
    names: Counter           # (kind, code) of countries, provinces, cities; ("official", English name)
    questions: int
    paragraphs: int


def kind_of(title: str, body: str = "") -> str:
    first = (body or "").split("\n\n", 1)[0][:300]
    for text in (title or "", first):
        for name, pattern in KINDS:
            if pattern.search(text):
                return name
    return "other"


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def numbers(text: str) -> Counter:
    """Numbers as a translator keeps them: digits without thousands separators, month names as their number;
    0 and 1 say nothing."""
    out: Counter = Counter()
    for m in _NUMBER.finditer(text):
        value = m.group().replace(",", "").rstrip(".")
        if value not in ("0", "1"):
            out[value] += 1
    for m in _MONTH.finditer(text):
        out[str(MONTHS[m.group(1).lower()])] += 1
    return out


def questions(body: str) -> int:
    return sum(1 for p in (body or "").split("\n\n") if _QUESTION.match(p))


def traits(article: dict, tagger: mentions.Tagger | None = None, names: Counter | None = None) -> Traits:
    """The traits of an article (a dict with id, language, title, body, published); `tagger`: the gazetteers
    (`config.taggers.mentions`; the shipped ones when None); `names`: what `name_counts` makes of the mentions
    already tagged in the article (the archive's), so it is not tagged again."""
    title, body = article.get("title") or "", article.get("body") or ""
    text = f"{title}\n\n{body}"
    if names is None:
        names = name_counts(vars(m) for m in mentions.tag(text, tagger))
    return Traits(id=article["id"], language=article.get("language") or "en", kind=kind_of(title, body),
                  day=_day(article.get("published")), numbers=numbers(text), names=names,
                  questions=questions(body), paragraphs=len([p for p in body.split("\n\n") if p.strip()]))


def name_counts(found: Iterable[dict]) -> Counter:
    """The names pairing compares, counted, from an article's mentions (dicts of kind, name, code, count): an
    official by name, a place by code; China left out (every article names it)."""
    names: Counter = Counter()
    for m in found:
        key = ("official", m["name"]) if m["kind"] == "official" else (m["kind"], m["code"])
        if key != ("country", "CHN"):
            names[key] += m["count"]
    return names


def _overlap(a: Counter, b: Counter) -> float:
    """Weighted Jaccard of two multisets of whole counts (0 when both are empty): the sum of the smaller counts
    over the sum of the larger, which is both totals less the smaller (a name only one side has adds 0 to it)."""
    smaller = sum(min(a[k], b[k]) for k in a.keys() & b.keys())
    larger = sum(a.values()) + sum(b.values()) - smaller
    return smaller / larger if larger else 0.0


def _set_overlap(a: Counter, b: Counter) -> float:
    shared = len(a.keys() & b.keys())
    either = len(a) + len(b) - shared
    return shared / either if either else 0.0


def score(en: Traits, zh: Traits) -> float:
    """How likely the Chinese article is the original of the English one, 0..1."""
    if en.kind != zh.kind or en.day is None or zh.day is None:
        return 0.0
    gap = abs((en.day - zh.day).days)
    if gap > WINDOW_DAYS:
        return 0.0
    nums = _set_overlap(en.numbers, zh.numbers)
    names = 0.5 * _set_overlap(en.names, zh.names) + 0.5 * _overlap(en.names, zh.names)
    if en.questions or zh.questions:
        qa = min(en.questions, zh.questions) / max(en.questions, zh.questions)
    else:
        qa = min(en.paragraphs, zh.paragraphs) / max(en.paragraphs, zh.paragraphs, 1)
    closeness = 1.0 - gap / (WINDOW_DAYS + 1)
    return round(0.35 * nums + 0.35 * names + 0.15 * qa + 0.15 * closeness, 4)


def choose(english: list[Traits], chinese: list[Traits]) -> list[tuple[str, str, float]]:
    """Confident (english id, chinese id, score) pairs: each side's best, above THRESHOLD, clear of the runner-up."""
    scores: dict = {}
    for e in english:
        for c in chinese:
            s = score(e, c)
            if s > 0:
                scores[(e.id, c.id)] = s
    best_en: dict = {}
    best_zh: dict = {}
    for (e, c), s in scores.items():
        best_en.setdefault(e, []).append((s, c))
        best_zh.setdefault(c, []).append((s, e))
    out = []
    for e, options in best_en.items():
        options.sort(reverse=True)
        s, c = options[0]
        runner_up = options[1][0] if len(options) > 1 else 0.0
        if s < THRESHOLD or s - runner_up < MARGIN:
            continue
        back = sorted(best_zh[c], reverse=True)
        if back[0][1] != e or (len(back) > 1 and back[0][0] - back[1][0] < MARGIN):
            continue
        out.append((e, c, s))
    return out
