"""Dates of events for the meetings extractor: "On March 21", "From December 15 to 17", "on May 12 and 13", "On
the morning of the 26th", "on Thursday", "last Friday", a news agency's bare "Wednesday", "yesterday", "this morning", resolved against the date the
text was published (or, for a press conference, held)."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..needles import gated

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# abbreviations with or without their period ("Nov. 5", "Sept 1", "Oct 11" on the State Council's English pages)
MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = r"(?:" + MONTH_NAMES + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
_ORD = r"(?:st|nd|rd|th)?"
# words that make a day's name part of another name ("Good Friday", "Super Tuesday")
_NAMED_DAYS = ("Good", "Holy", "Easter", "Palm", "Ash", "Maundy", "Black", "Cyber", "Super", "Bloody", "Blue",
               "Giving")
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DATE_PATTERNS = [
    # March 30 to April 2, 2020 / December 15 to 17, 2020 / May 12 and 13 / between March 3 and 5
    ("range", re.compile(rf"\b(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}}){_ORD}(?:,\s*(?P<y1>\d{{4}}))?"
                         rf"\s*(?:to|-|and|through|till|until)\s*(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}}){_ORD}\b"
                         rf"(?:,?\s*(?P<y2>\d{{4}}))?")),
    # 15 to 17 December 2020
    ("range", re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORD}\s*(?:to|-|and)\s*(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH})"
                         rf"(?:,?\s*(?P<y2>\d{{4}}))?")),
    # "March 13th 2020": the year with or without its comma
    ("single", re.compile(rf"\b(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}}){_ORD}\b(?:,?\s*(?P<y1>(?:19|20)\d\d)\b)?")),
    ("single", re.compile(rf"\b(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>{_MONTH})(?:,?\s*(?P<y1>\d{{4}}))?")),
    # From the 25th to the 27th
    ("days", re.compile(r"\bthe (?P<d1>\d{1,2})(?:st|nd|rd|th)\s*(?:to|-|and|through|till|until)\s*(?:the )?"
                        r"(?P<d2>\d{1,2})(?:st|nd|rd|th)\b")),
    # On the morning of the 26th / on the 26th
    # (not "the 21st China-EU Leaders' Meeting", "the 22nd session": an ordinal before a noun is no day)
    ("days", re.compile(r"\bthe (?:(?:morning|afternoon|evening|night) of the )?(?P<d1>\d{1,2})(?:st|nd|rd|th)\b"
                        r"(?!\s+(?:[A-Z]|[a-z]+\s+(?:[Mm]eeting|[Ss]ession|round|edition|anniversary)\b|"
                        r"(?:meeting|session|round|edition|anniversary|plenary|summit|conference)\b))")),
    # "On 29th, Governor Yuan Jiajun met with ...": a day alone after "On", closed by its comma (Zhejiang's pages)
    ("days", re.compile(r"\b[Oo]n (?P<d1>\d{1,2})(?:st|nd|rd|th)(?=,)")),
    ("weekday", re.compile(r"\b(?P<last>[Oo]n|[Ll]ast|[Tt]his) (?:the (?:morning|afternoon|evening) of )?"
                           r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    # a news agency's bare weekday ("met with ... Wednesday", "Sunday held talks", "held talks here Tuesday"): the
    # last such day up to the dispatch's date; not a day's name in another name ("Good Friday", "Super Tuesday",
    # "Black Monday") nor a possessive ("Monday's statement")
    ("weekday", re.compile("".join(rf"(?<!{w} )" for w in _NAMED_DAYS)
                           + r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!'s|\u2019s)")),
    # yesterday, this morning, last night, the day before yesterday: days back from the text's own date
    ("relative", re.compile(r"\b(?:(?P<two>the\s+day\s+before\s+yesterday)|(?P<one>yesterday|last\s+night)|"
                            r"(?P<zero>today|tonight|this\s+(?:morning|afternoon|evening)))\b", re.IGNORECASE)),
]
# each run only on a text with one of the words its matches need (needles.py): a month's or a weekday's name, "the";
# the weekday's look-behinds were tried at every position of every sentence
_DATE_PATTERNS = [(kind, gated(pattern)) for kind, pattern in _DATE_PATTERNS]
_BACK = {"two": 2, "one": 1, "zero": 0}


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
    if kind == "relative":
        if published is None:
            return None, None, None
        d = published - timedelta(days=next(_BACK[k] for k in _BACK if g.get(k)))
        return d, d, m.span()
    if kind == "weekday":
        if published is None:
            return None, None, None
        back = (published.weekday() - _WEEKDAYS.index(g["w"].lower())) % 7
        if back == 0 and (g.get("last") or "").lower() == "last":
            back = 7            # "last Friday" said on a Friday
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
    assert m1 is not None, "every pattern left (range, single) names a month"
    m2 = g.get("m2") or m1
    mo1, mo2 = _month(m1), _month(m2)
    d1 = int(g["d1"])
    d2 = int(g["d2"]) if g.get("d2") else d1
    year = g.get("y1") or g.get("y2")
    if year:
        y1 = int(year)
    elif published is not None:
        y1 = _year_for(mo1, d1, published)
    else:
        return None, None, None
    if kind == "single":
        start = _safe(y1, mo1, d1)
        return start, start, m.span()
    if not g.get("m2") and d2 < d1:       # "March 30 to 2" does not occur; "30 to 2 April" handled by m2
        mo2 = mo1 % 12 + 1
    y2 = y1 + 1 if mo2 < mo1 else y1
    if g.get("y2") and g.get("y1"):
        y2 = int(g["y2"])
    start, end = _safe(y1, mo1, d1), _safe(y2, mo2, d2)
    if start and end and end < start:
        end = start
    return start, end, m.span()


# A page's date written in its address: /2018/05-18/, /2016-01/07/, /2023/0415/, /200007/12/, /20191106/, /2020-05-25/
_ADDRESS_DATES = (re.compile(r"/((?:19|20)\d\d)/(\d\d)-(\d\d)/"), re.compile(r"/((?:19|20)\d\d)-(\d\d)/(\d\d)/"),
                  re.compile(r"/((?:19|20)\d\d)/(\d\d)(\d\d)/"), re.compile(r"/((?:19|20)\d\d)(\d\d)/(\d\d)/"),
                  re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)/"), re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)/"))


def address_date(url: str | None) -> date | None:
    """The full date a page's address gives ("http://ecns.cn/2018/05-18/303044.shtml": 2018-05-18), for a page that
    carries no date of its own; None when the address has no full date (a year alone, "/2018/303044.shtml")."""
    for pattern in _ADDRESS_DATES:
        m = pattern.search(url or "")
        if m:
            found = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if found is not None:
                return found
    return None


# A page's own date line near its top: "Source:Xinhua Published: 2015-3-17 20:56:56", "Updated: 2012-12-21 07:43"
_PRINTED_DATE = re.compile(r"\b(?:Published|Updated|Posted)\s*:\s*((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\b")


def printed_date(body: str | None) -> date | None:
    """The date a page prints near its top ("Published: 2015-3-17 20:56:56"), for a page that carries no date of its
    own nor one in its address; None when its first 600 characters print none."""
    m = _PRINTED_DATE.search((body or "")[:600])
    return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
