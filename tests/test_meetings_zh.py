"""Meetings in Chinese text (pipelines/meetings_zh.py) and the dates it reads (pipelines/dates_zh.py), on real
paragraphs of the ministry's Chinese press conferences (tests/real/meetings_zh/, hand-labelled, provenance there).

The development sets (the five first ones and fresh..fresh4, whose first runs are kept in RUN.md) are held to the
precision they reach (a floor: a change that makes the rules read more loosely fails here); a held-out set, once
drawn (draw.py) and labelled, is read by no test until its first run (bench.pairing reports it)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bench.pairing import evaluate_meetings
from pipelines import dates_zh, meetings_zh

LABELS = Path(__file__).resolve().parent / "real" / "meetings_zh"
DEVELOPMENT = ("labels", "heldout", "test", "test2", "test3", "fresh", "fresh2", "fresh3", "fresh4")


def _events(text: str, published: str) -> list[tuple]:
    return [(e["type"], e["date_start"], e["countries"])
            for e in meetings_zh.extract({"language": "zh", "body": text, "published": published})]


def test_development_sets_keep_their_precision():
    right = found = labelled = 0
    for name in DEVELOPMENT:
        m = evaluate_meetings(LABELS / f"{name}.json")
        right, found, labelled = right + m["right"], found + m["extracted"], labelled + m["labelled"]
    assert right / found >= 0.9, (right, found)
    assert right / labelled >= 0.5, (right, labelled)


@pytest.mark.parametrize("text, published, expected", [
    # both sides in the verb's clause, dated by the fronted time clause (heldout.json / labels.json, real)
    ("昨天，王毅国务委员兼外长在北京同伊朗外长扎里夫举行会谈。", "2019-08-27", [("talks", "2019-08-26", ["IRN"])]),
    # a person named without a country while the text names two (朝美): his country from the foreign leaders' names
    # (config/mentions/zh.toml [foreign]), as test3.json labels it
    ("正如习近平主席12月29日应约同特朗普总统通话时所指出的，中方鼓励和支持朝美双方继续开展对话。", "2019-01-03",
     [("call", "2018-12-29", ["USA"])]),
    # a written variant of it: a person no list knows, while the text names two: which is his cannot be told
    ("正如习近平主席12月29日应约同阿某总统通话时所指出的，中方鼓励和支持朝美双方继续开展对话。", "2019-01-03", []),
    # announced: nothing (test3.json)
    ("应外交部长王毅邀请，丹麦外交大臣萨穆埃尔森将于3月11日至14日对中国进行正式访问。", "2017-03-09", []),
    # asked: nothing (test3.json)
    ("追问：他同韩正副总理会见了吗？", "2019-02-22", []),
    # generic counts: nothing (test3.json)
    ("疫情暴发以来，习近平主席先后同32个国家领导人和国际组织负责人通话40次。", "2020-04-22", []),
    # a visit of others: nothing (cache page t1579863)
    ("我们注意到，同日，印度总理莫迪也抵达卢旺达访问，与卢方签署了一系列深化双方贸易投资合作的协议。", "2018-07-24", []),
])
def test_real_sentences(text, published, expected):
    assert _events(text, published) == expected


def test_a_reference_to_a_call_takes_the_country_the_text_pairs_with_china():
    item = json.loads((LABELS / "labels.json").read_text("utf-8"))["items"][17]      # "在通话中，两国元首…美方…"
    assert _events(item["text"], item["published"]) == [("call", None, ["USA"])] == [
        (e["type"], e["date_start"], e["countries"]) for e in item["events"]]


def test_two_visitors_to_china_are_two_visits_and_a_meeting_during_a_visit_is_the_visit():
    two = "沙特国王萨勒曼和以色列总理内塔尼亚胡访华期间，同中方就深化各领域务实合作达成了重要共识，取得了丰硕成果。"
    assert sorted(_events(two, "2017-03-22")) == [("visit", None, ["ISR"]), ("visit", None, ["SAU"])]
    frame = "访埃期间，王毅国务委员会见了塞西总统、马德布利总理，同舒克里外长会谈。中埃关系发展良好。"
    assert [e[0] for e in _events(frame, "2020-01-09")] == ["visit"]


def test_the_place_is_where_it_happened_not_a_party():
    text = ("当地时间2019年2月15日，中共中央政治局委员、中央外事工作委员会办公室主任杨洁篪在德国慕尼黑出席第55届慕尼黑安全会议期间"
            "会见卢森堡外交大臣阿瑟伯恩。")
    [event] = meetings_zh.extract({"language": "zh", "body": text, "published": "2019-02-16"})
    assert (event["type"], event["date_start"], event["countries"], event["place"]["country"]) == (
        "meeting", "2019-02-15", ["LUX"], "DEU")


@pytest.mark.parametrize("text, at, published, expected", [
    ("上周五习近平主席同特朗普总统的通话", 9, date(2020, 3, 30), "2020-03-27"),     # a Monday: last week's Friday
    ("12月29日同特朗普总统通话", 6, date(2019, 1, 3), "2018-12-29"),                # read in January: last December
    ("去年4月，习近平主席同莫迪总理在武汉举行了会晤", 18, date(2019, 1, 4), "2018-04"),
    ("日前在上海同印度国家安全顾问多瓦尔举行了会谈", 20, date(2018, 4, 16), None),   # 日前: no date
    ("6月，习近平总书记、国家主席成功访朝", 15, date(2019, 8, 30), "2019-06"),
    ("昨天我已经介绍过，中美两国元首在海湖庄园会晤时进行了沟通", 20, date(2017, 4, 13), None),  # 介绍's date
])
def test_dates(text, at, published, expected):
    start = text.rfind("，", 0, at) + 1
    assert dates_zh.fronted(text, start, len(text), at, published) == expected
