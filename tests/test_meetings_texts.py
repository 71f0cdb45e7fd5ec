"""Meetings on the real text from outside the 2018-2020 cache (issue 26, fourth held-out set): the stored texts
are the ones PROVENANCE.md lists, unchanged; and the general rules their first run showed missing, each on the
real sentence that showed it (tests/real/meetings/HELDOUT4_RUN.md) and on a sentence it must leave alone."""
from __future__ import annotations

import hashlib
from datetime import date
import json

import pytest

from bench.meetings_real import REAL, evaluate_real
from pipelines.meetings import extract, load, persons_in, places_in, resolve_date

SETS = ("heldout4", "dev4", "heldout5", "heldout6", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
        "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18")
LABELS = [p for s in SETS for p in sorted((REAL / s).glob("*.json"))]


def test_the_stored_texts_are_the_ones_listed_with_their_provenance():
    """451 pages, each under texts/, unchanged since its label was written (SHA-256), listed in PROVENANCE.md with
    its original URL; the held-out and dev pages are apart."""
    assert len(LABELS) == 451
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
    r = evaluate_real([REAL / s for s in SETS[:3]])["kinds"]["all"]
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


# -- general rules the sixth held-out run (HELDOUT6_RUN.md) showed missing, each on the real sentence that showed it
# and on one it must leave alone --------------------------------------------------------------------------------

def test_month_abbreviations_without_their_period():
    """The State Council's English pages: "on the morning of Nov 24", "in Dushanbe on Oct 11", "on Sept 1"."""
    from datetime import date
    day = date(2015, 11, 25)
    assert resolve_date("held bilateral talks ... on the morning of Nov 24.", day)[:2] == (date(2015, 11, 24),) * 2
    assert resolve_date("Meeting with Kazakh President Nazarbayev on Sept 1", day)[0] == date(2015, 9, 1)
    assert resolve_date("Sep 30 to Oct 2", day)[:2] == (date(2015, 9, 30), date(2015, 10, 2))
    assert resolve_date("the Mars mission, Decision 5 and Octave 3", day)[0] is None


def test_a_photo_captions_position_mark_after_a_name():
    """NPC site: "Zhang Dejiang (R), chairman of the Standing Committee of the National People's Congress (NPC),
    meets with visiting Liberian President Ellen Johnson-Sirleaf ..."; a bracket that is no mark stays."""
    rules = load()
    s = ("Zhang Dejiang (R), chairman of the Standing Committee of the National People's Congress (NPC), meets with "
         "visiting Liberian President Ellen Johnson-Sirleaf at the Great Hall of the People in Beijing.")
    found = persons_in(s, rules)
    assert [(p.side, p.name) for p in found] == [("chinese", "Zhang Dejiang"), ("foreign", "Ellen Johnson-Sirleaf")]
    assert s[found[1].start:found[1].end].strip().endswith("Ellen Johnson-Sirleaf")        # spans: the sentence's
    assert [p.name for p in persons_in("Chinese President Xi Jinping (L) meets with Kazakh President Nursultan "
                                       "Nazarbayev (2nd R) in Beijing.", rules)] == ["Xi Jinping", "Nursultan Nazarbayev"]


def test_a_role_word_is_no_name():
    """bb.chineseembassy.org: "Special Representative of US President and US Secretary of the Treasury Jacob Lew":
    "President" is no person's name."""
    rules = load()
    found = persons_in("In the afternoon of May 13, 2014, Premier Li Keqiang met with Special Representative of US "
                       "President and US Secretary of the Treasury Jacob Lew at the Great Hall of the People.", rules)
    assert "President" not in [p.name for p in found]
    assert [p.name for p in persons_in("Premier Li Keqiang met with US President Barack Obama.", rules)] == [
        "Li Keqiang", "Barack Obama"]


def test_credentials_accepted_from_ambassadors_listed_after():
    """The ministry's readout: "President Xi Jinping accepted credentials presented by thirteen newly-appointed
    Ambassadors to China at the Great Hall of the People." and, two paragraphs on, "These thirteen newly-appointed
    Ambassadors are Barbadian Ambassador to China François Jackman, ...": one meeting with each of them."""
    [e] = news("On the afternoon of June 20, 2018, President Xi Jinping accepted credentials presented by thirteen "
               "newly-appointed Ambassadors to China at the Great Hall of the People.\n\nThe Ambassadors presented "
               "credentials to Xi Jinping in succession. These thirteen newly-appointed Ambassadors are Barbadian "
               "Ambassador to China François Jackman, Peruvian Ambassador to China Luis Quesada and Ambassador of "
               "New Zealand to China Clare Fearnley.", "2018-06-20")
    assert (e["type"], e["date_start"], e["place"]["province_code"]) == ("meeting", "2018-06-20", "CN-BJ")
    assert sorted(e["countries"]) == ["BRB", "NZL", "PER"]
    assert [p["name"] for p in e["foreign"]] == ["François Jackman", "Luis Quesada", "Clare Fearnley"]
    # a list of guests with no event before it joins nothing
    assert news("These guests are Barbadian Ambassador to China François Jackman and Peruvian Ambassador to China "
                "Luis Quesada.", "2018-06-20") == []


def test_a_consul_generals_meeting_with_a_chief_minister_abroad():
    """Kolkata consulate: "Mr. Ma Zhanwu, Consul General of the People's Republic of China in Kolkata, met with Ms.
    Mamata Banerjee, Chief Minister of West Bengal, India during the event held in Kolkata ... on 9 May 2018."."""
    [e] = news("Mr. Ma Zhanwu, Consul General of the People's Republic of China in Kolkata, met with Ms. Mamata "
               "Banerjee, Chief Minister of West Bengal, India during the event held in Kolkata by the West Bengal "
               "State Government to commemorate the 157th birth anniversary of Rabindaranath Tagore on 9 May 2018.")
    assert (e["date_start"], e["place"]["country"], e["countries"]) == ("2018-05-09", "IND", ["IND"])
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Mamata Banerjee", "IND")]


def test_meetings_told_as_many_join_no_event():
    """The ministry's readout of Li Keqiang meeting Donald Trump goes on "President Xi Jinping and Mr. President had
    many successful meetings and telephone talks.": Xi Jinping was not at this meeting."""
    [e] = news("On the afternoon of November 9, 2017, Premier Li Keqiang met at the Great Hall of the People with "
               "President Donald Trump of the US, who was on a state visit to China.\n\nLi Keqiang expressed that "
               "China-US relations have enjoyed stable development. President Xi Jinping and Mr. President had many "
               "successful meetings and telephone talks.")
    assert [p["name"] for p in e["chinese"]] == ["Li Keqiang"]


def test_a_visit_made_and_embassies_visited_in_china():
    [e] = news("Premier Li flew in after attending the East Asia Summit in Kuala Lumpur during the weekend and "
               "making an official visit to Malaysia on Nov 23.", "2015-11-25")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2015-11-23", "MYS")
    [e] = news("The delegation led by Director General Qi Guohua of Changchun Foreign Affairs Office (CCFAO) visited "
               "the embassies of Kazakhstan, Kyrgyzstan and Latvia in China on November 2, 2018.")
    assert (e["place"]["country"], e["countries"]) == ("CHN", ["KAZ", "KGZ", "LVA"])
    [e] = news("Director General Qi Guohua visited Kazakhstan on November 2, 2018, a partner of China's Belt and "
               "Road.")
    assert e["place"]["country"] == "KAZ"


def test_a_readouts_subject_told_by_pronoun_or_title():
    """english.gov.cn: "Premier Li Keqiang called on China and Kazakhstan to ... He made the remarks during a meeting
    with Kazakh Prime Minister Bakytzhan Sagintayev in Dushanbe on Oct 11." is Li Keqiang's meeting; a pronoun after
    a foreign person, or a title no named Chinese official of the text holds, is no Chinese party."""
    [e] = news("Premier Li Keqiang called on China and Kazakhstan to further dovetail development strategies.\n\nHe "
               "made the remarks during a meeting with Kazakh Prime Minister Bakytzhan Sagintayev in Dushanbe on "
               "Oct 11.", "2018-10-20")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("meeting", "2018-10-11", "TJK")
    assert [p["name"] for p in e["chinese"]] == ["Li Keqiang"]
    assert news("Kazakh Prime Minister Bakytzhan Sagintayev spoke highly of the plan.\n\nHe made the remarks during "
                "a meeting with Kyrgyz Prime Minister Mukhammedkaly Abylgaziev in Dushanbe on Oct 11.",
                "2018-10-20") == []
    [e] = news("Premier Li Keqiang reached Suzhou at about 2:30 am.\n\nThe Premier held bilateral talks with leaders "
               "from Estonia, Poland and Slovenia on the morning of Nov 24.", "2015-11-25")
    assert (e["type"], e["date_start"], [p["name"] for p in e["chinese"]]) == ("talks", "2015-11-24", ["Li Keqiang"])
    assert news("The President held bilateral talks with leaders from Estonia and Poland on the morning of Nov 24.",
                "2015-11-25") == []


def test_the_sixth_sets_figures_after_the_fixes():
    """Not a measurement (HELDOUT6_RUN.md is: events 0.727 / 0.320, participants 0.900 / 0.222): a floor at the
    figures after the fixes made on its errors (0.957 / 0.880, 0.987 / 0.963), so that they do not fall back."""
    r = evaluate_real(REAL / "heldout6")["kinds"]["all"]
    assert r["events"]["precision"] >= 0.95 and r["events"]["recall"] >= 0.88, r
    assert r["participants"]["precision"] >= 0.98 and r["participants"]["recall"] >= 0.96, r


# Sixth round, second pass (issue 26): the causes left on held-out 6 after the fifth round, each a general rule on
# its real sentence, with one sentence it must leave alone.

def test_an_ambassadors_long_name_in_a_list_goes_to_its_comma():
    """Xi Jinping accepting credentials, April 24, 2023: "The envoys are as follows: ..., Ambassador of Ghana to
    China Winfred Nii Okai Hammond, Ambassador of Bahrain to China Mohamed Ghassan Mohamed Adnan Shaikho, ..."."""
    rules = load()
    text = ("The envoys are as follows: Ambassador of Ghana to China Winfred Nii Okai Hammond, Ambassador of Bahrain "
            "to China Mohamed Ghassan Mohamed Adnan Shaikho, Ambassador of the Democratic Republic of the Congo to "
            "China Balumuene Nkuna F., Ambassador of the United States to China Nicholas Burns, Ambassador of India")
    assert [(p.name, p.country) for p in persons_in(text, rules) if p.name] == [
        ("Winfred Nii Okai Hammond", "GHA"), ("Mohamed Ghassan Mohamed Adnan Shaikho", "BHR"),
        ("Balumuene Nkuna F.", "COD"), ("Nicholas Burns", "USA")]
    # a title-case headline goes on after the name with a verb and a place: not the name
    assert [p.name for p in persons_in("Ambassador of Mexico to China Jesus Seade Visits Guangdong Province, Meets "
                                       "Governor", rules) if p.side == "foreign"] == ["Jesus Seade"]


def test_a_name_with_al_and_a_diplomat_named_before_a_role_in_lower_case():
    """english.gov.cn: "while meeting with Egyptian President Abdel Fattah al-Sisi"; eguangzhou: "Marshall Louis M.
    Alferez, the consul general of the Philippines in Guangzhou, expressed gratitude ..."."""
    rules = load()
    assert [p.name for p in persons_in("Premier Li met Egyptian President Abdel Fattah al-Sisi.", rules)
            if p.side == "foreign"] == ["Abdel Fattah al-Sisi"]
    assert [p.name for p in persons_in("Premier Li met Egyptian President Sisi and al-Azhar scholars.", rules)
            if p.side == "foreign"] == ["Sisi"]
    [p] = persons_in("Marshall Louis M. Alferez, the consul general of the Philippines in Guangzhou, expressed "
                     "gratitude for the efficient and convenient services provided by Guangzhou.", rules)
    assert (p.side, p.name, p.country) == ("foreign", "Marshall Louis M. Alferez", "PHL")
    # China's own consul general is no foreign person
    assert [p for p in persons_in("Zhao Jian, the consul general of China in Kolkata, expressed thanks.", rules)
            if p.side == "foreign"] == []


def test_a_date_in_a_fronted_after_phrase_is_not_the_events():
    """english.gov.cn, Nov 25, 2015: "He arrived in Suzhou for the Fourth Summit ... After his flight on the evening
    of Nov 23, the Premier worked through the night and held bilateral talks with leaders from Estonia, Poland and
    Slovenia on the morning of Nov 24.": the talks are on Nov 24, in Suzhou (the trip abroad has ended)."""
    body = ("Premier Li Keqiang flew in after making an official visit to Malaysia on Nov 23.\n\nHe arrived in Suzhou "
            "for the Fourth Summit of China and Central and Eastern European Countries.\n\nAfter his flight on the "
            "evening of Nov 23, the Premier worked through the night and held bilateral talks with leaders from "
            "Estonia, Poland and Slovenia on the morning of Nov 24.")
    visit, talks = news(body, "2015-11-25")
    assert (visit["type"], visit["place"]["country"]) == ("visit", "MYS")
    assert (talks["type"], talks["date_start"], talks["place"]["city_code"]) == ("talks", "2015-11-24", "320500")
    # the fronted phrase's date stays the event's when the rest has none; a trip abroad goes on without "arrived"
    [e] = news("After arriving in Beijing on March 3, Premier Li Keqiang met with Kazakh Prime Minister Bakytzhan "
               "Sagintayev.", "2018-03-05")
    assert e["date_start"] == "2018-03-03"
    body = body.replace("He arrived in Suzhou for", "He spoke of")
    assert [e["place"]["country"] for e in news(body, "2015-11-25")] == ["MYS", "MYS"]


def test_a_reception_for_the_consular_corps_and_a_journey_for_a_meeting():
    """eguangzhou: "Guangzhou held a reception for foreign consular corps on Sept 25, gathering officials from
    consulates general of 62 countries in Guangzhou."; bw embassy: "Assistant Foreign Minister Chen Xiaodong
    travelled to Chongqing Municipality for a meeting between ... Chen Miner and Mayor of Chongqing Municipality
    Tang Liangzhi and the study group of diplomatic envoys of African countries to China"."""
    [e] = news("Guangzhou held a reception for foreign consular corps on Sept 25, gathering officials from consulates "
               "general of 62 countries in Guangzhou.", "2023-09-26")
    assert (e["type"], e["date_start"], e["place"]["city_code"]) == ("meeting", "2023-09-25", "440100")
    assert news("The Chinese Embassy held a reception on Sept 25 to celebrate the 74th anniversary of the founding "
                "of the People's Republic of China.", "2023-09-26") == []
    [e] = news("On December 3, 2019, Assistant Foreign Minister Chen Xiaodong travelled to Chongqing Municipality for "
               "a meeting between Secretary of the CPC Chongqing Municipal Committee Chen Miner and Mayor of "
               "Chongqing Municipality Tang Liangzhi and the study group of diplomatic envoys of African countries to "
               "China.")
    assert (e["type"], e["date_start"], e["place"]["province_code"]) == ("meeting", "2019-12-03", "CN-CQ")
    assert [p["name"] for p in e["chinese"]] == ["Chen Xiaodong", "Chen Miner", "Tang Liangzhi"]
    assert news("On December 3, 2019, Vice Mayor Li Ming travelled to Wanzhou District for a meeting of the "
                "district's poverty relief office.") == []


def test_arrived_for_a_meeting_and_an_official_visit():
    """english.gov.cn: "Premier Li Keqiang arrived in Dushanbe on Oct 11 for the 17th meeting of the Council of Heads
    of Government (Prime Ministers) of the Shanghai Cooperation Organization (SCO) and an official visit to
    Tajikistan."."""
    [e] = news("Premier Li Keqiang arrived in Dushanbe on Oct 11 for the 17th meeting of the Council of Heads of "
               "Government (Prime Ministers) of the Shanghai Cooperation Organization (SCO) and an official visit to "
               "Tajikistan.", "2018-10-20")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2018-10-11", "TJK")
    # arriving for a meeting only is no visit
    assert news("Premier Li Keqiang arrived in Dushanbe on Oct 11 for the 17th meeting of the Council of Heads of "
                "Government of the Shanghai Cooperation Organization.", "2018-10-20") == []


def test_a_readouts_subheads_are_meetings_of_the_official_the_next_sentence_names():
    """english.gov.cn's photo page of Sept 6, 2015: "Meeting with Kazakh President Nazarbayev on Sept 1" followed by
    "Premier Li Keqiang said ..." and "Kazakh President Nursultan Nazarbayev said ..."; "Meeting with Egyptian
    President Sisi on Sept 2" followed by "Premier Li said ...", Li Keqiang being named in full before."""
    body = ("Photographers caught some special moments of Premier Li Keqiang.\n\nMeeting with Kazakh President "
            "Nazarbayev on Sept 1\n\nPremier Li Keqiang said that economic security is the basic security for a "
            "nation.\n\nKazakh President Nursultan Nazarbayev said it was important to fully implement that plan.\n\n"
            "Meeting with Egyptian President Sisi on Sept 2\n\nPremier Li said that anti-terrorism cooperation "
            "should be strengthened.")
    kaz, egy = news(body, "2015-09-06")
    assert (kaz["type"], kaz["date_start"], kaz["countries"]) == ("meeting", "2015-09-01", ["KAZ"])
    assert [p["name"] for p in kaz["chinese"]] == ["Li Keqiang"]
    assert [p["name"] for p in kaz["foreign"]] == ["Nursultan Nazarbayev"]
    assert (egy["date_start"], [p["name"] for p in egy["chinese"]]) == ("2015-09-02", ["Li Keqiang"])
    # a subhead followed by the foreign leader's words: no Chinese party, no event
    assert news("Meeting with Kazakh President Nazarbayev on Sept 1\n\nKazakh President Nursultan Nazarbayev said "
                "it was important to fully implement that plan.", "2015-09-06") == []


def test_the_host_of_a_welcome_ceremony_the_one_met_and_the_treasury():
    """english.gov.cn: "Tajik Prime Minister Kokhir Rasulzoda held a grand welcome ceremony for Premier Li at the
    airport on Oct 11." (the host of the visit); "Premier Li said that ..., while meeting with Egyptian President
    Abdel Fattah al-Sisi." (the subhead's "Sisi" in full); bb embassy: "US Secretary of the Treasury Jacob Lew"."""
    [e] = news("Premier Li Keqiang arrived in Dushanbe on Oct 11 for an official visit to Tajikistan.\n\nTajik Prime "
               "Minister Kokhir Rasulzoda held a grand welcome ceremony for Premier Li at the airport on Oct 11.",
               "2018-10-20")
    assert [p["name"] for p in e["foreign"]] == ["Kokhir Rasulzoda"]
    [e] = news("Photographers caught Premier Li Keqiang smiling.\n\nMeeting with Egyptian President Sisi on Sept 2\n\nPremier Li said that "
               "the economy should be developed, while meeting with Egyptian President Abdel Fattah al-Sisi.",
               "2015-09-06")
    assert [p["name"] for p in e["foreign"]] == ["Abdel Fattah al-Sisi"]
    [e] = news("On May 13, 2014, Premier Li Keqiang met with US Secretary of the Treasury Jacob Lew at the Great Hall "
               "of the People.")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Jacob Lew", "USA")]
    # a ceremony's host in a sentence of its own occasion (no event owns it) is no participant
    assert news("Tajik Prime Minister Kokhir Rasulzoda held a grand welcome ceremony for the Emir at the airport on "
                "Oct 11.", "2018-10-20") == []


def test_the_states_and_cities_of_a_consulates_readouts_in_the_us():
    """Chicago consulate: "On October 6, Consul General Hong Lei met with State Senate President Sandra Pappas in
    Saint Paul, the State Capital of Minnesota." (neither place was known: no counterpart, no event)."""
    [e] = news("On October 6, Consul General Hong Lei met with State Senate President Sandra Pappas in Saint Paul, the "
               "State Capital of Minnesota.", "2016-10-06")
    assert (e["place"]["country"], e["countries"]) == ("USA", ["USA"])
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Sandra Pappas", "USA")]
    # Georgia is the country, not the state
    assert [p.code for p in places_in("met with the Foreign Minister of Georgia in Tbilisi", load())] == ["GEO", "GEO"]


# Seventh round (issue 26): the causes the eighth held-out run showed (HELDOUT8_RUN.md), each a general rule on its
# real sentence, with one it must leave alone. Held-out 8 is dev material from that run on.

def test_a_consulates_calls_and_presentations_are_meetings():
    """UK embassy: "On March 1, 2010 Ambassador Liu Xiaoming called on Ivan Lewis, British Minister of State for
    Foreign and Commonwealth Affairs." and "On 1 March 2010, Ambassador Liu Xiaoming presented the Copy of Credentials
    to ..."; an appeal ("called on China and Kazakhstan to further ...") is none."""
    [e] = news("On March 1, 2010 Ambassador Liu Xiaoming called on Ivan Lewis, British Minister of State for Foreign and "
               "Commonwealth Affairs.")
    assert (e["type"], e["date_start"], e["countries"]) == ("meeting", "2010-03-01", ["GBR"])
    assert [p["name"] for p in e["foreign"]] == ["Ivan Lewis"]
    assert news("On Oct 11, Premier Li Keqiang called on China and Kazakhstan to further dovetail development "
                "strategies.", "2018-10-20") == []
    [e] = news("On 1 March 2010, Ambassador Liu Xiaoming presented the Copy of Credentials to British Foreign Secretary "
               "David Miliband.")
    assert (e["type"], e["date_start"]) == ("meeting", "2010-03-01")
    assert news("On 1 March 2010, Ambassador Liu Xiaoming presented a copy of the report to British Foreign Secretary "
                "David Miliband.") == []


def test_a_conversation_a_banquet_and_a_journey_abroad():
    """Chicago consulate: "Governor Rick Snyder of Michigan delivered the annual State of the State address on January
    20 ... Deputy Consul General Liu Jun attended the session ... and had a brief and friendly conversation with
    Governor Rick Snyder ..." (the governor named in full with his state before); Sydney consulate: "held a joint
    welcome banquet for His Excellency Hu Shan" "in Western Sydney"; Manchester: "travelled to Leeds upon invitation to
    meet with the Lord Mayor Councillor Latty"."""
    [e] = news("Governor Rick Snyder of Michigan delivered the annual State of the State address on January 20 to a joint "
               "session of the Michigan Senate and House. Deputy Consul General Liu Jun attended the session at the "
               "Governor's invitation and had a brief and friendly conversation with Governor Rick Snyder and Lt. "
               "Governor Brian Calley during a private reception before the speech.", "2015-01-28")
    assert (e["type"], e["date_start"], e["countries"]) == ("meeting", "2015-01-20", ["USA"])
    assert [p["name"] for p in e["foreign"]] == ["Rick Snyder"]
    # a name the text never gives a country is no counterpart
    assert news("Deputy Consul General Liu Jun attended the session on January 20 and had a brief and friendly "
                "conversation with Governor Rick Snyder.", "2015-01-28") == []
    [e] = news("On December 8th, thirty six Australian Chinese organizations in Western Sydney held a joint welcome "
               "banquet for His Excellency Hu Shan, Consul General.", "2008-12-10")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("meeting", "2008-12-08", "AUS")
    assert news("On December 8th, the Chinese Consulate General in Sydney held a grand banquet to celebrate the "
                "Spring Festival.", "2008-12-10") == []
    [e] = news("On 22nd January 2019, Consul General Zheng Xiyuan travelled to Leeds upon invitation to meet with the "
               "Lord Mayor Councillor Latty.")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2019-01-22", "GBR")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Latty", "GBR")]
    # a Chinese official travelling at home is no visit
    assert news("On 22nd January 2019, Vice Governor Li Ming travelled to Yueyang upon invitation to meet with the "
                "mayor.") == []


def test_names_titles_and_honorifics_of_consulates_readouts():
    """Manchester, Houston, San Francisco, Sydney and Washington readouts: honorifics and post-nominals are no part of a
    name, a name can stand before "the Metro Mayor of", a body is no name, a Chinese name needs a Chinese surname,
    "Lyu" is one, "Ambassador Liu's work" is no foreign person."""
    rules = load()

    def names(text: str) -> list[tuple]:
        return [(p.side, p.name, p.country) for p in persons_in(text, rules) if p.name]

    assert names("On March 13th 2020, Consul General Zheng Xiyuan met with Lord Mayor of Manchester, Councillor Abid "
                 "Latif Chohan.") == [("chinese", "Zheng Xiyuan", None), ("foreign", "Abid Latif Chohan", "GBR")]
    assert names("Mr. Zheng Xiyuan met with Mr. Steve Rotheram, the Metro Mayor of the Liverpool City Region. Mr. Gary "
                 "Millar, Deputy Mayor of Liverpool, and Consul General Lyu Xiaomei attended the meeting.") == [
        ("chinese", "Zheng Xiyuan", None), ("foreign", "Steve Rotheram", "GBR"), ("foreign", "Gary Millar", "GBR"), ("chinese", "Lyu Xiaomei", None)]
    assert ("foreign", "Joseph Tripodi", "AUS") in names(
        "The guests included Hon. Joseph Tripodi MP, Minister for Finance of New South Wales.")
    assert names("Deputy Consul General Ren met with Ms. Stirling, Vice President of California Chamber of Commerce.") \
        == [("foreign", "Stirling", "USA")]
    assert names("He met the Vice President of California Chamber of Commerce.") == []
    assert names("Vice President Xie Yuan met with Brian Kenner, Deputy Mayor of Washington D.C., on October 19th in "
                 "Beijing.") == [("chinese", "Xie Yuan", None), ("foreign", "Brian Kenner", "USA")]
    assert names("On July 1, 2015, Vice Foreign Minister Zhang Ming met with Minister Without Portfolio Sylvester M. "
                 "Grigsby of Liberia.") == [("chinese", "Zhang Ming", None), ("foreign", "Sylvester M. Grigsby", "LBR")]
    assert names("Consul General Xu Erwen met with U.S. Congressman Green of Texas at the Consulate.") == [
        ("chinese", "Xu Erwen", None), ("foreign", "Green", "USA")]
    assert names("He expressed the willingness of the British Foreign and Commonwealth Office to provide active "
                 "assistance for Ambassador Liu's work in the UK.") == []
    assert names("On 5th September 2019, Consul General Zheng Xiyuan and his wife Ms. Li Fanghui visited York.") == [
        ("chinese", "Zheng Xiyuan", None), ("chinese", "Li Fanghui", None)]
    assert ("chinese", "Lee Hsien", None) not in names("Ms. Lee Hsien Loong met with Wang Yi in Singapore.")


def test_a_year_without_its_comma_and_a_paragraph_printed_twice():
    """Manchester: "On March 13th 2020, ..."; the ministry's page of July 6, 2015 prints its one sentence twice: one
    event."""
    assert resolve_date("On March 13th 2020, Consul General Zheng Xiyuan met with", None)[0].isoformat() == "2020-03-13"
    assert resolve_date("On March 5, 300 people attended", date(2020, 3, 20))[0].isoformat() == "2020-03-05"
    line = ("On July 1, 2015, Vice Foreign Minister Zhang Ming met with Minister Without Portfolio Sylvester M. Grigsby "
            "of Liberia. The two sides exchanged opinions mainly on China-Liberia relations.")
    assert len(news(line + "\n" + line)) == 1
    assert len(news(line + "\n" + line.replace("July 1", "July 3"))) == 2


def test_the_eighth_sets_figures_after_the_fixes():
    """Not a measurement (HELDOUT8_RUN.md is: events 0.714 / 0.312, participants 0.667 / 0.135): a floor at the
    figures after the fixes made on its errors, so that they do not fall back."""
    r = evaluate_real(REAL / "heldout8")["kinds"]["all"]
    assert r["events"]["precision"] >= 0.92 and r["events"]["recall"] >= 0.81, r
    assert r["participants"]["precision"] >= 0.99 and r["participants"]["recall"] >= 0.7, r


def test_a_list_of_guests_with_their_titles_after_their_names():
    """Sydney consulate: "Up to 500 guests attended the banquet, including Hon. Nathan Rees MP, Premier of New South
    Wales and Minister for Arts, Hon. Joseph Tripodi MP, Minister for Finance, ...": "Hon." ends no sentence, each
    title belongs to the name before it, and a premier of a foreign state is a foreign person; "the Premier" and
    "Premier Li" stay China's."""
    [e] = news("On December 8th, thirty six Australian Chinese organizations in Western Sydney held a joint welcome "
               "banquet for His Excellency Hu Shan, Consul General. Up to 500 guests attended the banquet, including "
               "Hon. Nathan Rees MP, Premier of New South Wales and Minister for Arts, Hon. Joseph Tripodi MP, Minister "
               "for Finance, Minister for Infrastructure, Minister for Regulatory Reform, and Minister for Ports and "
               "Waterways and State Member Nickola Lalich MP.", "2008-12-10")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Nathan Rees", "AUS"), ("Joseph Tripodi", "AUS")]
    rules = load()
    assert [(p.side, p.name) for p in persons_in("The Premier met with Kazakh Prime Minister Bakytzhan Sagintayev.",
                                                  rules)] == [("foreign", "Bakytzhan Sagintayev")]
    assert [(p.side, p.name, p.country) for p in persons_in("Premier Li met Ontario Premier Doug Ford.", rules)] == [
        ("foreign", "Doug Ford", "CAN")]


def test_a_consultation_named_by_its_kind_and_a_reference_to_another_time():
    """The ministry's page of November 4, 2023: "Miao Deyu ... held foreign policy planning consultation with Salman
    Ahmed ... in Vienna." (talks; "had engaged in consultations" is no occasion); Hong Kong Commissioner's Office:
    "Wang Yi welcomed Deputy Secretary of State Antony Blinken's visit ... and said that last month, President Xi
    Jinping and President Barack Obama held a successful 'west lake conversation'": Xi Jinping was not at this
    meeting (HELDOUT9_RUN.md)."""
    [e] = news("On November 1, 2023, Miao Deyu, Director-General of the Department of Policy Planning of the Ministry of "
               "Foreign Affairs of China, held foreign policy planning consultation with Salman Ahmed, Director of the "
               "U.S. Secretary of State's Policy Planning Staff, in Vienna.", "2023-11-04")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("talks", "2023-11-01", "AUT", ["USA"])
    assert press("A: The statement by China's Commerce Ministry on July 12th depicts a whole picture of how China and "
                 "the US had engaged in consultations on the trade issue.", published="2018-07-16") == []
    [e] = news("On October 29, 2016, Foreign Minister Wang Yi met in Beijing with Deputy Secretary of State Antony Blinken "
               "of the US.\n\nWang Yi welcomed Deputy Secretary of State Antony Blinken's visit, and said that last "
               "month, President Xi Jinping and President Barack Obama held a successful \"west lake conversation\" "
               "during the G20 Hangzhou Summit.")
    assert [p["name"] for p in e["chinese"]] == ["Wang Yi"]
    # a later sentence of the same occasion, with no other time, still adds those who took part
    [e] = news("On October 29, 2016, Foreign Minister Wang Yi met in Beijing with Deputy Secretary of State Antony Blinken "
               "of the US.\n\nVice Foreign Minister Zheng Zeguang attended the meeting.")
    assert [p["name"] for p in e["chinese"]] == ["Wang Yi", "Zheng Zeguang"]


def test_the_ninth_sets_figures_after_the_fixes():
    """Not a measurement (HELDOUT9_RUN.md is: events 0.714 / 0.714, participants 0.545 / 0.429): a floor."""
    r = evaluate_real(REAL / "heldout9")["kinds"]["all"]
    assert r["events"]["precision"] >= 0.85 and r["events"]["recall"] >= 0.85, r
    assert r["participants"]["precision"] >= 0.7 and r["participants"]["recall"] >= 0.5, r


def test_a_meeting_with_the_press_is_no_event():
    """The ministry's page of December 6, 2017: "Foreign Minister Wang Yi met in Beijing with the press corps
    'Understanding China' of the Asia Society of the US and answered questions from the journalists" is no
    meeting with the US (journalists are no counterpart, as held-out 4's reception for journalists); the same
    sentence with an official of the US is one (HELDOUT9_RUN.md)."""
    assert news("On December 6, 2017, Foreign Minister Wang Yi met in Beijing with the press corps \"Understanding "
                "China\" of the Asia Society of the US and answered questions from the journalists regarding China-US "
                "relations.") == []
    assert news("On May 3, 2019, Vice Premier Hu Chunhua met with visiting US journalists in Beijing.") == []
    [e] = news("On December 6, 2017, Foreign Minister Wang Yi met in Beijing with Secretary of State Rex Tillerson of "
               "the US and answered questions from the journalists regarding China-US relations.")
    assert (e["type"], e["countries"]) == ("meeting", ["USA"])


def test_a_day_alone_after_on_and_a_news_dateline():
    """Zhejiang's page of April 3, 2018: "On 29th, Governor Yuan Jiajun met with the Party and government delegation
    from Haixi Prefecture ..." is March 29 ("On 19th CPC ..." is no day); Changchun's page: "Changchun, March 14
    (Changchun Daily)-Wang Junzheng, ..., and Liu Changlong, ..., met with the delegation led by U.S. Charge d'Affaires
    David Rank on March 13, 2017." is March 13, with both Chinese officials: the dateline is a sentence of its own
    (HELDOUT10_RUN.md)."""
    assert resolve_date("On 29th, Governor Yuan Jiajun met with the delegation", date(2018, 4, 3))[:2] == (
        date(2018, 3, 29), date(2018, 3, 29))
    assert resolve_date("On 19th CPC National Congress, he said", date(2018, 4, 3))[0] is None
    [e] = news("Changchun, March 14 (Changchun Daily)\u2014Wang Junzheng, Member of the Standing Committee of the CPC "
               "Jilin Provincial Committee and Secretary of the CPC Changchun Municipal Committee, and Liu Changlong, "
               "Mayor of Changchun City, met with the delegation led by U.S. Charge d\u2019Affaires David Rank on March "
               "13, 2017.")
    assert (e["date_start"], e["countries"]) == ("2017-03-13", ["USA"])
    assert [p["name"] for p in e["chinese"]] == ["Wang Junzheng", "Liu Changlong"]
    from pipelines.meetings.text import paragraph_sentences
    assert paragraph_sentences("BEIJING, Dec. 12 (Xinhua) -- Vice Foreign Minister Xie Feng held talks. He said.") == [
        "BEIJING, Dec. 12 (Xinhua) --", "Vice Foreign Minister Xie Feng held talks.", "He said."]
    assert paragraph_sentences("On March 14 (Monday) - the talks. He said.") == ["On March 14 (Monday) - the talks.",
                                                                                  "He said."]


def test_the_seat_of_consuls_general_and_a_state_capital():
    """Changchun, August 17, 2020: "met with the delegations led by the consul generals of ROK, Germany, Japan, Australia
    and France to Shenyang on August 13, 2020" is not placed in Shenyang (the consulates' seat); Chicago consulate:
    "visited and addressed the Illinois Senate ... in Springfield, the capital of Illinois" is in the US."""
    [e] = news("Zhang Zhijun, Mayor of Changchun City, met with the delegations led by the consul generals of ROK, Germany, "
               "Japan, Australia and France to Shenyang on August 13, 2020.", "2020-08-17")
    assert (e["place"], e["countries"]) == ({}, ["KOR", "DEU", "JPN", "AUS", "FRA"])
    [e] = news("On August 13, 2020, Governor Jing Junhai met with the Ambassador of Brazil to China Paulo Estivallet de "
               "Mesquita in Changchun.", "2020-08-17")
    assert e["place"]["city"] == "Changchun"
    [e] = news("On May 29, 2018, at the invitation of the Illinois General Assembly, Consul General Hong Lei visited and "
               "addressed the Illinois Senate and the Illinois House of Representatives in Springfield, the capital of "
               "Illinois.", "2018-05-30")
    assert (e["type"], e["place"]["country"]) == ("visit", "USA")
    [e] = news("On May 29, 2018, Consul General Hong Lei visited Springfield and met the head of the capital of "
               "Illinois.", "2018-05-30")
    assert e["place"] == {}


def test_a_media_delegation_and_a_delegation_from_another_chinese_place():
    """Hunan's portal: "Li Chunqiu, ... mayor of Huaihua City, met in Huaihua with an interview delegation of mainstream
    media outlets from ASEAN countries" is no event (the press); "Du Jiahao met in Changsha with a delegation consisting
    of the CPC members and Government officials from Shannan City, Tibet Autonomous Region" is one, a second Chinese
    side with no country; a delegation from the host's own city is not (HELDOUT10_RUN.md)."""
    assert news("On May 4, Li Chunqiu, deputy secretary of the CPC Huaihua Municipal Committee and mayor of Huaihua City, "
                "met in Huaihua with an interview delegation of mainstream media outlets from ASEAN countries.",
                "2023-05-08") == []
    assert len(news("On May 4, Li Chunqiu, mayor of Huaihua City, met in Huaihua with a delegation of the Ministry of "
                    "Information of Laos.", "2023-05-08")) == 1
    [e] = news("On July 31, CPC Hunan Provincial Committee Secretary Du Jiahao met in Changsha with a delegation "
               "consisting of the CPC members and Government officials from Shannan City, Tibet Autonomous Region.",
               "2018-08-06")
    assert (e["type"], e["date_start"], e["place"]["city"], e["countries"]) == ("meeting", "2018-07-31", "Changsha", [])
    assert news("On July 31, Secretary Du Jiahao met in Changsha with a delegation of entrepreneurs from Changsha.",
                "2018-08-06") == []


def test_a_second_role_with_its_country_and_those_attending():
    """Shaanxi, October 12, 2017: "met with Fukuda Yasuo, the President of the Boao Forum for Asia and the former Prime
    Minister of Japan, Zeng Peiyan, the vice president of BFA and former Vice Premier ..." makes Fukuda Yasuo Japan's
    and Zeng Peiyan no Japanese; "Those also attending the meeting include: Zhou Wenzhong, ..." adds those named
    (HELDOUT10_RUN.md)."""
    [e] = news("On October 9, Shaanxi Provincial Secretary Lou Qinjian and Governor Hu Heping met with Fukuda Yasuo, the "
               "President of the Boao Forum for Asia and the former Prime Minister of Japan, Zeng Peiyan, the vice "
               "president of BFA and former Vice Premier Minister of the State Council, and other participant "
               "representatives.\n\nThose also attending the meeting include: Zhou Wenzhong, the Secretary General of "
               "BFA.", "2017-10-12")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Fukuda Yasuo", "JPN")]
    assert [p["name"] for p in e["chinese"]] == ["Lou Qinjian", "Hu Heping", "Zeng Peiyan", "Zhou Wenzhong"]
    rules = load()
    # a role of another person after "and" gives the first none of its country
    assert [(p.name, p.country) for p in persons_in(
        "On October 9, Governor Hu Heping met with Fukuda Yasuo, the President of the Boao Forum for Asia, and Prime "
        "Minister of Japan Shinzo Abe.", rules) if p.side == "foreign"] == [("Fukuda Yasuo", None), ("Shinzo Abe", "JPN")]


def test_a_body_head_with_a_first_role_of_a_country_and_consultations_held_between():
    """Nanchang, September 11, 2018: "the delegation led by Former Mayor of Switzerland Zurich and President of
    Sino-Swiss Friendship Association Dr. Thomas Wagner" is Thomas Wagner of Switzerland (a body's head takes the
    country of his first role; "Dr." is no name); the Chicago consulate's Xinhua copy: "The consultations were held
    between visiting Chinese Vice Foreign Minister He Yafei and U.S. Deputy Secretary of State James Steinberg." names
    the talks' participants, "The first consultations were held between ... in 2005" does not."""
    rules = load()
    assert [(p.name, p.country) for p in persons_in(
        "Yesterday morning, City Mayor Liu Jianyang met with the delegation led by Former Mayor of Switzerland Zurich and "
        "President of Sino-Swiss Friendship Association Dr. Thomas Wagner.", rules) if p.side == "foreign"] == [
        ("Thomas Wagner", "CHE")]
    assert [(p.name, p.country) for p in persons_in(
        "On May 2, Governor Li met with the Secretary-General of the Shanghai Cooperation Organization Vladimir Norov.",
        rules) if p.side == "foreign"] == [("Vladimir Norov", None)]
    first = ("China and the United States on Wednesday, May 13 in Washington held political consultations at the vice "
             "foreign ministerial level.\n\n")
    [e] = news(first + "The consultations were held between visiting Chinese Vice Foreign Minister He Yafei and U.S. "
               "Deputy Secretary of State James Steinberg.", "2009-05-14")
    assert (e["type"], e["date_start"], [p["name"] for p in e["chinese"]], [p["name"] for p in e["foreign"]]) == (
        "talks", "2009-05-13", ["He Yafei"], ["James Steinberg"])
    [e] = news(first + "The first consultations were held between Dai Bingguo and U.S. Deputy Secretary of State Robert "
               "Zoellick in 2005.", "2009-05-14")
    assert e["foreign"] == []


def test_a_delegation_arriving_abroad_and_envoys_coming_to_a_city():
    """Changchun, April 2018: "the delegation of Changchun City arrived in Krasnoyarsk early morning on April 11, 2018"
    is a visit to Russia (Krasnoyarsk and Dambovita now in [foreign_places]); Taizhou, November 2023: "the diplomatic
    delegation to China on Zhejiang Tour came to Taizhou" is a visit; a delegation arriving in Beijing, or a trade
    delegation coming to a city, is none (HELDOUT10_RUN.md)."""
    [e] = news("At the invitation of the government of Krasnoyarsk, the delegation of Changchun City arrived in Krasnoyarsk "
               "early morning on April 11, 2018.")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("visit", "2018-04-11", "RUS", ["RUS"])
    assert news("On April 11, 2018, the delegation of Changchun City arrived in Beijing.") == []
    [e] = news("On November 5, the diplomatic delegation to China on Zhejiang Tour came to Taizhou. Meanwhile, Shen "
               "Mingquan, the Deputy Secretary of Taizhou Municipal Committee of the CPC and Acting Mayor, met with the "
               "delegation in Tiantai County, Taizhou.", "2023-11-17")
    assert (e["type"], e["date_start"], [p["name"] for p in e["chinese"]]) == ("visit", "2023-11-05", ["Shen Mingquan"])
    assert news("On November 5, the trade delegation came to Taizhou.", "2023-11-17") == []
    [e] = news("On the evening of September 16, 2017, Mao Wanchun, Vice Secretary of the CPC Shaanxi Provincial Committee "
               "met with Alexandrou Oprea, Governor of Dambovita and President of Dambovita Parliament and his "
               "delegation.", "2017-09-25")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Alexandrou Oprea", "ROU")]


def test_a_head_of_a_business_is_no_second_chinese_side():
    """Shaanxi, June 2017: "Shaanxi governor Hu Heping met with Chia Tai Group board chairman Xie Guomin and his
    delegation" and Shanxi, September 2022: "Wu Shaozhong, director of the Foreign Affairs Office ..., met with Liu
    Linna, vice-chairwoman and secretary general of the North American Chinese Investment Council" are no events (a
    company's or an investors' council's head is no second official); a governor meeting an official of the State
    Council is one (HELDOUT10_RUN.md)."""
    assert news("On June 14th, Shaanxi governor Hu Heping met with Chia Tai Group board chairman Xie Guomin and his "
                "delegation.", "2017-06-16") == []
    assert news("Wu Shaozhong, director of the Foreign Affairs Office of the Shanxi Provincial Government, met with Liu "
                "Linna, vice-chairwoman and secretary general of the North American Chinese Investment Council, in "
                "Taiyuan, capital of North China's Shanxi province, on Aug 26.", "2022-09-01") == []
    assert len(news("On June 14th, Shaanxi governor Hu Heping met with Hu Chunhua, Vice Premier of the State Council.",
                    "2017-06-16")) == 1


def test_a_secretary_named_before_a_lower_case_title_and_a_delegation_head_told_by_its_country():
    """Hunan's portal, April 26, 2019: "Du Jiahao, secretary of the CPC Hunan Provincial Committee and director of ...,
    met with a Dominican delegation led by Jose Ramon Peralta, administrative minister of the Presidency" names Du
    Jiahao (a lower-case "secretary" title) and a Dominican head of delegation; a Chinese delegation's head and a
    company are not foreign persons (HELDOUT10_RUN.md)."""
    rules = load()
    found = [(p.side, p.name, p.country) for p in persons_in(
        "On April 23 and 24, Du Jiahao, secretary of the CPC Hunan Provincial Committee and director of the Hunan "
        "Provincial People's Congress Standing Committee, met with a Dominican delegation led by Jos\u00e9 Ramon Peralta, "
        "administrative minister of the Presidency.", rules)]
    assert found == [("chinese", "Du Jiahao", None), ("foreign", "Jos\u00e9 Ramon Peralta", "DOM")]
    assert [(p.side, p.name) for p in persons_in("He met with a Chinese delegation led by Wang Yi.", rules)] == [
        ("chinese", "Wang Yi")]
    assert persons_in("He met with a business delegation led by Tesla.", rules) == []


def test_the_tenth_sets_figures_after_the_fixes():
    """Not a measurement (HELDOUT10_RUN.md is: events 0.400 / 0.316, participants 0.594 / 0.333): a floor."""
    r = evaluate_real(REAL / "heldout10")["kinds"]["all"]
    assert r["events"]["precision"] >= 0.82 and r["events"]["recall"] >= 0.73, r
    assert r["participants"]["precision"] >= 0.9 and r["participants"]["recall"] >= 0.68, r


def test_an_attendance_list_with_a_minister_of_a_country_named_in_pinyin():
    """Shaanxi, October 12, 2017: "Those also attending the meeting include: Zhou Wenzhong, the Secretary General of
    BFA; Wu Zuodong, the Honorary Senior Minister of Singapore; ..." adds all those named, Wu Zuodong of Singapore (a
    name in pinyin before a role "of" a foreign country is that country's), and "the Secretary General of Shaanxi
    Province" names nobody "General"; "Wang Yi, the Minister of Foreign Affairs of China" stays Chinese, "Secretary of
    State General Colin Powell" keeps his rank (HELDOUT10_RUN.md)."""
    [e] = news("On October 9, Shaanxi Provincial Secretary Lou Qinjian and Governor Hu Heping met with Fukuda Yasuo, the "
               "President of the Boao Forum for Asia and the former Prime Minister of Japan.\n\nThose also attending the "
               "meeting include: Zhou Wenzhong, the Secretary General of BFA; Wu Zuodong, the Honorary Senior Minister of "
               "Singapore; Qian Yin'an, a member of Standing Committee and the Secretary General of Shaanxi Province.",
               "2017-10-12")
    assert e["countries"] == ["JPN", "SGP"]
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Fukuda Yasuo", "JPN"), ("Wu Zuodong", "SGP")]
    rules = load()
    assert [(p.side, p.name) for p in persons_in("On May 2, Vice Premier Liu He met with Wang Yi, the Minister of "
                                                 "Foreign Affairs of China.", rules)] == [
        ("chinese", "Liu He"), ("chinese", "Wang Yi")]
    assert [(p.name, p.country) for p in persons_in("On May 2, he met with Secretary of State General Colin Powell of "
                                                    "the US.", rules)] == [("General Colin Powell", "USA")]


def test_a_summit_co_hosted_by_a_chinese_body_was_held_abroad():
    """CPAFFC, July 17, 2019: "the 4th U.S.-China Sister Cities Mayors' Summit, co-hosted by the Chinese People's
    Association for Friendship with Foreign Countries (CPAFFC) and the Sister Cities International (SCI), was held in
    Houston, Texas" is a meeting in the US (HELDOUT8_RUN.md); a city's conference "organized by the city government,
    was held in Guilin" is none."""
    [e] = news("On July 17th, the 4th U.S.-China Sister Cities Mayors\u2019 Summit, co-hosted by the Chinese People\u2019s "
               "Association for Friendship with Foreign Countries (CPAFFC) and the Sister Cities International (SCI), was "
               "held in Houston, Texas.", "2019-07-17")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("meeting", "2019-07-17", "USA")
    assert news("On July 17th, the 4th Tourism Conference, organized by the city government, was held in Guilin.",
                "2019-07-17") == []


def test_a_later_sentence_of_another_month_and_year_adds_nobody():
    """Sichuan, April 16, 2019: the governor's visit to Argentina "From April 7th to 9th" is not joined by Xi Jinping
    from "In December 2018, President Xi Jinping paid a state visit to Argentina." (HELDOUT11_RUN.md); a later
    sentence of the visit itself still adds those it names."""
    first = ("From April 7th to 9th, Mr. Yin Li, Vice Secretary of Sichuan Provincial Committee of the CPC, Governor of "
             "People's Government of Sichuan Province, paid an exchange visit to Argentina with a delegation.\n\n")
    [e] = news(first + "During his visit, the delegation held a Promotion Meeting of Sichuan in Buenos Aires. In December "
               "2018, President Xi Jinping paid a state visit to Argentina.", "2019-04-16")
    assert [p["name"] for p in e["chinese"]] == ["Yin Li"]
    [e] = news(first + "Vice Governor Wang Yixin accompanied him on the visit.", "2019-04-16")
    assert [p["name"] for p in e["chinese"]] == ["Yin Li", "Wang Yixin"]


def test_one_chinese_name_said_present():
    """Zhejiang, April 3, 2018: "... met with the Party and government delegation from Haixi Prefecture headed by the
    prefecture deputy Party secretary Meng Hai. Feng Fei was present at the meeting." names Feng Fei; "New York was
    present at the fair" names nobody (HELDOUT10_RUN.md)."""
    [e] = news("On 29th, Governor Yuan Jiajun met with the Party and government delegation from Haixi Prefecture headed by "
               "the prefecture deputy Party secretary Meng Hai. Feng Fei was present at the meeting.", "2018-04-03")
    assert [p["name"] for p in e["chinese"]] == ["Yuan Jiajun", "Meng Hai", "Feng Fei"]
    assert persons_in("New York was present at the fair.", load()) == []


def test_a_label_with_body_page_gives_the_extractor_the_whole_stored_conference():
    """heldout12/ labels some turns of each conference; the extractor reads every turn (the stored text after its
    title line), so an answer keeps the question before it, as on a stored HTML page."""
    from bench.meetings_real import page_record
    label = json.loads((REAL / "heldout12" / "catti-2026-06-29.json").read_text("utf-8"))
    record = page_record(label, REAL)
    stored = (REAL / label["page"]).read_text("utf-8")
    assert record["body"] == stored.split("\n\n", 1)[1].strip()
    assert record["title"] == stored.split("\n\n", 1)[0] and record["published"] == "2026-06-29"
    turns = record["body"].split("\n\n")
    assert len(turns) > len(label["paragraphs"]) and all(p["text"] in turns for p in label["paragraphs"])


CATTI = "Foreign Ministry Spokesperson Lin Jian’s Regular Press Conference on July 23, 2026"


def test_a_multilateral_meeting_attended_with_its_city_before_it():
    """heldout12/ (catti-2026-07-23, a first-run miss): "attended in Manila the China-ASEAN Foreign Ministers’
    Meeting" is the named multilateral occasion "attended the ... Meeting in Manila" is, placed in the Philippines."""
    (e,) = press("Lin Jian: On July 22, Foreign Minister Wang Yi attended in Manila the China-ASEAN Foreign Ministers’ "
                 "Meeting alongside the foreign ministers of ASEAN nations and the Secretary-General of ASEAN.",
                 CATTI, "2026-07-23")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("meeting", "2026-07-22", "PHL", [])
    assert [p["name"] for p in e["chinese"]] == ["Wang Yi"]


def test_attending_the_meeting_in_a_city_is_still_no_occasion():
    """The city before the object does not make "the meeting" a named occasion."""
    assert press("Lin Jian: On July 22, Foreign Minister Wang Yi attended in Manila the meeting.", CATTI,
                 "2026-07-23") == []


def test_the_country_hosting_a_named_summit_is_no_party_to_it():
    """heldout12/ (catti-2026-06-12, a first-run wrong event): the country a named occasion is "hosted by" is its host,
    not a party (as the host of an SCO meeting in Bishkek is none); the summit attended by video link stays a call
    with no country."""
    (e,) = press("Lin Jian: On June 11, Vice Premier Zhang Guoqing attended and addressed the Global Convergence for "
                 "Growth Summit hosted by France via video link. He pointed out that we must adhere to development "
                 "first.", "Foreign Ministry Spokesperson Lin Jian’s Regular Press Conference on June 12, 2026",
                 "2026-06-12")
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2026-06-11", [])
    assert [p["name"] for p in e["chinese"]] == ["Zhang Guoqing"]


def test_a_host_met_in_person_is_still_a_party():
    """The host rule drops the country named only as host, not a leader of it whom the Chinese side met."""
    (e,) = press("Lin Jian: On June 11, Vice Premier Zhang Guoqing met with French President Emmanuel Macron at the "
                 "summit hosted by France.", "Foreign Ministry Spokesperson Lin Jian’s Regular Press Conference on "
                 "June 12, 2026", "2026-06-12")
    assert e["countries"] == ["FRA"] and [p["name"] for p in e["foreign"]] == ["Emmanuel Macron"]


def test_a_call_with_several_chinese_ends_has_no_one_place():
    """heldout11/ (gdfao, a first-run wrong event) and heldout3/ (t1770948, the same cause): a call whose Chinese end
    is two provinces, or the ministry and a province, is placed nowhere rather than at the first province named."""
    (e,) = news("On August 23, the governors of Heilongjiang Province, Guangdong Province, and Khabarovskiy Kray of "
                "Russia held a video meeting.", "2022-08-25")
    assert (e["type"], e["place"], e["countries"]) == ("call", {}, ["RUS"])
    (e,) = press("A: On the night of April 13 Beijing time, China's Ministry of Foreign Affairs and Hubei Provincial "
                 "authorities held a video conference with Andean states to share experience on COVID-19 prevention, "
                 "control and treatment.", "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on "
                 "April 14, 2020", "2020-04-14")
    assert (e["type"], e["date_start"], e["place"]) == ("call", "2020-04-13", {})


def test_a_call_with_one_chinese_province_is_placed_there():
    """One province on the Chinese end keeps the call placed at it."""
    (e,) = news("On August 23, the governor of Heilongjiang Province and the governor of Khabarovskiy Kray of Russia "
                "held a video meeting.", "2022-08-25")
    assert (e["place"]["country"], e["place"]["province_code"], e["countries"]) == ("CHN", "CN-HL", ["RUS"])


ZHAO = "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on March 10, 2022"


def test_what_the_chinese_side_said_after_and_names_no_party():
    """heldout13/ (cmfa-2022-03-10, a first-run wrong event; development work after that run): "and reiterated that
    we need to jointly support the peace talks between Russia and Ukraine" is what was said at the virtual summit, so
    Russia and Ukraine are not its parties."""
    (e,) = press("Zhao Lijian: The day before yesterday, President Xi had a virtual summit with French President "
                 "Emmanuel Macron and German Chancellor Olaf Scholz and reiterated that we need to jointly support the "
                 "peace talks between Russia and Ukraine.", ZHAO, "2022-03-10")
    assert (e["type"], e["date_start"], sorted(e["countries"])) == ("call", "2022-03-08", ["DEU", "FRA"])


def test_a_second_verb_after_and_that_is_no_speech_keeps_the_clause():
    """"and agreed to deepen cooperation" is no speech verb: both counterparts before it stay parties."""
    (e,) = press("Zhao Lijian: Yesterday, Wang Yi held talks with Kazakh Foreign Minister Tileuberdi and Uzbek Foreign "
                 "Minister Norov and agreed to deepen cooperation.", ZHAO, "2022-03-10")
    assert sorted(e["countries"]) == ["KAZ", "UZB"]


HUA = "Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on February 23, 2022"


def test_a_call_the_speaker_stressed_things_in():
    """heldout13/ (cmfa-2022-02-23, a first-run miss; development work after that run): "President Xi Jinping stressed
    in a telephone conversation with French President Emmanuel Macron on February 16 that ..." is Xi Jinping's call
    (the clause does not start after "stressed" when a preposition follows it), and "the Ukraine issue" it was about
    is its topic, not a party."""
    (e,) = press("Hua Chunying: President Xi Jinping stressed in a telephone conversation with French President "
                 "Emmanuel Macron on February 16 that relevant parties should stick to the general direction of "
                 "political settlement and seek a comprehensive settlement of the Ukraine issue through dialogue and "
                 "consultation.", HUA, "2022-02-23")
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2022-02-16", ["FRA"])
    assert [p["name"] for p in e["chinese"] + e["foreign"]] == ["Xi Jinping", "Emmanuel Macron"]


def test_what_is_stressed_that_is_still_told_by_its_speaker():
    """"stressed that in a telephone conversation ..., the US side lied": the spokesperson's words, no call of his."""
    assert press("Hua Chunying: Wang Wenbin stressed that in a telephone conversation with French President Emmanuel "
                 "Macron on February 16, the US side lied.", HUA, "2022-02-23") == []


def test_a_country_before_issue_is_a_topic_but_not_before_other_nouns():
    """"the Ukraine issue" names a topic; "the Ukrainian side" (and a country named as such) stays a party."""
    (e,) = press("Hua Chunying: On February 16, Wang Yi held talks with Ukrainian Foreign Minister Dmytro Kuleba on the "
                 "phone and discussed the Ukraine issue.", HUA, "2022-02-23")
    assert e["countries"] == ["UKR"]


def test_a_visit_kicked_off_and_a_delegation_sent_to_visit():
    """heldout13/ (cmfa-2014-10-14 and cmfa-2010-06-24, two first-run misses; development work after that run):
    "kicked off his official visit to Russia yesterday" and "sent Ambassador Gao Yusheng as head of a delegation to
    visit Kyrgyzstan on June 16" are visits on those days."""
    (e,) = press("Hong Lei: Premier Li Keqiang kicked off his official visit to Russia yesterday, and co-hosted the 19th "
                 "regular meeting between Chinese and Russian prime ministers with Russian Prime Minister Dmitry "
                 "Medvedev.", "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on October 14, 2014",
                 "2014-10-14")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("visit", "2014-10-13", "RUS", ["RUS"])
    assert [p["name"] for p in e["chinese"] + e["foreign"]] == ["Li Keqiang", "Dmitry Medvedev"]
    (e,) = press("Qin Gang: After the unrest in Osh region, southern Kyrgyzstan, China's Foreign Ministry sent "
                 "Ambassador Gao Yusheng as head of a delegation to visit Kyrgyzstan on June 16 and the delegation is "
                 "still there.", "Foreign Ministry Spokesperson Qin Gang's Regular Press Conference on June 24, 2010",
                 "2010-06-24")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2010-06-16", "KGZ")


def test_a_visit_that_has_not_started_is_no_visit():
    """"will kick off" is announced; "sent a message to" is no visit."""
    assert press("Hong Lei: Premier Li Keqiang will kick off his official visit to Russia tomorrow.",
                 "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on October 14, 2014",
                 "2014-10-14") == []
    assert press("Qin Gang: On June 16, President Hu Jintao sent a message of condolence to the President of "
                 "Kyrgyzstan.", "Foreign Ministry Spokesperson Qin Gang's Regular Press Conference on June 24, 2010",
                 "2010-06-24") == []


def test_a_meeting_with_guests_who_are_in_china():
    """heldout13/ (cmfa-2023-12-07, a first-run wrong event; development work after that run): "met with ... who are
    in China for the 24th China-EU Summit" is placed in China, as "who was in Kunming for the Expo" is in Kunming; a
    guest "who was in China's embassy" or "in China last year" is not the meeting's place."""
    w = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on December 7, 2023"
    (e,) = press("Wang Wenbin: This morning, President Xi Jinping met with President of the European Council Charles "
                 "Michel and President of the European Commission Ursula von der Leyen who are in China for the 24th "
                 "China-EU Summit.", w, "2023-12-07")
    assert (e["type"], e["place"]["country"], e["countries"]) == ("meeting", "CHN", [])
    (e,) = press("Wang Wenbin: This morning, Foreign Minister Wang Yi met with Foreign Minister Sergey Lavrov of Russia, "
                 "who was in China's neighbour Mongolia last week.", w, "2023-12-07")
    assert e["place"] == {}


def test_a_guests_country_after_visiting_is_not_the_place_and_a_province_after_a_town_is():
    """heldout13/ (cmfa-2022-12-13 and cmfa-2022-03-21, first-run wrong events; development work after that run):
    "held talks with visiting US Assistant Secretary of State ... in Langfang, Hebei" was held in Hebei, not the US;
    "in Tunxi, Anhui Province" is in Anhui (the town and its city are not in the gazetteer, the province is; Langfang,
    a city, is in it since the eleventh round and gives the city too)."""
    w = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on December 13, 2022"
    (e,) = press("Wang Wenbin: On December 11 and 12, Vice Foreign Minister Xie Feng held talks with visiting US "
                 "Assistant Secretary of State for East Asian and Pacific Affairs Daniel Kritenbrink in Langfang, "
                 "Hebei.", w, "2022-12-13")
    assert (e["place"]["country"], e["place"]["province_code"], e["countries"]) == ("CHN", "CN-HE", ["USA"])
    assert e["place"]["city_code"] == "131000"
    (e,) = press("Wang Wenbin: From March 19 to 20, State Councilor and Foreign Minister Wang Yi held talks in Tunxi, "
                 "Anhui Province with visiting Zambian Foreign Minister Stanley Kakubo.", w, "2022-12-13")
    assert (e["place"]["country"], e["place"]["province_code"], e["place"].get("city_code")) == ("CHN", "CN-AH", None)


def test_a_country_visited_is_still_the_place():
    """"visiting the US" with no title after it, and "in Washington", still place the event in the US."""
    w = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on December 13, 2022"
    (e,) = press("Wang Wenbin: On December 11, Vice Foreign Minister Xie Feng, who is visiting the US, held talks with "
                 "US Assistant Secretary of State Daniel Kritenbrink in Washington.", w, "2022-12-13")
    assert e["place"]["country"] == "USA"


def test_a_foreign_role_with_its_portfolio_after_for():
    """heldout13/ (cmfa-2022-12-13, a first-run missed participant; development work after that run): "US Assistant
    Secretary of State for East Asian and Pacific Affairs Daniel Kritenbrink" names him; "Secretary of State for a
    second time" has no portfolio and no name."""
    rules = load()
    found = persons_in("Vice Foreign Minister Xie Feng held talks with visiting US Assistant Secretary of State for "
                       "East Asian and Pacific Affairs Daniel Kritenbrink in Langfang, Hebei.", rules)
    assert [(p.side, p.name, p.country) for p in found] == [("chinese", "Xie Feng", None),
                                                           ("foreign", "Daniel Kritenbrink", "USA")]
    found = persons_in("Wang Yi met with the US Secretary of State for a second time.", rules)
    assert [p.name for p in found if p.side == "foreign"] == [None]


def test_an_occasion_with_no_day_anywhere_is_no_event():
    """heldout9/ (kolkata-t1439699) and heldout2/ (km-gov), first-run wrong events in two sets: a meeting told with no
    day, on a page that shows none, is a reference, not a report; the same verb after a dated sentence takes its day."""
    assert news("Mr. Ma Zhanwu, Consul General of the People's Republic of China in Kolkata, met with Mr. S. K. Verma, "
                "Joint Secretary, Government of West Bengal.") == []
    (e,) = news("On March 3, 2016, Consul General Ma Zhanwu arrived in Kolkata. Mr. Ma Zhanwu, Consul General of the "
                "People's Republic of China in Kolkata, met with Mr. S. K. Verma, Joint Secretary, Government of West "
                "Bengal.")
    assert e["date_start"] == "2016-03-03"


def test_a_group_meeting_with_a_counterpart():
    """heldout14/ (pc14-2025-05-27, its first run's one missed event; development work after that run): "held a group
    meeting with diplomatic envoys from over 50 African countries" is a meeting, as "met with" is (the noun with its
    counterpart); a group meeting with no counterpart after "with" stays what "held a meeting" is: no event unless two
    parties hold it."""
    m = "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on May 27, 2025"
    (e,) = press("Yesterday, Foreign Minister Wang Yi held a group meeting with diplomatic envoys from over 50 African "
                 "countries and representatives of the African Union in China.", m, "2025-05-27")
    assert (e["type"], e["date_start"], e["countries"], e["place"]) == ("meeting", "2025-05-26", [], {})
    assert [p["name"] for p in e["chinese"]] == ["Wang Yi"]
    assert press("Yesterday, Foreign Minister Wang Yi held a group meeting of the ministry's leading Party members "
                 "on the work of the second half of the year.", m, "2025-05-27") == []


def test_who_spoke_at_or_hosted_an_occasion_took_part_in_it():
    """heldout13/ (cmfa-2022-05-20, a first-run miss still open in the pooled errors; development work): "foreign
    ministers of BRICS countries held a video conference" on May 19 is China's call, because the next sentence says
    President Xi Jinping "delivered a video address at the opening session of the meeting" (as "attended the
    meeting" does); a foreign leader who spoke at it makes it no event of China's."""
    w = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 20, 2022"
    (e,) = press("Wang Wenbin: On the evening of May 19, foreign ministers of BRICS countries held a video conference. "
                 "President Xi Jinping delivered a video address at the opening session of the meeting.", w,
                 "2022-05-20")
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2022-05-19", [])
    assert [p["name"] for p in e["chinese"]] == ["Xi Jinping"]
    assert press("Wang Wenbin: On the evening of May 19, foreign ministers of BRICS countries held a video conference. "
                 "Russian President Vladimir Putin delivered a video address at the opening session of the meeting.",
                 w, "2022-05-20") == []


def test_a_company_visited_is_no_occasion():
    """heldout13/ (cmfa-2023-04-14, a first-run wrong event still open in the pooled errors; development work): Qin
    Gang "went to Tianjin and visited a German business there together with Foreign Minister Baerbock" is labelled no
    event (a company visited, as a company's signing is none); "visited Germany and held talks with" is still a
    visit."""
    w = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on April 14, 2023"
    assert press("Wang Wenbin: Early this morning, State Councilor and Foreign Minister Qin Gang, returning from an "
                 "overseas trip, went to Tianjin and visited a German business there together with Foreign Minister "
                 "Baerbock.", w, "2023-04-14") == []
    (e,) = press("Wang Wenbin: Yesterday, State Councilor and Foreign Minister Qin Gang visited Germany and held talks "
                 "with Foreign Minister Annalena Baerbock.", w, "2023-04-14")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("visit", "2023-04-13", "DEU",
                                                                                   ["DEU"])


def test_ukraines_leaders_are_known_by_name():
    """heldout13/ (cmfa-2013-12-06, a first-run miss still open in the pooled errors; development work): "held talks
    with President Yanukovych" has its counterpart's country from config/meetings.toml [foreign_persons], where
    Ukraine's heads of state since 2010 are now listed; a Ukrainian leader named where no meeting with him is told
    ("During President Zelenskyy's speech, the Chinese delegation was not at the venue as they were meeting with Dr.
    Fatih Birol") gives no event with Ukraine."""
    w = "Foreign Ministry Spokesperson Qin Gang's Regular Press Conference on December 6, 2013"
    (e,) = press("Qin Gang: On December 5, President Xi Jinping held talks with President Yanukovych.", w, "2013-12-06")
    assert (e["type"], e["date_start"], e["countries"]) == ("talks", "2013-12-05", ["UKR"])
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Yanukovych", "UKR")]
    w = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on May 25, 2022"
    found = press("Wang Wenbin: The Chinese delegation has issued a statement for clarification. During President "
                  "Zelenskyy's speech, the Chinese delegation was not at the venue as they were meeting with Dr. Fatih "
                  "Birol, Executive Director of the International Energy Agency.", w, "2022-05-25")
    assert not any("UKR" in e["countries"] for e in found)


def test_a_news_agency_bare_weekday_is_the_day():
    """heldout15/ (state media, first-run misses; development work after its one run): Xinhua and China Daily write
    the day without "on" ("met with British Foreign Secretary Philip Hammond Wednesday", "Xi Jinping Wednesday held
    talks", "held talks here Tuesday"): the last such day up to the page's date; a day's name inside another name
    ("Good Friday", "Super Tuesday") or a possessive ("Monday's statement") is no day."""
    (e,) = news("Beijing - Chinese Premier Li Keqiang met with British Foreign Secretary Philip Hammond Wednesday, "
                "saying China's current economic transition provides opportunities for cooperation with Britain.",
                "2016-01-07")
    assert (e["type"], e["date_start"], e["countries"]) == ("meeting", "2016-01-06", ["GBR"])
    (e,) = news("Chinese President Xi Jinping Wednesday held talks with his French counterpart Emmanuel Macron at the "
                "Great Hall of the People in Beijing.", "2019-11-06")
    assert (e["type"], e["date_start"], e["place"]["province_code"]) == ("talks", "2019-11-06", "CN-BJ")
    assert resolve_date("Xu Jialu met Wednesday with Cape Verde's Minister of Culture", date(2000, 7, 12))[0] == \
        date(2000, 7, 12)
    for s in ("Premier Li Keqiang met with foreign guests on Good Friday.", "the Super Tuesday primaries",
              "Monday's statement by the ministry"):
        assert resolve_date(s, date(2016, 1, 7))[0] is None
    assert news("Chinese Premier Li Keqiang met with British Foreign Secretary Philip Hammond after Monday's "
                "statement.", "2016-01-07") == []


def test_one_occasion_told_by_a_caption_and_by_its_dispatch():
    """heldout15/ (en.people.cn, state media: first-run extra participants, the same meeting found twice; development
    work): a photo caption and the dispatch under it tell one meeting: one event, at its first mention, with the
    caption's place; the China-EU summit and the President's meeting with its two guests that day (a dev page) stay
    two events, their Chinese persons differing."""
    (e,) = news("Zhao Leji, chairman of the National People's Congress Standing Committee, meets with Russian "
                "Ambassador to China Andrey Denisov in Beijing, capital of China, Aug. 31, 2022. (Xinhua/Pang Xinglei)"
                "\n\nBEIJING, Aug. 31 (Xinhua) -- China's top legislator Zhao Leji on Wednesday met with the outgoing "
                "Russian Ambassador to China Andrey Denisov.", "2022-09-01")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "meeting", "2022-08-31", "CN-BJ", ["RUS"])
    assert [p["name"] for p in e["foreign"]] == ["Andrey Denisov"]
    two = news("Premier Li Keqiang met with Prime Minister Shinzo Abe of Japan in Beijing on Friday.\n\nPresident Xi "
               "Jinping met with Prime Minister Shinzo Abe of Japan on Friday.", "2018-10-27")
    assert [[p["name"] for p in e["chinese"]] for e in two] == [["Li Keqiang"], ["Xi Jinping"]]


def test_here_after_a_news_agency_dateline_is_its_city():
    """heldout15/ (China Daily's Xinhua dispatches, first-run events with no place; development work): "met here
    Tuesday" after the dateline "BEIJING - " is in Beijing, "held talks here Tuesday" after "MOSCOW -- " in Russia; a
    dateline with no "here" places nothing (the dateline is where the story was filed, as the sets' conventions
    have it), nor "here" with no dateline."""
    (e,) = news("BEIJING - Chinese Vice President Xi Jinping met here Tuesday with Belgium's Deputy Prime Minister and "
                "Foreign Minister Steven Vanackere, pledging closer ties.", "2010-04-07")
    assert (e["date_start"], e["place"]["province_code"], e["countries"]) == ("2010-04-06", "CN-BJ", ["BEL"])
    (e,) = news("Updated: 2008-10-28 23:12 MOSCOW -- Chinese Premier Wen Jiabao and Russian Prime Minister Vladimir "
                "Putin held talks here Tuesday at the 13th regular meeting of Chinese and Russian prime ministers.",
                "2008-10-28")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("talks", "2008-10-28", "RUS")
    (e,) = news("BEIJING - Chinese Vice President Xi Jinping met with Belgium's Foreign Minister Steven Vanackere "
                "Tuesday.", "2010-04-07")
    assert e["place"] == {}
    (e,) = news("Chinese Premier Wen Jiabao met with U.S. Deputy Secretary of State Robert B. Zoellick here Tuesday.",
                "2006-01-24")
    assert e["place"] == {}


def test_the_white_house_is_in_the_united_states():
    """heldout15/ (the Global Times and China Daily, first-run events with no place; development work): "met with US
    President Joe Biden in the White House on Friday" is placed in the US (config/meetings.toml [foreign_places]);
    the White House as a speaker places nothing."""
    (e,) = news("Wang Yi, China's top diplomat and Foreign Minister, met with US President Joe Biden in the White "
                "House on Friday local time.", "2023-10-28")
    assert (e["date_start"], e["place"]["country"], e["countries"]) == ("2023-10-27", "USA", ["USA"])
    (e,) = news("Foreign Minister Wang Yi met with US National Security Advisor Jake Sullivan in Beijing on Friday, "
                "the White House said.", "2024-08-31")
    assert e["place"]["province_code"] == "CN-BJ"


def test_the_state_media_titles_of_chinas_top_legislator_and_advisor():
    """heldout15/ (People's Daily Online, first-run missed participants; development work): "China's top legislator
    Zhao Leji met with ..." names the Chinese side (the chairman of the NPC Standing Committee, national level);
    Russia's top legislator is no Chinese person, and the title without a name names nobody."""
    (e,) = news("BEIJING, Oct. 9 (Xinhua) -- China's top legislator Zhao Leji met with a U.S. congressional "
                "delegation led by Senate Majority Leader Chuck Schumer in Beijing on Monday.", "2023-10-10")
    assert [(p["name"], p["level"]) for p in e["chinese"]] == [("Zhao Leji", "national")]
    assert (e["date_start"], e["place"]["province_code"], e["countries"]) == ("2023-10-09", "CN-BJ", ["USA"])
    assert [p for p in persons_in("Russia's top legislator Vyacheslav Volodin met with Chinese Ambassador Zhang "
                                  "Hanhui.", load()) if p.name == "Vyacheslav Volodin" and p.side == "chinese"] == []
    assert [p.name for p in persons_in("China's top legislator has stressed the need to improve legislation.",
                                       load()) if p.side == "chinese"] == []


def test_a_bare_weekday_after_a_name_is_not_part_of_it():
    """heldout15/ (China Daily, a first-run wrong participant "Philip Hammond Wednesday"; development work): the
    news agency's bare weekday after a foreign name ends the name; a first name that is a weekday's ("Minister of
    Information Sunday Dare") stays."""
    (e,) = news("Beijing - Chinese Premier Li Keqiang met with British Foreign Secretary Philip Hammond Wednesday, "
                "saying China's current economic transition provides opportunities for cooperation with Britain.",
                "2016-01-07")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Philip Hammond", "GBR")]
    assert [(p.name, p.country) for p in persons_in("Premier Li Keqiang met with Nigerian Minister of Information "
                                                    "Sunday Dare in Beijing.", load()) if p.side == "foreign"] == [
        ("Sunday Dare", "NGA")]


def test_a_meeting_during_a_days_long_visit_is_held_on_its_day():
    """heldout15/ (Xinhua's site, a first-run wrong event ending the next day; development work): "met here with U.S.
    Secretary of State Rex Tillerson on Thursday ... during a two-day visit" is a meeting of that Thursday; "arrived
    ... for a three-day official visit" still gives the visit its three days."""
    (e,) = news("WASHINGTON, Feb. 8 (Xinhua) -- Chinese State Councilor Yang Jiechi met here with U.S. Secretary of "
                "State Rex Tillerson on Thursday to discuss bilateral ties and issues of mutual concern during a two-day "
                "visit.", "2018-02-10")
    assert (e["type"], e["date_start"], e["date_end"], e["place"]["country"]) == (
        "meeting", "2018-02-08", "2018-02-08", "USA")
    (e,) = news("MOSCOW - Chinese Premier Li Keqiang arrived here Sunday afternoon for an official visit to Russia, "
                "a three-day official visit.", "2014-10-12")
    assert (e["type"], e["date_start"], e["date_end"]) == ("visit", "2014-10-12", "2014-10-14")


def test_here_after_a_dateline_read_as_its_own_sentence():
    """heldout15/ (People's Daily Online, a first-run event with no place; development work): the text reads
    "BEIJING, Aug. 30 (Xinhua) --" as a sentence of its own; "held talks ... with German Chancellor Angela Merkel here
    on Thursday" after it is in Beijing; the same sentence after a sentence that is no dateline places nothing."""
    (e,) = news("BEIJING, Aug. 30 (Xinhua) -- Chinese Premier Wen Jiabao held talks and co-chaired the second round of "
                "Chinese-German intergovernmental consultations with German Chancellor Angela Merkel here on "
                "Thursday.", "2012-08-30")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "talks", "2012-08-30", "CN-BJ", ["DEU"])
    (e,) = news("The consultations were long. Chinese Premier Wen Jiabao held talks with German Chancellor Angela "
                "Merkel here on Thursday.", "2012-08-30")
    assert e["place"] == {}


def test_a_return_home_after_a_trip_is_no_visit_of_its_day():
    """heldout15/ (People's Daily Online, a first-run wrong visit; development work): "returned to Beijing on Saturday
    morning ... after concluding ... and paying an official visit to Germany" tells the trip's end, not a visit on
    Saturday; "arrived in Berlin on Saturday morning for an official visit" is still one."""
    assert news("BEIJING, June 24 (Xinhua) -- Chinese Premier Li Qiang returned to Beijing on Saturday morning by "
                "chartered plane after concluding the seventh China-Germany inter-governmental consultation and paying "
                "an official visit to Germany, and paying an official visit to France.", "2023-06-24") == []
    (e,) = news("Chinese Premier Li Qiang arrived in Berlin on Saturday morning by chartered plane for an official "
                "visit to Germany.", "2023-06-24")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2023-06-24", "DEU")


def test_a_legislatures_name_ending_a_role_is_not_the_persons():
    """heldout15/ (People's Daily Online, a first-run wrong participant "Duma Alexander Babakov"; development work):
    "Deputy Chairman of the Russian State Duma Alexander Babakov" names Alexander Babakov; a name after the role with
    no legislature before it is unchanged."""
    (e,) = news("BEIJING, March 25 (Xinhua) -- China's top legislator Zhao Leji met with Deputy Chairman of the "
                "Russian State Duma Alexander Babakov in Beijing on Monday.", "2024-03-26")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Alexander Babakov", "RUS")]
    assert [(p.name, p.country) for p in persons_in("Foreign Minister Wang Yi met with Russian Foreign Minister Sergey "
                                                    "Lavrov in Moscow.", load()) if p.side == "foreign"] == [
        ("Sergey Lavrov", "RUS")]


def test_the_eus_high_representative_is_a_counterpart_with_no_country():
    """heldout15/ (People's Daily Online, a first-run miss; development work): "met with Josep Borrell, High
    Representative of the European Union for Foreign Affairs and Security Policy" is a meeting with a person of no
    country (the EU is none, as heldout13/ labels the EU's presidents); a high representative of no organisation
    names nobody."""
    (e,) = news("BEIJING, Oct. 13 (Xinhua) -- Chinese Vice President Han Zheng met with Josep Borrell, High "
                "Representative of the European Union for Foreign Affairs and Security Policy, in Beijing on Friday.",
                "2023-10-14")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "meeting", "2023-10-13", "CN-BJ", [])
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Josep Borrell", None)]
    assert [p for p in persons_in("The High Representative of the talks was not named.", load())
            if p.side == "foreign"] == []


def test_a_handshake_before_their_talks_is_the_talks():
    """heldout15/ (People's Daily Online, a first-run miss; development work): a news photo's "shakes hands with
    visiting German Chancellor Angela Merkel at the welcoming ceremony before their talks in Beijing, capital of China,
    Feb. 2, 2012" is the talks of that day; a handshake with no talks after it is no event."""
    (e,) = news("Chinese Premier Wen Jiabao (R) shakes hands with visiting German Chancellor Angela Merkel at the "
                "welcoming ceremony before their talks in Beijing, capital of China, Feb. 2, 2012. (Xinhua/Xie Huanchi)",
                "2012-02-03")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "talks", "2012-02-02", "CN-BJ", ["DEU"])
    assert news("Chinese Premier Wen Jiabao (R) shakes hands with a child at a school in Beijing, capital of China, "
                "Feb. 2, 2012.", "2012-02-03") == []


def test_a_later_sentence_told_as_to_come_adds_no_participant():
    """heldout15/ (China Daily, a first-run wrong participant; development work): after "arrived here Sunday afternoon
    for an official visit to Russia", "During his visit, Li will attend the ... Regular Meeting with his counterpart,
    Dmitry Medvedev" tells what is to come: Medvedev is no participant of the arrival's day; told as done
    ("attended"), he is one of the visit."""
    arrival = "MOSCOW - Chinese Premier Li Keqiang arrived here Sunday afternoon for an official visit to Russia. "
    (e,) = news(arrival + "During his visit, Li will attend the 19th China-Russia Prime Ministers' Regular Meeting with "
                "his counterpart, Dmitry Medvedev, and a forum themed on innovation.", "2014-10-12")
    assert (e["type"], e["date_start"], e["foreign"]) == ("visit", "2014-10-12", [])
    (e,) = news(arrival + "During his visit, Li attended the 19th China-Russia Prime Ministers' Regular Meeting with "
                "his counterpart, Dmitry Medvedev, and a forum themed on innovation.", "2014-10-12")
    assert [p["name"] for p in e["foreign"]] == ["Dmitry Medvedev"]


def test_a_senate_majority_leader_is_a_foreign_role():
    """heldout15/ (People's Daily Online, a first-run missed participant; development work): "a U.S. congressional
    delegation led by Senate Majority Leader Chuck Schumer" names Chuck Schumer, of the US (config/meetings.toml
    [roles] foreign); "the majority leader" with no name names nobody."""
    (e,) = news("BEIJING, Oct. 9 (Xinhua) -- China's top legislator Zhao Leji met with a U.S. congressional delegation "
                "led by Senate Majority Leader Chuck Schumer in Beijing on Monday.", "2023-10-10")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Chuck Schumer", "USA")]
    assert [p for p in persons_in("Zhao Leji met with a U.S. congressional delegation led by the majority leader.",
                                  load()) if p.side == "foreign" and p.name] == []


def test_the_sixteenth_sets_figures_after_the_fixes():
    """Not a measurement (HELDOUT16_RUN.md is: events 0.400 / 0.300, participants 0.556 / 0.278, its one run on the
    provincial and city governments' English pages): a floor at the figures after the fixes made on its errors, so a
    later rule change cannot make this set worse."""
    r = evaluate_real(REAL / "heldout16")["kinds"]["all"]
    assert r["events"]["precision"] >= 0.64 and r["events"]["recall"] >= 0.45, r
    assert r["participants"]["precision"] >= 0.64 and r["participants"]["recall"] >= 0.29, r


def test_a_consul_generals_seat_written_with_a_hyphen_or_a_long_country_name_is_a_title():
    """heldout16/ (Guangdong's and Chongqing's foreign affairs offices, first-run events placed at a consulate's seat;
    development work after its one run): "the departing Japanese Consul-General in Guangzhou" and "Consulate General of
    the Republic of Philippines in Chongqing" are titles, as "Consul General in" already was, not where the meeting
    was; a place after the title ("on Jan 11 in Xiamen", "in Fuzhou on April 27") is still the meeting's."""
    [e] = news("On August 21, Director General Chen Qiuyan hosted a banquet for Saito Norio, the departing Japanese "
               "Consul-General in Guangzhou at the Protocol Building.", "2018-08-28")
    assert (e["date_start"], e["countries"], e["place"].get("country")) == ("2018-08-21", ["JPN"], None)
    [e] = news('April 17, 2018, Wu Kangming(Director General, Foreign and Overseas Chinese Affairs Office of Chongqing '
               'Municipal People"s Goverment) met Mr.Philippe Rheault (Consul-General,Consulate General of the Republic '
               'of Philippines in Chongqing).', "2018-05-16")
    assert (e["countries"], e["place"].get("province_code")) == (["PHL"], None)
    [e] = news("Li Xiaoping, director of the Foreign Affairs Office in Xiamen, met with Ishizuka Hideki, consul general "
               "of Japan in Guangzhou, on Jan 11 in Xiamen.", "2020-01-17")
    assert e["place"].get("city_code") == "350200"
    [e] = news("Li Lin, Director General of Fujian Provincial Foreign Affairs Office, met with Singapore's Consul-General "
               "in Xiamen, Nelson Ng Chiun Ming in Fuzhou on April 27.", "2023-05-25")
    assert e["place"].get("city_code") == "350100"


def test_a_foreign_sides_stay_and_a_meeting_on_one_of_its_days_are_the_meeting():
    """heldout16/ (Fujian's foreign affairs office, a first-run extra visit beside its meeting with no place;
    development work after its one run): a consul-general's stay in Fujian "between December 3 and 5" and the FAO
    director-general's meeting with him "On the afternoon of December 3" are one occasion, the meeting, placed in
    Fujian, with the consul-general in it (the readout convention of heldout2/). A meeting that names its own place
    during a stay, and a Chinese official's tour abroad with a meeting in it, are left as they were."""
    stay = ("James Levy, U.S. Consul General in Guangzhou, paid a visit to Fujian province between December 3 and 5."
            "\n\n")
    [e] = news(stay + "On the afternoon of December 3, FAO Director-General Wang Tianming met with the delegation. "
               "Wang gave an update on the exchanges between Fujian and the United States.", "2019-12-24")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "meeting", "2019-12-03", "CN-FJ", ["USA"])
    assert {p["name"] for p in e["foreign"]} == {"James Levy"} and {p["name"] for p in e["chinese"] if p["name"]} == {
        "Wang Tianming"}
    kept = news(stay + "On the afternoon of December 4, Vice Mayor Huang Yantian met with the delegation in Xiamen.",
                "2019-12-24")
    assert [(e["type"], e["place"].get("city_code")) for e in kept] == [("visit", None), ("meeting", "350200")]


def test_a_meeting_of_last_november_adds_no_participant_to_the_days_meeting():
    """heldout16/ (Beijing's foreign affairs office, first-run extra participants Xi Jinping and Biden; development
    work after its one run): "Last November, President Xi Jinping and President Biden held a meeting in San
    Francisco" in the Mayor's words tells another time (a month, no day), so its persons are not the meeting's, as
    "In December 2018" already was; "last Friday" is still a day."""
    body = ("Yesterday, Yin Yong, Mayor of Beijing, met with U.S. Treasury Secretary Janet Yellen.\n\nYin said that "
            "China and the U.S. are the world's top two economies. Last November, President Xi Jinping and President "
            "Biden held a meeting in San Francisco, where they had a candid and in-depth exchange of views.")
    [e] = news(body, "2024-06-07")
    assert {p["name"] for p in e["chinese"] + e["foreign"] if p["name"]} == {"Yin Yong", "Janet Yellen"}
    assert news("Last Friday, Yin Yong, Mayor of Beijing, met with U.S. Treasury Secretary Janet Yellen.",
                "2024-06-07")[0]["date_start"] == "2024-05-31"


def test_two_south_korean_provinces_of_the_gazetteer():
    """heldout16/ (Jiangsu, a first-run event with no country and a Korean speaker taken for Chinese; development work
    after its one run): "met with Jeollabuk-do delegation headed by ... Speaker Song Seonghwan" is a meeting with South
    Korea and the speaker is Korean (config/meetings.toml, foreign places: Jeollabuk-do and Chungcheongnam-do beside
    the provinces already there); with no such place named, nothing is Korean."""
    [e] = news("Party Secretary Lou Qinjian and Governor Wu Zhenglong met with Jeollabuk-do delegation headed by "
               "Governor Song Hajin and Speaker Song Seonghwan on 26 and 27 June, respectively.", "2019-07-05")
    assert e["countries"] == ["KOR"] and ("Song Seonghwan", "KOR") in [(p["name"], p["country"]) for p in e["foreign"]]
    [e] = news("On June 26, Governor Wu Zhenglong met with a delegation of Chungcheongnam-do in Nanjing.", "2019-07-05")
    assert e["countries"] == ["KOR"] and [p["name"] for p in e["chinese"]] == ["Wu Zhenglong"]
    # left alone: with no Korean place named, "Song" is no sign of Korea
    assert all("KOR" not in e["countries"] for e in news(
        "On June 26, Governor Wu Zhenglong met with Mayor Song Tao of Suzhou in Nanjing.", "2019-07-05"))


def test_a_title_in_brackets_right_after_the_name():
    """heldout16/ (Chongqing's foreign affairs office, two first-run misses: the meetings folded into the stays were
    not found, their persons unread; development work, fourteenth round): "Liu Guiping(Deputy Mayor of Chongqing)"
    and "Mr. Andrej Fistravec(Mayor of Maribor, Slovenia)" name a Chinese official and a foreign mayor by a title in
    brackets after the name, with or without a space; a foreign title with no country in it ("Deputy Speaker of Mito
    city council") takes the one foreign country of the sentence. The stay and the meeting on one of its days are
    then one event, the meeting, placed where the stay was (README of tests/real/meetings, convention (d))."""
    rules = load()
    found = [(p.side, p.name, p.country) for p in persons_in(
        "Nov 14-17, 2017, Mr. Yasushi Takahashi(Mayor of Japan Mito) and Mr. Kimoto Shintarou(Deputy Speaker of Mito "
        "city council)  visited Chongqing.", rules)]
    assert found == [("foreign", "Yasushi Takahashi", "JPN"), ("foreign", "Kimoto Shintarou", "JPN")]
    [e] = news("From May 8 to 9, 2018, Mr. Andrej Fistravec(Mayor of Maribor, Slovenia) led a delegation to visit "
               "Chongqing.\n\nMay 9, Liu Guiping(Deputy Mayor of Chongqing) met Mr. Andrej Fistravec. Liu Guiping "
               "extended welcome to the visitors.", "2018-05-16")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "meeting", "2018-05-09", "CN-CQ", ["SVN"])
    assert [p["name"] for p in e["chinese"] if p["name"]] == ["Liu Guiping"]
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Andrej Fistravec", "SVN")]
    # left alone: a bracket with no title in it (an abbreviation, a photo's position mark) names nobody
    assert [p.name for p in persons_in("Wang Chen, vice-chairman of the National People's Congress (NPC), and Andrej "
                                       "Fistravec (Slovenia) spoke.", rules)] == ["Wang Chen"]


def test_a_foreign_visitor_named_by_his_surname_as_the_subject_of_a_later_sentence():
    """heldout15/ (the Global Times, a first-run miss; development work, fourteenth round): "Panetta arrived in
    Beijing Monday evening, kicking off his first visit to China" names Leon Panetta, whom the sentence before names in
    full with his country: a readout's news style names a visitor by his surname as a sentence's subject. Left
    alone: a surname two persons of the text share, a Chinese surname, and a press conference answer."""
    body = ("Chinese Vice President Xi Jinping met with US Secretary of Defense Leon Panetta on Wednesday morning.\n\n"
            "Panetta arrived in Beijing Monday evening, kicking off his first visit to China as the Pentagon chief.")
    meeting, visit = news(body, "2012-09-19")
    assert (visit["type"], visit["date_start"], visit["place"]["province_code"], visit["countries"]) == (
        "visit", "2012-09-17", "CN-BJ", ["USA"])
    assert [(p["name"], p["country"]) for p in visit["foreign"]] == [("Leon Panetta", "USA")]
    # left alone: two Panettas named in the text, so the surname names neither
    two = body.replace("Leon Panetta on", "Leon Panetta and US Senator Sylvia Panetta on")
    assert [e["type"] for e in news(two, "2012-09-19")] == ["meeting"]
    # left alone: in a press conference answer the surname is not read so
    assert [e["type"] for e in press("A: " + body.replace("\n\n", " "), published="2012-09-19")] == ["meeting"]


def test_a_foreign_leaders_arrival_for_a_summit_and_a_visit_that_began():
    """heldout15/ (China Daily, People's Daily; first-run misses; development work, fourteenth round): "Abe arrived
    in Beijing on Sunday for a summit with Chinese leaders" and "Kerry's two-day visit to China began Tuesday" are
    visits (the set's convention: a foreign official's dated arrival in China for a visit is a `visit` of its own).
    Left alone: a team's arrival ("A Japanese football team arrived in Beijing on Sunday for a match"; a leader's own
    dated arrival is a visit whatever its purpose since the rule after heldout17's run) and a visit "to begin" (not
    yet)."""
    [e] = news("Japanese Prime Minister Shinzo Abe arrived in Beijing on Sunday for a summit with Chinese leaders.",
               "2006-10-08")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "visit", "2006-10-08", "CN-BJ", ["JPN"])
    [e] = news("U.S. Secretary of State John Kerry's two-day visit to China began Tuesday.", "2016-01-27")
    assert (e["type"], e["date_start"], e["date_end"], e["countries"]) == ("visit", "2016-01-26", "2016-01-27", ["USA"])
    assert news("A Japanese football team arrived in Beijing on Sunday for a match.", "2006-10-08") == []
    assert news("U.S. Secretary of State John Kerry's two-day visit to China is to begin Tuesday.", "2016-01-27") == []


def test_a_capital_of_three_words_before_its_country_and_a_meeting_with_several_leaders_and_its_caption():
    """heldout15/ (China.org.cn, Xinhua; a first-run wrong event; development work, fourteenth round): "in Bandar Seri
    Begawan, Brunei" places the caption's meeting in Brunei (a capital of three words before its country, as "in
    Springfield, ..." was read), Brunei no party; and "met with leaders of South Korea, Indonesia, Cambodia and New
    Zealand Thursday" with the caption naming one of them (Park Geun-hye) are one meeting, with her. Left alone: two
    meetings of the day whose second names a country outside the first's, and a first mention that names a leader."""
    caption = ("Chinese Premier Li Keqiang (L) meets with South Korean President Park Geun-hye in Bandar Seri Begawan, "
               "Brunei, Oct. 10, 2013.")
    [e] = news(caption, "2013-10-11")
    assert (e["place"]["country"], e["countries"]) == ("BRN", ["KOR"])
    group = ("Chinese Premier Li Keqiang met with leaders of South Korea, Indonesia, Cambodia and New Zealand Thursday "
             "on the sidelines of the 8th East Asia summit.")
    [e] = news(group + "\n\n" + caption, "2013-10-11")
    assert sorted(e["countries"]) == ["IDN", "KHM", "KOR", "NZL"] and e["place"]["country"] == "BRN"
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Park Geun-hye", "KOR")]
    other = caption.replace("South Korean President Park Geun-hye", "Japanese Prime Minister Shinzo Abe")
    assert len(news(group + "\n\n" + other, "2013-10-11")) == 2
    named = group.replace("leaders of South Korea, Indonesia", "South Korean President Park Geun-hye and leaders of "
                                                                "Indonesia")
    assert len(news(named + "\n\n" + other.replace("Japanese Prime Minister Shinzo Abe",
                                                   "Indonesian President Susilo Bambang Yudhoyono"), "2013-10-11")) == 2


def test_a_meeting_whose_counterpart_is_said_to_be_visiting_china():
    """heldout15/ (People's Daily, 2000; a first-run meeting with no place; development work, fourteenth round): "Xu
    Jialu ... met Wednesday with Cape Verde's Minister of Culture Antonio Delgado" followed by "The Cape Verde
    delegation is visiting China at the invitation of ..." is a meeting in China. Left alone: a later sentence whose
    subject is someone else ("A Kenyan troupe is visiting China ...")."""
    meet = ("Xu Jialu, vice-chairman of the Standing Committee of the National People's Congress (NPC), met Wednesday "
            "with Cape Verde's Minister of Culture Antonio Delgado, and his delegation. Xu and Delgado discussed ways "
            "to increase cultural exchanges.")
    [e] = news(meet + " The Cape Verde delegation is visiting China at the invitation of China's Ministry of Culture.",
               "2000-07-12")
    assert (e["date_start"], e["place"]["country"], e["countries"]) == ("2000-07-12", "CHN", ["CPV"])
    [e] = news(meet + " A Kenyan troupe is visiting China at the invitation of China's Ministry of Culture.",
               "2000-07-12")
    assert e["place"].get("country") is None


def test_a_list_of_links_after_the_article_tells_no_occasion_of_it():
    """heldout16/ (Guangdong's FAO, a first-run wrong event: a headline of the page's link list, "Li Jian attends
    outgoing Philippine Consul General Farewell Reception", added the Philippines to the meeting; development work, fourteenth round): after "Guangdong
    News more" the lines are other stories' headlines. Left alone: such a line before the article (page
    navigation), after which the article is read as before."""
    article = ("GDFAO Deputy Director General Luo Jun met with and hosted a banquet for the delegation of US "
               "congressional assistants in Guangzhou on August 19, 2011.\n\nLuo Jun welcomed the visiting guests.")
    links = ("\n\nGuangdong News more\n\nLuo Jun meets delegation of US congressional assistants\n\nLi Jian attends "
             "outgoing Philippine Consul General Farewell Reception\n\nWang Yang Meets Consular Corps in Guangzhou")
    [e] = news(article + links, "2011-09-09")
    assert e["countries"] == ["USA"] and all(p["country"] == "USA" for p in e["foreign"])
    [e] = news("China & World News more\n\n" + article, "2011-09-09")
    assert (e["date_start"], e["countries"]) == ("2011-08-19", ["USA"])


def test_the_head_of_a_delegation_of_a_country_named_after_of():
    """heldout16/ (Guangdong's FAO, a first-run missed participant; development work, fourteenth round): "the
    delegation of US congressional assistants headed by Paul C. Bergson" names its American head, an initial in his
    name, as "a Dominican delegation led by ..." did. Left alone: a Chinese province's delegation ("the delegation of
    Shaanxi provincial government led by Zhao Zhengyong") names no foreign person."""
    rules = load()
    found = [(p.side, p.name, p.country) for p in persons_in(
        "GDFAO Deputy Director General Luo Jun met with and hosted a banquet for the delegation of US congressional "
        "assistants headed by Paul C. Bergson in Guangzhou on August 19, 2011.", rules)]
    assert ("foreign", "Paul C. Bergson", "USA") in found
    assert all(p.side == "chinese" for p in persons_in(
        "Vice Chancellor Olaf Scholz met the delegation of Shaanxi provincial government led by Zhao Zhengyong in "
        "Berlin.", rules) if p.name == "Zhao Zhengyong")


def test_a_foreign_person_met_named_before_a_lower_case_role_with_the_country():
    """heldout15/ (Xinhua in People's Daily and the Global Times; first-run missed participants; development work,
    fourteenth round): the agency's formula "met with Márta Mátrai, deputy of the speaker of the Hungarian National
    Assembly", "meets with L. Enkh-Amgalan, deputy chairman of the State Great Hural (Parliament) of Mongolia",
    "meets with Ninoyu Satoshi, a member of Japan's House of Councillors who heads ...", "led by Sergei Mironov, the
    Russian party's chairman" names a foreign person of that country. Left alone: a Chinese name in that place, a
    role that names no foreign country, and a name not after a meeting verb."""
    rules = load()

    def foreign(s: str) -> list[tuple]:
        return [(p.name, p.country) for p in persons_in(s, rules) if p.side == "foreign"]
    assert foreign("China's top legislator Zhao Leji met with Márta Mátrai, deputy of the speaker of the Hungarian "
                   "National Assembly, on Tuesday in Beijing.") == [("Márta Mátrai", "HUN")]
    assert foreign("Top Chinese legislator Zhang Dejiang on Tuesday met with L. Enkh-Amgalan, deputy chairman of the "
                   "State Great Hural (Parliament) of Mongolia in Beijing.") == [("L. Enkh-Amgalan", "MNG")]
    assert foreign("Li Zhanshu meets with Ninoyu Satoshi, a member of Japan's House of Councillors who heads a "
                   "delegation.") == [("Ninoyu Satoshi", "JPN")]
    assert foreign("The delegation was led by Sergei Mironov, the Russian party's chairman.") == [
        ("Sergei Mironov", "RUS")]
    # left alone (no named foreign person)
    assert not [n for n, _ in foreign("The Governor met with Wang Yong, deputy director of the Hungarian desk of the "
                                      "ministry.") if n]
    assert not [n for n, _ in foreign("The Governor met with Peter Jones, deputy chairman of the local chamber of "
                                      "commerce.") if n]
    assert not [n for n, _ in foreign("The photo shows Peter Jones, deputy chairman of the Hungarian chamber, at the "
                                      "fair.") if n]


def test_in_the_great_hall_of_the_people_is_beijing():
    """heldout17/ (China Daily, 2004; a first-run wrong event with no place; development work after its one run):
    "held talks in the Great Hall of the People Saturday afternoon" is in Beijing, as "at the Great Hall of the People"
    was. Left alone: the landmark named as a topic ("a film about the Great Hall of the People")."""
    [e] = news("Chinese President Hu Jintao and French President Jacques Chirac held talks in the Great Hall of the "
               "People Saturday afternoon.", "2004-10-09")
    assert (e["date_start"], e["place"]["province_code"]) == ("2004-10-09", "CN-BJ")
    [e] = news("Chinese President Hu Jintao and French President Jacques Chirac held talks on Saturday afternoon and "
               "watched a film about the Great Hall of the People.", "2004-10-09")
    assert e["place"].get("province_code") is None


def test_a_leaders_dated_arrival_is_a_visit_that_day():
    """heldout17/ (People's Daily, Xinhua, China.org.cn; first-run misses; development work after its one run): a
    named leader's dated arrival abroad is a visit that day ("Chinese top political advisor Jia Qinglin arrived in
    Wellington, capital of New Zealand, on Monday afternoon", "SAN FRANCISCO, May 4 (Xinhua) -- Chinese Defense Minister
    Liang Guanglie arrived here Friday", "Wu Bangguo, chairman of ..., arrived on Sept. 5 in Phoenix, Arizona"). Left
    alone: a team, a plane or supplies arriving ("The 12-member medical team dispatched by China arrived in Yangon,
    Myanmar yesterday", "A Pakistani special plane arrived in China on February 1")."""
    [e] = news("WELLINGTON, April 16 (Xinhua) -- Chinese top political advisor Jia Qinglin arrived in Wellington, "
               "capital of New Zealand, on Monday afternoon.", "2012-04-16")
    assert (e["type"], e["date_start"], e["place"]["country"], [p["name"] for p in e["chinese"]]) == (
        "visit", "2012-04-16", "NZL", ["Jia Qinglin"])
    [e] = news("SAN FRANCISCO, May 4 (Xinhua) -- Chinese Defense Minister Liang Guanglie arrived here Friday for an "
               "official visit that will include meetings with government and military leaders of the United States.",
               "2012-05-05")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2012-05-04", "USA")
    [e] = news("Wu Bangguo, chairman of the Standing Committee of China's National People's Congress, arrived on Sept. 5 "
               "in Phoenix, Arizona, as a guest of US House of Representatives Speaker Nancy Pelosi.", "2009-09-14")
    assert (e["type"], e["date_start"], e["place"]["country"]) == ("visit", "2009-09-05", "USA")
    assert press("A: The 12-member medical team dispatched by China arrived in Yangon, Myanmar yesterday.",
                 published="2020-04-09") == []
    assert press("A: A Pakistani special plane arrived in China on February 1, bringing medical supplies.",
                 published="2020-03-20") == []


HAGUE = ("Visiting Chinese Premier Zhu Rongji met in The Hague Wednesday with Dutch Queen Beatrix Wilhelmina Armgard "
         "and parliament leaders.\n\nZhu, who came to the The Hague Tuesday after a visit to Luxembourg, also had "
         "one-hour talk with Dutch Prime Minister Vim Kok Tuesday afternoon.")


def test_had_one_hour_talk_with_is_talks():
    """heldout17/ (People's Daily, 2000; a first-run miss; development work after its one run): "also had one-hour
    talk with Dutch Prime Minister Vim Kok Tuesday afternoon" is talks, as "held talks" is. Left alone: "gave a talk
    at" a university (a lecture)."""
    talks = [e for e in news(HAGUE, "2000-07-06") if e["type"] == "talks"]
    assert [(e["date_start"], e["countries"], [p["name"] for p in e["foreign"]]) for e in talks] == [
        ("2000-07-04", ["NLD"], ["Vim Kok"])]
    assert news("Chinese Premier Zhu Rongji gave a talk at Leiden University on Tuesday.", "2000-07-06") == []


def test_a_chinese_surname_alone_opening_a_readout_sentence():
    """heldout17/ (the same page): "Zhu, who came to ..., also had one-hour talk with ..." names Zhu Rongji, the one
    Chinese official of that surname the text names in full before. Left alone: a surname two officials of the text
    share, and a surname no official named before bears."""
    [e] = [e for e in news(HAGUE, "2000-07-06") if e["type"] == "talks"]
    assert [p["name"] for p in e["chinese"]] == ["Zhu Rongji"]
    two = HAGUE.replace("Dutch Queen", "Vice Premier Zhu Xiaoming and Dutch Queen")
    assert not [e for e in news(two, "2000-07-06") if e["type"] == "talks"]
    assert not [e for e in news(HAGUE.replace("Zhu, who", "Wen, who"), "2000-07-06") if e["type"] == "talks"]


def test_a_relative_clause_of_the_subject_is_not_where_nor_with_whom():
    """heldout17/ (the same page): in "Zhu, who came to the The Hague Tuesday after a visit to Luxembourg, also had
    one-hour talk with Dutch Prime Minister Vim Kok", Luxembourg is neither the talks' place nor a party. Left alone:
    "Wang Yi, who is in Paris for the 18th session of ..., met with French Foreign Minister Le Drian" (heldout3/):
    a clause saying where the subject is still places the meeting."""
    [e] = [e for e in news(HAGUE, "2000-07-06") if e["type"] == "talks"]
    assert e["countries"] == ["NLD"] and e["place"].get("country") != "LUX"
    [e] = news("On January 24 local time, State Councilor and Foreign Minister Wang Yi, who is in Paris for the 18th "
               "session of the Consultation of the Coordinators for the China-France Strategic Dialogue, met with "
               "French Foreign Minister Le Drian.", "2019-01-25")
    assert e["place"]["country"] == "FRA"


def test_a_foreign_surname_after_with_is_the_person_named_before():
    """heldout17/ (People's Daily, 2000; a first-run miss; development work after its one run): "This morning,
    Chinese President Jiang Zemin held formal talks with Putin" names Vladimir Putin, named in full in the sentence
    before. Left alone: a surname after "with" that no earlier sentence names in full."""
    body = ("Premier Zhu Rongji met with visiting Russian President Vladimir Putin at the Great Hall of the People "
            "Tuesday afternoon.\n\nThis morning, Chinese President Jiang Zemin held formal talks with Putin and the two "
            "heads of state signed a number of important documents.")
    talks = [e for e in news(body, "2000-07-18") if e["type"] == "talks"]
    assert [([p["name"] for p in e["chinese"]], [p["name"] for p in e["foreign"]], e["countries"]) for e in talks] == [
        (["Jiang Zemin"], ["Vladimir Putin"], ["RUS"])]
    alone = "This morning, Chinese President Jiang Zemin held formal talks with Putin."
    assert news(alone, "2000-07-18") == []


def test_the_subject_of_a_relative_clause_with_the_verb():
    """heldout17/ (People's Daily, 2000; a first-run miss; development work after its one run): in "Zhu also exchanged
    views ... with Eichel, who arrived in Beijing Sunday at the invitation of his Chinese counterpart Xiang Huaicheng
    for a three-day official visit to China", the one arriving is Hans Eichel, named just before ", who". Left alone:
    a relative clause after a group, which names nobody."""
    body = ("Chinese Premier Zhu Rongji and Hans Eichel, minister of finance of Germany, agreed during a meeting in "
            "Beijing January 24 morning that China and Germany will further increase their cooperation.\n\nZhu also "
            "exchanged views on a number of other issues of common interest with Eichel, who arrived in Beijing Sunday "
            "at the invitation of his Chinese counterpart Xiang Huaicheng for a three-day official visit to China.")
    [visit] = [e for e in news(body, "2000-01-24") if e["type"] == "visit"]
    assert (visit["date_start"], visit["countries"], [p["name"] for p in visit["foreign"]]) == (
        "2000-01-23", ["DEU"], ["Hans Eichel"])
    group = body.replace("with Eichel, who", "with the German delegation, who")
    assert all(not e["foreign"] or e["type"] != "visit" for e in news(group, "2000-01-24"))


def test_a_leaders_message_conveyed_is_not_the_leader():
    """heldout17/ (the Global Times, 2019; a first-run extra participant; development work after its one run): "Liu
    ... first conveyed Chinese President Xi Jinping's message to Trump" names Xi Jinping's message, not a participant
    of the meeting. Left alone: "Xi Jinping's special envoy" stays excluded as before, and "Xi Jinping's visit" is
    not this rule's (a person still found)."""
    rules = load()
    assert not [p for p in persons_in("Liu first conveyed Chinese President Xi Jinping's message to Trump.", rules)
                if p.name == "Xi Jinping"]
    assert [p.name for p in persons_in("Chinese President Xi Jinping's visit to the United States began today.", rules)
            if p.name] == ["Xi Jinping"]


def test_top_chinese_legislator_names_the_chinese_side():
    """heldout17/ (China.org.cn, Xinhua, 2009; a first-run missed participant; development work after its one run):
    "Top Chinese legislator Wu Bangguo met visiting U.S. President Barack Obama" names Wu Bangguo, as "China's top
    legislator Zhao Leji" did. Left alone: a foreign name after "top diplomat" ("Top diplomat Antony Blinken")."""
    rules = load()
    assert [(p.side, p.name) for p in persons_in(
        "Top Chinese legislator Wu Bangguo met visiting U.S. President Barack Obama on bilateral ties Tuesday "
        "afternoon.", rules) if p.side == "chinese"] == [("chinese", "Wu Bangguo")]
    assert not [p for p in persons_in("Top diplomat Antony Blinken arrived on Monday.", rules) if p.side == "chinese"]


def test_a_chinese_leader_a_later_sentences_speaker_speaks_of_is_not_there():
    """heldout17/ (China.org.cn, 2009 and 2011; first-run extra participants; development work after its one run):
    "Wu ... said Obama, during his visit, had in-depth discussions with Chinese President Hu Jintao" and "He said
    President Hu Jintao's visit to the United States in January opened a new era" do not make Hu Jintao a
    participant of Wu Bangguo's meeting. Left alone: a Chinese official a later sentence names as present before
    its speech verb ("Vice Chairman ... Wang Zhaoguo, who attended the meeting, said ...")."""
    first = ("Top Chinese legislator Wu Bangguo met visiting U.S. President Barack Obama on bilateral ties Tuesday "
             "afternoon.\n\n")
    [e] = news(first + "Wu, chairman of the National People's Congress (NPC) Standing Committee, said Obama, during "
               "his visit, had in-depth discussions with Chinese President Hu Jintao on ways to promote bilateral ties.",
               "2009-11-17")
    assert [p["name"] for p in e["chinese"]] == ["Wu Bangguo"]
    [e] = news(first + "Vice Chairman of the NPC Standing Committee Wang Zhaoguo attended the meeting and said the NPC "
               "values its exchanges with the U.S. Congress.", "2009-11-17")
    assert [p["name"] for p in e["chinese"]] == ["Wu Bangguo", "Wang Zhaoguo"]


def test_two_officials_who_met_separately_with_one_guest_are_two_meetings():
    """heldout17/ (China Daily USA, 2014; a first-run miss; development work after its one run): "Li Yuanchao and
    State Councilor Yang Jiechi on Wednesday met separately with visiting US Deputy Secretary of State William Burns"
    is two meetings, one with each. Left alone: "met with" without "separately" (one meeting of both)."""
    s = ("BEIJING - Chinse Vice-President Li Yuanchao and State Councilor Yang Jiechi on Wednesday met separately with "
         "visiting US Deputy Secretary of State William Burns.")
    found = news(s, "2014-01-23")
    assert [([p["name"] for p in e["chinese"]], [p["name"] for p in e["foreign"]], e["date_start"]) for e in found] == [
        (["Li Yuanchao"], ["William Burns"], "2014-01-22"), (["Yang Jiechi"], ["William Burns"], "2014-01-22")]
    [e] = news(s.replace("met separately with", "met with"), "2014-01-23")
    assert [p["name"] for p in e["chinese"]] == ["Li Yuanchao", "Yang Jiechi"]


CAPTION_NEW_DELHI = ("Chinese State Councilor and special representative Dai Bingguo (L) talks with Indian Prime Minister "
                     "Manmohan Singh in New Delhi, Jan 17, 2012.China and India held the 15th meeting between special "
                     "representatives on China-India border issues here on Jan 16 and 17, 2012.(Xinhua/Li Yigang)")


def test_sentences_run_together_with_no_space():
    """heldout17/ (People's Daily, 2012; a first-run miss; development work after its one run): a stored caption's
    "... Jan 17, 2012.China and India held the 15th meeting ..." is two sentences, so the second meeting is found.
    Left alone: "Mr.Philippe Rheault" (an abbreviation) and "U.S.Army"-like capitals stay one sentence."""
    from pipelines.meetings.text import paragraph_sentences
    assert paragraph_sentences(CAPTION_NEW_DELHI)[1].startswith("China and India held the 15th meeting")
    assert len(paragraph_sentences("April 17, Wu Kangming met Mr.Philippe Rheault in Chongqing.")) == 1
    assert len(paragraph_sentences("The U.S.Army band played.")) == 1


def test_here_with_no_dateline_is_the_place_the_sentence_before_named():
    """heldout17/ (the same caption): "China and India held the 15th meeting ... here on Jan 16 and 17, 2012" after
    "... in New Delhi, Jan 17, 2012." is in India. Left alone: "here" after a sentence that names no place."""
    meetings = [e for e in news(CAPTION_NEW_DELHI, "2012-01-18") if e["date_start"] == "2012-01-16"]
    assert [(e["date_end"], e["place"].get("country")) for e in meetings] == [("2012-01-17", "IND")]
    plain = CAPTION_NEW_DELHI.replace(" in New Delhi, Jan 17, 2012.", " on Jan 17, 2012.")
    assert [e["place"].get("country") for e in news(plain, "2012-01-18") if e["date_start"] == "2012-01-16"] == [None]


def test_two_sides_agreed_during_a_meeting():
    """heldout17/ (People's Daily, 2000; a first-run miss; development work after its one run): "Chinese Premier Zhu
    Rongji and Hans Eichel, minister of finance of Germany, agreed during a meeting in Beijing January 24 morning that
    ..." is their meeting that day. Left alone: "agreed during a meeting of the State Council" (a meeting of one
    side)."""
    [e] = news("Chinese Premier Zhu Rongji and Hans Eichel, minister of finance of Germany, agreed during a meeting in "
               "Beijing January 24 morning that China and Germany will further increase their cooperation in the "
               "finance sector.", "2000-01-24")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "meeting", "2000-01-24", "CN-BJ", ["DEU"])
    assert [p["name"] for p in e["foreign"]] == ["Hans Eichel"]
    assert news("Chinese Premier Zhu Rongji and his ministers agreed during a meeting of the State Council on January "
                "24 that the reform will go on.", "2000-01-24") == []


def test_a_photos_welcome_of_a_visiting_leader_is_the_talks():
    """heldout15/ and heldout17/ (People's Daily, 2011; China Daily, 2013; misses of both first runs; development work
    after heldout17's one run): a news photo's "holds a welcoming ceremony for U.S. Vice President Joe Biden in
    Beijing, capital of China, Aug. 18, 2011" and "welcomes French Prime Minister Jean-Marc Ayrault inside the Great
    Hall of the People in Beijing December 6, 2013" are the talks that welcome opens (the sets' convention). Left
    alone: "welcomes" anything but a leader ("China welcomes the decision"), and a welcoming ceremony for students."""
    [e] = news("Chinese Vice President Xi Jinping (R) holds a welcoming ceremony for U.S. Vice President Joe Biden in "
               "Beijing, capital of China, Aug. 18, 2011.", "2011-08-19")
    assert (e["type"], e["date_start"], e["place"]["province_code"], [p["name"] for p in e["foreign"]]) == (
        "talks", "2011-08-18", "CN-BJ", ["Joe Biden"])
    [e] = news("Chinese Premier Li Keqiang welcomes French Prime Minister Jean-Marc Ayrault inside the Great Hall of the "
               "People in Beijing December 6, 2013.", "2013-12-06")
    assert (e["type"], e["date_start"], e["countries"]) == ("talks", "2013-12-06", ["FRA"])
    assert news("China welcomes the decision of the French government on December 6, 2013.", "2013-12-06") == []
    assert news("Tsinghua University holds a welcoming ceremony for new students in Beijing on Sept. 1, 2013.",
                "2013-09-02") == []


def test_during_his_discussion_with_a_leader_dated_by_the_sentence_before():
    """heldout17/ (People's Daily, 2000; a first-run miss; development work after its one run): "Visiting Chinese
    Premier Zhu Rongji stressed Monday that ..." followed by "During his discussion with Luxembourg Prime Minister
    Jean- Claude Juncker, Zhu said ..." is talks that Monday. Left alone: a discussion with no day before it."""
    body = ("Visiting Chinese Premier Zhu Rongji stressed Monday that China will attach great importance to forging "
            "strong bilateral relations with Luxembourg.\n\nDuring his discussion with Luxembourg Prime Minister Jean- "
            "Claude Juncker, Zhu said that the relations between China and Luxembourg have been very good.")
    [e] = news(body, "2000-07-04")
    assert (e["type"], e["date_start"], e["countries"]) == ("talks", "2000-07-03", ["LUX"])
    assert news(body.split("\n\n")[1], "2000-07-04") == []


def test_a_delegations_members_listed_after_its_leaders_visit():
    """heldout17/ (ecns.cn, 2018; first-run missed participants; development work after its one run): "The delegation
    members include ... Vice Foreign Minister Zheng Zeguang, ... Vice Finance Minister Zhu Guangyao, ..." after "Vice
    Premier Liu He arrived in Washington on Tuesday afternoon ..." are participants of the visit. Left alone: the same
    list after a visit whose Chinese side is named by no one (a team's)."""
    body = ("Chinese President Xi Jinping's special envoy and Vice Premier Liu He arrived in Washington on Tuesday "
            "afternoon for economic and trade consultations with the U.S. side.\n\nThe delegation members include Vice "
            "Foreign Minister Zheng Zeguang, Vice Finance Minister Zhu Guangyao and Vice Minister of Agriculture and "
            "Rural Affairs Han Jun.")
    [e] = news(body, "2018-05-16")
    assert {"Liu He", "Zheng Zeguang", "Zhu Guangyao", "Han Jun"} <= {p["name"] for p in e["chinese"]}
    team = body.replace("Chinese President Xi Jinping's special envoy and Vice Premier Liu He arrived",
                        "A Chinese trade team arrived")
    assert all("Zheng Zeguang" not in {p["name"] for p in e["chinese"]} for e in news(team, "2018-05-16"))


def test_paid_a_visit_with_two_words_before_visit():
    """heldout15/ (the Global Times, 2019; a first-run miss; development work, eighteenth helper round): a caption's
    "Li paid an official goodwill visit to Russia from Sept. 25 to 28" after "Li Zhanshu, chairman of ..., meets with
    Russian President Vladimir Putin in Moscow, Russia, Sept. 25, 2019" is a visit over those days. Left alone: a
    visit of two words told as to come ("is expected to make an official goodwill visit ... from Sept. 25 to 28")."""
    body = ("Li Zhanshu, chairman of the Standing Committee of the National People's Congress of China, meets with "
            "Russian President Vladimir Putin in Moscow, Russia, Sept. 25, 2019. Li paid an official goodwill visit to "
            "Russia from Sept. 25 to 28.")
    found = news(body, "2019-09-29")
    [v] = [e for e in found if e["type"] == "visit"]
    assert (v["date_start"], v["date_end"], v["countries"], [p["name"] for p in v["chinese"]]) == (
        "2019-09-25", "2019-09-28", ["RUS"], ["Li Zhanshu"])
    assert news("Li Zhanshu is expected to make an official goodwill visit to Russia from Sept. 25 to 28.",
                "2019-09-20") == []


def test_here_with_no_dateline_is_where_the_handshake_photo_beside_it_is():
    """heldout15/ (China Daily, 2006; a first-run miss; development work, eighteenth helper round): "Chinese Premier Wen
    Jiabao met with U.S. Deputy Secretary of State Robert B. Zoellick here Tuesday." with no dateline, then the photo
    "U.S. Deputy Secretary of State Robert Zoellick (L) shakes hand with China's Premier Wen Jiabao at the Diaoyutai
    State Guest House in Beijing January 24, 2006.": the meeting is in Beijing. Left alone: a handshake photo of another
    day, and one of other persons."""
    met = ("Chinese Premier Wen Jiabao met with U.S. Deputy Secretary of State Robert B. Zoellick here Tuesday.")
    photo = ("U.S. Deputy Secretary of State Robert Zoellick (L) shakes hand with China's Premier Wen Jiabao at the "
             "Diaoyutai State Guest House in Beijing January 24, 2006.")
    [e] = news(met + "\n\n" + photo, "2006-01-24")
    assert (e["type"], e["date_start"], e["place"]["province_code"]) == ("meeting", "2006-01-24", "CN-BJ")
    [e] = news(met + "\n\n" + photo.replace("January 24", "January 20"), "2006-01-24")
    assert e["place"].get("country") is None
    other = photo.replace("Robert Zoellick", "Nicholas Burns")
    [e] = news(met + "\n\n" + other, "2006-01-24")
    assert e["place"].get("country") is None


def test_started_talks_placed_by_the_handshake_photo_above_it():
    """heldout15/ (China Daily, 2016; a first-run miss; development work, eighteenth helper round): the photo "Chinese
    Foreign Minister Wang Yi (R) shakes hands with visiting United States Secretary of State John Kerry in Beijing Jan
    27, 2016." above "Foreign Minister Wang Yi started talks with visiting United States Secretary of State John Kerry
    this morning" is one occasion, the talks, in Beijing. Left alone: "started talks" with no day, and a talks
    sentence whose photo shows other persons (no place taken from it)."""
    photo = ("Chinese Foreign Minister Wang Yi (R) shakes hands with visiting United States Secretary of State John "
             "Kerry in Beijing Jan 27, 2016.")
    talks = ("Foreign Minister Wang Yi started talks with visiting United States Secretary of State John Kerry this "
             "morning, and voiced hope that the ongoing visit will strengthen mutual trust.")
    [e] = news(photo + "\n\n" + talks, "2016-01-27")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "talks", "2016-01-27", "CN-BJ", ["USA"])
    assert news("Foreign Minister Wang Yi started talks with the United States in the 1990s.", "2016-01-27") == []
    [e] = news(photo.replace("Wang Yi", "Yang Jiechi") + "\n\n" + talks, "2016-01-27")
    assert e["place"].get("country") is None


def test_a_page_with_no_date_is_dated_by_its_address():
    """heldout17/ (ecns.cn, 2018; a first-run miss; development work, eighteenth helper round): a page with no date of
    its own at "http://ecns.cn/business/2018/05-18/303044.shtml" telling "met in Washington on Wednesday with ..."
    dates the meeting 2018-05-16. Left alone: an address with a year only, and a page that carries its own date (the
    address's is not taken over it)."""
    body = ("Vice-Premier Liu He met in Washington on Wednesday with former U.S. Secretary of State Henry Kissinger.")

    def page(url: str, published: str | None = None) -> list[dict]:
        return extract({"id": "a", "site": "other", "title": "News", "published": published, "body": body,
                        "language": "en", "url": url})
    [e] = page("http://ecns.cn/business/2018/05-18/303044.shtml")
    assert (e["date_start"], e["countries"]) == ("2018-05-16", ["USA"])
    assert page("http://ecns.cn/business/2018/303044.shtml") == []
    [e] = page("http://ecns.cn/business/2018/05-18/303044.shtml", "2018-05-25")
    assert e["date_start"] == "2018-05-23"


def test_a_special_envoy_named_with_a_hyphenated_chinese_title():
    """heldout17/ (ecns.cn, 2018; a first-run miss; development work, eighteenth helper round): "President Xi
    Jinping's special envoy, Vice-Premier Liu He, met in Washington on Wednesday with former U.S. secretary of state
    Henry Kissinger" names Liu He on the Chinese side (as "Vice President Wang Qishan" after "special envoy," was).
    Left alone: a foreign envoy's hyphenated title before a foreign name stays foreign."""
    [e] = news("President Xi Jinping's special envoy, Vice-Premier Liu He, met in Washington on Wednesday with former "
               "U.S. secretary of state Henry Kissinger and several U.S. lawmakers.", "2018-05-18")
    assert ([p["name"] for p in e["chinese"]], [p["name"] for p in e["foreign"]]) == (["Liu He"], ["Henry Kissinger"])
    [e] = news("Vice Premier Hu Chunhua met in Beijing on Wednesday with President Joe Biden's special envoy, "
               "Vice-President Kamala Harris.", "2018-05-18")
    assert "Kamala Harris" in [p["name"] for p in e["foreign"]]


def test_a_foreign_leader_spoken_of_after_said_is_no_participant():
    """heldout17/ (ecns.cn, 2018; development work, eighteenth helper round): after Liu He's meeting with Kissinger,
    "Liu said that under the guidance of Xi and U.S. President Donald Trump, China-U.S. relations have achieved
    important and positive progress" does not make Trump a participant (as a Chinese leader spoken of is not). Left
    alone: the met person's full name given after "said" in a later sentence ("Sisi said", then "Egyptian President
    Abdel Fattah al-Sisi") still completes the name."""
    [e] = news("Vice-Premier Liu He met in Washington on Wednesday with former U.S. Secretary of State Henry Kissinger."
               "\n\nLiu said that under the guidance of Xi and U.S. President Donald Trump, China-U.S. relations have "
               "achieved important and positive progress.", "2018-05-18")
    assert [p["name"] for p in e["foreign"]] == ["Henry Kissinger"]
    [e] = news("Premier Li Keqiang met with Egyptian President Sisi in Beijing on Wednesday.\n\nLi said that he "
               "welcomed Egyptian President Abdel Fattah al-Sisi to China.", "2015-09-03")
    assert [p["name"] for p in e["foreign"]] == ["Abdel Fattah al-Sisi"]


def test_during_his_talks_in_a_city_with_a_named_counterpart():
    """heldout17/ (People's Daily Online, 2010; a first-run miss; development work, eighteenth helper round): "U.S.
    Defense Secretary Robert Gates on Monday accepted an invitation to visit China early next year" then "Chinese
    Defense Minister Liang Guanglie extended the invitation during his talks in Hanoi with Gates" is talks in Vietnam
    that Monday. Left alone: "during his talks" with no day in the sentence or the one before."""
    body = ("U.S. Defense Secretary Robert Gates on Monday accepted an invitation to visit China early next year, a "
            "Chinese official said.\n\nChinese Defense Minister Liang Guanglie extended the invitation during his "
            "talks in Hanoi with Gates, Guan Youfei, a Chinese Defense Ministry official, told a press conference.")
    [e] = news(body, "2010-10-12")
    assert (e["type"], e["date_start"], e["place"]["country"], [p["name"] for p in e["foreign"]]) == (
        "talks", "2010-10-11", "VNM", ["Robert Gates"])
    assert news(body.split("\n\n")[1], "2010-10-12") == []


def test_a_news_photo_of_the_meeting_is_the_meeting():
    """heldout18/ (People's Daily Online, 2011; China Daily Europe, 2015; first-run misses; development work after its
    one run): "Chinese President Hu Jintao shakes hand with US Vice-President Joe Biden before their meeting at the Great
    Hall of the People in Beijing August 19, 2011." and "China's Vice Premier Zhang Gaoli (L) poses for a photo with
    Vietnam's Prime Minister Nguyen Tan Dung before their meeting at the Government Office in Hanoi, July 16, 2015." are
    the meetings. Left alone: a handshake "while meeting the press together" (heldout17/'s Gates photo, no event) and a
    photo posed with students."""
    [e] = news("Chinese President Hu Jintao shakes hand with US Vice-President Joe Biden before their meeting at the "
               "Great Hall of the People in Beijing August 19, 2011.", "2011-08-20")
    assert (e["type"], e["date_start"], e["place"]["province_code"], [p["name"] for p in e["foreign"]]) == (
        "meeting", "2011-08-19", "CN-BJ", ["Joe Biden"])
    [e] = news("China's Vice Premier Zhang Gaoli (L) poses for a photo with Vietnam's Prime Minister Nguyen Tan Dung "
               "before their meeting at the Government Office in Hanoi, July 16, 2015.", "2015-07-17")
    assert (e["type"], e["date_start"], e["countries"]) == ("meeting", "2015-07-16", ["VNM"])
    assert news("Chinese Defense Minister Liang Guanglie (R) shakes hands with U.S. Defense Secretary Robert Gates while "
                "meeting the press together in Hanoi, capital of Vietnam, Oct. 11, 2010.", "2010-10-12") == []
    assert news("Chinese Vice Premier Zhang Gaoli poses for a photo with students before their graduation in Beijing, "
                "July 16, 2015.", "2015-07-17") == []


def test_leaving_for_a_visit_is_no_visit():
    """heldout18/ (People's Daily Online, 2001 and 2002; first-run wrong events; development work after its one run):
    "Foreign Minister Tang Jiaxuan left here Saturday for an official visit to Australia and New Zealand." and "Chinese
    Vice-Premier Qian Qichen left Beijing Sunday morning for a week-long visit to United States" tell a departure, no
    visit of its own (heldout17/'s convention). Left alone: "arrived in India on Friday evening for a one-day official
    visit to India" (an arrival is the visit's day)."""
    assert news("Foreign Minister Tang Jiaxuan left here Saturday for an official visit to Australia and New Zealand.",
                "2002-03-17") == []
    assert news("Chinese Vice-Premier Qian Qichen left Beijing Sunday morning for a week-long visit to United States at "
                "the invitation of the US government.", "2001-03-18") == []
    [e] = news("Chinese Foreign Minister Tang Jiaxuan arrived in India on Friday evening for a one-day official visit to "
               "India.", "2000-07-22")
    assert (e["type"], e["date_start"], e["countries"]) == ("visit", "2000-07-21", ["IND"])


def test_the_news_agencys_region_of_china_before_a_province():
    """heldout18/ (People's Daily Online, 2024; a first-run wrong place; development work after its one run): "met with
    Deputy Prime Minister of Vietnam Le Thanh Long in east China's Zhejiang Province" and "... in Wuzhen, east China's
    Zhejiang Province, Nov. 19, 2024" are in Zhejiang. Left alone: "east China's Zhejiang Province" as where a guest
    comes from ("a delegation from east China's Zhejiang Province", not after "in") gives no place to a meeting abroad."""
    [e] = news("HANGZHOU, Nov. 19 (Xinhua) -- Chinese Vice Premier Ding Xuexiang on Tuesday met with Deputy Prime Minister "
               "of Vietnam Le Thanh Long in east China's Zhejiang Province.", "2024-11-20")
    assert (e["place"]["province_code"], e["countries"]) == ("CN-ZJ", ["VNM"])
    [e] = news("Chinese Vice Premier Ding Xuexiang met with Deputy Prime Minister of Vietnam Le Thanh Long in Wuzhen, "
               "east China's Zhejiang Province, Nov. 19, 2024.", "2024-11-20")
    assert e["place"]["province_code"] == "CN-ZJ"
    [e] = news("Vietnamese Deputy Prime Minister Le Thanh Long on Tuesday met with a delegation from east China's "
               "Zhejiang Province led by Party Secretary Wang Hao.", "2024-11-20")
    assert e["place"].get("province_code") is None


def test_arrived_a_city_with_no_in_and_talked_over_phone():
    """heldout18/ (People's Daily Online, 2000; China.org.cn, 2005; first-run misses; development work after its one
    run): "Chinese Foreign Minister Tang Jiaxuan arrived Tehran Sunday on a four-day official visit to the Islamic
    Republic of Iran." is a visit over four days; "Li Zhaoxing talked with US Secretary of State Condoleezza Rice over
    phone Saturday evening" is a call. Left alone: "arrived Monday" with no place (a weekday is not a city) and "talked
    with reporters" with no phone."""
    [e] = news("Chinese Foreign Minister Tang Jiaxuan arrived Tehran Sunday on a four-day official visit to the Islamic "
               "Republic of Iran.", "2000-02-21")
    assert (e["type"], e["date_start"], e["date_end"], e["countries"]) == ("visit", "2000-02-20", "2000-02-23", ["IRN"])
    [e] = news("Chinese Foreign Minister Li Zhaoxing talked with US Secretary of State Condoleezza Rice over phone "
               "Saturday evening, exchanging views on the nuclear issue.", "2005-02-13")
    assert (e["type"], e["date_start"], [p["name"] for p in e["foreign"]]) == ("call", "2005-02-12",
                                                                              ["Condoleezza Rice"])
    assert news("The Chinese team arrived Monday and will stay for a week.", "2000-02-21") == []
    assert news("Chinese Foreign Minister Li Zhaoxing talked with reporters Saturday evening.", "2005-02-13") == []


def test_a_surname_that_is_also_a_city_abroad():
    """heldout18/ (People's Daily Online, 2001; a first-run wrong event; development work after its one run): "Chilean
    President Ricardo Lagos on Wednesday met Chinese Foreign Minister Tang Jiaxuan who is in Santiago" names Ricardo
    Lagos, of Chile, and no Nigeria (Lagos is also a city of Nigeria). Left alone: a meeting "in Lagos" is in
    Nigeria."""
    [e] = news("Chilean President Ricardo Lagos on Wednesday met Chinese Foreign Minister Tang Jiaxuan who is in "
               "Santiago for an East Asia-Latin America forum.", "2001-03-29")
    assert (e["countries"], [(p["name"], p["country"]) for p in e["foreign"]]) == (["CHL"], [("Ricardo Lagos", "CHL")])
    [e] = news("Chinese Foreign Minister Tang Jiaxuan met with Nigerian Foreign Minister Ojo Maduekwe in Lagos on "
               "Wednesday.", "2001-03-29")
    assert e["place"]["country"] == "NGA"


def test_a_page_with_no_date_is_dated_by_the_date_it_prints():
    """heldout18/ (the Global Times, 2015; a first-run miss; development work after its one run): a page with no date
    of its own and none in its address, printing "Source:Xinhua Published: 2015-3-17 20:56:56" under its headline, dates
    "met with ... Henry Paulson in Beijing on Tuesday" 2015-03-17. Left alone: a date in the text's body far below
    the top, and a page with a date of its own (the printed one not taken over it)."""
    body = ("Chinese vice premier meets former US Secretary of the Treasury\n\nSource:Xinhua Published: 2015-3-17 "
            "20:56:56\n\nChinese Vice Premier Zhang Gaoli met with former US Secretary of the Treasury Henry Paulson in "
            "Beijing on Tuesday.")
    [e] = news(body)
    assert (e["date_start"], e["countries"]) == ("2015-03-17", ["USA"])
    [e] = news(body, "2015-03-25")
    assert e["date_start"] == "2015-03-24"
    late = body.replace("Source:Xinhua Published: 2015-3-17 20:56:56", "x " * 320) + "\n\nPublished: 2015-3-17"
    assert news(late) == []


def test_the_one_a_message_is_brought_to_is_not_there():
    """heldout18/ (People's Daily Online, 2000; a first-run extra participant; development work after its one run): in
    Tang Jiaxuan's arrival in Tehran, "He said that he has brought a message to Iranian President Mohammad Khatami from
    Chinese President Jiang Zemin." names neither as a participant. Left alone: "met with Iranian President Mohammad
    Khatami and delivered a message" (met, then the message)."""
    body = ("Chinese Foreign Minister Tang Jiaxuan arrived Tehran Sunday on a four-day official visit to the Islamic "
            "Republic of Iran.\n\nHe said that he has brought a message to Iranian President Mohammad Khatami from Chinese "
            "President Jiang Zemin.")
    [e] = news(body, "2000-02-21")
    assert (e["foreign"], [p["name"] for p in e["chinese"]]) == ([], ["Tang Jiaxuan"])
    [e] = news("Chinese Foreign Minister Tang Jiaxuan met with Iranian President Mohammad Khatami in Tehran on Monday "
               "and delivered a message from Chinese President Jiang Zemin.", "2000-02-22")
    assert [p["name"] for p in e["foreign"]] == ["Mohammad Khatami"]


@pytest.mark.parametrize("sentence, name, country", [
    ("China's top legislator Zhao Leji met with a U.S. congressional delegation led by Representative Adam Smith in "
     "Beijing on Tuesday.", "Adam Smith", "USA"),
    ("Top legislator Zhang Dejiang met with a delegation of US lawmakers led by Republican Senator from Montana Steve "
     "Daines on Monday.", "Steve Daines", "USA"),
    ("Li Peng, chairman of the Standing Committee of China's National People's Congress (NPC), met with a Canadian "
     "delegation led by Speaker of the Senate of the Federal Parliament of Canada (FPC) Daniel Hays Monday afternoon.",
     "Daniel Hays", "CAN"),
])
def test_a_delegation_led_by_a_titled_head(sentence, name, country):
    """heldout18/ (People's Daily Online, 2001 and 2025; China Daily USA, 2016; first-run missed participants;
    development work after its one run): the head of a delegation named after his title ("led by Representative Adam
    Smith", "led by Republican Senator from Montana Steve Daines") is the delegation's country's participant. Left
    alone: "led by Jose Ramon Peralta, administrative minister of the Presidency" keeps the whole name (no title
    before it), and a Chinese head ("a Chinese delegation led by Governor Wang Hao") is no foreign person."""
    [e] = news(sentence, "2025-09-24")
    assert (name, country) in [(p["name"], p["country"]) for p in e["foreign"]]
    assert "Jose Ramon Peralta" in {p.name for p in persons_in(
        "He met a Dominican delegation led by Jose Ramon Peralta, administrative minister of the Presidency.", load())}
    assert not [p for p in persons_in("He met a Chinese delegation led by Governor Wang Hao on Monday.", load())
                if p.side == "foreign"]


def test_secretary_general_before_a_name_is_one_role():
    """heldout18/ (People's Daily Online, 2025; first-run wrong participants; development work after its one run): "led
    by Secretary General Hiroshi Moriyama of the Liberal Democratic Party and Secretary General Makoto Nishida of the
    Komeito Party" names Hiroshi Moriyama and Makoto Nishida, not "General Hiroshi Moriyama". Left alone: "UN Secretary
    General Antonio Guterres", whose role already holds "General", keeps his whole name."""
    names = [p.name for p in persons_in(
        "Wang Huning met with a delegation of Japan's ruling coalition, led by Secretary General Hiroshi Moriyama of the "
        "Liberal Democratic Party and Secretary General Makoto Nishida of the Komeito Party.", load()) if p.side == "foreign"]
    assert names == ["Hiroshi Moriyama", "Makoto Nishida"]
    assert "Antonio Guterres" in [p.name for p in persons_in(
        "Wang Yi met with UN Secretary General Antonio Guterres in New York on Monday.", load())]


def test_a_meeting_with_no_day_is_not_dated_by_a_departure_before_it():
    """heldout18/ (People's Daily Online, 2000; a first-run wrong event; development work after its one run): "Chinese
    top legislator Li Peng left Vladivostok Tuesday for Beijing, ending his nine-day official visit to Russia." then
    "Li ... met Primorye Territory Governor Yevgeny Nazdratenko ... during his stay in Vladivostok." is a meeting with no
    day of its own (labelled no event): the departure's Tuesday is not its day. Left alone: "The Far Eastern economic
    forum opened in Vladivostok on Tuesday." before the same meeting still dates it."""
    body = ("Chinese top legislator Li Peng left Vladivostok Tuesday for Beijing, ending his nine-day official visit to "
            "Russia.\n\nLi, chairman of the Standing Committee of the Chinese National People's Congress, met Primorye "
            "Territory Governor Yevgeny Nazdratenko and leaders of the territory's legislature during his stay in "
            "Vladivostok.")
    assert news(body, "2000-09-19") == []
    dated = body.replace("Chinese top legislator Li Peng left Vladivostok Tuesday for Beijing, ending his nine-day "
                         "official visit to Russia.", "The Far Eastern economic forum opened in Vladivostok on Tuesday.")
    [e] = news(dated, "2000-09-19")
    assert (e["date_start"], e["countries"]) == ("2000-09-19", ["RUS"])


def test_a_chinese_name_then_a_member_of_the_political_bureau():
    """heldout18/ (People's Daily Online, 2024; a first-run missed participant; development work after its one run):
    "Wang Huning, a member of the Standing Committee of the Political Bureau of the Communist Party of China (CPC)
    Central Committee, met with Dmitry Medvedev, chairman of the United Russia party, in Beijing on Thursday." names
    Wang Huning on the Chinese side (the article "a" before the lower-case title). Left alone: a foreign name before "a
    member of" a foreign body ("Dmitry Medvedev, a member of Russia's Security Council") is not Chinese."""
    [e] = news("Wang Huning, a member of the Standing Committee of the Political Bureau of the Communist Party of China "
               "(CPC) Central Committee, met with Dmitry Medvedev, chairman of the United Russia party, in Beijing on "
               "Thursday.", "2024-12-13")
    assert ([p["name"] for p in e["chinese"]], [p["name"] for p in e["foreign"]]) == (["Wang Huning"],
                                                                                      ["Dmitry Medvedev"])
    assert not [p for p in persons_in("Dmitry Medvedev, a member of Russia's Security Council, met Wang Yi on Monday.",
                                      load()) if p.side == "chinese" and p.name == "Dmitry Medvedev"]


def test_the_two_meetings_between_leaders_are_other_occasions():
    """heldout18/ (People's Daily Online, 2003; first-run extra participants; development work after its one run): in
    Cao Gangchuan's arrival in New York, "the two meetings between Chinese President Hu Jintao and US President George
    W. Bush this year are of great significance ..., he said" names neither as a participant. Left alone: "the two sides
    held talks" is this occasion's."""
    body = ("Chinese Defense Minister Cao Gangchuan arrived in New York on Friday for an official goodwill visit to the "
            "United States.\n\nChina and the United States now enjoy good momentum and the two meetings between Chinese "
            "President Hu Jintao and US President George W. Bush this year are of great significance, he said.")
    [e] = news(body, "2003-10-25")
    assert ([p["name"] for p in e["chinese"]], e["foreign"]) == (["Cao Gangchuan"], [])
    [e] = news("Li Peng, chairman of the Standing Committee of China's National People's Congress (NPC), met with a "
               "Canadian delegation led by Speaker of the Senate Daniel Hays Monday afternoon.\n\nThe two sides held "
               "talks on bilateral relations.", "2001-10-16")
    assert e["date_start"] == "2001-10-15"


def test_a_role_then_the_name_between_commas():
    """heldout18/ (China.org.cn, 2005; a first-run missed participant; development work after its one run): "Foreign
    Minister Li Zhaoxing met with the new top US negotiator on the six-party talks, Christopher Hill, in Beijing on
    Thursday" names Christopher Hill, of the US. Left alone: "met with the Chinese ambassador to the US, Xie Feng," (a
    Chinese role) names no foreign person."""
    [e] = news("Foreign Minister  Li Zhaoxing met with the new top US negotiator on the six-party talks, Christopher "
               "Hill, in Beijing on Thursday, discussing Sino-US relations.", "2005-02-18")
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Christopher Hill", "USA")]
    assert not [p for p in persons_in("Wang Yi met with the Chinese ambassador to the US, Xie Feng, in Beijing on "
                                      "Monday.", load()) if p.side == "foreign"]


def test_in_a_meeting_with_another_leader_of_the_occasion():
    """heldout18/ (People's Daily Online, 2025; a first-run wrong event; development work after its one run): after
    "Chinese Vice Premier Ding Xuexiang met with foreign leaders who visited China to attend the ... Boao Forum ... on
    Wednesday" and "had a meeting with Lao Prime Minister Sonexay Siphandone", the line "In a meeting with Aren B. Palik,
    vice president of the Federated States of Micronesia (FSM), Ding called for ..." adds Micronesia to the one meeting.
    Left alone: "In a meeting with reporters" adds no country."""
    body = ("Chinese Vice Premier Ding Xuexiang meets with Lao Prime Minister Sonexay Siphandone, who is here to attend "
            "the ongoing Boao Forum for Asia Annual Conference 2025, in Boao, south China's Hainan Province, March 26, "
            "2025. (Xinhua/Li Xiang)\n\n"
            "BOAO, Hainan, March 26 (Xinhua) -- Chinese Vice Premier Ding Xuexiang met with foreign leaders who visited "
            "China to attend the ongoing Boao Forum for Asia Annual Conference 2025 in Boao, south China's Hainan "
            "Province, on Wednesday.\n\nDing had a meeting with Lao Prime Minister Sonexay Siphandone.\n\nIn a meeting "
            "with Aren B. Palik, vice president of the Federated States of Micronesia (FSM), Ding called for expanding "
            "mutual collaboration in trade.")
    [e] = news(body, "2025-03-27")
    assert sorted(e["countries"]) == ["FSM", "LAO"]
    [e] = news(body.replace("Aren B. Palik, vice president of the Federated States of Micronesia (FSM)", "reporters"),
               "2025-03-27")
    assert e["countries"] == ["LAO"]


def test_sentence_ends_after_stops_in_a_row_and_after_closing_quotes():
    """The splitter matches the stop before the gap (so that re scans for it): stops in a row ("?!", "..") and a
    closing quote or bracket after the stop end a sentence where they did when the stop was a look-behind (the
    closing mark goes with the gap, as it did)."""
    from pipelines.meetings.text import paragraph_sentences
    assert paragraph_sentences('Is it true?! Wang Yi said "Yes." (He met Blinken.) The U.S. side agreed.') == [
        "Is it true?!", 'Wang Yi said "Yes.', "(He met Blinken.", "The U.S. side agreed."]
    assert paragraph_sentences("Dr. Tedros met him.. Then etc. it ended") == ["Dr. Tedros met him..",
                                                                              "Then etc. it ended"]
