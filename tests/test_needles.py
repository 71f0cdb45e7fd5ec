"""pipelines/needles.py: the words a pattern's matches need, read off the pattern, and a gated pattern that
finds what the pattern finds (and runs it on no sentence without one of them)."""
from __future__ import annotations

import re

import regex

from pipelines.needles import Gated, gated, needles
from pipelines.meetings.triggers import _TRIGGERS, find_trigger


def test_words_of_an_alternation_and_of_a_spelt_out_run():
    assert needles(r"\b(?:met|meets)\b|\breceived\s+(?:a\s+)?delegation") == {"met", "meets", "delegation"}
    # "[Mm]eeting" is two words; "(?:held|hosted)" before "\s" ends the run
    assert needles(r"\b(?:held|hosted)\s+a\s+[Mm]eeting\b") == {"Meeting", "meeting"}


def test_no_words_where_a_match_needs_none():
    assert needles(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+") is None                 # classes only
    assert needles(r"(?:visit)?\s+\w+") is None                           # an optional word
    assert needles(r"\bmet\b|\s+\w+") is None                             # one branch needs no word
    assert needles(r"\bmeeting\b", re.IGNORECASE) is None                  # case-insensitive
    assert needles(r"(?i:meeting)|\bmet\b") is None
    assert needles(r"\b(?:to|in|at)\b") is None                           # words too short to be worth it


def test_gated_finds_what_the_pattern_finds():
    pattern = re.compile(r"\bmet\b(?<!were met)|\bpaid\s+a\s+courtesy\s+call\b")
    g = gated(pattern)
    assert isinstance(g, Gated)
    real = "Vice Premier Hu Chunhua met with Brazilian Vice President Hamilton Mourao in Beijing on Thursday."
    assert [m.span() for m in g.finditer(real)] == [m.span() for m in pattern.finditer(real)] != []
    assert g.search(real).span() == pattern.search(real).span()
    assert g.search(real, 40) is None and pattern.search(real, 40) is None
    assert g.compiled is pattern and g.pattern == pattern.pattern and g.groups == pattern.groups


def test_gated_leaves_a_sentence_without_its_words_alone():
    g = gated(re.compile(r"\bmet\b|\bpaid\s+a\s+courtesy\s+call\b"))
    alone = "The two sides exchanged views on bilateral relations."
    assert g.search(alone) is None and list(g.finditer(alone)) == [] and g.match(alone) is None


def test_a_pattern_with_no_words_is_not_wrapped():
    pattern = re.compile(r"[A-Z]\w+")
    assert gated(pattern) is pattern


def test_regex_module_patterns_are_read_too():
    pattern = regex.compile(r"(?<=\b(?:is|are)\s+in\s+(?:[A-Z][\w'-]*\s+){1,3})for\s+an?\s+(?:visit|tour|trip)\b")
    g = gated(pattern)
    assert g.needles == {"visit", "tour", "trip"}
    real = "Foreign Minister Retno Marsudi of Indonesia is in China for an official visit from May 3 to 5"
    assert find_trigger(real) is not None
    assert g.search("Foreign Minister Retno Marsudi is in China for a visit").group() == "for a visit"


def test_every_trigger_pattern_is_gated_with_words_of_its_own():
    for _type, _strong, pattern in _TRIGGERS:
        assert isinstance(pattern, Gated)
    met = next(p for t, strong, p in _TRIGGERS if t == "meeting" and strong and "met" in p.needles)
    assert {"met", "meets", "received"} <= met.needles


def test_a_chinese_character_counts_as_a_word():
    from pipelines import dates_zh
    ymd = dict(dates_zh._PATTERNS)["ymd"]
    assert ymd.needles == {"月"}
    real = "2019年2月15日，国务委员兼外长王毅在慕尼黑会见德国外长马斯。"
    assert ymd.search(real).group() == "2019年2月15日"
    assert ymd.search("王毅表示，中方愿同德方加强沟通。") is None
    assert dates_zh.mentions(real)[0] == (0, 10, "ymd")


def test_what_a_look_ahead_sees_is_required_too():
    pattern = re.compile(r"赴(?=[^，。]{1,8}?(?:出席|参加))")
    assert needles(pattern.pattern) == {"出席", "参加"}
    g = gated(pattern)
    assert g.search("李克强赴曼谷出席东亚合作领导人系列会议").group() == "赴"
    assert g.search("王毅赴德国访问") is None and pattern.search("王毅赴德国访问") is None
    assert needles(r"\bmet(?!\s+the\s+needs)") == {"met"}          # a negative one requires nothing


def test_a_run_of_literals_goes_on_past_a_look_around():
    # "会(?:见会谈|谈(?!日期))" as re parses "会见会谈|会谈(?!日期)": the words, not their common first character
    assert needles(r"(?<!不)(?:会见会谈|会谈(?!日期|渠道))|会晤(?!日期)") == {"会谈", "会晤"}


def test_the_chinese_officials_pattern_runs_only_where_a_name_is():
    from pipelines import mentions, mentions_zh
    zh = mentions.load().chinese
    assert isinstance(zh.officials, Gated) and "华春莹" in zh.officials.needles
    counts, people = mentions_zh.tag("外交部发言人华春莹主持例行记者会。", zh)
    assert [(name, rec[0]) for name, rec in people.items()] == [("Hua Chunying", "外交部发言人")]
    assert mentions_zh.tag("外交部发言人主持例行记者会。", zh)[1] == {}


def test_one_look_for_the_words_of_several_patterns():
    from pipelines import dates_zh
    from pipelines.needles import look_for_any
    look = look_for_any([gated(re.compile(r"\bmet\b")), gated(re.compile(r"\bvisited\b"))])
    assert look.search("Wang Yi visited Laos.") and not look.search("The two sides exchanged views.")
    assert look_for_any([gated(re.compile(r"\bmet\b")), re.compile(r"[A-Z]\w+")]) is None   # one needs no word
    # a clause with none of the characters any date pattern needs has no date; one with 日 may
    assert dates_zh.mentions("双方就共同关心的国际问题交换了意见。") == []
    assert dates_zh.mentions("王毅15日在北京会见马斯。") == [(2, 5, "day")]


def test_on_a_python_whose_parser_is_not_read_every_pattern_runs_as_it_is(monkeypatch):
    """re._parser is private: on a Python outside READ_ON no needles are read, and a gated pattern is the pattern."""
    import pipelines.needles as module

    pattern = re.compile(r"\b(?:met|meets)\b")
    assert isinstance(gated(pattern), Gated)
    monkeypatch.setattr(module, "READ_ON", ())
    assert needles(pattern.pattern) is None
    assert gated(pattern) is pattern
