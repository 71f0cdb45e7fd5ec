"""Meetings on real text (issue 26): invariants over every real page the tests hold (the press conferences,
news pages and readouts of tests/real/meetings/, byte for byte or as stored text; the 64 pages of
tests/real/meetings/texts/ from outside the 2018-2020 cache; the 67 English pages of tests/real/; the 3 real seed
texts), the guards
of the issue on the sentences it quotes, press conferences as a source, the real dev figures, and a readout and
a press conference telling one occasion counted once in a real SQLite archive."""
from __future__ import annotations

import gzip
import json
import re
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from archive import Archive
from bench.meetings_real import REAL, evaluate_real, page_record
from crawler import config as config_module
from pipelines.meetings import extract
from pipelines.meetings.press import spokesperson, turns
from pipelines.meetings.text import QUOTES
from pipelines.record import archive_page

from .support import FIXTURES

LABELS = sorted((REAL / "dev").glob("*.json")) + sorted((REAL / "heldout").glob("*.json"))
HELDOUT2 = sorted((REAL / "heldout2").glob("*.json"))      # dev material since its run (docs/meetings.md)
HELDOUT3 = sorted((REAL / "heldout3").glob("*.json"))      # read by the guards only after its run (HELDOUT3_RUN.md)
# real text from outside the 2018-2020 cache, stored as visible text (texts/): read by the guards only after the
# fourth held-out run (HELDOUT4_RUN.md), and the dev pages found with it
HELDOUT4 = [p for s in ("heldout4", "dev4", "heldout5") for p in sorted((REAL / s).glob("*.json"))]
# the sixth held-out set (new texts of 2014-2024, labelled by a fresh reader): read by the guards only after its
# one run (HELDOUT6_RUN.md)
HELDOUT6 = sorted((REAL / "heldout6").glob("*.json"))
# the eighth to eleventh (consulates', embassies' and local governments' readouts), the twelfth (press conferences
# of 2026 from another source), the thirteenth (press conferences of 2002-2023 from the CMFA PressCon corpus) and the
# fourteenth (press conferences of 2024-2025 as stored pages), the fifteenth (state media in English, Xinhua and
# others, as stored pages), the sixteenth (provincial and city governments' English pages, stored) and the
# seventeenth and eighteenth (fresh state-media texts): read by the guards only after their one run each
# (HELDOUT8_RUN.md to HELDOUT18_RUN.md)
HELDOUT8 = [p for s in ("heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14",
                        "heldout15", "heldout16", "heldout17", "heldout18")
            for p in sorted((REAL / s).glob("*.json"))]


def norm(s: str) -> str:
    return " ".join((s or "").translate(QUOTES).split())


def real_records() -> list[dict]:
    """Every real page of the tests as the archive would hold it (the labels' pages, through Gazette's
    extraction for the press conferences; the readouts' text; the seed texts)."""
    records = [page_record(json.loads(p.read_text("utf-8"))) for p in LABELS + HELDOUT2 + HELDOUT3 + HELDOUT4 + HELDOUT6
               + HELDOUT8]
    # the real pages of issue 19 (tests/real/): its English press conferences through the same extraction
    issue19 = REAL.parent
    for entry in json.loads((issue19 / "pages.json").read_text("utf-8")):
        if entry["file"].startswith("mfa-en-"):
            records.append(page_record({"kind": "press_conference", "url": entry["url"], "page": entry["file"]},
                                       base=issue19, gzipped=False))
    for path in sorted((FIXTURES / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        day = re.search(r"\d{4}-\d{2}-\d{2}", path.name)
        records.append({"id": path.stem, "site": "other", "title": "", "body": text, "language": "en",
                        "published": day.group() if day else "2020-12-18"})
    return records


@pytest.fixture(scope="module")
def real_events():
    out = []
    for record in real_records():
        out += [(record, e) for e in extract(record)]
    return out


def test_the_real_pages_are_all_there():
    """175 pages of the dev and first held-out labels, 52 press conferences and 9 readouts of the second held-out
    set, 43 press conferences of the third (`--real heldout3`, run once: HELDOUT3_RUN.md); every page is a
    label's, with its provenance."""
    assert len(LABELS) == 175 and len(HELDOUT2) == 61 and len(HELDOUT3) == 43
    pages = {json.loads(p.read_text("utf-8"))["page"] for p in LABELS + HELDOUT2 + HELDOUT3}
    assert {f"pages/{p.name}" for p in (REAL / "pages").glob("*.html.gz")} == {p for p in pages if p.startswith("pages/")}
    assert len([p for p in pages if p.startswith("pages/")]) == 270
    assert all((REAL / p).is_file() for p in pages)
    provenance = (REAL / "PROVENANCE.md").read_text("utf-8")
    assert all(f"`{Path(p).name}`" in provenance for p in pages if p.startswith("readouts/"))
    for page in (REAL / "pages").glob("*.html.gz"):
        assert f"`{page.name}`" in provenance
        assert gzip.decompress(page.read_bytes())[:200].strip()


def test_no_participant_absent_from_its_sentence(real_events):
    """Every named participant is in the sentence recorded for it, which is a sentence of the page; an event of
    a press conference names only persons of its own sentence."""
    assert len(real_events) >= 80
    for record, e in real_events:
        text = norm(f"{record.get('title') or ''} {record['body']}")
        assert norm(e["sentence"]) in text
        for p in [*e["chinese"], *e["foreign"]]:
            assert p["sentence"] and norm(p["sentence"]) in text, (record["id"], p)
            if p["name"]:       # whole, or a leader by title and surname ("President Xi": Xi Jinping)
                assert norm(p["name"]) in norm(p["sentence"]) or (
                    p.get("title") and f"{p['title']} {p['name'].split()[0]}" in norm(p["sentence"])), (record["id"], p)
            if p.get("described"):      # a side described: its words are in its sentence
                assert norm(p.get("title") or p.get("role")) in norm(p["sentence"]), (record["id"], p)
            if e["source"] == "press_conference" and p["sentence"] != e["sentence"]:
                # a later sentence of the answer saying who chaired or attended the occasion ("The meeting was
                # co-chaired by ..."), or the one that gives a surname its full name
                answer = next(a for a in answers_of(record) if norm(e["sentence"]) in a)
                assert norm(p["sentence"]) in answer, (record["id"], p)


def answers_of(record: dict) -> list[str]:
    """The spokesperson's answers of a press conference, each with its following answer paragraphs."""
    out, previous = [], None
    for turn, para in turns(record["body"], spokesperson(record["title"])):
        if turn == "answer" and previous == "answer":
            out[-1] += " " + norm(para)
        elif turn == "answer":
            out.append(norm(para))
        previous = turn
    return out


def test_every_event_has_a_chinese_party_or_a_place_in_china(real_events):
    for record, e in real_events:
        assert e["chinese"] or e["place"].get("country") == "CHN", (record["id"], e["sentence"])


def test_no_event_comes_from_a_journalists_question(real_events):
    for record, e in real_events:
        if e["source"] != "press_conference":
            continue
        answers = [norm(p) for turn, p in turns(record["body"], spokesperson(record["title"])) if turn == "answer"]
        assert any(norm(e["sentence"]) in a for a in answers), (record["id"], e["sentence"])


def test_real_dev_figures_meet_the_targets():
    """The labelled dev paragraphs (the held-out ones are run once, by hand: docs/meetings.md)."""
    r = evaluate_real(REAL / "dev")["kinds"]["all"]
    assert r["events"]["precision"] >= 0.9 and r["events"]["recall"] >= 0.85, r
    assert r["participants"]["precision"] >= 0.9, r


# -- the issue's sentences -----------------------------------------------------------------------------------

PRESS = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on February 7, 2020"


def press(body: str, title: str = PRESS, published: str = "2020-02-07") -> list[dict]:
    return extract({"id": "p", "site": "mfa", "title": title, "published": published, "body": body, "language": "en"})


def news(body: str, site: str = "mfa", published: str = "2019-08-08") -> list[dict]:
    return extract({"id": "n", "site": site, "title": "News", "published": published, "body": body, "language": "en"})


@pytest.mark.parametrize("body", [
    # a foreign official's activity at home or abroad, with no Chinese party
    ("Yesterday, President Sergio Mattarella paid a visit to a primary school in Rome where many Chinese students "
     "are studying."),
    ("Indian Minister of Home Affairs Amit Shah visited a disputed area in the east sector of China-India boundary "
     "today."),
    # a signature is no signing
    "On June 24, US President Trump signed an executive order to impose punitive financial measures on Iran.",
    "On June 17, the US leader signed into law the so-called act.",
    # announced and hypothetical
    "State Councilor Wang Yi will hold talks with Foreign Minister Shahid of the Maldives this afternoon.",
    ("If State Councilor and Foreign Minister Wang Yi meets with his DPRK counterpart in Singapore on Monday, we "
     "will release the information."),
    "President Xi Jinping is going to meet with him on Monday.",
    ("In Germany, State Councilor and Foreign Minister Wang Yi will meet with German President Frank-Walter "
     "Steinmeier, hold talks with Foreign Minister Heiko Maas on May 28."),
    ("During his visit to Russia, Vice Premier Han Zheng will hold the fifth meeting of the China-Russia Investment "
     "Cooperation Committee with Anton Siluanov on September 15."),
])
def test_not_events_on_any_text(body):
    assert news(body) == [] and press("A: " + body) == []


def test_participants_come_from_the_clause_of_the_verb():
    body = ("US Vice President Pence attended the so-called International Religious Freedom Roundtable on July 18, "
            "during which he met certain people including representatives of anti-China forces.\n\n"
            "President Almazbek Atambayev of Kyrgyzstan and Prime Minister Marape of Papua New Guinea spoke.")
    assert news(body) == []
    met, talks = press("A: This morning, State Councilor Wang Yi met with Indian Foreign Secretary Gokhale and Vice "
                       "Foreign Minister Kong Xuanyou held talks with him.")
    assert [p["name"] for p in met["chinese"]] == ["Wang Yi"] and [p["name"] for p in met["foreign"]] == ["Gokhale"]
    assert (talks["type"], talks["date_start"]) == ("talks", met["date_start"])
    assert [p["name"] for p in talks["chinese"]] == ["Kong Xuanyou"] and talks["foreign"] == []


def test_an_unnamed_side_keeps_its_description_and_country():
    (e,) = news("On Monday, Chinese officials met with New Zealand diplomats in Beijing.", published="2019-08-08")
    assert e["date_start"] == "2019-08-05" and e["countries"] == ["NZL"]
    assert [(p["title"], p["described"]) for p in e["chinese"]] == [("Chinese officials", True)]
    assert [(p["role"], p["country"], p["described"]) for p in e["foreign"]] == [("New Zealand diplomats", "NZL", True)]


def test_press_conference_answers_give_events_dated_by_the_conference():
    # the page's publication date may be wrong (some 2018 pages say 2018-09-07); the title's date counts
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on September 12"
    body = ("Q: President Xi Jinping met with Japanese Prime Minister Shinzo Abe today. What is your comment?\n\n"
            "A: Yesterday, State Councilor and Foreign Minister Wang Yi held talks with Iranian Foreign Minister "
            "Mohammad Javad Zarif in Beijing.\n\n"
            "As I just said, Wang Yi held talks with Iranian Foreign Minister Mohammad Javad Zarif yesterday.")
    (e,) = press(body, title=title, published="2018-09-07")
    assert (e["type"], e["date_start"], e["countries"], e["source"]) == ("talks", "2018-09-11", ["IRN"],
                                                                        "press_conference")
    assert e["place"]["province_code"] == "CN-BJ"
    assert [p["name"] for p in e["foreign"]] == ["Mohammad Javad Zarif"]


def test_a_call_told_as_a_noun_in_an_answer():
    (e,) = press("Hua Chunying: I believe you've seen reports of the phone call between President Xi Jinping and "
                 "President Trump last Friday.", title=PRESS.replace("Geng Shuang", "Hua Chunying"))
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2020-01-31", ["USA"])
    assert news("As President Xi pointed out in a phone call with President Putin on May 8, WWII is an "
                "unprecedented calamity.") == []     # outside a press conference a noun is no report


def test_turns_of_a_press_conference():
    body = ("An opening statement.\n\nQ: A question's first part.\n\nStill the question?\n\nA: The answer.\n\nMore "
            "answer.\n\nCCTV: Another question?\n\nGeng Shuang: Another answer.\n\nAfter the press conference, the "
            "following question was raised: Q: What about it?")
    assert [t for t, _ in turns(body, "Geng Shuang")] == ["answer", "question", "question", "answer", "answer",
                                                          "question", "answer", "question"]
    # a paragraph with no speaker after a question that ended with "?" is the answer, its "A:" left out (a real
    # page of the third held-out set, t1683732; changed after that set's run)
    assert [t for t, _ in turns("Q: Can you tell us about the outcomes?\n\nOn July 25, the two sides held the "
                                "negotiations.", "Hua Chunying")] == ["question", "answer"]


# -- one occasion in the archive -----------------------------------------------------------------------------

READOUT_URL = "http://www.fmprc.gov.cn/mfa_eng/wjdt_665385/wshd_665389/202001/t20200101_000001.html"
READOUT = (("On December 31, 2019, State Councilor and Foreign Minister Wang Yi held talks with Iranian Foreign "
            "Minister Mohammad Javad Zarif in Beijing."),
           "Wang Yi said that China and Iran are comprehensive strategic partners.")


def readout_page(paragraphs) -> bytes:
    """The ministry's 2015 template (a real page's markup, tests/fixtures/mfa) with a readout written for this
    test."""
    page = (FIXTURES / "mfa/mfa_eng/wjdt_665385/2649_665393/202012/t20201218_696980.html").read_text("utf-8")
    page = page.replace("Ministry of Foreign Affairs Organizes Eurasian Diplomatic Envoys to Visit Guizhou Province",
                        "Wang Yi Holds Talks with Iranian Foreign Minister Mohammad Javad Zarif")
    page = page.replace("2020/12/18", "2019/12/31")
    return re.sub(r'(<div id="News_Body_Txt_A" class="content">).*?(</div>)', lambda m: m.group(1) + "".join(
        f"<p>{p}</p>" for p in paragraphs) + m.group(2), page, count=1, flags=re.DOTALL).encode("utf-8")


def page(url: str, body: bytes) -> dict:
    return {"url": url, "final_url": url, "status": 200, "headers": {"Content-Type": "text/html"}, "body": body,
            "site": "mfa", "hints": {}, "fetched_at": "2026-01-01T00:00:00Z", "error": None}


def test_a_readout_and_a_press_conference_count_once(tmp_path):
    config = config_module.load()
    conference = json.loads((REAL / "dev" / "t1729013.json").read_text("utf-8"))
    with Archive(tmp_path / "a.db") as archive:
        press_id = archive_page(archive, config, page(conference["url"], gzip.decompress(
            (REAL / conference["page"]).read_bytes())), None)["article_id"]
        readout_id = archive_page(archive, config, page(READOUT_URL, readout_page(READOUT)), None)["article_id"]
    db = sqlite_utils.Database(tmp_path / "a.db")
    rows = {r["article_id"]: r for r in db.query(
        "select * from meetings where type = 'talks' and date_start = '2019-12-31'")}
    assert set(rows) == {press_id, readout_id}
    assert rows[press_id]["source"] == "press_conference" and rows[readout_id]["source"] == "article"
    assert rows[readout_id]["same_as"] is None and rows[press_id]["same_as"] == rows[readout_id]["id"]
    assert db.execute("select count(*) from meetings where same_as is null and date_start = '2019-12-31' "
                      "and type = 'talks'").fetchone()[0] == 1
    sentences = {r["name"]: r["sentence"] for r in db.query(
        "select name, sentence from meeting_participants where meeting_id = ?", [rows[press_id]["id"]])}
    assert "Mohammad Javad Zarif" in sentences["Mohammad Javad Zarif"]
    # the readout changes and no longer reports the talks: the press conference's event is the first report
    changed = (("On December 31, 2019, State Councilor and Foreign Minister Wang Yi said that talks with Iranian "
                "Foreign Minister Mohammad Javad Zarif would be held in Beijing."), READOUT[1])
    with Archive(tmp_path / "a.db") as archive:
        assert archive_page(archive, config, page(READOUT_URL, readout_page(changed)), None)["status"] == "updated"
    (left,) = db.query("select * from meetings where date_start = '2019-12-31' and type = 'talks'")
    assert left["article_id"] == press_id and left["same_as"] is None


# -- the second round (issue 26, dev and the first held-out set) ---------------------------------------------

def test_an_occasion_named_after_china_and_another_party():
    (e,) = press("A: The 20th China-EU Summit was successfully held in Beijing yesterday.",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on July 17, 2018")
    assert (e["type"], e["date_start"], e["place"]["province_code"], e["countries"]) == (
        "meeting", "2018-07-16", "CN-BJ", [])
    (e,) = press("A: China's Ministry of Commerce has already released information on yesterday's telephone call "
                 "between the heads of China-US trade talks.",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on July 10, 2019")
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2019-07-09", ["USA"])
    # a compound that names no occasion is no party
    assert press("A: Yesterday, US Secretary of State Pompeo met with Japanese Foreign Minister Kono to discuss "
                 "China-US relations.") == []
    assert press("A: Indian Minister of Home Affairs Amit Shah visited a disputed area in the east sector of "
                 "China-India boundary today.") == []


def test_countries_named_as_a_group_are_a_counterpart():
    (e,) = press("Zhao Lijian: Health ministers from China and 17 CEECs held a special video conference on COVID-19 "
                 "yesterday afternoon.", published="2020-05-14",
                 title="Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 14, 2020")
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2020-05-13", [])
    (e,) = press("A: The video conference, which lasted for two hours yesterday afternoon, was attended by over 100 "
                 "officials and medical experts from China and Pacific island countries.",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on March 11, 2020")
    assert (e["type"], e["date_start"]) == ("call", "2020-03-10")


def test_who_chaired_the_occasion_in_the_next_sentence():
    (e,) = press("Zhao Lijian: China and Pacific island countries held the special vice foreign ministers' meeting "
                 "on COVID-19 via video link yesterday. The meeting was co-chaired by Vice Foreign Minister Zheng "
                 "Zeguang of China and Foreign Minister Patrick Pruaitch of Papua New Guinea.",
                 title="Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 14, 2020")
    assert e["type"] == "call" and e["countries"] == ["PNG"]
    assert [p["name"] for p in e["chinese"]] == ["Zheng Zeguang"]
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Patrick Pruaitch", "PNG")]


@pytest.mark.parametrize(("day", "name"), [("2019-05-09", "Li Keqiang"), ("2024-05-09", "Li Qiang"),
                                           ("2012-05-09", None)])
def test_a_leader_named_by_title_and_surname(day, name):
    d = date.fromisoformat(day)
    title = f"Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on {d:%B} {d.day}, {d.year}"
    (e,) = press("A: Premier Li had a phone call with President Putin yesterday.", title=title, published=day)
    assert [p["name"] for p in e["chinese"]] == [name]
    if name is None:        # no term of config/meetings.toml covers the day: the side as written
        assert e["chinese"][0]["title"] == "Premier Li" and e["chinese"][0]["described"]


def test_a_meeting_referred_to_with_since_is_no_event():
    assert press("A: This is the first meeting of its kind since President Xi Jinping and Prime Minister Narendra "
                 "Modi met in Wuhan and since State Councilor and Foreign Minister Wang Yi took office on November "
                 "24.", title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 26, "
                 "2018", published="2018-11-26") == []


def test_two_persons_as_one_subject_and_a_title_with_and():
    (e,) = press("A: Prime Minister Thongloun Sisoulith of Laos is visiting China. Yesterday, President Xi Jinping "
                 "and Premier Li Keqiang met and held talks with him respectively.",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 7, 2020",
                 published="2020-01-07")
    assert [p["name"] for p in e["chinese"]] == ["Xi Jinping", "Li Keqiang"]
    (e,) = press("A: Vice Foreign Minister and Special Representative of the Chinese Government on the Korean "
                 "Peninsular Affairs Kong Xuanyou met with Special Representative for the Korean Peninsula Peace "
                 "and Security Affairs of the ROK Ministry of Foreign Affairs Lee Do Hoon in Beijing today.",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on October 19, 2018",
                 published="2018-10-19")
    assert [p["name"] for p in e["chinese"]] == ["Kong Xuanyou"]


# -- after the second held-out run (fixes made on its errors; docs/meetings.md gives the figures apart) -----

def test_attending_a_named_multilateral_meeting_abroad():
    (e,) = press("A: On the afternoon of November 3 local time, Premier Li Keqiang attended the 22nd China-ASEAN "
                 "(10+1) Summit in Bangkok, Thailand.", published="2019-11-04",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 4, 2019")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("meeting", "2019-11-03", "THA", [])
    assert [p["name"] for p in e["chinese"]] == ["Li Keqiang"]
    # "attended the meeting" names no occasion; an ordinal before a noun is no day
    assert press("A: Vice Minister Ma Zhaoxu attended the meeting.") == []
    assert press("A: Premier Li Keqiang recently attended the 21st China-EU Leaders' Meeting in Europe.",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on May 17, 2019",
                 published="2019-05-17") == []


def test_the_one_who_invited_is_not_there():
    (e,) = news("On January 7, Chairman Kim Jong Un visited China at the invitation of General Secretary of the "
                "Central Committee of the CPC and President Xi Jinping.", published="2019-01-08")
    assert e["chinese"] == [] or all(p["name"] != "Xi Jinping" for p in e["chinese"])
    (e,) = news("From May 31 to June 2, 2018, Director-General Zhao Bentang led the working group to accompany "
                "diplomatic envoys of Latin American and Caribbean Countries to China to visit Henan for an "
                "inspection tour.", published="2018-06-05")
    assert (e["type"], e["date_start"], e["date_end"], e["place"]["province_code"]) == (
        "visit", "2018-05-31", "2018-06-02", "CN-HA")


def test_a_title_ends_before_the_verb():
    (e,) = news("Guo Kailang, vice governor of Hunan Province met in Changsha with Mr. Morgan, British "
                "consul-general in Guangzhou and his delegation on the afternoon of Jan. 12.", published="2011-05-20")
    assert (e["date_start"], e["place"]["city_code"], e["countries"]) == ("2011-01-12", "430100", ["GBR"])
    assert e["chinese"][0]["title"] == "vice governor of Hunan Province"


# -- third round (dev, heldout and heldout2 as dev material; real sentences of those pages) --------------------

def test_an_occasion_held_then_attended_by_a_chinese_party():
    (e,) = press('A: The 30th Pacific Islands Forum (PIF) Leaders Session with Forum Dialogue Partners was held on '
                 'September 4 in Nauru, a country that has the so-called "diplomatic ties" with the Taiwan '
                 'authorities. At the invitation of the PIF Secretariat, China attended the meeting as a Forum '
                 'Dialogue Partner.', published="2018-09-05",
                 title="Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on September 5, 2018")
    assert (e["type"], e["date_start"], e["place"]["country"], e["countries"]) == ("meeting", "2018-09-04", "NRU", [])
    assert [(p["title"], p["described"]) for p in e["chinese"]] == [("China", True)]
    (e,) = press("Geng Shuang: On April 28, the Extraordinary Meeting of BRICS Foreign Ministers on COVID-19 was "
                 "held via video link. State Councilor and Foreign Minister Wang Yi attended that meeting and "
                 "delivered an important address.", published="2020-04-29",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on April 29, 2020")
    assert (e["type"], e["date_start"]) == ("call", "2020-04-28")
    assert [p["name"] for p in e["chinese"]] == ["Wang Yi"]
    # a foreign side's occasion with no Chinese party after it stays no event
    assert press("A: The Berlin Conference on Libya was held in Germany on January 19. Many leaders spoke.") == []


def test_titles_outside_the_gazetteers():
    (e,) = press("A: On November 1, External Security Commissioner of the Chinese Foreign Ministry Cheng Guoping and "
                 "First Deputy Adviser on National Security Council of Afghanistan Atiqullah Noshir co-chaired the "
                 "third meeting of the China-Afghanistan Inter-departmental and Regional Security Cooperation "
                 "Mechanism.", published="2019-11-06",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 6, 2019")
    assert [p["name"] for p in e["chinese"]] == ["Cheng Guoping"]
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Atiqullah Noshir", "AFG")]
    (e,) = news("On August 2nd, 2017, Consul General Luo Linquan met with California Assemblymember Evan Low at the "
                "Chinese Consulate General in San Francisco.", published="2017-08-02")
    assert [p["name"] for p in e["chinese"]] == ["Luo Linquan"]
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Evan Low", "USA")]
    (e,) = news("On February 4, Huang Qiang, Deputy Secretary of the CPC Sichuan Provincial Committee and Governor of "
                "the People's Government of Sichuan Province, met in Chengdu with representatives of consular corps "
                "of Chile, Australia, France and Singapore.", published="2024-02-07")
    assert [p["name"] for p in e["chinese"]] == ["Huang Qiang"]
    (e,) = press("A: On January 18, member of the Political Bureau of the CPC Central Committee and Vice Premier of "
                 "the State Council Liu He and German Vice Chancellor and Federal Minister of Finance Olaf Scholz "
                 "co-chaired the 2nd China-Germany High Level Financial Dialogue in Beijing.", published="2019-01-21",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on January 21, 2019")
    assert (e["type"], [p["name"] for p in e["chinese"]]) == ("talks", ["Liu He"])
    assert [(p["name"], p["country"]) for p in e["foreign"]] == [("Olaf Scholz", "DEU")]


def test_a_fronted_phrase_or_a_topic_names_no_party():
    title = "Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on November 16, 2018"
    assert press("A: After the telephone conversation between the two heads of state on November 1, the high-level "
                 "exchanges between China and the US in the economic and trade areas have resumed.", title=title,
                 published="2018-11-16") == []
    (e,) = press("A: Just like President Xi Jinping pointed out in his phone call with US President Trump on December "
                 "29 at the latter's initiation, China always encourages and supports the DPRK and the US in "
                 "continuing with their dialogues.", published="2019-01-03",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on January 3, 2019")
    assert (e["type"], e["date_start"], e["countries"]) == ("call", "2018-12-29", ["USA"])
    (e,) = press("A: On September 24 local time, State Councilor and Foreign Minister Wang Yi attended a foreign "
                 "ministers' meeting on the Iranian nuclear issue at the UN Headquarters in New York.",
                 published="2018-09-26",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on September 26, 2018")
    assert (e["type"], e["date_start"], e["countries"]) == ("meeting", "2018-09-24", [])
    (e,) = press("A: On December 1, President Xi Jinping and President Trump held a successful meeting on the "
                 "sidelines of the G20 Buenos Aires Summit and reached important consensus.", published="2018-12-03",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on December 3, 2018")
    assert e["countries"] == ["USA"]


def test_not_held_yet_news_of_an_occasion_and_another_time():
    title = "Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on May 24, 2018"
    assert press("A: It is true that the EU, as the coordinator for the implementation of the JCPOA, is coordinating "
                 "with Iran, China, Russia, France, Germany and the UK to hold a Joint Commission meeting in Vienna "
                 "on May 25 to discuss relevant issues.", title=title, published="2018-05-24") == []
    assert press("A: The Spokesperson for the International Department of the Central Committee of the CPC has "
                 "released relevant information this morning on the visit of Chairman Kim Jong Un. Chairman Kim "
                 "Jong Un is visiting China at the invitation of General Secretary of the Central Committee of the "
                 "CPC and President Xi Jinping.", published="2019-01-08",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on January 8, 2019") == []
    (e,) = news("On October 19th, Vice President Xie Yuan met with the Council of State Government (CSG) delegation "
                "of the U.S., headed by Governor Brian Sandoval from the State of Nevada. Chinese President Xi "
                "Jinping recently paid a state visit to the U.S.", published="2015-10-19")
    assert [p["name"] for p in e["chinese"]] == ["Xie Yuan"]


def test_more_ways_of_telling_an_occasion():
    (e,) = press("A: On January 10, State Councilor and Foreign Minister Wang Yi had a stopover in Kenya on his visit "
                 "to Africa, during which he met with Kenyan Foreign Minister Monica Juma.", published="2020-01-13",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 13, 2020")
    assert (e["type"], e["place"]["country"], [p["name"] for p in e["foreign"]]) == ("visit", "KEN", ["Monica Juma"])
    (e,) = press("A: Yesterday, State Councilor and Foreign Minister Wang Yi and Australian Foreign Minister Marise "
                 "Payne held the 5th round of the China-Australia Diplomatic and Strategic Dialogue in Beijing.",
                 published="2018-11-09",
                 title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on November 9, 2018")
    assert (e["type"], e["date_start"], e["countries"]) == ("talks", "2018-11-08", ["AUS"])
    (e,) = press("A: On November 26 and 27, the Fourth Meeting of China-DPRK Joint Committee on Border Issues was "
                 "held in Beijing.", published="2018-11-28",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 28, 2018")
    assert (e["date_start"], e["date_end"], e["countries"]) == ("2018-11-26", "2018-11-27", ["PRK"])


def test_the_counterpart_of_the_sentence_before_and_a_relative_clause():
    # the shapes of dev answers ("... is visiting China. Yesterday, ... met and held talks with him"), as a
    # pronoun alone after the verb; the country is kept, no name is taken
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 7, 2020"
    (e,) = press("A: Prime Minister Thongloun Sisoulith of Laos is visiting China. Yesterday, Premier Li Keqiang held "
                 "talks with him.", title=title, published="2020-01-07")
    assert (e["type"], e["date_start"], e["countries"], e["foreign"]) == ("talks", "2020-01-06", ["LAO"], [])
    (e,) = press("A: Foreign Minister Sergey Lavrov of Russia is in Beijing. This morning, Wang Yi met with him.",
                 title=title, published="2020-01-07")
    assert e["countries"] == ["RUS"] and [p["name"] for p in e["chinese"]] == ["Wang Yi"]
    # two foreign countries before: whose "him" is unknown, no event
    assert press("A: The foreign ministers of Japan and India are in Beijing. This morning, Wang Yi met with him.",
                 title=title, published="2020-01-07") == []
    # the verb of a closed relative clause is not the sentence's
    (e,) = press("A: President Emmanuel Macron of France, who is on a state visit to China, met with President Xi "
                 "Jinping in Shanghai yesterday.", title=title, published="2020-01-07")
    assert (e["type"], e["countries"]) == ("meeting", ["FRA"])
    assert [p["name"] for p in e["foreign"]] == ["Emmanuel Macron"]


def test_a_title_with_and_is_one_subject():
    # written for this test in the shape of the dev answers' long titles
    (e,) = press("A: On March 17, member of the Political Bureau of the CPC Central Committee and Director of the "
                 "Office of the Central Foreign Affairs Commission Yang Jiechi met with Mike Pompeo in Hawaii.",
                 title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on March 18, 2020",
                 published="2020-03-18")
    assert [p["name"] for p in e["chinese"]] == ["Yang Jiechi"] and e["countries"] == ["USA"]


def test_a_monarch_and_a_stay_for_a_visit():
    # written for this test in the shape of the dev answers
    (e,) = press("A: On the afternoon of May 8 local time, Vice President Wang Qishan met with King Felipe VI in "
                 "Madrid.", title=PRESS, published="2020-02-07")
    assert e["countries"] == ["ESP"] and [(p["name"], p["country"]) for p in e["foreign"]] == [("Felipe VI", "ESP")]
    (e,) = press("A: Foreign Minister Retno Marsudi of Indonesia is in China for an official visit from May 3 to 5.",
                 title=PRESS, published="2020-02-07")
    assert (e["type"], e["place"]["country"], e["countries"]) == ("visit", "CHN", ["IDN"])


# -- after the third held-out run (fixes made on its errors; docs/meetings.md gives the figures apart) --------

def test_a_clock_and_an_envoys_region_are_no_place_or_party():
    (e,) = press("Zhao Lijian: On May 18, Special Envoy on Afghan affairs of the Chinese Foreign Ministry Liu Jian, "
                 "Russian Presidential Envoy for Afghanistan Zamir Kabulov, Iranian Foreign Ministry's Special Envoy "
                 "for Afghanistan Mohammad Ebrahim Taherian, and Additional Secretary of the Foreign Ministry of "
                 "Pakistan Safdar Hayat held a video conference on May 18.", published="2020-05-19",
                 title="Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 19, 2020")
    assert sorted(e["countries"]) == ["IRN", "PAK", "RUS"] and [p["name"] for p in e["chinese"]] == ["Liu Jian"]
    assert sorted((p["name"], p["country"]) for p in e["foreign"]) == [
        ("Mohammad Ebrahim Taherian", "IRN"), ("Safdar Hayat", "PAK"), ("Zamir Kabulov", "RUS")]
    (e,) = press("Zhao Lijian: On the night of April 13 Beijing time, China's Ministry of Foreign Affairs held a video "
                 "conference with Andean states.", published="2020-04-17",
                 title="Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on April 17, 2020")
    assert e["place"] == {} or e["place"].get("province_code") != "CN-BJ"
    assert all(p["title"] != "Beijing" for p in e["chinese"])
