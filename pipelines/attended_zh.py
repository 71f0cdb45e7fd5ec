"""Occasions China's envoys attend or host abroad, in Chinese text: "出席 at a ceremony with named foreign
participants is a meeting", as every label set since fresh3.json has it ("驻伊朗大使夫人封捷在官邸举办…茶会。伊文旅部
副部长马赫穆迪扬…应邀出席"; "…与摩总统夫人加琳娜共同出席…仪式"). pipelines/meetings_zh.py reads a paragraph here
only when none of its own verbs gave an event in it.

A paragraph states such an occasion when all of these hold: its first sentence is dated and names China's envoy,
embassy or consulate (驻X大使, 驻X大使夫人, 驻X总领事, 驻X使馆 opening a clause; not 驻华) attending or holding it
(出席, 参加, 举办, 举行, not of a meeting); it names a foreign person taking part: a transliterated name
(帕特里夏·埃德温), a foreign title (总统, 女王, 亲王, 第一夫人) or a title right after a foreign country (津巴布韦新闻
媒体部部长); nothing in it is announced, wished, asked or counted (将, 希望, 多次); and the occasion is no forum of
many (峰会, 论坛, 会议, 大会). Its countries are the foreign ones the paragraph names, else none; its date that of its
first sentence (pipelines/dates_zh.py). Pure."""
from __future__ import annotations

import re

from . import dates_zh
from .mentions_zh import PLACE_BEFORE, TITLE, countries_named

_ENVOY = re.compile(r"(?:^|(?<=[，,：:]))驻(?![华港澳])[^，。]{1,12}?(?:大使|总领事|使馆|总领馆|领事馆)[^，。]{0,30}?"
                    r"(?:出席|参加|举办|举行)(?!会见|会谈|会晤)")
_NOT_DONE = re.compile(r"将(?![其之军领士近])|即将|拟|期待|希望|如果|是否|多次|每年|经常|定期|方便时|[？?]")
_FORUM = re.compile(r"峰会|论坛|会议|大会|年会|博览会|世博会|奥运会|联大|研讨会|外长会")
_NAMED = re.compile(r"[\u4e00-\u9fff]{1,8}[·・•∙][\u4e00-\u9fff]{1,8}")      # a transliterated name
_FOREIGN_TITLE = re.compile(r"总统|首相|国王|女王|王储|亲王|公主|苏丹|埃米尔|天皇|总督|第一夫人|大臣|外秘")


def occasion(sents: list[str], published, tagger) -> tuple[str | None, list[str], str] | None:
    """(date, countries, sentence) of the occasion the paragraph states, else None."""
    paragraph = "".join(sents)
    first = sents[0] if sents else ""
    envoy = _ENVOY.search(first)
    if not envoy or _NOT_DONE.search(paragraph) or _FORUM.search(paragraph):
        return None
    when = dates_zh.fronted(first, 0, len(first), envoy.end(), published)
    if not when:
        return None
    titled = any(re.match(r"[^，、。]{0,10}?(?:" + TITLE.pattern + ")", paragraph[m.end():])
                 and not PLACE_BEFORE.search(paragraph[max(0, m.start() - 2):m.start()])
                 for m in tagger.places.finditer(paragraph)
                 if (tagger.lookup.get(m.group()) or ("",))[0] == "country" and tagger.lookup[m.group()][2] != "CHN")
    if not (_NAMED.search(paragraph) or _FOREIGN_TITLE.search(paragraph) or titled):
        return None
    return when, countries_named(paragraph, tagger), first
