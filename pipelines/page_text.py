"""The text layer of extraction: fields read by pattern from the text lines around the article (bylines, date
lines, "Source: …", "Translator: …", "Editor: …" labels, end-of-article credit lines) and the on-page headline.
Pure functions; pipelines/extract.py asks them for what the site's selectors and the CMS markers did not give,
and pipelines/body.py for the credit lines at the end of a body."""
from __future__ import annotations

import re

from .normalise import clean_source, clean_text, clean_title, parse_date
from .tree import first, text_blocks

# End-of-article credit lines: (field, pattern); the value is group 1 (may be empty).
CREDITS = (
    ("source", re.compile(r"^This (?:article|story|report) (?:is|was) (?:from|by|originally published by)\s*"
                          r"(?:the\s+)?(.*?)\s*(?:[\[(]?\s*(?:https?://)?www\.[^\s\])]*\s*[\])]?\s*)?\.?$", re.I)),
    ("translator", re.compile(r"^(?:Translators?|Translated by)\s*[:：]?\s*(.*)$", re.I)),
    ("chinese_source", re.compile(r"^Chinese source\s*[:：]\s*(.*)$", re.I)),
    ("editor", re.compile(r"^(?:Editors?|Edited by|Chief editor|Responsible editor|Executive editor)\s*[:：]\s*(.*)$"
                          r"|^Edited by\s+(.*)$", re.I)),
    # "Source: Shenzhen Daily", "Source:Shenzhen Daily", "Sources | …", "(Source: …)", "Article source: …", "From: …",
    # "来源：…", "Source: X | Updated: …" (the source only), "Reprinted from …", "Originally published in …"
    ("source", re.compile(r"^[(（]?\s*(?:(?:Article |News |Content )?Sources?|From|Via|来源|稿源|文章来源|Quelle)"
                          r"\s*[:：|]\s*(.+?)\s*(?=\s\||\|\s|\s{2}|\s(?:Updated|Date|Time|Writer|Author|"
                          r"Editor|Translator|Font|Published)\b\s*[:：]|[)）]?\.?$)", re.I)),
    ("source", re.compile(r"^(?:Reprinted|Republished|Reproduced) (?:from|with permission from)\s+(?:the\s+)?(.+?)\.?$"
                          r"|^Originally (?:published|appeared) (?:in|by|on)\s+(?:the\s+)?(.+?)\.?$", re.I)),
)
CREDIT_MAX = 160
LABELS = r"(?:Updated|Date|Time|Source|Editors?|Writer|Author|Reporter|Font|Size|Translators?|Chinese|Print|Share)\b"
NAME = rf"(?!{LABELS})[A-Z][\w'’.\-]*(?:\s+(?!{LABELS})[A-Z][\w'’.\-]*){{0,3}}"
NAMES = rf"{NAME}(?:\s*(?:,|&|\band\b)\s*{NAME})*"
DATE_TEXT = (r"(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"  # 2020-12-26, 2020/12/18, 2020年12月26日
             r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*(?:19|20)\d\d"           # July 15, 2024 / Mar 23,2023
             r"|\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d)"                   # 15 July 2015
             r"(?:,?\s+\d{1,2}:\d\d(?::\d\d)?)?")                             # 18:58[:20]
BYLINE_DATE = re.compile(rf"^By\s+({NAMES})\s*\|\s*({DATE_TEXT})$")
BYLINE_ONLY = re.compile(rf"^(?:By|Written by)\s+({NAMES})$")
BYLINE_LABEL = re.compile(rf"(?:^|\s|\|)(?:Writer|Author|Reporter|Written by)\s*[:：]\s*({NAMES})", re.I)
DATE_LABEL = re.compile(rf"(?:^|\s|\|)(?:Date|Updated|Update time|Time|Published|Publish(?:ed)? time|Release time|"
                        rf"Released|Posted|发布时间|日期|时间)\s*(?:on)?\s*[:：]\s*({DATE_TEXT})", re.I)
DATE_LINE = re.compile(rf"^({DATE_TEXT})(?:\s+(?:Download|Print|Comment|Share|Close|Font|A\+|A-|A)\b.*)?$")
DATE_AT_END = re.compile(rf"(?:^|\s)({DATE_TEXT})$")
SOURCE_LABEL = re.compile(r"(?:^|\s|\|)(?:Sources?|From|来源|稿源)\s*[:：]\s*(.+?)\s*(?=\||\s(?:Updated|Date|Time|Writer|"
                          r"Author|Editor|Font|Size|Published)\s*[:：]|\s{2}|\s(?:19|20)\d\d[-/.年]|$)", re.I)
TRANSLATOR_LABEL = re.compile(rf"(?:^|\s|\|)Translators?\s*[:：]\s*({NAMES})")
EDITOR_LABEL = re.compile(rf"(?:^|\s|\|)Editors?\s*[:：]\s*({NAMES})")
AGENCIES = re.compile(r"^(?:CGTN|Xinhua|China Daily|Chinadaily|CCTV|CNS|China News Service|People'?s Daily|"
                      r"Global Times|Hunan Daily|Guizhou Daily|Shenzhen Daily|Chongqing Daily|iChongqing|GDToday|"
                      r"Nanfang Daily|hunantoday|Hunan Today)(?:\.com)?(?:\.cn)?$", re.I)
LINES_AROUND = 3  # the text layer reads the lines of the body container's ancestor this many levels up


def lines_around(container, tree, title: str | None) -> list[str]:
    """The text lines of the page near the article: the body container's ancestor LINES_AROUND levels up, or
    higher until it holds the title (the whole page when there is no container)."""
    region = container
    if region is None:
        region = tree.find("body") if tree.find("body") is not None else tree
    else:
        for level in range(LINES_AROUND + 5):
            parent = region.getparent()
            if parent is None or region.tag in ("body", "html") or parent.tag == "html":
                break
            if level >= LINES_AROUND and (not title or title in clean_text(region.text_content())):
                break
            region = parent
    return text_blocks(region, visible_only=True, skip=container)


def text_fields(lines: list[str], found: dict, names: tuple[str, ...]) -> dict:
    """Fields read from the page's text lines by pattern."""
    values: dict[str, str | None] = {}
    title = found.get("title", (None,))[0]
    after_title = title is None
    for line in lines:
        if len(line) > 200:
            continue
        if title and not after_title and (line == title or title in line):
            after_title = True
            continue
        match = BYLINE_DATE.match(line)
        if match:
            _set_byline(values, match.group(1))
            values.setdefault("published", parse_date(match.group(2)))
            continue
        match = BYLINE_ONLY.match(line)
        if match:
            _set_byline(values, match.group(1))
            continue
        if "|" in line:  # "By NAME | chinadaily.com.cn | Updated: …": each part on its own
            for segment in (clean_text(part) for part in line.split("|")):
                match = BYLINE_ONLY.match(segment)
                if match:
                    _set_byline(values, match.group(1))
                elif AGENCIES.match(segment):
                    values.setdefault("source", segment)
        for name, pattern in (("byline", BYLINE_LABEL), ("translator", TRANSLATOR_LABEL),
                              ("editor", EDITOR_LABEL)):
            match = pattern.search(line)
            if match and name == "byline":
                _set_byline(values, match.group(1))
            elif match:
                values.setdefault(name, clean_text(match.group(1)))
        match = DATE_LABEL.search(line)
        if match and parse_date(match.group(1)):
            values.setdefault("published", parse_date(match.group(1)))
        elif after_title:
            match = DATE_LINE.match(line) or (DATE_AT_END.search(line) if len(line) <= 100 else None)
            if match and parse_date(match.group(1)):
                values.setdefault("published", parse_date(match.group(1)))
        match = SOURCE_LABEL.search(line)
        if match and _plausible_source(match.group(1)):
            values.setdefault("source", clean_source(match.group(1)))
        credit = credit_line(line)
        if credit and credit[1]:
            key = "source" if credit[0] == "chinese_source" else credit[0]
            values.setdefault(key, credit[1])
    return {k: v for k, v in values.items() if v}


def page_headline(tree, names: tuple[str, ...]) -> str | None:
    """The on-page headline: the first h1-h3 that the page's <title> names (the <title> holds it, or it holds
    the <title> without its site suffix); with no <title>, the page's only h1."""
    page_title = clean_text(first(tree, ("title::text",)))
    stripped = clean_title(page_title, True, names) if page_title else None
    for heading in tree.iter("h1", "h2", "h3"):
        text = clean_text(heading.text_content())
        if len(text) < 8:
            continue
        if not page_title:
            h1s = tree.findall(".//h1")
            return text if heading.tag == "h1" and len(h1s) == 1 else None
        if text in page_title or (stripped and len(stripped) >= 8 and stripped in text):
            return clean_title(text, False, names)
    if not page_title:
        return None
    body = tree.find("body")
    for element in (body if body is not None else tree).iter("div", "p", "td", "span", "strong", "b", "font", "h4"):
        text = clean_text(element.text_content())
        if 8 <= len(text) <= 300 and (text == stripped or (page_title.startswith(text) and len(text) >= 0.5 * len(
                stripped or page_title))):
            return clean_title(text, False, names)
    return None


def metadata_line(line: str) -> bool:
    """A line that only says when, by whom or from where (a date line, a byline, "Source: …")."""
    if len(line) > 100:
        return False
    return bool(DATE_LINE.match(line) or BYLINE_DATE.match(line) or BYLINE_ONLY.match(line)
                or DATE_LABEL.match(line) or (SOURCE_LABEL.match(line) and len(line) <= 60))


def _plausible_source(text: str) -> bool:
    """A source is a name: not empty, not a date, not a sentence."""
    value = clean_source(text)
    if not value:
        return False
    return len(value) <= 80 and not re.match(rf"^{DATE_TEXT}", value) and not value.endswith(":")


def _set_byline(values: dict, names: str) -> None:
    names = clean_text(names)
    if AGENCIES.match(names):
        values.setdefault("source", names)
    else:
        values.setdefault("byline", names)


def credit_line(line: str) -> tuple[str, str | None] | None:
    if len(line) > CREDIT_MAX:
        return None
    for name, pattern in CREDITS:
        match = pattern.match(line)
        if match:
            value = clean_text(next((g for g in match.groups() if g is not None), "")).strip(" .;,")
            if value and name in ("source", "chinese_source") and not _plausible_source(value):
                return None
            return name, value or None
    return None
