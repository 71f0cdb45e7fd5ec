"""Meetings on the real text from outside the 2018-2020 cache (issue 26, fourth held-out set): the stored texts
are the ones PROVENANCE.md lists, unchanged; and the general rules their first run showed missing, each on the
real sentence that showed it (tests/real/meetings/HELDOUT4_RUN.md) and on a sentence it must leave alone."""
from __future__ import annotations

import hashlib
import json

import pytest

from bench.meetings_real import REAL, evaluate_real
from pipelines.meetings import extract, load, persons_in, resolve_date

SETS = ("heldout4", "dev4", "heldout5")
LABELS = [p for s in SETS for p in sorted((REAL / s).glob("*.json"))]


def test_the_stored_texts_are_the_ones_listed_with_their_provenance():
    """40 pages, each under texts/, unchanged since its label was written (SHA-256), listed in PROVENANCE.md with
    its original URL; the held-out and dev pages are apart."""
    assert len(LABELS) == 40
    provenance = (REAL / "PROVENANCE.md").read_text("utf-8")
    pages = set()
    for path in LABELS:
        label = json.loads(path.read_text("utf-8"))
        data = (REAL / label["page"]).read_bytes()
        assert label["page"].startswith("texts/") and hashlib.sha256(data).hexdigest() == label["sha256"]
        assert f"`{label['page']}` | {label['url']} |" in provenance
        # every paragraph labelled is text of the stored page, in order
        text = data.decode("utf-8")
        at = 0
        for para in label["paragraphs"]:
            at = text.index(para["text"], at)
        pages.add(label["page"])
    assert pages == {f"texts/{p.name}" for p in (REAL / "texts").glob("*.txt")}
    held = {json.loads(p.read_text("utf-8"))["page"] for p in (REAL / "heldout4").glob("*.json")}
    assert len(held) == 21 and not held & {json.loads(p.read_text("utf-8"))["page"]
                                           for p in (REAL / "dev4").glob("*.json")}


def test_the_fourth_sets_figures_after_the_fixes():
    """Not a measurement of unseen text (the fixes were made on these errors): a floor so they do not fall back."""
    r = evaluate_real([REAL / s for s in SETS])["kinds"]["all"]
    assert r["events"]["precision"] >= 0.9 and r["events"]["recall"] >= 0.85, r
    assert r["participants"]["precision"] >= 0.9, r


PRESS = "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on October 27, 2023"


def press(body: str, title: str = PRESS, published: str = "2023-10-27") -> list[dict]:
    return extract({"id": "p", "site": "mfa", "title": title, "published": published, "body": body, "language": "en"})


def news(body: str, published: str | None = None) -> list[dict]:
    return extract({"id": "n", "site": "other", "title": "News", "published": published, "body": body,
                    "language": "en"})


def test_a_month_and_day_written_together():
    assert resolve_date("On November12, 2014, President Xi Jinping held a banquet", None)[:2] == (
        resolve_date("On November 12, 2014", None)[:2])
    assert resolve_date("Mayor Lee Mayfield", None)[0] is None


def test_attending_the_nth_meeting_of_a_named_body():
    [e] = press("Mao Ning: On October 26, Premier of the State Council Li Qiang attended the 22nd Meeting of the "
                "Council of Heads of Government of the SCO Member States in Bishkek, Kyrgyzstan.")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("meeting", "2023-10-26", "KGZ")
    assert [p["name"] for p in e["chinese"]] == ["Li Qiang"] and e["countries"] == []
    assert press("Mao Ning: On October 26, Premier Li Qiang attended the 22nd meeting.") == []


@pytest.mark.parametrize(("noun", "kind"), [("inaugural meeting of the China-Indonesia High-level Dialogue and "
                                             "Cooperation Mechanism", "meeting"),
                                            ("15th round of China-Indonesia strategic consultation", "talks")])
def test_co_chaired_takes_the_type_of_its_first_occasion_noun(noun, kind):
    [e] = press(f"Mao Ning: On October 25, Foreign Minister Wang Yi and Indonesian Foreign Minister Retno Marsudi "
                f"co-chaired the {noun} in the city of Guiyang.")
    assert e["type"] == kind
    assert (e["place"]["province_code"], e["place"]["city_code"]) == ("CN-GZ", "520100")     # "the city of"


def test_chinese_names_listed_without_titles():
    rules = load()
    names = [(p.side, p.name) for p in persons_in(
        "Wang Huning, Liu Yandong, Wang Yang, Li Zhanshu and others also attended the banquet.", rules)]
    assert names == [("chinese", n) for n in ("Wang Huning", "Liu Yandong", "Wang Yang", "Li Zhanshu")]
    assert [p.name for p in persons_in("Yang Jiechi, Wang Yi and others were present.", rules)] == [
        "Yang Jiechi", "Wang Yi"]
    # not a list of Chinese names: a given name that is not pinyin, or one name alone
    assert not [p for p in persons_in("Kim Jong, Lee Taeho and Park Jin attended.", rules) if p.side == "chinese"]
    assert persons_in("Zhang Ping attended the banquet.", rules) == []


def test_a_banquet_welcoming_a_visitor_is_a_meeting_with_those_present():
    [e] = news("On November12, 2014, President Xi Jinping held a banquet at the Great Hall of the People, welcoming "
               "President Barack Obama of the US paying a state visit to China. Yu Zhengsheng, Liu Yunshan, Wang "
               "Qishan and Zhang Gaoli were present.")
    assert (e["type"], e["date_start"], e["place"]["province_code"]) == ("meeting", "2014-11-12", "CN-BJ")
    assert [p["name"] for p in e["chinese"]] == ["Xi Jinping", "Yu Zhengsheng", "Liu Yunshan", "Wang Qishan",
                                                 "Zhang Gaoli"]
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Barack Obama", "USA")]


def test_a_fronted_call_takes_its_parties_from_the_phrase_or_the_subject():
    """What the main clause's subject speaks of is no party ("hailed the courage of the Chinese government")."""
    title = "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on April 14, 2020"
    assert press("Zhao Lijian: In their phone call on March 23, President Macron reiterated the above position, "
                 "hailed the tremendous courage of the Chinese government and people.", title, "2020-04-14") == []
    assert press("Zhao Lijian: During a phone call between the two countries' heads of state on March 27, the US "
                 "leader said that the American people have great love and respect for the Chinese people.",
                 title, "2020-04-14") == []
    [e] = press("Zhao Lijian: During their phone call on March 27, President Xi Jinping and President Trump "
                "exchanged views on the pandemic.", title, "2020-04-14")
    assert e["type"] == "call" and {p["name"] for p in e["chinese"]} == {"Xi Jinping"}


def test_a_lower_case_party_title_after_a_name_and_a_delegation_of_another_province():
    """Dalian's English site: "Zhang Guoqing, secretary of the provincial party committee ..., met in Shenyang with
    a Guizhou provincial party and government delegation led by Hu Zhongxiong, member of ...". Two Chinese
    officials are the two sides; "General Secretary Xi Jinping's important exposition" is no presence."""
    [e] = news("On May 6, Zhang Guoqing, secretary of the provincial party committee and director of the provincial "
               "people's congress standing committee, met in Shenyang with a Guizhou provincial party and government "
               "delegation led by Hu Zhongxiong, member of the standing committee of the Guizhou provincial party "
               "committee. Zhang Guoqing said, Liaoning thoroughly implements General Secretary Xi Jinping's "
               "important exposition on poverty alleviation cooperation.", "2021-05-07")
    assert (e["type"], e["date_start"], e["place"]["city_code"]) == ("meeting", "2021-05-06", "210100")
    assert [(p["name"], p["level"]) for p in e["chinese"]] == [("Zhang Guoqing", "provincial"),
                                                               ("Hu Zhongxiong", "provincial")]
    rules = load()
    assert not [p for p in persons_in("John Smith, secretary of the club, met the press.", rules) if p.side == "chinese"]


def test_a_place_named_as_the_topic_is_not_where_it_happened():
    """held-out 3 (dev material): the envoys' video conference "had an in-depth exchange of views on the current
    situation in Afghanistan": no place; a meeting "in Kabul" keeps its place."""
    title = "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 19, 2020"
    [e] = press("Zhao Lijian: On May 18, Special Envoy Liu Jian and Russian Presidential Envoy Zamir Kabulov held a "
                "video conference and had an in-depth exchange of views on the current situation in Afghanistan.",
                title, "2020-05-19")
    assert e["type"] == "call" and not e["place"].get("country")
    [e] = press("Zhao Lijian: On May 18, Special Envoy Liu Jian met with Afghan President Ashraf Ghani in Kabul.",
                title, "2020-05-19")
    assert e["place"]["country"] == "AFG"


def test_a_second_title_ending_with_a_place_before_a_foreign_name():
    """held-out 4: "Indonesia's presidential envoy and Coordinator for Cooperation with China Luhut Binsar
    Pandjaitan" is one Indonesian person."""
    rules = load()
    found = persons_in("On June 5, State Councilor and Foreign Minister Wang Yi and Indonesia's presidential envoy and "
                       "Coordinator for Cooperation with China Luhut Binsar Pandjaitan co-chaired the meeting.", rules)
    assert [(p.side, p.name, p.country) for p in found] == [("chinese", "Wang Yi", None),
                                                            ("foreign", "Luhut Binsar Pandjaitan", "IDN")]
