"""pipelines/lookbehind.py: a pattern split at its opening look-behind finds what the pattern finds."""
import re

import pytest

from pipelines.lookbehind import Behind
from pipelines.mentions import _scan, load

SENTENCES = [
    "Premier Li Keqiang met with Prime Minister Jacinda Ardern of New Zealand in Beijing on Monday.",
    "ChinaFrance and GuineaBissau are no places here, Papua New Guinea and Guinea-Bissau are; so is Xinjiang's.",
    "Vice Governor of Guangdong Province Zhang Guozhi, Ambassador of Ghana to China Winfred Nii Okai Hammond.",
    "",
]


def test_the_split_pattern_finds_what_the_pattern_finds_on_real_sentences():
    tagger = load()
    for pattern in (tagger.places, tagger.officials[1]):
        behind = Behind(pattern)
        for s in SENTENCES:
            assert [m.span() for m in behind.finditer(s)] == [m.span() for m in pattern.finditer(s)], (s, pattern)
    assert [m.group() for m in Behind(tagger.places).finditer(SENTENCES[1])] == [
        "Papua New Guinea", "Guinea-Bissau", "Xinjiang"]


def test_a_match_refused_by_the_look_behind_leaves_one_inside_it():
    pattern = re.compile(r"(?<![\w-])(?:New Zealand|Zealand)")
    s = "xNew Zealand and -Zealand and Zealand"
    assert [m.span() for m in Behind(pattern).finditer(s)] == [m.span() for m in pattern.finditer(s)] == [(5, 12),
                                                                                                           (30, 37)]


def test_patterns_it_cannot_split_are_refused():
    with pytest.raises(ValueError):
        Behind(re.compile(r"New Zealand"))
    with pytest.raises(ValueError):
        Behind(re.compile(r"(?<!\w)(?:Zealand)?"))
    with pytest.raises(ValueError):     # (the split would be slower: re could skip to nothing)
        Behind(re.compile(r"(?<!\w)(?:Mr\. )?Zealand"))



def test_a_look_behind_that_opens_only_the_first_alternative_is_not_split():
    for text in (r"(?<![\w-])Zealand|Guinea", r"(?<!\w)Zealand|Guinea", r"(?<!\w)Zealand|(?<!\w)Guinea"):
        pattern = re.compile(text)
        with pytest.raises(ValueError):    # (split, "xGuinea" would lose its match: the look-behind is Zealand's)
            Behind(pattern)
        assert [m.group() for m in _scan(pattern).finditer("xGuinea xZealand")] == [
            m.group() for m in pattern.finditer("xGuinea xZealand")]
