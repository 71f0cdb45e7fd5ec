"""The boilerplate patterns' gate (pipelines/boilerplate._words): a line holding none of the words one of which
every match of a pattern holds is not searched, and is no boilerplate; lines a pattern matches still are."""
from crawler import config as config_module
from pipelines.boilerplate import _words, is_boilerplate

MATCHED = ["Home > News > Latest News", "Copyright © 2020 Foreign Affairs Office", "粤ICP备05070829号",
           "By using this website you accept cookies from us."]
LEFT = ["Foreign Minister Wang Yi met with his counterpart in Beijing on Monday.",
        "The delegation visited the Home > page of the exhibition and baked cookies together.",
        "Governor Wang Weizhong said all rights reserved by the people belong to the people."]


def test_boilerplate_lines_are_still_found_through_the_gate():
    site = config_module.load().sites["shenzhen"]
    assert _words(site.boilerplate.patterns) is not None
    for line in MATCHED:
        assert is_boilerplate(line, site.boilerplate), line


def test_article_lines_are_left_alone_with_or_without_the_gate():
    site = config_module.load().sites["shenzhen"]
    for line in LEFT:
        assert not is_boilerplate(line, site.boilerplate), line
        assert not any(p.search(line) for p in site.boilerplate.patterns), line


def test_a_pattern_with_no_word_turns_the_gate_off():
    import re
    assert _words((re.compile(r"^Home\s*>"), re.compile(r"\d+\s*$"))) is None
    assert _words((re.compile(r"^Home\s*>"), re.compile(r"Print(?: Comment)?$"))).pattern == "Home|Print"
