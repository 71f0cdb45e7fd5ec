"""The gates of the persons and officials patterns. Rules.chinese_names, Tagger.chinese_names: a sentence without a
surname, a space and a capitalised word is not searched by the patterns of Chinese names, which could find nothing in
it; one with a name still is. Rules.known_foreign_names: one without a name of [foreign_persons] is not searched for
those persons."""
from pipelines.meetings import load, persons_in
from pipelines.mentions import tag
from pipelines.mentions import load as load_mentions

LISTED = "Yu Zhengsheng, Liu Yunshan, Wang Qishan and Zhang Gaoli were present at the meeting."
ENVOY = "Chinese Ambassador to Zambia Du Xiaohui attended the ceremony in Lusaka."
NO_NAME = "Prime Minister Scott Morrison met with President Joe Biden and Ambassador Caroline Kennedy in Canberra."


def test_a_sentence_naming_chinese_persons_passes_the_gate_and_its_persons_are_found():
    rules = load()
    assert rules.chinese_names.search(LISTED) and rules.chinese_names.search(ENVOY)
    assert [p.name for p in persons_in(LISTED, rules)] == ["Yu Zhengsheng", "Liu Yunshan", "Wang Qishan",
                                                           "Zhang Gaoli"]
    assert [(p.name, p.title) for p in persons_in(ENVOY, rules)] == [("Du Xiaohui", "Chinese Ambassador to Zambia")]
    officials = [m for m in tag("Foreign Minister Wang Yi met with him.", load_mentions()) if m.kind == "official"]
    assert [(m.name, m.code) for m in officials] == [("Wang Yi", "Foreign Minister")]


def test_a_sentence_without_a_chinese_name_fails_the_gate_where_the_patterns_find_nothing():
    rules = load()
    assert rules.chinese_names.search(NO_NAME) is None
    assert load_mentions().chinese_names.search(NO_NAME) is None
    for pattern in (rules.chinese_name_list, rules.chinese_envoy, rules.chinese_long_title, rules.chinese_lower_title,
                    *load_mentions().officials[:2]):
        assert list(pattern.finditer(NO_NAME)) == []
    assert all(p.side != "chinese" for p in persons_in(NO_NAME, rules))


def test_a_sentence_naming_a_known_foreign_leader_passes_its_gate():
    rules = load()
    s = "Vice President Wang Qishan met with Mr. Biden and Barack Obama in Beijing."
    assert rules.known_foreign_names.search(s)
    assert [(p.name, p.country) for p in persons_in(s, rules) if p.side == "foreign"] == [("Biden", "USA"),
                                                                                          ("Barack Obama", "USA")]


def test_a_sentence_without_a_known_foreign_name_fails_its_gate_where_the_pattern_finds_nothing():
    rules = load()
    s = "Mr. Bidenson met with counterpart Obamas and Barack Obama-Smith in Beijing."
    assert rules.known_foreign_names.search(s) is None
    assert list(rules.known_foreign.finditer(s)) == []
