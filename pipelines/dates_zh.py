"""The date a Chinese clause gives an event, read against the article's publication date: "2019年2月15日",
"2月15日至17日", "15日" (the publication's month), 今天 / 昨天 / 前天, 上周五, "去年4月", "今年5月", "上个月",
"2018年", 去年 (the month and day also in Chinese numerals: 七月九日); and the words that say the text gives no date (日前, 不久前, 前不久, 近日, 上周, 几天前). A news
dateline ("新华社北京12月1日电（记者…）") is no part of a fronted time clause. A sentence that gives no date of its
own is of the time the paragraph set before it (`opening`: the date of an earlier sentence's first clause, "2019年，…。
…在金奈再次会晤"; `ANAPHOR`: 同年, 同日, 当天, 那一年 point back to it). Pure.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from .needles import gated, look_for_any

_WEEKDAY = "一二三四五六日天"
_CN = "一二三四五六七八九十"
_MD = rf"(\d{{1,2}}|十[一二]?|[{_CN[:9]}](?![{_CN}]))"      # a month: 7, 七, 十二
_DD = rf"(\d{{1,2}}|[二三]?十[{_CN[:9]}]?|[{_CN[:9]}](?![{_CN}]))"   # a day: 9, 九, 十二, 二十三, 三十一
_TO = r"(?:至|到|-|—|－|–)"                                  # a range's dash or 至
_TO_DAY = rf"(?={_TO}\d{{1,2}}日)"                        # "8月26—30日": the first day's 日 left out before a range
_PATTERNS: tuple[tuple[str, Any], ...] = (
    ("ymd", re.compile(rf"(?:(\d{{4}})年)?{_MD}月{_DD}(?:\s?日|{_TO_DAY})(?:{_TO}(?:(\d{{1,2}})月)?(\d{{1,2}})日)?")),
    ("day", re.compile(rf"(?<![月\d])(\d{{1,2}})(?:日|{_TO_DAY})(?:{_TO}(\d{{1,2}})日)?")),
    # a day in Chinese numerals of two characters or more, as 中新社 writes it ("二十七日晚"; not 三日, 一日三餐)
    ("day", re.compile(rf"(?<![月\d{_CN}第初])([二三]十[{_CN[:9]}]?|十[{_CN[:9]}])日")),
    ("relative", re.compile(r"今天|今日|当天|今晨|今早|今晚|昨天|昨日|昨晚|前天(?!晚)")),
    ("weekday", re.compile(rf"(上|本)(?:周|星期)([{_WEEKDAY}])")),
    ("last_year_month", re.compile(r"去年(\d{1,2})月")),
    ("this_year_month", re.compile(r"(?:(\d{4})年|今年)(\d{1,2})月(?!\d{1,2}日)")),
    ("last_month", re.compile(r"上个?月")),
    ("month", re.compile(r"(?<![年\d上下个])(\d{1,2})月(?![\d份]|\d{0,2}日)")),
    ("year", re.compile(r"(\d{4})年(?!\d{0,2}月|以来|起|[“《\"])|今年|年内|去年|前年")),   # not "2025年“温暖迎春”…": a title
    ("undated", re.compile(r"前两天|前几天|日前|不久前|前不久|近日|近期|最近|上周(?![一二三四五六日天])|几天前|前些天|前段时间|此前")),
)
# each run only on a text holding a character its matches need (月, 日, 年, ...: pipelines/needles.py)
_PATTERNS = tuple((kind, gated(pattern)) for kind, pattern in _PATTERNS)
_ANY_DATE = look_for_any([pattern for _, pattern in _PATTERNS])     # a text with none of them states no date
_RELATIVE = {"今天": 0, "今日": 0, "当天": 0, "今晨": 0, "今早": 0, "今晚": 0, "昨天": -1, "昨日": -1, "昨晚": -1,
             "前天": -2}


def _value(kind: str, m: re.Match, published: date | None) -> str | None:
    """The ISO date (YYYY-MM-DD, YYYY-MM or YYYY) a match states, None when it cannot be placed."""
    if kind == "undated":
        return None
    if kind == "ymd":
        return _ymd(m, published)
    if kind == "year" and m.group(1):
        return m.group(1)
    if published is None:
        return None
    try:
        return _relative(kind, m, published)
    except (ValueError, KeyError):
        return None


def _number(text: str) -> int:
    """7, 七, 十二, 二十三 as an int (a month's or a day's number, as 中新社 wrote dates: "七月九日")."""
    if text.isdigit():
        return int(text)
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CN.index(text) + 1
    return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(units) + 1 if units else 0)


def _ymd(m: re.Match, published: date | None) -> str | None:
    year = int(m.group(1)) if m.group(1) else (published.year if published else None)
    if year is None:
        return None
    try:
        day = date(year, _number(m.group(2)), _number(m.group(3)))
        if not m.group(1) and published and day > published + timedelta(days=31):
            day = day.replace(year=year - 1)        # "12月29日" in a January article: last year
    except ValueError:
        return None
    return day.isoformat()


def _relative(kind: str, m: re.Match, published: date) -> str | None:
    """The date of an expression read against the publication date ("15日", 昨天, 上周五, 去年4月, 6月, 今年)."""
    if kind == "day":
        day = published.replace(day=_number(m.group(1)))
        if day > published + timedelta(days=3):       # "29日" read on the 2nd: last month
            last = published.replace(day=1) - timedelta(days=1)
            day = last.replace(day=_number(m.group(1)))
        return day.isoformat()
    if kind == "relative":
        return (published + timedelta(days=_RELATIVE[m.group()])).isoformat()
    if kind == "weekday":
        wanted = _WEEKDAY.index(m.group(2)) if m.group(2) not in "日天" else 6
        monday = published - timedelta(days=published.weekday()) - timedelta(days=7 * (m.group(1) == "上"))
        return (monday + timedelta(days=wanted)).isoformat()
    if kind == "last_year_month":
        return f"{published.year - 1:04d}-{int(m.group(1)):02d}"
    if kind == "this_year_month":
        return f"{int(m.group(1) or published.year):04d}-{int(m.group(2)):02d}"
    if kind == "month":
        month = int(m.group(1))
        year = published.year - (month > published.month)       # "6月" read in August; "11月" in January
        return f"{year:04d}-{month:02d}"
    if kind == "last_month":
        return f"{published.year - (published.month == 1):04d}-{(published.month - 2) % 12 + 1:02d}"
    if kind == "year":
        return str(published.year - {"今年": 0, "年内": 0, "去年": 1, "前年": 2}[m.group()])
    return None


def mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every date expression in the text, the more specific first where they overlap."""
    found: list[tuple[int, int, str]] = []
    if _ANY_DATE is not None and not _ANY_DATE.search(text):
        return found
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), kind))
    return sorted(found)


_TIME_WORDS = re.compile(r"[―—－-]+|当地时间|就在|早在|上半年|下半年|年初|年底|月初|月底|上旬|中旬|下旬|北京时间|上午|下午|中午|晚上|晚间|凌晨|晚|早上|早晨|早些时候|另外|此外|同时|答|初|底|中|[，：:\s（）()“”]")


# a news agency's or paper's dateline and byline: "新华社北京12月1日电（记者蒋超）", "本报海口11月26日讯 （记者况昌勋）",
# a byline alone in brackets opening the text ("（四川日报记者孙琳本报记者赖晓莉）昨日，…")
_DATELINE = re.compile(r"^\s*(?:(?:据)?(?:新华社|中新社|中新网|本报|[^\s，。（(]{1,8}(?:日报|晚报|时报|新闻网|网|在线))[^，。（(]{0,12}?[电讯]"
                       r"\s*(?:[（(][^）)]{0,30}[）)])?\s*(?:记者[^\d，。]{0,20}?(?=\d))?|[（(][^）)]{0,30}?记者[^）)]{0,30}[）)]\s*)")


def dateline(text: str, published: date | None) -> date | None:
    """The day a news dateline opening the text gives ("本报6月7日讯（记者…）今天晚上，…": 6月7日, the day its 今天 is),
    when it is the publication's day or up to a week before it; None when the text opens with none."""
    m = _DATELINE.match(text or "")
    day = re.search(r"(\d{1,2})月(\d{1,2})日", m.group()) if m else None
    if not day or published is None:
        return None
    try:
        found = date(published.year, int(day.group(1)), int(day.group(2)))
    except ValueError:
        return None
    if found > published:
        found = found.replace(year=published.year - 1)     # "12月31日电" on a page of 1 January
    return found if published - found <= timedelta(days=7) else None


def fronted(sentence: str, clause_start: int, clause_end: int, at: int, published: date | None) -> str | None:
    """The date of an event whose verb is at `at` in the clause [clause_start, clause_end) of the sentence: the
    nearest date expression before the verb in its clause, else the date of a time clause fronted before it
    ("昨天，", "当地时间2019年2月15日，": a clause that is only a time), else none: a date in a clause of its own
    verb ("昨天我已经介绍过，…会晤时…") is that verb's."""
    clause = sentence[clause_start:clause_end]
    found = [f for f in mentions(clause) if f[0] < at - clause_start]
    if found:
        return nearest(clause, at - clause_start, published)
    for piece in reversed(list(_PIECE.finditer(sentence[:clause_start]))):
        text = _DATELINE.sub("", piece.group())          # "新华社北京12月1日电 11月30日，": the time is 11月30日
        spans = mentions(text)
        rest = text
        for s, e, _ in reversed(spans):
            rest = rest[:s] + rest[e:]
        if spans and not _TIME_WORDS.sub("", rest):
            return nearest(text, len(text), published)
    return None


ANAPHOR = re.compile(r"同年|同月|同日|同一天|当天|当日|那一年|这一年|那天")
_PIECE = re.compile(r"[^，,：:]+")                          # a clause of a sentence, at its commas and colons
_CLAUSE_MARK = re.compile(r"[，,：:；;。！？]")
_TIME_THEN = re.compile(r"(?:上午|下午|晚上?|在|举行|举办|出席)")


def first_clause(sentence: str) -> str:
    """The sentence up to its first comma, colon, semicolon or full stop."""
    return _CLAUSE_MARK.split(sentence, 1)[0]


def opening(sentence: str, published: date | None) -> str | None:
    """The date a sentence's first clause gives as its time, its dateline aside ("新华社北京12月4日电 （记者…）…协会
    4日在京举办…": 4日; "2019年，这一方面…": 2019); None when that clause gives none, says the text gives none
    (日前), or names a date as no time of its own ("国际货币基金组织预计2020年全球经济将萎缩3%")."""
    text = _DATELINE.sub("", sentence)
    first = first_clause(text)
    spans = mentions(first)
    if not spans:
        return None
    rest = first
    for s, e, _ in reversed(spans):
        rest = rest[:s] + rest[e:]
    timed = not _TIME_WORDS.sub("", rest) or _TIME_THEN.match(first[spans[-1][1]:])
    return nearest(first, len(first), published) if timed else None      # not "预计2020年全球经济将萎缩3%"


def anaphoric(context: str, word: str) -> str:
    """The date an anaphor (同年, 同日, 当天) gives, from the date it points back to."""
    return context[:4] if "年" in word else context[:7] if "月" in word else context


def nearest(text: str, at: int, published: date | None, until: int | None = None) -> str | None:
    """The date of the expression nearest before position `at` of the text (else the first after it, before
    `until`); None when that expression says the text gives no date (日前), or there is none."""
    found = mentions(text)
    before = [f for f in found if f[0] < at]
    after = [f for f in found if f[0] >= at and (until is None or f[1] <= until)]
    chosen = before[-1] if before else (after[0] if after else None)
    if chosen is None:
        return None
    start, end, kind = chosen
    for k, pattern in _PATTERNS:
        m = pattern.match(text, start) if k == kind else None
        if m:
            return _value(kind, m, published)
    return None


def published_date(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
